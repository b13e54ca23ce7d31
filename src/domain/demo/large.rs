//! A consultant-scale workspace for benchmarks: fifty client assessments built from the demo
//! company, one of them heavy (every question answered, 300 initiatives, 40 KPIs of 1,000
//! measurements, 30 partner candidates, 200 risks, 24 snapshots).
//!
//! Owns only generated data. Everything follows from the seed and `today`: the same arguments
//! give the same workspace, byte for byte, on every machine (a small xorshift generator, no
//! clock, no operating-system randomness). Every assessment passes the file format's validation,
//! so a benchmark can export, import and store it like a real one.

use chrono::{DateTime, Days, Months, NaiveDate, NaiveTime, Utc};
use uuid::Uuid;

use super::demo_assessment;
use crate::content::{self, presets, Content};
use crate::domain::answers::{AreaSettings, Confidence};
use crate::domain::budget::BudgetCategory;
use crate::domain::kpi::{Cadence, Category, DatedValue, Direction, Kpi, Measurement};
use crate::domain::merge::drop_dangling_links;
use crate::domain::model::{Assessment, Stage};
use crate::domain::risk::{Risk, RiskCategory, RiskStatus};
use crate::domain::roadmap::{Initiative, InitiativeStatus};
use crate::domain::scorecard::{Candidate, FitScore, Review, ScorecardKind};
use crate::domain::snapshot::Snapshot;
use crate::domain::team::Team;
use crate::domain::Workspace;

/// Assessments in the workspace, the heavy one first.
pub const ASSESSMENTS: usize = 50;
/// Initiatives on the heavy assessment's roadmap.
pub const HEAVY_INITIATIVES: usize = 300;
/// KPIs of the heavy assessment.
pub const HEAVY_KPIS: usize = 40;
/// Measurements of each of those KPIs (one a day).
pub const MEASUREMENTS_PER_KPI: usize = 1_000;
/// Candidates on the heavy assessment's partner scorecard.
pub const HEAVY_CANDIDATES: usize = 30;
/// Risks in the heavy assessment's register.
pub const HEAVY_RISKS: usize = 200;
/// Monthly snapshots of the heavy assessment.
pub const HEAVY_SNAPSHOTS: usize = 24;

/// The workspace: [`heavy_assessment`] first, then 49 lighter clients of three kinds (a full
/// plan like the demo's, an assessment with goals and context but no plan yet, and a first
/// half-answered visit).
pub fn large_workspace(seed: u64, today: NaiveDate) -> Workspace {
    let content = content::get();
    let mut rng = Rng::new(seed);
    let mut assessments = Vec::with_capacity(ASSESSMENTS);
    assessments.push(heavy_with(content, &mut rng, today));
    for n in 1..ASSESSMENTS {
        assessments.push(light(content, &mut rng, today, n));
    }
    Workspace { assessments }
}

/// The heavy assessment alone, identical to the first assessment of [`large_workspace`] with
/// the same arguments.
pub fn heavy_assessment(seed: u64, today: NaiveDate) -> Assessment {
    heavy_with(content::get(), &mut Rng::new(seed), today)
}

/// xorshift64*: tiny, fast and good enough to vary generated data; never for anything secret.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        // A zero state would stay zero; mixing the seed first also spreads nearby seeds apart.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A whole number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// A number in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A random (version 4) id.
    fn id(&mut self) -> Uuid {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.next().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

fn noon(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default())
        .and_utc()
}

fn days_before(day: NaiveDate, n: u64) -> NaiveDate {
    day.checked_sub_days(Days::new(n)).unwrap_or(day)
}

fn days_after(day: NaiveDate, n: u64) -> NaiveDate {
    day.checked_add_days(Days::new(n)).unwrap_or(day)
}

const FIRST: [&str; 16] = [
    "Harbour", "North", "Blue", "Bright", "Iron", "Silver", "Clear", "Swift", "Green", "Cedar",
    "Copper", "Oak", "Summit", "Tide", "Polar", "Amber",
];
const SECOND: [&str; 12] = [
    "line", "gate", "path", "field", "works", "stack", "wave", "point", "bridge", "forge", "leaf",
    "stone",
];
const INDUSTRIES: [&str; 10] = [
    "Freight and logistics software",
    "Online marketplace for used machinery",
    "Payments for small retailers",
    "Health-care scheduling",
    "Energy monitoring for buildings",
    "Learning platform for vocational schools",
    "Insurance claims automation",
    "Recruiting software",
    "Food delivery for offices",
    "Property management",
];
const PEOPLE: [&str; 12] = [
    "Mara Jensen",
    "Tomás Ruiz",
    "Daniel Park",
    "Priya Nair",
    "Lena Fischer",
    "Omar Haddad",
    "Inês Costa",
    "Jonas Berg",
    "Aiko Tanaka",
    "Platform team",
    "Customer success",
    "Office manager",
];
const SKILLS: [&str; 10] = [
    "Kubernetes",
    "Observability",
    "PostgreSQL",
    "Security",
    "Routing algorithms",
    "Mobile web",
    "Data engineering",
    "Product discovery",
    "Test automation",
    "Hiring",
];
const VERBS: [&str; 10] = [
    "Introduce",
    "Automate",
    "Document",
    "Replace",
    "Review",
    "Set up",
    "Measure",
    "Harden",
    "Simplify",
    "Train the team on",
];
const OBJECTS: [&str; 14] = [
    "release checklists",
    "on-call rota",
    "database failover",
    "access reviews",
    "cost reports per customer",
    "architecture decision records",
    "load tests before peak season",
    "error budgets",
    "vendor exit plans",
    "onboarding guide",
    "customer interviews",
    "feature flags",
    "backup restore drills",
    "quarterly roadmap review",
];
const RISK_THEMES: [(&str, &str, RiskCategory); 10] = [
    (
        "Key knowledge held by one person",
        "Only one engineer knows how this part works; an absence stalls every change to it.",
        RiskCategory::People,
    ),
    (
        "Vendor raises prices at renewal",
        "The contract renews yearly and the vendor has raised prices twice before.",
        RiskCategory::Vendor,
    ),
    (
        "Customer data exposed through a misconfigured bucket",
        "Storage permissions are set by hand; one mistake makes files public.",
        RiskCategory::Security,
    ),
    (
        "Peak-season load exceeds capacity",
        "Traffic triples in November and the last load test is a year old.",
        RiskCategory::Technical,
    ),
    (
        "Cloud spend grows faster than revenue",
        "Costs are reviewed only when the invoice arrives.",
        RiskCategory::Financial,
    ),
    (
        "Audit finds missing access logs",
        "Enterprise customers ask for access logs we do not keep for long enough.",
        RiskCategory::Compliance,
    ),
    (
        "Release breaks the mobile app offline mode",
        "No automated test covers the offline mode drivers depend on.",
        RiskCategory::Operational,
    ),
    (
        "Open-source library abandoned",
        "A core library has had no release for eighteen months.",
        RiskCategory::Technical,
    ),
    (
        "Contractor leaves on short notice",
        "Two contractors work on one-month notice and hold most of the integration work.",
        RiskCategory::People,
    ),
    (
        "Backups cannot be restored in time",
        "Restores were never timed; the contract promises four hours.",
        RiskCategory::Operational,
    ),
];

fn company(rng: &mut Rng) -> String {
    format!("{}{}", rng.pick(&FIRST), rng.pick(&SECOND))
}

/// One of the 49 lighter clients: the demo company with another name, other answers and, by
/// `n`, a full plan, context only, or a first half-answered visit.
fn light(content: &Content, rng: &mut Rng, today: NaiveDate, n: usize) -> Assessment {
    let created = days_before(today, 30 + rng.below(700) as u64);
    let updated = days_after(created, rng.below(30) as u64).min(today);
    let mut a = demo_assessment(content, noon(today));
    let name = format!("{} {}", company(rng), ["Labs", "GmbH", "Ltd", "AB"][n % 4]);
    a.id = rng.id();
    a.name = format!("{name}: technology review");
    a.profile.company_name = name;
    a.profile.industry = rng.pick(&INDUSTRIES).to_string();
    a.profile.stage = *rng.pick(&Stage::ALL);
    a.profile.team_size = Some(3 + rng.below(60) as u32);
    a.created_at = noon(created);
    a.updated_at = noon(updated);
    vary_answers(content, rng, &mut a);
    match n % 3 {
        0 => {}
        1 => {
            // Context and goals, no plan yet.
            a.initiatives.clear();
            a.risks.clear();
            a.budget = Default::default();
            a.team = Team::default();
            a.kpis.clear();
            a.scorecards.truncate(1);
            a.snapshots.truncate(1);
        }
        _ => {
            // A first visit: half the areas answered, nothing else.
            let keep: Vec<String> = content
                .areas
                .iter()
                .take(8)
                .flat_map(|area| area.questions.iter().map(|q| q.id.clone()))
                .collect();
            a.answers.retain(|id, _| keep.contains(id));
            a.initiatives.clear();
            a.risks.clear();
            a.budget = Default::default();
            a.team = Team::default();
            a.kpis.clear();
            a.goals.clear();
            a.scorecards.clear();
            a.snapshots.clear();
            a.reviews.clear();
            a.stakeholders.clear();
            a.inventory.clear();
            a.decisions.clear();
            a.swot = Default::default();
        }
    }
    drop_dangling_links(&mut a);
    a
}

/// Moves every answered level up or down by one at random, around a company-wide offset.
fn vary_answers(content: &Content, rng: &mut Rng, a: &mut Assessment) {
    let offset = rng.below(3) as i8 - 1;
    for area in &content.areas {
        for q in &area.questions {
            if let Some(answer) = a.answers.get_mut(&q.id) {
                if let Some(level) = answer.current {
                    let step = rng.below(3) as i8 - 1 + offset;
                    answer.current = Some((level as i8 + step).clamp(0, 4) as u8);
                }
            }
        }
    }
}

fn heavy_with(content: &Content, rng: &mut Rng, today: NaiveDate) -> Assessment {
    let now = noon(today);
    let mut a = demo_assessment(content, now);
    a.id = rng.id();
    a.name = "Portfolio client with two years of history (benchmark)".to_string();
    a.profile.company_name = "Northwind Freight Group".to_string();
    a.profile.stage = Stage::SeriesA;
    a.profile.team_size = Some(48);
    a.created_at = noon(days_before(today, 760));
    answer_every_question(content, rng, &mut a);
    a.kpis = heavy_kpis(rng, &a.kpis, today).into();
    add_initiatives(content, rng, &mut a, today);
    add_candidates(rng, &mut a, today);
    add_risks(rng, &mut a, today);
    a.snapshots = monthly_snapshots(content, rng, &a, today).into();
    a
}

fn answer_every_question(content: &Content, rng: &mut Rng, a: &mut Assessment) {
    for area in &content.areas {
        a.areas.insert(
            area.id.clone(),
            AreaSettings {
                importance: 1 + rng.below(3) as u8,
            },
        );
        for (i, q) in area.questions.iter().enumerate() {
            let answer = a.answers.entry(q.id.clone()).or_default();
            let level = answer.current.unwrap_or(2);
            answer.current = Some(level);
            answer.not_applicable = None;
            answer.target = Some((level + 1 + rng.below(2) as u8).min(4));
            answer.confidence = Some(*rng.pick(&Confidence::ALL));
            if answer.notes.is_empty() {
                answer.notes = format!(
                    "Checked with {} on the {} review; {} of the team agree.",
                    rng.pick(&PEOPLE),
                    ["spring", "summer", "autumn", "winter"][i % 4],
                    ["most", "half", "all"][rng.below(3)]
                );
            }
            if answer.evidence.is_empty() {
                answer.evidence = vec![format!(
                    "https://wiki.northwind.example/{}/{}",
                    area.id,
                    q.id.replace('.', "-")
                )];
            }
        }
    }
}

/// The demo's KPIs (which the goals link to) and new ones up to [`HEAVY_KPIS`], each with
/// [`MEASUREMENTS_PER_KPI`] daily measurements up to today.
fn heavy_kpis(rng: &mut Rng, demo: &[Kpi], today: NaiveDate) -> Vec<Kpi> {
    let all = presets::all();
    let start = days_before(today, MEASUREMENTS_PER_KPI as u64 - 1);
    (0..HEAVY_KPIS)
        .map(|k| {
            let mut kpi = match demo.get(k) {
                Some(kpi) => kpi.clone(),
                None if k % 3 == 0 => custom_kpi(rng, k),
                None => {
                    let preset = &all[k % all.len()];
                    let mut kpi = presets::new_kpi(&preset.id, rng.id())
                        .unwrap_or_else(|| Kpi::new(rng.id(), preset.name.clone()));
                    kpi.name = format!("{} ({})", kpi.name, rng.pick(&SECOND));
                    kpi
                }
            };
            let from = 10.0 + 90.0 * rng.unit();
            let to = from * (0.5 + rng.unit());
            let wobble = from * 0.08;
            let phase = rng.unit() * 6.0;
            kpi.owner = rng.pick(&PEOPLE).to_string();
            kpi.baseline = Some(DatedValue {
                date: start,
                value: round1(from),
            });
            kpi.target = Some(DatedValue {
                date: days_after(today, 180),
                value: round1(to * 0.9),
            });
            kpi.measurements = (0..MEASUREMENTS_PER_KPI)
                .map(|i| {
                    let t = i as f64 / MEASUREMENTS_PER_KPI as f64;
                    let noise = (rng.unit() - 0.5) * wobble;
                    let value = from + (to - from) * t + wobble * (i as f64 / 9.0 + phase).sin();
                    Measurement {
                        id: rng.id(),
                        date: days_after(start, i as u64),
                        value: round1((value + noise).max(0.0)),
                    }
                })
                .collect();
            kpi
        })
        .collect()
}

fn custom_kpi(rng: &mut Rng, k: usize) -> Kpi {
    let (name, unit, direction, category) = *rng.pick(&[
        (
            "Orders tracked end to end",
            "%",
            Direction::Higher,
            Category::Business,
        ),
        (
            "Cloud cost per shipment",
            "cents",
            Direction::Lower,
            Category::Business,
        ),
        (
            "Pages answering within a second",
            "%",
            Direction::Higher,
            Category::Reliability,
        ),
        (
            "Support tickets per 100 depots",
            "tickets",
            Direction::Lower,
            Category::ProductUx,
        ),
        (
            "Pull requests reviewed within a day",
            "%",
            Direction::Higher,
            Category::Delivery,
        ),
        (
            "Engineers on call more than one week a month",
            "people",
            Direction::Lower,
            Category::Team,
        ),
    ]);
    let mut kpi = Kpi::new(rng.id(), format!("{name} #{k}"));
    kpi.description = format!("Tracked daily since the {name} dashboard went live.");
    kpi.unit = unit.to_string();
    kpi.direction = direction;
    kpi.category = category;
    kpi.cadence = Cadence::Weekly;
    kpi
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Initiatives up to [`HEAVY_INITIATIVES`]. Each new one depends only on initiatives before it
/// in the list, so the dependencies stay acyclic; starts spread from a year ago to two years
/// ahead, a tenth undated, statuses following the dates.
fn add_initiatives(content: &Content, rng: &mut Rng, a: &mut Assessment, today: NaiveDate) {
    let goals: Vec<Uuid> = a.goals.iter().map(|g| g.id).collect();
    let demo_count = a.initiatives.len();
    while a.initiatives.len() < HEAVY_INITIATIVES {
        let area = rng.pick(&content.areas);
        let mut i = Initiative::new(
            rng.id(),
            format!(
                "{} {} ({})",
                rng.pick(&VERBS),
                rng.pick(&OBJECTS),
                area.name.to_lowercase()
            ),
        );
        i.description = format!(
            "Part of raising {} by one level; agreed at the {} planning.",
            area.name.to_lowercase(),
            ["first", "second", "third", "fourth"][rng.below(4)]
        );
        i.areas = vec![area.id.clone()];
        if let Some(q) = area.questions.get(rng.below(area.questions.len())) {
            i.questions = vec![q.id.clone()];
        }
        if !goals.is_empty() && rng.chance(0.6) {
            i.goals = vec![*rng.pick(&goals)];
        }
        i.duration_weeks = 1 + rng.below(16) as u32;
        i.effort_weeks = (1 + rng.below(12)) as f64;
        i.owner = rng.pick(&PEOPLE).to_string();
        let week = rng.below(156) as i64 - 52;
        if rng.chance(0.9) {
            let start = if week < 0 {
                days_before(today, (-week * 7) as u64)
            } else {
                days_after(today, (week * 7) as u64)
            };
            i.start = Some(start);
            let ends_before_today = i.end().is_some_and(|end| end <= today);
            i.status = if ends_before_today {
                InitiativeStatus::Done
            } else if start <= today {
                InitiativeStatus::InProgress
            } else {
                InitiativeStatus::Planned
            };
        }
        if rng.chance(0.04) {
            i.status = InitiativeStatus::Dropped;
        }
        if rng.chance(0.3) {
            i.one_off_cost = Some((1 + rng.below(40)) as f64 * 250.0);
        }
        if rng.chance(0.25) {
            i.monthly_cost = Some((1 + rng.below(20)) as f64 * 50.0);
        }
        i.cost_category = *rng.pick(&BudgetCategory::ALL);
        // Dependencies only backwards, and mostly among the generated ones, so chains form.
        let before = a.initiatives.len();
        for _ in 0..rng.below(3) {
            let low = if before > demo_count && rng.chance(0.8) {
                demo_count
            } else {
                0
            };
            let Some(dep) = a.initiatives.get(low + rng.below(before - low)) else {
                continue;
            };
            let dep = dep.id;
            if !i.depends_on.contains(&dep) {
                i.depends_on.push(dep);
            }
        }
        i.milestone = rng.chance(0.05);
        i.skills
            .insert(rng.pick(&SKILLS).to_string(), rng.below(5) as u8);
        a.initiatives.push(i);
    }
}

/// Candidates on the partner scorecard up to [`HEAVY_CANDIDATES`], each scored on every
/// criterion with indicators, culture, operating fit and a quarterly review.
fn add_candidates(rng: &mut Rng, a: &mut Assessment, today: NaiveDate) {
    let Some(card) = a
        .scorecards
        .iter_mut()
        .find(|c| c.kind == ScorecardKind::Partner)
    else {
        return;
    };
    let mut n = 0;
    while card.candidates.len() < HEAVY_CANDIDATES {
        n += 1;
        let mut c = Candidate::new(rng.id(), format!("{} Engineering {n}", company(rng)));
        c.notes = format!(
            "{} people, {} references in our industry.",
            10 + rng.below(300),
            rng.below(5)
        );
        for criterion in &card.criteria {
            if rng.chance(0.1) {
                continue;
            }
            let s = c.scores.entry(criterion.id.clone()).or_default();
            s.score = Some(rng.below(6) as u8);
            s.evidence = format!(
                "Seen in the {} call.",
                ["first", "second", "reference"][rng.below(3)]
            );
            for ind in &criterion.indicators {
                s.indicators
                    .insert(ind.id.clone(), (rng.below(1000) as f64) / 10.0);
            }
        }
        for dimension in card.culture.keys() {
            c.culture.insert(dimension.clone(), 1 + rng.below(5) as u8);
        }
        for aspect in card.operating_model.keys() {
            c.operating_fit.insert(
                aspect.clone(),
                FitScore {
                    score: Some(rng.below(6) as u8),
                    evidence: "From their process walkthrough.".to_string(),
                },
            );
        }
        c.reviews = vec![Review {
            id: rng.id(),
            date: days_before(today, 90),
            scores: c
                .scores
                .iter()
                .filter_map(|(k, s)| Some((k.clone(), s.score?)))
                .collect(),
        }];
        card.candidates.push(c);
    }
}

/// Risks up to [`HEAVY_RISKS`], over the whole likelihood and impact grid, most with a
/// mitigation linked to initiatives and a review date, some overdue.
fn add_risks(rng: &mut Rng, a: &mut Assessment, today: NaiveDate) {
    let initiatives: Vec<Uuid> = a.initiatives.iter().map(|i| i.id).collect();
    let mut n = 0;
    while a.risks.len() < HEAVY_RISKS {
        n += 1;
        let (title, description, category) = *rng.pick(&RISK_THEMES);
        let mut r = Risk::new(rng.id(), format!("{title} ({n})"));
        r.description = description.to_string();
        r.category = category;
        r.likelihood = 1 + rng.below(5) as u8;
        r.impact = 1 + rng.below(5) as u8;
        r.owner = rng.pick(&PEOPLE).to_string();
        r.status = *rng.pick(&RiskStatus::ALL);
        if rng.chance(0.7) {
            r.mitigation = format!("{} {}.", rng.pick(&VERBS), rng.pick(&OBJECTS));
            for _ in 0..1 + rng.below(2) {
                let id = *rng.pick(&initiatives);
                if !r.initiatives.contains(&id) {
                    r.initiatives.push(id);
                }
            }
        }
        if rng.chance(0.8) {
            let offset = rng.below(180) as u64;
            r.next_review = Some(if rng.chance(0.2) {
                days_before(today, offset)
            } else {
                days_after(today, offset)
            });
        }
        a.risks.push(r);
    }
}

/// One snapshot a month for [`HEAVY_SNAPSHOTS`] months, oldest first, levels rising towards
/// today's answers.
fn monthly_snapshots(
    content: &Content,
    rng: &mut Rng,
    a: &Assessment,
    today: NaiveDate,
) -> Vec<Snapshot> {
    let ids: Vec<&str> = content
        .areas
        .iter()
        .flat_map(|area| area.questions.iter().map(|q| q.id.as_str()))
        .collect();
    (0..HEAVY_SNAPSHOTS)
        .map(|m| {
            let months_ago = (HEAVY_SNAPSHOTS - m) as u32;
            let day = today
                .checked_sub_months(Months::new(months_ago))
                .unwrap_or(today);
            let mut s = Snapshot::take(
                a,
                rng.id(),
                format!("Monthly review, {}", day.format("%B %Y")),
                noon(day),
            );
            // Further back, more answers were lower: up to two levels two years ago.
            let share = f64::from(months_ago) / HEAVY_SNAPSHOTS as f64;
            for id in &ids {
                if let Some(answer) = s.answers.get_mut(*id) {
                    let below = u8::from(rng.chance(share)) + u8::from(rng.chance(share / 2.0));
                    answer.current = answer.current.map(|l| l.saturating_sub(below));
                }
            }
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roadmap::deps;
    use crate::format::{self, FileKind};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn the_heavy_assessment_has_the_sizes_the_benchmarks_promise() {
        let a = heavy_assessment(7, today());
        let content = content::get();
        assert_eq!(a.answers.len(), content.question_count());
        assert!(a
            .answers
            .values()
            .all(|x| x.current.is_some() && !x.is_not_applicable()));
        assert_eq!(a.initiatives.len(), HEAVY_INITIATIVES);
        assert_eq!(a.kpis.len(), HEAVY_KPIS);
        assert!(a
            .kpis
            .iter()
            .all(|k| k.measurements.len() == MEASUREMENTS_PER_KPI
                && k.measurements.windows(2).all(|w| w[0].date < w[1].date)));
        let partner = a
            .scorecards
            .iter()
            .find(|c| c.kind == ScorecardKind::Partner)
            .unwrap();
        assert_eq!(partner.candidates.len(), HEAVY_CANDIDATES);
        assert_eq!(a.risks.len(), HEAVY_RISKS);
        assert_eq!(a.snapshots.len(), HEAVY_SNAPSHOTS);
        assert!(a
            .snapshots
            .windows(2)
            .all(|w| w[0].taken_at < w[1].taken_at));
        // Dependencies: many, and no cycle.
        let links: usize = a.initiatives.iter().map(|i| i.depends_on.len()).sum();
        assert!(links > 200, "{links}");
        assert_eq!(deps::find_cycle(&a.initiatives), None);
    }

    #[test]
    fn the_same_seed_gives_the_same_workspace_and_another_seed_another() {
        let one = large_workspace(3, today());
        assert_eq!(one, large_workspace(3, today()));
        assert_ne!(one, large_workspace(4, today()));
        assert_eq!(one.assessments.len(), ASSESSMENTS);
        assert_eq!(one.assessments[0], heavy_assessment(3, today()));
        let ids: std::collections::HashSet<Uuid> = one.assessments.iter().map(|a| a.id).collect();
        assert_eq!(ids.len(), ASSESSMENTS);
        // The lighter clients differ: three kinds, and not all with the same answers.
        let plans = one.assessments.iter().filter(|a| !a.initiatives.is_empty());
        assert!(plans.count() >= 15);
        let firsts = one.assessments.iter().filter(|a| a.answers.len() < 60);
        assert!(firsts.count() >= 15);
        assert_ne!(one.assessments[1].answers, one.assessments[4].answers);
    }

    #[test]
    fn every_generated_assessment_survives_export_and_import() {
        let ws = large_workspace(1, today());
        let text = format::export(FileKind::Workspace, &ws.assessments, noon(today()));
        assert!(text.len() < format::MAX_FILE_BYTES, "{} bytes", text.len());
        let imported = format::import(&text).unwrap();
        assert_eq!(imported.assessments, ws.assessments);
        assert_eq!(imported.integrity, format::Integrity::Intact);
        let one = format::export(FileKind::Assessment, &ws.assessments[..1], noon(today()));
        assert_eq!(
            format::import(&one).unwrap().assessments,
            ws.assessments[..1]
        );
        // Storage keeps each one as it is.
        for a in &ws.assessments {
            assert_eq!(
                &format::decode_stored(&format::encode_stored(a)).unwrap(),
                a
            );
        }
    }
}
