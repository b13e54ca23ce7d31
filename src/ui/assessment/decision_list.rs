//! Stack decision records: what was decided about the technology, why, and what else was
//! considered, so the reasoning survives the people who made it.

use chrono::NaiveDate;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::context::{DecisionRecord, DecisionStatus};
use crate::ui::common::list_edit::ListEdit;
use crate::ui::i18n::{l, t, tf};

fn list() -> ListEdit<DecisionRecord> {
    ListEdit::new(|a| &a.decisions, |a| &mut a.decisions)
}

#[component]
pub fn DecisionList() -> impl IntoView {
    let edit = list();
    let ids = edit.ids();
    let add = move |_| {
        edit.push(DecisionRecord {
            id: Uuid::new_v4(),
            title: String::new(),
            decision: String::new(),
            context: String::new(),
            alternatives: String::new(),
            status: DecisionStatus::Proposed,
            date: None,
        })
    };
    view! {
        <section class="subsection" aria-labelledby="decisions-title">
            <h2 id="decisions-title">{t("team.decision_list_title")}</h2>
            <p class="muted">{t("team.decision_list_intro")}</p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">{t("team.decision_list_empty")}</p>
            </Show>
            <div class="row-list">
                <For each=move || ids.get() key=|id| *id let:item>
                    <DecisionRow item/>
                </For>
            </div>
            <button class="button" on:click=add>{t("team.decision_list_add")}</button>
        </section>
    }
}

#[component]
fn DecisionRow(item: Uuid) -> impl IntoView {
    let edit = list();
    let title = edit.field(item, |d| d.title.clone());
    let status = edit.field(item, |d| d.status);
    let date = edit.field(item, |d| d.date);
    let f = |field: &str| format!("decision-{item}-{field}");
    let area = move |field: &'static str,
                     label: &'static str,
                     get: fn(&DecisionRecord) -> String,
                     set: fn(&mut DecisionRecord, String)| {
        let value = edit.field(item, get);
        let id = f(field);
        view! {
            <div class="field wide">
                <label for=id.clone()>{label}</label>
                <textarea id=id rows="2" prop:value=move || value.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(item, |d| set(d, v)) }></textarea>
            </div>
        }
    };
    view! {
        <div class="row-card">
            <div class="field wide">
                <label for=f("title")>{t("team.decision_list_record_title")}</label>
                <input type="text" id=f("title") placeholder=t("team.decision_list_record_title_placeholder") prop:value=move || title.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(item, |d| d.title = v) }/>
            </div>
            <div class="field">
                <label for=f("status")>{t("team.decision_list_status")}</label>
                <select id=f("status") on:change=move |ev| {
                    if let Some(s) = DecisionStatus::from_id(&event_target_value(&ev)) { edit.update(item, |d| d.status = s) }
                }>
                    {DecisionStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.id() selected=move || status.get() == s>{l(s.label())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=f("date")>{t("team.decision_list_date")}</label>
                <input type="date" id=f("date")
                    prop:value=move || date.get().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        // A date input gives "" or a valid yyyy-mm-dd; anything else leaves the date as it was.
                        let v = event_target_value(&ev);
                        if v.is_empty() {
                            edit.update(item, |d| d.date = None);
                        } else if let Ok(parsed) = NaiveDate::parse_from_str(&v, "%Y-%m-%d") {
                            edit.update(item, |d| d.date = Some(parsed));
                        }
                    }/>
            </div>
            {area("decision", t("team.decision_list_decision"), |d| d.decision.clone(), |d, v| d.decision = v)}
            {area("context", t("team.decision_list_context"), |d| d.context.clone(), |d, v| d.context = v)}
            {area("alternatives", t("team.decision_list_alternatives"), |d| d.alternatives.clone(), |d, v| d.alternatives = v)}
            <button class="button small danger" aria-label=move || tf("team.decision_list_remove_label", &[("title", &title.get())])
                on:click=move |_| edit.remove(item)>{t("team.decision_list_remove")}</button>
        </div>
    }
}
