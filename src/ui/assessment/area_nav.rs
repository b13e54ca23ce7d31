//! The list of the 16 areas beside the questions: where you are and how much is done in each.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::scoring::Results;
use crate::ui::i18n::{content, t};

/// An area's name in the language in use, found by its id; `fallback` (the name a result
/// carries) when the framework has no such area. Results may be worked out from the content in
/// another language, so pages name areas through this.
pub fn area_name(area_id: &str, fallback: &str) -> String {
    content()
        .area(area_id)
        .map_or_else(|| fallback.to_string(), |a| a.name.clone())
}

#[component]
pub fn AreaNav(id: uuid::Uuid, #[prop(into)] results: Signal<Results>) -> impl IntoView {
    let areas = &content().areas;
    view! {
        <nav class="area-nav" aria-label=t("assess.area_nav_label")>
            <ol>
                {areas
                    .iter()
                    .enumerate()
                    .map(|(i, area)| {
                        let progress = move || {
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
                                <A href=format!("/a/{id}/assessment/{}", area.id)>
                                    <span class="area-mark" aria-hidden="true">{mark}</span>
                                    <span class="area-name">{area.number} ". " {area.name.clone()}</span>
                                    <span class="area-progress">
                                        {move || {
                                            let (done, total) = progress();
                                            format!("{done}/{total}")
                                        }}
                                        <span class="visually-hidden">{t("assess.area_nav_answered")}</span>
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
