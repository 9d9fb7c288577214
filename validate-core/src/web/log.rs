//! The `tracing` event of a refused request (feature `tracing`), which [`web`](super) describes:
//! each framework's extractors hand over the request's method and path, the rest is here.

use std::fmt::{self, Write};

use super::{BodyError, Rejection};
use crate::Report;
use crate::rules::no_control;

/// The target of the event, for filters.
const TARGET: &str = "validate_core::rejection";

/// How many bytes of the method and of the path an event shows.
const REQUEST_BYTES: usize = 512;

impl<B: BodyError> Rejection<B> {
    /// Emits the event of this refusal of a `method` request for `path`, the URI path as it
    /// arrived (still percent-encoded, without the query).
    pub(crate) fn log(&self, method: &str, path: &str) {
        let status = self.code();
        let errors = self.report().map_or(0, Report::len);
        let method = Encoded(method);
        let path = Encoded(path);
        match self {
            Rejection::Invalid(report) => event(status, method, path, errors, report),
            other => event(status, method, path, errors, other.problem().detail()),
        }
    }
}

/// A `WARN` event, or an `ERROR` one for a 5xx: the service's fault, not the client's.
fn event(
    status: u16,
    method: Encoded<'_>,
    path: Encoded<'_>,
    errors: usize,
    message: impl fmt::Display,
) {
    let message = OneLine(message);
    if status >= 500 {
        tracing::error!(target: TARGET, status, method = %method, path = %path, errors, "{message}");
    } else {
        tracing::warn!(target: TARGET, status, method = %method, path = %path, errors, "{message}");
    }
}

/// Request text as a URI shows it: bytes other than visible ASCII percent-encoded, and nothing
/// decoded, so that no escape the client wrote turns into the character it stands for.
struct Encoded<'a>(&'a str);

impl fmt::Display for Encoded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bytes = self.0.as_bytes();
        let (shown, rest) = bytes.split_at(bytes.len().min(REQUEST_BYTES));
        for &byte in shown {
            if byte.is_ascii_graphic() {
                f.write_char(char::from(byte))?;
            } else {
                write!(f, "%{byte:02X}")?;
            }
        }
        if !rest.is_empty() {
            write!(f, "…(+{} bytes)", rest.len())?;
        }
        Ok(())
    }
}

/// A `Display` on one line: a report's line breaks become `; `, and any other character that
/// could break or reorder a log line is escaped as `\u{..}`.
struct OneLine<T>(T);

impl<T: fmt::Display> fmt::Display for OneLine<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(OneLineWriter(f), "{}", self.0)
    }
}

struct OneLineWriter<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl Write for OneLineWriter<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let mut clean = 0;
        for (i, c) in s.char_indices() {
            if c == '\n' || c == '\t' || no_control::is_forbidden(c) {
                self.0.write_str(&s[clean..i])?;
                match c {
                    '\n' => self.0.write_str("; ")?,
                    c => write!(self.0, "\\u{{{:x}}}", c as u32)?,
                }
                clean = i + c.len_utf8();
            }
        }
        self.0.write_str(&s[clean..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_keeps_escapes_and_encodes_the_rest() {
        assert_eq!(Encoded("/a%0Ab/c").to_string(), "/a%0Ab/c");
        assert_eq!(Encoded("/a b\u{2028}").to_string(), "/a%20b%E2%80%A8");
        assert_eq!(Encoded("/\u{202e}x\n").to_string(), "/%E2%80%AEx%0A");
        let long = format!("/{}", "a".repeat(1000));
        assert_eq!(
            Encoded(&long).to_string(),
            format!("/{}…(+489 bytes)", "a".repeat(511))
        );
    }

    #[test]
    fn one_line_joins_lines_and_escapes_breaks() {
        assert_eq!(OneLine("a: x\nb: y").to_string(), "a: x; b: y");
        assert_eq!(
            OneLine("a\u{2028}b\u{2029}c\u{202e}d\re\tf").to_string(),
            "a\\u{2028}b\\u{2029}c\\u{202e}d\\u{d}e\\u{9}f"
        );
    }
}
