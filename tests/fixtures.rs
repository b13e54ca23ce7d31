//! Fixture files: one real file per released schema version, kept forever, plus a folder of files
//! that must be refused with a precise error.
//!
//! When `SCHEMA_VERSION` is bumped, add `tests/fixtures/v{N}.json` for the new version (export it
//! from the app) and keep every older fixture unchanged: the older ones prove that files people
//! already have on disk still open after migration.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use cto_workbench::domain::Stage;
use cto_workbench::format::{export, import, FileKind, FormatError, MIGRATIONS, SCHEMA_VERSION};
use serde_json::Value;
use uuid::Uuid;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

fn fixture_path(version: u32) -> PathBuf {
    fixtures_dir().join(format!("v{version}.json"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

#[test]
fn every_schema_version_has_a_fixture_that_imports() {
    for version in 1..=SCHEMA_VERSION {
        let path = fixture_path(version);
        assert!(
            path.is_file(),
            "missing fixture {} for schema version {version}: export a file from this build and \
             save it there",
            path.display()
        );
        let text = read(&path);
        let raw: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            raw["schema_version"],
            Value::from(version),
            "{} must declare schema_version {version}",
            path.display()
        );
        let imported = import(&text)
            .unwrap_or_else(|e| panic!("{} does not import: {e} ({e:?})", path.display()));
        let expected_from = (version < SCHEMA_VERSION).then_some(version);
        assert_eq!(imported.migrated_from, expected_from, "{}", path.display());
        assert!(!imported.assessments.is_empty(), "{}", path.display());
    }
}

#[test]
fn no_fixture_claims_a_version_this_build_does_not_know() {
    for entry in fs::read_dir(fixtures_dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some(number) = name
            .strip_prefix('v')
            .and_then(|rest| rest.strip_suffix(".json"))
        else {
            continue;
        };
        let version: u32 = number
            .parse()
            .unwrap_or_else(|_| panic!("fixture name {name} should be v<number>.json"));
        assert!(
            (1..=SCHEMA_VERSION).contains(&version),
            "fixture {name} is for schema version {version}, but this build writes version \
             {SCHEMA_VERSION}"
        );
    }
}

#[test]
fn v1_fixture_content_survives_import() {
    let imported = import(&read(&fixture_path(1))).unwrap();
    assert_eq!(imported.kind, FileKind::Workspace);
    assert_eq!(imported.app_version, "0.1.0");
    assert_eq!(imported.exported_at, at("2026-04-02T16:45:10.250Z"));
    assert_eq!(imported.assessments.len(), 2);

    let full = &imported.assessments[0];
    assert_eq!(
        full.id,
        Uuid::parse_str("3f2b6c1e-8d4a-4b7e-9c21-5a0f6e7d8c90").unwrap()
    );
    assert_eq!(full.name, "Northwind Health: Q1 2026 technology review");
    assert_eq!(full.profile.company_name, "Northwind Health Ltd");
    assert_eq!(full.profile.stage, Stage::SeriesA);
    assert_eq!(
        full.profile.industry,
        "Digital health (remote patient monitoring)"
    );
    assert_eq!(full.profile.team_size, Some(23));
    assert!(full
        .profile
        .business_model
        .starts_with("B2B2C: annual licence"));
    assert!(full
        .profile
        .mission
        .contains("\nFirst markets: UK and Germany."));
    assert!(full
        .profile
        .vision
        .ends_with("让每一位慢性病患者在家中得到照护。"));
    assert_eq!(full.created_at, at("2026-01-12T09:30:00Z"));
    assert_eq!(full.updated_at, at("2026-03-28T17:02:41.512Z"));
    assert_eq!(full.profile_completion(), (6, 6));

    let sparse = &imported.assessments[1];
    assert_eq!(
        sparse.id,
        Uuid::parse_str("a7c9e2d4-15f3-4c68-b0de-2e4f81a6937b").unwrap()
    );
    assert_eq!(sparse.name, "云帆科技 首次自评");
    assert_eq!(sparse.display_name(), "云帆科技 首次自评");
    assert_eq!(sparse.profile.company_name, "深圳云帆科技有限公司");
    assert_eq!(sparse.profile.stage, Stage::PreSeed);
    assert_eq!(sparse.profile.team_size, None);
    assert_eq!(sparse.profile.industry, "");
    assert_eq!(sparse.profile.vision, "");
    assert_eq!(sparse.created_at, sparse.updated_at);
    assert_eq!(sparse.profile_completion(), (1, 6));
}

#[test]
fn fixtures_survive_a_second_export_and_import() {
    for version in 1..=SCHEMA_VERSION {
        let first = import(&read(&fixture_path(version))).unwrap();
        let again = export(first.kind, &first.assessments, first.exported_at);
        let second = import(&again).unwrap();
        assert_eq!(second.assessments, first.assessments, "v{version}");
        assert_eq!(second.migrated_from, None, "v{version}");
    }
}

#[test]
fn every_migration_step_is_exercised_by_a_fixture() {
    for step in MIGRATIONS {
        let path = fixture_path(step.from);
        assert!(
            path.is_file(),
            "migration step from version {} has no fixture {}",
            step.from,
            path.display()
        );
        let imported = import(&read(&path)).unwrap_or_else(|e| {
            panic!(
                "{} (exercising the step from version {}) does not import: {e}",
                path.display(),
                step.from
            )
        });
        assert_eq!(
            imported.migrated_from,
            Some(step.from),
            "{} should be migrated from version {}",
            path.display(),
            step.from
        );
    }
}

#[test]
fn a_file_from_the_next_schema_version_is_refused() {
    let mut raw: Value = serde_json::from_str(&read(&fixture_path(SCHEMA_VERSION))).unwrap();
    raw["schema_version"] = Value::from(SCHEMA_VERSION + 1);
    let err = import(&raw.to_string()).unwrap_err();
    assert_eq!(
        err,
        FormatError::FromNewerVersion {
            found: u64::from(SCHEMA_VERSION + 1),
            supported: SCHEMA_VERSION,
        }
    );
    assert!(err.to_string().contains("newer version of CTO Workbench"));
}

#[test]
fn json_examples_in_the_format_doc_import() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join("format.md");
    let doc = read(&path);
    let mut found = 0;
    for block in doc.split("```json\n").skip(1) {
        let example = block.split("```").next().unwrap();
        if let Err(e) = import(example) {
            panic!(
                "an example in {} does not import: {e}\n{example}",
                path.display()
            );
        }
        found += 1;
    }
    assert!(found > 0, "no ```json example found in {}", path.display());
}

/// The files of `tests/fixtures/schema/<verdict>/`, each with its name.
fn schema_cases(verdict: &str) -> Vec<(String, String)> {
    let dir = fixtures_dir().join("schema").join(verdict);
    let mut files: Vec<(String, String)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                read(&p),
            )
        })
        .collect();
    files.sort();
    assert!(files.len() >= 5, "too few files in {}", dir.display());
    files
}

/// The reader's half of the agreement with `docs/schema.json`: every file the schema accepts
/// (`tests/fixtures/schema/valid/`) imports, every file it refuses (`invalid/`) is refused.
/// `tests/e2e/schema_agreement.test.mjs` checks the schema's half on the same files with ajv
/// (JSON Schema 2020-12), so the two verdicts agree file by file.
#[test]
fn the_reader_agrees_with_the_schema_on_every_schema_fixture() {
    for (name, text) in schema_cases("valid") {
        if let Err(e) = import(&text) {
            panic!("schema-valid {name} is refused by the reader: {e}");
        }
    }
    for (name, text) in schema_cases("invalid") {
        if let Ok(imported) = import(&text) {
            panic!("schema-invalid {name} is accepted by the reader: {imported:?}");
        }
    }
}

/// What importing a file from `tests/fixtures/invalid/` must give.
enum Expected {
    NotJson {
        line: usize,
        column: usize,
    },
    NotOurs(&'static str),
    Newer {
        found: u64,
    },
    /// Every problem, as shown to the user: `path: message`.
    Problems(&'static [&'static str]),
}

/// The bad files are schema version 1 (except `future-version.json`, which claims 999 so it stays in
/// the future); a later migration step that moves fields may change the paths expected here.
fn invalid_cases() -> Vec<(&'static str, Expected)> {
    use Expected::*;
    vec![
        ("not-json.json", NotJson { line: 5, column: 3 }),
        (
            "not-ours.json",
            NotOurs(r#"it has no "format": "cto-workbench" field"#),
        ),
        ("future-version.json", Newer { found: 999 }),
        (
            "unknown-stage.json",
            Problems(&[
                r#"assessments[0].profile.stage: unknown value "series Z" (expected one of "pre-seed", "seed", "series-a", "series-b-plus", "unknown")"#,
            ]),
        ),
        (
            "missing-field.json",
            // The name is the one field of an assessment a file cannot leave out.
            Problems(&["assessments[1].name: is missing"]),
        ),
        (
            "unknown-field.json",
            Problems(&[
                // The real field left out would default to empty: the misspelling is still named.
                r#"assessments[0].profile.misson: is not a field this format knows (expected one of "company_name", "stage", "industry", "team_size", "business_model", "mission", "vision", "currency")"#,
            ]),
        ),
        (
            "duplicate-id.json",
            Problems(&[
                "assessments[1].id: the same id as assessments[0]; each assessment needs its own id",
            ]),
        ),
        (
            "out-of-range.json",
            Problems(&[
                "assessments[0].profile.team_size: 2500000 is out of range; expected a whole number from 0 to 1000000",
                "assessments[1].updated_at: is earlier than created_at",
            ]),
        ),
        (
            "kind-assessment-with-two.json",
            Problems(&[
                r#"assessments: a file of kind "assessment" holds exactly one assessment, found 2"#,
            ]),
        ),
    ]
}

#[test]
fn invalid_files_are_refused_with_the_expected_error() {
    let dir = fixtures_dir().join("invalid");
    let cases = invalid_cases();

    // Every file in the folder has an expectation, so a new bad file cannot be silently skipped.
    let mut on_disk: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = cases.iter().map(|(name, _)| name.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "files in {} vs. cases", dir.display());

    for (name, expected) in cases {
        let err = match import(&read(&dir.join(name))) {
            Ok(imported) => panic!("{name} was accepted: {imported:?}"),
            Err(e) => e,
        };
        match (expected, &err) {
            (
                Expected::NotJson { line, column },
                FormatError::NotJson {
                    line: l, column: c, ..
                },
            ) => assert_eq!((*l, *c), (line, column), "{name}: {err}"),
            (Expected::NotOurs(why), FormatError::NotOurs(got)) => {
                assert_eq!(got, why, "{name}")
            }
            (
                Expected::Newer { found },
                FormatError::FromNewerVersion {
                    found: f,
                    supported,
                },
            ) => {
                assert_eq!((*f, *supported), (found, SCHEMA_VERSION), "{name}")
            }
            (Expected::Problems(want), FormatError::Invalid(problems)) => {
                let got: Vec<String> = problems.iter().map(ToString::to_string).collect();
                assert_eq!(got, want, "{name}");
                // Each problem carries its path separately, for the list on screen.
                for (problem, line) in problems.iter().zip(want) {
                    assert!(!problem.path.is_empty(), "{name}: {line}");
                    assert!(line.starts_with(&format!("{}: ", problem.path)), "{name}");
                }
            }
            (_, other) => panic!("{name}: unexpected error {other:?} ({other})"),
        }
        // Whatever the error, the sentence shown to the user is never empty.
        assert!(!err.to_string().is_empty(), "{name}");
    }
}

#[test]
fn v2_fixture_keeps_answers_context_and_unknown_questions() {
    let imported = import(&read(&fixture_path(2))).unwrap();
    assert_eq!(imported.assessments.len(), 2);
    let demo = &imported.assessments[0];
    assert_eq!(demo.profile.company_name, "Harbourline Logistics");
    let audit = &demo.answers["delivery.continuous-integration"];
    assert_eq!(
        audit.evidence,
        ["https://wiki.harbourline.example/engineering/ci"]
    );
    assert!(demo.answers["vendors.exit-plans"].not_applicable.is_some());
    assert_eq!(demo.answers["security.access-control"].target, Some(3));
    assert_eq!(demo.areas["security"].importance, 3);
    // An answer to a question this build's content does not have is kept, not dropped.
    assert_eq!(
        demo.answers["retired.question-from-a-newer-content"].current,
        Some(2)
    );
    assert_eq!(demo.swot.threats.len(), 2);
    assert_eq!(demo.stakeholders.len(), 5);
    assert_eq!(demo.inventory.len(), 9);
    assert_eq!(demo.inventory[8].monthly_cost, None);
    assert_eq!(demo.decisions.len(), 3);
    assert_eq!(imported.assessments[1].name, "简单评估 (small)");
    assert!(imported.assessments[1].answers.is_empty());
}

#[test]
fn v3_fixture_keeps_scorecards() {
    let imported = import(&read(&fixture_path(3))).unwrap();
    let demo = &imported.assessments[0];
    assert_eq!(demo.scorecards.len(), 3);
    let partner = &demo.scorecards[0];
    assert_eq!(partner.candidates.len(), 3);
    assert_eq!(partner.project_kind.as_deref(), Some("market-specific"));
    let kestrel = &partner.candidates[1];
    assert_eq!(kestrel.name, "Kestrel Software");
    assert_eq!(kestrel.reviews.len(), 2);
    assert_eq!(
        kestrel.scores["partner.mindshare"].indicators["return-call-hours"],
        1.0
    );
    assert_eq!(kestrel.culture.len(), 8);
    assert_eq!(
        demo.scorecards[2].criteria.last().map(|c| c.must_have),
        Some(Some(3))
    );
    assert_eq!(imported.assessments[1].scorecards[0].candidates.len(), 0);
}

#[test]
fn v4_fixture_keeps_goals_and_kpis() {
    let imported = import(&read(&fixture_path(4))).unwrap();
    let demo = &imported.assessments[0];
    assert_eq!(demo.kpis.len(), 10);
    let lead = demo
        .kpis
        .iter()
        .find(|k| k.preset.as_deref() == Some("dora.lead-time"))
        .unwrap();
    assert_eq!(lead.measurements.len(), 27);
    assert_eq!(lead.target.map(|t| t.value), Some(24.0));
    assert_eq!(demo.goals.len(), 2);
    assert_eq!(demo.goals[0].key_results[0].kpi, Some(lead.id));
    assert!(imported.assessments[1].kpis.is_empty());
}

#[test]
fn v5_fixture_keeps_the_plan() {
    use cto_workbench::domain::roadmap::{deps, InitiativeStatus};
    let imported = import(&read(&fixture_path(5))).unwrap();
    let demo = &imported.assessments[0];
    assert_eq!(demo.initiatives.len(), 36);
    assert_eq!(
        demo.initiatives
            .iter()
            .filter(|i| i.status == InitiativeStatus::Dropped)
            .count(),
        1
    );
    assert!(
        demo.initiatives
            .iter()
            .map(|i| i.depends_on.len())
            .sum::<usize>()
            >= 15
    );
    assert_eq!(deps::find_cycle(&demo.initiatives), None);
    assert_eq!(deps::conflicts(&demo.initiatives).len(), 1);
    assert_eq!(demo.risks.len(), 12);
    assert!(demo.risks.iter().all(|r| r
        .initiatives
        .iter()
        .all(|i| demo.initiatives.iter().any(|x| x.id == *i))));
    assert_eq!(demo.team.people.len(), 8);
    assert_eq!(demo.team.changes.len(), 3);
    assert_eq!(demo.budget.quarters.len(), 4);
    assert_eq!(demo.budget.running_costs.len(), 3);
    let second = &imported.assessments[1];
    assert!(second.initiatives.is_empty() && second.risks.is_empty());
    assert!(second.team.people.is_empty() && second.budget.quarters.is_empty());
}

#[test]
fn v6_fixture_keeps_the_review_snapshots_and_its_fingerprint() {
    use cto_workbench::domain::review::AreaStatus;
    use cto_workbench::format::Integrity;
    let text = read(&fixture_path(6));
    let imported = import(&text).unwrap();
    assert_eq!(imported.integrity, Integrity::Intact);
    let demo = &imported.assessments[0];
    assert_eq!(demo.reviews.len(), 1);
    assert_eq!(demo.reviews[0].reviewer, "Priya Nair, fractional CTO");
    assert_eq!(demo.reviews[0].answers.len(), 5);
    assert_eq!(
        demo.reviews[0].areas.get("strategy").map(|r| r.status),
        Some(AreaStatus::Challenged)
    );
    assert_eq!(demo.snapshots.len(), 3);
    assert!(demo
        .snapshots
        .windows(2)
        .all(|w| w[0].taken_at < w[1].taken_at));
    let second = &imported.assessments[1];
    assert!(second.snapshots.is_empty() && second.reviews.is_empty());
    // One hand edit in the file: still imported, but no longer intact.
    let edited = text.replacen("Priya Nair", "Priya Naír", 1);
    assert_eq!(import(&edited).unwrap().integrity, Integrity::Edited);
}

/// The indicator `id` of criterion `criterion` in the first scorecard of `a`.
fn indicator<'a>(
    a: &'a cto_workbench::domain::Assessment,
    criterion: &str,
    id: &str,
) -> &'a cto_workbench::domain::scorecard::Indicator {
    let card = &a.scorecards[0];
    let c = card.criteria.iter().find(|c| c.id == criterion).unwrap();
    c.indicators.iter().find(|i| i.id == id).unwrap()
}

#[test]
fn v6_fixture_migrates_to_money_and_keeps_each_gate() {
    let imported = import(&read(&fixture_path(6))).unwrap();
    let demo = &imported.assessments[0];
    assert_eq!(demo.profile.currency, "");
    assert_eq!(demo.costs, cto_workbench::domain::costs::Costs::default());
    assert!(demo
        .scorecards
        .iter()
        .flat_map(|c| &c.candidates)
        .all(|c| c.monthly_price.is_none()));
    // Mindshare was a must-have criterion, so its indicator stays a gate; Talent was not.
    assert!(indicator(demo, "partner.mindshare", "return-call-hours").must_have);
    assert!(!indicator(demo, "partner.talent", "attrition-percent").must_have);
}

#[test]
fn v7_fixture_keeps_money_and_indicator_gates() {
    let imported = import(&read(&fixture_path(7))).unwrap();
    let demo = &imported.assessments[0];
    assert_eq!(demo.profile.currency, "EUR");
    assert_eq!(demo.costs.person_week_rate, Some(2500.0));
    assert_eq!(demo.costs.freelance_day_rate, Some(650.0));
    assert_eq!(demo.costs.hire_months_to_start, Some(3.0));
    let card = &demo.scorecards[0];
    assert_eq!(card.candidates[0].monthly_price, Some(18000.0));
    assert_eq!(card.candidates[2].monthly_price, Some(24500.5));
    // Marked in the file although its criterion is no must-have.
    assert!(indicator(demo, "partner.talent", "attrition-percent").must_have);
    let second = &imported.assessments[1];
    assert_eq!(second.profile.currency, "");
    assert_eq!(second.costs.person_week_rate, None);
}

#[test]
fn v7_fixture_migrates_its_review_to_one_reviewer_with_a_derived_id() {
    let text = read(&fixture_path(7));
    let first = import(&text).unwrap();
    assert_eq!(first.migrated_from, Some(7));
    let demo = &first.assessments[0];
    assert_eq!(demo.reviews.len(), 1);
    let r = &demo.reviews[0];
    assert_eq!(r.reviewer, "Priya Nair, fractional CTO");
    assert_eq!(r.answers.len(), 5);
    assert_eq!(r.updated_at, None);
    assert!(!r.reviewer_id.is_nil());
    // Derived from the assessment, not random: a second migration of the same file agrees, so the
    // founder's stored copy and the consultant's returned file name the same reviewer.
    let again = import(&text).unwrap();
    assert_eq!(again.assessments[0].reviews[0].reviewer_id, r.reviewer_id);
    // The empty v7 review of the second assessment leaves no reviewer behind.
    assert!(first.assessments[1].reviews.is_empty());
    assert!(demo.report.summary.is_empty() && demo.report.recommendations.is_empty());
    // Another assessment's review gets another id.
    let mut other: Value = serde_json::from_str(&text).unwrap();
    other["assessments"][0]["id"] = Value::from("6c756d65-6e00-4000-8000-0000000000ff");
    let other = import(&other.to_string()).unwrap();
    assert_ne!(other.assessments[0].reviews[0].reviewer_id, r.reviewer_id);
}

#[test]
fn v8_fixture_keeps_two_reviewers_private_notes_and_the_report_texts() {
    use cto_workbench::domain::review::{reviewed_levels, AreaStatus};
    use cto_workbench::format::Integrity;
    let imported = import(&read(&fixture_path(8))).unwrap();
    assert_eq!(imported.integrity, Integrity::Intact);
    let demo = &imported.assessments[0];
    let names: Vec<&str> = demo.reviews.iter().map(|r| r.reviewer.as_str()).collect();
    assert_eq!(
        names,
        ["Priya Nair, fractional CTO", "Li Wei, security adviser"]
    );
    let li = &demo.reviews[1];
    assert_eq!(
        li.answers["security.access-control"].private_note,
        "Ask Tomás for the audit log export before the board meeting."
    );
    assert_eq!(li.areas["security"].status, AreaStatus::Agreed);
    assert_eq!(li.private_notes(), 2);
    // Li's review is the more recent, so the reviewed level of the strategy question is hers.
    assert_eq!(
        demo.reviews[0].answers["strategy.written-strategy"].level,
        Some(1)
    );
    assert_eq!(reviewed_levels(demo, None)["strategy.written-strategy"], 2);
    assert_eq!(
        reviewed_levels(demo, Some(demo.reviews[0].reviewer_id))["strategy.written-strategy"],
        1
    );
    assert!(demo.report.summary.starts_with("Harbourline's technology"));
    assert!(demo
        .report
        .recommendations
        .contains("\n2. Finish access control."));
}

#[test]
fn v8_fixture_moves_a_retired_answer_and_keeps_the_one_without_a_move() {
    let raw: Value = serde_json::from_str(&read(&fixture_path(8))).unwrap();
    let old = &raw["assessments"][0];
    let imported = import(&read(&fixture_path(8))).unwrap();
    assert_eq!(imported.migrated_from, Some(8));
    let demo = &imported.assessments[0];
    // Written goals became mission and vision plus yearly goals; the answer (OKRs for the year)
    // is about the yearly goals, and moves there whole.
    let moved = &demo.answers["business-goals.yearly-goals"];
    assert_eq!(moved.current, Some(2));
    assert_eq!(
        moved.notes,
        "Company OKRs for 2026 agreed with the board in January."
    );
    assert_eq!(
        moved.evidence,
        ["https://wiki.harbourline.example/okrs-2026"]
    );
    assert!(!demo.answers.contains_key("business-goals.written-goals"));
    assert!(!demo.answers.contains_key("business-goals.mission-vision"));
    // Data protection was split with no honest move: the answer and the reviewer's word stay.
    let kept = &demo.answers["security.data-protection"];
    assert_eq!((kept.current, kept.target), (Some(2), Some(3)));
    assert!(!demo.answers.contains_key("security.personal-data"));
    assert_eq!(
        demo.reviews[0].answers["security.data-protection"].level,
        Some(1)
    );
    // Not one answer or reviewer entry is lost.
    let count = |v: &Value| v.as_object().map_or(0, |m| m.len());
    assert_eq!(demo.answers.len(), count(&old["answers"]));
    for (i, r) in demo.reviews.iter().enumerate() {
        assert_eq!(r.answers.len(), count(&old["reviews"][i]["answers"]));
    }
    // Snapshots are history: they keep the ids they were taken with.
    for (i, s) in demo.snapshots.iter().enumerate() {
        let before = &old["snapshots"][i]["answers"];
        assert_eq!(s.answers.len(), count(before), "snapshot {i}");
        assert!(s.answers.contains_key("business-goals.written-goals"));
    }
}
