//! The body of `normalize`: each field's normalizers in the order written, then the
//! normalization of what its `nested` rule reaches.

use std::collections::BTreeSet;

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::Ident;

use super::{Private, at_rule, binding, destructure, path_span};
use crate::ast::{Container, Data, Field, has_nested, nested_span};
use crate::attr::{Normalizer, NormalizerKind};

pub(super) fn body(cont: &Container) -> TokenStream {
    match &cont.data {
        Data::Struct(fields) => {
            let (used, body) = fields_code(fields);
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
            if variants.iter().all(|v| fields_code(&v.fields).0.is_empty()) {
                return TokenStream::new();
            }
            let arms = variants.iter().map(|variant| {
                let ident = variant.ident;
                let (used, body) = fields_code(&variant.fields);
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
fn fields_code(fields: &[Field]) -> (BTreeSet<usize>, TokenStream) {
    let mut used = BTreeSet::new();
    let mut body = TokenStream::new();
    for (i, field) in fields.iter().enumerate() {
        let code = self::field(field, &binding(i).into_token_stream(), true);
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
    let mut code = normalizers(&field.normalizers, value);
    if nested && has_nested(&field.rules) {
        let span = nested_span(&field.rules);
        let private = Private(span);
        let value = at_rule(span, value);
        code.extend(quote_spanned!(span=> #private::Validate::normalize(#value);));
    }
    code
}

fn normalizers(list: &[Normalizer], value: &TokenStream) -> TokenStream {
    let mut code = TokenStream::new();
    let mut run: Vec<(&str, Span)> = Vec::new();
    for normalizer in list {
        let span = normalizer.name.span();
        let step = match &normalizer.kind {
            NormalizerKind::Str(function) => {
                run.push((function.word(), span));
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
                let body = normalizers(inner, &item);
                let private = Private(span);
                let value = at_rule(span, value);
                quote_spanned! {span=>
                    #private::EachMut::each_mut(#value, |__validate_item| {
                        #body
                    });
                }
            }
        };
        code.extend(chain(std::mem::take(&mut run), value));
        code.extend(step);
    }
    code.extend(chain(run, value));
    code
}

/// Consecutive string normalizers: one inlined scan tells whether the value is already normal
/// under all of them (see `StrMut::is_normal` in `validate_core::__private`), the usual case,
/// which then costs no call; otherwise `StrMut::normalize_chain` runs them, out of line.
fn chain(run: Vec<(&str, Span)>, value: &TokenStream) -> TokenStream {
    let Some((_, span)) = run.first() else {
        return TokenStream::new();
    };
    let private = Private(*span);
    let names: Vec<&str> = run.iter().map(|(name, _)| *name).collect();
    let functions = run
        .iter()
        .map(|(name, span)| Ident::new(name, *span))
        .map(|function| quote!(#private::normalizers::#function));
    // Spanned like the first normalizer, so that a field of the wrong type is reported there,
    // once for both calls.
    let value_ref = at_rule(*span, &quote_spanned!(*span=> &*#value));
    let value = at_rule(*span, value);
    quote_spanned! {*span=>
        if !#private::StrMut::is_normal(
            #value_ref,
            const { #private::normal_flags(&[#(#names),*]) },
        ) {
            #private::StrMut::normalize_chain(
                #value,
                &[#(#functions),*],
            );
        }
    }
}
