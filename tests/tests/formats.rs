//! `validate_core::formats`: accepted and rejected tables for every predicate, Unicode look-alike
//! and invisible-character attacks, huge inputs, and property tests that no predicate panics.

use std::net::{Ipv4Addr, Ipv6Addr};

use proptest::prelude::*;
use validate_core::formats::{
    EmailOptions, UrlOptions, is_credit_card, is_email, is_email_with, is_hostname, is_ip, is_ipv4,
    is_ipv6, is_url, is_url_with, is_uuid,
};

const SINGLE_LABEL: EmailOptions = EmailOptions {
    allow_single_label: true,
    international: false,
};
const INTERNATIONAL: EmailOptions = EmailOptions {
    allow_single_label: false,
    international: true,
};
const PERMISSIVE: EmailOptions = EmailOptions {
    allow_single_label: true,
    international: true,
};

#[track_caller]
fn check_table(name: &str, predicate: impl Fn(&str) -> bool, accepted: &[&str], rejected: &[&str]) {
    let wrong_rejections: Vec<_> = accepted.iter().filter(|s| !predicate(s)).collect();
    let wrong_acceptances: Vec<_> = rejected.iter().filter(|s| predicate(s)).collect();
    assert!(
        wrong_rejections.is_empty() && wrong_acceptances.is_empty(),
        "{name}: rejected {wrong_rejections:?}, accepted {wrong_acceptances:?}"
    );
}

#[test]
fn email_default_profile() {
    let local_64 = format!("{}@example.com", "a".repeat(64));
    let local_65 = format!("{}@example.com", "a".repeat(65));
    let label_63 = format!("a@{}.com", "b".repeat(63));
    let label_64 = format!("a@{}.com", "b".repeat(64));
    // 64 + 1 + 189 = 254 bytes, then 255.
    let total_254 = format!(
        "{}@{}.{}.{}.com",
        "a".repeat(64),
        "d".repeat(63),
        "d".repeat(63),
        "d".repeat(57)
    );
    let total_255 = format!(
        "{}@{}.{}.{}.com",
        "a".repeat(64),
        "d".repeat(63),
        "d".repeat(63),
        "d".repeat(58)
    );
    assert_eq!(total_254.len(), 254);
    assert_eq!(total_255.len(), 255);
    check_table(
        "is_email",
        is_email,
        &[
            "a@b.co",
            "jane.doe@example.com",
            "JANE.DOE@EXAMPLE.COM",
            "user+tag@mail.example.co.uk",
            "!#$%&'*+-/=?^_`{|}~@example.com",
            "o'brien@example.ie",
            "1234@123.example",
            "x@3com.com",
            "user@a-b--c.example",
            "user@xn--bcher-kva.de",
            "user@example.c0m",
            // MIDDLE DOT between two `l`, where IDNA2008 allows it.
            "user@xn--collegi-xma.example",
            &local_64,
            &label_63,
            &total_254,
        ],
        &[
            "",
            "@",
            "plainaddress",
            "@example.com",
            "user@",
            "user@@example.com",
            "user@exa@mple.com",
            ".user@example.com",
            "user.@example.com",
            "us..er@example.com",
            "user@localhost",
            "user@example",
            "user@.example.com",
            "user@example.com.",
            "user@example..com",
            "user@-example.com",
            "user@example-.com",
            "user@exam_ple.com",
            "user@example.123",
            "user@192.168.0.1",
            "user@[192.168.0.1]",
            "user@[IPv6:2001:db8::1]",
            "\"user\"@example.com",
            "\"us er\"@example.com",
            "user(comment)@example.com",
            "(comment)user@example.com",
            "user@(comment)example.com",
            "user name@example.com",
            " user@example.com",
            "user@example.com ",
            "user@example.com\n",
            "user\t@example.com",
            "user@example.com\r\n",
            "user\\@example.com",
            "<user@example.com>",
            "Jane <user@example.com>",
            "user@example.com, other@example.com",
            "user@exa mple.com",
            "user@example.com/",
            "jürgen@example.com",
            "user@bücher.de",
            // `xn--` labels are A-labels, and other reserved `??--` labels are refused.
            "user@xn--X.com",
            "user@xn--ab-0ea.example",
            "user@ab--cd.example",
            "user@example.zz--top",
            &local_65,
            &label_64,
            &total_255,
        ],
    );
}

#[test]
fn email_options() {
    assert!(is_email_with("admin@localhost", SINGLE_LABEL));
    assert!(is_email_with("admin@LOCALHOST", SINGLE_LABEL));
    assert!(!is_email_with("admin@123", SINGLE_LABEL));
    assert!(!is_email_with("admin@-localhost", SINGLE_LABEL));
    assert!(!is_email_with("admin@", SINGLE_LABEL));
    assert!(!is_email_with("admin@localhost", INTERNATIONAL));
    assert!(is_email_with("ädmin@bücher", PERMISSIVE));
    assert_eq!(
        EmailOptions::default(),
        EmailOptions {
            allow_single_label: false,
            international: false
        }
    );

    check_table(
        "is_email_with(international)",
        |s| is_email_with(s, INTERNATIONAL),
        &[
            "jane.doe@example.com",
            "jürgen@bücher.de",
            "JÜRGEN@BÜCHER.DE",
            "用户@例子.广告",
            "δοκιμή@παράδειγμα.δοκιμή",
            "чебурашка@ящик-с-апельсинами.рф",
            "अजय@डाटा.भारत",
            "𝕏@example.com",
            "user@xn--bcher-kva.de",
            "user@col\u{b7}legi.cat",
            "a＠b@example.com",
        ],
        &[
            "user＠example.com",
            "user@exa\u{ff0e}mple.com",
            "user@example\u{3002}com",
            "user@ｅｘａｍｐｌｅ.com",
            "user@example.ｃｏｍ",
            "user@\u{ff11}\u{ff12}\u{ff13}.com",
            "user@例子.１２３",
            "user@bu\u{308}cher.de",
            "ju\u{308}rgen@example.com",
            "\u{fb2c}@example.com",
            "us\u{200d}er@example.com",
            "us\u{200b}er@example.com",
            "us\u{202e}er@example.com",
            "user@exa\u{200d}mple.com",
            "user@exa\u{200b}mple.com",
            "user@exa\u{ad}mple.com",
            "user@exa\u{feff}mple.com",
            "user@bücher\u{202e}.de",
            "us\u{2028}er@example.com",
            "us\u{a0}er@example.com",
            "us\u{85}er@example.com",
            "user@xn--bcher-kva.bücher",
            "user@bücher.xn--p1ai",
            "user@bücher.123",
            "user@bücher",
            "user@bü_cher.de",
            // U-labels IDNA2008 refuses, written in Unicode: MIDDLE DOT outside `l·l`, an emoji.
            "user@a\u{b7}b.example",
            "user@\u{1f4a9}.la",
            "user@bücher.ab--cd",
            "user@-bücher.de",
            "ü..ser@example.com",
        ],
    );
}

#[test]
fn email_length_limits_count_bytes() {
    // 32 two-byte characters fill the 64 bytes of a local part; one more is too many.
    let local_64_bytes = format!("{}@example.com", "ü".repeat(32));
    let local_66_bytes = format!("{}@example.com", "ü".repeat(33));
    assert!(is_email_with(&local_64_bytes, INTERNATIONAL));
    assert!(!is_email_with(&local_66_bytes, INTERNATIONAL));
    // The ASCII form of an IDN domain counts toward the 254 bytes: each `ü.` is 3 bytes in UTF-8
    // and 8 as `xn--tda.`.
    let fits = format!("user@{}de", "ü.".repeat(20));
    let too_long_as_ascii = format!("user@{}de", "ü.".repeat(60));
    assert!(too_long_as_ascii.len() <= 254);
    assert!(is_email_with(&fits, INTERNATIONAL));
    assert!(!is_email_with(&too_long_as_ascii, INTERNATIONAL));
}

#[test]
fn url_default_options() {
    let path_to_2048 = format!("https://example.com/{}", "a".repeat(2048 - 20));
    assert_eq!(path_to_2048.len(), 2048);
    let path_to_2049 = format!("{path_to_2048}a");
    check_table(
        "is_url",
        is_url,
        &[
            "http://example.com",
            "https://example.com/",
            "HTTPS://EXAMPLE.COM/",
            "https://localhost:8080/api",
            "https://www.example.com/a/b/c?x=1&y=2#top",
            "https://example.com/path;param=1/%7Euser/file.txt",
            "https://example.com/?q=a+b&r=%E2%9C%93",
            "https://example.com/?next=/a/b?c#frag/ment?x",
            "https://example.com/:@!$&'()*+,;=-._~",
            "https://example.com:0/",
            "https://example.com:65535/",
            "https://example.com:00080/",
            "http://192.0.2.1/",
            "http://[2001:db8::1]/",
            "http://[::ffff:192.0.2.1]:8080/",
            "https://xn--bcher-kva.de/",
            "https://example.com#",
            "https://example.com?",
            &path_to_2048,
        ],
        &[
            "",
            "example.com",
            "//example.com",
            "/path",
            "https:",
            "https:/",
            "https://",
            "https:///path",
            "https:example.com",
            "https:/example.com",
            "javascript:alert(1)",
            "JavaScript://example.com/%0Aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "file://localhost/etc/passwd",
            "ftp://example.com/",
            "ws://example.com/",
            "httpx://example.com/",
            "1http://example.com/",
            " https://example.com/",
            "https://example.com/ ",
            "https://exa mple.com/",
            "https://example.com/a b",
            "https://example.com/a\tb",
            "https://example.com/a\nb",
            "https://example.com/\0",
            "https://example.com\\@evil.com/",
            "https://example.com/a\\b",
            "https://user@example.com/",
            "https://user:pass@example.com/",
            "https://@example.com/",
            "https://example.com@evil.com/",
            "https://example.com:/",
            "https://example.com:65536/",
            "https://example.com:99999999999999999999/",
            "https://example.com:http/",
            "https://example.com:-1/",
            "https://example.com./",
            "https://.example.com/",
            "https://exa_mple.com/",
            "https://-example.com/",
            "https://example.com/%",
            "https://example.com/%2",
            "https://example.com/%zz",
            "https://example.com/?%G0",
            "https://example.com/#%",
            "https://example.com/#a#b",
            "https://example.com/<script>",
            "https://example.com/\"",
            "https://example.com/{}",
            "https://example.com/|",
            "https://example.com/^",
            "https://example.com/`",
            "https://example.com/[]",
            "https://bücher.de/",
            "https://example.com/ü",
            "https://0x7f.0.0.1/",
            "https://0x7f/",
            "https://127.1/",
            "https://2130706433/",
            "https://01.02.03.04/",
            "https://192.168.0.256/",
            "https://[::1/",
            "https://::1/",
            "https://[fe80::1%25eth0]/",
            "https://[v1.fe]/",
            "https://[::1]x/",
            "https://ex%41mple.com/",
            "https://xn--X.com/",
            // Reserved labels, and MIDDLE DOT with no `l` on either side.
            "https://ab--cd.example/",
            "https://xn--ab-0ea.example/",
            // An empty port: RFC 3986 allows it, the canonical form has no `:`.
            "https://example.com:/",
            "https://example.com:/path",
            &path_to_2049,
        ],
    );
}

#[test]
fn url_options() {
    let https_only = UrlOptions {
        schemes: &["https"],
        ..UrlOptions::DEFAULT
    };
    assert!(is_url_with("https://example.com", &https_only));
    assert!(is_url_with("HtTpS://example.com", &https_only));
    assert!(!is_url_with("http://example.com", &https_only));

    let upper_case_list = UrlOptions {
        schemes: &["HTTPS"],
        ..UrlOptions::DEFAULT
    };
    assert!(is_url_with("https://example.com", &upper_case_list));

    let nothing = UrlOptions {
        schemes: &[],
        ..UrlOptions::DEFAULT
    };
    assert!(!is_url_with("https://example.com", &nothing));

    let short = UrlOptions {
        max_length: 19,
        ..UrlOptions::DEFAULT
    };
    assert!(is_url_with("https://example.com", &short));
    assert!(!is_url_with("https://example.com/", &short));

    let credentials = UrlOptions {
        allow_credentials: true,
        ..UrlOptions::DEFAULT
    };
    assert!(is_url_with("https://user@example.com/", &credentials));
    assert!(is_url_with(
        "https://user:p%40ss!@example.com/",
        &credentials
    ));
    assert!(is_url_with("https://:@example.com/", &credentials));
    assert!(!is_url_with("https://us er@example.com/", &credentials));
    assert!(!is_url_with("https://user@pass@example.com/", &credentials));
    assert!(!is_url_with("https://us%zzer@example.com/", &credentials));

    let files = UrlOptions {
        schemes: &["file"],
        allow_credentials: true,
        ..UrlOptions::DEFAULT
    };
    assert!(is_url_with("file://server/share/file.txt", &files));
    assert!(!is_url_with("file:///etc/passwd", &files));
    assert!(!is_url_with("file://server:21/file.txt", &files));
    assert!(!is_url_with("file://user@server/file.txt", &files));

    let custom = UrlOptions {
        schemes: &["git+ssh", "s3"],
        max_length: 100,
        allow_credentials: true,
        public: false,
    };
    assert!(is_url_with("git+ssh://git@example.com/repo.git", &custom));
    assert!(is_url_with("s3://bucket-name/key", &custom));

    assert_eq!(UrlOptions::default().schemes, ["http", "https"]);
    assert_eq!(UrlOptions::default().max_length, 2048);
    assert!(!UrlOptions::default().allow_credentials);
    assert!(!UrlOptions::default().public);
}

#[test]
fn hostname() {
    let label_63 = "a".repeat(63);
    let max_253 = format!("{0}.{0}.{0}.{1}", label_63, "b".repeat(61));
    assert_eq!(max_253.len(), 253);
    let too_long = format!("{max_253}b");
    check_table(
        "is_hostname",
        is_hostname,
        &[
            "localhost",
            "example.com",
            "EXAMPLE.COM",
            "a",
            "a.b",
            "www.example.co.uk",
            "3com.com",
            "123.example",
            "1host",
            "a--b.com",
            "abc--d.com",
            "x0.y1",
            "xn--bcher-kva.de",
            "XN--BCHER-KVA.DE",
            "xn--ll-0ea.example",
            "0x.example",
            "example.0xg",
            &label_63,
            &max_253,
        ],
        &[
            "",
            ".",
            "..",
            ".example.com",
            "example.com.",
            "example..com",
            "-example.com",
            "example-.com",
            "example.-com",
            "exa_mple.com",
            "exa mple.com",
            "example.com\n",
            "example.com:80",
            "example.com/",
            "user@example.com",
            "*.example.com",
            "192.168.0.1",
            "127.1",
            "1.2.3.4.5",
            "123",
            "example.123",
            "0x7f",
            "example.0x7F",
            "0X",
            "[::1]",
            "::1",
            "bücher.de",
            "xn--X",
            "xn--",
            "xn--bcher-kva.xn--X",
            // Reserved: hyphens in the third and fourth positions, but not `xn--`.
            "ab--c.com",
            "example.AB--cd",
            "zz--",
            // U-labels IDNA2008 refuses: MIDDLE DOT outside `l·l`, an emoji, ARABIC TATWEEL.
            "xn--ab-0ea.example",
            "xn--ls8h.la",
            "xn--ngba5e", // ب ـ ب
            &format!("{label_63}a.com"),
            &too_long,
        ],
    );
}

#[test]
fn ip_addresses() {
    check_table(
        "is_ipv4",
        is_ipv4,
        &[
            "0.0.0.0",
            "1.2.3.4",
            "10.0.0.1",
            "192.168.0.1",
            "255.255.255.255",
            "100.64.0.100",
        ],
        &[
            "",
            "1.2.3",
            "1.2.3.4.5",
            "1.2.3.",
            ".1.2.3",
            "1..2.3",
            "256.1.1.1",
            "1.1.1.300",
            "1.1.1.1000",
            "01.1.1.1",
            "1.1.1.00",
            "00.0.0.0",
            "0x7f.0.0.1",
            "127.1",
            "2130706433",
            "1.2.3.4/24",
            "1.2.3.4:80",
            " 1.2.3.4",
            "1.2.3.4 ",
            "1.2.3.4\n",
            "+1.2.3.4",
            "1.2.3.-4",
            "a.b.c.d",
            "::ffff:1.2.3.4",
        ],
    );
    check_table(
        "is_ipv6",
        is_ipv6,
        &[
            "::",
            "::1",
            "1::",
            "1:2:3:4:5:6:7:8",
            "2001:DB8::ff00:42:8329",
            "2001:0db8:0000:0000:0000:ff00:0042:8329",
            "fe80::1",
            "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8",
            "1::8",
            "::ffff:192.0.2.1",
            "::192.0.2.1",
            "1:2:3:4:5:6:1.2.3.4",
            "1::5:6:1.2.3.4",
            "0000:0000:0000:0000:0000:0000:0000:0000",
            "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255",
        ],
        &[
            "",
            ":",
            ":::",
            "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7:8::",
            "::1:2:3:4:5:6:7:8",
            "1::2::3",
            "1:::2",
            ":1::2",
            "1::2:",
            "1:2:3:4:5:6:7:",
            ":1:2:3:4:5:6:7",
            "12345::",
            "g::1",
            "::1.2.3",
            "::1.2.3.4.5",
            "::01.2.3.4",
            "::256.2.3.4",
            "1.2.3.4::",
            "::1.2.3.4:5",
            "1:2:3:4:5:6:7:1.2.3.4",
            "1:2:3:4:5:6:7:8:1.2.3.4",
            "1::2:3:4:5:6:1.2.3.4",
            "fe80::1%eth0",
            "fe80::1%25eth0",
            "[::1]",
            "::1/128",
            " ::1",
            "::1 ",
            "1.2.3.4",
        ],
    );
    assert!(is_ip("1.2.3.4"));
    assert!(is_ip("::1"));
    assert!(!is_ip("1.2.3.04"));
    assert!(!is_ip("localhost"));
}

#[test]
fn uuid() {
    check_table(
        "is_uuid",
        is_uuid,
        &[
            "67e55044-10b1-426f-9247-bb680e5fe0c8",
            "67E55044-10B1-426F-9247-BB680E5FE0C8",
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "01890a5d-ac96-774b-bcce-b302099a8057",
        ],
        &[
            "",
            "67e55044-10b1-426f-9247-bb680e5fe0c",
            "67e55044-10b1-426f-9247-bb680e5fe0c8a",
            "67e5504410b1426f9247bb680e5fe0c8",
            "{67e55044-10b1-426f-9247-bb680e5fe0c8}",
            "urn:uuid:67e55044-10b1-426f-9247-bb680e5fe0c8",
            "67e55044-10b1-426f-9247_bb680e5fe0c8",
            "67e55044-10b1-426f-9247-bb680e5fe0cg",
            "67e5504-410b1-426f-9247-bb680e5fe0c8",
            " 67e55044-10b1-426f-9247-bb680e5fe0c8",
            "67e55044-10b1-426f-9247-bb680e5fe0c8\n",
        ],
    );
}

#[test]
fn credit_card() {
    check_table(
        "is_credit_card",
        is_credit_card,
        &[
            "4111111111111111",
            "4111 1111 1111 1111",
            "4111-1111-1111-1111",
            "4111-1111 1111-1111",
            "378282246310005",
            "3782 822463 10005",
            "5555555555554444",
            "6011111111111117",
            "4222222222222",
            "000000000000",
            "6759649826438453",
            "4000000000000000006",
        ],
        &[
            "",
            "4111111111111112",
            "4111 1111 1111 111",
            " 4111111111111111",
            "4111111111111111 ",
            "4111  1111 1111 1111",
            "4111--1111-1111-1111",
            "4111 -1111-1111-1111",
            "-4111111111111111",
            "4111111111111111-",
            "4111.1111.1111.1111",
            "4111_1111_1111_1111",
            "41111111111111111111111",
            "00000000000",
            "00000000000000000000",
            "4111111111111111\n",
            "+4111111111111111",
            "4111111111111111a",
        ],
    );
}

/// Characters that make a string look like another one or hide part of it.
const ATTACKS: &[(char, &str)] = &[
    ('\u{FF20}', "full-width commercial at"),
    ('\u{FF0E}', "full-width full stop"),
    ('\u{3002}', "ideographic full stop"),
    ('\u{FF11}', "full-width digit one"),
    ('\u{0661}', "Arabic-Indic digit one"),
    ('\u{0301}', "combining acute accent (decomposed letter)"),
    ('\u{0430}', "Cyrillic small a"),
    ('\u{200B}', "zero-width space"),
    ('\u{200C}', "zero-width non-joiner"),
    ('\u{200D}', "zero-width joiner"),
    ('\u{2060}', "word joiner"),
    ('\u{FEFF}', "byte order mark"),
    ('\u{00AD}', "soft hyphen"),
    ('\u{202E}', "right-to-left override"),
    ('\u{2066}', "left-to-right isolate"),
    ('\u{200F}', "right-to-left mark"),
    ('\u{2028}', "line separator"),
    ('\u{2029}', "paragraph separator"),
    ('\u{0085}', "next line (C1)"),
    ('\u{00A0}', "no-break space"),
    ('\u{0000}', "NUL"),
    ('\u{0007}', "bell"),
    ('\u{007F}', "delete"),
    ('\t', "tab"),
    ('\r', "carriage return"),
    ('\n', "line feed"),
    (' ', "space"),
];

/// Characters that never belong in any format, also not in an international email address.
fn is_never_valid(c: char) -> bool {
    c.is_control()
        || c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
        )
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with `c` inserted at every char boundary, and with `c` replacing every char in turn.
fn variants(s: &str, c: char) -> Vec<String> {
    let mut out = Vec::new();
    for (i, old) in s.char_indices().chain([(s.len(), '\0')]) {
        out.push(format!("{}{c}{}", &s[..i], &s[i..]));
        if i < s.len() {
            out.push(format!("{}{c}{}", &s[..i], &s[i + old.len_utf8()..]));
        }
    }
    out
}

#[test]
fn unicode_attacks_are_rejected() {
    type Predicate = (&'static str, fn(&str) -> bool, &'static [&'static str]);
    let ascii_only: &[Predicate] = &[
        ("is_email", is_email, &["user.name@mail.example.com"]),
        (
            "is_email_with(single label)",
            |s| is_email_with(s, SINGLE_LABEL),
            &["admin@localhost"],
        ),
        (
            "is_url",
            is_url,
            &["https://user.example.com:8080/a/b?c=d&e=f#g"],
        ),
        ("is_hostname", is_hostname, &["www.example.com"]),
        ("is_ipv4", is_ipv4, &["192.168.100.200"]),
        (
            "is_ipv6",
            is_ipv6,
            &["2001:db8::ff00:42:8329", "::ffff:192.0.2.1"],
        ),
        ("is_ip", is_ip, &["10.0.0.1", "fe80::1"]),
        (
            "is_uuid",
            is_uuid,
            &["67e55044-10b1-426f-9247-bb680e5fe0c8"],
        ),
        (
            "is_credit_card",
            is_credit_card,
            &["4111 1111 1111 1111", "4111-1111-1111-1111"],
        ),
    ];
    let international: &[Predicate] = &[(
        "is_email_with(international)",
        |s| is_email_with(s, PERMISSIVE),
        &[
            "user.name@mail.example.com",
            "jürgen@bücher.de",
            "用户@例子.广告",
        ],
    )];
    let mut checked = 0;
    for &(name, predicate, samples) in ascii_only.iter().chain(international) {
        for sample in samples {
            assert!(predicate(sample), "{name}: sample {sample:?} must pass");
            for &(c, what) in ATTACKS {
                // Only a character that is never valid is an attack on the international profile:
                // there, letters of any script belong in local parts and domains.
                let applies = c.is_ascii() && !c.is_ascii_graphic()
                    || !c.is_ascii() && !name.contains("international")
                    || is_never_valid(c);
                // A space between digit groups is how card numbers are written.
                if !applies || name == "is_credit_card" && c == ' ' {
                    continue;
                }
                for variant in variants(sample, c) {
                    checked += 1;
                    assert!(!predicate(&variant), "{name} accepts {variant:?} ({what})");
                }
            }
        }
    }
    assert!(checked > 10_000, "only {checked} variants");
}

#[test]
fn look_alikes_by_name() {
    // Full-width `＠` is no separator, in any profile.
    assert!(!is_email("user＠example.com"));
    assert!(!is_email_with("user＠example.com", PERMISSIVE));
    // Full-width digits are not digits.
    assert!(!is_ipv4("１９２.１６８.０.１"));
    assert!(!is_ipv6("::１"));
    assert!(!is_credit_card("４１１１１１１１１１１１１１１１"));
    assert!(!is_uuid("６7e55044-10b1-426f-9247-bb680e5fe0c8"));
    assert!(!is_url("https://１２７.0.0.1/"));
    // Decomposed `é` (e + U+0301) is not the precomposed letter, and not NFC.
    assert!(!is_email_with("cafe\u{301}@example.com", PERMISSIVE));
    assert!(is_email_with("caf\u{e9}@example.com", PERMISSIVE));
    assert!(!is_hostname("cafe\u{301}.com"));
    // Mixed-script look-alikes are valid IDNA; only the ASCII profile keeps them out.
    assert!(!is_email("user@p\u{430}ypal.com"));
    assert!(!is_url("https://p\u{430}ypal.com/"));
    assert!(!is_hostname("p\u{430}ypal.com"));
    // Bidi override making `moc.elpmaxe@resu` display as something else.
    assert!(!is_email_with("\u{202e}moc.elpmaxe@resu", PERMISSIVE));
    assert!(!is_url("https://example.com/\u{202e}fdp.exe"));
    // Zero-width joiner between letters, in each part.
    assert!(!is_email_with("a\u{200d}b@example.com", PERMISSIVE));
    assert!(!is_email_with("ab@exa\u{200d}mple.com", PERMISSIVE));
    assert!(!is_hostname("exa\u{200d}mple.com"));
    // Line and paragraph separators, NUL.
    assert!(!is_email_with("user@example.com\u{2028}", PERMISSIVE));
    assert!(!is_email_with("user\u{2029}@example.com", PERMISSIVE));
    assert!(!is_url("https://example.com/\u{2028}"));
    assert!(!is_email("user@example.com\0"));
    assert!(!is_ipv4("1.2.3.4\0"));
    assert!(!is_uuid("67e55044-10b1-426f-9247-bb680e5fe0c\0"));
}

#[test]
fn huge_inputs_are_rejected_without_panicking() {
    const TEN_MB: usize = 10 * 1024 * 1024;
    let filler = "a".repeat(TEN_MB);
    let inputs = [
        filler.clone(),
        format!("{filler}@example.com"),
        format!("user@{filler}.com"),
        format!("https://example.com/{filler}"),
        format!("https://{filler}.com/"),
        format!("{filler}.example.com"),
        "1".repeat(TEN_MB),
        "1.".repeat(TEN_MB / 2),
        ":".repeat(TEN_MB),
        "4".repeat(TEN_MB),
        "4 ".repeat(TEN_MB / 2),
        "ü".repeat(TEN_MB / 2),
        format!("{}@example.com", "ü".repeat(TEN_MB / 2)),
        "\u{200d}".repeat(TEN_MB / 3),
    ];
    for input in &inputs {
        assert!(!is_email(input));
        assert!(!is_email_with(input, PERMISSIVE));
        assert!(!is_url(input));
        assert!(!is_hostname(input));
        assert!(!is_ip(input));
        assert!(!is_ipv4(input));
        assert!(!is_ipv6(input));
        assert!(!is_uuid(input));
        assert!(!is_credit_card(input));
    }
    // Without a length limit the URL scan is still linear and finishes.
    let unlimited = UrlOptions {
        max_length: usize::MAX,
        ..UrlOptions::DEFAULT
    };
    assert!(is_url_with(
        &format!("https://example.com/{filler}"),
        &unlimited
    ));
    assert!(!is_url_with(
        &format!("https://example.com/{filler} "),
        &unlimited
    ));
}

fn luhn_check_digit(payload: &[u8]) -> u8 {
    let sum: u32 = payload
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 0 {
                if d * 2 > 9 { d * 2 - 9 } else { d * 2 }
            } else {
                d
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

proptest! {
    #[test]
    fn no_predicate_panics(s in any::<String>()) {
        let _ = is_email(&s);
        let _ = is_email_with(&s, PERMISSIVE);
        let _ = is_url(&s);
        let _ = is_url_with(&s, &UrlOptions { schemes: &["a", "http", "file"], max_length: usize::MAX, allow_credentials: true, public: true });
        let _ = is_hostname(&s);
        let _ = is_ip(&s);
        let _ = is_uuid(&s);
        let _ = is_credit_card(&s);
    }

    #[test]
    fn no_predicate_panics_near_valid_input(
        s in "[a-zA-Z0-9.@:/?#\\[\\]%_~+!$&'()*,;=\u{e9}\u{fc}\u{4f8b}\u{200d}\u{ff0e}\u{3002} -]{0,80}",
    ) {
        let _ = is_email(&s);
        let _ = is_email_with(&s, PERMISSIVE);
        let _ = is_url(&s);
        let _ = is_url_with(&s, &UrlOptions { schemes: &["a", "http", "file"], max_length: usize::MAX, allow_credentials: true, public: true });
        let _ = is_hostname(&s);
        let _ = is_ip(&s);
        let _ = is_uuid(&s);
        let _ = is_credit_card(&s);
    }

    #[test]
    fn no_panic_in_international_domains(
        local in "[a-z\u{fc}.]{1,10}",
        labels in proptest::collection::vec("\\PC{1,12}|[a-z0-9-]{1,63}|xn--[a-z0-9-]{0,20}", 1..40),
    ) {
        let address = format!("{local}@{}", labels.join("."));
        let _ = is_email_with(&address, PERMISSIVE);
        let _ = is_hostname(&labels.join("."));
    }

    #[test]
    fn ip_predicates_agree_with_std(s in "[0-9a-fA-F:.]{0,46}") {
        prop_assert_eq!(is_ipv4(&s), s.parse::<Ipv4Addr>().is_ok(), "ipv4 {:?}", s);
        prop_assert_eq!(is_ipv6(&s), s.parse::<Ipv6Addr>().is_ok(), "ipv6 {:?}", s);
        prop_assert_eq!(is_ip(&s), is_ipv4(&s) || is_ipv6(&s));
    }

    #[test]
    fn every_ip_address_is_accepted(v4 in any::<[u8; 4]>(), v6 in any::<[u16; 8]>()) {
        let v4 = Ipv4Addr::from(v4);
        let v6 = Ipv6Addr::from(v6);
        prop_assert!(is_ipv4(&v4.to_string()));
        prop_assert!(is_ipv6(&v6.to_string()));
        prop_assert!(is_ipv6(&v4.to_ipv6_mapped().to_string()));
    }

    #[test]
    fn uuid_is_hex_groups(s in "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}") {
        prop_assert!(is_uuid(&s));
    }

    #[test]
    fn card_numbers_with_a_check_digit_pass(payload in proptest::collection::vec(0u8..10, 11..=18), group in 1usize..6) {
        let mut digits = payload.clone();
        digits.push(luhn_check_digit(&payload));
        let plain: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        prop_assert!(is_credit_card(&plain), "{}", plain);
        let grouped: Vec<&str> = plain.as_bytes().chunks(group).map(|c| std::str::from_utf8(c).unwrap_or_default()).collect();
        prop_assert!(is_credit_card(&grouped.join(" ")));
        prop_assert!(is_credit_card(&grouped.join("-")));
        let wrong = (digits[digits.len() - 1] + 1) % 10;
        let mut bad = plain.clone();
        bad.pop();
        bad.push(char::from(b'0' + wrong));
        prop_assert!(!is_credit_card(&bad), "{}", bad);
    }

    #[test]
    fn stricter_options_accept_less(s in "\\PC{0,40}") {
        if is_email(&s) {
            prop_assert!(is_email_with(&s, SINGLE_LABEL) && is_email_with(&s, INTERNATIONAL));
        }
        if is_email_with(&s, INTERNATIONAL) || is_email_with(&s, SINGLE_LABEL) {
            prop_assert!(is_email_with(&s, PERMISSIVE));
        }
        let with_credentials = UrlOptions { allow_credentials: true, ..UrlOptions::DEFAULT };
        if is_url(&s) {
            prop_assert!(is_url_with(&s, &with_credentials));
        }
    }
}
