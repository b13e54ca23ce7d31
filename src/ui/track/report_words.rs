//! The board report's own words: the executive summary and the recommendations, as the report
//! reads and prints them, and (on screen only) the boxes to rewrite them. Until someone writes
//! their own, both start from [`crate::domain::board_report`]'s starting text for the chosen
//! basis (the verdict, the largest gaps, the reviewer's challenges); what is written is kept in
//! the assessment's `report` and printed as it stands.

use leptos::prelude::*;

use crate::domain::board_report::{paragraphs, words, Words};
use crate::domain::report::ReportText;
use crate::ui::common::text_field::TextField;
use crate::ui::i18n::{content, t};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;
use crate::ui::track::report_basis::use_report_view;

#[component]
pub fn ReportWords() -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let id_of = current.id;
    let view = use_report_view();
    let shown = Memo::new(move |_| {
        let reviewer = view.reviewer.get();
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    view.figures
                        .with(|f| words(content(), a, f, reviewer, &a.report))
                })
                .unwrap_or_default()
        })
    });
    // One box per text: what it shows, where a change is written, and a button back to the
    // starting text once something is written.
    let edit_box = move |id: &'static str,
                         label: &'static str,
                         hint: &'static str,
                         reset_label: &'static str,
                         shows: fn(&Words) -> (String, bool),
                         field: fn(&mut ReportText) -> &mut String| {
        view! {
            <TextField
                id
                label
                hint
                value=Signal::derive(move || shown.with(|w| shows(w).0))
                on_input=move |value: String| state.edit(id_of, |a| *field(&mut a.report) = value)
                multiline=true
            />
            <Show when=move || !shown.with(|w| shows(w).1)>
                <button class="button" on:click=move |_| state.edit(id_of, |a| field(&mut a.report).clear())>
                    {reset_label}
                </button>
            </Show>
        }
    };
    view! {
        <section class="verdict report-words" data-testid="verdict" aria-labelledby="verdict-title">
            <h4 id="verdict-title">{t("report.summary_title")}</h4>
            {move || shown.get().quick_read.map(|label| view! {
                <p class="quick-read" data-testid="quick-read">{label}</p>
            })}
            <div class="verdict-text report-text" data-testid="verdict-text">
                {move || paragraphs(&shown.with(|w| w.summary.clone()))
                    .into_iter()
                    .map(|p| view! { <p>{p}</p> })
                    .collect_view()}
            </div>
            <h4>{t("report.recommendations_title")}</h4>
            <ol class="report-recommendations" data-testid="report-recommendations">
                {move || paragraphs(&shown.with(|w| w.recommendations.clone()))
                    .into_iter()
                    .map(|p| view! { <li>{p}</li> })
                    .collect_view()}
            </ol>
            <details class="report-edit screen-only">
                <summary>{t("report.edit_words")}</summary>
                <p class="hint">{t("report.edit_words_hint")}</p>
                {edit_box(
                    "report-summary-text",
                    t("report.summary_label"),
                    "",
                    t("report.summary_reset"),
                    |w| (w.summary.clone(), w.summary_is_start),
                    |r| &mut r.summary,
                )}
                {edit_box(
                    "report-recommendations-text",
                    t("report.recommendations_label"),
                    t("report.recommendations_hint"),
                    t("report.recommendations_reset"),
                    |w| (w.recommendations.clone(), w.recommendations_is_start),
                    |r| &mut r.recommendations,
                )}
            </details>
        </section>
    }
}
