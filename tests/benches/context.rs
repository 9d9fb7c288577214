//! The cost of the async machinery: `validate_async` on a value whose two async rules return at
//! once, beside the same rules called by hand after `validate_with` (the rules themselves), both
//! polled by the same minimal executor. The contract: at most the rules themselves plus 100 ns.
//!
//! `cargo bench -p validate-tests --bench context`

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use criterion::{Criterion, criterion_group, criterion_main};
use validate_core::{Error, Validate, ValidateWith};

struct Accounts;

#[allow(clippy::ptr_arg)]
async fn name_is_free(name: &String, _: &Accounts) -> Result<(), Error> {
    if name.is_empty() {
        Err(Error::new("taken"))
    } else {
        Ok(())
    }
}

#[allow(clippy::ptr_arg)]
async fn email_is_free(email: &String, _: &Accounts) -> Result<(), Error> {
    if email.is_empty() {
        Err(Error::new("taken"))
    } else {
        Ok(())
    }
}

#[derive(Validate)]
#[validate(context = Accounts)]
struct Signup {
    #[validate(
        length(min = 3, max = 32),
        pattern = "[a-z0-9_]+",
        async_custom(name_is_free)
    )]
    user_name: String,
    #[validate(email, async_custom(email_is_free))]
    email: String,
}

fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}

fn by_hand(signup: &Signup, accounts: &Accounts) -> Result<(), Error> {
    if signup.validate_with(accounts).is_err() {
        return Err(Error::new("invalid"));
    }
    block_on(async {
        name_is_free(&signup.user_name, accounts).await?;
        email_is_free(&signup.email, accounts).await
    })
}

fn async_rules(c: &mut Criterion) {
    let signup = Signup {
        user_name: "ada_lovelace".into(),
        email: "ada@example.com".into(),
    };
    assert!(block_on(signup.validate_async(&Accounts)).is_ok());
    assert!(by_hand(&signup, &Accounts).is_ok());
    let mut group = c.benchmark_group("context/async_ready");
    group.bench_function("validate_async", |b| {
        b.iter(|| block_on(black_box(&signup).validate_async(&Accounts)));
    });
    group.bench_function("rules_by_hand", |b| {
        b.iter(|| by_hand(black_box(&signup), &Accounts));
    });
    group.finish();
}

criterion_group!(benches, async_rules);
criterion_main!(benches);
