//! Recording a failure: the error of each built-in rule, built once ([`Cached`]), and the cold
//! functions that put an error, its path and a log preview of the value into the report.

use std::borrow::Cow;
use std::fmt::{Display, Write};
use std::sync::OnceLock;

use crate::report::{Error, FieldError, Path, PathNode, Report, Segment};
use crate::rules::length::Measure;
use crate::text::Text;
use crate::{PREVIEW_CHARS, log};

/// The error of one built-in rule at one place in the code: built on the first failure there and
/// then shared by every later one, so a failing rule records its code, message and parameters
/// without allocating. The derive declares a static array of them per type, one for each rule
/// (two for `length`: chars and items) whose every argument is fixed at compile time.
pub struct Cached(OnceLock<Error>);

impl Cached {
    /// An error not built yet.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Cached(OnceLock::new())
    }

    /// The error of rule `site`, built by `build(site)` the first time.
    #[inline]
    pub fn get(&'static self, site: usize, build: fn(usize) -> Error) -> &'static Error {
        self.0.get_or_init(|| build(site))
    }
}

/// What a failing rule reports: a built-in rule's shared [`Cached`] error, or the [`Error`] a
/// custom rule returned.
pub trait Reason: sealed::Reason {}

impl Reason for Error {}

impl Reason for &'static Error {}

mod sealed {
    use super::{Error, PathNode, Report, fail_report, fail_struct};
    use crate::report::Parts;

    pub trait Failure {
        /// Records the failure below `node`, as [`fail_structs`](super::fail_structs) says.
        fn record(
            self,
            report: &mut Report,
            node: &PathNode<'_>,
            fields: &[(&'static str, &'static str)],
            overrides: impl FnMut(Error) -> Error,
        );
    }

    impl Failure for Error {
        fn record(
            self,
            report: &mut Report,
            node: &PathNode<'_>,
            fields: &[(&'static str, &'static str)],
            mut overrides: impl FnMut(Error) -> Error,
        ) {
            fail_struct(report, node, overrides(self), fields);
        }
    }

    impl Failure for Report {
        fn record(
            self,
            report: &mut Report,
            node: &PathNode<'_>,
            fields: &[(&'static str, &'static str)],
            overrides: impl FnMut(Error) -> Error,
        ) {
            fail_report(report, node, self, fields, overrides);
        }
    }

    pub trait Reason {
        /// The code, message and parameters to record.
        fn into_parts(self) -> Parts;
        /// Whether it is [`Error::unavailable`].
        fn is_unavailable(&self) -> bool;
    }

    impl Reason for Error {
        fn into_parts(self) -> Parts {
            Error::into_parts(self)
        }
        fn is_unavailable(&self) -> bool {
            Error::is_unavailable(self)
        }
    }

    impl Reason for &'static Error {
        fn into_parts(self) -> Parts {
            self.borrowed_parts()
        }
        fn is_unavailable(&self) -> bool {
            Error::is_unavailable(self)
        }
    }
}

/// Records `error` at `node`, with a log preview of the string value.
#[cold]
#[inline(never)]
pub fn fail_str(report: &mut Report, node: &PathNode<'_>, error: impl Reason, value: &str) {
    if report.is_full() {
        report.omit();
        return;
    }
    let preview = log::preview(value, PREVIEW_CHARS).to_text();
    report.push_field_error(FieldError::new(
        node.to_path(),
        error.into_parts(),
        Some(preview),
    ));
}

/// Records `error` at `node`, with a log preview of a value that has a text form (a number).
#[cold]
#[inline(never)]
pub fn fail_display(
    report: &mut Report,
    node: &PathNode<'_>,
    error: impl Reason,
    value: &dyn Display,
) {
    if report.is_full() {
        report.omit();
        return;
    }
    // Numbers are short: formatting into the inline text first avoids a `String`.
    let text = Text::write_with(|out| write!(out, "{value}"));
    fail_str(report, node, error, text.as_str());
}

/// Records a failed `length` rule at `node`: the error of site `site` of `errors` for a string
/// (with a preview unless `sensitive`), of the next site for a collection.
#[cold]
#[inline(never)]
pub fn fail_length(
    report: &mut Report,
    node: &PathNode<'_>,
    errors: &'static [Cached],
    site: usize,
    build: fn(usize) -> Error,
    measure: Measure<'_>,
    sensitive: bool,
) {
    if report.is_full() {
        report.omit();
        return;
    }
    match measure {
        Measure::Chars(s) if !sensitive => fail_str(report, node, errors[site].get(site, build), s),
        Measure::Chars(_) => fail(report, node, errors[site].get(site, build)),
        Measure::Items(_) => fail(report, node, errors[site + 1].get(site + 1, build)),
    }
}

/// Records `error` at `node`, without any trace of the value (sensitive, or not printable).
#[cold]
#[inline(never)]
pub fn fail(report: &mut Report, node: &PathNode<'_>, error: impl Reason) {
    if report.is_full() {
        report.omit_error(sealed::Reason::is_unavailable(&error));
        return;
    }
    report.push_field_error(FieldError::new(node.to_path(), error.into_parts(), None));
}

/// Records the error of a struct-level rule: at the field it names with [`Error::at`] (a Rust
/// field name is replaced by its wire name through `fields`), or at `node` itself.
#[cold]
#[inline(never)]
pub fn fail_struct(
    report: &mut Report,
    node: &PathNode<'_>,
    error: Error,
    fields: &[(&'static str, &'static str)],
) {
    if report.is_full() {
        report.omit_error(sealed::Reason::is_unavailable(&error));
        return;
    }
    let path = struct_error_path(node.to_path(), &error, fields);
    report.push_field_error(FieldError::new(path, error.into_parts(), None));
}

/// Where the error of a struct-level rule goes: below `path`, at the field it names with
/// [`Error::at`] (a Rust field name replaced by its wire name through `fields`), or at `path`.
pub(crate) fn struct_error_path(
    path: Path,
    error: &Error,
    fields: &[(&'static str, &'static str)],
) -> Path {
    let Some(field) = error.field() else {
        return path;
    };
    let wire = fields.iter().find(|(rust, _)| *rust == field).map_or_else(
        || Cow::Owned(field.to_owned()),
        |(_, wire)| Cow::Borrowed(*wire),
    );
    let mut segments = path.segments().to_vec();
    segments.push(Segment::Field(wire));
    Path::from_segments(segments)
}

/// What a struct-level `custom` rule may return: a `Result<(), F>` or any number of `F`s (an
/// `IntoIterator<Item = F>`: a `Vec`, an `Option`, an `impl Iterator`), where `F` is an
/// [`Error`] or a [`Report`] of several ([`Failure`]). `Returns` tells the two impls apart (a
/// `Result` is also an `IntoIterator`), and is inferred.
#[diagnostic::on_unimplemented(
    message = "a struct-level `custom` rule cannot return `{Self}`",
    label = "this function returns `{Self}`",
    note = "write `fn(&Self) -> Result<(), validate_core::Error>`, `fn(&Self) -> Result<(), validate_core::Report>` or `fn(&Self) -> impl IntoIterator<Item = validate_core::Error>` (a `Vec<Error>`, an `Option<Error>`)",
    note = "with `custom(f, context)`, the same with a second argument, the context: `fn(&Self, &C)`"
)]
pub trait StructErrors<Returns> {
    /// What it reports: an [`Error`] or a [`Report`].
    type Failure: Failure;
    /// The failures, none when the rule passed.
    fn failures(self) -> impl IntoIterator<Item = Self::Failure>;
}

/// [`StructErrors`] of a `Result<(), F>`.
pub struct Failed;

/// [`StructErrors`] of an `IntoIterator<Item = F>`.
pub struct Failures;

impl<F: Failure> StructErrors<Failed> for Result<(), F> {
    type Failure = F;
    #[inline]
    fn failures(self) -> impl IntoIterator<Item = F> {
        self.err()
    }
}

impl<I> StructErrors<Failures> for I
where
    I: IntoIterator,
    I::Item: Failure,
{
    type Failure = I::Item;
    #[inline]
    fn failures(self) -> impl IntoIterator<Item = I::Item> {
        self
    }
}

/// What a struct-level `custom` rule reports: one [`Error`], or a [`Report`] of several.
#[diagnostic::on_unimplemented(
    message = "a struct-level `custom` rule reports `validate_core::Error`s or `validate_core::Report`s, not `{Self}`",
    label = "this function reports `{Self}`",
    note = "write `fn(&Self) -> Result<(), validate_core::Error>`, `fn(&Self) -> Result<(), validate_core::Report>` or `fn(&Self) -> impl IntoIterator<Item = validate_core::Error>` (a `Vec<Error>`, an `Option<Error>`)",
    note = "with `custom(f, context)`, the same with a second argument, the context: `fn(&Self, &C)`"
)]
pub trait Failure: sealed::Failure {}

impl Failure for Error {}

impl Failure for Report {}

/// Records what a struct-level rule returned below `node`: each [`Error`] at the field it names
/// with [`Error::at`], each error of a [`Report`] at its path, whose first field may be named by
/// its Rust name; `fields` maps Rust names to wire names, and `overrides` applies the rule's
/// `message` and `code`.
#[inline]
pub fn fail_structs<R, S: StructErrors<R>>(
    returned: S,
    report: &mut Report,
    node: &PathNode<'_>,
    fields: &[(&'static str, &'static str)],
    mut overrides: impl FnMut(Error) -> Error,
) {
    for failure in returned.failures() {
        sealed::Failure::record(failure, report, node, fields, &mut overrides);
    }
}

/// Records the report of a struct-level rule below `node`, each error at its own path (a first
/// field named by its Rust name is replaced by its wire name), with the rule's `overrides`.
#[cold]
#[inline(never)]
fn fail_report(
    report: &mut Report,
    node: &PathNode<'_>,
    errors: Report,
    fields: &[(&'static str, &'static str)],
    mut overrides: impl FnMut(Error) -> Error,
) {
    let base = node.to_path();
    report.append_with(errors, |error| {
        let mut segments = base.segments().to_vec();
        let mut own = error.path().segments().iter();
        if let Some(first) = own.next() {
            segments.push(match first {
                Segment::Field(name) => Segment::Field(
                    fields
                        .iter()
                        .find(|(rust, _)| rust == name)
                        .map_or_else(|| name.clone(), |(_, wire)| Cow::Borrowed(*wire)),
                ),
                other => other.clone(),
            });
        }
        segments.extend(own.cloned());
        let preview = error.preview().map(|p| Text::from(p.to_owned()));
        let error = overrides(rebuilt(&error));
        FieldError::new(Path::from_segments(segments), error.into_parts(), preview)
    });
}

/// The [`Error`] that `error` records, for a rule's `message` and `code` to replace.
fn rebuilt(error: &FieldError) -> Error {
    let base = if error.is_unavailable() {
        Error::unavailable()
    } else {
        Error::new("")
    };
    let mut rebuilt = base
        .with_code(error.code().to_owned())
        .with_message(error.message().to_owned());
    if let Some(id) = error.message_id() {
        rebuilt = rebuilt.with_message_id(id);
    }
    for (name, value) in error.params() {
        rebuilt = rebuilt.with_param(name.clone(), value.clone());
    }
    rebuilt
}

/// Applies the errors of a hand-written [`Validate`](crate::Validate) implementation at `node`.
#[cold]
#[inline(never)]
pub fn append(report: &mut Report, node: &PathNode<'_>, errors: Report) {
    report.append(&node.to_path(), errors);
}
