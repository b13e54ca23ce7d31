//! Team section: the people today, the hiring and training plan, capacity against the roadmap,
//! the skills matrix and the responsibility matrix. Each part is its own component.

use leptos::prelude::*;

use crate::ui::i18n::t;
use crate::ui::plan::capacity_table::CapacityTable;
use crate::ui::plan::people_list::PeopleList;
use crate::ui::plan::responsibility_matrix::ResponsibilityMatrix;
use crate::ui::plan::skills_matrix::SkillsMatrixTable;
use crate::ui::plan::team_plan::TeamPlan;

#[component]
pub fn TeamSection() -> impl IntoView {
    view! {
        <section aria-labelledby="team-section-title">
            <h2 id="team-section-title">{t("team.team_title")}</h2>
            <p class="muted">{t("team.team_intro")}</p>
            <PeopleList/>
            <TeamPlan/>
            <CapacityTable/>
            <SkillsMatrixTable/>
            <ResponsibilityMatrix/>
        </section>
    }
}
