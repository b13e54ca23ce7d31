//! The quick way in for a file in this build's schema: read straight into the model instead of
//! through a JSON tree with path tracking, which costs several times more on a large workspace.
//!
//! It accepts exactly what [`super::import`]'s full path accepts and gives the same result: one
//! pass over the text checks what that path's tree checks (a key written twice, lists and objects
//! over their limits, over-long keys, too many values) without building anything, then the text
//! is read into the envelope and validated. Whenever anything is not plainly fine it gives up,
//! and the full path runs and says what is wrong and where.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashSet;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::validate::limits::{MAX_ASSESSMENTS, MAX_KEY_CHARS, MAX_LIST_ITEMS, MAX_MEASUREMENTS};
use super::{validate, Envelope, Unverified, FORMAT_ID, MAX_VALUES, SCHEMA_VERSION};

/// The file read straight into the model, or None to take the full path.
pub(super) fn import_current(text: &str) -> Option<Unverified> {
    if !plainly_fine(text) {
        return None;
    }
    let envelope: Envelope = serde_json::from_str(text).ok()?;
    if envelope.format != FORMAT_ID || envelope.schema_version != SCHEMA_VERSION {
        return None;
    }
    validate::envelope(envelope.kind, &envelope.assessments).ok()?;
    Some(super::imported(envelope, SCHEMA_VERSION))
}

/// Whether the text is JSON with no key written twice, no list or object over its limit, no key
/// too long and not too many values.
fn plainly_fine(text: &str) -> bool {
    let values = Cell::new(0);
    let mut de = serde_json::Deserializer::from_str(text);
    let scan = Scan {
        values: &values,
        list: List::Root,
    };
    scan.deserialize(&mut de).is_ok() && de.end().is_ok()
}

/// Where a list sits, for its limit (as `validate::limits` decides it from the path).
#[derive(Clone, Copy, PartialEq)]
enum List {
    Root,
    /// The value of the top-level key "assessments".
    Assessments,
    /// The value of a key "measurements", at any depth.
    Measurements,
    Other,
}

/// Visits a value and everything inside it, failing on the first thing the full path would
/// refuse before typing: the message is left to that path.
#[derive(Clone, Copy)]
struct Scan<'s> {
    values: &'s Cell<usize>,
    list: List,
}

impl Scan<'_> {
    fn count<E: de::Error>(&self) -> Result<(), E> {
        self.values.set(self.values.get() + 1);
        if self.values.get() > MAX_VALUES {
            return Err(E::custom("too many values"));
        }
        Ok(())
    }

    fn under(self, list: List) -> Self {
        Scan { list, ..self }
    }
}

impl<'de> DeserializeSeed<'de> for Scan<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Scan<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.count()
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.count()
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.count()
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.count()
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.count()
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.count()
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.count()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.count()?;
        let limit = match self.list {
            List::Assessments => MAX_ASSESSMENTS,
            List::Measurements => MAX_MEASUREMENTS,
            List::Root | List::Other => MAX_LIST_ITEMS,
        };
        let mut items = 0;
        while seq.next_element_seed(self.under(List::Other))?.is_some() {
            items += 1;
            if items > limit {
                return Err(de::Error::custom("list over its limit"));
            }
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<(), A::Error> {
        self.count()?;
        // Most objects have a handful of keys: a short list is quicker than hashing them.
        let mut few: Vec<Cow<'de, str>> = Vec::new();
        let mut many: HashSet<Cow<'de, str>> = HashSet::new();
        while let Some(Key(key)) = access.next_key::<Key<'de>>()? {
            if key.chars().count() > MAX_KEY_CHARS {
                return Err(de::Error::custom("key too long"));
            }
            let list = match (self.list, key.as_ref()) {
                (List::Root, "assessments") => List::Assessments,
                (_, "measurements") => List::Measurements,
                _ => List::Other,
            };
            access.next_value_seed(self.under(list))?;
            let seen = if many.is_empty() && few.len() < 16 {
                few.contains(&key) || {
                    few.push(key);
                    false
                }
            } else {
                many.extend(few.drain(..));
                !many.insert(key)
            };
            if seen {
                return Err(de::Error::custom("duplicate key"));
            }
            if few.len() + many.len() > MAX_LIST_ITEMS {
                return Err(de::Error::custom("object over its limit"));
            }
        }
        Ok(())
    }
}

/// An object key, borrowed from the text unless it had escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key")
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{export, export_compact, import_checked, FileKind};
    use super::*;
    use proptest::prelude::*;

    /// Both ways in give the same: equal imports, or the fast one declines (and the full path
    /// then decides, as `import` does).
    fn agree(text: &str) -> Result<bool, String> {
        let slow = import_checked(text);
        match import_current(text) {
            Some(fast) => match slow {
                Ok(slow) if slow == fast => Ok(true),
                Ok(_) => Err("the two ways give different imports".into()),
                Err(e) => Err(format!("fast accepted what the full path refuses: {e}")),
            },
            None => Ok(false),
        }
    }

    fn files(dir: &str) -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                let bytes = std::fs::read(&path).unwrap();
                let text = String::from_utf8_lossy(&bytes).into_owned();
                out.push((path.display().to_string(), text));
            }
        }
        out
    }

    fn heavy_file() -> String {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let a = crate::domain::demo::large::heavy_assessment(3, today);
        let demo = crate::domain::demo::demo_assessment(crate::content::get(), now);
        export_compact(FileKind::Workspace, &[a, demo], now)
    }

    #[test]
    fn every_fixture_reads_the_same_both_ways() {
        let mut taken = 0;
        for dir in [
            "tests/fixtures",
            "tests/fixtures/hostile",
            "tests/fixtures/invalid",
        ] {
            for (name, text) in files(dir) {
                let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
                taken += usize::from(agree(&text).map_err(|e| format!("{name}: {e}")).unwrap());
            }
        }
        // v6.json is this build's schema: the quick way takes it.
        assert!(taken >= 1, "the quick way took no fixture");
        assert_eq!(agree(&heavy_file()), Ok(true));
    }

    #[test]
    fn what_the_full_path_refuses_before_typing_the_quick_way_declines() {
        let file = heavy_file();
        let answers = file.find("\"answers\":{").unwrap() + "\"answers\":{".len();
        let duplicate = format!(
            "{}\"x.y\":{{}},\"x.y\":{{}},{}",
            &file[..answers],
            &file[answers..]
        );
        let unknown = file.replacen("\"name\":", "\"nmae\":1,\"name\":", 1);
        let long_key = format!(
            "{}\"{}\":{{}},{}",
            &file[..answers],
            "k".repeat(MAX_KEY_CHARS + 1),
            &file[answers..]
        );
        let many = format!(
            "{}\"x.many\":{{\"level\":2,\"evidence\":[{}]}},{}",
            &file[..answers],
            vec!["\"https://a.example\""; MAX_LIST_ITEMS + 1].join(","),
            &file[answers..]
        );
        let older = file.replacen(
            &format!("\"schema_version\":{SCHEMA_VERSION}"),
            &format!("\"schema_version\":{}", SCHEMA_VERSION - 1),
            1,
        );
        for (what, text) in [
            ("duplicate", duplicate),
            ("unknown", unknown),
            ("long key", long_key),
            ("many", many),
            ("older", older),
        ] {
            assert!(import_current(&text).is_none(), "{what}");
            assert_eq!(agree(&text), Ok(false), "{what}");
        }
        assert!(import_current(&file).is_some());
    }

    #[test]
    fn the_scan_finds_what_the_tree_checks_find() {
        let list = |n: usize| vec!["0"; n].join(",");
        assert!(plainly_fine(r#"{"a":{"b":[1,{"c":null}]},"d":"x"}"#));
        assert!(!plainly_fine(r#"{"a":{"b":1,"b":2}}"#));
        assert!(!plainly_fine(r#"{"a":[{"b":1,"c":2,"b":3}]}"#));
        assert!(
            !plainly_fine(r#"{"a":1,"\u0061":2}"#),
            "an escaped key is the same key"
        );
        let wide: Vec<String> = (0..40).map(|i| format!("\"k{i}\":{i}")).collect();
        assert!(plainly_fine(&format!("{{{}}}", wide.join(","))));
        assert!(
            !plainly_fine(&format!("{{{},\"k7\":0}}", wide.join(","))),
            "past the short list"
        );
        let key = |n: usize| format!("{{\"{}\":1}}", "k".repeat(n));
        assert!(plainly_fine(&key(MAX_KEY_CHARS)));
        assert!(!plainly_fine(&key(MAX_KEY_CHARS + 1)));
        let under = |k: &str, n: usize| format!("{{\"x\":{{\"{k}\":[{}]}}}}", list(n));
        assert!(plainly_fine(&under("measurements", MAX_LIST_ITEMS + 1)));
        assert!(!plainly_fine(&under("measurements", MAX_MEASUREMENTS + 1)));
        assert!(!plainly_fine(&under("other", MAX_LIST_ITEMS + 1)));
        assert!(plainly_fine(&under("assessments", MAX_LIST_ITEMS)));
        assert!(
            !plainly_fine(&under("assessments", MAX_LIST_ITEMS + 1)),
            "only the top-level list is assessments"
        );
        assert!(plainly_fine(&format!(
            "{{\"assessments\":[{}]}}",
            list(MAX_ASSESSMENTS)
        )));
        assert!(!plainly_fine(&format!(
            "{{\"assessments\":[{}]}}",
            list(MAX_ASSESSMENTS + 1)
        )));
        assert!(!plainly_fine(r#"{"a":1} x"#));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Mutations of a valid file (a byte changed, a slice cut out or doubled): whichever way
        /// reads it, the result is the same.
        #[test]
        fn mutated_files_read_the_same_both_ways(at in 0.0f64..1.0, len in 0usize..40, how in 0u8..3, byte in 32u8..127) {
            let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
            let demo = crate::domain::demo::demo_assessment(crate::content::get(), now);
            let file = export(FileKind::Workspace, &[demo], now);
            let bytes = file.as_bytes();
            let start = ((bytes.len() as f64) * at) as usize;
            let end = (start + len).min(bytes.len());
            let mut out = bytes[..start].to_vec();
            match how {
                0 => out.push(byte),
                1 => {}
                _ => out.extend_from_slice(&bytes[start..end]),
            }
            out.extend_from_slice(&bytes[if how == 0 { (start + 1).min(bytes.len()) } else { end }..]);
            if let Ok(text) = String::from_utf8(out) {
                prop_assert!(agree(&text).is_ok(), "{:?}", agree(&text));
            }
        }
    }
}
