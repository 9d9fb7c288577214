//! Rules that need the service: `#[validate(context = C)]`, `custom(f, context)` and
//! `async_custom(f)`, run by `validate_with` and `validate_async` (no runtime of our own: the
//! futures here are polled by a plain executor built on `std` and by tokio).

use std::collections::BTreeSet;
use std::future::Future;
use std::pin::pin;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Waker};

use serde::Deserialize;
use validate_core::{Error, Valid, Validate, ValidateWith};

/// What the rules look up: taken names and emails, and a switch that takes the lookup down.
#[derive(Default)]
struct Accounts {
    taken: BTreeSet<String>,
    reserved: BTreeSet<String>,
    down: bool,
    lookups: AtomicUsize,
    /// The order in which lookups finished.
    finished: Mutex<Vec<String>>,
}

/// Resolves after `n` polls, as a lookup waiting on I/O would.
async fn yield_times(n: usize) {
    let mut left = n;
    std::future::poll_fn(|cx| {
        if left == 0 {
            Poll::Ready(())
        } else {
            left -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await;
}

fn not_reserved(name: &str, accounts: &Accounts) -> Result<(), Error> {
    if accounts.reserved.contains(name) {
        Err(Error::new("reserved").with_message("is reserved"))
    } else {
        Ok(())
    }
}

/// Slower for shorter values, so that later fields finish first.
async fn is_free(value: &String, accounts: &Accounts) -> Result<(), Error> {
    accounts.lookups.fetch_add(1, Ordering::SeqCst);
    yield_times(40usize.saturating_sub(value.len())).await;
    accounts.finished.lock().unwrap().push(value.clone());
    if accounts.down {
        Err(Error::unavailable())
    } else if accounts.taken.contains(value) {
        Err(Error::new("taken").with_message("is taken"))
    } else {
        Ok(())
    }
}

async fn team_is_small(team: &Team, _: &Accounts) -> Result<(), Error> {
    if team.members.len() > 2 {
        Err(Error::new("too_many").at("members"))
    } else {
        Ok(())
    }
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(context = Accounts)]
struct Signup {
    #[normalize(trim, lowercase)]
    #[validate(
        length(min = 3, max = 32),
        custom(not_reserved, context),
        async_custom(is_free)
    )]
    user_name: String,
    #[validate(email, async_custom(is_free))]
    email: String,
    #[validate(async_custom(is_free))]
    referrer: Option<String>,
    #[validate(nested)]
    address: Address,
}

/// No context of its own: nested in a type with one, it gets `()`.
#[derive(Debug, Deserialize, Validate)]
struct Address {
    #[validate(pattern = "[0-9]{5}")]
    zip: String,
}

#[derive(Debug, Deserialize, Validate)]
#[validate(context = Accounts, async_custom(team_is_small))]
struct Team {
    #[validate(length(min = 1), each(nested))]
    members: Vec<Signup>,
    #[validate(nested)]
    lead: Option<Signup>,
}

fn accounts() -> Accounts {
    Accounts {
        taken: ["grace".to_owned(), "grace@example.com".to_owned()].into(),
        reserved: ["admin".to_owned()].into(),
        ..Accounts::default()
    }
}

fn signup(user_name: &str, email: &str) -> Signup {
    Signup {
        user_name: user_name.into(),
        email: email.into(),
        referrer: None,
        address: Address {
            zip: "12345".into(),
        },
    }
}

/// Polls `future` to completion on this thread, with no runtime.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}

fn codes(report: &validate_core::Report) -> Vec<(String, &str)> {
    report
        .iter()
        .map(|e| (e.path().to_string(), e.code()))
        .collect()
}

#[test]
fn validate_with_runs_the_context_rules_but_not_the_async_ones() {
    let accounts = accounts();
    let report = signup("admin", "nope")
        .validate_with(&accounts)
        .unwrap_err();
    assert_eq!(
        codes(&report),
        [("userName".into(), "reserved"), ("email".into(), "email")]
    );
    assert!(
        signup("grace", "grace@example.com")
            .validate_with(&accounts)
            .is_ok()
    );
    assert_eq!(accounts.lookups.load(Ordering::SeqCst), 0);
}

#[test]
fn async_rules_run_concurrently_and_report_in_declaration_order() {
    let accounts = accounts();
    let mut value = signup("grace", "grace@example.com");
    value.referrer = Some("a-long-referrer-name@example.com".into());
    let report = block_on(value.validate_async(&accounts)).unwrap_err();
    assert_eq!(
        codes(&report),
        [("userName".into(), "taken"), ("email".into(), "taken")]
    );
    // The longest value finished first: the lookups ran together, not one after the other.
    let finished = accounts.finished.lock().unwrap().clone();
    assert_eq!(
        finished,
        [
            "a-long-referrer-name@example.com",
            "grace@example.com",
            "grace"
        ]
    );
}

#[test]
fn a_value_already_wrong_is_not_looked_up() {
    let accounts = accounts();
    // `user_name` fails `length` and `email` fails `email`: no lookup for either; the other
    // errors keep their places around the async ones.
    let mut value = signup("gr", "grace@example");
    value.address.zip = "x".into();
    let report = block_on(value.validate_async(&accounts)).unwrap_err();
    assert_eq!(
        codes(&report),
        [
            ("userName".into(), "length"),
            ("email".into(), "email"),
            ("address.zip".into(), "pattern"),
        ]
    );
    assert_eq!(accounts.lookups.load(Ordering::SeqCst), 0);

    let mut value = signup("grace", "ada@example.com");
    value.address.zip = "x".into();
    let report = block_on(value.validate_async(&accounts)).unwrap_err();
    assert_eq!(
        codes(&report),
        [
            ("userName".into(), "taken"),
            ("address.zip".into(), "pattern")
        ]
    );
}

#[test]
fn nested_values_share_the_context_and_the_queue() {
    let accounts = accounts();
    let team = Team {
        members: vec![
            signup("ada", "ada@example.com"),
            signup("grace", "g@example.com"),
        ],
        lead: Some(signup("alan", "grace@example.com")),
    };
    let report = block_on(team.validate_async(&accounts)).unwrap_err();
    assert_eq!(
        codes(&report),
        [
            ("members[1].userName".into(), "taken"),
            ("lead.email".into(), "taken"),
        ]
    );
    // The struct-level async rule runs only on a value with no error yet.
    let big = Team {
        members: (0..3)
            .map(|i| signup(&format!("user{i}"), &format!("u{i}@example.com")))
            .collect(),
        lead: None,
    };
    let report = block_on(big.validate_async(&accounts)).unwrap_err();
    assert_eq!(codes(&report), [("members".into(), "too_many")]);
}

#[test]
fn an_unavailable_lookup_makes_the_report_unavailable() {
    let accounts = Accounts {
        down: true,
        ..accounts()
    };
    let report = block_on(signup("ada", "nope").validate_async(&accounts)).unwrap_err();
    assert!(report.is_unavailable());
    assert_eq!(
        codes(&report),
        [
            ("userName".into(), "unavailable"),
            ("email".into(), "email")
        ]
    );
}

#[tokio::test]
async fn valid_new_async_normalizes_then_validates_on_tokio() {
    let accounts = accounts();
    let body = r#"{"userName":"  ADA ","email":"ada@example.com","referrer":null,"address":{"zip":"12345"}}"#;
    let value: Signup = serde_json::from_str(body).unwrap();
    let valid = Valid::new_async(value, &accounts).await.unwrap();
    assert_eq!(valid.user_name, "ada");

    let taken: Signup = serde_json::from_str(&body.replace("ADA", "Grace")).unwrap();
    let report = Valid::new_async(taken, &accounts).await.unwrap_err();
    assert_eq!(codes(&report), [("userName".into(), "taken")]);

    let reserved: Signup = serde_json::from_str(&body.replace("ADA", "Admin")).unwrap();
    assert!(Valid::new_with(reserved, &accounts).is_err());
}

/// A type without a context keeps `validate()`, and takes `custom(f, context)` with `&()`.
#[test]
fn a_type_without_a_context_reads_unit() {
    #[allow(clippy::ptr_arg)] // `custom` passes the field as it is.
    fn short(name: &String, (): &()) -> Result<(), Error> {
        if name.len() < 10 {
            Ok(())
        } else {
            Err(Error::new("long"))
        }
    }
    #[derive(Validate)]
    struct Plain {
        #[validate(custom(short, context))]
        name: String,
    }
    assert!(Plain { name: "ada".into() }.validate().is_ok());
    assert!(
        Plain {
            name: "ada lovelace".into()
        }
        .validate()
        .is_err()
    );
    assert!(Plain { name: "ada".into() }.validate_with(&()).is_ok());
}
