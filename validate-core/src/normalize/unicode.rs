use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization};

fn normalized<'a, I: Iterator<Item = char>>(
    s: &'a str,
    quick: fn(&str) -> IsNormalized,
    form: fn(&'a str) -> I,
) -> Cow<'a, str> {
    if s.is_ascii() || quick(s) == IsNormalized::Yes {
        return Cow::Borrowed(s);
    }
    let out: String = form(s).collect();
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

/// Unicode canonical composition (NFC): `e` + U+0301 becomes `é`.
///
/// ```
/// assert_eq!(validate_core::normalize::nfc("e\u{301}"), "\u{e9}");
/// ```
pub fn nfc(s: &str) -> Cow<'_, str> {
    normalized(
        s,
        |s| unicode_normalization::is_nfc_quick(s.chars()),
        |s| s.nfc(),
    )
}

/// Unicode canonical decomposition (NFD): `é` becomes `e` + U+0301.
///
/// ```
/// assert_eq!(validate_core::normalize::nfd("\u{e9}"), "e\u{301}");
/// ```
pub fn nfd(s: &str) -> Cow<'_, str> {
    normalized(
        s,
        |s| unicode_normalization::is_nfd_quick(s.chars()),
        |s| s.nfd(),
    )
}

/// Unicode compatibility composition (NFKC): full-width `ＡＢ１` becomes `AB1`, `ﬁ` becomes `fi`.
///
/// ```
/// assert_eq!(validate_core::normalize::nfkc("ｕｓｅｒ＠ｅｘａｍｐｌｅ．ｃｏｍ"), "user@example.com");
/// ```
pub fn nfkc(s: &str) -> Cow<'_, str> {
    normalized(
        s,
        |s| unicode_normalization::is_nfkc_quick(s.chars()),
        |s| s.nfkc(),
    )
}

/// Unicode compatibility decomposition (NFKD).
///
/// ```
/// assert_eq!(validate_core::normalize::nfkd("ﬁ\u{e9}"), "fie\u{301}");
/// ```
pub fn nfkd(s: &str) -> Cow<'_, str> {
    normalized(
        s,
        |s| unicode_normalization::is_nfkd_quick(s.chars()),
        |s| s.nfkd(),
    )
}
