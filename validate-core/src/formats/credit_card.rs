const MIN_DIGITS: usize = 12;
const MAX_DIGITS: usize = 19;
/// The longest accepted text: every digit followed by a separator but the last.
const MAX_LEN: usize = 2 * MAX_DIGITS - 1;

/// Whether `s` is a payment card number: 12 to 19 ASCII digits whose Luhn checksum is valid, with
/// single spaces or hyphens allowed between digit groups (`4111 1111 1111 1111`,
/// `4111-1111-1111-1111`), but not at the start or end or twice in a row.
///
/// This checks the form only; it says nothing about whether the card exists.
///
/// ```
/// use validate_core::formats::is_credit_card;
///
/// assert!(is_credit_card("4111111111111111"));
/// assert!(is_credit_card("4111 1111 1111 1111"));
/// assert!(is_credit_card("4111-1111-1111-1111"));
/// assert!(!is_credit_card("4111111111111112")); // Luhn checksum fails
/// assert!(!is_credit_card("4111  1111 1111 1111"));
/// assert!(!is_credit_card(" 4111111111111111"));
/// ```
#[must_use]
pub fn is_credit_card(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.len() > MAX_LEN {
        return false;
    }
    let mut digits = 0;
    let mut sum = 0;
    let mut after_separator = true;
    // From the right, so that every second digit (the ones Luhn doubles) is known as we go.
    for &b in bytes.iter().rev() {
        match b {
            b'0'..=b'9' => {
                let mut digit = u32::from(b - b'0');
                if digits % 2 == 1 {
                    digit *= 2;
                    if digit > 9 {
                        digit -= 9;
                    }
                }
                sum += digit;
                digits += 1;
                after_separator = false;
            }
            b' ' | b'-' if !after_separator => after_separator = true,
            _ => return false,
        }
    }
    !after_separator && (MIN_DIGITS..=MAX_DIGITS).contains(&digits) && sum % 10 == 0
}
