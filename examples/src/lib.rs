//! Examples for validate-core.
