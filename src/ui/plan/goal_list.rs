//! Business goals as objectives with key results, each with its SMART check: five marks, each
//! with the reason, so the founder sees what to fix.

use chrono::{Local, NaiveDate};
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::kpi::smart::{self, Smart};
use crate::domain::kpi::{Goal, KeyResult};
use crate::ui::common::list_edit::{Keyed, ListEdit};
use crate::ui::i18n::{content, t, tf};
use crate::ui::shell::assessment_frame::use_current;

impl Keyed for Goal {
    fn key(&self) -> Uuid {
        self.id
    }
}

fn goals() -> ListEdit<Goal> {
    ListEdit::new(|a| &a.goals, |a| &mut a.goals)
}

#[component]
pub fn SmartMarks(#[prop(into)] smart: Signal<Smart>) -> impl IntoView {
    let row = move |letter: &'static str,
                    name: &'static str,
                    pick: fn(&Smart) -> crate::domain::kpi::smart::Mark| {
        let mark = Memo::new(move |_| smart.with(pick));
        view! {
            <li class:ok=move || mark.with(|m| m.ok)>
                <span class="smart-letter" aria-hidden="true">{letter}</span>
                <span>
                    {move || if mark.with(|m| m.ok) { "✓ " } else { "✗ " }}
                    <strong>{name}</strong>": " {move || mark.with(|m| m.reason.clone())}
                </span>
            </li>
        }
    };
    view! {
        <ul class="smart" aria-label=move || tf("plan.goal_list_smart_label", &[("score", &smart.with(Smart::score).to_string())])>
            {row("S", t("plan.goal_list_specific"), |s| s.specific.clone())}
            {row("M", t("plan.goal_list_measurable"), |s| s.measurable.clone())}
            {row("A", t("plan.goal_list_achievable"), |s| s.achievable.clone())}
            {row("R", t("plan.goal_list_relevant"), |s| s.relevant.clone())}
            {row("T", t("plan.goal_list_time_bound"), |s| s.time_bound.clone())}
        </ul>
    }
}

#[component]
pub fn GoalList() -> impl IntoView {
    let edit = goals();
    let ids = edit.ids();
    let add = move |_| {
        edit.push(Goal {
            id: Uuid::new_v4(),
            objective: String::new(),
            description: String::new(),
            area: None,
            business_goal: true,
            target_date: None,
            key_results: Vec::new(),
        })
    };
    view! {
        <section class="subsection" aria-labelledby="goals-title">
            <h3 id="goals-title">{t("plan.goal_list_title")}</h3>
            <p class="muted">{t("plan.goal_list_intro")}</p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">{t("plan.goal_list_empty")}</p>
            </Show>
            <For each=move || ids.get() key=|id| *id let:gid>
                <GoalCard gid/>
            </For>
            <button class="button" on:click=add>{t("plan.goal_list_add")}</button>
        </section>
    }
}

#[component]
fn GoalCard(gid: Uuid) -> impl IntoView {
    let edit = goals();
    let current = use_current();
    let goal = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .and_then(|a| a.goals.iter().find(|g| g.id == gid).cloned())
        })
    });
    let kpi_names = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.kpis
                        .iter()
                        .map(|k| (k.id, k.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let smart = Signal::derive(move || {
        let today = Local::now().date_naive();
        current
            .assessment
            .with(|a| {
                a.as_ref().and_then(|a| {
                    a.goals
                        .iter()
                        .find(|g| g.id == gid)
                        .map(|g| smart::check_goal(g, &a.kpis, today))
                })
            })
            .unwrap_or_else(|| smart::check_goal(&empty_goal(gid), &[], Local::now().date_naive()))
    });
    let f = |field: &str| format!("goal-{gid}-{field}");
    let text = move |get: fn(&Goal) -> String| {
        move || goal.with(|g| g.as_ref().map(get).unwrap_or_default())
    };
    let add_kr = move |_| {
        edit.update(gid, |g| {
            g.key_results.push(KeyResult {
                id: Uuid::new_v4(),
                text: String::new(),
                kpi: None,
            })
        })
    };
    let kr_ids = Memo::new(move |_| {
        goal.with(|g| {
            g.as_ref()
                .map(|g| g.key_results.iter().map(|k| k.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <article class="goal row-card">
            <div class="field wide">
                <label for=f("objective")>{t("plan.goal_list_objective")}</label>
                <input type="text" id=f("objective") placeholder=t("plan.goal_list_objective_placeholder")
                    prop:value=text(|g| g.objective.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(gid, |g| g.objective = v) }/>
            </div>
            <div class="field">
                <label for=f("area")>{t("plan.goal_list_area")}</label>
                <select id=f("area") on:change=move |ev| {
                    let v = event_target_value(&ev);
                    edit.update(gid, |g| g.area = (!v.is_empty()).then_some(v));
                }>
                    <option value="" selected=move || goal.with(|g| g.as_ref().and_then(|g| g.area.clone()).is_none())>{t("plan.goal_list_no_area")}</option>
                    {content().areas.iter().map(|a| {
                        let aid = a.id.clone();
                        let aid2 = a.id.clone();
                        view! { <option value=aid selected=move || goal.with(|g| g.as_ref().and_then(|g| g.area.clone()) == Some(aid2.clone()))>{a.name.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=f("date")>{t("plan.goal_list_target_date")}</label>
                <input type="date" id=f("date")
                    prop:value=move || goal.with(|g| g.as_ref().and_then(|g| g.target_date).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if v.is_empty() {
                            edit.update(gid, |g| g.target_date = None);
                        } else if let Ok(d) = NaiveDate::parse_from_str(&v, "%Y-%m-%d") {
                            edit.update(gid, |g| g.target_date = Some(d));
                        }
                    }/>
            </div>
            <div class="field">
                <label class="checkbox">
                    <input type="checkbox" prop:checked=move || goal.with(|g| g.as_ref().map(|g| g.business_goal).unwrap_or(false))
                        on:change=move |ev| { let on = event_target_checked(&ev); edit.update(gid, |g| g.business_goal = on) }/>
                    " " {t("plan.goal_list_business_goal")}
                </label>
            </div>
            <div class="wide">
                <SmartMarks smart=smart/>
            </div>
            <div class="wide">
                <p class="field-title">{t("plan.goal_list_key_results")}</p>
                <For each=move || kr_ids.get() key=|id| *id let:krid>
                    {
                        let kr = Memo::new(move |_| goal.with(|g| g.as_ref().and_then(|g| g.key_results.iter().find(|k| k.id == krid).cloned())));
                        let kr_smart = Signal::derive(move || {
                            let today = Local::now().date_naive();
                            current.assessment.with(|a| a.as_ref().and_then(|a| {
                                let g = a.goals.iter().find(|g| g.id == gid)?;
                                let k = g.key_results.iter().find(|k| k.id == krid)?;
                                let kpi = k.kpi.and_then(|id| a.kpis.iter().find(|x| x.id == id));
                                Some(smart::check_key_result(g, k, kpi, today))
                            }))
                            .unwrap_or_else(|| smart::check_goal(&empty_goal(gid), &[], today))
                        });
                        let set = move |f: Box<dyn FnOnce(&mut KeyResult)>| edit.update(gid, |g| {
                            if let Some(k) = g.key_results.iter_mut().find(|k| k.id == krid) { f(k) }
                        });
                        view! {
                            <div class="key-result">
                                <div class="field">
                                    <label for=format!("kr-{krid}-text")>{t("plan.goal_list_key_result")}</label>
                                    <input type="text" id=format!("kr-{krid}-text") placeholder=t("plan.goal_list_key_result_placeholder")
                                        prop:value=move || kr.with(|k| k.as_ref().map(|k| k.text.clone()).unwrap_or_default())
                                        on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |k| k.text = v)) }/>
                                </div>
                                <div class="field">
                                    <label for=format!("kr-{krid}-kpi")>{t("plan.goal_list_tracked_by")}</label>
                                    <select id=format!("kr-{krid}-kpi") on:change=move |ev| {
                                        let v = Uuid::parse_str(&event_target_value(&ev)).ok();
                                        set(Box::new(move |k| k.kpi = v));
                                    }>
                                        <option value="" selected=move || kr.with(|k| k.as_ref().and_then(|k| k.kpi).is_none())>{t("plan.goal_list_no_kpi")}</option>
                                        {move || kpi_names.get().into_iter().map(|(kid, name)| view! {
                                            <option value=kid.to_string() selected=move || kr.with(|k| k.as_ref().and_then(|k| k.kpi) == Some(kid))>{name}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <SmartMarks smart=kr_smart/>
                                <button class="button small danger" on:click=move |_| edit.update(gid, |g| g.key_results.retain(|k| k.id != krid))>
                                    {t("plan.goal_list_remove_key_result")}
                                </button>
                            </div>
                        }
                    }
                </For>
                <button class="button small" on:click=add_kr>{t("plan.goal_list_add_key_result")}</button>
            </div>
            <button class="button small danger" aria-label=move || tf("plan.goal_list_remove_goal_label", &[("objective", &goal.with(|g| g.as_ref().map(|g| g.objective.clone()).unwrap_or_default()))])
                on:click=move |_| edit.with_assessment(move |a| a.remove_goal(gid))>{t("plan.goal_list_remove_goal")}</button>
        </article>
    }
}

fn empty_goal(id: Uuid) -> Goal {
    Goal {
        id,
        objective: String::new(),
        description: String::new(),
        area: None,
        business_goal: false,
        target_date: None,
        key_results: Vec::new(),
    }
}
