//! The plain verdict: where the company stands against its stage's targets, in a few sentences a
//! founder reads in ten seconds, with what the verdict rests on and how sure she said she was.
//!
//! Owns the wording and the counting; every figure comes from [`crate::domain::scoring`] (the
//! same area scores, targets and gaps the Results table shows, rounded once by [`fmt1`]), and the
//! only yardstick is the content's stage targets (or the founder's own target where she set
//! one): no outside benchmark. An area is "at or above target" when its gap as shown, rounded to
//! one decimal, is 0.0 or less. Sentences come from the `verdict.*` texts in the language in use.
//! Plain Rust: no leptos, web-sys or clock.

use crate::content::Content;
use crate::domain::answers::{Answer, Confidence};
use crate::domain::quick_pass::{about_minutes, pass_time, Pass};
use crate::domain::scoring::{fmt1, round1, AreaResult, Results};
use crate::domain::{Assessment, Stage};
use crate::i18n::{tr, trf, Lang};

/// The verdict and what it rests on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Verdict {
    /// In reading order: standing, the area most at risk, the basis, the confidence; or, with
    /// nothing to judge yet, one sentence saying what to do instead.
    pub sentences: Vec<String>,
    /// Fewer than all questions are answered: the verdict is a quick read.
    pub quick_read: bool,
    /// Questions answered (a level, or "does not apply" with a reason), as in the progress.
    pub answered: usize,
    pub questions: usize,
    /// Areas with a score at or above target, and below it.
    pub above: usize,
    pub below: usize,
}

impl Verdict {
    /// The sentences as one paragraph, spaced as the language spaces sentences.
    pub fn text(&self) -> String {
        let gap = match crate::i18n::current() {
            Lang::En => " ",
            Lang::Zh => "",
        };
        self.sentences.join(gap)
    }

    /// "Quick read: 16 of 80 questions", shown beside the verdict while it is one.
    pub fn quick_read_label(&self) -> Option<String> {
        self.quick_read.then(|| {
            trf(
                "verdict.quick_read_badge",
                &[
                    ("answered", &self.answered.to_string()),
                    ("questions", &self.questions.to_string()),
                ],
            )
        })
    }
}

/// "a Series A company", as the verdict names the stage (the board report says it the same way).
pub(crate) fn stage_phrase(stage: Stage) -> &'static str {
    tr(match stage {
        Stage::PreSeed => "verdict.stage_pre_seed",
        Stage::Seed => "verdict.stage_seed",
        Stage::SeriesA => "verdict.stage_series_a",
        Stage::SeriesBPlus => "verdict.stage_series_b_plus",
        Stage::Unknown => "spec.stage_unknown_phrase",
    })
}

/// Below target as the page shows it: the gap rounded to one decimal is above 0.0.
fn is_below(r: &AreaResult) -> bool {
    r.gap.is_some_and(|g| round1(g) > 0.0)
}

/// The verdict for assessment `a` from its results `r`, worked out from `content` (area names
/// come from it, so pass the content in the language in use).
pub fn verdict(content: &Content, a: &Assessment, r: &Results) -> Verdict {
    let stage = stage_phrase(a.profile.stage);
    let mut v = Verdict {
        answered: r.done,
        questions: r.questions,
        quick_read: r.done < r.questions,
        ..Verdict::default()
    };
    if r.index.is_none() {
        v.quick_read = false;
        v.sentences.push(if r.done == 0 {
            // The time is estimated on the English text, as everywhere (see `quick_pass`).
            let quick = pass_time(crate::content::get(), &a.answers, Pass::Quick);
            trf(
                "verdict.none",
                &[
                    ("keys", &quick.questions.to_string()),
                    ("minutes", &about_minutes(quick.total_seconds).to_string()),
                    ("stage", stage),
                ],
            )
        } else {
            tr("verdict.none_levels").to_string()
        });
        return v;
    }

    let scored: Vec<&AreaResult> = r.areas.iter().filter(|x| x.score.is_some()).collect();
    v.below = scored.iter().filter(|x| is_below(x)).count();
    v.above = scored.len() - v.below;
    let above = v.above.to_string();
    let below = v.below.to_string();
    v.sentences.push(if scored.len() == r.areas.len() {
        trf(
            "verdict.standing_all",
            &[
                ("stage", stage),
                ("above", &above),
                ("below", &below),
                ("areas", &r.areas.len().to_string()),
            ],
        )
    } else if scored.len() == 1 {
        let key = if v.below == 1 {
            "verdict.standing_one_below"
        } else {
            "verdict.standing_one_above"
        };
        trf(key, &[("stage", stage)])
    } else {
        trf(
            "verdict.standing_some",
            &[
                ("stage", stage),
                ("above", &above),
                ("below", &below),
                ("scored", &scored.len().to_string()),
            ],
        )
    });

    // The area most at risk: the first of the ranked gaps, as Overview and Results list them.
    v.sentences
        .push(match r.ranked_gaps().into_iter().find(|x| is_below(x)) {
            Some(top) => {
                let name = content
                    .area(&top.area_id)
                    .map_or(top.name.as_str(), |x| x.name.as_str());
                trf(
                    "verdict.largest_gap",
                    &[
                        ("area", name),
                        ("today", &fmt1(top.score.unwrap_or(0.0))),
                        ("target", &fmt1(top.target.unwrap_or(0.0))),
                    ],
                )
            }
            None => tr("verdict.no_gap").to_string(),
        });

    // What it rests on.
    v.sentences.push(if !v.quick_read {
        trf(
            "verdict.basis_all",
            &[("questions", &r.questions.to_string())],
        )
    } else {
        trf(
            if r.done == 1 {
                "verdict.basis_part_one"
            } else {
                "verdict.basis_part"
            },
            &[
                ("answered", &r.done.to_string()),
                ("questions", &r.questions.to_string()),
            ],
        )
    });
    let unanswered = r.areas.iter().filter(|x| x.done == 0).count();
    match unanswered {
        0 => {}
        1 => v
            .sentences
            .push(tr("verdict.unanswered_area_one").to_string()),
        n => v
            .sentences
            .push(trf("verdict.unanswered_areas", &[("n", &n.to_string())])),
    }
    let answers: Vec<&Answer> = content
        .areas
        .iter()
        .flat_map(|x| &x.questions)
        .filter_map(|q| a.answers.get(&q.id))
        .filter(|x| x.is_done())
        .collect();
    let own_targets = answers
        .iter()
        .filter(|x| x.current.is_some() && !x.is_not_applicable() && x.target.is_some())
        .count();
    match own_targets {
        0 => {}
        1 => v.sentences.push(tr("verdict.own_target_one").to_string()),
        n => v
            .sentences
            .push(trf("verdict.own_targets", &[("n", &n.to_string())])),
    }

    // How sure she said she was.
    let count = |c: Option<Confidence>| answers.iter().filter(|x| x.confidence == c).count();
    let low = count(Some(Confidence::Low));
    let none = count(None);
    if none == answers.len() {
        v.sentences
            .push(tr("verdict.confidence_unmarked").to_string());
    } else {
        v.sentences.push(trf(
            if none == 0 {
                "verdict.confidence_all_marked"
            } else {
                "verdict.confidence"
            },
            &[
                ("low", &low.to_string()),
                ("medium", &count(Some(Confidence::Medium)).to_string()),
                ("high", &count(Some(Confidence::High)).to_string()),
                ("none", &none.to_string()),
            ],
        ));
        if low > 0 {
            v.sentences.push(tr("verdict.check_unsure").to_string());
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::test_content::three_areas;
    use crate::domain::scoring::compute;
    use chrono::DateTime;
    use uuid::Uuid;

    /// Three areas of two questions; their targets are 1, 2, 3 and 3 by stage.
    fn content() -> Content {
        three_areas()
    }

    fn assessment(stage: Stage) -> Assessment {
        let mut a = Assessment::new(Uuid::nil(), "t", DateTime::from_timestamp(0, 0).unwrap());
        a.profile.stage = stage;
        a
    }

    fn set(a: &mut Assessment, id: &str, level: u8, confidence: Option<Confidence>) {
        let x = a.answers.entry(id.into()).or_default();
        x.current = Some(level);
        x.confidence = confidence;
    }

    fn run(c: &Content, a: &Assessment) -> Verdict {
        verdict(c, a, &compute(c, a))
    }

    /// Levels 1, 2 and 3 on each area's first (key) question.
    fn key_answers(stage: Stage) -> Assessment {
        let mut a = assessment(stage);
        set(&mut a, "a.q0", 1, Some(Confidence::Low));
        set(&mut a, "b.q0", 2, Some(Confidence::High));
        set(&mut a, "c.q0", 3, None);
        a
    }

    #[test]
    fn each_stage_is_judged_against_its_own_targets() {
        let c = content();
        let expected = [
            (
                Stage::PreSeed,
                "For a pre-seed company you are at or above target in 3 of 3 areas and below in 0. \
                 No answered area is below its target.",
            ),
            (
                Stage::Seed,
                "For a seed-stage company you are at or above target in 2 of 3 areas and below \
                 in 1. The area most at risk in a due diligence is Security: 1.0 against a \
                 target of 2.0.",
            ),
            (
                Stage::SeriesA,
                "For a Series A company you are at or above target in 1 of 3 areas and below in \
                 2. The area most at risk in a due diligence is Security: 1.0 against a target \
                 of 3.0.",
            ),
            (
                Stage::SeriesBPlus,
                "For a company at Series B or later you are at or above target in 1 of 3 areas \
                 and below in 2. The area most at risk in a due diligence is Security: 1.0 \
                 against a target of 3.0.",
            ),
        ];
        for (stage, start) in expected {
            let v = run(&c, &key_answers(stage));
            assert!(v.text().starts_with(start), "{stage:?}: {}", v.text());
            assert!(v.quick_read);
            assert_eq!((v.answered, v.questions), (3, 6));
        }
    }

    #[test]
    fn partial_coverage_says_what_it_rests_on_and_the_confidence() {
        let v = run(&content(), &key_answers(Stage::Seed));
        assert_eq!(
            v.sentences[2..],
            [
                "This rests on 3 of 6 questions: a quick read.",
                "You marked 1 of these answers with low confidence (unsure), 0 medium and 1 \
                 high, and left 1 unmarked.",
                "Check the unsure ones first: they can change this verdict.",
            ]
        );
        assert_eq!(
            v.quick_read_label().as_deref(),
            Some("Quick read: 3 of 6 questions")
        );
    }

    #[test]
    fn unanswered_areas_are_named_by_count_and_left_out() {
        let c = content();
        let mut a = assessment(Stage::SeriesA);
        set(&mut a, "a.q0", 3, None);
        set(&mut a, "b.q1", 1, None);
        let v = run(&c, &a);
        assert_eq!(
            v.sentences,
            [
                "For a Series A company you are at or above target in 1 and below in 1 of the 2 \
                 areas answered so far.",
                "The area most at risk in a due diligence is B: 1.0 against a target of 3.0.",
                "This rests on 2 of 6 questions: a quick read.",
                "1 area has no answer yet and is left out.",
                "You did not mark how sure you are of any of these answers.",
            ]
        );
        let mut one = assessment(Stage::Seed);
        set(&mut one, "c.q1", 0, Some(Confidence::Medium));
        let v = run(&c, &one);
        assert_eq!(
            v.sentences[..4],
            [
                "For a seed-stage company you are below target in the one area answered so far.",
                "The area most at risk in a due diligence is C: 0.0 against a target of 2.0.",
                "This rests on 1 of 6 questions: a quick read.",
                "2 areas have no answer yet and are left out.",
            ]
        );
    }

    #[test]
    fn full_coverage_is_not_a_quick_read() {
        let c = content();
        let mut a = assessment(Stage::Seed);
        for (i, id) in ["a.q0", "a.q1", "b.q0", "b.q1", "c.q0", "c.q1"]
            .into_iter()
            .enumerate()
        {
            set(&mut a, id, (i % 4) as u8, Some(Confidence::High));
        }
        // Area a: 0 and 1, 0.5 against 2; b: 2 and 3; c: 0 and 1 but a target of 4 set by hand.
        a.answers.get_mut("c.q0").unwrap().target = Some(4);
        a.answers.get_mut("c.q1").unwrap().target = Some(4);
        let r = compute(&c, &a);
        let v = verdict(&c, &a, &r);
        assert!(!v.quick_read);
        assert_eq!(v.quick_read_label(), None);
        assert_eq!((v.above, v.below), (1, 2));
        assert_eq!(
            v.sentences,
            [
                "For a seed-stage company you are at or above target in 1 of 3 areas and below \
                 in 2.",
                "The area most at risk in a due diligence is C: 0.5 against a target of 4.0.",
                "This rests on all 6 questions.",
                "2 of the targets behind it are your own rather than the stage's.",
                "You marked 0 of these answers with low confidence (unsure), 0 medium and 6 \
                 high.",
            ]
        );
        // The figures are the ones the Results table shows.
        let top = r.ranked_gaps()[0];
        assert_eq!(fmt1(top.score.unwrap()), "0.5");
        assert_eq!(fmt1(top.target.unwrap()), "4.0");
    }

    #[test]
    fn no_answers_says_what_to_do_instead() {
        let c = content();
        let v = run(&c, &assessment(Stage::SeriesA));
        assert_eq!(
            v.text(),
            "No verdict yet: no question is answered. Start with the quick pass, 16 key \
             questions in about 18 min, to see where you stand against the targets for a \
             Series A company."
        );
        assert!(!v.quick_read);
        let mut na = assessment(Stage::Seed);
        na.answers.entry("a.q0".into()).or_default().not_applicable = Some("none".into());
        assert!(run(&c, &na)
            .text()
            .starts_with("No verdict yet: every answer so far says"));
    }

    #[test]
    fn a_gap_shown_as_zero_counts_as_at_target() {
        let r = AreaResult {
            area_id: "a".into(),
            name: "A".into(),
            questions: 1,
            done: 1,
            not_applicable: 0,
            counted: 1,
            score: Some(1.96),
            target: Some(2.0),
            gap: Some(0.04),
            importance: 2,
            priority: Some(0.08),
        };
        assert!(!is_below(&r));
        assert!(is_below(&AreaResult {
            gap: Some(0.05),
            ..r
        }));
    }

    #[test]
    fn the_quick_pass_on_the_real_content_is_a_quick_read_in_both_languages() {
        let c = crate::content::get();
        let mut a = assessment(Stage::Seed);
        for area in &c.areas {
            if let Some(q) = area.key_question() {
                set(&mut a, &q.id, 1, None);
            }
        }
        let v = run(c, &a);
        assert_eq!(
            v.sentences[2],
            format!(
                "This rests on 16 of {} questions: a quick read.",
                c.question_count()
            )
        );
        assert_eq!(v.above + v.below, 16);
        crate::i18n::set_current(Lang::Zh);
        let zh = run(crate::content::get_lang(Lang::Zh), &a);
        let badge = zh.quick_read_label();
        crate::i18n::set_current(Lang::En);
        assert!(
            zh.text().starts_with("以种子轮公司的目标衡量"),
            "{}",
            zh.text()
        );
        assert_eq!(
            badge,
            Some(format!(
                "初步判断：依据 {} 个问题中的 16 个",
                c.question_count()
            ))
        );
        assert_eq!((zh.above, zh.below), (v.above, v.below));
    }
}
