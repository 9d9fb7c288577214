//! Format predicates behind the `email`, `url`, `hostname`, `ip`, `ipv4`, `ipv6`, `uuid` and
//! `credit_card` rules, usable without the derive, and the host check of `url(public)`.
//!
//! Every predicate is a hand-written scan over the bytes of its input: it never panics, runs in time
//! linear in the input, checks length limits before anything else (so a 10 MB string fails at once),
//! and allocates nothing when the input is valid ASCII.
//!
//! ```
//! use validate_core::formats;
//!
//! assert!(formats::is_email("jane.doe@example.com"));
//! assert!(formats::is_url("https://example.com/docs?page=2"));
//! assert!(formats::is_hostname("api.example.com"));
//! assert!(formats::is_ip("2001:db8::1"));
//! assert!(formats::is_uuid("67e55044-10b1-426f-9247-bb680e5fe0c8"));
//! assert!(formats::is_credit_card("4111 1111 1111 1111"));
//! ```

mod a_label;
mod credit_card;
mod email;
mod hostname;
mod ip;
mod public;
mod url;
mod uuid;

/// The fast paths of the format predicates and the exact scans they stand in for, apart, so that
/// tests can hold each fast path to its scan: whatever a fast path accepts, the scan must.
#[doc(hidden)]
pub mod fast_paths {
    pub use super::email::{is_email_exact, is_email_fast, is_plain_lowercase_email};
    pub use super::hostname::{is_hostname_exact, is_hostname_fast};
    pub use super::url::{is_plain_web_url, is_url_exact};
}

pub use credit_card::is_credit_card;
pub(crate) use email::is_plain_lowercase_email;
pub use email::{EmailOptions, is_email, is_email_with};
pub use hostname::is_hostname;
pub use ip::{is_ip, is_ipv4, is_ipv6};
pub use public::{is_public_host, is_public_ip};
pub use url::{UrlOptions, is_url, is_url_with};
pub use uuid::is_uuid;
