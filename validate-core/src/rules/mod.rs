//! One module per rule. Each has a `check` (or a few) that the generated code calls on the valid
//! path, which never allocates, and an `error` that builds the rule's [`Error`](crate::Error)
//! with its code, default English message and parameters, called only on failure.

pub mod alphanumeric;
pub mod ascii;
pub mod chars;
pub mod contains;
pub mod credit_card;
pub mod email;
pub mod hostname;
pub mod ip;
pub mod ipv4;
pub mod ipv6;
pub mod length;
pub mod must_match;
pub mod no_control;
pub mod none_of;
pub mod not_contains;
pub mod one_of;
#[cfg(feature = "password")]
pub mod password;
pub mod pattern;
pub mod prefix;
pub mod range;
pub mod required;
pub mod suffix;
pub mod url;
pub mod uuid;
