//! Hints for the code layout of the generated one pass, and the proof of an `email` field.

/// Whether `s` is an email address (under any `email` options) made of ASCII lower-case letters,
/// digits, ``!#$%&'*+-/=?^_`{|}~``, `.` and `@` only, none of which a string normalizer but
/// `uppercase` changes: the proof of an `email` field the derive normalizes (the derive writes
/// that set down). `false` says nothing; the field is then normalized and checked in full.
#[inline]
pub fn email_proof(s: &str) -> bool {
    crate::formats::is_plain_lowercase_email(s)
}

/// Marks the path that calls it as rarely taken, so that the compiler lays it out away from the
/// code around it (`core::hint::cold_path` is newer than our `rust-version`). The derive calls it
/// where a field fails its proof. `black_box` keeps the call from being removed as a no-op
/// before the hint is read.
#[cold]
#[inline(never)]
pub fn cold_path() {
    core::hint::black_box(());
}
