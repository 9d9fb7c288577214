//! What the derive reads from a field's type as written: whether it is an `Option`, the levels
//! of collections it is made of, the type of its elements and keys, and the number type `range`
//! reads. Syntax only: a type behind an alias is not seen, and the checks that use these answers
//! leave such a type to the type checker.

use syn::{GenericArgument, PathArguments, Type};

/// The last segment of a path type and its type arguments: `("Vec", [T])`.
fn generic(ty: &Type) -> Option<(String, Vec<&Type>)> {
    let Type::Path(path) = ty else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    let args = match &last.arguments {
        PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|arg| match arg {
                GenericArgument::Type(ty) => Some(ty),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Some((last.ident.to_string(), args))
}

/// `ty` without the groups, parentheses, references, `Option`s and pointers around it: the type
/// the rules read through them.
fn peel(mut ty: &Type) -> &Type {
    loop {
        ty = match ty {
            Type::Group(group) => &group.elem,
            Type::Paren(paren) => &paren.elem,
            Type::Reference(reference) => &reference.elem,
            _ => match generic(ty) {
                Some((name, args))
                    if matches!(name.as_str(), "Option" | "Box" | "Rc" | "Arc" | "Cow")
                        && args.len() == 1 =>
                {
                    args[0]
                }
                _ => return ty,
            },
        };
    }
}

/// The type inside `Option<..>`, if `ty` is written so.
pub fn option_inner(ty: &Type) -> Option<&Type> {
    match ty {
        Type::Group(group) => option_inner(&group.elem),
        Type::Paren(paren) => option_inner(&paren.elem),
        _ => generic(ty)
            .and_then(|(name, args)| (name == "Option" && args.len() == 1).then(|| args[0])),
    }
}

/// Whether the type is written `Option<..>`, so that rules given the value itself (`custom`)
/// see the inner value.
pub fn is_option(ty: &Type) -> bool {
    match ty {
        Type::Group(group) => is_option(&group.elem),
        Type::Paren(paren) => is_option(&paren.elem),
        _ => generic(ty).is_some_and(|(name, args)| name == "Option" && args.len() == 1),
    }
}

/// One level of a type as written: a sequence or set, or a map.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Index,
    Key,
}

/// What one level of collection holds: its shape, its key type (maps) and its element type.
fn level(ty: &Type) -> Option<(Shape, Option<&Type>, &Type)> {
    match peel(ty) {
        Type::Array(array) => Some((Shape::Index, None, &array.elem)),
        Type::Slice(slice) => Some((Shape::Index, None, &slice.elem)),
        ty => {
            let (name, args) = generic(ty)?;
            match (name.as_str(), args.as_slice()) {
                (
                    "Vec" | "VecDeque" | "LinkedList" | "HashSet" | "BTreeSet" | "IndexSet",
                    [item, ..],
                ) => Some((Shape::Index, None, item)),
                ("HashMap" | "BTreeMap" | "IndexMap", [key, value, ..]) => {
                    Some((Shape::Key, Some(key), value))
                }
                _ => None,
            }
        }
    }
}

/// The levels of collections a field's type is written with, outermost first, through `Option`
/// and pointers: `Vec<HashMap<String, u8>>` is `[Index, Key]`. A collection known only by an
/// alias is not seen (its `nested` rule's `Validate` impl knows it instead).
pub fn shape(mut ty: &Type) -> Vec<Shape> {
    let mut levels = Vec::new();
    while let Some((shape, _, item)) = level(ty) {
        levels.push(shape);
        ty = item;
    }
    levels
}

/// The type of the elements `each(..)` reads (a map's values).
pub fn element(ty: &Type) -> Option<&Type> {
    level(ty).map(|(_, _, item)| item)
}

/// The type of the keys `keys(..)` reads.
pub fn key(ty: &Type) -> Option<&Type> {
    level(ty).and_then(|(_, key, _)| key)
}

/// Whether `ty` is a string, through `Option` and pointers: `String`, `str`, `Cow<str>`.
pub fn is_string(ty: &Type) -> bool {
    generic(peel(ty))
        .is_some_and(|(name, args)| matches!(name.as_str(), "String" | "str") && args.is_empty())
}

/// Whether `ty` is a secret string of the `secrecy` crate, through `Option` and pointers:
/// `SecretString` or `SecretBox<str>`.
pub fn is_secret(ty: &Type) -> bool {
    generic(peel(ty)).is_some_and(|(name, args)| match name.as_str() {
        "SecretString" => args.is_empty(),
        "SecretBox" => matches!(args.as_slice(), [Type::Path(p)] if p.path.is_ident("str")),
        _ => false,
    })
}

/// A primitive number type, as `range` reads it.
pub struct NumberType {
    pub name: String,
    /// The least and greatest value, for an integer type (`u128`'s greatest is cut to `i128`'s,
    /// which no bound literal exceeds).
    pub integer: Option<(i128, i128)>,
    /// The greatest finite value, for a float type.
    pub float_max: f64,
    /// The least and greatest value, as a message writes them (`0 to 255`).
    pub span_text: String,
}

/// The number type `ty` is, through `Option` and pointers.
pub fn number(ty: &Type) -> Option<NumberType> {
    let (name, args) = generic(peel(ty))?;
    if !args.is_empty() {
        return None;
    }
    let integer = |min: i128, max: i128| Some((min, max));
    let (integer, float_max) = match name.as_str() {
        "u8" => (integer(0, u8::MAX.into()), 0.0),
        "u16" => (integer(0, u16::MAX.into()), 0.0),
        "u32" => (integer(0, u32::MAX.into()), 0.0),
        "u64" => (integer(0, u64::MAX.into()), 0.0),
        "u128" => (integer(0, i128::MAX), 0.0),
        "usize" => (integer(0, u64::MAX.into()), 0.0),
        "i8" => (integer(i8::MIN.into(), i8::MAX.into()), 0.0),
        "i16" => (integer(i16::MIN.into(), i16::MAX.into()), 0.0),
        "i32" => (integer(i32::MIN.into(), i32::MAX.into()), 0.0),
        "i64" => (integer(i64::MIN.into(), i64::MAX.into()), 0.0),
        "i128" => (integer(i128::MIN, i128::MAX), 0.0),
        "isize" => (integer(i64::MIN.into(), i64::MAX.into()), 0.0),
        "f32" => (None, f64::from(f32::MAX)),
        "f64" => (None, f64::MAX),
        _ => return None,
    };
    let span_text = match (name.as_str(), integer) {
        ("u128", _) => format!("0 to {}", u128::MAX),
        (_, Some((min, max))) => format!("{min} to {max}"),
        ("f32", _) => format!("-{:e} to {:e}", f32::MAX, f32::MAX),
        (_, None) => format!("-{float_max:e} to {float_max:e}"),
    };
    Some(NumberType {
        name,
        integer,
        float_max,
        span_text,
    })
}
