//! The body of `__validate_into`: every field's rules, then the struct-level rules, with the
//! errors written straight into the report at paths below `__validate_path`.

use std::collections::BTreeSet;

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::Ident;

use super::errors::ErrorTable;
use super::{Private, at_rule, binding, destructure, path_span, rule};
use crate::ast::{self, Container, Data, Field, Step, has_rules};
use crate::attr::{Rule, RuleKind};

/// With `collect`, the body of `ValidateWith::__collect`: `nested` values are reached through
/// `ValidateWith`, and the async rules are queued in `__validate_jobs`.
pub(super) fn body(cont: &Container, errors: &ErrorTable, collect: bool) -> TokenStream {
    let container_rules = container_rules(cont, false, collect);
    let fields_code = match &cont.data {
        Data::Struct(fields) => {
            let (used, body) = fields_code(fields, errors, collect);
            if used.is_empty() {
                body
            } else {
                let pat = destructure(quote!(Self), fields, &used);
                quote! {
                    let #pat = self;
                    #body
                }
            }
        }
        Data::Enum(variants) => {
            let arms: Vec<(BTreeSet<usize>, TokenStream)> = variants
                .iter()
                .map(|variant| fields_code(&variant.fields, errors, collect))
                .collect();
            if arms.iter().all(|(used, _)| used.is_empty()) {
                TokenStream::new()
            } else {
                let arms = variants.iter().zip(arms).map(|(variant, (used, body))| {
                    let ident = variant.ident;
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
    };
    if fields_code.is_empty() && container_rules.is_empty() {
        return quote! {
            let _ = (__validate_path, __validate_report);
        };
    }
    let start = collect.then(|| quote!(let __validate_start = __validate_report.len();));
    quote! {
        #start
        #fields_code
        #container_rules
    }
}

/// Struct-level `custom(..)` and `custom(.., context)`: after the field rules, each error the
/// function returns (one, a `Report` or an iterator of them: `StructErrors`) at the value's own
/// path, or at the field it names with `Error::at` (Rust names are mapped to wire names);
/// with `collect`, `async_custom(..)` queued if the value has no error yet. `self` is a
/// `&mut Self` when `reborrow`.
pub(super) fn container_rules(cont: &Container, reborrow: bool, collect: bool) -> TokenStream {
    let private = Private::default();
    let names: Vec<TokenStream> = match &cont.data {
        Data::Struct(fields) => fields
            .iter()
            .filter(|f| !f.path.is_empty())
            .map(|f| {
                let rust = &f.name;
                let wire = ast::wire_name(f);
                quote!((#rust, #wire))
            })
            .collect(),
        Data::Enum(_) => Vec::new(),
    };
    let mut code = TokenStream::new();
    for rule in &cont.rules {
        let (path, with_context) = match &rule.kind {
            RuleKind::Custom(path) => (path, false),
            RuleKind::CustomContext(path) => (path, true),
            RuleKind::AsyncCustom(path) => {
                if collect {
                    let span = path_span(path);
                    let call = quote_spanned!(span=> #path(self, __validate_ctx));
                    code.extend(quote! {
                        if let ::core::option::Option::Some(__validate_j) = #private::context::jobs(&mut __validate_jobs) {
                            if __validate_report.len() == __validate_start {
                                __validate_j.push_struct(__validate_report, __validate_path, &[#(#names),*], #call);
                            }
                        }
                    });
                }
                continue;
            }
            _ => continue,
        };
        let span = path_span(path);
        let this = if reborrow {
            quote_spanned!(span=> &*self)
        } else {
            quote_spanned!(span=> self)
        };
        let spanned = Private(span);
        let context = with_context.then(|| quote_spanned!(span=> , __validate_ctx));
        // Through a binding: a missing function is reported as a missing value, not as a method
        // of `self`; called directly, so that a returned `impl IntoIterator` may borrow `self`.
        // A return type of no `StructErrors` impl is reported under the function's name.
        let error = overrides(rule, quote!(__validate_error));
        code.extend(quote_spanned! {span=>
            let __validate_check = #path;
            #spanned::fail_structs(
                __validate_check(#this #context),
                __validate_report,
                __validate_path,
                &[#(#names),*],
                |__validate_error| #error,
            );
        });
    }
    code
}

fn fields_code(
    fields: &[Field],
    errors: &ErrorTable,
    collect: bool,
) -> (BTreeSet<usize>, TokenStream) {
    let mut used = BTreeSet::new();
    let mut body = TokenStream::new();
    for (i, field) in fields.iter().enumerate() {
        if !has_rules(&field.rules) {
            continue;
        }
        used.insert(i);
        let value = binding(i).into_token_stream();
        let rules: Vec<&Rule> = field.rules.iter().collect();
        let nested = if collect {
            NestedMode::Collect
        } else {
            NestedMode::Validate
        };
        let code = field_rules(fields, i, &rules, &value, &mut used, errors, nested);
        let asyncs: Vec<&syn::Path> = field
            .rules
            .iter()
            .filter_map(|r| match &r.kind {
                RuleKind::AsyncCustom(path) => Some(path),
                _ => None,
            })
            .collect();
        if asyncs.is_empty() {
            body.extend(quote! {
                {
                    #code
                }
            });
            continue;
        }
        // Queued once the field's other rules ran, and only if they all passed.
        let node = node_for(&field.path);
        let inner = if crate::types::is_option(field.ty) {
            let private = Private::default();
            quote!(#private::some(#value))
        } else {
            quote!(::core::option::Option::Some(#value))
        };
        let queued: Vec<TokenStream> = asyncs
            .iter()
            .map(|path| {
                queue_async(
                    path,
                    &quote!(__validate_v),
                    &node,
                    &quote!(__validate_before),
                )
            })
            .collect();
        body.extend(quote! {
            {
                let __validate_before = __validate_report.len();
                #code
                if let ::core::option::Option::Some(__validate_v) = #inner {
                    #(#queued)*
                }
            }
        });
    }
    (used, body)
}

/// Queues the async rule `path` on `value` at `node`, if no error was recorded since `before`.
fn queue_async(
    path: &syn::Path,
    value: &TokenStream,
    node: &TokenStream,
    before: &TokenStream,
) -> TokenStream {
    let span = path_span(path);
    let call = quote_spanned!(span=> #path(#value, __validate_ctx));
    let private = Private::default();
    quote! {
        if let ::core::option::Option::Some(__validate_j) = #private::context::jobs(&mut __validate_jobs) {
            if __validate_report.len() == #before {
                __validate_j.push(__validate_report, #node, #call);
            }
        }
    }
}

/// The code of `rules` of field `i`, bound to `value` (a `&T`); `nested` is how its `nested`
/// rule is checked.
pub(super) fn field_rules(
    fields: &[Field],
    i: usize,
    rules: &[&Rule],
    value: &TokenStream,
    used: &mut BTreeSet<usize>,
    errors: &ErrorTable,
    nested: NestedMode,
) -> TokenStream {
    let field = &fields[i];
    let cx = FieldCx {
        fields,
        field,
        sensitive: field.is_sensitive(),
        used,
        depth: 0,
        errors,
        nested,
    };
    rules_code(cx, rules, value, &node_for(&field.path))
}

/// The expression of the field's node (a `&PathNode`): its wire-name steps below
/// `__validate_path`. It is evaluated where it is used, in failure branches and calls into nested
/// values, so a field whose rules pass never builds its node.
fn node_for(steps: &[Step]) -> TokenStream {
    let private = Private::default();
    let mut node = quote!(__validate_path);
    for step in steps {
        let segment = match step {
            Step::Field(wire) => quote!(#private::Seg::Field(#wire)),
            Step::Index(i) => quote!(#private::Seg::Index(#i)),
        };
        node = quote!((&#node.child(#segment)));
    }
    node
}

/// What the code of one field's rules needs to know.
pub(super) struct FieldCx<'a, 'b> {
    pub fields: &'a [Field<'a>],
    pub field: &'a Field<'a>,
    pub sensitive: bool,
    /// The fields the code reads, to bind.
    pub used: &'b mut BTreeSet<usize>,
    /// How many `each`/`keys` closures enclose the rules: each level names its segment apart,
    /// as the node expressions of inner levels still refer to the outer ones.
    pub depth: usize,
    pub errors: &'a ErrorTable,
    pub nested: NestedMode,
}

/// How the code of a field's `nested` rule reaches the value.
#[derive(Clone)]
pub(super) enum NestedMode {
    /// `__validate_into` on the value, normalized beforehand.
    Validate,
    /// `__normalize_validate_into` on the field's `&mut` binding, which then sets
    /// `__validate_nested` (see `one_pass`).
    OnePass(Ident),
    /// `ValidateWith::__collect` with the parent's context and queue of async rules.
    Collect,
}

/// The code of `rules` applied to `value` (a `&T`) at `node` (a `&PathNode`). Length rules run
/// first and, when one finds the value too long, its other rules are skipped: an oversized value
/// is not scanned. A value too short is checked under every rule.
pub(super) fn rules_code(
    mut cx: FieldCx,
    rules: &[&Rule],
    value: &TokenStream,
    node: &TokenStream,
) -> TokenStream {
    let (lengths, others): (Vec<&Rule>, Vec<&Rule>) = rules
        .iter()
        .copied()
        .filter(|r| !matches!(r.kind, RuleKind::Sensitive))
        .partition(|r| matches!(r.kind, RuleKind::Length { .. }));
    let mut rest = TokenStream::new();
    for rule in others {
        rest.extend(rule::code(&mut cx, rule, value, node));
    }
    if lengths.is_empty() {
        return rest;
    }
    let mut sized = TokenStream::new();
    for rule in lengths {
        sized.extend(rule::length(&cx, rule, value, node));
    }
    if rest.is_empty() {
        return quote! {
            let mut __validate_sized = true;
            #sized
            let _ = __validate_sized;
        };
    }
    quote! {
        let mut __validate_sized = true;
        #sized
        if __validate_sized {
            #rest
        }
    }
}

/// The rule's error with the user's `message = ".."` (its `{param}`s filled in),
/// `message_id = ".."` and `code = ".."`.
pub(super) fn overrides(rule: &Rule, error: TokenStream) -> TokenStream {
    let private = Private::default();
    let mut error = error;
    if let Some(message) = &rule.message {
        error = quote!(#private::with_message(#error, #message));
    }
    if let Some(id) = &rule.message_id {
        error = quote!(#error.with_message_id(#id));
    }
    if let Some(code) = &rule.code {
        error = quote!(#error.with_code(#code));
    }
    error
}

/// Records `error` for a string value `s`, with a preview unless the field is sensitive.
pub(super) fn fail_str(
    cx: &FieldCx,
    error: TokenStream,
    node: &TokenStream,
    s: &TokenStream,
) -> TokenStream {
    let private = Private::default();
    if cx.sensitive {
        quote!(#private::fail(__validate_report, #node, #error))
    } else {
        quote!(#private::fail_str(__validate_report, #node, #error, #s))
    }
}

/// Records `error` without a trace of the value.
pub(super) fn fail(error: TokenStream, node: &TokenStream) -> TokenStream {
    let private = Private::default();
    quote!(#private::fail(__validate_report, #node, #error))
}

/// `Option<&str>` of `value`, spanned at the rule so that a field of the wrong type is reported
/// there (once, however many checks reach it).
pub(super) fn str_access(span: Span, value: &TokenStream) -> TokenStream {
    let private = Private(span);
    let value = at_rule(span, value);
    quote_spanned!(span=> #private::AsStr::as_str_opt(#value))
}

/// `Option<Measure>` of `value`, spanned as [`str_access`].
pub(super) fn measure_access(span: Span, value: &TokenStream) -> TokenStream {
    let private = Private(span);
    let value = at_rule(span, value);
    quote_spanned!(span=> #private::Length::measure(#value))
}
