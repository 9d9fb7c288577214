//! Compile-fail tests: every mistake a user can make in `#[validate]` / `#[normalize]` is a
//! compile error under the offending token (`tests/ui/<category>/<mistake>.rs` and its
//! `.stderr`); `tests/ui/pass/` holds derives that must compile and run with warnings denied.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("ui/pass/*.rs");
    t.compile_fail("ui/rules/*.rs");
    t.compile_fail("ui/types/*.rs");
    t.compile_fail("ui/normalize/*.rs");
    t.compile_fail("ui/multiple/*.rs");
    t.compile_fail("ui/context/*.rs");
}
