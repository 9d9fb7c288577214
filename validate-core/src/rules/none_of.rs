//! `none_of(..)`: the value is none of the listed literals.

use crate::{Error, Param};

/// The `none_of` error listing the forbidden values.
#[cold]
pub fn error(values: Vec<Param>) -> Error {
    let list = values
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    Error::new("none_of")
        .with_message(format!("must not be one of: {list}"))
        .with_param("values", Param::List(values))
}
