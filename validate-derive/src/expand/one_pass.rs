//! The body of `__normalize_validate_into`, what `Valid::new` runs: normalizing and validating in
//! one pass over the fields. It gives the same value and the same report as `normalize` and then
//! `__validate_into`, each field normalized and then checked:
//!
//! - A field that a [`proof`](super::proof) covers (its whitelist admits only text its
//!   normalizers leave alone, `[a-z0-9_]+` under `trim, lowercase`) is checked first, as
//!   deserialized; when that passes it is normal already and valid under the rules checked, and
//!   only its other rules run.
//! - A `nested` field whose other rules do not look into it (lengths, `required`) gets the nested
//!   value's own one pass, so proofs reach into nested structs and list items.
//! - A field that a `must_match` of an earlier field compares with is normalized before all
//!   others, so that the comparison sees it normalized, as it would after `normalize`.
//!
//! A container with nothing to normalize gets no body: the trait's default, `normalize` then
//! `__validate_into`, is the same thing.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{ToTokens, quote, quote_spanned};

use super::errors::ErrorTable;
use super::validate::{NestedMode, container_rules, field_rules};
use super::{Private, at_rule, binding, destructure, normalize, proof};
use crate::ast::{Container, Data, Field, has_nested, has_rules, nested_span};
use crate::attr::{Rule, RuleKind};

pub(super) fn body(cont: &Container, errors: &ErrorTable) -> Option<TokenStream> {
    let needs = |field: &Field| !field.normalizers.is_empty() || has_nested(&field.rules);
    let fields_code = match &cont.data {
        Data::Struct(fields) => {
            if !fields.iter().any(needs) {
                return None;
            }
            let (used, body) = fields_code(fields, errors);
            let pat = destructure(quote!(Self), fields, &used);
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
                let (used, body) = fields_code(&variant.fields, errors);
                let pat = destructure(quote!(Self::#ident), &variant.fields, &used);
                quote!(#pat => { #body })
            });
            quote! {
                match &mut *self {
                    #(#arms)*
                }
            }
        }
    };
    let container_rules = container_rules(cont, true, false);
    Some(quote! {
        let _ = (&__validate_path, &__validate_report);
        #fields_code
        #container_rules
    })
}

fn fields_code(fields: &[Field], errors: &ErrorTable) -> (BTreeSet<usize>, TokenStream) {
    let mut pass = Pass {
        fields,
        errors,
        used: BTreeSet::new(),
    };
    let mut body = TokenStream::new();
    // The fields an earlier field's `must_match` reads: normalized first.
    let early: BTreeSet<usize> = fields
        .iter()
        .enumerate()
        .flat_map(|(i, field)| {
            field
                .must_match_targets(fields)
                .into_iter()
                .filter(move |&j| j > i)
        })
        .collect();
    for &j in &early {
        let code = normalize::field(&fields[j], &binding(j).into_token_stream(), true);
        if !code.is_empty() {
            pass.used.insert(j);
            body.extend(code);
        }
    }
    for (i, field) in fields.iter().enumerate() {
        let code = if early.contains(&i) {
            let all: Vec<&Rule> = field.rules.iter().collect();
            pass.checked(i, &all)
        } else if nested_in_one_pass(field) {
            pass.nested_field(i)
        } else {
            pass.normalized_field(i)
        };
        if !code.is_empty() {
            pass.used.insert(i);
            body.extend(quote!({ #code }));
        }
    }
    (pass.used, body)
}

/// The one pass over the fields of a struct or variant.
struct Pass<'a> {
    fields: &'a [Field<'a>],
    errors: &'a ErrorTable,
    /// The fields the code reads, to bind.
    used: BTreeSet<usize>,
}

impl Pass<'_> {
    /// Field `i` checked under `rules`, through shared references to it and to the fields it
    /// must match.
    fn checked(&mut self, i: usize, rules: &[&Rule]) -> TokenStream {
        if !has_rules(rules.iter().copied()) {
            return TokenStream::new();
        }
        let value = binding(i).into_token_stream();
        let code = field_rules(
            self.fields,
            i,
            rules,
            &value,
            &mut self.used,
            self.errors,
            NestedMode::Validate,
        );
        let names = std::iter::once(i)
            .chain(self.fields[i].must_match_targets(self.fields))
            .map(binding);
        quote! {
            #(let #names = &*#names;)*
            #code
        }
    }

    /// A field with a `nested` rule that the one pass reaches into: its own normalizers, its
    /// rules with the nested value's one pass, and the nested value normalized when a failed
    /// length skipped that pass, as `normalize` would.
    fn nested_field(&mut self, i: usize) -> TokenStream {
        let field = &self.fields[i];
        let name = binding(i);
        let own = normalize::field(field, &name.to_token_stream(), false);
        let all: Vec<&Rule> = field.rules.iter().collect();
        let code = field_rules(
            self.fields,
            i,
            &all,
            &quote!((&*#name)),
            &mut self.used,
            self.errors,
            NestedMode::OnePass(name.clone()),
        );
        let span = nested_span(&field.rules);
        let private = Private(span);
        let value = at_rule(span, &name.to_token_stream());
        let normalize = quote_spanned! {span=>
            #private::Validate::normalize(#value);
        };
        quote! {
            #own
            let mut __validate_nested = false;
            #code
            if !__validate_nested {
                #normalize
            }
        }
    }

    /// Any other field: proven normal when its proof holds, and then checked under its other
    /// rules only; otherwise normalized and checked in full.
    fn normalized_field(&mut self, i: usize) -> TokenStream {
        let field = &self.fields[i];
        let value = binding(i).into_token_stream();
        let all: Vec<&Rule> = field.rules.iter().collect();
        let normalize = normalize::field(field, &value, true);
        let Some(proof) = proof::proof(field, &value) else {
            let all = self.checked(i, &all);
            return quote! {
                #normalize
                #all
            };
        };
        let rest: Vec<&Rule> = all
            .iter()
            .copied()
            .filter(|rule| !proof.covers(rule))
            .collect();
        let (rest, all) = (self.checked(i, &rest), self.checked(i, &all));
        let holds = &proof.holds;
        let private = Private::default();
        // A failed proof is marked cold, so that the code to normalize and check the field in
        // full is laid out after the function's usual path, not inside it.
        quote! {
            let __validate_proven = {
                let #value = &*#value;
                #holds
            };
            if __validate_proven {
                #rest
            } else {
                #private::cold_path();
                #normalize
                #all
            }
        }
    }
}

/// Whether `field`'s `nested` rule can normalize and validate in one pass: it is a direct
/// `nested`, and the field's other rules do not read the value it reaches.
fn nested_in_one_pass(field: &Field) -> bool {
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
