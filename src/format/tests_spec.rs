//! A file another tool writes from the docs alone: every field but an assessment's name left
//! out, the "unknown" stage, whole numbers written as `3.0`.

use serde_json::json;

use super::*;
use crate::domain::Stage;

fn minimal(assessments: serde_json::Value) -> String {
    json!({ "format": FORMAT_ID, "schema_version": SCHEMA_VERSION, "assessments": assessments })
        .to_string()
}

#[test]
fn a_file_with_only_a_name_imports_with_the_documented_defaults() {
    let text = minimal(json!([{ "name": "X" }]));
    let imported = import(&text).unwrap();
    assert_eq!(imported.kind, FileKind::Assessment);
    assert_eq!(imported.app_version, "");
    assert_eq!(imported.integrity, Integrity::Unsigned);
    let a = &imported.assessments[0];
    assert_eq!(a.name, "X");
    assert_eq!(a.profile.stage, Stage::Unknown);
    assert_eq!(a.profile.team_size, None);
    assert_eq!(a.profile.company_name, "");
    assert_eq!(a.created_at, imported.exported_at);
    assert_eq!(a.updated_at, imported.exported_at);
    assert!(a.answers.is_empty() && a.initiatives.is_empty() && a.reviews.is_empty());
    // The same file gives the same id, so a second import is recognised as the same assessment.
    assert_eq!(import(&text).unwrap().assessments[0].id, a.id);
    assert_eq!(a.id.get_version_num(), 4);
    // What the app writes back is a complete file that imports as it is.
    let again = import(&export(
        FileKind::Assessment,
        &imported.assessments,
        imported.exported_at,
    ));
    assert_eq!(again.unwrap().assessments, imported.assessments);
}

#[test]
fn the_name_is_the_one_field_an_assessment_needs() {
    let err = import(&minimal(json!([{ "profile": { "stage": "seed" } }]))).unwrap_err();
    let problems: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
    assert_eq!(problems, ["assessments[0].name: is missing"]);
}

#[test]
fn two_assessments_by_name_only_get_their_own_ids_in_a_workspace() {
    let imported = import(&minimal(json!([{ "name": "X" }, { "name": "X" }]))).unwrap();
    assert_eq!(imported.kind, FileKind::Workspace);
    assert_ne!(imported.assessments[0].id, imported.assessments[1].id);
    let none = import(&minimal(json!([]))).unwrap();
    assert_eq!(none.kind, FileKind::Workspace);
}

#[test]
fn answers_areas_and_the_profile_take_defaults_field_by_field() {
    let text = json!({
        "format": FORMAT_ID,
        "schema_version": SCHEMA_VERSION,
        "exported_at": "2026-11-23T10:00:00Z",
        "assessments": [{
            "name": "Acme",
            "created_at": "2026-12-01T00:00:00Z",
            "profile": { "company_name": "Acme", "team_size": 8 },
            "answers": { "security.access-control": { "current": 2 } },
            "areas": { "security": {} },
            "costs": { "person_week_rate": 2000.0 },
            "budget": {}
        }]
    })
    .to_string();
    let imported = import(&text).unwrap();
    let a = &imported.assessments[0];
    assert_eq!(a.profile.company_name, "Acme");
    assert_eq!(a.profile.team_size, Some(8));
    assert_eq!(a.profile.stage, Stage::Unknown);
    let answer = &a.answers["security.access-control"];
    assert_eq!((answer.current, answer.target), (Some(2), None));
    assert!(answer.notes.is_empty() && answer.evidence.is_empty());
    assert_eq!(a.areas["security"].importance, 2);
    assert_eq!(a.costs.person_week_rate, Some(2000.0));
    // Created after the stated export time: updated_at is never earlier than created_at.
    assert_eq!(a.updated_at, a.created_at);
    assert_eq!(
        imported.exported_at,
        "2026-11-23T10:00:00Z".parse::<DateTime<Utc>>().unwrap()
    );
}

#[test]
fn whole_numbers_may_be_written_with_a_fraction_as_json_schema_allows() {
    let file = |current: serde_json::Value| {
        minimal(json!([{
            "name": "X",
            "profile": { "team_size": 1e1 },
            "answers": { "security.access-control": { "current": current } }
        }]))
    };
    let a = import(&file(json!(3.0))).unwrap().assessments.remove(0);
    assert_eq!(a.answers["security.access-control"].current, Some(3));
    assert_eq!(a.profile.team_size, Some(10));
    let err = import(&file(json!(3.5))).unwrap_err();
    assert!(
        err.to_string().contains("security.access-control.current"),
        "{err}"
    );
}

#[test]
fn the_unknown_stage_survives_export_and_import() {
    let mut a = crate::domain::Assessment::new(
        uuid::Uuid::from_u128(5),
        "X",
        "2026-01-01T00:00:00Z".parse().unwrap(),
    );
    a.profile.stage = Stage::Unknown;
    let text = export(FileKind::Assessment, &[a.clone()], a.created_at);
    assert!(text.contains("\"stage\": \"unknown\""));
    let imported = import(&text).unwrap();
    assert_eq!(imported.integrity, Integrity::Intact);
    assert_eq!(imported.assessments, vec![a]);
}
