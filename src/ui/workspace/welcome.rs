//! The first screen of an empty workspace: what the app does, how long the quick pass and the
//! full assessment take, and the three ways to begin.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::domain::quick_pass::Pass;
use crate::ui::assessment::pass_times::{basis_hint, full_line, quick_line, times};
use crate::ui::i18n::t;
use crate::ui::state::use_app_state;
use crate::ui::workspace::import_button::ImportButton;

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
    // Nothing is answered yet: both passes are ahead in full.
    let none = BTreeMap::new();
    view! {
        <section class="page welcome">
            <h1>{t("lead.welcome_title")}</h1>
            <p class="lead">
                {t("lead.welcome_lead")}
            </p>
            <p>
                {t("lead.welcome_consultants")}
            </p>
            <ul class="pass-times" data-testid="pass-times">
                <li>{quick_line(&times(&none, Pass::Quick))}</li>
                <li>{full_line(&times(&none, Pass::Full))}</li>
            </ul>
            <p class="hint">{basis_hint()}</p>
            <div class="welcome-actions">
                <button class="button primary" on:click=new_assessment>{t("lead.new_assessment")}</button>
                <ImportButton id="import-file-welcome"/>
                <button class="button" on:click=open_demo>{t("lead.open_demo")}</button>
            </div>
            <ul class="welcome-notes muted">
                <li>{t("lead.welcome_note_new")}</li>
                <li>{t("lead.welcome_note_import")}</li>
                <li>{t("lead.welcome_note_demo")}</li>
            </ul>
        </section>
    }
}
