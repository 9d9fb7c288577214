//! The report of DESIGN.md's `SignupRequest`: errors in declaration order with wire-name paths,
//! codes, messages and parameters; the JSON a client gets never holds a rejected value; the log
//! line escapes and truncates values and never shows a sensitive one.

use serde::{Deserialize, Serialize};
use serde_json::json;
use validate_core::{Error, FieldError, Param, Path, Report, Segment, Valid, Validate};

#[derive(Debug, Clone, Deserialize, Serialize, Validate)]
pub struct Address {
    #[normalize(trim, collapse_whitespace)]
    #[validate(length(min = 1, max = 100), no_control)]
    pub street: String,
    #[normalize(trim)]
    #[validate(pattern = "[0-9]{5}")]
    pub zip: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct SignupRequest {
    #[normalize(trim, nfkc, lowercase)]
    #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
    pub user_name: String,

    #[normalize(trim, lowercase)]
    #[validate(email)]
    pub email: String,

    #[validate(length(min = 12, max = 128), sensitive)]
    pub password: String,

    #[validate(must_match(password), sensitive)]
    pub password_confirmation: String,

    #[validate(range(min = 13, max = 130))]
    pub age: Option<u8>,

    #[validate(url(schemes("https")))]
    pub website: Option<String>,

    #[normalize(each(trim, lowercase))]
    #[validate(
        length(max = 10),
        each(length(min = 1, max = 20), chars(ascii_lowercase, ascii_digit, "-"))
    )]
    pub tags: Vec<String>,

    #[validate(nested)]
    pub address: Address,
}

fn valid() -> SignupRequest {
    SignupRequest {
        user_name: "ada_lovelace".into(),
        email: "ada@example.com".into(),
        password: "correct horse battery".into(),
        password_confirmation: "correct horse battery".into(),
        age: Some(36),
        website: Some("https://ada.example".into()),
        tags: vec!["math".into(), "engines".into()],
        address: Address {
            street: "12 St James's Square".into(),
            zip: "12345".into(),
        },
    }
}

fn invalid() -> SignupRequest {
    SignupRequest {
        user_name: "Ad!".into(),
        email: "ada@@example.com".into(),
        password: "hunter2".into(),
        password_confirmation: "hunter3".into(),
        age: Some(12),
        website: Some("http://ada.example".into()),
        tags: vec![
            "ok".into(),
            "waytoolongtagwaytoolongtagxxxxxx".into(),
            "Bad Tag".into(),
        ],
        address: Address {
            street: "line\u{202e}forged: entry".into(),
            zip: "1234x".into(),
        },
    }
}

#[test]
fn valid_request_passes() {
    assert!(valid().validate().is_ok());
    assert!(Valid::new(valid()).is_ok());
}

#[test]
fn normalization_then_validation() {
    let mut request = valid();
    request.user_name = "  Ａｄａ_Ｌｏｖｅｌａｃｅ\u{3000}".into();
    request.email = " ADA@Example.COM ".into();
    request.tags = vec![" Math ".into()];
    request.address.street = "  12   St James's\tSquare ".into();
    request.address.zip = " 12345 ".into();
    let valid = Valid::new(request).unwrap();
    assert_eq!(valid.user_name, "ada_lovelace");
    assert_eq!(valid.email, "ada@example.com");
    assert_eq!(valid.tags, ["math"]);
    assert_eq!(valid.address.street, "12 St James's Square");
    assert_eq!(valid.address.zip, "12345");
    // Normalization is idempotent: a second pass changes nothing.
    let mut again = valid.into_inner();
    let before = format!("{again:?}");
    again.normalize();
    assert_eq!(format!("{again:?}"), before);
}

#[test]
fn errors_in_declaration_order_with_wire_names() {
    let report = invalid().validate().unwrap_err();
    let got: Vec<(String, String, &str)> = report
        .iter()
        .map(|e| (e.path().to_string(), e.path().to_pointer(), e.code()))
        .collect();
    let expected = [
        ("userName", "/userName", "pattern"),
        ("email", "/email", "email"),
        ("password", "/password", "length"),
        (
            "passwordConfirmation",
            "/passwordConfirmation",
            "must_match",
        ),
        ("age", "/age", "range"),
        ("website", "/website", "url"),
        ("tags[1]", "/tags/1", "length"),
        ("tags[2]", "/tags/2", "chars"),
        ("address.street", "/address/street", "no_control"),
        ("address.zip", "/address/zip", "pattern"),
    ];
    let expected: Vec<(String, String, &str)> = expected
        .iter()
        .map(|(p, q, c)| (p.to_string(), q.to_string(), *c))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(report.at("address.zip").count(), 1);
    assert_eq!(
        report.at("tags[1]").next().unwrap().param("max"),
        Some(&Param::Int(20))
    );
}

#[test]
fn json_matches_design_and_holds_no_value() {
    let report = invalid().validate().unwrap_err();
    let json = serde_json::to_value(&report).unwrap();
    let zip = json["errors"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        zip,
        json!({"path":"address.zip","pointer":"/address/zip","code":"pattern","message":"must match the pattern [0-9]{5}","params":{"pattern":"[0-9]{5}"}})
    );
    let text = serde_json::to_string(&report).unwrap();
    for secret in [
        "hunter2",
        "hunter3",
        "Ad!",
        "ada@@example.com",
        "1234x",
        "waytoolong",
        "Bad Tag",
        "forged",
        "http://ada.example",
    ] {
        assert!(!text.contains(secret), "{secret} leaked into {text}");
    }
}

#[test]
fn display_is_one_escaped_line_per_error_and_hides_sensitive_values() {
    let report = invalid().validate().unwrap_err();
    let text = report.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), report.len(), "{text}");
    assert_eq!(
        lines[6],
        "tags[1]: length: must be between 1 and 20 characters (got \"waytoolongtagwaytoolongtag…(+6 bytes)\")"
    );
    assert_eq!(
        lines[8],
        "address.street: no_control: must not contain control, bidi or zero-width characters (got \"line\\u{202e}forged: entry\")"
    );
    assert_eq!(
        lines[2],
        "password: length: must be between 12 and 128 characters"
    );
    assert_eq!(
        lines[3],
        "passwordConfirmation: must_match: must match password"
    );
    assert!(!text.contains("hunter"));
}

#[test]
fn report_is_std_error_and_round_trips_through_valid() {
    fn takes_error(_: &dyn std::error::Error) {}
    let report: Report = Valid::new(invalid()).unwrap_err();
    takes_error(&report);
    assert_eq!(report.len(), 10);
    assert!(!report.is_empty());

    let json = serde_json::to_string(&valid()).unwrap();
    let parsed: Valid<SignupRequest> = serde_json::from_str(&json).unwrap();
    assert_eq!(
        serde_json::to_string(&parsed).unwrap(),
        json,
        "Serialize is transparent"
    );

    let bad = serde_json::to_string(&invalid()).unwrap();
    let message = serde_json::from_str::<Valid<SignupRequest>>(&bad)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("userName: must match the pattern [a-z0-9_]+"),
        "{message}"
    );
    assert!(message.contains("address.zip"), "{message}");
    for secret in ["hunter2", "1234x", "Ad!"] {
        assert!(!message.contains(secret), "{secret} leaked into {message}");
    }
}

#[test]
fn hand_written_impl_nests_with_prefixed_paths() {
    #[derive(Debug)]
    struct Even(u32);
    impl Validate for Even {
        fn validate(&self) -> Result<(), Report> {
            let mut report = Report::new();
            if self.0 % 2 == 1 {
                report.push(
                    validate_core::Path::root(),
                    validate_core::Error::new("even"),
                    None,
                );
            }
            report.into_result()
        }
    }
    #[derive(Debug, Validate)]
    struct Outer {
        #[validate(nested)]
        numbers: Vec<Even>,
    }
    let report = Outer {
        numbers: vec![Even(2), Even(3)],
    }
    .validate()
    .unwrap_err();
    assert_eq!(report.errors()[0].path().to_string(), "numbers[1]");
    assert_eq!(report.errors()[0].message(), "even");
    // The same through `Valid::new`, whose one pass reaches the hand-written impl by its defaults.
    let report = validate_core::Valid::new(Outer {
        numbers: vec![Even(2), Even(3)],
    })
    .unwrap_err();
    assert_eq!(report.errors()[0].path().to_string(), "numbers[1]");
    let report = validate_core::Valid::new(Even(3)).unwrap_err();
    assert_eq!(report.errors()[0].path(), &validate_core::Path::root());
    assert!(validate_core::Valid::new(Even(4)).is_ok());
}

/// Paths are kept inline up to three segments and on the heap beyond; both forms display,
/// point and compare the same.
#[test]
fn short_and_long_paths_behave_alike() {
    use validate_core::{Path, Segment};

    #[derive(Validate)]
    struct Leaf {
        #[validate(range(max = 1))]
        n: u8,
    }
    #[derive(Validate)]
    struct Branch {
        #[validate(nested)]
        leaves: Vec<Leaf>,
    }
    #[derive(Validate)]
    struct Tree {
        #[validate(nested)]
        branches: Vec<Branch>,
        #[validate(range(max = 1))]
        top: u8,
    }
    let tree = Tree {
        branches: vec![Branch {
            leaves: vec![Leaf { n: 0 }, Leaf { n: 2 }],
        }],
        top: 2,
    };
    let report = tree.validate().unwrap_err();
    let deep = report.errors()[0].path();
    assert_eq!(deep.to_string(), "branches[0].leaves[1].n");
    assert_eq!(deep.to_pointer(), "/branches/0/leaves/1/n");
    assert_eq!(deep.segments().len(), 5);
    let built = Path::from_segments(vec![
        Segment::Field("branches".into()),
        Segment::Index(0),
        Segment::Field("leaves".into()),
        Segment::Index(1),
        Segment::Field("n".into()),
    ]);
    assert_eq!(*deep, built);

    let short = report.errors()[1].path();
    assert_eq!(short.to_string(), "top");
    assert_eq!(
        *short,
        Path::from_segments(vec![Segment::Field("top".into())])
    );
    assert_ne!(*short, Path::root());
    assert_eq!(report.at("branches[0].leaves[1].n").count(), 1);
}

#[test]
fn the_root_is_spelled_the_same_in_json_and_in_logs() {
    let mut report = Report::new();
    report.push(
        validate_core::Path::root(),
        validate_core::Error::new("closed"),
        None,
    );
    let error = &report.errors()[0];
    let json = serde_json::to_value(error).unwrap();
    assert_eq!(json["path"], "");
    assert_eq!(json["pointer"], "");
    let line = error.to_string();
    assert!(line.starts_with("\"\": closed: "), "{line}");
    assert_eq!(
        report.at("").map(|e| e.code()).collect::<Vec<_>>(),
        ["closed"]
    );
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(custom(all_or_nothing))]
struct Shipment {
    #[validate(length(min = 2), chars(ascii_lowercase))]
    carrier: String,
    #[validate(pattern = "[0-9]+")]
    tracking_number: String,
}

/// One error at the root, and one more at a field that already failed, after the field rules.
fn all_or_nothing(shipment: &Shipment) -> Vec<Error> {
    let mut errors = Vec::new();
    if shipment.carrier.is_empty() != shipment.tracking_number.is_empty() {
        errors.push(Error::new("all_or_nothing").with_message("give both or neither"));
    }
    if shipment.carrier == "X" {
        errors.push(Error::new("retired").at("carrier"));
    }
    errors
}

fn shipment(carrier: &str, tracking_number: &str) -> Shipment {
    Shipment {
        carrier: carrier.into(),
        tracking_number: tracking_number.into(),
    }
}

#[test]
fn by_path_groups_each_path_once_in_order_of_first_appearance() {
    let report = shipment("X", "").validate().unwrap_err();
    let order: Vec<(String, &str)> = report
        .iter()
        .map(|e| (e.path().to_string(), e.code()))
        .collect();
    assert_eq!(
        order,
        [
            ("carrier".into(), "length"),
            ("carrier".into(), "chars"),
            ("trackingNumber".into(), "pattern"),
            (String::new(), "all_or_nothing"),
            ("carrier".into(), "retired"),
        ]
    );
    let grouped: Vec<(String, Vec<&str>)> = report
        .by_path()
        .map(|(path, errors)| (path.to_string(), errors.map(|e| e.code()).collect()))
        .collect();
    assert_eq!(
        grouped,
        [
            ("carrier".into(), vec!["length", "chars", "retired"]),
            ("trackingNumber".into(), vec!["pattern"]),
            (String::new(), vec!["all_or_nothing"]),
        ]
    );
    // Each group is the errors `at` finds, as the same references.
    for (path, errors) in report.by_path() {
        let shown = path.to_string();
        let found: Vec<&FieldError> = report.at(&shown).collect();
        assert!(errors.clone().eq(found.iter().copied()), "{shown}");
        assert!(errors.map(FieldError::path).all(|p| p == path));
    }
    assert_eq!(shipment("ups", "123").validate(), Ok(()));
    assert_eq!(Report::new().by_path().count(), 0);
}

#[test]
fn by_path_tells_apart_paths_that_display_alike() {
    let mut report = Report::new();
    let dotted = Path::from_segments(vec![Segment::Field("a.b".into())]);
    let nested = Path::from_segments(vec![Segment::Field("a".into()), Segment::Field("b".into())]);
    report.push(dotted.clone(), Error::new("one"), None);
    report.push(nested.clone(), Error::new("two"), None);
    report.push(dotted.clone(), Error::new("three"), None);
    let groups: Vec<(&Path, usize)> = report.by_path().map(|(p, e)| (p, e.count())).collect();
    assert_eq!(groups, [(&dotted, 2), (&nested, 1)]);
}

#[test]
fn a_struct_level_error_at_the_root_reads_the_same_in_json_logs_and_serde_errors() {
    let report = shipment("", "123").validate().unwrap_err();
    let root = report.errors().last().unwrap();
    assert_eq!(root.code(), "all_or_nothing");
    assert!(root.path().is_root());

    let json = serde_json::to_value(&report).unwrap();
    let last = json["errors"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["path"], "");
    assert_eq!(last["pointer"], "");
    let shown = last["path"].to_string();
    assert_eq!(shown, r#""""#);

    let log = report.to_string();
    let line = log.lines().last().unwrap();
    assert_eq!(
        line,
        format!("{shown}: all_or_nothing: give both or neither")
    );

    let json = r#"{"carrier": "", "trackingNumber": "123"}"#;
    let serde_error = serde_json::from_str::<Valid<Shipment>>(json)
        .unwrap_err()
        .to_string();
    assert!(
        serde_error.contains(&format!("; {shown}: give both or neither")),
        "{serde_error}"
    );
}
