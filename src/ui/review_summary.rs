//! The review at a glance on the overview: how many areas the reviewer agreed with or challenged,
//! how many comments they left, and the answers where their level is not the founder's, each
//! with a link to its area. Shows nothing until the assessment has a review.

use leptos::prelude::*;
use leptos_router::components::A;

use super::pages::assessment::use_current;
use crate::content;
use crate::domain::review::{self, level_text};

/// "1 area" / "3 areas".
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
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
                .map(|a| review::summary(content::get(), a))
                .unwrap_or_default()
        })
    });
    let content = content::get();
    view! {
        <Show when=move || has_review.get()>
            <section class="review-summary" aria-labelledby="review-summary-title">
                <h3 id="review-summary-title">"Review"</h3>
                <p>
                    {move || summary.with(|s| match s.reviewer.as_str() {
                        "" => "A reviewer has looked at this assessment.".to_string(),
                        name => format!("Reviewed by {name}."),
                    })}
                    " Their levels and comments are shown next to your answers, marked “Reviewer”."
                </p>
                <ul class="review-counts">
                    <li>{move || format!("✓ Agreed: {}", count(summary.with(|s| s.agreed), "area", "areas"))}</li>
                    <li>{move || format!("⚠ Challenged: {}", count(summary.with(|s| s.challenged), "area", "areas"))}</li>
                    <li>{move || format!("Not reviewed: {}", count(summary.with(|s| s.not_reviewed), "area", "areas"))}</li>
                    <li>{move || format!("Comments: {}", summary.with(|s| s.comments))}</li>
                    <li>
                        {move || format!(
                            "Answers where the reviewer's level differs from yours: {}",
                            summary.with(|s| s.differences.len())
                        )}
                    </li>
                </ul>
                <Show when=move || summary.with(|s| !s.challenged_areas.is_empty())>
                    <p>"Areas the reviewer challenged (the answers there need another look):"</p>
                    <ul>
                        {move || summary.with(|s| s.challenged_areas.iter().map(|(area_id, name)| {
                            let href = format!("/a/{id}/assessment/{area_id}");
                            let name = name.clone();
                            view! { <li><A href=href>{name}</A></li> }
                        }).collect_view())}
                    </ul>
                </Show>
                <Show when=move || summary.with(|s| !s.differences.is_empty())>
                    <p>"Answers where the reviewer sees a different level:"</p>
                    <ul class="review-differences">
                        {move || summary.with(|s| s.differences.iter().map(|d| {
                            let yours = d
                                .founder
                                .map(|l| level_text(content, l))
                                .unwrap_or_else(|| "no level".to_string());
                            let text = format!(
                                ": “{}” — you: {yours}; reviewer: {}",
                                d.question_text,
                                level_text(content, d.reviewer)
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
