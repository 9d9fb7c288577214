//! `url` / `url(schemes(..), max_length = N, allow_credentials, public)`: an absolute URL with a
//! host; see [`crate::formats::is_url_with`].

use crate::Error;
use crate::formats::UrlOptions;

/// The `url` check with its options.
#[inline]
pub fn check(s: &str, options: &UrlOptions<'_>) -> bool {
    crate::formats::is_url_with(s, options)
}

/// The `url` error; the allowed schemes are a parameter.
#[cold]
pub fn error(options: &UrlOptions<'_>) -> Error {
    let schemes: Vec<String> = options.schemes.iter().map(|s| (*s).to_owned()).collect();
    let public = if options.public { "public " } else { "" };
    Error::new("url")
        .with_message(format!(
            "must be a valid {public}URL ({})",
            schemes.join(", ")
        ))
        .with_param("schemes", schemes)
}
