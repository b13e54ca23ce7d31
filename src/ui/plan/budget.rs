//! Budget section: planned spend per quarter and category against the agreed budget, as a table
//! (where budgets are entered) and a chart, the running costs outside the inventory, and the
//! initiatives that cannot be counted yet because they have no dates.
//!
//! The figures come from [`crate::domain::budget::plan`]; this page only picks the quarters
//! shown and wires the editing.

use chrono::Local;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::charts::budget as chart;
use crate::domain::budget::plan::MIN_RANGE_QUARTERS;
use crate::domain::budget::{default_range, plan, undated_initiatives, Quarter, Standing};
use crate::domain::costs::person_week_rate;
use crate::ui::common::chart_view::ChartView;
use crate::ui::i18n::{t, tf};
use crate::ui::plan::budget_table::{summary_text, BudgetTable};
use crate::ui::plan::initiative_cost::rate_sentence;
use crate::ui::plan::running_cost_list::RunningCostList;
use crate::ui::shell::assessment_frame::use_current;

/// Quarters added by one press of "Show earlier quarters" or "Show later quarters".
const STEP: usize = 4;
/// Most quarters added on either side, so the table stays readable.
const MAX_EXTRA: usize = 12;

/// True when no more quarters may be added on that side.
fn at_limit(extra: RwSignal<usize>) -> bool {
    extra.get() >= MAX_EXTRA
}

/// Adds [`STEP`] quarters on one side, up to [`MAX_EXTRA`].
fn widen(extra: RwSignal<usize>) {
    extra.update(|e| *e = (*e + STEP).min(MAX_EXTRA));
}

#[component]
pub fn BudgetSection() -> impl IntoView {
    let current = use_current();
    let id = current.id;
    let today = Local::now().date_naive();
    let earlier = RwSignal::new(0usize);
    let later = RwSignal::new(0usize);
    let range = Memo::new(move |_| {
        let (first, count) = current.assessment.with(|a| {
            a.as_ref()
                .map(|a| default_range(a, today))
                .unwrap_or((Quarter::of(today), MIN_RANGE_QUARTERS))
        });
        let before = earlier.get();
        (first.plus(-(before as i64)), count + before + later.get())
    });
    let plans = Memo::new(move |_| {
        let (first, count) = range.get();
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| plan(a, first, count))
                .unwrap_or_default()
        })
    });
    // Redrawn only when the figures change, not on every edit of the assessment.
    let svg = Memo::new(move |_| plans.with(|p| chart::render(p, 640, 320)));
    let over_summary = Memo::new(move |_| {
        plans.with(|ps| summary_text(&ps.iter().map(Standing::of).collect::<Vec<_>>()))
    });
    let range_text = move || {
        let (first, count) = range.get();
        tf(
            "plan.budget_range",
            &[
                ("count", &count.to_string()),
                ("first", &first.to_string()),
                ("last", &first.plus(count as i64 - 1).to_string()),
            ],
        )
    };
    let shifted = move || earlier.get() + later.get() != 0;
    let undated = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    undated_initiatives(a)
                        .into_iter()
                        .map(|i| {
                            let title = if i.title.trim().is_empty() {
                                t("plan.initiative_edit_untitled").to_string()
                            } else {
                                i.title.clone()
                            };
                            (i.id, title)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let basis = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    let rate = person_week_rate(a);
                    let rule = match rate {
                        Some(r) if r.paid_by_payroll() => t("money.work_paid_by_payroll"),
                        Some(_) => t("money.work_is_new_spend"),
                        None => t("money.work_no_rate"),
                    };
                    let currency = if a.profile.currency.is_empty() {
                        t("money.currency_unset").to_string()
                    } else {
                        tf("money.currency_in", &[("currency", &a.profile.currency)])
                    };
                    format!(
                        "{rule} {} {currency}",
                        rate_sentence(rate, &a.profile.currency)
                    )
                })
                .unwrap_or_default()
        })
    });
    let undated_text = t("plan.budget_undated");
    let (undated_before, undated_after) = undated_text
        .split_once("{link}")
        .unwrap_or((undated_text, ""));

    view! {
        <section aria-labelledby="budget-section-title">
            <h2 id="budget-section-title">{t("plan.budget_title")}</h2>
            <p>{t("plan.budget_intro")}</p>
            <p data-testid="budget-split">{t("money.budget_split")}" "{move || basis.get()}</p>

            <section class="subsection" aria-labelledby="budget-quarters-title">
                <h3 id="budget-quarters-title">{t("plan.budget_per_quarter")}</h3>
                <div class="inline-form">
                    <p class="small" role="status" aria-live="polite">{range_text}</p>
                    <button class="button small"
                        disabled=move || at_limit(earlier)
                        on:click=move |_| widen(earlier)>
                        {t("plan.budget_show_earlier")}
                    </button>
                    <button class="button small"
                        disabled=move || at_limit(later)
                        on:click=move |_| widen(later)>
                        {t("plan.budget_show_later")}
                    </button>
                    <Show when=shifted>
                        <button class="button small"
                            on:click=move |_| { earlier.set(0); later.set(0); }>
                            {t("plan.budget_back_to_usual")}
                        </button>
                    </Show>
                </div>
                <p>{move || over_summary.get()}</p>
                <BudgetTable plans/>
                <ChartView svg label=t("plan.budget_chart_label")/>
                <p class="small muted">{t("plan.budget_chart_note")}</p>
                <Show when=move || !undated.with(Vec::is_empty)>
                    <div class="note">
                        <p>
                            // One sentence, so each language places the link itself.
                            {undated_before}
                            <A href=format!("/a/{id}/roadmap")>{t("plan.budget_roadmap_link")}</A>
                            {undated_after}
                        </p>
                        <ul>
                            <For each=move || undated.get() key=|entry| entry.clone() let:entry>
                                <li>
                                    <A href=format!("/a/{id}/roadmap/{}", entry.0)>{entry.1.clone()}</A>
                                </li>
                            </For>
                        </ul>
                    </div>
                </Show>
            </section>

            <RunningCostList/>
        </section>
    }
}
