//! The Budget section's quarter table: per quarter and category the planned spend and a box for
//! the agreed budget, the totals, whether the quarter is over budget (in words), and where the
//! planned spend comes from. It is also the text alternative of the budget chart.

use leptos::prelude::*;

use crate::ui::assessment::inventory_list::parse_cost;
use crate::ui::common::numbers::{format_amount, money_input};
use crate::ui::i18n::{l, t, tf};

/// Planned spend is pro rata by day, so cents are noise at this scale: whole units read better.
fn whole(v: f64) -> String {
    format_amount(v.round())
}
use crate::domain::budget::{BudgetCategory, Quarter, QuarterPlan, Source};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// "Over budget by 1,500 (People by 500, Partner by 1,000)"; `None` when within budget.
pub fn over_text(p: &QuarterPlan) -> Option<String> {
    let total = p.over_total()?;
    let parts: Vec<String> = p
        .over_categories()
        .into_iter()
        .map(|(c, v)| {
            tf(
                "plan.budget_table_over_part",
                &[("category", l(c.label())), ("amount", &whole(v))],
            )
        })
        .collect();
    Some(tf(
        "plan.budget_table_over",
        &[
            ("total", &whole(total)),
            ("parts", &parts.join(t("plan.budget_table_list_separator"))),
        ],
    ))
}

/// Where a quarter's planned spend comes from, running costs apart from the plan's new spend,
/// e.g. "Running costs 31,500: Existing payroll 30,000 · Running costs 1,500".
pub fn sources_text(p: &QuarterPlan) -> String {
    let group = |new: bool, key: &str| {
        let sources: Vec<(Source, f64)> = Source::ALL
            .into_iter()
            .filter(|s| s.is_new_spend() == new)
            .map(|s| (s, p.source_total(s)))
            .filter(|(_, v)| *v >= 0.005)
            .collect();
        (!sources.is_empty()).then(|| {
            let total: f64 = sources.iter().map(|(_, v)| v).sum();
            let parts: Vec<String> = sources
                .iter()
                .map(|(s, v)| format!("{} {}", t(s.key()), whole(*v)))
                .collect();
            tf(
                key,
                &[("total", &whole(total)), ("parts", &parts.join(" · "))],
            )
        })
    };
    let groups: Vec<String> = [
        group(false, "money.sources_running"),
        group(true, "money.sources_new"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if groups.is_empty() {
        t("plan.budget_table_nothing_planned").to_string()
    } else {
        groups.join(t("money.sources_separator"))
    }
}

#[component]
pub fn BudgetTable(#[prop(into)] plans: Signal<Vec<QuarterPlan>>) -> impl IntoView {
    let quarters =
        Memo::new(move |_| plans.with(|ps| ps.iter().map(|p| p.quarter).collect::<Vec<Quarter>>()));
    view! {
        <div class="table-scroll">
            <table class="data-table budget-table">
                <caption>{t("plan.budget_table_caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("plan.budget_table_quarter")}</th>
                        {BudgetCategory::ALL
                            .into_iter()
                            .map(|c| view! { <th scope="col">{l(c.label())}</th> })
                            .collect_view()}
                        <th scope="col">{t("plan.budget_table_total")}</th>
                        <th scope="col">{t("plan.budget_table_over_col")}</th>
                        <th scope="col">{t("plan.budget_table_sources_col")}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || quarters.get() key=|q| *q let:quarter>
                        <QuarterRow quarter plans/>
                    </For>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn QuarterRow(quarter: Quarter, plans: Signal<Vec<QuarterPlan>>) -> impl IntoView {
    // Only this quarter's figures: other quarters changing leave this row alone.
    let row = Memo::new(move |_| {
        plans.with(|ps| {
            ps.iter()
                .find(|p| p.quarter == quarter)
                .cloned()
                .unwrap_or_else(|| QuarterPlan::new(quarter))
        })
    });
    let total = move || {
        row.with(|p| {
            let planned = whole(p.planned_total());
            match p.budget_total() {
                Some(b) => tf(
                    "plan.budget_table_total_with_budget",
                    &[("planned", &planned), ("budget", &whole(b))],
                ),
                None => tf(
                    "plan.budget_table_total_no_budget",
                    &[("planned", &planned)],
                ),
            }
        })
    };
    let status = move || {
        row.with(|p| match over_text(p) {
            Some(text) => view! {
                <span aria-hidden="true">"⚠ "</span>
                <strong class="over-budget">{text}</strong>
            }
            .into_any(),
            None if p.budget_total().is_some() => {
                view! { <span>{t("plan.budget_table_within")}</span> }.into_any()
            }
            None => {
                view! { <span class="muted">{t("plan.budget_table_no_budget_to_compare")}</span> }
                    .into_any()
            }
        })
    };
    view! {
        <tr>
            <th scope="row">{quarter.to_string()}</th>
            {BudgetCategory::ALL
                .into_iter()
                .map(|category| view! { <td><BudgetCell quarter category row/></td> })
                .collect_view()}
            <td>{total}</td>
            <td>{status}</td>
            <td class="small">{move || row.with(sources_text)}</td>
        </tr>
    }
}

/// One category in one quarter: the planned amount and the box for the agreed budget.
#[component]
fn BudgetCell(quarter: Quarter, category: BudgetCategory, row: Memo<QuarterPlan>) -> impl IntoView {
    let current = use_current();
    let state = use_app_state();
    let i = category.index();
    let planned = move || row.with(|p| whole(p.planned[i]));
    let over = move || row.with(|p| p.over(category));
    let text = RwSignal::new(
        row.with_untracked(|p| p.budget[i])
            .map(money_input)
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<String>);
    let input_id = format!("budget-{quarter}-{}", category.id());
    let hint_id = format!("{input_id}-hint");
    let label = tf(
        "plan.budget_table_cell_label",
        &[
            ("category", l(category.label())),
            ("quarter", &quarter.to_string()),
        ],
    );
    view! {
        <div class="budget-cell">
            <p class="small">
                {move || tf("plan.budget_table_cell_planned", &[("amount", &planned())])}
                {move || over().map(|v| format!(" {}", tf("plan.budget_table_cell_over", &[("amount", &whole(v))])))}
            </p>
            <input
                type="text"
                inputmode="decimal"
                id=input_id
                aria-label=label
                aria-describedby=hint_id.clone()
                aria-invalid=move || error.with(Option::is_some).to_string()
                placeholder=t("plan.budget_table_cell_placeholder")
                prop:value=move || text.get()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    text.set(v.clone());
                    match parse_cost(&v) {
                        Ok(amount) => {
                            error.set(None);
                            state.edit(current.id, |a| a.budget.set_amount(quarter, category, amount));
                        }
                        Err(e) => error.set(Some(e)),
                    }
                }
            />
            <p class="hint" id=hint_id>
                {move || error.get().unwrap_or_else(|| t("plan.budget_table_cell_hint").to_string())}
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quarter_plan() -> QuarterPlan {
        let mut p = QuarterPlan::new(Quarter { year: 2026, q: 3 });
        p.planned = [1500.0, 200.0, 0.0, 3000.0];
        p.sources[Source::Team.index()][0] = 1500.0;
        p.sources[Source::Inventory.index()][1] = 200.0;
        p.sources[Source::RunningCosts.index()][3] = 3000.0;
        p
    }

    #[test]
    fn over_text_names_each_category_over() {
        let mut p = quarter_plan();
        assert_eq!(over_text(&p), None);
        p.budget = [Some(1000.0), Some(500.0), None, Some(2000.0)];
        assert_eq!(
            over_text(&p).as_deref(),
            Some("Over budget by 1,500 (People by 500, Partner by 1,000)")
        );
    }

    #[test]
    fn sources_text_lists_what_contributes() {
        assert_eq!(
            sources_text(&quarter_plan()),
            "Running costs 4,700: existing payroll 1,500 · technology inventory 200 · running costs 3,000"
        );
        let mut p = quarter_plan();
        p.sources[Source::TeamChanges.index()][0] = 800.0;
        p.sources[Source::Initiatives.index()][1] = 200.0;
        assert_eq!(
            sources_text(&p),
            "Running costs 4,700: existing payroll 1,500 · technology inventory 200 · running costs 3,000; \
             new spend 1,000: initiatives' one-off and monthly costs 200 · planned hires, contractors and training 800"
        );
        assert_eq!(
            sources_text(&QuarterPlan::new(Quarter { year: 2026, q: 1 })),
            "Nothing planned"
        );
    }
}
