//! KPI presets: ready-made KPIs (the DORA software delivery measures, reliability, cost, product,
//! team and partner measures) a founder can add in one click, compiled in from
//! `content/en/kpi_presets.json` (and its Chinese twin). The DORA presets carry benchmark bands
//! for the report years 2021, 2023 and 2024.
//!
//! DORA publishes, per report, the typical answers of four clusters of survey respondents (elite,
//! high, medium, low), found from all four measures together; it publishes no per-measure limits.
//! Each band year here keeps, word for word, the year's own name for the measure (`metric`), the
//! survey question it asked (`scope`) and each cluster's published answer (`published`), in the
//! report's order; next to them are our own per-measure cut-offs, which cover every possible value
//! exactly once. Each cut-off says whether its range is DORA's published range in our unit or
//! partly our own reading (`derived`), and why (`reading`); the year's `note` says which numbers are
//! DORA's and which are ours. Show all of it, and the year, next to any classification.
//!
//! The cut-offs of a year are listed in ascending order of value. Normally that is elite to low
//! when lower is better and low to elite when higher is better; a year whose published figures do
//! not improve from cluster to cluster (2024 change fail rate: medium 10%, high 20%) is marked
//! `non_monotonic` and keeps the report's clusters, each value reading as the cluster whose
//! published figure is nearest. Each cut-off's `from` is **inclusive** and its `to` is
//! **exclusive**; `to` is `null` only on the last, open-ended cut-off, and the first starts at 0,
//! the lowest value any banded measure (a count, a duration or a percentage) can take. So a value
//! exactly on a line belongs to the band that starts there.
//!
//! Ids here are keys in users' files (a KPI's `preset`): never change or reuse one once
//! released; add new ids instead. This module only reads compiled-in data; it never touches user
//! input.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;
use uuid::Uuid;

use crate::domain::kpi::{Cadence, Category, Direction, Kpi};

/// The report years the DORA presets carry bands for, in order.
pub const BAND_YEARS: [u16; 3] = [2021, 2023, 2024];

/// Presets that must carry bands for every year in [`BAND_YEARS`]; every other preset has none
/// (rework rate is a DORA measure, but 2024 published no bands for it).
pub const BANDED_PRESETS: [&str; 4] = [
    "dora.deployment-frequency",
    "dora.lead-time",
    "dora.change-failure-rate",
    "dora.recovery-time",
];

/// A DORA performance band, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Elite,
    High,
    Medium,
    Low,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Elite, Level::High, Level::Medium, Level::Low];

    pub fn id(self) -> &'static str {
        match self {
            Level::Elite => "elite",
            Level::High => "high",
            Level::Medium => "medium",
            Level::Low => "low",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::Elite => "Elite",
            Level::High => "High",
            Level::Medium => "Medium",
            Level::Low => "Low",
        }
    }

    /// 0 for elite to 3 for low.
    pub fn rank(self) -> u8 {
        self as u8
    }
}

/// One of our cut-offs: values from `from` (inclusive) up to `to` (exclusive, `None` for no upper
/// end) belong to `level`. In the preset's unit.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Cutoff {
    pub level: Level,
    pub from: f64,
    pub to: Option<f64>,
    /// False when the range is the cluster's published range, only converted to our unit; true
    /// when any part of it is our own reading (a gap filled, an overlap split, a line drawn between
    /// typical values, or "on demand" read as a count).
    pub derived: bool,
    /// How the range was read from the published figure, in plain words, shown next to it.
    pub reading: String,
}

impl Cutoff {
    pub fn contains(&self, value: f64) -> bool {
        value >= self.from && self.to.is_none_or(|to| value < to)
    }
}

/// The bands as the report published them, word for word (they may overlap or leave gaps).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Published {
    pub elite: String,
    pub high: String,
    pub medium: String,
    pub low: String,
}

impl Published {
    pub fn get(&self, level: Level) -> &str {
        match level {
            Level::Elite => &self.elite,
            Level::High => &self.high,
            Level::Medium => &self.medium,
            Level::Low => &self.low,
        }
    }
}

/// One report year's bands for a preset.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BandYear {
    pub year: u16,
    /// The report the figures come from, to cite on screen ("Accelerate State of DevOps Report
    /// 2024, Google Cloud / DORA").
    pub source: String,
    /// The measure's name in that year's report ("Time to restore service" in 2021, "Failed
    /// deployment recovery time" from 2023): the names and scopes changed.
    pub metric: String,
    /// What that year's survey asked, which is what the published figures measure.
    pub scope: String,
    /// Each cluster's typical answer as published, in the report's order (elite, high, medium, low).
    pub published: Published,
    /// Our contiguous cut-offs, ascending by value (see the module docs). A level may be missing
    /// when the year's figures give it no range of its own (2021 change failure rate: medium).
    pub cutoffs: Vec<Cutoff>,
    /// Which numbers are DORA's and which are ours, and how a value's band is derived.
    pub note: String,
    /// The published figures do not improve from cluster to cluster, so the cut-offs follow the
    /// published figure nearest to a value rather than the clusters' rank (see the module docs).
    #[serde(default)]
    pub non_monotonic: bool,
}

impl BandYear {
    /// Our cut-off for a level, if that year's cut-offs give it a range.
    pub fn cutoff(&self, level: Level) -> Option<&Cutoff> {
        self.cutoffs.iter().find(|c| c.level == level)
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    /// Stable id, `<group>.<name>`, e.g. "dora.lead-time".
    pub id: String,
    pub name: String,
    /// What it measures in plain words, with one technical term explained.
    pub description: String,
    pub unit: String,
    pub direction: Direction,
    pub category: Category,
    pub cadence: Cadence,
    /// Benchmark bands by report year, oldest first; empty when none are published.
    #[serde(default)]
    pub bands: Vec<BandYear>,
}

impl Preset {
    pub fn band_year(&self, year: u16) -> Option<&BandYear> {
        self.bands.iter().find(|b| b.year == year)
    }
}

/// Parses the compiled-in presets; an error names the file and the place.
pub fn parse() -> Result<Vec<Preset>, String> {
    parse_lang(crate::i18n::Lang::En)
}

/// Parses the presets of a language.
pub fn parse_lang(lang: crate::i18n::Lang) -> Result<Vec<Preset>, String> {
    let dir = crate::texts::bundle_code(lang);
    let text = crate::texts::source(lang, "content/kpi_presets.json").unwrap_or("");
    serde_json::from_str(text).map_err(|e| format!("{dir}/kpi_presets.json: {e}"))
}

/// Every preset, in the file's order, parsed once.
pub fn all() -> &'static [Preset] {
    all_lang(crate::i18n::Lang::En)
}

/// Every preset in a language (same ids, order and figures in every language). In the browser
/// only the language in use is loaded; asking for another answers in the loaded one.
pub fn all_lang(lang: crate::i18n::Lang) -> &'static [Preset] {
    static CELLS: [OnceLock<Vec<Preset>>; 2] = [const { OnceLock::new() }; 2];
    let presets: &'static Vec<Preset> = crate::texts::per_language(&CELLS, lang, |lang| {
        // ok: shipped with the build, not user input; `tests::presets_are_complete` parses and
        // checks the file in both languages, so a bad file fails the build's tests, never a user.
        parse_lang(lang).unwrap_or_else(|e| panic!("built-in KPI presets are invalid: {e}"))
    });
    presets
}

pub fn get(id: &str) -> Option<&'static Preset> {
    all().iter().find(|p| p.id == id)
}

/// A new KPI made from a preset: its name, description, unit, direction, category and cadence,
/// with `preset` set to the preset's id; no owner, baseline, target or measurements. `None` for
/// an unknown preset id.
pub fn new_kpi(preset_id: &str, id: Uuid) -> Option<Kpi> {
    let p = get(preset_id)?;
    Some(Kpi {
        name: p.name.clone(),
        description: p.description.clone(),
        unit: p.unit.clone(),
        direction: p.direction,
        category: p.category,
        cadence: p.cadence,
        preset: Some(p.id.clone()),
        ..Kpi::new(id, "")
    })
}

/// The band a value falls in under our cut-offs for that report year (`from` inclusive, `to`
/// exclusive). `None` when the preset has no bands for the year, or the value is not a finite
/// number or is below the lowest cut-off (a negative count, duration or percentage).
pub fn classify(preset: &Preset, year: u16, value: f64) -> Option<Level> {
    if !value.is_finite() {
        return None;
    }
    preset
        .band_year(year)?
        .cutoffs
        .iter()
        .find(|c| c.contains(value))
        .map(|c| c.level)
}

/// The newest report year the preset has bands for.
pub fn latest_year(preset: &Preset) -> Option<u16> {
    preset.bands.iter().map(|b| b.year).max()
}

/// Lowercase ascii letters, digits and single hyphens, not starting or ending with a hyphen.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// A published figure that is a single typical value ("20%"), as a number; `None` for a range or
/// words ("16%-30%", "Less than one day").
fn typical_percent(published: &str) -> Option<f64> {
    published.trim().strip_suffix('%')?.trim().parse().ok()
}

/// Every problem with the cut-offs of one band year (`at` names it).
fn check_cutoffs(at: &str, direction: Direction, by: &BandYear, problems: &mut Vec<String>) {
    let cutoffs = &by.cutoffs;
    let (Some(first), Some(last)) = (cutoffs.first(), cutoffs.last()) else {
        problems.push(format!("{at}: no cut-offs"));
        return;
    };
    if first.from != 0.0 {
        problems.push(format!(
            "{at}: first cut-off starts at {}, not 0",
            first.from
        ));
    }
    if last.to.is_some() {
        problems.push(format!("{at}: last cut-off must be open-ended (to: null)"));
    }
    let (best, worst) = match direction {
        Direction::Lower => (first.level, last.level),
        Direction::Higher => (last.level, first.level),
    };
    if best != Level::Elite || worst != Level::Low {
        problems.push(format!(
            "{at}: cut-offs must run from elite to low in the preset's direction"
        ));
    }
    let mut levels = HashSet::new();
    for c in cutoffs {
        if !levels.insert(c.level) {
            problems.push(format!("{at}: {} has two cut-offs", c.level.id()));
        }
        if blank(&c.reading) {
            problems.push(format!(
                "{at}/{}: no reading (say how the range was read)",
                c.level.id()
            ));
        }
        if !c.from.is_finite() || c.to.is_some_and(|to| !(to.is_finite() && to > c.from)) {
            problems.push(format!(
                "{at}/{}: empty or invalid range {}..{:?}",
                c.level.id(),
                c.from,
                c.to
            ));
        }
    }
    let mut all_in_order = true;
    for pair in cutoffs.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.to != Some(b.from) {
            problems.push(format!(
                "{at}: {} ends at {:?} but {} starts at {}",
                a.level.id(),
                a.to,
                b.level.id(),
                b.from
            ));
        }
        let in_order = match direction {
            Direction::Lower => a.level < b.level,
            Direction::Higher => a.level > b.level,
        };
        all_in_order &= in_order;
        // A non-monotonic year keeps the report's clusters, so its order is checked below against
        // the published figures instead.
        if !in_order && !by.non_monotonic {
            problems.push(format!(
                "{at}: {} then {} is out of order for {} is better",
                a.level.id(),
                b.level.id(),
                match direction {
                    Direction::Lower => "lower",
                    Direction::Higher => "higher",
                }
            ));
        }
    }
    if by.non_monotonic && all_in_order {
        problems.push(format!(
            "{at}: marked non_monotonic but its cut-offs are in order"
        ));
    }
    // Where the report gives one typical figure per cluster, that figure must read as its own
    // cluster under our lines (this is what lets a non-monotonic year keep the report's order).
    for level in Level::ALL {
        if let Some(v) = typical_percent(by.published.get(level)) {
            if !by.cutoff(level).is_some_and(|c| c.contains(v)) {
                problems.push(format!(
                    "{at}/{}: the published {v}% does not read as {}",
                    level.id(),
                    level.id()
                ));
            }
        }
    }
}

/// Every problem with the presets, for the tests below (and for anyone editing the file).
pub fn check(presets: &[Preset]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for p in presets {
        let at = &p.id;
        match p.id.split_once('.') {
            Some((group, name)) if is_slug(group) && is_slug(name) => {}
            _ => problems.push(format!(
                "{at}: id must be <group>.<name>, lowercase ascii, digits and -"
            )),
        }
        if !seen.insert(p.id.as_str()) {
            problems.push(format!("{at}: duplicate id"));
        }
        if [&p.name, &p.description, &p.unit]
            .into_iter()
            .any(|s| blank(s))
        {
            problems.push(format!("{at}: an empty text"));
        }
        if p.id.starts_with("dora.")
            && !matches!(p.category, Category::Delivery | Category::Reliability)
        {
            problems.push(format!("{at}: a DORA key must be delivery or reliability"));
        }

        let years: Vec<u16> = p.bands.iter().map(|b| b.year).collect();
        if BANDED_PRESETS.contains(&p.id.as_str()) {
            if years != BAND_YEARS {
                problems.push(format!(
                    "{at}: band years {years:?}, expected {BAND_YEARS:?}"
                ));
            }
        } else if !years.is_empty() {
            problems.push(format!("{at}: has bands but is not a banded preset"));
        }
        for b in &p.bands {
            let ba = format!("{at} {}", b.year);
            if !b.source.contains(&b.year.to_string()) || !b.source.contains("DORA") {
                problems.push(format!("{ba}: source must name the year and DORA"));
            }
            let published = Level::ALL.map(|l| b.published.get(l));
            if [
                b.source.as_str(),
                b.metric.as_str(),
                b.scope.as_str(),
                b.note.as_str(),
            ]
            .into_iter()
            .chain(published)
            .any(blank)
            {
                problems.push(format!("{ba}: an empty text"));
            }
            check_cutoffs(&ba, p.direction, b, &mut problems);
        }
    }
    problems
}

#[cfg(test)]
#[path = "tests_dora.rs"]
mod tests_dora;

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids released so far. Removing, renaming or reordering one breaks users' files: this list
    /// only grows, at the end.
    const RELEASED_PRESET_IDS: [&str; 14] = [
        "dora.deployment-frequency",
        "dora.lead-time",
        "dora.change-failure-rate",
        "dora.recovery-time",
        "dora.rework-rate",
        "product.nps",
        "product.csat",
        "product.churn",
        "team.attrition",
        "team.time-to-hire",
        "partner.return-call",
        "reliability.slo-attainment",
        "cost.cloud-per-customer",
        "cost.infrastructure-share-of-revenue",
    ];

    fn preset(id: &str) -> &'static Preset {
        get(id).unwrap_or_else(|| panic!("{id} missing"))
    }

    #[test]
    fn presets_are_complete() {
        let presets = parse().unwrap_or_else(|e| panic!("{e}"));
        let problems = check(&presets);
        assert!(
            problems.is_empty(),
            "KPI preset problems:\n{}",
            problems.join("\n")
        );
        assert_eq!(presets, all());
    }

    #[test]
    fn released_ids_are_present_in_order() {
        let ids: Vec<&str> = all().iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, RELEASED_PRESET_IDS);
        for id in RELEASED_PRESET_IDS {
            assert_eq!(preset(id).id, id);
        }
        assert_eq!(get("dora.nope"), None);
    }

    #[test]
    fn dora_keys_have_bands_for_each_year_except_rework_rate() {
        for id in BANDED_PRESETS {
            let p = preset(id);
            let years: Vec<u16> = p.bands.iter().map(|b| b.year).collect();
            assert_eq!(years, BAND_YEARS, "{id}");
            assert_eq!(latest_year(p), Some(2024), "{id}");
        }
        let rework = preset("dora.rework-rate");
        assert!(rework.bands.is_empty());
        assert_eq!(latest_year(rework), None);
        assert!(rework.description.contains("2024"));
        assert!(rework.description.contains("no benchmark bands"));
        for p in all().iter().filter(|p| !p.id.starts_with("dora.")) {
            assert!(p.bands.is_empty(), "{}", p.id);
        }
    }

    #[test]
    fn presets_have_their_unit_direction_and_category() {
        use Category::{Business, Delivery, Partner, ProductUx, Reliability, Team};
        use Direction::{Higher, Lower};
        let expect = |id: &str, unit: &str, direction, category| {
            let p = preset(id);
            assert_eq!(p.unit, unit, "{id}");
            assert_eq!(p.direction, direction, "{id}");
            assert_eq!(p.category, category, "{id}");
        };
        expect(
            "dora.deployment-frequency",
            "deployments per week",
            Higher,
            Delivery,
        );
        expect("dora.lead-time", "hours", Lower, Delivery);
        expect("dora.change-failure-rate", "%", Lower, Reliability);
        expect("dora.recovery-time", "hours", Lower, Reliability);
        expect("dora.rework-rate", "%", Lower, Reliability);
        expect("product.nps", "score (-100 to 100)", Higher, ProductUx);
        expect("product.csat", "%", Higher, ProductUx);
        expect(
            "product.churn",
            "% of customers per month",
            Lower,
            ProductUx,
        );
        expect("team.attrition", "% of engineers per year", Lower, Team);
        expect("team.time-to-hire", "days", Lower, Team);
        expect("partner.return-call", "hours", Lower, Partner);
        expect(
            "reliability.slo-attainment",
            "% of service level objectives met",
            Higher,
            Reliability,
        );
        expect(
            "cost.cloud-per-customer",
            "per customer per month",
            Lower,
            Business,
        );
        expect(
            "cost.infrastructure-share-of-revenue",
            "% of revenue",
            Lower,
            Business,
        );
        for id in [
            "reliability.slo-attainment",
            "cost.cloud-per-customer",
            "cost.infrastructure-share-of-revenue",
        ] {
            assert!(preset(id).bands.is_empty(), "{id}");
            assert!(preset(id).description.contains("own target"), "{id}");
        }
        assert!(preset("reliability.slo-attainment")
            .description
            .contains("Accelerate State of DevOps Report 2021"));
        assert!(preset("partner.return-call")
            .description
            .contains("8 hours"));
    }

    #[test]
    fn every_band_edge_classifies_into_the_band_that_starts_there() {
        for p in all() {
            for b in &p.bands {
                for (i, c) in b.cutoffs.iter().enumerate() {
                    let at = format!("{} {} {}", p.id, b.year, c.level.id());
                    assert_eq!(classify(p, b.year, c.from), Some(c.level), "{at} from");
                    match c.to {
                        Some(to) => {
                            let below = to - (to - c.from) * 1e-9;
                            assert_eq!(classify(p, b.year, below), Some(c.level), "{at} below to");
                            let next = b.cutoffs[i + 1].level;
                            assert_eq!(classify(p, b.year, to), Some(next), "{at} to");
                        }
                        None => {
                            assert_eq!(classify(p, b.year, c.from * 1e6 + 1e6), Some(c.level))
                        }
                    }
                }
                assert_eq!(classify(p, b.year, -0.001), None, "{} {}", p.id, b.year);
                assert_eq!(classify(p, b.year, f64::NAN), None);
                assert_eq!(classify(p, b.year, f64::INFINITY), None);
            }
            assert_eq!(classify(p, 2022, 1.0), None, "{} 2022", p.id);
        }
    }

    /// `(value, expected level)` pairs for one preset and year, edges first.
    fn expect_levels(id: &str, year: u16, cases: &[(f64, Level)]) {
        let p = preset(id);
        for &(value, level) in cases {
            assert_eq!(
                classify(p, year, value),
                Some(level),
                "{id} {year} at {value}"
            );
        }
    }

    #[test]
    fn deployment_frequency_edges() {
        use Level::*;
        let id = "dora.deployment-frequency";
        expect_levels(
            id,
            2021,
            &[
                (0.0, Low),
                (0.0379, Low),
                (0.038, Medium),
                (1.0 / 26.0, Medium), // every 6 months
                (0.2299, Medium),
                (0.23, High),
                (12.0 / 52.0, High), // monthly
                (1.0, High),         // weekly
                (4.99, High),        // between weekly and daily: the 2021 gap
                (5.0, Elite),        // every working day
                (7.0, Elite),
                (50.0, Elite),
            ],
        );
        for year in [2023, 2024] {
            expect_levels(
                id,
                year,
                &[
                    (0.0, Low),
                    (1.0 / 26.0, Low),
                    (0.2299, Low),
                    (0.23, Medium),
                    (12.0 / 52.0, Medium),
                    (0.999, Medium),
                    (1.0, High),
                    (4.99, High),
                    (5.0, Elite), // every working day can be elite
                    (7.0, Elite),
                ],
            );
        }
    }

    #[test]
    fn lead_time_edges() {
        use Level::*;
        let id = "dora.lead-time";
        expect_levels(
            id,
            2021,
            &[
                (0.0, Elite),
                (0.999, Elite),
                (1.0, High),
                (12.0, High), // 1 hour to 1 day: the 2021 gap
                (167.9, High),
                (168.0, Medium),
                (400.0, Medium), // 1 week to 1 month: the other gap
                (4379.9, Medium),
                (4380.0, Low),
                (1e6, Low),
            ],
        );
        for year in [2023, 2024] {
            expect_levels(
                id,
                year,
                &[
                    (0.0, Elite),
                    (23.9, Elite),
                    (24.0, High),
                    (167.9, High),
                    (168.0, Medium),
                    (729.9, Medium),
                    (730.0, Low),
                    (4380.0, Low),
                ],
            );
        }
    }

    #[test]
    fn change_failure_rate_edges() {
        use Level::*;
        let id = "dora.change-failure-rate";
        expect_levels(
            id,
            2021,
            &[
                (0.0, Elite),
                (15.0, Elite),
                (15.9, Elite),
                (16.0, High),
                (30.0, High),
                (30.9, High),
                (31.0, Low),
                (100.0, Low),
            ],
        );
        let p = preset(id);
        for v in [0.0, 16.0, 23.0, 31.0, 64.0] {
            assert_ne!(classify(p, 2021, v), Some(Medium), "2021 at {v}");
        }
        expect_levels(
            id,
            2023,
            &[
                (0.0, Elite),
                (5.0, Elite),
                (7.49, Elite),
                (7.5, High),
                (10.0, High),
                (12.49, High),
                (12.5, Medium),
                (15.0, Medium),
                (39.49, Medium),
                (39.5, Low),
                (64.0, Low),
            ],
        );
        expect_levels(
            id,
            2024,
            &[
                (0.0, Elite),
                (5.0, Elite),
                (7.49, Elite),
                (7.5, Medium),
                (10.0, Medium), // DORA 2024's medium cluster: typically 10%
                (14.99, Medium),
                (15.0, High),
                (20.0, High), // DORA 2024's high cluster: typically 20%
                (29.99, High),
                (30.0, Low),
                (40.0, Low),
            ],
        );
    }

    #[test]
    fn recovery_time_edges() {
        use Level::*;
        for year in BAND_YEARS {
            expect_levels(
                "dora.recovery-time",
                year,
                &[
                    (0.0, Elite),
                    (0.999, Elite),
                    (1.0, High),
                    (23.9, High),
                    (24.0, Medium),
                    (48.0, Medium), // 2024: the gap between "< 1 day" and "1 week to 1 month"
                    (167.9, Medium),
                    (168.0, Low),
                    (730.0, Low),
                    (4380.0, Low),
                ],
            );
        }
    }

    #[test]
    fn published_wording_is_kept() {
        let b = |id: &str, year| {
            preset(id)
                .band_year(year)
                .unwrap_or_else(|| panic!("{id} {year}"))
        };
        assert_eq!(
            b("dora.lead-time", 2021).published.get(Level::Elite),
            "Less than one hour"
        );
        assert_eq!(
            b("dora.change-failure-rate", 2024)
                .published
                .get(Level::High),
            "20%"
        );
        assert_eq!(
            b("dora.change-failure-rate", 2024)
                .published
                .get(Level::Medium),
            "10%"
        );
        assert_eq!(
            b("dora.recovery-time", 2024).published.get(Level::Low),
            "Between one week and one month"
        );
        assert_eq!(
            b("dora.deployment-frequency", 2021)
                .published
                .get(Level::Elite),
            "On-demand (multiple deploys per day)"
        );
        assert!(b("dora.change-failure-rate", 2021)
            .cutoff(Level::Medium)
            .is_none());
    }

    #[test]
    fn new_kpi_copies_the_preset() {
        for p in all() {
            let id = Uuid::from_u128(42);
            let k = new_kpi(&p.id, id).unwrap_or_else(|| panic!("{}", p.id));
            assert_eq!(k.id, id);
            assert_eq!(k.name, p.name);
            assert_eq!(k.description, p.description);
            assert_eq!(k.unit, p.unit);
            assert_eq!(k.direction, p.direction);
            assert_eq!(k.category, p.category);
            assert_eq!(k.cadence, p.cadence);
            assert_eq!(k.preset.as_deref(), Some(p.id.as_str()));
            assert_eq!(k.baseline, None);
            assert_eq!(k.target, None);
            assert_eq!(k.owner, "");
            assert!(k.measurements.is_empty());
            let json = serde_json::to_string(&k).unwrap_or_else(|e| panic!("{e}"));
            let back: Kpi = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(back, k);
        }
        assert_eq!(new_kpi("team.nope", Uuid::nil()), None);
    }

    #[test]
    fn check_reports_broken_presets() {
        let mut presets = all().to_vec();
        presets[1].id = presets[0].id.clone();
        presets[2].bands[0].cutoffs[1].from = 17.0; // gap after elite
        presets[2].bands[1].cutoffs.swap(1, 2); // out of order
        presets[3].bands[2].cutoffs[3].to = Some(1000.0); // not open-ended
        presets[3].bands[0].cutoffs[0].from = 0.5; // does not start at 0
        presets[3].bands.pop();
        presets[4].bands = presets[3].bands.clone();
        presets[5].description = " ".into();
        presets[0].bands[0].note.clear();
        presets[0].bands[1].source = "State of DevOps report".into();
        presets[0].bands[2].cutoffs.reverse(); // elite to low by value: wrong for higher
        presets[2].bands[2].published.high = "50%".into(); // reads as low under our lines
        let problems = check(&presets).join("\n");
        for expected in [
            "dora.deployment-frequency: duplicate id",
            "dora.change-failure-rate 2021: elite ends at Some(16.0) but high starts at 17",
            "dora.change-failure-rate 2023: medium then high is out of order",
            "dora.recovery-time 2021: first cut-off starts at 0.5, not 0",
            "dora.recovery-time: band years [2021, 2023], expected [2021, 2023, 2024]",
            "dora.rework-rate: has bands but is not a banded preset",
            "product.nps: an empty text",
            "dora.deployment-frequency 2021: an empty text",
            "dora.deployment-frequency 2023: source must name the year",
            "dora.deployment-frequency 2024: cut-offs must run from elite to low",
            "dora.change-failure-rate 2024/high: the published 50% does not read as high",
        ] {
            assert!(
                problems.contains(expected),
                "missing {expected:?} in:\n{problems}"
            );
        }

        let mut presets = all().to_vec();
        presets[3].bands[2].cutoffs[3].to = Some(1000.0);
        presets[0].bands[0].cutoffs[0].to = Some(0.0);
        presets[1].bands[0].cutoffs[1].reading = " ".into();
        presets[1].bands[1].metric.clear();
        presets[1].bands[2].non_monotonic = true; // lead time 2024 is in order
        presets[2].bands[2].non_monotonic = false; // change fail rate 2024 is not
        presets[2].bands[1].cutoffs[3].level = Level::High;
        let problems = check(&presets).join("\n");
        for expected in [
            "dora.recovery-time 2024: last cut-off must be open-ended",
            "dora.deployment-frequency 2021/low: empty or invalid range 0..Some(0.0)",
            "dora.lead-time 2021/high: no reading",
            "dora.lead-time 2023: an empty text",
            "dora.lead-time 2024: marked non_monotonic but its cut-offs are in order",
            "dora.change-failure-rate 2024: medium then high is out of order",
            "dora.change-failure-rate 2023: high has two cut-offs",
        ] {
            assert!(
                problems.contains(expected),
                "missing {expected:?} in:\n{problems}"
            );
        }
    }
}
