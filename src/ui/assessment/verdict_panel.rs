//! The plain verdict as Overview, Results and the board report show it: a heading, the "quick
//! read" mark while questions are left, and the verdict's sentences. The words and figures come
//! from [`crate::domain::verdict`]; this file only lays them out.

use leptos::prelude::*;

use crate::domain::verdict::{verdict, Verdict};
use crate::ui::i18n::{content, t};
use crate::ui::shell::assessment_frame::use_current;

/// The verdict of the open assessment. `level` is the heading's level (3 in a section, 4 in the
/// report's summary).
#[component]
pub fn VerdictPanel(#[prop(default = 3)] level: u8) -> impl IntoView {
    let current = use_current();
    let v = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| current.results.with(|r| verdict(content(), a, r)))
                .unwrap_or_default()
        })
    });
    let heading = match level {
        4 => view! { <h4 id="verdict-title">{t("verdict.title")}</h4> }.into_any(),
        _ => view! { <h3 id="verdict-title">{t("verdict.title")}</h3> }.into_any(),
    };
    view! {
        <section class="verdict" data-testid="verdict" aria-labelledby="verdict-title">
            {heading}
            {move || v.with(Verdict::quick_read_label).map(|label| view! {
                <p class="quick-read" data-testid="quick-read">{label}</p>
            })}
            <p class="verdict-text" data-testid="verdict-text">{move || v.with(Verdict::text)}</p>
        </section>
    }
}
