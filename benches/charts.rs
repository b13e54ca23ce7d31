//! Native benchmarks of every chart's SVG rendering, fed from the heavy assessment of
//! `domain::demo::large` the way the pages feed them (same sizes in pixels). Run with
//! `make bench-native`.
//!
//! Chart inputs are built once, outside the timed code; each benchmark times one render.

use std::collections::HashSet;
use std::sync::LazyLock;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use divan::{black_box, Bencher};

use cto_workbench::charts::{
    budget, gaps, heatmap, kpi, progress, radar, scorecard, timeline, trend, ChartError,
};
use cto_workbench::content::{self, presets};
use cto_workbench::domain::budget::plan as budget_plan;
use cto_workbench::domain::demo::large::heavy_assessment;
use cto_workbench::domain::kpi::trend::project;
use cto_workbench::domain::kpi::{Kpi, Measurement};
use cto_workbench::domain::roadmap::{self, deps, GroupBy, InitiativeStatus};
use cto_workbench::domain::scorecard::{engine, weighted_total, Scorecard, ScorecardKind};
use cto_workbench::domain::snapshot::progress as snapshot_progress;
use cto_workbench::domain::{risk, scoring, Assessment};

const SEED: u64 = 1;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

static HEAVY: LazyLock<Assessment> = LazyLock::new(|| heavy_assessment(SEED, today()));
static RESULTS: LazyLock<scoring::Results> =
    LazyLock::new(|| scoring::compute(content::get(), &HEAVY));

/// One chart with its input built: calling it renders the SVG.
type Render = Box<dyn Fn() -> Result<String, ChartError> + Sync>;

/// Times one render; the input was built before.
fn run(bencher: Bencher, render: Render) {
    bencher.bench(|| black_box(render()));
}

/// Every chart as benchmarked, by the name the table shows.
fn charts() -> Vec<(String, Render)> {
    let mut all: Vec<(String, Render)> = vec![
        ("radar_today_and_target".into(), radar_input()),
        ("gaps_top_8".into(), gaps_input()),
        ("scorecard_30_candidates".into(), scorecard_input()),
        ("trend_partner_reviews".into(), trend_input()),
        ("timeline_300".into(), timeline_input()),
        ("budget_quarters".into(), budget_input()),
        ("heatmap_200_risks".into(), heatmap_input()),
        ("progress_24_snapshots".into(), progress_input()),
    ];
    for n in KPI_SIZES {
        all.push((format!("kpi_full/{n}"), kpi_full_input(n)));
        all.push((format!("kpi_small/{n}"), kpi_small_input(n)));
    }
    all
}

/// Prints each chart's SVG size as `svg-bytes NAME BYTES` lines, which
/// tools/bench/native_table.mjs turns into a table: the size must follow the pixel size, not
/// the data size.
fn print_sizes() {
    for (name, render) in charts() {
        match render() {
            Ok(svg) => println!("svg-bytes {name} {}", svg.len()),
            Err(e) => panic!("{name} could not be drawn: {e}"),
        }
    }
}

fn main() {
    if std::env::args().any(|a| a == "--bench") {
        print_sizes();
    }
    // See benches/domain.rs: bounded per benchmark so the whole run stays in a few minutes.
    divan::Divan::default()
        .sample_count(20)
        .min_time(Duration::from_millis(300))
        .max_time(Duration::from_secs(3))
        .config_with_args()
        .main();
}

fn radar_input() -> Render {
    let r = &*RESULTS;
    let axes: Vec<String> = r.areas.iter().map(|a| a.name.clone()).collect();
    let series = vec![
        radar::RadarSeries {
            label: "Today".into(),
            values: r.areas.iter().map(|a| a.score).collect(),
            kind: radar::SeriesKind::Current,
        },
        radar::RadarSeries {
            label: "Target".into(),
            values: r.areas.iter().map(|a| a.target).collect(),
            kind: radar::SeriesKind::Target,
        },
    ];
    Box::new(move || radar::render(&axes, &series, 4.0, 560, 460))
}

fn gaps_input() -> Render {
    let bars: Vec<gaps::GapBar> = RESULTS
        .ranked_gaps()
        .into_iter()
        .take(8)
        .map(|a| gaps::GapBar {
            label: a.name.clone(),
            current: a.score.unwrap_or(0.0),
            target: a.target.unwrap_or(0.0),
            priority: a.priority.unwrap_or(0.0),
        })
        .collect();
    Box::new(move || gaps::render(&bars, 640, 34))
}

fn partner_card() -> &'static Scorecard {
    HEAVY
        .scorecards
        .iter()
        .find(|c| c.kind == ScorecardKind::Partner)
        .unwrap_or(&HEAVY.scorecards[0])
}

/// 30 candidates given; the chart draws the first ten.
fn scorecard_input() -> Render {
    let card = partner_card();
    let outcome = engine::evaluate(card);
    let criteria: Vec<String> = card.criteria.iter().map(|c| c.name.clone()).collect();
    let series: Vec<scorecard::CandidateSeries> = card
        .candidates
        .iter()
        .map(|cand| scorecard::CandidateSeries {
            name: cand.name.clone(),
            scores: card
                .criteria
                .iter()
                .map(|k| cand.score(&k.id).map(f64::from))
                .collect(),
            highlight: outcome.winner == Some(cand.id),
            failed_gate: outcome
                .results
                .iter()
                .any(|r| r.candidate == cand.id && !r.gate_failures.is_empty()),
        })
        .collect();
    Box::new(move || scorecard::render(&criteria, &series, 640, 16))
}

/// The partner reviews chart: each candidate's total at every review.
fn trend_input() -> Render {
    let card = partner_card();
    let series: Vec<trend::TrendSeries> = card
        .candidates
        .iter()
        .filter(|x| !x.reviews.is_empty())
        .map(|x| trend::TrendSeries {
            name: x.name.clone(),
            points: x
                .reviews
                .iter()
                .filter_map(|r| weighted_total(card, &r.scores).map(|t| (r.date, t)))
                .collect(),
        })
        .collect();
    Box::new(move || trend::render(&series, 100.0, 640, 280))
}

/// One KPI with `n` daily measurements up to today, with its preset's bands, baseline, target,
/// trend and projection, as the KPI page builds it.
fn kpi_plot(n: usize) -> kpi::KpiPlot {
    let mut k: Kpi = HEAVY.kpis[0].clone();
    let start = today()
        .checked_sub_days(Days::new(n as u64 - 1))
        .unwrap_or(NaiveDate::MIN);
    k.measurements = (0..n)
        .map(|i| {
            let wobble = (i as f64 * 12.9898).sin() * 1.5 + (i as f64 / 40.0).sin() * 2.0;
            Measurement {
                id: uuid::Uuid::from_u128(i as u128 + 1),
                date: start + Days::new(i as u64),
                value: (2.0 + 7.0 * i as f64 / n as f64 + wobble).max(0.0),
            }
        })
        .collect();
    let projection = project(&k, today());
    let points: Vec<(NaiveDate, f64)> = k.measurements.iter().map(|m| (m.date, m.value)).collect();
    let trend = projection.trend.as_ref().and_then(|t| {
        let (first, last) = (points.first()?.0, points.last()?.0);
        Some(((first, t.value_at(first)), (last, t.value_at(last))))
    });
    let projection_line = match (&projection.trend, k.target, points.last()) {
        (Some(t), Some(target), Some(last)) if target.date > last.0 => Some((
            (last.0, t.value_at(last.0)),
            (target.date, t.value_at(target.date)),
        )),
        _ => None,
    };
    let bands = k
        .preset
        .as_deref()
        .and_then(presets::get)
        .and_then(|p| {
            let year = presets::latest_year(p)?;
            let set = p.bands.iter().find(|b| b.year == year)?;
            Some(
                set.cutoffs
                    .iter()
                    .map(|c| kpi::Band {
                        label: c.level.label().to_string(),
                        from: Some(c.from),
                        to: c.to,
                    })
                    .collect(),
            )
        })
        .unwrap_or_default();
    kpi::KpiPlot {
        title: k.name.clone(),
        unit: k.unit.clone(),
        points,
        baseline: k.baseline.map(|b| (b.date, b.value)),
        target: k.target.map(|t| (t.date, t.value)),
        trend,
        projection: projection_line,
        bands,
        bands_note: Some("Bands: DORA, our contiguous cut-offs".into()),
    }
}

/// Measurements in the KPI charts benchmarked: the heavy assessment's 1,000 and the most a
/// file may hold.
const KPI_SIZES: [usize; 2] = [1_000, 100_000];

/// The KPI page's chart (720 x 360).
fn kpi_full_input(n: usize) -> Render {
    let plot = kpi_plot(n);
    Box::new(move || kpi::render(&plot, 720, 360))
}

/// A dashboard tile (260 x 110).
fn kpi_small_input(n: usize) -> Render {
    let plot = kpi_plot(n);
    Box::new(move || kpi::render_small(&plot, 260, 110))
}

/// The roadmap timeline with all 300 initiatives, grouped by area, conflicts flagged.
fn timeline_input() -> Render {
    let a = &*HEAVY;
    let flagged: HashSet<uuid::Uuid> = deps::conflicts(&a.initiatives)
        .iter()
        .map(|c| c.initiative)
        .collect();
    let groups = roadmap::grouped(content::get(), &a.initiatives, today(), GroupBy::Area)
        .into_iter()
        .map(|(label, list)| timeline::Group {
            label,
            bars: list
                .into_iter()
                .filter(|i| i.status != InitiativeStatus::Dropped)
                .filter_map(|i| {
                    Some(timeline::Bar {
                        label: deps::display_title(i).to_string(),
                        start: i.start?,
                        end: i.end()?,
                        milestone: i.milestone,
                        conflict: flagged.contains(&i.id),
                        status: i.status,
                    })
                })
                .collect(),
        })
        .filter(|g| !g.bars.is_empty())
        .collect();
    let t = timeline::Timeline {
        groups,
        today: today(),
    };
    Box::new(move || timeline::render(&t, 1100))
}

fn budget_input() -> Render {
    let a = &*HEAVY;
    let (first, count) = budget_plan::default_range(a, today());
    let plans = budget_plan::plan(a, first, count);
    Box::new(move || budget::render(&plans, 640, 320))
}

/// The risk heat map of 200 risks.
fn heatmap_input() -> Render {
    let counts = risk::heat_counts(&risk::heat_map(&HEAVY.risks));
    Box::new(move || heatmap::render(&counts, 480, 420))
}

/// 24 snapshots and today, the index and all 16 areas ticked.
fn progress_input() -> Render {
    let series = snapshot_progress::series(content::get(), &HEAVY);
    let keys: Vec<String> = std::iter::once(progress::INDEX_KEY.to_string())
        .chain(content::get().areas.iter().map(|a| a.id.clone()))
        .collect();
    Box::new(move || progress::render(&series, &keys, 640, 320))
}

// The benchmarks, one per chart; divan names them after the functions.

#[divan::bench]
fn radar_today_and_target(bencher: Bencher) {
    run(bencher, radar_input());
}

#[divan::bench]
fn gaps_top_8(bencher: Bencher) {
    run(bencher, gaps_input());
}

#[divan::bench]
fn scorecard_30_candidates(bencher: Bencher) {
    run(bencher, scorecard_input());
}

#[divan::bench]
fn trend_partner_reviews(bencher: Bencher) {
    run(bencher, trend_input());
}

#[divan::bench(args = KPI_SIZES)]
fn kpi_full(bencher: Bencher, n: usize) {
    run(bencher, kpi_full_input(n));
}

#[divan::bench(args = KPI_SIZES)]
fn kpi_small(bencher: Bencher, n: usize) {
    run(bencher, kpi_small_input(n));
}

#[divan::bench]
fn timeline_300(bencher: Bencher) {
    run(bencher, timeline_input());
}

#[divan::bench]
fn budget_quarters(bencher: Bencher) {
    run(bencher, budget_input());
}

#[divan::bench]
fn heatmap_200_risks(bencher: Bencher) {
    run(bencher, heatmap_input());
}

#[divan::bench]
fn progress_24_snapshots(bencher: Bencher) {
    run(bencher, progress_input());
}
