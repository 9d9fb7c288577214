//! The one pass of `Valid::new` (`__normalize_validate_into`) on the shapes that take other paths
//! through the derive: normalizers without rules, a sensitive field, a `must_match` of a later
//! field beside a struct-level `custom`, generic nested values in a list, a map and an
//! `Option<Box<_>>`, enum and tuple-struct fields. The generated code must not warn, even under
//! strict lints, in the user's crate.
#![deny(warnings)]
#![deny(unused, unused_qualifications, unused_results)]
use std::collections::BTreeMap;
use validate_core::{Error, Valid, Validate};

#[derive(Debug, Clone, PartialEq, Validate)]
struct OnlyNormalize {
    #[normalize(trim)]
    a: String,
    #[normalize(each(trim))]
    b: Vec<String>,
}

#[derive(Debug, Validate)]
#[validate(custom(check_whole))]
struct WithCustom {
    #[normalize(trim)]
    #[validate(sensitive)]
    secret: String,
    #[normalize(lowercase)]
    #[validate(must_match(other))]
    first: String,
    #[normalize(lowercase)]
    other: String,
}

fn check_whole(_: &WithCustom) -> Result<(), Error> {
    Ok(())
}

#[derive(Debug, Validate)]
struct Generic<T: Validate> {
    #[validate(nested)]
    inner: T,
    #[validate(length(max = 3), nested)]
    list: Vec<T>,
    #[validate(nested)]
    map: BTreeMap<String, T>,
    #[validate(required, nested)]
    maybe: Option<Box<T>>,
}

#[derive(Debug, Validate)]
enum Either {
    A(
        #[normalize(trim)]
        #[validate(length(min = 1))]
        String,
    ),
    B {
        #[validate(nested)]
        inner: OnlyNormalize,
    },
    C,
}

#[derive(Debug, Validate)]
struct Tuple(
    #[normalize(trim, uppercase)]
    #[validate(pattern = "[A-Z]+")]
    String,
);

#[test]
fn every_shape_normalizes_and_validates_in_one_pass() {
    let v = Valid::new(OnlyNormalize {
        a: " x ".into(),
        b: vec![" y ".into()],
    })
    .unwrap();
    assert_eq!(v.a, "x");
    let w = Valid::new(WithCustom {
        secret: " s ".into(),
        first: "AB".into(),
        other: "Ab".into(),
    });
    assert!(w.is_ok());
    let g = Generic {
        inner: Tuple(" ab ".into()),
        list: vec![Tuple("cd".into())],
        map: BTreeMap::from([("k".to_string(), Tuple("ef".into()))]),
        maybe: Some(Box::new(Tuple(" gh".into()))),
    };
    let g = Valid::new(g).unwrap();
    assert_eq!(g.inner.0, "AB");
    assert_eq!(g.map["k"].0, "EF");
    assert!(Valid::new(Either::A("  ".into())).is_err());
    assert!(Valid::new(Either::C).is_ok());
    assert!(
        Valid::new(Either::B {
            inner: OnlyNormalize {
                a: "a".into(),
                b: vec![]
            }
        })
        .is_ok()
    );
}
