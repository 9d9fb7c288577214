//! Byte tables: the checks of `chars(..)` sets and of patterns planned into runs, as one table
//! lookup a byte. Rules and proofs build them alike.

use proc_macro2::{Literal as Lit, Span, TokenStream};
use quote::quote;
use syn::{Ident, LitStr};

use super::Private;
use crate::ascii_set::AsciiSet;
use crate::pattern::Run;
use crate::symbol::CharClass;

/// The bytes and characters a `chars(..)` rule allows.
pub(super) struct CharSet {
    pub ascii: AsciiSet,
    /// The non-ASCII characters of its literals.
    pub others: Vec<char>,
    pub literal_text: String,
}

impl CharSet {
    pub(super) fn of(classes: &[Ident], literals: &[LitStr]) -> CharSet {
        let mut ascii = classes
            .iter()
            .filter_map(|class| CharClass::from_word(&class.to_string()))
            .fold(AsciiSet::EMPTY, |set, class| set.union(class.set()));
        let mut others = Vec::new();
        let mut literal_text = String::new();
        for lit in literals {
            for c in lit.value().chars() {
                literal_text.push(c);
                match u8::try_from(c).ok().and_then(|b| ascii.with(b)) {
                    Some(set) => ascii = set,
                    None if !others.contains(&c) => others.push(c),
                    None => {}
                }
            }
        }
        CharSet {
            ascii,
            others,
            literal_text,
        }
    }

    /// The check, an expression over `__validate_s: &str`.
    pub(super) fn check(&self) -> TokenStream {
        let private = Private::default();
        let rules = quote!(#private::rules);
        let table = byte_table(self.ascii);
        let others = &self.others;
        quote!(#rules::chars::check_table(__validate_s, #table, &[#(#others),*]))
    }
}

/// The check of a pattern planned into runs, an expression over `__validate_s: &str`.
pub(super) fn runs_check(runs: &[Run]) -> TokenStream {
    let private = Private::default();
    let rules = quote!(#private::rules);
    let check_fn = if runs.len() > 1 && runs.iter().all(|run| run.max == Some(run.min)) {
        quote!(check_fixed_runs)
    } else {
        quote!(check_runs)
    };
    let count = Lit::usize_unsuffixed(runs.len());
    let runs = runs.iter().map(|run| {
        let table = byte_table(run.set);
        let min = Lit::u32_suffixed(run.min);
        let max = Lit::u32_suffixed(run.max.unwrap_or(u32::MAX));
        quote!(#rules::pattern::Run::new(#table, #min, #max))
    });
    quote! {{
        static __VALIDATE_RUNS: [#rules::pattern::Run; #count] = [#(#runs),*];
        #rules::pattern::#check_fn(__validate_s, &__VALIDATE_RUNS)
    }}
}

/// The 256-entry table of a set of ASCII bytes as a byte-string literal, a `&'static [u8; 256]`
/// that costs the compiler no evaluation.
fn byte_table(set: AsciiSet) -> syn::LitByteStr {
    syn::LitByteStr::new(&set.table(), Span::call_site())
}
