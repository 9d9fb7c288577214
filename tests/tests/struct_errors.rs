//! Struct-level `custom` rules that return several errors: a `Result<(), Report>`, or any
//! `IntoIterator<Item = Error>` (a `Vec`, an `Option`, an `impl Iterator` borrowing the value),
//! each error at its place, as one `Result<(), Error>` would put it.

use serde::Deserialize;
use validate_core::{Error, Path, Report, Segment, Valid, Validate, ValidateWith};

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(custom(dates_in_order))]
struct Booking {
    #[validate(length(max = 10))]
    start_date: String,
    end_date: String,
    #[serde(rename = "guests")]
    guest_names: Vec<String>,
}

/// Several errors in a report: at the root, at a field by its Rust name (through `Error::at` or
/// in the path), below a field, and the report's own truncation and `unavailable` carried over.
fn dates_in_order(booking: &Booking) -> Result<(), Report> {
    let mut report = Report::new();
    if booking.end_date < booking.start_date {
        report.push(Path::root(), Error::new("order"), None);
        report.push(
            Path::root(),
            Error::new("before_start").at("end_date"),
            None,
        );
        report.push(
            Path::from_segments(vec![Segment::Field("start_date".into())]),
            Error::new("after_end"),
            None,
        );
    }
    for (i, name) in booking.guest_names.iter().enumerate() {
        if name.is_empty() {
            let path = Path::from_segments(vec![
                Segment::Field("guest_names".into()),
                Segment::Index(i),
            ]);
            report.push(path, Error::new("empty").with_param("index", i), None);
        }
    }
    report.into_result()
}

fn booking(start: &str, end: &str, guests: &[&str]) -> Booking {
    Booking {
        start_date: start.into(),
        end_date: end.into(),
        guest_names: guests.iter().map(|g| (*g).to_owned()).collect(),
    }
}

fn placed(report: &Report) -> Vec<(String, &str)> {
    report
        .iter()
        .map(|e| (e.path().to_string(), e.code()))
        .collect()
}

#[test]
fn a_report_joins_at_its_paths_with_wire_names() {
    assert!(
        booking("2024-01-01", "2024-01-02", &["ada"])
            .validate()
            .is_ok()
    );
    let report = booking("2024-01-02", "2024-01-01", &["ada", ""])
        .validate()
        .unwrap_err();
    assert_eq!(
        placed(&report),
        [
            (String::new(), "order"),
            ("endDate".into(), "before_start"),
            ("startDate".into(), "after_end"),
            ("guests[1]".into(), "empty"),
        ]
    );
    assert_eq!(
        report.errors()[3].param("index"),
        Some(&validate_core::Param::Int(1))
    );
}

#[test]
fn a_report_comes_after_the_field_rules_and_below_a_nesting_field() {
    #[derive(Validate)]
    struct Trip {
        #[validate(nested)]
        booking: Booking,
    }
    let trip = Trip {
        booking: booking("2024-01-02-and-more", "2024-01-01", &[]),
    };
    let report = trip.validate().unwrap_err();
    assert_eq!(
        placed(&report),
        [
            ("booking.startDate".into(), "length"),
            ("booking".into(), "order"),
            ("booking.endDate".into(), "before_start"),
            ("booking.startDate".into(), "after_end"),
        ]
    );
    assert_eq!(report.errors()[2].path().to_pointer(), "/booking/endDate");
}

#[test]
fn a_report_through_deserialization_is_the_same() {
    let json = r#"{"startDate": "2024-01-02", "endDate": "2024-01-01", "guests": [""]}"#;
    let error = serde_json::from_str::<Valid<Booking>>(json).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("endDate: before_start"), "{message}");
    assert!(message.contains("guests[0]: empty"), "{message}");
}

#[test]
fn a_returned_report_keeps_its_truncation_and_unavailability() {
    #[derive(Validate)]
    #[validate(custom(everything_fails))]
    struct Flood {
        #[validate(range(max = 1))]
        n: u8,
    }
    fn everything_fails(_: &Flood) -> Result<(), Report> {
        let mut report = Report::new();
        for _ in 0..Report::MAX_ERRORS + 20 {
            report.push(Path::root(), Error::new("no"), None);
        }
        report.push(Path::root(), Error::unavailable(), None);
        Err(report)
    }
    let report = Flood { n: 2 }.validate().unwrap_err();
    assert_eq!(report.len(), Report::MAX_ERRORS);
    assert_eq!(report.errors()[0].code(), "range");
    // The returned report had left out 21; one more of its errors falls off here.
    assert_eq!(report.omitted(), 22);
    assert!(report.is_unavailable());
}

#[derive(Validate)]
#[validate(custom(each_pair))]
struct Pairs {
    low: Vec<u8>,
    high: Vec<u8>,
}

fn each_pair(pairs: &Pairs) -> Vec<Error> {
    pairs
        .low
        .iter()
        .zip(&pairs.high)
        .filter(|(low, high)| low > high)
        .map(|(low, high)| {
            Error::new("inverted")
                .with_param("low", *low)
                .with_param("high", *high)
                .at("high")
        })
        .collect()
}

#[test]
fn a_vec_of_errors_joins_in_order_at_the_named_fields() {
    assert!(
        Pairs {
            low: vec![1, 2],
            high: vec![3, 4]
        }
        .validate()
        .is_ok()
    );
    let report = Pairs {
        low: vec![5, 1, 9],
        high: vec![4, 2, 8],
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        placed(&report),
        [("high".into(), "inverted"), ("high".into(), "inverted")]
    );
    let lows: Vec<_> = report.iter().map(|e| e.param("low").cloned()).collect();
    assert_eq!(lows, [Some(5u8.into()), Some(9u8.into())]);
}

#[derive(Validate)]
#[validate(custom(blank_lines, message = "no blank lines", code = "blank"))]
struct Poem {
    lines: Vec<String>,
}

/// An iterator borrowing the value (edition 2024 captures the argument's lifetime).
fn blank_lines(poem: &Poem) -> impl Iterator<Item = Error> {
    poem.lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.trim().is_empty())
        .map(|(i, _)| Error::new("empty_line").with_param("line", i).at("lines"))
}

#[test]
fn an_iterator_borrowing_the_value_joins_with_the_rules_overrides() {
    let poem = |lines: &[&str]| Poem {
        lines: lines.iter().map(|l| (*l).to_owned()).collect(),
    };
    assert!(poem(&["a", "b"]).validate().is_ok());
    let report = poem(&["a", " ", "b", ""]).validate().unwrap_err();
    let got: Vec<_> = report
        .iter()
        .map(|e| (e.path().to_string(), e.code(), e.message(), e.param("line")))
        .collect();
    let line = |i: usize| Some(validate_core::Param::from(i));
    assert_eq!(
        got,
        [
            ("lines".into(), "blank", "no blank lines", line(1).as_ref()),
            ("lines".into(), "blank", "no blank lines", line(3).as_ref()),
        ]
    );
}

#[test]
fn an_option_of_an_error_is_one_error_or_none() {
    #[derive(Validate)]
    #[validate(custom(not_both))]
    struct Contact {
        email: Option<String>,
        phone: Option<String>,
    }
    fn not_both(contact: &Contact) -> Option<Error> {
        (contact.email.is_some() && contact.phone.is_some())
            .then(|| Error::new("one_contact").at("phone"))
    }
    let contact = |email: Option<&str>, phone: Option<&str>| Contact {
        email: email.map(Into::into),
        phone: phone.map(Into::into),
    };
    assert!(contact(Some("a@b.c"), None).validate().is_ok());
    let report = contact(Some("a@b.c"), Some("1")).validate().unwrap_err();
    assert_eq!(placed(&report), [("phone".into(), "one_contact")]);
}

#[test]
fn a_rule_with_a_context_returns_several_errors_too() {
    struct Limits {
        max: u32,
    }
    // Clippy takes the second rule's `context` for a repeated attribute.
    #[allow(clippy::duplicated_attributes)]
    #[derive(Validate)]
    #[validate(context = Limits)]
    #[validate(custom(within, context), custom(report_within, context))]
    struct Order {
        quantity: u32,
        bonus: u32,
    }
    fn within(order: &Order, limits: &Limits) -> Vec<Error> {
        [("quantity", order.quantity), ("bonus", order.bonus)]
            .into_iter()
            .filter(|(_, n)| *n > limits.max)
            .map(|(field, _)| Error::new("over").at(field))
            .collect()
    }
    fn report_within(order: &Order, limits: &Limits) -> Result<(), Report> {
        let mut report = Report::new();
        if order.quantity + order.bonus > limits.max {
            report.push(Path::root(), Error::new("total"), None);
        }
        report.into_result()
    }
    let limits = Limits { max: 5 };
    assert!(
        Order {
            quantity: 2,
            bonus: 3
        }
        .validate_with(&limits)
        .is_ok()
    );
    let report = Order {
        quantity: 6,
        bonus: 7,
    }
    .validate_with(&limits)
    .unwrap_err();
    assert_eq!(
        placed(&report),
        [
            ("quantity".into(), "over"),
            ("bonus".into(), "over"),
            (String::new(), "total")
        ]
    );
}
