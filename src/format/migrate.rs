//! The migration chain: one step per schema version ever released, each turning a version-N
//! document into a version-N+1 document. Steps are never edited once released; a new shape adds a
//! step. Works on raw JSON so old files need no old Rust types.

use serde_json::Value;

use super::{FormatError, FORMAT_ID, SCHEMA_VERSION};
use crate::i18n::{tr, trf};

pub mod v9;

/// One step of the chain.
pub struct Migration {
    /// The version this step reads; it writes `from + 1`.
    pub from: u32,
    /// What changed, for the format doc and the import message.
    pub summary: &'static str,
    pub run: fn(&mut Value) -> Result<(), FormatError>,
}

/// Every step, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        from: 1,
        summary: "adds the self-assessment: answers, area settings, SWOT, stakeholders, \
                  technology inventory and stack decisions, all empty",
        run: v1_to_v2,
    },
    Migration {
        from: 2,
        summary: "adds scorecards for choosing engineering partners and tools, none yet",
        run: v2_to_v3,
    },
    Migration {
        from: 3,
        summary: "adds goals with key results and KPIs with measurements, none yet",
        run: v3_to_v4,
    },
    Migration {
        from: 4,
        summary: "adds the roadmap's initiatives, the budget, the team and the risk register, \
                  all empty",
        run: v4_to_v5,
    },
    Migration {
        from: 5,
        summary: "adds a consultant's review (per answer and per area) and snapshots, both empty",
        run: v5_to_v6,
    },
    Migration {
        from: 6,
        summary: "adds money: a currency per assessment, cost assumptions (none given), a monthly \
                  price per scorecard candidate (unknown), and marks each indicator as a \
                  must-have exactly where its criterion was one",
        run: v6_to_v7,
    },
    Migration {
        from: 7,
        summary: "keeps reviews per reviewer (the one review becomes its first reviewer, with an \
                  id derived from the assessment's) and adds the board report's summary and \
                  recommendations, both empty",
        run: v7_to_v8,
    },
    Migration {
        from: 8,
        summary: "the framework's second edition: an answer to a retired question moves to the \
                  question that now asks the same thing when that one has no answer yet, with \
                  each reviewer's word on it; otherwise it stays under the retired id, shown as \
                  a retired answer. Snapshots stay as taken",
        run: v9::v8_to_v9,
    },
];

/// Version 8 keeps one review per reviewer and adds the report's texts. A non-empty version-7
/// review becomes one reviewer named as before; an empty one (no name, no entry) is dropped.
fn v7_to_v8(doc: &mut Value) -> Result<(), FormatError> {
    for_each_assessment(doc, |a| {
        let reviews = match a.remove("review") {
            Some(Value::Object(mut old)) => {
                let says_something = |key: &str| match old.get(key) {
                    Some(Value::String(s)) => !s.trim().is_empty(),
                    Some(Value::Object(m)) => !m.is_empty(),
                    Some(Value::Null) | None => false,
                    Some(_) => true,
                };
                if ["reviewer", "answers", "areas"]
                    .into_iter()
                    .any(says_something)
                {
                    let id = a.get("id").and_then(Value::as_str).unwrap_or_default();
                    old.insert(
                        "reviewer_id".into(),
                        Value::String(migrated_reviewer_id(id).to_string()),
                    );
                    old.insert("updated_at".into(), Value::Null);
                    vec![Value::Object(old)]
                } else {
                    Vec::new()
                }
            }
            // Not an object: kept as it was under the new name, for validation to report with
            // its path rather than silently dropped.
            Some(other) => vec![other],
            None => Vec::new(),
        };
        a.insert("reviews".into(), Value::Array(reviews));
        a.entry("report")
            .or_insert(serde_json::json!({ "summary": "", "recommendations": "" }));
    });
    Ok(())
}

/// The id a version-7 review's reviewer gets: derived from the assessment's id alone, so the
/// founder's stored copy and the consultant's returned file, both migrated, name the same
/// reviewer and merge as one. A version 8 UUID (custom) from the first 16 bytes of SHA-256.
pub(crate) fn migrated_reviewer_id(assessment_id: &str) -> uuid::Uuid {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("cto-workbench v7 review of {assessment_id}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    uuid::Uuid::from_bytes(bytes)
}

/// Version 7 added money and explicit indicator gates. Before it, every indicator of a
/// must-have criterion was a gate, so those are marked must-have to keep each decision as it was.
fn v6_to_v7(doc: &mut Value) -> Result<(), FormatError> {
    for_each_assessment(doc, |a| {
        if let Some(Value::Object(profile)) = a.get_mut("profile") {
            profile
                .entry("currency")
                .or_insert(Value::String(String::new()));
        }
        a.entry("costs").or_insert(serde_json::json!({
            "person_week_rate": null, "hire_monthly_salary": null, "hire_recruiting_cost": null,
            "hire_months_to_start": null, "hire_ramp_up_months": null, "freelance_day_rate": null
        }));
        let Some(Value::Array(cards)) = a.get_mut("scorecards") else {
            return;
        };
        for card in cards.iter_mut().filter_map(Value::as_object_mut) {
            if let Some(Value::Array(criteria)) = card.get_mut("criteria") {
                for c in criteria.iter_mut().filter_map(Value::as_object_mut) {
                    let gate = c.get("must_have").is_some_and(|m| !m.is_null());
                    if let Some(Value::Array(indicators)) = c.get_mut("indicators") {
                        for ind in indicators.iter_mut().filter_map(Value::as_object_mut) {
                            ind.entry("must_have").or_insert(Value::Bool(gate));
                        }
                    }
                }
            }
            if let Some(Value::Array(candidates)) = card.get_mut("candidates") {
                for cand in candidates.iter_mut().filter_map(Value::as_object_mut) {
                    cand.entry("monthly_price").or_insert(Value::Null);
                }
            }
        }
    });
    Ok(())
}

/// Version 6 added reviews and snapshots; a version-5 assessment has neither.
fn v5_to_v6(doc: &mut Value) -> Result<(), FormatError> {
    for_each_assessment(doc, |a| {
        a.entry("review").or_insert(serde_json::json!({
            "reviewer": "", "answers": {}, "areas": {}
        }));
        a.entry("snapshots").or_insert(serde_json::json!([]));
    });
    Ok(())
}

/// Version 5 added planning: initiatives, budget, team and risks; a version-4 assessment has none.
fn v4_to_v5(doc: &mut Value) -> Result<(), FormatError> {
    for_each_assessment(doc, |a| {
        let empty = [
            ("initiatives", serde_json::json!([])),
            (
                "budget",
                serde_json::json!({ "quarters": [], "running_costs": [] }),
            ),
            (
                "team",
                serde_json::json!({ "people": [], "changes": [], "responsibilities": {} }),
            ),
            ("risks", serde_json::json!([])),
        ];
        for (key, value) in empty {
            a.entry(key).or_insert(value);
        }
    });
    Ok(())
}

/// Version 4 added goals and KPIs; a version-3 assessment has none.
fn v3_to_v4(doc: &mut Value) -> Result<(), FormatError> {
    for_each_assessment(doc, |a| {
        a.entry("goals").or_insert(serde_json::json!([]));
        a.entry("kpis").or_insert(serde_json::json!([]));
    });
    Ok(())
}

/// Version 3 added scorecards; a version-2 assessment has none.
fn v2_to_v3(doc: &mut Value) -> Result<(), FormatError> {
    for_each_assessment(doc, |a| {
        a.entry("scorecards").or_insert(serde_json::json!([]));
    });
    Ok(())
}

/// Version 2 added the assessment itself; a version-1 assessment has answered nothing yet.
fn v1_to_v2(doc: &mut Value) -> Result<(), FormatError> {
    for_each_assessment(doc, |a| {
        let empty = [
            ("answers", serde_json::json!({})),
            ("areas", serde_json::json!({})),
            (
                "swot",
                serde_json::json!({
                    "strengths": [], "weaknesses": [], "opportunities": [], "threats": []
                }),
            ),
            ("stakeholders", serde_json::json!([])),
            ("inventory", serde_json::json!([])),
            ("decisions", serde_json::json!([])),
        ];
        for (key, value) in empty {
            a.entry(key).or_insert(value);
        }
    });
    Ok(())
}

/// Applies `edit` to every assessment object in the document; anything malformed is left for
/// validation to report with its path.
fn for_each_assessment(doc: &mut Value, mut edit: impl FnMut(&mut serde_json::Map<String, Value>)) {
    if let Some(list) = doc.get_mut("assessments").and_then(Value::as_array_mut) {
        for a in list.iter_mut().filter_map(Value::as_object_mut) {
            edit(a);
        }
    }
}

/// Checks the fields every version shares and returns the file's schema version.
pub(super) fn check_header(value: &Value) -> Result<u32, FormatError> {
    let Value::Object(map) = value else {
        return Err(FormatError::NotOurs(
            tr("format.header_not_an_object").to_string(),
        ));
    };
    match map.get("format") {
        None => {
            return Err(FormatError::NotOurs(trf(
                "format.header_no_format_field",
                &[("id", FORMAT_ID)],
            )))
        }
        Some(Value::String(s)) if s == FORMAT_ID => {}
        Some(other) => {
            return Err(FormatError::NotOurs(trf(
                "format.header_wrong_format",
                &[("value", &other.to_string()), ("id", FORMAT_ID)],
            )))
        }
    }
    let version = match map.get("schema_version") {
        None => {
            return Err(FormatError::invalid(
                "schema_version",
                tr("format.errors_missing"),
            ))
        }
        Some(v) => v.as_u64().ok_or_else(|| {
            FormatError::invalid(
                "schema_version",
                trf(
                    "format.header_version_not_a_number",
                    &[("found", &v.to_string())],
                ),
            )
        })?,
    };
    if version == 0 {
        return Err(FormatError::invalid(
            "schema_version",
            tr("format.migrate_version_zero"),
        ));
    }
    if version > u64::from(SCHEMA_VERSION) {
        return Err(FormatError::FromNewerVersion {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    // Checked against SCHEMA_VERSION (a u32) just above.
    Ok(version as u32)
}

/// Runs every step from `from` up to the current version, updating `schema_version` as it goes.
pub(super) fn run(value: &mut Value, from: u32) -> Result<Vec<u32>, FormatError> {
    let mut ran = Vec::new();
    for step in MIGRATIONS.iter().filter(|m| m.from >= from) {
        (step.run)(value)?;
        if let Value::Object(map) = value {
            map.insert("schema_version".into(), Value::from(step.from + 1));
        }
        ran.push(step.from);
    }
    Ok(ran)
}
