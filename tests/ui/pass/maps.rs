//! `each` and `keys` on maps, sets, arrays, `VecDeque` and `Option`s of them.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use validate_core::Validate;

#[derive(Default, Validate)]
struct Catalog {
    #[normalize(each(trim))]
    #[validate(
        keys(length(min = 2, max = 2), chars(ascii_lowercase)),
        each(length(min = 1))
    )]
    labels: BTreeMap<String, String>,
    #[validate(keys(length(max = 8)), each(range(min = 0)))]
    stock: HashMap<String, i32>,
    #[validate(each(one_of("a", "b")))]
    set: BTreeSet<String>,
    #[validate(each(email))]
    hashed: HashSet<String>,
    #[normalize(each(lowercase))]
    #[validate(each(uuid))]
    queue: VecDeque<String>,
    #[normalize(each(trim))]
    #[validate(each(ipv4))]
    array: [String; 2],
    #[normalize(each(trim))]
    #[validate(length(max = 2), each(hostname))]
    maybe: Option<Vec<String>>,
    #[validate(each(nested))]
    children: BTreeMap<String, Child>,
    #[validate(each(each(length(max = 1))))]
    matrix: Vec<Vec<String>>,
}

#[derive(Default, Validate)]
struct Child {
    #[validate(range(max = 3))]
    n: u8,
}

fn main() {
    let mut catalog = Catalog {
        array: [" 127.0.0.1 ".to_owned(), "10.0.0.1".to_owned()],
        ..Catalog::default()
    };
    catalog.labels.insert("EN".to_owned(), "  ".to_owned());
    catalog.children.insert("x".to_owned(), Child { n: 4 });
    catalog.matrix = vec![vec![String::new(), "ab".to_owned()]];
    catalog.normalize();
    assert_eq!(catalog.array[0], "127.0.0.1");
    let report = catalog.validate().unwrap_err();
    let paths: Vec<String> = report.iter().map(|e| e.path().to_string()).collect();
    assert_eq!(
        paths,
        [
            "labels[\"EN\"][key]",
            "labels[\"EN\"]",
            "children[\"x\"].n",
            "matrix[0][1]"
        ]
    );
}
