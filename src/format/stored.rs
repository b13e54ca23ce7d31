//! The record kept in local storage for one assessment, and its parts.
//!
//! A record is the assessment with the schema version and a revision (counting saves, so a tab
//! can tell another tab saved after it read). Its bulky lists ([`STORED_PARTS`]: KPIs with their
//! measurements, snapshots, initiatives, scorecards, risks) may be stored apart, each under its own
//! key: the record then names them in `parts` (list name → reference), and its own copy of each
//! such list is empty. A save then writes only the lists that changed, and a tab taking in another
//! tab's save reads only those.
//!
//! Which key a reference means is storage's business: this module only asks for a part's JSON by
//! name and reference. Stored data migrates through the same chain as files: a record from an
//! older build, or one that does not read cleanly, is put together as one JSON document and goes
//! through the migrations and path-precise errors.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{errors, migrate, validate, FileKind, FormatError, FORMAT_ID, SCHEMA_VERSION};
use crate::domain::shared::Shared;
use crate::domain::Assessment;
use crate::i18n::{tr, trf};

/// The lists of an assessment that may be stored apart from its record. Stable: they are names in
/// users' stored records.
pub const STORED_PARTS: [&str; 5] = ["kpis", "snapshots", "initiatives", "scorecards", "risks"];

/// Runs `$body` with `$f` bound to the field of `$a` named `$name` (one of [`STORED_PARTS`]),
/// borrowed mutably after `mut`; `$other` for any other name.
macro_rules! with_part {
    (mut $a:ident, $($rest:tt)*) => {
        with_part!(@go [mut] $a, $($rest)*)
    };
    (@go [$($m:tt)?] $a:ident, $name:expr, |$f:ident| $body:expr, $other:expr) => {
        match $name {
            "kpis" => {
                let $f = &$($m)? $a.kpis;
                $body
            }
            "snapshots" => {
                let $f = &$($m)? $a.snapshots;
                $body
            }
            "initiatives" => {
                let $f = &$($m)? $a.initiatives;
                $body
            }
            "scorecards" => {
                let $f = &$($m)? $a.scorecards;
                $body
            }
            "risks" => {
                let $f = &$($m)? $a.risks;
                $body
            }
            _ => $other,
        }
    };
    ($a:ident, $($rest:tt)*) => {
        with_part!(@go [] $a, $($rest)*)
    };
}

/// The JSON of list `name` of `a`, as stored apart; None for a name that is not a part.
pub fn encode_part(a: &Assessment, name: &str) -> Option<String> {
    with_part!(
        a,
        name,
        |f| Some(serde_json::to_string(f).unwrap_or_default()),
        None
    )
}

/// Whether list `name` is empty in `a` (an unknown name counts as empty).
pub fn part_is_empty(a: &Assessment, name: &str) -> bool {
    with_part!(a, name, |f| f.is_empty(), true)
}

/// Whether list `name` holds the same in `a` and `b`; cheap when one is a copy of the other.
pub fn part_equal(a: &Assessment, b: &Assessment, name: &str) -> bool {
    match name {
        "kpis" => a.kpis == b.kpis,
        "snapshots" => a.snapshots == b.snapshots,
        "initiatives" => a.initiatives == b.initiatives,
        "scorecards" => a.scorecards == b.scorecards,
        "risks" => a.risks == b.risks,
        _ => true,
    }
}

/// A copy of `a` (cheap: the lists are shared) whose lists named in `names` are empty, to be
/// stored as the record of an assessment whose parts are stored apart.
pub fn without_parts<'a>(a: &Assessment, names: impl IntoIterator<Item = &'a str>) -> Assessment {
    let mut rest = a.clone();
    for name in names {
        with_part!(mut rest, name, |f| *f = Default::default(), ())
    }
    rest
}

fn copy_part(to: &mut Assessment, from: &Assessment, name: &str) {
    match name {
        "kpis" => to.kpis = from.kpis.clone(),
        "snapshots" => to.snapshots = from.snapshots.clone(),
        "initiatives" => to.initiatives = from.initiatives.clone(),
        "scorecards" => to.scorecards = from.scorecards.clone(),
        "risks" => to.risks = from.risks.clone(),
        _ => {}
    }
}

fn read_part(to: &mut Assessment, name: &str, json: &str) -> bool {
    with_part!(
        mut to,
        name,
        |f| match serde_json::from_str(json) {
            Ok(list) => {
                *f = list;
                true
            }
            Err(_) => false,
        },
        false
    )
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
    encode_stored_revision(assessment, 0)
}

/// Encodes one assessment for storage with the revision number of this save.
pub fn encode_stored_revision(assessment: &Assessment, revision: u64) -> String {
    encode_stored_record(assessment, revision, &BTreeMap::new())
}

/// Encodes a record whose lists named in `parts` are stored apart under those references;
/// `assessment` must already have them empty (see [`without_parts`]).
pub fn encode_stored_record(
    assessment: &Assessment,
    revision: u64,
    parts: &BTreeMap<String, String>,
) -> String {
    let stored = StoredRef {
        format: FORMAT_ID,
        schema_version: SCHEMA_VERSION,
        revision,
        parts,
        assessment,
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

#[derive(Serialize)]
struct StoredRef<'a> {
    format: &'a str,
    schema_version: u32,
    /// Counts saves of this record, so a tab can tell that another tab saved after it read.
    revision: u64,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    parts: &'a BTreeMap<String, String>,
    assessment: &'a Assessment,
}

/// A stored record as this build writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredCurrent {
    format: String,
    schema_version: u32,
    #[serde(default)]
    revision: u64,
    #[serde(default)]
    parts: BTreeMap<String, String>,
    assessment: Assessment,
}

/// A stored record read back whole: the assessment with its parts in place.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredRecord {
    pub assessment: Assessment,
    pub revision: u64,
    /// The parts stored apart, as the record names them (list name → reference).
    pub parts: BTreeMap<String, String>,
    /// Saved by an older build and migrated on reading: its parts are in the older shape too, so
    /// the next save must write every part again rather than keep those that look unchanged.
    pub migrated: bool,
}

/// Decodes one stored assessment, migrating it when it was saved by an older build.
pub fn decode_stored(text: &str) -> Result<Assessment, FormatError> {
    decode_stored_revision(text).map(|(a, _)| a)
}

/// Decodes one stored assessment whose parts are all inline, and the revision number it was saved
/// with (0 before revisions).
pub fn decode_stored_revision(text: &str) -> Result<(Assessment, u64), FormatError> {
    decode_stored_record(text, None, &|_, _| None).map(|r| (r.assessment, r.revision))
}

/// Decodes one stored record and puts its parts in place. `fetch(name, reference)` gives a
/// part's JSON, or None when storage has no such part. With `base` (an assessment and the parts
/// its record named), a part under the same reference is taken from it instead of being read
/// again: a part's reference never names different content.
pub fn decode_stored_record(
    text: &str,
    base: Option<(&Assessment, &BTreeMap<String, String>)>,
    fetch: &dyn Fn(&str, &str) -> Option<String>,
) -> Result<StoredRecord, FormatError> {
    // Nearly every record was written by this build: read it straight into the model, which is
    // several times faster than going through a JSON tree with path tracking. Anything else (an
    // older version to migrate, or a record or part that does not read) takes the full path
    // below, which names what is wrong and where.
    if let Some((record, trusted)) = decode_current(text, base, fetch) {
        validate::envelope_trusting(
            FileKind::Assessment,
            std::slice::from_ref(&record.assessment),
            trusted,
        )?;
        return Ok(record);
    }
    let (whole, parts) = assemble(text, fetch)?;
    let migrated = migrate::check_header(&whole).is_ok_and(|v| v < SCHEMA_VERSION);
    let (assessment, revision) = decode_migrating(whole)?;
    Ok(StoredRecord {
        assessment,
        revision,
        parts,
        migrated,
    })
}

/// The record read straight into the model, if it is in this build's schema and it and its parts
/// read cleanly; with the lists taken unchanged from `base`, whose own contents need no new check
/// (`base` is this tab's copy: checked when it was read, or made by this tab).
pub(super) fn decode_current(
    text: &str,
    base: Option<(&Assessment, &BTreeMap<String, String>)>,
    fetch: &dyn Fn(&str, &str) -> Option<String>,
) -> Option<(StoredRecord, validate::Trusted)> {
    let mut trusted = validate::Trusted::default();
    let stored = serde_json::from_str::<StoredCurrent>(text)
        .ok()
        .filter(|s| s.format == FORMAT_ID && s.schema_version == SCHEMA_VERSION)?;
    let mut assessment = stored.assessment;
    for (name, reference) in &stored.parts {
        if !STORED_PARTS.contains(&name.as_str()) || !part_is_empty(&assessment, name) {
            return None;
        }
        match base {
            Some((from, named)) if named.get(name) == Some(reference) => {
                copy_part(&mut assessment, from, name);
                match name.as_str() {
                    "kpis" => trusted.kpis = true,
                    "snapshots" => trusted.snapshots = true,
                    "scorecards" => trusted.scorecards = true,
                    // Initiatives link to goals, which live in the record.
                    "initiatives" => {
                        trusted.initiatives = assessment
                            .goals
                            .iter()
                            .map(|g| g.id)
                            .eq(from.goals.iter().map(|g| g.id))
                    }
                    "risks" => trusted.risks = true,
                    _ => {}
                }
            }
            _ => {
                let json = fetch(name, reference)?;
                if !read_part(&mut assessment, name, &json) {
                    return None;
                }
            }
        }
    }
    Some((
        StoredRecord {
            assessment,
            revision: stored.revision,
            parts: stored.parts,
            migrated: false,
        },
        trusted,
    ))
}

/// Gives the JSON of one part stored apart when it is first needed, or None when it cannot.
pub type PartReader = Box<dyn FnOnce() -> Option<String> + Send>;

/// Decodes a record in this build's schema that names parts, leaving each part to be read on
/// first use through the reader `later(name, reference)` gives. Nothing is checked beyond the
/// record's own shape: the caller must run [`check_stored`] on the assessment before it saves or
/// exports it. None when the record is not in this build's schema, names no part, or names one
/// that `later` has no reader for: read it with [`decode_stored_record`] instead, which says
/// what is wrong.
///
/// This is what lets the app show the list of a consultant's clients without first decoding
/// every KPI measurement of every one of them.
pub fn decode_stored_later(
    text: &str,
    later: &dyn Fn(&str, &str) -> Option<PartReader>,
) -> Option<StoredRecord> {
    let stored = serde_json::from_str::<StoredCurrent>(text)
        .ok()
        .filter(|s| s.format == FORMAT_ID && s.schema_version == SCHEMA_VERSION)?;
    if stored.parts.is_empty() {
        return None;
    }
    let mut assessment = stored.assessment;
    for (name, reference) in &stored.parts {
        if !STORED_PARTS.contains(&name.as_str()) || !part_is_empty(&assessment, name) {
            return None;
        }
        let read = later(name, reference)?;
        with_part!(
            mut assessment,
            name.as_str(),
            |f| *f = Shared::later(move || serde_json::from_str(&read()?).ok()),
            {}
        );
    }
    Some(StoredRecord {
        assessment,
        revision: stored.revision,
        parts: stored.parts,
        migrated: false,
    })
}

/// Reads one list of `a` left to read on first use, if any is left; false when none is. Lets the
/// caller spread the reading of a large assessment over several short tasks.
pub fn read_one_part(a: &Assessment) -> bool {
    STORED_PARTS.iter().any(|name| {
        with_part!(
            a,
            *name,
            |f| {
                let unread = !f.is_read();
                if unread {
                    f.failed();
                }
                unread
            },
            false
        )
    })
}

/// Reads every part of an assessment from [`decode_stored_later`] and runs the checks any stored
/// record passes. An error names the first part that did not read; the caller can read the
/// record again with [`decode_stored_record`] for the path of the problem.
pub fn check_stored(assessment: &Assessment) -> Result<(), FormatError> {
    for name in STORED_PARTS {
        if with_part!(assessment, name, |f| f.failed(), false) {
            return Err(FormatError::invalid(
                format!("parts.{name}"),
                trf("format.stored_part_missing", &[("name", name)]),
            ));
        }
    }
    validate::envelope(FileKind::Assessment, std::slice::from_ref(assessment))
}

/// The record with its parts put back inline, as one JSON tree, and the parts it named.
pub(super) fn assemble(
    text: &str,
    fetch: &dyn Fn(&str, &str) -> Option<String>,
) -> Result<(Value, BTreeMap<String, String>), FormatError> {
    let mut value: Value = serde_json::from_str(text).map_err(|e| errors::not_json(e, text))?;
    let mut named = BTreeMap::new();
    let Value::Object(map) = &mut value else {
        // The migrations' header checks say what it is instead.
        return Ok((value, named));
    };
    let Some(parts) = map.remove("parts") else {
        return Ok((value, named));
    };
    let Value::Object(parts) = parts else {
        return Err(FormatError::invalid(
            "parts",
            tr("format.stored_parts_not_a_map"),
        ));
    };
    for (name, reference) in parts {
        let at = format!("parts.{name}");
        let Some(reference) = reference.as_str() else {
            return Err(FormatError::invalid(
                at,
                tr("format.stored_part_reference_not_text"),
            ));
        };
        if !STORED_PARTS.contains(&name.as_str()) {
            return Err(FormatError::invalid(
                at,
                trf("format.stored_part_unknown", &[("name", &name)]),
            ));
        }
        let json = fetch(&name, reference).ok_or_else(|| {
            FormatError::invalid(
                at.clone(),
                trf("format.stored_part_missing", &[("name", &name)]),
            )
        })?;
        let part: Value = serde_json::from_str(&json).map_err(|e| errors::not_json(e, &json))?;
        let Some(Value::Object(assessment)) = map.get_mut("assessment") else {
            // No assessment to put it in: the migrations' checks say so in their words.
            break;
        };
        let inline = assessment.get(&name);
        if inline.is_some_and(|v| v.as_array().is_none_or(|list| !list.is_empty())) {
            return Err(FormatError::invalid(
                format!("assessment.{name}"),
                trf("format.stored_part_twice", &[("name", &name)]),
            ));
        }
        assessment.insert(name.clone(), part);
        named.insert(name, reference.to_string());
    }
    Ok((value, named))
}

/// Any record: migrated from its version through a JSON tree, with errors naming their path.
pub(super) fn decode_migrating(value: Value) -> Result<(Assessment, u64), FormatError> {
    let from = migrate::check_header(&value)?;
    // Wrap the record as a one-assessment envelope so the same migration steps apply.
    let Value::Object(mut map) = value else {
        return Err(FormatError::NotOurs(
            tr("format.stored_not_an_object").to_string(),
        ));
    };
    let assessment = map.remove("assessment").unwrap_or(Value::Null);
    let revision = map.get("revision").and_then(Value::as_u64).unwrap_or(0);
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
    Ok((stored.assessment, revision))
}
