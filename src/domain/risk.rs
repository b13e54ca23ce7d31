//! The risk register: technology risks with likelihood and impact on a 1-to-5 scale, owners,
//! mitigations linked to initiatives and review dates.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::i18n::{tr, trf};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RiskCategory {
    #[default]
    Technical,
    Security,
    People,
    Vendor,
    Financial,
    Compliance,
    Operational,
}

impl RiskCategory {
    pub const ALL: [RiskCategory; 7] = [
        RiskCategory::Technical,
        RiskCategory::Security,
        RiskCategory::People,
        RiskCategory::Vendor,
        RiskCategory::Financial,
        RiskCategory::Compliance,
        RiskCategory::Operational,
    ];

    pub fn id(self) -> &'static str {
        match self {
            RiskCategory::Technical => "technical",
            RiskCategory::Security => "security",
            RiskCategory::People => "people",
            RiskCategory::Vendor => "vendor",
            RiskCategory::Financial => "financial",
            RiskCategory::Compliance => "compliance",
            RiskCategory::Operational => "operational",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RiskCategory::Technical => "Technical",
            RiskCategory::Security => "Security",
            RiskCategory::People => "People",
            RiskCategory::Vendor => "Vendor",
            RiskCategory::Financial => "Financial",
            RiskCategory::Compliance => "Compliance",
            RiskCategory::Operational => "Operational",
        }
    }

    pub fn from_id(id: &str) -> Option<RiskCategory> {
        RiskCategory::ALL.into_iter().find(|c| c.id() == id)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RiskStatus {
    #[default]
    Open,
    Mitigating,
    Accepted,
    Closed,
}

impl RiskStatus {
    pub const ALL: [RiskStatus; 4] = [
        RiskStatus::Open,
        RiskStatus::Mitigating,
        RiskStatus::Accepted,
        RiskStatus::Closed,
    ];

    pub fn id(self) -> &'static str {
        match self {
            RiskStatus::Open => "open",
            RiskStatus::Mitigating => "mitigating",
            RiskStatus::Accepted => "accepted",
            RiskStatus::Closed => "closed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RiskStatus::Open => "Open",
            RiskStatus::Mitigating => "Being mitigated",
            RiskStatus::Accepted => "Accepted",
            RiskStatus::Closed => "Closed",
        }
    }

    pub fn from_id(id: &str) -> Option<RiskStatus> {
        RiskStatus::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// One entry of the register.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub category: RiskCategory,
    /// 1 (rare) to 5 (almost certain).
    pub likelihood: u8,
    /// 1 (minor) to 5 (severe).
    pub impact: u8,
    pub owner: String,
    pub mitigation: String,
    /// Initiatives that carry out the mitigation (ids of the same assessment).
    pub initiatives: Vec<Uuid>,
    pub status: RiskStatus,
    pub next_review: Option<NaiveDate>,
}

impl Risk {
    pub fn new(id: Uuid, title: impl Into<String>) -> Self {
        Risk {
            id,
            title: title.into(),
            description: String::new(),
            category: RiskCategory::Technical,
            likelihood: 3,
            impact: 3,
            owner: String::new(),
            mitigation: String::new(),
            initiatives: Vec::new(),
            status: RiskStatus::Open,
            next_review: None,
        }
    }
}

/// The lowest and highest level of likelihood and impact.
pub const LEVELS: std::ops::RangeInclusive<u8> = 1..=5;

/// A likelihood or impact read from a file or a form, kept inside 1-5 so scores stay 1-25.
fn level(value: u8) -> u8 {
    value.clamp(*LEVELS.start(), *LEVELS.end())
}

/// The word for a likelihood level, e.g. 1 "Rare", 5 "Almost certain" (out-of-range clamped).
pub fn likelihood_label(value: u8) -> &'static str {
    match level(value) {
        1 => "Rare",
        2 => "Unlikely",
        3 => "Possible",
        4 => "Likely",
        _ => "Almost certain",
    }
}

/// The word for an impact level, e.g. 1 "Minor", 5 "Severe" (out-of-range clamped).
pub fn impact_label(value: u8) -> &'static str {
    match level(value) {
        1 => "Minor",
        2 => "Moderate",
        3 => "Significant",
        4 => "Major",
        _ => "Severe",
    }
}

/// How serious a score is; the heat map colours and the summary counts use these four bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Band {
    /// Scores 1-4.
    Low,
    /// Scores 5-9.
    Medium,
    /// Scores 10-14.
    High,
    /// Scores 15-25.
    Critical,
}

impl Band {
    /// From least to most serious.
    pub const ALL: [Band; 4] = [Band::Low, Band::Medium, Band::High, Band::Critical];

    pub fn label(self) -> &'static str {
        match self {
            Band::Low => "Low",
            Band::Medium => "Medium",
            Band::High => "High",
            Band::Critical => "Critical",
        }
    }

    /// The scores in the band, as words in the language in use, e.g. "scores 10 to 14".
    pub fn range_text(self) -> &'static str {
        match self {
            Band::Low => tr("domain.risk_band_range_low"),
            Band::Medium => tr("domain.risk_band_range_medium"),
            Band::High => tr("domain.risk_band_range_high"),
            Band::Critical => tr("domain.risk_band_range_critical"),
        }
    }

    /// Position in [`Band::ALL`], for per-band arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The band of a score (likelihood × impact): 1-4 Low, 5-9 Medium, 10-14 High, 15-25 Critical.
/// A score of 0 (never produced by [`Risk::score`]) counts as Low.
pub fn band(score: u8) -> Band {
    match score {
        0..=4 => Band::Low,
        5..=9 => Band::Medium,
        10..=14 => Band::High,
        _ => Band::Critical,
    }
}

impl Risk {
    /// Likelihood × impact, 1 to 25; each factor is clamped to 1-5 first.
    pub fn score(&self) -> u8 {
        level(self.likelihood) * level(self.impact)
    }

    /// The band of [`Risk::score`].
    pub fn band(&self) -> Band {
        band(self.score())
    }

    /// Still needs attention: anything but Closed.
    pub fn is_active(&self) -> bool {
        self.status != RiskStatus::Closed
    }

    /// Days since the review date passed, when the risk is active and its review date is before
    /// `today`. A review due today is not overdue yet.
    pub fn review_overdue(&self, today: NaiveDate) -> Option<i64> {
        let next = self.next_review.filter(|_| self.is_active())?;
        (next < today).then(|| (today - next).num_days())
    }

    /// Active with no review date: nobody has planned to look at it again.
    pub fn review_missing(&self) -> bool {
        self.is_active() && self.next_review.is_none()
    }
}

/// Active risks by cell, indexed `[likelihood - 1][impact - 1]`, in list order within a cell.
/// Closed risks are left out; likelihood and impact outside 1-5 are clamped.
pub fn heat_map(risks: &[Risk]) -> [[Vec<Uuid>; 5]; 5] {
    let mut cells: [[Vec<Uuid>; 5]; 5] = Default::default();
    for risk in risks.iter().filter(|r| r.is_active()) {
        let (l, i) = (
            usize::from(level(risk.likelihood)),
            usize::from(level(risk.impact)),
        );
        cells[l - 1][i - 1].push(risk.id);
    }
    cells
}

/// How many risks each cell of a [`heat_map`] holds, with the same indexing.
pub fn heat_counts(cells: &[[Vec<Uuid>; 5]; 5]) -> [[usize; 5]; 5] {
    cells.each_ref().map(|row| row.each_ref().map(Vec::len))
}

/// One non-empty cell of the heat map, for the table beside the chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeatCell {
    /// 1-5.
    pub likelihood: u8,
    /// 1-5.
    pub impact: u8,
    /// Active risks in the cell, in list order.
    pub risks: Vec<Uuid>,
}

impl HeatCell {
    /// Likelihood × impact of the cell.
    pub fn score(&self) -> u8 {
        self.likelihood * self.impact
    }
}

/// The non-empty cells of [`heat_map`], most serious first: by score, then by impact (a severe
/// but rare risk reads as more serious than a likely minor one with the same score).
pub fn occupied_cells(risks: &[Risk]) -> Vec<HeatCell> {
    let map = heat_map(risks);
    let mut out: Vec<HeatCell> = Vec::new();
    for (l, row) in (1u8..).zip(map) {
        for (i, ids) in (1u8..).zip(row) {
            if !ids.is_empty() {
                out.push(HeatCell {
                    likelihood: l,
                    impact: i,
                    risks: ids,
                });
            }
        }
    }
    out.sort_by(|a, b| {
        b.score()
            .cmp(&a.score())
            .then_with(|| b.impact.cmp(&a.impact))
    });
    out
}

/// The register in order of attention: active risks first, then by score (highest first), then
/// by title (ignoring case) so equal scores keep a stable, readable order.
pub fn ranked(risks: &[Risk]) -> Vec<&Risk> {
    let mut out: Vec<&Risk> = risks.iter().collect();
    out.sort_by(|a, b| {
        b.is_active()
            .cmp(&a.is_active())
            .then_with(|| b.score().cmp(&a.score()))
            .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
            .then_with(|| a.title.cmp(&b.title))
    });
    out
}

/// The register at a glance: active risks per band and reviews that need attention.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RiskSummary {
    /// Risks that are not closed.
    pub active: usize,
    /// Risks that are closed.
    pub closed: usize,
    /// Active risks per band, indexed by [`Band::index`].
    pub by_band: [usize; 4],
    /// Active risks whose review date has passed.
    pub overdue: usize,
    /// Active risks with no review date.
    pub no_review: usize,
}

impl RiskSummary {
    /// Active risks in `band`.
    pub fn count(&self, band: Band) -> usize {
        self.by_band[band.index()]
    }

    /// One line for the page in the language in use, e.g. "12 open risks: 2 critical, 3 high,
    /// 7 low; 2 reviews overdue". Bands with no risk are left out. Each part is a whole phrase
    /// with its number (singular and plural are separate texts), set into one template.
    pub fn sentence(&self) -> String {
        if self.active == 0 {
            return match self.closed {
                0 => tr("domain.risk_summary_none").to_string(),
                n => trf(
                    "domain.risk_summary_all_closed",
                    &[("closed", &n.to_string())],
                ),
            };
        }
        let bands: Vec<String> = Band::ALL
            .iter()
            .rev()
            .filter(|b| self.count(**b) > 0)
            .map(|b| {
                let n = self.count(*b).to_string();
                let count = [("count", n.as_str())];
                match b {
                    Band::Critical => trf("domain.risk_summary_critical", &count),
                    Band::High => trf("domain.risk_summary_high", &count),
                    Band::Medium => trf("domain.risk_summary_medium", &count),
                    Band::Low => trf("domain.risk_summary_low", &count),
                }
            })
            .collect();
        let open = match self.active {
            1 => tr("domain.risk_summary_open_one").to_string(),
            n => trf(
                "domain.risk_summary_open_many",
                &[("count", &n.to_string())],
            ),
        };
        let overdue = match self.overdue {
            0 => tr("domain.risk_summary_overdue_none").to_string(),
            1 => tr("domain.risk_summary_overdue_one").to_string(),
            n => trf(
                "domain.risk_summary_overdue_many",
                &[("count", &n.to_string())],
            ),
        };
        let bands = bands.join(tr("domain.risk_summary_separator"));
        let args = [
            ("open", open.as_str()),
            ("bands", bands.as_str()),
            ("overdue", overdue.as_str()),
        ];
        match self.no_review {
            0 => trf("domain.risk_summary", &args),
            1 => trf("domain.risk_summary_one_undated", &args),
            n => {
                let n = n.to_string();
                trf(
                    "domain.risk_summary_many_undated",
                    &[args[0], args[1], args[2], ("undated", &n)],
                )
            }
        }
    }
}

/// Counts per band and review problems, for active risks as of `today`.
pub fn summary(risks: &[Risk], today: NaiveDate) -> RiskSummary {
    let mut out = RiskSummary::default();
    for risk in risks {
        if !risk.is_active() {
            out.closed += 1;
            continue;
        }
        out.active += 1;
        out.by_band[risk.band().index()] += 1;
        if risk.review_overdue(today).is_some() {
            out.overdue += 1;
        }
        if risk.review_missing() {
            out.no_review += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn risk(title: &str, likelihood: u8, impact: u8) -> Risk {
        Risk {
            likelihood,
            impact,
            ..Risk::new(Uuid::new_v4(), title)
        }
    }

    fn closed(mut r: Risk) -> Risk {
        r.status = RiskStatus::Closed;
        r
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn score_is_likelihood_times_impact() {
        assert_eq!(risk("a", 1, 1).score(), 1);
        assert_eq!(risk("a", 2, 3).score(), 6);
        assert_eq!(risk("a", 4, 5).score(), 20);
        assert_eq!(risk("a", 5, 5).score(), 25);
    }

    #[test]
    fn score_clamps_out_of_range_levels() {
        assert_eq!(risk("a", 0, 0).score(), 1);
        assert_eq!(risk("a", 9, 200).score(), 25);
        assert_eq!(risk("a", 0, 4).score(), 4);
    }

    #[test]
    fn bands_change_at_their_edges() {
        assert_eq!(band(1), Band::Low);
        assert_eq!(band(4), Band::Low);
        assert_eq!(band(5), Band::Medium);
        assert_eq!(band(9), Band::Medium);
        assert_eq!(band(10), Band::High);
        assert_eq!(band(14), Band::High);
        assert_eq!(band(15), Band::Critical);
        assert_eq!(band(25), Band::Critical);
        assert_eq!(risk("a", 2, 2).band(), Band::Low);
        assert_eq!(risk("a", 1, 5).band(), Band::Medium);
        assert_eq!(risk("a", 3, 3).band(), Band::Medium);
        assert_eq!(risk("a", 2, 5).band(), Band::High);
        assert_eq!(risk("a", 4, 3).band(), Band::High);
        assert_eq!(risk("a", 3, 5).band(), Band::Critical);
        assert_eq!(Band::High.label(), "High");
        assert_eq!(Band::ALL.map(Band::index), [0, 1, 2, 3]);
    }

    #[test]
    fn level_words_cover_the_scale() {
        assert_eq!(likelihood_label(1), "Rare");
        assert_eq!(likelihood_label(5), "Almost certain");
        assert_eq!(impact_label(1), "Minor");
        assert_eq!(impact_label(5), "Severe");
        assert_eq!(impact_label(0), "Minor");
        assert_eq!(likelihood_label(7), "Almost certain");
    }

    #[test]
    fn closed_risks_are_not_active() {
        for status in [
            RiskStatus::Open,
            RiskStatus::Mitigating,
            RiskStatus::Accepted,
        ] {
            let mut r = risk("a", 3, 3);
            r.status = status;
            assert!(r.is_active(), "{status:?}");
        }
        assert!(!closed(risk("a", 3, 3)).is_active());
    }

    #[test]
    fn review_overdue_counts_days_after_the_date() {
        let today = date(2025, 3, 15);
        let mut r = risk("a", 3, 3);
        r.next_review = Some(date(2025, 3, 3));
        assert_eq!(r.review_overdue(today), Some(12));
        r.next_review = Some(date(2025, 3, 14));
        assert_eq!(r.review_overdue(today), Some(1));
        // Due today is not overdue; a future date is not either.
        r.next_review = Some(today);
        assert_eq!(r.review_overdue(today), None);
        r.next_review = Some(date(2025, 4, 1));
        assert_eq!(r.review_overdue(today), None);
        r.next_review = None;
        assert_eq!(r.review_overdue(today), None);
        // A closed risk is never overdue.
        let mut c = closed(risk("b", 3, 3));
        c.next_review = Some(date(2024, 1, 1));
        assert_eq!(c.review_overdue(today), None);
    }

    #[test]
    fn review_missing_only_for_active_risks_without_a_date() {
        let mut r = risk("a", 3, 3);
        assert!(r.review_missing());
        r.next_review = Some(date(2025, 1, 1));
        assert!(!r.review_missing());
        assert!(!closed(risk("b", 3, 3)).review_missing());
    }

    #[test]
    fn heat_map_places_active_risks_by_likelihood_then_impact() {
        let a = risk("a", 2, 5);
        let b = risk("b", 2, 5);
        let c = risk("c", 5, 1);
        let gone = closed(risk("gone", 2, 5));
        let map = heat_map(&[a.clone(), gone.clone(), b.clone(), c.clone()]);
        assert_eq!(map[1][4], vec![a.id, b.id]);
        assert_eq!(map[4][0], vec![c.id]);
        let counts = heat_counts(&map);
        assert_eq!(counts.iter().flatten().sum::<usize>(), 3);
        assert_eq!(counts[1][4], 2);
        assert_eq!(counts[4][0], 1);
        assert_eq!(
            counts[0][4], 0,
            "indexing is [likelihood][impact], not the reverse"
        );
        assert!(!map.iter().flatten().flatten().any(|id| *id == gone.id));
    }

    #[test]
    fn heat_map_clamps_out_of_range_levels() {
        let low = risk("low", 0, 0);
        let high = risk("high", 6, 255);
        let map = heat_map(&[low.clone(), high.clone()]);
        assert_eq!(map[0][0], vec![low.id]);
        assert_eq!(map[4][4], vec![high.id]);
    }

    #[test]
    fn occupied_cells_lists_non_empty_cells_most_serious_first() {
        let rare_severe = risk("rare severe", 1, 5);
        let likely_minor = risk("likely minor", 5, 1);
        let top = risk("top", 4, 4);
        let also_top = risk("also top", 4, 4);
        let gone = closed(risk("gone", 5, 5));
        let cells = occupied_cells(&[
            likely_minor.clone(),
            top.clone(),
            gone,
            rare_severe.clone(),
            also_top.clone(),
        ]);
        let summary: Vec<(u8, u8, usize)> = cells
            .iter()
            .map(|c| (c.likelihood, c.impact, c.risks.len()))
            .collect();
        assert_eq!(summary, vec![(4, 4, 2), (1, 5, 1), (5, 1, 1)]);
        assert_eq!(cells[0].risks, vec![top.id, also_top.id]);
        assert_eq!(cells[0].score(), 16);
        assert_eq!(cells[1].risks, vec![rare_severe.id]);
        assert!(occupied_cells(&[]).is_empty());
    }

    #[test]
    fn ranked_puts_active_first_then_score_then_title() {
        let risks = vec![
            closed(risk("Old outage", 5, 5)),
            risk("beta", 2, 2),
            risk("Alpha", 2, 2),
            risk("Breach", 4, 5),
            risk("Key engineer leaves", 3, 4),
        ];
        let order: Vec<&str> = ranked(&risks).iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            order,
            vec![
                "Breach",
                "Key engineer leaves",
                "Alpha",
                "beta",
                "Old outage"
            ]
        );
    }

    #[test]
    fn summary_counts_bands_and_reviews_of_active_risks() {
        let today = date(2025, 3, 15);
        let mut late = risk("late", 5, 4);
        late.next_review = Some(date(2025, 3, 1));
        let mut due_today = risk("due", 3, 4);
        due_today.next_review = Some(today);
        let mut closed_late = closed(risk("closed", 5, 5));
        closed_late.next_review = Some(date(2024, 1, 1));
        let risks = vec![
            late,
            due_today,
            risk("no date", 1, 2),
            risk("no date either", 2, 2),
            closed_late,
        ];
        let s = summary(&risks, today);
        assert_eq!(s.active, 4);
        assert_eq!(s.closed, 1);
        assert_eq!(s.count(Band::Critical), 1);
        assert_eq!(s.count(Band::High), 1);
        assert_eq!(s.count(Band::Medium), 0);
        assert_eq!(s.count(Band::Low), 2);
        assert_eq!(s.overdue, 1);
        assert_eq!(s.no_review, 2);
        assert_eq!(
            s.sentence(),
            "4 open risks: 1 critical, 1 high, 2 low; 1 review overdue; \
             2 risks without a review date."
        );
    }

    #[test]
    fn summary_sentence_for_empty_and_all_closed() {
        let today = date(2025, 3, 15);
        assert_eq!(summary(&[], today).sentence(), "No risks recorded yet.");
        let all_closed = [closed(risk("a", 1, 1)), closed(risk("b", 5, 5))];
        assert_eq!(
            summary(&all_closed, today).sentence(),
            "No open risks (2 closed)."
        );
        let mut one = risk("a", 3, 2);
        one.next_review = Some(date(2025, 6, 1));
        assert_eq!(
            summary(&[one], today).sentence(),
            "1 open risk: 1 medium; no reviews overdue."
        );
    }

    #[test]
    fn summary_sentence_in_chinese() {
        let today = date(2025, 3, 15);
        let mut late = risk("a", 5, 4);
        late.next_review = Some(date(2025, 3, 1));
        let mut late_too = risk("b", 2, 3);
        late_too.next_review = Some(date(2025, 2, 1));
        let many = [late, late_too, risk("c", 1, 2)];
        let mut one = risk("d", 3, 2);
        one.next_review = Some(date(2025, 6, 1));
        let all_closed = [closed(risk("e", 1, 1))];

        crate::i18n::set_current(crate::i18n::Lang::Zh);
        let sentences = [
            summary(&many, today).sentence(),
            summary(&[one], today).sentence(),
            summary(&all_closed, today).sentence(),
            summary(&[], today).sentence(),
            Band::High.range_text().to_string(),
        ];
        crate::i18n::set_current(crate::i18n::Lang::En);

        assert_eq!(
            sentences,
            [
                "3 个未关闭的风险：1 个严重、1 个中、1 个低；2 次审阅已逾期；1 个风险没有审阅日期。",
                "1 个未关闭的风险：1 个中；没有逾期的审阅。",
                "没有未关闭的风险（1 个已关闭）。",
                "还没有记录任何风险。",
                "得分 10 到 14",
            ]
        );
        assert_eq!(Band::High.range_text(), "scores 10 to 14");
    }
}
