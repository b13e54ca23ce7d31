//! The list of the 16 areas beside the questions: where you are and how much is done in each.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::content;
use crate::domain::scoring::Results;

#[component]
pub fn AreaNav(id: uuid::Uuid, #[prop(into)] results: Signal<Results>) -> impl IntoView {
    let areas = &content::get().areas;
    view! {
        <nav class="area-nav" aria-label="Areas">
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
                            let (d, t) = progress();
                            if d == t && t > 0 { "✓" } else if d > 0 { "◐" } else { "○" }
                        };
                        view! {
                            <li>
                                <A href=format!("/a/{id}/assessment/{}", area.id)>
                                    <span class="area-mark" aria-hidden="true">{mark}</span>
                                    <span class="area-name">{area.number} ". " {area.name.clone()}</span>
                                    <span class="area-progress">
                                        {move || {
                                            let (d, t) = progress();
                                            format!("{d}/{t}")
                                        }}
                                        <span class="visually-hidden">" answered"</span>
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
