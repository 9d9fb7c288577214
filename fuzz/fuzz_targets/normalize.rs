//! Every normalizer on arbitrary UTF-8: no panic, idempotent, borrowed when nothing changes, and
//! `strip_control` leaves nothing `no_control` rejects.

#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use validate_core::normalize::{
    collapse_whitespace, lowercase, nfc, nfd, nfkc, nfkd, strip_control, trim, trim_end,
    trim_start, uppercase,
};
use validate_core::rules::no_control;

type Normalizer = fn(&str) -> Cow<'_, str>;

const NORMALIZERS: &[(&str, Normalizer)] = &[
    ("trim", trim),
    ("trim_start", trim_start),
    ("trim_end", trim_end),
    ("lowercase", lowercase),
    ("uppercase", uppercase),
    ("nfc", nfc),
    ("nfd", nfd),
    ("nfkc", nfkc),
    ("nfkd", nfkd),
    ("collapse_whitespace", collapse_whitespace),
    ("strip_control", strip_control),
];

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    for &(name, f) in NORMALIZERS {
        let once = f(s);
        if once == s {
            assert!(
                matches!(once, Cow::Borrowed(_)),
                "{name} allocated for normal {s:?}"
            );
        }
        let twice = f(&once);
        assert_eq!(twice, once, "{name} is not idempotent on {s:?}");
        assert!(
            matches!(twice, Cow::Borrowed(_)),
            "{name} allocated on its own output"
        );
    }
    let stripped = strip_control(s);
    assert!(no_control::check(&stripped));
    assert!(
        stripped
            .chars()
            .eq(s.chars().filter(|&c| !no_control::is_forbidden(c)))
    );
});
