//! What the derive's generated code calls. Not a public API: names and signatures may change in
//! any release.
//!
//! The generated code never inspects a field's type. It reaches values through the traits here,
//! which see through `Option` (rules skip `None`), `Box`, `Rc`, `Arc`, `Cow` and references, so
//! the same rule works on `String`, `Option<Box<str>>` or `&'a str`, and a rule on a type it cannot
//! apply to fails to compile with a message that names the rule.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::{self, Display, Write};
use std::rc::Rc;
use std::sync::{Arc, OnceLock};

use crate::report::{FieldError, Path, Segment};
use crate::text::Text;
use crate::{PREVIEW_CHARS, log};

pub use crate::rules::length::Measure;
pub use crate::rules::range::Number;
pub use regex::Regex;

/// A place in the value being validated, kept on the stack while the generated code walks the
/// value; it becomes a [`Path`] only when an error is recorded there.
#[derive(Clone, Copy)]
pub struct PathNode<'a> {
    parent: Option<&'a PathNode<'a>>,
    segment: Option<Seg<'a>>,
}

/// One step of a [`PathNode`].
#[derive(Clone, Copy)]
pub enum Seg<'a> {
    /// A field by its wire name.
    Field(&'static str),
    /// A position in a sequence.
    Index(usize),
    /// A map key.
    Key(&'a dyn KeyName),
}

impl<'a> PathNode<'a> {
    /// The root of the value.
    pub const ROOT: PathNode<'static> = PathNode {
        parent: None,
        segment: None,
    };

    /// The node one step below this one.
    #[inline]
    pub fn child(&'a self, segment: Seg<'a>) -> PathNode<'a> {
        PathNode {
            parent: Some(self),
            segment: Some(segment),
        }
    }

    /// The field `name` below this node.
    #[inline]
    pub fn field(&'a self, name: &'static str) -> PathNode<'a> {
        self.child(Seg::Field(name))
    }

    /// The path of this node, built when an error is recorded there.
    #[cold]
    pub fn to_path(&self) -> Path {
        let mut depth = 0;
        let mut node = Some(self);
        while let Some(n) = node {
            depth += usize::from(n.segment.is_some());
            node = n.parent;
        }
        Path::build(depth, |slots| {
            // Innermost node first: fill from the back.
            let mut slots = slots.iter_mut().rev();
            let mut node = Some(self);
            while let Some(n) = node {
                if let Some(segment) = n.segment
                    && let Some(slot) = slots.next()
                {
                    *slot = match segment {
                        Seg::Field(name) => Segment::Field(Cow::Borrowed(name)),
                        Seg::Index(i) => Segment::Index(i),
                        Seg::Key(key) => key.key_segment(),
                    };
                }
                node = n.parent;
            }
        })
    }
}

/// A map key that can name a path segment.
pub trait KeyName {
    /// The segment for this key.
    fn key_segment(&self) -> Segment;
}

impl KeyName for str {
    fn key_segment(&self) -> Segment {
        Segment::Key(self.to_owned())
    }
}

impl KeyName for String {
    fn key_segment(&self) -> Segment {
        Segment::Key(self.clone())
    }
}

impl KeyName for Cow<'_, str> {
    fn key_segment(&self) -> Segment {
        Segment::Key(self.to_string())
    }
}

impl<T: KeyName + ?Sized> KeyName for &T {
    fn key_segment(&self) -> Segment {
        (**self).key_segment()
    }
}

impl<T: KeyName + ?Sized> KeyName for Box<T> {
    fn key_segment(&self) -> Segment {
        (**self).key_segment()
    }
}

impl<T: KeyName + ?Sized> KeyName for Arc<T> {
    fn key_segment(&self) -> Segment {
        (**self).key_segment()
    }
}

impl<T: KeyName + ?Sized> KeyName for Rc<T> {
    fn key_segment(&self) -> Segment {
        (**self).key_segment()
    }
}

macro_rules! key_name_display {
    ($($t:ty),*) => {$(
        impl KeyName for $t {
            fn key_segment(&self) -> Segment {
                Segment::Key(self.to_string())
            }
        }
    )*};
}
key_name_display!(
    char, bool, i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize
);

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
    use super::Error;
    use crate::report::Parts;

    pub trait Reason {
        /// The code, message and parameters to record.
        fn into_parts(self) -> Parts;
    }

    impl Reason for Error {
        fn into_parts(self) -> Parts {
            Error::into_parts(self)
        }
    }

    impl Reason for &'static Error {
        fn into_parts(self) -> Parts {
            self.borrowed_parts()
        }
    }
}

/// Records `error` at `node`, with a log preview of the string value.
#[cold]
#[inline(never)]
pub fn fail_str(report: &mut Report, node: &PathNode<'_>, error: impl Reason, value: &str) {
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
    let mut path = node.to_path();
    if let Some(field) = error.field() {
        let wire = fields.iter().find(|(rust, _)| *rust == field).map_or_else(
            || Cow::Owned(field.to_owned()),
            |(_, wire)| Cow::Borrowed(*wire),
        );
        let mut segments = path.segments().to_vec();
        segments.push(Segment::Field(wire));
        path = Path::from_segments(segments);
    }
    report.push(path, error, None);
}

/// Applies the errors of a hand-written [`Validate`](crate::Validate) implementation at `node`.
#[cold]
#[inline(never)]
pub fn append(report: &mut Report, node: &PathNode<'_>, errors: Report) {
    report.append(&node.to_path(), errors);
}

/// Values that string rules apply to.
#[diagnostic::on_unimplemented(
    message = "this rule applies to strings, and `{Self}` is not one",
    label = "not a string (`String`, `&str`, `Cow<str>`, or an `Option`/`Box`/`Arc` of one)"
)]
pub trait AsStr {
    /// The string, or `None` when the value is an absent `Option`.
    fn as_str_opt(&self) -> Option<&str>;
}

impl AsStr for str {
    #[inline]
    fn as_str_opt(&self) -> Option<&str> {
        Some(self)
    }
}

impl AsStr for String {
    #[inline]
    fn as_str_opt(&self) -> Option<&str> {
        Some(self)
    }
}

impl AsStr for Cow<'_, str> {
    #[inline]
    fn as_str_opt(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T: AsStr> AsStr for Option<T> {
    #[inline]
    fn as_str_opt(&self) -> Option<&str> {
        self.as_ref().and_then(AsStr::as_str_opt)
    }
}

/// Values that `range` and numeric `one_of` / `none_of` apply to.
#[diagnostic::on_unimplemented(
    message = "this rule applies to numbers, and `{Self}` is not one",
    label = "not a number (an integer or float, or an `Option`/`Box`/`Arc` of one)"
)]
pub trait AsNumber {
    /// The number, or `None` when the value is an absent `Option`.
    fn as_number(&self) -> Option<Number>;
    /// The value as text for a log preview.
    fn display(&self) -> Option<&dyn Display>;
}

macro_rules! as_number {
    ($variant:ident: $($t:ty),*) => {$(
        impl AsNumber for $t {
            #[inline]
            fn as_number(&self) -> Option<Number> {
                Some(Number::$variant((*self).into()))
            }
            fn display(&self) -> Option<&dyn Display> {
                Some(self)
            }
        }
    )*};
}
as_number!(Int: i8, i16, i32, i64, i128, u8, u16, u32, u64);
as_number!(Float: f32, f64);

impl AsNumber for isize {
    #[inline]
    fn as_number(&self) -> Option<Number> {
        Some(Number::Int(*self as i128))
    }
    fn display(&self) -> Option<&dyn Display> {
        Some(self)
    }
}

impl AsNumber for usize {
    #[inline]
    fn as_number(&self) -> Option<Number> {
        Some(Number::Int(*self as i128))
    }
    fn display(&self) -> Option<&dyn Display> {
        Some(self)
    }
}

impl AsNumber for u128 {
    #[inline]
    fn as_number(&self) -> Option<Number> {
        Some(i128::try_from(*self).map_or(Number::Float(*self as f64), Number::Int))
    }
    fn display(&self) -> Option<&dyn Display> {
        Some(self)
    }
}

impl<T: AsNumber> AsNumber for Option<T> {
    #[inline]
    fn as_number(&self) -> Option<Number> {
        self.as_ref().and_then(AsNumber::as_number)
    }
    fn display(&self) -> Option<&dyn Display> {
        self.as_ref().and_then(AsNumber::display)
    }
}

/// Values that `length` applies to: strings (counted in chars) and collections (in items).
#[diagnostic::on_unimplemented(
    message = "`length` applies to strings and collections, and `{Self}` is neither",
    label = "has no length"
)]
pub trait Length {
    /// What to measure, or `None` when the value is an absent `Option`.
    fn measure(&self) -> Option<Measure<'_>>;
}

impl Length for str {
    #[inline]
    fn measure(&self) -> Option<Measure<'_>> {
        Some(Measure::Chars(self))
    }
}

impl Length for String {
    #[inline]
    fn measure(&self) -> Option<Measure<'_>> {
        Some(Measure::Chars(self))
    }
}

impl Length for Cow<'_, str> {
    #[inline]
    fn measure(&self) -> Option<Measure<'_>> {
        Some(Measure::Chars(self))
    }
}

impl<T: Length> Length for Option<T> {
    #[inline]
    fn measure(&self) -> Option<Measure<'_>> {
        self.as_ref().and_then(Length::measure)
    }
}

macro_rules! length_items {
    ($([$($g:tt)*] $t:ty),* $(,)?) => {$(
        impl<$($g)*> Length for $t {
            #[inline]
            fn measure(&self) -> Option<Measure<'_>> {
                Some(Measure::Items(self.len()))
            }
        }
    )*};
}
length_items!(
    [T] [T],
    [T] Vec<T>,
    [T, const N: usize] [T; N],
    [T] VecDeque<T>,
    [T, S] HashSet<T, S>,
    [T] BTreeSet<T>,
    [K, V, S] HashMap<K, V, S>,
    [K, V] BTreeMap<K, V>,
);

/// `Option` values, for `required`.
#[diagnostic::on_unimplemented(
    message = "`required` applies to `Option` fields, and `{Self}` is not an `Option`",
    label = "a non-`Option` field is always present"
)]
pub trait Required {
    /// Whether the value is `Some`.
    fn is_present(&self) -> bool;
}

impl<T> Required for Option<T> {
    #[inline]
    fn is_present(&self) -> bool {
        self.is_some()
    }
}

/// Collections whose elements `each(..)` validates.
#[diagnostic::on_unimplemented(
    message = "`each` applies to collections, and `{Self}` is not one",
    label = "not a `Vec`, slice, array, `VecDeque`, set or map"
)]
pub trait Each {
    /// The element type (for maps, the value type).
    type Item: ?Sized;
    /// Calls `f` with every element and its path segment, in iteration order.
    fn each<F: FnMut(Seg<'_>, &Self::Item)>(&self, f: F);
}

macro_rules! each_indexed {
    ($([$($g:tt)*] $t:ty),* $(,)?) => {$(
        impl<$($g)*> Each for $t {
            type Item = T;
            #[inline]
            fn each<F: FnMut(Seg<'_>, &T)>(&self, mut f: F) {
                for (i, item) in self.iter().enumerate() {
                    f(Seg::Index(i), item);
                }
            }
        }
    )*};
}
each_indexed!(
    [T] [T],
    [T] Vec<T>,
    [T, const N: usize] [T; N],
    [T] VecDeque<T>,
    [T, S] HashSet<T, S>,
    [T] BTreeSet<T>,
);

impl<K: KeyName, V, S> Each for HashMap<K, V, S> {
    type Item = V;
    #[inline]
    fn each<F: FnMut(Seg<'_>, &V)>(&self, mut f: F) {
        for (key, value) in self {
            f(Seg::Key(key), value);
        }
    }
}

impl<K: KeyName, V> Each for BTreeMap<K, V> {
    type Item = V;
    #[inline]
    fn each<F: FnMut(Seg<'_>, &V)>(&self, mut f: F) {
        for (key, value) in self {
            f(Seg::Key(key), value);
        }
    }
}

impl<C: Each> Each for Option<C> {
    type Item = C::Item;
    #[inline]
    fn each<F: FnMut(Seg<'_>, &Self::Item)>(&self, f: F) {
        if let Some(c) = self {
            c.each(f);
        }
    }
}

/// Maps whose keys `keys(..)` validates.
#[diagnostic::on_unimplemented(
    message = "`keys` applies to maps, and `{Self}` is not one",
    label = "not a `HashMap` or `BTreeMap`"
)]
pub trait Keys {
    /// The key type.
    type Key: ?Sized;
    /// Calls `f` with every key and its path segment.
    fn each_key<F: FnMut(Seg<'_>, &Self::Key)>(&self, f: F);
}

impl<K: KeyName, V, S> Keys for HashMap<K, V, S> {
    type Key = K;
    #[inline]
    fn each_key<F: FnMut(Seg<'_>, &K)>(&self, mut f: F) {
        for key in self.keys() {
            f(Seg::Key(key), key);
        }
    }
}

impl<K: KeyName, V> Keys for BTreeMap<K, V> {
    type Key = K;
    #[inline]
    fn each_key<F: FnMut(Seg<'_>, &K)>(&self, mut f: F) {
        for key in self.keys() {
            f(Seg::Key(key), key);
        }
    }
}

impl<C: Keys> Keys for Option<C> {
    type Key = C::Key;
    #[inline]
    fn each_key<F: FnMut(Seg<'_>, &Self::Key)>(&self, f: F) {
        if let Some(c) = self {
            c.each_key(f);
        }
    }
}

/// Collections whose elements `#[normalize(each(..))]` rewrites in place.
#[diagnostic::on_unimplemented(
    message = "`each` normalizes the elements of a collection, and `{Self}` is not one that can be changed in place",
    label = "not a `Vec`, slice, array, `VecDeque` or map"
)]
pub trait EachMut {
    /// The element type (for maps, the value type).
    type Item: ?Sized;
    /// Calls `f` with every element.
    fn each_mut<F: FnMut(&mut Self::Item)>(&mut self, f: F);
}

macro_rules! each_mut_values {
    ($([$($g:tt)*] $t:ty => $item:ty, $iter:ident),* $(,)?) => {$(
        impl<$($g)*> EachMut for $t {
            type Item = $item;
            #[inline]
            fn each_mut<F: FnMut(&mut $item)>(&mut self, f: F) {
                self.$iter().for_each(f);
            }
        }
    )*};
}
each_mut_values!(
    [T] [T] => T, iter_mut,
    [T] Vec<T> => T, iter_mut,
    [T, const N: usize] [T; N] => T, iter_mut,
    [T] VecDeque<T> => T, iter_mut,
    [K, V, S] HashMap<K, V, S> => V, values_mut,
    [K, V] BTreeMap<K, V> => V, values_mut,
);

impl<C: EachMut> EachMut for Option<C> {
    type Item = C::Item;
    #[inline]
    fn each_mut<F: FnMut(&mut Self::Item)>(&mut self, f: F) {
        if let Some(c) = self {
            c.each_mut(f);
        }
    }
}

/// Strings that normalizers rewrite.
#[diagnostic::on_unimplemented(
    message = "string normalizers apply to owned strings, and `{Self}` is not one",
    label = "not a `String`, `Cow<str>`, or an `Option`/`Box` of one"
)]
pub trait StrMut {
    /// Replaces the string with `f(string)` when that differs, and says whether it did; `None`
    /// values are left alone.
    fn rewrite<F: FnOnce(&str) -> Cow<'_, str>>(&mut self, f: F) -> bool;

    /// Whether the value is surely left as it is by a chain of normalizers, given as the union
    /// of their [`normal_flags`] (`None` is).
    fn is_normal(&self, chain: u32) -> bool;

    /// Runs a field's chain of string normalizers, after `is_normal` could not vouch for the
    /// value: one normalizer once (each is idempotent), a longer chain until a pass changes
    /// nothing, at most [`NORMALIZE_PASSES`] times, so that normalizing again never changes a
    /// normalized value.
    ///
    /// Out of line, and cold so that the code around the call is laid out after the path that
    /// finds the value normal: a derived `__normalize_validate_into` runs right after a serde
    /// parse has filled the instruction cache, and should touch as few lines of code as it can.
    #[cold]
    #[inline(never)]
    fn normalize_chain(&mut self, chain: &[StrNormalizer]) {
        if let [normalizer] = chain {
            self.rewrite(normalizer);
            return;
        }
        for _ in 0..NORMALIZE_PASSES {
            let mut changed = false;
            for normalizer in chain {
                changed |= self.rewrite(normalizer);
            }
            if !changed {
                break;
            }
        }
    }
}

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

/// A string normalizer of `validate_core::normalize`.
pub type StrNormalizer = for<'a> fn(&'a str) -> Cow<'a, str>;

pub use crate::normalize::quick::flags as normal_flags;

/// How many times a field's chain of string normalizers runs at most. The chain runs again while
/// a pass changes the value, because one normalizer can undo another's work (NFKC turns `¯` into
/// a space and a combining macron, which a `trim` before it did not see); real chains settle in
/// two passes.
pub const NORMALIZE_PASSES: usize = 4;

impl StrMut for String {
    #[inline]
    fn is_normal(&self, chain: u32) -> bool {
        crate::normalize::quick::is_normal(self, chain)
    }

    #[inline]
    fn rewrite<F: FnOnce(&str) -> Cow<'_, str>>(&mut self, f: F) -> bool {
        let (start, len) = match f(self) {
            Cow::Borrowed(kept) => {
                if kept.len() == self.len() {
                    return false;
                }
                // A normalizer that only removes text from the ends (trim) returns a slice of the
                // input; cutting the string in place keeps its buffer.
                match offset_in(self, kept) {
                    Some(start) => (start, kept.len()),
                    None => {
                        *self = kept.to_owned();
                        return true;
                    }
                }
            }
            Cow::Owned(new) => {
                *self = new;
                return true;
            }
        };
        self.truncate(start + len);
        self.drain(..start);
        true
    }
}

fn offset_in(outer: &str, inner: &str) -> Option<usize> {
    let start = (inner.as_ptr() as usize).checked_sub(outer.as_ptr() as usize)?;
    (start + inner.len() <= outer.len() && outer.is_char_boundary(start)).then_some(start)
}

impl StrMut for Cow<'_, str> {
    #[inline]
    fn is_normal(&self, chain: u32) -> bool {
        crate::normalize::quick::is_normal(self, chain)
    }

    #[inline]
    fn rewrite<F: FnOnce(&str) -> Cow<'_, str>>(&mut self, f: F) -> bool {
        match self {
            Cow::Owned(s) => s.rewrite(f),
            Cow::Borrowed(s) => {
                let whole: &str = s;
                match f(whole) {
                    Cow::Borrowed(kept) if kept.len() == whole.len() => return false,
                    Cow::Borrowed(kept) => match offset_in(whole, kept) {
                        Some(start) => *s = &whole[start..start + kept.len()],
                        None => *self = Cow::Owned(kept.to_owned()),
                    },
                    Cow::Owned(new) => *self = Cow::Owned(new),
                }
                true
            }
        }
    }
}

impl<T: StrMut> StrMut for Option<T> {
    #[inline]
    fn is_normal(&self, chain: u32) -> bool {
        self.as_ref().is_none_or(|s| s.is_normal(chain))
    }

    #[inline]
    fn rewrite<F: FnOnce(&str) -> Cow<'_, str>>(&mut self, f: F) -> bool {
        self.as_mut().is_some_and(|s| s.rewrite(f))
    }
}

macro_rules! through_pointer {
    ($($ptr:ident),*) => {$(
        impl<T: AsStr + ?Sized> AsStr for $ptr<T> {
            #[inline]
            fn as_str_opt(&self) -> Option<&str> {
                (**self).as_str_opt()
            }
        }
        impl<T: AsNumber + ?Sized> AsNumber for $ptr<T> {
            #[inline]
            fn as_number(&self) -> Option<Number> {
                (**self).as_number()
            }
            fn display(&self) -> Option<&dyn Display> {
                (**self).display()
            }
        }
        impl<T: Length + ?Sized> Length for $ptr<T> {
            #[inline]
            fn measure(&self) -> Option<Measure<'_>> {
                (**self).measure()
            }
        }
        impl<C: Each + ?Sized> Each for $ptr<C> {
            type Item = C::Item;
            #[inline]
            fn each<F: FnMut(Seg<'_>, &Self::Item)>(&self, f: F) {
                (**self).each(f);
            }
        }
        impl<C: Keys + ?Sized> Keys for $ptr<C> {
            type Key = C::Key;
            #[inline]
            fn each_key<F: FnMut(Seg<'_>, &Self::Key)>(&self, f: F) {
                (**self).each_key(f);
            }
        }
    )*};
}
through_pointer!(Box, Rc, Arc);

impl<T: AsStr + ?Sized> AsStr for &T {
    #[inline]
    fn as_str_opt(&self) -> Option<&str> {
        (**self).as_str_opt()
    }
}

impl<T: AsStr + ?Sized> AsStr for &mut T {
    #[inline]
    fn as_str_opt(&self) -> Option<&str> {
        (**self).as_str_opt()
    }
}

impl<T: AsNumber + ?Sized> AsNumber for &T {
    #[inline]
    fn as_number(&self) -> Option<Number> {
        (**self).as_number()
    }
    fn display(&self) -> Option<&dyn Display> {
        (**self).display()
    }
}

impl<T: Length + ?Sized> Length for &T {
    #[inline]
    fn measure(&self) -> Option<Measure<'_>> {
        (**self).measure()
    }
}

impl<C: Each + ?Sized> Each for &C {
    type Item = C::Item;
    #[inline]
    fn each<F: FnMut(Seg<'_>, &Self::Item)>(&self, f: F) {
        (**self).each(f);
    }
}

impl<C: Keys + ?Sized> Keys for &C {
    type Key = C::Key;
    #[inline]
    fn each_key<F: FnMut(Seg<'_>, &Self::Key)>(&self, f: F) {
        (**self).each_key(f);
    }
}

impl<T: StrMut + ?Sized> StrMut for Box<T> {
    #[inline]
    fn is_normal(&self, chain: u32) -> bool {
        (**self).is_normal(chain)
    }

    #[inline]
    fn rewrite<F: FnOnce(&str) -> Cow<'_, str>>(&mut self, f: F) -> bool {
        (**self).rewrite(f)
    }
}

impl<C: EachMut + ?Sized> EachMut for Box<C> {
    type Item = C::Item;
    #[inline]
    fn each_mut<F: FnMut(&mut Self::Item)>(&mut self, f: F) {
        (**self).each_mut(f);
    }
}

/// The inner value of a field whose rules apply "through" `Option`: `custom` on an `Option<T>`
/// field receives `&T` and is skipped for `None`.
#[inline]
pub fn some<T>(value: &Option<T>) -> Option<&T> {
    value.as_ref()
}

/// Writes the serde error message of a report: each error's path and message, never a value.
pub struct DeError<'a>(pub &'a Report);

impl Display for DeError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("validation failed: ")?;
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            if e.path().is_root() {
                write!(f, "{}", log::escape(e.message()))?;
            } else {
                write!(f, "{}: {}", e.path(), log::escape(e.message()))?;
            }
        }
        Ok(())
    }
}

// The public items the generated code names, so that it reaches every item through this module;
// the normalizers under a name of their own.
pub use crate::normalize as normalizers;
pub use crate::{Error, Param, Report, Validate, formats, pattern, rules};
