//! The review at a glance on the overview: how many areas the reviewer agreed with or challenged,
//! how many comments they left, and the answers where their level is not the founder's, each
//! with a link to its area. Shows nothing until the assessment has a review.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::review;
use crate::ui::assessment::review_answer::level_text;
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

#[component]
pub fn ReviewSummary() -> impl IntoView {
    let current = use_current();
    let id = current.id;
    let has_review = Memo::new(move |_| {
        current
            .assessment
            .with(|a| a.as_ref().is_some_and(|a| !a.review.is_empty()))
    });
    let summary = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| review::summary(content(), a))
                .unwrap_or_default()
        })
    });
    view! {
        <Show when=move || has_review.get()>
            <section class="review-summary" aria-labelledby="review-summary-title">
                <h3 id="review-summary-title">{t("assess.review_summary_title")}</h3>
                <p>
                    {move || summary.with(|s| match s.reviewer.as_str() {
                        "" => t("assess.review_summary_anonymous").to_string(),
                        name => tf("assess.review_summary_by", &[("name", name)]),
                    })}
                    {t("assess.review_summary_shown")}
                </p>
                <ul class="review-counts">
                    <li>{move || count_line("assess.review_summary_agreed", areas(summary.with(|s| s.agreed)))}</li>
                    <li>{move || count_line("assess.review_summary_challenged", areas(summary.with(|s| s.challenged)))}</li>
                    <li>{move || count_line("assess.review_summary_not_reviewed", areas(summary.with(|s| s.not_reviewed)))}</li>
                    <li>{move || count_line("assess.review_summary_comments", summary.with(|s| s.comments).to_string())}</li>
                    <li>
                        {move || count_line(
                            "assess.review_summary_differences",
                            summary.with(|s| s.differences.len()).to_string(),
                        )}
                    </li>
                </ul>
                <Show when=move || summary.with(|s| !s.challenged_areas.is_empty())>
                    <p>{t("assess.review_summary_challenged_areas")}</p>
                    <ul>
                        {move || summary.with(|s| s.challenged_areas.iter().map(|(area_id, name)| {
                            let href = format!("/a/{id}/assessment/{area_id}");
                            let name = name.clone();
                            view! { <li><A href=href>{name}</A></li> }
                        }).collect_view())}
                    </ul>
                </Show>
                <Show when=move || summary.with(|s| !s.differences.is_empty())>
                    <p>{t("assess.review_summary_different_levels")}</p>
                    <ul class="review-differences">
                        {move || summary.with(|s| s.differences.iter().map(|d| {
                            let yours = d
                                .founder
                                .map(level_text)
                                .unwrap_or_else(|| t("assess.review_summary_no_level").to_string());
                            let text = tf(
                                "assess.review_summary_difference",
                                &[
                                    ("question", &d.question_text),
                                    ("yours", &yours),
                                    ("reviewer", &level_text(d.reviewer)),
                                ],
                            );
                            let href = format!("/a/{id}/assessment/{}", d.area_id);
                            let name = d.area_name.clone();
                            view! {
                                <li>
                                    <A href=href>{name}</A>
                                    {text}
                                </li>
                            }
                        }).collect_view())}
                    </ul>
                </Show>
            </section>
        </Show>
    }
}
