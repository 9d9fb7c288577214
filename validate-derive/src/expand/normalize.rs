//! The body of `normalize`: each field's normalizers in the order written, then the
//! normalization of what its `nested` rule reaches.

use std::collections::BTreeSet;

use proc_macro2::{Literal as Lit, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::Ident;

use super::{Private, at_rule, binding, destructure, path_span};
use crate::ast::{Container, Data, Field, has_nested, nested_span};
use crate::attr::{Normalizer, NormalizerKind, Rule, RuleKind};

pub(super) fn body(cont: &Container) -> TokenStream {
    match &cont.data {
        Data::Struct(fields) => {
            let (used, body) = fields_code(fields, cont.is_contextual());
            if used.is_empty() {
                return TokenStream::new();
            }
            let pat = destructure(quote!(Self), fields, &used);
            quote! {
                let #pat = self;
                #body
            }
        }
        Data::Enum(variants) => {
            if variants
                .iter()
                .all(|v| fields_code(&v.fields, cont.is_contextual()).0.is_empty())
            {
                return TokenStream::new();
            }
            let arms = variants.iter().map(|variant| {
                let ident = variant.ident;
                let (used, body) = fields_code(&variant.fields, cont.is_contextual());
                let pat = destructure(quote!(Self::#ident), &variant.fields, &used);
                quote!(#pat => { #body })
            });
            quote! {
                match self {
                    #(#arms)*
                }
            }
        }
    }
}

/// The fields that have something to normalize, and the code that does it.
fn fields_code(fields: &[Field], contextual: bool) -> (BTreeSet<usize>, TokenStream) {
    let mut used = BTreeSet::new();
    let mut body = TokenStream::new();
    for (i, field) in fields.iter().enumerate() {
        let value = binding(i).into_token_stream();
        let code = if contextual {
            let mut code = self::field(field, &value, false);
            code.extend(nested_with(field, &value));
            code
        } else {
            self::field(field, &value, true)
        };
        if !code.is_empty() {
            used.insert(i);
            body.extend(code);
        }
    }
    (used, body)
}

/// The normalization of one field bound to `value` (a `&mut T`): its normalizers, then, with
/// `nested`, the normalization of what its `nested` rule reaches.
pub(super) fn field(field: &Field, value: &TokenStream, nested: bool) -> TokenStream {
    let limits = Limits {
        value: length_limit(&field.rules),
        item: field.rules.iter().find_map(|rule| match &rule.kind {
            RuleKind::Each(inner) => length_limit(inner),
            _ => None,
        }),
    };
    let mut code = normalizers(&field.normalizers, value, limits);
    if nested && has_nested(&field.rules) {
        let span = nested_span(&field.rules);
        let private = Private(span);
        let value = at_rule(span, value);
        code.extend(quote_spanned!(span=> #private::Validate::normalize(#value);));
    }
    code
}

/// In a type with a context, the normalization of what `nested` reaches, through
/// `ValidateWith`, which `Option` and collections do not implement: the derive looks inside.
fn nested_with(field: &Field, value: &TokenStream) -> TokenStream {
    let private = Private::default();
    let mut code = TokenStream::new();
    for rule in &field.rules {
        let span = rule.name.span();
        match &rule.kind {
            RuleKind::Nested if crate::types::is_option(field.ty) => code.extend(quote_spanned! {span=>
                if let ::core::option::Option::Some(__validate_n) = ::core::option::Option::as_mut(#value) {
                    #private::ValidateWith::__normalize(__validate_n);
                }
            }),
            RuleKind::Nested => {
                let value = at_rule(span, value);
                code.extend(quote_spanned!(span=> #private::ValidateWith::__normalize(#value);));
            }
            RuleKind::Each(inner) if inner.iter().any(|r| matches!(r.kind, RuleKind::Nested)) => {
                let value = at_rule(span, value);
                code.extend(quote_spanned! {span=>
                    #private::EachMut::each_mut(#value, |__validate_n| #private::ValidateWith::__normalize(__validate_n));
                });
            }
            _ => {}
        }
    }
    code
}

/// The length limits a field's rules set: of the value, and of each of its items.
#[derive(Clone, Copy)]
struct Limits {
    value: Option<usize>,
    item: Option<usize>,
}

/// The least `max` (or `equal`) of the `length` rules in `rules`: no normal form longer than that
/// passes, so normalizing need not go past it.
fn length_limit(rules: &[Rule]) -> Option<usize> {
    rules
        .iter()
        .filter_map(|rule| match &rule.kind {
            RuleKind::Length { max, equal, .. } => {
                [max, equal].into_iter().flatten().map(|c| c.value).min()
            }
            _ => None,
        })
        .min()
}

fn normalizers(list: &[Normalizer], value: &TokenStream, limits: Limits) -> TokenStream {
    let mut code = TokenStream::new();
    let mut run: Vec<(&str, Span)> = Vec::new();
    for normalizer in list {
        let span = normalizer.name.span();
        let step = match &normalizer.kind {
            NormalizerKind::Str(normalizer) => {
                run.push((normalizer.variant(), span));
                continue;
            }
            NormalizerKind::With(path) => {
                let span = path_span(path);
                // A direct call lets `&mut String` coerce to a `fn(&mut str)`; the `()` pattern
                // rejects a function that returns the new value instead of writing it.
                quote_spanned! {span=>
                    {
                        let __validate_arg = &mut *#value;
                        let () = #path(__validate_arg);
                    }
                }
            }
            NormalizerKind::Each(inner) => {
                let item = quote!(__validate_item);
                let item_limits = Limits {
                    value: limits.item,
                    item: None,
                };
                let body = normalizers(inner, &item, item_limits);
                let private = Private(span);
                let each = at_rule(span, value);
                let each = quote_spanned! {span=>
                    #private::EachMut::each_mut(#each, |__validate_item| {
                        #body
                    });
                };
                // A collection with more items than its limit fails `length` anyway.
                match limits.value {
                    Some(limit) => {
                        let limit = Lit::usize_unsuffixed(limit);
                        let measured = at_rule(span, &quote_spanned!(span=> &*#value));
                        quote_spanned! {span=>
                            if #private::Length::measure(#measured).is_none_or(|__validate_m| {
                                #private::rules::length::within(__validate_m, 0, #limit)
                            }) {
                                #each
                            }
                        }
                    }
                    None => each,
                }
            }
        };
        code.extend(chain(std::mem::take(&mut run), value, limits.value));
        code.extend(step);
    }
    code.extend(chain(run, value, limits.value));
    code
}

/// Consecutive string normalizers: one inlined scan tells whether the value is already normal
/// under all of them (see `StrMut::is_normal` in `validate_core::__private`), the usual case,
/// which then costs no call; otherwise `StrMut::normalize_chain` runs them, out of line.
fn chain(run: Vec<(&str, Span)>, value: &TokenStream, limit: Option<usize>) -> TokenStream {
    let Some((_, span)) = run.first() else {
        return TokenStream::new();
    };
    let private = Private(*span);
    let normalizers = run
        .iter()
        .map(|(variant, span)| Ident::new(variant, *span))
        .map(|variant| quote!(#private::Normalizer::#variant));
    let limit = match limit {
        Some(limit) => Lit::usize_unsuffixed(limit).into_token_stream(),
        None => quote!(::core::primitive::usize::MAX),
    };
    // Spanned like the first normalizer, so that a field of the wrong type is reported there,
    // once for both calls.
    let value_ref = at_rule(*span, &quote_spanned!(*span=> &*#value));
    let value = at_rule(*span, value);
    quote_spanned! {*span=>
        {
            const __VALIDATE_CHAIN: &[#private::Normalizer] = &[#(#normalizers),*];
            if !#private::StrMut::is_normal(
                #value_ref,
                const { #private::Normalizer::flags(__VALIDATE_CHAIN) },
            ) {
                #private::StrMut::normalize_chain(#value, __VALIDATE_CHAIN, #limit);
            }
        }
    }
}
