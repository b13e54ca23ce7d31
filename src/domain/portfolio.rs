//! The consultant's portfolio: every client in this browser on one grid of the 16 areas, with
//! the maturity index, where the review stands and what needs attention, sorted, filtered,
//! searched, summed up in one sentence and written as CSV.
//!
//! Owns the portfolio's figures and their rules; it never computes a score, a risk, a budget or
//! a KPI status of its own. Every number comes from the function the assessment's own page uses
//! (scoring, risk, budget, KPI trend, the export log), so the grid and the pages never disagree.
//! [`facts`] reads one assessment once; sorting, filtering and the CSV only read those facts.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::content::Content;
use crate::domain::backup::ExportLog;
use crate::domain::budget::{default_range, plan};
use crate::domain::csv_export::{number_cell, table, text_cell};
use crate::domain::kpi::trend::{self, Status};
use crate::domain::review::{self, AreaStatus};
use crate::domain::scoring::{self, fmt1, AreaResult};
use crate::domain::{risk, Assessment, Stage};
use crate::i18n::{tr, trf, trn};

/// A client whose last snapshot is older than this (or who has none this long after the
/// assessment began) is flagged: progress is tracked quarter by quarter.
pub const SNAPSHOT_STALE_DAYS: i64 = 92;

/// The most clients named in the headline; the rest are counted.
const HEADLINE_NAMES: usize = 3;

/// Which levels the grid shows: the founder's own, or the reviewers'.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    SelfAssessed,
    Reviewed,
}

/// One cell of the grid: an area's level, or why there is none.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Level {
    /// The area's score, 0 to 4, as the Results page computes it.
    Score(f64),
    /// No question of the area has a level yet.
    NotAnswered,
    /// Every answered question of the area is marked "does not apply".
    NotApplicable,
    /// Reviewed view only: no reviewer gave a level or a status in this area.
    NotReviewed,
}

impl Level {
    pub fn score(self) -> Option<f64> {
        match self {
            Level::Score(s) => Some(s),
            _ => None,
        }
    }

    /// The level shown and its colour step (0 to 4, the score rounded as shown); `None` when empty.
    pub fn step(self) -> Option<u8> {
        // Rounded from the figure shown, so 2.45 shown as "2.5" is coloured as 3, never as 2.
        self.score()
            .map(|s| scoring::round1(s).round().clamp(0.0, 4.0) as u8)
    }

    /// What the cell says: "2.3", or why it is empty, in the language in use.
    pub fn text(self) -> String {
        match self {
            Level::Score(s) => fmt1(s),
            Level::NotAnswered => tr("portfolio.cell_not_answered").to_string(),
            Level::NotApplicable => tr("portfolio.cell_not_applicable").to_string(),
            Level::NotReviewed => tr("portfolio.cell_not_reviewed").to_string(),
        }
    }

    fn of(r: &AreaResult) -> Level {
        match r.score {
            Some(s) => Level::Score(s),
            None if r.done > 0 && r.not_applicable == r.done => Level::NotApplicable,
            None => Level::NotAnswered,
        }
    }
}

/// Where the review of a client stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewState {
    /// No reviewer gave a level or an area status.
    NotStarted,
    /// Some areas have a reviewer's level or status, not all have a status.
    InProgress { reviewed: usize, areas: usize },
    /// Every area has a status.
    Done { agreed: usize, challenged: usize },
}

/// The review states a filter chooses between.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReviewKind {
    NotStarted,
    InProgress,
    Done,
}

impl ReviewKind {
    pub const ALL: [ReviewKind; 3] = [
        ReviewKind::NotStarted,
        ReviewKind::InProgress,
        ReviewKind::Done,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ReviewKind::NotStarted => "not-started",
            ReviewKind::InProgress => "in-progress",
            ReviewKind::Done => "done",
        }
    }

    pub fn from_id(id: &str) -> Option<ReviewKind> {
        ReviewKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The filter's option, in the language in use.
    pub fn label(self) -> &'static str {
        match self {
            ReviewKind::NotStarted => tr("portfolio.review_kind_not_started"),
            ReviewKind::InProgress => tr("portfolio.review_kind_in_progress"),
            ReviewKind::Done => tr("portfolio.review_kind_done"),
        }
    }
}

impl ReviewState {
    pub fn kind(self) -> ReviewKind {
        match self {
            ReviewState::NotStarted => ReviewKind::NotStarted,
            ReviewState::InProgress { .. } => ReviewKind::InProgress,
            ReviewState::Done { .. } => ReviewKind::Done,
        }
    }

    /// "Not reviewed", "In review: 5 of 16 areas", "Reviewed: 12 agreed, 4 challenged".
    pub fn text(self) -> String {
        match self {
            ReviewState::NotStarted => tr("portfolio.review_not_started").to_string(),
            ReviewState::InProgress { reviewed, areas } => trf(
                "portfolio.review_in_progress",
                &[
                    ("reviewed", &reviewed.to_string()),
                    ("areas", &areas.to_string()),
                ],
            ),
            ReviewState::Done { agreed, challenged } => trf(
                "portfolio.review_done",
                &[
                    ("agreed", &agreed.to_string()),
                    ("challenged", &challenged.to_string()),
                ],
            ),
        }
    }
}

/// Something about a client that needs the consultant, with its count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    /// Areas a reviewer challenged.
    Challenged(usize),
    /// Open risks whose review date has passed.
    OverdueRisks(usize),
    /// Quarters of the Budget page's range where planned spend exceeds a budget.
    OverBudget(usize),
    /// KPIs whose status is "off track".
    KpisOffTrack(usize),
    /// Days of edits no export holds (the export reminder's rule).
    NotExported(i64),
    /// Days since the last snapshot, or since the assessment began when there is none.
    NoRecentSnapshot { days: i64, ever: bool },
}

impl Flag {
    /// A stable id, for tests and styling.
    pub fn id(self) -> &'static str {
        match self {
            Flag::Challenged(_) => "challenged",
            Flag::OverdueRisks(_) => "overdue-risks",
            Flag::OverBudget(_) => "over-budget",
            Flag::KpisOffTrack(_) => "kpis-off-track",
            Flag::NotExported(_) => "not-exported",
            Flag::NoRecentSnapshot { .. } => "no-recent-snapshot",
        }
    }

    /// The section of the assessment where the consultant deals with it.
    pub fn section(self) -> &'static str {
        match self {
            Flag::Challenged(_) => "compare",
            Flag::OverdueRisks(_) => "risks",
            Flag::OverBudget(_) => "budget",
            Flag::KpisOffTrack(_) => "goals",
            Flag::NotExported(_) => "report",
            Flag::NoRecentSnapshot { .. } => "snapshots",
        }
    }

    /// Housekeeping (no recent snapshot, not exported) is a chore, not a problem of the client:
    /// it shows in the row but never makes a client "need attention". With every client older
    /// than a quarter flagged, counting it would make the whole portfolio need attention.
    pub fn is_housekeeping(self) -> bool {
        matches!(self, Flag::NotExported(_) | Flag::NoRecentSnapshot { .. })
    }

    /// The flag in words with its number, e.g. "2 overdue risk reviews".
    pub fn text(self) -> String {
        let counted = |one: &str, many: &str, n: usize| match n {
            1 => tr(one).to_string(),
            n => trf(many, &[("n", &n.to_string())]),
        };
        match self {
            Flag::Challenged(n) => counted(
                "portfolio.flag_challenged_one",
                "portfolio.flag_challenged_many",
                n,
            ),
            Flag::OverdueRisks(n) => counted(
                "portfolio.flag_overdue_one",
                "portfolio.flag_overdue_many",
                n,
            ),
            Flag::OverBudget(n) => counted(
                "portfolio.flag_over_budget_one",
                "portfolio.flag_over_budget_many",
                n,
            ),
            Flag::KpisOffTrack(n) => {
                counted("portfolio.flag_kpis_one", "portfolio.flag_kpis_many", n)
            }
            Flag::NotExported(days) => trf(
                "portfolio.flag_not_exported",
                &[("days", &days.to_string())],
            ),
            Flag::NoRecentSnapshot { days, ever: true } => trf(
                "portfolio.flag_snapshot_old",
                &[("days", &days.to_string())],
            ),
            Flag::NoRecentSnapshot { days, ever: false } => trf(
                "portfolio.flag_snapshot_none",
                &[("days", &days.to_string())],
            ),
        }
    }
}

/// The counts behind the flags; a zero (or `None`) raises no flag.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    pub challenged: usize,
    pub overdue_risks: usize,
    pub quarters_over: usize,
    pub kpis_off_track: usize,
    pub unexported_days: Option<i64>,
    /// Days without a snapshot, when over [`SNAPSHOT_STALE_DAYS`], and whether there ever was one.
    pub stale_snapshot: Option<(i64, bool)>,
}

impl Flags {
    /// The flags raised, in a fixed order (review, risks, budget, KPIs, export, snapshots).
    pub fn list(&self) -> Vec<Flag> {
        let counts = [
            (self.challenged, Flag::Challenged(self.challenged)),
            (self.overdue_risks, Flag::OverdueRisks(self.overdue_risks)),
            (self.quarters_over, Flag::OverBudget(self.quarters_over)),
            (self.kpis_off_track, Flag::KpisOffTrack(self.kpis_off_track)),
        ];
        let mut out: Vec<Flag> = counts
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(_, f)| f)
            .collect();
        out.extend(self.unexported_days.map(Flag::NotExported));
        out.extend(
            self.stale_snapshot
                .map(|(days, ever)| Flag::NoRecentSnapshot { days, ever }),
        );
        out
    }

    pub fn count(&self) -> usize {
        self.list().len()
    }

    /// The serious flags only (review, risks, budget, KPIs): what "needs attention" counts.
    pub fn serious(&self) -> Vec<Flag> {
        self.list()
            .into_iter()
            .filter(|f| !f.is_housekeeping())
            .collect()
    }
}

/// What the portfolio knows of one assessment, read once per render.
#[derive(Clone, Debug, PartialEq)]
pub struct Facts {
    pub id: Uuid,
    pub name: String,
    pub company: String,
    pub stage: Stage,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// One per area of the content, in its order.
    pub self_levels: Vec<Level>,
    pub reviewed_levels: Vec<Level>,
    /// The Results page's maturity index.
    pub index: Option<f64>,
    /// The board report's reviewed index: every area scored with the reviewers' levels where
    /// they gave one and the founder's elsewhere; `None` when no area is reviewed, so an
    /// unreviewed client never shows the founder's index as reviewed.
    pub reviewed_index: Option<f64>,
    pub review: ReviewState,
    pub flags: Flags,
    pub last_snapshot: Option<DateTime<Utc>>,
    /// Whether the flags read from the bulky lists (risks, budget, KPIs, snapshots) are in
    /// [`Facts::flags`]: false from [`facts_before_lists`] until [`Facts::read_lists`].
    pub lists_read: bool,
}

impl Facts {
    pub fn levels(&self, view: View) -> &[Level] {
        match view {
            View::SelfAssessed => &self.self_levels,
            View::Reviewed => &self.reviewed_levels,
        }
    }

    pub fn index_in(&self, view: View) -> Option<f64> {
        match view {
            View::SelfAssessed => self.index,
            View::Reviewed => self.reviewed_index,
        }
    }
}

/// What the reviews say, read once: the reviewed view of `a` for scoring (`None` when no
/// reviewer gave a level), the questions rated and each area's status. The one place that knows
/// how reviews are stored. A reviewer's level replaces the founder's and makes a question marked
/// "does not apply" count again, as on the Compare page.
struct Reviewed {
    view: Option<Assessment>,
    rated: Vec<String>,
    statuses: BTreeMap<String, AreaStatus>,
}

fn reviewed(a: &Assessment) -> Reviewed {
    let levels = review::reviewed_levels(a, None);
    let statuses = review::reviewed_statuses(a, None);
    let rated: Vec<String> = levels.keys().cloned().collect();
    if levels.is_empty() {
        return Reviewed {
            view: None,
            rated,
            statuses,
        };
    }
    // Scoring reads the stage, the answers and the area settings only.
    let mut view = Assessment::new(a.id, "", a.created_at);
    view.profile.stage = a.profile.stage;
    view.areas = a.areas.clone();
    view.answers = a.answers.clone();
    for (question_id, level) in levels {
        let answer = view.answers.entry(question_id).or_default();
        answer.current = Some(level);
        answer.not_applicable = None;
    }
    Reviewed {
        view: Some(view),
        rated,
        statuses,
    }
}

/// Reads one assessment: its levels in both views, index, review state and flags as of `now`
/// (`today` is the local date the pages use for risks, the budget range and KPIs).
pub fn facts(
    content: &Content,
    a: &Assessment,
    log: &ExportLog,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Facts {
    let mut f = facts_before_lists(content, a, log, now);
    f.read_lists(a, now, today);
    f
}

/// Whether every list [`Facts::read_lists`] reads is in memory already (storage may leave them
/// to be read on first use, which for fifty clients costs more than the rest of the grid).
pub fn lists_in_memory(a: &Assessment) -> bool {
    a.risks.is_read() && a.kpis.is_read() && a.initiatives.is_read() && a.snapshots.is_read()
}

/// [`facts`] without the flags that need the bulky lists: levels, index, review state, the
/// challenged areas and the export reminder. The portfolio shows these first.
pub fn facts_before_lists(
    content: &Content,
    a: &Assessment,
    log: &ExportLog,
    now: DateTime<Utc>,
) -> Facts {
    let results = scoring::compute(content, a);
    let Reviewed {
        view,
        rated,
        statuses,
    } = reviewed(a);
    let reviewed = view.as_ref().map(|v| scoring::compute(content, v));
    // An area is reviewed once a reviewer rated one of its questions or gave it a status (a
    // status alone keeps the founder's levels: the reviewer saw them).
    let touched_areas: Vec<bool> = content
        .areas
        .iter()
        .map(|area| {
            statuses.contains_key(&area.id)
                || area
                    .questions
                    .iter()
                    .any(|q| rated.binary_search(&q.id).is_ok())
        })
        .collect();
    let reviewed_levels: Vec<Level> = results
        .areas
        .iter()
        .enumerate()
        .map(|(i, own)| match (touched_areas[i], &reviewed) {
            (false, _) => Level::NotReviewed,
            (true, Some(r)) => r.areas.get(i).map_or(Level::NotReviewed, Level::of),
            (true, None) => Level::of(own),
        })
        .collect();
    let areas = content.areas.len();
    let challenged = statuses
        .iter()
        .filter(|(id, s)| **s == AreaStatus::Challenged && content.area(id).is_some())
        .count();
    let with_status = content
        .areas
        .iter()
        .filter(|x| statuses.contains_key(&x.id))
        .count();
    let touched = touched_areas.iter().filter(|r| **r).count();
    let review = if with_status == areas && areas > 0 {
        ReviewState::Done {
            agreed: with_status - challenged,
            challenged,
        }
    } else if touched == 0 {
        ReviewState::NotStarted
    } else {
        ReviewState::InProgress {
            reviewed: touched,
            areas,
        }
    };
    let flags = Flags {
        challenged,
        unexported_days: log.reminder(a.id, now).map(|r| r.days),
        ..Flags::default()
    };
    // The report's reviewed index: the reviewers' levels where they gave one, the founder's
    // elsewhere, so a client half reviewed shows the same figure here and in its board report.
    let reviewed_index = (touched > 0)
        .then(|| reviewed.as_ref().map_or(results.index, |r| r.index))
        .flatten();
    Facts {
        id: a.id,
        name: a.display_name(),
        company: a.profile.company_name.trim().to_string(),
        stage: a.profile.stage,
        created_at: a.created_at,
        updated_at: a.updated_at,
        self_levels: results.areas.iter().map(Level::of).collect(),
        reviewed_levels,
        index: results.index,
        reviewed_index,
        review,
        flags,
        last_snapshot: None,
        lists_read: false,
    }
}

impl Facts {
    /// Adds the flags read from `a`'s bulky lists: overdue risk reviews, quarters over budget,
    /// KPIs off track and the last snapshot.
    pub fn read_lists(&mut self, a: &Assessment, now: DateTime<Utc>, today: NaiveDate) {
        let (first, count) = default_range(a, today);
        // The Budget page's own verdict, in the whole units it shows: a quarter is flagged
        // when a category or the quarter as a whole is over.
        self.flags.quarters_over = plan(a, first, count)
            .iter()
            .filter(|p| {
                crate::domain::budget::Standing::of(p)
                    .verdict()
                    .is_flagged()
            })
            .count();
        self.flags.kpis_off_track = a
            .kpis
            .iter()
            .filter(|k| trend::project(k, today).status == Status::OffTrack)
            .count();
        self.flags.overdue_risks = risk::summary(&a.risks, today).overdue;
        let last_snapshot = a.snapshots.iter().map(|s| s.taken_at).max();
        let snapshot_days = (now - last_snapshot.unwrap_or(a.created_at)).num_days();
        self.flags.stale_snapshot = (snapshot_days > SNAPSHOT_STALE_DAYS)
            .then_some((snapshot_days, last_snapshot.is_some()));
        self.last_snapshot = last_snapshot;
        self.lists_read = true;
    }
}

/// One row of the portfolio: a company's latest assessment, with its earlier ones as history.
#[derive(Clone, Debug, PartialEq)]
pub struct Client {
    pub latest: Facts,
    /// The same company's earlier assessments, newest first.
    pub earlier: Vec<Facts>,
    /// The consultant's tag: the latest assessment's, else the newest earlier one's.
    pub tag: String,
}

impl Client {
    /// Every assessment of the client, newest first.
    pub fn all(&self) -> impl Iterator<Item = &Facts> {
        std::iter::once(&self.latest).chain(&self.earlier)
    }

    /// How the headline names the client: the company, with the assessment's name when the
    /// company has several; the assessment's name when the company is blank. A consultant
    /// knows clients by company, not by "Q4 2026 check".
    pub fn label(&self) -> String {
        let f = &self.latest;
        match (f.company.is_empty(), self.earlier.is_empty()) {
            (true, _) => f.name.clone(),
            (false, true) => f.company.clone(),
            (false, false) => trf(
                "portfolio.client_label",
                &[("company", &f.company), ("name", &f.name)],
            ),
        }
    }

    /// The default order's key: the company (the assessment's name when blank), then the name.
    fn order_key(&self) -> (String, String) {
        let f = &self.latest;
        let first = if f.company.is_empty() {
            &f.name
        } else {
            &f.company
        };
        (first.to_lowercase(), f.name.to_lowercase())
    }
}

/// The key that makes two assessments one company's: the company name trimmed and in lower
/// case; `None` for a blank name, which never groups.
pub fn company_key(company: &str) -> Option<String> {
    let key = company.trim().to_lowercase();
    (!key.is_empty()).then_some(key)
}

/// Newest first: the later start, then the later change, then the id (so the order is stable).
fn newest_first(x: &Facts, y: &Facts) -> Ordering {
    (y.created_at, y.updated_at, y.id).cmp(&(x.created_at, x.updated_at, x.id))
}

/// Groups the facts by company ([`company_key`]); each group's newest assessment is its row.
/// Rows come in the order of their first assessment in `facts`.
pub fn clients(facts: Vec<Facts>, tags: &BTreeMap<Uuid, String>) -> Vec<Client> {
    let mut groups: Vec<Vec<Facts>> = Vec::new();
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    for f in facts {
        match company_key(&f.company).and_then(|k| {
            by_key.get(&k).copied().or_else(|| {
                by_key.insert(k, groups.len());
                None
            })
        }) {
            Some(at) => groups[at].push(f),
            None => groups.push(vec![f]),
        }
    }
    groups
        .into_iter()
        .filter_map(|mut group| {
            group.sort_by(newest_first);
            let tag = group
                .iter()
                .filter_map(|f| tags.get(&f.id))
                .map(|t| t.trim())
                .find(|t| !t.is_empty())
                .unwrap_or_default()
                .to_string();
            let mut it = group.into_iter();
            let latest = it.next()?;
            Some(Client {
                latest,
                earlier: it.collect(),
                tag,
            })
        })
        .collect()
}

/// What the rows are ordered by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortBy {
    /// A to Z by company, then by the assessment's name ([`Client::label`]).
    #[default]
    Name,
    /// A to Z.
    Company,
    /// Lowest first: the clients furthest behind come first; no index last.
    Maturity,
    /// Most flags first.
    Flags,
    /// Most recently changed first.
    Changed,
}

impl SortBy {
    pub const ALL: [SortBy; 5] = [
        SortBy::Name,
        SortBy::Company,
        SortBy::Maturity,
        SortBy::Flags,
        SortBy::Changed,
    ];

    pub fn id(self) -> &'static str {
        match self {
            SortBy::Name => "name",
            SortBy::Company => "company",
            SortBy::Maturity => "maturity",
            SortBy::Flags => "flags",
            SortBy::Changed => "changed",
        }
    }

    pub fn from_id(id: &str) -> Option<SortBy> {
        SortBy::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The option's text, with its direction, in the language in use.
    pub fn label(self) -> &'static str {
        match self {
            SortBy::Name => tr("portfolio.sort_name"),
            SortBy::Company => tr("portfolio.sort_company"),
            SortBy::Maturity => tr("portfolio.sort_maturity"),
            SortBy::Flags => tr("portfolio.sort_flags"),
            SortBy::Changed => tr("portfolio.sort_changed"),
        }
    }
}

/// Which tags pass the filter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum TagFilter {
    #[default]
    Any,
    Untagged,
    /// This tag, compared trimmed and ignoring case.
    Tag(String),
}

/// The grid's choices: the view, the order and the filters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Query {
    pub view: View,
    pub sort: SortBy,
    /// The other way round from [`SortBy`]'s order.
    pub reverse: bool,
    pub stage: Option<Stage>,
    pub review: Option<ReviewKind>,
    /// Only clients with at least one serious flag ([`Flags::serious`]).
    pub attention: bool,
    pub tag: TagFilter,
    /// Part of a name or company of any of the client's assessments, ignoring case.
    pub search: String,
}

fn text_order(x: &str, y: &str) -> Ordering {
    x.to_lowercase().cmp(&y.to_lowercase())
}

/// `None` last whichever way the rest goes.
fn index_order(x: Option<f64>, y: Option<f64>) -> Ordering {
    match (x, y) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn passes(c: &Client, q: &Query, search: &str) -> bool {
    let f = &c.latest;
    q.stage.is_none_or(|s| f.stage == s)
        && q.review.is_none_or(|k| f.review.kind() == k)
        && (!q.attention || !f.flags.serious().is_empty())
        && match &q.tag {
            TagFilter::Any => true,
            TagFilter::Untagged => c.tag.is_empty(),
            TagFilter::Tag(t) => c.tag.to_lowercase() == t.trim().to_lowercase(),
        }
        && (search.is_empty()
            || c.all().any(|f| {
                f.name.to_lowercase().contains(search) || f.company.to_lowercase().contains(search)
            }))
}

/// The rows to show, as indices into `clients`, filtered and in order. Ties go by name, then id.
pub fn select(clients: &[Client], q: &Query) -> Vec<usize> {
    let search = q.search.trim().to_lowercase();
    let mut rows: Vec<usize> = (0..clients.len())
        .filter(|&i| passes(&clients[i], q, &search))
        .collect();
    let key = |cx: &Client, cy: &Client| {
        let (x, y) = (&cx.latest, &cy.latest);
        match q.sort {
            SortBy::Name => cx.order_key().cmp(&cy.order_key()),
            SortBy::Company => text_order(&x.company, &y.company),
            SortBy::Maturity => index_order(x.index_in(q.view), y.index_in(q.view)),
            SortBy::Flags => y.flags.serious().len().cmp(&x.flags.serious().len()),
            SortBy::Changed => y.updated_at.cmp(&x.updated_at),
        }
    };
    rows.sort_by(|&i, &j| {
        let (cx, cy) = (&clients[i], &clients[j]);
        let (x, y) = (&cx.latest, &cy.latest);
        // A client with no index stays last when the order is reversed too.
        let unscored = q.sort == SortBy::Maturity
            && (x.index_in(q.view).is_none() || y.index_in(q.view).is_none());
        let primary = if q.reverse && !unscored {
            key(cy, cx)
        } else {
            key(cx, cy)
        };
        primary
            .then_with(|| text_order(&x.name, &y.name))
            .then_with(|| x.id.cmp(&y.id))
    });
    rows
}

/// Every tag in use, in order, each once (ignoring case: the first spelling met is kept).
pub fn tags_in_use(clients: &[Client]) -> Vec<String> {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for c in clients.iter().filter(|c| !c.tag.is_empty()) {
        seen.entry(c.tag.to_lowercase())
            .or_insert_with(|| c.tag.clone());
    }
    seen.into_values().collect()
}

/// The sentence above the grid: how many of the clients shown need attention and why, naming
/// the first few by company (most serious flags first), and what to do. Housekeeping flags
/// ([`Flag::is_housekeeping`]) are left out: they are shown in the rows.
pub fn headline(clients: &[Client], rows: &[usize]) -> String {
    let mut needing: Vec<&Client> = rows
        .iter()
        .filter_map(|&i| clients.get(i))
        .filter(|c| !c.latest.flags.serious().is_empty())
        .collect();
    if rows.is_empty() {
        return tr("portfolio.headline_no_rows").to_string();
    }
    // "All clear" before every list is read would be a guess.
    let reading = rows
        .iter()
        .filter_map(|&i| clients.get(i))
        .filter(|c| !c.latest.lists_read)
        .count();
    if reading > 0 {
        return trn(
            "portfolio.headline_reading",
            rows.len(),
            &[("reading", &reading.to_string())],
        );
    }
    if needing.is_empty() {
        return trn("portfolio.headline_all_clear", rows.len(), &[]);
    }
    needing.sort_by(|x, y| {
        let n = |c: &Client| c.latest.flags.serious().len();
        n(y).cmp(&n(x))
            .then_with(|| x.order_key().cmp(&y.order_key()))
    });
    let named: Vec<String> = needing
        .iter()
        .take(HEADLINE_NAMES)
        .map(|c| {
            let flags: Vec<String> = c.latest.flags.serious().iter().map(|f| f.text()).collect();
            trf(
                "portfolio.headline_client",
                &[
                    ("name", &c.label()),
                    ("flags", &flags.join(tr("portfolio.list_separator"))),
                ],
            )
        })
        .collect();
    let mut list = named.join(tr("portfolio.headline_separator"));
    if needing.len() > HEADLINE_NAMES {
        list = trf(
            "portfolio.headline_and_more",
            &[
                ("list", &list),
                ("more", &(needing.len() - HEADLINE_NAMES).to_string()),
            ],
        );
    }
    trn(
        "portfolio.headline_attention",
        rows.len(),
        &[("need", &needing.len().to_string()), ("list", &list)],
    )
}

/// The columns of [`csv`].
pub const CSV_HEADER: [&str; 19] = [
    "company",
    "assessment",
    "assessment id",
    "tag",
    "stage",
    "area id",
    "area",
    "self level",
    "reviewed level",
    "maturity index",
    "reviewed maturity index",
    "review",
    "flags",
    "challenged areas",
    "overdue risk reviews",
    "quarters with spend over budget",
    "kpis off track",
    "days not exported",
    "last snapshot",
];

/// One row per client shown and area, in the grid's order, with the CSV rules of
/// [`crate::domain::csv_export`]. An empty level is an empty cell; flags with no count are 0.
pub fn csv(content: &Content, clients: &[Client], rows: &[usize]) -> String {
    let cell = |v: Option<f64>| {
        v.map(|x| number_cell(scoring::round1(x)))
            .unwrap_or_default()
    };
    let records = rows.iter().filter_map(|&i| clients.get(i)).flat_map(|c| {
        let f = &c.latest;
        content.areas.iter().enumerate().map(move |(i, area)| {
            let level = |levels: &[Level]| cell(levels.get(i).and_then(|l| l.score()));
            let flags: Vec<&str> = f.flags.list().iter().map(|x| x.id()).collect();
            vec![
                text_cell(&f.company),
                text_cell(&f.name),
                f.id.to_string(),
                text_cell(&c.tag),
                f.stage.id().to_string(),
                text_cell(&area.id),
                text_cell(&area.name),
                level(&f.self_levels),
                level(&f.reviewed_levels),
                cell(f.index),
                cell(f.reviewed_index),
                f.review.kind().id().to_string(),
                text_cell(&flags.join(" ")),
                f.flags.challenged.to_string(),
                f.flags.overdue_risks.to_string(),
                f.flags.quarters_over.to_string(),
                f.flags.kpis_off_track.to_string(),
                f.flags.unexported_days.unwrap_or(0).to_string(),
                f.last_snapshot
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
            ]
        })
    });
    table(&CSV_HEADER, records)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::budget::{Quarter, QuarterBudget};
    use crate::domain::kpi::{DatedValue, Kpi, Measurement};
    use crate::domain::review::{set_answer_review, set_area_review, Reviewer};
    use crate::domain::risk::Risk;
    use crate::domain::snapshot::Snapshot;
    use crate::domain::team::Person;
    use chrono::Duration;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(date: NaiveDate) -> DateTime<Utc> {
        date.and_hms_opt(12, 0, 0).unwrap().and_utc()
    }

    const TODAY: (i32, u32, u32) = (2026, 6, 15);

    fn today() -> NaiveDate {
        day(TODAY.0, TODAY.1, TODAY.2)
    }

    /// An assessment started 10 days before today, company `company`, id `n`.
    fn client(n: u128, name: &str, company: &str) -> Assessment {
        let mut a = Assessment::new(Uuid::from_u128(n), name, at(today()) - Duration::days(10));
        a.profile.company_name = company.into();
        a
    }

    fn answer(a: &mut Assessment, question: &str, level: u8) {
        a.answers.entry(question.into()).or_default().current = Some(level);
    }

    fn facts_of(a: &Assessment) -> Facts {
        facts(
            crate::content::get(),
            a,
            &ExportLog::default(),
            at(today()),
            today(),
        )
    }

    fn jane() -> Reviewer {
        Reviewer {
            id: Uuid::from_u128(99),
            name: "Jane".into(),
        }
    }

    #[test]
    fn levels_are_the_results_pages_scores_and_empty_cells_say_why() {
        let c = crate::content::get();
        let mut a = client(1, "Acme", "Acme");
        let q = |area: usize, i: usize| c.areas[area].questions[i].id.clone();
        answer(&mut a, &q(0, 0), 1);
        answer(&mut a, &q(0, 1), 2);
        answer(&mut a, &q(0, 2), 4);
        a.answers.entry(q(1, 0)).or_default().not_applicable = Some("no app".into());
        let f = facts_of(&a);
        let results = scoring::compute(c, &a);
        assert_eq!(f.self_levels.len(), c.areas.len());
        assert_eq!(
            f.self_levels[0],
            Level::Score(results.areas[0].score.unwrap())
        );
        assert_eq!(f.self_levels[0].text(), "2.3");
        assert_eq!(f.self_levels[0].step(), Some(2));
        assert_eq!(f.self_levels[1], Level::NotApplicable);
        assert_eq!(f.self_levels[1].text(), "does not apply");
        assert_eq!(f.self_levels[2], Level::NotAnswered);
        assert_eq!(f.self_levels[2].step(), None);
        assert_eq!(f.index, results.index);
        // No review: every reviewed cell says so, and there is no reviewed index.
        assert!(f.reviewed_levels.iter().all(|l| *l == Level::NotReviewed));
        assert!(f.index.is_some());
        assert_eq!(f.reviewed_index, None);
        assert_eq!(f.review, ReviewState::NotStarted);
        assert_eq!(f.review.text(), "Not reviewed");
    }

    #[test]
    fn the_colour_step_follows_the_figure_shown() {
        assert_eq!(Level::Score(2.45).text(), "2.5");
        assert_eq!(Level::Score(2.45).step(), Some(3));
        assert_eq!(Level::Score(0.0).step(), Some(0));
        assert_eq!(Level::Score(4.0).step(), Some(4));
    }

    #[test]
    fn reviewed_levels_replace_the_founders_where_a_reviewer_rated() {
        let c = crate::content::get();
        let mut a = client(1, "Acme", "Acme");
        let q = |area: usize, i: usize| c.areas[area].questions[i].id.clone();
        answer(&mut a, &q(0, 0), 1);
        answer(&mut a, &q(0, 1), 1);
        answer(&mut a, &q(1, 0), 3);
        let now = at(today());
        set_answer_review(&mut a, &jane(), now, &q(0, 0), |r| r.level = Some(3));
        set_area_review(&mut a, &jane(), now, &c.areas[1].id, |r| {
            r.status = AreaStatus::Challenged
        });
        let f = facts_of(&a);
        assert_eq!(f.self_levels[0], Level::Score(1.0));
        assert_eq!(f.reviewed_levels[0], Level::Score(2.0), "(3 + 1) / 2");
        // A status alone keeps the founder's level: the reviewer saw it.
        assert_eq!(f.reviewed_levels[1], Level::Score(3.0));
        assert_eq!(f.reviewed_levels[2], Level::NotReviewed);
        assert_eq!(f.levels(View::Reviewed)[0], Level::Score(2.0));
        // The reviewed index averages the reviewed view: (2 + 3) / 2.
        assert_eq!(f.reviewed_index, Some(2.5));
        assert_eq!(f.index, Some(2.0));
        assert_eq!(f.index_in(View::Reviewed), Some(2.5));
        assert_eq!(
            f.review,
            ReviewState::InProgress {
                reviewed: 2,
                areas: c.areas.len()
            }
        );
        assert_eq!(f.review.text(), "In review: 2 of 16 areas");
        assert_eq!(f.flags.challenged, 1);
        // An area the founder answered and nobody reviewed counts with the founder's level, as
        // in the board report's reviewed index: (2 + 3 + 4) / 3.
        answer(&mut a, &q(2, 0), 4);
        let f = facts_of(&a);
        assert_eq!(f.reviewed_levels[2], Level::NotReviewed);
        assert_eq!(f.reviewed_index, Some(3.0));
        let report = crate::domain::board_report::figures(
            c,
            &a,
            crate::domain::board_report::Basis::Reviewed,
            None,
        );
        assert_eq!(report.lead().index, f.reviewed_index);
        assert_eq!(f.flags.list(), vec![Flag::Challenged(1)]);
    }

    #[test]
    fn a_status_on_every_area_finishes_the_review() {
        let c = crate::content::get();
        let mut a = client(1, "Acme", "Acme");
        for (i, area) in c.areas.iter().enumerate() {
            let status = if i < 3 {
                AreaStatus::Challenged
            } else {
                AreaStatus::Agreed
            };
            set_area_review(&mut a, &jane(), at(today()), &area.id, |r| {
                r.status = status
            });
        }
        let f = facts_of(&a);
        assert_eq!(
            f.review,
            ReviewState::Done {
                agreed: 13,
                challenged: 3
            }
        );
        assert_eq!(f.review.text(), "Reviewed: 13 agreed, 3 challenged");
        assert_eq!(f.review.kind(), ReviewKind::Done);
    }

    #[test]
    fn flags_count_what_each_page_counts() {
        let mut a = client(1, "Acme", "Acme");
        // Risks: one overdue, one due today, one closed and overdue.
        let mut overdue = Risk::new(Uuid::from_u128(10), "Bus factor");
        overdue.next_review = Some(today() - Duration::days(3));
        let mut due = Risk::new(Uuid::from_u128(11), "Vendor");
        due.next_review = Some(today());
        let mut closed = Risk::new(Uuid::from_u128(12), "Old");
        closed.next_review = Some(day(2025, 1, 1));
        closed.status = crate::domain::risk::RiskStatus::Closed;
        a.risks = crate::domain::shared::Shared::new(vec![overdue, due, closed]);
        // Budget: a person costing 10,000 a month against 1,000 agreed for this quarter.
        a.team.people.push(Person {
            id: Uuid::from_u128(20),
            name: "Dana".into(),
            role: "Lead".into(),
            monthly_cost: Some(10_000.0),
            roadmap_share: 50,
            skills: BTreeMap::new(),
        });
        let mut q = QuarterBudget::new(Quarter::of(today()));
        q.people = Some(1_000.0);
        a.budget.quarters.push(q);
        // KPIs: one whose target date passed unmet, one with no target.
        let mut late = Kpi::new(Uuid::from_u128(30), "Deploys");
        late.target = Some(DatedValue {
            date: today() - Duration::days(1),
            value: 10.0,
        });
        late.measurements = (0..3)
            .map(|i| Measurement {
                id: Uuid::from_u128(40 + i),
                date: day(2026, 1, 1) + Duration::days(i as i64 * 30),
                value: 1.0,
            })
            .collect();
        a.kpis = crate::domain::shared::Shared::new(vec![late, Kpi::new(Uuid::from_u128(31), "x")]);
        let mut log = ExportLog::default();
        log.edited(a.id, at(today()) - Duration::days(9));
        let f = facts(crate::content::get(), &a, &log, at(today()), today());
        assert_eq!(f.flags.overdue_risks, 1);
        assert_eq!(
            f.flags.overdue_risks,
            risk::summary(&a.risks, today()).overdue,
            "the Risks page's count"
        );
        assert_eq!(f.flags.quarters_over, 1);
        assert_eq!(f.flags.kpis_off_track, 1);
        assert_eq!(f.flags.unexported_days, Some(9));
        assert_eq!(f.flags.stale_snapshot, None, "started 10 days ago");
        let texts: Vec<String> = f.flags.list().iter().map(|x| x.text()).collect();
        assert_eq!(
            texts,
            vec![
                "1 overdue risk review",
                "1 quarter with spend over budget",
                "1 KPI off track",
                "not exported for 9 days"
            ]
        );
        assert_eq!(f.flags.count(), 4);

        // Before the lists are read: the review and export flags only, and the headline waits
        // rather than calling the client clear; reading the lists gives exactly the full facts.
        let mut early = facts_before_lists(crate::content::get(), &a, &log, at(today()));
        assert!(!early.lists_read);
        let early_flags: Vec<&str> = early.flags.list().iter().map(|x| x.id()).collect();
        assert_eq!(early_flags, vec!["not-exported"]);
        let cs = clients(vec![early.clone()], &BTreeMap::new());
        assert_eq!(
            headline(&cs, &[0]),
            "Levels shown for the 1 client; reading its risks, budgets and KPIs to raise its flags…"
        );
        early.read_lists(&a, at(today()), today());
        assert_eq!(early, f);
    }

    #[test]
    fn snapshots_are_flagged_after_a_quarter() {
        let mut a = client(1, "Acme", "Acme");
        a.created_at = at(today()) - Duration::days(200);
        assert_eq!(facts_of(&a).flags.stale_snapshot, Some((200, false)));
        assert_eq!(
            Flag::NoRecentSnapshot {
                days: 200,
                ever: false
            }
            .text(),
            "no snapshot in 200 days"
        );
        let mut s = Snapshot::take(
            &a,
            Uuid::from_u128(5),
            "Q1",
            at(today()) - Duration::days(100),
        );
        a.snapshots = crate::domain::shared::Shared::new(vec![s.clone()]);
        let f = facts_of(&a);
        assert_eq!(f.flags.stale_snapshot, Some((100, true)));
        assert_eq!(f.last_snapshot, Some(s.taken_at));
        s.taken_at = at(today()) - Duration::days(30);
        a.snapshots = crate::domain::shared::Shared::new(vec![s]);
        assert_eq!(facts_of(&a).flags.stale_snapshot, None);
    }

    #[test]
    fn one_companys_assessments_are_one_row_with_its_history() {
        let mut old = client(1, "Acme 2025", " ACME Robotics ");
        old.created_at = at(day(2025, 6, 1));
        let new = client(2, "Acme 2026", "acme robotics");
        let other = client(3, "Beta", "Beta");
        let blank1 = client(4, "No company", "");
        let blank2 = client(5, "No company either", "  ");
        let facts: Vec<Facts> = [&old, &new, &other, &blank1, &blank2]
            .into_iter()
            .map(facts_of)
            .collect();
        let tags = BTreeMap::from([(old.id, "retainer".to_string())]);
        let cs = clients(facts, &tags);
        assert_eq!(cs.len(), 4, "the blank companies stay apart");
        assert_eq!(cs[0].latest.id, new.id);
        assert_eq!(
            cs[0].earlier.iter().map(|f| f.id).collect::<Vec<_>>(),
            vec![old.id]
        );
        // The earlier assessment's tag carries to the row until the latest has its own.
        assert_eq!(cs[0].tag, "retainer");
        assert_eq!(company_key("  Acme  "), Some("acme".into()));
        assert_eq!(company_key(" "), None);
    }

    fn three() -> Vec<Client> {
        let c = crate::content::get();
        let q0 = c.areas[0].questions[0].id.clone();
        let mut a = client(1, "alpha", "Zed Co");
        answer(&mut a, &q0, 3);
        a.profile.stage = Stage::Seed;
        let mut b = client(2, "Bravo", "Yak Inc");
        answer(&mut b, &q0, 1);
        b.updated_at = at(today());
        let mut risky = Risk::new(Uuid::from_u128(10), "r");
        risky.next_review = Some(day(2026, 1, 1));
        b.risks = crate::domain::shared::Shared::new(vec![risky]);
        let d = client(3, "Charlie", "Xylo");
        let facts = [&a, &b, &d].into_iter().map(facts_of).collect();
        clients(facts, &BTreeMap::from([(d.id, "Pitch".to_string())]))
    }

    fn names(cs: &[Client], rows: &[usize]) -> Vec<String> {
        rows.iter().map(|&i| cs[i].latest.name.clone()).collect()
    }

    #[test]
    fn rows_sort_by_each_key_with_no_index_last() {
        let cs = three();
        let order = |sort: SortBy, reverse: bool| {
            names(
                &cs,
                &select(
                    &cs,
                    &Query {
                        sort,
                        reverse,
                        ..Query::default()
                    },
                ),
            )
        };
        // The default order goes by company (Xylo, Yak Inc, Zed Co), not by assessment name.
        assert_eq!(order(SortBy::Name, false), ["Charlie", "Bravo", "alpha"]);
        assert_eq!(order(SortBy::Name, true), ["alpha", "Bravo", "Charlie"]);
        assert_eq!(order(SortBy::Company, false), ["Charlie", "Bravo", "alpha"]);
        assert_eq!(
            order(SortBy::Maturity, false),
            ["Bravo", "alpha", "Charlie"]
        );
        assert_eq!(order(SortBy::Maturity, true), ["alpha", "Bravo", "Charlie"]);
        assert_eq!(order(SortBy::Flags, false), ["Bravo", "alpha", "Charlie"]);
        assert_eq!(order(SortBy::Changed, false)[0], "Bravo");
    }

    #[test]
    fn filters_and_search_narrow_the_rows() {
        let cs = three();
        let shown = |q: Query| names(&cs, &select(&cs, &q));
        assert_eq!(
            shown(Query {
                stage: Some(Stage::Seed),
                ..Query::default()
            }),
            ["alpha"]
        );
        assert_eq!(
            shown(Query {
                attention: true,
                ..Query::default()
            }),
            ["Bravo"]
        );
        assert_eq!(
            shown(Query {
                tag: TagFilter::Tag(" pitch ".into()),
                ..Query::default()
            }),
            ["Charlie"]
        );
        assert_eq!(
            shown(Query {
                tag: TagFilter::Untagged,
                ..Query::default()
            }),
            ["Bravo", "alpha"]
        );
        assert_eq!(
            shown(Query {
                search: "YAK".into(),
                ..Query::default()
            }),
            ["Bravo"]
        );
        assert_eq!(
            shown(Query {
                search: "ha".into(),
                ..Query::default()
            }),
            ["Charlie", "alpha"]
        );
        assert_eq!(
            shown(Query {
                review: Some(ReviewKind::Done),
                ..Query::default()
            }),
            Vec::<String>::new()
        );
        assert_eq!(tags_in_use(&cs), ["Pitch"]);
    }

    #[test]
    fn the_headline_names_who_needs_attention_and_why() {
        let cs = three();
        let all = select(&cs, &Query::default());
        assert_eq!(
            headline(&cs, &all),
            "1 of 3 clients need attention: Yak Inc (1 overdue risk review). \
             Open a flag to go to the page that deals with it; housekeeping (exports, \
             snapshots) is listed in each row but not counted here."
        );
        let calm = select(
            &cs,
            &Query {
                tag: TagFilter::Tag("pitch".into()),
                ..Query::default()
            },
        );
        assert!(headline(&cs, &calm).starts_with("The 1 client shown does not need attention"));
        assert!(headline(&cs, &[]).starts_with("No client matches"));
    }

    #[test]
    fn the_csv_has_a_row_per_client_and_area_with_both_levels() {
        let c = crate::content::get();
        let cs = three();
        let text = csv(c, &cs, &[0, 1, 2]);
        let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 1 + 3 * c.areas.len());
        assert_eq!(lines[0], CSV_HEADER.join(","));
        let first: Vec<&str> = lines[1].split(',').collect();
        assert_eq!(first[0], "Zed Co");
        assert_eq!(first[1], "alpha");
        assert_eq!(first[5], c.areas[0].id);
        assert_eq!(first[7], "3", "self level");
        assert_eq!(first[8], "", "not reviewed");
        assert_eq!(first[9], "3", "maturity index");
        assert_eq!(first[10], "", "no reviewed index: nothing reviewed");
        assert_eq!(first[11], "not-started");
        let bravo = lines[1 + c.areas.len()];
        assert!(bravo.starts_with("Yak Inc,Bravo,"));
        assert!(bravo.contains(",overdue-risks,0,1,0,0,0,"), "{bravo}");
        // Areas without a level have an empty cell.
        let second: Vec<&str> = lines[2].split(',').collect();
        assert_eq!(second[7], "");
    }

    #[test]
    fn the_reviewed_index_is_the_board_reports() {
        let c = crate::content::get();
        let mut a = client(1, "Q4 2026 check", "Acme");
        for area in &c.areas {
            answer(&mut a, &area.questions[0].id, 3);
        }
        let f = facts_of(&a);
        assert_eq!(f.index, Some(3.0));
        // Never reviewed: no reviewed index, not the founder's 3.0 beside 16 empty cells.
        assert_eq!(f.reviewed_index, None);
        assert_eq!(f.index_in(View::Reviewed), None);
        let cs = clients(vec![f], &BTreeMap::new());
        let text = csv(c, &cs, &[0]);
        let row: Vec<&str> = text.split("\r\n").nth(1).unwrap().split(',').collect();
        assert_eq!((row[9], row[10]), ("3", ""));
        // One area reviewed at 1: the reviewed index is the board report's, the reviewer's 1
        // with the founder's 3 in the 15 areas not reviewed yet (the review column says "In
        // review: 1 of 16 areas"), so the two pages never show two reviewed indexes.
        let now = at(today());
        set_answer_review(&mut a, &jane(), now, &c.areas[2].questions[0].id, |r| {
            r.level = Some(1)
        });
        let f = facts_of(&a);
        assert_eq!(f.reviewed_levels[2], Level::Score(1.0));
        assert_eq!(f.reviewed_index, Some((15.0 * 3.0 + 1.0) / 16.0));
        assert_eq!(f.index, Some(3.0));
        let report = crate::domain::board_report::figures(
            c,
            &a,
            crate::domain::board_report::Basis::Reviewed,
            None,
        );
        assert_eq!(report.lead().index, f.reviewed_index);
        assert_eq!(f.review.text(), "In review: 1 of 16 areas");
    }

    #[test]
    fn housekeeping_flags_show_but_do_not_need_attention() {
        // Begun 200 days ago, no snapshot: a housekeeping flag only.
        let mut old = client(1, "Q4 2026 check", "Acme");
        old.created_at = at(today()) - Duration::days(200);
        let f = facts_of(&old);
        assert_eq!(
            f.flags.list(),
            vec![Flag::NoRecentSnapshot {
                days: 200,
                ever: false
            }]
        );
        assert!(f.flags.list()[0].is_housekeeping());
        assert!(Flag::NotExported(9).is_housekeeping());
        assert!(!Flag::Challenged(1).is_housekeeping());
        assert!(f.flags.serious().is_empty());
        let mut cs = three();
        cs.extend(clients(vec![f], &BTreeMap::new()));
        let all = select(&cs, &Query::default());
        assert_eq!(all.len(), 4);
        assert!(headline(&cs, &all).starts_with("1 of 4 clients need attention: Yak Inc ("));
        let yak = (0..cs.len())
            .find(|&i| cs[i].label().starts_with("Yak"))
            .unwrap();
        assert!(headline(&cs, &[yak]).starts_with("The 1 client shown needs attention: Yak Inc ("));
        let attention = select(
            &cs,
            &Query {
                attention: true,
                ..Query::default()
            },
        );
        assert_eq!(names(&cs, &attention), ["Bravo"]);
        // Sorting by flags counts serious flags: the stale client does not outrank Bravo.
        let by_flags = select(
            &cs,
            &Query {
                sort: SortBy::Flags,
                ..Query::default()
            },
        );
        assert_eq!(names(&cs, &by_flags)[0], "Bravo");
        // Only housekeeping everywhere: nobody needs attention.
        assert!(headline(&cs, &[3]).starts_with("The 1 client shown does not need attention"));
    }

    #[test]
    fn clients_are_named_by_company_first() {
        let a = client(1, "Q4 2026 check", "Acme");
        let mut earlier = client(2, "Q1 2026 check", "acme ");
        earlier.created_at = at(today()) - Duration::days(300);
        let blank = client(3, "Side project", "  ");
        let only = client(4, "Q4 2026 check", "Beta GmbH");
        let facts = [&a, &earlier, &blank, &only]
            .into_iter()
            .map(facts_of)
            .collect();
        let cs = clients(facts, &BTreeMap::new());
        let labels: Vec<String> = cs.iter().map(Client::label).collect();
        assert_eq!(
            labels,
            ["Acme (Q4 2026 check)", "Side project", "Beta GmbH"]
        );
        let rows = select(&cs, &Query::default());
        let sorted: Vec<String> = rows.iter().map(|&i| cs[i].label()).collect();
        assert_eq!(
            sorted,
            ["Acme (Q4 2026 check)", "Beta GmbH", "Side project"]
        );
    }

    #[test]
    fn company_names_that_look_like_formulas_are_guarded() {
        let c = crate::content::get();
        let a = client(1, "x", "=HYPERLINK(\"evil\")");
        let cs = clients(vec![facts_of(&a)], &BTreeMap::new());
        let text = csv(c, &cs, &[0]);
        assert!(text
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("\"'=HYPERLINK(\"\"evil\"\")\""));
    }
}
