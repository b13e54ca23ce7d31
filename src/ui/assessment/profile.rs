//! Profile section: the company the assessment is about.

use leptos::prelude::*;

use crate::domain::model::{CompanyProfile, Stage, MAX_TEAM_SIZE};
use crate::domain::Assessment;
use crate::ui::assessment::decision_list::DecisionList;
use crate::ui::assessment::inventory_list::InventoryList;
use crate::ui::assessment::stakeholder_list::StakeholderList;
use crate::ui::common::text_field::TextField;
use crate::ui::i18n::{l, t, tf};
use crate::ui::plan::initiative_cost::MoneySettings;
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

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
            <h2 id="profile-title">{t("assess.profile_title")}</h2>
            <p class="muted">{t("assess.profile_intro")}</p>
            <form class="form-grid" on:submit=|ev| ev.prevent_default()>
                <TextField
                    id="assessment-name"
                    label=t("assess.profile_assessment_name")
                    hint=t("assess.profile_assessment_name_hint")
                    value=read(|a| a.name.clone())
                    on_input=move |v: String| state.rename(id, &v)
                />
                <TextField
                    id="company-name"
                    label=t("assess.profile_company_name")
                    value=read(|a| a.profile.company_name.clone())
                    on_input=write(|p, v| p.company_name = v)
                />
                <div class="field">
                    <label for="stage">{t("assess.profile_stage")}</label>
                    <select
                        id="stage"
                        on:change=move |ev| {
                            if let Some(s) = Stage::from_id(&event_target_value(&ev)) {
                                state.edit(id, |a| a.profile.stage = s);
                            }
                        }
                    >
                        {Stage::CHOICES
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <option value=s.id() selected=move || stage() == s>
                                        {l(s.label())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <Show when=move || stage().is_unknown()>
                        <p class="hint" id="stage-unknown">{t("spec.stage_unknown_targets")}</p>
                    </Show>
                </div>
                <TextField
                    id="industry"
                    label=t("assess.profile_industry")
                    hint=t("assess.profile_industry_hint")
                    value=read(|a| a.profile.industry.clone())
                    on_input=write(|p, v| p.industry = v)
                />
                <div class="field">
                    <label for="team-size">{t("assess.profile_team_size")}</label>
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
                            t("assess.profile_team_size_hint").to_string()
                        })}
                    </p>
                </div>
                <MoneySettings/>
                <TextField
                    id="business-model"
                    label=t("assess.profile_business_model")
                    hint=t("assess.profile_business_model_hint")
                    multiline=true
                    value=read(|a| a.profile.business_model.clone())
                    on_input=write(|p, v| p.business_model = v)
                />
                <TextField
                    id="mission"
                    label=t("assess.profile_mission")
                    hint=t("assess.profile_mission_hint")
                    multiline=true
                    value=read(|a| a.profile.mission.clone())
                    on_input=write(|p, v| p.mission = v)
                />
                <TextField
                    id="vision"
                    label=t("assess.profile_vision")
                    hint=t("assess.profile_vision_hint")
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
        _ => Err(tf(
            "assess.profile_team_size_invalid",
            &[("max", &MAX_TEAM_SIZE.to_string())],
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
