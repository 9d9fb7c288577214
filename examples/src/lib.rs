//! Examples for validate-core.

/// The signup request of the README, which every framework's server example accepts.
pub mod signup {
    use serde::{Deserialize, Serialize};
    use validate_core::Validate;

    #[derive(Debug, Deserialize, Validate)]
    pub struct Address {
        #[normalize(trim, collapse_whitespace)]
        #[validate(length(min = 1, max = 100), no_control)]
        pub street: String,

        #[normalize(trim)]
        #[validate(pattern = "[0-9]{5}")]
        pub zip: String,
    }

    #[derive(Debug, Deserialize, Validate)]
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
        #[serde(default)]
        pub tags: Vec<String>,

        #[validate(nested)]
        pub address: Address,
    }

    /// What the server answers: the account as it was stored, in canonical form.
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Account {
        pub user_name: String,
        pub email: String,
        pub tags: Vec<String>,
    }

    impl From<SignupRequest> for Account {
        fn from(request: SignupRequest) -> Self {
            Account {
                user_name: request.user_name,
                email: request.email,
                tags: request.tags,
            }
        }
    }
}
