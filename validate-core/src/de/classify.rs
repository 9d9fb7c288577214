//! Serde's error messages turned into errors a client can act on: the code and message of each
//! kind of failure, taken from the part of serde's message that comes from the schema (the
//! expected type, the list of variants), never from the part that describes the input.

use crate::{Error, Path, Report, Segment};

/// `Validate::__trace` of the type being deserialized.
pub(super) type Trace = fn(&mut [Segment]);

/// The path serde traced, in the syntax of the rules' paths (`trace` of the root type).
pub(super) fn segments(path: &serde_path_to_error::Path, trace: Trace) -> Vec<Segment> {
    let mut segments = Vec::new();
    for segment in path {
        match segment {
            serde_path_to_error::Segment::Seq { index } => segments.push(Segment::Index(*index)),
            serde_path_to_error::Segment::Map { key } => {
                segments.push(Segment::field_named(key));
            }
            serde_path_to_error::Segment::Enum { variant } => {
                segments.push(Segment::field_named(variant));
            }
            // Past a segment serde cannot name, the rest of the path would be a guess; the
            // part before it is still right.
            serde_path_to_error::Segment::Unknown => break,
        }
    }
    trace(&mut segments);
    segments
}

/// Adds the error that serde's `message` describes, at `segments`.
pub(super) fn push_classified(report: &mut Report, mut segments: Vec<Segment>, message: &str) {
    let (field, error) = classify(strip_position(message));
    if let Some(field) = field {
        segments.push(Segment::field_named(field));
    }
    report.push(Path::from_segments(segments), error, None);
}

/// Serde's `message` with nothing of the input in it, for the errors `Valid<T>`'s
/// `Deserialize` returns to any deserializer: what was expected, never what came.
///
/// ```
/// # #[cfg(feature = "json")] {
/// #[derive(Debug, serde::Deserialize, validate_core::Validate)]
/// struct Pin {
///     #[validate(sensitive)]
///     pin: u32,
/// }
///
/// let error = serde_json::from_str::<validate_core::Valid<Pin>>(r#"{"pin":"secret-4321"}"#);
/// let message = error.unwrap_err().to_string();
/// assert!(message.starts_with("invalid type: expected u32"), "{message}");
/// assert!(!message.contains("secret"));
/// # }
/// ```
pub(crate) fn conceal(message: &str) -> String {
    // The message of a nested `Valid<T>`'s failed validation has no value in it.
    if message.starts_with(crate::valid::FAILED) {
        return message.to_owned();
    }
    match classify(strip_position(message)) {
        (Some(field), error) if error.code() == "missing_field" => {
            format!("missing field `{field}`")
        }
        (Some(field), _) => format!("duplicate field `{field}`"),
        (None, error) if error.message().starts_with("unknown field") => error.message().to_owned(),
        (None, error) => format!("{}: {}", error.code().replace('_', " "), error.message()),
    }
}

/// The error of serde's `message` (without its position), and the name of the field it is
/// about when the message names one of the schema (a missing or duplicate field).
fn classify(message: &str) -> (Option<&str>, Error) {
    if let Some(field) = backticked(message, "missing field `") {
        return (
            Some(field),
            Error::new("missing_field").with_message("is required"),
        );
    }
    if let Some(field) = backticked(message, "duplicate field `") {
        return (
            Some(field),
            Error::new("duplicate_field").with_message("is given more than once"),
        );
    }
    let error = if message.starts_with("invalid type: ") {
        expected_error("invalid_type", message, ", expected ", "has the wrong type")
    } else if message.starts_with("invalid value: ") {
        expected_error("invalid_value", message, ", expected ", INVALID_VALUE)
    } else if message.starts_with("invalid length ") {
        expected_error(
            "invalid_length",
            message,
            ", expected ",
            "has the wrong length",
        )
    } else if message.starts_with("unknown variant `") {
        if message.ends_with("`, there are no variants") {
            Error::new("unknown_variant").with_message("there are no variants")
        } else {
            expected_error(
                "unknown_variant",
                message,
                "`, expected ",
                "is not a known variant",
            )
        }
    } else if message.starts_with("unknown field `") {
        if message.ends_with("`, there are no fields") {
            Error::new("unknown_field").with_message("unknown field, there are no fields")
        } else {
            match expected(message, "`, expected ") {
                Some(expected) => Error::new("unknown_field")
                    .with_message(format!("unknown field, expected {expected}"))
                    .with_param("expected", expected.to_owned()),
                None => Error::new("unknown_field").with_message("unknown field"),
            }
        }
    } else {
        match parse_failure(message) {
            Some(error) => error,
            None => Error::new("invalid_value").with_message(INVALID_VALUE),
        }
    };
    (None, error)
}

pub(super) const INVALID_VALUE: &str = "is not a valid value";

/// How long an `expected` text may be before it is not trusted to be the schema's.
const MAX_EXPECTED: usize = 200;

/// An error whose message is `expected {what}`, `what` being the text after the last
/// `separator` in serde's message. Serde writes the input before the separator and the
/// expectation (from the schema) after it, so whatever the input contains, the text after the
/// last separator is part of the expectation.
fn expected_error(
    code: &'static str,
    message: &str,
    separator: &str,
    fallback: &'static str,
) -> Error {
    match expected(message, separator) {
        Some(expected) => Error::new(code)
            .with_message(format!("expected {expected}"))
            .with_param("expected", expected.to_owned()),
        None => Error::new(code).with_message(fallback),
    }
}

fn expected<'a>(message: &'a str, separator: &str) -> Option<&'a str> {
    let (_, expected) = message.rsplit_once(separator)?;
    let plausible = !expected.is_empty()
        && expected.len() <= MAX_EXPECTED
        && !expected.contains('"')
        && !expected.chars().any(char::is_control);
    plausible.then_some(expected)
}

/// The name in ``missing field `name` ``: a field of the schema.
fn backticked<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    let name = message.strip_prefix(prefix)?.strip_suffix('`')?;
    (!name.contains('`')).then_some(name)
}

/// Failures of `FromStr` on numbers and booleans (how text formats such as query strings parse
/// them): fixed messages of the standard library that never quote the input.
fn parse_failure(message: &str) -> Option<Error> {
    let (code, message) = match message {
        "invalid digit found in string" | "cannot parse integer from empty string" => {
            ("invalid_type", "expected an integer")
        }
        "invalid float literal" => ("invalid_type", "expected a number"),
        "provided string was not `true` or `false`" => ("invalid_type", "expected a boolean"),
        "number too large to fit in target type" | "number too small to fit in target type" => {
            ("invalid_value", "is out of range")
        }
        _ => return None,
    };
    Some(Error::new(code).with_message(message))
}

/// `message` without serde_json's ` at line L column C` suffix.
pub(super) fn strip_position(message: &str) -> &str {
    let Some((head, tail)) = message.rsplit_once(" at line ") else {
        return message;
    };
    let Some((line, column)) = tail.split_once(" column ") else {
        return message;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(line) && digits(column) {
        head
    } else {
        message
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(message: &str) -> (String, String, String) {
        let mut report = Report::new();
        push_classified(&mut report, vec![Segment::Field("f".into())], message);
        let e = &report.errors()[0];
        (
            e.path().to_string(),
            e.code().to_owned(),
            e.message().to_owned(),
        )
    }

    #[test]
    fn messages_come_from_the_expected_part_only() {
        let cases = [
            (
                r#"invalid type: string "secret", expected u8 at line 1 column 9"#,
                ("f", "invalid_type", "expected u8"),
            ),
            (
                r#"invalid type: string "x, expected secret", expected u8"#,
                ("f", "invalid_type", "expected u8"),
            ),
            (
                "invalid value: integer `7`, expected a digit",
                ("f", "invalid_value", "expected a digit"),
            ),
            (
                "invalid length 3, expected an array of length 2",
                ("f", "invalid_length", "expected an array of length 2"),
            ),
            (
                "unknown variant `secret`, expected one of `a`, `b`",
                ("f", "unknown_variant", "expected one of `a`, `b`"),
            ),
            (
                "unknown variant `secret`, expected `a`",
                ("f", "unknown_variant", "expected `a`"),
            ),
            (
                "unknown variant `secret`, there are no variants",
                ("f", "unknown_variant", "there are no variants"),
            ),
            (
                "unknown field `secret`, expected `a` or `b`",
                ("f", "unknown_field", "unknown field, expected `a` or `b`"),
            ),
            (
                "missing field `zip`",
                ("f.zip", "missing_field", "is required"),
            ),
            (
                "missing field `zip` at line 1 column 2",
                ("f.zip", "missing_field", "is required"),
            ),
            (
                "duplicate field `zip`",
                ("f.zip", "duplicate_field", "is given more than once"),
            ),
            (
                "invalid digit found in string",
                ("f", "invalid_type", "expected an integer"),
            ),
            (
                "invalid character: found `z` at 1",
                ("f", "invalid_value", "is not a valid value"),
            ),
            (
                r#"invalid type: string "a", expected "secret""#,
                ("f", "invalid_type", "has the wrong type"),
            ),
            (
                "missing field `a` or `b`",
                ("f", "invalid_value", "is not a valid value"),
            ),
        ];
        for (message, (path, code, text)) in cases {
            assert_eq!(
                classify(message),
                (path.to_owned(), code.to_owned(), text.to_owned()),
                "{message}"
            );
        }
    }

    #[test]
    fn position_suffix() {
        assert_eq!(strip_position("x at line 1 column 2"), "x");
        assert_eq!(strip_position("x at line 1 column"), "x at line 1 column");
        assert_eq!(
            strip_position("x at line a column 2"),
            "x at line a column 2"
        );
        assert_eq!(strip_position("x"), "x");
    }
}
