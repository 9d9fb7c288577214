//! The traits normalizers rewrite values through, in place: [`StrMut`] for strings, [`EachMut`]
//! for the elements of a collection.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, VecDeque};

use crate::normalize::Normalizer;
use crate::normalize::chain;

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
    /// of their [`normal_flags`](crate::normalize::quick::flags) (`None` is).
    fn is_normal(&self, chain: u32) -> bool;

    /// The string, or `None` when the value is an absent `Option`.
    fn text(&self) -> Option<&str>;

    /// Runs a field's chain of string normalizers, after `is_normal` could not vouch for the
    /// value: one normalizer once (each is idempotent), a longer chain until a pass changes
    /// nothing, at most [`NORMALIZE_PASSES`] times, so that normalizing again never changes a
    /// normalized value.
    ///
    /// `max_chars` is the field's length limit (`usize::MAX` for none): a value that no normal
    /// form of at most that many characters could come from is left as it is, since it fails
    /// its `length` anyway, so the work stays bounded by the limit whatever the value holds.
    ///
    /// Out of line, and cold so that the code around the call is laid out after the path that
    /// finds the value normal: a derived `__normalize_validate_into` runs right after a serde
    /// parse has filled the instruction cache, and should touch as few lines of code as it can.
    #[cold]
    #[inline(never)]
    fn normalize_chain(&mut self, chain: &[Normalizer], max_chars: usize) {
        if max_chars != usize::MAX
            && self
                .text()
                .is_some_and(|s| chain::cannot_fit(s, chain, max_chars))
        {
            return;
        }
        if self.normalize_ascii(chain) {
            return;
        }
        for _ in 0..passes(chain) {
            let mut changed = false;
            for &normalizer in chain {
                changed |= self.rewrite(|s| normalizer.apply(s));
            }
            if !changed {
                break;
            }
        }
    }

    /// The chain's fast path for text that is, or becomes, ASCII (see `chain::run_ascii`);
    /// `false` when it does not apply.
    fn normalize_ascii(&mut self, chain: &[Normalizer]) -> bool {
        let _ = chain;
        false
    }
}

pub use crate::normalize::chain::NORMALIZE_PASSES;

/// How many passes a chain runs at most: one normalizer once (each is idempotent), a longer
/// chain until a pass changes nothing.
pub(super) fn passes(chain: &[Normalizer]) -> usize {
    if chain.len() == 1 {
        1
    } else {
        NORMALIZE_PASSES
    }
}

impl StrMut for String {
    #[inline]
    fn is_normal(&self, chain: u32) -> bool {
        crate::normalize::quick::is_normal(self, chain)
    }

    fn text(&self) -> Option<&str> {
        Some(self)
    }

    fn normalize_ascii(&mut self, chain: &[Normalizer]) -> bool {
        chain::run_ascii(self, chain)
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

    fn text(&self) -> Option<&str> {
        Some(self)
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

    fn text(&self) -> Option<&str> {
        self.as_ref().and_then(StrMut::text)
    }

    fn normalize_chain(&mut self, chain: &[Normalizer], max_chars: usize) {
        if let Some(s) = self {
            s.normalize_chain(chain, max_chars);
        }
    }

    #[inline]
    fn rewrite<F: FnOnce(&str) -> Cow<'_, str>>(&mut self, f: F) -> bool {
        self.as_mut().is_some_and(|s| s.rewrite(f))
    }
}

impl<T: StrMut + ?Sized> StrMut for Box<T> {
    #[inline]
    fn is_normal(&self, chain: u32) -> bool {
        (**self).is_normal(chain)
    }

    fn text(&self) -> Option<&str> {
        (**self).text()
    }

    fn normalize_chain(&mut self, chain: &[Normalizer], max_chars: usize) {
        (**self).normalize_chain(chain, max_chars);
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
