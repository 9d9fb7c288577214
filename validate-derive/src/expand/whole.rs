//! The rules that read the whole value, not a string or a number in it: `required`,
//! `must_match`, `nested` and `custom`.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote, quote_spanned};
use syn::Ident;

use super::rule::rules;
use super::validate::{FieldCx, NestedMode, fail, overrides};
use super::{Private, at_rule, binding, path_span};
use crate::ast::{self, field_index};
use crate::attr::Rule;
use crate::types;

pub(super) fn required(
    cx: &FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
) -> TokenStream {
    let rules = rules();
    let span = rule.name.span();
    let private = Private(span);
    let error = cx
        .errors
        .cached(overrides(rule, quote!(#rules::required::error())));
    let fail = fail(error, node);
    let value = at_rule(span, value);
    let access = quote_spanned!(span=> #private::Required::is_present(#value));
    quote! {
        if !#access {
            #fail;
        }
    }
}

pub(super) fn must_match(
    cx: &mut FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
    other: &Ident,
) -> TokenStream {
    let rules = rules();
    let index = field_index(cx.fields, other).expect("checked: the field exists");
    cx.used.insert(index);
    let other_binding = binding(index).into_token_stream();
    let wire = ast::wire_name(&cx.fields[index]);
    let error = cx
        .errors
        .cached(overrides(rule, quote!(#rules::must_match::error(#wire))));
    let fail = fail(error, node);
    // `==` rather than a generic function: with one `PartialEq` impl in scope, inference
    // would pick its type and report a confusing mismatch instead of "can't compare".
    let span = rule.name.span();
    let (left, right) = (at_rule(span, value), at_rule(span, &other_binding));
    // A secret has no `PartialEq`: it is compared as text, borrowed.
    let eq = if types::is_secret(cx.field.ty) || types::is_secret(cx.fields[index].ty) {
        let private = Private(span);
        quote_spanned!(span=> #private::str_eq(#left, #right))
    } else {
        quote_spanned!(span=> (#left == #right))
    };
    quote! {
        if !#eq {
            #fail;
        }
    }
}

pub(super) fn nested(
    cx: &FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
) -> TokenStream {
    let span = rule.name.span();
    let private = Private(span);
    match &cx.nested {
        NestedMode::Validate => {
            let value = at_rule(span, value);
            quote_spanned! {span=>
                #private::Validate::__validate_into(#value, #node, __validate_report);
            }
        }
        NestedMode::Collect => {
            // `ValidateWith` is not implemented through `Option`: the derive looks inside.
            let on_field = cx.field.rules.iter().any(|r| std::ptr::eq(r, rule));
            let through_option = on_field && crate::types::is_option(cx.field.ty);
            let inner = if through_option {
                quote!(__validate_n)
            } else {
                at_rule(span, value)
            };
            let call = quote_spanned! {span=>
                #private::collect_nested(#inner, __validate_ctx, #node, __validate_report, #private::context::jobs(&mut __validate_jobs));
            };
            if through_option {
                quote! {
                    if let ::core::option::Option::Some(__validate_n) = #private::some(#value) {
                        #call
                    }
                }
            } else {
                call
            }
        }
        NestedMode::OnePass(binding) => {
            let binding = at_rule(span, &binding.to_token_stream());
            let call = quote_spanned! {span=>
                #private::Validate::__normalize_validate_into(#binding, #node, __validate_report);
            };
            quote! {
                #call
                __validate_nested = true;
            }
        }
    }
}

pub(super) fn custom(
    cx: &FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
    path: &syn::Path,
    with_context: bool,
) -> TokenStream {
    let private = Private::default();
    let error = overrides(rule, quote!(__validate_error));
    let fail = fail(error, node);
    // A direct call lets `&String` coerce to a `fn(&str)`; the annotated binding puts a
    // wrong return type under the function's name.
    let span = path_span(path);
    let spanned = Private(span);
    let context = with_context.then(|| quote_spanned!(span=> , __validate_ctx));
    let call = quote_spanned! {span=>
        let __validate_result: ::core::result::Result<(), #spanned::Error> = #path(__validate_c #context);
    };
    let body = quote! {
        #call
        if let ::core::result::Result::Err(__validate_error) = __validate_result {
            #fail;
        }
    };
    // On an `Option` field the function gets the inner value, and `None` skips it.
    let on_field = cx.field.rules.iter().any(|r| std::ptr::eq(r, rule));
    if on_field && crate::types::is_option(cx.field.ty) {
        quote! {
            if let ::core::option::Option::Some(__validate_c) = #private::some(#value) {
                #body
            }
        }
    } else {
        quote! {
            let __validate_c = #value;
            #body
        }
    }
}
