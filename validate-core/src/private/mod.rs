//! What the derive's generated code calls. Not a public API: names and signatures may change in
//! any release.
//!
//! The generated code names every runtime item through this module, so it re-exports the public
//! ones it needs beside its own: the traits values are read through (`crate::access`) and
//! rewritten through (`normalize`), the recording of failures (`fail`), layout hints (`hint`) and the
//! tracing of a shape error's path (`trace`).

mod fail;
mod hint;
mod normalize;
#[cfg(feature = "secrecy")]
mod secret;
pub mod spec;
pub mod trace;

pub use crate::access::{AsNumber, AsStr, Each, Keys, Length, Required};
pub(crate) use fail::struct_error_path;
pub use fail::{
    Cached, Failure, Reason, StructErrors, append, fail, fail_display, fail_length, fail_str,
    fail_struct, fail_structs,
};
pub use hint::{cold_path, email_proof};
pub use normalize::{EachMut, NORMALIZE_PASSES, StrMut};

pub use crate::normalize::Normalizer;

pub use crate::normalize::quick::flags as normal_flags;
pub use crate::report::{KeyName, PathNode, Seg};
pub use crate::rules::length::Measure;
pub use crate::rules::range::Number;
pub use regex::Regex;

// The public items the generated code names; the normalizers under a name of their own, beside
// this module's `normalize`.
pub use crate::normalize as normalizers;
pub use crate::{Error, Param, Report, Segment, Validate, formats, pattern, rules};
pub use crate::{ValidateWith, context};

/// `nested` in a type with a context: the value's own rules with the context it declares, the
/// parent's `C` or none (a mismatch fails to compile at the `nested`).
#[inline]
pub fn collect_nested<'a, N, C>(
    value: &'a N,
    ctx: &'a C,
    node: &PathNode<'_>,
    report: &mut Report,
    jobs: Option<&mut context::Jobs<'a>>,
) where
    N: ValidateWith + ?Sized,
    C: ?Sized,
    N::__Lookup: context::Narrow<C>,
{
    value.__collect(
        <N::__Lookup as context::Narrow<C>>::narrow(ctx),
        node,
        report,
        jobs,
    );
}

/// The inner value of a field whose rules apply "through" `Option`: `custom` on an `Option<T>`
/// field receives `&T` and is skipped for `None`.
#[inline]
pub fn some<T>(value: &Option<T>) -> Option<&T> {
    value.as_ref()
}

/// `must_match` on strings that need not be `PartialEq` (a `SecretString`), compared as text;
/// an absent `Option` equals only another absent one.
#[inline]
pub fn str_eq<A: AsStr + ?Sized, B: AsStr + ?Sized>(a: &A, b: &B) -> bool {
    a.as_str_opt() == b.as_str_opt()
}

/// The `password` rule, implemented for `()` with the `password` feature only, so that a build
/// without it fails with a message that names the feature.
#[diagnostic::on_unimplemented(
    message = "the `password` rule needs the `password` feature of validate-core",
    label = "scored by zxcvbn, behind a feature",
    note = "enable it: `validate-core = {{ version = \"..\", features = [\"password\"] }}`"
)]
pub trait Password {
    /// `rules::password::check`.
    fn check(value: &str, min_score: u8, user_inputs: &[Option<&str>]) -> bool;
    /// The rule's error.
    fn error(min_score: u8) -> Error;
}

#[cfg(feature = "password")]
impl Password for () {
    #[inline]
    fn check(value: &str, min_score: u8, user_inputs: &[Option<&str>]) -> bool {
        crate::rules::password::check(value, min_score, user_inputs)
    }
    fn error(min_score: u8) -> Error {
        crate::rules::password::error(min_score)
    }
}

/// `message = ".."` of a rule: the text, each `{name}` of one of the error's params replaced by
/// the param (`{{` and `}}` stand for braces; any other `{..}` is kept as written). Built once
/// per rule site, with its error.
#[cold]
pub fn with_message(error: Error, template: &'static str) -> Error {
    if !template.contains(['{', '}']) {
        return error.with_message(template);
    }
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if let Some(after) = rest.strip_prefix("{{").or_else(|| rest.strip_prefix("}}")) {
            out.push(rest.as_bytes()[0] as char);
            rest = after;
            continue;
        }
        let param = rest[1..].find('}').and_then(|end| {
            let name = &rest[1..=end];
            let value = error.params().iter().find(|(n, _)| n == name)?;
            Some((end + 2, &value.1))
        });
        match param {
            Some((len, value)) => {
                out.push_str(&value.to_string());
                rest = &rest[len..];
            }
            None => {
                out.push_str(&rest[..1]);
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    error.with_message(out)
}
