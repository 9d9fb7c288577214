//! Error paths use the names the client sent: serde's `rename`, `rename(deserialize = ..)`,
//! `rename_all` in every case convention, `flatten`, newtypes and the enum representations. Each
//! expectation is checked against serde itself, so the two cannot drift apart.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use validate_core::Validate;

fn paths<T: Validate>(value: &T) -> Vec<String> {
    value
        .validate()
        .unwrap_err()
        .iter()
        .map(|e| e.path().to_string())
        .collect()
}

fn serde_keys<T: Serialize>(value: &T) -> Vec<String> {
    match serde_json::to_value(value).unwrap() {
        Value::Object(map) => map.keys().cloned().collect(),
        other => panic!("not an object: {other}"),
    }
}

macro_rules! convention {
    ($name:ident, $rule:literal) => {
        #[test]
        fn $name() {
            #[derive(Serialize, Deserialize, Validate)]
            #[serde(rename_all = $rule)]
            struct T {
                #[validate(length(min = 1))]
                user_name: String,
                #[validate(length(min = 1))]
                a: String,
                #[validate(length(min = 1))]
                http_url2_x: String,
                #[validate(length(min = 1))]
                r#type: String,
            }
            let t = T {
                user_name: String::new(),
                a: String::new(),
                http_url2_x: String::new(),
                r#type: String::new(),
            };
            let mut ours = paths(&t);
            let mut theirs = serde_keys(&t);
            ours.sort();
            theirs.sort();
            assert_eq!(ours, theirs);
            // And the names deserialize: serde knows every path we report.
            let json = format!(
                "{{{}}}",
                ours.iter()
                    .map(|k| format!("\"{k}\":\"x\""))
                    .collect::<Vec<_>>()
                    .join(",")
            );
            let back: T = serde_json::from_str(&json).unwrap();
            assert!(back.validate().is_ok());
        }
    };
}

convention!(lowercase, "lowercase");
convention!(uppercase, "UPPERCASE");
convention!(pascal_case, "PascalCase");
convention!(camel_case, "camelCase");
convention!(snake_case, "snake_case");
convention!(screaming_snake_case, "SCREAMING_SNAKE_CASE");
convention!(kebab_case, "kebab-case");
convention!(screaming_kebab_case, "SCREAMING-KEBAB-CASE");

macro_rules! variant_convention {
    ($name:ident, $rule:literal) => {
        #[test]
        fn $name() {
            #[derive(Serialize, Deserialize, Validate)]
            #[serde(rename_all = $rule)]
            enum E {
                SignUp(#[validate(length(min = 1))] String),
                HTTPRequest(#[validate(length(min = 1))] String),
            }
            for value in [E::SignUp(String::new()), E::HTTPRequest(String::new())] {
                let ours = paths(&value);
                assert_eq!(ours, serde_keys(&value));
            }
        }
    };
}

variant_convention!(variant_lowercase, "lowercase");
variant_convention!(variant_uppercase, "UPPERCASE");
variant_convention!(variant_pascal_case, "PascalCase");
variant_convention!(variant_camel_case, "camelCase");
variant_convention!(variant_snake_case, "snake_case");
variant_convention!(variant_screaming_snake_case, "SCREAMING_SNAKE_CASE");
variant_convention!(variant_kebab_case, "kebab-case");
variant_convention!(variant_screaming_kebab_case, "SCREAMING-KEBAB-CASE");

#[test]
fn rename_deserialize_and_flatten() {
    #[derive(Deserialize, Validate)]
    struct Inner {
        #[validate(range(min = 1))]
        #[serde(rename = "Count")]
        count: u8,
    }
    #[derive(Deserialize, Validate)]
    #[serde(rename_all(serialize = "SCREAMING_SNAKE_CASE", deserialize = "camelCase"))]
    struct T {
        #[serde(rename(serialize = "out", deserialize = "in"))]
        #[validate(length(min = 1))]
        renamed: String,
        #[validate(length(min = 1))]
        user_name: String,
        #[serde(flatten)]
        #[validate(nested)]
        inner: Inner,
        #[validate(nested)]
        deep_inner: Inner,
    }
    let t: T = serde_json::from_str(r#"{"in":"","userName":"","Count":0,"deepInner":{"Count":0}}"#)
        .unwrap();
    assert_eq!(paths(&t), ["in", "userName", "Count", "deepInner.Count"]);
}

#[test]
fn newtype_and_tuple_structs() {
    #[derive(Deserialize, Validate)]
    struct Email(#[validate(email)] String);
    #[derive(Deserialize, Validate)]
    struct Pair(
        #[validate(length(min = 1))] String,
        #[validate(range(max = 1))] u8,
    );
    #[derive(Deserialize, Validate)]
    struct T {
        #[validate(nested)]
        email: Email,
        #[validate(nested)]
        pair: Pair,
        #[validate(nested)]
        list: Vec<Email>,
    }
    let t: T =
        serde_json::from_str(r#"{"email":"x","pair":["",2],"list":["a@b.co","y"]}"#).unwrap();
    assert_eq!(paths(&t), ["email", "pair[0]", "pair[1]", "list[1]"]);
    assert_eq!(
        t.validate().unwrap_err().errors()[3].path().to_pointer(),
        "/list/1"
    );
}

#[derive(Serialize, Deserialize, Validate)]
struct Item {
    #[validate(length(min = 2))]
    name: String,
}

#[test]
fn enum_representations() {
    #[derive(Serialize, Deserialize, Validate)]
    #[serde(rename_all = "snake_case")]
    enum External {
        Named {
            #[validate(length(min = 2))]
            first_name: String,
        },
        Tuple(
            #[validate(length(min = 2))] String,
            #[validate(range(max = 1))] u8,
        ),
        Wrapped(#[validate(nested)] Item),
        Unit,
    }
    #[derive(Serialize, Deserialize, Validate)]
    #[serde(tag = "type", rename_all_fields = "camelCase")]
    enum Internal {
        Named {
            #[validate(length(min = 2))]
            first_name: String,
        },
        Wrapped(#[validate(nested)] Item),
    }
    #[derive(Serialize, Deserialize, Validate)]
    #[serde(tag = "t", content = "c")]
    enum Adjacent {
        Named {
            #[validate(length(min = 2))]
            first_name: String,
        },
        Tuple(
            #[validate(length(min = 2))] String,
            #[validate(range(max = 1))] u8,
        ),
        Wrapped(#[validate(nested)] Item),
    }
    #[derive(Serialize, Deserialize, Validate)]
    #[serde(untagged)]
    enum Untagged {
        Named {
            #[validate(length(min = 2))]
            #[serde(rename = "FIRST")]
            first_name: String,
        },
        Tuple(
            #[validate(length(min = 2))] String,
            #[validate(range(max = 1))] u8,
        ),
    }

    let one =
        |json: &str| -> Vec<String> { paths(&serde_json::from_str::<External>(json).unwrap()) };
    assert_eq!(one(r#"{"named":{"first_name":"a"}}"#), ["named.first_name"]);
    assert_eq!(one(r#"{"tuple":["a",2]}"#), ["tuple[0]", "tuple[1]"]);
    assert_eq!(one(r#"{"wrapped":{"name":"a"}}"#), ["wrapped.name"]);
    assert!(
        serde_json::from_str::<External>(r#""unit""#)
            .unwrap()
            .validate()
            .is_ok()
    );

    let internal =
        |json: &str| -> Vec<String> { paths(&serde_json::from_str::<Internal>(json).unwrap()) };
    assert_eq!(
        internal(r#"{"type":"Named","firstName":"a"}"#),
        ["firstName"]
    );
    assert_eq!(internal(r#"{"type":"Wrapped","name":"a"}"#), ["name"]);

    let adjacent =
        |json: &str| -> Vec<String> { paths(&serde_json::from_str::<Adjacent>(json).unwrap()) };
    assert_eq!(
        adjacent(r#"{"t":"Named","c":{"first_name":"a"}}"#),
        ["c.first_name"]
    );
    assert_eq!(adjacent(r#"{"t":"Tuple","c":["a",2]}"#), ["c[0]", "c[1]"]);
    assert_eq!(adjacent(r#"{"t":"Wrapped","c":{"name":"a"}}"#), ["c.name"]);

    let untagged =
        |json: &str| -> Vec<String> { paths(&serde_json::from_str::<Untagged>(json).unwrap()) };
    assert_eq!(untagged(r#"{"FIRST":"a"}"#), ["FIRST"]);
    assert_eq!(untagged(r#"["a",2]"#), ["[0]", "[1]"]);
}

#[test]
fn generics_get_bounds() {
    #[derive(Validate)]
    struct Page<T, U> {
        #[validate(length(max = 2), each(nested))]
        items: Vec<T>,
        #[validate(length(min = 1))]
        title: U,
        #[normalize(each(trim))]
        #[validate(each(length(min = 1)))]
        notes: Vec<U>,
    }
    let mut page = Page {
        items: vec![Item { name: "ok".into() }, Item { name: "x".into() }],
        title: String::new(),
        notes: vec!["  ".to_owned()],
    };
    page.normalize();
    assert_eq!(page.notes, [""]);
    assert_eq!(paths(&page), ["items[1].name", "title", "notes[0]"]);
}

#[test]
fn nested_each_keeps_every_index() {
    use std::collections::BTreeMap;

    #[derive(Validate)]
    struct Grid {
        #[validate(each(each(range(max = 1))))]
        matrix: Vec<Vec<u8>>,
        #[validate(each(each(length(max = 1))), keys(length(max = 1)))]
        rows: BTreeMap<String, Vec<String>>,
    }
    let grid = Grid {
        matrix: vec![vec![0, 1], vec![0, 0, 7], vec![9]],
        rows: BTreeMap::from([
            ("a".to_owned(), vec!["x".to_owned(), "yy".to_owned()]),
            ("bb".to_owned(), vec![]),
        ]),
    };
    assert_eq!(
        paths(&grid),
        [
            "matrix[1][2]",
            "matrix[2][0]",
            "rows[\"a\"][1]",
            "rows[\"bb\"][key]"
        ]
    );
}
