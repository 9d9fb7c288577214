//! `__sensitive_depth`: where the value's `sensitive` fields are, by wire name, so that a shape
//! error serde reports below one (a wrongly typed value in a sensitive map) hides its map keys
//! as the rules' errors do.

use proc_macro2::{Group, Literal, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};

use super::Private;
use crate::ast::{Container, Step};
use crate::attr::RuleKind;

/// The method, or nothing when no field is sensitive or nested (the trait's default says none).
pub(super) fn depth_fn(cont: &Container) -> TokenStream {
    let private = Private::default();
    let mut arms = TokenStream::new();
    for field in cont.all_fields() {
        let nested = field
            .rules
            .iter()
            .find(|r| matches!(r.kind, RuleKind::Nested));
        if !field.is_sensitive() && nested.is_none() {
            continue;
        }
        let depth = Literal::usize_unsuffixed(field.path.len());
        let steps = field.path.iter().enumerate().map(|(i, step)| {
            let i = Literal::usize_unsuffixed(i);
            match step {
                Step::Field(wire) => quote! {
                    ::core::matches!(
                        __validate_path.get(#i),
                        ::core::option::Option::Some(#private::Segment::Field(__validate_name))
                            if __validate_name == #wire
                    )
                },
                Step::Index(index) => quote! {
                    ::core::matches!(
                        __validate_path.get(#i),
                        ::core::option::Option::Some(#private::Segment::Index(#index))
                    )
                },
            }
        });
        let found = if field.is_sensitive() {
            quote!(return ::core::option::Option::Some(#depth);)
        } else {
            let span = nested.map_or_else(Span::call_site, |r| r.name.span());
            // The type respanned at the rule, where a type without `Validate` is reported once.
            let ty = respan(field.ty.to_token_stream(), span);
            let inner = quote_spanned! {span=>
                <#ty as #private::Validate>::__sensitive_depth(&__validate_path[#depth..])
            };
            quote! {
                if let ::core::option::Option::Some(__validate_depth) = #inner {
                    return ::core::option::Option::Some(__validate_depth + #depth);
                }
            }
        };
        arms.extend(quote! {
            if true #(&& #steps)* {
                #found
            }
        });
    }
    if arms.is_empty() {
        return TokenStream::new();
    }
    quote! {
        fn __sensitive_depth(
            __validate_path: &[#private::Segment],
        ) -> ::core::option::Option<usize> {
            #arms
            ::core::option::Option::None
        }
    }
}

/// `tokens`, every one spanned at `span`.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let TokenTree::Group(group) = &tree {
                let mut inner = Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                tree = TokenTree::Group(inner);
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}
