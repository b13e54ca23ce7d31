//! Roadmap section: the initiatives that turn the assessment's gaps into dated work, on a
//! timeline; and the page for editing one initiative.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use uuid::Uuid;

use crate::i18n::fill;
use crate::ui::common::confirm_dialog::ConfirmDialog;
use crate::ui::i18n::{t, tf};
use crate::ui::plan::initiative_cost::InitiativeCostPanel;
use crate::ui::plan::initiative_edit::{initiatives, title_of};
use crate::ui::plan::initiative_form::InitiativeForm;
use crate::ui::plan::roadmap_suggestions::RoadmapSuggestions;
use crate::ui::plan::roadmap_timeline::RoadmapTimeline;
use crate::ui::plan::roadmap_toolbar::RoadmapToolbar;
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

#[component]
pub fn RoadmapSection() -> impl IntoView {
    let suggesting = RwSignal::new(false);
    view! {
        <section aria-labelledby="roadmap-section-title">
            <h2 id="roadmap-section-title">{t("plan.roadmap_title")}</h2>
            <p class="muted">{t("plan.roadmap_intro")}</p>
            <RoadmapToolbar suggesting/>
            <RoadmapSuggestions suggesting/>
            <RoadmapTimeline/>
        </section>
    }
}

/// One initiative, for editing.
#[component]
pub fn InitiativePage() -> impl IntoView {
    let params = use_params_map();
    let iid = Memo::new(move |_| {
        params
            .read()
            .get("initiative")
            .and_then(|k| Uuid::parse_str(&k).ok())
    });
    let current = use_current();
    let id = current.id;
    let exists = Memo::new(move |_| {
        iid.get().is_some_and(|iid| {
            current.assessment.with(|a| {
                a.as_ref()
                    .is_some_and(|a| a.initiatives.iter().any(|i| i.id == iid))
            })
        })
    });
    move || {
        match (exists.get(), iid.get()) {
        (true, Some(iid)) => view! { <InitiativeBody iid/> }.into_any(),
        _ => view! {
            <section>
                <h2>{t("plan.roadmap_not_found")}</h2>
                <p>{t("plan.roadmap_maybe_removed")}" " <A href=format!("/a/{id}/roadmap")>{t("plan.roadmap_back")}</A></p>
            </section>
        }
        .into_any(),
    }
    }
}

#[component]
fn InitiativeBody(iid: Uuid) -> impl IntoView {
    let current = use_current();
    let state = use_app_state();
    let id = current.id;
    let edit = initiatives();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let title = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .and_then(|a| a.initiatives.iter().find(|i| i.id == iid))
                .map(title_of)
                .unwrap_or_default()
        })
    });
    let mitigates = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.risks
                        .iter()
                        .filter(|r| r.initiatives.contains(&iid))
                        .map(|r| r.title.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let remove = move || {
        let name = title.get_untracked();
        edit.with_assessment(move |a| a.remove_initiative(iid));
        state.notify(tf("plan.roadmap_removed", &[("name", &name)]));
        navigate(&format!("/a/{id}/roadmap"), Default::default());
    };
    view! {
        <section aria-labelledby="initiative-page-title">
            <p class="eyebrow"><A href=format!("/a/{id}/roadmap")>{t("plan.roadmap_eyebrow")}</A></p>
            <h2 id="initiative-page-title">{move || title.get()}</h2>
            <InitiativeForm iid/>
            <InitiativeCostPanel iid/>
            <Show when=move || !mitigates.with(Vec::is_empty)>
                <p>{move || {
                    // One sentence, so each language places the list and the link itself.
                    let text = t("plan.roadmap_mitigates");
                    let (before, after) = text.split_once("{link}").unwrap_or((text, ""));
                    let risks = mitigates.get().join("; ");
                    let args = [("risks", risks.as_str())];
                    view! {
                        {fill(before, &args)}
                        <A href=format!("/a/{id}/risks")>{t("plan.roadmap_risks_link")}</A>
                        {fill(after, &args)}
                    }
                }}</p>
            </Show>
            <div class="danger-zone">
                <button class="button danger" on:click=move |_| confirming.set(true)>{t("plan.roadmap_remove")}</button>
            </div>
            <Show when=move || confirming.get()>
                <ConfirmDialog
                    title=t("plan.roadmap_remove_title")
                    body=tf("plan.roadmap_remove_body", &[("title", &title.get_untracked())])
                    confirm_label=t("plan.roadmap_remove")
                    on_confirm=remove.clone()
                    on_cancel=move || confirming.set(false)
                />
            </Show>
        </section>
    }
}
