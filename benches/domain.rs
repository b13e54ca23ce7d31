//! Native benchmarks of the model and the file format at consultant scale: the heavy assessment
//! and the 50-assessment workspace of `domain::demo::large` (fixed seed and date, so runs
//! compare). Run with `make bench-native`, which also writes the table to
//! target/bench/native.md.
//!
//! Inputs are built once, outside the timed code; each benchmark times only the call named.

use std::collections::BTreeMap;
use std::sync::LazyLock;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use divan::{black_box, Bencher};

use cto_workbench::content;
use cto_workbench::domain::budget::plan as budget_plan;
use cto_workbench::domain::demo::large::{heavy_assessment, large_workspace};
use cto_workbench::domain::kpi::Measurement;
use cto_workbench::domain::merge::{self, Choice, Section};
use cto_workbench::domain::roadmap::schedule::{self, Scope};
use cto_workbench::domain::scorecard::{engine, ScorecardKind};
use cto_workbench::domain::snapshot::progress;
use cto_workbench::domain::team::capacity::weekly_capacity;
use cto_workbench::domain::{scoring, Assessment};
use cto_workbench::format::{self, FileKind};

const SEED: u64 = 1;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

fn now() -> DateTime<Utc> {
    today().and_hms_opt(12, 0, 0).unwrap_or_default().and_utc()
}

static HEAVY: LazyLock<Assessment> = LazyLock::new(|| heavy_assessment(SEED, today()));
static WORKSPACE: LazyLock<Vec<Assessment>> =
    LazyLock::new(|| large_workspace(SEED, today()).assessments);
static WORKSPACE_FILE: LazyLock<String> =
    LazyLock::new(|| format::export(FileKind::Workspace, &WORKSPACE, now()));
static HEAVY_FILE: LazyLock<String> =
    LazyLock::new(|| format::export(FileKind::Assessment, std::slice::from_ref(&*HEAVY), now()));
static HEAVY_STORED: LazyLock<String> = LazyLock::new(|| format::encode_stored(&HEAVY));

/// A consultant's copy of the heavy assessment: a few answers, an initiative, a KPI and a risk
/// changed, as a review sends back.
static THEIRS: LazyLock<Assessment> = LazyLock::new(|| {
    let mut theirs = HEAVY.clone();
    for (n, answer) in theirs.answers.values_mut().enumerate().step_by(7) {
        answer.current = answer.current.map(|l| (l + 1).min(4));
        answer.notes = format!("Reviewer: raised after the workshop ({n}).");
    }
    if let Some(i) = theirs.initiatives.get_mut(150) {
        i.duration_weeks += 2;
        i.title.push_str(" (rescoped)");
    }
    if let Some(k) = theirs.kpis.get_mut(3) {
        let date = k.measurements.last().map(|m| m.date).unwrap_or(today());
        k.measurements.push(Measurement {
            id: uuid::Uuid::from_u128(42),
            date: date.succ_opt().unwrap_or(date),
            value: 12.5,
        });
    }
    if let Some(r) = theirs.risks.get_mut(10) {
        r.likelihood = 5;
    }
    theirs
});

/// The v1 fixture's first assessment repeated 1,000 times (the most one file may hold), so an
/// import runs every migration step on a large file.
static V1_FILE: LazyLock<String> = LazyLock::new(|| {
    let fixture = include_str!("../tests/fixtures/v1.json");
    let mut value: serde_json::Value = serde_json::from_str(fixture).unwrap_or_default();
    let first = value["assessments"][0].clone();
    let many: Vec<serde_json::Value> = (0..format::MAX_ASSESSMENTS as u128)
        .map(|n| {
            let mut a = first.clone();
            a["id"] = uuid::Uuid::from_u128(0x1000 + n).to_string().into();
            a
        })
        .collect();
    value["assessments"] = many.into();
    value.to_string()
});

/// Stops the run when an input the benchmark times is refused: timing an error path would give
/// figures for the wrong thing.
fn checked<T, E: std::fmt::Display>(result: Result<T, E>) {
    if let Err(e) = result {
        panic!("benchmark input refused: {e}");
    }
}

fn main() {
    // Long enough for stable medians, short enough that both bench files run in a few minutes
    // on two cores; `cargo bench --bench domain -- --help` lists overrides.
    divan::Divan::default()
        .sample_count(20)
        .min_time(Duration::from_millis(300))
        .max_time(Duration::from_secs(3))
        .config_with_args()
        .main();
}

#[divan::bench]
fn scoring_compute(bencher: Bencher) {
    let (c, a) = (content::get(), &*HEAVY);
    bencher.bench(|| scoring::compute(c, black_box(a)));
}

/// Scores today and all 24 snapshots: what the progress chart needs.
#[divan::bench]
fn scoring_progress_series(bencher: Bencher) {
    let (c, a) = (content::get(), &*HEAVY);
    bencher.bench(|| progress::series(c, black_box(a)));
}

#[divan::bench]
fn roadmap_schedule_300(bencher: Bencher) {
    let a = &*HEAVY;
    bencher.bench(|| {
        schedule::schedule(
            black_box(&a.initiatives),
            today(),
            |d| weekly_capacity(&a.team, d),
            &Scope::All,
        )
    });
}

#[divan::bench]
fn budget_plan_default_range(bencher: Bencher) {
    let a = &*HEAVY;
    let (first, count) = budget_plan::default_range(a, today());
    bencher.bench(|| budget_plan::plan(black_box(a), first, count));
}

fn partner_card() -> &'static cto_workbench::domain::scorecard::Scorecard {
    HEAVY
        .scorecards
        .iter()
        .find(|c| c.kind == ScorecardKind::Partner)
        .unwrap_or(&HEAVY.scorecards[0])
}

#[divan::bench]
fn scorecard_evaluate_30(bencher: Bencher) {
    let card = partner_card();
    bencher.bench(|| engine::evaluate(black_box(card)));
}

#[divan::bench]
fn scorecard_sensitivity_30(bencher: Bencher) {
    let card = partner_card();
    bencher.bench(|| engine::sensitivity(black_box(card)));
}

#[divan::bench]
fn merge_diff(bencher: Bencher) {
    let (mine, theirs) = (&*HEAVY, &*THEIRS);
    bencher.bench(|| merge::diff(black_box(mine), black_box(theirs)));
}

#[divan::bench]
fn merge_take_theirs(bencher: Bencher) {
    let (mine, theirs) = (&*HEAVY, &*THEIRS);
    let choices: BTreeMap<Section, Choice> = Section::ALL
        .into_iter()
        .map(|s| (s, Choice::TakeTheirs))
        .collect();
    bencher.bench(|| merge::merge_report(black_box(mine), black_box(theirs), &choices));
}

/// Parse, size limits, migrate (none needed), typed decode, validation and content hash.
#[divan::bench]
fn import_workspace_50(bencher: Bencher) {
    let text = WORKSPACE_FILE.as_str();
    checked(format::import(text).map(|i| i.assessments.len()));
    bencher.bench(|| format::import(black_box(text)));
}

#[divan::bench]
fn import_heavy(bencher: Bencher) {
    let text = HEAVY_FILE.as_str();
    checked(format::import(text).map(|i| i.assessments.len()));
    bencher.bench(|| format::import(black_box(text)));
}

/// The fingerprint an import checks (and an export writes): part of `import_workspace_50`.
#[divan::bench]
fn content_hash_workspace_50(bencher: Bencher) {
    bencher.bench(|| format::content_hash(black_box(&WORKSPACE)));
}

/// 1,000 v1 assessments through every migration step to the current schema.
#[divan::bench]
fn import_v1_x1000(bencher: Bencher) {
    let text = V1_FILE.as_str();
    checked(format::import(text).map(|i| i.assessments.len()));
    bencher.bench(|| format::import(black_box(text)));
}

#[divan::bench]
fn export_workspace_50(bencher: Bencher) {
    let all = WORKSPACE.as_slice();
    bencher.bench(|| format::export(FileKind::Workspace, black_box(all), now()));
}

#[divan::bench]
fn export_heavy(bencher: Bencher) {
    let one = std::slice::from_ref(&*HEAVY);
    bencher.bench(|| format::export(FileKind::Assessment, black_box(one), now()));
}

/// One save of the heavy assessment: the compact record written to local storage.
#[divan::bench]
fn storage_encode_heavy(bencher: Bencher) {
    let a = &*HEAVY;
    bencher.bench(|| format::encode_stored_revision(black_box(a), 7));
}

/// Reading the heavy assessment back from local storage at start-up.
#[divan::bench]
fn storage_decode_heavy(bencher: Bencher) {
    let text = HEAVY_STORED.as_str();
    checked(format::decode_stored(text).map(|a| a.id));
    bencher.bench(|| format::decode_stored(black_box(text)));
}
