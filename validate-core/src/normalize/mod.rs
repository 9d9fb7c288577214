//! Normalizers: functions from a string to its canonical form, one module per family.
//!
//! Each returns `Cow::Borrowed` when the value is already in that form (so it allocates only
//! when it changes the value), is idempotent, and never panics. The derive applies them in the
//! order written in `#[normalize(..)]`, before validation.
//!
//! ```
//! use validate_core::normalize;
//! assert_eq!(normalize::trim("  Ada "), "Ada");
//! assert_eq!(normalize::nfkc("ＡＤＡ１"), "ADA1");
//! assert_eq!(normalize::lowercase("ADA"), "ada");
//! ```

mod case;
pub(crate) mod chain;
mod control;
pub(crate) mod quick;
mod trim;
mod unicode;
mod whitespace;

pub use case::{lowercase, uppercase};
pub use chain::Normalizer;
pub use control::strip_control;
pub use trim::{trim, trim_end, trim_start};
pub use unicode::{nfc, nfd, nfkc, nfkd};
pub use whitespace::collapse_whitespace;
