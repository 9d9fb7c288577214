//! Boundary cases of the format predicates around the limits of their fast paths (addresses of at
//! most 65 bytes, host names of at most 63, `http` and `https` URLs with short hosts), so that
//! each side of every limit is checked against the documented rules.

use validate_core::formats::{
    EmailOptions, UrlOptions, is_email, is_email_with, is_hostname, is_url_with,
};

const SINGLE_LABEL: EmailOptions = EmailOptions {
    allow_single_label: true,
    international: false,
};

fn check(name: &str, predicate: impl Fn(&str) -> bool, valid: &[&str], invalid: &[&str]) {
    for s in valid {
        assert!(predicate(s), "{name} should accept {s:?}");
    }
    for s in invalid {
        assert!(!predicate(s), "{name} should reject {s:?}");
    }
}

fn repeat(c: char, n: usize) -> String {
    c.to_string().repeat(n)
}

#[test]
fn email_lengths_around_the_fast_path() {
    // 65 bytes and under take the fast path; the limits themselves are checked by the exact one.
    let at_65 = format!("{}@example.com", repeat('a', 53));
    let at_66 = format!("{}@example.com", repeat('a', 54));
    let local_64 = format!("{}@example.com", repeat('a', 64));
    let local_65 = format!("{}@example.com", repeat('a', 65));
    let label_63 = format!("a@{}.com", repeat('b', 63));
    let label_64 = format!("a@{}.com", repeat('b', 64));
    let domain_63 = format!("a@{}.co", repeat('b', 60));
    let long = format!(
        "{}@{}.{}.{}.com",
        repeat('a', 64),
        repeat('b', 63),
        repeat('c', 63),
        repeat('d', 57)
    );
    let too_long = format!(
        "{}@{}.{}.{}.com",
        repeat('a', 64),
        repeat('b', 63),
        repeat('c', 63),
        repeat('d', 58)
    );
    assert_eq!(
        (at_65.len(), at_66.len(), long.len(), too_long.len()),
        (65, 66, 254, 255)
    );
    check(
        "is_email",
        is_email,
        &[&at_65, &at_66, &local_64, &label_63, &domain_63, &long],
        &[&local_65, &label_64, &too_long],
    );
}

#[test]
fn email_shapes() {
    check(
        "is_email",
        is_email,
        &[
            "ada@example.com",
            "ADA@EXAMPLE.COM",
            "jane.doe+news@mail.example.com",
            "-a-@example.com",
            "a.b.c@example.com",
            "1.2@example.com",
            "!#$%&'*+-/=?^_`{|}~@example.com",
            "a@123.example",
            "a@example.1a",
            "a@example.a1",
            "a@exa--mple.com",
            "a@ex-ample.c-m",
            "a@xn--bcher-kva.de",
            "a@b.c",
        ],
        &[
            "",
            "@example.com",
            "a@",
            "a@@example.com",
            "a@b@example.com",
            ".a@example.com",
            "a.@example.com",
            "a..b@example.com",
            "a b@example.com",
            "a(b)@example.com",
            "a@example",
            "a@example.com.",
            "a@.example.com",
            "a@example..com",
            "a@-example.com",
            "a@example-.com",
            "a@ex--ample.com",
            "a@example.-com",
            "a@example.com-",
            "a@example.123",
            "a@1.2",
            "a@exam_ple.com",
            "a@exam+ple.com",
            "a@[192.0.2.1]",
            "jürgen@example.com",
        ],
    );
}

#[test]
fn email_single_label() {
    check(
        "is_email_with(allow_single_label)",
        |s| is_email_with(s, SINGLE_LABEL),
        &[
            "admin@localhost",
            "admin@LOCAL-host",
            "admin@a1",
            "admin@1a",
            "admin@example.com",
        ],
        &[
            "admin@123",
            "admin@-localhost",
            "admin@localhost-",
            "admin@",
            "admin@localhost.",
        ],
    );
}

#[test]
fn host_name_lengths_around_the_fast_path() {
    let label_63 = repeat('a', 63);
    let label_64 = repeat('a', 64);
    let name_253 = format!("{0}.{0}.{0}.{1}", repeat('a', 63), repeat('b', 61));
    let name_254 = format!("{0}.{0}.{0}.{1}", repeat('a', 63), repeat('b', 62));
    let long_label = format!("{}.com", repeat('a', 64));
    assert_eq!((name_253.len(), name_254.len()), (253, 254));
    check(
        "is_hostname",
        is_hostname,
        &[&label_63, &format!("{label_63}.com"), &name_253],
        &[&label_64, &long_label, &name_254],
    );
}

#[test]
fn host_name_shapes() {
    check(
        "is_hostname",
        is_hostname,
        &[
            "localhost",
            "EXAMPLE.COM",
            "a-b.c-d",
            "abc--d.com",
            "3com.com",
            "example.3com",
            "example.1-2",
            "123.example",
            "xn--9n2bp8q.xn--9t4b11yi5a",
            "XN--BCHER-KVA.de",
        ],
        &[
            "",
            ".",
            "example.com.",
            ".example.com",
            "example..com",
            "-example.com",
            "example-.com",
            "example.-com",
            "host_name",
            "192.168.0.1",
            "example.123",
            "127.1",
            "0x7f",
            "example.0x1f",
            "example.0X",
            "xn--X",
            "a.xn--X",
            "ab--cd.com",
            "xn--.com",
        ],
    );
}

#[test]
fn url_shapes() {
    let https_only = UrlOptions {
        schemes: &["https"],
        ..UrlOptions::DEFAULT
    };
    let label_63 = format!("https://{}.com/", repeat('a', 63));
    let label_63_long_path = format!("https://{}.com/{}", repeat('a', 63), repeat('p', 200));
    let label_64 = format!("https://{}.com/", repeat('a', 64));
    let label_64_long_path = format!("https://{}.com/{}", repeat('a', 64), repeat('p', 200));
    check(
        "is_url_with(https only)",
        |s| is_url_with(s, &https_only),
        &[
            "https://example.com/ada",
            "HTTPS://EXAMPLE.COM/",
            "hTtPs://a.io",
            "https://localhost:8080/",
            "https://example.com:0",
            "https://example.com:00080/",
            "https://example.com:65535/",
            "https://example.com/a%20b?x=%7E#top%21",
            "https://example.com?q#f",
            "https://example.com#f/?:@",
            "https://abc--d.com/",
            "https://xn--9n2bp8q.xn--9t4b11yi5a/",
            "https://3com.com/",
            "https://192.0.2.1/",
            "https://[2001:db8::1]:443/",
            &label_63,
            &label_63_long_path,
        ],
        &[
            "http://example.com/",
            "https:/example.com/",
            "https:example.com",
            "https://",
            "https:///path",
            "https://example.com:/",
            "https://example.com:65536/",
            "https://example.com:8a/",
            "https://example.com./",
            "https://-example.com/",
            "https://example-.com/",
            "https://example..com/",
            "https://ab--cd.com/",
            "https://exa_mple.com/",
            "https://example.com/a b",
            "https://example.com/a%2",
            "https://example.com/a%zz",
            "https://example.com/#a%2",
            "https://example.com/#a#b",
            "https://example.com/a^b",
            "https://xn--X.com/",
            "https://example.123/",
            "https://127.1/",
            "https://0x7f/",
            "https://user@example.com/",
            &label_64,
            &label_64_long_path,
        ],
    );
}

#[test]
fn url_schemes_and_options() {
    let url = "https://example.com/";
    let with = |schemes, allow_credentials, max_length| UrlOptions {
        schemes,
        allow_credentials,
        max_length,
        public: false,
    };
    assert!(is_url_with(url, &with(&["HTTPS"], false, 2048)));
    assert!(is_url_with(url, &with(&["ftp", "hTtPs"], false, 2048)));
    assert!(!is_url_with(url, &with(&["http"], false, 2048)));
    assert!(!is_url_with(url, &with(&["https:"], false, 2048)));
    assert!(!is_url_with(url, &with(&["httpss"], false, 2048)));
    assert!(!is_url_with(url, &with(&[], false, 2048)));
    assert!(is_url_with(
        "HTTP://example.com",
        &with(&["http"], false, 2048)
    ));
    assert!(!is_url_with(
        "http://example.com",
        &with(&["https"], false, 2048)
    ));
    assert!(is_url_with(
        "ftp://example.com/",
        &with(&["ftp"], false, 2048)
    ));
    assert!(is_url_with(url, &with(&["https"], false, 20)));
    assert!(!is_url_with(url, &with(&["https"], false, 19)));
    assert!(is_url_with(
        "https://user:pw@example.com/",
        &with(&["https"], true, 2048)
    ));
    assert!(!is_url_with(
        "https://user:pw@example.com/",
        &with(&["https"], false, 2048)
    ));
}
