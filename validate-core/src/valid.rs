//! [`Valid<T>`]: a value that was normalized and validated.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Report, Validate, ValidateWith, log};

/// Proof that a `T` was normalized and validated.
///
/// There is no `DerefMut`: changing the value could make it invalid. Take it out with
/// [`Valid::into_inner`] to change it. `Serialize` is transparent; `Deserialize` deserializes a
/// `T`, normalizes and validates it, and fails with a serde error that lists each error's path
/// and message, never a value.
///
/// ```
/// use validate_core::{Valid, Validate};
///
/// #[derive(Debug, serde::Deserialize, Validate)]
/// struct Name {
///     #[normalize(trim)]
///     #[validate(length(min = 1, max = 20))]
///     name: String,
/// }
///
/// let name = Valid::new(Name { name: "  Ada ".into() }).unwrap();
/// assert_eq!(name.name, "Ada");
/// let parsed: Valid<Name> = serde_json::from_str(r#"{"name":" Grace "}"#).unwrap();
/// assert_eq!(parsed.into_inner().name, "Grace");
/// let err = serde_json::from_str::<Valid<Name>>(r#"{"name":"   "}"#).unwrap_err();
/// assert!(err.to_string().contains("name: must be between 1 and 20 characters"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Valid<T>(T);

impl<T: Validate> Valid<T> {
    /// Normalizes `value`, then validates it.
    pub fn new(mut value: T) -> Result<Self, Report> {
        value.__normalize_validate()?;
        Ok(Valid(value))
    }
}

impl<T: ValidateWith> Valid<T> {
    /// Normalizes `value`, then validates it with `ctx`: every rule but the async ones (see
    /// [`ValidateWith`]).
    pub fn new_with(mut value: T, ctx: &T::Context) -> Result<Self, Report> {
        value.__normalize();
        value.validate_with(ctx)?;
        Ok(Valid(value))
    }

    /// Normalizes `value`, then validates it with `ctx`, async rules included.
    pub async fn new_async(mut value: T, ctx: &T::Context) -> Result<Self, Report>
    where
        T: Sync,
    {
        value.__normalize();
        value.validate_async(ctx).await?;
        Ok(Valid(value))
    }
}

impl<T> Valid<T> {
    /// The validated value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Valid<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> AsRef<T> for Valid<T> {
    fn as_ref(&self) -> &T {
        &self.0
    }
}

impl<T: fmt::Display> fmt::Display for Valid<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: Serialize> Serialize for Valid<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de> + Validate> Deserialize<'de> for Valid<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Validated inside the `Result` serde wrote, and wrapped only then, so that the `T` is
        // not copied once more.
        let mut result = T::deserialize(deserializer);
        match &mut result {
            Ok(value) => {
                if let Err(report) = value.__normalize_validate() {
                    return Err(invalid(&report));
                }
            }
            Err(_) => return Err(conceal(result)),
        }
        result.map(Valid)
    }
}

/// A deserializer's error, rewritten so that it says what was expected and never what came,
/// under any deserializer: frameworks send these messages to clients.
#[cold]
#[inline(never)]
fn conceal<T, E: serde::de::Error>(result: Result<T, E>) -> E {
    match result {
        Err(error) => E::custom(crate::de::conceal(&error.to_string())),
        Ok(_) => E::custom("invalid value"),
    }
}

/// The serde error for a failed `Valid<T>`. Out of line and cold, so that the valid path stays a
/// few cache lines long: right after a parse, serde's code has filled much of the instruction
/// cache.
#[cold]
#[inline(never)]
fn invalid<E: serde::de::Error>(report: &Report) -> E {
    E::custom(DeError(report))
}

/// How the serde message of a failed validation starts.
pub(crate) const FAILED: &str = "validation failed: ";

/// The serde error message of a report: each error's path and message, never a value.
struct DeError<'a>(&'a Report);

impl fmt::Display for DeError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(FAILED)?;
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{}: {}", e.path().in_log(), log::escape(e.message()))?;
        }
        if self.0.truncated() {
            write!(f, "; and at least {} more", self.0.omitted())?;
        }
        Ok(())
    }
}
