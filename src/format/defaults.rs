//! What a file may leave out, and whole numbers written with a fraction.
//!
//! Owns the documented defaults (docs/format.md, "Fields you may leave out") that let another
//! tool write a file with little more than each assessment's name: the envelope's `app_version`,
//! `exported_at` and `kind`, and every field of an assessment but `name`, including the profile's
//! fields (the stage is then "unknown"), each answer's and each area setting's fields and the
//! fields of the SWOT, budget, team, costs and report objects. Also reads `3.0` as `3`, as JSON
//! Schema 2020-12 does, so the published schema and the reader agree on whole numbers.
//!
//! Works on the JSON tree of a file already at the current schema version, before it is read
//! into types; never invents a value a user could take for their own (texts are empty, lists
//! empty, levels unanswered) and never changes a field the file has.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::domain::answers::{Answer, AreaSettings};
use crate::domain::{Assessment, Stage};

/// Fields of an assessment that are not taken from the empty assessment's template: `name` is
/// required, and the others get values worked out from the file.
const WORKED_OUT: [&str; 4] = ["id", "name", "created_at", "updated_at"];

/// Fills what the file leaves out, with `now` as the export time of a file that does not say.
pub(super) fn fill(value: &mut Value, now: DateTime<Utc>) {
    let Value::Object(root) = value else {
        return;
    };
    let exported_at = match root.get("exported_at") {
        Some(Value::String(s)) => s.clone(),
        Some(_) => now.to_rfc3339_opts(SecondsFormat::Secs, true),
        None => {
            let at = now.to_rfc3339_opts(SecondsFormat::Secs, true);
            root.insert("exported_at".into(), Value::String(at.clone()));
            at
        }
    };
    root.entry("app_version")
        .or_insert_with(|| Value::String(String::new()));
    if !root.contains_key("kind") {
        if let Some(Value::Array(list)) = root.get("assessments") {
            let kind = if list.len() == 1 {
                "assessment"
            } else {
                "workspace"
            };
            root.insert("kind".into(), Value::String(kind.into()));
        }
    }
    let Some(Value::Array(list)) = root.get_mut("assessments") else {
        return;
    };
    let template = assessment_template(now);
    let answer = to_map(&Answer::default());
    let area = to_map(&AreaSettings::default());
    for (i, item) in list.iter_mut().enumerate() {
        let Value::Object(a) = item else {
            continue;
        };
        fill_assessment(i, a, &exported_at, &template);
        for (key, entry_template) in [("answers", &answer), ("areas", &area)] {
            if let Some(Value::Object(entries)) = a.get_mut(key) {
                for entry in entries.values_mut() {
                    if let Value::Object(entry) = entry {
                        fill_struct(entry, entry_template);
                    }
                }
            }
        }
    }
}

fn fill_assessment(
    i: usize,
    a: &mut Map<String, Value>,
    exported_at: &str,
    template: &Map<String, Value>,
) {
    if !a.contains_key("id") {
        // Derived from the assessment as written, so importing the same file twice gives the
        // same id (and the import offers to replace or compare, not a silent duplicate); the
        // position tells apart two identical assessments in one file.
        let id = derived_id(i, &Value::Object(a.clone()));
        a.insert("id".into(), Value::String(id.to_string()));
    }
    if !a.contains_key("created_at") {
        a.insert("created_at".into(), Value::String(exported_at.to_string()));
    }
    if !a.contains_key("updated_at") {
        // Never earlier than the creation, which a file may give alone.
        let created = a.get("created_at").and_then(Value::as_str).unwrap_or("");
        let later = match (
            created.parse::<DateTime<Utc>>(),
            exported_at.parse::<DateTime<Utc>>(),
        ) {
            (Ok(c), Ok(e)) if c > e => created.to_string(),
            _ => exported_at.to_string(),
        };
        a.insert("updated_at".into(), Value::String(later));
    }
    fill_struct(a, template);
}

/// Adds each field of `template` that `given` lacks, and fills nested objects the same way
/// (an object standing for a map, such as `answers`, has an empty template, so nothing is added
/// to it). A field that is there, even `null` or of the wrong type, is left for the checks.
fn fill_struct(given: &mut Map<String, Value>, template: &Map<String, Value>) {
    for (key, default) in template {
        match (given.get_mut(key), default) {
            (None, _) => {
                given.insert(key.clone(), default.clone());
            }
            (Some(Value::Object(inner)), Value::Object(inner_default)) => {
                fill_struct(inner, inner_default)
            }
            _ => {}
        }
    }
}

/// An empty assessment as written, less the fields worked out from the file; its stage is
/// "unknown", since a file that does not say has not said.
fn assessment_template(now: DateTime<Utc>) -> Map<String, Value> {
    let mut empty = Assessment::new(Uuid::nil(), "", now);
    empty.profile.stage = Stage::Unknown;
    let mut map = to_map(&empty);
    for key in WORKED_OUT {
        map.remove(key);
    }
    map
}

fn to_map<T: serde::Serialize>(value: &T) -> Map<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// A version-4 UUID from the SHA-256 of the assessment's position and JSON.
fn derived_id(i: usize, assessment: &Value) -> Uuid {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{i}\n{assessment}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// Rewrites every number written with a zero fraction (`3.0`, `1e2`) as the whole number it is,
/// as JSON Schema counts it: a whole-number field then reads it, and a fraction field reads it
/// as before. Numbers beyond 2^53 are left as they are (they are not exact as fractions).
pub(super) fn whole_numbers(value: &mut Value) {
    match value {
        Value::Number(n) if n.is_f64() => {
            if let Some(whole) = n.as_f64().and_then(as_whole) {
                *value = Value::from(whole);
            }
        }
        Value::Array(list) => list.iter_mut().for_each(whole_numbers),
        Value::Object(map) => map.values_mut().for_each(whole_numbers),
        _ => {}
    }
}

/// `x` as a whole number, when it is one and exact.
pub(super) fn as_whole(x: f64) -> Option<i64> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
                                                // The cast is exact: x is whole and within ±2^53.
    (x.fract() == 0.0 && x.abs() <= EXACT).then_some(x as i64)
}
