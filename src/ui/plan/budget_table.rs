//! The Budget section's quarter table: per quarter and category the planned spend and a box for
//! the agreed budget, the totals, whether the quarter is over budget (in words), and where the
//! planned spend comes from. It is also the text alternative of the budget chart.

use leptos::prelude::*;

use crate::domain::budget::{
    whole_parts, BudgetCategory, Quarter, QuarterPlan, Source, Standing, Verdict,
};
use crate::ui::assessment::inventory_list::parse_cost;
use crate::ui::common::numbers::{money, money_input};
use crate::ui::i18n::{l, t, tf, tn};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// The assessment's currency ("" when none is set), tracked so amounts follow a change of it.
pub fn use_currency() -> Memo<String> {
    let current = use_current();
    Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| a.profile.currency.clone())
                .unwrap_or_default()
        })
    })
}

/// A whole-unit figure of a [`Standing`] in the assessment's currency: "€25,668". Every budget
/// amount the Budget page, its summary and the report show goes through here.
pub fn amount(v: i64, currency: &str) -> String {
    money(v as f64, currency)
}

/// "Infrastructure over by €25,668", or for several "People over by €40,000, Infrastructure
/// over by €19,546 (€59,546 together)".
fn parts_text(over: &[(BudgetCategory, i64)], over_sum: i64, currency: &str) -> String {
    let parts: Vec<String> = over
        .iter()
        .map(|(c, v)| {
            tf(
                "numbers.budget_category_over",
                &[
                    ("category", l(c.label())),
                    ("amount", &amount(*v, currency)),
                ],
            )
        })
        .collect();
    let parts = parts.join(t("plan.budget_table_list_separator"));
    if over.len() > 1 {
        tf(
            "numbers.budget_parts_together",
            &[("parts", &parts), ("sum", &amount(over_sum, currency))],
        )
    } else {
        parts
    }
}

/// A quarter against its budget in words, naming each category that overran and the quarter
/// as a whole apart: "Infrastructure over by €25,668; the quarter as a whole is €44,592 under".
/// `None` when nothing is over budget (see [`within_text`]).
pub fn over_text(s: &Standing, currency: &str) -> Option<String> {
    match s.verdict() {
        Verdict::CategoriesOver {
            over,
            over_sum,
            whole,
        } => {
            let parts = parts_text(&over, over_sum, currency);
            Some(match whole.signum() {
                -1 => tf(
                    "numbers.budget_whole_under",
                    &[("parts", &parts), ("amount", &amount(-whole, currency))],
                ),
                0 => tf("numbers.budget_whole_on", &[("parts", &parts)]),
                _ => tf(
                    "numbers.budget_whole_over",
                    &[("parts", &parts), ("amount", &amount(whole, currency))],
                ),
            })
        }
        Verdict::WholeOver { over } => Some(tf(
            "numbers.budget_unbudgeted_over",
            &[("amount", &amount(over, currency))],
        )),
        Verdict::Within { .. } | Verdict::NoBudget => None,
    }
}

/// "✓ Within budget, €44,592 under" or "✓ Exactly on budget"; `None` when something is over or
/// there is no budget to compare.
pub fn within_text(s: &Standing, currency: &str) -> Option<String> {
    match s.verdict() {
        Verdict::Within { under: 0 } => Some(t("numbers.budget_within_on").to_string()),
        Verdict::Within { under } => Some(tf(
            "numbers.budget_within_under",
            &[("amount", &amount(under, currency))],
        )),
        _ => None,
    }
}

/// The quarter's total: "planned €357,408, budget €402,000".
pub fn total_text(s: &Standing, currency: &str) -> String {
    let planned = amount(s.planned_total(), currency);
    match s.budget_total() {
        Some(b) => tf(
            "plan.budget_table_total_with_budget",
            &[("planned", &planned), ("budget", &amount(b, currency))],
        ),
        None => tf(
            "plan.budget_table_total_no_budget",
            &[("planned", &planned)],
        ),
    }
}

/// The Budget page's summary over the quarters shown: which are over budget and how, e.g.
/// "⚠ 2 quarters have spend over budget: 2027-Q1 (over as a whole), 2027-Q2 (Infrastructure
/// only; under as a whole)."
pub fn summary_text(standings: &[Standing]) -> String {
    let flagged: Vec<String> = standings
        .iter()
        .filter_map(|s| match s.verdict() {
            v if v.whole_over() => Some(tf(
                "numbers.budget_summary_whole",
                &[("quarter", &s.quarter.to_string())],
            )),
            Verdict::CategoriesOver { over, .. } => {
                let names: Vec<&str> = over.iter().map(|(c, _)| l(c.label())).collect();
                Some(tf(
                    "numbers.budget_summary_parts",
                    &[
                        ("quarter", &s.quarter.to_string()),
                        (
                            "categories",
                            &names.join(t("plan.budget_table_list_separator")),
                        ),
                    ],
                ))
            }
            _ => None,
        })
        .collect();
    if flagged.is_empty() {
        t("plan.budget_none_over").to_string()
    } else {
        tn(
            "numbers.budget_summary",
            flagged.len(),
            &[(
                "quarters",
                &flagged.join(t("plan.budget_table_list_separator")),
            )],
        )
    }
}

/// Where a quarter's planned spend comes from, running costs apart from the plan's new spend,
/// e.g. "Running costs 31,500: Existing payroll 30,000 · Running costs 1,500".
pub fn sources_text(p: &QuarterPlan, currency: &str) -> String {
    // Whole units that add up to the quarter's total as the table shows it.
    let present: Vec<(Source, f64)> = Source::ALL
        .into_iter()
        .map(|s| (s, p.source_total(s)))
        .filter(|(_, v)| *v >= 0.005)
        .collect();
    let values: Vec<f64> = present.iter().map(|(_, v)| *v).collect();
    let wholes = whole_parts(&values, Standing::of(p).planned_total());
    let group = |new: bool, key: &str| {
        let sources: Vec<(Source, i64)> = present
            .iter()
            .zip(&wholes)
            .filter(|((s, _), _)| s.is_new_spend() == new)
            .map(|((s, _), w)| (*s, *w))
            .collect();
        (!sources.is_empty()).then(|| {
            let total: i64 = sources.iter().map(|(_, v)| v).sum();
            let parts: Vec<String> = sources
                .iter()
                .map(|(s, v)| format!("{} {}", t(s.key()), money(*v as f64, currency)))
                .collect();
            tf(
                key,
                &[
                    ("total", &money(total as f64, currency)),
                    ("parts", &parts.join(" · ")),
                ],
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
    let standing = Memo::new(move |_| row.with(Standing::of));
    let currency = use_currency();
    let total = move || standing.with(|s| total_text(s, &currency.get()));
    let status = move || {
        standing.with(|s| {
            let currency = currency.get();
            match (over_text(s, &currency), within_text(s, &currency)) {
                (Some(text), _) => view! {
                    <span aria-hidden="true">"⚠ "</span>
                    <strong class="over-budget">{text}</strong>
                }
                .into_any(),
                (None, Some(text)) => view! { <span>{text}</span> }.into_any(),
                (None, None) => view! {
                    <span class="muted">{t("plan.budget_table_no_budget_to_compare")}</span>
                }
                .into_any(),
            }
        })
    };
    view! {
        <tr>
            <th scope="row">{quarter.to_string()}</th>
            {BudgetCategory::ALL
                .into_iter()
                .map(|category| view! { <td><BudgetCell quarter category row standing/></td> })
                .collect_view()}
            <td>{total}</td>
            <td>{status}</td>
            <td class="small">{move || row.with(|p| sources_text(p, &currency.get()))}</td>
        </tr>
    }
}

/// One category in one quarter: the planned amount and the box for the agreed budget.
#[component]
fn BudgetCell(
    quarter: Quarter,
    category: BudgetCategory,
    row: Memo<QuarterPlan>,
    standing: Memo<Standing>,
) -> impl IntoView {
    let current = use_current();
    let state = use_app_state();
    let currency = use_currency();
    let i = category.index();
    let planned = move || standing.with(|s| amount(s.planned(category), &currency.get()));
    let over = move || standing.with(|s| s.over(category));
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
                {move || over().map(|v| format!(" {}", tf("plan.budget_table_cell_over", &[("amount", &amount(v, &currency.get()))])))}
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
    fn over_text_names_each_category_and_the_quarter_as_a_whole() {
        let mut p = quarter_plan();
        let s = Standing::of(&p);
        assert_eq!(over_text(&s, "USD"), None);
        assert_eq!(within_text(&s, "USD"), None);
        // One category over while the quarter as a whole is under: both named.
        p.planned = [250_000.0, 40_000.0, 55_668.0, 11_740.0];
        p.budget = [
            Some(300_000.0),
            Some(50_000.0),
            Some(30_000.0),
            Some(22_000.0),
        ];
        let s = Standing::of(&p);
        assert_eq!(
            over_text(&s, "USD").as_deref(),
            Some("Infrastructure over by $25,668; the quarter as a whole is $44,592 under")
        );
        assert_eq!(total_text(&s, "USD"), "planned $357,408, budget $402,000");
        // Two categories over: their sum and the quarter's overrun are different figures.
        p.planned = [140_000.0, 10_000.0, 39_546.0, 0.0];
        p.budget = [
            Some(100_000.0),
            Some(30_000.0),
            Some(20_000.0),
            Some(19_160.0),
        ];
        let s = Standing::of(&p);
        assert_eq!(
            over_text(&s, "").as_deref(),
            Some(
                "People over by 40,000, Infrastructure over by 19,546 (59,546 together); \
                 the quarter as a whole is 20,386 over"
            )
        );
        p.planned = [100.0, 0.0, 0.0, 0.0];
        p.budget = [Some(300.0), None, None, None];
        assert_eq!(
            within_text(&Standing::of(&p), "EUR").as_deref(),
            Some("✓ Within budget, €200 under")
        );
    }

    #[test]
    fn summary_names_how_each_quarter_is_over() {
        let mut q1 = QuarterPlan::new(Quarter { year: 2027, q: 1 });
        q1.planned = [200.0, 0.0, 0.0, 0.0];
        q1.budget = [Some(100.0), None, None, None];
        let mut q2 = QuarterPlan::new(Quarter { year: 2027, q: 2 });
        q2.planned = [50.0, 0.0, 150.0, 0.0];
        q2.budget = [Some(100.0), None, Some(100.0), None];
        let mut q3 = QuarterPlan::new(Quarter { year: 2027, q: 3 });
        q3.budget = [Some(100.0), None, None, None];
        let s =
            |ps: &[&QuarterPlan]| -> Vec<Standing> { ps.iter().map(|p| Standing::of(p)).collect() };
        assert_eq!(
            summary_text(&s(&[&q1, &q2, &q3])),
            "⚠ 2 quarters have spend over budget: 2027-Q1 (over as a whole), \
             2027-Q2 (Infrastructure only; within budget as a whole)."
        );
        assert_eq!(
            summary_text(&s(&[&q1])),
            "⚠ 1 quarter has spend over budget: 2027-Q1 (over as a whole)."
        );
        assert_eq!(summary_text(&s(&[&q3])), "No quarter shown is over budget.");
    }

    #[test]
    fn sources_text_lists_what_contributes() {
        assert_eq!(
            sources_text(&quarter_plan(), ""),
            "Running costs 4,700: existing payroll 1,500 · technology inventory 200 · running costs 3,000"
        );
        let mut p = quarter_plan();
        p.sources[Source::TeamChanges.index()][0] = 800.0;
        p.sources[Source::Initiatives.index()][1] = 200.0;
        // Sources break down the planned spend: the plan's categories grow with them.
        p.planned[0] += 800.0;
        p.planned[1] += 200.0;
        assert_eq!(
            sources_text(&p, ""),
            "Running costs 4,700: existing payroll 1,500 · technology inventory 200 · running costs 3,000; \
             new spend 1,000: initiatives' one-off and monthly costs 200 · planned hires, contractors and training 800"
        );
        assert_eq!(
            sources_text(&QuarterPlan::new(Quarter { year: 2026, q: 1 }), "USD"),
            "Nothing planned"
        );
    }
}
