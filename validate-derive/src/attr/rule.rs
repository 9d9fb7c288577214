//! `#[validate(..)]`: the rules of a field or a container, each parsed by the function of its
//! family.

use std::cmp::Ordering;

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::{Attribute, Ident, LitStr};

use super::Args;
use super::meta::{Item, NumberLit, Value, attr_items};
use super::suggest::{misplaced_override, unknown_rule};
use crate::ctxt::Ctxt;
use crate::symbol::{RuleName, VALIDATE};

pub struct Rule {
    pub name: Ident,
    pub kind: RuleKind,
    pub message: Option<LitStr>,
    pub code: Option<LitStr>,
    /// `message_id = ".."`: the message's id in Fluent catalogues.
    pub message_id: Option<LitStr>,
    /// Parsing this rule already reported a mistake; checks that would only restate it skip it.
    pub malformed: bool,
}

#[allow(clippy::large_enum_variant)] // built once per rule at compile time
pub enum RuleKind {
    Length {
        bytes: bool,
        min: Option<Count>,
        max: Option<Count>,
        equal: Option<Count>,
    },
    Range {
        min: Option<Num>,
        max: Option<Num>,
        exclusive_min: Option<Num>,
        exclusive_max: Option<Num>,
    },
    Pattern(PatternSource),
    Email {
        allow_single_label: bool,
        international: bool,
    },
    Url {
        schemes: Vec<LitStr>,
        max_length: Option<Count>,
        allow_credentials: bool,
        public: bool,
    },
    /// A rule without arguments whose check reads only the string (`hostname`, `ip`, `ipv4`,
    /// `ipv6`, `uuid`, `credit_card`, `ascii`, `alphanumeric`, `no_control`):
    /// `validate_core::rules::<name>::{check, error}`.
    Format(RuleName),
    Chars {
        classes: Vec<Ident>,
        literals: Vec<LitStr>,
    },
    OneOf(Vec<Literal>),
    NoneOf(Vec<Literal>),
    Contains(LitStr),
    NotContains(LitStr),
    Prefix(LitStr),
    Suffix(LitStr),
    Required,
    MustMatch(Ident),
    Nested,
    Sensitive,
    /// `password(min_score = N, user_inputs(field, ..))`: scored by zxcvbn.
    Password {
        min_score: Option<Count>,
        user_inputs: Vec<Ident>,
    },
    Each(Vec<Rule>),
    Keys(Vec<Rule>),
    Custom(syn::Path),
    /// `custom(f, context)`: `f(&T, &C)`.
    CustomContext(syn::Path),
    /// `async_custom(f)`: `async f(&T, &C)`, run after every other rule.
    AsyncCustom(syn::Path),
}

impl RuleKind {
    /// Whether the rule reads the value as a string (`AsStr`).
    pub fn reads_str(&self) -> bool {
        match self {
            RuleKind::Pattern(_)
            | RuleKind::Email { .. }
            | RuleKind::Url { .. }
            | RuleKind::Format(_)
            | RuleKind::Chars { .. }
            | RuleKind::Contains(_)
            | RuleKind::NotContains(_)
            | RuleKind::Prefix(_)
            | RuleKind::Suffix(_)
            | RuleKind::Password { .. } => true,
            RuleKind::OneOf(values) | RuleKind::NoneOf(values) => {
                values.iter().all(|v| matches!(v, Literal::Str(_)))
            }
            RuleKind::Length { .. }
            | RuleKind::Range { .. }
            | RuleKind::Required
            | RuleKind::MustMatch(_)
            | RuleKind::Nested
            | RuleKind::Sensitive
            | RuleKind::Each(_)
            | RuleKind::Keys(_)
            | RuleKind::Custom(_)
            | RuleKind::CustomContext(_)
            | RuleKind::AsyncCustom(_) => false,
        }
    }
}

impl Rule {
    /// A rule without a `message` or `code` of its own.
    fn plain(name: Ident, kind: RuleKind) -> Self {
        Rule {
            name,
            kind,
            message: None,
            code: None,
            message_id: None,
            malformed: false,
        }
    }
}

/// A non-negative integer literal.
#[derive(Clone)]
pub struct Count {
    pub lit: syn::LitInt,
    pub value: usize,
}

/// A number literal as written (with its sign), and its value: integers exactly.
#[derive(Clone)]
pub enum Num {
    Int(i128, TokenStream),
    Float(f64, TokenStream),
}

impl Num {
    /// The number `value` holds, or `msg` reported under it.
    pub(super) fn of(cx: &Ctxt, value: &Value, msg: &str) -> Option<Num> {
        let Value::Number {
            negative,
            lit,
            tokens,
        } = value
        else {
            cx.error_spanned_by(value.tokens(), msg);
            return None;
        };
        let tokens = tokens.clone();
        let parsed = match lit {
            NumberLit::Int(lit) => lit
                .base10_parse::<i128>()
                .map(|v| Num::Int(if *negative { -v } else { v }, tokens)),
            NumberLit::Float(lit) => lit
                .base10_parse::<f64>()
                .map(|v| Num::Float(if *negative { -v } else { v }, tokens)),
        };
        parsed.map_err(|err| cx.syn_error(err)).ok()
    }

    /// The literal as written.
    pub fn tokens(&self) -> &TokenStream {
        match self {
            Num::Int(_, tokens) | Num::Float(_, tokens) => tokens,
        }
    }

    pub fn is_finite(&self) -> bool {
        match self {
            Num::Int(..) => true,
            Num::Float(x, _) => x.is_finite(),
        }
    }

    /// Compares the values exactly, also an integer beyond 2^53 with a float; `None` for NaN.
    pub fn compare(&self, other: &Num) -> Option<Ordering> {
        match (self, other) {
            (Num::Int(a, _), Num::Int(b, _)) => Some(a.cmp(b)),
            (Num::Float(a, _), Num::Float(b, _)) => a.partial_cmp(b),
            (Num::Int(a, _), Num::Float(b, _)) => compare_int_float(*a, *b),
            (Num::Float(a, _), Num::Int(b, _)) => compare_int_float(*b, *a).map(Ordering::reverse),
        }
    }
}

/// `a` against `b`, exactly: through `b`'s integer part, then its fraction.
fn compare_int_float(a: i128, b: f64) -> Option<Ordering> {
    // 2^127: beyond it, no i128 reaches.
    const LIMIT: f64 = 170_141_183_460_469_231_731_687_303_715_884_105_728.0;
    if b.is_nan() {
        None
    } else if b >= LIMIT {
        Some(Ordering::Less)
    } else if b < -LIMIT {
        Some(Ordering::Greater)
    } else {
        let whole = b.trunc();
        // `whole` is an integer within i128's range, so the conversion is exact.
        Some(a.cmp(&(whole as i128)).then(0.0.partial_cmp(&(b - whole))?))
    }
}

/// A value in `one_of` / `none_of`.
#[derive(Clone)]
pub enum Literal {
    Str(LitStr),
    Num(Num),
}

pub enum PatternSource {
    Literal(LitStr),
    Path(syn::Path),
}

/// The `#[validate(..)]` rules of a field or container.
pub fn rules(cx: &Ctxt, attrs: &[Attribute]) -> Vec<Rule> {
    parse_rules(cx, attr_items(cx, attrs, VALIDATE))
}

/// A struct's or enum's `#[validate(..)]`: its rules, and the `context = C` its rules read.
pub fn container_rules(cx: &Ctxt, attrs: &[Attribute]) -> (Vec<Rule>, Option<syn::Type>) {
    let mut context = None;
    let mut items = Vec::new();
    for item in attr_items(cx, attrs, VALIDATE) {
        match item {
            Item::KeyValue(key, value) if key == "context" => {
                match syn::parse2::<syn::Type>(value.tokens()) {
                    Ok(ty) if context.is_none() => context = Some(ty),
                    Ok(_) => cx.error_spanned_by(&key, "duplicate `context`"),
                    Err(_) => cx.error_spanned_by(
                        value.tokens(),
                        "`context` takes a type: `context = Accounts`",
                    ),
                }
            }
            other => items.push(other),
        }
    }
    (parse_rules(cx, items), context)
}

fn parse_rules(cx: &Ctxt, items: Vec<Item>) -> Vec<Rule> {
    let mut rules: Vec<Rule> = Vec::new();
    for item in items {
        if let Item::KeyValue(name, value) = &item
            && (name == "message" || name == "code" || name == "message_id")
        {
            misplaced_override(cx, name, value, rules.last());
            continue;
        }
        let before = cx.error_count();
        if let Some(mut rule) = parse_rule(cx, item) {
            rule.malformed = cx.error_count() > before;
            rules.push(rule);
        }
    }
    rules
}

fn parse_rule(cx: &Ctxt, item: Item) -> Option<Rule> {
    let (name, items) = match item {
        Item::Flag(name) => (name, Vec::new()),
        Item::Call(name, items, _) => (name, items),
        Item::KeyValue(name, value) => return parse_assigned(cx, name, value),
        Item::Value(value) => {
            cx.error_spanned_by(value.tokens(), "expected a rule name");
            return None;
        }
    };
    let word = name.unraw().to_string();
    if word == RuleName::Each.word() || word == RuleName::Keys.word() {
        return parse_each(cx, name, items);
    }
    let before = cx.error_count();
    let mut args = Args::new(cx, items);
    let kind = match RuleName::from_word(&word) {
        Some(RuleName::Length) => Some(parse_length(cx, &mut args)),
        Some(RuleName::Range) => Some(RuleKind::Range {
            min: args.num(cx, "min"),
            max: args.num(cx, "max"),
            exclusive_min: args.num(cx, "exclusive_min"),
            exclusive_max: args.num(cx, "exclusive_max"),
        }),
        Some(RuleName::Pattern) => parse_pattern(cx, &name, &mut args, before),
        Some(RuleName::Email) => Some(RuleKind::Email {
            allow_single_label: args.flag(cx, "allow_single_label"),
            international: args.flag(cx, "international"),
        }),
        Some(RuleName::Url) => Some(parse_url(cx, &mut args)),
        Some(
            format @ (RuleName::Hostname
            | RuleName::Ip
            | RuleName::Ipv4
            | RuleName::Ipv6
            | RuleName::Uuid
            | RuleName::CreditCard
            | RuleName::Ascii
            | RuleName::Alphanumeric
            | RuleName::NoControl),
        ) => Some(RuleKind::Format(format)),
        Some(RuleName::Chars) => Some(parse_chars(&mut args)),
        Some(list @ (RuleName::OneOf | RuleName::NoneOf)) => Some(parse_list(cx, list, &mut args)),
        Some(
            text @ (RuleName::Contains
            | RuleName::NotContains
            | RuleName::Prefix
            | RuleName::Suffix),
        ) => parse_text(cx, &name, text, &mut args),
        Some(RuleName::Required) => Some(RuleKind::Required),
        Some(RuleName::Nested) => Some(RuleKind::Nested),
        Some(RuleName::Sensitive) => Some(RuleKind::Sensitive),
        Some(RuleName::Password) => Some(parse_password(cx, &mut args)),
        Some(RuleName::MustMatch) => parse_must_match(cx, &name, &mut args),
        Some(RuleName::Custom) => parse_custom(cx, &name, &mut args).map(|function| {
            if args.flag(cx, "context") {
                RuleKind::CustomContext(function)
            } else {
                RuleKind::Custom(function)
            }
        }),
        Some(RuleName::AsyncCustom) => {
            parse_custom(cx, &name, &mut args).map(RuleKind::AsyncCustom)
        }
        Some(RuleName::Each | RuleName::Keys) => unreachable!("parsed above"),
        None => {
            unknown_rule(cx, &name);
            return None;
        }
    };
    let Some(kind) = kind else {
        args.finish(cx, &name);
        return None;
    };
    let message = args.message.take();
    let code = args.code.take();
    let message_id = args.message_id.take();
    args.finish(cx, &name);
    Some(Rule {
        name,
        kind,
        message,
        code,
        message_id,
        malformed: false,
    })
}

/// `pattern = "..", contains = "..", not_contains = "..", prefix = "..", suffix = ".."`
fn parse_assigned(cx: &Ctxt, name: Ident, value: Value) -> Option<Rule> {
    let word = name.unraw().to_string();
    let lit = match value {
        Value::Str(lit) => lit,
        other => {
            cx.error_spanned_by(other.tokens(), format!("`{word}` takes a string literal"));
            return None;
        }
    };
    let kind = match RuleName::from_word(&word) {
        Some(RuleName::Pattern) => RuleKind::Pattern(PatternSource::Literal(lit)),
        Some(RuleName::Contains) => RuleKind::Contains(lit),
        Some(RuleName::NotContains) => RuleKind::NotContains(lit),
        Some(RuleName::Prefix) => RuleKind::Prefix(lit),
        Some(RuleName::Suffix) => RuleKind::Suffix(lit),
        Some(_) => {
            cx.error_spanned_by(
                &name,
                format!("`{word}` is not written `{word} = ..`; see the rule table"),
            );
            return None;
        }
        None => {
            unknown_rule(cx, &name);
            return None;
        }
    };
    Some(Rule::plain(name, kind))
}

/// `each(rules..)`, `keys(rules..)`
fn parse_each(cx: &Ctxt, name: Ident, items: Vec<Item>) -> Option<Rule> {
    let word = name.unraw().to_string();
    let mut args = Args::new(cx, items);
    let rules = parse_rules(cx, std::mem::take(&mut args.items));
    if let Some(lit) = args
        .message
        .as_ref()
        .or(args.code.as_ref())
        .or(args.message_id.as_ref())
    {
        cx.error_spanned_by(
            lit,
            format!(
                "`{word}` has no message, code or message id of its own; set them on the rules inside"
            ),
        );
    }
    if rules.is_empty() {
        cx.error_spanned_by(&name, format!("`{word}(..)` needs at least one rule"));
    }
    let kind = if word == RuleName::Each.word() {
        RuleKind::Each(rules)
    } else {
        RuleKind::Keys(rules)
    };
    Some(Rule::plain(name, kind))
}

/// `length(bytes, min = , max = , equal = )`
fn parse_length(cx: &Ctxt, args: &mut Args) -> RuleKind {
    let bytes = args.flag(cx, "bytes");
    let min = args.count(cx, "min");
    let max = args.count(cx, "max");
    let equal = args.count(cx, "equal");
    RuleKind::Length {
        bytes,
        min,
        max,
        equal,
    }
}

/// The count `value` holds, or an error naming the argument `name`.
pub(super) fn count_of(cx: &Ctxt, value: Value, name: &str) -> Option<Count> {
    match value {
        Value::Number {
            negative: false,
            lit: NumberLit::Int(lit),
            ..
        } => match lit.base10_parse::<usize>() {
            Ok(value) => Some(Count { lit, value }),
            Err(err) => {
                cx.syn_error(err);
                None
            }
        },
        other => {
            cx.error_spanned_by(
                other.tokens(),
                format!("`{name}` takes a non-negative integer literal"),
            );
            None
        }
    }
}

/// `pattern("re")`, `pattern(path = RE)`
fn parse_pattern(cx: &Ctxt, name: &Ident, args: &mut Args, before: usize) -> Option<RuleKind> {
    let source = if let Some((_, value)) = args.key(cx, "path") {
        match value {
            Value::Path(path) => Some(PatternSource::Path(path)),
            Value::Other(tokens) if starts_with_star(&tokens) => {
                cx.error_spanned_by(
                    tokens,
                    "drop the `*`: `pattern(path = RE)` takes the static itself, and reads a \
                     `LazyLock<Regex>` through it",
                );
                None
            }
            other => {
                cx.error_spanned_by(
                    other.tokens(),
                    "`pattern(path = ..)` takes the path of a static `Regex`",
                );
                None
            }
        }
    } else {
        take_str(args).map(PatternSource::Literal)
    };
    if source.is_none() && cx.error_count() == before {
        cx.error_spanned_by(
            name,
            "`pattern` needs a regex: `pattern = \"..\"` or `pattern(path = RE)`",
        );
    }
    source.map(RuleKind::Pattern)
}

/// Whether `tokens` begin with `*`, as validator's `regex(path = *RE)` does.
fn starts_with_star(tokens: &proc_macro2::TokenStream) -> bool {
    matches!(
        tokens.clone().into_iter().next(),
        Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == '*'
    )
}

/// `url(schemes("https", ..), max_length = N, allow_credentials, public)`
fn parse_url(cx: &Ctxt, args: &mut Args) -> RuleKind {
    let mut schemes = Vec::new();
    if let Some((key, items)) = args.call(cx, "schemes") {
        for item in items {
            match item {
                Item::Value(Value::Str(lit)) => schemes.push(lit),
                other => {
                    cx.error_spanned_by(other.span_tokens(), "`schemes(..)` takes string literals")
                }
            }
        }
        if schemes.is_empty() {
            cx.error_spanned_by(&key, "`schemes(..)` needs at least one scheme");
        }
    }
    RuleKind::Url {
        schemes,
        max_length: args.count(cx, "max_length"),
        allow_credentials: args.flag(cx, "allow_credentials"),
        public: args.flag(cx, "public"),
    }
}

/// `password`, `password(min_score = N, user_inputs(field, ..))`
fn parse_password(cx: &Ctxt, args: &mut Args) -> RuleKind {
    let mut user_inputs = Vec::new();
    if let Some((_, items)) = args.call(cx, "user_inputs") {
        for item in items {
            match item {
                Item::Flag(field) => user_inputs.push(field),
                other => cx.error_spanned_by(
                    other.span_tokens(),
                    "`user_inputs(..)` takes the names of sibling fields",
                ),
            }
        }
    }
    RuleKind::Password {
        min_score: args.count(cx, "min_score"),
        user_inputs,
    }
}

/// `chars(class.., "literal chars")`
fn parse_chars(args: &mut Args) -> RuleKind {
    let mut classes = Vec::new();
    let mut literals = Vec::new();
    for item in std::mem::take(&mut args.items) {
        match item {
            Item::Flag(ident) => classes.push(ident),
            Item::Value(Value::Str(lit)) => literals.push(lit),
            other => args.items.push(other),
        }
    }
    RuleKind::Chars { classes, literals }
}

/// `one_of(..)`, `none_of(..)`
fn parse_list(cx: &Ctxt, rule: RuleName, args: &mut Args) -> RuleKind {
    let mut values = Vec::new();
    for item in std::mem::take(&mut args.items) {
        match item {
            Item::Value(Value::Str(lit)) => values.push(Literal::Str(lit)),
            Item::Value(value @ Value::Number { .. }) => {
                if let Some(num) = Num::of(cx, &value, "expected a number") {
                    values.push(Literal::Num(num));
                }
            }
            other => args.items.push(other),
        }
    }
    if rule == RuleName::OneOf {
        RuleKind::OneOf(values)
    } else {
        RuleKind::NoneOf(values)
    }
}

/// `contains(".."), not_contains(".."), prefix(".."), suffix("..")`, and validator's
/// `contains(pattern = "..")` (the spelling schemars's derive reads).
fn parse_text(cx: &Ctxt, name: &Ident, rule: RuleName, args: &mut Args) -> Option<RuleKind> {
    let lit = match take_str(args) {
        None if rule == RuleName::Contains => match args.key(cx, "pattern") {
            Some((_, Value::Str(lit))) => Some(lit),
            Some((_, other)) => {
                cx.error_spanned_by(other.tokens(), "`pattern` takes a string literal");
                None
            }
            None => None,
        },
        lit => lit,
    };
    let Some(lit) = lit else {
        let word = rule.word();
        cx.error_spanned_by(name, format!("`{word}` needs a string: `{word} = \"..\"`"));
        return None;
    };
    Some(match rule {
        RuleName::Contains => RuleKind::Contains(lit),
        RuleName::NotContains => RuleKind::NotContains(lit),
        RuleName::Prefix => RuleKind::Prefix(lit),
        _ => RuleKind::Suffix(lit),
    })
}

/// `must_match(other_field)`
fn parse_must_match(cx: &Ctxt, name: &Ident, args: &mut Args) -> Option<RuleKind> {
    let other = args.first(|item| match item {
        Item::Flag(other) => Ok(other),
        other => Err(other),
    });
    if other.is_none() {
        cx.error_spanned_by(
            name,
            "`must_match` needs a field: `must_match(other_field)`",
        );
    }
    other.map(RuleKind::MustMatch)
}

/// `custom(path::to::check)`
fn parse_custom(cx: &Ctxt, name: &Ident, args: &mut Args) -> Option<syn::Path> {
    let function = args.first(|item| match item {
        Item::Flag(ident) => Ok(syn::Path::from(ident)),
        Item::Value(Value::Path(path)) => Ok(path),
        other => Err(other),
    });
    if function.is_none() {
        cx.error_spanned_by(
            name,
            format!("`{name}` needs a function: `{name}(path::to::check)`"),
        );
    }
    function
}

/// The first string literal among the arguments.
fn take_str(args: &mut Args) -> Option<LitStr> {
    args.first(|item| match item {
        Item::Value(Value::Str(lit)) => Ok(lit),
        other => Err(other),
    })
}

impl Literal {
    /// The literal as written.
    pub fn tokens(&self) -> TokenStream {
        match self {
            Literal::Str(lit) => lit.to_token_stream(),
            Literal::Num(num) => num.tokens().clone(),
        }
    }
}
