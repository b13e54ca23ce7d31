//! The file format: the only code that turns assessments into JSON and back.
//!
//! Owns the versioned envelope, validation with path-precise errors, and the migration chain from
//! every released schema version. Storage and export both go through here; nothing else reads or
//! writes the JSON shape. Never touches the browser.

mod canonical;
pub mod client;
mod defaults;
mod errors;
mod fast;
mod migrate;
pub mod questions_doc;
mod reader;
pub mod share;
mod stored;
mod validate;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::Assessment;
use crate::i18n::{tr, trf};

pub use errors::{FormatError, Problem};
pub use migrate::MIGRATIONS;
pub use reader::{MAX_FILE_BYTES, MAX_VALUES};
pub use stored::{
    check_stored, decode_stored, decode_stored_later, decode_stored_record, decode_stored_revision,
    encode_part, encode_stored, encode_stored_record, encode_stored_revision, part_equal,
    part_is_empty, read_one_part, without_parts, PartReader, StoredRecord, STORED_PARTS,
};
pub use validate::limits::{MAX_ASSESSMENTS, MAX_KEY_CHARS, MAX_LIST_ITEMS, MAX_MEASUREMENTS};

/// The value of the `format` field: tells our files from any other JSON.
pub const FORMAT_ID: &str = "cto-workbench";
/// The schema version this build writes. Bump it, add a migration step and a fixture together.
pub const SCHEMA_VERSION: u32 = 9;
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
    /// SHA-256 of the canonical content (see [`content_hash`]); absent in files before version 6.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    content_sha256: Option<String>,
    assessments: Vec<Assessment>,
}

/// Whether a file's content still matches the fingerprint written when it was exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Integrity {
    /// The content is exactly what was exported.
    Intact,
    /// The content changed after export (edited by hand or by another tool). Still imported:
    /// every check passed, but the user is told.
    Edited,
    /// The file carries no fingerprint (written before version 6).
    Unsigned,
}

/// SHA-256, in lowercase hex, of the assessments written as compact JSON with object keys in
/// sorted order: the same content gives the same hash whatever the key order or spacing of the
/// file it came from.
pub fn content_hash(assessments: &[Assessment]) -> String {
    sha256_hex(&canonical_content(assessments))
}

/// The bytes [`content_hash`] hashes.
fn canonical_content(assessments: &[Assessment]) -> Vec<u8> {
    // Defined as what going through `Value` writes (serde_json's map is ordered by key);
    // `canonical` writes the same without building the tree, and defers to it for anything else.
    canonical::to_vec(assessments).unwrap_or_else(|_| {
        serde_json::to_value(assessments)
            .map(|v| v.to_string().into_bytes())
            .unwrap_or_default()
    })
}

/// SHA-256 of `bytes` in lowercase hex, as fingerprints are written.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex(&Sha256::digest(bytes))
}

/// Lowercase hex of a digest, as fingerprints are written.
pub fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A file that passed every check, whose fingerprint is still to be compared with its content.
///
/// The fingerprint is a SHA-256 of the whole canonical content, the largest single cost of
/// importing a big file when computed in WebAssembly; this split lets the browser hash
/// [`Unverified::content`] with its own native SHA-256 and hand the result to
/// [`Unverified::finish`]. [`import`] does both steps here.
#[derive(Clone, Debug, PartialEq)]
pub struct Unverified {
    imported: Imported,
    expected: Option<String>,
    /// For a file migrated from an older version: the canonical JSON of its assessments as
    /// written, since the fingerprint was taken over that shape, not the migrated one.
    original: Option<Vec<u8>>,
}

impl Unverified {
    /// The bytes whose SHA-256 the fingerprint should be; None when the file carries no
    /// fingerprint (written before version 6), so there is nothing to hash.
    pub fn content(&self) -> Option<Vec<u8>> {
        self.expected.as_ref().map(|_| {
            self.original
                .clone()
                .unwrap_or_else(|| canonical_content(&self.imported.assessments))
        })
    }

    /// The import, its fingerprint compared with `sha256` (lowercase hex of the SHA-256 of
    /// [`Unverified::content`]). Without one, hashes here.
    pub fn finish(mut self, sha256: Option<&str>) -> Imported {
        self.imported.integrity = match &self.expected {
            None => Integrity::Unsigned,
            Some(expected) => {
                let actual = match sha256 {
                    Some(hash) => hash.to_string(),
                    None => match &self.original {
                        Some(bytes) => sha256_hex(bytes),
                        None => content_hash(&self.imported.assessments),
                    },
                };
                if *expected == actual {
                    Integrity::Intact
                } else {
                    Integrity::Edited
                }
            }
        };
        self.imported
    }
}

/// A file that passed every check, already migrated to the current schema.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub kind: FileKind,
    pub app_version: String,
    pub exported_at: DateTime<Utc>,
    /// The schema version the file was written in, when older than this build's.
    pub migrated_from: Option<u32>,
    pub integrity: Integrity,
    pub assessments: Vec<Assessment>,
}

/// Writes a file for download: pretty JSON so a consultant can read and diff it.
pub fn export(kind: FileKind, assessments: &[Assessment], now: DateTime<Utc>) -> String {
    // Serialising plain structs with string keys cannot fail.
    serde_json::to_string_pretty(&envelope(kind, assessments, now)).unwrap_or_default()
}

/// The same file as [`export`] without spacing, for share links where every character counts.
pub fn export_compact(kind: FileKind, assessments: &[Assessment], now: DateTime<Utc>) -> String {
    serde_json::to_string(&envelope(kind, assessments, now)).unwrap_or_default()
}

fn envelope(kind: FileKind, assessments: &[Assessment], now: DateTime<Utc>) -> Envelope {
    Envelope {
        format: FORMAT_ID.to_string(),
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION.to_string(),
        exported_at: now,
        kind,
        content_sha256: Some(content_hash(assessments)),
        assessments: assessments.to_vec(),
    }
}

/// Refuses a file of `bytes` bytes when it is over [`MAX_FILE_BYTES`]; lets a caller check the
/// size a browser reports before reading the file at all.
pub fn check_file_size(bytes: u64) -> Result<(), FormatError> {
    if bytes > MAX_FILE_BYTES as u64 {
        Err(reader::too_large(bytes))
    } else {
        Ok(())
    }
}

/// Reads a file as it came from disk: checks its size and encoding (UTF-8, with or without a
/// byte-order mark; UTF-16 and other bytes are refused with a message saying so), then does
/// everything [`import`] does. The way in for picked and dropped files.
pub fn import_bytes(bytes: &[u8]) -> Result<Imported, FormatError> {
    import(reader::text(bytes)?)
}

/// [`import_bytes`] with the fingerprint left to compare (see [`Unverified`]).
pub fn import_bytes_unverified(bytes: &[u8]) -> Result<Unverified, FormatError> {
    import_unverified(reader::text(bytes)?)
}

/// Reads a file's text: checks it is ours, migrates it, checks every field. Nothing is returned
/// unless the whole file is valid, so an import can be all-or-nothing.
///
/// The order of the checks decides which message a bad file gets: not JSON, then not ours, then
/// from a newer version, then duplicate keys and oversized lists, then the shape, then the values.
pub fn import(text: &str) -> Result<Imported, FormatError> {
    import_unverified(text).map(|u| u.finish(None))
}

/// [`import`] with the fingerprint left to compare (see [`Unverified`]).
pub fn import_unverified(text: &str) -> Result<Unverified, FormatError> {
    check_file_size(text.len() as u64)?;
    // Some editors save UTF-8 with a byte-order mark; it is not content, so accept it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(imported) = fast::import_current(text) {
        return Ok(imported);
    }
    import_checked(text)
}

/// [`import`] the long way, for any version, naming every problem with its path.
fn import_checked(text: &str) -> Result<Unverified, FormatError> {
    let (mut value, problems) = reader::parse(text)?;
    // A file another tool wrote may name our format and leave the version out: it is read as
    // written for this version (every later version will write its number, so no newer file can
    // be mistaken for one). A file that is not ours is still refused by its `format`.
    let mut assumed = false;
    if let Value::Object(map) = &mut value {
        if map.get("format").and_then(Value::as_str) == Some(FORMAT_ID)
            && !map.contains_key("schema_version")
        {
            map.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
            assumed = true;
        }
    }
    read_value(value, problems).map_err(|e| match e {
        // An older file that lost its version reads badly as this one: say what was assumed.
        FormatError::Invalid(mut problems) if assumed => {
            problems.insert(
                0,
                Problem::new(
                    "schema_version",
                    trf(
                        "spec.version_assumed",
                        &[("version", &SCHEMA_VERSION.to_string())],
                    ),
                ),
            );
            FormatError::Invalid(problems)
        }
        e => e,
    })
}

/// [`import_checked`] once the file is parsed.
fn read_value(mut value: Value, mut problems: Vec<Problem>) -> Result<Unverified, FormatError> {
    // `8.0` is the whole number 8, as JSON Schema reads it.
    if let Some(version) = value.get_mut("schema_version") {
        defaults::whole_numbers(version);
    }
    let from = header(&value)?;
    problems.extend(validate::limits::check(&value));
    if !problems.is_empty() {
        return Err(FormatError::Invalid(problems));
    }
    // serde_json's map keeps keys sorted, so this is the canonical JSON the file's fingerprint
    // was taken over, in the file's own version.
    let original = (from < SCHEMA_VERSION && value.get("content_sha256").is_some())
        .then(|| value.get("assessments").map(|a| a.to_string().into_bytes()))
        .flatten();
    // After the fingerprint's bytes are taken: they are the file's numbers as written.
    defaults::whole_numbers(&mut value);
    migrate::run(&mut value, from)?;
    defaults::fill(&mut value, Utc::now());
    let envelope = read_envelope(&mut value).map_err(|mut problems| {
        for p in &mut problems {
            p.path = validate::shape::with_titles(&p.path, &value);
        }
        FormatError::Invalid(problems)
    })?;
    let mut unverified = imported(envelope, from);
    unverified.original = original;
    Ok(unverified)
}

/// Reads and checks the envelope and each assessment, naming every problem at once (up to
/// [`validate::shape::MAX_PROBLEMS`] found while reading, then every check's). Each assessment
/// is read on its own, so going on past a problem re-reads one assessment, not the file.
fn read_envelope(value: &mut Value) -> Result<Envelope, Vec<Problem>> {
    use validate::shape;
    let mut budget = shape::VALUE_BUDGET;
    let mut parts = match value.get_mut("assessments") {
        Some(Value::Array(list)) => std::mem::take(list),
        _ => Vec::new(),
    };
    let head = shape::read::<Envelope>(value, "", &mut budget, 0);
    let mut problems = head.problems;
    let mut repaired = head.repaired;
    let mut assessments = Vec::with_capacity(parts.len());
    for (i, part) in parts.iter_mut().enumerate() {
        let read = shape::read::<Assessment>(
            part,
            &format!("assessments[{i}]"),
            &mut budget,
            problems.len(),
        );
        problems.extend(read.problems);
        repaired.extend(read.repaired);
        assessments.extend(read.value);
    }
    let complete = assessments.len() == parts.len();
    // Put the list back (with any stand-ins) so titles can be read from it.
    if let Some(Value::Array(list)) = value.get_mut("assessments") {
        *list = parts;
    }
    if let (Some(mut envelope), true) = (head.value, complete) {
        envelope.assessments = assessments;
        let checked = validate::envelope(envelope.kind, &envelope.assessments);
        if problems.is_empty() {
            return checked
                .map(|()| envelope)
                .map_err(|e| e.problems().to_vec());
        }
        // Problems at a stand-in would only repeat what reading already said.
        let checked = checked.err().map(|e| e.problems().to_vec());
        problems.extend(
            checked
                .into_iter()
                .flatten()
                .filter(|p| !repaired.iter().any(|r| shape::is_under(&p.path, r))),
        );
    }
    Err(problems)
}

/// What an import of a valid file gives, once its envelope is read and checked.
fn imported(envelope: Envelope, from: u32) -> Unverified {
    Unverified {
        original: None,
        expected: envelope.content_sha256,
        imported: Imported {
            kind: envelope.kind,
            app_version: envelope.app_version,
            exported_at: envelope.exported_at,
            migrated_from: (from < SCHEMA_VERSION).then_some(from),
            // Until `finish` compares the fingerprint.
            integrity: Integrity::Unsigned,
            assessments: envelope.assessments,
        },
    }
}

/// Says what a document that is not ours holds, quoting nothing long from it, then leaves the
/// version checks to the migration chain.
fn header(value: &Value) -> Result<u32, FormatError> {
    let not_ours = |why: &str| Err(FormatError::NotOurs(why.to_string()));
    let map = match value {
        Value::Object(map) => map,
        Value::Null => return not_ours(tr("format.header_only_null")),
        Value::Bool(_) => return not_ours(tr("format.header_only_boolean")),
        Value::Number(_) => return not_ours(tr("format.header_only_number")),
        Value::String(_) => return not_ours(tr("format.header_only_text")),
        Value::Array(_) => return not_ours(tr("format.header_a_list")),
    };
    if let Some(format) = map.get("format") {
        if format.as_str() != Some(FORMAT_ID) {
            return Err(FormatError::NotOurs(trf(
                "format.header_wrong_format",
                &[
                    ("value", &errors::describe_value(format)),
                    ("id", FORMAT_ID),
                ],
            )));
        }
    }
    if let Some(version) = map.get("schema_version") {
        if !version.is_u64() {
            return Err(FormatError::invalid(
                "schema_version",
                trf(
                    "format.header_version_not_a_number",
                    &[("found", &errors::describe_value(version))],
                ),
            ));
        }
    }
    migrate::check_header(value)
}

/// A download name such as `harbourline-logistics-2026-11-23.cto.json`: readable, safe on every
/// file system, and recognisable as ours.
pub fn file_name(label: &str, date: chrono::NaiveDate) -> String {
    let slug = crate::domain::folder_sync::slug(label, 60);
    let slug = if slug.is_empty() {
        "assessment".to_string()
    } else {
        slug
    };
    format!("{slug}-{}.cto.json", date.format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_hostile;
#[cfg(test)]
mod tests_spec;
