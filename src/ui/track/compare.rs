//! Compare section: this assessment side by side with the reviewer's levels, another assessment
//! in this browser, or a file (founder and consultant, CEO and CTO).
//!
//! Reads only: nothing on this page changes an assessment or stores the compared file.

use leptos::prelude::*;

use crate::domain::answer_counts::level_counts;
use crate::domain::compare::{compare, Comparison};
use crate::ui::assessment::review_counts::{count_lines, lines_view};
use crate::ui::i18n::{content, t};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;
use crate::ui::track::compare_results::CompareResults;
use crate::ui::track::compare_source::{
    kind_in_force, resolve, CompareChoice, CompareSource, OtherSide, SourceKind,
};

#[component]
pub fn CompareSection() -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let id = current.id;
    let choice = CompareChoice::new();
    let kind = Memo::new(move |_| {
        current.assessment.with(|a| match a {
            Some(a) => state
                .workspace
                .with(|w| kind_in_force(choice, a, &w.assessments)),
            None => SourceKind::File,
        })
    });
    let other = Memo::new(move |_| {
        let kind = kind.get();
        current.assessment.with(|a| match a {
            Some(a) => state
                .workspace
                .with(|w| resolve(kind, choice, a, &w.assessments)),
            None => OtherSide::Waiting(String::new()),
        })
    });
    // The comparison itself, recomputed only when either side changes; empty until the other
    // side is ready (the results are not shown then).
    let comparison = Memo::new(move |_| {
        other.with(|o| match o {
            OtherSide::Ready { assessment, .. } => current.assessment.with(|a| {
                a.as_ref()
                    .map(|a| compare(content(), a, assessment))
                    .unwrap_or_default()
            }),
            _ => Comparison::default(),
        })
    });
    let right = Memo::new(move |_| {
        other.with(|o| match o {
            OtherSide::Ready { label, .. } => label.clone(),
            _ => String::new(),
        })
    });
    let ready = Memo::new(move |_| {
        other.with(|o| matches!(o, OtherSide::Ready { .. }))
            && current.assessment.with(Option::is_some)
    });
    // The reviewer's view keeps the founder's level wherever the reviewer gave none, so the
    // summary's "agree" includes questions the reviewer did not rate: say how many they did, in
    // the counts and words of the Overview and the Report.
    let rated = Memo::new(move |_| {
        if kind.get() != SourceKind::Reviewer || !ready.get() {
            return None;
        }
        current.assessment.with(|a| {
            a.as_ref().map(|a| {
                // Counted for the reviewer compared (see `reviewer_side`).
                let (_, reviewer) = super::compare_source::reviewer_side(a, choice.reviewer.get());
                let levels = crate::domain::review::reviewed_levels(a, reviewer);
                level_counts(content(), a, &levels)
            })
        })
    });
    let status = move || match other.get() {
        OtherSide::Ready { .. } => None,
        OtherSide::Waiting(text) => Some(view! { <p class="empty">{text}</p> }.into_any()),
        OtherSide::Failed(text) => {
            Some(view! { <p class="error-text" role="alert">{format!("⚠ {text}")}</p> }.into_any())
        }
    };
    view! {
        <section aria-labelledby="compare-section-title">
            <h2 id="compare-section-title">{t("assess.compare_title")}</h2>
            <p class="muted">{t("assess.compare_intro")}</p>
            <CompareSource id choice kind/>
            {status}
            <Show when=move || ready.get()>
                {move || rated.get().map(|levels| view! {
                    <div class="muted" data-testid="compare-rated">
                        {lines_view(count_lines(&levels, None))}
                        <p>{t("reviewers.compare_rated_note")}</p>
                    </div>
                })}
                <CompareResults id comparison=comparison right=right/>
            </Show>
        </section>
    }
}
