//! Turning a file's bytes into a JSON value, refusing what no editor should have produced.
//!
//! Owns the checks made before and while parsing: the size cap, empty files, UTF-16 and other
//! non-UTF-8 bytes (a UTF-8 byte-order mark is accepted), duplicate keys, and a cap on how many
//! values a document may hold. What the values mean is checked later (`validate`).
//!
//! Never panics and never recurses deeper than serde_json's own limit of 128 levels.

use std::cell::RefCell;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::errors::{self, path_of, Step};
use super::{FormatError, Problem};
use crate::i18n::{tr, trf};

/// Largest file accepted, in bytes (20 MB): a workspace of many assessments stays far below.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// Most values (numbers, texts, lists, objects) one document may hold: at 20 MB that is five
/// bytes a value, where real files average over fifteen. Bounds the memory a document costs.
pub const MAX_VALUES: usize = 4_000_000;

/// Most duplicate keys spelled out; a file with more is refused all the same, without costing
/// memory for each.
const MAX_DUPLICATES_LISTED: usize = 100;

/// The text of a file, after the checks that need its raw bytes: size, emptiness, encoding.
/// A UTF-8 byte-order mark is dropped.
pub fn text(bytes: &[u8]) -> Result<&str, FormatError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FormatError::Empty);
    }
    if looks_like_utf16(bytes) {
        return Err(FormatError::Utf16);
    }
    let (bom, bytes) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = 1 + bytes[..offset].iter().filter(|b| **b == b'\n').count();
        // Offsets count from the start of the file as saved, byte-order mark included.
        FormatError::NotUtf8 {
            offset: bom + offset,
            line,
        }
    })?;
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    Ok(text)
}

/// The error for a file of `bytes` bytes, over [`MAX_FILE_BYTES`].
pub fn too_large(bytes: u64) -> FormatError {
    FormatError::TooLarge {
        bytes,
        limit: MAX_FILE_BYTES as u64,
    }
}

/// A UTF-16 byte-order mark, or a zero byte beside (nearly) every character at the start: JSON
/// in UTF-16 starts with ASCII, whose other byte is zero. UTF-8 text never holds zero bytes.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(200)];
    let pairs = head.len() / 2;
    if pairs == 0 {
        return false;
    }
    let zero_at = |parity: usize| {
        head.iter()
            .enumerate()
            .filter(|(i, b)| i % 2 == parity && **b == 0)
            .count()
    };
    // Three in four is lenient enough for a few non-ASCII characters near the start.
    zero_at(0) * 4 >= pairs * 3 || zero_at(1) * 4 >= pairs * 3
}

/// Parses JSON text, refusing what serde_json would let through silently: a key written twice
/// in one object (serde_json keeps the last), and more than [`MAX_VALUES`] values. Duplicate keys
/// come back as problems with their paths, after parsing the whole text, so that a file that is
/// not ours is still called that first.
pub fn parse(text: &str) -> Result<(Value, Vec<Problem>), FormatError> {
    let state = RefCell::new(State::default());
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = Node { state: &state }
        .deserialize(&mut de)
        .and_then(|value| de.end().map(|()| value));
    let mut state = state.into_inner();
    if state.duplicates > MAX_DUPLICATES_LISTED {
        state.problems.push(Problem::new(
            "",
            trf(
                "format.reader_more_duplicates",
                &[
                    (
                        "count",
                        &(state.duplicates - MAX_DUPLICATES_LISTED).to_string(),
                    ),
                    ("max", &MAX_DUPLICATES_LISTED.to_string()),
                ],
            ),
        ));
    }
    match parsed {
        Ok(value) => Ok((value, state.problems)),
        Err(_) if state.too_many => Err(FormatError::TooManyValues { limit: MAX_VALUES }),
        Err(e) => Err(errors::not_json(e, text)),
    }
}

/// One step of the path to the value being parsed; keys are moved in and out, not copied.
enum Segment {
    Key(String),
    Index(usize),
}

#[derive(Default)]
struct State {
    path: Vec<Segment>,
    problems: Vec<Problem>,
    duplicates: usize,
    values: usize,
    too_many: bool,
}

impl State {
    fn path(&self) -> String {
        let steps: Vec<Step<'_>> = self
            .path
            .iter()
            .map(|s| match s {
                Segment::Key(k) => Step::Key(k),
                Segment::Index(i) => Step::Index(*i),
            })
            .collect();
        path_of(&steps)
    }
}

/// Builds one value and everything inside it, sharing the path and the problems found so far.
#[derive(Clone, Copy)]
struct Node<'s> {
    state: &'s RefCell<State>,
}

impl Node<'_> {
    fn count<E: de::Error>(&self) -> Result<(), E> {
        let mut state = self.state.borrow_mut();
        state.values += 1;
        if state.values > MAX_VALUES {
            state.too_many = true;
            return Err(E::custom("too many values"));
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        self.count()?;
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        self.count()?;
        Ok(Value::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        self.count()?;
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        self.count()?;
        // serde_json never hands over NaN or an infinity; `from` would make them null.
        Ok(Value::from(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        self.count()?;
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        self.count()?;
        Ok(Value::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        self.count()?;
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        self.visit_unit()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.count()?;
        let mut items = Vec::new();
        loop {
            self.state
                .borrow_mut()
                .path
                .push(Segment::Index(items.len()));
            let next = seq.next_element_seed(self);
            self.state.borrow_mut().path.pop();
            match next? {
                Some(item) => items.push(item),
                None => break,
            }
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        self.count()?;
        let mut map = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            if map.contains_key(&key) {
                let mut state = self.state.borrow_mut();
                state.duplicates += 1;
                if state.duplicates <= MAX_DUPLICATES_LISTED {
                    state.path.push(Segment::Key(key));
                    let path = state.path();
                    state.path.pop();
                    state
                        .problems
                        .push(Problem::new(path, tr("format.reader_duplicate_key")));
                }
                drop(state);
                // The first one is kept only so parsing can go on; the file is refused anyway.
                access.next_value::<IgnoredAny>()?;
                continue;
            }
            self.state.borrow_mut().path.push(Segment::Key(key));
            let value = access.next_value_seed(self);
            let key = match self.state.borrow_mut().path.pop() {
                Some(Segment::Key(key)) => key,
                _ => String::new(),
            };
            map.insert(key, value?);
        }
        Ok(Value::Object(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_found_at_any_depth_with_their_path() {
        let (value, problems) = parse(
            r#"{"a": [{"b": 1, "c": {"d": 1, "d": 2}}], "a": 3, "Bad Key": 1, "Bad Key": 2}"#,
        )
        .unwrap();
        let shown: Vec<String> = problems.iter().map(Problem::to_string).collect();
        assert_eq!(
            shown,
            [
                "a[0].c.d: is written twice in the same object; each key may appear only once",
                "a: is written twice in the same object; each key may appear only once",
                r#"["Bad Key"]: is written twice in the same object; each key may appear only once"#,
            ]
        );
        assert_eq!(value["a"][0]["c"]["d"], 1, "the first is kept");

        let many = format!("{{{}\"z\":0}}", "\"k\":0,".repeat(1_000));
        let (_, problems) = parse(&many).unwrap();
        assert_eq!(problems.len(), MAX_DUPLICATES_LISTED + 1);
        assert_eq!(
            problems[MAX_DUPLICATES_LISTED].to_string(),
            "899 more keys are written twice; only the first 100 are listed"
        );
    }

    #[test]
    fn without_duplicates_the_value_equals_serde_jsons() {
        let text = r#"{"x": [1, -2, 3.5, "t", null, true, {"y": []}], "z": {}}"#;
        let (value, problems) = parse(text).unwrap();
        assert!(problems.is_empty());
        assert_eq!(value, serde_json::from_str::<Value>(text).unwrap());
    }

    #[test]
    fn a_bom_is_accepted_and_utf16_is_recognised() {
        assert_eq!(text(b"\xEF\xBB\xBF{}").unwrap(), "{}");
        assert_eq!(text(b"\xFF\xFE{\0}\0"), Err(FormatError::Utf16));
        assert_eq!(text(b"{\0\"\0a\0\"\0:\x001\0}\0"), Err(FormatError::Utf16));
        assert_eq!(text(b"\0{\0\"\0a\0\"\0:\x001\0}"), Err(FormatError::Utf16));
        assert_eq!(
            text(b"{\"a\": \"\xC3\x28\"}"),
            Err(FormatError::NotUtf8 { offset: 7, line: 1 })
        );
        assert_eq!(
            text(b"\xEF\xBB\xBF{\n\"\xFF\"}"),
            Err(FormatError::NotUtf8 { offset: 6, line: 2 })
        );
    }
}
