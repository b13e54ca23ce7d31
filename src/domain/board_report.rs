//! The board report's choices and starting words: which levels it shows (the founder's
//! self-assessment, the reviewed levels, or both side by side), the figures each basis gives,
//! who the cover says prepared it, and the starting text of the executive summary and the
//! recommendations until someone writes their own (kept in [`crate::domain::report::ReportText`]).
//!
//! Every figure comes from [`crate::domain::scoring`] run on the chosen levels, and the reviewed
//! levels from [`crate::domain::review::reviewed_levels`], so the report never disagrees with
//! Results, Compare or the portfolio. Plain Rust: no leptos, web-sys or clock.

use std::collections::BTreeMap;

use uuid::Uuid;

use crate::content::Content;
use crate::domain::report::ReportText;
use crate::domain::review::{self, AreaStatus};
use crate::domain::scoring::{compute, fmt1, round1, AreaResult, Results};
use crate::domain::verdict::{stage_phrase, verdict};
use crate::domain::Assessment;
use crate::i18n::{tr, trf, trn};

/// Gaps the starting recommendations name.
const RECOMMENDED_GAPS: usize = 3;

/// Which levels the report's scores, tables and charts show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Basis {
    /// The founder's own levels.
    #[default]
    SelfAssessed,
    /// A reviewer's level wherever one was given, the founder's elsewhere.
    Reviewed,
    /// Both, side by side; gaps are ranked on the reviewed levels.
    Both,
}

impl Basis {
    pub const ALL: [Basis; 3] = [Basis::SelfAssessed, Basis::Reviewed, Basis::Both];

    /// The value in the page's address (`?basis=reviewed`); stable once released.
    pub fn id(self) -> &'static str {
        match self {
            Basis::SelfAssessed => "self",
            Basis::Reviewed => "reviewed",
            Basis::Both => "both",
        }
    }

    pub fn from_id(id: &str) -> Option<Basis> {
        Basis::ALL.into_iter().find(|b| b.id() == id)
    }

    /// Its name, in the language in use.
    pub fn label(self) -> &'static str {
        tr(match self {
            Basis::SelfAssessed => "report.basis_self",
            Basis::Reviewed => "report.basis_reviewed",
            Basis::Both => "report.basis_both",
        })
    }

    /// Whether the report shows the reviewed levels at all.
    pub fn shows_reviewed(self) -> bool {
        self != Basis::SelfAssessed
    }
}

/// `a` with the reviewed `levels` in place of the founder's. A level on a question the founder
/// marked "does not apply" makes it count again, as on Compare: by rating it the reviewer says
/// it applies.
fn with_levels(a: &Assessment, levels: &BTreeMap<String, u8>) -> Assessment {
    let mut view = a.clone();
    for (question_id, level) in levels {
        let answer = view.answers.entry(question_id.clone()).or_default();
        answer.current = Some(*level);
        answer.not_applicable = None;
    }
    view
}

/// The figures of one report: the founder's and, when the basis shows them, the reviewed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    pub basis: Basis,
    /// From the founder's own levels.
    pub self_assessed: Results,
    /// From the reviewed levels (a reviewer's where given, the founder's elsewhere); `None`
    /// under [`Basis::SelfAssessed`].
    pub reviewed: Option<Results>,
    /// Questions of the framework a reviewer gave a level to (others' ids are left out, as
    /// everywhere the founder cannot see them).
    pub reviewer_levels: usize,
}

impl Figures {
    /// The figures that lead: the summary's index and the ranking of gaps. The reviewed ones
    /// whenever they are shown, since a board acts on the reviewed view.
    pub fn lead(&self) -> &Results {
        self.reviewed.as_ref().unwrap_or(&self.self_assessed)
    }

    /// The founder's own result for one area, to stand beside the reviewed one.
    pub fn self_area(&self, area_id: &str) -> Option<&AreaResult> {
        self.self_assessed
            .areas
            .iter()
            .find(|a| a.area_id == area_id)
    }
}

/// The report's figures for `basis`, with `reviewer`'s levels only, or (with `None`) each
/// question's most recent reviewed level as [`review::reviewed_levels`] picks it.
pub fn figures(content: &Content, a: &Assessment, basis: Basis, reviewer: Option<Uuid>) -> Figures {
    let self_assessed = compute(content, a);
    if !basis.shows_reviewed() {
        return Figures {
            basis,
            self_assessed,
            ..Figures::default()
        };
    }
    let levels = review::reviewed_levels(a, reviewer);
    let reviewer_levels = levels
        .keys()
        .filter(|q| content.question(q).is_some())
        .count();
    Figures {
        basis,
        reviewed: Some(compute(content, &with_levels(a, &levels))),
        self_assessed,
        reviewer_levels,
    }
}

/// The reviewers the report can show one at a time: (id, name), the most recent first, those
/// who gave at least one level only.
pub fn reviewers_with_levels(a: &Assessment) -> Vec<(Uuid, String)> {
    review::latest_first(a)
        .into_iter()
        .filter(|r| r.answers.values().any(|x| x.level.is_some()))
        .map(|r| (r.reviewer_id, r.reviewer.trim().to_string()))
        .collect()
}

/// The company as the cover names it: its name, else the assessment's.
pub fn company(a: &Assessment) -> String {
    match a.profile.company_name.trim() {
        "" => a.display_name(),
        name => name.to_string(),
    }
}

/// Who the cover says prepared the report: on a reviewed basis the reviewer (the chosen one, or
/// every reviewer who gave a level, most recent first), else the company itself.
pub fn prepared_by(a: &Assessment, basis: Basis, reviewer: Option<Uuid>) -> String {
    if basis.shows_reviewed() {
        let names: Vec<String> = reviewers_with_levels(a)
            .into_iter()
            .filter(|(id, _)| reviewer.is_none_or(|r| r == *id))
            .map(|(_, name)| match name.as_str() {
                "" => tr("report.reviewer_unnamed").to_string(),
                _ => name,
            })
            .collect();
        if !names.is_empty() {
            return crate::i18n::list_and(&names);
        }
    }
    trf("report.prepared_by_company", &[("company", &company(a))])
}

/// "1 question" or "12 questions".
fn questions(n: usize) -> String {
    trn("report.questions", n, &[])
}

/// What the report's levels are, in one sentence for the cover, e.g. "Reviewed levels: Priya
/// Nair's level on 4 questions, the founder's own everywhere else (58 questions scored)."
pub fn basis_sentence(f: &Figures, who: &str) -> String {
    let scored = questions(f.lead().counted);
    match (f.basis, f.reviewer_levels) {
        (Basis::SelfAssessed, _) => trf("report.basis_self_sentence", &[("scored", &scored)]),
        (_, 0) => tr("report.basis_no_levels_sentence").to_string(),
        (basis, n) => trf(
            if basis == Basis::Both {
                "report.basis_both_sentence"
            } else {
                "report.basis_reviewed_sentence"
            },
            &[("who", who), ("rated", &questions(n)), ("scored", &scored)],
        ),
    }
}

/// The verdict in the third person, for a board: "For a Series A company, Acme is at or above
/// target in 9 of 16 areas…". Its counts are the verdict's own ([`verdict`] on the same levels
/// and results), its largest gap the first of the ranked gaps still below target as shown.
fn board_verdict(content: &Content, lead: &Assessment, r: &Results) -> Vec<String> {
    let v = verdict(content, lead, r);
    if r.index.is_none() {
        return vec![tr("report.start_no_verdict").to_string()];
    }
    let company = company(lead);
    let stage = stage_phrase(lead.profile.stage);
    let scored = r.areas.iter().filter(|x| x.score.is_some()).count();
    let (above, below) = (v.above.to_string(), v.below.to_string());
    let base = [("company", company.as_str()), ("stage", stage)];
    let mut sentences = vec![if scored == r.areas.len() {
        trf(
            "report.start_standing_all",
            &[
                base[0],
                base[1],
                ("above", &above),
                ("below", &below),
                ("areas", &r.areas.len().to_string()),
            ],
        )
    } else if scored == 1 {
        trf(
            if v.below == 1 {
                "report.start_standing_one_below"
            } else {
                "report.start_standing_one_above"
            },
            &base,
        )
    } else {
        trf(
            "report.start_standing_some",
            &[
                base[0],
                base[1],
                ("above", &above),
                ("below", &below),
                ("scored", &scored.to_string()),
            ],
        )
    }];
    sentences.push(match shown_gaps(r).into_iter().next() {
        Some(top) => trf(
            "verdict.largest_gap",
            &[
                ("area", top.name.as_str()),
                ("today", &fmt1(top.score.unwrap_or(0.0))),
                ("target", &fmt1(top.target.unwrap_or(0.0))),
            ],
        ),
        None => tr("verdict.no_gap").to_string(),
    });
    sentences.push(if v.quick_read {
        trn(
            "report.start_basis_part",
            r.done,
            &[("questions", &r.questions.to_string())],
        )
    } else {
        trf(
            "verdict.basis_all",
            &[("questions", &r.questions.to_string())],
        )
    });
    let unanswered = r.areas.iter().filter(|x| x.done == 0).count();
    if unanswered > 0 {
        sentences.push(trn("report.start_unanswered_areas", unanswered, &[]));
    }
    sentences
}

/// The gaps the report names, highest priority first: areas below target as shown (the gap
/// rounded to one decimal is above 0.0), so nothing reads "raise from 3.0 to 3.0".
pub fn shown_gaps(r: &Results) -> Vec<&AreaResult> {
    r.ranked_gaps()
        .into_iter()
        .filter(|x| x.gap.is_some_and(|g| round1(g) > 0.0))
        .collect()
}

/// The executive summary to start from: the verdict on the leading levels in the third person
/// (a board reads it), and on a reviewed basis what the review changed and which areas it
/// challenges.
pub fn starting_summary(
    content: &Content,
    a: &Assessment,
    f: &Figures,
    reviewer: Option<Uuid>,
) -> String {
    let mut sentences = board_verdict(content, &lead_view(a, f, reviewer), f.lead());
    if let Some(reviewed) = &f.reviewed {
        let change = match (f.self_assessed.index, reviewed.index) {
            (Some(own), Some(rev)) if f.reviewer_levels > 0 => {
                let (own, rev) = (fmt1(own), fmt1(rev));
                // Compared as shown: "from 1.9 to 1.9" says nothing.
                let key = if own == rev {
                    "report.summary_review_unchanged"
                } else {
                    "report.summary_review_change"
                };
                Some(trn(
                    key,
                    f.reviewer_levels,
                    &[("own", &own), ("reviewed", &rev)],
                ))
            }
            _ => None,
        };
        let challenged = challenged_areas(content, a, reviewer);
        let challenged = (!challenged.is_empty()).then(|| {
            let names: Vec<&str> = challenged.iter().map(|(name, _)| name.as_str()).collect();
            trf(
                "report.summary_challenged",
                &[("areas", &crate::i18n::list_and(&names))],
            )
        });
        sentences.extend([change, challenged].into_iter().flatten());
    }
    // Spaced as the verdict spaces its own sentences in the language in use.
    let gap = match crate::i18n::current() {
        crate::i18n::Lang::En => " ",
        crate::i18n::Lang::Zh => "",
    };
    sentences.join(gap)
}

/// `a` with the leading levels of `f` in place: the reviewed ones when shown.
fn lead_view(a: &Assessment, f: &Figures, reviewer: Option<Uuid>) -> Assessment {
    match f.reviewed {
        Some(_) => with_levels(a, &review::reviewed_levels(a, reviewer)),
        None => a.clone(),
    }
}

/// Areas a reviewer challenged, in framework order: (area name, the latest non-blank comment on
/// the area by a chosen reviewer, if any).
fn challenged_areas(
    content: &Content,
    a: &Assessment,
    reviewer: Option<Uuid>,
) -> Vec<(String, String)> {
    let statuses = review::reviewed_statuses(a, reviewer);
    content
        .areas
        .iter()
        .filter(|area| statuses.get(&area.id) == Some(&AreaStatus::Challenged))
        .map(|area| {
            let comment = review::latest_first(a)
                .into_iter()
                .filter(|r| reviewer.is_none_or(|id| id == r.reviewer_id))
                .filter_map(|r| r.areas.get(&area.id))
                .map(|x| x.comment.trim())
                .find(|c| !c.is_empty())
                .unwrap_or_default()
                .to_string();
            (area.name.clone(), comment)
        })
        .collect()
}

/// The recommendations to start from, one a line: the largest gaps on the leading levels with
/// the content's next improvement step, then (on a reviewed basis) each challenged area with the
/// reviewer's comment.
pub fn starting_recommendations(
    content: &Content,
    a: &Assessment,
    f: &Figures,
    reviewer: Option<Uuid>,
) -> String {
    let lead = lead_view(a, f, reviewer);
    let mut lines: Vec<String> = shown_gaps(f.lead())
        .into_iter()
        .take(RECOMMENDED_GAPS)
        .map(|g| {
            let args = [
                ("area", g.name.as_str()),
                ("today", &fmt1(g.score.unwrap_or(0.0))),
                ("target", &fmt1(g.target.unwrap_or(0.0))),
            ];
            match next_step(content, &lead, &g.area_id) {
                Some(step) => trf(
                    "report.recommend_gap_step",
                    &[args[0], args[1], args[2], ("step", step)],
                ),
                None => trf("report.recommend_gap", &args),
            }
        })
        .collect();
    if f.reviewed.is_some() {
        lines.extend(
            challenged_areas(content, a, reviewer)
                .into_iter()
                .map(|(area, comment)| match comment.as_str() {
                    "" => trf("report.recommend_challenge", &[("area", &area)]),
                    _ => trf(
                        "report.recommend_challenge_comment",
                        &[("area", &area), ("comment", &comment)],
                    ),
                }),
        );
    }
    if lines.is_empty() {
        lines.push(tr("report.recommend_none").to_string());
    }
    lines.join("\n")
}

/// The next improvement step of an area: the content's step up from the level of its lowest
/// answered applicable question (framework order breaks ties).
fn next_step<'c>(content: &'c Content, a: &Assessment, area_id: &str) -> Option<&'c str> {
    let area = content.area(area_id)?;
    area.questions
        .iter()
        .filter_map(|q| {
            let answer = a.answers.get(&q.id).filter(|x| !x.is_not_applicable())?;
            Some((answer.current?, q))
        })
        .min_by_key(|(level, _)| *level)
        .and_then(|(level, q)| q.improvements.get(usize::from(level)))
        .map(|i| i.title.as_str())
}

/// The report's own words as shown and printed: what was written, else the starting text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    pub summary: String,
    pub recommendations: String,
    /// Whether each is still the starting text (nothing written yet).
    pub summary_is_start: bool,
    pub recommendations_is_start: bool,
    /// "Quick read: 16 of 80 questions" while the leading levels leave questions unanswered.
    pub quick_read: Option<String>,
}

/// What the report shows for its summary and recommendations: `written` where it holds any
/// text, else the starting text for these figures.
pub fn words(
    content: &Content,
    a: &Assessment,
    f: &Figures,
    reviewer: Option<Uuid>,
    written: &ReportText,
) -> Words {
    let summary_is_start = written.summary.trim().is_empty();
    let recommendations_is_start = written.recommendations.trim().is_empty();
    Words {
        summary: if summary_is_start {
            starting_summary(content, a, f, reviewer)
        } else {
            written.summary.clone()
        },
        recommendations: if recommendations_is_start {
            starting_recommendations(content, a, f, reviewer)
        } else {
            written.recommendations.clone()
        },
        summary_is_start,
        recommendations_is_start,
        quick_read: verdict(content, &lead_view(a, f, reviewer), f.lead()).quick_read_label(),
    }
}

/// A text as the paragraphs print shows: one per non-blank line.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::test_content::three_areas as content;
    use crate::domain::review::{set_answer_review, set_area_review, Reviewer};
    use chrono::DateTime;

    fn at(secs: i64) -> DateTime<chrono::Utc> {
        DateTime::from_timestamp(secs, 0).unwrap()
    }

    fn who(n: u128, name: &str) -> Reviewer {
        Reviewer {
            id: Uuid::from_u128(n),
            name: name.into(),
        }
    }

    /// The founder says 2 everywhere in areas a and b; Priya (older) rates a.q0 at 0 and
    /// challenges area a; Sam (newer) rates a.q0 at 1 and b.q0 at 3.
    fn reviewed() -> Assessment {
        let mut a = Assessment::new(Uuid::nil(), "t", at(0));
        a.profile.company_name = "Harbourline".into();
        // Targets of 3 everywhere, so the founder's 2 is a gap of 1.
        a.profile.stage = crate::domain::Stage::SeriesA;
        for id in ["a.q0", "a.q1", "b.q0", "b.q1"] {
            a.answers.entry(id.into()).or_default().current = Some(2);
        }
        let priya = who(1, "Priya Nair");
        let sam = who(2, "Sam Lee");
        set_answer_review(&mut a, &priya, at(10), "a.q0", |x| x.level = Some(0));
        set_area_review(&mut a, &priya, at(10), "a", |x| {
            x.status = AreaStatus::Challenged;
            x.comment = "No two-step login".into();
        });
        set_answer_review(&mut a, &sam, at(20), "a.q0", |x| x.level = Some(1));
        set_answer_review(&mut a, &sam, at(20), "b.q0", |x| x.level = Some(3));
        a
    }

    fn score(r: &Results, area: &str) -> Option<f64> {
        r.areas
            .iter()
            .find(|x| x.area_id == area)
            .and_then(|x| x.score)
    }

    #[test]
    fn basis_ids_round_trip() {
        for b in Basis::ALL {
            assert_eq!(Basis::from_id(b.id()), Some(b));
        }
        assert_eq!(Basis::from_id("Reviewed"), None);
        assert_eq!(Basis::default(), Basis::SelfAssessed);
    }

    #[test]
    fn self_assessed_figures_are_the_founders_own() {
        let c = content();
        let a = reviewed();
        let f = figures(&c, &a, Basis::SelfAssessed, None);
        assert_eq!(f.reviewed, None);
        assert_eq!(f.lead(), &compute(&c, &a));
        assert_eq!(score(f.lead(), "a"), Some(2.0));
    }

    #[test]
    fn reviewed_figures_take_the_latest_reviewers_level_or_the_chosen_ones() {
        let c = content();
        let a = reviewed();
        let f = figures(&c, &a, Basis::Reviewed, None);
        // Sam is the latest: a.q0 1 (not Priya's 0) and b.q0 3; the founder's 2 elsewhere.
        assert_eq!(score(f.lead(), "a"), Some(1.5));
        assert_eq!(score(f.lead(), "b"), Some(2.5));
        assert_eq!(f.reviewer_levels, 2);
        assert_eq!(score(&f.self_assessed, "a"), Some(2.0));
        let priya = figures(&c, &a, Basis::Both, Some(Uuid::from_u128(1)));
        assert_eq!(score(priya.lead(), "a"), Some(1.0));
        assert_eq!(score(priya.lead(), "b"), Some(2.0));
        assert_eq!(priya.reviewer_levels, 1);
        assert_eq!(priya.self_area("a").and_then(|x| x.score), Some(2.0));
        // The gaps rank on the reviewed levels: area a (1.0 against 3) first.
        assert_eq!(priya.lead().ranked_gaps()[0].area_id, "a");
        assert_eq!(f.self_assessed.ranked_gaps()[0].area_id, "a");
    }

    #[test]
    fn a_reviewed_level_on_a_not_applicable_question_counts() {
        let c = content();
        let mut a = reviewed();
        a.answers.entry("c.q0".into()).or_default().not_applicable = Some("no app".into());
        set_answer_review(&mut a, &who(2, "Sam Lee"), at(30), "c.q0", |x| {
            x.level = Some(4)
        });
        let f = figures(&c, &a, Basis::Reviewed, None);
        assert_eq!(score(&f.self_assessed, "c"), None);
        assert_eq!(score(f.lead(), "c"), Some(4.0));
    }

    #[test]
    fn the_cover_names_who_prepared_it_and_the_basis() {
        let c = content();
        let a = reviewed();
        assert_eq!(
            prepared_by(&a, Basis::SelfAssessed, None),
            "Harbourline (self-assessment)"
        );
        assert_eq!(
            prepared_by(&a, Basis::Reviewed, None),
            "Sam Lee and Priya Nair"
        );
        assert_eq!(
            prepared_by(&a, Basis::Both, Some(Uuid::from_u128(1))),
            "Priya Nair"
        );
        let plain = Assessment::new(Uuid::nil(), "Q1 review", at(0));
        assert_eq!(
            prepared_by(&plain, Basis::Reviewed, None),
            "Q1 review (self-assessment)"
        );

        let f = figures(&c, &a, Basis::Reviewed, None);
        assert_eq!(
            basis_sentence(&f, "Sam Lee, Priya Nair"),
            "Reviewed levels: the reviewer's level on 2 questions (Sam Lee, Priya Nair), the \
             founder's own on every other; 4 questions scored."
        );
        let f = figures(&c, &a, Basis::Both, Some(Uuid::from_u128(1)));
        assert_eq!(
            basis_sentence(&f, "Priya Nair"),
            "The founder's self-assessment and the reviewed levels side by side: the \
             reviewer's level on 1 question (Priya Nair); gaps are ranked on the reviewed \
             levels."
        );
        let f = figures(&c, &a, Basis::SelfAssessed, None);
        assert_eq!(
            basis_sentence(&f, ""),
            "The founder's self-assessment: 4 questions scored, each at the founder's own level."
        );
        let f = figures(&c, &plain, Basis::Reviewed, None);
        assert!(basis_sentence(&f, "").starts_with("Reviewed levels: no reviewer has given"));
    }

    #[test]
    fn starting_words_follow_the_verdict_and_the_review() {
        let c = content();
        let a = reviewed();
        let own = figures(&c, &a, Basis::SelfAssessed, None);
        // A board reads it: the company in the third person, never "you".
        let summary = starting_summary(&c, &a, &own, None);
        assert_eq!(
            summary,
            "For a Series A company, Harbourline is at or above target in 0 and below in 2 of \
             the 2 areas answered so far. The area most at risk in a due diligence is Security: \
             2.0 against a target of 3.0. This rests on 4 of 6 questions: a quick read. 1 area \
             has no answer yet and is left out."
        );
        // Its counts are the verdict's own.
        let v = verdict(&c, &a, &compute(&c, &a));
        assert_eq!((v.above, v.below), (0, 2));

        let f = figures(&c, &a, Basis::Reviewed, Some(Uuid::from_u128(1)));
        let summary = starting_summary(&c, &a, &f, Some(Uuid::from_u128(1)));
        assert!(
            !summary.contains("you") && !summary.contains("You"),
            "{summary}"
        );
        // On the reviewed basis the verdict is on the reviewed levels (Priya's 0 on a.q0).
        assert!(
            summary.contains("most at risk in a due diligence is Security: 1.0 against"),
            "{summary}"
        );
        assert!(
            summary.ends_with(
                " The reviewer's levels on 1 question move the maturity index from 2.0 to \
                 1.5. The review challenges Security."
            ),
            "{summary}"
        );
        let recs = starting_recommendations(&c, &a, &f, Some(Uuid::from_u128(1)));
        let lines: Vec<&str> = recs.lines().collect();
        assert_eq!(
            lines,
            [
                "Security: raise from 1.0 to 3.0; next step: i0.",
                "B: raise from 2.0 to 3.0; next step: i2.",
                "Security: settle the reviewer's challenge (“No two-step login”).",
            ]
        );
        // On the self-assessed basis the review stays out of the starting words.
        assert!(!starting_recommendations(&c, &a, &own, None).contains("challenge"));
    }

    #[test]
    fn written_words_replace_the_starting_ones_and_blank_lines_are_dropped() {
        let c = content();
        let a = reviewed();
        let f = figures(&c, &a, Basis::SelfAssessed, None);
        let start = words(&c, &a, &f, None, &ReportText::default());
        assert!(start.summary_is_start && start.recommendations_is_start);
        let written = ReportText {
            summary: "We are on track.".into(),
            recommendations: "  ".into(),
        };
        let w = words(&c, &a, &f, None, &written);
        assert_eq!(w.summary, "We are on track.");
        assert!(!w.summary_is_start && w.recommendations_is_start);
        assert_eq!(w.recommendations, start.recommendations);
        assert_eq!(paragraphs("One\n\n  Two  \n"), vec!["One", "Two"]);
    }

    #[test]
    fn nothing_to_recommend_says_so() {
        let c = content();
        let a = Assessment::new(Uuid::nil(), "t", at(0));
        let f = figures(&c, &a, Basis::Both, None);
        assert_eq!(
            starting_recommendations(&c, &a, &f, None),
            "No area is below its target yet: answer the assessment to see where to act."
        );
    }

    #[test]
    fn a_review_that_leaves_the_index_as_shown_says_unchanged() {
        let c = content();
        let mut a = reviewed();
        let kim = who(3, "Kim");
        a.reviews.clear();
        // The same level as the founder: the index stays 2.0.
        set_answer_review(&mut a, &kim, at(30), "a.q1", |x| x.level = Some(2));
        let f = figures(&c, &a, Basis::Reviewed, None);
        let summary = starting_summary(&c, &a, &f, None);
        assert!(
            summary.ends_with(
                "The reviewer's levels on 1 question leave the maturity index unchanged at 2.0."
            ),
            "{summary}"
        );
        assert!(!summary.contains("from 2.0 to 2.0"));
    }
}
