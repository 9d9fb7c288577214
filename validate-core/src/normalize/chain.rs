//! A chain of string normalizers as `#[normalize(..)]` writes them: [`Normalizer`], the bound
//! that keeps the work of a chain within the field's length limit, and the fast path of text
//! that is ASCII, or becomes ASCII under NFKC.

use std::borrow::Cow;

use super::quick;
use crate::rules::no_control;

/// A string normalizer, by name: what `#[normalize(trim, nfkc, lowercase)]` lists.
///
/// ```
/// use validate_core::normalize::Normalizer;
/// assert_eq!(Normalizer::from_name("nfkc"), Some(Normalizer::Nfkc));
/// assert_eq!(Normalizer::Nfkc.apply("Ａ１"), "A1");
/// assert_eq!(Normalizer::Trim.name(), "trim");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Normalizer {
    /// [`trim`](super::trim)
    Trim,
    /// [`trim_start`](super::trim_start)
    TrimStart,
    /// [`trim_end`](super::trim_end)
    TrimEnd,
    /// [`lowercase`](super::lowercase)
    Lowercase,
    /// [`uppercase`](super::uppercase)
    Uppercase,
    /// [`nfc`](super::nfc)
    Nfc,
    /// [`nfd`](super::nfd)
    Nfd,
    /// [`nfkc`](super::nfkc)
    Nfkc,
    /// [`nfkd`](super::nfkd)
    Nfkd,
    /// [`collapse_whitespace`](super::collapse_whitespace)
    CollapseWhitespace,
    /// [`strip_control`](super::strip_control)
    StripControl,
}

impl Normalizer {
    /// Every normalizer.
    pub const ALL: [Normalizer; 11] = [
        Normalizer::Trim,
        Normalizer::TrimStart,
        Normalizer::TrimEnd,
        Normalizer::Lowercase,
        Normalizer::Uppercase,
        Normalizer::Nfc,
        Normalizer::Nfd,
        Normalizer::Nfkc,
        Normalizer::Nfkd,
        Normalizer::CollapseWhitespace,
        Normalizer::StripControl,
    ];

    /// The name `#[normalize(..)]` knows it by.
    pub const fn name(self) -> &'static str {
        match self {
            Normalizer::Trim => "trim",
            Normalizer::TrimStart => "trim_start",
            Normalizer::TrimEnd => "trim_end",
            Normalizer::Lowercase => "lowercase",
            Normalizer::Uppercase => "uppercase",
            Normalizer::Nfc => "nfc",
            Normalizer::Nfd => "nfd",
            Normalizer::Nfkc => "nfkc",
            Normalizer::Nfkd => "nfkd",
            Normalizer::CollapseWhitespace => "collapse_whitespace",
            Normalizer::StripControl => "strip_control",
        }
    }

    /// The normalizer named `name`.
    pub const fn from_name(name: &str) -> Option<Normalizer> {
        let mut i = 0;
        while i < Self::ALL.len() {
            if eq(Self::ALL[i].name().as_bytes(), name.as_bytes()) {
                return Some(Self::ALL[i]);
            }
            i += 1;
        }
        None
    }

    /// The normal form of `s`; borrowed when `s` is in it already.
    pub fn apply(self, s: &str) -> Cow<'_, str> {
        match self {
            Normalizer::Trim => super::trim(s),
            Normalizer::TrimStart => super::trim_start(s),
            Normalizer::TrimEnd => super::trim_end(s),
            Normalizer::Lowercase => super::lowercase(s),
            Normalizer::Uppercase => super::uppercase(s),
            Normalizer::Nfc => super::nfc(s),
            Normalizer::Nfd => super::nfd(s),
            Normalizer::Nfkc => super::nfkc(s),
            Normalizer::Nfkd => super::nfkd(s),
            Normalizer::CollapseWhitespace => super::collapse_whitespace(s),
            Normalizer::StripControl => super::strip_control(s),
        }
    }

    /// What [`quick::is_normal`] checks for this normalizer.
    pub(crate) const fn flag(self) -> u32 {
        match self {
            Normalizer::Trim => quick::TRIM_START | quick::TRIM_END,
            Normalizer::TrimStart => quick::TRIM_START,
            Normalizer::TrimEnd => quick::TRIM_END,
            Normalizer::Lowercase => quick::LOWERCASE,
            Normalizer::Uppercase => quick::UPPERCASE,
            Normalizer::Nfc | Normalizer::Nfd | Normalizer::Nfkc | Normalizer::Nfkd => {
                quick::UNICODE
            }
            Normalizer::CollapseWhitespace => quick::COLLAPSE_WHITESPACE,
            Normalizer::StripControl => quick::STRIP_CONTROL,
        }
    }

    /// The flags of a chain, for `StrMut::is_normal`.
    pub const fn flags(chain: &[Normalizer]) -> u32 {
        let mut flags = 0;
        let mut i = 0;
        while i < chain.len() {
            flags |= chain[i].flag();
            i += 1;
        }
        flags
    }
}

const fn eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// How many times a chain runs at most. The chain runs again while a pass changes the value,
/// because one normalizer can undo another's work (NFKC turns `¯` into a space and a combining
/// macron, which a `trim` before it did not see); real chains settle in two passes.
pub const NORMALIZE_PASSES: usize = 4;

/// How many characters a normal form can have merged into one: canonical composition joins a
/// character with its combining marks, and no character's canonical decomposition is longer than
/// four (`tests/tests/bounded.rs` checks every code point).
pub const MAX_COMPOSED: usize = 4;

/// Whether no normal form of `s` under `chain` has at most `max_chars` characters, so that the
/// chain need not run on a value that fails its `length` anyway.
///
/// No normalizer removes a character that is neither whitespace nor one `strip_control` strips,
/// and none but the Unicode forms join characters (at most [`MAX_COMPOSED`] into one); so such a
/// count, divided by that, bounds the length of every result from below. It stops counting as
/// soon as the bound is passed: a 2 MB value against `max = 32` reads a few hundred bytes.
pub(crate) fn cannot_fit(s: &str, chain: &[Normalizer], max_chars: usize) -> bool {
    let joins = chain.iter().any(|n| {
        matches!(
            n,
            Normalizer::Nfc | Normalizer::Nfd | Normalizer::Nfkc | Normalizer::Nfkd
        )
    });
    let limit = max_chars.saturating_mul(if joins { MAX_COMPOSED } else { 1 });
    // A value of at most `limit` bytes has at most `limit` characters.
    if s.len() <= limit {
        return false;
    }
    let kept = |c: &char| !c.is_whitespace() && !no_control::is_forbidden(*c);
    s.chars().filter(kept).nth(limit).is_some()
}

/// Runs `chain` on `value` as the generic path would, when the text is ASCII, or is made of ASCII,
/// full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space and the chain has `nfkc` or
/// `nfkd`; `false`, touching nothing, otherwise.
///
/// On such text NFKC and NFKD are the map of the full-width forms to ASCII and of U+3000 to a
/// space, which every other normalizer commutes with; so the chain's result is the chain run on
/// the mapped text, where the Unicode forms change nothing and the case mappings and trims work
/// in place: one buffer at most, where the generic path builds one per normalizer and pass.
pub(crate) fn run_ascii(value: &mut String, chain: &[Normalizer]) -> bool {
    if !value.is_ascii() {
        let compatibility = chain
            .iter()
            .any(|n| matches!(n, Normalizer::Nfkc | Normalizer::Nfkd));
        if !compatibility {
            return false;
        }
        let ascii = |c: char| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
            '\u{3000}' => Some(' '),
            c if c.is_ascii() => Some(c),
            _ => None,
        };
        // The mapped text is shorter: a short value is mapped on the stack and copied back into
        // its own buffer, a long one into a new one, once it is known to map.
        if value.len() <= SHORT {
            let mut short = [0; SHORT];
            let mut len = 0;
            for c in value.chars() {
                let Some(b) = ascii(c) else {
                    return false;
                };
                short[len] = b as u8;
                len += 1;
            }
            let Ok(mapped) = std::str::from_utf8(&short[..len]) else {
                return false;
            };
            value.clear();
            value.push_str(mapped);
        } else {
            if !value.chars().all(|c| ascii(c).is_some()) {
                return false;
            }
            *value = value.chars().filter_map(ascii).collect();
        }
    }
    // On ASCII, trims, case mappings and the Unicode forms settle in one pass, whatever their
    // order, unless both case mappings undo each other; stripping and collapsing can expose
    // whitespace for a trim before them.
    let has = |normalizer| chain.contains(&normalizer);
    let unsettled = has(Normalizer::StripControl)
        || has(Normalizer::CollapseWhitespace)
        || has(Normalizer::Lowercase) && has(Normalizer::Uppercase);
    let passes = if chain.len() == 1 || !unsettled {
        1
    } else {
        NORMALIZE_PASSES
    };
    for _ in 0..passes {
        let mut changed = false;
        for &normalizer in chain {
            changed |= apply_ascii(value, normalizer);
        }
        if !changed {
            break;
        }
    }
    true
}

/// How long a value [`run_ascii`] maps without a buffer of its own may be, in bytes.
const SHORT: usize = 128;

/// `normalizer` on ASCII `value`, in place; whether it changed it.
fn apply_ascii(value: &mut String, normalizer: Normalizer) -> bool {
    let cased = |upper: bool| {
        value
            .bytes()
            .any(|b| b.is_ascii_uppercase() == upper && b.is_ascii_alphabetic())
    };
    match normalizer {
        Normalizer::Nfc | Normalizer::Nfd | Normalizer::Nfkc | Normalizer::Nfkd => false,
        Normalizer::Lowercase if cased(true) => {
            value.make_ascii_lowercase();
            true
        }
        Normalizer::Uppercase if cased(false) => {
            value.make_ascii_uppercase();
            true
        }
        Normalizer::Lowercase | Normalizer::Uppercase => false,
        Normalizer::Trim | Normalizer::TrimStart | Normalizer::TrimEnd => {
            let (start, end) = match normalizer {
                Normalizer::Trim => (true, true),
                Normalizer::TrimStart => (true, false),
                _ => (false, true),
            };
            let before = value.len();
            if end {
                value.truncate(value.trim_end().len());
            }
            if start {
                let lead = value.len() - value.trim_start().len();
                value.drain(..lead);
            }
            value.len() != before
        }
        Normalizer::CollapseWhitespace | Normalizer::StripControl => {
            match normalizer.apply(value) {
                Cow::Borrowed(_) => false,
                Cow::Owned(new) => {
                    *value = new;
                    true
                }
            }
        }
    }
}
