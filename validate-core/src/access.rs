//! The traits the rules read values through: a string view ([`AsStr`]), a number
//! ([`AsNumber`]), a length ([`Length`]), presence ([`Required`]), elements ([`Each`]) and keys
//! ([`Keys`]).
//!
//! They see through `Option` (rules skip `None`), `Box`, `Rc`, `Arc`, `Cow` and references, so
//! the same rule works on `String`, `Option<Box<str>>` or `&'a str`; a rule on a type it cannot
//! apply to fails to compile with a message that names the rule and the trait to implement.
//!
//! Your own types take the built-in rules by implementing the trait the rule reads through: a
//! newtype over a string implements [`AsStr`] (and [`Length`] for `length`), and every string
//! rule applies to it, in `Option`s and collections of it too.
//!
//! ```
//! use validate_core::access::{AsStr, Length, Measure};
//! use validate_core::Validate;
//!
//! /// An address the application has already lowercased.
//! struct Email(String);
//!
//! impl AsStr for Email {
//!     fn as_str_opt(&self) -> Option<&str> {
//!         Some(&self.0)
//!     }
//! }
//!
//! impl Length for Email {
//!     fn measure(&self) -> Option<Measure<'_>> {
//!         Some(Measure::Chars(&self.0))
//!     }
//! }
//!
//! #[derive(Validate)]
//! struct Invite {
//!     #[validate(email, length(max = 254))]
//!     to: Email,
//!     #[validate(each(email))]
//!     cc: Vec<Email>,
//! }
//!
//! let invite = Invite { to: Email("ada@example.com".into()), cc: vec![Email("bob".into())] };
//! let report = invite.validate().unwrap_err();
//! assert_eq!(report.to_string(), r#"cc[0]: email: must be a valid email address (got "bob")"#);
//! ```
//!
//! With feature `secrecy`, `secrecy::SecretString` implements [`AsStr`] and [`Length`] through
//! `ExposeSecret`, borrowing the secret, never copying it.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Display;
use std::rc::Rc;
use std::sync::Arc;

pub use crate::report::{KeyName, Seg};
pub use crate::rules::length::Measure;
pub use crate::rules::range::Number;

/// Values that string rules apply to (`email`, `pattern`, `url`, `one_of("..")`, ...): see the
/// [module](self) for a newtype that implements it.
#[diagnostic::on_unimplemented(
    message = "this rule applies to strings, and `{Self}` is not one",
    label = "not a string (`String`, `&str`, `Cow<str>`, or an `Option`/`Box`/`Arc` of one)",
    note = "for a type of your own, implement `validate_core::access::AsStr`"
)]
pub trait AsStr {
    /// The string, or `None` when the value is an absent `Option`.
    fn as_str_opt(&self) -> Option<&str>;
}

/// Values that `range` and numeric `one_of` / `none_of` apply to.
///
/// ```
/// use std::fmt::Display;
/// use validate_core::access::{AsNumber, Number};
/// use validate_core::Validate;
///
/// struct Cents(u64);
///
/// impl AsNumber for Cents {
///     fn as_number(&self) -> Option<Number> {
///         Some(Number::Int(self.0.into()))
///     }
///     fn display(&self) -> Option<&dyn Display> {
///         Some(&self.0)
///     }
/// }
///
/// #[derive(Validate)]
/// struct Payment {
///     #[validate(range(min = 50, max = 1_000_000))]
///     amount: Cents,
/// }
/// assert!(Payment { amount: Cents(20) }.validate().is_err());
/// ```
#[diagnostic::on_unimplemented(
    message = "this rule applies to numbers, and `{Self}` is not one",
    label = "not a number (an integer or float, or an `Option`/`Box`/`Arc` of one)",
    note = "for a type of your own, implement `validate_core::access::AsNumber`"
)]
pub trait AsNumber {
    /// The number, or `None` when the value is an absent `Option`.
    fn as_number(&self) -> Option<Number>;
    /// The value as text for a log preview (`None` when absent).
    fn display(&self) -> Option<&dyn Display>;
}

/// Values that `length` applies to: strings (counted in chars) and collections (in items).
///
/// ```
/// use validate_core::access::{Length, Measure};
/// use validate_core::Validate;
///
/// struct Tags(Vec<String>);
///
/// impl Length for Tags {
///     fn measure(&self) -> Option<Measure<'_>> {
///         Some(Measure::Items(self.0.len()))
///     }
/// }
///
/// #[derive(Validate)]
/// struct Post {
///     #[validate(length(max = 2))]
///     tags: Tags,
/// }
/// assert!(Post { tags: Tags(vec!["a".into(); 3]) }.validate().is_err());
/// ```
#[diagnostic::on_unimplemented(
    message = "`length` applies to strings and collections, and `{Self}` is neither",
    label = "has no length",
    note = "for a type of your own, implement `validate_core::access::Length`"
)]
pub trait Length {
    /// What to measure, or `None` when the value is an absent `Option`.
    fn measure(&self) -> Option<Measure<'_>>;
}

/// `Option` values, for `required`; a type of your own that can be absent implements it too.
///
/// ```
/// use validate_core::access::Required;
/// use validate_core::Validate;
///
/// enum Maybe { Given(String), Missing }
///
/// impl Required for Maybe {
///     fn is_present(&self) -> bool {
///         matches!(self, Maybe::Given(_))
///     }
/// }
///
/// #[derive(Validate)]
/// struct Form {
///     #[validate(required)]
///     name: Maybe,
/// }
/// assert!(Form { name: Maybe::Missing }.validate().is_err());
/// assert!(Form { name: Maybe::Given("Ada".into()) }.validate().is_ok());
/// ```
#[diagnostic::on_unimplemented(
    message = "`required` applies to `Option` fields, and `{Self}` is not an `Option`",
    label = "a non-`Option` field is always present",
    note = "for a type of your own, implement `validate_core::access::Required`"
)]
pub trait Required {
    /// Whether the value is `Some`.
    fn is_present(&self) -> bool;
}

/// Collections whose elements `each(..)` validates. A wrapper passes the segment it is given
/// on, which is how the element's errors get their `[i]` or `["key"]` in the path.
///
/// ```
/// use validate_core::access::{Each, Seg};
/// use validate_core::Validate;
///
/// struct Emails(Vec<String>);
///
/// impl Each for Emails {
///     type Item = String;
///     fn each<'a, F: FnMut(Seg<'a>, &'a String)>(&'a self, f: F) {
///         self.0.each(f);
///     }
/// }
///
/// #[derive(Validate)]
/// struct Invite {
///     #[validate(each(email))]
///     to: Emails,
/// }
/// let invite = Invite { to: Emails(vec!["ada@example.com".into(), "bob".into()]) };
/// assert_eq!(invite.validate().unwrap_err().errors()[0].path().to_string(), "to[1]");
/// ```
#[diagnostic::on_unimplemented(
    message = "`each` applies to collections, and `{Self}` is not one",
    label = "not a `Vec`, slice, array, `VecDeque`, set or map",
    note = "for a type of your own, implement `validate_core::access::Each`"
)]
pub trait Each {
    /// The element type (for maps, the value type).
    type Item;
    /// Whether the elements are at map keys (`["key"]`) rather than positions (`[i]`).
    const KEYED: bool = false;
    /// Calls `f` with every element and its path segment, in iteration order.
    fn each<'a, F: FnMut(Seg<'a>, &'a Self::Item)>(&'a self, f: F);
}

/// Maps whose keys `keys(..)` validates; a wrapper passes the segment it is given on, as for
/// [`Each`].
///
/// ```
/// use std::collections::BTreeMap;
/// use validate_core::access::{Keys, Seg};
/// use validate_core::Validate;
///
/// struct Labels(BTreeMap<String, String>);
///
/// impl Keys for Labels {
///     type Key = String;
///     fn each_key<'a, F: FnMut(Seg<'a>, &'a String)>(&'a self, f: F) {
///         self.0.each_key(f);
///     }
/// }
///
/// #[derive(Validate)]
/// struct Resource {
///     #[validate(keys(pattern = "[a-z]+"))]
///     labels: Labels,
/// }
/// let labels = Labels(BTreeMap::from([("Env".to_owned(), "prod".to_owned())]));
/// assert!(Resource { labels }.validate().is_err());
/// ```
#[diagnostic::on_unimplemented(
    message = "`keys` applies to maps, and `{Self}` is not one",
    label = "not a `HashMap` or `BTreeMap`",
    note = "for a type of your own, implement `validate_core::access::Keys`"
)]
pub trait Keys {
    /// The key type.
    type Key: ?Sized;
    /// Calls `f` with every key and its path segment.
    fn each_key<'a, F: FnMut(Seg<'a>, &'a Self::Key)>(&'a self, f: F);
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
    fn each<'a, F: FnMut(Seg<'a>, &'a Self::Item)>(&'a self, f: F) {
        if let Some(c) = self {
            c.each(f);
        }
    }
}

impl<C: Keys> Keys for Option<C> {
    type Key = C::Key;
    #[inline]
    fn each_key<'a, F: FnMut(Seg<'a>, &'a Self::Key)>(&'a self, f: F) {
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
            fn each<'a, F: FnMut(Seg<'a>, &'a T)>(&'a self, mut f: F) {
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
            fn each<'a, F: FnMut(Seg<'a>, &'a V)>(&'a self, mut f: F) {
                for (key, value) in self {
                    f(Seg::Key(key), value);
                }
            }
        }
        impl<$($g)*> Keys for $t {
            type Key = K;
            #[inline]
            fn each_key<'a, F: FnMut(Seg<'a>, &'a K)>(&'a self, mut f: F) {
                for key in self.keys() {
                    f(Seg::Key(key), key);
                }
            }
        }
    )*};
}
maps!([K: KeyName, V, S] HashMap<K, V, S>, [K: KeyName, V] BTreeMap<K, V>);

/// A secret is read through `ExposeSecret`, borrowed, never copied.
#[cfg(feature = "secrecy")]
impl AsStr for secrecy::SecretString {
    #[inline]
    fn as_str_opt(&self) -> Option<&str> {
        Some(secrecy::ExposeSecret::expose_secret(self))
    }
}

#[cfg(feature = "secrecy")]
impl Length for secrecy::SecretString {
    #[inline]
    fn measure(&self) -> Option<Measure<'_>> {
        Some(Measure::Chars(secrecy::ExposeSecret::expose_secret(self)))
    }
}

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
            fn each<'a, F: FnMut(Seg<'a>, &'a Self::Item)>(&'a self, f: F) {
                (**self).each(f);
            }
        }
        impl<T: Keys + ?Sized> Keys for $ptr {
            type Key = T::Key;
            #[inline]
            fn each_key<'a, F: FnMut(Seg<'a>, &'a Self::Key)>(&'a self, f: F) {
                (**self).each_key(f);
            }
        }
    )*};
}
through_pointers!(&T, &mut T, Box<T>, Rc<T>, Arc<T>);
