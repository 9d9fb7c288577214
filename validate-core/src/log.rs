//! Log-safe views of untrusted strings: [`preview`] escapes and bounds a value for a log line,
//! [`truncate`] cuts a string to a byte budget on a char boundary.
//!
//! Untrusted input in a log can forge lines (`\n`, U+2028), hide or reorder text (bidi overrides,
//! zero-width characters) or flood the log (a 10 MB field). A preview shows at most a fixed number
//! of characters, escapes every character that could do any of that, and says how much it left out.

use std::fmt::{self, Write};

use crate::text::Text;

/// A `Display` of at most `max_chars` characters of `s`, escaped for a single log line.
///
/// Every character [`no_control`](crate::rules::no_control) rejects (controls, format characters
/// such as bidi controls, zero-width characters and tags, line and paragraph separators, the
/// Hangul fillers), tabs, newlines, quotes and backslashes are escaped (`\n`, `\"`, `\u{202e}`); when `s` is
/// longer than `max_chars` characters the rest is replaced by `…(+N bytes)`. Writing it costs
/// O(`max_chars`) whatever the length of `s`, and never panics.
///
/// ```
/// use validate_core::log::preview;
/// assert_eq!(preview("hello", 10).to_string(), "hello");
/// assert_eq!(preview("a\nb\u{202e}c", 10).to_string(), "a\\nb\\u{202e}c");
/// assert_eq!(preview("abcdef", 3).to_string(), "abc…(+3 bytes)");
/// ```
pub fn preview(s: &str, max_chars: usize) -> Preview<'_> {
    Preview { s, max_chars }
}

/// The longest prefix of `s` that is at most `max_bytes` long and ends on a char boundary.
///
/// ```
/// use validate_core::log::truncate;
/// assert_eq!(truncate("héllo", 2), "h");
/// assert_eq!(truncate("héllo", 3), "hé");
/// assert_eq!(truncate("héllo", 100), "héllo");
/// ```
pub fn truncate(s: &str, max_bytes: usize) -> &str {
    if s.len() <= max_bytes {
        return s;
    }
    let mut end = max_bytes;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The result of [`preview`]: writes the escaped, bounded form of a string.
#[derive(Debug, Clone, Copy)]
pub struct Preview<'a> {
    s: &'a str,
    max_chars: usize,
}

impl Preview<'_> {
    /// The part written (at most `max_chars` chars) and the part left out.
    fn split(&self) -> (&str, &str) {
        // A string of at most `max_chars` bytes has at most that many chars; a prefix of
        // `max_chars` ASCII bytes is exactly that many chars and ends on a boundary.
        if self.s.len() <= self.max_chars {
            return (self.s, "");
        }
        if self.s.as_bytes()[..self.max_chars].is_ascii() {
            return self.s.split_at(self.max_chars);
        }
        let cut = self
            .s
            .char_indices()
            .nth(self.max_chars)
            .map_or(self.s.len(), |(i, _)| i);
        self.s.split_at(cut)
    }

    /// The preview as the report keeps it for every error: text that needs no escaping is
    /// copied as it is instead of going through the formatter char by char.
    pub(crate) fn to_text(self) -> Text {
        let (kept, rest) = self.split();
        Text::write_with(|out| {
            if kept
                .bytes()
                .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\')
            {
                out.write_str(kept)?;
            } else {
                write!(out, "{}", escape(kept))?;
            }
            if !rest.is_empty() {
                write!(out, "…(+{} bytes)", rest.len())?;
            }
            Ok(())
        })
    }
}

impl fmt::Display for Preview<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kept, rest) = self.split();
        write!(f, "{}", escape(kept))?;
        if rest.is_empty() {
            Ok(())
        } else {
            write!(f, "…(+{} bytes)", rest.len())
        }
    }
}

/// A `Display` of all of `s`, escaped like [`preview`] but not shortened; for strings whose
/// length is already bounded, such as field names and messages.
///
/// ```
/// use validate_core::log::escape;
/// assert_eq!(escape("say \"hi\"\r\n").to_string(), "say \\\"hi\\\"\\r\\n");
/// ```
pub fn escape(s: &str) -> Escape<'_> {
    Escape { s }
}

/// The result of [`escape`].
#[derive(Debug, Clone, Copy)]
pub struct Escape<'a> {
    s: &'a str,
}

impl fmt::Display for Escape<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut clean = 0;
        for (i, c) in self.s.char_indices() {
            if needs_escape(c) {
                f.write_str(&self.s[clean..i])?;
                write_escaped(f, c)?;
                clean = i + c.len_utf8();
            }
        }
        f.write_str(&self.s[clean..])
    }
}

pub(crate) fn needs_escape(c: char) -> bool {
    matches!(c, '"' | '\\') || crate::rules::no_control::is_forbidden(c) || matches!(c, '\t' | '\n')
}

fn write_escaped(f: &mut fmt::Formatter<'_>, c: char) -> fmt::Result {
    match c {
        '\n' => f.write_str("\\n"),
        '\r' => f.write_str("\\r"),
        '\t' => f.write_str("\\t"),
        '"' => f.write_str("\\\""),
        '\\' => f.write_str("\\\\"),
        c if needs_escape(c) => write!(f, "\\u{{{:x}}}", c as u32),
        c => f.write_char(c),
    }
}
