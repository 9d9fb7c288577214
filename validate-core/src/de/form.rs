//! The deserializer of [`from_query`](super::from_query) and [`from_form`](super::from_form).
//! Every value of a form is text, read as the type the field asks for; text that is not of that
//! type fails as the same mistake fails in JSON (`invalid type: string "x", expected u8`,
//! `invalid value: integer 300, expected u8`), so both formats give one error, code and params.
// Own deserializer: serde_urlencoded reports a bad number with the parser's message ("invalid
// digit found in string"), which names no expected type.

use std::borrow::Cow;

use serde::de::value::{CowStrDeserializer, Error, MapDeserializer};
use serde::de::{Deserializer, IntoDeserializer, Visitor};
use serde::forward_to_deserialize_any;

/// The pairs of `bytes`, percent-decoded, as a map of names to [`Text`] values.
pub(super) fn deserializer(
    bytes: &[u8],
) -> MapDeserializer<'_, impl Iterator<Item = (Text<'_>, Text<'_>)>, Error> {
    MapDeserializer::new(
        form_urlencoded::parse(bytes).map(|(name, value)| (Text(name), Text(value))),
    )
}

/// A name or value of a form.
pub(super) struct Text<'de>(Cow<'de, str>);

impl<'de> IntoDeserializer<'de, Error> for Text<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> Text<'de> {
    /// The text as the number it spells, given to `visitor` as JSON would give it: an integer
    /// as an integer (so a visitor of a smaller type reports it out of range), a finite decimal
    /// as a float; anything else as a string, which a number's visitor reports as the wrong type.
    fn number<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let text = &*self.0;
        if let Ok(n) = text.parse::<u64>() {
            visitor.visit_u64(n)
        } else if let Ok(n) = text.parse::<i64>() {
            visitor.visit_i64(n)
        } else if let Ok(n) = text.parse::<u128>() {
            visitor.visit_u128(n)
        } else if let Ok(n) = text.parse::<i128>() {
            visitor.visit_i128(n)
        } else if let Some(n) = text.parse::<f64>().ok().filter(|n| n.is_finite()) {
            visitor.visit_f64(n)
        } else {
            self.deserialize_any(visitor)
        }
    }
}

impl<'de> Deserializer<'de> for Text<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &*self.0 {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.number(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.number(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.number(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.number(visitor)
    }

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.number(visitor)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.number(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.number(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.number(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.number(visitor)
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.number(visitor)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.number(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.number(visitor)
    }

    /// A name given is a value present, even if empty.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// A unit variant, by name.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let text: CowStrDeserializer<'de, Error> = self.0.into_deserializer();
        text.deserialize_enum(name, variants, visitor)
    }

    forward_to_deserialize_any! {
        char str string bytes byte_buf unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

/// Path parameters, by name and percent-decoded: a struct or map reads them by name, a tuple or
/// sequence in order, and any other type the one parameter there is (`/tickets/{id}` into a
/// `u64`), each value read as a form's is.
#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
pub(super) struct Params<'de>(pub(super) &'de [(&'de str, &'de str)]);

#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
impl<'de> Params<'de> {
    fn map(self) -> MapDeserializer<'de, impl Iterator<Item = (Text<'de>, Text<'de>)>, Error> {
        MapDeserializer::new(
            self.0
                .iter()
                .map(|&(name, value)| (Text(Cow::Borrowed(name)), Text(Cow::Borrowed(value)))),
        )
    }

    /// The only parameter's value, for a type that is not a collection of them.
    fn single(self) -> Result<Text<'de>, Error> {
        match self.0 {
            [(_, value)] => Ok(Text(Cow::Borrowed(value))),
            params => Err(serde::de::Error::invalid_length(
                params.len(),
                &"one path parameter",
            )),
        }
    }
}

/// The deserializer methods of `Params` that read the one parameter.
#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
macro_rules! single {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.single()?.$method(visitor)
        }
    )*};
}

#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
impl<'de> Deserializer<'de> for Params<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.map().deserialize_any(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let values = self.0.iter().map(|&(_, value)| Text(Cow::Borrowed(value)));
        serde::de::value::SeqDeserializer::new(values).deserialize_any(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// The one parameter, as a unit variant by name.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        enum_name: &'static str,
        names: &'static [&'static str],
        to: V,
    ) -> Result<V::Value, Error> {
        self.single()?.deserialize_enum(enum_name, names, to)
    }

    single! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char deserialize_str
        deserialize_string deserialize_bytes deserialize_byte_buf deserialize_option
        deserialize_unit
    }

    forward_to_deserialize_any! {
        unit_struct map struct identifier ignored_any
    }
}
