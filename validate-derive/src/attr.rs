//! Parsing of `#[validate(..)]`, `#[normalize(..)]` and the serde attributes that decide wire
//! names. Parsing records every mistake in the `Ctxt` and goes on with the next item, so one
//! compilation shows all of them; it never generates code.

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Ident, LitStr, Token};

use crate::ctxt::Ctxt;
use crate::symbol::{CODE, MESSAGE, NORMALIZE, SERDE, VALIDATE};

/// One item of an attribute's argument list, before it is given a meaning.
pub enum Item {
    /// `name`
    Flag(Ident),
    /// `name = value`
    KeyValue(Ident, Value),
    /// `name(items..)`
    Call(Ident, Vec<Item>, TokenStream),
    /// A bare value: a literal or a path.
    Value(Value),
}

impl Item {
    fn span_tokens(&self) -> TokenStream {
        match self {
            Item::Flag(ident) => ident.to_token_stream(),
            Item::KeyValue(ident, value) => {
                let mut tokens = ident.to_token_stream();
                tokens.extend(value.tokens());
                tokens
            }
            Item::Call(ident, _, group) => {
                let mut tokens = ident.to_token_stream();
                tokens.extend(group.clone());
                tokens
            }
            Item::Value(value) => value.tokens(),
        }
    }
}

/// A literal (with an optional minus sign) or a path.
#[derive(Clone)]
pub enum Value {
    Str(LitStr),
    Int {
        negative: bool,
        lit: syn::LitInt,
        tokens: TokenStream,
    },
    Float {
        negative: bool,
        lit: syn::LitFloat,
        tokens: TokenStream,
    },
    Bool(syn::LitBool),
    Path(syn::Path),
    Other(TokenStream),
}

impl Value {
    pub fn tokens(&self) -> TokenStream {
        match self {
            Value::Str(lit) => lit.to_token_stream(),
            Value::Int { tokens, .. } | Value::Float { tokens, .. } | Value::Other(tokens) => {
                tokens.clone()
            }
            Value::Bool(lit) => lit.to_token_stream(),
            Value::Path(path) => path.to_token_stream(),
        }
    }
}

fn parse_value(input: ParseStream) -> syn::Result<Value> {
    if input.peek(Token![-]) {
        let minus: Token![-] = input.parse()?;
        let lit: syn::Lit = input.parse()?;
        let mut tokens = minus.to_token_stream();
        tokens.extend(lit.to_token_stream());
        return match lit {
            syn::Lit::Int(lit) => Ok(Value::Int {
                negative: true,
                lit,
                tokens,
            }),
            syn::Lit::Float(lit) => Ok(Value::Float {
                negative: true,
                lit,
                tokens,
            }),
            other => Err(syn::Error::new(other.span(), "expected a number after `-`")),
        };
    }
    if input.peek(syn::Lit) {
        let lit: syn::Lit = input.parse()?;
        let tokens = lit.to_token_stream();
        return Ok(match lit {
            syn::Lit::Str(lit) => Value::Str(lit),
            syn::Lit::Int(lit) => Value::Int {
                negative: false,
                lit,
                tokens,
            },
            syn::Lit::Float(lit) => Value::Float {
                negative: false,
                lit,
                tokens,
            },
            syn::Lit::Bool(lit) => Value::Bool(lit),
            _ => Value::Other(tokens),
        });
    }
    if input.peek(Ident::peek_any) || input.peek(Token![::]) || input.peek(Token![crate]) {
        return Ok(Value::Path(input.call(syn::Path::parse_mod_style)?));
    }
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        tokens.extend(std::iter::once(input.parse::<TokenTree>()?));
    }
    if tokens.is_empty() {
        return Err(input.error("expected a value"));
    }
    Ok(Value::Other(tokens))
}

fn parse_item(input: ParseStream) -> syn::Result<Item> {
    if !(input.peek(Ident::peek_any) || input.peek(Token![::])) {
        return parse_value(input).map(Item::Value);
    }
    let path = input.call(syn::Path::parse_mod_style)?;
    let Some(ident) = path.get_ident().cloned() else {
        return Ok(Item::Value(Value::Path(path)));
    };
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        return Ok(Item::KeyValue(ident, parse_value(input)?));
    }
    if input.peek(syn::token::Paren) {
        let content;
        let paren = syn::parenthesized!(content in input);
        let mut group = TokenStream::new();
        paren.surround(&mut group, |_| {});
        let items = parse_items(&content)?;
        return Ok(Item::Call(ident, items, group));
    }
    Ok(Item::Flag(ident))
}

fn parse_items(input: ParseStream) -> syn::Result<Vec<Item>> {
    let mut items = Vec::new();
    while !input.is_empty() {
        items.push(parse_item(input)?);
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(items)
}

/// Parses a comma-separated list, recording a bad item in `cx` and going on with the next one.
fn parse_items_lenient(input: ParseStream, cx: &Ctxt) -> Vec<Item> {
    let mut items = Vec::new();
    while !input.is_empty() {
        match parse_item(input) {
            Ok(item) => items.push(item),
            Err(err) => {
                cx.syn_error(err);
                skip_to_comma(input);
            }
        }
        if input.is_empty() {
            break;
        }
        if let Err(err) = input.parse::<Token![,]>() {
            cx.syn_error(err);
            skip_to_comma(input);
            let _ = input.parse::<Token![,]>();
        }
    }
    items
}

fn skip_to_comma(input: ParseStream) {
    while !input.is_empty() && !input.peek(Token![,]) {
        if input.parse::<TokenTree>().is_err() {
            break;
        }
    }
}

/// The items of every attribute named `name`, in order.
fn attr_items(cx: &Ctxt, attrs: &[Attribute], name: &str) -> Vec<Item> {
    let mut items = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident(name)) {
        match &attr.meta {
            syn::Meta::List(list) => {
                let parser = |input: ParseStream| Ok(parse_items_lenient(input, cx));
                match parser.parse2(list.tokens.clone()) {
                    Ok(mut parsed) => items.append(&mut parsed),
                    Err(err) => cx.syn_error(err),
                }
            }
            other => cx.error_spanned_by(other, format!("expected `#[{name}(...)]`")),
        }
    }
    items
}

// ---------------------------------------------------------------------------------------------
// Rules

/// A number literal as written, with its value.
#[derive(Clone)]
pub struct Num {
    pub tokens: TokenStream,
    pub value: f64,
    pub int: Option<i128>,
}

/// A non-negative integer literal.
#[derive(Clone)]
pub struct Count {
    pub lit: syn::LitInt,
    pub value: usize,
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

/// A format rule that takes no parameters.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Hostname,
    Ip,
    Ipv4,
    Ipv6,
    Uuid,
    CreditCard,
    Ascii,
    Alphanumeric,
    NoControl,
}

impl Format {
    pub fn module(self) -> &'static str {
        match self {
            Format::Hostname => "hostname",
            Format::Ip => "ip",
            Format::Ipv4 => "ipv4",
            Format::Ipv6 => "ipv6",
            Format::Uuid => "uuid",
            Format::CreditCard => "credit_card",
            Format::Ascii => "ascii",
            Format::Alphanumeric => "alphanumeric",
            Format::NoControl => "no_control",
        }
    }

    /// The predicate in `validate_core` that checks it.
    pub fn predicate(self) -> &'static str {
        match self {
            Format::Hostname => "formats::is_hostname",
            Format::Ip => "formats::is_ip",
            Format::Ipv4 => "formats::is_ipv4",
            Format::Ipv6 => "formats::is_ipv6",
            Format::Uuid => "formats::is_uuid",
            Format::CreditCard => "formats::is_credit_card",
            Format::Ascii => "rules::ascii::check",
            Format::Alphanumeric => "rules::alphanumeric::check",
            Format::NoControl => "rules::no_control::check",
        }
    }
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
    },
    Format(Format),
    Chars {
        classes: Vec<Ident>,
        literals: Vec<LitStr>,
    },
    OneOf(Vec<Literal>),
    NoneOf(Vec<Literal>),
    Contains(LitStr),
    Prefix(LitStr),
    Suffix(LitStr),
    Required,
    MustMatch(Ident),
    Nested,
    Sensitive,
    Each(Vec<Rule>),
    Keys(Vec<Rule>),
    Custom(syn::Path),
}

pub struct Rule {
    pub name: Ident,
    pub kind: RuleKind,
    pub message: Option<LitStr>,
    pub code: Option<LitStr>,
    /// Parsing this rule already reported a mistake; checks that would only restate it skip it.
    pub malformed: bool,
}

/// The `#[validate(..)]` rules of a field or container.
pub fn rules(cx: &Ctxt, attrs: &[Attribute]) -> Vec<Rule> {
    let items = attr_items(cx, attrs, VALIDATE);
    parse_rules(cx, items)
}

fn parse_rules(cx: &Ctxt, items: Vec<Item>) -> Vec<Rule> {
    items
        .into_iter()
        .filter_map(|item| {
            let before = cx.error_count();
            let mut rule = parse_rule(cx, item)?;
            rule.malformed = cx.error_count() > before;
            Some(rule)
        })
        .collect()
}

/// The arguments of one rule, consumed as the rule reads them; what is left over is an error.
struct Args {
    items: Vec<Item>,
    message: Option<LitStr>,
    code: Option<LitStr>,
}

impl Args {
    fn new(cx: &Ctxt, items: Vec<Item>) -> Self {
        let mut args = Args {
            items: Vec::new(),
            message: None,
            code: None,
        };
        for item in items {
            match item {
                Item::KeyValue(key, value) if key == MESSAGE || key == CODE => {
                    let slot = if key == MESSAGE {
                        &mut args.message
                    } else {
                        &mut args.code
                    };
                    match value {
                        Value::Str(lit) if slot.is_none() => *slot = Some(lit),
                        Value::Str(_) => cx.error_spanned_by(&key, format!("duplicate `{key}`")),
                        other => cx.error_spanned_by(
                            other.tokens(),
                            format!("`{key}` takes a string literal"),
                        ),
                    }
                }
                other => args.items.push(other),
            }
        }
        args
    }

    fn flag(&mut self, name: &str) -> bool {
        let position = self
            .items
            .iter()
            .position(|item| matches!(item, Item::Flag(ident) if ident == name));
        position.map(|i| self.items.remove(i)).is_some()
    }

    fn key(&mut self, cx: &Ctxt, name: &str) -> Option<(Ident, Value)> {
        let mut found = None;
        let mut rest = Vec::new();
        for item in std::mem::take(&mut self.items) {
            match item {
                Item::KeyValue(key, value) if key == name => {
                    if found.is_some() {
                        cx.error_spanned_by(&key, format!("duplicate `{name}`"));
                    } else {
                        found = Some((key, value));
                    }
                }
                other => rest.push(other),
            }
        }
        self.items = rest;
        found
    }

    fn call(&mut self, cx: &Ctxt, name: &str) -> Option<(Ident, Vec<Item>)> {
        let mut found = None;
        let mut rest = Vec::new();
        for item in std::mem::take(&mut self.items) {
            match item {
                Item::Call(key, items, _) if key == name => {
                    if found.is_some() {
                        cx.error_spanned_by(&key, format!("duplicate `{name}`"));
                    } else {
                        found = Some((key, items));
                    }
                }
                other => rest.push(other),
            }
        }
        self.items = rest;
        found
    }

    fn count(&mut self, cx: &Ctxt, name: &str) -> Option<Count> {
        let (_, value) = self.key(cx, name)?;
        match value {
            Value::Int {
                negative: false,
                lit,
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

    fn num(&mut self, cx: &Ctxt, name: &str) -> Option<Num> {
        let (_, value) = self.key(cx, name)?;
        num_of(cx, &value, &format!("`{name}` takes a number literal"))
    }

    /// Reports every argument no one asked for.
    fn finish(self, cx: &Ctxt, rule: &Ident) {
        for item in self.items {
            let what = match &item {
                Item::Flag(ident) | Item::KeyValue(ident, _) | Item::Call(ident, _, _) => {
                    format!("unknown argument `{ident}` for `{rule}`")
                }
                Item::Value(_) => format!("unexpected value for `{rule}`"),
            };
            cx.error_spanned_by(item.span_tokens(), what);
        }
    }
}

fn num_of(cx: &Ctxt, value: &Value, msg: &str) -> Option<Num> {
    match value {
        Value::Int {
            negative,
            lit,
            tokens,
        } => match lit.base10_parse::<i128>() {
            Ok(v) => {
                let v = if *negative { -v } else { v };
                Some(Num {
                    tokens: tokens.clone(),
                    value: v as f64,
                    int: Some(v),
                })
            }
            Err(err) => {
                cx.syn_error(err);
                None
            }
        },
        Value::Float {
            negative,
            lit,
            tokens,
        } => match lit.base10_parse::<f64>() {
            Ok(v) => Some(Num {
                tokens: tokens.clone(),
                value: if *negative { -v } else { v },
                int: None,
            }),
            Err(err) => {
                cx.syn_error(err);
                None
            }
        },
        other => {
            cx.error_spanned_by(other.tokens(), msg);
            None
        }
    }
}

fn parse_rule(cx: &Ctxt, item: Item) -> Option<Rule> {
    let (name, args, assigned) = match item {
        Item::Flag(name) => (name, Vec::new(), None),
        Item::Call(name, items, _) => (name, items, None),
        Item::KeyValue(name, value) => (name, Vec::new(), Some(value)),
        Item::Value(value) => {
            cx.error_spanned_by(value.tokens(), "expected a rule name");
            return None;
        }
    };
    let rule_name = name.unraw().to_string();

    // `pattern = "..", contains = "..", prefix = "..", suffix = ".."`
    if let Some(value) = assigned {
        let lit = match value {
            Value::Str(lit) => lit,
            other => {
                cx.error_spanned_by(
                    other.tokens(),
                    format!("`{rule_name}` takes a string literal"),
                );
                return None;
            }
        };
        let kind = match rule_name.as_str() {
            "pattern" => RuleKind::Pattern(PatternSource::Literal(lit)),
            "contains" => RuleKind::Contains(lit),
            "prefix" => RuleKind::Prefix(lit),
            "suffix" => RuleKind::Suffix(lit),
            _ if crate::symbol::RULES.contains(&rule_name.as_str()) => {
                cx.error_spanned_by(
                    &name,
                    format!("`{rule_name}` is not written `{rule_name} = ..`; see the rule table"),
                );
                return None;
            }
            _ => {
                unknown_rule(cx, &name);
                return None;
            }
        };
        return Some(Rule {
            name,
            kind,
            message: None,
            code: None,
            malformed: false,
        });
    }

    if rule_name == "each" || rule_name == "keys" {
        let mut args = Args::new(cx, args);
        let rules = parse_rules(cx, std::mem::take(&mut args.items));
        if let Some(lit) = args.message.as_ref().or(args.code.as_ref()) {
            cx.error_spanned_by(
                lit,
                format!(
                    "`{rule_name}` has no message or code of its own; set them on the rules inside"
                ),
            );
        }
        if rules.is_empty() {
            cx.error_spanned_by(&name, format!("`{rule_name}(..)` needs at least one rule"));
        }
        let kind = if rule_name == "each" {
            RuleKind::Each(rules)
        } else {
            RuleKind::Keys(rules)
        };
        return Some(Rule {
            name,
            kind,
            message: None,
            code: None,
            malformed: false,
        });
    }

    let before = cx.error_count();
    let mut args = Args::new(cx, args);
    let kind = match rule_name.as_str() {
        "length" => {
            let bytes = args.flag("bytes");
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
        "range" => RuleKind::Range {
            min: args.num(cx, "min"),
            max: args.num(cx, "max"),
            exclusive_min: args.num(cx, "exclusive_min"),
            exclusive_max: args.num(cx, "exclusive_max"),
        },
        "pattern" => {
            let source = if let Some((_, value)) = args.key(cx, "path") {
                match value {
                    Value::Path(path) => Some(PatternSource::Path(path)),
                    other => {
                        cx.error_spanned_by(
                            other.tokens(),
                            "`pattern(path = ..)` takes the path of a static `Regex`",
                        );
                        None
                    }
                }
            } else {
                take_str(&mut args).map(PatternSource::Literal)
            };
            match source {
                Some(source) => RuleKind::Pattern(source),
                None => {
                    if cx.error_count() == before {
                        cx.error_spanned_by(
                            &name,
                            "`pattern` needs a regex: `pattern = \"..\"` or `pattern(path = RE)`",
                        );
                    }
                    args.finish(cx, &name);
                    return None;
                }
            }
        }
        "email" => RuleKind::Email {
            allow_single_label: args.flag("allow_single_label"),
            international: args.flag("international"),
        },
        "url" => {
            let schemes = match args.call(cx, "schemes") {
                Some((key, items)) => {
                    let mut schemes = Vec::new();
                    for item in items {
                        match item {
                            Item::Value(Value::Str(lit)) => schemes.push(lit),
                            other => cx.error_spanned_by(
                                other.span_tokens(),
                                "`schemes(..)` takes string literals",
                            ),
                        }
                    }
                    if schemes.is_empty() {
                        cx.error_spanned_by(&key, "`schemes(..)` needs at least one scheme");
                    }
                    schemes
                }
                None => Vec::new(),
            };
            RuleKind::Url {
                schemes,
                max_length: args.count(cx, "max_length"),
                allow_credentials: args.flag("allow_credentials"),
            }
        }
        "hostname" => RuleKind::Format(Format::Hostname),
        "ip" => RuleKind::Format(Format::Ip),
        "ipv4" => RuleKind::Format(Format::Ipv4),
        "ipv6" => RuleKind::Format(Format::Ipv6),
        "uuid" => RuleKind::Format(Format::Uuid),
        "credit_card" => RuleKind::Format(Format::CreditCard),
        "ascii" => RuleKind::Format(Format::Ascii),
        "alphanumeric" => RuleKind::Format(Format::Alphanumeric),
        "no_control" => RuleKind::Format(Format::NoControl),
        "chars" => {
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
        "one_of" | "none_of" => {
            let mut values = Vec::new();
            for item in std::mem::take(&mut args.items) {
                match item {
                    Item::Value(Value::Str(lit)) => values.push(Literal::Str(lit)),
                    Item::Value(value @ (Value::Int { .. } | Value::Float { .. })) => {
                        if let Some(num) = num_of(cx, &value, "expected a number") {
                            values.push(Literal::Num(num));
                        }
                    }
                    other => args.items.push(other),
                }
            }
            if rule_name == "one_of" {
                RuleKind::OneOf(values)
            } else {
                RuleKind::NoneOf(values)
            }
        }
        "contains" | "prefix" | "suffix" => match take_str(&mut args) {
            Some(lit) => match rule_name.as_str() {
                "contains" => RuleKind::Contains(lit),
                "prefix" => RuleKind::Prefix(lit),
                _ => RuleKind::Suffix(lit),
            },
            None => {
                cx.error_spanned_by(
                    &name,
                    format!("`{rule_name}` needs a string: `{rule_name} = \"..\"`"),
                );
                args.finish(cx, &name);
                return None;
            }
        },
        "required" => RuleKind::Required,
        "nested" => RuleKind::Nested,
        "sensitive" => RuleKind::Sensitive,
        "must_match" => {
            let position = args
                .items
                .iter()
                .position(|item| matches!(item, Item::Flag(_)));
            match position.map(|i| args.items.remove(i)) {
                Some(Item::Flag(other)) => RuleKind::MustMatch(other),
                _ => {
                    cx.error_spanned_by(
                        &name,
                        "`must_match` needs a field: `must_match(other_field)`",
                    );
                    args.finish(cx, &name);
                    return None;
                }
            }
        }
        "custom" => {
            let position = args
                .items
                .iter()
                .position(|item| matches!(item, Item::Flag(_) | Item::Value(Value::Path(_))));
            match position.map(|i| args.items.remove(i)) {
                Some(Item::Flag(ident)) => RuleKind::Custom(ident.into()),
                Some(Item::Value(Value::Path(path))) => RuleKind::Custom(path),
                _ => {
                    cx.error_spanned_by(
                        &name,
                        "`custom` needs a function: `custom(path::to::check)`",
                    );
                    args.finish(cx, &name);
                    return None;
                }
            }
        }
        _ => {
            unknown_rule(cx, &name);
            return None;
        }
    };
    let message = args.message.take();
    let code = args.code.take();
    args.finish(cx, &name);
    Some(Rule {
        name,
        kind,
        message,
        code,
        malformed: false,
    })
}

fn take_str(args: &mut Args) -> Option<LitStr> {
    let position = args
        .items
        .iter()
        .position(|item| matches!(item, Item::Value(Value::Str(_))));
    match position.map(|i| args.items.remove(i)) {
        Some(Item::Value(Value::Str(lit))) => Some(lit),
        _ => None,
    }
}

fn unknown_rule(cx: &Ctxt, name: &Ident) {
    let name_str = name.unraw().to_string();
    let hint = if crate::symbol::NORMALIZERS.contains(&name_str.as_str()) {
        format!("; `{name_str}` is a normalizer: put it in `#[normalize(..)]`")
    } else {
        closest(&name_str, crate::symbol::RULES)
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default()
    };
    cx.error_spanned_by(name, format!("unknown validation rule `{name_str}`{hint}"));
}

fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = if ca == *cb {
                previous
            } else {
                1 + previous.min(row[j]).min(row[j + 1])
            };
            previous = current;
        }
    }
    row[b.len()]
}

// ---------------------------------------------------------------------------------------------
// Normalizers

pub enum NormalizerKind {
    /// One of the string normalizers, by its function name in `validate_core::normalize`.
    Str(&'static str),
    With(syn::Path),
    Each(Vec<Normalizer>),
}

pub struct Normalizer {
    pub name: Ident,
    pub kind: NormalizerKind,
}

const STRING_NORMALIZERS: &[&str] = &[
    "trim",
    "trim_start",
    "trim_end",
    "lowercase",
    "uppercase",
    "nfc",
    "nfd",
    "nfkc",
    "nfkd",
    "collapse_whitespace",
    "strip_control",
];

/// The `#[normalize(..)]` normalizers of a field, in the order written.
pub fn normalizers(cx: &Ctxt, attrs: &[Attribute]) -> Vec<Normalizer> {
    parse_normalizers(cx, attr_items(cx, attrs, NORMALIZE))
}

fn parse_normalizers(cx: &Ctxt, items: Vec<Item>) -> Vec<Normalizer> {
    let mut out = Vec::new();
    for item in items {
        match item {
            Item::Flag(name) if name == "with" => {
                cx.error_spanned_by(
                    &name,
                    "`with` needs a function: `with = path::to::normalize`",
                );
            }
            Item::Flag(name) => {
                let text = name.unraw().to_string();
                match STRING_NORMALIZERS.iter().find(|n| **n == text) {
                    Some(function) => out.push(Normalizer {
                        name,
                        kind: NormalizerKind::Str(function),
                    }),
                    None => unknown_normalizer(cx, &name),
                }
            }
            Item::KeyValue(name, value) if name == "with" => match value {
                Value::Path(path) => out.push(Normalizer {
                    name,
                    kind: NormalizerKind::With(path),
                }),
                other => cx.error_spanned_by(
                    other.tokens(),
                    "`with` takes the path of a function `fn(&mut T)`",
                ),
            },
            Item::Call(name, items, _) if name == "each" => {
                let inner = parse_normalizers(cx, items);
                if inner.is_empty() {
                    cx.error_spanned_by(&name, "`each(..)` needs at least one normalizer");
                }
                out.push(Normalizer {
                    name,
                    kind: NormalizerKind::Each(inner),
                });
            }
            Item::KeyValue(name, _) | Item::Call(name, _, _) => {
                if STRING_NORMALIZERS.contains(&name.unraw().to_string().as_str()) {
                    cx.error_spanned_by(&name, format!("`{name}` takes no arguments"));
                } else {
                    unknown_normalizer(cx, &name);
                }
            }
            Item::Value(value) => cx.error_spanned_by(value.tokens(), "expected a normalizer"),
        }
    }
    out
}

fn unknown_normalizer(cx: &Ctxt, name: &Ident) {
    let text = name.unraw().to_string();
    let hint = if crate::symbol::RULES.contains(&text.as_str()) {
        format!("; `{text}` is a validation rule: put it in `#[validate(..)]`")
    } else {
        closest(&text, crate::symbol::NORMALIZERS)
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default()
    };
    cx.error_spanned_by(name, format!("unknown normalizer `{text}`{hint}"));
}

// ---------------------------------------------------------------------------------------------
// serde

/// serde's case conventions for `rename_all`, applied exactly as serde applies them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RenameRule {
    None,
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

impl RenameRule {
    fn from_str(s: &str) -> Option<Self> {
        Some(match s {
            "lowercase" => RenameRule::Lower,
            "UPPERCASE" => RenameRule::Upper,
            "PascalCase" => RenameRule::Pascal,
            "camelCase" => RenameRule::Camel,
            "snake_case" => RenameRule::Snake,
            "SCREAMING_SNAKE_CASE" => RenameRule::ScreamingSnake,
            "kebab-case" => RenameRule::Kebab,
            "SCREAMING-KEBAB-CASE" => RenameRule::ScreamingKebab,
            _ => return None,
        })
    }

    pub fn apply_to_field(self, field: &str) -> String {
        match self {
            RenameRule::None | RenameRule::Lower | RenameRule::Snake => field.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
            RenameRule::Pascal => {
                let mut pascal = String::new();
                let mut capitalize = true;
                for ch in field.chars() {
                    if ch == '_' {
                        capitalize = true;
                    } else if capitalize {
                        pascal.push(ch.to_ascii_uppercase());
                        capitalize = false;
                    } else {
                        pascal.push(ch);
                    }
                }
                pascal
            }
            RenameRule::Camel => {
                let pascal = RenameRule::Pascal.apply_to_field(field);
                lower_first(&pascal)
            }
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
        }
    }

    pub fn apply_to_variant(self, variant: &str) -> String {
        match self {
            RenameRule::None | RenameRule::Pascal => variant.to_owned(),
            RenameRule::Lower => variant.to_ascii_lowercase(),
            RenameRule::Upper => variant.to_ascii_uppercase(),
            RenameRule::Camel => lower_first(variant),
            RenameRule::Snake => {
                let mut snake = String::new();
                for (i, ch) in variant.char_indices() {
                    if i > 0 && ch.is_uppercase() {
                        snake.push('_');
                    }
                    snake.push(ch.to_ascii_lowercase());
                }
                snake
            }
            RenameRule::ScreamingSnake => RenameRule::Snake
                .apply_to_variant(variant)
                .to_ascii_uppercase(),
            RenameRule::Kebab => RenameRule::Snake
                .apply_to_variant(variant)
                .replace('_', "-"),
            RenameRule::ScreamingKebab => RenameRule::ScreamingSnake
                .apply_to_variant(variant)
                .replace('_', "-"),
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// The serde attributes of a container, a variant or a field that decide wire names.
#[derive(Default)]
pub struct Serde {
    /// `rename = ".."` or `rename(deserialize = "..")`.
    pub rename: Option<String>,
    /// `rename_all = ".."` or `rename_all(deserialize = "..")`.
    pub rename_all: Option<RenameRule>,
    /// `rename_all_fields = ".."`, on enums.
    pub rename_all_fields: Option<RenameRule>,
    pub flatten: bool,
    pub transparent: bool,
    pub tag: Option<String>,
    pub content: Option<String>,
    pub untagged: bool,
}

/// Reads the serde attributes that decide wire names. Anything else in `#[serde(..)]`, and any
/// mistake there, is serde's to report, so it is skipped here.
pub fn serde(attrs: &[Attribute]) -> Serde {
    let mut serde = Serde::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident(SERDE)) {
        let Ok(items) = attr.parse_args_with(parse_items) else {
            continue;
        };
        for item in items {
            match item {
                Item::KeyValue(key, Value::Str(lit)) => match key.to_string().as_str() {
                    "rename" => serde.rename = Some(lit.value()),
                    "rename_all" => serde.rename_all = RenameRule::from_str(&lit.value()),
                    "rename_all_fields" => {
                        serde.rename_all_fields = RenameRule::from_str(&lit.value());
                    }
                    "tag" => serde.tag = Some(lit.value()),
                    "content" => serde.content = Some(lit.value()),
                    _ => {}
                },
                Item::Call(key, items, _) => {
                    let deserialize = items.into_iter().find_map(|item| match item {
                        Item::KeyValue(k, Value::Str(lit)) if k == "deserialize" => {
                            Some(lit.value())
                        }
                        _ => None,
                    });
                    if let Some(name) = deserialize {
                        match key.to_string().as_str() {
                            "rename" => serde.rename = Some(name),
                            "rename_all" => serde.rename_all = RenameRule::from_str(&name),
                            "rename_all_fields" => {
                                serde.rename_all_fields = RenameRule::from_str(&name);
                            }
                            _ => {}
                        }
                    }
                }
                Item::Flag(key) => match key.to_string().as_str() {
                    "flatten" => serde.flatten = true,
                    "transparent" => serde.transparent = true,
                    "untagged" => serde.untagged = true,
                    _ => {}
                },
                _ => {}
            }
        }
    }
    serde
}
