//! Every rule spelling of DESIGN.md beside `#[derive(JsonSchema)]`, but the two that schemars's
//! derive refuses (`contains = ".."`, written `contains(pattern = "..")`, and `required(..)` with
//! arguments): schemars reads `#[validate]` too, and must accept them all.
#![deny(warnings)]

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::Deserialize;
use validate_core::{Error, Validate};

static CODE: LazyLock<regex::Regex> = LazyLock::new(|| validate_core::pattern::compile("[A-Z]{3}").unwrap());

fn known(_: &String) -> Result<(), Error> {
    Ok(())
}

fn whole(_: &All) -> Result<(), Error> {
    Ok(())
}

#[derive(Deserialize, JsonSchema, Validate)]
#[schemars(transform = validate_core::schemars::constraints::<Inner>)]
pub struct Inner {
    #[validate(length(min = 1))]
    pub name: String,
}

#[derive(Deserialize, JsonSchema, Validate)]
#[validate(custom(whole))]
#[schemars(transform = validate_core::schemars::constraints::<All>)]
pub struct All {
    #[normalize(trim, nfkc, lowercase, collapse_whitespace, strip_control)]
    #[validate(length(min = 1, max = 3, message = "m", code = "c"))]
    pub a: String,
    #[validate(length(equal = 3))]
    pub b: String,
    #[validate(length(bytes, max = 9))]
    pub b2: String,
    #[validate(range(min = 1, max = 3, message = "m"))]
    pub c: i32,
    #[validate(range(exclusive_min = 0, exclusive_max = 9))]
    pub c2: i32,
    #[validate(pattern = "[a-z]+")]
    pub d: String,
    #[validate(pattern(path = CODE))]
    pub d2: String,
    #[validate(email)]
    pub e: String,
    #[validate(email(allow_single_label, international, message = "m"))]
    pub e2: String,
    #[validate(url, hostname, ip, ipv4, ipv6, uuid)]
    pub f: String,
    #[validate(url(schemes("https", "http")))]
    pub f2: String,
    #[validate(chars(ascii_alphanumeric, space, "-"), ascii, alphanumeric, no_control)]
    pub g: String,
    #[validate(one_of("a", "b"), none_of("c"), prefix = "p", suffix = "s", contains(pattern = "x"))]
    pub h: String,
    #[validate(not_contains = "x")]
    pub h2: String,
    #[validate(not_contains("y", message = "m"))]
    pub h3: String,
    #[validate(credit_card(code = "card"))]
    pub i: String,
    #[validate(required, length(max = 3))]
    pub j: Option<String>,
    #[validate(must_match(a), sensitive)]
    pub k: String,
    #[validate(nested)]
    pub l: Inner,
    #[validate(nested)]
    pub m: Option<Inner>,
    #[normalize(each(trim))]
    #[validate(length(max = 3), each(length(max = 2)))]
    pub n: Vec<String>,
    #[validate(each(nested))]
    pub n2: Vec<Inner>,
    #[validate(keys(length(max = 2)), each(range(max = 3)))]
    pub o: BTreeMap<String, u8>,
    #[validate(custom(known), password)]
    pub p: String,
    #[validate(each(one_of("x")))]
    pub q: HashSet<String>,
}

fn main() {
    let schema = schemars::schema_for!(All).to_value();
    assert_eq!(schema["properties"]["c2"]["exclusiveMaximum"], 9);
    // `pattern::compile` anchored it already: `\A(?:..)\z`.
    assert_eq!(schema["properties"]["d2"]["pattern"], "^(?:^[A-Z]{3}$)$");
}
