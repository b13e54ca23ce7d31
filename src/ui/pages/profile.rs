//! Profile section: the company the assessment is about.

use leptos::prelude::*;

use super::assessment::use_current;
use crate::domain::model::{CompanyProfile, Stage, MAX_TEAM_SIZE};
use crate::domain::Assessment;
use crate::ui::decision_list::DecisionList;
use crate::ui::inventory_list::InventoryList;
use crate::ui::stakeholder_list::StakeholderList;
use crate::ui::state::use_app_state;
use crate::ui::text_field::TextField;

#[component]
pub fn ProfileSection() -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let id = current.id;
    let a = current.assessment;
    let read = move |f: fn(&Assessment) -> String| {
        Signal::derive(move || a.with(|a| a.as_ref().map(f).unwrap_or_default()))
    };
    let write = move |f: fn(&mut CompanyProfile, String)| {
        move |value: String| state.edit(id, |a| f(&mut a.profile, value))
    };
    // The team size box keeps whatever was typed, so an invalid entry is shown, not dropped.
    let team_text = RwSignal::new(a.with_untracked(|a| {
        a.as_ref()
            .and_then(|a| a.profile.team_size)
            .map(|n| n.to_string())
            .unwrap_or_default()
    }));
    let team_error = RwSignal::new(None::<String>);
    let on_team = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        team_text.set(text.clone());
        match parse_team_size(&text) {
            Ok(size) => {
                team_error.set(None);
                state.edit(id, |a| a.profile.team_size = size);
            }
            Err(message) => team_error.set(Some(message)),
        }
    };
    let stage = move || a.with(|a| a.as_ref().map(|a| a.profile.stage).unwrap_or_default());
    view! {
        <section aria-labelledby="profile-title">
            <h2 id="profile-title">"Company profile"</h2>
            <p class="muted">
                "Who the assessment is about. The stage sets sensible targets later: a pre-seed "
                "company is not expected to run like a listed one. Changes save as you type."
            </p>
            <form class="form-grid" on:submit=|ev| ev.prevent_default()>
                <TextField
                    id="assessment-name"
                    label="Assessment name"
                    hint="How this assessment appears in your list, e.g. “Q4 2026 review”."
                    value=read(|a| a.name.clone())
                    on_input=move |v: String| state.rename(id, &v)
                />
                <TextField
                    id="company-name"
                    label="Company name"
                    value=read(|a| a.profile.company_name.clone())
                    on_input=write(|p, v| p.company_name = v)
                />
                <div class="field">
                    <label for="stage">"Stage"</label>
                    <select
                        id="stage"
                        on:change=move |ev| {
                            if let Some(s) = Stage::from_id(&event_target_value(&ev)) {
                                state.edit(id, |a| a.profile.stage = s);
                            }
                        }
                    >
                        {Stage::ALL
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <option value=s.id() selected=move || stage() == s>
                                        {s.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <TextField
                    id="industry"
                    label="Industry"
                    hint="The market you sell into, e.g. “B2B logistics software”."
                    value=read(|a| a.profile.industry.clone())
                    on_input=write(|p, v| p.industry = v)
                />
                <div class="field">
                    <label for="team-size">"Team size (people)"</label>
                    <input
                        id="team-size"
                        type="text"
                        inputmode="numeric"
                        aria-describedby="team-size-hint"
                        aria-invalid=move || team_error.with(Option::is_some).to_string()
                        prop:value=move || team_text.get()
                        on:input=on_team
                    />
                    <p class="hint" id="team-size-hint">
                        {move || team_error.get().unwrap_or_else(|| {
                            "Everyone building the product, employees and contractors.".to_string()
                        })}
                    </p>
                </div>
                <TextField
                    id="business-model"
                    label="Business model"
                    hint="How the company earns money, in a sentence or two."
                    multiline=true
                    value=read(|a| a.profile.business_model.clone())
                    on_input=write(|p, v| p.business_model = v)
                />
                <TextField
                    id="mission"
                    label="Mission"
                    hint="What the company does, for whom, today."
                    multiline=true
                    value=read(|a| a.profile.mission.clone())
                    on_input=write(|p, v| p.mission = v)
                />
                <TextField
                    id="vision"
                    label="Vision"
                    hint="Where the company wants to be in five to ten years."
                    multiline=true
                    value=read(|a| a.profile.vision.clone())
                    on_input=write(|p, v| p.vision = v)
                />
            </form>
        </section>
        <StakeholderList/>
        <InventoryList/>
        <DecisionList/>
    }
}

/// Reads the team size box: empty means "not given"; anything else must be a whole number.
fn parse_team_size(text: &str) -> Result<Option<u32>, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    match trimmed.parse::<u32>() {
        Ok(n) if n <= MAX_TEAM_SIZE => Ok(Some(n)),
        _ => Err(format!(
            "⚠ Not saved: enter a whole number from 0 to {MAX_TEAM_SIZE}."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_team_size;

    #[test]
    fn team_size_accepts_whole_numbers_and_blank() {
        assert_eq!(parse_team_size(" 14 "), Ok(Some(14)));
        assert_eq!(parse_team_size(""), Ok(None));
        assert!(parse_team_size("twelve").is_err());
        assert!(parse_team_size("-1").is_err());
        assert!(parse_team_size("2000000").is_err());
    }
}
