//! Rules that need the service: a context the rules read (`#[validate(context = C)]`,
//! `custom(f, context)`) and async rules (`async_custom(f)`), run through [`ValidateWith`].
//!
//! A type without a context or async rules implements [`Validate`]; every such type is also
//! `ValidateWith<Context = ()>`. A type with either implements only `ValidateWith`, so that no
//! path can skip a rule: `validate()` does not exist for it, and it is not deserialized straight
//! into [`Valid<T>`](crate::Valid) (use [`Valid::new_with`](crate::Valid::new_with) or
//! [`Valid::new_async`](crate::Valid::new_async) after deserializing `T`).
//!
//! [`validate_async`](ValidateWith::validate_async) runs every other rule first, then the async
//! rules of the values that have no error yet (no lookup for a value already wrong),
//! concurrently, on whatever executor awaits it; the report keeps declaration order whatever
//! order the lookups finish in. A lookup that could not run returns
//! [`Error::unavailable`](crate::Error::unavailable); put a timeout around a slow one with your
//! runtime's (`tokio::time::timeout(..).await.unwrap_or(Err(Error::unavailable()))`).

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context as TaskContext, Poll, Waker};

use crate::__private::PathNode;
use crate::__private::struct_error_path;
use crate::report::FieldError;
use crate::{Error, Path, Report, Segment, Validate};

/// A value validated with a context, or with async rules; derived with `#[derive(Validate)]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not validated by `#[derive(Validate)]`",
    label = "does not implement `ValidateWith`",
    note = "derive `Validate` for `{Self}`: `#[derive(validate_core::Validate)]` on its definition"
)]
pub trait ValidateWith {
    /// What the rules read beside the value (`()` for none).
    type Context: ?Sized + Sync;

    /// How the context is found from a parent's or a framework's (not a public API).
    #[doc(hidden)]
    type __Lookup: Lookup<Context = Self::Context>;

    /// Checks every rule but the async ones; `Err` holds every failure in declaration order.
    fn validate_with(&self, ctx: &Self::Context) -> Result<(), Report> {
        let mut report = Report::new();
        self.__collect(ctx, &PathNode::ROOT, &mut report, None);
        report.into_result()
    }

    /// Checks every rule, then the async rules of the values that have no error yet,
    /// concurrently; one report, in declaration order.
    fn validate_async<'a>(
        &'a self,
        ctx: &'a Self::Context,
    ) -> impl Future<Output = Result<(), Report>> + Send + 'a
    where
        Self: Sync,
    {
        async move {
            let mut report = Report::new();
            let mut jobs = Jobs::new();
            self.__collect(ctx, &PathNode::ROOT, &mut report, Some(&mut jobs));
            jobs.run(&mut report).await;
            report.into_result()
        }
    }

    /// Applies every `#[normalize(..)]` (what [`Validate::normalize`] does).
    #[doc(hidden)]
    fn __normalize(&mut self);

    /// Normalizes, then checks every rule, async ones included: what the extractors run. A
    /// type without a context or async rules does it in one pass, before any await.
    #[doc(hidden)]
    fn __finish<'a>(
        &'a mut self,
        ctx: &'a Self::Context,
    ) -> impl Future<Output = Result<(), Report>> + Send + 'a
    where
        Self: Send + Sync,
    {
        async move {
            self.__normalize();
            self.validate_async(ctx).await
        }
    }

    /// Rewrites the path of a shape error as [`Validate`]'s does.
    #[doc(hidden)]
    fn __trace(path: &mut [Segment])
    where
        Self: Sized,
    {
        let _ = path;
    }

    /// Checks every rule into `report` below `node`, and with `jobs` queues the async ones.
    #[doc(hidden)]
    fn __collect<'a>(
        &'a self,
        ctx: &'a Self::Context,
        node: &PathNode<'_>,
        report: &mut Report,
        jobs: Option<&mut Jobs<'a>>,
    );
}

impl<T: Validate + ?Sized> ValidateWith for T {
    type Context = ();
    type __Lookup = NoContext;

    fn __normalize(&mut self) {
        self.normalize();
    }

    fn __finish<'a>(&'a mut self, _: &'a ()) -> impl Future<Output = Result<(), Report>> + Send + 'a
    where
        Self: Send + Sync,
    {
        std::future::ready(self.__normalize_validate())
    }

    fn __trace(path: &mut [Segment])
    where
        Self: Sized,
    {
        <T as Validate>::__trace(path);
    }

    fn __collect<'a>(
        &'a self,
        _: &'a (),
        node: &PathNode<'_>,
        report: &mut Report,
        _: Option<&mut Jobs<'a>>,
    ) {
        self.__validate_into(node, report);
    }
}

/// The context of a type: none, or `C` (not a public API).
#[doc(hidden)]
pub trait Lookup {
    /// The context.
    type Context: ?Sized + Sync;
}

/// The lookup of a type without a context.
#[doc(hidden)]
pub struct NoContext;

/// The lookup of a type with context `C`.
#[doc(hidden)]
pub struct Given<C: ?Sized>(PhantomData<C>);

impl Lookup for NoContext {
    type Context = ();
}

impl<C: ?Sized + Sync> Lookup for Given<C> {
    type Context = C;
}

/// The context a `nested` value reads, from its parent's `C`: the same, or none.
#[diagnostic::on_unimplemented(
    message = "this `nested` value is validated with another context than `{C}`",
    label = "its type declares a `#[validate(context = ..)]` of its own",
    note = "a nested type declares the same context as the type around it, or none"
)]
#[doc(hidden)]
pub trait Narrow<C: ?Sized>: Lookup {
    /// The nested value's context.
    fn narrow(ctx: &C) -> &Self::Context;
}

impl<C: ?Sized> Narrow<C> for NoContext {
    #[inline]
    fn narrow(_: &C) -> &() {
        &()
    }
}

impl<C: ?Sized + Sync> Narrow<C> for Given<C> {
    #[inline]
    fn narrow(ctx: &C) -> &C {
        ctx
    }
}

type Check<'a> = Pin<Box<dyn Future<Output = Result<(), Error>> + Send + 'a>>;

/// A struct's Rust field names and wire names, for [`Error::at`] in a struct-level rule.
type FieldNames = &'static [(&'static str, &'static str)];

/// The async rules a validation queued, each with the place in the report its error goes to
/// (not a public API).
#[doc(hidden)]
pub struct Jobs<'a> {
    queued: Vec<Job<'a>>,
}

/// A queued check: where its error goes in the report, at which path, the fields `Error::at`
/// may move it to (a struct-level rule's; `None` for a field's), and the check or its result.
struct Job<'a> {
    at: usize,
    path: Path,
    fields: Option<FieldNames>,
    state: State<'a>,
}

enum State<'a> {
    Pending(Check<'a>),
    Done(Result<(), Error>),
}

impl<'a> Jobs<'a> {
    fn new() -> Self {
        Jobs { queued: Vec::new() }
    }

    /// Queues `check` at `node`; its error, if any, goes where the report ends now.
    pub fn push(
        &mut self,
        report: &Report,
        node: &PathNode<'_>,
        check: impl Future<Output = Result<(), Error>> + Send + 'a,
    ) {
        self.queue(report, node, None, Box::pin(check));
    }

    /// Queues a struct-level `check` at `node`: an error it places with [`Error::at`] goes to
    /// that field, by its wire name among `fields`.
    pub fn push_struct(
        &mut self,
        report: &Report,
        node: &PathNode<'_>,
        fields: FieldNames,
        check: impl Future<Output = Result<(), Error>> + Send + 'a,
    ) {
        self.queue(report, node, Some(fields), Box::pin(check));
    }

    /// Polls `check` once: most lookups that pass at once (a cache hit, a rule that needs no
    /// I/O) then cost no path and no place in the queue. Polled again later with the task's
    /// waker, as a future may be, if it is not done.
    fn queue(
        &mut self,
        report: &Report,
        node: &PathNode<'_>,
        fields: Option<FieldNames>,
        mut check: Check<'a>,
    ) {
        let state = match check
            .as_mut()
            .poll(&mut TaskContext::from_waker(Waker::noop()))
        {
            Poll::Ready(Ok(())) => return,
            Poll::Ready(done) => State::Done(done),
            Poll::Pending => State::Pending(check),
        };
        self.queued.push(Job {
            at: report.len(),
            path: node.to_path(),
            fields,
            state,
        });
    }

    /// Runs every queued check concurrently, and records their errors where they were queued.
    async fn run(mut self, report: &mut Report) {
        if self.queued.is_empty() {
            return;
        }
        std::future::poll_fn(|cx| {
            let mut pending = false;
            for job in &mut self.queued {
                if let State::Pending(check) = &mut job.state {
                    match check.as_mut().poll(cx) {
                        Poll::Ready(done) => job.state = State::Done(done),
                        Poll::Pending => pending = true,
                    }
                }
            }
            if pending {
                Poll::Pending
            } else {
                Poll::Ready(())
            }
        })
        .await;
        // From the last, so that the earlier places stay where they were.
        for job in self.queued.into_iter().rev() {
            let State::Done(Err(error)) = job.state else {
                continue;
            };
            let path = match job.fields {
                Some(fields) => struct_error_path(job.path, &error, fields),
                None => job.path,
            };
            report.insert_field_error(job.at, FieldError::new(path, error.into_parts(), None));
        }
    }
}

/// The queue, borrowed again for one call (`None` when only the other rules run).
#[doc(hidden)]
#[inline]
pub fn jobs<'s, 'a>(jobs: &'s mut Option<&mut Jobs<'a>>) -> Option<&'s mut Jobs<'a>> {
    jobs.as_deref_mut()
}
