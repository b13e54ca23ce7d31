//! "Retired questions" at the foot of an area's page: answers the user gave to questions an
//! earlier edition asked and this one no longer does (kept under the old id because no new
//! question means the same, or because the new one was already answered). Each shows the old
//! question, the old level text, the note, why it was retired and what asks it now, and says what
//! to do. Nothing is shown when the area has none.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::content::{Area, Question, RetiredQuestion};
use crate::domain::answers::Answer;
use crate::domain::review::Review;
use crate::ui::i18n::{content, t, tf};
use crate::ui::shell::assessment_frame::use_current;

/// The area's retired questions that still hold an answer, with it, in the content's order.
pub fn retired_answers<'a>(
    area: &'a Area,
    answers: &'a BTreeMap<String, Answer>,
) -> Vec<(&'a RetiredQuestion, &'a Answer)> {
    area.retired_questions
        .iter()
        .filter_map(|r| answers.get(&r.id).map(|a| (r, a)))
        .filter(|(_, a)| !a.is_empty())
        .collect()
}

/// What each reviewer said on a retired question (a level in the old question's words, a
/// comment), so a consultant's finding is never hidden with the question: "Priya Nair: Level 1
/// (Initial): … — Shared admin accounts …". Private notes stay on the reviewer's side.
pub fn reviewer_lines(r: &RetiredQuestion, reviews: &[Review]) -> Vec<String> {
    reviews
        .iter()
        .filter_map(|review| {
            let said = review.answers.get(&r.id)?;
            let level = said.level.map(|level| {
                level_line(
                    r,
                    &Answer {
                        current: Some(level),
                        ..Answer::default()
                    },
                )
            });
            let comment = Some(said.comment.trim().to_string()).filter(|c| !c.is_empty());
            if level.is_none() && comment.is_none() {
                return None;
            }
            let name = match review.reviewer.trim() {
                "" => t("retired.reviewer_unnamed").to_string(),
                name => name.to_string(),
            };
            let words: Vec<String> = [level, comment].into_iter().flatten().collect();
            Some(format!("{name}: {}", words.join(" — ")))
        })
        .collect()
}

/// The answer's level in words: the old question's own text for it.
fn level_line(r: &RetiredQuestion, a: &Answer) -> String {
    match (&a.not_applicable, a.current) {
        (Some(reason), _) => tf("retired.not_applicable", &[("reason", reason)]),
        (None, Some(level)) => {
            let name = content()
                .scale
                .get(usize::from(level))
                .map_or("", |s| s.name.as_str());
            let text = r.levels.get(usize::from(level)).map_or("", String::as_str);
            tf(
                "retired.level",
                &[
                    ("level", &level.to_string()),
                    ("name", name),
                    ("text", text),
                ],
            )
        }
        (None, None) => t("retired.no_level").to_string(),
    }
}

#[component]
pub fn RetiredAnswers(area: &'static Area) -> impl IntoView {
    let current = use_current();
    let items = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    let empty = Answer::default();
                    // The founder's kept answers, then questions only a reviewer spoke to.
                    let mut listed = retired_answers(area, &a.answers);
                    let spoken: Vec<_> = area
                        .retired_questions
                        .iter()
                        .filter(|r| {
                            !listed.iter().any(|(x, _)| x.id == r.id)
                                && !reviewer_lines(r, &a.reviews).is_empty()
                        })
                        .map(|r| (r, a.answers.get(&r.id).unwrap_or(&empty)))
                        .collect();
                    listed.extend(spoken);
                    listed
                        .into_iter()
                        .map(|(r, answer)| {
                            let replaced: Vec<String> = r
                                .replaced_by
                                .iter()
                                .filter_map(|id| area.questions.iter().find(|q| &q.id == id))
                                .map(|q: &Question| q.text.clone())
                                .collect();
                            (
                                r.id.clone(),
                                r.text.clone(),
                                level_line(r, answer),
                                answer.notes.clone(),
                                r.why.clone(),
                                replaced,
                                reviewer_lines(r, &a.reviews),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let title_id = format!("retired-{}-title", area.id);
    view! {
        <Show when=move || items.with(|i| !i.is_empty())>
            <section class="retired-answers" aria-labelledby=title_id.clone()>
                <h3 id=title_id.clone()>{t("retired.title")}</h3>
                <p>{t("retired.intro")}</p>
                <For
                    each=move || items.get()
                    key=|item| item.clone()
                    children=|(id, text, level, note, why, replaced, reviewers)| {
                        let dom = format!("retired-{}", id.replace('.', "-"));
                        view! {
                            <article class="question retired-answer" id=dom.clone()
                                aria-labelledby=format!("{dom}-title")>
                                <header class="question-head">
                                    <h4 id=format!("{dom}-title")>{text}</h4>
                                    <p class="question-status">{t("retired.badge")}</p>
                                </header>
                                <dl>
                                    <dt>{t("retired.your_answer")}</dt>
                                    <dd>{level}</dd>
                                    {(!note.trim().is_empty()).then(|| view! {
                                        <dt>{t("retired.note")}</dt>
                                        <dd>{note}</dd>
                                    })}
                                    {(!reviewers.is_empty()).then(|| view! {
                                        <dt>{t("retired.reviewers")}</dt>
                                        <dd>
                                            <ul>
                                                {reviewers.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                                            </ul>
                                        </dd>
                                    })}
                                    <dt>{t("retired.why")}</dt>
                                    <dd>{why}</dd>
                                    <dt>{t("retired.replaced_by")}</dt>
                                    <dd>
                                        <ul>
                                            {replaced.into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}
                                        </ul>
                                    </dd>
                                </dl>
                                <p class="hint">{t("retired.what_to_do")}</p>
                            </article>
                        }
                    }
                />
            </section>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::test_content::{area, retired};

    #[test]
    fn only_retired_ids_with_a_real_answer_are_listed() {
        let mut a = area("x", 3);
        a.retired_questions = vec![
            retired("x.old", &["x.q0", "x.q1"], None),
            retired("x.gone", &["x.q2"], Some("x.q2")),
            retired("x.empty", &["x.q2"], None),
        ];
        let mut answers = BTreeMap::new();
        let kept = Answer {
            current: Some(2),
            notes: "Backups nightly".into(),
            ..Answer::default()
        };
        answers.insert("x.old".to_string(), kept.clone());
        answers.insert("x.empty".to_string(), Answer::default());
        answers.insert("x.q0".to_string(), kept.clone());
        let listed = retired_answers(&a, &answers);
        assert_eq!(listed.len(), 1);
        assert_eq!((listed[0].0.id.as_str(), listed[0].1), ("x.old", &kept));
        assert!(retired_answers(&a, &BTreeMap::new()).is_empty());
    }

    #[test]
    fn a_reviewer_s_words_on_a_retired_question_are_shown_not_dropped() {
        let r = retired("x.old", &["x.q0"], None);
        let mut said = Review {
            reviewer: "Priya Nair".into(),
            ..Review::default()
        };
        said.answers.insert(
            "x.old".into(),
            crate::domain::review::AnswerReview {
                level: Some(1),
                comment: "Shared admin logins".into(),
                private_note: "never shown".into(),
            },
        );
        let silent = Review::default();
        assert_eq!(
            reviewer_lines(&r, &[said, silent]),
            ["Priya Nair: Level 1 (Ad hoc): old l1 — Shared admin logins"]
        );
    }

    #[test]
    fn the_level_is_told_with_the_old_question_s_own_words() {
        let r = retired("x.old", &["x.q0"], None);
        let answer = |current, na: Option<&str>| Answer {
            current,
            not_applicable: na.map(str::to_string),
            ..Answer::default()
        };
        assert_eq!(
            level_line(&r, &answer(Some(2), None)),
            "Level 2 (Defined): old l2"
        );
        assert_eq!(
            level_line(&r, &answer(None, Some("No customers' data yet"))),
            "Does not apply: No customers' data yet"
        );
        assert_eq!(level_line(&r, &answer(None, None)), "No level chosen");
    }
}
