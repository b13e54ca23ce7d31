//! One scorecard: name, candidates, criteria and scores, the decision and, for partners,
//! cultural fit, operating model, domain weight and quarterly reviews.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::domain::scorecard::ScorecardKind;
use crate::ui::choose::candidate_list::CandidateList;
use crate::ui::choose::card_edit::{provide_card, CardEdit};
use crate::ui::choose::criteria_scores::CriteriaScores;
use crate::ui::choose::culture_fit::CultureFit;
use crate::ui::choose::partner_reviews::{DomainWeight, PartnerReviews};
use crate::ui::choose::scorecard_results::ScorecardResults;
use crate::ui::choose::scorecards::section_of;
use crate::ui::i18n::t;
use crate::ui::plan::operating_model::OperatingModel;
use crate::ui::shell::assessment_frame::use_current;

#[component]
pub fn ScorecardPage() -> impl IntoView {
    let params = use_params_map();
    let card_id = Memo::new(move |_| {
        params
            .read()
            .get("card")
            .and_then(|c| Uuid::parse_str(&c).ok())
    });
    let id = use_current().id;
    move || {
        match card_id.get() {
        Some(card_id) => view! { <ScorecardBody card_id/> }.into_any(),
        None => view! { <p>{t("partners.scorecard_missing")} <A href=format!("/a/{id}/partners")>{t("partners.scorecard_back")}</A></p> }.into_any(),
    }
    }
}

#[component]
fn ScorecardBody(card_id: Uuid) -> impl IntoView {
    let card = CardEdit::new(card_id);
    provide_card(card);
    let id = use_current().id;
    let kind = card.derive(|c| Some(c.kind));
    let exists = Memo::new(move |_| card.card.with(Option::is_some));
    let name = card.derive(|c| c.name.clone());
    let confirm_delete = RwSignal::new(false);
    view! {
        <Show when=move || exists.get() fallback=move || view! {
            <section><h2>{t("partners.scorecard_not_found")}</h2><p><A href=format!("/a/{id}/partners")>{t("partners.scorecard_back")}</A></p></section>
        }>
            <section aria-labelledby="card-title">
                <p class="eyebrow">
                    <A href=move || format!("/a/{id}/{}", section_of(kind.get().unwrap_or(ScorecardKind::Partner)))>
                        {move || match kind.get() { Some(ScorecardKind::Tool) => t("partners.scorecard_all_tools"), _ => t("partners.scorecard_all_partners") }}
                    </A>
                </p>
                <h2 id="card-title">{move || name.get()}</h2>
                <div class="field">
                    <label for="card-name">{t("partners.scorecard_name")}</label>
                    <input type="text" id="card-name" prop:value=move || name.get()
                        on:input=move |ev| { let v = event_target_value(&ev); card.update(|c| c.name = v) }/>
                </div>
                <ScorecardResults/>
                <CandidateList/>
                <Show when=move || kind.get() == Some(ScorecardKind::Partner)>
                    <DomainWeight/>
                </Show>
                <CriteriaScores/>
                <Show when=move || kind.get() == Some(ScorecardKind::Partner)>
                    <CultureFit/>
                    <OperatingModel/>
                    <PartnerReviews/>
                </Show>
                <div class="danger-zone">
                    <Show when=move || confirm_delete.get() fallback=move || view! {
                        <button class="button danger" on:click=move |_| confirm_delete.set(true)>{t("partners.scorecard_delete")}</button>
                    }>
                        <p role="alert">
                            {t("partners.scorecard_delete_confirm")}
                            <DeleteCard card_id/>
                            <button class="button" on:click=move |_| confirm_delete.set(false)>{t("partners.scorecard_keep")}</button>
                        </p>
                    </Show>
                </div>
            </section>
        </Show>
    }
}

#[component]
fn DeleteCard(card_id: Uuid) -> impl IntoView {
    let state = crate::ui::state::use_app_state();
    let current = use_current();
    let id = current.id;
    let navigate = leptos_router::hooks::use_navigate();
    let kind = current.assessment.with_untracked(|a| {
        a.as_ref()
            .and_then(|a| a.scorecards.iter().find(|c| c.id == card_id))
            .map(|c| c.kind)
    });
    view! {
        <button class="button danger" on:click=move |_| {
            state.edit(id, |a| a.scorecards.retain(|c| c.id != card_id));
            state.notify(t("partners.scorecard_deleted"));
            navigate(&format!("/a/{id}/{}", section_of(kind.unwrap_or(ScorecardKind::Partner))), Default::default());
        }>{t("partners.scorecard_delete_yes")}</button>
    }
}
