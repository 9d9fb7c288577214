//! What every framework's extractors do alike: the media types they read, the `Content-Type`
//! check and the extractor types.

/// The media type [`ValidJson`](crate::axum::ValidJson) reads, for 415 answers.
pub(crate) const JSON: &str = "application/json";
/// The media type `ValidForm` reads.
pub(crate) const FORM: &str = "application/x-www-form-urlencoded";

/// Whether a `Content-Type` value names JSON: `application/json` or `application/*+json`,
/// parameters allowed.
pub(crate) fn is_json_content_type(content_type: &str) -> bool {
    let essence = media_type(content_type);
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || subtype.len() > 5
                && subtype.is_char_boundary(subtype.len() - 5)
                && subtype[subtype.len() - 5..].eq_ignore_ascii_case("+json"))
}

/// Whether a `Content-Type` value is `application/x-www-form-urlencoded`, parameters allowed.
pub(crate) fn is_form_content_type(content_type: &str) -> bool {
    media_type(content_type).eq_ignore_ascii_case(FORM)
}

fn media_type(content_type: &str) -> &str {
    content_type
        .split_once(';')
        .map_or(content_type, |(essence, _)| essence)
        .trim()
}

/// Whether a `Content-Type` header value, if any, is one `accepts` takes; like the frameworks'
/// `HeaderValue::to_str`, only a value of visible ASCII (and tabs) is read.
pub(crate) fn content_type_is(value: Option<&[u8]>, accepts: fn(&str) -> bool) -> bool {
    value
        .filter(|bytes| {
            bytes
                .iter()
                .all(|&b| b == b'\t' || (b' '..0x7f).contains(&b))
        })
        .and_then(|bytes| std::str::from_utf8(bytes).ok())
        .is_some_and(accepts)
}

/// An extractor: a `T` that passed every rule, in `.0`, and `Deref` to it.
macro_rules! extractor {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
        pub struct $name<T>(pub T);

        impl<T> ::std::ops::Deref for $name<T> {
            type Target = T;
            fn deref(&self) -> &T {
                &self.0
            }
        }
    };
}
pub(crate) use extractor;

/// A framework's extractors, `ValidJson`, `ValidQuery` and `ValidForm`: each says what it
/// reads, then has the framework's own docs.
macro_rules! extractors {
    (
        $(#[$json:meta])* ValidJson;
        $(#[$query:meta])* ValidQuery;
        $(#[$form:meta])* ValidForm;
    ) => {
        $crate::web::request::extractor! {
            /// Extracts a `T` from a JSON body (`Content-Type: application/json` or
            /// `application/*+json`), then normalizes and validates it.
            ///
            $(#[$json])*
            ValidJson
        }
        $crate::web::request::extractor! {
            /// Extracts a `T` from the query string (everything after `?`), then normalizes
            /// and validates it.
            ///
            $(#[$query])*
            ValidQuery
        }
        $crate::web::request::extractor! {
            /// Extracts a `T` from an `application/x-www-form-urlencoded` body, then
            /// normalizes and validates it.
            ///
            $(#[$form])*
            ValidForm
        }
    };
}
pub(crate) use extractors;

/// `BodyError::to_status` for a framework whose status type is `$status`.
macro_rules! to_status {
    ($status:ty) => {
        fn to_status(code: u16) -> $status {
            <$status>::from_u16(code).unwrap_or(<$status>::INTERNAL_SERVER_ERROR)
        }
    };
}
pub(crate) use to_status;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types() {
        for accepted in [
            "application/json",
            "Application/JSON; charset=utf-8",
            "application/problem+json",
            " application/json ;",
        ] {
            assert!(is_json_content_type(accepted), "{accepted}");
        }
        for rejected in [
            "text/json",
            "application/jsonx",
            "application/+jso",
            "json",
            "",
        ] {
            assert!(!is_json_content_type(rejected), "{rejected}");
        }
        assert!(is_form_content_type(
            "application/x-www-form-urlencoded; charset=utf-8"
        ));
        assert!(!is_form_content_type("multipart/form-data"));
    }
}
