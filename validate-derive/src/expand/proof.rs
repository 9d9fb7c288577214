//! A field's proof: the rules it checks on the value as deserialized which, when they pass, show
//! that normalizing would change nothing, so that the one pass skips the normalizers.
//!
//! A proof needs a rule that admits only ASCII bytes none of the field's normalizers changes
//! (`[a-z0-9_]+` under `trim, nfkc, lowercase`); non-ASCII text is never admitted by such a rule,
//! and every built-in string normalizer leaves the other ASCII bytes as they are.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::rule::{length_bounds, length_limits};
use super::table::{CharSet, runs_check};
use super::validate::{measure_access, str_access};
use super::{Private, at_rule};
use crate::ascii_set::AsciiSet;
use crate::ast::{Field, has_nested};
use crate::attr::{Normalizer, NormalizerKind, PatternSource, Rule, RuleKind};

pub(super) struct Proof<'a> {
    /// The field's rules the proof checks: some of its own (lengths, ASCII `chars`, planned
    /// patterns, `email`), or its `each(..)` rule, all of whose rules are such rules.
    covered: Vec<&'a Rule>,
    /// Whether they all pass, an expression over the field's binding (a `&T`).
    pub holds: TokenStream,
}

impl Proof<'_> {
    pub fn covers(&self, rule: &Rule) -> bool {
        self.covered.iter().any(|r| std::ptr::eq(*r, rule))
    }
}

/// What `field`, bound to `value`, can prove, if anything.
pub(super) fn proof<'a>(field: &'a Field<'a>, value: &TokenStream) -> Option<Proof<'a>> {
    if has_nested(&field.rules) {
        return None;
    }
    if let [normalizer] = field.normalizers.as_slice()
        && let NormalizerKind::Each(inner) = &normalizer.kind
    {
        return each_proof(field, value, inner);
    }
    let forbidden = forbidden(&field.normalizers)?;
    let (covered, evidence): (Vec<&Rule>, Vec<Evidence>) = field
        .rules
        .iter()
        .filter_map(|r| Some((r, evidence(r, value)?)))
        .unzip();
    let holds = all_hold(&evidence, forbidden)?;
    Some(Proof { covered, holds })
}

/// The proof of a field whose one normalizer is `each(..)`, through its one `each(..)` rule.
fn each_proof<'a>(
    field: &'a Field<'a>,
    value: &TokenStream,
    normalizers: &[Normalizer],
) -> Option<Proof<'a>> {
    let forbidden = forbidden(normalizers)?;
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
    let evidence = inner_rules
        .iter()
        .filter(|r| !matches!(r.kind, RuleKind::Sensitive))
        .map(|r| evidence(r, &item))
        .collect::<Option<Vec<Evidence>>>()?;
    let holds = all_hold(&evidence, forbidden)?;
    let span = rule.name.span();
    let private = Private(span);
    let access = quote_spanned!(span=> #private::Each::each);
    let value = at_rule(span, value);
    let holds = quote! {{
        let mut __validate_all = true;
        #access(#value, |_, __validate_item| {
            __validate_all &= #holds;
        });
        __validate_all
    }};
    Some(Proof {
        covered: vec![rule],
        holds,
    })
}

/// The ASCII bytes one of `normalizers`, all built-in string normalizers, could change or
/// remove; `None` for an empty list or any other normalizer.
fn forbidden(normalizers: &[Normalizer]) -> Option<AsciiSet> {
    if normalizers.is_empty() {
        return None;
    }
    normalizers
        .iter()
        .try_fold(AsciiSet::EMPTY, |all, normalizer| match &normalizer.kind {
            NormalizerKind::Str(normalizer) => Some(all.union(normalizer.forbidden())),
            NormalizerKind::With(_) | NormalizerKind::Each(_) => None,
        })
}

/// A rule a proof can use: it reads only the value, and its check is cheap.
struct Evidence {
    /// Whether the rule passes on the value, an expression.
    holds: TokenStream,
    /// The ASCII bytes the rule admits, when it admits nothing else.
    admits: Option<AsciiSet>,
}

/// The evidence of `rule` on `value`, if a proof can use it (lengths, ASCII `chars`, planned
/// patterns, and `email`, through the address automaton that also refuses upper case).
fn evidence(rule: &Rule, value: &TokenStream) -> Option<Evidence> {
    if rule.malformed {
        return None;
    }
    let span = rule.name.span();
    let string = |check: TokenStream| {
        let access = str_access(span, value);
        quote!(#access.is_none_or(|__validate_s| #check))
    };
    let private = Private::default();
    let evidence = match &rule.kind {
        RuleKind::Length {
            bytes: false,
            min,
            max,
            equal,
        } => {
            let (lower, upper) = length_limits(min, max, equal);
            let access = measure_access(span, value);
            Evidence {
                holds: quote! {
                    #access.is_none_or(|__validate_m| #private::rules::length::within(__validate_m, #lower, #upper))
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
            Evidence {
                holds: string(quote!(#private::rules::length::check_bytes(__validate_s, #bounds))),
                admits: None,
            }
        }
        RuleKind::Chars { classes, literals } => {
            let set = CharSet::of(classes, literals);
            if !set.others.is_empty() {
                return None;
            }
            Evidence {
                holds: string(set.check()),
                admits: Some(set.ascii),
            }
        }
        RuleKind::Email { .. } => Evidence {
            holds: string(quote!(#private::email_proof(__validate_s))),
            admits: Some(email_proof_bytes()),
        },
        RuleKind::Pattern(PatternSource::Literal(lit)) => {
            let runs = crate::pattern::plan(&lit.value())?;
            Evidence {
                holds: string(runs_check(&runs)),
                admits: Some(crate::pattern::admits(&runs)),
            }
        }
        _ => return None,
    };
    Some(evidence)
}

/// The bytes `validate_core::__private::email_proof` admits, as its documentation and a unit
/// test of its automaton state them (`tests/tests/proofs.rs` puts every byte through the proof):
/// ASCII lower-case letters, digits, ``!#$%&'*+-/=?^_`{|}~``, `.` and `@`.
fn email_proof_bytes() -> AsciiSet {
    AsciiSet::range(b'a', b'z')
        .union(AsciiSet::range(b'0', b'9'))
        .union(AsciiSet::matching(|b| {
            b"!#$%&'*+-/=?^_`{|}~.@".contains(&b)
        }))
}

/// That all of `evidence` holds, as one expression, if one of them admits only text without a
/// `forbidden` byte (and so proves the value normal).
fn all_hold(evidence: &[Evidence], forbidden: AsciiSet) -> Option<TokenStream> {
    evidence
        .iter()
        .any(|e| e.admits.is_some_and(|admits| !admits.intersects(forbidden)))
        .then(|| {
            let holds = evidence.iter().map(|e| &e.holds);
            quote!((true #(&& #holds)*))
        })
}
