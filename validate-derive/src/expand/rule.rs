//! The code of one rule on one value: one function per rule family, each calling the rule's
//! `check` in `validate_core::rules::<rule>` and, on failure, recording its error.

use proc_macro2::{Literal as Lit, Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::{Ident, LitStr};

use super::table::{CharSet, runs_check};
use super::validate::{
    FieldCx, NestedMode, fail, fail_str, measure_access, overrides, rules_code, str_access,
};
use super::whole::{custom, must_match, nested, required};
use super::{Private, at_rule, binding, path_span};
use crate::ast::field_index;
use crate::attr::{Count, Literal, Num, PatternSource, Rule, RuleKind};
use crate::symbol::RuleName;

/// The code of `rule` on `value` (a `&T`) at `node` (a `&PathNode`); `length` rules are
/// generated apart, by [`length`], since they run first.
pub(super) fn code(
    cx: &mut FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
) -> TokenStream {
    match &rule.kind {
        RuleKind::Length { .. } | RuleKind::Sensitive => TokenStream::new(),
        RuleKind::Range {
            min,
            max,
            exclusive_min,
            exclusive_max,
        } => range(
            cx,
            rule,
            value,
            node,
            [min, max, exclusive_min, exclusive_max],
        ),
        RuleKind::Pattern(source) => pattern(cx, rule, value, node, source),
        RuleKind::Email {
            allow_single_label,
            international,
        } => email(cx, rule, value, node, *allow_single_label, *international),
        RuleKind::Url {
            schemes,
            max_length,
            allow_credentials,
            public,
        } => {
            let options = url_options(schemes, max_length, *allow_credentials, *public);
            url(cx, rule, value, node, &options)
        }
        RuleKind::Format(name) => format(cx, rule, value, node, *name),
        RuleKind::Chars { classes, literals } => chars(cx, rule, value, node, classes, literals),
        RuleKind::OneOf(values) => list(cx, rule, value, node, RuleName::OneOf, values),
        RuleKind::NoneOf(values) => list(cx, rule, value, node, RuleName::NoneOf, values),
        RuleKind::Contains(lit)
        | RuleKind::NotContains(lit)
        | RuleKind::Prefix(lit)
        | RuleKind::Suffix(lit) => text(cx, rule, value, node, lit),
        RuleKind::Required => required(cx, rule, value, node),
        RuleKind::MustMatch(other) => must_match(cx, rule, value, node, other),
        RuleKind::Password {
            min_score,
            user_inputs,
        } => password(cx, rule, value, node, min_score, user_inputs),
        RuleKind::Nested => nested(cx, rule, value, node),
        RuleKind::Custom(path) => custom(cx, rule, value, node, path, false),
        RuleKind::CustomContext(path) => custom(cx, rule, value, node, path, true),
        // Queued by the field's code once its other rules ran (`validate::async_rules`).
        RuleKind::AsyncCustom(_) => TokenStream::new(),
        RuleKind::Each(inner) => each(cx, rule, value, node, inner, Over::Elements),
        RuleKind::Keys(inner) => each(cx, rule, value, node, inner, Over::Keys),
    }
}

pub(super) fn rules() -> TokenStream {
    let private = Private::default();
    quote!(#private::rules)
}

/// The error a failing rule records.
enum Failure {
    /// An error fixed by the rule's literals: built once, in the error table.
    Fixed(TokenStream),
    /// An error built at each failure, from values known only then.
    Built(TokenStream),
}

impl Failure {
    fn of(self, cx: &FieldCx, rule: &Rule) -> TokenStream {
        match self {
            Failure::Fixed(error) => cx.errors.cached(overrides(rule, error)),
            Failure::Built(error) => overrides(rule, error),
        }
    }
}

/// A string rule: `check` is an expression over `__validate_s: &str`.
fn string_rule(
    cx: &FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
    check: TokenStream,
    error: Failure,
) -> TokenStream {
    let fail = fail_str(cx, error.of(cx, rule), node, &quote!(__validate_s));
    let access = str_access(rule.name.span(), value);
    quote! {
        if let ::core::option::Option::Some(__validate_s) = #access {
            if !(#check) {
                #fail;
            }
        }
    }
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
    let private = Private(span);
    let error = cx.errors.cached(overrides(rule, error));
    let arg = at_rule(span, value);
    let access = quote_spanned!(span=> #private::AsNumber::as_number(#arg));
    let fail = if cx.sensitive {
        fail(error, node)
    } else {
        let display = quote_spanned!(span=> #private::AsNumber::display(#arg));
        let private = Private::default();
        quote! {
            match #display {
                ::core::option::Option::Some(__validate_d) => #private::fail_display(__validate_report, #node, #error, __validate_d),
                ::core::option::Option::None => #private::fail(__validate_report, #node, #error),
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

// -------------------------------------------------------------------------------------------
// `length(min = , max = , equal = )`, `length(bytes, ..)`

/// A `length` rule: on failure it records its error and, when the value is too long (not too
/// short), clears `__validate_sized`, which makes the field's other rules skip the value.
pub(super) fn length(
    cx: &FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
) -> TokenStream {
    let RuleKind::Length {
        bytes,
        min,
        max,
        equal,
    } = &rule.kind
    else {
        unreachable!("length is called for length rules");
    };
    let span = rule.name.span();
    let rules = rules();
    let bounds = length_bounds(min, max, equal);
    let (lower, upper) = length_limits(min, max, equal);
    let bounded = max.is_some() || equal.is_some();
    if *bytes {
        let too_long = bounded.then(|| {
            quote! {
                if __validate_s.len() > #upper {
                    __validate_sized = false;
                }
            }
        });
        let error = cx.errors.cached(overrides(
            rule,
            quote!(#rules::length::error(#bounds, #rules::length::Unit::Bytes)),
        ));
        let fail = fail_str(cx, error, node, &quote!(__validate_s));
        let access = str_access(span, value);
        return quote! {
            if let ::core::option::Option::Some(__validate_s) = #access {
                if !#rules::length::check_bytes(__validate_s, #bounds) {
                    #fail;
                    #too_long
                }
            }
        };
    }
    let error = |unit: TokenStream| {
        overrides(
            rule,
            quote!(#rules::length::error(#bounds, #rules::length::Unit::#unit)),
        )
    };
    // Two entries in a row: the error in chars, then in items (which one applies depends on
    // the field's type, which the derive does not know).
    let index = cx
        .errors
        .push(&[error(quote!(Chars)), error(quote!(Items))]);
    let sensitive = cx.sensitive;
    let access = measure_access(span, value);
    let too_long = bounded.then(|| {
        quote! {
            if #rules::length::over(__validate_m, #upper) {
                __validate_sized = false;
            }
        }
    });
    let private = Private::default();
    quote! {
        if let ::core::option::Option::Some(__validate_m) = #access {
            if !#rules::length::within(__validate_m, #lower, #upper) {
                #private::fail_length(
                    __validate_report, #node, &__VALIDATE_ERRORS, #index, __validate_error, __validate_m, #sensitive,
                );
                #too_long
            }
        }
    }
}

/// The limits a length check compares with, computed here as `Bounds::limits` would.
pub(super) fn length_limits(
    min: &Option<Count>,
    max: &Option<Count>,
    equal: &Option<Count>,
) -> (Lit, TokenStream) {
    let value = |c: &Option<Count>| c.as_ref().map(|c| c.value);
    let lower = [value(min), value(equal)]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0);
    let upper = match [value(max), value(equal)].into_iter().flatten().min() {
        Some(upper) => Lit::usize_unsuffixed(upper).into_token_stream(),
        None => quote!(::core::primitive::usize::MAX),
    };
    (Lit::usize_unsuffixed(lower), upper)
}

/// `Bounds { .. }` of a length rule.
pub(super) fn length_bounds(
    min: &Option<Count>,
    max: &Option<Count>,
    equal: &Option<Count>,
) -> TokenStream {
    let rules = rules();
    let opt = |c: &Option<Count>| match c {
        Some(c) => {
            let v = Lit::usize_unsuffixed(c.value);
            quote!(::core::option::Option::Some(#v))
        }
        None => quote!(::core::option::Option::None),
    };
    let (min, max, equal) = (opt(min), opt(max), opt(equal));
    quote! {
        #rules::length::Bounds { min: #min, max: #max, equal: #equal }
    }
}

// -------------------------------------------------------------------------------------------
// `range(min = , max = , exclusive_min = , exclusive_max = )`

fn range(
    cx: &FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
    bounds: [&Option<Num>; 4],
) -> TokenStream {
    let rules = rules();
    let [min, max, exclusive_min, exclusive_max] = bounds.map(|bound| match bound {
        Some(num) => {
            let n = number(num);
            quote!(::core::option::Option::Some(#n))
        }
        None => quote!(::core::option::Option::None),
    });
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

/// The runtime `Number` of a literal.
fn number(num: &Num) -> TokenStream {
    let rules = rules();
    match num {
        Num::Int(i, _) => {
            let lit = Lit::i128_unsuffixed(*i);
            quote!(#rules::range::Number::Int(#lit))
        }
        Num::Float(x, _) => {
            let lit = Lit::f64_unsuffixed(*x);
            quote!(#rules::range::Number::Float(#lit))
        }
    }
}

// -------------------------------------------------------------------------------------------
// `pattern = "re"`, `pattern("re")`, `pattern(path = RE)`

fn pattern(
    cx: &FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
    source: &PatternSource,
) -> TokenStream {
    let rules = rules();
    let private = Private::default();
    match source {
        PatternSource::Literal(lit) => {
            let error = quote!(#rules::pattern::error(#lit));
            if let Some(runs) = crate::pattern::plan(&lit.value()) {
                return string_rule(
                    cx,
                    rule,
                    value,
                    node,
                    runs_check(&runs),
                    Failure::Fixed(error),
                );
            }
            // One static per pattern, compiled on first use. The derive built it already, with
            // the same regex crate and limits; should it fail here all the same, the rule
            // rejects every value rather than panic on a request.
            let check = quote! {{
                static __VALIDATE_PATTERN: ::std::sync::LazyLock<::core::option::Option<#private::Regex>> =
                    ::std::sync::LazyLock::new(|| #private::pattern::compile(#lit).ok());
                __VALIDATE_PATTERN
                    .as_ref()
                    .is_some_and(|__validate_re| #rules::pattern::check_anchored(__validate_re, __validate_s))
            }};
            string_rule(cx, rule, value, node, check, Failure::Fixed(error))
        }
        PatternSource::Path(path) => {
            let spanned = Private(path_span(path));
            let re =
                quote_spanned!(path_span(path)=> let __validate_re: &#spanned::Regex = &#path;);
            let code = string_rule(
                cx,
                rule,
                value,
                node,
                quote!(#rules::pattern::check(__validate_re, __validate_s)),
                Failure::Built(quote!(#rules::pattern::error(__validate_re.as_str()))),
            );
            quote! {{
                #re
                #code
            }}
        }
    }
}

// -------------------------------------------------------------------------------------------
// `email`, `url`, and the formats without arguments

fn email(
    cx: &FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
    allow_single_label: bool,
    international: bool,
) -> TokenStream {
    let rules = rules();
    let private = Private::default();
    let options = quote! {
        #private::formats::EmailOptions {
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
        Failure::Fixed(quote!(#rules::email::error())),
    )
}

fn url(
    cx: &FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
    options: &TokenStream,
) -> TokenStream {
    let rules = rules();
    string_rule(
        cx,
        rule,
        value,
        node,
        quote!(#rules::url::check(__validate_s, #options)),
        Failure::Fixed(quote!(#rules::url::error(#options))),
    )
}

/// The `&UrlOptions` that `url(..)`'s arguments stand for.
fn url_options(
    schemes: &[LitStr],
    max_length: &Option<Count>,
    allow_credentials: bool,
    public: bool,
) -> TokenStream {
    let private = Private::default();
    let mut fields = Vec::new();
    if !schemes.is_empty() {
        fields.push(quote!(schemes: &[#(#schemes),*]));
    }
    if let Some(max) = max_length {
        let v = Lit::usize_unsuffixed(max.value);
        fields.push(quote!(max_length: #v));
    }
    if allow_credentials {
        fields.push(quote!(allow_credentials: true));
    }
    if public {
        fields.push(quote!(public: true));
    }
    if fields.is_empty() {
        quote!(&#private::formats::UrlOptions::DEFAULT)
    } else if fields.len() == 4 {
        quote!(&#private::formats::UrlOptions { #(#fields,)* })
    } else {
        quote! {
            &#private::formats::UrlOptions {
                #(#fields,)*
                ..#private::formats::UrlOptions::DEFAULT
            }
        }
    }
}

/// `hostname`, `ip`, `ipv4`, `ipv6`, `uuid`, `credit_card`, `ascii`, `alphanumeric`,
/// `no_control`: `rules::<name>::check(s)`.
fn format(
    cx: &FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
    name: RuleName,
) -> TokenStream {
    let rules = rules();
    let module = Ident::new(name.word(), Span::call_site());
    string_rule(
        cx,
        rule,
        value,
        node,
        quote!(#rules::#module::check(__validate_s)),
        Failure::Fixed(quote!(#rules::#module::error())),
    )
}

// -------------------------------------------------------------------------------------------
// `chars(class.., "literal chars")`

fn chars(
    cx: &FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
    classes: &[Ident],
    literals: &[LitStr],
) -> TokenStream {
    let rules = rules();
    let set = CharSet::of(classes, literals);
    let class_names: Vec<String> = classes.iter().map(ToString::to_string).collect();
    let literal_text = &set.literal_text;
    string_rule(
        cx,
        rule,
        value,
        node,
        set.check(),
        Failure::Fixed(quote!(#rules::chars::error(&[#(#class_names),*], #literal_text))),
    )
}

// -------------------------------------------------------------------------------------------
// `one_of(..)`, `none_of(..)`, `contains`, `not_contains`, `prefix`, `suffix`

fn list(
    cx: &FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
    name: RuleName,
    values: &[Literal],
) -> TokenStream {
    let rules = rules();
    let private = Private::default();
    let module = Ident::new(name.word(), Span::call_site());
    let params = values.iter().map(|literal| match literal {
        Literal::Str(lit) => quote!(#private::Param::from(#lit)),
        Literal::Num(Num::Int(i, _)) => {
            let lit = Lit::i128_unsuffixed(*i);
            quote!(#private::Param::Int(#lit))
        }
        Literal::Num(Num::Float(x, _)) => {
            let lit = Lit::f64_unsuffixed(*x);
            quote!(#private::Param::Float(#lit))
        }
    });
    let error = quote!(#rules::#module::error(::std::vec![#(#params),*]));
    let strings: Option<Vec<&LitStr>> = values
        .iter()
        .map(|v| match v {
            Literal::Str(lit) => Some(lit),
            Literal::Num(_) => None,
        })
        .collect();
    if let Some(strings) = strings {
        let check = quote!(#rules::#module::check(__validate_s, &[#(#strings),*]));
        return string_rule(cx, rule, value, node, check, Failure::Fixed(error));
    }
    let numbers = values.iter().filter_map(|v| match v {
        Literal::Num(num) => Some(number(num)),
        Literal::Str(_) => None,
    });
    let check = quote!(#rules::#module::check_number(__validate_n, &[#(#numbers),*]));
    number_rule(cx, rule, value, node, check, error)
}

fn text(
    cx: &FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
    lit: &LitStr,
) -> TokenStream {
    let rules = rules();
    let module = Ident::new(&rule.name.to_string(), Span::call_site());
    string_rule(
        cx,
        rule,
        value,
        node,
        quote!(#rules::#module::check(__validate_s, #lit)),
        Failure::Fixed(quote!(#rules::#module::error(#lit))),
    )
}

// -------------------------------------------------------------------------------------------
// `password`

/// `password`: scored through `validate_core::__private::Password`, which exists with the
/// `password` feature only, so that a build without it names the feature.
fn password(
    cx: &mut FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
    min_score: &Option<Count>,
    user_inputs: &[Ident],
) -> TokenStream {
    let span = rule.name.span();
    let private = Private(span);
    let min_score = min_score.as_ref().map_or(3, |score| score.value as u8);
    let inputs: Vec<TokenStream> = user_inputs
        .iter()
        .map(|input| {
            let index = field_index(cx.fields, input).expect("checked: the field exists");
            cx.used.insert(index);
            let sibling = at_rule(input.span(), &binding(index).into_token_stream());
            quote_spanned!(input.span()=> #private::AsStr::as_str_opt(#sibling))
        })
        .collect();
    let scorer = quote_spanned!(span=> <() as #private::Password>);
    string_rule(
        cx,
        rule,
        value,
        node,
        quote!(#scorer::check(__validate_s, #min_score, &[#(#inputs),*])),
        Failure::Fixed(quote!(#scorer::error(#min_score))),
    )
}

// -------------------------------------------------------------------------------------------
// `each(..)`, `keys(..)`

/// What `each(..)` or `keys(..)` walks.
#[derive(Clone, Copy)]
enum Over {
    Elements,
    Keys,
}

/// The rules `inner` on every element (`Each::each`) or key (`Keys::each_key`) of `value`; a
/// key's errors are at its entry, marked `[key]`.
fn each(
    cx: &mut FieldCx,
    rule: &Rule,
    value: &TokenStream,
    node: &TokenStream,
    inner: &[Rule],
    over: Over,
) -> TokenStream {
    let span = rule.name.span();
    let private = Private(span);
    let item = quote!(__validate_item);
    let seg = format_ident!("__validate_seg{}", cx.depth);
    let (method, trait_name, inner_node) = match over {
        Over::Elements => (quote!(each), quote!(Each), quote!((&#node.child(#seg)))),
        Over::Keys => (
            quote!(each_key),
            quote!(Keys),
            quote!((&#node.child(#seg).child(#private::Seg::KeyMarker))),
        ),
    };
    let sub = FieldCx {
        fields: cx.fields,
        field: cx.field,
        sensitive: cx.sensitive,
        used: cx.used,
        depth: cx.depth + 1,
        errors: cx.errors,
        nested: match cx.nested {
            NestedMode::Collect => NestedMode::Collect,
            _ => NestedMode::Validate,
        },
    };
    let inner: Vec<&Rule> = inner.iter().collect();
    let body = rules_code(sub, &inner, &item, &inner_node);
    let access = quote_spanned!(span=> #private::#trait_name::#method);
    let value = at_rule(span, value);
    // A sensitive field's keys are not shown in its paths.
    let hide = cx.sensitive.then(|| quote!(let #seg = #seg.hidden();));
    // Once a full report has left a failure out, the elements left are not checked.
    quote! {
        #access(#value, |#seg, __validate_item| {
            #hide
            let _ = (&#seg, &__validate_item);
            if __validate_report.truncated() {
                return;
            }
            #body
        });
    }
}
