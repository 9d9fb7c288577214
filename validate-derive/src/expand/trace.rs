//! `__trace`: which segments of a path serde traced are map keys, and which lie below a
//! `sensitive` field, by wire name, so that a shape error's path reads as a rule error's does
//! (`labels["x.y"]`, its keys hidden below a sensitive field).

use proc_macro2::{Group, Literal, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};

use super::Private;
use crate::ast::{Container, Field, Step};
use crate::attr::{Rule, RuleKind};
use crate::types::{self, Shape};

/// The method, or nothing when no field has maps, `nested` values or `sensitive` data (the
/// trait's default leaves paths as serde traced them).
pub(super) fn trace_fn(cont: &Container) -> TokenStream {
    let contextual = cont.is_contextual();
    let private = Private::default();
    // A field at the value's own path (a newtype's, a flattened one's) is asked only about the
    // paths no named field claims.
    let (named, own): (Vec<&Field>, Vec<&Field>) =
        cont.all_fields().partition(|f| !f.path.is_empty());
    let mut arms = TokenStream::new();
    for field in named {
        if let Some(body) = field_trace(field, contextual) {
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
            arms.extend(quote! {
                if true #(&& #steps)* {
                    let __validate_rest = &mut __validate_path[#depth..];
                    #body
                    return;
                }
            });
        }
    }
    for field in own {
        if let Some(body) = field_trace(field, contextual) {
            arms.extend(quote! {
                {
                    let __validate_rest = &mut *__validate_path;
                    #body
                }
            });
        }
    }
    if arms.is_empty() {
        return TokenStream::new();
    }
    quote! {
        fn __trace(__validate_path: &mut [#private::Segment]) {
            #arms
        }
    }
}

/// What the path below `field` (`__validate_rest`) needs: its type's keys found, then all of it
/// hidden if the field is sensitive; `None` when nothing.
///
/// In a type with a context, a `nested` type is asked through `ValidateWith`, which `Option` does
/// not implement: the type inside it is asked.
fn field_trace(field: &Field, contextual: bool) -> Option<TokenStream> {
    let private = Private::default();
    let ty = match types::option_inner(field.ty) {
        Some(inner) if contextual => inner.to_token_stream(),
        _ => field.ty.to_token_stream(),
    };
    let via = if contextual {
        quote!(ValidateWith)
    } else {
        quote!(Validate)
    };
    let keys = if let Some(rule) = field
        .rules
        .iter()
        .find(|r| matches!(r.kind, RuleKind::Nested))
    {
        let span = rule.name.span();
        // The type respanned at the rule, where a type without `Validate` is reported once.
        let ty = respan(ty, span);
        Some(quote_spanned! {span=>
            <#ty as #private::#via>::__trace(__validate_rest);
        })
    } else if let Some(each) = each_nested(&field.rules, &ty, &via) {
        Some(each)
    } else {
        let shape = types::shape(field.ty);
        shape.contains(&Shape::Key).then(|| {
            let levels = shape.iter().map(|level| match level {
                Shape::Index => quote!(#private::trace::Shape::Index),
                Shape::Key => quote!(#private::trace::Shape::Key),
            });
            quote!(#private::trace::shape(__validate_rest, &[#(#levels),*]);)
        })
    };
    let hide = field
        .is_sensitive()
        .then(|| quote!(#private::trace::hide(__validate_rest);));
    (keys.is_some() || hide.is_some()).then(|| quote!(#keys #hide))
}

/// For `each(..)` rules that reach a `nested` value: each level of elements entered (at keys
/// where the collection is a map), then the element type's `__trace`.
fn each_nested(rules: &[Rule], ty: &TokenStream, via: &TokenStream) -> Option<TokenStream> {
    let private = Private::default();
    rules.iter().find_map(|rule| {
        let RuleKind::Each(inner) = &rule.kind else {
            return None;
        };
        let span = rule.name.span();
        let item = quote_spanned!(span=> <#ty as #private::Each>::Item);
        let below = match inner.iter().find(|r| matches!(r.kind, RuleKind::Nested)) {
            Some(nested) => {
                // Spanned at `nested`, where an element type without `Validate` is reported.
                let span = nested.name.span();
                let item = respan(item.clone(), span);
                quote_spanned!(span=> <#item as #private::#via>::__trace(__validate_rest);)
            }
            None => each_nested(inner, &item, via)?,
        };
        Some(quote_spanned! {span=>
            if let ::core::option::Option::Some(__validate_rest) = #private::trace::element(
                __validate_rest,
                <#ty as #private::Each>::KEYED,
            ) {
                #below
            }
        })
    })
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
