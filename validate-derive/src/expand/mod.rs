//! Code generation from the checked model. Nothing here can fail: every mistake was reported by
//! `attr` and `check` before this runs.
//!
//! The impl has three methods. `normalize` ([`normalize`]) runs each field's normalizers.
//! `__validate_into` ([`validate`]) walks the value with a stack of `PathNode`s and calls the
//! `check` of each rule ([`rule`]); only a failing check builds a path node, a `Path` and a
//! preview, in `#[cold]` runtime functions, and takes its error from the impl's table of errors
//! ([`errors`]), each built once. `__normalize_validate_into` ([`one_pass`]), what `Valid::new`
//! runs, normalizes and checks each field in turn, and skips normalizing the fields that a
//! [`proof`] shows normal already. Values are reached through the traits of
//! `validate_core::__private`, so the derive never needs to understand a field's type, and a rule
//! on the wrong type fails to compile at the rule's name; [`bounds`] adds the same traits as
//! `where` bounds for generic fields.

mod bounds;
mod errors;
mod normalize;
mod one_pass;
mod proof;
mod rule;
mod spec;
mod table;
mod trace;
mod validate;
mod whole;

use std::collections::BTreeSet;

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::Ident;

use crate::ast::{Container, Field};
use errors::ErrorTable;

pub fn expand(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let private = Private::default();
    let generics = bounds::with_bounds(cont);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let errors = ErrorTable::default();
    let normalize = normalize::body(cont);
    let described = spec::described(cont);
    if cont.is_contextual() {
        let collect = validate::body(cont, &errors, true);
        let items = errors.items();
        let head = quote!(impl #impl_generics #private::ValidateWith for #ident #ty_generics #where_clause);
        let trace = trace::trace_fn(cont);
        let impls = contextual(cont, head, &items, &normalize, &collect, &trace);
        return quote!(#impls #described);
    }
    let mut validate = validate::body(cont, &errors, false);
    // `custom(f, context)` on a type without a context reads `&()`.
    let unit_context = cont
        .reads_context()
        .then(|| quote!(let __validate_ctx: &() = &();));
    validate = quote!(#unit_context #validate);
    // `#[inline]`: inlined into `Valid`'s `Deserialize`, the pass and the code around it are one
    // run of lines, which right after a serde parse is less likely to meet cache sets that serde's
    // code has filled; it also saves the call.
    let one_pass = one_pass::body(cont, &errors).map(|body| {
        quote! {
            #[inline]
            fn __normalize_validate_into(
                &mut self,
                __validate_path: &#private::PathNode<'_>,
                __validate_report: &mut #private::Report,
            ) {
                #unit_context
                #body
            }
        }
    });
    let trace = trace::trace_fn(cont);
    let items = errors.items();
    // The errors are shared by `__validate_into` and `__normalize_validate_into`; the anonymous
    // constant keeps their names out of the user's module.
    quote! {
        const _: () = {
            #items

            #[automatically_derived]
            impl #impl_generics #private::Validate for #ident #ty_generics #where_clause {
                fn normalize(&mut self) {
                    #normalize
                }

                fn validate(&self) -> ::core::result::Result<(), #private::Report> {
                    let mut __validate_report = #private::Report::new();
                    #private::Validate::__validate_into(
                        self,
                        &#private::PathNode::ROOT,
                        &mut __validate_report,
                    );
                    __validate_report.into_result()
                }

                fn __validate_into(
                    &self,
                    __validate_path: &#private::PathNode<'_>,
                    __validate_report: &mut #private::Report,
                ) {
                    #validate
                }

                #one_pass

                #trace
            }
        };

        #described
    }
}

/// A type with a context or async rules: `ValidateWith` only, so that nothing can skip them;
/// `head` is the impl's first line.
fn contextual(
    cont: &Container,
    head: TokenStream,
    items: &TokenStream,
    normalize: &TokenStream,
    collect: &TokenStream,
    trace: &TokenStream,
) -> TokenStream {
    let private = Private::default();
    let (context, lookup) = match &cont.context {
        Some(context) => (
            context.to_token_stream(),
            quote!(#private::context::Given<#context>),
        ),
        None => (quote!(()), quote!(#private::context::NoContext)),
    };
    quote! {
        const _: () = {
            #items

            #[automatically_derived]
            #head {
                type Context = #context;
                type __Lookup = #lookup;

                fn __normalize(&mut self) {
                    #normalize
                }

                #[allow(unused_variables, unused_mut)]
                fn __collect<'__validate_a>(
                    &'__validate_a self,
                    __validate_ctx: &'__validate_a #context,
                    __validate_path: &#private::PathNode<'_>,
                    __validate_report: &mut #private::Report,
                    mut __validate_jobs: ::core::option::Option<&mut #private::context::Jobs<'__validate_a>>,
                ) {
                    #collect
                }

                #trace
            }
        };
    }
}

/// The impl a derive with errors emits beside them, so the user sees their mistakes and not
/// every use of the type failing for want of `Validate`.
pub fn fallback(input: &syn::DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let private = Private::default();
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics #private::Validate for #ident #ty_generics #where_clause {
            fn validate(&self) -> ::core::result::Result<(), #private::Report> {
                ::core::result::Result::Ok(())
            }
        }

        #[automatically_derived]
        impl #impl_generics #private::spec::Described for #ident #ty_generics #where_clause {
            const SPEC: #private::spec::Spec = #private::spec::Spec::Fields(&[]);
        }
    }
}

/// `::validate_core::__private`, the one path by which generated code reaches the runtime (it
/// re-exports every runtime item the code names), with its tokens spanned at a rule or at the
/// call site.
#[derive(Clone, Copy)]
struct Private(Span);

impl Default for Private {
    fn default() -> Self {
        Private(Span::call_site())
    }
}

impl ToTokens for Private {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend(quote_spanned!(self.0=> ::validate_core::__private));
    }
}

/// `value` as the argument of a trait method called for a rule: `::core::convert::identity(value)`
/// has the value's own type (no auto-ref, no deref) and carries the rule's `span`, so that a
/// field whose type lacks the trait is reported once, at the rule's name, rather than at the
/// derive.
fn at_rule(span: Span, value: &TokenStream) -> TokenStream {
    quote_spanned!(span=> ::core::convert::identity(#value))
}

/// The local a field is bound to: `__validate_f{i}`.
fn binding(i: usize) -> Ident {
    format_ident!("__validate_f{}", i)
}

/// `Self { a: __validate_f0, 1: __validate_f1, .. }`, the pattern that binds the fields in
/// `used`.
fn destructure(path: TokenStream, fields: &[Field], used: &BTreeSet<usize>) -> TokenStream {
    let bound = used.iter().map(|&i| {
        let member = &fields[i].member;
        let name = binding(i);
        quote!(#member: #name)
    });
    quote!(#path { #(#bound,)* .. })
}

/// The span of a function path's last segment, where a wrong signature is reported.
fn path_span(path: &syn::Path) -> Span {
    path.segments
        .last()
        .map_or_else(Span::call_site, |s| s.ident.span())
}
