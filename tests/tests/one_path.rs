//! One path syntax: a shape error (serde's) and a rule error at the same map entry have the same
//! path, however deep the map; an error about a key is marked `[key]`; and the values serde
//! buffers (internally tagged and untagged enums, the fields around a flattened one) report a
//! shape error inside them at the value itself, as the docs say.

// The types are only deserialized, never read.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use validate_core::{Report, Validate, de};

/// The report of a body that fails to deserialize or to validate.
fn report<T: for<'de> Deserialize<'de> + Validate>(body: &str) -> Report {
    de::from_json::<T>(body.as_bytes())
        .err()
        .and_then(|failure| failure.report().cloned())
        .unwrap_or_else(|| panic!("{body} was accepted or is malformed"))
}

/// The (path, pointer, code) of every error of `report`.
fn places(report: &Report) -> Vec<(String, String, String)> {
    report
        .iter()
        .map(|e| {
            (
                e.path().to_string(),
                e.path().to_pointer(),
                e.code().to_owned(),
            )
        })
        .collect()
}

fn place(path: &str, pointer: &str, code: &str) -> (String, String, String) {
    (path.to_owned(), pointer.to_owned(), code.to_owned())
}

#[derive(Debug, Deserialize, Validate)]
struct Labels {
    #[serde(default)]
    #[validate(keys(length(max = 3)), each(length(max = 3)))]
    labels: HashMap<String, String>,
    #[serde(default)]
    counts: BTreeMap<String, u32>,
    #[serde(default)]
    #[validate(keys(range(max = 5)))]
    ids: HashMap<u32, String>,
}

#[test]
fn a_shape_error_and_a_rule_error_at_one_entry_share_its_path() {
    let shape = report::<Labels>(r#"{"labels":{"x.y":1}}"#);
    let rule = report::<Labels>(r#"{"labels":{"x.y":"long"}}"#);
    assert_eq!(
        places(&shape),
        [place(r#"labels["x.y"]"#, "/labels/x.y", "invalid_type")]
    );
    assert_eq!(
        places(&rule),
        [place(r#"labels["x.y"]"#, "/labels/x.y", "length")]
    );
    for report in [&shape, &rule] {
        assert_eq!(report.at(r#"labels["x.y"]"#).count(), 1);
        let json = serde_json::to_value(report).unwrap();
        assert_eq!(json["errors"][0]["path"], r#"labels["x.y"]"#);
    }
    // A map without rules, and keys that are numbers.
    assert_eq!(
        places(&report::<Labels>(r#"{"counts":{"a.b":"many"}}"#)),
        [place(r#"counts["a.b"]"#, "/counts/a.b", "invalid_type")]
    );
    assert_eq!(
        places(&report::<Labels>(r#"{"ids":{"7":1}}"#)),
        [place(r#"ids["7"]"#, "/ids/7", "invalid_type")]
    );
    assert_eq!(
        places(&report::<Labels>(r#"{"ids":{"7":"x"}}"#)),
        [place(r#"ids["7"][key]"#, "/ids/7", "range")]
    );
}

#[test]
fn an_error_about_a_key_is_marked_apart_from_one_about_its_value() {
    let report = report::<Labels>(r#"{"labels":{"abcd":"long"}}"#);
    assert_eq!(
        places(&report),
        [
            place(r#"labels["abcd"][key]"#, "/labels/abcd", "length"),
            place(r#"labels["abcd"]"#, "/labels/abcd", "length"),
        ]
    );
    assert_eq!(report.at(r#"labels["abcd"][key]"#).count(), 1);
    assert_eq!(report.at(r#"labels["abcd"]"#).count(), 1);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["errors"][0]["path"], r#"labels["abcd"][key]"#);
    assert_eq!(json["errors"][1]["path"], r#"labels["abcd"]"#);
    assert!(
        report
            .to_string()
            .starts_with(r#"labels["abcd"][key]: length: "#)
    );
}

#[derive(Debug, Deserialize, Validate)]
struct Limits {
    #[serde(default)]
    per_route: HashMap<String, u8>,
}

#[derive(Debug, Deserialize, Validate)]
struct Node {
    #[serde(default)]
    tags: BTreeMap<String, u8>,
    #[serde(default)]
    #[validate(nested)]
    next: Option<Box<Node>>,
}

#[derive(Debug, Deserialize, Validate)]
struct Table(BTreeMap<String, u8>);

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "lowercase")]
enum Source {
    Inline { values: HashMap<String, u8> },
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Deep {
    #[serde(default)]
    grid: Option<Vec<HashMap<String, u8>>>,
    #[serde(default)]
    matrix: HashMap<String, BTreeMap<String, u8>>,
    #[serde(default)]
    #[validate(nested)]
    limits: Option<Limits>,
    #[serde(default)]
    #[validate(each(nested))]
    routes: BTreeMap<String, Limits>,
    #[serde(default)]
    #[validate(nested)]
    by_region: Vec<BTreeMap<String, Limits>>,
    #[serde(default)]
    #[validate(nested)]
    node: Option<Node>,
    #[serde(default)]
    #[validate(nested)]
    table: Option<Table>,
    #[serde(default)]
    #[validate(nested)]
    source: Option<Source>,
}

#[test]
fn a_map_is_found_at_any_depth_through_any_wrapper() {
    for (body, path, pointer) in [
        (
            r#"{"grid":[{},{"k.1":"x"}]}"#,
            r#"grid[1]["k.1"]"#,
            "/grid/1/k.1",
        ),
        (
            r#"{"matrix":{"a":{"b":"x"}}}"#,
            r#"matrix["a"]["b"]"#,
            "/matrix/a/b",
        ),
        (
            r#"{"limits":{"per_route":{"/x":"x"}}}"#,
            r#"limits.per_route["/x"]"#,
            "/limits/per_route/~1x",
        ),
        (
            r#"{"routes":{"r.1":{"per_route":{"p.q":"x"}}}}"#,
            r#"routes["r.1"].per_route["p.q"]"#,
            "/routes/r.1/per_route/p.q",
        ),
        (
            r#"{"by_region":[{"eu":{"per_route":{"a":"x"}}}]}"#,
            r#"by_region[0]["eu"].per_route["a"]"#,
            "/by_region/0/eu/per_route/a",
        ),
        (
            r#"{"node":{"next":{"next":{"tags":{"t.t":"x"}}}}}"#,
            r#"node.next.next.tags["t.t"]"#,
            "/node/next/next/tags/t.t",
        ),
        (r#"{"table":{"k.k":"x"}}"#, r#"table["k.k"]"#, "/table/k.k"),
        (
            r#"{"source":{"inline":{"values":{"v.v":"x"}}}}"#,
            r#"source.inline.values["v.v"]"#,
            "/source/inline/values/v.v",
        ),
    ] {
        let report = report::<Deep>(body);
        assert_eq!(
            places(&report),
            [place(path, pointer, "invalid_type")],
            "{body}"
        );
    }
    // Field names stay fields, including one the client made up.
    assert_eq!(
        places(&report::<Deep>(r#"{"limits":{"per_route":{}},"extra":1}"#)),
        [place("extra", "/extra", "unknown_field")]
    );
    assert_eq!(
        places(&report::<Deep>(
            r#"{"node":{"tags":{},"next":{"tags":[]}}}"#
        )),
        [place("node.next.tags", "/node/next/tags", "invalid_type")]
    );
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Contact {
    Phone {
        #[validate(length(min = 5))]
        number: String,
        #[serde(default)]
        extension: u16,
    },
}

#[derive(Debug, Deserialize, Validate)]
struct Page {
    #[validate(range(max = 100))]
    size: u8,
}

#[derive(Debug, Deserialize, Validate)]
struct Listing {
    #[validate(nested)]
    contact: Contact,
    #[serde(flatten)]
    #[validate(nested)]
    page: Page,
}

#[derive(Debug, Deserialize, Validate)]
struct Outer {
    #[validate(nested)]
    listing: Listing,
}

#[test]
fn a_shape_error_in_a_buffered_value_is_at_the_value_and_a_rule_error_is_not() {
    let wrap = |listing: &str| format!(r#"{{"listing":{listing}}}"#);
    // serde reads the tagged enum and the flattened struct from a buffered copy, without a
    // path tracker: its shape errors land at the enum and at the struct around the flatten.
    let tagged = r#"{"contact":{"kind":"phone","number":"12345","extension":"x"},"size":1}"#;
    assert_eq!(
        places(&report::<Outer>(&wrap(tagged))),
        [place("listing.contact", "/listing/contact", "invalid_type")]
    );
    let flattened = r#"{"contact":{"kind":"phone","number":"12345"},"size":"x"}"#;
    assert_eq!(
        places(&report::<Outer>(&wrap(flattened))),
        [place("listing", "/listing", "invalid_type")]
    );
    assert_eq!(
        places(&report::<Listing>(flattened)),
        [place("", "", "invalid_type")]
    );
    // Rule errors have their whole paths.
    let rules = r#"{"contact":{"kind":"phone","number":"1"},"size":200}"#;
    assert_eq!(
        places(&report::<Outer>(&wrap(rules))),
        [
            place(
                "listing.contact.number",
                "/listing/contact/number",
                "length"
            ),
            place("listing.size", "/listing/size", "range"),
        ]
    );
}
