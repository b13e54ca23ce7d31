//! Risks section: the register at a glance (one summary line), the heat map with its table,
//! and the editable register.

use chrono::Local;
use leptos::prelude::*;

use crate::domain::risk::summary;
use crate::ui::i18n::t;
use crate::ui::plan::risk_heat_map::RiskHeatMap;
use crate::ui::plan::risk_register::RiskRegister;
use crate::ui::shell::assessment_frame::use_current;

#[component]
pub fn RisksSection() -> impl IntoView {
    let current = use_current();
    let has_risks = Memo::new(move |_| {
        current
            .assessment
            .with(|a| a.as_ref().is_some_and(|a| !a.risks.is_empty()))
    });
    let sentence = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| summary(&a.risks, Local::now().date_naive()).sentence())
                .unwrap_or_default()
        })
    });
    view! {
        <section aria-labelledby="risks-section-title">
            <h2 id="risks-section-title">{t("plan.risks_title")}</h2>
            <p class="muted">{t("plan.risks_intro")}</p>
            <Show when=move || has_risks.get()>
                <p class="headline risk-summary">{move || sentence.get()}</p>
                <RiskHeatMap/>
            </Show>
            <RiskRegister/>
        </section>
    }
}
