//! Goals & KPIs section: the KPI dashboard and the goals with their SMART checks.

use leptos::prelude::*;

use crate::ui::i18n::t;
use crate::ui::plan::goal_list::GoalList;
use crate::ui::plan::kpi_dashboard::KpiDashboard;

#[component]
pub fn GoalsSection() -> impl IntoView {
    view! {
        <section aria-labelledby="goals-section-title">
            <h2 id="goals-section-title">{t("plan.goals_title")}</h2>
            <KpiDashboard/>
            <GoalList/>
        </section>
    }
}
