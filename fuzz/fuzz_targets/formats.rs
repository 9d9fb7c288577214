//! Every format predicate on arbitrary UTF-8: none may panic, and the options only ever widen
//! what the defaults accept.

#![no_main]

use libfuzzer_sys::fuzz_target;
use validate_core::formats::{
    EmailOptions, UrlOptions, is_credit_card, is_email, is_email_with, is_hostname, is_ip, is_ipv4,
    is_ipv6, is_url, is_url_with, is_uuid,
};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };

    let email = is_email(s);
    for allow_single_label in [false, true] {
        for international in [false, true] {
            let options = EmailOptions {
                allow_single_label,
                international,
            };
            let relaxed = is_email_with(s, options);
            assert!(
                !email || relaxed,
                "{options:?} rejects an address the default accepts"
            );
        }
    }
    if email {
        assert!(s.is_ascii() && s.len() <= 254 && s.contains('@'));
    }

    let url = is_url(s);
    assert_eq!(url, is_url_with(s, &UrlOptions::DEFAULT));
    let relaxed = UrlOptions {
        schemes: &["http", "https", "ftp", "wss"],
        max_length: usize::MAX,
        allow_credentials: true,
        public: false,
    };
    assert!(
        !url || is_url_with(s, &relaxed),
        "relaxed options reject a default URL"
    );
    let tight = UrlOptions {
        schemes: &[],
        ..UrlOptions::DEFAULT
    };
    assert!(
        !is_url_with(s, &tight),
        "no scheme allowed, yet {s:?} passed"
    );
    if url {
        assert!(s.is_ascii() && s.len() <= UrlOptions::DEFAULT.max_length);
    }

    let (v4, v6) = (is_ipv4(s), is_ipv6(s));
    assert!(!(v4 && v6), "{s:?} is both IPv4 and IPv6");
    assert_eq!(is_ip(s), v4 || v6);
    if v4 || v6 {
        assert!(s.is_ascii());
    }

    if is_hostname(s) {
        assert!(
            s.is_ascii() && s.len() <= 253,
            "{s:?} is not an RFC 1123 host name"
        );
    }
    if is_uuid(s) {
        assert!(s.is_ascii());
    }
    if is_credit_card(s) {
        let digits = s.bytes().filter(u8::is_ascii_digit).count();
        assert!((12..=19).contains(&digits), "{s:?} has {digits} digits");
    }
});
