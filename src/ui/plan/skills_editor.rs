//! Editing a list of skills with their levels (a person's skills, or those a hire or training
//! brings): change a level, remove a skill, add one by name. Skill names are matched the way
//! the skills matrix matches them, so adding " rust " to a list holding "Rust" changes its level.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::team::skills::skill_key;
use crate::domain::team::MAX_SKILL;
use crate::ui::i18n::{t, tf};

/// The catalogue keys of what each level means, 0 to [`MAX_SKILL`].
pub const LEVEL_WORDS: [&str; 5] = [
    "team.skills_editor_level_none",
    "team.skills_editor_level_learning",
    "team.skills_editor_level_with_help",
    "team.skills_editor_level_independent",
    "team.skills_editor_level_can_teach",
];

/// A level written out in the language in use, e.g. "3 independent".
pub fn level_text(level: u8) -> String {
    let level = level.min(MAX_SKILL);
    tf(
        "team.skills_editor_level",
        &[
            ("level", &level.to_string()),
            ("meaning", t(LEVEL_WORDS[usize::from(level)])),
        ],
    )
}

/// Longest skill name saved; files with longer ones are refused on import.
const MAX_NAME_CHARS: usize = 100;

/// An id-safe form of any skill name: its bytes in hex, so two names never share an id.
fn id_part(name: &str) -> String {
    name.bytes().map(|b| format!("{b:02x}")).collect()
}

/// The skills after adding `name` at `level`: an existing spelling of the same skill keeps its
/// spelling and takes the new level.
pub fn with_skill(
    skills: &BTreeMap<String, u8>,
    name: &str,
    level: u8,
) -> Result<BTreeMap<String, u8>, String> {
    let key = skill_key(name);
    if key.is_empty() {
        return Err(t("team.skills_editor_name_missing").into());
    }
    if key.chars().count() > MAX_NAME_CHARS {
        return Err(tf(
            "team.skills_editor_name_too_long",
            &[("max", &MAX_NAME_CHARS.to_string())],
        ));
    }
    let mut out = skills.clone();
    let existing = skills.keys().find(|k| skill_key(k) == key).cloned();
    let name = existing.unwrap_or_else(|| name.split_whitespace().collect::<Vec<_>>().join(" "));
    out.insert(name, level.min(MAX_SKILL));
    Ok(out)
}

fn level_options(selected: Signal<u8>) -> impl IntoView {
    (0..=MAX_SKILL)
        .map(|l| {
            view! { <option value=l.to_string() selected=move || selected.get() == l>{level_text(l)}</option> }
        })
        .collect_view()
}

#[component]
pub fn SkillsEditor(
    /// Unique in the page; prefixes every control's id.
    id: String,
    /// Names what the skills belong to in labels, e.g. "Ana" or "the hire".
    #[prop(into)]
    owner: Signal<String>,
    #[prop(into)] skills: Signal<BTreeMap<String, u8>>,
    /// Receives the whole new list after each change.
    #[prop(into)]
    on_change: Callback<BTreeMap<String, u8>>,
    /// Replaces the default legend "Skills of {owner}", e.g. "Skills needed".
    #[prop(optional)]
    legend: Option<&'static str>,
) -> impl IntoView {
    let names = Memo::new(move |_| skills.with(|s| s.keys().cloned().collect::<Vec<_>>()));
    let new_name = RwSignal::new(String::new());
    let new_level = RwSignal::new(2u8);
    let error = RwSignal::new(None::<String>);
    let prefix = id.clone();
    let add = move || {
        let result = skills.with_untracked(|s| {
            with_skill(s, &new_name.get_untracked(), new_level.get_untracked())
        });
        match result {
            Ok(next) => {
                error.set(None);
                new_name.set(String::new());
                on_change.run(next);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let new_id = format!("{id}-new-skill");
    let new_level_id = format!("{id}-new-level");
    let error_id = format!("{id}-new-skill-hint");
    view! {
        <fieldset class="skills wide">
            <legend>{move || legend.map(str::to_string).unwrap_or_else(|| tf("team.skills_editor_legend", &[("owner", &owner.get())]))}</legend>
            <p class="hint">{t("team.skills_editor_levels_hint")}</p>
            <Show when=move || names.with(Vec::is_empty)>
                <p class="empty">{t("team.skills_editor_empty")}</p>
            </Show>
            <ul class="skill-list">
                <For each=move || names.get() key=|n| n.clone() let:name>
                    {
                        let select_id = format!("{prefix}-skill-{}", id_part(&name));
                        let label = name.clone();
                        let for_level = name.clone();
                        let for_change = name.clone();
                        let for_remove = name.clone();
                        let level = Memo::new(move |_| skills.with(|s| s.get(&for_level).copied().unwrap_or(0)));
                        view! {
                            <li>
                                <label for=select_id.clone()>{label}</label>
                                <select id=select_id on:change=move |ev| {
                                    if let Ok(l) = event_target_value(&ev).parse::<u8>() {
                                        let mut next = skills.get_untracked();
                                        next.insert(for_change.clone(), l.min(MAX_SKILL));
                                        on_change.run(next);
                                    }
                                }>
                                    {level_options(level.into())}
                                </select>
                                <button type="button" class="button small danger"
                                    aria-label=move || tf("team.skills_editor_remove_label", &[("skill", &for_remove), ("owner", &owner.get())])
                                    on:click={
                                        let name = name.clone();
                                        move |_| {
                                            let mut next = skills.get_untracked();
                                            next.remove(&name);
                                            on_change.run(next);
                                        }
                                    }>{t("team.skills_editor_remove")}</button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <div class="inline-form">
                <div class="field">
                    <label for=new_id.clone()>{t("team.skills_editor_new_skill")}</label>
                    <input type="text" id=new_id placeholder=t("team.skills_editor_new_skill_placeholder")
                        aria-describedby=error_id.clone()
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add() }/>
                </div>
                <div class="field">
                    <label for=new_level_id.clone()>{t("team.skills_editor_level_label")}</label>
                    <select id=new_level_id on:change=move |ev| {
                        if let Ok(l) = event_target_value(&ev).parse::<u8>() { new_level.set(l.min(MAX_SKILL)) }
                    }>
                        {level_options(new_level.into())}
                    </select>
                </div>
                <button type="button" class="button small" on:click=move |_| add()>{t("team.skills_editor_add")}</button>
            </div>
            <p class="hint" class:error-text=move || error.with(Option::is_some) id=error_id>
                {move || error.get().unwrap_or_default()}
            </p>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_read_in_words() {
        assert_eq!(level_text(0), "0 none");
        assert_eq!(level_text(3), "3 independent");
        assert_eq!(level_text(9), "4 can teach");
    }

    #[test]
    fn adding_a_known_skill_keeps_its_spelling() {
        let skills: BTreeMap<String, u8> = [("Rust".to_string(), 1)].into();
        let next = with_skill(&skills, " rust ", 3).unwrap();
        assert_eq!(next, [("Rust".to_string(), 3)].into());
        let next = with_skill(&skills, "  UX   design ", 9).unwrap();
        assert_eq!(next.get("UX design"), Some(&MAX_SKILL));
        assert_eq!(next.len(), 2);
        assert!(with_skill(&skills, "   ", 2).is_err());
        assert!(with_skill(&skills, &"x".repeat(101), 2).is_err());
        assert!(with_skill(&skills, &"x".repeat(100), 2).is_ok());
    }

    #[test]
    fn ids_differ_for_different_names() {
        assert_ne!(id_part("a b"), id_part("a-b"));
        assert!(id_part("C++ / C#").chars().all(|c| c.is_ascii_hexdigit()));
    }
}
