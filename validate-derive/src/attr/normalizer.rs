//! `#[normalize(..)]`: the normalizers of a field, in the order written.

use syn::ext::IdentExt;
use syn::{Attribute, Ident};

use super::meta::{Item, Value, attr_items};
use super::suggest::unknown_normalizer;
use crate::ctxt::Ctxt;
use crate::symbol::{EACH, NORMALIZE, StrNormalizer, WITH};

pub struct Normalizer {
    pub name: Ident,
    pub kind: NormalizerKind,
}

pub enum NormalizerKind {
    /// `trim`, `nfkc`, `lowercase`, …
    Str(StrNormalizer),
    /// `with = path`: the user's `fn(&mut T)`.
    With(syn::Path),
    /// `each(..)`: the normalizers inside, on every element of a collection.
    Each(Vec<Normalizer>),
}

/// The `#[normalize(..)]` normalizers of a field, in the order written.
pub fn normalizers(cx: &Ctxt, attrs: &[Attribute]) -> Vec<Normalizer> {
    parse_normalizers(cx, attr_items(cx, attrs, NORMALIZE))
}

fn parse_normalizers(cx: &Ctxt, items: Vec<Item>) -> Vec<Normalizer> {
    let mut out = Vec::new();
    for item in items {
        let kind = match item {
            // `with` alone
            Item::Flag(name) if name == WITH => {
                cx.error_spanned_by(
                    &name,
                    "`with` needs a function: `with = path::to::normalize`",
                );
                continue;
            }
            // `trim`
            Item::Flag(name) => match StrNormalizer::from_word(&name.unraw().to_string()) {
                Some(normalizer) => (name, NormalizerKind::Str(normalizer)),
                None => {
                    unknown_normalizer(cx, &name);
                    continue;
                }
            },
            // `with = path::to::normalize`
            Item::KeyValue(name, value) if name == WITH => match value {
                Value::Path(path) => (name, NormalizerKind::With(path)),
                other => {
                    cx.error_spanned_by(
                        other.tokens(),
                        "`with` takes the path of a function `fn(&mut T)`",
                    );
                    continue;
                }
            },
            // `each(trim, lowercase)`
            Item::Call(name, items, _) if name == EACH => {
                let inner = parse_normalizers(cx, items);
                if inner.is_empty() {
                    cx.error_spanned_by(&name, "`each(..)` needs at least one normalizer");
                }
                (name, NormalizerKind::Each(inner))
            }
            // `trim = ..`, `trim(..)`
            Item::KeyValue(name, _) | Item::Call(name, _, _) => {
                if StrNormalizer::from_word(&name.unraw().to_string()).is_some() {
                    cx.error_spanned_by(&name, format!("`{name}` takes no arguments"));
                } else {
                    unknown_normalizer(cx, &name);
                }
                continue;
            }
            Item::Value(value) => {
                cx.error_spanned_by(value.tokens(), "expected a normalizer");
                continue;
            }
        };
        let (name, kind) = kind;
        out.push(Normalizer { name, kind });
    }
    out
}
