//! Comparing and merging two copies of one assessment: the one in this browser ("mine") and one
//! from an imported file ("theirs"), e.g. after a consultant's review.
//!
//! Owns the list of sections an assessment is split into, the section-by-section difference
//! (items matched by their stable ids: uuids, question ids, area ids, quarters, role ids, never
//! by position) and the merge that takes each section whole from the side the user chose. After a
//! merge, links that point at items no longer there are dropped and counted, so the result
//! always passes the file format's checks. Nothing here is silent: the UI shows every difference
//! before anything is changed. Never touches the browser or the clock.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::i18n::{tr, trf, Lang};

use super::model::Assessment;
use super::review::Review;
use super::team::ROLES;

/// Detail lines shown at once per section; the merge view lists the rest behind a disclosure.
pub const MAX_DETAILS: usize = 10;
/// Longest text shown for one side of a field in full (a whole note fits).
const MAX_FULL_CHARS: usize = 4_000;
/// Most changed fields named in one detail line.
const MAX_FIELDS: usize = 3;
/// Longer texts are reported as "changed" rather than quoted in full.
const MAX_QUOTED_CHARS: usize = 40;

/// One part of an assessment that a merge takes whole from one side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// The assessment's name and the company profile.
    Profile,
    Answers,
    /// Per-area settings (importance).
    Areas,
    Swot,
    Stakeholders,
    Inventory,
    Decisions,
    Scorecards,
    Goals,
    Kpis,
    Initiatives,
    Budget,
    Team,
    Risks,
    Review,
    Snapshots,
}

impl Section {
    /// Every section, in the order the app shows them.
    pub const ALL: [Section; 16] = [
        Section::Profile,
        Section::Answers,
        Section::Areas,
        Section::Swot,
        Section::Stakeholders,
        Section::Inventory,
        Section::Decisions,
        Section::Scorecards,
        Section::Goals,
        Section::Kpis,
        Section::Initiatives,
        Section::Budget,
        Section::Team,
        Section::Risks,
        Section::Review,
        Section::Snapshots,
    ];

    /// The name shown to the user (also the accessible name of the section's choice).
    pub fn label(self) -> &'static str {
        match self {
            Section::Profile => "Name and company profile",
            Section::Answers => "Answers",
            Section::Areas => "Area importance",
            Section::Swot => "SWOT",
            Section::Stakeholders => "Stakeholders",
            Section::Inventory => "Technology inventory",
            Section::Decisions => "Decisions",
            Section::Scorecards => "Scorecards",
            Section::Goals => "Goals",
            Section::Kpis => "KPIs",
            Section::Initiatives => "Roadmap initiatives",
            Section::Budget => "Budget",
            Section::Team => "Team",
            Section::Risks => "Risks",
            Section::Review => "Consultant review",
            Section::Snapshots => "Snapshots",
        }
    }
}

/// Which copy a merged section comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Choice {
    /// The copy in this browser: the safe default.
    #[default]
    KeepMine,
    /// The copy in the imported file.
    TakeTheirs,
}

/// How one section differs between the two copies. Only sections that differ are reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionDiff {
    pub section: Section,
    /// Items only in mine (the file does not have them).
    pub only_mine: usize,
    /// Items only in theirs (new in the file).
    pub only_theirs: usize,
    /// Items in both, with different content (for the profile: fields that differ).
    pub changed: usize,
    /// Every difference as one plain line; changes read mine → theirs.
    pub details: Vec<String>,
    /// For each line of `details`, the fields that differ with both sides' texts in full, so
    /// a long note can be read on both sides; empty for an item on one side only.
    pub fields: Vec<Vec<FieldTexts>>,
    /// The choice to start from: the side that has content when the other has none in this
    /// section, so an empty copy never overwrites a filled one by default; else mine.
    pub default: Choice,
}

/// One field that differs, with both sides' texts in full.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldTexts {
    /// The field's name in plain words.
    pub field: String,
    pub mine: String,
    pub theirs: String,
}

/// Every section in which the two copies differ, in [`Section::ALL`] order.
pub fn diff(mine: &Assessment, theirs: &Assessment) -> Vec<SectionDiff> {
    // Private notes live only on this side: a file without them (a client copy) differs in
    // nothing by their absence, so the file's copy is read with the notes here filled in.
    let filled = with_local_private_notes(theirs, mine);
    let theirs = &filled;
    Section::ALL
        .into_iter()
        .filter_map(|section| {
            let mut acc = Acc::default();
            if section != Section::Profile
                && entries(section, mine).is_empty()
                && !entries(section, theirs).is_empty()
            {
                acc.default = Choice::TakeTheirs;
            }
            match section {
                Section::Profile => compare_fields(&mut acc, &profile(mine), &profile(theirs)),
                _ => compare_entries(&mut acc, entries(section, mine), entries(section, theirs)),
            }
            // Same items in another order: not counted, but a merge would still change it.
            if acc.is_empty() && !section_equal(section, mine, theirs) && section.is_list() {
                acc.line(tr("domain.merge_same_items_reordered").to_string());
            }
            (!acc.is_empty()).then(|| acc.finish(section))
        })
        .collect()
}

/// `incoming` with the private notes of `local` filled in where the incoming copy has none: per
/// answer and per area of a reviewer both copies have, and the whole review of a reviewer who
/// wrote nothing but private notes here (a client copy drops such a review). A private note the
/// file does carry is kept as it is, so a different note still reads as a difference.
pub fn with_local_private_notes(incoming: &Assessment, local: &Assessment) -> Assessment {
    let mut out = incoming.clone();
    super::review::keep_private_notes(&mut out, local);
    for (index, r) in local.reviews.iter().enumerate() {
        let only_private = r
            .answers
            .values()
            .all(|x| x.level.is_none() && x.comment.trim().is_empty())
            && r.areas.values().all(|x| {
                x.status == super::review::AreaStatus::NotReviewed && x.comment.trim().is_empty()
            });
        if only_private && !out.reviews.iter().any(|o| o.reviewer_id == r.reviewer_id) {
            out.reviews.insert(index.min(out.reviews.len()), r.clone());
        }
    }
    out
}

/// Whether importing `incoming` over `local` would change nothing: the same content field for
/// field, where private notes missing from the file count as the ones here (they never travel
/// in "Export for the client").
pub fn same_apart_from_missing_notes(local: &Assessment, incoming: &Assessment) -> bool {
    local == incoming || with_local_private_notes(incoming, local) == *local
}

/// The result of a merge, with how many links to missing items were dropped.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub assessment: Assessment,
    /// Links removed because their target did not come along (see [`drop_dangling_links`]).
    pub dropped_links: usize,
}

/// Merges theirs into mine: each section whole from the side chosen (mine where no choice is
/// given), keeping mine's id and creation time; the update time is the later of the two.
pub fn merge(
    mine: &Assessment,
    theirs: &Assessment,
    choices: &BTreeMap<Section, Choice>,
) -> Assessment {
    merge_report(mine, theirs, choices).assessment
}

/// Like [`merge`], and says how many dangling links it dropped.
pub fn merge_report(
    mine: &Assessment,
    theirs: &Assessment,
    choices: &BTreeMap<Section, Choice>,
) -> Merged {
    let take = |s: Section| choices.get(&s).copied().unwrap_or_default() == Choice::TakeTheirs;
    let mut out = mine.clone();
    // Destructured in full so a new field in `Assessment` cannot compile until it has a section.
    let Assessment {
        id: _,
        name,
        profile,
        created_at: _,
        updated_at,
        answers,
        areas,
        swot,
        stakeholders,
        inventory,
        decisions,
        scorecards,
        goals,
        kpis,
        initiatives,
        budget,
        team,
        costs,
        risks,
        reviews,
        report,
        snapshots,
    } = theirs.clone();
    out.updated_at = mine.updated_at.max(updated_at);
    if take(Section::Profile) {
        out.name = name;
        out.profile = profile;
    }
    macro_rules! take_field {
        ($($section:ident => $field:ident),* $(,)?) => {
            $(if take(Section::$section) { out.$field = $field; })*
        };
    }
    take_field!(
        Answers => answers,
        Areas => areas,
        Swot => swot,
        Stakeholders => stakeholders,
        Inventory => inventory,
        Decisions => decisions,
        Scorecards => scorecards,
        Goals => goals,
        Kpis => kpis,
        Initiatives => initiatives,
        Budget => budget,
        Team => team,
        Risks => risks,
        Snapshots => snapshots,
    );
    if take(Section::Review) {
        take_reviews(&mut out.reviews, reviews);
    }
    // The report's texts have no section of their own yet: the file's fill an empty one here,
    // and texts written here are never overwritten.
    if out.report.is_empty() {
        out.report = report;
    }
    // The cost assumptions price the budget's plan, so they go with it.
    if take(Section::Budget) {
        out.costs = costs;
    }
    let dropped_links = drop_dangling_links(&mut out);
    Merged {
        assessment: out,
        dropped_links,
    }
}

/// Removes links between sections that point at items not in the assessment: an initiative's
/// goals and dependencies, a risk's mitigating initiatives, a key result's KPI. Returns how many
/// were removed. Sections taken from different sides can leave such links behind.
pub fn drop_dangling_links(a: &mut Assessment) -> usize {
    let goals: HashSet<Uuid> = a.goals.iter().map(|g| g.id).collect();
    let kpis: HashSet<Uuid> = a.kpis.iter().map(|k| k.id).collect();
    let initiatives: HashSet<Uuid> = a.initiatives.iter().map(|i| i.id).collect();
    let mut dropped = 0;
    let mut keep = |list: &mut Vec<Uuid>, known: &HashSet<Uuid>| {
        let before = list.len();
        list.retain(|id| known.contains(id));
        dropped += before - list.len();
    };
    for i in &mut a.initiatives {
        keep(&mut i.goals, &goals);
        keep(&mut i.depends_on, &initiatives);
    }
    for r in &mut a.risks {
        keep(&mut r.initiatives, &initiatives);
    }
    for g in &mut a.goals {
        for kr in &mut g.key_results {
            if kr.kpi.is_some_and(|k| !kpis.contains(&k)) {
                kr.kpi = None;
                dropped += 1;
            }
        }
    }
    dropped
}

/// The notice shown after a merge, e.g. "Merged: took theirs for 3 sections, kept yours for 5."
pub fn summary(took_theirs: usize, kept_mine: usize, dropped_links: usize) -> String {
    let kept = kept_mine.to_string();
    let text = match (took_theirs + kept_mine, took_theirs) {
        (0, _) => tr("domain.merge_summary_same").to_string(),
        (_, 1) => trf("domain.merge_summary_took_one", &[("kept", &kept)]),
        (_, n) => trf(
            "domain.merge_summary_took_many",
            &[("took", &n.to_string()), ("kept", &kept)],
        ),
    };
    match dropped_links {
        0 => text,
        1 => trf("domain.merge_summary_dropped_one", &[("summary", &text)]),
        n => trf(
            "domain.merge_summary_dropped_many",
            &[("summary", &text), ("count", &n.to_string())],
        ),
    }
}

impl Section {
    /// Whether the section is an ordered list, where order alone can differ.
    fn is_list(self) -> bool {
        !matches!(
            self,
            Section::Profile | Section::Answers | Section::Areas | Section::Review
        )
    }
}

/// Whether a section is exactly the same on both sides (order and empty entries included).
fn section_equal(section: Section, a: &Assessment, b: &Assessment) -> bool {
    match section {
        Section::Profile => a.name == b.name && a.profile == b.profile,
        Section::Answers => a.answers == b.answers,
        Section::Areas => a.areas == b.areas,
        Section::Swot => a.swot == b.swot,
        Section::Stakeholders => a.stakeholders == b.stakeholders,
        Section::Inventory => a.inventory == b.inventory,
        Section::Decisions => a.decisions == b.decisions,
        Section::Scorecards => a.scorecards == b.scorecards,
        Section::Goals => a.goals == b.goals,
        Section::Kpis => a.kpis == b.kpis,
        Section::Initiatives => a.initiatives == b.initiatives,
        Section::Budget => a.budget == b.budget && a.costs == b.costs,
        Section::Team => a.team == b.team,
        Section::Risks => a.risks == b.risks,
        Section::Review => a.reviews == b.reviews,
        Section::Snapshots => a.snapshots == b.snapshots,
    }
}

/// Counts and lines gathered for one section.
#[derive(Default)]
struct Acc {
    only_mine: usize,
    only_theirs: usize,
    changed: usize,
    details: Vec<String>,
    fields: Vec<Vec<FieldTexts>>,
    default: Choice,
}

impl Acc {
    fn line(&mut self, text: String) {
        self.line_with(text, Vec::new());
    }

    fn line_with(&mut self, text: String, fields: Vec<FieldTexts>) {
        self.details.push(text);
        self.fields.push(fields);
    }

    fn is_empty(&self) -> bool {
        self.only_mine + self.only_theirs + self.changed == 0 && self.details.is_empty()
    }

    fn finish(self, section: Section) -> SectionDiff {
        SectionDiff {
            section,
            only_mine: self.only_mine,
            only_theirs: self.only_theirs,
            changed: self.changed,
            details: self.details,
            fields: self.fields,
            default: self.default,
        }
    }
}

/// One item of a section, ready to compare: `key` matches it across the two sides (kind and
/// stable id), `label` names it for the user, `value` is its content without the id.
struct Entry {
    key: String,
    label: String,
    value: Value,
}

fn entry(kind: &str, id: impl ToString, label: String, item: &impl Serialize) -> Entry {
    let mut value = serde_json::to_value(item).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.remove("id");
    }
    Entry {
        key: format!("{kind}:{}", id.to_string()),
        label,
        value,
    }
}

/// A title in quotes, shortened, or a placeholder when empty.
fn quoted(title: &str) -> String {
    let title = title.trim();
    if title.is_empty() {
        return tr("domain.merge_untitled").to_string();
    }
    let short: String = title.chars().take(MAX_QUOTED_CHARS).collect();
    if short.len() < title.len() {
        format!("“{}…”", short.trim_end())
    } else {
        format!("“{short}”")
    }
}

/// The comparable items of a list or keyed section. Absent and empty entries are the same thing
/// in answers and reviews, and an absent area has the default settings, so those are left out.
fn entries(section: Section, a: &Assessment) -> Vec<Entry> {
    match section {
        Section::Profile => Vec::new(),
        Section::Answers => a
            .answers
            .iter()
            .filter(|(_, answer)| !answer.is_empty())
            .map(|(q, answer)| {
                let label = trf("domain.merge_label_answer", &[("question", &question(q))]);
                entry("answer", q, label, answer)
            })
            .collect(),
        Section::Areas => a
            .areas
            .iter()
            .filter(|(_, s)| **s != Default::default())
            .map(|(id, s)| {
                let label = trf("domain.merge_label_area", &[("area", id)]);
                entry("area", id, label, s)
            })
            .collect(),
        Section::Swot => {
            let quadrants = [
                ("strength", &a.swot.strengths),
                ("weakness", &a.swot.weaknesses),
                ("opportunity", &a.swot.opportunities),
                ("threat", &a.swot.threats),
            ];
            quadrants
                .into_iter()
                .flat_map(|(quadrant, items)| {
                    items.iter().map(move |item| {
                        let mut e = entry("swot", item.id, quoted(&item.text), item);
                        // The quadrant is part of the item's content: moving it is a change.
                        if let Value::Object(map) = &mut e.value {
                            map.insert("quadrant".into(), Value::String(quadrant.into()));
                        }
                        e
                    })
                })
                .collect()
        }
        Section::Stakeholders => a
            .stakeholders
            .iter()
            .map(|s| entry("stakeholder", s.id, quoted(&s.name), s))
            .collect(),
        Section::Inventory => a
            .inventory
            .iter()
            .map(|i| entry("inventory", i.id, quoted(&i.name), i))
            .collect(),
        Section::Decisions => a
            .decisions
            .iter()
            .map(|d| entry("decision", d.id, quoted(&d.title), d))
            .collect(),
        Section::Scorecards => a
            .scorecards
            .iter()
            .map(|c| entry("scorecard", c.id, quoted(&c.name), c))
            .collect(),
        Section::Goals => a
            .goals
            .iter()
            .map(|g| entry("goal", g.id, quoted(&g.objective), g))
            .collect(),
        Section::Kpis => a
            .kpis
            .iter()
            .map(|k| entry("kpi", k.id, quoted(&k.name), k))
            .collect(),
        Section::Initiatives => a
            .initiatives
            .iter()
            .map(|i| entry("initiative", i.id, quoted(&i.title), i))
            .collect(),
        Section::Budget => {
            let quarters = a.budget.quarters.iter().map(|q| {
                let label = trf(
                    "domain.merge_label_budget",
                    &[("quarter", &q.quarter.to_string())],
                );
                entry("quarter", q.quarter, label, q)
            });
            let costs = a
                .budget
                .running_costs
                .iter()
                .map(|c| entry("running-cost", c.id, quoted(&c.name), c));
            let assumptions = std::iter::once(entry(
                "costs",
                "assumptions",
                tr("domain.merge_label_costs").to_string(),
                &a.costs,
            ));
            quarters.chain(costs).chain(assumptions).collect()
        }
        Section::Team => {
            let people = a
                .team
                .people
                .iter()
                .map(|p| entry("person", p.id, quoted(&p.name), p));
            let changes = a
                .team
                .changes
                .iter()
                .map(|c| entry("change", c.id, quoted(&c.title), c));
            let roles = a.team.responsibilities.iter().map(|(role, r)| {
                let name = role_name(role);
                entry(
                    "role",
                    role,
                    trf("domain.merge_label_role", &[("role", name)]),
                    r,
                )
            });
            people.chain(changes).chain(roles).collect()
        }
        Section::Risks => a
            .risks
            .iter()
            .map(|r| entry("risk", r.id, quoted(&r.title), r))
            .collect(),
        Section::Review => a.reviews.iter().flat_map(review_entries).collect(),
        Section::Snapshots => a
            .snapshots
            .iter()
            .map(|s| entry("snapshot", s.id, quoted(&s.name), s))
            .collect(),
    }
}

/// One reviewer's review as entries keyed by the reviewer's id, so reviews are matched by
/// reviewer (never by name or position) and each line says whose it is.
fn review_entries(r: &Review) -> Vec<Entry> {
    let rid = r.reviewer_id;
    let by = |item: String| {
        trf(
            "reviewers.merge_by",
            &[("reviewer", &r.byline()), ("item", &item)],
        )
    };
    let name = Entry {
        key: format!("reviewer:{rid}"),
        // The byline alone names the entry: "Reviewer (Jane Doe)".
        label: r.byline(),
        value: Value::String(r.reviewer.trim().to_string()),
    };
    let answers = r
        .answers
        .iter()
        .filter(|(_, ar)| !ar.is_empty())
        .map(|(q, ar)| {
            let label = trf(
                "domain.merge_label_answer_review",
                &[("question", &question(q))],
            );
            entry("answer-review", format!("{rid}/{q}"), by(label), ar)
        });
    let areas = r
        .areas
        .iter()
        .filter(|(_, ar)| !ar.is_empty())
        .map(|(id, ar)| {
            let label = trf("domain.merge_label_area_review", &[("area", &area(id))]);
            entry("area-review", format!("{rid}/{id}"), by(label), ar)
        });
    std::iter::once(name).chain(answers).chain(areas).collect()
}

/// Taking the file's reviews: each of its reviewers' reviews replaces the same reviewer's here
/// (matched by id) or is added; a reviewer the file does not have stays, since a file that lacks a
/// review has not deleted it. Private notes here survive where the file's copy has none (a client
/// file never carries them).
fn take_reviews(mine: &mut Vec<Review>, theirs: Vec<Review>) {
    for mut r in theirs {
        match mine.iter_mut().find(|m| m.reviewer_id == r.reviewer_id) {
            Some(m) => {
                r.keep_private_notes(m);
                *m = r;
            }
            None => mine.push(r),
        }
    }
}

/// Matches items by key: counts those on one side only and those whose content differs.
fn compare_entries(acc: &mut Acc, mine: Vec<Entry>, theirs: Vec<Entry>) {
    let theirs_by_key: HashMap<&str, &Entry> = theirs.iter().map(|e| (e.key.as_str(), e)).collect();
    let mine_keys: HashSet<&str> = mine.iter().map(|e| e.key.as_str()).collect();
    for m in &mine {
        match theirs_by_key.get(m.key.as_str()) {
            None => {
                acc.only_mine += 1;
                acc.line(trf("domain.merge_only_mine", &[("item", &m.label)]));
            }
            Some(t) if t.value != m.value => {
                acc.changed += 1;
                acc.line_with(
                    trf(
                        "domain.merge_item_changed",
                        &[
                            ("item", &m.label),
                            ("changes", &describe_change(&m.value, &t.value)),
                        ],
                    ),
                    field_texts(&m.value, &t.value),
                );
            }
            Some(_) => {}
        }
    }
    for t in theirs
        .iter()
        .filter(|t| !mine_keys.contains(t.key.as_str()))
    {
        acc.only_theirs += 1;
        acc.line(trf("domain.merge_only_theirs", &[("item", &t.label)]));
    }
}

/// The profile as one record: the assessment's name beside the profile's fields.
fn profile(a: &Assessment) -> Value {
    let mut value = serde_json::to_value(&a.profile).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.insert("name".into(), Value::String(a.name.clone()));
    }
    value
}

/// Compares a single record field by field; each differing field counts as one change.
fn compare_fields(acc: &mut Acc, mine: &Value, theirs: &Value) {
    let empty = Map::new();
    let (m, t) = (
        mine.as_object().unwrap_or(&empty),
        theirs.as_object().unwrap_or(&empty),
    );
    for key in m.keys().chain(t.keys()).collect::<BTreeSet<_>>() {
        let (a, b) = (
            m.get(key).unwrap_or(&Value::Null),
            t.get(key).unwrap_or(&Value::Null),
        );
        if a != b {
            acc.changed += 1;
            acc.line_with(
                describe_field(key, a, b),
                vec![FieldTexts {
                    field: field_name(key),
                    mine: full_text(a),
                    theirs: full_text(b),
                }],
            );
        }
    }
}

/// The fields that differ between two items, with both sides in full.
fn field_texts(mine: &Value, theirs: &Value) -> Vec<FieldTexts> {
    let (Some(m), Some(t)) = (mine.as_object(), theirs.as_object()) else {
        return vec![FieldTexts {
            field: String::new(),
            mine: full_text(mine),
            theirs: full_text(theirs),
        }];
    };
    let keys: BTreeSet<&String> = m.keys().chain(t.keys()).collect();
    keys.into_iter()
        .filter_map(|key| {
            let (a, b) = (
                m.get(key).unwrap_or(&Value::Null),
                t.get(key).unwrap_or(&Value::Null),
            );
            (a != b).then(|| FieldTexts {
                field: field_name(key),
                mine: full_text(a),
                theirs: full_text(b),
            })
        })
        .collect()
}

/// A value written out whole for reading: texts as they are, lists one item after another,
/// anything nested as compact JSON; cut only past [`MAX_FULL_CHARS`].
fn full_text(value: &Value) -> String {
    let text = match value {
        Value::String(s) if s.trim().is_empty() => tr("domain.merge_value_none").to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(|v| v.is_string()) && !items.is_empty() => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        Value::Array(_) | Value::Object(_) => value.to_string(),
        other => show(other).unwrap_or_else(|| other.to_string()),
    };
    match text.char_indices().nth(MAX_FULL_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

/// A question's text in the language in use, for labels; an id the framework does not know
/// stays as it is.
fn question(id: &str) -> String {
    crate::content::get_lang(crate::i18n::current())
        .question(id)
        .map(|(_, q)| format!("“{}”", q.text.trim()))
        .unwrap_or_else(|| id.to_string())
}
/// An area's title from the content, in the language in use; its id where the content has no such
/// area.
fn area(id: &str) -> String {
    crate::content::get_lang(crate::i18n::current())
        .area(id)
        .map(|a| a.name.trim().to_string())
        .unwrap_or_else(|| id.to_string())
}

/// What changed in one item, field by field, e.g. `start 3 Mar 2026 → 17 Mar 2026`.
fn describe_change(mine: &Value, theirs: &Value) -> String {
    let (Some(m), Some(t)) = (mine.as_object(), theirs.as_object()) else {
        return match (show(mine), show(theirs)) {
            (Some(a), Some(b)) if a != b => {
                trf("domain.merge_value_change", &[("from", &a), ("to", &b)])
            }
            _ => tr("domain.merge_changed").to_string(),
        };
    };
    let keys: BTreeSet<&String> = m.keys().chain(t.keys()).collect();
    let changes: Vec<String> = keys
        .into_iter()
        .filter_map(|key| {
            let (a, b) = (
                m.get(key).unwrap_or(&Value::Null),
                t.get(key).unwrap_or(&Value::Null),
            );
            (a != b).then(|| describe_field(key, a, b))
        })
        .collect();
    let text = changes
        .iter()
        .take(MAX_FIELDS)
        .cloned()
        .collect::<Vec<_>>()
        .join(tr("domain.merge_change_separator"));
    match changes.len().saturating_sub(MAX_FIELDS) {
        0 => text,
        1 => trf("domain.merge_changes_one_more", &[("changes", &text)]),
        n => trf(
            "domain.merge_changes_more",
            &[("changes", &text), ("count", &n.to_string())],
        ),
    }
}

fn describe_field(key: &str, mine: &Value, theirs: &Value) -> String {
    let name = field_name(key);
    match (show(mine), show(theirs)) {
        (Some(a), Some(b)) if a != b => trf(
            "domain.merge_field_change",
            &[("field", &name), ("from", &a), ("to", &b)],
        ),
        _ => trf("domain.merge_field_changed", &[("field", &name)]),
    }
}

/// A field's name in plain words, in the language in use. The names are keys of the file
/// format, so a field without a text of its own (a newer one) is shown as its English words.
fn field_name(key: &str) -> String {
    let english = match key {
        "current" => "level".to_string(),
        "kpi" => "KPI".to_string(),
        "one_off_cost" => "one-off cost".to_string(),
        "not_applicable" => "not applicable".to_string(),
        _ => key.replace('_', " "),
    };
    match crate::i18n::current() {
        Lang::En => english,
        lang => match crate::i18n::text(lang, &format!("domain.merge_field_name_{key}")) {
            crate::i18n::MISSING => english,
            text => text.to_string(),
        },
    }
}

/// A team role's name in the language in use ("Engineering"); an unknown role id as it is.
fn role_name(role: &str) -> &str {
    match role {
        "leadership" => tr("domain.merge_role_leadership"),
        "product-development" => tr("domain.merge_role_product_development"),
        "design" => tr("domain.merge_role_design"),
        "engineering" => tr("domain.merge_role_engineering"),
        "testing" => tr("domain.merge_role_testing"),
        "deployment" => tr("domain.merge_role_deployment"),
        "maintenance" => tr("domain.merge_role_maintenance"),
        "support" => tr("domain.merge_role_support"),
        _ => ROLES
            .iter()
            .find(|(id, _)| *id == role)
            .map_or(role, |(_, label)| label),
    }
}

/// A short readable form of a value, or `None` when it is too long to quote usefully.
fn show(value: &Value) -> Option<String> {
    match value {
        Value::Null => Some(tr("domain.merge_value_none").to_string()),
        Value::Bool(b) => Some(
            if *b {
                tr("domain.merge_value_yes")
            } else {
                tr("domain.merge_value_no")
            }
            .to_string(),
        ),
        Value::Number(n) => Some(match n.as_i64() {
            Some(i) => i.to_string(),
            None => n.as_f64().map(|f| f.to_string()).unwrap_or_default(),
        }),
        Value::String(s) => show_text(s),
        Value::Array(items) => {
            if items.is_empty() {
                return Some(tr("domain.merge_value_none").to_string());
            }
            let short: Option<Vec<String>> = items
                .iter()
                .map(|v| match v {
                    Value::String(s) if Uuid::parse_str(s).is_err() => show_text(s),
                    Value::Number(_) | Value::Bool(_) => show(v),
                    _ => None,
                })
                .collect();
            match short {
                Some(parts) if parts.len() <= 4 => {
                    Some(parts.join(tr("domain.merge_value_separator")))
                }
                _ => Some(match items.len() {
                    1 => tr("domain.merge_value_one_item").to_string(),
                    n => trf("domain.merge_value_items", &[("count", &n.to_string())]),
                }),
            }
        }
        Value::Object(map) => {
            if map.is_empty() {
                return Some(tr("domain.merge_value_none").to_string());
            }
            let short: Option<Vec<String>> = map
                .iter()
                .map(|(k, v)| match v {
                    Value::Object(_) | Value::Array(_) => None,
                    _ => show(v).map(|s| {
                        trf(
                            "domain.merge_field_with_value",
                            &[("field", &field_name(k)), ("value", &s)],
                        )
                    }),
                })
                .collect();
            match short {
                Some(parts) if parts.len() <= 3 => {
                    Some(parts.join(tr("domain.merge_value_separator")))
                }
                _ => Some(match map.len() {
                    1 => tr("domain.merge_value_one_entry").to_string(),
                    n => trf("domain.merge_value_entries", &[("count", &n.to_string())]),
                }),
            }
        }
    }
}

fn show_text(s: &str) -> Option<String> {
    if s.trim().is_empty() {
        return Some(tr("domain.merge_value_empty").to_string());
    }
    let lang = crate::i18n::current();
    if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(crate::i18n::date(lang, date));
    }
    if let Ok(time) = s.parse::<DateTime<Utc>>() {
        return Some(crate::i18n::date(lang, time.date_naive()));
    }
    (s.chars().count() <= MAX_QUOTED_CHARS).then(|| format!("“{s}”"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::demo_assessment;
    use crate::domain::kpi::{Goal, KeyResult, Kpi};
    use crate::domain::risk::Risk;
    use crate::domain::roadmap::Initiative;
    use crate::format::{self, FileKind};

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn demo() -> Assessment {
        demo_assessment(crate::content::get(), at("2026-05-01T09:00:00Z"))
    }

    fn all(choice: Choice) -> BTreeMap<Section, Choice> {
        Section::ALL.into_iter().map(|s| (s, choice)).collect()
    }

    fn find(diffs: &[SectionDiff], section: Section) -> &SectionDiff {
        diffs.iter().find(|d| d.section == section).unwrap()
    }

    fn goal(n: u128, objective: &str, kpi: Option<Uuid>) -> Goal {
        Goal {
            id: id(n),
            objective: objective.into(),
            description: String::new(),
            area: None,
            business_goal: true,
            target_date: None,
            key_results: vec![KeyResult {
                id: id(n + 1000),
                text: "Measured".into(),
                kpi,
            }],
        }
    }

    /// Must pass the file format's checks: exported and imported again, unchanged.
    fn assert_valid(a: &Assessment) {
        let text = format::export(
            FileKind::Assessment,
            std::slice::from_ref(a),
            at("2026-06-01T00:00:00Z"),
        );
        let back = format::import(&text).unwrap();
        assert_eq!(back.assessments, vec![a.clone()]);
    }

    #[test]
    fn identical_copies_have_no_differences() {
        let a = demo();
        assert_eq!(diff(&a, &a.clone()), Vec::new());
    }

    #[test]
    fn items_are_matched_by_id_and_counted() {
        let mut mine = Assessment::new(id(1), "Acme", at("2026-01-01T00:00:00Z"));
        let mut ci = Initiative::new(id(10), "Set up CI");
        ci.start = Some(date(2026, 3, 3));
        mine.initiatives = vec![
            Initiative::new(id(11), "Same"),
            ci.clone(),
            Initiative::new(id(12), "Removed"),
        ]
        .into();
        let mut theirs = mine.clone();
        ci.start = Some(date(2026, 3, 17));
        // Another order and a renamed sibling must not confuse matching by id.
        theirs.initiatives = vec![
            Initiative::new(id(13), "Added"),
            ci,
            Initiative::new(id(11), "Same"),
        ]
        .into();

        let diffs = diff(&mine, &theirs);
        assert_eq!(diffs.len(), 1, "{diffs:?}");
        let d = &diffs[0];
        assert_eq!(d.section, Section::Initiatives);
        assert_eq!((d.only_mine, d.only_theirs, d.changed), (1, 1, 1));
        assert_eq!(
            d.details,
            vec![
                "“Set up CI”: start 3 Mar 2026 → 17 Mar 2026",
                "Only in mine: “Removed”",
                "Only in theirs: “Added”",
            ]
        );
    }

    #[test]
    fn answers_are_matched_by_question_id_and_empty_answers_count_as_absent() {
        let mut mine = demo();
        let mut theirs = mine.clone();
        let qid = mine.answers.keys().next().unwrap().clone();
        let before = mine.answers[&qid].current.unwrap();
        let after = (before + 1) % 5;
        theirs.answers.get_mut(&qid).unwrap().current = Some(after);
        theirs
            .answers
            .insert("new.question".into(), Default::default());
        mine.answers
            .insert("other.question".into(), Default::default());

        let diffs = diff(&mine, &theirs);
        assert_eq!(diffs.len(), 1, "{diffs:?}");
        let d = find(&diffs, Section::Answers);
        assert_eq!((d.only_mine, d.only_theirs, d.changed), (0, 0, 1));
        // Named by the question's own words, not its id.
        let text = &crate::content::get().question(&qid).unwrap().1.text;
        assert_eq!(
            d.details,
            vec![format!("answer “{text}”: level {before} → {after}")]
        );
    }

    #[test]
    fn untouched_sections_are_not_listed() {
        let mut mine = demo();
        mine.reviews.clear();
        let mut theirs = mine.clone();
        theirs.profile.company_name = "Harbourline Ltd".into();
        theirs.reviews.push(Review {
            reviewer_id: id(77),
            reviewer: "Jane Doe".into(),
            ..Review::default()
        });
        theirs.risks.remove(0);
        let sections: Vec<Section> = diff(&mine, &theirs).iter().map(|d| d.section).collect();
        assert_eq!(
            sections,
            vec![Section::Profile, Section::Risks, Section::Review]
        );
        let diffs = diff(&mine, &theirs);
        let profile = find(&diffs, Section::Profile);
        assert_eq!(profile.changed, 1);
        assert_eq!(
            profile.details,
            vec![format!(
                "company name “{}” → “Harbourline Ltd”",
                mine.profile.company_name
            )]
        );
        assert_eq!(find(&diffs, Section::Risks).only_mine, 1);
        let review = find(&diffs, Section::Review);
        assert_eq!((review.only_theirs, review.changed), (1, 0));
        assert_eq!(review.details, vec!["Only in theirs: Reviewer (Jane Doe)"]);
    }

    #[test]
    fn a_reordered_list_is_listed_without_counts() {
        let mine = demo();
        let mut theirs = mine.clone();
        theirs.kpis.reverse();
        let diffs = diff(&mine, &theirs);
        assert_eq!(diffs.len(), 1);
        let d = find(&diffs, Section::Kpis);
        assert_eq!((d.only_mine, d.only_theirs, d.changed), (0, 0, 0));
        assert_eq!(d.details, vec!["Same items, in a different order."]);
    }

    #[test]
    fn every_difference_is_listed_and_an_empty_side_does_not_default_to_overwriting() {
        let mine = Assessment::new(id(1), "x", at("2026-01-01T00:00:00Z"));
        let mut theirs = mine.clone();
        theirs.risks = (0..14)
            .map(|n| Risk::new(id(100 + n), format!("Risk {n}")))
            .collect();
        let diffs = diff(&mine, &theirs);
        let d = find(&diffs, Section::Risks);
        assert_eq!(d.only_theirs, 14);
        assert_eq!(d.details.len(), 14);
        assert_eq!(d.details.last().unwrap(), "Only in theirs: “Risk 13”");
        // Mine has no risks: taking theirs is the default. The other way round keeps mine.
        assert_eq!(d.default, Choice::TakeTheirs);
        let back = diff(&theirs, &mine);
        assert_eq!(find(&back, Section::Risks).default, Choice::KeepMine);
    }

    #[test]
    fn answers_are_named_by_their_question_and_show_both_texts_in_full() {
        let content = crate::content::get();
        let q = &content.areas[0].questions[0];
        let mine = Assessment::new(id(1), "x", at("2026-01-01T00:00:00Z"));
        let mut theirs = mine.clone();
        let mut ours = mine.clone();
        let long = "A long note that goes on well past forty characters, word after word.";
        ours.answers.entry(q.id.clone()).or_default().notes = "Short".into();
        theirs.answers.entry(q.id.clone()).or_default().notes = long.into();
        let diffs = diff(&ours, &theirs);
        let d = find(&diffs, Section::Answers);
        assert!(d.details[0].contains(&q.text), "{:?}", d.details);
        assert!(!d.details[0].contains(&q.id), "{:?}", d.details);
        assert_eq!(
            d.fields[0],
            [FieldTexts {
                field: "notes".into(),
                mine: "Short".into(),
                theirs: long.into(),
            }]
        );
        assert_eq!(d.default, Choice::KeepMine);
        let _ = mine;
    }

    #[test]
    fn merge_applies_choices_per_section_and_keeps_everything_else_mine() {
        let mine = demo();
        let mut theirs = mine.clone();
        theirs.updated_at = at("2026-07-01T00:00:00Z");
        theirs.name = "Their name".into();
        theirs.stakeholders.clear();
        theirs.reviews[0].reviewer = "Jane Doe".into();
        theirs.answers.clear();

        let choices = BTreeMap::from([
            (Section::Stakeholders, Choice::TakeTheirs),
            (Section::Review, Choice::TakeTheirs),
            (Section::Profile, Choice::KeepMine),
        ]);
        let merged = merge_report(&mine, &theirs, &choices);
        assert_eq!(merged.dropped_links, 0);
        let m = &merged.assessment;
        assert!(m.stakeholders.is_empty());
        assert_eq!(m.reviews[0].reviewer, "Jane Doe");
        assert_eq!(m.name, mine.name);
        assert_eq!(m.answers, mine.answers);
        assert_eq!(m.id, mine.id);
        assert_eq!(m.created_at, mine.created_at);
        assert_eq!(m.updated_at, at("2026-07-01T00:00:00Z"));
        // Nothing else moved: the only differences left from mine are the two sections taken.
        let left: Vec<Section> = diff(&mine, m).iter().map(|d| d.section).collect();
        assert_eq!(left, vec![Section::Stakeholders, Section::Review]);
        assert_valid(m);
    }

    #[test]
    fn merging_with_all_theirs_gives_theirs_and_all_mine_gives_mine() {
        let mine = demo();
        let mut theirs = mine.clone();
        theirs.name = "Reviewed".into();
        theirs.initiatives.pop();
        theirs.risks.iter_mut().for_each(|r| r.initiatives.clear());
        theirs.team.people.pop();
        theirs.budget.quarters.clear();
        theirs.swot.threats.clear();
        theirs.reviews[0].reviewer = "Jane".into();
        theirs.updated_at = at("2026-04-01T00:00:00Z");

        let all_theirs = merge(&mine, &theirs, &all(Choice::TakeTheirs));
        let mut expected = theirs.clone();
        expected.updated_at = mine.updated_at.max(theirs.updated_at);
        assert_eq!(all_theirs, expected);
        assert_eq!(merge(&mine, &theirs, &BTreeMap::new()), mine);
        assert_eq!(merge(&mine, &theirs, &all(Choice::KeepMine)), mine);
    }

    #[test]
    fn links_to_items_that_did_not_come_along_are_dropped() {
        let mut mine = Assessment::new(id(1), "x", at("2026-01-01T00:00:00Z"));
        mine.kpis = vec![Kpi::new(id(30), "Uptime")].into();
        mine.goals = vec![goal(20, "Reliable", Some(id(30)))];
        let mut first = Initiative::new(id(10), "First");
        first.goals = vec![id(20)];
        mine.initiatives = vec![first].into();
        let mut risk = Risk::new(id(40), "Outage");
        risk.initiatives = vec![id(10)];
        mine.risks = vec![risk].into();

        let mut theirs = Assessment::new(id(1), "x", at("2026-02-01T00:00:00Z"));
        theirs.goals = vec![goal(21, "Theirs", None)];
        let mut second = Initiative::new(id(11), "Second");
        second.goals = vec![id(21)];
        theirs.initiatives = vec![second].into();

        // Initiatives and KPIs from theirs; goals and risks stay mine.
        let choices = BTreeMap::from([
            (Section::Initiatives, Choice::TakeTheirs),
            (Section::Kpis, Choice::TakeTheirs),
        ]);
        let merged = merge_report(&mine, &theirs, &choices);
        // The risk's initiative, the initiative's goal and the key result's KPI.
        assert_eq!(merged.dropped_links, 3);
        let m = &merged.assessment;
        assert!(m.risks[0].initiatives.is_empty());
        assert!(m.initiatives[0].goals.is_empty());
        assert_eq!(m.goals[0].key_results[0].kpi, None);
        assert_valid(m);
    }

    #[test]
    fn a_mixed_merge_of_the_demo_passes_the_format_checks() {
        let mine = demo();
        let mut theirs = mine.clone();
        theirs.initiatives.truncate(1);
        theirs.goals.truncate(1);
        theirs.kpis.truncate(1);
        drop_dangling_links(&mut theirs);
        theirs.updated_at = at("2026-05-02T00:00:00Z");
        let mut dropped = 0;
        for take in [
            [Section::Initiatives, Section::Kpis],
            [Section::Goals, Section::Risks],
            [Section::Kpis, Section::Goals],
        ] {
            let choices = take.iter().map(|s| (*s, Choice::TakeTheirs)).collect();
            let merged = merge_report(&mine, &theirs, &choices);
            assert_valid(&merged.assessment);
            dropped += merged.dropped_links;
        }
        // The demo links initiatives, goals, KPIs and risks, so some links had to go.
        assert!(dropped > 0);
    }

    #[test]
    fn summary_counts_sections_and_dropped_links() {
        assert_eq!(
            summary(3, 5, 0),
            "Merged: took theirs for 3 sections, kept yours for 5."
        );
        assert_eq!(
            summary(1, 0, 2),
            "Merged: took theirs for 1 section, kept yours for 0. \
             2 links to items that are no longer there were removed."
        );
        assert_eq!(
            summary(0, 0, 0),
            "Merged: the two copies were already the same."
        );
    }

    #[test]
    fn reviews_are_matched_by_reviewer_id_never_by_name() {
        use crate::domain::review::{set_answer_review, Reviewer};
        let now = at("2026-05-01T00:00:00Z");
        let jane = Reviewer {
            id: id(71),
            name: "Jane".into(),
        };
        let li = Reviewer {
            id: id(72),
            name: "Li".into(),
        };
        let kim = Reviewer {
            id: id(73),
            name: "Kim".into(),
        };
        let mut mine = Assessment::new(id(1), "x", at("2026-01-01T00:00:00Z"));
        set_answer_review(&mut mine, &jane, now, "a.q1", |x| x.comment = "old".into());
        set_answer_review(&mut mine, &kim, now, "a.q1", |x| x.level = Some(1));
        // The file: Jane's review moved on (and she renamed herself), Li reviewed too, and a
        // reviewer who happens to be called "Kim" as well but is another person.
        let mut theirs = mine.clone();
        theirs.reviews.retain(|r| r.reviewer_id == jane.id);
        let jane_renamed = Reviewer {
            name: "Jane Doe".into(),
            ..jane.clone()
        };
        set_answer_review(&mut theirs, &jane_renamed, now, "a.q1", |x| {
            x.comment = "new".into()
        });
        set_answer_review(&mut theirs, &li, now, "a.q1", |x| x.level = Some(3));
        let other_kim = Reviewer {
            id: id(74),
            name: "Kim".into(),
        };
        set_answer_review(&mut theirs, &other_kim, now, "a.q2", |x| x.level = Some(2));

        let d = diff(&mine, &theirs);
        let review = find(&d, Section::Review);
        // Kim is only here; Li and the other Kim only there; Jane's name and comment changed.
        // Each line says whose review it is.
        assert_eq!(
            (review.only_mine, review.only_theirs, review.changed),
            (2, 4, 2)
        );
        assert!(
            review.details.iter().any(|l| l.contains("Reviewer (Li)")),
            "{:?}",
            review.details
        );

        let merged = merge(
            &mine,
            &theirs,
            &BTreeMap::from([(Section::Review, Choice::TakeTheirs)]),
        );
        let got: Vec<(Uuid, &str)> = merged
            .reviews
            .iter()
            .map(|r| (r.reviewer_id, r.reviewer.as_str()))
            .collect();
        // Jane's review replaced in place, Kim (here only) kept, Li and the other Kim added.
        assert_eq!(
            got,
            vec![
                (jane.id, "Jane Doe"),
                (kim.id, "Kim"),
                (li.id, "Li"),
                (other_kim.id, "Kim")
            ]
        );
        assert_eq!(merged.reviews[0].answers["a.q1"].comment, "new");
        assert_eq!(merged.reviews[1].answers["a.q1"].level, Some(1));
        assert_valid(&merged);
        // Keeping mine leaves the reviews as they were.
        let kept = merge(&mine, &theirs, &all(Choice::KeepMine));
        assert_eq!(kept.reviews, mine.reviews);
    }

    #[test]
    fn a_client_copy_coming_back_unchanged_is_identical_and_keeps_the_notes_here() {
        use crate::domain::review::{set_answer_review, set_area_review, AreaStatus, Reviewer};
        let now = at("2026-05-01T00:00:00Z");
        let marc = Reviewer {
            id: id(81),
            name: "Marc".into(),
        };
        let li = Reviewer {
            id: id(83),
            name: "Li".into(),
        };
        let mut mine = demo();
        // Marc's and Li's reviews only, so they are the first and second.
        mine.reviews.clear();
        set_answer_review(&mut mine, &marc, now, "strategy.written-strategy", |x| {
            x.level = Some(1);
            x.comment = "Write it down".into();
            x.private_note = "Fee discussion".into();
        });
        set_answer_review(&mut mine, &marc, now, "security.access-control", |x| {
            x.private_note = "Only a note".into();
        });
        set_area_review(&mut mine, &marc, now, "security", |x| {
            x.status = AreaStatus::Challenged;
            x.private_note = "Pen test quote".into();
        });
        // Li wrote nothing but private notes: the client copy has no review of his at all.
        set_area_review(&mut mine, &li, now, "team", |x| {
            x.private_note = "Ask about hiring".into();
        });
        // "Export for the client", through the file format, back unchanged.
        let (client, removed) = format::client::without_private_notes(&[mine.clone()]);
        assert_eq!(removed, 4);
        let text = format::export(FileKind::Assessment, &client, now);
        let theirs = format::import(&text).unwrap().assessments.remove(0);
        assert_ne!(theirs, mine, "the file really lacks the notes");
        assert_eq!(theirs.reviews.len(), 1);

        assert!(same_apart_from_missing_notes(&mine, &theirs));
        assert_eq!(diff(&mine, &theirs), Vec::new(), "no note-only differences");
        for choice in [Choice::KeepMine, Choice::TakeTheirs] {
            assert_eq!(merge(&mine, &theirs, &all(choice)), mine, "{choice:?}");
        }

        // A real change still shows, and only that change.
        let mut changed = theirs.clone();
        changed.reviews[0]
            .answers
            .get_mut("strategy.written-strategy")
            .unwrap()
            .comment = "Written, see wiki".into();
        assert!(!same_apart_from_missing_notes(&mine, &changed));
        let d = diff(&mine, &changed);
        assert_eq!(d.len(), 1);
        assert_eq!(
            (d[0].section, d[0].changed, d[0].only_mine),
            (Section::Review, 1, 0)
        );
        assert!(
            !d[0].details.iter().any(|l| l.contains("private")),
            "{:?}",
            d[0].details
        );
        let merged = merge(&mine, &changed, &all(Choice::TakeTheirs));
        assert_eq!(merged.reviews.len(), 2);
        let m = &merged.reviews[0];
        assert_eq!(
            m.answers["strategy.written-strategy"].comment,
            "Written, see wiki"
        );
        assert_eq!(
            m.answers["strategy.written-strategy"].private_note,
            "Fee discussion"
        );
        assert_eq!(
            m.answers["security.access-control"].private_note,
            "Only a note"
        );
        assert_eq!(
            merged.reviews[1].areas["team"].private_note,
            "Ask about hiring"
        );

        // A private note the file does carry, and that differs, is a difference.
        let mut noted = theirs.clone();
        noted.reviews[0]
            .areas
            .get_mut("security")
            .unwrap()
            .private_note = "Another note".into();
        assert!(!same_apart_from_missing_notes(&mine, &noted));
        assert_eq!(diff(&mine, &noted).len(), 1);
    }

    #[test]
    fn taking_a_review_back_from_a_client_file_keeps_the_private_notes_here() {
        use crate::domain::review::{set_answer_review, set_area_review, AreaStatus, Reviewer};
        let now = at("2026-05-01T00:00:00Z");
        let marc = Reviewer {
            id: id(81),
            name: "Marc".into(),
        };
        let sofia = Reviewer {
            id: id(82),
            name: "Sofia".into(),
        };
        let mut mine = Assessment::new(id(1), "x", at("2026-01-01T00:00:00Z"));
        set_answer_review(&mut mine, &marc, now, "a.q1", |x| {
            x.level = Some(2);
            x.private_note = "Ask about on-call".into();
        });
        // An entry holding only a note: the client file drops it altogether.
        set_answer_review(&mut mine, &marc, now, "a.q2", |x| {
            x.private_note = "Check the contract".into()
        });
        set_area_review(&mut mine, &marc, now, "security", |x| {
            x.status = AreaStatus::Challenged;
            x.private_note = "Pen test overdue".into();
        });
        // Exported for the client; Sofia reviews; Marc's comment changed on the way too.
        let (mut client, removed) = format::client::without_private_notes(&[mine.clone()]);
        assert_eq!(removed, 3);
        let mut theirs = client.remove(0);
        set_answer_review(&mut theirs, &sofia, now, "a.q1", |x| x.level = Some(3));
        theirs.reviews[0].answers.get_mut("a.q1").unwrap().comment = "Seen".into();
        // (A note missing from the file is no difference: the area differs by its comment.)
        theirs.reviews[0].areas.get_mut("security").unwrap().comment = "Pen test booked".into();

        // The area is named by its title, never its id.
        let d = diff(&mine, &theirs);
        let details = &find(&d, Section::Review).details;
        assert!(
            details
                .iter()
                .any(|l| l.contains("review of area Security and compliance")),
            "{details:?}"
        );
        assert!(!details.iter().any(|l| l.contains("area security")));

        let merged = merge(
            &mine,
            &theirs,
            &BTreeMap::from([(Section::Review, Choice::TakeTheirs)]),
        );
        let m = &merged.reviews[0];
        assert_eq!(m.reviewer_id, marc.id);
        assert_eq!(m.answers["a.q1"].comment, "Seen");
        assert_eq!(m.answers["a.q1"].private_note, "Ask about on-call");
        assert_eq!(m.answers["a.q2"].private_note, "Check the contract");
        assert_eq!(m.areas["security"].private_note, "Pen test overdue");
        assert_eq!(m.areas["security"].status, AreaStatus::Challenged);
        assert_eq!(merged.reviews[1].answers["a.q1"].level, Some(3));
        assert!(merged.reviews[1].private_notes() == 0);
        assert_valid(&merged);

        // A note written in the file wins over the one here.
        theirs.reviews[0]
            .answers
            .get_mut("a.q1")
            .unwrap()
            .private_note = "Newer note".into();
        let merged = merge(
            &mine,
            &theirs,
            &BTreeMap::from([(Section::Review, Choice::TakeTheirs)]),
        );
        assert_eq!(merged.reviews[0].answers["a.q1"].private_note, "Newer note");
        assert_eq!(
            merged.reviews[0].areas["security"].private_note,
            "Pen test overdue"
        );
    }

    #[test]
    fn differences_and_summary_in_chinese() {
        let mut mine = Assessment::new(id(1), "甲公司", at("2026-01-01T00:00:00Z"));
        let mut ci = Initiative::new(id(10), "搭建持续集成");
        ci.start = Some(date(2026, 3, 3));
        mine.initiatives = vec![ci.clone(), Initiative::new(id(12), "")].into();
        let mut theirs = mine.clone();
        ci.start = Some(date(2026, 3, 17));
        ci.milestone = true;
        theirs.initiatives = vec![ci, Initiative::new(id(13), "新举措")].into();
        theirs.reviews.push(Review {
            reviewer_id: id(77),
            reviewer: "王顾问".into(),
            ..Review::default()
        });
        theirs.name = "乙公司".into();

        crate::i18n::set_current(crate::i18n::Lang::Zh);
        let diffs = diff(&mine, &theirs);
        let texts = [summary(1, 2, 0), summary(3, 0, 1), summary(0, 0, 0)];
        crate::i18n::set_current(crate::i18n::Lang::En);

        assert_eq!(
            find(&diffs, Section::Profile).details,
            ["名称：“甲公司” → “乙公司”"]
        );
        assert_eq!(
            find(&diffs, Section::Initiatives).details,
            [
                "“搭建持续集成”：里程碑：否 → 是；开始：2026年3月3日 → 2026年3月17日",
                "只在我的副本中：（未命名）",
                "只在对方副本中：“新举措”",
            ]
        );
        assert_eq!(
            find(&diffs, Section::Review).details,
            ["只在对方副本中：审阅人（王顾问）"]
        );
        assert_eq!(
            texts,
            [
                "已合并：1 个部分采用了对方的版本，2 个部分保留了你的版本。",
                "已合并：3 个部分采用了对方的版本，0 个部分保留了你的版本。已移除 1 个指向已不存在条目的链接。",
                "已合并：两份副本本来就相同。",
            ]
        );
        for line in diffs.iter().flat_map(|d| &d.details).chain(&texts) {
            assert!(
                !line.chars().any(|c| c.is_ascii_alphabetic()),
                "English left in {line}"
            );
        }
    }
}
