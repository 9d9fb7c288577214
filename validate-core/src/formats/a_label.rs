//! A-labels: `xn--` labels whose Punycode decodes to an IDNA2008 U-label.
//!
//! UTS #46 (the `idna` crate) decodes the label and checks what IDNA2008 and UTS #46 share: valid
//! Punycode, a label in its stable form, hyphens, joiners and the bidi rule. What IDNA2008
//! (RFC 5891 §5.4, RFC 5892) asks beyond that is checked here on the decoded label: each code point
//! must be PVALID by the derivation of RFC 5892 §2, and each CONTEXTO code point must meet its rule
//! of RFC 5892 Appendix A.

use core::fmt;

use icu_properties::CodePointMapData;
use icu_properties::props::{GeneralCategory, HangulSyllableType, Script};
use idna::uts46::{AsciiDenyList, ErrorPolicy, Hyphens, ProcessingSuccess, Uts46};

use super::hostname::MAX_LABEL_LEN;

/// Whether `label`, which starts with `xn--` in any case, is a valid A-label.
pub(super) fn is_valid_a_label(label: &[u8]) -> bool {
    // To Unicode: UTS #46 decodes the label into the sink, mapped to lower case.
    let mut u_label = ULabel {
        chars: ['\0'; MAX_LABEL_LEN],
        len: 0,
    };
    let decoded = Uts46::new().process(
        label,
        AsciiDenyList::STD3,
        Hyphens::Check,
        ErrorPolicy::FailFast,
        |_, _, _| true,
        &mut u_label,
        None,
    );
    match decoded {
        Ok(ProcessingSuccess::WroteToSink) => is_u_label(&u_label.chars[..u_label.len]),
        // The label is its own Unicode form: ASCII, which the STD3 rules have checked.
        Ok(ProcessingSuccess::Passthrough) => true,
        Err(_) => false,
    }
}

/// A decoded label. Punycode spends at least one byte on each code point, so a label of at most
/// 63 bytes decodes to at most 63 code points; the sink fails past that, and so does the check.
struct ULabel {
    chars: [char; MAX_LABEL_LEN],
    len: usize,
}

impl fmt::Write for ULabel {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for c in s.chars() {
            *self.chars.get_mut(self.len).ok_or(fmt::Error)? = c;
            self.len += 1;
        }
        Ok(())
    }
}

/// Whether every code point of `label` is PVALID, or CONTEXTO and meeting its rule; the CONTEXTJ
/// joiners are left to UTS #46, which checks the same rule.
fn is_u_label(label: &[char]) -> bool {
    (0..label.len()).all(|i| match property(label[i]) {
        Property::Pvalid | Property::ContextJ => true,
        Property::ContextO => meets_context(label, i),
        Property::Disallowed => false,
    })
}

enum Property {
    Pvalid,
    ContextJ,
    ContextO,
    Disallowed,
}

/// The IDNA2008 property of `c` (RFC 5892 §3), for a code point UTS #46 already found valid and
/// stable (so Unstable, Unassigned and IgnorableProperties have nothing left to refuse).
fn property(c: char) -> Property {
    match c {
        // Exceptions (RFC 5892 §2.6).
        '\u{00df}' | '\u{03c2}' | '\u{06fd}' | '\u{06fe}' | '\u{0f0b}' | '\u{3007}' => {
            Property::Pvalid
        }
        '\u{00b7}' | '\u{0375}' | '\u{05f3}' | '\u{05f4}' | '\u{30fb}' => Property::ContextO,
        '\u{0660}'..='\u{0669}' | '\u{06f0}'..='\u{06f9}' => Property::ContextO,
        '\u{0640}'
        | '\u{07fa}'
        | '\u{302e}'
        | '\u{302f}'
        | '\u{3031}'..='\u{3035}'
        | '\u{303b}' => Property::Disallowed,
        // LDH (RFC 5892 §2.4); UTS #46 with the STD3 rules refuses any other ASCII.
        '\0'..='\u{7f}' => Property::Pvalid,
        // JoinControl.
        '\u{200c}' | '\u{200d}' => Property::ContextJ,
        // IgnorableBlocks: Combining Diacritical Marks for Symbols, Musical Symbols, Ancient Greek
        // Musical Notation.
        '\u{20d0}'..='\u{20ff}' | '\u{1d100}'..='\u{1d1ff}' | '\u{1d200}'..='\u{1d24f}' => {
            Property::Disallowed
        }
        _ if is_old_hangul_jamo(c) => Property::Disallowed,
        _ if is_letter_digit(c) => Property::Pvalid,
        _ => Property::Disallowed,
    }
}

/// OldHangulJamo (RFC 5892 §2.9): the conjoining jamo, which spell syllables NFC composes.
fn is_old_hangul_jamo(c: char) -> bool {
    matches!(
        CodePointMapData::<HangulSyllableType>::new().get(c),
        HangulSyllableType::LeadingJamo
            | HangulSyllableType::VowelJamo
            | HangulSyllableType::TrailingJamo
    )
}

/// LetterDigits (RFC 5892 §2.1): letters, marks and decimal digits. Symbols and punctuation,
/// emoji among them, are DISALLOWED.
fn is_letter_digit(c: char) -> bool {
    matches!(
        CodePointMapData::<GeneralCategory>::new().get(c),
        GeneralCategory::LowercaseLetter
            | GeneralCategory::UppercaseLetter
            | GeneralCategory::OtherLetter
            | GeneralCategory::DecimalNumber
            | GeneralCategory::ModifierLetter
            | GeneralCategory::NonspacingMark
            | GeneralCategory::SpacingMark
    )
}

/// The rule of RFC 5892 Appendix A for the CONTEXTO code point at `label[i]`.
fn meets_context(label: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| label[j]);
    let after = label.get(i + 1).copied();
    let script = |c: Option<char>| c.map(|c| CodePointMapData::<Script>::new().get(c));
    match label[i] {
        // A.3 MIDDLE DOT: only between two `l` (the Catalan ela geminada).
        '\u{00b7}' => before == Some('l') && after == Some('l'),
        // A.4 GREEK LOWER NUMERAL SIGN (KERAIA): before a Greek character.
        '\u{0375}' => script(after) == Some(Script::Greek),
        // A.5, A.6 HEBREW PUNCTUATION GERESH and GERSHAYIM: after a Hebrew character.
        '\u{05f3}' | '\u{05f4}' => script(before) == Some(Script::Hebrew),
        // A.7 KATAKANA MIDDLE DOT: in a label with Hiragana, Katakana or Han.
        '\u{30fb}' => label.iter().any(|&c| {
            matches!(
                script(Some(c)),
                Some(Script::Hiragana | Script::Katakana | Script::Han)
            )
        }),
        // A.8 ARABIC-INDIC DIGITS: not mixed with EXTENDED ARABIC-INDIC DIGITS, and A.9 the reverse.
        '\u{0660}'..='\u{0669}' => !label.iter().any(|c| matches!(c, '\u{06f0}'..='\u{06f9}')),
        '\u{06f0}'..='\u{06f9}' => !label.iter().any(|c| matches!(c, '\u{0660}'..='\u{0669}')),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_valid_a_label;

    fn a_label(u_label: &str) -> String {
        format!("xn--{}", idna::punycode::encode_str(u_label).unwrap())
    }

    #[test]
    fn contexto_rules_hold_in_their_context_only() {
        for (u_label, valid) in [
            ("l\u{b7}l", true),
            ("a\u{b7}l", false),
            ("\u{3b1}\u{375}\u{3b2}", true),
            ("\u{3b1}\u{375}a", false),
            ("\u{5d0}\u{5f3}", true),
            ("a\u{5f3}", false),
            ("\u{30ab}\u{30fb}", true),
            ("a\u{30fb}b", false),
            ("\u{628}\u{661}\u{662}", true),
            ("\u{628}\u{661}\u{6f2}", false),
        ] {
            assert_eq!(
                is_valid_a_label(a_label(u_label).as_bytes()),
                valid,
                "{u_label:?}"
            );
        }
    }

    #[test]
    fn symbols_old_jamo_and_disallowed_exceptions_are_refused() {
        // An emoji (So), conjoining jamo (ᄀ ᅡ: NFC would compose them, but a leading jamo alone
        // stays), ARABIC TATWEEL, and a letter beside them to show it is the one refused.
        for u_label in [
            "\u{1f4a9}",
            "a\u{1100}",
            "\u{628}\u{640}\u{628}",
            "a\u{2665}",
        ] {
            assert!(
                !is_valid_a_label(a_label(u_label).as_bytes()),
                "{u_label:?}"
            );
        }
        for u_label in [
            "b\u{fc}cher",
            "\u{3b1}\u{3b2}",
            "stra\u{df}e",
            "\u{d55c}\u{ad6d}",
        ] {
            assert!(is_valid_a_label(a_label(u_label).as_bytes()), "{u_label:?}");
        }
    }
}
