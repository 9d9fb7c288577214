//! Code generation from the checked model. Nothing here can fail: every mistake was reported by
//! `attr` and `check` before this runs.
//!
//! The generated `__validate_into` walks the value with a stack of `PathNode`s and calls the
//! `check` of each rule; only a failing check builds a path node, a `Path` and a preview, in
//! `#[cold]` runtime functions, and takes its error from the impl's static array of cached errors
//! (`Sites`), built once per rule. `Valid::new` goes through `__normalize_validate_into`, which
//! normalizes and checks each field in turn, and skips normalizing the fields whose whitelist
//! admits only text their normalizers leave alone (`fused_body`). Values are reached through
//! the traits of `validate_core::__private`, so the derive never needs to understand a field's
//! type, and a rule on the wrong type fails to compile at the rule's name.

use std::collections::BTreeSet;

use proc_macro2::{Literal as Lit, Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::{GenericParam, Ident, Type};

use crate::ast::{self, Container, Data, Field, Step};
use crate::attr::{Literal, Normalizer, NormalizerKind, Num, PatternSource, Rule, RuleKind};

pub fn expand(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let generics = with_bounds(cont);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let sites = Sites::default();
    let normalize = normalize_body(cont);
    let validate = validate_body(cont, &sites);
    // `#[inline]`: inlined into `Valid`'s `Deserialize`, the pass and the code around it are one
    // run of lines, which right after a serde parse is less likely to meet cache sets that serde's
    // code has filled (see `is_email_with` in validate-core); it also saves the call.
    let fused = fused_body(cont, &sites).map(|body| {
        quote! {
            #[inline]
            fn __normalize_validate_into(
                &mut self,
                __validate_path: &::validate_core::__private::PathNode<'_>,
                __validate_report: &mut ::validate_core::Report,
            ) {
                #body
            }
        }
    });
    let items = sites.items();
    // The cached errors are shared by `__validate_into` and `__normalize_validate_into`; the
    // anonymous constant keeps their names out of the user's module.
    quote! {
        const _: () = {
            #items

            #[automatically_derived]
            impl #impl_generics ::validate_core::Validate for #ident #ty_generics #where_clause {
                fn normalize(&mut self) {
                    #normalize
                }

                fn validate(&self) -> ::core::result::Result<(), ::validate_core::Report> {
                    let mut __validate_report = ::validate_core::Report::new();
                    ::validate_core::Validate::__validate_into(
                        self,
                        &::validate_core::__private::PathNode::ROOT,
                        &mut __validate_report,
                    );
                    __validate_report.into_result()
                }

                fn __validate_into(
                    &self,
                    __validate_path: &::validate_core::__private::PathNode<'_>,
                    __validate_report: &mut ::validate_core::Report,
                ) {
                    #validate
                }

                #fused
            }
        };
    }
}

/// The impl a derive with errors emits beside them, so the user sees their mistakes and not
/// every use of the type failing for want of `Validate`.
pub fn fallback(input: &syn::DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::validate_core::Validate for #ident #ty_generics #where_clause {
            fn validate(&self) -> ::core::result::Result<(), ::validate_core::Report> {
                ::core::result::Result::Ok(())
            }
        }
    }
}

fn binding(i: usize) -> Ident {
    format_ident!("__validate_f{}", i)
}

/// `Self { a: __validate_f0, 1: __validate_f1, .. }` for the fields in `used`.
fn pattern(path: TokenStream, fields: &[Field], used: &BTreeSet<usize>) -> TokenStream {
    let bound = used.iter().map(|&i| {
        let member = &fields[i].member;
        let name = binding(i);
        quote!(#member: #name)
    });
    quote!(#path { #(#bound,)* .. })
}

// ---------------------------------------------------------------------------------------------
// normalize

fn normalize_body(cont: &Container) -> TokenStream {
    match &cont.data {
        Data::Struct(fields) => {
            let (used, body) = normalize_fields(fields);
            if used.is_empty() {
                return TokenStream::new();
            }
            let pat = pattern(quote!(Self), fields, &used);
            quote! {
                let #pat = self;
                #body
            }
        }
        Data::Enum(variants) => {
            if variants
                .iter()
                .all(|v| normalize_fields(&v.fields).0.is_empty())
            {
                return TokenStream::new();
            }
            let arms = variants.iter().map(|variant| {
                let ident = variant.ident;
                let (used, body) = normalize_fields(&variant.fields);
                let pat = pattern(quote!(Self::#ident), &variant.fields, &used);
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

fn normalize_fields(fields: &[Field]) -> (BTreeSet<usize>, TokenStream) {
    let mut used = BTreeSet::new();
    let mut body = TokenStream::new();
    for (i, field) in fields.iter().enumerate() {
        let code = field_normalize(field, &binding(i).into_token_stream(), true);
        if !code.is_empty() {
            used.insert(i);
            body.extend(code);
        }
    }
    (used, body)
}

/// The normalization of one field bound to `value` (a `&mut T`): its normalizers, then, with
/// `nested`, the normalization of what its `nested` rule reaches.
fn field_normalize(field: &Field, value: &TokenStream, nested: bool) -> TokenStream {
    let mut code = normalizers(&field.normalizers, value);
    if nested && has_nested(&field.rules) {
        let span = nested_span(&field.rules);
        code.extend(quote_spanned!(span=> ::validate_core::Validate::normalize(::core::convert::identity(#value));));
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
                run.push((function, span));
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
                quote_spanned! {span=>
                    ::validate_core::__private::EachMut::each_mut(::core::convert::identity(#value), |__validate_item| {
                        #body
                    });
                }
            }
        };
        code.extend(string_run(std::mem::take(&mut run), value));
        code.extend(step);
    }
    code.extend(string_run(run, value));
    code
}

/// Consecutive string normalizers: one inlined scan tells whether the value is already normal
/// under all of them (see `StrMut::is_normal` in `validate_core::__private`), the usual case,
/// which then costs no call; otherwise `StrMut::normalize_chain` runs them, out of line.
fn string_run(run: Vec<(&str, Span)>, value: &TokenStream) -> TokenStream {
    let Some((_, span)) = run.first() else {
        return TokenStream::new();
    };
    let names: Vec<&str> = run.iter().map(|(name, _)| *name).collect();
    let functions = run
        .iter()
        .map(|(name, span)| Ident::new(name, *span))
        .map(|function| quote!(::validate_core::normalize::#function));
    // Spanned like the first normalizer, so that a field of the wrong type is reported there,
    // once for both calls.
    quote_spanned! {*span=>
        if !::validate_core::__private::StrMut::is_normal(
            ::core::convert::identity(&*#value),
            const { ::validate_core::__private::normal_flags(&[#(#names),*]) },
        ) {
            ::validate_core::__private::StrMut::normalize_chain(
                ::core::convert::identity(#value),
                &[#(#functions),*],
            );
        }
    }
}

fn has_nested(rules: &[Rule]) -> bool {
    rules.iter().any(|rule| match &rule.kind {
        RuleKind::Nested => true,
        RuleKind::Each(inner) => has_nested(inner),
        _ => false,
    })
}

fn nested_span(rules: &[Rule]) -> Span {
    rules
        .iter()
        .find_map(|rule| match &rule.kind {
            RuleKind::Nested => Some(rule.name.span()),
            RuleKind::Each(inner) if has_nested(inner) => Some(nested_span(inner)),
            _ => None,
        })
        .unwrap_or_else(Span::call_site)
}

// ---------------------------------------------------------------------------------------------
// validate

fn validate_body(cont: &Container, sites: &Sites) -> TokenStream {
    let container_rules = container_rules(cont, false);
    let fields_code = match &cont.data {
        Data::Struct(fields) => {
            let (used, body) = validate_fields(fields, sites);
            if used.is_empty() {
                body
            } else {
                let pat = pattern(quote!(Self), fields, &used);
                quote! {
                    let #pat = self;
                    #body
                }
            }
        }
        Data::Enum(variants) => {
            let arms: Vec<(BTreeSet<usize>, TokenStream)> = variants
                .iter()
                .map(|variant| validate_fields(&variant.fields, sites))
                .collect();
            if arms.iter().all(|(used, _)| used.is_empty()) {
                TokenStream::new()
            } else {
                let arms = variants.iter().zip(arms).map(|(variant, (used, body))| {
                    let ident = variant.ident;
                    let pat = pattern(quote!(Self::#ident), &variant.fields, &used);
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
    quote! {
        #fields_code
        #container_rules
    }
}

/// Struct-level `custom(..)`: after the field rules, at the value's own path, or at the field the
/// error names with `Error::at` (Rust names are mapped to wire names). `self` is a `&mut Self`
/// when `reborrow`.
fn container_rules(cont: &Container, reborrow: bool) -> TokenStream {
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
        if let RuleKind::Custom(path) = &rule.kind {
            let span = path_span(path);
            let this = if reborrow {
                quote_spanned!(span=> &*self)
            } else {
                quote_spanned!(span=> self)
            };
            let call = quote_spanned! {span=>
                let __validate_result: ::core::result::Result<(), ::validate_core::Error> = #path(#this);
            };
            let error = overrides(rule, quote!(__validate_error));
            code.extend(quote! {
                #call
                if let ::core::result::Result::Err(__validate_error) = __validate_result {
                    ::validate_core::__private::fail_struct(
                        __validate_report,
                        __validate_path,
                        #error,
                        &[#(#names),*],
                    );
                }
            });
        }
    }
    code
}

/// Whether `rules` hold any rule beyond `sensitive`.
fn has_rules<'r>(rules: impl IntoIterator<Item = &'r Rule>) -> bool {
    rules
        .into_iter()
        .any(|r| !matches!(r.kind, RuleKind::Sensitive))
}

fn is_sensitive(field: &Field) -> bool {
    field
        .rules
        .iter()
        .any(|r| matches!(r.kind, RuleKind::Sensitive))
}

/// The code of `rules` of field `i`, bound to `value` (a `&T`); `nested` is how its `nested`
/// rule is checked.
fn field_rules(
    fields: &[Field],
    i: usize,
    rules: &[&Rule],
    value: &TokenStream,
    used: &mut BTreeSet<usize>,
    sites: &Sites,
    nested: NestedMode,
) -> TokenStream {
    let field = &fields[i];
    let cx = FieldCx {
        fields,
        field,
        sensitive: is_sensitive(field),
        used,
        depth: 0,
        sites,
        nested,
    };
    rules_code(cx, rules, value, &node_for(&field.path))
}

fn validate_fields(fields: &[Field], sites: &Sites) -> (BTreeSet<usize>, TokenStream) {
    let mut used = BTreeSet::new();
    let mut body = TokenStream::new();
    for (i, field) in fields.iter().enumerate() {
        if !has_rules(&field.rules) {
            continue;
        }
        used.insert(i);
        let value = binding(i).into_token_stream();
        let rules: Vec<&Rule> = field.rules.iter().collect();
        let code = field_rules(
            fields,
            i,
            &rules,
            &value,
            &mut used,
            sites,
            NestedMode::Validate,
        );
        body.extend(quote! {
            {
                #code
            }
        });
    }
    (used, body)
}

/// The expression of the field's node (a `&PathNode`): its wire-name steps below
/// `__validate_path`. It is evaluated where it is used, in failure branches and calls into nested
/// values, so a field whose rules pass never builds its node.
fn node_for(steps: &[Step]) -> TokenStream {
    let mut node = quote!(__validate_path);
    for step in steps {
        let segment = match step {
            Step::Field(wire) => quote!(::validate_core::__private::Seg::Field(#wire)),
            Step::Index(i) => quote!(::validate_core::__private::Seg::Index(#i)),
        };
        node = quote!((&#node.child(#segment)));
    }
    node
}

struct FieldCx<'a, 'b> {
    fields: &'a [Field<'a>],
    field: &'a Field<'a>,
    sensitive: bool,
    used: &'b mut BTreeSet<usize>,
    /// How many `each`/`keys` closures enclose the rules: each level names its segment apart,
    /// as the node expressions of inner levels still refer to the outer ones.
    depth: usize,
    sites: &'a Sites,
    nested: NestedMode,
}

/// How the code of a field's `nested` rule reaches the value.
#[derive(Clone)]
enum NestedMode {
    /// `__validate_into` on the value, normalized beforehand.
    Validate,
    /// `__normalize_validate_into` on the field's `&mut` binding, which then sets
    /// `__validate_nested` (see `fused_body`).
    Fused(Ident),
}

/// The errors of the built-in rules of one `Validate` impl, in the order the rules first
/// appear, each once (with its text, to find it again). They are built by one
/// `__validate_error(site)` function and kept in one static array, both declared in the
/// anonymous constant around the impl: one item pair per type rather than per rule keeps
/// compile times low.
#[derive(Default)]
struct Sites(std::cell::RefCell<Vec<(String, TokenStream)>>);

impl Sites {
    /// The expression of the `&'static Error` of `error`, built at its first failure.
    fn cached(&self, error: TokenStream) -> TokenStream {
        let site = self.push(&[error]);
        quote!(__VALIDATE_ERRORS[#site].get(#site, __validate_error))
    }

    /// The index of the first of consecutive sites holding `errors`, added unless some are
    /// already: the code of a rule is generated for `__validate_into` and again for
    /// `__normalize_validate_into`, and both share its sites.
    fn push(&self, errors: &[TokenStream]) -> Lit {
        let mut sites = self.0.borrow_mut();
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        let found = sites.windows(errors.len()).position(|window| {
            window
                .iter()
                .zip(&text)
                .all(|((site, _), text)| site == text)
        });
        let index = found.unwrap_or_else(|| {
            sites.extend(text.into_iter().zip(errors.iter().cloned()));
            sites.len() - errors.len()
        });
        Lit::usize_unsuffixed(index)
    }

    /// The static array and the function, when any rule has a site.
    fn items(&self) -> TokenStream {
        let errors = self.0.borrow();
        if errors.is_empty() {
            return TokenStream::new();
        }
        let count = Lit::usize_unsuffixed(errors.len());
        let arms = errors.iter().enumerate().map(|(site, (_, error))| {
            let site = Lit::usize_unsuffixed(site);
            quote!(#site => #error,)
        });
        quote! {
            static __VALIDATE_ERRORS: [::validate_core::__private::Cached; #count] =
                [const { ::validate_core::__private::Cached::new() }; #count];
            #[cold]
            fn __validate_error(site: usize) -> ::validate_core::Error {
                match site {
                    #(#arms)*
                    _ => ::core::unreachable!(),
                }
            }
        }
    }
}

/// The code of `rules` applied to `value` (a `&T`) at `node` (a `&PathNode`). At field level,
/// length rules run first and, when one fails, the field's other rules are skipped: an
/// oversized value is not scanned.
fn rules_code(
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
        rest.extend(rule_code(&mut cx, rule, value, node));
    }
    if lengths.is_empty() {
        return rest;
    }
    let mut sized = TokenStream::new();
    for rule in lengths {
        sized.extend(length_code(&cx, rule, value, node));
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

fn overrides(rule: &Rule, error: TokenStream) -> TokenStream {
    let mut error = error;
    if let Some(message) = &rule.message {
        error = quote!(#error.with_message(#message));
    }
    if let Some(code) = &rule.code {
        error = quote!(#error.with_code(#code));
    }
    error
}

/// Records `error` for a string value `s`, with a preview unless the field is sensitive.
fn fail_str(cx: &FieldCx, error: TokenStream, node: &TokenStream, s: &TokenStream) -> TokenStream {
    if cx.sensitive {
        quote!(::validate_core::__private::fail(__validate_report, #node, #error))
    } else {
        quote!(::validate_core::__private::fail_str(__validate_report, #node, #error, #s))
    }
}

fn fail(error: TokenStream, node: &TokenStream) -> TokenStream {
    quote!(::validate_core::__private::fail(__validate_report, #node, #error))
}

fn length_code(cx: &FieldCx, rule: &Rule, value: &TokenStream, node: &TokenStream) -> TokenStream {
    let RuleKind::Length {
        bytes,
        min,
        max,
        equal,
    } = &rule.kind
    else {
        unreachable!("length_code is called for length rules");
    };
    let span = rule.name.span();
    let (lower_lit, upper_lit) = length_limits(min, max, equal);
    let bounds = length_bounds(min, max, equal);
    let s = quote!(__validate_s);
    if *bytes {
        let error = cx.sites.cached(overrides(
            rule,
            quote!(::validate_core::rules::length::error(#bounds, ::validate_core::rules::length::Unit::Bytes)),
        ));
        let fail = fail_str(cx, error, node, &s);
        let access = str_access(span, value);
        quote! {
            if let ::core::option::Option::Some(__validate_s) = #access {
                if !::validate_core::rules::length::check_bytes(__validate_s, #bounds) {
                    #fail;
                    __validate_sized = false;
                }
            }
        }
    } else {
        let error = |unit: TokenStream| {
            overrides(
                rule,
                quote!(::validate_core::rules::length::error(#bounds, ::validate_core::rules::length::Unit::#unit)),
            )
        };
        // Two sites in a row: the error in chars, then in items (which one applies depends on
        // the field's type, which the derive does not know).
        let site = cx.sites.push(&[error(quote!(Chars)), error(quote!(Items))]);
        let sensitive = cx.sensitive;
        let access = measure_access(span, value);
        quote! {
            if let ::core::option::Option::Some(__validate_m) = #access {
                if !::validate_core::rules::length::within(__validate_m, #lower_lit, #upper_lit) {
                    ::validate_core::__private::fail_length(
                        __validate_report, #node, &__VALIDATE_ERRORS, #site, __validate_error, __validate_m, #sensitive,
                    );
                    __validate_sized = false;
                }
            }
        }
    }
}

/// The limits a length check compares with, computed here as `Bounds::limits` would.
fn length_limits(
    min: &Option<crate::attr::Count>,
    max: &Option<crate::attr::Count>,
    equal: &Option<crate::attr::Count>,
) -> (Lit, TokenStream) {
    let lower = [min, equal]
        .iter()
        .filter_map(|c| c.as_ref().map(|c| c.value))
        .max()
        .unwrap_or(0);
    let upper = [max, equal]
        .iter()
        .filter_map(|c| c.as_ref().map(|c| c.value))
        .min();
    let upper = match upper {
        Some(upper) => Lit::usize_unsuffixed(upper).into_token_stream(),
        None => quote!(::core::primitive::usize::MAX),
    };
    (Lit::usize_unsuffixed(lower), upper)
}

/// `Bounds { .. }` of a length rule.
fn length_bounds(
    min: &Option<crate::attr::Count>,
    max: &Option<crate::attr::Count>,
    equal: &Option<crate::attr::Count>,
) -> TokenStream {
    let opt = |c: &Option<crate::attr::Count>| match c {
        Some(c) => {
            let v = Lit::usize_unsuffixed(c.value);
            quote!(::core::option::Option::Some(#v))
        }
        None => quote!(::core::option::Option::None),
    };
    let (min, max, equal) = (opt(min), opt(max), opt(equal));
    quote! {
        ::validate_core::rules::length::Bounds { min: #min, max: #max, equal: #equal }
    }
}

fn number(num: &Num) -> TokenStream {
    match num.int {
        Some(i) => {
            let lit = Lit::i128_unsuffixed(i);
            quote!(::validate_core::rules::range::Number::Int(#lit))
        }
        None => {
            let lit = Lit::f64_unsuffixed(num.value);
            quote!(::validate_core::rules::range::Number::Float(#lit))
        }
    }
}

fn opt_number(num: &Option<Num>) -> TokenStream {
    match num {
        Some(num) => {
            let n = number(num);
            quote!(::core::option::Option::Some(#n))
        }
        None => quote!(::core::option::Option::None),
    }
}

fn param(literal: &Literal) -> TokenStream {
    match literal {
        Literal::Str(lit) => quote!(::validate_core::Param::from(#lit)),
        Literal::Num(num) => match num.int {
            Some(i) => {
                let lit = Lit::i128_unsuffixed(i);
                quote!(::validate_core::Param::Int(#lit))
            }
            None => {
                let lit = Lit::f64_unsuffixed(num.value);
                quote!(::validate_core::Param::Float(#lit))
            }
        },
    }
}

/// A string rule: `check` is an expression over `__validate_s: &str`.
fn string_rule(
    cx: &FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
    check: TokenStream,
    error: TokenStream,
) -> TokenStream {
    string_rule_reporting(
        cx,
        rule,
        value,
        node,
        check,
        cx.sites.cached(overrides(rule, error)),
    )
}

/// [`string_rule`] with the final expression of the error (for errors that depend on more than
/// the literals of the rule, which cannot be cached).
fn string_rule_reporting(
    cx: &FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
    check: TokenStream,
    error: TokenStream,
) -> TokenStream {
    let span = rule.name.span();
    let s = quote!(__validate_s);
    let fail = fail_str(cx, error, node, &s);
    let access = str_access(span, value);
    quote! {
        if let ::core::option::Option::Some(__validate_s) = #access {
            if !(#check) {
                #fail;
            }
        }
    }
}

/// `Option<&str>` of `value`, spanned at the rule so that a field of the wrong type is reported
/// there (once, however many checks reach it).
fn str_access(span: Span, value: &TokenStream) -> TokenStream {
    quote_spanned!(span=> ::validate_core::__private::AsStr::as_str_opt(::core::convert::identity(#value)))
}

/// `Option<Measure>` of `value`, spanned as [`str_access`].
fn measure_access(span: Span, value: &TokenStream) -> TokenStream {
    quote_spanned!(span=> ::validate_core::__private::Length::measure(::core::convert::identity(#value)))
}

/// A number rule: `check` is an expression over `__validate_n: Number`.
fn number_rule(
    cx: &FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
    check: TokenStream,
    error: TokenStream,
) -> TokenStream {
    let span = rule.name.span();
    let error = cx.sites.cached(overrides(rule, error));
    let access = quote_spanned!(span=> ::validate_core::__private::AsNumber::as_number(::core::convert::identity(#value)));
    let fail = if cx.sensitive {
        fail(error, node)
    } else {
        let display = quote_spanned!(span=> ::validate_core::__private::AsNumber::display(::core::convert::identity(#value)));
        quote! {
            match #display {
                ::core::option::Option::Some(__validate_d) => ::validate_core::__private::fail_display(__validate_report, #node, #error, __validate_d),
                ::core::option::Option::None => ::validate_core::__private::fail(__validate_report, #node, #error),
            }
        }
    };
    quote! {
        if let ::core::option::Option::Some(__validate_n) = #access {
            if !(#check) {
                #fail;
            }
        }
    }
}

fn rule_code(
    cx: &mut FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
) -> TokenStream {
    let span = rule.name.span();
    let rules = quote!(::validate_core::rules);
    match &rule.kind {
        RuleKind::Length { .. } | RuleKind::Sensitive => TokenStream::new(),
        RuleKind::Range {
            min,
            max,
            exclusive_min,
            exclusive_max,
        } => {
            let (min, max, exclusive_min, exclusive_max) = (
                opt_number(min),
                opt_number(max),
                opt_number(exclusive_min),
                opt_number(exclusive_max),
            );
            let bounds = quote! {
                #rules::range::Bounds {
                    min: #min, max: #max, exclusive_min: #exclusive_min, exclusive_max: #exclusive_max,
                }
            };
            number_rule(
                cx,
                rule,
                value,
                node,
                quote!(#rules::range::check(__validate_n, #bounds)),
                quote!(#rules::range::error(#bounds)),
            )
        }
        RuleKind::Pattern(PatternSource::Literal(lit)) => {
            let error = quote!(#rules::pattern::error(#lit));
            if let Some(runs) = crate::pattern::plan(&lit.value()) {
                return string_rule(cx, rule, value, node, runs_check(&runs), error);
            }
            // One static per pattern, compiled on first use. The derive parsed the pattern
            // already; should the regex crate still refuse it (a size limit), the rule rejects
            // every value rather than panic on a request.
            let check = quote! {{
                static __VALIDATE_PATTERN: ::std::sync::LazyLock<::core::option::Option<::validate_core::__private::Regex>> =
                    ::std::sync::LazyLock::new(|| ::validate_core::pattern::compile(#lit).ok());
                __VALIDATE_PATTERN
                    .as_ref()
                    .is_some_and(|__validate_re| #rules::pattern::check_anchored(__validate_re, __validate_s))
            }};
            string_rule(cx, rule, value, node, check, error)
        }
        RuleKind::Pattern(PatternSource::Path(path)) => {
            let re = quote_spanned!(path_span(path)=> let __validate_re: &::validate_core::__private::Regex = &#path;);
            let code = string_rule_reporting(
                cx,
                rule,
                value,
                node,
                quote!(#rules::pattern::check(__validate_re, __validate_s)),
                overrides(rule, quote!(#rules::pattern::error(__validate_re.as_str()))),
            );
            quote! {{
                #re
                #code
            }}
        }
        RuleKind::Email {
            allow_single_label,
            international,
        } => {
            let options = quote! {
                ::validate_core::formats::EmailOptions {
                    allow_single_label: #allow_single_label,
                    international: #international,
                }
            };
            string_rule(
                cx,
                rule,
                value,
                node,
                quote!(#rules::email::check(__validate_s, #options)),
                quote!(#rules::email::error()),
            )
        }
        RuleKind::Url {
            schemes,
            max_length,
            allow_credentials,
        } => {
            let mut fields = Vec::new();
            if !schemes.is_empty() {
                fields.push(quote!(schemes: &[#(#schemes),*]));
            }
            if let Some(max) = max_length {
                let v = Lit::usize_unsuffixed(max.value);
                fields.push(quote!(max_length: #v));
            }
            if *allow_credentials {
                fields.push(quote!(allow_credentials: true));
            }
            let options = if fields.is_empty() {
                quote!(&::validate_core::formats::UrlOptions::DEFAULT)
            } else if fields.len() == 3 {
                quote!(&::validate_core::formats::UrlOptions { #(#fields,)* })
            } else {
                quote! {
                    &::validate_core::formats::UrlOptions {
                        #(#fields,)*
                        ..::validate_core::formats::UrlOptions::DEFAULT
                    }
                }
            };
            string_rule(
                cx,
                rule,
                value,
                node,
                quote!(#rules::url::check(__validate_s, #options)),
                quote!(#rules::url::error(#options)),
            )
        }
        RuleKind::Format(format) => {
            let predicate: syn::Path =
                syn::parse_str(&format!("::validate_core::{}", format.predicate()))
                    .expect("a path");
            let module = Ident::new(format.module(), Span::call_site());
            string_rule(
                cx,
                rule,
                value,
                node,
                quote!(#predicate(__validate_s)),
                quote!(#rules::#module::error()),
            )
        }
        RuleKind::Chars { classes, literals } => {
            let set = chars_set(classes, literals);
            let check = set.check();
            let class_names: Vec<String> = classes.iter().map(ToString::to_string).collect();
            let literal_text = &set.literal_text;
            string_rule(
                cx,
                rule,
                value,
                node,
                check,
                quote!(#rules::chars::error(&[#(#class_names),*], #literal_text)),
            )
        }
        RuleKind::OneOf(values) | RuleKind::NoneOf(values) => {
            let one_of = matches!(rule.kind, RuleKind::OneOf(_));
            let module = if one_of {
                quote!(one_of)
            } else {
                quote!(none_of)
            };
            let params: Vec<TokenStream> = values.iter().map(param).collect();
            let error = quote!(#rules::#module::error(::std::vec![#(#params),*]));
            let negate = if one_of { quote!() } else { quote!(!) };
            if values.iter().all(|v| matches!(v, Literal::Str(_))) {
                let strings = values.iter().map(|v| match v {
                    Literal::Str(lit) => lit.to_token_stream(),
                    Literal::Num(_) => unreachable!("checked: all strings"),
                });
                let check = quote!(#negate ::core::matches!(__validate_s, #(#strings)|*));
                string_rule(cx, rule, value, node, check, error)
            } else {
                let numbers = values.iter().map(|v| match v {
                    Literal::Num(num) => number(num),
                    Literal::Str(_) => unreachable!("checked: all numbers"),
                });
                let check =
                    quote!(#negate #rules::one_of::contains_number(__validate_n, &[#(#numbers),*]));
                number_rule(cx, rule, value, node, check, error)
            }
        }
        RuleKind::Contains(lit) | RuleKind::Prefix(lit) | RuleKind::Suffix(lit) => {
            let module = Ident::new(&rule.name.to_string(), Span::call_site());
            string_rule(
                cx,
                rule,
                value,
                node,
                quote!(#rules::#module::check(__validate_s, #lit)),
                quote!(#rules::#module::error(#lit)),
            )
        }
        RuleKind::Required => {
            let error = cx
                .sites
                .cached(overrides(rule, quote!(#rules::required::error())));
            let fail = fail(error, node);
            let access = quote_spanned!(span=> ::validate_core::__private::Required::is_present(::core::convert::identity(#value)));
            quote! {
                if !#access {
                    #fail;
                }
            }
        }
        RuleKind::MustMatch(other) => {
            let index = field_index(cx.fields, other).expect("checked: the field exists");
            cx.used.insert(index);
            let other_binding = binding(index);
            let wire = ast::wire_name(&cx.fields[index]);
            let error = cx
                .sites
                .cached(overrides(rule, quote!(#rules::must_match::error(#wire))));
            let fail = fail(error, node);
            // `==` rather than a generic function: with one `PartialEq` impl in scope, inference
            // would pick its type and report a confusing mismatch instead of "can't compare".
            let eq = quote_spanned!(span=> (::core::convert::identity(#value) == ::core::convert::identity(#other_binding)));
            quote! {
                if !#eq {
                    #fail;
                }
            }
        }
        RuleKind::Nested => match &cx.nested {
            NestedMode::Validate => quote_spanned! {span=>
                ::validate_core::Validate::__validate_into(::core::convert::identity(#value), #node, __validate_report);
            },
            NestedMode::Fused(binding) => {
                let call = quote_spanned! {span=>
                    ::validate_core::Validate::__normalize_validate_into(::core::convert::identity(#binding), #node, __validate_report);
                };
                quote! {
                    #call
                    __validate_nested = true;
                }
            }
        },
        RuleKind::Custom(path) => {
            let error = overrides(rule, quote!(__validate_error));
            let fail = fail(error, node);
            // A direct call lets `&String` coerce to a `fn(&str)`; the annotated binding puts a
            // wrong return type under the function's name.
            let call = quote_spanned! {path_span(path)=>
                let __validate_result: ::core::result::Result<(), ::validate_core::Error> = #path(__validate_c);
            };
            let body = quote! {
                #call
                if let ::core::result::Result::Err(__validate_error) = __validate_result {
                    #fail;
                }
            };
            if cx.field.rules.iter().any(|r| std::ptr::eq(r, rule)) && ast::is_option(cx.field.ty) {
                quote! {
                    if let ::core::option::Option::Some(__validate_c) = ::validate_core::__private::some(#value) {
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
        RuleKind::Each(inner) | RuleKind::Keys(inner) => {
            let (method, trait_name) = if matches!(rule.kind, RuleKind::Each(_)) {
                (quote!(each), quote!(Each))
            } else {
                (quote!(each_key), quote!(Keys))
            };
            let item = quote!(__validate_item);
            let seg = format_ident!("__validate_seg{}", cx.depth);
            let inner_node = quote!((&#node.child(#seg)));
            let sub = FieldCx {
                fields: cx.fields,
                field: cx.field,
                sensitive: cx.sensitive,
                used: cx.used,
                depth: cx.depth + 1,
                sites: cx.sites,
                nested: NestedMode::Validate,
            };
            let inner: Vec<&Rule> = inner.iter().collect();
            let body = rules_code(sub, &inner, &item, &inner_node);
            let access = quote_spanned!(span=> ::validate_core::__private::#trait_name::#method);
            let spanned = quote_spanned!(span=> ::core::convert::identity(#value));
            quote! {
                #access(#spanned, |#seg, __validate_item| {
                    let _ = (&#seg, &__validate_item);
                    #body
                });
            }
        }
    }
}

/// The bytes and characters a `chars(..)` rule allows.
struct CharSet {
    /// The ASCII bytes, as bits `b` of `low` and `b - 64` of `high`.
    low: u64,
    high: u64,
    /// The non-ASCII characters of its literals.
    others: Vec<char>,
    literal_text: String,
}

impl CharSet {
    /// The check, an expression over `__validate_s: &str`.
    fn check(&self) -> TokenStream {
        let table = byte_table(self.low, self.high);
        let others = &self.others;
        quote!(::validate_core::rules::chars::check_table(__validate_s, #table, &[#(#others),*]))
    }
}

fn chars_set(classes: &[Ident], literals: &[syn::LitStr]) -> CharSet {
    let mut low = 0u64;
    let mut high = 0u64;
    let mut set = |b: u8| {
        if b < 64 {
            low |= 1 << b;
        } else {
            high |= 1 << (b - 64);
        }
    };
    for class in classes {
        let bytes: Vec<u8> = match class.to_string().as_str() {
            "ascii_lowercase" => (b'a'..=b'z').collect(),
            "ascii_uppercase" => (b'A'..=b'Z').collect(),
            "ascii_alpha" => (b'a'..=b'z').chain(b'A'..=b'Z').collect(),
            "ascii_digit" => (b'0'..=b'9').collect(),
            "ascii_alphanumeric" => (b'a'..=b'z')
                .chain(b'A'..=b'Z')
                .chain(b'0'..=b'9')
                .collect(),
            "ascii_punctuation" => (0..128u8).filter(u8::is_ascii_punctuation).collect(),
            "space" => vec![b' '],
            _ => Vec::new(),
        };
        bytes.into_iter().for_each(&mut set);
    }
    let mut others = Vec::new();
    let mut literal_text = String::new();
    for lit in literals {
        for c in lit.value().chars() {
            literal_text.push(c);
            if c.is_ascii() {
                set(c as u8);
            } else if !others.contains(&c) {
                others.push(c);
            }
        }
    }
    CharSet {
        low,
        high,
        others,
        literal_text,
    }
}

/// The check of a pattern planned into runs, an expression over `__validate_s: &str`.
fn runs_check(runs: &[crate::pattern::Run]) -> TokenStream {
    let rules = quote!(::validate_core::rules);
    let check_fn = if runs.len() > 1 && runs.iter().all(|run| run.max == Some(run.min)) {
        quote!(check_fixed_runs)
    } else {
        quote!(check_runs)
    };
    let count = Lit::usize_unsuffixed(runs.len());
    let runs = runs.iter().map(|run| {
        let table = byte_table(run.low, run.high);
        let min = Lit::u32_suffixed(run.min);
        let max = Lit::u32_suffixed(run.max.unwrap_or(u32::MAX));
        quote!(#rules::pattern::Run::new(#table, #min, #max))
    });
    quote! {{
        static __VALIDATE_RUNS: [#rules::pattern::Run; #count] = [#(#runs),*];
        #rules::pattern::#check_fn(__validate_s, &__VALIDATE_RUNS)
    }}
}

/// The 256-entry table of a set of ASCII bytes (bit `b` of `low`, then of `high`) as a byte-string
/// literal, a `&'static [u8; 256]` that costs the compiler no evaluation.
fn byte_table(low: u64, high: u64) -> syn::LitByteStr {
    let table: Vec<u8> = (0..=255u8)
        .map(|b| match b {
            0..64 => (low >> b & 1) as u8,
            64..128 => (high >> (b - 64) & 1) as u8,
            _ => 0,
        })
        .collect();
    syn::LitByteStr::new(&table, Span::call_site())
}

fn path_span(path: &syn::Path) -> Span {
    path.segments
        .last()
        .map_or_else(Span::call_site, |s| s.ident.span())
}

// ---------------------------------------------------------------------------------------------
// normalize and validate in one pass

/// The body of `__normalize_validate_into`, what `Valid::new` runs, for a container with
/// something to normalize (`None` otherwise: the default, `normalize` then `__validate_into`,
/// is the same thing). It gives the same value and the same report as the two in turn, in one
/// pass over the fields, each normalized and then checked:
///
/// - A field whose whitelist admits only text its normalizers leave alone (`[a-z0-9_]+` under
///   `trim, lowercase`) is checked first, as deserialized (see [`proof`]); when that passes it
///   is normal already and valid under the rules checked, and only its other rules run.
/// - A `nested` field whose other rules do not look into it (lengths, `required`) gets the
///   nested value's own one pass, so proofs reach into nested structs and list items.
/// - A field that a `must_match` of an earlier field compares with is normalized before all
///   others, so that the comparison sees it normalized, as it would after `normalize`.
fn fused_body(cont: &Container, sites: &Sites) -> Option<TokenStream> {
    let needs = |field: &Field| !field.normalizers.is_empty() || has_nested(&field.rules);
    let fields_code = match &cont.data {
        Data::Struct(fields) => {
            if !fields.iter().any(needs) {
                return None;
            }
            let (used, body) = fused_fields(fields, sites);
            let pat = pattern(quote!(Self), fields, &used);
            quote! {{
                let #pat = &mut *self;
                #body
            }}
        }
        Data::Enum(variants) => {
            if !variants.iter().flat_map(|v| &v.fields).any(needs) {
                return None;
            }
            let arms = variants.iter().map(|variant| {
                let ident = variant.ident;
                let (used, body) = fused_fields(&variant.fields, sites);
                let pat = pattern(quote!(Self::#ident), &variant.fields, &used);
                quote!(#pat => { #body })
            });
            quote! {
                match &mut *self {
                    #(#arms)*
                }
            }
        }
    };
    let container_rules = container_rules(cont, true);
    Some(quote! {
        let _ = (&__validate_path, &__validate_report);
        #fields_code
        #container_rules
    })
}

fn fused_fields(fields: &[Field], sites: &Sites) -> (BTreeSet<usize>, TokenStream) {
    let mut used = BTreeSet::new();
    let mut body = TokenStream::new();
    let early: BTreeSet<usize> = fields
        .iter()
        .enumerate()
        .flat_map(|(i, field)| {
            must_match_targets(fields, field)
                .into_iter()
                .filter(move |&j| j > i)
        })
        .collect();
    for &j in &early {
        let code = field_normalize(&fields[j], &binding(j).into_token_stream(), true);
        if !code.is_empty() {
            used.insert(j);
            body.extend(code);
        }
    }
    for (i, field) in fields.iter().enumerate() {
        let name = binding(i);
        let value = name.to_token_stream();
        let all: Vec<&Rule> = field.rules.iter().collect();
        // The rules read the field (and the fields it must match) through shared references.
        let reborrow = {
            let names = std::iter::once(i)
                .chain(must_match_targets(fields, field))
                .map(binding);
            quote!(#(let #names = &*#names;)*)
        };
        let rules = |rules: &[&Rule], used: &mut BTreeSet<usize>| {
            if !has_rules(rules.iter().copied()) {
                return TokenStream::new();
            }
            let code = field_rules(fields, i, rules, &value, used, sites, NestedMode::Validate);
            quote!(#reborrow #code)
        };
        let code = if early.contains(&i) {
            rules(&all, &mut used)
        } else if fuses_nested(field) {
            let own = field_normalize(field, &value, false);
            let code = field_rules(
                fields,
                i,
                &all,
                &quote!((&*#name)),
                &mut used,
                sites,
                NestedMode::Fused(name.clone()),
            );
            let span = nested_span(&field.rules);
            let normalize = quote_spanned! {span=>
                ::validate_core::Validate::normalize(::core::convert::identity(#name));
            };
            // A failed length skips `nested`; the value is still normalized, as `normalize` would.
            quote! {
                #own
                let mut __validate_nested = false;
                #code
                if !__validate_nested {
                    #normalize
                }
            }
        } else if let Some(proof) = proof(field, &value) {
            // A failed proof is marked cold, so that the code to normalize and check the field
            // in full is laid out after the function's usual path, not inside it.
            let normalize = field_normalize(field, &value, true);
            let holds = &proof.holds;
            let rest: Vec<&Rule> = all
                .iter()
                .copied()
                .filter(|rule| !proof.covers(rule))
                .collect();
            let (rest, all) = (rules(&rest, &mut used), rules(&all, &mut used));
            quote! {
                let __validate_proven = {
                    let #name = &*#name;
                    #holds
                };
                if __validate_proven {
                    #rest
                } else {
                    ::validate_core::__private::cold_path();
                    #normalize
                    #all
                }
            }
        } else {
            let normalize = field_normalize(field, &value, true);
            let all = rules(&all, &mut used);
            quote! {
                #normalize
                #all
            }
        };
        if !code.is_empty() {
            used.insert(i);
            body.extend(quote!({ #code }));
        }
    }
    (used, body)
}

/// The indexes of the fields `field`'s `must_match` rules compare it with.
fn must_match_targets(fields: &[Field], field: &Field) -> Vec<usize> {
    field
        .rules
        .iter()
        .filter_map(|rule| match &rule.kind {
            RuleKind::MustMatch(other) => field_index(fields, other),
            _ => None,
        })
        .collect()
}

/// The index of the field a `must_match(other)` names.
fn field_index(fields: &[Field], other: &Ident) -> Option<usize> {
    fields.iter().position(|f| other.unraw() == f.name)
}

/// Whether `field`'s `nested` rule can normalize and validate in one pass: it is a direct
/// `nested`, and the field's other rules do not read the value it reaches.
fn fuses_nested(field: &Field) -> bool {
    field
        .rules
        .iter()
        .any(|r| matches!(r.kind, RuleKind::Nested))
        && field.rules.iter().all(|r| {
            matches!(
                r.kind,
                RuleKind::Nested
                    | RuleKind::Length { .. }
                    | RuleKind::Required
                    | RuleKind::Sensitive
            )
        })
}

/// A field's proof: the rules it checks on the value as deserialized, which, when they pass,
/// show that normalizing would change nothing.
struct Proof<'a> {
    /// The field's rules the proof checks: some of its own (lengths, ASCII `chars`, planned
    /// patterns, `email`), or its `each(..)` rule, all of whose rules are such rules.
    covered: Vec<&'a Rule>,
    /// Whether they all pass, an expression over the field's binding (a `&T`).
    holds: TokenStream,
}

impl Proof<'_> {
    fn covers(&self, rule: &Rule) -> bool {
        self.covered.iter().any(|r| std::ptr::eq(*r, rule))
    }
}

/// What `field`, bound to `value`, can prove, if anything.
fn proof<'a>(field: &'a Field<'a>, value: &TokenStream) -> Option<Proof<'a>> {
    if has_nested(&field.rules) {
        return None;
    }
    if let [normalizer] = field.normalizers.as_slice()
        && let NormalizerKind::Each(inner) = &normalizer.kind
    {
        let forbidden = forbidden_bytes(inner)?;
        let mut each = field
            .rules
            .iter()
            .filter(|r| matches!(r.kind, RuleKind::Each(_)));
        let (Some(rule), None) = (each.next(), each.next()) else {
            return None;
        };
        let RuleKind::Each(inner_rules) = &rule.kind else {
            unreachable!("filtered");
        };
        let item = quote!(__validate_item);
        let checks = inner_rules
            .iter()
            .filter(|r| !matches!(r.kind, RuleKind::Sensitive))
            .map(|r| check(r, &item))
            .collect::<Option<Vec<Check>>>()?;
        let holds = all_hold(&checks, forbidden)?;
        let access = quote_spanned!(rule.name.span()=> ::validate_core::__private::Each::each);
        let holds = quote! {{
            let mut __validate_all = true;
            #access(::core::convert::identity(#value), |_, __validate_item| {
                __validate_all &= #holds;
            });
            __validate_all
        }};
        return Some(Proof {
            covered: vec![rule],
            holds,
        });
    }
    let forbidden = forbidden_bytes(&field.normalizers)?;
    let (covered, checks): (Vec<&Rule>, Vec<Check>) = field
        .rules
        .iter()
        .filter_map(|r| Some((r, check(r, value)?)))
        .unzip();
    let holds = all_hold(&checks, forbidden)?;
    Some(Proof { covered, holds })
}

/// The ASCII bytes (as 128 bits) that one of `normalizers`, all built-in string normalizers,
/// could change or remove; `None` for an empty list or any other normalizer. Non-ASCII text is
/// never admitted by a rule that proves anything, and every normalizer leaves the other ASCII
/// bytes as they are (the Unicode forms are the identity on ASCII).
fn forbidden_bytes(normalizers: &[Normalizer]) -> Option<u128> {
    if normalizers.is_empty() {
        return None;
    }
    // Whitespace, controls and DEL, for all the normalizers that look at them.
    let spacing: u128 = ((1 << 0x21) - 1) | (1 << 0x7f);
    let upper: u128 = ((1 << 26) - 1) << b'A';
    let lower: u128 = ((1 << 26) - 1) << b'a';
    let mut forbidden = 0;
    for normalizer in normalizers {
        let NormalizerKind::Str(name) = &normalizer.kind else {
            return None;
        };
        forbidden |= match *name {
            "trim" | "trim_start" | "trim_end" | "collapse_whitespace" | "strip_control" => spacing,
            "lowercase" => upper,
            "uppercase" => lower,
            "nfc" | "nfd" | "nfkc" | "nfkd" => 0,
            _ => return None,
        };
    }
    Some(forbidden)
}

/// A rule a proof can check: it reads only the value, and its check is cheap.
struct Check {
    /// Whether the rule passes on the value, an expression.
    holds: TokenStream,
    /// The ASCII bytes (as 128 bits) the rule admits, when it admits nothing else.
    admits: Option<u128>,
}

/// The check of `rule` on `value`, if a proof can use it (lengths, ASCII `chars`, planned
/// patterns, and `email`, through the address automaton that also refuses upper case).
fn check(rule: &Rule, value: &TokenStream) -> Option<Check> {
    if rule.malformed {
        return None;
    }
    let span = rule.name.span();
    let string = |check: TokenStream| {
        let access = str_access(span, value);
        quote!(#access.is_none_or(|__validate_s| #check))
    };
    let bits = |low: u64, high: u64| u128::from(low) | u128::from(high) << 64;
    let check = match &rule.kind {
        RuleKind::Length {
            bytes: false,
            min,
            max,
            equal,
        } => {
            let (lower, upper) = length_limits(min, max, equal);
            let access = measure_access(span, value);
            Check {
                holds: quote! {
                    #access.is_none_or(|__validate_m| ::validate_core::rules::length::within(__validate_m, #lower, #upper))
                },
                admits: None,
            }
        }
        RuleKind::Length {
            bytes: true,
            min,
            max,
            equal,
        } => {
            let bounds = length_bounds(min, max, equal);
            Check {
                holds: string(
                    quote!(::validate_core::rules::length::check_bytes(__validate_s, #bounds)),
                ),
                admits: None,
            }
        }
        RuleKind::Chars { classes, literals } => {
            let set = chars_set(classes, literals);
            if !set.others.is_empty() {
                return None;
            }
            Check {
                holds: string(set.check()),
                admits: Some(bits(set.low, set.high)),
            }
        }
        RuleKind::Email { .. } => Check {
            holds: string(quote!(::validate_core::__private::email_proof(
                __validate_s
            ))),
            admits: Some(EMAIL_PROOF_BYTES),
        },
        RuleKind::Pattern(PatternSource::Literal(lit)) => {
            let runs = crate::pattern::plan(&lit.value())?;
            Check {
                holds: string(runs_check(&runs)),
                admits: Some(
                    runs.iter()
                        .fold(0, |all, run| all | bits(run.low, run.high)),
                ),
            }
        }
        _ => return None,
    };
    Some(check)
}

/// The bytes `validate_core::__private::email_proof` admits, as its documentation and a unit test
/// of its automaton state them (`tests/tests/proofs.rs` puts every byte through the proof):
/// ASCII lower-case letters, digits, ``!#$%&'*+-/=?^_`{|}~``, `.` and `@`.
const EMAIL_PROOF_BYTES: u128 = {
    let mut bits = (((1 << 26) - 1) << b'a') | (((1 << 10) - 1) << b'0');
    let others = b"!#$%&'*+-/=?^_`{|}~.@";
    let mut i = 0;
    while i < others.len() {
        bits |= 1 << others[i];
        i += 1;
    }
    bits
};

/// That all of `checks` pass, as one expression, if one of them admits only text without a
/// `forbidden` byte (and so proves the value normal).
fn all_hold(checks: &[Check], forbidden: u128) -> Option<TokenStream> {
    checks
        .iter()
        .any(|c| c.admits.is_some_and(|admits| admits & forbidden == 0))
        .then(|| {
            let holds = checks.iter().map(|c| &c.holds);
            quote!((true #(&& #holds)*))
        })
}

// ---------------------------------------------------------------------------------------------
// generics

/// The container's generics, with a `where` bound for every field whose type mentions a type
/// parameter: the trait each of its rules reaches it through.
fn with_bounds(cont: &Container) -> syn::Generics {
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
    let mut predicates = Vec::new();
    let mut seen = BTreeSet::new();
    for field in cont.all_fields() {
        if !mentions(field.ty, &params) {
            continue;
        }
        let ty = field.ty.to_token_stream();
        rule_bounds(&field.rules, &ty, &mut predicates);
        normalizer_bounds(&field.normalizers, &ty, &mut predicates);
        if has_nested(&field.rules) {
            predicates.push(quote!(#ty: ::validate_core::Validate));
        }
    }
    let where_clause = generics.make_where_clause();
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
    let private = quote!(::validate_core::__private);
    for rule in rules {
        match &rule.kind {
            RuleKind::Length { bytes: true, .. } => out.push(quote!(#ty: #private::AsStr)),
            RuleKind::Length { .. } => out.push(quote!(#ty: #private::Length)),
            RuleKind::Range { .. } => out.push(quote!(#ty: #private::AsNumber)),
            RuleKind::OneOf(values) | RuleKind::NoneOf(values) => {
                if values.iter().all(|v| matches!(v, Literal::Str(_))) {
                    out.push(quote!(#ty: #private::AsStr));
                } else {
                    out.push(quote!(#ty: #private::AsNumber));
                }
            }
            RuleKind::Pattern(_)
            | RuleKind::Email { .. }
            | RuleKind::Url { .. }
            | RuleKind::Format(_)
            | RuleKind::Chars { .. }
            | RuleKind::Contains(_)
            | RuleKind::Prefix(_)
            | RuleKind::Suffix(_) => out.push(quote!(#ty: #private::AsStr)),
            RuleKind::Required => out.push(quote!(#ty: #private::Required)),
            RuleKind::MustMatch(_) => out.push(quote!(#ty: ::core::cmp::PartialEq)),
            RuleKind::Nested => out.push(quote!(#ty: ::validate_core::Validate)),
            RuleKind::Each(inner) => {
                out.push(quote!(#ty: #private::Each));
                rule_bounds(inner, &quote!(<#ty as #private::Each>::Item), out);
            }
            RuleKind::Keys(inner) => {
                out.push(quote!(#ty: #private::Keys));
                rule_bounds(inner, &quote!(<#ty as #private::Keys>::Key), out);
            }
            RuleKind::Sensitive | RuleKind::Custom(_) => {}
        }
    }
}

fn normalizer_bounds(list: &[Normalizer], ty: &TokenStream, out: &mut Vec<TokenStream>) {
    let private = quote!(::validate_core::__private);
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
