//! The words of the attribute language, in one place.

pub const VALIDATE: &str = "validate";
pub const NORMALIZE: &str = "normalize";
pub const SERDE: &str = "serde";

pub const MESSAGE: &str = "message";
pub const CODE: &str = "code";

pub const CHAR_CLASSES: &[&str] = &[
    "ascii_lowercase",
    "ascii_uppercase",
    "ascii_alpha",
    "ascii_digit",
    "ascii_alphanumeric",
    "ascii_punctuation",
    "space",
];

pub const RULES: &[&str] = &[
    "length",
    "range",
    "pattern",
    "email",
    "url",
    "hostname",
    "ip",
    "ipv4",
    "ipv6",
    "uuid",
    "chars",
    "ascii",
    "alphanumeric",
    "no_control",
    "one_of",
    "none_of",
    "contains",
    "prefix",
    "suffix",
    "credit_card",
    "required",
    "must_match",
    "nested",
    "each",
    "keys",
    "custom",
    "sensitive",
];

pub const NORMALIZERS: &[&str] = &[
    "trim",
    "trim_start",
    "trim_end",
    "lowercase",
    "uppercase",
    "nfc",
    "nfd",
    "nfkc",
    "nfkd",
    "collapse_whitespace",
    "strip_control",
    "with",
    "each",
];
