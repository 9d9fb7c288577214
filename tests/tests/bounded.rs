//! Normalizing is bounded by the field's limit: a value that cannot fit is left as it is (it
//! fails `length` anyway), so a 2 MB field costs about the same whatever its characters; and the
//! fast path of ASCII and full-width text gives the generic path's results.

use proptest::prelude::*;
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;
use validate_core::__private::StrMut;
use validate_core::normalize::Normalizer;
use validate_core::rules::no_control;
use validate_core::{Valid, Validate};

/// The bound `cannot_fit` relies on: composition joins at most the characters of one canonical
/// decomposition, and none has more than four.
#[test]
fn no_canonical_decomposition_is_longer_than_four() {
    let longest = (0..=0x10ffff)
        .filter_map(char::from_u32)
        .map(|c| std::iter::once(c).nfd().count())
        .max();
    assert_eq!(longest, Some(4));
}

/// And no normalizer turns a character that is neither whitespace nor stripped into nothing but
/// such characters, so they can only be joined, never lost.
#[test]
fn no_normalizer_drops_a_solid_character() {
    let solid = |c: char| !c.is_whitespace() && !no_control::is_forbidden(c);
    for c in (0..=0x10ffff)
        .filter_map(char::from_u32)
        .filter(|&c| solid(c))
    {
        let s = c.to_string();
        for normalizer in Normalizer::ALL {
            let out = normalizer.apply(&s);
            assert!(
                out.chars().any(solid),
                "{} turns U+{:04X} into {out:?}",
                normalizer.name(),
                c as u32
            );
        }
    }
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Account {
    #[normalize(trim, nfkc, lowercase)]
    #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
    user_name: String,
    #[normalize(each(trim, nfkc))]
    #[validate(length(max = 4), each(length(max = 8)))]
    tags: Vec<String>,
}

/// U+FDFA is 3 bytes and 18 characters under NFKC: 2 MB of it would be 12 million characters.
#[test]
fn an_expanding_value_over_the_limit_is_not_normalized() {
    let huge = "\u{fdfa}".repeat(663_000);
    for value in [huge.clone(), format!("  {huge}  "), "a".repeat(2_000_000)] {
        let mut account = Account {
            user_name: value.clone(),
            tags: Vec::new(),
        };
        account.normalize();
        assert_eq!(account.user_name.len(), value.len(), "left as it was");
        let report = account.validate().unwrap_err();
        assert_eq!(report.len(), 1);
        assert_eq!(report.errors()[0].code(), "length");

        let report = Valid::new(Account {
            user_name: value,
            tags: Vec::new(),
        })
        .unwrap_err();
        assert_eq!(report.errors()[0].code(), "length");
    }
}

#[test]
fn items_and_collections_over_their_limits_are_not_normalized() {
    let mut account = Account {
        user_name: "ada".into(),
        tags: vec!["\u{fdfa}".repeat(100_000), " Ｂ ".into()],
    };
    account.normalize();
    assert_eq!(
        account.tags[0].chars().count(),
        100_000,
        "the long item is left"
    );
    assert_eq!(account.tags[1], "B", "the short one is normalized");

    let mut account = Account {
        user_name: "ada".into(),
        tags: vec![" Ｂ ".into(); 10],
    };
    account.normalize();
    assert_eq!(
        account.tags[0], " Ｂ ",
        "five items over a limit of four: none is normalized"
    );
    assert_eq!(account.validate().unwrap_err().errors()[0].code(), "length");
}

/// What fits is normalized as before, also when the raw value is long.
#[test]
fn a_value_that_can_fit_is_normalized() {
    let mut account = Account {
        user_name: format!(
            "{}ＡＤＡ_Lovelace{}",
            " ".repeat(10_000),
            "\u{3000}".repeat(500)
        ),
        tags: vec![" Ｂ ".into()],
    };
    account.normalize();
    assert_eq!(account.user_name, "ada_lovelace");
    assert!(account.validate().is_ok());
}

#[test]
fn the_extractors_answer_an_expanding_body_with_one_length_error() {
    let body = format!(
        r#"{{"userName":"{}","tags":[]}}"#,
        "\u{fdfa}".repeat(663_000)
    );
    assert!(body.len() < 2_000_000);
    let error = serde_json::from_str::<Valid<Account>>(&body).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("validation failed: userName: must be between 3 and 32"),
        "{error}"
    );
    let failure = validate_core::de::from_json::<Account>(body.as_bytes()).unwrap_err();
    let codes: Vec<_> = failure.report().unwrap().iter().map(|e| e.code()).collect();
    assert_eq!(codes, ["length"]);
}

// ---------------------------------------------------------------------------------------------
// The fast path against the generic one

/// The chain as the generic path runs it: every normalizer in turn, until a pass changes
/// nothing, at most four times (once for a chain of one).
fn reference(s: &str, chain: &[Normalizer]) -> String {
    let mut value = s.to_owned();
    let passes = if chain.len() == 1 { 1 } else { 4 };
    for _ in 0..passes {
        let mut changed = false;
        for normalizer in chain {
            let next = normalizer.apply(&value).into_owned();
            changed |= next != value;
            value = next;
        }
        if !changed {
            break;
        }
    }
    value
}

/// Text of ASCII, full-width ASCII forms, ideographic spaces and a few others.
fn mixed() -> impl Strategy<Value = String> {
    "[ -~\t\n\r\u{b}\u{c}\u{1}\u{7f}\u{ff01}-\u{ff5e}\u{3000}\u{ff21}\u{ff41}é\u{301}\u{a0}]{0,24}"
}

fn chains() -> impl Strategy<Value = Vec<Normalizer>> {
    proptest::collection::vec(proptest::sample::select(Normalizer::ALL.to_vec()), 1..5)
}

proptest! {
    #[test]
    fn the_chain_gives_the_generic_paths_result(s in mixed(), chain in chains()) {
        let mut value = s.clone();
        StrMut::normalize_chain(&mut value, &chain, usize::MAX);
        prop_assert_eq!(value, reference(&s, &chain));
    }

    #[test]
    fn a_limit_only_skips_what_cannot_fit(s in mixed(), chain in chains(), max in 0usize..12) {
        let mut value = s.clone();
        StrMut::normalize_chain(&mut value, &chain, max);
        let full = reference(&s, &chain);
        if value != full {
            prop_assert_eq!(&value, &s, "a cut value is left as it was");
            prop_assert!(full.chars().count() > max, "{:?} fits in {}", full, max);
        }
    }
}
