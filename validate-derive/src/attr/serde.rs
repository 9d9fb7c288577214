//! The serde attributes that decide wire names: `rename`, `rename_all`, `rename_all_fields`,
//! `flatten`, `transparent` and the enum representations. Anything else in `#[serde(..)]`, and
//! any mistake there, is serde's to report.

use syn::Attribute;

use super::meta::{Item, Value, parse_items};
use crate::symbol::SERDE;

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
    /// `rename = ".."` or `rename(serialize = "..")`: the name the output uses.
    pub ser_rename: Option<String>,
    /// `rename_all = ".."` or `rename_all(serialize = "..")`.
    pub ser_rename_all: Option<RenameRule>,
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
                // `rename = ".."`, and `rename(deserialize = "..")`: the name the input uses.
                Item::KeyValue(key, Value::Str(lit)) => {
                    serde.set(&key.to_string(), lit.value());
                    serde.set_serialize(&key.to_string(), lit.value());
                }
                Item::Call(key, items, _) if key != "tag" && key != "content" => {
                    for item in items {
                        match item {
                            Item::KeyValue(k, Value::Str(lit)) if k == "deserialize" => {
                                serde.set(&key.to_string(), lit.value());
                            }
                            Item::KeyValue(k, Value::Str(lit)) if k == "serialize" => {
                                serde.set_serialize(&key.to_string(), lit.value());
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

impl Serde {
    fn set(&mut self, key: &str, value: String) {
        match key {
            "rename" => self.rename = Some(value),
            "rename_all" => self.rename_all = RenameRule::from_str(&value),
            "rename_all_fields" => self.rename_all_fields = RenameRule::from_str(&value),
            "tag" => self.tag = Some(value),
            "content" => self.content = Some(value),
            _ => {}
        }
    }

    /// The serialize half of `rename` and `rename_all`.
    fn set_serialize(&mut self, key: &str, value: String) {
        match key {
            "rename" => self.ser_rename = Some(value),
            "rename_all" => self.ser_rename_all = RenameRule::from_str(&value),
            _ => {}
        }
    }
}
