//! The hiring and training plan: hires, contractors and trainings with their date, the capacity
//! they add to roadmap scheduling, what they cost and the skills they bring.

use std::collections::BTreeMap;

use chrono::{Local, NaiveDate};
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::team::{ChangeKind, TeamChange};
use crate::ui::assessment::inventory_list::parse_cost;
use crate::ui::common::list_edit::{Keyed, ListEdit};
use crate::ui::common::numbers::{money_input, parse_number};
use crate::ui::common::parsed_field::ParsedField;
use crate::ui::i18n::{l, t, tf};
use crate::ui::plan::skills_editor::SkillsEditor;
use crate::ui::shell::assessment_frame::use_current;

impl Keyed for TeamChange {
    fn key(&self) -> Uuid {
        self.id
    }
}

fn changes() -> ListEdit<TeamChange> {
    ListEdit::new(|a| &a.team.changes, |a| &mut a.team.changes)
}

/// Most person-weeks per month one change may add; beyond it a number is surely a typo.
pub const MAX_CAPACITY_WEEKS: f64 = 1_000.0;

/// What a new hire adds by default: a full-time engineer, about 4.3 person-weeks a month.
const FULL_TIME_WEEKS: f64 = 4.3;

/// Reads the capacity box: person-weeks per month from 0 to [`MAX_CAPACITY_WEEKS`]; blank is 0.
pub fn parse_capacity(text: &str) -> Result<f64, String> {
    match parse_number(text) {
        Ok(None) => Ok(0.0),
        Ok(Some(v)) if (0.0..=MAX_CAPACITY_WEEKS).contains(&v) => Ok(v),
        _ => Err(t("team.team_plan_capacity_refused").to_string()),
    }
}

#[component]
pub fn TeamPlan() -> impl IntoView {
    let edit = changes();
    let ids = edit.ids();
    let add = move |_| {
        edit.push(TeamChange {
            id: Uuid::new_v4(),
            kind: ChangeKind::Hire,
            title: String::new(),
            date: Local::now().date_naive(),
            person: None,
            capacity_weeks: FULL_TIME_WEEKS,
            monthly_cost: None,
            one_off_cost: None,
            skills: BTreeMap::new(),
        })
    };
    view! {
        <section class="subsection" aria-labelledby="team-plan-title">
            <h3 id="team-plan-title">{t("team.team_plan_title")}</h3>
            <p class="muted">{t("team.team_plan_intro")}</p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">{t("team.team_plan_empty")}</p>
            </Show>
            <div class="row-list">
                <For each=move || ids.get() key=|id| *id let:cid>
                    <ChangeRow cid/>
                </For>
            </div>
            <button class="button" on:click=add>{t("team.team_plan_add")}</button>
        </section>
    }
}

#[component]
fn ChangeRow(cid: Uuid) -> impl IntoView {
    let edit = changes();
    let current = use_current();
    let kind = edit.field(cid, |c| c.kind);
    let title = edit.field(cid, |c| c.title.clone());
    let date = edit.field(cid, |c| Some(c.date));
    let person = edit.field(cid, |c| c.person);
    let skills = edit.field(cid, |c| c.skills.clone());
    let capacity = edit.field(cid, |c| c.capacity_weeks).get_untracked();
    let monthly = edit.field(cid, |c| c.monthly_cost).get_untracked();
    let one_off = edit.field(cid, |c| c.one_off_cost).get_untracked();
    let people = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.team
                        .people
                        .iter()
                        .map(|p| (p.id, p.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let date_error = RwSignal::new(None::<String>);
    let shown = Signal::derive(move || {
        let text = title.get();
        if text.trim().is_empty() {
            t(match kind.get() {
                ChangeKind::Hire => "team.team_plan_this_hire",
                ChangeKind::Contractor => "team.team_plan_this_contractor",
                ChangeKind::Training => "team.team_plan_this_training",
            })
            .to_string()
        } else {
            text
        }
    });
    let f = move |field: &str| format!("change-{cid}-{field}");
    let amount = |v: Option<f64>| v.map(money_input).unwrap_or_default();
    view! {
        <article class="row-card">
            <div class="field">
                <label for=f("kind")>{t("team.team_plan_kind")}</label>
                <select id=f("kind") on:change=move |ev| {
                    if let Some(k) = ChangeKind::from_id(&event_target_value(&ev)) {
                        edit.update(cid, |c| {
                            c.kind = k;
                            // Only a training names the person trained.
                            if k != ChangeKind::Training { c.person = None }
                        })
                    }
                }>
                    {ChangeKind::ALL.into_iter().map(|k| view! {
                        <option value=k.id() selected=move || kind.get() == k>{l(k.label())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=f("title")>{move || if kind.get() == ChangeKind::Training { t("team.team_plan_subject") } else { t("team.team_plan_role") }}</label>
                <input type="text" id=f("title") placeholder=t("team.team_plan_title_placeholder") prop:value=move || title.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(cid, |c| c.title = v) }/>
            </div>
            <div class="field">
                <label for=f("date")>{t("team.team_plan_starts_on")}</label>
                <input type="date" id=f("date")
                    aria-invalid=move || date_error.with(Option::is_some).to_string()
                    aria-describedby=f("date-hint")
                    prop:value=move || date.get().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        match NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
                            Ok(d) => { date_error.set(None); edit.update(cid, |c| c.date = d) }
                            Err(_) => date_error.set(Some(t("team.team_plan_date_refused").into())),
                        }
                    }/>
                <p class="hint" class:error-text=move || date_error.with(Option::is_some) id=f("date-hint")>
                    {move || date_error.get().unwrap_or_else(|| t("team.team_plan_date_hint").into())}
                </p>
            </div>
            <Show when=move || kind.get() == ChangeKind::Training>
                <div class="field">
                    <label for=f("person")>{t("team.team_plan_person_trained")}</label>
                    <select id=f("person") on:change=move |ev| {
                        let v = Uuid::parse_str(&event_target_value(&ev)).ok();
                        edit.update(cid, |c| c.person = v);
                    }>
                        <option value="" selected=move || person.get().is_none()>{t("team.team_plan_nobody")}</option>
                        {move || people.get().into_iter().map(|(pid, name)| {
                            let name = if name.trim().is_empty() { t("team.team_plan_unnamed_person").to_string() } else { name };
                            view! { <option value=pid.to_string() selected=move || person.get() == Some(pid)>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </Show>
            <ParsedField id=f("capacity") label=t("team.team_plan_capacity")
                initial=capacity.to_string()
                parse=parse_capacity
                on_ok=move |v| edit.update(cid, |c| c.capacity_weeks = v)
                hint=t("team.team_plan_capacity_hint")/>
            <ParsedField id=f("monthly") label=t("team.team_plan_monthly_cost")
                initial=amount(monthly)
                parse=parse_cost
                on_ok=move |v| edit.update(cid, |c| c.monthly_cost = v)
                hint=t("team.team_plan_monthly_cost_hint") draft_of=crate::ui::shell::assessment_frame::use_current().id/>
            <ParsedField id=f("one-off") label=t("team.team_plan_one_off_cost")
                initial=amount(one_off)
                parse=parse_cost
                on_ok=move |v| edit.update(cid, |c| c.one_off_cost = v)
                hint=t("team.team_plan_one_off_cost_hint") draft_of=crate::ui::shell::assessment_frame::use_current().id/>
            <SkillsEditor id=f("skills") owner=shown skills=skills
                on_change={move |s: BTreeMap<String, u8>| edit.update(cid, |c| c.skills = s)}/>
            <button class="button small danger"
                aria-label=move || tf("team.team_plan_remove_label", &[("name", &shown.get())])
                on:click=move |_| edit.remove(cid)>{t("team.team_plan_remove")}</button>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capacity_reads_person_weeks_and_refuses_nonsense() {
        assert_eq!(parse_capacity(""), Ok(0.0));
        assert_eq!(parse_capacity("4.3"), Ok(4.3));
        assert_eq!(parse_capacity("1,000"), Ok(1000.0));
        assert!(parse_capacity("1001").is_err());
        assert!(parse_capacity("-2").is_err());
        assert!(parse_capacity("lots").is_err());
    }
}
