//! The tokenizer of `#[validate(..)]`, `#[normalize(..)]` and `#[serde(..)]`: a list of items,
//! each a flag, `key = value`, `name(items..)` or a bare value, before anything gives them a
//! meaning. A malformed item is recorded in the `Ctxt` and skipped, so one compilation shows every
//! mistake.

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Ident, LitStr, Token};

use crate::ctxt::Ctxt;

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
    pub fn span_tokens(&self) -> TokenStream {
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
    /// A number literal, as written (`tokens`, with its sign).
    Number {
        negative: bool,
        lit: NumberLit,
        tokens: TokenStream,
    },
    Bool(syn::LitBool),
    Path(syn::Path),
    Other(TokenStream),
}

/// The literal of a [`Value::Number`].
#[derive(Clone)]
pub enum NumberLit {
    Int(syn::LitInt),
    Float(syn::LitFloat),
}

impl Value {
    pub fn tokens(&self) -> TokenStream {
        match self {
            Value::Str(lit) => lit.to_token_stream(),
            Value::Number { tokens, .. } | Value::Other(tokens) => tokens.clone(),
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
        let lit = match lit {
            syn::Lit::Int(lit) => NumberLit::Int(lit),
            syn::Lit::Float(lit) => NumberLit::Float(lit),
            other => return Err(syn::Error::new(other.span(), "expected a number after `-`")),
        };
        return Ok(Value::Number {
            negative: true,
            lit,
            tokens,
        });
    }
    if input.peek(syn::Lit) {
        let lit: syn::Lit = input.parse()?;
        let tokens = lit.to_token_stream();
        return Ok(match lit {
            syn::Lit::Str(lit) => Value::Str(lit),
            syn::Lit::Int(lit) => Value::Number {
                negative: false,
                lit: NumberLit::Int(lit),
                tokens,
            },
            syn::Lit::Float(lit) => Value::Number {
                negative: false,
                lit: NumberLit::Float(lit),
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

pub fn parse_items(input: ParseStream) -> syn::Result<Vec<Item>> {
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
pub fn attr_items(cx: &Ctxt, attrs: &[Attribute], name: &str) -> Vec<Item> {
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
