//! The request of DESIGN.md, exactly as documented there.

use serde::{Deserialize, Serialize};
use validate_core::{Valid, Validate};

#[derive(Debug, Deserialize, Serialize, Validate)]
pub struct Address {
    #[normalize(trim)]
    #[validate(length(min = 1, max = 100))]
    pub street: String,
    #[validate(pattern = "[0-9]{5}")]
    pub zip: String,
}

#[derive(Debug, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct SignupRequest {
    #[normalize(trim, nfkc, lowercase)]
    #[validate(length(min = 3, max = 32), pattern = "[a-z0-9_]+")]
    pub user_name: String,

    #[normalize(trim, lowercase)]
    #[validate(email)]
    pub email: String,

    #[validate(length(min = 12, max = 128), sensitive)]
    pub password: String,

    #[validate(must_match(password), sensitive)]
    pub password_confirmation: String,

    #[validate(range(min = 13, max = 130))]
    pub age: Option<u8>,

    #[validate(url(schemes("https")))]
    pub website: Option<String>,

    #[normalize(each(trim, lowercase))]
    #[validate(
        length(max = 10),
        each(length(min = 1, max = 20), chars(ascii_lowercase, ascii_digit, "-"))
    )]
    pub tags: Vec<String>,

    #[validate(nested)]
    pub address: Address,
}

fn main() {
    let json = r#"{
        "userName": " Ａｄａ_Lovelace ",
        "email": " Ada@Example.com ",
        "password": "correct horse battery",
        "passwordConfirmation": "correct horse battery",
        "age": 36,
        "website": "https://ada.example",
        "tags": [" Math ", "poetry"],
        "address": { "street": " 1 Main St ", "zip": "12345" }
    }"#;
    let valid: Valid<SignupRequest> = serde_json::from_str(json).unwrap();
    assert_eq!(valid.user_name, "ada_lovelace");
    assert_eq!(valid.email, "ada@example.com");
    assert_eq!(valid.tags, ["math", "poetry"]);
    assert_eq!(valid.address.street, "1 Main St");
}
