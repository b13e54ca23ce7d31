//! The Budget section's running costs: amounts paid every month that are not in the technology
//! inventory (a partner's retainer, a fractional CTO), each with a category, a first and an
//! optional last day paid.

use chrono::{Datelike, Local, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use crate::domain::budget::{BudgetCategory, RunningCost};
use crate::ui::assessment::inventory_list::parse_cost;
use crate::ui::common::list_edit::{Keyed, ListEdit};
use crate::ui::common::numbers::{format_amount, money_input};
use crate::ui::i18n::{l, t, tf};
use crate::ui::shell::assessment_frame::use_current;

impl Keyed for RunningCost {
    fn key(&self) -> Uuid {
        self.id
    }
}

fn list() -> ListEdit<RunningCost> {
    ListEdit::new(|a| &a.budget.running_costs, |a| &mut a.budget.running_costs)
}

/// Reads a date box (`<input type="date">` gives "2026-07-01"); blank is `None`.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| t("plan.running_cost_list_bad_date").to_string())
}

/// Checks a running cost's first and last day paid: the start is required and the end, when
/// given, is not before it.
pub fn check_dates(
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> Result<(NaiveDate, Option<NaiveDate>), String> {
    let start = start.ok_or_else(|| t("plan.running_cost_list_no_start").to_string())?;
    match end {
        Some(end) if end < start => Err(t("plan.running_cost_list_end_before_start").to_string()),
        _ => Ok((start, end)),
    }
}

/// Reads a monthly amount: required, from 0.
pub fn parse_monthly(text: &str) -> Result<f64, String> {
    match parse_cost(text)? {
        Some(v) => Ok(v),
        None => Err(t("plan.running_cost_list_no_amount").to_string()),
    }
}

#[component]
pub fn RunningCostList() -> impl IntoView {
    let edit = list();
    let ids = edit.ids();
    let id = use_current().id;
    let intro = t("plan.running_cost_list_intro");
    let (intro_before, intro_after) = intro.split_once("{link}").unwrap_or((intro, ""));
    let add = move |_| {
        let today = Local::now().date_naive();
        edit.push(RunningCost {
            id: Uuid::new_v4(),
            name: String::new(),
            category: BudgetCategory::Partner,
            monthly: 0.0,
            // From the start of this month: retainers are usually paid by calendar month.
            start: today.with_day(1).unwrap_or(today),
            end: None,
        })
    };
    view! {
        <section class="subsection" aria-labelledby="running-costs-title">
            <h3 id="running-costs-title">{t("plan.running_cost_list_title")}</h3>
            <p class="muted">
                // One sentence, so each language places the link itself.
                {intro_before}
                <A href=format!("/a/{id}/profile")>{t("plan.running_cost_list_inventory_link")}</A>
                {intro_after}
            </p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">{t("plan.running_cost_list_empty")}</p>
            </Show>
            <div class="row-list">
                <For each=move || ids.get() key=|id| *id let:item>
                    <RunningCostRow item/>
                </For>
            </div>
            <button class="button" on:click=add>{t("plan.running_cost_list_add")}</button>
        </section>
    }
}

#[component]
fn RunningCostRow(item: Uuid) -> impl IntoView {
    let edit = list();
    let name = edit.field(item, |r| r.name.clone());
    let category = edit.field(item, |r| r.category);
    let monthly = edit.field(item, |r| r.monthly);
    let start = edit.field(item, |r| r.start);
    let end = edit.field(item, |r| r.end);

    let monthly_text = RwSignal::new(money_input(monthly.get_untracked()));
    let monthly_error = RwSignal::new(None::<String>);
    let start_text = RwSignal::new(start.get_untracked().format("%Y-%m-%d").to_string());
    let end_text = RwSignal::new(
        end.get_untracked()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    );
    let dates_error = RwSignal::new(None::<String>);
    // Both date boxes are read together so a start moved past the end is caught as well.
    let save_dates = move || {
        let checked = parse_date(&start_text.get_untracked())
            .and_then(|s| parse_date(&end_text.get_untracked()).and_then(|e| check_dates(s, e)));
        match checked {
            Ok((s, e)) => {
                dates_error.set(None);
                edit.update(item, |r| {
                    r.start = s;
                    r.end = e;
                });
            }
            Err(e) => dates_error.set(Some(e)),
        }
    };
    let f = |field: &str| format!("running-cost-{item}-{field}");
    let dates_hint = move || {
        dates_error
            .get()
            .unwrap_or_else(|| t("plan.running_cost_list_dates_hint").to_string())
    };
    view! {
        <div class="row-card">
            <div class="field">
                <label for=f("name")>{t("plan.running_cost_list_name")}</label>
                <input type="text" id=f("name") placeholder=t("plan.running_cost_list_name_placeholder")
                    prop:value=move || name.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(item, |r| r.name = v) }/>
            </div>
            <div class="field">
                <label for=f("category")>{t("plan.running_cost_list_category")}</label>
                <select id=f("category") on:change=move |ev| {
                    if let Some(c) = BudgetCategory::from_id(&event_target_value(&ev)) { edit.update(item, |r| r.category = c) }
                }>
                    {BudgetCategory::ALL.into_iter().map(|c| view! {
                        <option value=c.id() selected=move || category.get() == c>{l(c.label())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=f("monthly")>{t("plan.running_cost_list_monthly")}</label>
                <input type="text" inputmode="decimal" id=f("monthly")
                    aria-invalid=move || monthly_error.with(Option::is_some).to_string()
                    aria-describedby=f("monthly-hint")
                    prop:value=move || monthly_text.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        monthly_text.set(v.clone());
                        match parse_monthly(&v) {
                            Ok(m) => { monthly_error.set(None); edit.update(item, |r| r.monthly = m) }
                            Err(e) => monthly_error.set(Some(e)),
                        }
                    }/>
                <p class="hint" id=f("monthly-hint")>
                    {move || monthly_error.get().unwrap_or_else(|| tf("plan.running_cost_list_per_year", &[("amount", &format_amount(monthly.get() * 12.0))]))}
                </p>
            </div>
            <div class="field">
                <label for=f("start")>{t("plan.running_cost_list_start")}</label>
                <input type="date" id=f("start")
                    aria-invalid=move || dates_error.with(Option::is_some).to_string()
                    aria-describedby=f("dates-hint")
                    prop:value=move || start_text.get()
                    on:input=move |ev| { start_text.set(event_target_value(&ev)); save_dates() }/>
            </div>
            <div class="field">
                <label for=f("end")>{t("plan.running_cost_list_end")}</label>
                <input type="date" id=f("end")
                    aria-invalid=move || dates_error.with(Option::is_some).to_string()
                    aria-describedby=f("dates-hint")
                    prop:value=move || end_text.get()
                    on:input=move |ev| { end_text.set(event_target_value(&ev)); save_dates() }/>
                <p class="hint" id=f("dates-hint")>{dates_hint}</p>
            </div>
            <button class="button small danger" aria-label=move || tf("plan.running_cost_list_remove_label", &[("name", &name.get())])
                on:click=move |_| edit.remove(item)>{t("plan.running_cost_list_remove")}</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn dates_parse_or_say_why() {
        assert_eq!(parse_date(""), Ok(None));
        assert_eq!(parse_date(" 2026-07-01 "), Ok(Some(date("2026-07-01"))));
        assert!(parse_date("2026-02-30")
            .unwrap_err()
            .starts_with("⚠ Not saved"));
        assert!(parse_date("July").is_err());
    }

    #[test]
    fn start_is_required_and_end_not_before_it() {
        let (s, e) = (date("2026-07-01"), date("2026-09-30"));
        assert_eq!(check_dates(Some(s), None), Ok((s, None)));
        assert_eq!(check_dates(Some(s), Some(e)), Ok((s, Some(e))));
        assert_eq!(check_dates(Some(s), Some(s)), Ok((s, Some(s))));
        assert!(check_dates(Some(e), Some(s))
            .unwrap_err()
            .contains("before"));
        assert!(check_dates(None, Some(e))
            .unwrap_err()
            .contains("first day"));
    }

    #[test]
    fn monthly_amount_is_required() {
        assert_eq!(parse_monthly("1,500"), Ok(1500.0));
        assert_eq!(parse_monthly("0"), Ok(0.0));
        assert!(parse_monthly("").is_err());
        assert!(parse_monthly("-5").is_err());
    }
}
