//! The people working on the technology today: role, monthly cost, the share of their time
//! available for roadmap work, and their skills.

use std::collections::BTreeMap;

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::team::Person;
use crate::ui::assessment::inventory_list::parse_cost;
use crate::ui::common::list_edit::{Keyed, ListEdit};
use crate::ui::common::numbers::{money_input, parse_number};
use crate::ui::common::parsed_field::ParsedField;
use crate::ui::i18n::{t, tf};
use crate::ui::plan::skills_editor::SkillsEditor;

impl Keyed for Person {
    fn key(&self) -> Uuid {
        self.id
    }
}

fn people() -> ListEdit<Person> {
    ListEdit::new(|a| &a.team.people, |a| &mut a.team.people)
}

/// Reads the roadmap share box: a whole number of percent from 0 to 100.
pub fn parse_share(text: &str) -> Result<u8, String> {
    match parse_number(text) {
        Ok(Some(v)) if (0.0..=100.0).contains(&v) && v.fract() == 0.0 => Ok(v as u8),
        _ => Err(t("team.people_list_share_refused").to_string()),
    }
}

#[component]
pub fn PeopleList() -> impl IntoView {
    let edit = people();
    let ids = edit.ids();
    let add = move |_| {
        edit.push(Person {
            id: Uuid::new_v4(),
            name: String::new(),
            role: String::new(),
            monthly_cost: None,
            roadmap_share: 100,
            skills: BTreeMap::new(),
        })
    };
    view! {
        <section class="subsection" aria-labelledby="people-title">
            <h3 id="people-title">{t("team.people_list_title")}</h3>
            <p class="muted">{t("team.people_list_intro")}</p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">{t("team.people_list_empty")}</p>
            </Show>
            <div class="row-list">
                <For each=move || ids.get() key=|id| *id let:pid>
                    <PersonRow pid/>
                </For>
            </div>
            <button class="button" on:click=add>{t("team.people_list_add")}</button>
        </section>
    }
}

#[component]
fn PersonRow(pid: Uuid) -> impl IntoView {
    let edit = people();
    let name = edit.field(pid, |p| p.name.clone());
    let role = edit.field(pid, |p| p.role.clone());
    let skills = edit.field(pid, |p| p.skills.clone());
    let cost = edit.field(pid, |p| p.monthly_cost).get_untracked();
    let share = edit.field(pid, |p| p.roadmap_share).get_untracked();
    let shown_name = Signal::derive(move || {
        let n = name.get();
        if n.trim().is_empty() {
            t("team.people_list_this_person").to_string()
        } else {
            n
        }
    });
    let f = move |field: &str| format!("person-{pid}-{field}");
    view! {
        <article class="row-card">
            <div class="field">
                <label for=f("name")>{t("team.people_list_name")}</label>
                <input type="text" id=f("name") prop:value=move || name.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(pid, |p| p.name = v) }/>
            </div>
            <div class="field">
                <label for=f("role")>{t("team.people_list_role")}</label>
                <input type="text" id=f("role") placeholder=t("team.people_list_role_placeholder") prop:value=move || role.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(pid, |p| p.role = v) }/>
            </div>
            <ParsedField id=f("cost") label=t("team.people_list_monthly_cost")
                initial=cost.map(money_input).unwrap_or_default()
                parse=parse_cost
                on_ok=move |v| edit.update(pid, |p| p.monthly_cost = v)
                hint=t("team.people_list_cost_hint") draft_of=crate::ui::shell::assessment_frame::use_current().id/>
            <ParsedField id=f("share") label=t("team.people_list_share")
                initial=share.to_string()
                parse=parse_share
                inputmode="numeric"
                on_ok=move |v| edit.update(pid, |p| p.roadmap_share = v)
                hint=t("team.people_list_share_hint")/>
            <SkillsEditor id=f("skills") owner=shown_name skills=skills
                on_change={move |s: BTreeMap<String, u8>| edit.update(pid, |p| p.skills = s)}/>
            <button class="button small danger"
                aria-label=move || tf("team.people_list_remove_label", &[("name", &shown_name.get())])
                on:click=move |_| edit.with_assessment(move |a| a.remove_person(pid))>{t("team.people_list_remove")}</button>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_whole_percentages() {
        assert_eq!(parse_share("60"), Ok(60));
        assert_eq!(parse_share(" 100 "), Ok(100));
        assert_eq!(parse_share("0"), Ok(0));
        assert!(parse_share("101").is_err());
        assert!(parse_share("-5").is_err());
        assert!(parse_share("12.5").is_err());
        assert!(parse_share("").is_err());
        assert!(parse_share("half").is_err());
    }
}
