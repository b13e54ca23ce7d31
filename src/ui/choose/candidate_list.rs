//! The candidates of a scorecard: add, rename, note, remove (with undo through a re-add is not
//! offered: removal asks first, because the candidate's scores go with it).

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::costs::MAX_COST_FIGURE;
use crate::domain::scorecard::{price, Candidate};
use crate::ui::choose::card_edit::use_card;
use crate::ui::choose::sourcing::use_currency;
use crate::ui::common::numbers::{money_input, parse_money_text};
use crate::ui::i18n::{t, tf};

#[component]
pub fn CandidateList() -> impl IntoView {
    let card = use_card();
    let ids = card.derive(|c| c.candidates.iter().map(|x| x.id).collect::<Vec<_>>());
    let draft = RwSignal::new(String::new());
    let add = move || {
        let name = draft.get_untracked().trim().to_string();
        if name.is_empty() {
            return;
        }
        draft.set(String::new());
        card.update(|c| c.candidates.push(Candidate::new(Uuid::new_v4(), name)));
    };
    view! {
        <section class="subsection" aria-labelledby="candidates-title">
            <h3 id="candidates-title">{t("partners.candidate_list_title")}</h3>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">{t("partners.candidate_list_empty")}</p>
            </Show>
            <ul class="candidate-list">
                <For each=move || ids.get() key=|id| *id let:cid>
                    <CandidateRow cid/>
                </For>
            </ul>
            <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <label for="new-candidate">{t("partners.candidate_list_new")}</label>
                <input type="text" id="new-candidate" prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))/>
                <button type="submit" class="button">{t("partners.candidate_list_add")}</button>
            </form>
        </section>
    }
}

#[component]
fn CandidateRow(cid: Uuid) -> impl IntoView {
    let card = use_card();
    let name = card.derive(move |c| c.candidate(cid).map(|x| x.name.clone()).unwrap_or_default());
    let notes = card.derive(move |c| {
        c.candidate(cid)
            .map(|x| x.notes.clone())
            .unwrap_or_default()
    });
    let currency = use_currency();
    // The price as typed, kept while it cannot be read (never blanked); read as people type
    // money ("$4,200", "4.2k").
    let price_text = RwSignal::new(
        card.card
            .with_untracked(|c| {
                c.as_ref()
                    .and_then(|c| c.candidate(cid))
                    .and_then(|x| x.monthly_price)
            })
            .map(money_input)
            .unwrap_or_default(),
    );
    let price_error = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let set = move |f: Box<dyn FnOnce(&mut Candidate)>| {
        card.update(|c| {
            if let Some(x) = c.candidates.iter_mut().find(|x| x.id == cid) {
                f(x);
            }
        })
    };
    view! {
        <li class="row-card">
            <div class="field">
                <label for=format!("cand-{cid}-name")>{t("partners.candidate_list_name")}</label>
                <input type="text" id=format!("cand-{cid}-name") prop:value=move || name.get()
                    on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |x| x.name = v)) }/>
            </div>
            <div class="field wide">
                <label for=format!("cand-{cid}-notes")>{t("partners.candidate_list_notes")}</label>
                <input type="text" id=format!("cand-{cid}-notes") prop:value=move || notes.get()
                    on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |x| x.notes = v)) }/>
            </div>
            <div class="field">
                <label for=format!("cand-{cid}-price")>
                    {move || tf("sourcing.candidate_price", &[("currency", &currency.get())])}
                </label>
                <input type="text" inputmode="decimal" class="narrow-input" id=format!("cand-{cid}-price")
                    aria-invalid=move || price_error.with(Option::is_some).to_string()
                    prop:value=move || price_text.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        price_text.set(v.clone());
                        match parse_money_text(&v, MAX_COST_FIGURE) {
                            Ok(p) => {
                                price_error.set(None);
                                card.update(move |c| price::set_price(c, cid, p));
                            }
                            Err(e) => price_error.set(Some(e)),
                        }
                    }/>
                {move || price_error.get().map(|e| view! { <p class="hint error-text" role="alert">{e}</p> })}
            </div>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button class="button small danger" aria-label=move || tf("partners.candidate_list_remove_label", &[("name", &name.get())])
                        on:click=move |_| confirming.set(true)>{t("partners.candidate_list_remove")}</button>
                }
            >
                <p class="confirm-inline" role="alert">
                    {move || tf("partners.candidate_list_confirm", &[("name", &name.get())])}
                    <button class="button small danger" on:click=move |_| {
                        card.update(|c| c.candidates.retain(|x| x.id != cid));
                        card.notify(tf("partners.candidate_list_removed", &[("name", &name.get_untracked())]));
                    }>{t("partners.candidate_list_remove")}</button>
                    <button class="button small" on:click=move |_| confirming.set(false)>{t("partners.candidate_list_keep")}</button>
                </p>
            </Show>
        </li>
    }
}
