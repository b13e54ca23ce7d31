//! The canonical JSON a content fingerprint is taken over: compact, every object's keys in sorted
//! (byte) order. It is exactly what `serde_json::to_value(x)?.to_string()` writes, which is how
//! fingerprints were defined, but written straight out: building that tree for a 12 MB workspace
//! cost most of an import.
//!
//! Objects are written into their own buffer so their entries can be sorted; everything else goes
//! straight to the output. Anything this writer does not handle (map keys that are not text,
//! integers, booleans or unit enum values; 128-bit integers; bytes) is an error, and the caller
//! falls back to the tree, so the result never differs.

use std::borrow::Cow;
use std::ops::Range;

use serde::ser::{self, Serialize};
use serde_json::Error;

/// The canonical JSON of `value`, or an error if it holds something only the tree handles.
pub(super) fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(4096);
    value.serialize(Canon { out: &mut out })?;
    Ok(out)
}

fn unsupported(what: &str) -> Error {
    ser::Error::custom(format!("canonical JSON does not handle {what}"))
}

/// Writes one value to `out`.
struct Canon<'a> {
    out: &'a mut Vec<u8>,
}

impl Canon<'_> {
    fn plain<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        serde_json::to_writer(&mut *self.out, v)
    }
}

/// An object being written: its entries, sorted by key when it is finished.
struct Object<'a> {
    out: &'a mut Vec<u8>,
    /// Every entry's value, one after another, in the order they came.
    values: Vec<u8>,
    /// Each entry's key and where its value sits in `values`. Struct fields keep their static
    /// names: a workspace has hundreds of thousands of them, and copying each cost a tenth of
    /// the fingerprint.
    entries: Vec<(Cow<'static, str>, Range<usize>)>,
    /// A map key waiting for its value.
    key: Option<String>,
    /// For a variant `{"Name": {…}}` or `{"Name": […]}`: the name, closed with the object.
    variant: Option<&'static str>,
}

impl<'a> Object<'a> {
    fn new(out: &'a mut Vec<u8>, variant: Option<&'static str>) -> Self {
        Object {
            out,
            values: Vec::new(),
            entries: Vec::new(),
            key: None,
            variant,
        }
    }

    fn entry<T: Serialize + ?Sized>(
        &mut self,
        key: Cow<'static, str>,
        value: &T,
    ) -> Result<(), Error> {
        let start = self.values.len();
        value.serialize(Canon {
            out: &mut self.values,
        })?;
        self.entries.push((key, start..self.values.len()));
        Ok(())
    }

    fn finish(mut self) -> Result<(), Error> {
        // A later entry with the same key replaces an earlier one, as in the tree's map.
        self.entries.reverse();
        self.entries.sort_by(|a, b| a.0.cmp(&b.0));
        self.entries.dedup_by(|later, earlier| later.0 == earlier.0);
        if let Some(name) = self.variant {
            self.out.push(b'{');
            serde_json::to_writer(&mut *self.out, name)?;
            self.out.push(b':');
        }
        self.out.push(b'{');
        for (i, (key, range)) in self.entries.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            serde_json::to_writer(&mut *self.out, key.as_ref())?;
            self.out.push(b':');
            self.out.extend_from_slice(&self.values[range.clone()]);
        }
        self.out.push(b'}');
        if self.variant.is_some() {
            self.out.push(b'}');
        }
        Ok(())
    }
}

/// An array being written straight to the output.
struct Array<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
    variant: bool,
}

impl Array<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        value.serialize(Canon { out: self.out })
    }

    fn finish(self) -> Result<(), Error> {
        self.out.push(b']');
        if self.variant {
            self.out.push(b'}');
        }
        Ok(())
    }
}

impl<'a> ser::Serializer for Canon<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Array<'a>;
    type SerializeTuple = Array<'a>;
    type SerializeTupleStruct = Array<'a>;
    type SerializeTupleVariant = Array<'a>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Object<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.plain(&v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.plain(&v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.plain(&v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.plain(&v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.plain(&v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.plain(&v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.plain(&v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.plain(&v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.plain(&v)
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(unsupported("f32"))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        // The tree turns a NaN or an infinity into null; serde_json writes null for them too.
        self.plain(&v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.plain(&v)
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.plain(v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.plain(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut object = Object::new(self.out, None);
        object.entry(Cow::Borrowed(variant), value)?;
        object.finish()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Array<'a>, Error> {
        self.out.push(b'[');
        Ok(Array {
            out: self.out,
            first: true,
            variant: false,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Array<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Array<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Array<'a>, Error> {
        self.out.push(b'{');
        serde_json::to_writer(&mut *self.out, variant)?;
        self.out.extend_from_slice(b":[");
        Ok(Array {
            out: self.out,
            first: true,
            variant: true,
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Object<'a>, Error> {
        Ok(Object::new(self.out, None))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Object<'a>, Error> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Object<'a>, Error> {
        Ok(Object::new(self.out, Some(variant)))
    }
}

/// serde asks for one trait per kind of array; they all write elements the same way.
macro_rules! array_kinds {
    ($($kind:ident :: $method:ident),*) => {$(
        impl ser::$kind for Array<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    )*};
}

array_kinds!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        // The tree writes keys as text; what it accepts as a key is read back the same way.
        match serde_json::to_value(key)? {
            serde_json::Value::String(s) => self.key = Some(s),
            serde_json::Value::Number(n) => self.key = Some(n.to_string()),
            serde_json::Value::Bool(b) => self.key = Some(b.to_string()),
            _ => return Err(unsupported("this map key")),
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| unsupported("a value without a key"))?;
        self.entry(Cow::Owned(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

/// Structs and struct variants write their fields the same way.
macro_rules! struct_kinds {
    ($($kind:ident),*) => {$(
        impl ser::$kind for Object<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.entry(Cow::Borrowed(key), value)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    )*};
}

struct_kinds!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::to_vec;

    /// What fingerprints were defined over: the JSON tree, written out.
    fn tree<T: Serialize>(value: &T) -> String {
        serde_json::to_value(value).unwrap().to_string()
    }

    fn same<T: Serialize>(value: &T) {
        let direct = String::from_utf8(to_vec(value).unwrap()).unwrap();
        assert_eq!(direct, tree(value));
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(u8, String),
        Struct { z: u8, a: Option<f64> },
    }

    #[derive(Serialize)]
    struct Unsorted {
        zeta: f64,
        alpha: Vec<Shape>,
        #[serde(rename = "Middle")]
        middle: BTreeMap<u32, String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        text: String,
        keyed: BTreeMap<bool, i64>,
        unit: (),
        tuple: (u8, &'static str),
    }

    #[test]
    fn writes_what_the_tree_writes() {
        same(&Unsorted {
            zeta: 0.1 + 0.2,
            alpha: vec![
                Shape::Unit,
                Shape::Newtype(3),
                Shape::Tuple(1, "x".into()),
                Shape::Struct {
                    z: 9,
                    a: Some(f64::NAN),
                },
                Shape::Struct { z: 0, a: None },
            ],
            // Numeric keys become text, and text sorts "10" before "9".
            middle: [
                (9, "nine".into()),
                (10, "ten".into()),
                (100, "\"quoted\"\n".into()),
            ]
            .into(),
            skipped: None,
            text: "数据 <b>\u{1F600}\u{0}\\".into(),
            keyed: [(true, -1), (false, i64::MIN)].into(),
            unit: (),
            tuple: (7, "seven"),
        });
        same(&vec![1e300, -0.0, 1.0, 123456789.0, f64::INFINITY]);
        same(&u64::MAX);
    }

    #[test]
    fn the_demo_and_the_heavy_assessment_are_written_as_the_tree_writes_them() {
        let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        same(&vec![
            crate::domain::demo::demo_assessment(crate::content::get(), now),
            crate::domain::demo::large::heavy_assessment(4, today),
        ]);
    }

    #[test]
    fn map_keys_the_tree_refuses_are_refused() {
        let map: BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into();
        assert!(to_vec(&map).is_err());
        assert!(serde_json::to_value(&map).is_err());
    }
}
