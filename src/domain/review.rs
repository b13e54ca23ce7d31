//! Consultants' reviews of an assessment, one per reviewer: a level, a comment and a private
//! note per answer, a status, a comment and a private note per area. Each reviewer has a stable
//! id and a name, so every word is credited to its author and renaming one reviewer changes no
//! one else's credits. Saved in the same file, so the founder sees every review after importing.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::content::Content;
use crate::domain::answer_counts::{founder_level, review_counts, ReviewCounts};
use crate::domain::Assessment;
use crate::i18n::{tr, trf};

/// One reviewer's view of one answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerReview {
    /// The level the reviewer would give, 0 to 4; `None` when they only comment.
    pub level: Option<u8>,
    pub comment: String,
    /// For the reviewer alone: left out of "Export for the client" and never shown to the
    /// founder. Absent from files while empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub private_note: String,
}

impl AnswerReview {
    pub fn is_empty(&self) -> bool {
        self.level.is_none()
            && self.comment.trim().is_empty()
            && self.private_note.trim().is_empty()
    }
}

/// Where the review of one area stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AreaStatus {
    #[default]
    NotReviewed,
    Agreed,
    Challenged,
}

impl AreaStatus {
    pub const ALL: [AreaStatus; 3] = [
        AreaStatus::NotReviewed,
        AreaStatus::Agreed,
        AreaStatus::Challenged,
    ];

    /// The value written in files; stable once released.
    pub fn id(self) -> &'static str {
        match self {
            AreaStatus::NotReviewed => "not-reviewed",
            AreaStatus::Agreed => "agreed",
            AreaStatus::Challenged => "challenged",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AreaStatus::NotReviewed => "Not reviewed",
            AreaStatus::Agreed => "Agreed",
            AreaStatus::Challenged => "Challenged",
        }
    }

    pub fn from_id(id: &str) -> Option<AreaStatus> {
        AreaStatus::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// One reviewer's view of one area.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaReview {
    pub status: AreaStatus,
    pub comment: String,
    /// For the reviewer alone, as [`AnswerReview::private_note`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub private_note: String,
}

impl AreaReview {
    /// Nothing said: no status, no comment, no note. Such entries are not kept in the file.
    pub fn is_empty(&self) -> bool {
        self.status == AreaStatus::NotReviewed
            && self.comment.trim().is_empty()
            && self.private_note.trim().is_empty()
    }
}

/// Who reviews in this browser: the identity every review edit made here is credited to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reviewer {
    pub id: Uuid,
    pub name: String,
}

/// One reviewer's whole review.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Stable across renames and files: merge matches reviews by it.
    pub reviewer_id: Uuid,
    /// Who reviewed, e.g. "Jane Doe, fractional CTO".
    pub reviewer: String,
    /// When this reviewer last changed anything; `None` for a review migrated from a file
    /// written before reviews had several authors.
    pub updated_at: Option<DateTime<Utc>>,
    /// Keyed by question id.
    pub answers: BTreeMap<String, AnswerReview>,
    /// Keyed by area id.
    pub areas: BTreeMap<String, AreaReview>,
}

impl Review {
    /// A review with nothing said yet.
    pub fn new(who: &Reviewer) -> Review {
        Review {
            reviewer_id: who.id,
            reviewer: who.name.trim().to_string(),
            ..Review::default()
        }
    }

    /// True while the review holds no level, comment, note or status.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.areas.is_empty()
    }

    /// "Reviewer (Jane Doe)", or just "Reviewer" while no name is given (in the language in use).
    pub fn byline(&self) -> String {
        byline(&self.reviewer)
    }

    /// Private notes held, on answers and on areas.
    pub fn private_notes(&self) -> usize {
        let answers = self.answers.values().map(|r| &r.private_note);
        let areas = self.areas.values().map(|r| &r.private_note);
        answers
            .chain(areas)
            .filter(|n| !n.trim().is_empty())
            .count()
    }

    /// Keeps `local`'s private notes where this incoming copy of the same reviewer's review has
    /// none (per answer and per area). Private notes never travel in a client file, so a review
    /// coming back from one must not wipe the notes this browser holds.
    pub fn keep_private_notes(&mut self, local: &Review) {
        for (q, mine) in &local.answers {
            if mine.private_note.trim().is_empty() {
                continue;
            }
            let theirs = self.answers.entry(q.clone()).or_default();
            if theirs.private_note.trim().is_empty() {
                theirs.private_note = mine.private_note.clone();
            }
        }
        for (id, mine) in &local.areas {
            if mine.private_note.trim().is_empty() {
                continue;
            }
            let theirs = self.areas.entry(id.clone()).or_default();
            if theirs.private_note.trim().is_empty() {
                theirs.private_note = mine.private_note.clone();
            }
        }
    }
}

/// [`Review::keep_private_notes`] for every review of `incoming` whose reviewer also has a
/// review in `local`: used wherever an incoming copy replaces the one here.
pub fn keep_private_notes(incoming: &mut Assessment, local: &Assessment) {
    for r in &mut incoming.reviews {
        if let Some(mine) = review_by(local, r.reviewer_id) {
            r.keep_private_notes(mine);
        }
    }
}

/// "Reviewer (name)", or "Reviewer" for a blank name.
pub fn byline(name: &str) -> String {
    match name.trim() {
        "" => tr("domain.review_reviewer").to_string(),
        name => trf("domain.review_reviewer_named", &[("name", name)]),
    }
}

/// The review `reviewer_id` wrote on `a`, if any.
pub fn review_by(a: &Assessment, reviewer_id: Uuid) -> Option<&Review> {
    a.reviews.iter().find(|r| r.reviewer_id == reviewer_id)
}

/// Applies `f` to `who`'s review of `a` (made on first use), credits it to `who`'s current
/// name, stamps it with `now`, and drops the review again if nothing is left in it, so the file
/// only holds what reviewers actually said.
fn edit_review(
    a: &mut Assessment,
    who: &Reviewer,
    now: DateTime<Utc>,
    f: impl FnOnce(&mut Review),
) {
    let at = match a.reviews.iter().position(|r| r.reviewer_id == who.id) {
        Some(at) => at,
        None => {
            a.reviews.push(Review::new(who));
            a.reviews.len() - 1
        }
    };
    let review = &mut a.reviews[at];
    f(review);
    review.reviewer = who.name.trim().to_string();
    review.updated_at = Some(now);
    if review.is_empty() {
        a.reviews.remove(at);
    }
}

/// Changes `who`'s review of one answer with `f`; an entry left with nothing in it is dropped.
pub fn set_answer_review(
    a: &mut Assessment,
    who: &Reviewer,
    now: DateTime<Utc>,
    question_id: &str,
    f: impl FnOnce(&mut AnswerReview),
) {
    edit_review(a, who, now, |review| {
        let entry = review.answers.entry(question_id.to_string()).or_default();
        f(entry);
        if entry.is_empty() {
            review.answers.remove(question_id);
        }
    });
}

/// Changes `who`'s review of one area with `f`; an entry back at "not reviewed" with no
/// comment or note is dropped.
pub fn set_area_review(
    a: &mut Assessment,
    who: &Reviewer,
    now: DateTime<Utc>,
    area_id: &str,
    f: impl FnOnce(&mut AreaReview),
) {
    edit_review(a, who, now, |review| {
        let entry = review.areas.entry(area_id.to_string()).or_default();
        f(entry);
        if entry.is_empty() {
            review.areas.remove(area_id);
        }
    });
}

/// Renames one reviewer on `a`; every other reviewer keeps their name and credits. Returns
/// whether anything changed.
pub fn rename(a: &mut Assessment, reviewer_id: Uuid, name: &str) -> bool {
    let name = name.trim();
    match a.reviews.iter_mut().find(|r| r.reviewer_id == reviewer_id) {
        Some(r) if r.reviewer != name => {
            r.reviewer = name.to_string();
            true
        }
        _ => false,
    }
}

/// The reviews of `a`, the most recently changed first. A review never stamped (migrated from
/// an older file) counts as the oldest; between equal stamps the later one in the file wins.
pub fn latest_first(a: &Assessment) -> Vec<&Review> {
    let mut reviews: Vec<(usize, &Review)> = a.reviews.iter().enumerate().collect();
    reviews.sort_by(|(i, x), (j, y)| (y.updated_at, j).cmp(&(x.updated_at, i)));
    reviews.into_iter().map(|(_, r)| r).collect()
}

/// The reviewed level per question id. With `Some(id)`, that reviewer's levels only. With
/// `None`, the rule used wherever one "reviewed level" is needed (compare, report, portfolio):
/// for each question, the level of the most recently changed review that gives one (see
/// [`latest_first`]); questions no reviewer rated are absent.
pub fn reviewed_levels(a: &Assessment, reviewer: Option<Uuid>) -> BTreeMap<String, u8> {
    let mut levels = BTreeMap::new();
    for r in chosen(a, reviewer) {
        for (q, ar) in &r.answers {
            if let Some(level) = ar.level {
                levels.entry(q.clone()).or_insert(level);
            }
        }
    }
    levels
}

/// The area statuses per area id, by the same rule as [`reviewed_levels`]; "not reviewed" is
/// never an answer, so an area one reviewer left open takes the status another gave.
pub fn reviewed_statuses(a: &Assessment, reviewer: Option<Uuid>) -> BTreeMap<String, AreaStatus> {
    let mut statuses = BTreeMap::new();
    for r in chosen(a, reviewer) {
        for (id, ar) in &r.areas {
            if ar.status != AreaStatus::NotReviewed {
                statuses.entry(id.clone()).or_insert(ar.status);
            }
        }
    }
    statuses
}

/// One reviewer's review, or all of them latest first.
fn chosen(a: &Assessment, reviewer: Option<Uuid>) -> Vec<&Review> {
    match reviewer {
        Some(id) => review_by(a, id).into_iter().collect(),
        None => latest_first(a),
    }
}

/// One reviewer's entry for an answer or an area, credited: (reviewer id, byline, entry).
pub type Credited<T> = (Uuid, String, T);

/// Every reviewer's entry that `pick` finds (an answer's or an area's), credited, in the file's
/// order.
pub fn credited<T: Clone>(
    a: &Assessment,
    pick: impl Fn(&Review) -> Option<&T>,
) -> Vec<Credited<T>> {
    a.reviews
        .iter()
        .filter_map(|r| Some((r.reviewer_id, r.byline(), pick(r)?.clone())))
        .collect()
}

/// The entry of reviewer `me` among `all`, if they wrote one.
pub fn own<T: Clone>(all: &[Credited<T>], me: Uuid) -> Option<T> {
    all.iter()
        .find(|(rid, _, _)| *rid == me)
        .map(|(_, _, entry)| entry.clone())
}

/// A level in words, e.g. "level 2 (Defined)"; the name is left out if the scale lacks it.
pub fn level_text(content: &Content, level: u8) -> String {
    match content.scale.get(usize::from(level)) {
        Some(s) => trf(
            "domain.review_level_named",
            &[("level", &level.to_string()), ("name", &s.name)],
        ),
        None => trf("domain.review_level", &[("level", &level.to_string())]),
    }
}

/// What one reviewer's review says overall, for the overview page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewSummary {
    pub reviewer_id: Uuid,
    pub reviewer: String,
    pub agreed: usize,
    pub challenged: usize,
    /// Areas with no status yet (including those the review never touched).
    pub not_reviewed: usize,
    /// Challenged areas in framework order: (area id, area name).
    pub challenged_areas: Vec<(String, String)>,
    /// Comments, rated questions and differing levels, counted by
    /// [`crate::domain::answer_counts::review_counts`] as every page counts them.
    pub counts: ReviewCounts,
}

/// Counts one review against the framework. Entries for questions or areas the framework does
/// not know (e.g. from a newer version of the app) are left out, since the founder cannot see
/// them.
pub fn summary(content: &Content, a: &Assessment, review: &Review) -> ReviewSummary {
    let mut s = ReviewSummary {
        reviewer_id: review.reviewer_id,
        reviewer: review.reviewer.trim().to_string(),
        counts: review_counts(content, a, review),
        ..ReviewSummary::default()
    };
    for area in &content.areas {
        match review
            .areas
            .get(&area.id)
            .map(|r| r.status)
            .unwrap_or_default()
        {
            AreaStatus::NotReviewed => s.not_reviewed += 1,
            AreaStatus::Agreed => s.agreed += 1,
            AreaStatus::Challenged => {
                s.challenged += 1;
                s.challenged_areas
                    .push((area.id.clone(), area.name.clone()));
            }
        }
    }
    s
}

/// One summary per review, in the file's order.
pub fn summaries(content: &Content, a: &Assessment) -> Vec<ReviewSummary> {
    a.reviews.iter().map(|r| summary(content, a, r)).collect()
}

/// A question where the levels given disagree: a reviewer's level is not the founder's (where
/// she gave one), or two reviewers gave different levels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    pub area_id: String,
    pub area_name: String,
    pub question_id: String,
    pub question_text: String,
    /// The founder's level; `None` when unanswered or marked not applicable.
    pub founder: Option<u8>,
    /// (reviewer's name, level) for every reviewer who gave one, in the file's order.
    pub levels: Vec<(String, u8)>,
    /// True when at least two reviewers gave different levels.
    pub between_reviewers: bool,
}

/// Every question of the framework where the levels given disagree, in framework order.
pub fn disagreements(content: &Content, a: &Assessment) -> Vec<Disagreement> {
    let mut out = Vec::new();
    for area in &content.areas {
        for q in &area.questions {
            let levels: Vec<(String, u8)> = a
                .reviews
                .iter()
                .filter_map(|r| {
                    let level = r.answers.get(&q.id)?.level?;
                    Some((r.reviewer.trim().to_string(), level))
                })
                .collect();
            let founder = founder_level(a, &q.id);
            let between_reviewers = levels
                .first()
                .is_some_and(|(_, first)| levels.iter().any(|(_, l)| l != first));
            // A level on a question the founder left without one is not a difference from her:
            // it is counted apart (`answer_counts::LevelCounts::founder_no_level`).
            let with_founder = founder.is_some_and(|f| levels.iter().any(|(_, l)| *l != f));
            if between_reviewers || with_founder {
                out.push(Disagreement {
                    area_id: area.id.clone(),
                    area_name: area.name.clone(),
                    question_id: q.id.clone(),
                    question_text: q.text.clone(),
                    founder,
                    levels,
                    between_reviewers,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn assessment() -> Assessment {
        Assessment::new(Uuid::nil(), "t", DateTime::from_timestamp(0, 0).unwrap())
    }

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(secs, 0).unwrap()
    }

    fn who(n: u128, name: &str) -> Reviewer {
        Reviewer {
            id: Uuid::from_u128(n),
            name: name.into(),
        }
    }

    /// The first two areas of the real framework and their first questions' ids.
    fn ids() -> (String, String, String, String) {
        let c = crate::content::get();
        (
            c.areas[0].id.clone(),
            c.areas[1].id.clone(),
            c.areas[0].questions[0].id.clone(),
            c.areas[0].questions[1].id.clone(),
        )
    }

    #[test]
    fn set_answer_review_keeps_what_was_said_and_prunes_empty_entries() {
        let mut a = assessment();
        let jane = who(1, "Jane");
        set_answer_review(&mut a, &jane, at(1), "a.q1", |x| x.level = Some(3));
        assert_eq!(a.reviews.len(), 1);
        assert_eq!(a.reviews[0].reviewer_id, jane.id);
        assert_eq!(a.reviews[0].updated_at, Some(at(1)));
        assert_eq!(
            a.reviews[0].answers.get("a.q1"),
            Some(&AnswerReview {
                level: Some(3),
                ..AnswerReview::default()
            })
        );
        set_answer_review(&mut a, &jane, at(2), "a.q1", |x| {
            x.comment = "Seen the runbook".into()
        });
        set_answer_review(&mut a, &jane, at(3), "a.q1", |x| x.level = None);
        assert_eq!(a.reviews[0].answers["a.q1"].comment, "Seen the runbook");
        // A private note alone keeps the entry.
        set_answer_review(&mut a, &jane, at(4), "a.q1", |x| {
            x.comment = "  ".into();
            x.private_note = "Ask about on-call".into();
        });
        assert_eq!(a.reviews[0].private_notes(), 1);
        // Nothing left: the entry and then the whole review go.
        set_answer_review(&mut a, &jane, at(5), "a.q1", |x| x.private_note.clear());
        assert!(a.reviews.is_empty());
        // Touching a question without saying anything leaves no trace.
        set_answer_review(&mut a, &jane, at(6), "a.q2", |_| {});
        assert!(a.reviews.is_empty());
    }

    #[test]
    fn set_area_review_drops_entries_back_at_not_reviewed() {
        let mut a = assessment();
        let jane = who(1, "Jane");
        set_area_review(&mut a, &jane, at(1), "security", |x| {
            x.status = AreaStatus::Challenged
        });
        assert_eq!(
            a.reviews[0].areas["security"].status,
            AreaStatus::Challenged
        );
        set_area_review(&mut a, &jane, at(2), "security", |x| {
            x.comment = "No backups tested".into()
        });
        set_area_review(&mut a, &jane, at(3), "security", |x| {
            x.status = AreaStatus::NotReviewed
        });
        // The comment alone keeps the entry.
        assert_eq!(a.reviews[0].areas["security"].comment, "No backups tested");
        set_area_review(&mut a, &jane, at(4), "security", |x| x.comment.clear());
        assert!(a.reviews.is_empty());
    }

    #[test]
    fn each_reviewer_keeps_their_own_words_and_renaming_one_keeps_the_others_credits() {
        let (_, _, q0, _) = ids();
        let mut a = assessment();
        let jane = who(1, "Jane");
        let li = who(2, "Li Wei");
        set_answer_review(&mut a, &jane, at(1), &q0, |x| x.comment = "Jane's".into());
        set_answer_review(&mut a, &li, at(2), &q0, |x| x.comment = "Li's".into());
        assert_eq!(a.reviews.len(), 2);
        assert!(rename(&mut a, jane.id, " Jane Doe, CTO "));
        assert!(
            !rename(&mut a, jane.id, "Jane Doe, CTO"),
            "same name: no change"
        );
        let by = |a: &Assessment, id: Uuid| review_by(a, id).unwrap().clone();
        assert_eq!(by(&a, jane.id).reviewer, "Jane Doe, CTO");
        assert_eq!(by(&a, jane.id).answers[&q0].comment, "Jane's");
        assert_eq!(by(&a, li.id).reviewer, "Li Wei");
        assert_eq!(by(&a, li.id).answers[&q0].comment, "Li's");
        // An edit under a new name credits that reviewer's review only.
        let li_renamed = who(2, "Li Wei (security)");
        set_answer_review(&mut a, &li_renamed, at(3), &q0, |x| x.level = Some(1));
        assert_eq!(by(&a, li.id).reviewer, "Li Wei (security)");
        assert_eq!(by(&a, jane.id).reviewer, "Jane Doe, CTO");
        // Renaming someone who has not reviewed changes nothing.
        assert!(!rename(&mut a, Uuid::from_u128(9), "Nobody"));
    }

    #[test]
    fn reviewed_levels_take_the_most_recent_review_per_question() {
        let (_, _, q0, q1) = ids();
        let mut a = assessment();
        let (old, jane, li) = (who(3, "Migrated"), who(1, "Jane"), who(2, "Li"));
        set_answer_review(&mut a, &old, at(1), &q0, |x| x.level = Some(0));
        a.reviews[0].updated_at = None; // as a review migrated from v7 is
        set_answer_review(&mut a, &jane, at(20), &q0, |x| x.level = Some(3));
        set_answer_review(&mut a, &jane, at(20), &q1, |x| x.level = Some(2));
        set_answer_review(&mut a, &li, at(10), &q0, |x| x.level = Some(1));
        set_answer_review(&mut a, &li, at(10), "only.li", |x| x.level = Some(4));
        let all = reviewed_levels(&a, None);
        assert_eq!(all[&q0], 3, "Jane's review is the most recent");
        assert_eq!(all[&q1], 2);
        assert_eq!(
            all["only.li"], 4,
            "a question only Li rated takes Li's level"
        );
        let li_only = reviewed_levels(&a, Some(li.id));
        assert_eq!(li_only.len(), 2);
        assert_eq!(li_only[&q0], 1);
        assert!(reviewed_levels(&a, Some(Uuid::from_u128(99))).is_empty());
        // The never-stamped review is the oldest.
        let order: Vec<Uuid> = latest_first(&a).iter().map(|r| r.reviewer_id).collect();
        assert_eq!(order, vec![jane.id, li.id, old.id]);
        // Statuses follow the same rule; "not reviewed" never hides another's status.
        set_area_review(&mut a, &li, at(30), "security", |x| {
            x.comment = "later".into()
        });
        set_area_review(&mut a, &jane, at(20), "security", |x| {
            x.status = AreaStatus::Agreed
        });
        assert_eq!(reviewed_statuses(&a, None)["security"], AreaStatus::Agreed);
    }

    #[test]
    fn level_text_names_the_level() {
        let c = crate::content::get();
        assert_eq!(level_text(c, 2), "level 2 (Defined)");
        assert_eq!(level_text(c, 9), "level 9");
    }

    #[test]
    fn byline_names_the_reviewer() {
        assert_eq!(byline("  "), "Reviewer");
        assert_eq!(byline(" Jane Doe "), "Reviewer (Jane Doe)");
    }

    #[test]
    fn summary_counts_statuses_comments_and_differences() {
        let c = crate::content::get();
        let (area0, area1, q0, q1) = ids();
        let mut a = assessment();
        let jane = who(1, "Jane");
        a.answers.entry(q0.clone()).or_default().current = Some(1);
        a.answers.entry(q1.clone()).or_default().current = Some(2);
        // Different level with a comment; same level with a comment; a blank comment.
        set_answer_review(&mut a, &jane, at(1), &q0, |x| {
            x.level = Some(3);
            x.comment = "Only one person knows this".into();
            x.private_note = "not counted".into();
        });
        set_answer_review(&mut a, &jane, at(1), &q1, |x| {
            x.level = Some(2);
            x.comment = "Agreed".into();
        });
        set_area_review(&mut a, &jane, at(1), &area0, |x| {
            x.status = AreaStatus::Challenged
        });
        set_area_review(&mut a, &jane, at(1), &area1, |x| {
            x.status = AreaStatus::Agreed;
            x.comment = "Fine".into();
        });
        // Unknown ids (from a newer framework) are not counted.
        set_answer_review(&mut a, &jane, at(1), "gone.q9", |x| {
            x.comment = "old".into()
        });
        set_area_review(&mut a, &jane, at(1), "gone", |x| {
            x.status = AreaStatus::Agreed
        });

        let all = summaries(c, &a);
        assert_eq!(all.len(), 1);
        let s = &all[0];
        assert_eq!((s.reviewer_id, s.reviewer.as_str()), (jane.id, "Jane"));
        assert_eq!((s.agreed, s.challenged), (1, 1));
        assert_eq!(s.not_reviewed, c.areas.len() - 2);
        assert_eq!(s.counts.comments, 3);
        assert_eq!(
            s.challenged_areas,
            vec![(area0.clone(), c.areas[0].name.clone())]
        );
        assert_eq!((s.counts.levels.differ, s.counts.levels.same), (1, 1));
    }

    #[test]
    fn a_level_on_an_unanswered_or_not_applicable_question_is_counted_apart() {
        let c = crate::content::get();
        let (_, _, q0, q1) = ids();
        let mut a = assessment();
        let jane = who(1, "Jane");
        a.answers.entry(q1.clone()).or_default().not_applicable = Some("no app".into());
        a.answers.get_mut(&q1).unwrap().current = Some(2);
        set_answer_review(&mut a, &jane, at(1), &q0, |x| x.level = Some(0));
        set_answer_review(&mut a, &jane, at(1), &q1, |x| x.level = Some(2));
        let s = summary(c, &a, &a.reviews[0]);
        // Neither is a difference: the founder gave no level to compare with.
        assert_eq!(s.counts.levels.differ, 0);
        assert_eq!(s.counts.levels.founder_no_level, 2);
    }

    #[test]
    fn disagreements_mark_reviewers_who_differ_from_the_founder_and_each_other() {
        let c = crate::content::get();
        let (_, _, q0, q1) = ids();
        let q2 = c.areas[0].questions[2].id.clone();
        let mut a = assessment();
        for q in [&q0, &q1, &q2] {
            a.answers.entry(q.clone()).or_default().current = Some(2);
        }
        let (jane, li) = (who(1, "Jane"), who(2, "Li"));
        // q0: both agree with the founder. q1: both say 3. q2: they differ from each other.
        for (q, j, l) in [(&q0, 2, 2), (&q1, 3, 3), (&q2, 2, 4)] {
            set_answer_review(&mut a, &jane, at(1), q, |x| x.level = Some(j));
            set_answer_review(&mut a, &li, at(2), q, |x| x.level = Some(l));
        }
        // q3: only a reviewer's level, the founder gave none: not a disagreement.
        let q3 = c.areas[0].questions[3].id.clone();
        set_answer_review(&mut a, &jane, at(1), &q3, |x| x.level = Some(1));
        let d = disagreements(c, &a);
        let got: Vec<(&str, bool)> = d
            .iter()
            .map(|d| (d.question_id.as_str(), d.between_reviewers))
            .collect();
        assert_eq!(got, vec![(q1.as_str(), false), (q2.as_str(), true)]);
        assert_eq!(
            d[1].levels,
            vec![("Jane".to_string(), 2), ("Li".to_string(), 4)]
        );
        assert_eq!(d[1].founder, Some(2));
    }
}
