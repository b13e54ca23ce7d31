//! Partners and Tools sections: the comparisons of one kind, and the way to start a new one.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use uuid::Uuid;

use crate::content::templates;
use crate::domain::scorecard::{engine, ScorecardKind};
use crate::ui::i18n::{t, tf};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// The URL segment of each kind's section.
pub fn section_of(kind: ScorecardKind) -> &'static str {
    match kind {
        ScorecardKind::Partner => "partners",
        ScorecardKind::Tool => "tools",
    }
}

#[component]
pub fn PartnersSection() -> impl IntoView {
    view! {
        <ScorecardList kind=ScorecardKind::Partner/>
        <crate::ui::choose::sourcing::SourcingOptions/>
    }
}

#[component]
pub fn ToolsSection() -> impl IntoView {
    view! { <ScorecardList kind=ScorecardKind::Tool/> }
}

#[component]
fn ScorecardList(kind: ScorecardKind) -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let id = current.id;
    let navigate = use_navigate();
    let cards = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.scorecards
                        .iter()
                        .filter(|c| c.kind == kind)
                        .map(|c| {
                            let outcome = engine::evaluate(c);
                            let leader = outcome
                                .winner
                                .and_then(|w| c.candidate(w))
                                .map(|w| tf("partners.scorecards_leading", &[("name", &w.name)]))
                                .unwrap_or_else(|| t("partners.scorecards_no_leader").to_string());
                            (c.id, c.name.clone(), c.candidates.len(), leader)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let draft = RwSignal::new(String::new());
    let (title, intro, placeholder) = match kind {
        ScorecardKind::Partner => (
            t("partners.scorecards_partner_title"),
            t("partners.scorecards_partner_intro"),
            t("partners.scorecards_partner_placeholder"),
        ),
        ScorecardKind::Tool => (
            t("partners.scorecards_tool_title"),
            t("partners.scorecards_tool_intro"),
            t("partners.scorecards_tool_placeholder"),
        ),
    };
    let create = move || {
        let name = draft.get_untracked().trim().to_string();
        let name = if name.is_empty() {
            title.to_string()
        } else {
            name
        };
        let card_id = Uuid::new_v4();
        let card = templates::new_scorecard(kind, card_id, &name);
        state.edit(id, |a| a.scorecards.push(card));
        draft.set(String::new());
        navigate(
            &format!("/a/{id}/{}/{card_id}", section_of(kind)),
            NavigateOptions::default(),
        );
    };
    view! {
        <section aria-labelledby="cards-title">
            <h2 id="cards-title">{title}</h2>
            <p class="muted">{intro}</p>
            <Show when=move || cards.with(Vec::is_empty)>
                <p class="empty">{t("partners.scorecards_empty")}</p>
            </Show>
            <ul class="card-list">
                {move || cards.get().into_iter().map(|(card_id, name, count, leader)| view! {
                    <li>
                        <A href=format!("/a/{id}/{}/{card_id}", section_of(kind))>{name}</A>
                        {crate::ui::i18n::tn("partners.scorecards_item", count, &[("leader", &leader)])}
                    </li>
                }).collect_view()}
            </ul>
            <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); create(); }>
                <label for="new-card">{t("partners.scorecards_new")}</label>
                <input type="text" id="new-card" placeholder=placeholder
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))/>
                <button type="submit" class="button primary">{t("partners.scorecards_create")}</button>
            </form>
        </section>
    }
}
