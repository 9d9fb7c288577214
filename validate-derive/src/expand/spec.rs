//! `Described::SPEC`: the rules a JSON Schema can state, as data, for the schema integrations.
//! The constant is emitted whether or not they are enabled (the derive cannot know); a constant
//! is only evaluated where it is used.

use proc_macro2::{Literal as Lit, TokenStream};
use quote::{quote, quote_spanned};

use super::Private;
use crate::ast::{Container, Data, Field, Repr, Wire};
use crate::attr::{Literal, Normalizer, NormalizerKind, Num, PatternSource, Rule, RuleKind};
use crate::symbol::{CharClass, RuleName};
use crate::types;

pub fn described(cont: &Container) -> TokenStream {
    let spec = spec();
    let ident = cont.ident;
    let (impl_generics, ty_generics, where_clause) = cont.original.generics.split_for_impl();
    let body = match &cont.data {
        Data::Struct(fields) => {
            let fields = fields_of(fields);
            quote!(#spec::Spec::Fields(&[#(#fields),*]))
        }
        Data::Enum(variants) => {
            let repr = match &cont.repr {
                Repr::External => quote!(#spec::Repr::External),
                Repr::Internal(tag) => quote!(#spec::Repr::Internal(#tag)),
                Repr::Adjacent(tag, content) => quote!(#spec::Repr::Adjacent(#tag, #content)),
                Repr::Untagged => quote!(#spec::Repr::Untagged),
            };
            let variants = variants.iter().enumerate().filter_map(|(index, variant)| {
                let fields = fields_of(&variant.fields);
                if fields.is_empty() {
                    return None;
                }
                let (name, untagged) = (&variant.wire, variant.untagged);
                Some(quote! {
                    #spec::Variant {
                        name: #name,
                        index: #index,
                        untagged: #untagged,
                        fields: &[#(#fields),*],
                    }
                })
            });
            quote!(#spec::Spec::Variants(#repr, &[#(#variants),*]))
        }
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics #spec::Described for #ident #ty_generics #where_clause {
            const SPEC: #spec::Spec = #body;
        }
    }
}

/// The fields with something to state.
fn fields_of(fields: &[Field]) -> Vec<TokenStream> {
    let spec = spec();
    fields
        .iter()
        .filter_map(|field| {
            let key = match &field.wire {
                Wire::Name(de, ser) => quote!(#spec::Key::Name(#de, #ser)),
                Wire::Index(i) => quote!(#spec::Key::Index(#i)),
                Wire::Whole => quote!(#spec::Key::Whole),
                // Its type states its own rules, in the schema serde flattens into this one.
                Wire::Flatten => return None,
            };
            let (value, empty) = value(&field.rules, &field.normalizers);
            if empty {
                return None;
            }
            let optional = types::is_option(field.ty);
            Some(quote! {
                #spec::Field { key: #key, optional: #optional, value: #value }
            })
        })
        .collect()
}

/// A `Value`, and whether it states nothing.
fn value(rules: &[Rule], normalizers: &[Normalizer]) -> (TokenStream, bool) {
    let spec = spec();
    let names: Vec<String> = normalizers
        .iter()
        .filter_map(|n| match &n.kind {
            NormalizerKind::Str(s) => Some(s.word().to_owned()),
            NormalizerKind::With(path) => Some(format!("with({})", quote!(#path))),
            NormalizerKind::Each(_) => None,
        })
        .collect();
    let inner_normalizers = normalizers
        .iter()
        .find_map(|n| match &n.kind {
            NormalizerKind::Each(inner) => Some(inner.as_slice()),
            _ => None,
        })
        .unwrap_or(&[]);
    let mut stated: Vec<TokenStream> = rules.iter().filter_map(rule).collect();
    let has_each = rules.iter().any(|r| matches!(r.kind, RuleKind::Each(_)));
    for r in rules {
        match &r.kind {
            RuleKind::Each(inner) => {
                let (inner, empty) = value(inner, inner_normalizers);
                if !empty {
                    stated.push(quote!(#spec::Rule::Each(#inner)));
                }
            }
            RuleKind::Keys(inner) => {
                let (inner, empty) = value(inner, &[]);
                if !empty {
                    stated.push(quote!(#spec::Rule::Keys(#inner)));
                }
            }
            _ => {}
        }
    }
    // `each(..)` normalizers on elements without rules still say the elements are normalized.
    if !has_each && !inner_normalizers.is_empty() {
        let (inner, _) = value(&[], inner_normalizers);
        stated.push(quote!(#spec::Rule::Each(#inner)));
    }
    let empty = names.is_empty() && stated.is_empty();
    (
        quote!(#spec::Value { normalizers: &[#(#names),*], rules: &[#(#stated),*] }),
        empty,
    )
}

/// The rule as a `Rule`, when a schema can state it (`each` and `keys` are done by `value`).
fn rule(rule: &Rule) -> Option<TokenStream> {
    let spec = spec();
    let matches = |pattern: String| Some(quote!(#spec::Rule::Matches(#pattern)));
    match &rule.kind {
        RuleKind::Length {
            bytes,
            min,
            max,
            equal,
        } => {
            let count = |c: &Option<_>| match c {
                Some(crate::attr::Count { value, .. }) => {
                    let value = *value as u64;
                    quote!(::core::option::Option::Some(#value))
                }
                None => quote!(::core::option::Option::None),
            };
            let (min, max) = (
                count(&equal.clone().or(min.clone())),
                count(&equal.clone().or(max.clone())),
            );
            Some(quote!(#spec::Rule::Length { min: #min, max: #max, bytes: #bytes }))
        }
        RuleKind::Range {
            min,
            max,
            exclusive_min,
            exclusive_max,
        } => {
            let [min, max, exclusive_min, exclusive_max] = [min, max, exclusive_min, exclusive_max]
                .map(|n| match n.as_ref().and_then(number) {
                    Some(n) => quote!(::core::option::Option::Some(#n)),
                    None => quote!(::core::option::Option::None),
                });
            Some(quote! {
                #spec::Rule::Range {
                    min: #min,
                    max: #max,
                    exclusive_min: #exclusive_min,
                    exclusive_max: #exclusive_max,
                }
            })
        }
        RuleKind::Pattern(PatternSource::Literal(lit)) => Some(quote!(#spec::Rule::Matches(#lit))),
        RuleKind::Pattern(PatternSource::Path(path)) => {
            // The binding is the one the rule's check makes, token for token, so that a path
            // to something else is reported once.
            let span = super::path_span(path);
            let spanned = Private(span);
            let re = quote_spanned!(span=> let __validate_re: &#spanned::Regex = &#path;);
            Some(quote! {
                #spec::Rule::MatchesOf({
                    fn __validate_pattern() -> &'static ::validate_core::__private::Regex {
                        #re
                        __validate_re
                    }
                    __validate_pattern
                })
            })
        }
        RuleKind::Email { international, .. } => {
            Some(quote!(#spec::Rule::Email { international: #international }))
        }
        RuleKind::Url { schemes, .. } => {
            let schemes: Vec<String> = if schemes.is_empty() {
                vec!["http".into(), "https".into()]
            } else {
                schemes
                    .iter()
                    .map(|s| s.value().to_ascii_lowercase())
                    .collect()
            };
            Some(quote!(#spec::Rule::Url(&[#(#schemes),*])))
        }
        RuleKind::Format(name) => match name {
            RuleName::Hostname => Some(quote!(#spec::Rule::Hostname)),
            RuleName::Ip => Some(quote!(#spec::Rule::Ip)),
            RuleName::Ipv4 => Some(quote!(#spec::Rule::Ipv4)),
            RuleName::Ipv6 => Some(quote!(#spec::Rule::Ipv6)),
            RuleName::Uuid => Some(quote!(#spec::Rule::Uuid)),
            RuleName::Ascii => matches(r"[\x00-\x7F]*".into()),
            RuleName::Alphanumeric => matches("[0-9A-Za-z]*".into()),
            RuleName::NoControl => Some(quote!(#spec::Rule::NoControl)),
            _ => None,
        },
        RuleKind::Chars { classes, literals } => {
            let mut class = String::new();
            for c in classes {
                let set = CharClass::from_word(&c.to_string())?.set();
                for b in (0..128u8).filter(|&b| set.contains(b)) {
                    class.push_str(&regex_syntax::escape(&char::from(b).to_string()));
                }
            }
            for lit in literals {
                for c in lit.value().chars() {
                    class.push_str(&regex_syntax::escape(&c.to_string()));
                }
            }
            if class.is_empty() {
                return None;
            }
            matches(format!("[{class}]*"))
        }
        RuleKind::OneOf(values) => {
            let values = values.iter().filter_map(literal);
            Some(quote!(#spec::Rule::OneOf(&[#(#values),*])))
        }
        RuleKind::NoneOf(values) => {
            let values = values.iter().filter_map(literal);
            Some(quote!(#spec::Rule::NoneOf(&[#(#values),*])))
        }
        RuleKind::Contains(s) => Some(quote!(#spec::Rule::Contains(#s))),
        RuleKind::NotContains(s) => Some(quote!(#spec::Rule::NotContains(#s))),
        RuleKind::Prefix(s) => Some(quote!(#spec::Rule::Prefix(#s))),
        RuleKind::Suffix(s) => Some(quote!(#spec::Rule::Suffix(#s))),
        RuleKind::Required => Some(quote!(#spec::Rule::Required)),
        _ => None,
    }
}

/// The literal, or `None` for a NaN or infinite number, which no JSON value equals.
fn literal(literal: &Literal) -> Option<TokenStream> {
    let spec = spec();
    match literal {
        Literal::Str(s) => Some(quote!(#spec::Literal::Str(#s))),
        Literal::Num(n) => number(n).map(|n| quote!(#spec::Literal::Number(#n))),
    }
}

/// A `Number` for `n`, or `None` for a number JSON cannot write.
fn number(n: &Num) -> Option<TokenStream> {
    let spec = spec();
    Some(match n {
        Num::Int(v, _) => match (i64::try_from(*v), u64::try_from(*v)) {
            (Ok(v), _) => quote!(#spec::Number::Int(#v)),
            (_, Ok(v)) => quote!(#spec::Number::Uint(#v)),
            _ => {
                let v = Lit::f64_suffixed(*v as f64);
                quote!(#spec::Number::Float(#v))
            }
        },
        Num::Float(v, _) if v.is_finite() => {
            let v = Lit::f64_suffixed(*v);
            quote!(#spec::Number::Float(#v))
        }
        Num::Float(..) => return None,
    })
}

/// `::validate_core::__private::spec`.
fn spec() -> TokenStream {
    let private = Private::default();
    quote!(#private::spec)
}
