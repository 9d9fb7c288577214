//! `password(min_score = N, user_inputs(..))` (feature `password`): the value is hard to guess,
//! as the `zxcvbn` crate scores it.
//!
//! zxcvbn estimates the guesses an attacker needs, from dictionaries of common passwords, names
//! and words, keyboard patterns, dates, repeats and sequences, and scores them 0 to 4; the rule
//! fails below `min_score` (3, "safely unguessable", by default). The values of the fields named
//! in `user_inputs` count as guessable: a password made of the user's own name or email scores
//! low.
//!
//! The error says only that the value is too easy to guess (code `password`, params
//! `{"min_score": N}`): neither the score nor zxcvbn's feedback, which describe the secret, and
//! a `password` field is `sensitive`, so no part of it reaches a report or a log line.
//!
//! zxcvbn looks at the first 100 characters only, so its work is bounded whatever the length;
//! put a `length(max = ..)` on the field too, which runs first: a value over it is refused
//! without being scored. Scoring allocates (zxcvbn's working copies of the value), unlike the
//! other rules; those copies are not zeroized.

use crate::Error;

/// Whether `value` scores at least `min_score` (0 to 4), with `user_inputs` (the values of the
/// fields `user_inputs(..)` names; `None` for an absent one) counted as guessable.
///
/// ```
/// use validate_core::rules::password::check;
/// assert!(!check("password1", 3, &[]));
/// assert!(!check("ada.lovelace.1815", 3, &[Some("ada.lovelace"), None]));
/// assert!(check("correct horse battery staple", 3, &[]));
/// ```
#[must_use]
pub fn check(value: &str, min_score: u8, user_inputs: &[Option<&str>]) -> bool {
    let inputs: Vec<&str> = user_inputs.iter().flatten().copied().collect();
    u8::from(zxcvbn::zxcvbn(value, &inputs).score()) >= min_score
}

/// The `password` error.
#[cold]
#[must_use]
pub fn error(min_score: u8) -> Error {
    Error::new("password")
        .with_message("is too easy to guess")
        .with_param("min_score", i64::from(min_score))
}
