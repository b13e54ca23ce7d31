//! Technology inventory in four categories (hardware, software, networking, storage), with the
//! monthly running cost per category.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::context::{
    monthly_cost_by_category, Category, InventoryItem, Lifecycle, MAX_MONTHLY_COST,
};
use crate::ui::common::list_edit::ListEdit;
use crate::ui::common::numbers::{format_amount, money_input, parse_money_text};
use crate::ui::common::parsed_field::ParsedField;
use crate::ui::i18n::{l, t, tf};
use crate::ui::shell::assessment_frame::use_current;

fn list() -> ListEdit<InventoryItem> {
    ListEdit::new(|a| &a.inventory, |a| &mut a.inventory)
}

/// Reads a cost box as people type money ("$4,200", "4.2k"): blank is "unknown"; otherwise an
/// amount from 0, or "⚠ Not saved" with the reason.
pub fn parse_cost(text: &str) -> Result<Option<f64>, String> {
    parse_money_text(text, MAX_MONTHLY_COST)
}

#[component]
pub fn InventoryList() -> impl IntoView {
    let edit = list();
    let ids = edit.ids();
    let current = use_current();
    let totals = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| monthly_cost_by_category(&a.inventory))
                .unwrap_or_default()
        })
    });
    let add = move |_| {
        edit.push(InventoryItem {
            id: Uuid::new_v4(),
            category: Category::Software,
            name: String::new(),
            owner: String::new(),
            monthly_cost: None,
            lifecycle: Lifecycle::Active,
        })
    };
    view! {
        <section class="subsection" aria-labelledby="inventory-title">
            <h2 id="inventory-title">{t("team.inventory_list_title")}</h2>
            <p class="muted">{t("team.inventory_list_intro")}</p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">{t("team.inventory_list_empty")}</p>
            </Show>
            <div class="row-list">
                <For each=move || ids.get() key=|id| *id let:item>
                    <InventoryRow item/>
                </For>
            </div>
            <button class="button" on:click=add>{t("team.inventory_list_add")}</button>
            <table class="data-table compact">
                <caption>{t("team.inventory_list_totals_caption")}</caption>
                <thead><tr><th scope="col">{t("team.inventory_list_category")}</th><th scope="col">{t("team.inventory_list_per_month")}</th></tr></thead>
                <tbody>
                    {move || totals.get().into_iter().map(|(c, v)| view! {
                        <tr><th scope="row">{l(c.label())}</th><td>{format_amount(v)}</td></tr>
                    }).collect_view()}
                    <tr class="total">
                        <th scope="row">{t("team.inventory_list_total")}</th>
                        <td>{move || format_amount(totals.with(|t| t.iter().map(|x| x.1).sum()))}</td>
                    </tr>
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn InventoryRow(item: Uuid) -> impl IntoView {
    let edit = list();
    let name = edit.field(item, |s| s.name.clone());
    let owner = edit.field(item, |s| s.owner.clone());
    let category = edit.field(item, |s| s.category);
    let lifecycle = edit.field(item, |s| s.lifecycle);
    let cost = edit.field(item, |s| s.monthly_cost);
    let f = |field: &str| format!("inventory-{item}-{field}");
    view! {
        <div class="row-card">
            <div class="field">
                <label for=f("category")>{t("team.inventory_list_category")}</label>
                <select id=f("category") on:change=move |ev| {
                    if let Some(c) = Category::from_id(&event_target_value(&ev)) { edit.update(item, |s| s.category = c) }
                }>
                    {Category::ALL.into_iter().map(|c| view! {
                        <option value=c.id() selected=move || category.get() == c>{l(c.label())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=f("name")>{t("team.inventory_list_item")}</label>
                <input type="text" id=f("name") placeholder=t("team.inventory_list_item_placeholder") prop:value=move || name.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(item, |s| s.name = v) }/>
            </div>
            <div class="field">
                <label for=f("owner")>{t("team.inventory_list_owner")}</label>
                <input type="text" id=f("owner") prop:value=move || owner.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(item, |s| s.owner = v) }/>
            </div>
            <ParsedField id=f("cost") label=t("team.inventory_list_monthly_cost")
                initial=cost.get_untracked().map(money_input).unwrap_or_default()
                parse=parse_cost hint=t("team.inventory_list_cost_hint") draft_of=crate::ui::shell::assessment_frame::use_current().id
                on_ok=move |c| edit.update(item, |s| s.monthly_cost = c)/>
            <div class="field">
                <label for=f("lifecycle")>{t("team.inventory_list_status")}</label>
                <select id=f("lifecycle") on:change=move |ev| {
                    if let Some(lc) = Lifecycle::from_id(&event_target_value(&ev)) { edit.update(item, |s| s.lifecycle = lc) }
                }>
                    {Lifecycle::ALL.into_iter().map(|lc| view! {
                        <option value=lc.id() selected=move || lifecycle.get() == lc>{l(lc.label())}</option>
                    }).collect_view()}
                </select>
            </div>
            <button class="button small danger" aria-label=move || tf("team.inventory_list_remove_label", &[("name", &name.get())])
                on:click=move |_| edit.remove(item)>{t("team.inventory_list_remove")}</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn costs_parse_with_separators_and_refuse_nonsense() {
        assert_eq!(parse_cost(""), Ok(None));
        assert_eq!(parse_cost("1,200.50"), Ok(Some(1200.5)));
        assert_eq!(parse_cost(" 300 "), Ok(Some(300.0)));
        assert_eq!(parse_cost("$4,200"), Ok(Some(4200.0)));
        assert_eq!(parse_cost("4.2k"), Ok(Some(4200.0)));
        assert!(parse_cost("4,2,00").is_err());
        assert!(parse_cost("-1").is_err());
        assert!(parse_cost("abc").is_err());
        assert!(parse_cost("NaN").is_err());
        assert!(parse_cost("inf").is_err());
    }
}
