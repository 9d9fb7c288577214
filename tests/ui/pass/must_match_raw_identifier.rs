// `must_match` names a field with a raw identifier the way the field is declared.
use validate_core::Validate;

#[derive(Validate)]
struct Form {
    r#type: String,
    #[validate(must_match(r#type))]
    type_confirmation: String,
}

fn main() {
    let form = Form {
        r#type: "a".to_owned(),
        type_confirmation: "b".to_owned(),
    };
    let report = form.validate().unwrap_err();
    assert_eq!(report.errors()[0].path().to_string(), "type_confirmation");
}
