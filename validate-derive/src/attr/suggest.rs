//! What to say about a word the attribute language does not know: the rule or normalizer it is
//! closest to, or the attribute it belongs in.

use syn::Ident;
use syn::ext::IdentExt;

use crate::ctxt::Ctxt;
use crate::symbol::{RuleName, normalizer_words};

/// `#[validate(name)]` with a `name` that is no rule.
pub fn unknown_rule(cx: &Ctxt, name: &Ident) {
    let text = name.unraw().to_string();
    let hint = if normalizer_words().any(|n| n == text) {
        format!("; `{text}` is a normalizer: put it in `#[normalize(..)]`")
    } else {
        closest(&text, RuleName::words())
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default()
    };
    cx.error_spanned_by(name, format!("unknown validation rule `{text}`{hint}"));
}

/// `#[normalize(name)]` with a `name` that is no normalizer.
pub fn unknown_normalizer(cx: &Ctxt, name: &Ident) {
    let text = name.unraw().to_string();
    let hint = if RuleName::from_word(&text).is_some() {
        format!("; `{text}` is a validation rule: put it in `#[validate(..)]`")
    } else {
        closest(&text, normalizer_words())
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default()
    };
    cx.error_spanned_by(name, format!("unknown normalizer `{text}`{hint}"));
}

/// The candidate within a few edits of `word`, the nearest first.
fn closest(word: &str, candidates: impl Iterator<Item = &'static str>) -> Option<&'static str> {
    candidates
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// The Levenshtein distance between `a` and `b`, in chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = if ca == *cb {
                previous
            } else {
                1 + previous.min(row[j]).min(row[j + 1])
            };
            previous = current;
        }
    }
    row[b.len()]
}
