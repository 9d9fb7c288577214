//! Every word of the attribute language, once: the attribute names, the rules, the string
//! normalizers and the character classes. Parsing, checking, suggestions and code generation all
//! read them from here.

use crate::ascii_set::AsciiSet;

pub const VALIDATE: &str = "validate";
pub const NORMALIZE: &str = "normalize";
pub const SERDE: &str = "serde";

pub const MESSAGE: &str = "message";
pub const CODE: &str = "code";
pub const MESSAGE_ID: &str = "message_id";

/// `#[normalize(with = path)]`.
pub const WITH: &str = "with";
/// `#[normalize(each(..))]`.
pub const EACH: &str = "each";

/// An enum of words, each variant with the word it is written as.
macro_rules! words {
    ($(#[$doc:meta])* pub enum $name:ident { $($(#[$vdoc:meta])* $variant:ident = $word:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            /// Every word, in the order of the documentation.
            pub const ALL: &[$name] = &[$($name::$variant),*];

            /// The word as the user writes it.
            pub fn word(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)*
                }
            }

            /// The variant's name, which the runtime's enum of the same words shares.
            #[allow(dead_code)] // only some of the enums are named in generated code
            pub fn variant(self) -> &'static str {
                match self {
                    $($name::$variant => stringify!($variant),)*
                }
            }

            /// The variant written `word`, if any.
            pub fn from_word(word: &str) -> Option<Self> {
                match word {
                    $($word => Some($name::$variant),)*
                    _ => None,
                }
            }

            /// Every word, for suggestions.
            pub fn words() -> impl Iterator<Item = &'static str> {
                Self::ALL.iter().map(|w| w.word())
            }
        }
    };
}

words! {
    /// A rule of `#[validate(..)]`. Each is one word in the derive, the runtime module
    /// (`validate_core::rules::<word>`), the error code and the docs.
    pub enum RuleName {
        Length = "length",
        Range = "range",
        Pattern = "pattern",
        Email = "email",
        Url = "url",
        Hostname = "hostname",
        Ip = "ip",
        Ipv4 = "ipv4",
        Ipv6 = "ipv6",
        Uuid = "uuid",
        Chars = "chars",
        Ascii = "ascii",
        Alphanumeric = "alphanumeric",
        NoControl = "no_control",
        OneOf = "one_of",
        NoneOf = "none_of",
        Contains = "contains",
        NotContains = "not_contains",
        Prefix = "prefix",
        Suffix = "suffix",
        CreditCard = "credit_card",
        Required = "required",
        MustMatch = "must_match",
        Nested = "nested",
        Each = "each",
        Keys = "keys",
        Custom = "custom",
        AsyncCustom = "async_custom",
        Sensitive = "sensitive",
        Password = "password",
    }
}

words! {
    /// A string normalizer of `#[normalize(..)]`: a function `validate_core::normalize::<word>`.
    pub enum StrNormalizer {
        Trim = "trim",
        TrimStart = "trim_start",
        TrimEnd = "trim_end",
        Lowercase = "lowercase",
        Uppercase = "uppercase",
        Nfc = "nfc",
        Nfd = "nfd",
        Nfkc = "nfkc",
        Nfkd = "nfkd",
        CollapseWhitespace = "collapse_whitespace",
        StripControl = "strip_control",
    }
}

impl StrNormalizer {
    /// The ASCII bytes the normalizer can change or remove. It leaves every other ASCII byte as
    /// it is (the Unicode forms are the identity on ASCII), which is what lets a whitelist of
    /// ASCII bytes prove a value normal.
    pub fn forbidden(self) -> AsciiSet {
        // Whitespace, controls and DEL.
        let spacing = AsciiSet::range(0, b' ').union(AsciiSet::byte(0x7f));
        match self {
            StrNormalizer::Trim
            | StrNormalizer::TrimStart
            | StrNormalizer::TrimEnd
            | StrNormalizer::CollapseWhitespace
            | StrNormalizer::StripControl => spacing,
            StrNormalizer::Lowercase => AsciiSet::range(b'A', b'Z'),
            StrNormalizer::Uppercase => AsciiSet::range(b'a', b'z'),
            StrNormalizer::Nfc | StrNormalizer::Nfd | StrNormalizer::Nfkc | StrNormalizer::Nfkd => {
                AsciiSet::EMPTY
            }
        }
    }
}

/// Every word `#[normalize(..)]` takes, for suggestions.
pub fn normalizer_words() -> impl Iterator<Item = &'static str> {
    StrNormalizer::words().chain([WITH, EACH])
}

words! {
    /// A class of `chars(..)`.
    pub enum CharClass {
        AsciiLowercase = "ascii_lowercase",
        AsciiUppercase = "ascii_uppercase",
        AsciiAlpha = "ascii_alpha",
        AsciiDigit = "ascii_digit",
        AsciiAlphanumeric = "ascii_alphanumeric",
        AsciiPunctuation = "ascii_punctuation",
        Space = "space",
    }
}

impl CharClass {
    /// The bytes of the class.
    pub fn set(self) -> AsciiSet {
        let lower = AsciiSet::range(b'a', b'z');
        let upper = AsciiSet::range(b'A', b'Z');
        let digit = AsciiSet::range(b'0', b'9');
        match self {
            CharClass::AsciiLowercase => lower,
            CharClass::AsciiUppercase => upper,
            CharClass::AsciiAlpha => lower.union(upper),
            CharClass::AsciiDigit => digit,
            CharClass::AsciiAlphanumeric => lower.union(upper).union(digit),
            CharClass::AsciiPunctuation => AsciiSet::matching(|b| b.is_ascii_punctuation()),
            CharClass::Space => AsciiSet::byte(b' '),
        }
    }
}
