//! `Validate` for the wrappers and collections `nested` goes through: `Option` (skipped when
//! `None`), `Box`, `Rc`, `Arc`, references, sequences (paths `[i]`), sets and maps (`["key"]`).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

use crate::__private::{KeyName, PathNode, Seg, trace};
use crate::{Report, Segment, Validate};

fn run<T: Validate + ?Sized>(value: &T) -> Result<(), Report> {
    let mut report = Report::new();
    value.__validate_into(&PathNode::ROOT, &mut report);
    report.into_result()
}

impl<T: Validate> Validate for Option<T> {
    fn normalize(&mut self) {
        if let Some(value) = self {
            value.normalize();
        }
    }
    fn validate(&self) -> Result<(), Report> {
        run(self)
    }
    fn __validate_into(&self, path: &PathNode<'_>, report: &mut Report) {
        if let Some(value) = self {
            value.__validate_into(path, report);
        }
    }
    fn __normalize_validate_into(&mut self, path: &PathNode<'_>, report: &mut Report) {
        if let Some(value) = self {
            value.__normalize_validate_into(path, report);
        }
    }
    fn __trace(path: &mut [Segment]) {
        T::__trace(path);
    }
}

/// `Box<T>` and `Box<[T]>`: the value inside. (Pointers to sized values forward `__trace`, which
/// a pointer to an unsized one cannot, so the unsized ones have impls of their own.)
macro_rules! boxed {
    ($([$($g:tt)*] $t:ty $(=> $inner:ident)?),* $(,)?) => {$(
        impl<$($g)*> Validate for $t {
            fn normalize(&mut self) {
                (**self).normalize();
            }
            fn validate(&self) -> Result<(), Report> {
                run(self)
            }
            fn __validate_into(&self, path: &PathNode<'_>, report: &mut Report) {
                (**self).__validate_into(path, report);
            }
            fn __normalize_validate_into(&mut self, path: &PathNode<'_>, report: &mut Report) {
                (**self).__normalize_validate_into(path, report);
            }
            $(fn __trace(path: &mut [Segment]) {
                $inner::__trace(path);
            })?
        }
    )*};
}
boxed!([T: Validate] Box<T> => T, [T: Validate] Box<[T]>);

/// Shared values are validated; they are normalized only while not shared, since normalizing a
/// shared value would change it for its other owners.
macro_rules! shared {
    ($([$($g:tt)*] $ptr:ident<$pointee:ty> $(=> $inner:ident)?),* $(,)?) => {$(
        impl<$($g)*> Validate for $ptr<$pointee> {
            fn normalize(&mut self) {
                if let Some(value) = $ptr::get_mut(self) {
                    value.normalize();
                }
            }
            fn validate(&self) -> Result<(), Report> {
                run(self)
            }
            fn __validate_into(&self, path: &PathNode<'_>, report: &mut Report) {
                (**self).__validate_into(path, report);
            }
            fn __normalize_validate_into(&mut self, path: &PathNode<'_>, report: &mut Report) {
                match $ptr::get_mut(self) {
                    Some(value) => value.__normalize_validate_into(path, report),
                    None => (**self).__validate_into(path, report),
                }
            }
            $(fn __trace(path: &mut [Segment]) {
                $inner::__trace(path);
            })?
        }
    )*};
}
shared!(
    [T: Validate] Rc<T> => T,
    [T: Validate] Rc<[T]>,
    [T: Validate] Arc<T> => T,
    [T: Validate] Arc<[T]>,
);

impl<T: Validate + ?Sized> Validate for &T {
    fn validate(&self) -> Result<(), Report> {
        run(self)
    }
    fn __validate_into(&self, path: &PathNode<'_>, report: &mut Report) {
        (**self).__validate_into(path, report);
    }
}

/// Validates the items of a sequence or set at their positions, until the report is full.
fn validate_items<'a, T: Validate + 'a>(
    items: impl Iterator<Item = &'a T>,
    path: &PathNode<'_>,
    report: &mut Report,
) {
    for (i, item) in items.enumerate() {
        if report.truncated() {
            break;
        }
        item.__validate_into(&path.child(Seg::Index(i)), report);
    }
}

/// `Validate::__trace` of a sized collection whose elements are `$item`s, at keys when `$keyed`.
macro_rules! trace_below {
    ($item:ident, $keyed:literal) => {
        fn __trace(path: &mut [Segment]) {
            if let Some(rest) = trace::element(path, $keyed) {
                $item::__trace(rest);
            }
        }
    };
}

macro_rules! sequence {
    ($([$($g:tt)*] $t:ty $(=> $item:ident)?),* $(,)?) => {$(
        impl<$($g)*> Validate for $t {
            fn normalize(&mut self) {
                self.iter_mut().for_each(Validate::normalize);
            }
            fn validate(&self) -> Result<(), Report> {
                run(self)
            }
            fn __validate_into(&self, path: &PathNode<'_>, report: &mut Report) {
                validate_items(self.iter(), path, report);
            }
            fn __normalize_validate_into(&mut self, path: &PathNode<'_>, report: &mut Report) {
                for (i, item) in self.iter_mut().enumerate() {
                    if report.truncated() {
                        break;
                    }
                    item.__normalize_validate_into(&path.child(Seg::Index(i)), report);
                }
            }
            $(trace_below!($item, false);)?
        }
    )*};
}
sequence!(
    [T: Validate] [T],
    [T: Validate] Vec<T> => T,
    [T: Validate, const N: usize] [T; N] => T,
    [T: Validate] VecDeque<T> => T,
);

/// Set elements are validated but not normalized: changing an element in place would break the
/// set's ordering or hashing, and rebuilding the set would allocate even for normal input.
macro_rules! set {
    ($([$($g:tt)*] $t:ty),* $(,)?) => {$(
        impl<$($g)*> Validate for $t {
            fn validate(&self) -> Result<(), Report> {
                run(self)
            }
            fn __validate_into(&self, path: &PathNode<'_>, report: &mut Report) {
                validate_items(self.iter(), path, report);
            }
            trace_below!(T, false);
        }
    )*};
}
set!([T: Validate, S] HashSet<T, S>, [T: Validate] BTreeSet<T>);

macro_rules! map {
    ($([$($g:tt)*] $t:ty),* $(,)?) => {$(
        impl<$($g)*> Validate for $t {
            fn normalize(&mut self) {
                self.values_mut().for_each(Validate::normalize);
            }
            fn validate(&self) -> Result<(), Report> {
                run(self)
            }
            fn __validate_into(&self, path: &PathNode<'_>, report: &mut Report) {
                for (key, value) in self {
                    if report.truncated() {
                        break;
                    }
                    value.__validate_into(&path.child(Seg::Key(key)), report);
                }
            }
            fn __normalize_validate_into(&mut self, path: &PathNode<'_>, report: &mut Report) {
                for (key, value) in self.iter_mut() {
                    if report.truncated() {
                        break;
                    }
                    value.__normalize_validate_into(&path.child(Seg::Key(key)), report);
                }
            }
            trace_below!(V, true);
        }
    )*};
}
map!([K: KeyName, V: Validate, S] HashMap<K, V, S>, [K: KeyName, V: Validate] BTreeMap<K, V>);
