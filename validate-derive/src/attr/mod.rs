//! Parsing of `#[validate(..)]`, `#[normalize(..)]` and the serde attributes that decide wire
//! names. Parsing records every mistake in the `Ctxt` and goes on with the next item, so one
//! compilation shows all of them; it never generates code.
//!
//! `meta` cuts an attribute into items; `rule` and `normalizer` give them their meaning, through
//! [`Args`] for a rule's arguments; `serde` reads wire names; `suggest` says what an unknown word
//! may have meant.

mod meta;
mod normalizer;
mod rule;
mod serde;
mod suggest;

use std::mem;

use syn::{Ident, LitStr};

use crate::ctxt::Ctxt;
use crate::symbol::{CODE, MESSAGE, MESSAGE_ID};
use meta::Value;

pub use meta::{Item, parse_items};
pub use normalizer::{Normalizer, NormalizerKind, normalizers};
pub use rule::{Count, Literal, Num, PatternSource, Rule, RuleKind, container_rules, rules};
pub use serde::{RenameRule, Serde, serde};

/// A setting that may be given once, like serde's `Attr`: the first value is kept, and every
/// later one is reported under its own name.
struct Slot<T>(Option<T>);

impl<T> Slot<T> {
    fn new() -> Self {
        Slot(None)
    }

    fn set(&mut self, cx: &Ctxt, key: &Ident, value: T) {
        if self.0.is_some() {
            cx.error_spanned_by(key, format!("duplicate `{key}`"));
        } else {
            self.0 = Some(value);
        }
    }

    fn get(self) -> Option<T> {
        self.0
    }
}

/// The arguments of one rule, consumed as the rule reads them; what is left over is an error.
struct Args {
    items: Vec<Item>,
    message: Option<LitStr>,
    code: Option<LitStr>,
    message_id: Option<LitStr>,
}

impl Args {
    /// The arguments `items`, with `message = ".."` and `code = ".."`, which every rule takes,
    /// set apart.
    fn new(cx: &Ctxt, items: Vec<Item>) -> Self {
        let (mut message, mut code, mut message_id) = (Slot::new(), Slot::new(), Slot::new());
        let mut rest = Vec::new();
        for item in items {
            match item {
                Item::KeyValue(key, value)
                    if key == MESSAGE || key == CODE || key == MESSAGE_ID =>
                {
                    let slot = if key == MESSAGE {
                        &mut message
                    } else if key == CODE {
                        &mut code
                    } else {
                        &mut message_id
                    };
                    match value {
                        Value::Str(lit) => slot.set(cx, &key, lit),
                        other => cx.error_spanned_by(
                            other.tokens(),
                            format!("`{key}` takes a string literal"),
                        ),
                    }
                }
                other => rest.push(other),
            }
        }
        Args {
            items: rest,
            message: message.get(),
            code: code.get(),
            message_id: message_id.get(),
        }
    }

    /// Whether the flag `name` is there; a second one is reported as a duplicate.
    fn flag(&mut self, cx: &Ctxt, name: &str) -> bool {
        self.take(cx, |item| match item {
            Item::Flag(ident) if ident == name => Ok((ident, ())),
            other => Err(other),
        })
        .is_some()
    }

    /// The first item `select` accepts, taken out of the arguments.
    fn first<T>(&mut self, select: impl Fn(Item) -> Result<T, Item>) -> Option<T> {
        let mut found = None;
        let mut rest = Vec::new();
        for item in mem::take(&mut self.items) {
            match found {
                None => match select(item) {
                    Ok(value) => found = Some(value),
                    Err(other) => rest.push(other),
                },
                Some(_) => rest.push(item),
            }
        }
        self.items = rest;
        found
    }

    /// Takes the items `select` accepts, at most once: a second one is reported as a duplicate.
    fn take<T>(
        &mut self,
        cx: &Ctxt,
        select: impl Fn(Item) -> Result<(Ident, T), Item>,
    ) -> Option<(Ident, T)> {
        let mut slot = Slot::new();
        let mut rest = Vec::new();
        for item in mem::take(&mut self.items) {
            match select(item) {
                Ok((key, value)) => slot.set(cx, &key, (key.clone(), value)),
                Err(other) => rest.push(other),
            }
        }
        self.items = rest;
        slot.get()
    }

    /// `name = value`.
    fn key(&mut self, cx: &Ctxt, name: &str) -> Option<(Ident, Value)> {
        self.take(cx, |item| match item {
            Item::KeyValue(key, value) if key == name => Ok((key, value)),
            other => Err(other),
        })
    }

    /// `name(items..)`.
    fn call(&mut self, cx: &Ctxt, name: &str) -> Option<(Ident, Vec<Item>)> {
        self.take(cx, |item| match item {
            Item::Call(key, items, _) if key == name => Ok((key, items)),
            other => Err(other),
        })
    }

    /// `name = N`, a non-negative integer.
    fn count(&mut self, cx: &Ctxt, name: &str) -> Option<Count> {
        let (_, value) = self.key(cx, name)?;
        rule::count_of(cx, value, name)
    }

    /// `name = N`, any number.
    fn num(&mut self, cx: &Ctxt, name: &str) -> Option<Num> {
        let (_, value) = self.key(cx, name)?;
        Num::of(cx, &value, &format!("`{name}` takes a number literal"))
    }

    /// Reports every argument no one asked for.
    fn finish(self, cx: &Ctxt, rule: &Ident) {
        for item in self.items {
            let what = match &item {
                Item::Flag(ident) | Item::KeyValue(ident, _) | Item::Call(ident, _, _) => {
                    format!("unknown argument `{ident}` for `{rule}`")
                }
                Item::Value(_) => format!("unexpected value for `{rule}`"),
            };
            cx.error_spanned_by(item.span_tokens(), what);
        }
    }
}
