//! A typed model of the derive input: container, variants, fields, with their parsed attributes
//! and wire-name paths, and the queries code generation asks of it. Every node keeps the syntax
//! it came from, for spans.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::{Data as SynData, DeriveInput, Fields, Ident, Member, Type};

use crate::attr::{self, Normalizer, RenameRule, Rule, RuleKind, Serde};
use crate::ctxt::Ctxt;
use crate::types;

pub struct Container<'a> {
    pub ident: &'a Ident,
    pub data: Data<'a>,
    /// Struct-level `#[validate(custom(..))]`.
    pub rules: Vec<Rule>,
    /// `#[validate(context = C)]`.
    pub context: Option<syn::Type>,
    /// serde's representation, for enums.
    pub repr: Repr,
    pub original: &'a DeriveInput,
}

/// serde's enum representations.
pub enum Repr {
    External,
    Internal(String),
    Adjacent(String, String),
    Untagged,
}

pub enum Data<'a> {
    Struct(Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    /// The variant's wire name.
    pub wire: String,
    /// `#[serde(untagged)]` on the variant.
    pub untagged: bool,
    pub fields: Vec<Field<'a>>,
    /// `#[validate]` on a variant, which the derive does not support.
    pub rules: Vec<Rule>,
}

/// One step of a wire-name path, relative to the value the derive implements `Validate` for.
#[derive(Clone)]
pub enum Step {
    Field(String),
    Index(usize),
}

pub struct Field<'a> {
    pub member: Member,
    /// The field's Rust name, for `must_match(..)` and `Error::at(..)`.
    pub name: String,
    pub ty: &'a Type,
    pub rules: Vec<Rule>,
    pub normalizers: Vec<Normalizer>,
    /// Where the field's errors go, below the value's own path; empty for newtypes and
    /// `#[serde(flatten)]`.
    pub path: Vec<Step>,
    /// Where the field is in its container's serialized form.
    pub wire: Wire,
}

/// Where a field is in its container's serialized form.
pub enum Wire {
    /// A named field: its deserialize and serialize names.
    Name(String, String),
    /// A field of a tuple struct or variant.
    Index(usize),
    /// A newtype's field: the container's value itself.
    Whole,
    /// `#[serde(flatten)]`: its fields are the container's.
    Flatten,
}

impl<'a> Container<'a> {
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let serde = attr::serde(&input.attrs);
        let (rules, context) = attr::container_rules(cx, &input.attrs);
        let data = match &input.data {
            SynData::Struct(data) => {
                let field_rule = serde.rename_all.unwrap_or(RenameRule::None);
                let ser_rule = serde.ser_rename_all.unwrap_or(RenameRule::None);
                let newtype = serde.transparent
                    || matches!(data.fields, Fields::Unnamed(ref f) if f.unnamed.len() == 1);
                let rules = (field_rule, ser_rule);
                Data::Struct(fields(cx, &data.fields, rules, &[], newtype))
            }
            SynData::Enum(data) => {
                let variant_rule = serde.rename_all.unwrap_or(RenameRule::None);
                let variants = data
                    .variants
                    .iter()
                    .map(|variant| {
                        let vserde = attr::serde(&variant.attrs);
                        let wire = vserde.rename.clone().unwrap_or_else(|| {
                            variant_rule.apply_to_variant(&variant.ident.unraw().to_string())
                        });
                        let field_rule = vserde
                            .rename_all
                            .or(serde.rename_all_fields)
                            .unwrap_or(RenameRule::None);
                        let (prefix, newtype) =
                            variant_prefix(&serde, &vserde, wire.clone(), &variant.fields);
                        let rules = (field_rule, field_rule);
                        Variant {
                            ident: &variant.ident,
                            wire,
                            untagged: vserde.untagged,
                            fields: fields(cx, &variant.fields, rules, &prefix, newtype),
                            rules: attr::rules(cx, &variant.attrs),
                        }
                    })
                    .collect();
                Data::Enum(variants)
            }
            SynData::Union(data) => {
                cx.error_spanned_by(data.union_token, "`Validate` cannot be derived for a union");
                return None;
            }
        };
        let repr = match (&serde.tag, &serde.content) {
            _ if serde.untagged => Repr::Untagged,
            (Some(tag), Some(content)) => Repr::Adjacent(tag.clone(), content.clone()),
            (Some(tag), None) => Repr::Internal(tag.clone()),
            (None, _) => Repr::External,
        };
        Some(Container {
            ident: &input.ident,
            data,
            rules,
            context,
            repr,
            original: input,
        })
    }

    /// Whether the type is validated with a context or has async rules: then it implements
    /// `ValidateWith` only, and no `Validate` that would skip them.
    pub fn is_contextual(&self) -> bool {
        self.context.is_some()
            || any_rule(&self.rules, &|r| matches!(r.kind, RuleKind::AsyncCustom(_)))
            || self
                .all_fields()
                .any(|f| any_rule(&f.rules, &|r| matches!(r.kind, RuleKind::AsyncCustom(_))))
    }

    /// Whether any rule reads the context (`custom(f, context)`, `async_custom`).
    pub fn reads_context(&self) -> bool {
        let reads = |r: &Rule| {
            matches!(
                r.kind,
                RuleKind::CustomContext(_) | RuleKind::AsyncCustom(_)
            )
        };
        any_rule(&self.rules, &reads) || self.all_fields().any(|f| any_rule(&f.rules, &reads))
    }

    pub fn all_fields(&self) -> Box<dyn Iterator<Item = &Field<'a>> + '_> {
        match &self.data {
            Data::Struct(fields) => Box::new(fields.iter()),
            Data::Enum(variants) => Box::new(variants.iter().flat_map(|v| v.fields.iter())),
        }
    }
}

/// The path of a variant's content under serde's enum representations, and whether a
/// one-field tuple variant is a newtype (its field takes the variant's path).
fn variant_prefix(
    container: &Serde,
    variant: &Serde,
    wire: String,
    fields: &Fields,
) -> (Vec<Step>, bool) {
    let newtype = matches!(fields, Fields::Unnamed(f) if f.unnamed.len() == 1);
    let prefix = if container.untagged || variant.untagged {
        Vec::new()
    } else if let Some(_tag) = &container.tag {
        match &container.content {
            Some(content) => vec![Step::Field(content.clone())],
            None => Vec::new(),
        }
    } else {
        vec![Step::Field(wire)]
    };
    (prefix, newtype)
}

/// The fields, named by `rules`: the container's `rename_all` for deserializing and
/// serializing.
fn fields<'a>(
    cx: &Ctxt,
    fields: &'a Fields,
    (rule, ser_rule): (RenameRule, RenameRule),
    prefix: &[Step],
    newtype: bool,
) -> Vec<Field<'a>> {
    fields
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let serde = attr::serde(&field.attrs);
            let (member, name) = match &field.ident {
                Some(ident) => (Member::Named(ident.clone()), ident.unraw().to_string()),
                None => (Member::Unnamed(i.into()), i.to_string()),
            };
            let wire = match &field.ident {
                _ if serde.flatten => Wire::Flatten,
                _ if newtype => Wire::Whole,
                Some(_) => Wire::Name(
                    serde
                        .rename
                        .clone()
                        .unwrap_or_else(|| rule.apply_to_field(&name)),
                    serde
                        .ser_rename
                        .clone()
                        .unwrap_or_else(|| ser_rule.apply_to_field(&name)),
                ),
                None => Wire::Index(i),
            };
            let mut path = prefix.to_vec();
            match &wire {
                Wire::Name(name, _) => path.push(Step::Field(name.clone())),
                Wire::Index(i) => path.push(Step::Index(*i)),
                Wire::Whole | Wire::Flatten => {}
            }
            Field {
                member,
                name,
                ty: &field.ty,
                rules: attr::rules(cx, &field.attrs),
                normalizers: attr::normalizers(cx, &field.attrs),
                path,
                wire,
            }
        })
        .collect()
}

/// The wire name a field is known by in its struct, for `must_match` messages and `Error::at`.
pub fn wire_name(field: &Field) -> String {
    match field.path.last() {
        Some(Step::Field(name)) => name.clone(),
        Some(Step::Index(i)) => i.to_string(),
        None => field.name.clone(),
    }
}

impl Field<'_> {
    /// Whether the field is `sensitive`: its value never appears in a preview. A `password`
    /// and a secret type are, without saying so.
    pub fn is_sensitive(&self) -> bool {
        types::is_secret(self.ty)
            || self
                .rules
                .iter()
                .any(|r| matches!(r.kind, RuleKind::Sensitive | RuleKind::Password { .. }))
    }

    /// The indexes of the fields this field's `must_match` rules compare it with.
    pub fn must_match_targets(&self, fields: &[Field]) -> Vec<usize> {
        self.rules
            .iter()
            .filter_map(|rule| match &rule.kind {
                RuleKind::MustMatch(other) => field_index(fields, other),
                _ => None,
            })
            .collect()
    }
}

/// The index of the field a `must_match(other)` names.
pub fn field_index(fields: &[Field], other: &Ident) -> Option<usize> {
    fields.iter().position(|f| other.unraw() == f.name)
}

/// Whether `rules` hold any rule beyond `sensitive`.
pub fn has_rules<'r>(rules: impl IntoIterator<Item = &'r Rule>) -> bool {
    rules
        .into_iter()
        .any(|r| !matches!(r.kind, RuleKind::Sensitive))
}

/// Whether `rules` reach a `nested` value, directly or inside `each(..)`.
pub fn has_nested(rules: &[Rule]) -> bool {
    rules.iter().any(|rule| match &rule.kind {
        RuleKind::Nested => true,
        RuleKind::Each(inner) => has_nested(inner),
        _ => false,
    })
}

/// The span of the `nested` rule in `rules`, where a value that is not `Validate` is reported.
pub fn nested_span(rules: &[Rule]) -> Span {
    rules
        .iter()
        .find_map(|rule| match &rule.kind {
            RuleKind::Nested => Some(rule.name.span()),
            RuleKind::Each(inner) if has_nested(inner) => Some(nested_span(inner)),
            _ => None,
        })
        .unwrap_or_else(Span::call_site)
}

/// Whether `test` holds for one of `rules`, inside `each(..)` and `keys(..)` too.
pub fn any_rule(rules: &[Rule], test: &dyn Fn(&Rule) -> bool) -> bool {
    rules.iter().any(|rule| {
        test(rule)
            || match &rule.kind {
                RuleKind::Each(inner) | RuleKind::Keys(inner) => any_rule(inner, test),
                _ => false,
            }
    })
}
