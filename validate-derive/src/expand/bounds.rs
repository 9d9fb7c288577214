//! `where` bounds for generic containers: a field whose type mentions a type parameter gets a
//! bound for the trait each of its rules and normalizers reaches it through, so the impl holds
//! for exactly the parameters the rules can apply to.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::{GenericParam, Ident, Type};

use super::Private;
use crate::ast::{Container, has_nested};
use crate::attr::{Normalizer, NormalizerKind, Rule, RuleKind};

/// The container's generics, with a `where` bound for every field whose type mentions a type
/// parameter.
pub(super) fn with_bounds(cont: &Container) -> syn::Generics {
    let mut generics = cont.original.generics.clone();
    let params: Vec<Ident> = generics
        .params
        .iter()
        .filter_map(|p| match p {
            GenericParam::Type(t) => Some(t.ident.clone()),
            _ => None,
        })
        .collect();
    if params.is_empty() {
        return generics;
    }
    let private = Private::default();
    let mut predicates = Vec::new();
    for field in cont.all_fields() {
        if !mentions(field.ty, &params) {
            continue;
        }
        let ty = field.ty.to_token_stream();
        rule_bounds(&field.rules, &ty, &mut predicates);
        normalizer_bounds(&field.normalizers, &ty, &mut predicates);
        if has_nested(&field.rules) {
            predicates.push(quote!(#ty: #private::Validate));
        }
    }
    let where_clause = generics.make_where_clause();
    let mut seen = BTreeSet::new();
    for predicate in predicates {
        if seen.insert(predicate.to_string()) {
            where_clause
                .predicates
                .push(syn::parse2(predicate).expect("a where predicate"));
        }
    }
    generics
}

fn rule_bounds(rules: &[Rule], ty: &TokenStream, out: &mut Vec<TokenStream>) {
    let private = Private::default();
    for rule in rules {
        if rule.kind.reads_str() {
            out.push(quote!(#ty: #private::AsStr));
            continue;
        }
        match &rule.kind {
            RuleKind::Length { bytes: true, .. } => out.push(quote!(#ty: #private::AsStr)),
            RuleKind::Length { .. } => out.push(quote!(#ty: #private::Length)),
            RuleKind::Range { .. } => out.push(quote!(#ty: #private::AsNumber)),
            RuleKind::OneOf(_) | RuleKind::NoneOf(_) => out.push(quote!(#ty: #private::AsNumber)),
            RuleKind::Required => out.push(quote!(#ty: #private::Required)),
            RuleKind::MustMatch(_) => out.push(quote!(#ty: ::core::cmp::PartialEq)),
            RuleKind::Nested => out.push(quote!(#ty: #private::Validate)),
            RuleKind::Each(inner) => {
                out.push(quote!(#ty: #private::Each));
                rule_bounds(inner, &quote!(<#ty as #private::Each>::Item), out);
            }
            RuleKind::Keys(inner) => {
                out.push(quote!(#ty: #private::Keys));
                rule_bounds(inner, &quote!(<#ty as #private::Keys>::Key), out);
            }
            RuleKind::Sensitive | RuleKind::Custom(_) => {}
            // The rest read a string: bound above.
            _ => {}
        }
    }
}

fn normalizer_bounds(list: &[Normalizer], ty: &TokenStream, out: &mut Vec<TokenStream>) {
    let private = Private::default();
    for normalizer in list {
        match &normalizer.kind {
            NormalizerKind::Str(_) => out.push(quote!(#ty: #private::StrMut)),
            NormalizerKind::With(_) => {}
            NormalizerKind::Each(inner) => {
                out.push(quote!(#ty: #private::EachMut));
                normalizer_bounds(inner, &quote!(<#ty as #private::EachMut>::Item), out);
            }
        }
    }
}

/// Whether the type names one of `params`.
fn mentions(ty: &Type, params: &[Ident]) -> bool {
    fn walk(tokens: TokenStream, params: &[Ident]) -> bool {
        tokens.into_iter().any(|tt| match tt {
            proc_macro2::TokenTree::Ident(ident) => params.contains(&ident),
            proc_macro2::TokenTree::Group(group) => walk(group.stream(), params),
            _ => false,
        })
    }
    walk(ty.to_token_stream(), params)
}
