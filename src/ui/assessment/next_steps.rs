//! "Next 90 days" on the Overview: the few steps to take first (from `roadmap::short_plan`), each
//! with its effort (one-off, ongoing, the least time it takes, any outside cost), cost and owner,
//! and one button that puts the suggested ones on the roadmap.

use chrono::Local;
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use crate::domain::budget::plan::initiative_cost;
use crate::domain::costs;
use crate::domain::roadmap::short_plan::{self, Source, Step};
use crate::domain::roadmap::suggest::{self, Suggestion};
use crate::ui::common::numbers::money;
use crate::ui::i18n::{content, date, t, tf};
use crate::ui::plan::roadmap_suggestions::accept;
use crate::ui::plan::units::{effort_line, initiative_facts};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// The steps and the suggestions they index into, for one state of the assessment.
fn plan_now(
    a: &crate::domain::Assessment,
    results: &crate::domain::scoring::Results,
) -> (Vec<Step>, Vec<Suggestion>) {
    // Stable ids per suggestion so the rows keep their keys between renders.
    let mut n = 0u128;
    let suggestions = suggest::suggest(content(), a, results, || {
        n += 1;
        Uuid::from_u128(n)
    });
    let today = Local::now().date_naive();
    (
        short_plan::next_steps(a, results, &suggestions, today),
        suggestions,
    )
}

#[component]
pub fn NextSteps() -> impl IntoView {
    let current = use_current();
    let state = use_app_state();
    let id = current.id;
    let plan = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| current.results.with(|r| plan_now(a, r)))
                .unwrap_or_default()
        })
    });
    let currency = Memo::new(move |_| {
        current
            .assessment
            .with(|a| a.as_ref().map(|a| a.profile.currency.clone()))
            .unwrap_or_default()
    });
    let rate = Memo::new(move |_| {
        current
            .assessment
            .with(|a| a.as_ref().and_then(costs::person_week_rate))
    });
    let suggested = move || {
        plan.with(|(steps, _)| {
            steps
                .iter()
                .filter(|s| matches!(s.source, Source::Suggested(_)))
                .count()
        })
    };
    let add = move |_| {
        let chosen: Vec<Suggestion> = plan.with_untracked(|(steps, suggestions)| {
            steps
                .iter()
                .filter_map(|s| match s.source {
                    Source::Suggested(i) => suggestions.get(i).cloned(),
                    Source::Accepted(_) => None,
                })
                .map(|mut s| {
                    // Fresh ids: those above only keep the rows stable on screen.
                    s.initiative.id = Uuid::new_v4();
                    s.initiative.depends_on.clear();
                    s
                })
                .collect()
        });
        let n = chosen.len();
        if n > 0 {
            state.edit(id, |a| accept(a, chosen));
            state.notify(if n == 1 {
                t("next.added_one").to_string()
            } else {
                tf("next.added", &[("count", &n.to_string())])
            });
        }
    };
    // The same figure the roadmap shows for the initiative: one computation in the model.
    let cost_of = move |step: &Step| -> String {
        let cost = initiative_cost(&step.initiative, rate.get().map(|r| r.per_week));
        let text = if cost.work.is_none() && cost.total() == 0.0 {
            t("next.cost_unknown").to_string()
        } else {
            money(cost.total(), &currency.get())
        };
        // An outside cost in another currency is not in the figure: say a quote is missing.
        let facts = initiative_facts(content(), &step.initiative);
        if facts.outside.is_some() && step.initiative.one_off_cost.is_none() {
            tf("effort.cost_plus_quote", &[("cost", &text)])
        } else {
            text
        }
    };
    view! {
        <section class="subsection" aria-labelledby="next-steps-title">
            <h3 id="next-steps-title">{t("next.title")}</h3>
            <Show
                when=move || plan.with(|(steps, _)| !steps.is_empty())
                fallback=|| view! { <p class="empty">{t("next.none")}</p> }
            >
                <p class="muted">{tf("next.rule", &[("steps", &short_plan::STEPS.to_string()), ("days", &short_plan::HORIZON_DAYS.to_string())])}</p>
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{t("next.step")}</th>
                            <th scope="col">{t("next.area")}</th>
                            <th scope="col">{t("next.effort")}</th>
                            <th scope="col">{t("next.cost")}</th>
                            <th scope="col">{t("next.owner")}</th>
                            <th scope="col">{t("next.when")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || plan.with(|(steps, _)| steps.iter().map(|s| {
                            let i = &s.initiative;
                            let text = i.title.clone();
                            let title = match s.source {
                                Source::Accepted(iid) => view! { <A href=format!("/a/{id}/roadmap/{iid}")>{text}</A> }.into_any(),
                                Source::Suggested(_) => view! { <span>{text}" "<span class="badge">{t("next.suggested")}</span></span> }.into_any(),
                            };
                            let effort = effort_line(&initiative_facts(content(), i));
                            let owner = if i.owner.trim().is_empty() { t("next.no_owner").to_string() } else { i.owner.clone() };
                            let when = i.start.map(date).unwrap_or_else(|| t("next.not_dated").to_string());
                            let cost = cost_of(s);
                            view! {
                                <tr>
                                    <th scope="row">{title}</th>
                                    <td>{s.area_name.clone()}</td>
                                    <td>{effort}</td>
                                    <td>{cost}</td>
                                    <td>{owner}</td>
                                    <td>{when}</td>
                                </tr>
                            }
                        }).collect_view())}
                    </tbody>
                    <tfoot>
                        <tr data-testid="next-steps-total">
                            <th scope="row">{t("next.total")}</th>
                            <td></td>
                            {move || {
                                let (effort, cost) = plan.with(|(steps, _)| short_plan::totals(steps, rate.get().map(|r| r.per_week)));
                                view! {
                                    <td>{crate::ui::plan::units::person_weeks(effort)}</td>
                                    <td>{cost.map(|c| money(c, &currency.get())).unwrap_or_else(|| t("next.cost_unknown").to_string())}</td>
                                }
                            }}
                            <td></td>
                            <td></td>
                        </tr>
                    </tfoot>
                </table>
                <p class="muted">{move || match rate.get() {
                    Some(r) => tf("next.rate", &[("rate", &money(r.per_week, &currency.get()))]),
                    None => t("next.no_rate").to_string(),
                }}</p>
                <Show when=move || { suggested() > 0 }>
                    <button class="button primary" on:click=add>
                        {move || match suggested() {
                            1 => t("next.add_one").to_string(),
                            n => tf("next.add", &[("count", &n.to_string())]),
                        }}
                    </button>
                </Show>
            </Show>
        </section>
    }
}
