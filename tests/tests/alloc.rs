//! Valid input costs no heap allocation: `validate()` on valid input and `normalize()` on input
//! that is already normal, over every rule and every normalizer, counted by a global allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, LazyLock};

use validate_core::{Error, Valid, Validate};

struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY-free: the allocator forwards to `System` and only counts, per thread, while enabled.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTING.with(Cell::get) {
            ALLOCATIONS.with(|a| a.set(a.get() + 1));
        }
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if COUNTING.with(Cell::get) {
            ALLOCATIONS.with(|a| a.set(a.get() + 1));
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The number of allocations `f` makes on this thread.
fn allocations<R>(f: impl FnOnce() -> R) -> (usize, R) {
    ALLOCATIONS.with(|a| a.set(0));
    COUNTING.with(|c| c.set(true));
    let result = f();
    COUNTING.with(|c| c.set(false));
    (ALLOCATIONS.with(Cell::get), result)
}

static SLUG: LazyLock<regex::Regex> =
    LazyLock::new(|| validate_core::pattern::compile("[a-z-]+").unwrap());

fn positive(n: &i64) -> Result<(), Error> {
    if *n > 0 {
        Ok(())
    } else {
        Err(Error::new("positive"))
    }
}

fn consistent(t: &Everything) -> Result<(), Error> {
    if t.count <= 100 {
        Ok(())
    } else {
        Err(Error::new("consistent"))
    }
}

#[derive(Validate)]
struct Inner {
    #[validate(length(min = 1), ascii)]
    name: String,
}

#[derive(Validate)]
#[validate(custom(consistent))]
struct Everything {
    #[validate(
        length(min = 3, max = 32),
        pattern = "[a-z0-9_]+",
        chars(ascii_lowercase, ascii_digit, "_")
    )]
    user_name: String,
    #[validate(
        length(bytes, max = 64),
        email,
        contains = "@",
        suffix = ".com",
        prefix = "ada"
    )]
    email: String,
    #[validate(email(international, allow_single_label))]
    email2: String,
    #[validate(url(schemes("https")))]
    website: Option<String>,
    #[validate(each(url(public)))]
    webhooks: Vec<String>,
    #[validate(hostname)]
    host: String,
    #[validate(ip, ipv4)]
    v4: String,
    #[validate(ipv6)]
    v6: String,
    #[validate(uuid)]
    id: String,
    #[validate(credit_card, sensitive)]
    card: String,
    #[validate(alphanumeric, no_control, one_of("abc123", "x"), none_of("root"))]
    code: String,
    #[validate(range(min = 1, max = 1000), one_of(5, 7), none_of(6), custom(positive))]
    count: i64,
    #[validate(range(exclusive_min = 0.0, exclusive_max = 1.0))]
    ratio: f64,
    #[validate(required, length(max = 5))]
    nickname: Option<String>,
    #[validate(must_match(user_name))]
    user_name_again: String,
    #[validate(pattern(path = SLUG))]
    slug: Cow<'static, str>,
    #[validate(length(max = 3), each(nested))]
    items: Vec<Inner>,
    #[validate(keys(length(max = 8)), each(range(max = 10)))]
    scores: BTreeMap<String, u8>,
    #[validate(each(email))]
    contacts: HashMap<String, String>,
    #[validate(nested)]
    shared: Arc<Inner>,
    #[validate(nested)]
    boxed: Option<Box<Inner>>,
}

fn everything() -> Everything {
    Everything {
        user_name: "ada_lovelace".into(),
        email: "ada@example.com".into(),
        email2: "ada@localhost".into(),
        website: Some("https://example.com/path?q=1".into()),
        webhooks: vec![
            "https://hooks.example.com/notify".into(),
            "https://8.8.8.8/".into(),
            "https://[2606:4700::1111]:8443/".into(),
            "https://[::ffff:8.8.8.8]/".into(),
        ],
        // An A-label: decoding it and checking the U-label allocate nothing either.
        host: "www.xn--bcher-kva.de".into(),
        v4: "192.0.2.1".into(),
        v6: "2001:db8::1".into(),
        id: "123e4567-e89b-12d3-a456-426614174000".into(),
        card: "4539 1488 0343 6467".into(),
        code: "abc123".into(),
        count: 7,
        ratio: 0.5,
        nickname: Some("ada".into()),
        user_name_again: "ada_lovelace".into(),
        slug: Cow::Borrowed("the-slug"),
        items: vec![Inner { name: "a".into() }],
        scores: BTreeMap::from([("math".into(), 9)]),
        contacts: HashMap::from([("work".into(), "ada@example.com".into())]),
        shared: Arc::new(Inner { name: "b".into() }),
        boxed: Some(Box::new(Inner { name: "c".into() })),
    }
}

#[test]
fn validate_on_valid_input_allocates_nothing() {
    let value = everything();
    // The first run compiles the patterns (once per process); every later run is free.
    value.validate().unwrap();
    let (count, result) = allocations(|| value.validate());
    assert!(result.is_ok());
    assert_eq!(count, 0, "validate() allocated on valid input");
}

#[test]
fn invalid_input_does_allocate_so_the_counter_works() {
    let mut value = everything();
    value.count = 0;
    let (count, result) = allocations(|| value.validate());
    assert!(result.is_err());
    assert!(count > 0);
}

/// A failing built-in rule records its code, message and parameters without copying them (they
/// are built once per rule, on its first failure), paths of up to three segments and short
/// previews are kept inline: a report of several errors costs one allocation, its list.
#[test]
fn invalid_input_allocates_only_the_list_of_errors() {
    let mut value = everything();
    value.user_name = "Ada!".into(); // pattern, chars
    value.email = "ada@example".into(); // email, suffix
    value.count = 50; // one_of
    value.items = vec![Inner { name: "é".into() }]; // items[0].name: ascii
    value.nickname = None; // required
    // The first failure of each rule builds its error; the one measured below reuses them.
    assert!(value.validate().is_err());
    let (count, result) = allocations(|| value.validate());
    let report = result.unwrap_err();
    let paths: Vec<String> = report.iter().map(|e| e.path().to_string()).collect();
    assert_eq!(
        paths,
        [
            "user_name",
            "user_name",
            "email",
            "email",
            "count",
            "nickname",
            "user_name_again",
            "items[0].name"
        ],
        "{report}"
    );
    assert_eq!(report.errors()[0].preview(), Some("Ada!"));
    assert_eq!(report.errors()[4].preview(), Some("50"));
    // Eight errors: the list is allocated for four, then grows once.
    assert_eq!(count, 2, "{report}");
}

fn lower_in_place(s: &mut str) {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        s.make_ascii_lowercase();
    }
}

#[derive(Validate)]
struct Normal {
    #[normalize(
        trim,
        trim_start,
        trim_end,
        lowercase,
        nfc,
        nfkc,
        collapse_whitespace,
        strip_control
    )]
    a: String,
    #[normalize(uppercase, nfd, nfkd)]
    b: String,
    #[normalize(with = lower_in_place)]
    c: String,
    #[normalize(each(trim, lowercase))]
    d: Vec<String>,
    #[normalize(trim)]
    e: Option<String>,
    #[normalize(trim, nfkc)]
    f: Cow<'static, str>,
    #[normalize(each(each(trim)))]
    g: Vec<Vec<String>>,
    #[normalize(each(trim))]
    h: BTreeMap<String, String>,
    #[validate(nested)]
    inner: Vec<Nested>,
}

#[derive(Validate)]
struct Nested {
    #[normalize(trim, lowercase)]
    x: String,
}

fn normal() -> Normal {
    Normal {
        a: "héllo wörld".into(),
        b: "ABC DEF".into(),
        c: "lower".into(),
        d: vec!["x".into(), "y z".into()],
        e: Some("e".into()),
        f: Cow::Owned("f".into()),
        g: vec![vec!["g".into()]],
        h: BTreeMap::from([("k".into(), "v".into())]),
        inner: vec![Nested { x: "x".into() }],
    }
}

#[test]
fn normalize_on_normal_input_allocates_nothing() {
    let mut value = normal();
    let (count, ()) = allocations(|| value.normalize());
    assert_eq!(count, 0, "normalize() allocated on normal input");

    // Not normal: the counter sees the work, and the value changes.
    value.a = "  Héllo   Wörld ".into();
    let (count, ()) = allocations(|| value.normalize());
    assert!(count > 0);
    assert_eq!(value.a, "héllo wörld");
}

/// The same through `Valid::new`'s one pass, which reaches `inner`'s items with their own.
#[test]
fn valid_new_on_normal_input_allocates_nothing() {
    let value = normal();
    let (count, result) = allocations(|| Valid::new(value));
    assert!(result.is_ok());
    assert_eq!(count, 0, "Valid::new allocated on normal input");
}

#[test]
fn trim_cuts_in_place() {
    let mut value = Nested {
        x: "  padded  ".into(),
    };
    let (count, ()) = allocations(|| value.normalize());
    assert_eq!(count, 0, "trimming reuses the string's buffer");
    assert_eq!(value.x, "padded");
}

#[test]
fn valid_new_on_valid_input_allocates_nothing() {
    let value = everything();
    value.validate().unwrap();
    let (count, result) = allocations(|| Valid::new(value));
    assert!(result.is_ok());
    assert_eq!(count, 0);
}

/// Fields whose whitelist proves them normal take `Valid::new`'s other path (see `proofs.rs`).
#[derive(Validate)]
struct Proven {
    #[normalize(trim, nfkc, lowercase)]
    #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
    user: String,
    #[normalize(each(trim, lowercase))]
    #[validate(
        length(max = 10),
        each(length(min = 1, max = 20), chars(ascii_lowercase, "-"))
    )]
    tags: Vec<String>,
    #[normalize(trim, lowercase)]
    #[validate(email)]
    email: String,
    /// Proven item by item, in each item's own pass.
    #[validate(length(max = 5), nested)]
    items: Vec<Item>,
}

#[derive(Validate)]
struct Item {
    #[normalize(trim, uppercase)]
    #[validate(pattern = "[A-Z]{3}-[0-9]{4}")]
    sku: String,
}

#[test]
fn valid_new_through_proofs_allocates_nothing() {
    let value = Proven {
        user: "ada_lovelace".into(),
        tags: vec!["math".into(), "poetry".into()],
        email: "ada@example.com".into(),
        items: vec![
            Item {
                sku: "ABC-1000".into(),
            },
            Item {
                sku: "XYZ-0042".into(),
            },
        ],
    };
    let (count, result) = allocations(|| Valid::new(value));
    assert!(result.is_ok());
    assert_eq!(count, 0);
}
