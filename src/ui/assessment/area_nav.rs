//! The list of the 16 areas beside the questions: where you are and how much is done in each
//! (in the quick pass: whether each area's key question is answered).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::quick_pass::{key_answered, Pass};
use crate::domain::scoring::Results;
use crate::ui::i18n::{content, t};
use crate::ui::shell::assessment_frame::use_current;

/// An area's name in the language in use, found by its id; `fallback` (the name a result
/// carries) when the framework has no such area. Results may be worked out from the content in
/// another language, so pages name areas through this.
pub fn area_name(area_id: &str, fallback: &str) -> String {
    content()
        .area(area_id)
        .map_or_else(|| fallback.to_string(), |a| a.name.clone())
}

#[component]
pub fn AreaNav(
    id: uuid::Uuid,
    #[prop(into)] results: Signal<Results>,
    /// In the quick pass each area shows whether its key question is answered, and the links
    /// stay in the quick pass.
    #[prop(into)]
    pass: Signal<Pass>,
) -> impl IntoView {
    let assessment = use_current().assessment;
    let areas = &content().areas;
    view! {
        <nav class="area-nav" aria-label=t("assess.area_nav_label")>
            <ol>
                {areas
                    .iter()
                    .enumerate()
                    .map(|(i, area)| {
                        let progress = move || {
                            if pass.get() == Pass::Quick {
                                let done = assessment
                                    .with(|a| a.as_ref().is_some_and(|a| key_answered(area, &a.answers)));
                                return (usize::from(done), 1);
                            }
                            results.with(|r| {
                                r.areas.get(i).map(|x| (x.done, x.questions)).unwrap_or((0, 0))
                            })
                        };
                        let mark = move || {
                            let (done, total) = progress();
                            if done == total && total > 0 { "✓" } else if done > 0 { "◐" } else { "○" }
                        };
                        view! {
                            <li>
                                <A href=move || format!("/a/{id}/assessment/{}{}", area.id, pass.get().query())>
                                    <span class="area-mark" aria-hidden="true">{mark}</span>
                                    <span class="area-name">{area.number} ". " {area.name.clone()}</span>
                                    <span class="area-progress">
                                        {move || {
                                            let (done, total) = progress();
                                            format!("{done}/{total}")
                                        }}
                                        <span class="visually-hidden">{move || if pass.get() == Pass::Quick {
                                            t("verdict.nav_key_answered")
                                        } else {
                                            t("assess.area_nav_answered")
                                        }}</span>
                                    </span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
