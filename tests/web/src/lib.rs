//! The tests of the web integrations, each framework driven through its own test client or a real
//! server, live in `tests/web/tests/`.
