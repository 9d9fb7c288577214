/// Whether `s` is a UUID in its canonical text form: 32 hex digits in groups of 8, 4, 4, 4 and 12
/// separated by hyphens, any version and variant, case-insensitive. Nothing else: no braces, no
/// `urn:uuid:` prefix, no missing hyphens.
///
/// ```
/// use validate_core::formats::is_uuid;
///
/// assert!(is_uuid("67e55044-10b1-426f-9247-bb680e5fe0c8"));
/// assert!(is_uuid("67E55044-10B1-426F-9247-BB680E5FE0C8"));
/// assert!(is_uuid("00000000-0000-0000-0000-000000000000"));
/// assert!(!is_uuid("{67e55044-10b1-426f-9247-bb680e5fe0c8}"));
/// assert!(!is_uuid("67e5504410b1426f9247bb680e5fe0c8"));
/// ```
#[must_use]
pub fn is_uuid(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, &b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}
