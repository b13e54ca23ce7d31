use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use uuid::Uuid;

use super::*;
use crate::domain::answers::{Answer, AreaSettings, Confidence};
use crate::domain::context::{
    Category, DecisionRecord, DecisionStatus, Degree, InventoryItem, Lifecycle, Stakeholder,
    SwotItem,
};
use crate::domain::{Assessment, CompanyProfile, Stage, Workspace};

fn at(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap()
}

fn sample() -> Assessment {
    let mut a = Assessment::new(Uuid::from_u128(7), "Q3 review", at(1_800_000_000));
    a.profile.company_name = "Acme <script>alert(1)</script>".into();
    a.profile.stage = Stage::SeriesA;
    a.profile.team_size = Some(23);
    a
}

fn problems_of(text: &str) -> Vec<String> {
    match import(text) {
        Err(FormatError::Invalid(p)) => p.iter().map(Problem::to_string).collect(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn file_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(&export(FileKind::Workspace, &[sample()], at(1_800_000_100))).unwrap();
    edit(&mut v);
    v.to_string()
}

#[test]
fn export_then_import_gives_the_same_assessments() {
    let text = export(FileKind::Assessment, &[sample()], at(1_800_000_100));
    let imported = import(&text).unwrap();
    assert_eq!(imported.assessments, vec![sample()]);
    assert_eq!(imported.kind, FileKind::Assessment);
    assert_eq!(imported.exported_at, at(1_800_000_100));
    assert_eq!(imported.migrated_from, None);
}

#[test]
fn not_json_reports_line_and_column() {
    let err = import("{\n  \"format\": \"cto-workbench\",\n  oops\n}").unwrap_err();
    match err {
        FormatError::NotJson { line, .. } => assert_eq!(line, 3),
        other => panic!("expected NotJson, got {other:?}"),
    }
    assert!(matches!(import(""), Err(FormatError::NotJson { .. })));
    assert!(matches!(
        import("\u{0}\u{1}binary"),
        Err(FormatError::NotJson { .. })
    ));
}

#[test]
fn other_json_is_not_ours() {
    for text in ["[]", "42", "{}", r#"{"format":"excel"}"#, r#"{"format":7}"#] {
        let err = import(text).unwrap_err();
        assert!(matches!(err, FormatError::NotOurs(_)), "{text}: {err:?}");
        assert!(err
            .to_string()
            .starts_with("This is not a CTO Workbench file"));
    }
}

#[test]
fn unknown_stage_names_the_path_and_the_value() {
    let text = file_with(|v| v["assessments"][0]["profile"]["stage"] = "series Z".into());
    let problems = problems_of(&text);
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("assessments[0].profile.stage: unknown value \"series Z\""),
        "{problems:?}"
    );
    assert!(problems[0].contains("\"series-a\""));
}

#[test]
fn wrong_types_name_the_path() {
    let text = file_with(|v| v["assessments"][0]["profile"]["team_size"] = "twelve".into());
    let problems = problems_of(&text);
    assert!(
        problems[0].starts_with("assessments[0].profile.team_size: expected"),
        "{problems:?}"
    );
    let text = file_with(|v| v["assessments"] = "none".into());
    assert!(problems_of(&text)[0].starts_with("assessments: expected a list"));
    let text = file_with(|v| v["assessments"][0]["id"] = "not-a-uuid".into());
    assert!(
        problems_of(&text)[0].starts_with("assessments[0].id: is not a valid id"),
        "{:?}",
        problems_of(&text)
    );
    let text = file_with(|v| v["assessments"][0]["created_at"] = "yesterday".into());
    assert!(problems_of(&text)[0].starts_with("assessments[0].created_at"));
}

#[test]
fn missing_fields_are_named_with_their_path() {
    // The assessment's name is the one field of an assessment a file must give.
    let text = file_with(|v| {
        v["assessments"][0].as_object_mut().unwrap().remove("name");
    });
    assert_eq!(problems_of(&text), ["assessments[0].name: is missing"]);
}

#[test]
fn a_file_of_our_format_without_a_version_reads_as_this_version() {
    // The issue's smallest file: the format, and one assessment with a name.
    let text = r#"{"format": "cto-workbench", "assessments": [{"name": "X"}]}"#;
    let imported = import(text).expect("imports");
    assert_eq!(imported.assessments.len(), 1);
    assert_eq!(imported.assessments[0].name, "X");
    assert_eq!(imported.migrated_from, None, "read as this version");
    // Not ours: still refused, by its format.
    let other = r#"{"format": "other-tool", "assessments": [{"name": "X"}]}"#;
    assert!(import(other).is_err());
}

#[test]
fn unknown_fields_are_refused_so_typos_do_not_drop_data() {
    let text = file_with(|v| v["assessments"][0]["profile"]["misson"] = "typo".into());
    let problems = problems_of(&text);
    assert!(
        problems[0].starts_with("assessments[0].profile.misson: is not a field"),
        "{problems:?}"
    );
}

#[test]
fn versions_out_of_range() {
    let newer = file_with(|v| v["schema_version"] = (SCHEMA_VERSION + 1).into());
    let err = import(&newer).unwrap_err();
    assert!(matches!(err, FormatError::FromNewerVersion { .. }));
    assert!(err.to_string().contains("newer version"));
    let zero = file_with(|v| v["schema_version"] = 0.into());
    assert!(problems_of(&zero)[0].starts_with("schema_version: 0 is out of range"));
    for bad in [
        serde_json::json!("1"),
        serde_json::json!(-1),
        serde_json::json!(1.5),
    ] {
        let text = file_with(|v| v["schema_version"] = bad.clone());
        assert!(problems_of(&text)[0].starts_with("schema_version: expected a whole number"));
    }
}

#[test]
fn out_of_range_values_are_all_reported() {
    let text = file_with(|v| {
        let a = &mut v["assessments"][0];
        a["profile"]["team_size"] = (MAX_TEAM + 1).into();
        a["updated_at"] = "2000-01-01T00:00:00Z".into();
        a["profile"]["vision"] = "x".repeat(crate::domain::model::MAX_TEXT_CHARS + 1).into();
    });
    let problems = problems_of(&text);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems
        .iter()
        .any(|p| p.starts_with("assessments[0].profile.team_size: 1000001 is out of range")));
    assert!(problems
        .iter()
        .any(|p| p.starts_with("assessments[0].updated_at:")));
    assert!(problems
        .iter()
        .any(|p| p.starts_with("assessments[0].profile.vision:")));
    let negative = file_with(|v| v["assessments"][0]["profile"]["team_size"] = (-3).into());
    assert_eq!(
        problems_of(&negative),
        ["assessments[0].profile.team_size: integer -3 is out of range (expected a whole number of 0 or more)"]
    );
}

const MAX_TEAM: u32 = crate::domain::model::MAX_TEAM_SIZE;

#[test]
fn duplicate_ids_and_kind_mismatch_are_refused() {
    let text = export(
        FileKind::Workspace,
        &[sample(), sample()],
        at(1_800_000_100),
    );
    assert_eq!(
        problems_of(&text),
        ["assessments[1].id: the same id as assessments[0]; each assessment needs its own id"]
    );
    let text = export(FileKind::Assessment, &[], at(1_800_000_100));
    assert!(problems_of(&text)[0].starts_with("assessments: a file of kind \"assessment\""));
}

#[test]
fn stored_records_round_trip_and_reject_garbage() {
    let a = sample();
    assert_eq!(decode_stored(&encode_stored(&a)).unwrap(), a);
    assert!(decode_stored("{not json").is_err());
    assert!(decode_stored("{\"format\":\"cto-workbench\",\"schema_version\":99}").is_err());
    assert!(decode_stored("{\"format\":\"cto-workbench\",\"schema_version\":1}").is_err());
}

#[test]
fn stored_records_read_the_same_by_the_fast_and_the_migrating_path() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let heavy = crate::domain::demo::large::heavy_assessment(1, today);
    for (a, revision) in [(sample(), 0), (heavy, 41)] {
        let text = encode_stored_revision(&a, revision);
        let (fast, trusted) = super::stored::decode_current(&text, None, &|_, _| None)
            .expect("this build's own record reads directly");
        assert_eq!(
            trusted,
            super::validate::Trusted::default(),
            "nothing to trust without a base"
        );
        assert_eq!(fast.revision, revision);
        assert_eq!(fast.assessment, a);
        assert_eq!(
            super::stored::decode_migrating(serde_json::from_str(&text).unwrap()).unwrap(),
            (a, revision)
        );
    }
    // A record in an older schema is not taken by the direct path, so it is migrated.
    let file: Value = serde_json::from_str(include_str!("../../tests/fixtures/v1.json")).unwrap();
    let old = serde_json::json!({
        "format": FORMAT_ID,
        "schema_version": 1,
        "assessment": file["assessments"][0],
    })
    .to_string();
    assert!(super::stored::decode_current(&old, None, &|_, _| None).is_none());
    let (migrated, revision) = decode_stored_revision(&old).unwrap();
    assert_eq!(revision, 0);
    assert_eq!(
        migrated,
        import(include_str!("../../tests/fixtures/v1.json"))
            .unwrap()
            .assessments[0]
    );
}

#[test]
fn stored_records_with_a_problem_get_the_full_explanation() {
    let mut record: Value = serde_json::from_str(&encode_stored_revision(&sample(), 3)).unwrap();
    record["assessment"]["answers"] = serde_json::json!({ "x.y": { "level": "high" } });
    let text = record.to_string();
    assert!(super::stored::decode_current(&text, None, &|_, _| None).is_none());
    let err = decode_stored(&text).unwrap_err().to_string();
    assert!(err.contains("answers"), "{err}");
}

#[test]
fn migration_chain_is_contiguous_and_ends_at_current_version() {
    for (i, m) in MIGRATIONS.iter().enumerate() {
        assert_eq!(m.from, i as u32 + 1, "step {i} must read version {}", i + 1);
    }
    assert_eq!(MIGRATIONS.len() as u32 + 1, SCHEMA_VERSION);
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z0-9 ,.'-]{0,30}",
        any::<String>().prop_map(|s| s.chars().take(40).collect()),
        Just("技术负责人 <b>\"quoted\"</b>\n\ttab".to_string()),
    ]
}

fn answer_strategy() -> impl Strategy<Value = Answer> {
    (
        proptest::option::of(0u8..=4),
        proptest::option::of(0u8..=4),
        proptest::option::of("[a-z ]{1,20}"),
        proptest::option::of(0usize..3),
        text_strategy(),
        proptest::collection::vec(
            prop_oneof![
                Just("https://example.com/a?b=c&d".to_string()),
                Just("mailto:cto@example.com".to_string()),
                "https://[a-z]{1,10}\\.org/[a-z0-9]{0,8}",
            ],
            0..3,
        ),
    )
        .prop_map(|(current, target, na, conf, notes, evidence)| Answer {
            current,
            target,
            not_applicable: na.filter(|r| !r.trim().is_empty()),
            confidence: conf.map(|i| Confidence::ALL[i]),
            notes,
            evidence,
        })
}

fn context_strategy() -> impl Strategy<
    Value = (
        Vec<SwotItem>,
        Vec<Stakeholder>,
        Vec<InventoryItem>,
        Vec<DecisionRecord>,
    ),
> {
    (
        proptest::collection::vec(
            (
                any::<u128>(),
                text_strategy(),
                proptest::option::of("[a-z]{1,8}"),
            ),
            0..3,
        ),
        proptest::collection::vec((any::<u128>(), text_strategy(), 0usize..3, 0usize..3), 0..3),
        proptest::collection::vec(
            (
                any::<u128>(),
                text_strategy(),
                0usize..4,
                0usize..4,
                proptest::option::of(0.0f64..1.0e6),
            ),
            0..3,
        ),
        proptest::collection::vec(
            (
                any::<u128>(),
                text_strategy(),
                0usize..4,
                proptest::option::of(0i32..20_000),
            ),
            0..3,
        ),
    )
        .prop_map(|(swot, people, items, decisions)| {
            (
                swot.into_iter()
                    .map(|(id, text, area)| SwotItem {
                        id: Uuid::from_u128(id),
                        text,
                        area,
                    })
                    .collect(),
                people
                    .into_iter()
                    .map(|(id, name, i, f)| Stakeholder {
                        id: Uuid::from_u128(id),
                        name: name.clone(),
                        role: name.clone(),
                        interest: Degree::ALL[i],
                        influence: Degree::ALL[f],
                        part: name,
                    })
                    .collect(),
                items
                    .into_iter()
                    .map(|(id, name, c, l, cost)| InventoryItem {
                        id: Uuid::from_u128(id),
                        category: Category::ALL[c],
                        name: name.clone(),
                        owner: name,
                        monthly_cost: cost,
                        lifecycle: Lifecycle::ALL[l],
                    })
                    .collect(),
                decisions
                    .into_iter()
                    .map(|(id, text, st, day)| DecisionRecord {
                        id: Uuid::from_u128(id),
                        title: text.clone(),
                        decision: text.clone(),
                        context: text.clone(),
                        alternatives: text,
                        status: DecisionStatus::ALL[st],
                        date: day.map(|d| {
                            chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
                                + chrono::Duration::days(i64::from(d))
                        }),
                    })
                    .collect(),
            )
        })
}

/// Planning data valid by construction: dependencies only on earlier initiatives (so no cycle),
/// risks linked to existing initiatives.
fn plan_strategy() -> impl Strategy<
    Value = (
        Vec<crate::domain::roadmap::Initiative>,
        crate::domain::budget::Budget,
        crate::domain::team::Team,
        Vec<crate::domain::risk::Risk>,
    ),
> {
    use crate::domain::budget::{Budget, BudgetCategory, Quarter, QuarterBudget};
    use crate::domain::risk::Risk;
    use crate::domain::roadmap::{Initiative, InitiativeStatus};
    use crate::domain::team::{Party, Person, Responsibility, Team, ROLES};
    let initiative = (
        text_strategy(),
        proptest::option::of(0u32..20_000),
        1u32..=520,
        0u8..4,
        proptest::option::of(0.0f64..1.0e6),
        proptest::collection::btree_map("[A-Za-z][A-Za-z ]{0,11}", 0u8..=4, 0..3),
        any::<bool>(),
        proptest::collection::vec(any::<prop::sample::Index>(), 0..3),
    );
    (
        proptest::collection::vec(initiative, 0..6),
        proptest::collection::vec(
            (2000i32..2100, 1u8..=4, proptest::option::of(0.0f64..1.0e6)),
            0..3,
        ),
        proptest::collection::vec(
            (
                text_strategy(),
                0u8..=100,
                proptest::option::of(0.0f64..1.0e5),
            ),
            0..3,
        ),
        proptest::collection::vec(
            (
                text_strategy(),
                1u8..=5,
                1u8..=5,
                any::<prop::sample::Index>(),
            ),
            0..4,
        ),
        proptest::option::of(0usize..4),
    )
        .prop_map(|(items, quarters, people, risks, accountable)| {
            let mut initiatives: Vec<Initiative> = Vec::new();
            for (n, (title, start, weeks, status, cost, skills, milestone, deps)) in
                items.into_iter().enumerate()
            {
                let mut i = Initiative::new(Uuid::from_u128(1000 + n as u128), title);
                i.start = start.and_then(|d| {
                    chrono::NaiveDate::from_ymd_opt(2020, 1, 1)?
                        .checked_add_days(chrono::Days::new(u64::from(d)))
                });
                i.duration_weeks = weeks;
                i.status = InitiativeStatus::ALL[usize::from(status)];
                i.monthly_cost = cost;
                i.cost_category = BudgetCategory::ALL[n % 4];
                i.skills = skills;
                i.milestone = milestone;
                if n > 0 {
                    let mut on: Vec<Uuid> =
                        deps.iter().map(|d| initiatives[d.index(n)].id).collect();
                    on.sort();
                    on.dedup();
                    i.depends_on = on;
                }
                initiatives.push(i);
            }
            let mut budget = Budget::default();
            for (year, q, people) in quarters {
                let quarter = Quarter { year, q };
                if budget.quarter(quarter).is_none() {
                    let mut b = QuarterBudget::new(quarter);
                    b.people = people;
                    budget.quarters.push(b);
                }
            }
            let mut team = Team::default();
            for (n, (name, share, cost)) in people.into_iter().enumerate() {
                team.people.push(Person {
                    id: Uuid::from_u128(3000 + n as u128),
                    name,
                    role: "Engineer".into(),
                    monthly_cost: cost,
                    roadmap_share: share,
                    skills: Default::default(),
                });
            }
            if let Some(a) = accountable {
                team.responsibilities.insert(
                    ROLES[a].0.to_string(),
                    Responsibility {
                        responsible: vec![Party::InHouse, Party::Partner],
                        accountable: Some(Party::ALL[a]),
                    },
                );
            }
            let risks = risks
                .into_iter()
                .enumerate()
                .map(|(n, (title, likelihood, impact, link))| {
                    let mut r = Risk::new(Uuid::from_u128(4000 + n as u128), title);
                    r.likelihood = likelihood;
                    r.impact = impact;
                    if !initiatives.is_empty() {
                        r.initiatives = vec![initiatives[link.index(initiatives.len())].id];
                    }
                    r
                })
                .collect();
            (initiatives, budget, team, risks)
        })
}

fn assessment_strategy() -> impl Strategy<Value = Assessment> {
    (
        any::<u128>(),
        text_strategy(),
        (
            text_strategy(),
            text_strategy(),
            text_strategy(),
            text_strategy(),
            text_strategy(),
        ),
        0usize..4,
        proptest::option::of(0u32..=MAX_TEAM),
        (0i64..4_000_000_000, 0i64..100_000_000, 0u32..1_000_000_000),
        proptest::collection::btree_map("[a-z]{1,8}\\.[a-z-]{1,10}", answer_strategy(), 0..5),
        proptest::collection::btree_map(
            "[a-z]{1,8}",
            (1u8..=3).prop_map(|importance| AreaSettings { importance }),
            0..3,
        ),
        context_strategy(),
        plan_strategy(),
    )
        .prop_map(
            |(
                id,
                name,
                texts,
                stage,
                team_size,
                (created, delta, nanos),
                answers,
                areas,
                ctx,
                plan,
            )| {
                let created_at = DateTime::from_timestamp(created, nanos).unwrap();
                let mut a = Assessment::new(Uuid::from_u128(id), name, created_at);
                a.profile = CompanyProfile {
                    company_name: texts.0,
                    stage: Stage::ALL[stage],
                    industry: texts.1,
                    team_size,
                    business_model: texts.2,
                    mission: texts.3,
                    vision: texts.4,
                    currency: ["", "USD", "EUR", "CNY"][stage % 4].to_string(),
                };
                a.updated_at = created_at + chrono::Duration::seconds(delta);
                a.answers = answers;
                a.areas = areas;
                let (swot, stakeholders, inventory, decisions) = ctx;
                a.swot.strengths = swot.clone();
                a.swot.threats = swot;
                a.stakeholders = stakeholders;
                a.inventory = inventory;
                a.decisions = decisions;
                let (initiatives, budget, team, risks) = plan;
                (a.initiatives, a.budget, a.team, a.risks) =
                    (initiatives.into(), budget, team, risks.into());
                a
            },
        )
}

proptest! {
    #[test]
    fn any_workspace_survives_export_and_import(
        list in proptest::collection::vec(assessment_strategy(), 0..6),
        secs in 0i64..4_000_000_000,
    ) {
        let mut workspace = Workspace::default();
        for a in list {
            if !workspace.contains(a.id) {
                workspace.assessments.push(a);
            }
        }
        let text = export(FileKind::Workspace, &workspace.assessments, at(secs));
        let imported = import(&text).unwrap();
        prop_assert_eq!(imported.assessments, workspace.assessments.clone());
        for a in &workspace.assessments {
            prop_assert_eq!(&decode_stored(&encode_stored(a)).unwrap(), a);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = import(&text);
        let _ = decode_stored(&text);
    }

    #[test]
    fn mangled_valid_files_error_instead_of_panicking(
        cut in 0usize..2000,
        byte in any::<u8>(),
    ) {
        let text = export(FileKind::Workspace, &[sample()], at(0));
        let mut bytes = text.into_bytes();
        let i = cut % bytes.len();
        bytes[i] = byte;
        let mangled = String::from_utf8_lossy(&bytes);
        let _ = import(&mangled);
        let _ = import(&mangled[..mangled.len().min(cut)]);
    }
}

#[test]
fn file_names_are_safe_slugs() {
    let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    assert_eq!(
        file_name("Harbourline: 2026 review (demo)", d),
        "harbourline-2026-review-demo-2026-11-23.cto.json"
    );
    assert_eq!(
        file_name("../../etc/passwd", d),
        "etc-passwd-2026-11-23.cto.json"
    );
    assert_eq!(file_name("  ", d), "assessment-2026-11-23.cto.json");
    assert_eq!(file_name("技术 评估", d), "技术-评估-2026-11-23.cto.json");
}

#[test]
fn version_1_files_are_migrated_with_an_empty_assessment() {
    let mut v: serde_json::Value =
        serde_json::from_str(&export(FileKind::Workspace, &[sample()], at(1_800_000_100))).unwrap();
    v["schema_version"] = 1.into();
    for key in [
        "answers",
        "areas",
        "swot",
        "stakeholders",
        "inventory",
        "decisions",
        "scorecards",
        "goals",
        "kpis",
        "initiatives",
        "budget",
        "team",
        "risks",
        "reviews",
        "report",
        "snapshots",
    ] {
        v["assessments"][0].as_object_mut().unwrap().remove(key);
    }
    let imported = import(&v.to_string()).unwrap();
    assert_eq!(imported.migrated_from, Some(1));
    assert_eq!(imported.assessments, vec![sample()]);
    // A current-version file missing the same fields gets the same empty values, as the
    // documented defaults.
    v["schema_version"] = SCHEMA_VERSION.into();
    let current = import(&v.to_string()).unwrap();
    assert_eq!(current.migrated_from, None);
    assert_eq!(current.assessments, vec![sample()]);
}

#[test]
fn version_2_files_gain_an_empty_list_of_scorecards() {
    let mut v: serde_json::Value =
        serde_json::from_str(&export(FileKind::Workspace, &[sample()], at(1_800_000_100))).unwrap();
    v["schema_version"] = 2.into();
    v["assessments"][0]
        .as_object_mut()
        .unwrap()
        .remove("scorecards");
    let imported = import(&v.to_string()).unwrap();
    assert_eq!(imported.migrated_from, Some(2));
    assert_eq!(imported.assessments, vec![sample()]);
}

#[test]
fn hostile_or_out_of_range_answers_are_refused_with_paths() {
    let text = file_with(|v| {
        let a = &mut v["assessments"][0];
        a["answers"]["security.audits"] = serde_json::json!({
            "current": 7, "target": 2, "not_applicable": "  ", "confidence": "high",
            "notes": "", "evidence": ["javascript:alert(1)", "https://ok.example"]
        });
        a["answers"]["Bad Key"] = serde_json::json!({
            "current": null, "target": null, "not_applicable": null, "confidence": null,
            "notes": "", "evidence": []
        });
        a["areas"]["security"] = serde_json::json!({ "importance": 5 });
        a["inventory"] = serde_json::json!([{
            "id": "00000000-0000-4000-8000-000000000001", "category": "software", "name": "x",
            "owner": "", "monthly_cost": -5.0, "lifecycle": "active"
        }]);
    });
    let problems = problems_of(&text);
    for expected in [
        "assessments[0].answers.security.audits.current: 7 is out of range",
        "assessments[0].answers.security.audits.not_applicable: needs a reason",
        "assessments[0].answers.security.audits.evidence[0]: only links starting with",
        "assessments[0].answers[\"Bad Key\"]: is not a valid id",
        "assessments[0].areas.security.importance: 5 is out of range; expected a whole number from 1 to 3",
        "assessments[0].inventory[0] (\"x\").monthly_cost: -5 is out of range; expected a number",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{expected} not in {problems:?}"
        );
    }
    assert_eq!(problems.len(), 6, "{problems:?}");
    let text = file_with(|v| {
        v["assessments"][0]["answers"]["x.y"] = serde_json::json!({
            "current": 1, "target": null, "not_applicable": null, "confidence": "very",
            "notes": "", "evidence": []
        });
    });
    assert!(problems_of(&text)[0]
        .starts_with("assessments[0].answers.x.y.confidence: unknown value \"very\""));
}

#[test]
fn version_3_files_gain_empty_goals_and_kpis() {
    let mut v: serde_json::Value =
        serde_json::from_str(&export(FileKind::Workspace, &[sample()], at(1_800_000_100))).unwrap();
    v["schema_version"] = 3.into();
    for key in ["goals", "kpis"] {
        v["assessments"][0].as_object_mut().unwrap().remove(key);
    }
    let imported = import(&v.to_string()).unwrap();
    assert_eq!(imported.migrated_from, Some(3));
    assert_eq!(imported.assessments, vec![sample()]);
}

#[test]
fn kpi_values_and_links_are_checked() {
    let text = file_with(|v| {
        v["assessments"][0]["kpis"] = serde_json::json!([{
            "id": "00000000-0000-4000-8000-000000000001", "name": "Lead time", "description": "",
            "unit": "hours", "direction": "lower", "baseline": null,
            "target": {"date": "2027-01-01", "value": 1e300}, "owner": "", "cadence": "monthly",
            "category": "delivery", "preset": "Bad Preset",
            "measurements": [
                {"id": "00000000-0000-4000-8000-000000000002", "date": "2026-01-01", "value": 3.0},
                {"id": "00000000-0000-4000-8000-000000000002", "date": "2026-02-01", "value": 4.0}
            ]
        }]);
        v["assessments"][0]["goals"] = serde_json::json!([{
            "id": "00000000-0000-4000-8000-000000000003", "objective": "Ship faster", "description": "",
            "area": null, "business_goal": true, "target_date": null,
            "key_results": [{"id": "00000000-0000-4000-8000-000000000004", "text": "x",
                "kpi": "00000000-0000-4000-8000-000000000099"}]
        }]);
    });
    let problems = problems_of(&text);
    for expected in [
        "assessments[0].kpis[0] (\"Lead time\").target.value:",
        "assessments[0].kpis[0] (\"Lead time\").preset: is not a valid id",
        "assessments[0].kpis[0] (\"Lead time\").measurements[1].id: the same id as",
        "assessments[0].goals[0] (\"Ship faster\").key_results[0] (\"x\").kpi: no KPI with this id",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{expected} not in {problems:?}"
        );
    }
}

#[test]
fn version_4_files_gain_an_empty_plan() {
    let mut v: serde_json::Value =
        serde_json::from_str(&export(FileKind::Workspace, &[sample()], at(1_800_000_100))).unwrap();
    v["schema_version"] = 4.into();
    for key in ["initiatives", "budget", "team", "risks"] {
        v["assessments"][0].as_object_mut().unwrap().remove(key);
    }
    let imported = import(&v.to_string()).unwrap();
    assert_eq!(imported.migrated_from, Some(4));
    assert_eq!(imported.assessments, vec![sample()]);
}

fn initiative_json(n: u8, title: &str, depends_on: &[u8]) -> serde_json::Value {
    let id = |n: u8| format!("00000000-0000-4000-8000-0000000001{n:02}");
    serde_json::json!({
        "id": id(n), "title": title, "description": "", "areas": ["team"], "questions": [],
        "goals": [], "start": "2026-03-02", "duration_weeks": 4, "owner": "", "status": "planned",
        "effort_weeks": 2.0, "one_off_cost": null, "monthly_cost": null, "cost_category": "people",
        "depends_on": depends_on.iter().map(|d| id(*d)).collect::<Vec<_>>(), "milestone": false,
        "skills": {}, "suggested_from": null
    })
}

#[test]
fn plan_references_ranges_and_cycles_are_checked() {
    let text = file_with(|v| {
        let a = &mut v["assessments"][0];
        let mut bad = initiative_json(3, "Gamma", &[3, 99]);
        bad["duration_weeks"] = 0.into();
        bad["skills"] = serde_json::json!({ "Rust": 5 });
        a["initiatives"] = serde_json::json!([
            initiative_json(1, "Alpha", &[2]),
            initiative_json(2, "Beta", &[1]),
            bad
        ]);
        a["budget"]["quarters"] = serde_json::json!([
            {"quarter": "2026-Q1", "people": 100.0, "tools_vendors": null, "infrastructure": null, "partner": null},
            {"quarter": "2026-Q1", "people": -1.0, "tools_vendors": null, "infrastructure": null, "partner": null}
        ]);
        a["team"]["responsibilities"] = serde_json::json!({
            "marketing": {"responsible": ["founder", "founder"], "accountable": null}
        });
        a["risks"] = serde_json::json!([{
            "id": "00000000-0000-4000-8000-000000000201", "title": "Outage", "description": "",
            "category": "technical", "likelihood": 6, "impact": 0, "owner": "", "mitigation": "",
            "initiatives": ["00000000-0000-4000-8000-000000000299"], "status": "open",
            "next_review": null
        }]);
    });
    let problems = problems_of(&text);
    for expected in [
        "assessments[0].initiatives[2] (\"Gamma\").duration_weeks: 0 is out of range; expected a whole number from 1 to",
        "assessments[0].initiatives[2] (\"Gamma\").depends_on[0]: an initiative cannot depend on itself",
        "assessments[0].initiatives[2] (\"Gamma\").depends_on[1]: no initiative with this id",
        "assessments[0].initiatives[2] (\"Gamma\").skills[\"Rust\"]: 5 is out of range",
        "assessments[0].initiatives: the dependencies form a cycle, so no order can satisfy them: “Alpha” → “Beta” → “Alpha”",
        "assessments[0].budget.quarters[1].quarter: 2026-Q1 is listed twice",
        "assessments[0].budget.quarters[1].people: -1 is out of range",
        "assessments[0].team.responsibilities[\"marketing\"]: unknown role",
        "assessments[0].team.responsibilities[\"marketing\"].responsible[1]: is listed twice",
        "assessments[0].risks[0] (\"Outage\").likelihood: 6 is out of range; expected a whole number from 1 to 5",
        "assessments[0].risks[0] (\"Outage\").impact: 0 is out of range; expected a whole number from 1 to 5",
        "assessments[0].risks[0] (\"Outage\").initiatives[0]: no initiative with this id",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{expected} not in {problems:?}"
        );
    }
    let text = file_with(|v| {
        v["assessments"][0]["budget"]["quarters"] = serde_json::json!([
            {"quarter": "2026-Q5", "people": null, "tools_vendors": null, "infrastructure": null, "partner": null}
        ]);
    });
    assert!(problems_of(&text)[0].contains("\"2026-Q5\" is not a quarter"));
}

#[test]
fn version_5_files_gain_an_empty_review_and_no_snapshots() {
    let mut v: serde_json::Value =
        serde_json::from_str(&export(FileKind::Workspace, &[sample()], at(1_800_000_100))).unwrap();
    v["schema_version"] = 5.into();
    v.as_object_mut().unwrap().remove("content_sha256");
    for key in ["reviews", "snapshots"] {
        v["assessments"][0].as_object_mut().unwrap().remove(key);
    }
    let imported = import(&v.to_string()).unwrap();
    assert_eq!(imported.migrated_from, Some(5));
    assert_eq!(imported.integrity, Integrity::Unsigned);
    assert_eq!(imported.assessments, vec![sample()]);
}

#[test]
fn a_fingerprint_hashed_elsewhere_gives_the_same_verdict() {
    // The browser hashes `content()` with its own SHA-256; any correct SHA-256 must agree.
    let text = export(FileKind::Workspace, &[sample()], at(1_800_000_100));
    let edited = text.replace("Q3 review", "Q4 review");
    for (file, verdict) in [(&text, Integrity::Intact), (&edited, Integrity::Edited)] {
        let checked = import_unverified(file).unwrap();
        let content = checked
            .content()
            .expect("a signed file has content to hash");
        assert_eq!(
            sha256_hex(&content),
            content_hash(&checked.clone().finish(None).assessments)
        );
        let elsewhere = checked.clone().finish(Some(&sha256_hex(&content)));
        assert_eq!(elsewhere.integrity, verdict);
        assert_eq!(elsewhere, import(file).unwrap());
        // A wrong hash handed in is an edit, never "intact".
        let wrong = checked.finish(Some(&"0".repeat(64)));
        assert_eq!(wrong.integrity, Integrity::Edited);
    }
    let mut unsigned: serde_json::Value = serde_json::from_str(&text).unwrap();
    unsigned.as_object_mut().unwrap().remove("content_sha256");
    unsigned["schema_version"] = 5.into();
    let checked = import_unverified(&unsigned.to_string()).unwrap();
    assert_eq!(
        checked.content(),
        None,
        "nothing to hash without a fingerprint"
    );
    assert_eq!(checked.finish(None).integrity, Integrity::Unsigned);
}

#[test]
fn content_hash_is_stable_across_key_order_and_spacing() {
    let text = export(FileKind::Workspace, &[sample()], at(1_800_000_100));
    assert_eq!(import(&text).unwrap().integrity, Integrity::Intact);
    // The same content with every object's keys reversed and no spacing: still intact.
    fn reverse(v: &serde_json::Value) -> String {
        match v {
            serde_json::Value::Object(map) => {
                let fields: Vec<String> = map
                    .iter()
                    .rev()
                    .map(|(k, v)| format!("{}:{}", serde_json::Value::from(k.as_str()), reverse(v)))
                    .collect();
                format!("{{{}}}", fields.join(","))
            }
            serde_json::Value::Array(items) => {
                format!(
                    "[{}]",
                    items.iter().map(reverse).collect::<Vec<_>>().join(",")
                )
            }
            other => other.to_string(),
        }
    }
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let reordered = reverse(&value);
    assert_ne!(reordered, value.to_string());
    // Exports start with "format"; the reversed copy starts with the last key in sorted order.
    assert!(
        reordered.starts_with("{\"schema_version\""),
        "{}",
        &reordered[..40]
    );
    assert_eq!(import(&reordered).unwrap().integrity, Integrity::Intact);
    assert_eq!(
        content_hash(&import(&reordered).unwrap().assessments),
        content_hash(&[sample()])
    );
    // One character changed by hand: imported, but flagged.
    let edited = text.replace("Q3 review", "Q4 review");
    let imported = import(&edited).unwrap();
    assert_eq!(imported.integrity, Integrity::Edited);
    assert_eq!(imported.assessments[0].name, "Q4 review");
    // A hash that is not even hex is an edit too, not a refusal.
    let junk = file_with(|v| v["content_sha256"] = "not a hash".into());
    assert_eq!(import(&junk).unwrap().integrity, Integrity::Edited);
    assert_eq!(content_hash(&[sample()]).len(), 64);
}

#[test]
fn review_and_snapshot_values_are_checked() {
    let text = file_with(|v| {
        let a = &mut v["assessments"][0];
        let review = serde_json::json!({
            "reviewer_id": "00000000-0000-4000-8000-000000000401", "reviewer": "Jane",
            "updated_at": null,
            "answers": { "strategy.written-strategy": { "level": 9, "comment": "Too high" } },
            "areas": { "Bad Area": { "status": "agreed", "comment": "" } }
        });
        a["reviews"] = serde_json::json!([review.clone(), review]);
        let snap = serde_json::json!({
            "id": "00000000-0000-4000-8000-000000000301", "name": "Q1",
            "taken_at": "2026-01-01T00:00:00Z", "stage": "seed",
            "answers": {"strategy.written-strategy": {"current": 5, "target": null,
                "not_applicable": null, "confidence": null, "notes": "", "evidence": []}},
            "areas": {"strategy": {"importance": 4}}
        });
        a["snapshots"] = serde_json::json!([snap.clone(), snap]);
    });
    let problems = problems_of(&text);
    for expected in [
        "assessments[0].reviews[0].answers.strategy.written-strategy.level: 9 is out of range",
        "assessments[0].reviews[1].areas[\"Bad Area\"]: is not a valid id",
        "assessments[0].reviews[1].reviewer_id: the same id as assessments[0].reviews[0]",
        "assessments[0].snapshots[1] (\"Q1\").id: the same id as assessments[0].snapshots[0]",
        "assessments[0].snapshots[0] (\"Q1\").answers.strategy.written-strategy.current: 5 is out of range",
        "assessments[0].snapshots[0] (\"Q1\").areas.strategy.importance: 4 is out of range; expected a whole number from 1 to 3",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{expected} not in {problems:?}"
        );
    }
    let text = file_with(|v| {
        v["assessments"][0]["reviews"] = serde_json::json!([{
            "reviewer_id": "00000000-0000-4000-8000-000000000401", "reviewer": "",
            "updated_at": null, "answers": {},
            "areas": { "strategy": { "status": "disputed", "comment": "" } }
        }]);
    });
    assert!(
        problems_of(&text)[0].contains("unknown value \"disputed\""),
        "{:?}",
        problems_of(&text)
    );
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let text = export(FileKind::Assessment, &[sample()], at(1_800_000_100));
    let imported = import(&format!("\u{feff}{text}")).unwrap();
    assert_eq!(imported.assessments, vec![sample()]);
    assert_eq!(imported.integrity, Integrity::Intact);
    // Only at the very start: a mark anywhere else is still not JSON.
    assert!(matches!(
        import(&format!(" \u{feff}{text}")),
        Err(FormatError::NotJson { .. })
    ));
}

/// A heavy assessment stored with its bulky lists apart, as storage does it.
fn stored_apart(revision: u64) -> (Assessment, String, BTreeMap<String, String>) {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let a = crate::domain::demo::large::heavy_assessment(2, today);
    let named: BTreeMap<String, String> = STORED_PARTS
        .iter()
        .map(|n| (n.to_string(), format!("r-{n}")))
        .collect();
    let parts: BTreeMap<String, String> = STORED_PARTS
        .iter()
        .map(|n| (format!("r-{n}"), encode_part(&a, n).unwrap()))
        .collect();
    let rest = without_parts(&a, STORED_PARTS);
    assert!(rest.kpis.is_empty() && rest.snapshots.is_empty());
    (a, encode_stored_record(&rest, revision, &named), parts)
}

#[test]
fn a_record_with_parts_apart_reads_back_whole_by_either_path() {
    let (a, text, parts) = stored_apart(4);
    let fetch = |_: &str, r: &str| parts.get(r).cloned();
    let read = decode_stored_record(&text, None, &fetch).unwrap();
    assert_eq!(read.assessment, a);
    assert_eq!(read.revision, 4);
    assert_eq!(read.parts.len(), STORED_PARTS.len());
    // The migrating path (taken by older records and faulty ones) puts the same together.
    let (whole, named) = super::stored::assemble(&text, &fetch).unwrap();
    assert_eq!(named, read.parts);
    assert_eq!(
        super::stored::decode_migrating(whole).unwrap(),
        (a.clone(), 4)
    );
    // Parts under the same reference come from the base, without being read again.
    let nothing = |_: &str, _: &str| -> Option<String> { panic!("read a part") };
    let again = decode_stored_record(&text, Some((&a, &read.parts)), &nothing).unwrap();
    assert_eq!(again.assessment, a);
}

#[test]
fn lists_taken_from_this_tabs_copy_are_not_checked_again_but_links_to_them_are() {
    let (a, text, parts) = stored_apart(4);
    let fetch = |_: &str, r: &str| parts.get(r).cloned();
    let read = decode_stored_record(&text, None, &fetch).unwrap();
    // This tab's copy holds a KPI list that would not pass (made here, not read): another tab's
    // save naming the same KPI part takes the list from it without checking it again, which is
    // what keeps taking in a save of a large assessment within a frame.
    let mut mine = a.clone();
    mine.kpis[0].name = "x".repeat(100_000);
    assert!(decode_stored_record(&text, Some((&mine, &read.parts)), &fetch).is_ok());

    // Another tab removed a goal that initiatives link to, and saved only the record: the
    // initiatives come from this tab's copy, yet their links to goals are checked.
    let linked = a
        .initiatives
        .iter()
        .find_map(|i| i.goals.first().copied())
        .expect("the heavy assessment links initiatives to goals");
    let mut theirs = a.clone();
    theirs.goals.retain(|g| g.id != linked);
    let rest = without_parts(&theirs, STORED_PARTS);
    let record = encode_stored_record(&rest, 5, &read.parts);
    let nothing = |_: &str, _: &str| -> Option<String> { panic!("read a part") };
    let err = decode_stored_record(&record, Some((&a, &read.parts)), &nothing)
        .unwrap_err()
        .to_string();
    assert!(err.contains(".goals["), "{err}");

    // Another tab removed an initiative that a risk links to: new initiatives, same risks part.
    let gone = a
        .risks
        .iter()
        .find_map(|r| r.initiatives.first().copied())
        .expect("the heavy assessment links risks to initiatives");
    let mut theirs = a.clone();
    theirs.initiatives.retain(|i| i.id != gone);
    for i in theirs.initiatives.iter_mut() {
        i.depends_on.retain(|d| *d != gone);
    }
    let mut named = read.parts.clone();
    named.insert("initiatives".into(), "r-new".into());
    let mut parts = parts.clone();
    parts.insert("r-new".into(), encode_part(&theirs, "initiatives").unwrap());
    let rest = without_parts(&theirs, STORED_PARTS);
    let record = encode_stored_record(&rest, 6, &named);
    let fetch = |_: &str, r: &str| parts.get(r).cloned();
    let err = decode_stored_record(&record, Some((&a, &read.parts)), &fetch)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("risks[") && err.contains(".initiatives["),
        "{err}"
    );
}

#[test]
fn a_record_with_a_faulty_part_is_refused_with_the_path() {
    let (_, text, mut parts) = stored_apart(1);
    let missing = |n: &str, r: &str| (n != "risks").then(|| parts.get(r).cloned()).flatten();
    let err = decode_stored_record(&text, None, &missing)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("parts.risks") && err.contains("missing"),
        "{err}"
    );

    let mut kpis: Value = serde_json::from_str(&parts["r-kpis"]).unwrap();
    kpis[2]["measurements"][5]["value"] = Value::String("lots".into());
    parts.insert("r-kpis".into(), kpis.to_string());
    let fetch = |_: &str, r: &str| parts.get(r).cloned();
    let err = decode_stored_record(&text, None, &fetch)
        .unwrap_err()
        .to_string();
    assert!(err.contains("kpis[2].measurements[5].value"), "{err}");

    let mut record: Value = serde_json::from_str(&text).unwrap();
    record["parts"]["budget"] = Value::String("r-x".into());
    let err = decode_stored_record(&record.to_string(), None, &fetch)
        .unwrap_err()
        .to_string();
    assert!(err.contains("parts.budget"), "{err}");

    let mut record: Value = serde_json::from_str(&text).unwrap();
    record["assessment"]["risks"] = serde_json::json!([{ "title": "inline" }]);
    let err = decode_stored_record(&record.to_string(), None, &fetch)
        .unwrap_err()
        .to_string();
    assert!(err.contains("assessment.risks"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The fingerprint's canonical JSON, written directly, equals the JSON tree's for any
    /// assessments: files fingerprinted before keep matching.
    #[test]
    fn canonical_json_is_the_trees(list in proptest::collection::vec(assessment_strategy(), 0..4)) {
        let direct = super::canonical::to_vec(&list).unwrap();
        let tree = serde_json::to_value(&list).unwrap().to_string();
        prop_assert_eq!(String::from_utf8(direct).unwrap(), tree);
    }
}
