//! Declarative whitelist validation and normalization.
//!
//! `#[derive(Validate)]` turns `#[validate(..)]` and `#[normalize(..)]` annotations on a request
//! struct into a [`Validate`] implementation: normalizers put each field into canonical form
//! (trim, Unicode NFKC, case), then every rule is checked and **all** failures are collected in a
//! [`Report`] whose paths use the names the client sent (serde's `rename`, `rename_all`,
//! `flatten`). Patterns match the whole value; reports never contain rejected values; valid input
//! costs no heap allocation.
//!
//! ```
//! use validate_core::{Valid, Validate};
//!
//! #[derive(Debug, serde::Deserialize, Validate)]
//! #[serde(rename_all = "camelCase")]
//! struct Signup {
//!     #[normalize(trim, nfkc, lowercase)]
//!     #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
//!     user_name: String,
//!     #[normalize(trim, lowercase)]
//!     #[validate(email)]
//!     email: String,
//! }
//!
//! let mut ok = Signup { user_name: " Ａｄａ_1 ".into(), email: "Ada@Example.com".into() };
//! ok.normalize();
//! assert_eq!(ok.user_name, "ada_1");
//! assert!(ok.validate().is_ok());
//!
//! let bad = Signup { user_name: "ab!".into(), email: "nope".into() };
//! let report = bad.validate().unwrap_err();
//! let codes: Vec<_> = report.iter().map(|e| (e.path().to_string(), e.code())).collect();
//! assert_eq!(codes, [("userName".into(), "pattern"), ("email".into(), "email")]);
//! ```
//!
//! # Features
//!
//! - `derive` (default): `#[derive(Validate)]`, documented at [`Validate`](macro@Validate).
//! - `json`, `urlencoded`: `de::from_json`; `de::from_query` and `de::from_form`.
//! - `axum`, `actix-web`, `poem`, `rocket`, `warp`: the extractors (rocket's guards, warp's
//!   filters) of the modules of the same names (`actix` for actix-web).
//! - `password`: the `password` rule, `rules::password`, scored by `zxcvbn`.
//! - `secrecy`: rules, normalizers and `Valid<T>` on `secrecy::SecretString` fields (see
//!   [`access`]).
//! - `schemars`, `utoipa`: the rules in the JSON Schema and OpenAPI documents those crates
//!   derive (the modules `schemars` and `utoipa`).
//! - `i18n`: messages in the client's language (the module `i18n`), from Fluent catalogues.
//! - `tracing`: one `WARN` event, target `validate_core::rejection`, for each request an
//!   extractor refuses.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod access;
mod containers;
pub mod context;
pub mod de;
pub mod formats;
#[cfg(feature = "i18n")]
pub mod i18n;
pub mod log;
#[doc = include_str!("migration.md")]
pub mod migration {}
pub mod normalize;
pub mod pattern;
mod report;
pub mod rules;
mod text;
mod valid;
pub mod web;

// The framework integrations and the problem body they send live in `web/`, beside the `web`
// module they share, and are named at the crate root.
#[cfg(feature = "actix-web")]
#[path = "web/actix.rs"]
pub mod actix;
#[cfg(feature = "axum")]
#[path = "web/axum.rs"]
pub mod axum;
#[cfg(feature = "poem")]
#[path = "web/poem.rs"]
pub mod poem;
#[path = "web/problem.rs"]
pub mod problem;
#[cfg(feature = "rocket")]
#[path = "web/rocket.rs"]
pub mod rocket;
#[cfg(any(feature = "schemars", feature = "utoipa"))]
mod schema;
#[cfg(feature = "schemars")]
pub mod schemars;
#[cfg(feature = "utoipa")]
pub mod utoipa;
#[cfg(feature = "warp")]
#[path = "web/warp.rs"]
pub mod warp;

#[doc(hidden)]
#[path = "private/mod.rs"]
pub mod __private;

pub use context::ValidateWith;
pub use report::{Error, FieldError, KEY_CHARS, PREVIEW_CHARS, Param, Path, Report, Segment};
pub use valid::Valid;

#[cfg(feature = "derive")]
#[doc = include_str!("derive.md")]
pub use validate_derive::Validate;

/// A type whose values can be normalized and validated; usually derived.
///
/// `normalize` puts the value into canonical form (and recurses into `nested` fields);
/// `validate` checks every rule and reports all failures, never stopping at the first.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Validate`",
    label = "`{Self}` is not `Validate`",
    note = "derive `Validate` for `{Self}`: `#[derive(validate_core::Validate)]` on its definition",
    note = "a type with `#[validate(context = ..)]` or `async_custom` implements `ValidateWith` instead: check it with `validate_with`/`validate_async`, make it `Valid` with `Valid::new_with`/`Valid::new_async`, and nest it only in a type with the same context"
)]
pub trait Validate {
    /// Applies every `#[normalize(..)]`, in the order written, recursing into `nested` fields.
    fn normalize(&mut self) {}

    /// Checks every rule; `Err` holds every failure in declaration order.
    fn validate(&self) -> Result<(), Report>;

    /// Validates into `report`, with paths below `path`. Derived impls write their errors straight
    /// into the parent's report; a hand-written impl gets this default, which reuses `validate`.
    #[doc(hidden)]
    fn __validate_into(&self, path: &__private::PathNode<'_>, report: &mut Report) {
        if let Err(errors) = self.validate() {
            __private::append(report, path, errors);
        }
    }

    /// `normalize`, then `__validate_into`: what [`Valid::new`] does. A derived impl does both in
    /// one pass over the fields, and skips normalizing the fields whose whitelist admits only
    /// normal text (`[a-z0-9_]+` under `trim, lowercase`) once the value passes it.
    #[doc(hidden)]
    fn __normalize_validate_into(&mut self, path: &__private::PathNode<'_>, report: &mut Report) {
        self.normalize();
        self.__validate_into(path, report);
    }

    /// `normalize`, then `validate`, through `__normalize_validate_into`.
    #[doc(hidden)]
    #[inline]
    fn __normalize_validate(&mut self) -> Result<(), Report> {
        let mut report = Report::new();
        self.__normalize_validate_into(&__private::PathNode::ROOT, &mut report);
        report.into_result()
    }

    /// Rewrites `path`, the segments serde traced below a value of this type, into the syntax
    /// of the rules' paths: serde names a map's key as it names a field, so the entries of the
    /// value's maps become keys (`labels["x.y"]`, not `labels.x.y`), and the names and keys below
    /// a `sensitive` field are hidden. Derived; a hand-written impl leaves the path as traced.
    #[doc(hidden)]
    fn __trace(path: &mut [Segment])
    where
        Self: Sized,
    {
        let _ = path;
    }
}
