//! The reviews at a glance on the overview: for each reviewer, credited by name, how many areas
//! they agreed with or challenged and how many comments they left; then every answer where a
//! reviewer's level is not the founder's or reviewers disagree with each other, each with a link
//! to its area and every level given. Shows nothing until the assessment has a review.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::review::{self, ReviewSummary as Summary};
use crate::ui::assessment::review_answer::level_text;
use crate::ui::assessment::review_counts::ReviewCountList;
use crate::ui::i18n::{content, t, tf};
use crate::ui::shell::assessment_frame::use_current;

/// "1 area" / "3 areas".
fn areas(n: usize) -> String {
    let key = if n == 1 {
        "assess.review_summary_areas_one"
    } else {
        "assess.review_summary_areas_many"
    };
    tf(key, &[("n", &n.to_string())])
}

/// One line of the counts: `key` holds "{count}".
fn count_line(key: &str, count: String) -> String {
    tf(key, &[("count", &count)])
}

/// One reviewer's counts, credited by name.
fn reviewer_block(id: uuid::Uuid, s: Summary) -> impl IntoView {
    let has_challenged = !s.challenged_areas.is_empty();
    let who = match s.reviewer.as_str() {
        "" => t("assess.review_summary_anonymous").to_string(),
        name => tf("assess.review_summary_by", &[("name", name)]),
    };
    let challenged = s
        .challenged_areas
        .into_iter()
        .map(|(area_id, name)| {
            let href = format!("/a/{id}/assessment/{area_id}");
            view! { <li><A href=href>{name}</A></li> }
        })
        .collect_view();
    view! {
        <div class="reviewer-summary" data-reviewer=s.reviewer_id.to_string()>
            <h4>{who}</h4>
            <ul class="review-counts">
                <li>{count_line("assess.review_summary_agreed", areas(s.agreed))}</li>
                <li>{count_line("assess.review_summary_challenged", areas(s.challenged))}</li>
                <li>{count_line("assess.review_summary_not_reviewed", areas(s.not_reviewed))}</li>
            </ul>
            <ReviewCountList counts=s.counts/>
            {has_challenged.then(|| view! {
                <p>{t("assess.review_summary_challenged_areas")}</p>
                <ul>{challenged}</ul>
            })}
        </div>
    }
}

#[component]
pub fn ReviewSummary() -> impl IntoView {
    let current = use_current();
    let id = current.id;
    let summaries = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| review::summaries(content(), a))
                .unwrap_or_default()
        })
    });
    let disagreements = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| review::disagreements(content(), a))
                .unwrap_or_default()
        })
    });
    let intro = move || match summaries.with(Vec::len) {
        1 => t("assess.review_summary_shown").to_string(),
        n => tf("reviewers.summary_several", &[("count", &n.to_string())]),
    };
    view! {
        <Show when=move || summaries.with(|s| !s.is_empty())>
            <section class="review-summary" aria-labelledby="review-summary-title">
                <h3 id="review-summary-title">{t("assess.review_summary_title")}</h3>
                <p>{intro}</p>
                {move || summaries.get().into_iter().map(|s| reviewer_block(id, s)).collect_view()}
                <Show when=move || disagreements.with(|d| !d.is_empty())>
                    <p>{t("reviewers.summary_disagreements")}</p>
                    <ul class="review-differences">
                        {move || disagreements.with(|all| all.iter().map(|d| {
                            let yours = d
                                .founder
                                .map(level_text)
                                .unwrap_or_else(|| t("assess.review_summary_no_level").to_string());
                            let given = d
                                .levels
                                .iter()
                                .map(|(name, level)| {
                                    tf(
                                        "reviewers.summary_level_by",
                                        &[("name", &review::byline(name)), ("level", &level_text(*level))],
                                    )
                                })
                                .collect::<Vec<_>>()
                                .join("; ");
                            let text = tf(
                                "reviewers.summary_disagreement",
                                &[("question", &d.question_text), ("yours", &yours), ("given", &given)],
                            );
                            let mark = d.between_reviewers.then(|| view! {
                                <strong class="reviewers-differ">{t("reviewers.summary_reviewers_differ")}</strong>
                            });
                            let href = format!("/a/{id}/assessment/{}", d.area_id);
                            let name = d.area_name.clone();
                            view! {
                                <li>
                                    <A href=href>{name}</A>
                                    {text}
                                    {mark}
                                </li>
                            }
                        }).collect_view())}
                    </ul>
                </Show>
            </section>
        </Show>
    }
}
