//! Stakeholders: who has a say in technology decisions, how much they care and how much they
//! can change.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::context::{Degree, Stakeholder};
use crate::ui::common::list_edit::ListEdit;
use crate::ui::i18n::{l, t, tf};

fn list() -> ListEdit<Stakeholder> {
    ListEdit::new(|a| &a.stakeholders, |a| &mut a.stakeholders)
}

#[component]
pub fn StakeholderList() -> impl IntoView {
    let edit = list();
    let ids = edit.ids();
    let add = move |_| {
        edit.push(Stakeholder {
            id: Uuid::new_v4(),
            name: String::new(),
            role: String::new(),
            interest: Degree::Medium,
            influence: Degree::Medium,
            part: String::new(),
        })
    };
    view! {
        <section class="subsection" aria-labelledby="stakeholders-title">
            <h2 id="stakeholders-title">{t("team.stakeholder_list_title")}</h2>
            <p class="muted">{t("team.stakeholder_list_intro")}</p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">{t("team.stakeholder_list_empty")}</p>
            </Show>
            <div class="row-list">
                <For each=move || ids.get() key=|id| *id let:item>
                    <StakeholderRow item/>
                </For>
            </div>
            <button class="button" on:click=add>{t("team.stakeholder_list_add")}</button>
        </section>
    }
}

#[component]
fn StakeholderRow(item: Uuid) -> impl IntoView {
    let edit = list();
    let name = edit.field(item, |s| s.name.clone());
    let role = edit.field(item, |s| s.role.clone());
    let part = edit.field(item, |s| s.part.clone());
    let interest = edit.field(item, |s| s.interest);
    let influence = edit.field(item, |s| s.influence);
    let f = |field: &str| format!("stakeholder-{item}-{field}");
    view! {
        <div class="row-card">
            <div class="field">
                <label for=f("name")>{t("team.stakeholder_list_name")}</label>
                <input type="text" id=f("name") prop:value=move || name.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(item, |s| s.name = v) }/>
            </div>
            <div class="field">
                <label for=f("role")>{t("team.stakeholder_list_role")}</label>
                <input type="text" id=f("role") placeholder=t("team.stakeholder_list_role_placeholder") prop:value=move || role.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(item, |s| s.role = v) }/>
            </div>
            <div class="field">
                <label for=f("interest")>{t("team.stakeholder_list_interest")}</label>
                <select id=f("interest") on:change=move |ev| {
                    if let Some(d) = Degree::from_id(&event_target_value(&ev)) { edit.update(item, |s| s.interest = d) }
                }>
                    {Degree::ALL.into_iter().map(|d| view! {
                        <option value=d.id() selected=move || interest.get() == d>{l(d.label())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=f("influence")>{t("team.stakeholder_list_influence")}</label>
                <select id=f("influence") on:change=move |ev| {
                    if let Some(d) = Degree::from_id(&event_target_value(&ev)) { edit.update(item, |s| s.influence = d) }
                }>
                    {Degree::ALL.into_iter().map(|d| view! {
                        <option value=d.id() selected=move || influence.get() == d>{l(d.label())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field wide">
                <label for=f("part")>{t("team.stakeholder_list_part")}</label>
                <input type="text" id=f("part") placeholder=t("team.stakeholder_list_part_placeholder") prop:value=move || part.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(item, |s| s.part = v) }/>
            </div>
            <button class="button small danger" aria-label=move || tf("team.stakeholder_list_remove_label", &[("name", &name.get())])
                on:click=move |_| edit.remove(item)>{t("team.stakeholder_list_remove")}</button>
        </div>
    }
}
