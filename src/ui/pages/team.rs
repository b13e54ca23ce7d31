//! Team section: the people today, the hiring and training plan, capacity against the roadmap,
//! the skills matrix and the responsibility matrix. Each part is its own component.

use leptos::prelude::*;

use crate::ui::capacity_table::CapacityTable;
use crate::ui::people_list::PeopleList;
use crate::ui::responsibility_matrix::ResponsibilityMatrix;
use crate::ui::skills_matrix::SkillsMatrixTable;
use crate::ui::team_plan::TeamPlan;

#[component]
pub fn TeamSection() -> impl IntoView {
    view! {
        <section aria-labelledby="team-section-title">
            <h2 id="team-section-title">"Team"</h2>
            <p class="muted">
                "Who works on the technology, what they can do, who you plan to hire or train, and "
                "who answers for each part of the work."
            </p>
            <PeopleList/>
            <TeamPlan/>
            <CapacityTable/>
            <SkillsMatrixTable/>
            <ResponsibilityMatrix/>
        </section>
    }
}
