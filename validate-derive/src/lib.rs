//! The derive macro of `validate-core`: `#[derive(Validate)]`.
//!
//! Parse (`ast`, `attr`) → check (`check`) → expand (`expand`); every mistake is collected in a
//! `Ctxt` and reported under its own token. The words of the attribute language are in
//! `symbol`. The attribute language is documented on `validate_core::Validate`, the derive's
//! re-export.

mod ascii_set;
mod ast;
mod attr;
mod check;
mod ctxt;
mod expand;
mod pattern;
mod symbol;
mod types;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

// Documented where users meet it, on its re-export in `validate-core` (`src/derive.md`), where
// the examples run as doctests.
#[proc_macro_derive(Validate, attributes(validate, normalize))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    derive(&input).into()
}

fn derive(input: &DeriveInput) -> proc_macro2::TokenStream {
    let cx = ctxt::Ctxt::new();
    let container = ast::Container::from_ast(&cx, input);
    if let Some(container) = &container {
        check::check(&cx, container);
    }
    let expanded = match &container {
        Some(container) if !cx.has_errors() => Some(expand::expand(container)),
        _ => None,
    };
    match cx.check() {
        Ok(()) => expanded.unwrap_or_else(|| expand::fallback(input)),
        Err(errors) => {
            let fallback = expand::fallback(input);
            quote::quote!(#errors #fallback)
        }
    }
}
