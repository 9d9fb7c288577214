//! Messages in the client's language (feature `i18n`, on `fluent-bundle`).
//!
//! An error's code and params are the stable contract; its message is one language's rendering
//! of them. A [`Catalog`] is a Fluent catalogue whose message ids are error codes and whose
//! variables are the params (`{ $min }`); [`Report::localized`](crate::Report::localized)
//! renders every message of a report through one, and [`Catalogs`] picks the catalogue for an
//! `Accept-Language` header, which the web extractors do when the application registers one.
//!
//! ```
//! use validate_core::Validate;
//! use validate_core::i18n::Catalog;
//!
//! #[derive(Validate)]
//! struct Signup {
//!     #[validate(length(min = 3, max = 32))]
//!     user_name: String,
//!     #[validate(length(min = 1, message = "{min} tag at least", message_id = "tags-empty"))]
//!     tags: Vec<String>,
//! }
//!
//! let report = Signup { user_name: "ab".into(), tags: vec![] }.validate().unwrap_err();
//! let german = report.localized(&Catalog::builtin("de").unwrap());
//! assert_eq!(german.errors()[0].message(), "muss zwischen 3 und 32 Zeichen lang sein");
//! // A message of one's own stays as written (its `{min}` filled in), unless the catalogue
//! // has its `message_id`.
//! assert_eq!(german.errors()[1].message(), "1 tag at least");
//! let own = Catalog::from_ftl("de", "tags-empty = mindestens { $min } Schlagwort").unwrap();
//! assert_eq!(report.localized(&own).errors()[1].message(), "mindestens 1 Schlagwort");
//! // Codes, params and paths do not change.
//! assert_eq!(german.errors()[0].code(), "length");
//! ```
//!
//! The shipped catalogues, [`Catalog::builtin`], are English, German, French and Spanish, each
//! with every built-in code, plural-correct through Fluent's plural rules (`1 character`,
//! `2 characters`). An id a catalogue lacks keeps the English message. Rendered text carries no
//! Unicode bidi isolation marks (Fluent's default), which are exactly what `no_control`
//! refuses. Each built-in code's params, and the few variables the renderer adds to choose a
//! message's form (`$unit`, `$bound`, `$exclusive`, `$kind`), are listed for catalogue writers in
//! `src/i18n/CODES.md`, beside the shipped `.ftl` files.

mod negotiate;

use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

pub use negotiate::Catalogs;

use crate::{FieldError, Param, Report};

/// The shipped catalogues: locale and Fluent source.
const BUILTIN: [(&str, &str); 4] = [
    ("en", include_str!("en.ftl")),
    ("de", include_str!("de.ftl")),
    ("fr", include_str!("fr.ftl")),
    ("es", include_str!("es.ftl")),
];

/// A Fluent catalogue of messages for one locale: ids are error codes (or a rule's
/// `message_id`), variables are the error's params.
pub struct Catalog {
    locale: String,
    bundle: FluentBundle<FluentResource>,
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}

/// Why [`Catalog::from_ftl`] refused a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogError {
    /// The locale is not a BCP 47 language tag.
    Locale(String),
    /// The Fluent source does not parse: the first line at fault (from 1) and the parser's
    /// words.
    Syntax {
        /// The line, counted from 1.
        line: usize,
        /// What the parser found wrong.
        reason: String,
    },
    /// A message id appears twice.
    Duplicate(String),
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogError::Locale(locale) => write!(f, "`{locale}` is not a language tag"),
            CatalogError::Syntax { line, reason } => write!(f, "line {line}: {reason}"),
            CatalogError::Duplicate(id) => write!(f, "message `{id}` is defined twice"),
        }
    }
}

impl std::error::Error for CatalogError {}

impl Catalog {
    /// A catalogue from Fluent source; a mistake in it is an error naming its line.
    ///
    /// ```
    /// use validate_core::i18n::{Catalog, CatalogError};
    ///
    /// assert!(Catalog::from_ftl("nl", "required = is verplicht").is_ok());
    /// let broken = Catalog::from_ftl("nl", "required = is verplicht\nlength = { $min").unwrap_err();
    /// assert!(matches!(broken, CatalogError::Syntax { line: 2, .. }), "{broken}");
    /// ```
    pub fn from_ftl(locale: &str, source: &str) -> Result<Catalog, CatalogError> {
        let langid: LanguageIdentifier = locale
            .parse()
            .map_err(|_| CatalogError::Locale(locale.to_owned()))?;
        let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
            let first = &errors[0];
            let line = source[..first.pos.start.min(source.len())]
                .bytes()
                .filter(|&b| b == b'\n')
                .count()
                + 1;
            CatalogError::Syntax {
                line,
                reason: first.kind.to_string(),
            }
        })?;
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).map_err(|errors| {
            let id = errors
                .iter()
                .find_map(|e| match e {
                    fluent_bundle::FluentError::Overriding { id, .. } => Some(id.clone()),
                    _ => None,
                })
                .unwrap_or_default();
            CatalogError::Duplicate(id)
        })?;
        Ok(Catalog {
            locale: locale.to_owned(),
            bundle,
        })
    }

    /// A shipped catalogue: `"en"`, `"de"`, `"fr"` or `"es"` (`None` for any other).
    pub fn builtin(locale: &str) -> Option<Catalog> {
        let (locale, source) = BUILTIN.iter().find(|(l, _)| *l == locale)?;
        Some(Catalog::from_ftl(locale, source).expect("the shipped catalogues parse"))
    }

    /// The locales of the shipped catalogues.
    pub fn builtin_locales() -> impl Iterator<Item = &'static str> {
        BUILTIN.iter().map(|(locale, _)| *locale)
    }

    /// The locale, as given.
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// Whether the catalogue has a message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// `error`'s message in this catalogue: its `message_id`'s, or its code's; `None` when the
    /// catalogue has neither, or the message cannot be rendered with these params.
    pub fn render(&self, error: &FieldError) -> Option<String> {
        let id = error
            .message_id()
            .filter(|id| self.has(id))
            .unwrap_or(error.code());
        let pattern = self.bundle.get_message(id)?.value()?;
        let args = arguments(self, error);
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }
}

/// The shipped English catalogue, which renders every built-in message as the errors carry it:
/// an error whose message it renders has its default message, to translate.
fn english() -> &'static Catalog {
    static ENGLISH: OnceLock<Catalog> = OnceLock::new();
    ENGLISH.get_or_init(|| Catalog::builtin("en").expect("English is shipped"))
}

impl Report {
    /// The report with its messages in `catalog`'s language: the same errors, codes, params and
    /// paths. A built-in message is translated; a `message = ".."` of one's own is kept unless
    /// the rule also has a `message_id` the catalogue knows; an id the catalogue lacks keeps the
    /// English message.
    pub fn localized(&self, catalog: &Catalog) -> Report {
        let mut report = self.clone();
        for error in report.errors_mut() {
            let translatable = match error.message_id() {
                Some(id) => catalog.has(id),
                None => english().render(error).as_deref() == Some(error.message()),
            };
            if !translatable {
                continue;
            }
            if let Some(message) = catalog.render(error) {
                error.set_message(message);
            }
        }
        report.set_language(catalog.locale());
        report
    }
}

/// The error's params as Fluent variables, with the variables that choose a message's form
/// (see `CODES.md`).
fn arguments<'a>(catalog: &Catalog, error: &'a FieldError) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, value) in error.params() {
        args.set(name.as_ref(), value_of(value));
    }
    let has = |name: &str| error.param(name).is_some();
    let message = error.message();
    let code = error.code();
    let bound = match code {
        "length" => Some(match (has("equal"), has("min"), has("max")) {
            (true, _, _) => "equal",
            (false, true, true) => "between",
            (false, true, false) => "min",
            (false, false, true) => "max",
            _ => "none",
        }),
        "range" => Some(match (has("min"), has("max")) {
            (true, true) => "between",
            (true, false) => "min",
            (false, true) => "max",
            _ => "none",
        }),
        _ => None,
    };
    if let Some(bound) = bound {
        args.set("bound", bound);
    }
    match code {
        "length" => {
            let unit = if message.ends_with(" byte") || message.ends_with(" bytes") {
                "bytes"
            } else if message.ends_with(" item") || message.ends_with(" items") {
                "items"
            } else {
                "chars"
            };
            args.set("unit", unit);
        }
        "range" => {
            let exclusive = match (has("exclusive_min"), has("exclusive_max")) {
                (true, true) => "both",
                (true, false) => "min",
                (false, true) => "max",
                _ => "none",
            };
            args.set("exclusive", exclusive);
        }
        "chars" => {
            let classes: Vec<String> = match error.param("classes") {
                Some(Param::List(list)) => list
                    .iter()
                    .map(|class| {
                        let class = class.to_string();
                        class_name(catalog, &class).unwrap_or_else(|| class.replace('_', " "))
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let kind = match (classes.is_empty(), has("chars")) {
                (false, true) => "both",
                (true, true) => "chars",
                _ => "classes",
            };
            args.set("classes", classes.join(", "));
            args.set("kind", kind);
        }
        "url" => {
            let public = message.starts_with("must be a valid public URL");
            args.set("kind", if public { "public" } else { "other" });
        }
        _ => {
            if let Some(kind) = shape_form(code, message, has("expected")) {
                args.set("kind", kind);
            }
        }
    }
    args
}

/// Which form of a shape error's message the error has.
fn shape_form(code: &str, message: &str, expected: bool) -> Option<&'static str> {
    if !matches!(
        code,
        "invalid_type" | "invalid_value" | "invalid_length" | "unknown_variant" | "unknown_field"
    ) {
        return None;
    }
    if expected {
        return Some("expected");
    }
    Some(match message {
        "expected an integer" => "integer",
        "expected a number" => "number",
        "expected a boolean" => "boolean",
        "is out of range" => "out_of_range",
        "must be UTF-8 text" => "utf8",
        "has too many elements" => "too_many",
        "there are no variants" | "unknown field, there are no fields" => "none",
        _ => "other",
    })
}

/// A `chars` class in the catalogue's words (`chars-class-ascii_lowercase`).
fn class_name(catalog: &Catalog, class: &str) -> Option<String> {
    let message = catalog
        .bundle
        .get_message(&format!("chars-class-{class}"))?;
    let mut errors = Vec::new();
    let text = catalog
        .bundle
        .format_pattern(message.value()?, None, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// A param as a Fluent value: numbers as numbers (plural rules read them), lists as text.
fn value_of(param: &Param) -> FluentValue<'_> {
    match param {
        Param::Int(i) => match i64::try_from(*i) {
            Ok(i) => FluentValue::from(i),
            Err(_) => FluentValue::from(i.to_string()),
        },
        Param::Float(f) => FluentValue::from(*f),
        Param::Str(s) => FluentValue::from(s.as_ref()),
        Param::List(_) => FluentValue::from(param.to_string()),
    }
}
