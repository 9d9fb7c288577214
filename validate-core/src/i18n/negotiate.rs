//! [`Catalogs`]: the catalogues an application answers in, and the choice of one for an
//! `Accept-Language` header (RFC 9110 §12.5.4 with RFC 4647 §3.4 lookup).

use std::sync::Arc;

use super::Catalog;

/// At most this much of an `Accept-Language` header is read.
const HEADER_LIMIT: usize = 1024;
/// At most this many language ranges of it are considered.
const RANGE_LIMIT: usize = 16;

/// The catalogues a service answers in (cheap to clone: they are shared). Registered with the
/// web framework, they make every problem body speak the client's language, with
/// `Content-Language` set; without them, answers are in English. axum: a layer,
/// `.layer(Extension(Arc::new(catalogs)))`; actix-web: `.app_data(web::Data::new(catalogs))`;
/// poem: `.data(catalogs)`; rocket: `.manage(catalogs)`; warp:
/// `Filters::new().with_catalogs(catalogs)`.
///
/// ```
/// use validate_core::i18n::Catalogs;
///
/// let catalogs = Catalogs::builtin();
/// assert_eq!(catalogs.negotiate("fr-CH, fr;q=0.9, en;q=0.8").unwrap().locale(), "fr");
/// assert_eq!(catalogs.negotiate("da, de-AT;q=0.5").unwrap().locale(), "de");
/// assert!(catalogs.negotiate("da").is_none()); // nothing it speaks: the English default
/// assert!(catalogs.negotiate("de;q=0, da").is_none()); // `q=0`: not German
/// ```
#[derive(Debug, Default, Clone)]
pub struct Catalogs {
    catalogs: Vec<Arc<Catalog>>,
}

impl Catalogs {
    /// No catalogue yet.
    pub fn new() -> Self {
        Catalogs::default()
    }

    /// Every shipped catalogue: English, German, French and Spanish.
    pub fn builtin() -> Self {
        Catalog::builtin_locales()
            .filter_map(Catalog::builtin)
            .fold(Catalogs::new(), Catalogs::with)
    }

    /// These catalogues and `catalog`, which replaces one of the same locale.
    #[must_use]
    pub fn with(mut self, catalog: Catalog) -> Self {
        self.catalogs
            .retain(|c| !c.locale().eq_ignore_ascii_case(catalog.locale()));
        self.catalogs.push(Arc::new(catalog));
        self
    }

    /// The catalogue for an `Accept-Language` value: the ranges in order of their `q` (the
    /// first written among equals), each looked up as RFC 4647 does (`de-CH-1996`, then
    /// `de-CH`, then `de`); `*` takes the first catalogue. `None` when none matches, for a
    /// malformed header, and past the first kilobyte or sixteen ranges (the rest is ignored).
    pub fn negotiate(&self, accept_language: &str) -> Option<&Catalog> {
        let mut header = accept_language;
        if header.len() > HEADER_LIMIT {
            let mut end = HEADER_LIMIT;
            while !header.is_char_boundary(end) {
                end -= 1;
            }
            header = &header[..end];
        }
        let mut ranges: Vec<(&str, u16)> = header
            .split(',')
            .take(RANGE_LIMIT)
            .filter_map(range)
            .filter(|&(_, q)| q > 0)
            .collect();
        // Stable: among equal weights, the order written.
        ranges.sort_by_key(|&(_, q)| std::cmp::Reverse(q));
        ranges.into_iter().find_map(|(tag, _)| self.lookup(tag))
    }

    fn lookup(&self, tag: &str) -> Option<&Catalog> {
        if tag == "*" {
            return self.catalogs.first().map(Arc::as_ref);
        }
        let mut tag = tag;
        loop {
            if let Some(catalog) = self
                .catalogs
                .iter()
                .find(|c| c.locale().eq_ignore_ascii_case(tag))
            {
                return Some(catalog.as_ref());
            }
            let (shorter, _) = tag.rsplit_once('-')?;
            // RFC 4647: a single-letter subtag (an extension's key) goes with the one after it.
            tag = match shorter.rsplit_once('-') {
                Some((rest, single)) if single.len() == 1 => rest,
                _ => shorter,
            };
        }
    }
}

/// One language range and its weight in thousandths, or `None` when it is malformed.
fn range(item: &str) -> Option<(&str, u16)> {
    let mut parts = item.split(';');
    let tag = parts.next()?.trim();
    let well_formed = tag == "*"
        || !tag.is_empty()
            && tag.split('-').all(|sub| {
                (1..=8).contains(&sub.len()) && sub.bytes().all(|b| b.is_ascii_alphanumeric())
            })
            && tag.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
    if !well_formed {
        return None;
    }
    let mut q = 1000;
    for param in parts {
        let (name, value) = param.trim().split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("q") {
            return None;
        }
        q = weight(value.trim())?;
    }
    Some((tag, q))
}

/// An RFC 9110 weight (`0`, `0.5`, `1.000`) in thousandths.
fn weight(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(digits),
        "1" if digits == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chosen(header: &str) -> Option<&'static str> {
        static CATALOGS: std::sync::OnceLock<Catalogs> = std::sync::OnceLock::new();
        let catalogs = CATALOGS.get_or_init(Catalogs::builtin);
        catalogs.negotiate(header).map(|c| match c.locale() {
            "en" => "en",
            "de" => "de",
            "fr" => "fr",
            "es" => "es",
            _ => "?",
        })
    }

    #[test]
    fn weights_and_lookup() {
        assert_eq!(chosen("es"), Some("es"));
        assert_eq!(chosen("ES-mx"), Some("es"));
        assert_eq!(chosen("de-CH-1996"), Some("de"));
        assert_eq!(chosen("de-x-private"), Some("de"));
        assert_eq!(chosen("en;q=0.1, fr;q=0.2"), Some("fr"));
        assert_eq!(chosen("fr;q=0.5, de;q=0.5"), Some("fr"));
        assert_eq!(chosen("*"), Some("en"));
        assert_eq!(chosen("da, *;q=0.1"), Some("en"));
        assert_eq!(chosen(""), None);
    }

    #[test]
    fn malformed_ranges_are_ignored() {
        assert_eq!(chosen("de;q=2, fr"), Some("fr"));
        assert_eq!(chosen("de;q=0.1234, fr;q=0.1"), Some("fr"));
        assert_eq!(chosen("de;level=1, es;q=0.1"), Some("es"));
        assert_eq!(chosen("d e, 12, -x, fr"), Some("fr"));
        assert_eq!(chosen("de;q=, es;q=abc"), None);
        assert_eq!(chosen("de;q=-0.5"), None);
    }

    #[test]
    fn long_headers_are_read_only_so_far() {
        let many = "da, ".repeat(20) + "de";
        assert_eq!(chosen(&many), None, "past sixteen ranges");
        let long = format!("{}, de", "x".repeat(2000));
        assert_eq!(chosen(&long), None, "past the first kilobyte");
        assert_eq!(chosen(&format!("de, {}", "é".repeat(2000))), Some("de"));
    }
}
