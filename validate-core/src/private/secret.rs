//! Normalizing a `secrecy::SecretString` without leaving a copy of the secret behind.
//!
//! The string normalizers build their result in an ordinary `String`, which grows by moving to
//! a larger buffer and freeing the old one unzeroized. For a secret, each normalizer instead
//! streams its result into a [`SecretBuf`], which zeroizes every buffer it lets go; the new value
//! is then copied into a `SecretString` of its exact size, and the old one, dropped, is zeroized
//! by `secrecy`.

use std::borrow::Cow;

use icu_properties::CodePointSetData;
use icu_properties::props::{CaseIgnorable, Cased};
use secrecy::{ExposeSecret, SecretString};
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroize;

use super::normalize::{StrMut, passes};
use crate::normalize::Normalizer;
use crate::normalize::{chain, quick};
use crate::rules::no_control;

impl StrMut for SecretString {
    fn is_normal(&self, chain: u32) -> bool {
        quick::is_normal(self.expose_secret(), chain)
    }

    fn text(&self) -> Option<&str> {
        Some(self.expose_secret())
    }

    fn normalize_chain(&mut self, chain: &[Normalizer], max_chars: usize) {
        if max_chars != usize::MAX && chain::cannot_fit(self.expose_secret(), chain, max_chars) {
            return;
        }
        for _ in 0..passes(chain) {
            let mut changed = false;
            for &normalizer in chain {
                if let Some(new) = stream(normalizer, self.expose_secret()) {
                    *self = new;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }

    fn rewrite<F: FnOnce(&str) -> Cow<'_, str>>(&mut self, f: F) -> bool {
        let new = match f(self.expose_secret()) {
            Cow::Borrowed(kept) if kept.len() == self.expose_secret().len() => return false,
            Cow::Borrowed(kept) => SecretString::from(kept),
            Cow::Owned(mut new) => {
                let secret = SecretString::from(new.as_str());
                new.zeroize();
                secret
            }
        };
        *self = new;
        true
    }
}

/// `normalizer` applied to `s`, built in zeroizing memory; `None` when it leaves `s` as it is.
fn stream(normalizer: Normalizer, s: &str) -> Option<SecretString> {
    let mut out = SecretBuf::with_capacity(s.len());
    match normalizer {
        Normalizer::Trim => out.push_str(s.trim()),
        Normalizer::TrimStart => out.push_str(s.trim_start()),
        Normalizer::TrimEnd => out.push_str(s.trim_end()),
        Normalizer::Lowercase => lowercase(s, &mut out),
        Normalizer::Uppercase => s
            .chars()
            .flat_map(char::to_uppercase)
            .for_each(|c| out.push(c)),
        Normalizer::Nfc => s.nfc().for_each(|c| out.push(c)),
        Normalizer::Nfd => s.nfd().for_each(|c| out.push(c)),
        Normalizer::Nfkc => s.nfkc().for_each(|c| out.push(c)),
        Normalizer::Nfkd => s.nfkd().for_each(|c| out.push(c)),
        Normalizer::CollapseWhitespace => {
            let mut in_run = false;
            for c in s.chars() {
                if !c.is_whitespace() {
                    out.push(c);
                } else if !in_run {
                    out.push(' ');
                }
                in_run = c.is_whitespace();
            }
        }
        Normalizer::StripControl => s
            .chars()
            .filter(|&c| !no_control::is_forbidden(c))
            .for_each(|c| out.push(c)),
    }
    (out.as_str() != s).then(|| SecretString::from(out.as_str()))
}

/// `str::to_lowercase`, char by char: capital sigma becomes final `ς` at the end of a word, as
/// Unicode's Final_Sigma condition (and the standard library) has it.
fn lowercase(s: &str, out: &mut SecretBuf) {
    let cased_after_ignorable = |mut chars: &mut dyn Iterator<Item = char>| {
        let ignorable = CodePointSetData::new::<CaseIgnorable>();
        (&mut chars)
            .find(|&c| !ignorable.contains(c))
            .is_some_and(|c| CodePointSetData::new::<Cased>().contains(c))
    };
    for (i, c) in s.char_indices() {
        if c == 'Σ' {
            let after = i + c.len_utf8();
            let word_final = cased_after_ignorable(&mut s[..i].chars().rev())
                && !cased_after_ignorable(&mut s[after..].chars());
            out.push(if word_final { 'ς' } else { 'σ' });
        } else {
            c.to_lowercase().for_each(|c| out.push(c));
        }
    }
}

/// A growable UTF-8 buffer that zeroizes each buffer it outgrows, and itself when dropped.
struct SecretBuf(Vec<u8>);

impl SecretBuf {
    fn with_capacity(capacity: usize) -> Self {
        SecretBuf(Vec::with_capacity(capacity))
    }

    fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }

    fn push_str(&mut self, s: &str) {
        let needed = self.0.len() + s.len();
        if needed > self.0.capacity() {
            let mut larger = Vec::with_capacity(needed.max(2 * self.0.capacity()));
            larger.extend_from_slice(&self.0);
            self.0.zeroize();
            self.0 = larger;
        }
        self.0.extend_from_slice(s.as_bytes());
    }

    fn as_str(&self) -> &str {
        // Only whole `str`s and chars are pushed.
        core::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl Drop for SecretBuf {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use secrecy::ExposeSecret;

    use super::stream;
    use crate::normalize::Normalizer;

    #[test]
    fn each_normalizer_streams_what_it_returns() {
        let samples = [
            "",
            "  Ada Lovelace \t",
            "ＡＤＡ＿ｌｏｖｅ",
            "ΟΔΥΣΣΕΥΣ",
            "ΣΑ Σ ΑΣ. ὈΔΥΣΣΕΎΣ' Σ",
            "İstanbul ǅ ß ﬁ",
            "e\u{301}\u{323} \u{fdfa}",
            "a\u{200b}b\u{202e}c\u{e0041}\n\u{85}d",
            "a  \u{a0}\u{3000} b\n\n c",
        ];
        for normalizer in Normalizer::ALL {
            for s in samples {
                let expected = normalizer.apply(s);
                let streamed = stream(normalizer, s);
                let got = streamed.as_ref().map_or(s, |new| new.expose_secret());
                assert_eq!(got, expected, "{normalizer:?} on {s:?}");
                assert_eq!(streamed.is_some(), expected != s, "{normalizer:?} on {s:?}");
            }
        }
    }
}
