//! The SWOT: strengths and weaknesses proposed from the results (linked to their areas),
//! opportunities and threats written by the founder; every line editable.

use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use crate::domain::context::{Quadrant, SwotItem};
use crate::ui::i18n::{content, l, t, tf};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// How many strengths and weaknesses one proposal adds at most.
const PROPOSE: usize = 3;

#[component]
pub fn SwotBoard() -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let id = current.id;
    let propose = move |_| {
        let (strengths, weaknesses) = current.results.with_untracked(|r| r.propose_swot(PROPOSE));
        let mut added = 0;
        state.edit(id, |a| {
            for (q, lines) in [
                (Quadrant::Strengths, strengths),
                (Quadrant::Weaknesses, weaknesses),
            ] {
                let items = a.swot.items_mut(q);
                for (area, text) in lines {
                    // One proposed line per area: a second proposal does not pile up copies.
                    if items
                        .iter()
                        .all(|i| i.area.as_deref() != Some(area.as_str()))
                    {
                        items.push(SwotItem {
                            id: Uuid::new_v4(),
                            text,
                            area: Some(area),
                        });
                        added += 1;
                    }
                }
            }
        });
        state.notify(match added {
            0 => t("team.swot_board_nothing_new").to_string(),
            n => crate::ui::i18n::tn("team.swot_board_added", n, &[]),
        });
    };
    view! {
        <section class="swot" aria-labelledby="swot-title">
            <h3 id="swot-title">{t("team.swot_board_title")}</h3>
            <p class="muted">{t("team.swot_board_intro")}</p>
            <button class="button" on:click=propose>{t("team.swot_board_propose")}</button>
            <div class="swot-grid">
                {Quadrant::ALL.into_iter().map(|q| view! { <SwotQuadrant quadrant=q/> }).collect_view()}
            </div>
        </section>
    }
}

#[component]
fn SwotQuadrant(quadrant: Quadrant) -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let id = current.id;
    let items = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| a.swot.items(quadrant).clone())
                .unwrap_or_default()
        })
    });
    let draft = RwSignal::new(String::new());
    let add = move || {
        let text = draft.get_untracked().trim().to_string();
        if text.is_empty() {
            return;
        }
        draft.set(String::new());
        state.edit(id, |a| {
            a.swot.items_mut(quadrant).push(SwotItem {
                id: Uuid::new_v4(),
                text,
                area: None,
            })
        });
    };
    let heading_id = format!("swot-{}", quadrant.id());
    view! {
        <div class=format!("swot-quadrant {}", quadrant.id())>
            <h4 id=heading_id.clone()>{l(quadrant.label())}</h4>
            <ul aria-labelledby=heading_id>
                <For each=move || items.get() key=|i| i.id let:item>
                    {
                        let item_id = item.id;
                        let text = Memo::new(move |_| items.with(|list| {
                            list.iter().find(|i| i.id == item_id).map(|i| i.text.clone()).unwrap_or_default()
                        }));
                        let area_link = item.area.as_ref().and_then(|area_id| {
                            content().area(area_id).map(|area| (area.id.clone(), area.name.clone()))
                        });
                        let input_id = format!("swot-{item_id}");
                        view! {
                            <li>
                                <label class="visually-hidden" for=input_id.clone()>{tf("team.swot_board_line_label", &[("quadrant", l(quadrant.label()))])}</label>
                                <textarea
                                    id=input_id
                                    rows="2"
                                    prop:value=move || text.get()
                                    on:input=move |ev| {
                                        let v = event_target_value(&ev);
                                        state.edit(id, |a| {
                                            if let Some(i) = a.swot.items_mut(quadrant).iter_mut().find(|i| i.id == item_id) {
                                                i.text = v;
                                            }
                                        });
                                    }
                                ></textarea>
                                {area_link.map(|(area_id, name)| view! {
                                    <A href=format!("/a/{id}/assessment/{area_id}") attr:class="swot-area">{tf("team.swot_board_area_link", &[("area", &name)])}</A>
                                })}
                                <button
                                    type="button"
                                    class="button small quiet"
                                    aria-label=move || tf("team.swot_board_remove_label", &[("text", &text.get())])
                                    on:click=move |_| state.edit(id, |a| a.swot.items_mut(quadrant).retain(|i| i.id != item_id))
                                >
                                    {t("team.swot_board_remove")}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <label class="visually-hidden" for=format!("swot-new-{}", quadrant.id())>
                    {tf("team.swot_board_new_line_label", &[("quadrant", l(quadrant.label()))])}
                </label>
                <input
                    type="text"
                    id=format!("swot-new-{}", quadrant.id())
                    placeholder=t("team.swot_board_add_placeholder")
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                />
                <button type="submit" class="button small">{t("team.swot_board_add")}</button>
            </form>
        </div>
    }
}
