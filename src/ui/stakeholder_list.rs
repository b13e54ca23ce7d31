//! Stakeholders: who has a say in technology decisions, how much they care and how much they
//! can change.

use leptos::prelude::*;
use uuid::Uuid;

use super::list_edit::ListEdit;
use crate::domain::context::{Degree, Stakeholder};

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
            <h2 id="stakeholders-title">"Stakeholders"</h2>
            <p class="muted">
                "Executives, board, investors, customers, suppliers, employees: who shapes or is "
                "affected by technology decisions, and what their part is."
            </p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">"No stakeholders yet. Add the people whose views shape your technology choices."</p>
            </Show>
            <div class="row-list">
                <For each=move || ids.get() key=|id| *id let:item>
                    <StakeholderRow item/>
                </For>
            </div>
            <button class="button" on:click=add>"Add stakeholder"</button>
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
                <label for=f("name")>"Name"</label>
                <input type="text" id=f("name") prop:value=move || name.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(item, |s| s.name = v) }/>
            </div>
            <div class="field">
                <label for=f("role")>"Role"</label>
                <input type="text" id=f("role") placeholder="e.g. Board member, lead investor" prop:value=move || role.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(item, |s| s.role = v) }/>
            </div>
            <div class="field">
                <label for=f("interest")>"Interest"</label>
                <select id=f("interest") on:change=move |ev| {
                    if let Some(d) = Degree::from_id(&event_target_value(&ev)) { edit.update(item, |s| s.interest = d) }
                }>
                    {Degree::ALL.into_iter().map(|d| view! {
                        <option value=d.id() selected=move || interest.get() == d>{d.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=f("influence")>"Influence"</label>
                <select id=f("influence") on:change=move |ev| {
                    if let Some(d) = Degree::from_id(&event_target_value(&ev)) { edit.update(item, |s| s.influence = d) }
                }>
                    {Degree::ALL.into_iter().map(|d| view! {
                        <option value=d.id() selected=move || influence.get() == d>{d.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field wide">
                <label for=f("part")>"Part in technology decisions"</label>
                <input type="text" id=f("part") placeholder="e.g. approves the yearly budget" prop:value=move || part.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(item, |s| s.part = v) }/>
            </div>
            <button class="button small danger" aria-label=move || format!("Remove stakeholder {}", name.get())
                on:click=move |_| edit.remove(item)>"Remove"</button>
        </div>
    }
}
