//! Integration tests, UI tests, corpus tests and benches for validate-core live in `tests/`.
