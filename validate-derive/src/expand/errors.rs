//! The error table of one `Validate` impl: the errors of its built-in rules, in the order the
//! rules first appear, each once (with its text, to find it again). They are built by one
//! `__validate_error(index)` function and kept in one static array, both declared in the
//! anonymous constant around the impl: one pair of items per type rather than per rule keeps
//! compile times low.

use std::cell::RefCell;

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::Private;

#[derive(Default)]
pub(super) struct ErrorTable(RefCell<Vec<(String, TokenStream)>>);

impl ErrorTable {
    /// The expression of the `&'static Error` that `error` builds, built at its first failure.
    pub(super) fn cached(&self, error: TokenStream) -> TokenStream {
        let index = self.push(&[error]);
        quote!(__VALIDATE_ERRORS[#index].get(#index, __validate_error))
    }

    /// The index of the first of consecutive entries holding `errors`, added unless they are
    /// there already: the code of a rule is generated for `__validate_into` and again for
    /// `__normalize_validate_into`, and both share its entries.
    pub(super) fn push(&self, errors: &[TokenStream]) -> Literal {
        let mut table = self.0.borrow_mut();
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        let found = table.windows(errors.len()).position(|window| {
            window
                .iter()
                .zip(&text)
                .all(|((entry, _), text)| entry == text)
        });
        let index = found.unwrap_or_else(|| {
            table.extend(text.into_iter().zip(errors.iter().cloned()));
            table.len() - errors.len()
        });
        Literal::usize_unsuffixed(index)
    }

    /// The static array and the function, when any rule has an entry.
    pub(super) fn items(&self) -> TokenStream {
        let errors = self.0.borrow();
        if errors.is_empty() {
            return TokenStream::new();
        }
        let private = Private::default();
        let count = Literal::usize_unsuffixed(errors.len());
        let arms = errors.iter().enumerate().map(|(index, (_, error))| {
            let index = Literal::usize_unsuffixed(index);
            quote!(#index => #error,)
        });
        quote! {
            static __VALIDATE_ERRORS: [#private::Cached; #count] =
                [const { #private::Cached::new() }; #count];
            #[cold]
            fn __validate_error(index: usize) -> #private::Error {
                match index {
                    #(#arms)*
                    _ => ::core::unreachable!(),
                }
            }
        }
    }
}
