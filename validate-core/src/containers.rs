//! `Validate` for the wrappers and collections `nested` goes through: `Option` (skipped when
//! `None`), `Box`, `Rc`, `Arc`, references, sequences (paths `[i]`), sets and maps (`["key"]`).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

use crate::__private::{KeyName, PathNode, Seg};

/// The depth of a sensitive field below an element, one segment down.
fn below<T: Validate>(path: &[Segment]) -> Option<usize> {
    let (_, rest) = path.split_first()?;
    T::__sensitive_depth(rest).map(|depth| depth + 1)
}
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
    fn __sensitive_depth(path: &[Segment]) -> Option<usize> {
        T::__sensitive_depth(path)
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
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
}

/// Shared values are validated; they are normalized only while not shared, since normalizing a
/// shared value would change it for its other owners.
macro_rules! shared {
    ($($ptr:ident),*) => {$(
        impl<T: Validate + ?Sized> Validate for $ptr<T> {
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
        }
    )*};
}
shared!(Rc, Arc);

impl<T: Validate + ?Sized> Validate for &T {
    fn validate(&self) -> Result<(), Report> {
        run(self)
    }
    fn __validate_into(&self, path: &PathNode<'_>, report: &mut Report) {
        (**self).__validate_into(path, report);
    }
}

/// `Validate::__sensitive_depth` of a sized collection whose elements are `$item`s.
macro_rules! sensitive_below {
    ($item:ident) => {
        fn __sensitive_depth(path: &[Segment]) -> Option<usize> {
            below::<$item>(path)
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
                for (i, item) in self.iter().enumerate() {
                    if report.truncated() {
                        break;
                    }
                    item.__validate_into(&path.child(Seg::Index(i)), report);
                }
            }
            fn __normalize_validate_into(&mut self, path: &PathNode<'_>, report: &mut Report) {
                for (i, item) in self.iter_mut().enumerate() {
                    if report.truncated() {
                        break;
                    }
                    item.__normalize_validate_into(&path.child(Seg::Index(i)), report);
                }
            }
            $(sensitive_below!($item);)?
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
                for (i, item) in self.iter().enumerate() {
                    if report.truncated() {
                        break;
                    }
                    item.__validate_into(&path.child(Seg::Index(i)), report);
                }
            }
            sensitive_below!(T);
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
            sensitive_below!(V);
        }
    )*};
}
map!([K: KeyName, V: Validate, S] HashMap<K, V, S>, [K: KeyName, V: Validate] BTreeMap<K, V>);
