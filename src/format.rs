//! The file format: the only code that turns assessments into JSON and back.
//!
//! Owns the versioned envelope, validation with path-precise errors, and the migration chain from
//! every released schema version. Storage and export both go through here; nothing else reads or
//! writes the JSON shape. Never touches the browser.

mod errors;
mod migrate;
mod validate;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::Assessment;

pub use errors::{FormatError, Problem};
pub use migrate::MIGRATIONS;

/// The value of the `format` field: tells our files from any other JSON.
pub const FORMAT_ID: &str = "cto-workbench";
/// The schema version this build writes. Bump it, add a migration step and a fixture together.
pub const SCHEMA_VERSION: u32 = 5;
/// The app version written into files, for support questions; never used to decide anything.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Whether a file holds one assessment or a whole workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    Assessment,
    Workspace,
}

/// The envelope every exported file has.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    format: String,
    schema_version: u32,
    app_version: String,
    exported_at: DateTime<Utc>,
    kind: FileKind,
    assessments: Vec<Assessment>,
}

/// A file that passed every check, already migrated to the current schema.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub kind: FileKind,
    pub app_version: String,
    pub exported_at: DateTime<Utc>,
    /// The schema version the file was written in, when older than this build's.
    pub migrated_from: Option<u32>,
    pub assessments: Vec<Assessment>,
}

/// Writes a file for download: pretty JSON so a consultant can read and diff it.
pub fn export(kind: FileKind, assessments: &[Assessment], now: DateTime<Utc>) -> String {
    let envelope = Envelope {
        format: FORMAT_ID.to_string(),
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION.to_string(),
        exported_at: now,
        kind,
        assessments: assessments.to_vec(),
    };
    // Serialising plain structs with string keys cannot fail.
    serde_json::to_string_pretty(&envelope).unwrap_or_default()
}

/// Reads a file: checks it is ours, migrates it, checks every field. Nothing is returned unless
/// the whole file is valid, so an import can be all-or-nothing.
pub fn import(text: &str) -> Result<Imported, FormatError> {
    let mut value: Value = serde_json::from_str(text).map_err(errors::not_json)?;
    let from = migrate::check_header(&value)?;
    migrate::run(&mut value, from)?;
    let envelope: Envelope = errors::deserialize(value)?;
    validate::envelope(envelope.kind, &envelope.assessments)?;
    Ok(Imported {
        kind: envelope.kind,
        app_version: envelope.app_version,
        exported_at: envelope.exported_at,
        migrated_from: (from < SCHEMA_VERSION).then_some(from),
        assessments: envelope.assessments,
    })
}

/// A download name such as `harbourline-logistics-2026-11-23.cto.json`: readable, safe on every
/// file system, and recognisable as ours.
pub fn file_name(label: &str, date: chrono::NaiveDate) -> String {
    let mut slug = String::new();
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    let slug = if slug.is_empty() {
        "assessment".to_string()
    } else {
        slug
    };
    format!("{slug}-{}.cto.json", date.format("%Y-%m-%d"))
}

/// The record kept in storage for one assessment: the schema version and the assessment itself,
/// so stored data migrates through the same chain as files.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    format: String,
    schema_version: u32,
    assessment: Assessment,
}

/// Encodes one assessment for storage (compact: storage space is scarce).
pub fn encode_stored(assessment: &Assessment) -> String {
    let stored = StoredRef {
        format: FORMAT_ID,
        schema_version: SCHEMA_VERSION,
        assessment,
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

#[derive(Serialize)]
struct StoredRef<'a> {
    format: &'a str,
    schema_version: u32,
    assessment: &'a Assessment,
}

/// Decodes one stored assessment, migrating it when it was saved by an older build.
pub fn decode_stored(text: &str) -> Result<Assessment, FormatError> {
    let value: Value = serde_json::from_str(text).map_err(errors::not_json)?;
    let from = migrate::check_header(&value)?;
    // Wrap the record as a one-assessment envelope so the same migration steps apply.
    let Value::Object(mut map) = value else {
        return Err(FormatError::NotOurs(
            "the stored value is not an object".into(),
        ));
    };
    let assessment = map.remove("assessment").unwrap_or(Value::Null);
    let mut wrapped = serde_json::json!({
        "format": FORMAT_ID,
        "schema_version": from,
        "assessments": [assessment],
    });
    migrate::run(&mut wrapped, from)?;
    let assessment = wrapped
        .get_mut("assessments")
        .and_then(|a| a.get_mut(0))
        .map(Value::take)
        .unwrap_or(Value::Null);
    let stored: Stored = errors::deserialize(serde_json::json!({
        "format": FORMAT_ID,
        "schema_version": SCHEMA_VERSION,
        "assessment": assessment,
    }))?;
    validate::envelope(
        FileKind::Assessment,
        std::slice::from_ref(&stored.assessment),
    )?;
    Ok(stored.assessment)
}

#[cfg(test)]
mod tests;
