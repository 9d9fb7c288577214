//! Checks that need more than one attribute, or the meaning of one: every mistake a user can
//! make that the type checker would not catch, or would catch far from the cause. Each reports
//! under the token that is wrong and lets the others run, so one compilation lists them all.

use std::cmp::Ordering;
use std::collections::HashSet;

use quote::ToTokens;
use syn::ext::IdentExt;
use syn::{Ident, LitStr, Type};

use crate::ast::{Container, Data, Field};
use crate::attr::{Count, Literal, NormalizerKind, Num, PatternSource, Rule, RuleKind};
use crate::ctxt::Ctxt;
use crate::symbol::{CharClass, StrNormalizer};
use crate::types::{self, NumberType};

pub fn check(cx: &Ctxt, cont: &Container) {
    check_container_rules(cx, cont);
    check_schemars_spellings(cx, cont.original);
    match &cont.data {
        Data::Struct(fields) => check_fields(cx, fields),
        Data::Enum(variants) => {
            for variant in variants {
                check_variant_rules(cx, &variant.rules);
                check_fields(cx, &variant.fields);
            }
        }
    }
}

/// A container takes only `custom(..)`: field rules there would have no field to apply to.
fn check_container_rules(cx: &Ctxt, cont: &Container) {
    for rule in &cont.rules {
        if !matches!(
            rule.kind,
            RuleKind::Custom(_) | RuleKind::CustomContext(_) | RuleKind::AsyncCustom(_)
        ) {
            cx.error_spanned_by(
                &rule.name,
                format!(
                    "`{}` is a field rule; on a struct or enum only `custom(..)` is allowed",
                    rule.name
                ),
            );
        }
    }
}

/// Beside schemars's derive, which reads `#[validate(..)]` as validator writes it, the two
/// spellings it refuses get a word on what to write instead (schemars's own error says only
/// what it expected). schemars is known to be there by its attributes.
fn check_schemars_spellings(cx: &Ctxt, input: &syn::DeriveInput) {
    let is_schemars = |a: &syn::Attribute| a.path().is_ident("schemars");
    let derives_schema = |a: &syn::Attribute| {
        a.path().is_ident("derive") && a.to_token_stream().to_string().contains("JsonSchema")
    };
    let fields: Vec<&syn::Field> = match &input.data {
        syn::Data::Struct(data) => data.fields.iter().collect(),
        syn::Data::Enum(data) => data.variants.iter().flat_map(|v| v.fields.iter()).collect(),
        syn::Data::Union(_) => Vec::new(),
    };
    let attrs = || {
        input
            .attrs
            .iter()
            .chain(fields.iter().flat_map(|f| f.attrs.iter()))
    };
    if !attrs().any(|a| is_schemars(a) || derives_schema(a)) {
        return;
    }
    for attr in fields.iter().flat_map(|f| f.attrs.iter()) {
        if !attr.path().is_ident("validate") {
            continue;
        }
        let Ok(items) = attr.parse_args_with(crate::attr::parse_items) else {
            continue;
        };
        schemars_refused(cx, &items);
    }
}

fn schemars_refused(cx: &Ctxt, items: &[crate::attr::Item]) {
    use crate::attr::Item;
    for item in items {
        match item {
            Item::KeyValue(name, _) if name == "contains" => cx.error_spanned_by(
                name,
                "schemars's derive refuses `contains = \"..\"` in `#[validate]`: write \
                 `contains(pattern = \"..\")`, the same rule (a literal substring, not a regex)",
            ),
            Item::Call(name, args, _) if name == "required" && !args.is_empty() => {
                cx.error_spanned_by(
                    name,
                    "schemars's derive accepts only a bare `required` in `#[validate]`: a \
                     `message` or `code` for `required` needs a type without `JsonSchema`",
                );
            }
            _ => {}
        }
    }
}

/// Rules on a variant would have no value of their own to check; they belong on the variant's
/// fields, or in a struct-level `custom`.
fn check_variant_rules(cx: &Ctxt, rules: &[Rule]) {
    for rule in rules {
        cx.error_spanned_by(
            &rule.name,
            "rules go on a variant's fields, not on the variant",
        );
    }
}

fn check_fields(cx: &Ctxt, fields: &[Field]) {
    for field in fields {
        check_strings_of_collection(cx, field);
        check_password_normalizers(cx, field);
        check_rules(
            cx,
            &field.rules,
            fields,
            field,
            Level::Field,
            Some(field.ty),
        );
    }
}

/// A string rule or normalizer on a collection of strings, where `each(..)` was meant.
fn check_strings_of_collection(cx: &Ctxt, field: &Field) {
    if !types::element(field.ty).is_some_and(types::is_string) {
        return;
    }
    for normalizer in &field.normalizers {
        if let NormalizerKind::Str(_) = normalizer.kind {
            let name = &normalizer.name;
            cx.error_spanned_by(
                name,
                format!(
                    "`{name}` rewrites a string, and this field is a collection of strings: \
                     write `each({name})` to rewrite each of them"
                ),
            );
        }
    }
    for rule in &field.rules {
        if rule.kind.reads_str() {
            let name = &rule.name;
            cx.error_spanned_by(
                name,
                format!(
                    "`{name}` checks a string, and this field is a collection of strings: move \
                     it into `each(..)` to check each of them"
                ),
            );
        }
    }
}

/// Where a list of rules stands: on the field itself, or inside `each(..)` / `keys(..)`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Field,
    Each,
    Keys,
}

/// The rules of one value, whose type is `ty` where the field's type as written shows it.
fn check_rules(
    cx: &Ctxt,
    rules: &[Rule],
    siblings: &[Field],
    field: &Field,
    level: Level,
    ty: Option<&Type>,
) {
    check_duplicates(cx, rules);
    for rule in rules {
        match &rule.kind {
            RuleKind::Length {
                min, max, equal, ..
            } => check_length(cx, rule, min, max, equal),
            RuleKind::Range {
                min,
                max,
                exclusive_min,
                exclusive_max,
            } => check_range(
                cx,
                rule,
                [min, max, exclusive_min, exclusive_max],
                ty.and_then(types::number),
            ),
            RuleKind::Pattern(PatternSource::Literal(lit)) => check_regex(cx, lit),
            RuleKind::Url {
                schemes,
                max_length,
                ..
            } => check_url(cx, schemes, max_length),
            RuleKind::Chars { classes, literals } => check_chars(cx, rule, classes, literals),
            RuleKind::OneOf(values) | RuleKind::NoneOf(values) => {
                check_literal_list(cx, rule, values);
            }
            RuleKind::Contains(lit)
            | RuleKind::NotContains(lit)
            | RuleKind::Prefix(lit)
            | RuleKind::Suffix(lit) => {
                check_text(cx, rule, lit);
            }
            RuleKind::MustMatch(other) => {
                check_must_match(cx, rule, other, siblings, field, level);
            }
            RuleKind::Sensitive => check_whole_field(cx, rule, level),
            RuleKind::Password {
                min_score,
                user_inputs,
            } => check_password(cx, rule, min_score, user_inputs, siblings, field, level),
            RuleKind::Each(inner) => check_rules(
                cx,
                inner,
                siblings,
                field,
                Level::Each,
                ty.and_then(types::element),
            ),
            RuleKind::Keys(inner) => check_rules(
                cx,
                inner,
                siblings,
                field,
                Level::Keys,
                ty.and_then(types::key),
            ),
            RuleKind::Pattern(PatternSource::Path(_))
            | RuleKind::Email { .. }
            | RuleKind::Format(_)
            | RuleKind::Required
            | RuleKind::Nested
            | RuleKind::Custom(_)
            | RuleKind::CustomContext(_) => {}
            RuleKind::AsyncCustom(_) if level != Level::Field => cx.error_spanned_by(
                &rule.name,
                "`async_custom` checks a whole field; put it outside `each` and `keys`",
            ),
            RuleKind::AsyncCustom(_) => {}
        }
        check_overrides(cx, rule);
    }
}

/// The same rule twice on one value is a mistake (two `length`s would report twice, or
/// contradict each other); `custom` may repeat with different functions.
fn check_duplicates(cx: &Ctxt, rules: &[Rule]) {
    let mut seen = HashSet::new();
    let mut customs = HashSet::new();
    for rule in rules {
        if let RuleKind::Custom(path)
        | RuleKind::CustomContext(path)
        | RuleKind::AsyncCustom(path) = &rule.kind
        {
            if !customs.insert(path.to_token_stream().to_string()) {
                cx.error_spanned_by(
                    path,
                    format!("duplicate `{}` with the same function", rule.name),
                );
            }
            continue;
        }
        if !seen.insert(rule.name.to_string()) {
            cx.error_spanned_by(&rule.name, format!("duplicate rule `{}`", rule.name));
        }
    }
}

/// `message` and `code` are non-empty, and only on rules that report an error of their own.
fn check_overrides(cx: &Ctxt, rule: &Rule) {
    let message = rule.message.as_ref().or(rule.message_id.as_ref());
    if let (Some(message), RuleKind::Sensitive | RuleKind::Nested) = (message, &rule.kind) {
        cx.error_spanned_by(
            message,
            format!(
                "`{}` reports no error of its own to give a message",
                rule.name
            ),
        );
    }
    for lit in rule.message.iter().chain(&rule.code) {
        if lit.value().is_empty() {
            cx.error_spanned_by(lit, "empty string");
        }
    }
    // A Fluent identifier: `[a-zA-Z][a-zA-Z0-9_-]*`.
    if let Some(id) = &rule.message_id {
        let text = id.value();
        let mut chars = text.chars();
        let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !valid {
            cx.error_spanned_by(
                id,
                "a `message_id` is a Fluent identifier: a letter, then letters, digits, `_` and `-`",
            );
        }
    }
}

/// `length` has a bound, `min <= max`, and `equal` stands alone.
fn check_length(
    cx: &Ctxt,
    rule: &Rule,
    min: &Option<Count>,
    max: &Option<Count>,
    equal: &Option<Count>,
) {
    if min.is_none() && max.is_none() && equal.is_none() && !rule.malformed {
        cx.error_spanned_by(&rule.name, "`length` needs `min`, `max` or `equal`");
    }
    if let (Some(min), Some(max)) = (min, max)
        && min.value > max.value
    {
        cx.error_spanned_by(
            &min.lit,
            format!(
                "`min` ({}) is greater than `max` ({})",
                min.value, max.value
            ),
        );
    }
    if let Some(equal) = equal
        && (min.is_some() || max.is_some())
    {
        cx.error_spanned_by(&equal.lit, "`equal` cannot be combined with `min` or `max`");
    }
}

/// `range` has a bound, at most one of each side, finite, and the range is not empty; on a
/// value of a known number type, each bound is a value of that type.
fn check_range(cx: &Ctxt, rule: &Rule, bounds: [&Option<Num>; 4], number: Option<NumberType>) {
    let [min, max, exclusive_min, exclusive_max] = bounds;
    if bounds.iter().all(|b| b.is_none()) {
        if !rule.malformed {
            cx.error_spanned_by(
                &rule.name,
                "`range` needs `min`, `max`, `exclusive_min` or `exclusive_max`",
            );
        }
        return;
    }
    if let (Some(_), Some(b)) = (min, exclusive_min) {
        cx.error_spanned_by(b.tokens(), "use `min` or `exclusive_min`, not both");
    }
    if let (Some(_), Some(b)) = (max, exclusive_max) {
        cx.error_spanned_by(b.tokens(), "use `max` or `exclusive_max`, not both");
    }
    let lower = min
        .as_ref()
        .map(|n| (n, "min"))
        .or(exclusive_min.as_ref().map(|n| (n, "exclusive_min")));
    let upper = max
        .as_ref()
        .map(|n| (n, "max"))
        .or(exclusive_max.as_ref().map(|n| (n, "exclusive_max")));
    if let (Some((lo, lo_name)), Some((hi, hi_name))) = (lower, upper) {
        let lo_text = lo.tokens().to_string().replace(' ', "");
        let hi_text = hi.tokens().to_string().replace(' ', "");
        let order = lo.compare(hi);
        if lo_name == "min" && hi_name == "max" {
            if order == Some(Ordering::Greater) {
                cx.error_spanned_by(
                    lo.tokens(),
                    format!("`min` ({lo_text}) is greater than `max` ({hi_text})"),
                );
            }
        } else if matches!(order, Some(Ordering::Greater | Ordering::Equal)) {
            cx.error_spanned_by(
                lo.tokens(),
                format!(
                    "the range is empty: `{lo_name}` ({lo_text}) must be less than `{hi_name}` ({hi_text})"
                ),
            );
        }
    }
    for n in bounds.into_iter().flatten() {
        if !n.is_finite() {
            cx.error_spanned_by(n.tokens(), "bounds must be finite numbers");
        }
    }
    if let Some(number) = number {
        let names = ["min", "max", "exclusive_min", "exclusive_max"];
        for (bound, name) in bounds.into_iter().zip(names) {
            if let Some(bound) = bound
                && bound.is_finite()
            {
                check_bound_fits(cx, bound, name, &number);
            }
        }
    }
}

/// A bound is a value of the field's number type: an integer within its range for an integer
/// type (an exclusive bound at the type's edge would admit nothing), a float within its finite
/// range for a float type. Anything else tells clients a bound no value can be near.
fn check_bound_fits(cx: &Ctxt, bound: &Num, name: &str, number: &NumberType) {
    let text = bound.tokens().to_string().replace(' ', "");
    let ty = &number.name;
    let Some((lo, hi)) = number.integer else {
        if let Num::Float(x, _) = bound
            && x.abs() > number.float_max
        {
            cx.error_spanned_by(
                bound.tokens(),
                format!(
                    "`{name} = {text}` is outside `{ty}`, whose finite values are {}",
                    number.span_text
                ),
            );
        }
        return;
    };
    if let Num::Float(x, _) = bound
        && x.fract() != 0.0
    {
        cx.error_spanned_by(
            bound.tokens(),
            format!("`{name} = {text}` is not an integer, and a `{ty}` is: write an integer bound"),
        );
        return;
    }
    let int = |v: i128| Num::Int(v, proc_macro2::TokenStream::new());
    let below = bound.compare(&int(lo)) == Some(Ordering::Less);
    let above = bound.compare(&int(hi)) == Some(Ordering::Greater);
    if below || above {
        cx.error_spanned_by(
            bound.tokens(),
            format!(
                "`{name} = {text}` is outside `{ty}`, whose values are {}",
                number.span_text
            ),
        );
    } else if name == "exclusive_max" && bound.compare(&int(lo)) == Some(Ordering::Equal) {
        cx.error_spanned_by(
            bound.tokens(),
            format!("`{name} = {text}` admits no `{ty}`: none is less than {lo}"),
        );
    } else if name == "exclusive_min" && bound.compare(&int(hi)) == Some(Ordering::Equal) {
        cx.error_spanned_by(
            bound.tokens(),
            format!("`{name} = {text}` admits no `{ty}`: none is greater than {hi}"),
        );
    }
}

/// A pattern literal is parsed here with `regex-syntax`, the parser of the `regex` crate, so an
/// invalid regex fails the build instead of every request. One that the runtime compiles (not a
/// plan of byte-set runs) is then built as `validate_core::pattern::compile` builds it, anchored,
/// by the same `regex` crate with the same limits, so that one too big to compile fails here too.
fn check_regex(cx: &Ctxt, lit: &LitStr) {
    let pattern = lit.value();
    if let Err(err) = regex_syntax::ParserBuilder::new().build().parse(&pattern) {
        let detail = match &err {
            regex_syntax::Error::Parse(e) => e.kind().to_string(),
            regex_syntax::Error::Translate(e) => e.kind().to_string(),
            _ => err.to_string(),
        };
        cx.error_spanned_by(lit, format!("invalid regex: {detail}"));
        return;
    }
    if crate::pattern::plan(&pattern).is_some() {
        return;
    }
    let anchored = regex::Regex::new(&format!(r"\A(?:{pattern})\z"))
        .or_else(|_| regex::Regex::new(&format!("\\A(?:{pattern}(?x)\n)\\z")));
    match anchored {
        Ok(_) => {}
        Err(regex::Error::CompiledTooBig(limit)) => cx.error_spanned_by(
            lit,
            format!(
                "this regex is too big for the `regex` crate: compiled, it exceeds its size limit \
                 of {limit} bytes, and every value would be rejected; bound the repetitions, or \
                 use narrower classes (`[0-9A-Za-z_]` for `\\w`, `(?-u:\\w)` for ASCII only)"
            ),
        ),
        Err(err) => cx.error_spanned_by(lit, format!("invalid regex: {err}")),
    }
}

/// Every scheme is one (RFC 3986), and a length cap allows something.
fn check_url(cx: &Ctxt, schemes: &[LitStr], max_length: &Option<Count>) {
    for scheme in schemes {
        let text = scheme.value();
        let valid = text.starts_with(|c: char| c.is_ascii_alphabetic())
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if !valid {
            cx.error_spanned_by(
                scheme,
                "not a URL scheme (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`)",
            );
        }
    }
    if let Some(max) = max_length
        && max.value == 0
    {
        cx.error_spanned_by(&max.lit, "`max_length` must be at least 1");
    }
}

/// `chars(..)` allows something, and every class is one.
fn check_chars(cx: &Ctxt, rule: &Rule, classes: &[Ident], literals: &[LitStr]) {
    if classes.is_empty() && literals.is_empty() {
        cx.error_spanned_by(
            &rule.name,
            "`chars(..)` needs at least one class or a string of characters",
        );
    }
    for class in classes {
        if CharClass::from_word(&class.to_string()).is_none() {
            let names: Vec<&str> = CharClass::words().collect();
            cx.error_spanned_by(
                class,
                format!(
                    "unknown character class `{class}`; the classes are {}",
                    names.join(", ")
                ),
            );
        }
    }
    for lit in literals {
        if lit.value().is_empty() {
            cx.error_spanned_by(lit, "empty string of characters");
        }
    }
}

/// `contains`, `prefix` and `suffix` with an empty string would hold for every value,
/// `not_contains` for none.
fn check_text(cx: &Ctxt, rule: &Rule, lit: &LitStr) {
    if lit.value().is_empty() {
        let verdict = if matches!(rule.kind, RuleKind::NotContains(_)) {
            "false"
        } else {
            "true"
        };
        cx.error_spanned_by(
            lit,
            format!("`{}` with an empty string is always {verdict}", rule.name),
        );
    }
}

/// `must_match` names another field of the same struct, and compares whole fields.
fn check_must_match(
    cx: &Ctxt,
    rule: &Rule,
    other: &Ident,
    siblings: &[Field],
    field: &Field,
    level: Level,
) {
    if level != Level::Field {
        cx.error_spanned_by(
            &rule.name,
            "`must_match` compares whole fields; it cannot go inside `each` or `keys`",
        );
    } else if other.unraw() == field.name {
        cx.error_spanned_by(other, "a field cannot `must_match` itself");
    } else {
        check_sibling(cx, other, " to match", siblings, field);
    }
}

/// `name` names a field of the struct other than `field`; the error lists them.
fn check_sibling(cx: &Ctxt, name: &Ident, purpose: &str, siblings: &[Field], field: &Field) {
    if !siblings.iter().any(|f| name.unraw() == f.name) {
        let names: Vec<&str> = siblings
            .iter()
            .map(|f| f.name.as_str())
            .filter(|n| *n != field.name)
            .collect();
        cx.error_spanned_by(
            name,
            format!(
                "no field `{name}`{purpose}; the fields are: {}",
                names.join(", ")
            ),
        );
    }
}

/// `sensitive` and `password` are about the whole field.
fn check_whole_field(cx: &Ctxt, rule: &Rule, level: Level) {
    if level != Level::Field {
        cx.error_spanned_by(
            &rule.name,
            format!(
                "`{}` applies to the whole field; put it outside `each` and `keys`",
                rule.name
            ),
        );
    }
}

/// zxcvbn's scores are 0 to 4, and `user_inputs` names sibling fields.
fn check_password(
    cx: &Ctxt,
    rule: &Rule,
    min_score: &Option<Count>,
    user_inputs: &[Ident],
    siblings: &[Field],
    field: &Field,
    level: Level,
) {
    check_whole_field(cx, rule, level);
    if let Some(score) = min_score
        && score.value > 4
    {
        cx.error_spanned_by(
            &score.lit,
            "`min_score` is a zxcvbn score, 0 to 4 (3: safely unguessable, the default)",
        );
    }
    for input in user_inputs {
        if input.unraw() == field.name {
            cx.error_spanned_by(input, "the password cannot be its own user input");
        } else {
            check_sibling(cx, input, "", siblings, field);
        }
    }
}

/// A password is verified exactly as the user typed it (OWASP ASVS 5.0 6.2.8): only the Unicode
/// forms, which change no character a user can see, may rewrite it.
fn check_password_normalizers(cx: &Ctxt, field: &Field) {
    if !field
        .rules
        .iter()
        .any(|r| matches!(r.kind, RuleKind::Password { .. }))
    {
        return;
    }
    for normalizer in &field.normalizers {
        let allowed = matches!(
            normalizer.kind,
            NormalizerKind::Str(
                StrNormalizer::Nfc | StrNormalizer::Nfkc | StrNormalizer::Nfd | StrNormalizer::Nfkd
            ) | NormalizerKind::With(_)
        );
        if !allowed {
            let name = &normalizer.name;
            cx.error_spanned_by(
                name,
                format!(
                    "`{name}` would change the password the user typed: verify a password exactly \
                     as received (OWASP ASVS 5.0 6.2.8); only the Unicode forms (`nfkc`, `nfc`, `nfkd`, `nfd`) may rewrite it"
                ),
            );
        }
    }
}

/// `one_of` and `none_of` list values, all strings or all numbers, each once.
fn check_literal_list(cx: &Ctxt, rule: &Rule, values: &[Literal]) {
    if values.is_empty() {
        cx.error_spanned_by(
            &rule.name,
            format!("`{}(..)` needs at least one value", rule.name),
        );
        return;
    }
    let first_is_string = matches!(values[0], Literal::Str(_));
    if let Some(odd) = values
        .iter()
        .find(|v| matches!(v, Literal::Str(_)) != first_is_string)
    {
        cx.error_spanned_by(
            odd.tokens(),
            format!(
                "`{}(..)` takes all strings or all numbers, not both",
                rule.name
            ),
        );
    }
    for (i, value) in values.iter().enumerate() {
        let repeated = values[..i].iter().any(|earlier| match (earlier, value) {
            (Literal::Str(a), Literal::Str(b)) => a.value() == b.value(),
            (Literal::Num(a), Literal::Num(b)) => a.compare(b) == Some(Ordering::Equal),
            _ => false,
        });
        if repeated {
            cx.error_spanned_by(value.tokens(), "duplicate value");
        }
    }
}
