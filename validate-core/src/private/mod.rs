//! What the derive's generated code calls. Not a public API: names and signatures may change in
//! any release.
//!
//! The generated code names every runtime item through this module, so it re-exports the public
//! ones it needs beside its own: the traits values are read through (`access`) and rewritten
//! through (`normalize`), the recording of failures (`fail`), layout hints (`hint`) and the
//! tracing of a shape error's path (`trace`).

mod access;
mod fail;
mod hint;
mod normalize;
pub mod trace;

pub use access::{AsNumber, AsStr, Each, Keys, Length, Required, some};
pub use fail::{Cached, Reason, append, fail, fail_display, fail_length, fail_str, fail_struct};
pub use hint::{cold_path, email_proof};
pub use normalize::{EachMut, NORMALIZE_PASSES, StrMut};

pub use crate::normalize::Normalizer;

pub use crate::normalize::quick::flags as normal_flags;
pub use crate::report::{KeyName, PathNode, Seg};
pub use crate::rules::length::Measure;
pub use crate::rules::range::Number;
pub use regex::Regex;

// The public items the generated code names; the normalizers under a name of their own, beside
// this module's `normalize`.
pub use crate::normalize as normalizers;
pub use crate::{Error, Param, Report, Segment, Validate, formats, pattern, rules};
