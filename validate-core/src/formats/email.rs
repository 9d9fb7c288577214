use core::fmt;

use idna::uts46::{AsciiDenyList, ErrorPolicy, Hyphens, ProcessingSuccess, Uts46};

use super::hostname::{are_valid_a_labels, class, run_packed, scan_ldh, skip};

/// Longest address (RFC 5321 §4.5.3.1.3: a 256-octet path less its angle brackets).
const MAX_LEN: usize = 254;
/// Longest local part (RFC 5321 §4.5.3.1.1).
const MAX_LOCAL_LEN: usize = 64;

/// RFC 5322 `atext`: the ASCII characters of a dot-atom besides the dot.
static ATEXT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b: u8 = 0;
    while b < 128 {
        table[b as usize] = b.is_ascii_alphanumeric();
        b += 1;
    }
    let specials = b"!#$%&'*+-/=?^_`{|}~";
    let mut i = 0;
    while i < specials.len() {
        table[specials[i] as usize] = true;
        i += 1;
    }
    table
};

/// Options of the email profile; the default is the strict ASCII profile of [`is_email`].
///
/// ```
/// use validate_core::formats::{EmailOptions, is_email_with};
///
/// let intranet = EmailOptions { allow_single_label: true, ..EmailOptions::default() };
/// assert!(is_email_with("admin@localhost", intranet));
///
/// let international = EmailOptions { international: true, ..EmailOptions::default() };
/// assert!(is_email_with("用户@例子.中国", international));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EmailOptions {
    /// Also accept a domain of one label, such as `user@localhost`.
    pub allow_single_label: bool,
    /// Also accept UTF-8 local parts and internationalized domain names (RFC 6531).
    pub international: bool,
}

/// Whether `s` is an email address under the default profile (see [`is_email_with`]).
///
/// ```
/// use validate_core::formats::is_email;
///
/// assert!(is_email("jane.doe+news@mail.example.com"));
/// assert!(!is_email("jane..doe@example.com"));
/// assert!(!is_email("\"jane doe\"@example.com"));
/// assert!(!is_email("jane@localhost"));
/// assert!(!is_email("jane@[192.0.2.1]"));
/// ```
#[must_use]
pub fn is_email(s: &str) -> bool {
    is_email_with(s, EmailOptions::default())
}

/// Whether `s` is an email address a signup form should accept: the HTML "valid e-mail address"
/// grammar, tightened.
///
/// - The local part is an RFC 5322 dot-atom: letters, digits and ``!#$%&'*+-/=?^_`{|}~``, with
///   dots only between them, at most 64 bytes.
/// - The domain has at least two labels of ASCII letters, digits and inner hyphens, each 1 to 63
///   characters, the last not all digits. An `xn--` label must be an A-label whose U-label IDNA2008
///   allows, as [`is_hostname`](super::is_hostname) checks it, and other labels with hyphens in the
///   third and fourth positions (`ab--cd`) are refused.
/// - The whole address is at most 254 bytes. Case-insensitive.
/// - No quoted strings, comments, whitespace, or IP address literals.
///
/// [`EmailOptions::allow_single_label`] also accepts one-label domains such as `localhost`.
///
/// [`EmailOptions::international`] also accepts (RFC 6531):
/// - non-ASCII characters in the local part, except controls, whitespace, and characters that are
///   invisible or reorder text (zero-width joiners, bidi overrides, …); the local part must be in
///   Unicode NFC;
/// - Unicode domains that IDNA to-ASCII accepts (UTS #46 with the STD3 rules and hyphen checks),
///   whose ASCII form satisfies the rules above, and that are already written in the form IDNA
///   maps them to, up to case: `例子.中国` and `Bücher.de` pass, full-width `ｅｘａｍｐｌｅ.com`
///   and decomposed `cafe\u{301}.com` do not (apply the `nfkc` normalizer first), nor does a
///   domain that mixes Unicode and `xn--` labels.
///
/// ```
/// use validate_core::formats::{EmailOptions, is_email_with};
///
/// let options = EmailOptions { international: true, ..EmailOptions::default() };
/// assert!(is_email_with("jürgen@bücher.de", options));
/// assert!(is_email_with("jurgen@xn--bcher-kva.de", options));
/// assert!(!is_email_with("jürgen@bücher.de", EmailOptions::default()));
/// assert!(!is_email_with("jur\u{200d}gen@example.com", options));
/// ```
#[must_use]
// Inlined, with the exact scan out of line: right after a serde parse the instruction cache is
// full of serde's code, and the usual path of `Valid<T>` should be one short run of lines.
#[inline]
pub fn is_email_with(s: &str, options: EmailOptions) -> bool {
    // With a byte before the `@` and one after, an address of at most 65 bytes has neither a
    // local part nor a label longer than 63. What the automaton accepts the exact scan below
    // would too (whatever the options, as it is ASCII), and the rest is left to that scan.
    is_email_fast(s) || is_email_exact(s, options)
}

/// The fast path of [`is_email_with`]: `true` only for addresses the exact scan accepts under
/// any options; `false` says nothing.
#[inline(always)]
pub fn is_email_fast(s: &str) -> bool {
    s.len() <= 65 && run_packed(&EMAIL_ROWS, ATOM_START, s.as_bytes()) == NAME
}

/// [`is_email_with`] without the fast path. Out of line, so that the fast path needs no
/// registers saved.
#[inline(never)]
pub fn is_email_exact(s: &str, options: EmailOptions) -> bool {
    if s.len() > MAX_LEN {
        return false;
    }
    let Some(LocalPart { at, non_ascii }) = scan_local_part(s, options.international) else {
        return false;
    };
    // Canonically equivalent spellings (`é` as one or two code points) must not pass as different
    // addresses, and NFC is what RFC 6532 §3.1 asks of internationalized headers.
    if non_ascii && !is_nfc(&s[..at]) {
        return false;
    }
    let domain = &s[at + 1..];
    let min_labels = if options.allow_single_label { 1 } else { 2 };
    match scan_ldh(domain.as_bytes()) {
        Some(labels) => {
            labels.count >= min_labels
                && !labels.last_all_digits
                && (!labels.has_a_label || are_valid_a_labels(domain.as_bytes()))
        }
        None => {
            options.international && !domain.is_ascii() && is_idn_domain(domain, at, min_labels)
        }
    }
}

// States of the address automaton, numbered for `run_packed`: multiples of 6, 0 dead. The domain
// states count the dots up to one, and from there on whether the label is all digits.

/// Before an atom of the local part: at the start, or after a dot.
const ATOM_START: u64 = 6;
/// In an atom.
const ATOM: u64 = 12;
/// At the start of the first label, in it, and just after a hyphen in it.
const FIRST_LABEL: u64 = 18;
const FIRST: u64 = 24;
const FIRST_HYPHEN: u64 = 30;
/// At the start of a later label, in one of digits only, in one that is not, and after a hyphen.
const LABEL: u64 = 36;
const DIGITS: u64 = 42;
const NAME: u64 = 48;
const HYPHEN: u64 = 54;

/// The address automaton: a dot-atom, an `@`, then dot-separated labels of letters, digits and
/// inner hyphens; it ends in `NAME` when there are two labels or more and the last is not all
/// digits. (Single labels, and two hyphens in a row as in an `xn--` prefix, are left to the exact
/// scan.)
const fn email_step(state: u64, class: u8) -> u64 {
    let alnum = class::is_alnum(class);
    match (state, class) {
        (ATOM_START | ATOM, _) if is_atext(class) => ATOM,
        (ATOM, class::DOT) => ATOM_START,
        (ATOM, class::AT) => FIRST_LABEL,
        (FIRST_LABEL | FIRST | FIRST_HYPHEN, _) if alnum => FIRST,
        (FIRST, class::HYPHEN) => FIRST_HYPHEN,
        (FIRST, class::DOT) => LABEL,
        (LABEL | DIGITS, class::DIGIT) => DIGITS,
        (LABEL | DIGITS | NAME | HYPHEN, _) if alnum => NAME,
        (DIGITS | NAME, class::HYPHEN) => HYPHEN,
        (DIGITS | NAME, class::DOT) => LABEL,
        _ => 0,
    }
}

const fn is_atext(c: u8) -> bool {
    class::is_alnum(c)
        || matches!(
            c,
            class::HYPHEN
                | class::SHARED
                | class::ATEXT
                | class::SLASH
                | class::QUESTION
                | class::HASH
                | class::PERCENT
        )
}

static EMAIL_ROWS: [u64; 256] = email_rows(false);

/// [`EMAIL_ROWS`] without the upper-case letters, for [`is_plain_lowercase_email`].
static LOWERCASE_EMAIL_ROWS: [u64; 256] = email_rows(true);

/// The packed rows of the address automaton; with `lowercase`, upper-case letters lead nowhere.
const fn email_rows(lowercase: bool) -> [u64; 256] {
    let mut rows = [0; 256];
    let mut b = 0;
    while b < 256 {
        let mut state = ATOM_START;
        while state <= HYPHEN && !(lowercase && (b as u8).is_ascii_uppercase()) {
            rows[b] |= email_step(state, class::of(b as u8)) << state;
            state += 6;
        }
        b += 1;
    }
    rows
}

/// Whether `s` is an address the fast path of [`is_email_with`] accepts, without an upper-case
/// letter. Such an address is valid under every [`EmailOptions`], and, made of the bytes of
/// [`crate::__private::email_proof`] only, no string normalizer but `uppercase` changes it:
/// the derive checks this first for an `email` field normalized with `trim, lowercase`, and
/// when it holds, neither normalizes the field nor checks it again. One pass over the address
/// instead of three (whitespace at the ends, upper case, then the address).
#[inline]
pub fn is_plain_lowercase_email(s: &str) -> bool {
    s.len() <= 65 && run_packed(&LOWERCASE_EMAIL_ROWS, ATOM_START, s.as_bytes()) == NAME
}

struct LocalPart {
    /// Position of the `@` that ends the local part.
    at: usize,
    non_ascii: bool,
}

/// Checks the local part as a dot-atom.
fn scan_local_part(s: &str, international: bool) -> Option<LocalPart> {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut non_ascii = false;
    loop {
        // An atom: a run of `atext` found with a table, and non-ASCII characters if allowed.
        let atom_start = i;
        loop {
            i = skip(&ATEXT, bytes, i);
            match bytes.get(i) {
                Some(128..) if international => {
                    i += local_char_len(&s[i..])?;
                    non_ascii = true;
                }
                _ => break,
            }
        }
        // An empty atom is a leading, trailing or doubled dot, or an empty local part.
        if i == atom_start || i > MAX_LOCAL_LEN {
            return None;
        }
        match bytes.get(i) {
            Some(b'.') => i += 1,
            Some(b'@') => return Some(LocalPart { at: i, non_ascii }),
            _ => return None,
        }
    }
}

/// The length of the non-ASCII character that starts `rest`, if an international local part may
/// have it. Out of line, as the Unicode tables would otherwise weigh on the ASCII path.
#[inline(never)]
fn local_char_len(rest: &str) -> Option<usize> {
    let c = rest.chars().next()?;
    is_local_char(c).then(|| c.len_utf8())
}

/// Whether `local` is in Unicode NFC; out of line for the same reason.
#[inline(never)]
fn is_nfc(local: &str) -> bool {
    unicode_normalization::is_nfc(local)
}

/// Non-ASCII characters allowed in an international local part.
fn is_local_char(c: char) -> bool {
    !(c.is_control() || c.is_whitespace() || is_invisible(c))
}

/// Characters that render as nothing or reorder the text around them (Unicode's
/// `Default_Ignorable_Code_Point`, bidi controls, interlinear annotation controls): they let two
/// different addresses look the same.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Checks a domain with non-ASCII characters: its IDNA ASCII form must satisfy the ASCII rules and
/// fit the address length, and its IDNA Unicode form must be the input itself, up to case.
#[inline(never)]
fn is_idn_domain(domain: &str, local_len: usize, min_labels: usize) -> bool {
    let uts46 = Uts46::new();
    let mut ascii = AsciiDomain {
        buf: [0; MAX_LEN],
        len: 0,
        overflow: false,
    };
    let to_ascii = uts46.process(
        domain.as_bytes(),
        AsciiDenyList::STD3,
        Hyphens::Check,
        ErrorPolicy::FailFast,
        |_, _, _| false,
        &mut ascii,
        None,
    );
    let ascii_ok = to_ascii == Ok(ProcessingSuccess::WroteToSink)
        && !ascii.overflow
        && local_len + 1 + ascii.len <= MAX_LEN
        && scan_ldh(&ascii.buf[..ascii.len]).is_some_and(|labels| {
            labels.count >= min_labels
                && !labels.last_all_digits
                && are_valid_a_labels(&ascii.buf[..ascii.len])
        });
    if !ascii_ok {
        return false;
    }
    // IDNA maps full-width, compatibility and decomposed characters onto other ones; accepting them
    // would let one mailbox pass under many spellings, so the input must already be the mapped form.
    let mut same = SameText {
        rest: domain.chars(),
        differs: false,
    };
    let to_unicode = uts46.process(
        domain.as_bytes(),
        AsciiDenyList::STD3,
        Hyphens::Check,
        ErrorPolicy::FailFast,
        |_, _, _| true,
        &mut same,
        None,
    );
    to_unicode == Ok(ProcessingSuccess::WroteToSink) && !same.differs && same.rest.next().is_none()
}

// The sinks below never return an error: idna 1.1 panics (`unreachable!`) when a sink fails while
// it writes Punycode, so they note the problem for the caller instead.

/// A fixed-size sink for the ASCII form of a domain; notes when that is longer than an address.
struct AsciiDomain {
    buf: [u8; MAX_LEN],
    len: usize,
    overflow: bool,
}

impl fmt::Write for AsciiDomain {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        match self.buf.get_mut(self.len..end) {
            Some(room) if !self.overflow => {
                room.copy_from_slice(s.as_bytes());
                self.len = end;
            }
            _ => self.overflow = true,
        }
        Ok(())
    }
}

/// A sink that notes whether what is written differs from the input, up to case.
struct SameText<'a> {
    rest: core::str::Chars<'a>,
    differs: bool,
}

impl fmt::Write for SameText<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for written in s.chars() {
            let Some(input) = self.rest.next() else {
                self.differs = true;
                break;
            };
            let mut lower = input.to_lowercase();
            if written != input && (lower.next() != Some(written) || lower.next().is_some()) {
                self.differs = true;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The proof automaton admits exactly the bytes `email_proof` documents (the set the derive
    /// relies on), and differs from the address automaton only on upper-case letters.
    #[test]
    fn lowercase_rows_admit_the_proof_bytes_only() {
        for b in 0..=255u8 {
            let admitted = b.is_ascii_lowercase()
                || b.is_ascii_digit()
                || b"!#$%&'*+-/=?^_`{|}~.@".contains(&b);
            let lower = LOWERCASE_EMAIL_ROWS[usize::from(b)];
            assert_eq!(lower != 0, admitted, "byte {b:#x}");
            if !b.is_ascii_uppercase() {
                assert_eq!(lower, EMAIL_ROWS[usize::from(b)], "byte {b:#x}");
            }
        }
    }

    #[test]
    fn plain_lowercase_email() {
        for (address, plain) in [
            ("ada@example.com", true),
            ("a.b+c_d@mail.example.co", true),
            ("Ada@example.com", false),
            ("ada@Example.com", false),
            (" ada@example.com", false),
            ("ada@localhost", false),
            ("ada@example.123", false),
            ("ada..b@example.com", false),
            ("", false),
        ] {
            assert_eq!(is_plain_lowercase_email(address), plain, "{address}");
            if plain {
                assert!(is_email(address), "{address}");
            }
        }
        let long = format!("{}@example.com", "a".repeat(60));
        assert!(is_email(&long) && !is_plain_lowercase_email(&long));
    }
}
