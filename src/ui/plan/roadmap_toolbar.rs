//! The roadmap's actions: add an initiative, ask for suggestions from the gaps, and schedule
//! everything as early as dependencies and the team's capacity allow (with undo).

use chrono::{Local, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use crate::domain::roadmap::schedule::{self, Scope};
use crate::domain::roadmap::{deps, Initiative};
use crate::domain::team::capacity::assessment_weekly_capacity;
use crate::ui::i18n::{t, tf};
use crate::ui::plan::initiative_edit::{initiatives, title_of};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// What the last "Schedule" did, and how to take it back.
#[derive(Clone, Debug, PartialEq)]
struct Scheduled {
    headline: String,
    lines: Vec<String>,
    overloaded: Vec<String>,
    /// True when the team has no capacity at all today (no people and no team size).
    no_capacity: bool,
    /// Each moved initiative's start before the move.
    previous: Vec<(Uuid, Option<NaiveDate>)>,
}

#[component]
pub fn RoadmapToolbar(suggesting: RwSignal<bool>) -> impl IntoView {
    let current = use_current();
    let state = use_app_state();
    let edit = initiatives();
    let id = current.id;
    let navigate = use_navigate();
    let outcome = RwSignal::new(None::<Result<Scheduled, String>>);
    let add = move |_| {
        let new_id = Uuid::new_v4();
        let mut item = Initiative::new(new_id, "");
        item.start = Some(Local::now().date_naive());
        edit.push(item);
        navigate(&format!("/a/{id}/roadmap/{new_id}"), Default::default());
    };
    let run = move |_| {
        let today = Local::now().date_naive();
        let Some(a) = current.assessment.get_untracked() else {
            return;
        };
        let plan = schedule::schedule(
            &a.initiatives,
            today,
            |d| assessment_weekly_capacity(&a, d),
            &Scope::All,
        );
        if let Some(cycle) = &plan.unplaced_cycle {
            outcome.set(Some(Err(tf(
                "plan.roadmap_toolbar_cycle",
                &[("cycle", &deps::describe_cycle(&a.initiatives, cycle))],
            ))));
            return;
        }
        let lines = plan
            .moves
            .iter()
            .map(|m| schedule::describe_move(&a.initiatives, m))
            .collect();
        let overloaded = plan
            .overloaded
            .iter()
            .filter_map(|o| a.initiatives.iter().find(|i| i.id == *o))
            .map(title_of)
            .collect();
        let previous = plan.moves.iter().map(|m| (m.id, m.from)).collect();
        let headline = plan.headline();
        let no_capacity = assessment_weekly_capacity(&a, today) <= 0.0;
        state.edit(id, |a| schedule::apply(&mut a.initiatives, &plan));
        outcome.set(Some(Ok(Scheduled {
            headline,
            no_capacity,
            lines,
            overloaded,
            previous,
        })));
    };
    let undo = move |_| {
        if let Some(Ok(done)) = outcome.get_untracked() {
            state.edit(id, |a| {
                for (moved, start) in &done.previous {
                    if let Some(i) = a.initiatives.iter_mut().find(|i| i.id == *moved) {
                        i.start = *start;
                    }
                }
            });
            outcome.set(None);
            state.notify(t("plan.roadmap_toolbar_undone"));
        }
    };
    view! {
        <div class="toolbar" role="group" aria-label=t("plan.roadmap_toolbar_actions")>
            <button class="button primary" on:click=add>{t("plan.roadmap_toolbar_add")}</button>
            <button class="button" aria-expanded=move || suggesting.get().to_string()
                on:click=move |_| suggesting.update(|s| *s = !*s)>{t("plan.roadmap_toolbar_suggest")}</button>
            <button class="button" on:click=run>{t("plan.roadmap_toolbar_schedule")}</button>
        </div>
        <p class="hint">{t("plan.roadmap_toolbar_hint")}</p>
        {move || outcome.get().map(|o| match o {
            Err(message) => view! { <p class="error-text" role="alert">{message}</p> }.into_any(),
            Ok(done) => {
                let moved = done.lines.len();
                view! {
                    <div class="panel" role="status" data-testid="schedule-result">
                        <p><strong>{done.headline}</strong></p>
                        <ul>{done.lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        {(!done.overloaded.is_empty()).then(|| view! {
                            <p class="warning-text">
                                {if done.no_capacity {
                                    tf("money.schedule_no_capacity", &[("list", &done.overloaded.join(", "))])
                                } else {
                                    tf("plan.roadmap_toolbar_overloaded", &[("list", &done.overloaded.join(", "))])
                                }}
                            </p>
                        })}
                        {(moved > 0).then(|| view! {
                            <button class="button small" on:click=undo>{t("plan.roadmap_toolbar_undo")}</button>
                        })}
                    </div>
                }.into_any()
            }
        })}
    }
}
