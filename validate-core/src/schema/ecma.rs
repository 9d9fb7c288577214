//! Rust regex syntax to the ECMA-262 syntax JSON Schema's `pattern` uses, with the `u` flag (as
//! JSON Schema 2020-12 asks), through regex-syntax's `Hir`, where flags are already applied:
//! `(?i)` is a class of both cases, `.` a class without `\n`. What ECMA-262 cannot say with the
//! same meaning (Unicode word boundaries, multi-line anchors, byte classes) translates to
//! `None`, and the rule is left out rather than stated as something else.

use std::fmt::Write;

use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition};

/// `pattern`, a full match in Rust syntax, as an anchored ECMA-262 pattern.
pub fn full_match(pattern: &str) -> Option<String> {
    translate(pattern).map(|p| format!("^(?:{p})$"))
}

/// The ECMA-262 form of `pattern` (Rust syntax, search semantics), or `None`.
pub fn translate(pattern: &str) -> Option<String> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    let mut out = String::new();
    write(&hir, &mut out)?;
    Some(out)
}

/// `literal`, matched as it is.
pub fn literal(literal: &str) -> String {
    let mut out = String::new();
    for c in literal.chars() {
        char_escaped(c, false, &mut out);
    }
    out
}

fn write(hir: &Hir, out: &mut String) -> Option<()> {
    match hir.kind() {
        HirKind::Empty => Some(()),
        HirKind::Literal(literal) => {
            for c in std::str::from_utf8(&literal.0).ok()?.chars() {
                char_escaped(c, false, out);
            }
            Some(())
        }
        HirKind::Class(Class::Unicode(class)) => {
            class_of(class, out);
            Some(())
        }
        HirKind::Class(Class::Bytes(_)) => None,
        HirKind::Look(look) => {
            out.push_str(match look {
                Look::Start => "^",
                Look::End => "$",
                Look::WordAscii => "\\b",
                Look::WordAsciiNegate => "\\B",
                _ => return None,
            });
            Some(())
        }
        HirKind::Repetition(repetition) => {
            atom(&repetition.sub, out)?;
            quantifier(repetition, out);
            Some(())
        }
        HirKind::Capture(capture) => {
            out.push_str("(?:");
            write(&capture.sub, out)?;
            out.push(')');
            Some(())
        }
        HirKind::Concat(items) => items.iter().try_for_each(|item| {
            if matches!(item.kind(), HirKind::Alternation(_)) {
                atom(item, out)
            } else {
                write(item, out)
            }
        }),
        HirKind::Alternation(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                write(item, out)?;
            }
            Some(())
        }
    }
}

/// `hir` as one atom a quantifier can follow.
fn atom(hir: &Hir, out: &mut String) -> Option<()> {
    let single = match hir.kind() {
        HirKind::Class(_) | HirKind::Capture(_) => true,
        HirKind::Literal(literal) => std::str::from_utf8(&literal.0).ok()?.chars().count() == 1,
        _ => false,
    };
    if single {
        write(hir, out)
    } else {
        out.push_str("(?:");
        write(hir, out)?;
        out.push(')');
        Some(())
    }
}

fn quantifier(repetition: &Repetition, out: &mut String) {
    match (repetition.min, repetition.max) {
        (0, None) => out.push('*'),
        (1, None) => out.push('+'),
        (0, Some(1)) => out.push('?'),
        (min, None) => write!(out, "{{{min},}}").unwrap(),
        (min, Some(max)) if min == max => write!(out, "{{{min}}}").unwrap(),
        (min, Some(max)) => write!(out, "{{{min},{max}}}").unwrap(),
    }
    if !repetition.greedy {
        out.push('?');
    }
}

/// The class of every character outside `ranges`.
pub fn class_without(ranges: &[(char, char)]) -> String {
    let mut class = ClassUnicode::new(
        ranges
            .iter()
            .map(|&(lo, hi)| ClassUnicodeRange::new(lo, hi)),
    );
    class.negate();
    let mut out = String::new();
    class_of(&class, &mut out);
    out
}

/// A class, as a set or as the complement of one, whichever is shorter.
fn class_of(class: &ClassUnicode, out: &mut String) {
    let mut negated = class.clone();
    negated.negate();
    let (ranges, caret) = if negated.ranges().len() < class.ranges().len() {
        (negated.ranges(), "^")
    } else {
        (class.ranges(), "")
    };
    if ranges.is_empty() {
        // Every character (`[^]` would mean "none" in some engines).
        out.push_str(if caret.is_empty() {
            "[^\\s\\S]"
        } else {
            "[\\s\\S]"
        });
        return;
    }
    out.push('[');
    out.push_str(caret);
    for range in ranges {
        range_of(range, out);
    }
    out.push(']');
}

fn range_of(range: &ClassUnicodeRange, out: &mut String) {
    char_escaped(range.start(), true, out);
    if range.end() != range.start() {
        out.push('-');
        char_escaped(range.end(), true, out);
    }
}

/// One character: ASCII letters, digits and plain punctuation as they are, syntax characters
/// escaped (and `-` in a class: the `u` flag allows no other identity escape), anything else as
/// `\uXXXX` (or `\u{X}` beyond the BMP, which the `u` flag reads).
fn char_escaped(c: char, in_class: bool, out: &mut String) {
    match c {
        'a'..='z'
        | 'A'..='Z'
        | '0'..='9'
        | ' '
        | '_'
        | '@'
        | '!'
        | '"'
        | '#'
        | '%'
        | '&'
        | '\''
        | ','
        | ':'
        | ';'
        | '<'
        | '='
        | '>'
        | '`'
        | '~' => out.push(c),
        '-' if !in_class => out.push(c),
        '^' | '$' | '\\' | '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|'
        | '/' | '-' => {
            out.push('\\');
            out.push(c);
        }
        c if (c as u32) < 0x1_0000 => write!(out, "\\u{:04X}", c as u32).unwrap(),
        c => write!(out, "\\u{{{:X}}}", c as u32).unwrap(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translates_what_means_the_same() {
        assert_eq!(full_match("[a-z0-9_]+").unwrap(), "^(?:[0-9_a-z]+)$");
        assert_eq!(full_match("a|ab").unwrap(), "^(?:a|ab)$");
        assert_eq!(full_match("(ab)+c?").unwrap(), "^(?:(?:ab)+c?)$");
        assert_eq!(full_match("x{2,5}?").unwrap(), "^(?:x{2,5}?)$");
        assert_eq!(full_match("(?i)k").unwrap(), "^(?:[Kk\\u212A])$");
        assert_eq!(full_match(".").unwrap(), "^(?:[^\\u000A])$");
        assert_eq!(full_match("[^@]+@").unwrap(), "^(?:[^@]+@)$");
        assert_eq!(literal("a.b/c-\u{1F600}"), "a\\.b\\/c-\\u{1F600}");
        assert_eq!(full_match("[a\\-]").unwrap(), "^(?:[\\-a])$");
    }

    #[test]
    fn leaves_out_what_would_mean_something_else() {
        assert_eq!(translate(r"\bword\b"), None); // Unicode word boundary
        assert_eq!(translate(r"(?m)^a$"), None);
        assert_eq!(translate(r"(?-u)\xFF"), None);
        assert_eq!(translate("("), None);
    }
}
