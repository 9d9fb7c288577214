//! The traits the rules read values through: a string view ([`AsStr`]), a number
//! ([`AsNumber`]), a length ([`Length`]), presence ([`Required`]), elements ([`Each`]) and keys
//! ([`Keys`]). They see through `Option` (rules skip `None`), `Box`, `Rc`, `Arc`, `Cow` and
//! references, so the same rule works on `String`, `Option<Box<str>>` or `&'a str`, and a rule on
//! a type it cannot apply to fails to compile with a message that names the rule.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Display;
use std::rc::Rc;
use std::sync::Arc;

use crate::report::{KeyName, Seg};
use crate::rules::length::Measure;
use crate::rules::range::Number;

/// Values that string rules apply to.
#[diagnostic::on_unimplemented(
    message = "this rule applies to strings, and `{Self}` is not one",
    label = "not a string (`String`, `&str`, `Cow<str>`, or an `Option`/`Box`/`Arc` of one)"
)]
pub trait AsStr {
    /// The string, or `None` when the value is an absent `Option`.
    fn as_str_opt(&self) -> Option<&str>;
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

/// Values that `length` applies to: strings (counted in chars) and collections (in items).
#[diagnostic::on_unimplemented(
    message = "`length` applies to strings and collections, and `{Self}` is neither",
    label = "has no length"
)]
pub trait Length {
    /// What to measure, or `None` when the value is an absent `Option`.
    fn measure(&self) -> Option<Measure<'_>>;
}

/// `Option` values, for `required`.
#[diagnostic::on_unimplemented(
    message = "`required` applies to `Option` fields, and `{Self}` is not an `Option`",
    label = "a non-`Option` field is always present"
)]
pub trait Required {
    /// Whether the value is `Some`.
    fn is_present(&self) -> bool;
}

/// Collections whose elements `each(..)` validates.
#[diagnostic::on_unimplemented(
    message = "`each` applies to collections, and `{Self}` is not one",
    label = "not a `Vec`, slice, array, `VecDeque`, set or map"
)]
pub trait Each {
    /// The element type (for maps, the value type).
    type Item;
    /// Whether the elements are at map keys (`["key"]`) rather than positions (`[i]`).
    const KEYED: bool = false;
    /// Calls `f` with every element and its path segment, in iteration order.
    fn each<F: FnMut(Seg<'_>, &Self::Item)>(&self, f: F);
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

/// Strings: their text, counted in chars.
macro_rules! strings {
    ($($t:ty),* $(,)?) => {$(
        impl AsStr for $t {
            #[inline]
            fn as_str_opt(&self) -> Option<&str> {
                Some(self)
            }
        }
        impl Length for $t {
            #[inline]
            fn measure(&self) -> Option<Measure<'_>> {
                Some(Measure::Chars(self))
            }
        }
    )*};
}
strings!(str, String, Cow<'_, str>);

/// `AsNumber` for primitive number types, each turned into a `Number` by `$to_number`.
macro_rules! as_number {
    ($($($t:ty),* => $to_number:expr;)*) => {$($(
        impl AsNumber for $t {
            #[inline]
            fn as_number(&self) -> Option<Number> {
                let to_number: fn($t) -> Number = $to_number;
                Some(to_number(*self))
            }
            fn display(&self) -> Option<&dyn Display> {
                Some(self)
            }
        }
    )*)*};
}
as_number! {
    i8, i16, i32, i64, u8, u16, u32, u64 => |n| Number::Int(n.into());
    i128 => Number::Int;
    f32 => |n| Number::Float(n.into());
    f64 => Number::Float;
    isize, usize => |n| Number::Int(n as i128);
    // Above `i128::MAX`, compared as a float.
    u128 => |n| i128::try_from(n).map_or(Number::Float(n as f64), Number::Int);
}

/// `Option`s: an absent value passes every rule but `required`.
impl<T: AsStr> AsStr for Option<T> {
    #[inline]
    fn as_str_opt(&self) -> Option<&str> {
        self.as_ref().and_then(AsStr::as_str_opt)
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

impl<T: Length> Length for Option<T> {
    #[inline]
    fn measure(&self) -> Option<Measure<'_>> {
        self.as_ref().and_then(Length::measure)
    }
}

impl<T> Required for Option<T> {
    #[inline]
    fn is_present(&self) -> bool {
        self.is_some()
    }
}

impl<C: Each> Each for Option<C> {
    type Item = C::Item;
    const KEYED: bool = C::KEYED;
    #[inline]
    fn each<F: FnMut(Seg<'_>, &Self::Item)>(&self, f: F) {
        if let Some(c) = self {
            c.each(f);
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

/// `Length` of a collection: its number of items.
macro_rules! counted {
    ([$($g:tt)*] $t:ty) => {
        impl<$($g)*> Length for $t {
            #[inline]
            fn measure(&self) -> Option<Measure<'_>> {
                Some(Measure::Items(self.len()))
            }
        }
    };
}

/// Sequences and sets: their items, at their positions.
macro_rules! sequences {
    ($([$($g:tt)*] $t:ty),* $(,)?) => {$(
        counted!([$($g)*] $t);
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
sequences!(
    [T] [T],
    [T] Vec<T>,
    [T, const N: usize] [T; N],
    [T] VecDeque<T>,
    [T, S] HashSet<T, S>,
    [T] BTreeSet<T>,
);

/// Maps: their entries, `Each` over the values and `Keys` over the keys, both at the key.
macro_rules! maps {
    ($([$($g:tt)*] $t:ty),* $(,)?) => {$(
        counted!([$($g)*] $t);
        impl<$($g)*> Each for $t {
            type Item = V;
            const KEYED: bool = true;
            #[inline]
            fn each<F: FnMut(Seg<'_>, &V)>(&self, mut f: F) {
                for (key, value) in self {
                    f(Seg::Key(key), value);
                }
            }
        }
        impl<$($g)*> Keys for $t {
            type Key = K;
            #[inline]
            fn each_key<F: FnMut(Seg<'_>, &K)>(&self, mut f: F) {
                for key in self.keys() {
                    f(Seg::Key(key), key);
                }
            }
        }
    )*};
}
maps!([K: KeyName, V, S] HashMap<K, V, S>, [K: KeyName, V] BTreeMap<K, V>);

/// Every access trait through a pointer or reference to a value that has it.
macro_rules! through_pointers {
    ($($ptr:ty),* $(,)?) => {$(
        impl<T: AsStr + ?Sized> AsStr for $ptr {
            #[inline]
            fn as_str_opt(&self) -> Option<&str> {
                (**self).as_str_opt()
            }
        }
        impl<T: AsNumber + ?Sized> AsNumber for $ptr {
            #[inline]
            fn as_number(&self) -> Option<Number> {
                (**self).as_number()
            }
            fn display(&self) -> Option<&dyn Display> {
                (**self).display()
            }
        }
        impl<T: Length + ?Sized> Length for $ptr {
            #[inline]
            fn measure(&self) -> Option<Measure<'_>> {
                (**self).measure()
            }
        }
        impl<T: Required + ?Sized> Required for $ptr {
            #[inline]
            fn is_present(&self) -> bool {
                (**self).is_present()
            }
        }
        impl<T: Each + ?Sized> Each for $ptr {
            type Item = T::Item;
            const KEYED: bool = T::KEYED;
            #[inline]
            fn each<F: FnMut(Seg<'_>, &Self::Item)>(&self, f: F) {
                (**self).each(f);
            }
        }
        impl<T: Keys + ?Sized> Keys for $ptr {
            type Key = T::Key;
            #[inline]
            fn each_key<F: FnMut(Seg<'_>, &Self::Key)>(&self, f: F) {
                (**self).each_key(f);
            }
        }
    )*};
}
through_pointers!(&T, &mut T, Box<T>, Rc<T>, Arc<T>);

/// The inner value of a field whose rules apply "through" `Option`: `custom` on an `Option<T>`
/// field receives `&T` and is skipped for `None`.
#[inline]
pub fn some<T>(value: &Option<T>) -> Option<&T> {
    value.as_ref()
}
