//! What to say about a word the attribute language does not know: the rule or normalizer it is
//! closest to, or the attribute it belongs in.

use quote::ToTokens;
use syn::Ident;
use syn::ext::IdentExt;

use super::meta::Value;
use super::rule::{PatternSource, Rule, RuleKind};
use crate::ctxt::Ctxt;
use crate::symbol::{RuleName, normalizer_words};

/// Rules of other validation crates (validator, garde), and what to write here instead.
const FOREIGN_RULES: &[(&str, &str)] = &[
    (
        "regex",
        "use `pattern`; it matches the whole value (`pattern = \"[a-z]+\"`, `pattern(path = RE)`)",
    ),
    ("skip", "fields without rules are not checked; remove it"),
    (
        "dive",
        "use `nested` (`each(nested)` for the elements of a collection)",
    ),
    ("inner", "use `each(..)` for the elements of a collection"),
    ("matches", "use `must_match(other_field)`"),
    ("byte_length", "use `length(bytes, ..)`"),
    ("non_control_character", "use `no_control`"),
    ("does_not_contain", "use `not_contains = \"..\"`"),
];

/// Normalizer names from elsewhere (`str` methods, other crates), and the one meant.
const FOREIGN_NORMALIZERS: &[(&str, &str)] = &[
    ("lower", "lowercase"),
    ("to_lowercase", "lowercase"),
    ("lowercased", "lowercase"),
    ("upper", "uppercase"),
    ("to_uppercase", "uppercase"),
    ("uppercased", "uppercase"),
    ("trim_left", "trim_start"),
    ("trim_right", "trim_end"),
];

/// `#[validate(name)]` with a `name` that is no rule.
pub fn unknown_rule(cx: &Ctxt, name: &Ident) {
    let text = name.unraw().to_string();
    let foreign = FOREIGN_RULES.iter().find(|(word, _)| *word == text);
    let hint = if let Some((_, advice)) = foreign {
        format!("; {advice}")
    } else if normalizer_words().any(|n| n == text) {
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
    let foreign = FOREIGN_NORMALIZERS.iter().find(|(word, _)| *word == text);
    let hint = if let Some((_, meant)) = foreign {
        format!("; did you mean `{meant}`?")
    } else if RuleName::from_word(&text).is_some() {
        format!("; `{text}` is a validation rule: put it in `#[validate(..)]`")
    } else {
        closest(&text, normalizer_words())
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default()
    };
    cx.error_spanned_by(name, format!("unknown normalizer `{text}`{hint}"));
}

/// `message = ..` or `code = ..` beside the rules, where it belongs inside one: shows the rule
/// before it (`previous`) written with it, `pattern("[a-z]+", message = "..")`.
pub fn misplaced_override(cx: &Ctxt, key: &Ident, value: &Value, previous: Option<&Rule>) {
    let value = value.tokens().to_string();
    let example = match previous {
        Some(rule) => {
            let literal = match &rule.kind {
                RuleKind::Pattern(PatternSource::Literal(lit))
                | RuleKind::Contains(lit)
                | RuleKind::NotContains(lit)
                | RuleKind::Prefix(lit)
                | RuleKind::Suffix(lit) => format!("{}, ", lit.to_token_stream()),
                RuleKind::Format(_)
                | RuleKind::Required
                | RuleKind::Email {
                    allow_single_label: false,
                    international: false,
                } => String::new(),
                _ => ".., ".to_owned(),
            };
            format!("`{}({literal}{key} = {value})`", rule.name)
        }
        None => format!("`length(min = 3, {key} = {value})`"),
    };
    cx.error_spanned_by(
        key,
        format!("`{key}` goes inside the rule it is for: {example}"),
    );
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
