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

/// A body an extractor reads, for the frameworks whose integration reads it by hand.
#[cfg(any(feature = "rocket", feature = "warp"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Body {
    /// JSON: `application/json` or `application/*+json`.
    Json,
    /// `application/x-www-form-urlencoded`.
    Form,
}

#[cfg(any(feature = "rocket", feature = "warp"))]
impl Body {
    /// Refuses a body of another `Content-Type` (415), or whose announced `Content-Length` is over
    /// `limit` (413), before any of it is read; the headers are given as raw bytes.
    pub(crate) fn admit<B>(
        self,
        content_type: Option<&[u8]>,
        content_length: Option<&[u8]>,
        limit: u64,
    ) -> Result<(), super::Rejection<B>> {
        let (accepts, expected): (fn(&str) -> bool, _) = match self {
            Body::Json => (is_json_content_type, JSON),
            Body::Form => (is_form_content_type, FORM),
        };
        if !content_type_is(content_type, accepts) {
            return Err(super::Rejection::UnsupportedMediaType { expected });
        }
        let announced = content_length
            .and_then(|value| std::str::from_utf8(value).ok())
            .and_then(|value| value.parse::<u64>().ok());
        if announced.is_some_and(|length| length > limit) {
            return Err(super::Rejection::TooLarge { limit });
        }
        Ok(())
    }

    /// The `T` that `bytes` hold, or the failure of their syntax or shape.
    pub(crate) fn value<T>(self, bytes: &[u8]) -> Result<T, crate::de::Failure>
    where
        T: serde::de::DeserializeOwned + crate::ValidateWith,
    {
        match self {
            Body::Json => crate::de::json_value(bytes),
            Body::Form => crate::de::form_value(bytes).map_err(crate::de::Failure::Invalid),
        }
    }
}

/// An extractor: a `T` that passed every rule, in `.0`, and `Deref` to it.
#[cfg(any(
    feature = "axum",
    feature = "actix-web",
    feature = "poem",
    feature = "rocket"
))]
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
#[cfg(any(
    feature = "axum",
    feature = "actix-web",
    feature = "poem",
    feature = "rocket"
))]
pub(crate) use extractor;

/// A framework's extractors, `ValidJson`, `ValidQuery` and `ValidForm`: each says what it
/// reads, then has the framework's own docs.
#[cfg(any(
    feature = "axum",
    feature = "actix-web",
    feature = "poem",
    feature = "rocket"
))]
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
#[cfg(any(
    feature = "axum",
    feature = "actix-web",
    feature = "poem",
    feature = "rocket"
))]
pub(crate) use extractors;

/// `BodyError::to_status` for a framework whose status type is `$status`.
#[cfg(any(
    feature = "axum",
    feature = "actix-web",
    feature = "poem",
    feature = "warp"
))]
macro_rules! to_status {
    ($status:ty) => {
        fn to_status(code: u16) -> $status {
            <$status>::from_u16(code).unwrap_or(<$status>::INTERNAL_SERVER_ERROR)
        }
    };
}
#[cfg(any(
    feature = "axum",
    feature = "actix-web",
    feature = "poem",
    feature = "warp"
))]
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
