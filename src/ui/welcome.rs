//! The first screen of an empty workspace: what the app does and the three ways to begin.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::import_button::ImportButton;
use super::state::use_app_state;

#[component]
pub fn Welcome() -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let nav = navigate.clone();
    let new_assessment = move |_| {
        let id = state.create("");
        nav(&format!("/a/{id}/profile"), NavigateOptions::default());
    };
    let open_demo = move |_| {
        let id = state.open_demo();
        navigate(&format!("/a/{id}"), NavigateOptions::default());
    };
    view! {
        <section class="page welcome">
            <h1>"Where does your technology stand, and what comes next?"</h1>
            <p class="lead">
                "CTO Workbench walks a founder through the way a fractional CTO (a part-time, "
                "outside technology lead) reviews a startup: a self-assessment across 16 areas of "
                "technology leadership, goals and KPIs, a dated roadmap, a budget, risks, and the "
                "choice of engineering partners and tools."
            </p>
            <p>
                "Consultants receive the founder's exported file, review it, add comments and send "
                "it back. Everything stays in this browser and in the files you export: nothing is "
                "sent anywhere."
            </p>
            <div class="welcome-actions">
                <button class="button primary" on:click=new_assessment>"New assessment"</button>
                <ImportButton id="import-file-welcome"/>
                <button class="button" on:click=open_demo>"Open demo"</button>
            </div>
            <ul class="welcome-notes muted">
                <li>"New assessment: start with your company profile."</li>
                <li>"Import file: open a file exported from CTO Workbench (yours or your consultant's)."</li>
                <li>"Open demo: look around a fictional seed-stage company first."</li>
            </ul>
        </section>
    }
}
