//! One initiative's editable fields: what, who, when, how much, and its links to areas,
//! questions, goals, dependencies and skills. A dependency that would close a cycle is refused
//! with the cycle named, and nothing changes. An initiative suggested from a framework step
//! shows what that step asks for (ongoing work, the least time, an outside cost in its own
//! currency) beside the figures the founder may change.

use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use crate::domain::budget::BudgetCategory;
use crate::domain::roadmap::{
    deps, Initiative, InitiativeStatus, MAX_DURATION_WEEKS, MAX_EFFORT_WEEKS, MAX_RECURRING_WEEKS,
};
use crate::ui::assessment::inventory_list::parse_cost;
use crate::ui::common::numbers::{money_input, parse_number, trim_number};
use crate::ui::common::parsed_field::ParsedField;
use crate::ui::common::text_field::TextField;
use crate::ui::i18n::{content, l, t, tf};
use crate::ui::plan::initiative_edit::{initiatives, parse_date, show_date, title_of};
use crate::ui::plan::skills_editor::SkillsEditor;
use crate::ui::shell::assessment_frame::use_current;

fn parse_weeks(text: &str) -> Result<Option<f64>, String> {
    match parse_number(text) {
        Ok(Some(v)) if v.fract() == 0.0 && (1.0..=f64::from(MAX_DURATION_WEEKS)).contains(&v) => {
            Ok(Some(v))
        }
        _ => Err(tf(
            "plan.initiative_form_weeks_invalid",
            &[("max", &MAX_DURATION_WEEKS.to_string())],
        )),
    }
}

fn parse_effort(text: &str) -> Result<Option<f64>, String> {
    match parse_number(text) {
        Ok(None) => Ok(None),
        Ok(Some(v)) if (0.0..=MAX_EFFORT_WEEKS).contains(&v) => Ok(Some(v)),
        _ => Err(t("plan.initiative_form_effort_invalid").to_string()),
    }
}

/// Ongoing person-weeks a quarter: blank is 0 (none).
fn parse_recurring(text: &str) -> Result<Option<f64>, String> {
    match parse_number(text) {
        Ok(None) => Ok(None),
        Ok(Some(v)) if (0.0..=MAX_RECURRING_WEEKS).contains(&v) => Ok(Some(v)),
        _ => Err(tf(
            "effort.form_recurring_invalid",
            &[("max", &trim_number(MAX_RECURRING_WEEKS))],
        )),
    }
}

/// "The framework's step: one-off: 2 person-weeks · …" for an initiative suggested from a step
/// that asks for more than one-off effort, with what became of its outside cost.
fn step_note(i: &Initiative, currency: &str) -> Option<(String, Option<String>)> {
    use crate::ui::plan::units::{effort_line, outside_cost_note, step_facts};
    let step = i
        .suggested_from
        .as_deref()
        .and_then(|k| crate::domain::roadmap::effort::step_of(content(), k))?;
    let facts = step_facts(step);
    let more = facts.recurring > 0.0 || facts.at_least_weeks.is_some() || facts.outside.is_some();
    more.then(|| {
        (
            tf("effort.form_step", &[("line", &effort_line(&facts))]),
            facts.outside.map(|c| outside_cost_note(c, currency)),
        )
    })
}

#[component]
pub fn InitiativeForm(iid: Uuid) -> impl IntoView {
    let edit = initiatives();
    let current = use_current();
    let f = move |field: &str| format!("initiative-{field}");
    let item = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .and_then(|a| a.initiatives.iter().find(|i| i.id == iid).cloned())
        })
    });
    let get = move |g: fn(&Initiative) -> String| {
        Signal::derive(move || item.with(|i| i.as_ref().map(g).unwrap_or_default()))
    };
    let initial = item.get_untracked();
    let initial_of = move |g: fn(&Initiative) -> Option<f64>| initial.as_ref().and_then(g);
    let status = edit.field(iid, |i| i.status);
    let category = edit.field(iid, |i| i.cost_category);
    let milestone = edit.field(iid, |i| i.milestone);
    let start = edit.field(iid, |i| i.start);
    let end_shown = Memo::new(move |_| {
        item.with(|i| {
            i.as_ref()
                .and_then(Initiative::end)
                .map(|e| {
                    tf(
                        "plan.initiative_form_ends_on",
                        &[("date", &show_date(e - chrono::Days::new(1)))],
                    )
                })
                .unwrap_or_else(|| t("plan.initiative_form_not_dated").into())
        })
    });
    // Bumped when the duration changes from the end-date box, so the weeks box shows it.
    let duration_version = RwSignal::new(0u32);
    let end_error = RwSignal::new(None::<String>);
    let note = Memo::new(move |_| {
        current.assessment.with(|a| {
            let a = a.as_ref()?;
            let i = a.initiatives.iter().find(|i| i.id == iid)?;
            step_note(i, &a.profile.currency)
        })
    });
    view! {
        <div class="form-grid">
            <TextField id="initiative-title" label=t("plan.initiative_form_title") value=get(|i| i.title.clone())
                on_input=move |v| edit.update(iid, |i| i.title = v)/>
            <TextField id="initiative-owner" label=t("plan.initiative_form_owner") value=get(|i| i.owner.clone())
                on_input=move |v| edit.update(iid, |i| i.owner = v) hint=t("plan.initiative_form_owner_hint")/>
        </div>
        <TextField id="initiative-description" label=t("plan.initiative_form_description") multiline=true
            value=get(|i| i.description.clone())
            on_input=move |v| edit.update(iid, |i| i.description = v)/>
        {move || note.get().map(|(line, cost)| view! {
            <p class="muted" data-testid="initiative-step-effort">{line}{cost.map(|c| format!(" {c}"))}</p>
        })}
        <div class="form-grid">
            <div class="field">
                <label for=f("status")>{t("plan.initiative_form_status")}</label>
                <select id=f("status") on:change=move |ev| {
                    if let Some(s) = InitiativeStatus::from_id(&event_target_value(&ev)) { edit.update(iid, |i| i.status = s) }
                }>
                    {InitiativeStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.id() selected=move || status.get() == s>{l(s.label())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=f("start")>{t("plan.initiative_form_start")}</label>
                <input type="date" id=f("start")
                    prop:value=move || start.get().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
                    on:change=move |ev| { let d = parse_date(&event_target_value(&ev)); edit.update(iid, |i| i.start = d) }/>
                <p class="hint">{t("plan.initiative_form_start_hint")}</p>
            </div>
            {move || {
                duration_version.track();
                let weeks = item.with_untracked(|i| i.as_ref().map(|i| f64::from(i.duration_weeks)));
                view! {
                    <ParsedField id=f("duration") label=t("plan.initiative_form_duration") initial=weeks.map(trim_number).unwrap_or_default() parse=parse_weeks
                        hint=t("plan.initiative_form_duration_hint")
                        on_ok=move |v| if let Some(v) = v { edit.update(iid, |i| i.duration_weeks = v as u32) }/>
                }
            }}
            <div class="field">
                <label for=f("end")>{t("plan.initiative_form_end")}</label>
                <input type="date" id=f("end") aria-describedby=f("end-hint")
                    on:change=move |ev| {
                        let Some(end) = parse_date(&event_target_value(&ev)) else { return };
                        let Some(s) = start.get_untracked() else {
                            end_error.set(Some(t("plan.initiative_form_end_no_start").into()));
                            return;
                        };
                        let days = (end - s).num_days() + 1;
                        if days < 1 {
                            end_error.set(Some(t("plan.initiative_form_end_before_start").into()));
                            return;
                        }
                        let weeks = ((days + 6) / 7).min(i64::from(MAX_DURATION_WEEKS)) as u32;
                        end_error.set(None);
                        edit.update(iid, |i| i.duration_weeks = weeks);
                        duration_version.update(|v| *v += 1);
                    }/>
                <p class="hint" id=f("end-hint")>{move || end_error.get().unwrap_or_else(|| end_shown.get())}</p>
            </div>
            <ParsedField id=f("effort") label=t("plan.initiative_form_effort") initial=initial_of(|i| Some(i.effort_weeks)).map(trim_number).unwrap_or_default()
                parse=parse_effort hint=t("plan.initiative_form_effort_hint")
                on_ok=move |v| edit.update(iid, |i| i.effort_weeks = v.unwrap_or(0.0))/>
            <ParsedField id=f("recurring") label=t("effort.form_recurring") initial=initial_of(|i| Some(i.recurring_weeks_per_quarter)).map(trim_number).unwrap_or_default()
                parse=parse_recurring hint=t("effort.form_recurring_hint")
                on_ok=move |v| edit.update(iid, |i| i.recurring_weeks_per_quarter = v.unwrap_or(0.0))/>
            <ParsedField id=f("one-off") label=t("plan.initiative_form_one_off") initial=initial_of(|i| i.one_off_cost).map(money_input).unwrap_or_default()
                parse=parse_cost hint=t("plan.initiative_form_one_off_hint") draft_of=crate::ui::shell::assessment_frame::use_current().id
                on_ok=move |v| edit.update(iid, |i| i.one_off_cost = v)/>
            <ParsedField id=f("monthly") label=t("plan.initiative_form_monthly") initial=initial_of(|i| i.monthly_cost).map(money_input).unwrap_or_default()
                parse=parse_cost hint=t("plan.initiative_form_monthly_hint") draft_of=crate::ui::shell::assessment_frame::use_current().id
                on_ok=move |v| edit.update(iid, |i| i.monthly_cost = v)/>
            <div class="field">
                <label for=f("category")>{t("plan.initiative_form_category")}</label>
                <select id=f("category") on:change=move |ev| {
                    if let Some(c) = BudgetCategory::from_id(&event_target_value(&ev)) { edit.update(iid, |i| i.cost_category = c) }
                }>
                    {BudgetCategory::ALL.into_iter().map(|c| view! {
                        <option value=c.id() selected=move || category.get() == c>{l(c.label())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field checkbox">
                <input type="checkbox" id=f("milestone") prop:checked=move || milestone.get()
                    on:change=move |ev| { let on = event_target_checked(&ev); edit.update(iid, |i| i.milestone = on) }/>
                <label for=f("milestone")>{t("plan.initiative_form_milestone")}</label>
            </div>
        </div>
        <InitiativeLinks iid/>
        <InitiativeDependencies iid/>
        <InitiativeSkills iid/>
    }
}

#[component]
fn InitiativeLinks(iid: Uuid) -> impl IntoView {
    let edit = initiatives();
    let current = use_current();
    let areas = edit.field(iid, |i| i.areas.clone());
    let questions = edit.field(iid, |i| i.questions.clone());
    let goals = edit.field(iid, |i| i.goals.clone());
    let all_goals = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.goals
                        .iter()
                        .map(|g| {
                            (
                                g.id,
                                if g.objective.trim().is_empty() {
                                    t("plan.initiative_form_untitled_goal").to_string()
                                } else {
                                    g.objective.clone()
                                },
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let content = content();
    let picked = RwSignal::new(0u32);
    view! {
        <fieldset class="subsection">
            <legend>{t("plan.initiative_form_areas")}</legend>
            <div class="check-grid">
                {content.areas.iter().map(|area| {
                    let aid = area.id.clone();
                    let key = aid.clone();
                    let box_id = format!("initiative-area-{aid}");
                    view! {
                        <div class="checkbox">
                            <input type="checkbox" id=box_id.clone()
                                prop:checked=move || areas.with(|l| l.contains(&key))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let aid = aid.clone();
                                    edit.update(iid, |i| {
                                        i.areas.retain(|x| *x != aid);
                                        if on { i.areas.push(aid) }
                                    })
                                }/>
                            <label for=box_id>{area.name.clone()}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
        </fieldset>
        <fieldset class="subsection">
            <legend>{t("plan.initiative_form_questions")}</legend>
            <ul class="chip-list">
                {move || questions.get().into_iter().map(|q| {
                    // A question the framework retired still reads as a question, marked retired.
                    let label = content
                        .question(&q)
                        .map(|(_, qq)| qq.text.clone())
                        .or_else(|| content.retired_question(&q).map(|r| tf("retired.question_label", &[("text", &r.text)])))
                        .unwrap_or_else(|| q.clone());
                    let remove = q.clone();
                    view! {
                        <li>
                            {label.clone()}" "
                            <button class="button small" aria-label=tf("plan.initiative_form_remove_question_label", &[("question", &label)])
                                on:click=move |_| { let r = remove.clone(); edit.update(iid, |i| i.questions.retain(|x| *x != r)) }>{t("plan.initiative_form_remove")}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="field">
                <label for="initiative-add-question">{t("plan.initiative_form_link_question")}</label>
                <select id="initiative-add-question"
                    prop:value=move || { picked.track(); "" }
                    on:change=move |ev| {
                        let q = event_target_value(&ev);
                        if !q.is_empty() {
                            edit.update(iid, |i| if !i.questions.contains(&q) { i.questions.push(q) });
                        }
                        // Back to "Choose a question…", ready for the next link.
                        picked.update(|n| *n += 1);
                    }>
                    <option value="" selected=true>{t("plan.initiative_form_choose_question")}</option>
                    {move || {
                        let chosen = areas.get();
                        content.areas.iter().filter(|a| chosen.is_empty() || chosen.contains(&a.id)).map(|a| view! {
                            <optgroup label=a.name.clone()>
                                {a.questions.iter().map(|q| view! { <option value=q.id.clone()>{q.text.clone()}</option> }).collect_view()}
                            </optgroup>
                        }).collect_view()
                    }}
                </select>
                <p class="hint">{t("plan.initiative_form_questions_hint")}</p>
            </div>
        </fieldset>
        <fieldset class="subsection">
            <legend>{t("plan.initiative_form_goals")}</legend>
            <Show when=move || all_goals.with(Vec::is_empty)>
                <p class="muted">{t("plan.initiative_form_no_goals")}</p>
            </Show>
            {move || all_goals.get().into_iter().map(|(gid, name)| {
                let box_id = format!("initiative-goal-{gid}");
                view! {
                    <div class="checkbox">
                        <input type="checkbox" id=box_id.clone() prop:checked=move || goals.with(|g| g.contains(&gid))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                edit.update(iid, |i| { i.goals.retain(|x| *x != gid); if on { i.goals.push(gid) } })
                            }/>
                        <label for=box_id>{name}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn InitiativeDependencies(iid: Uuid) -> impl IntoView {
    let edit = initiatives();
    let current = use_current();
    let id = current.id;
    let error = RwSignal::new(None::<String>);
    let choice = RwSignal::new(String::new());
    // (id, title) of what this waits for, of what waits for it, and of what could be added.
    let links = Memo::new(move |_| {
        current.assessment.with(|a| {
            let Some(a) = a.as_ref() else {
                return (Vec::new(), Vec::new(), Vec::new());
            };
            let Some(me) = a.initiatives.iter().find(|i| i.id == iid) else {
                return (Vec::new(), Vec::new(), Vec::new());
            };
            let waits: Vec<(Uuid, String)> = me
                .depends_on
                .iter()
                .filter_map(|d| a.initiatives.iter().find(|i| i.id == *d))
                .map(|i| (i.id, title_of(i)))
                .collect();
            let waited_by = a
                .initiatives
                .iter()
                .filter(|i| i.depends_on.contains(&iid))
                .map(|i| (i.id, title_of(i)))
                .collect();
            let options = a
                .initiatives
                .iter()
                .filter(|i| i.id != iid && !me.depends_on.contains(&i.id))
                .map(|i| (i.id, title_of(i)))
                .collect();
            (waits, waited_by, options)
        })
    });
    let add = move |_| {
        let Ok(dep) = Uuid::parse_str(&choice.get_untracked()) else {
            error.set(Some(t("plan.initiative_form_choose_first").into()));
            return;
        };
        let refusal = current.assessment.with_untracked(|a| {
            a.as_ref().and_then(|a| {
                deps::cycle_if_added(&a.initiatives, iid, dep)
                    .map(|cycle| deps::describe_cycle(&a.initiatives, &cycle))
            })
        });
        match refusal {
            Some(cycle) => error.set(Some(tf("plan.initiative_form_cycle", &[("cycle", &cycle)]))),
            None => {
                error.set(None);
                choice.set(String::new());
                edit.update(iid, |i| {
                    if !i.depends_on.contains(&dep) {
                        i.depends_on.push(dep)
                    }
                });
            }
        }
    };
    view! {
        <fieldset class="subsection">
            <legend>{t("plan.initiative_form_dependencies")}</legend>
            <p class="muted">{t("plan.initiative_form_dependencies_intro")}</p>
            <ul data-testid="dependencies">
                {move || links.get().0.into_iter().map(|(did, name)| { let label = tf("plan.initiative_form_remove_dependency_label", &[("name", &name)]); view! {
                    <li>
                        <A href=format!("/a/{id}/roadmap/{did}")>{name.clone()}</A>" "
                        <button class="button small" aria-label=label
                            on:click=move |_| edit.update(iid, |i| i.depends_on.retain(|x| *x != did))>{t("plan.initiative_form_remove")}</button>
                    </li>
                }}).collect_view()}
            </ul>
            <div class="inline-form">
                <div class="field">
                    <label for="initiative-add-dependency">{t("plan.initiative_form_waits_for")}</label>
                    <select id="initiative-add-dependency" aria-describedby="dependency-message"
                        prop:value=move || choice.get()
                        on:change=move |ev| choice.set(event_target_value(&ev))>
                        <option value="">{t("plan.initiative_form_choose_initiative")}</option>
                        {move || links.get().2.into_iter().map(|(oid, name)| view! {
                            <option value=oid.to_string()>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button class="button" on:click=add>{t("plan.initiative_form_add_dependency")}</button>
            </div>
            <p id="dependency-message" class="error-text" role="alert">{move || error.get()}</p>
            <Show when=move || !links.with(|l| l.1.is_empty())>
                <p>{t("plan.initiative_form_waited_by")}" "
                    {move || links.get().1.into_iter().map(|(oid, name)| view! {
                        <A href=format!("/a/{id}/roadmap/{oid}")>{name}</A>" "
                    }).collect_view()}
                </p>
            </Show>
        </fieldset>
    }
}

#[component]
fn InitiativeSkills(iid: Uuid) -> impl IntoView {
    let edit = initiatives();
    let skills = edit.field(iid, |i| i.skills.clone());
    let title = edit.field(iid, title_of);
    view! {
        <p class="muted">{t("plan.initiative_form_skills_intro")}</p>
        <SkillsEditor
            id=format!("initiative-{iid}")
            owner=title
            skills=skills
            legend=t("plan.initiative_form_skills_needed")
            on_change=move |next| edit.update(iid, |i| i.skills = next)
        />
    }
}
