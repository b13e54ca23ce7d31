//! "Suggest from gaps": initiatives proposed from the assessment's largest-priority gaps, using
//! the framework's improvement steps. The user accepts (as is or with a new title) or discards
//! each, a page at a time in priority order; accepted ones stay in place, marked, and are dated by the scheduler without moving anything already planned.
//! Each card says what the step asks for beyond its effort (ongoing work, the least time it
//! takes, an outside cost in its own currency) and whether that cost was filled in.

use std::collections::BTreeSet;

use chrono::Local;
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use crate::domain::roadmap::schedule::{self, Scope};
use crate::domain::roadmap::suggest::{self, page_bounds, Suggestion};
use crate::domain::team::capacity::assessment_weekly_capacity;
use crate::domain::Assessment;
use crate::ui::i18n::{content, t, tf};
use crate::ui::plan::units::{effort_line, outside_cost_note, step_facts};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// Adds the chosen suggestions to the roadmap and dates them after what is already planned.
pub(crate) fn accept(a: &mut Assessment, chosen: Vec<Suggestion>) {
    let today = Local::now().date_naive();
    let ids: BTreeSet<Uuid> = chosen.iter().map(|s| s.initiative.id).collect();
    let known: BTreeSet<Uuid> = a.initiatives.iter().map(|i| i.id).collect();
    for mut s in chosen {
        // A suggestion may wait for another one the user discarded: that link goes.
        s.initiative
            .depends_on
            .retain(|d| known.contains(d) || ids.contains(d));
        a.initiatives.push(s.initiative);
    }
    let plan = schedule::schedule(
        &a.initiatives,
        today,
        |d| assessment_weekly_capacity(a, d),
        &Scope::Only(ids),
    );
    schedule::apply(&mut a.initiatives, &plan);
}

#[component]
pub fn RoadmapSuggestions(suggesting: RwSignal<bool>) -> impl IntoView {
    let current = use_current();
    let state = use_app_state();
    let id = current.id;
    // Computed when the panel opens, then edited locally until accepted or discarded. Accepted
    // ones stay in their place, marked, so the list does not jump under the founder's eyes.
    let pending = RwSignal::new(Vec::<Suggestion>::new());
    let added = RwSignal::new(BTreeSet::<Uuid>::new());
    let page = RwSignal::new(0usize);
    Effect::new(move |_| {
        if suggesting.get() {
            let list = current.assessment.with_untracked(|a| {
                a.as_ref()
                    .map(|a| {
                        suggest::suggest(
                            content(),
                            a,
                            &current.results.get_untracked(),
                            Uuid::new_v4,
                        )
                    })
                    .unwrap_or_default()
            });
            pending.set(list);
            added.set(BTreeSet::new());
            page.set(0);
        }
    });
    let open_count = move || {
        added.with(|done| {
            pending.with(|list| {
                list.iter()
                    .filter(|s| !done.contains(&s.initiative.id))
                    .count()
            })
        })
    };
    let take = move |which: Option<Uuid>| {
        let chosen: Vec<Suggestion> = added.with_untracked(|done| {
            pending.with_untracked(|list| {
                list.iter()
                    .filter(|s| !done.contains(&s.initiative.id))
                    .filter(|s| which.is_none_or(|w| s.initiative.id == w))
                    .cloned()
                    .collect()
            })
        });
        let n = chosen.len();
        if n > 0 {
            added.update(|done| done.extend(chosen.iter().map(|s| s.initiative.id)));
            state.edit(id, |a| accept(a, chosen));
            state.notify(if n == 1 {
                t("plan.roadmap_suggestions_added_one").to_string()
            } else {
                tf(
                    "plan.roadmap_suggestions_added_many",
                    &[("count", &n.to_string())],
                )
            });
        }
    };
    let discard = move |which: Uuid| {
        pending.update(|list| list.retain(|s| s.initiative.id != which));
    };
    let discard_open = move || {
        let done = added.get_untracked();
        pending.update(|list| list.retain(|s| done.contains(&s.initiative.id)));
        page.set(0);
    };
    let bounds = move || page_bounds(pending.with(Vec::len), page.get());
    let shown = move || {
        let (from, to, _) = bounds();
        pending.with(|list| list[from..to].to_vec())
    };
    view! {
        <Show when=move || suggesting.get()>
            <section class="subsection suggestions" aria-labelledby="suggestions-title">
                <h3 id="suggestions-title">{t("plan.roadmap_suggestions_title")}</h3>
                <p class="muted">{t("plan.roadmap_suggestions_intro")}" "{t("effort.duration_note")}</p>
                <Show when=move || pending.with(Vec::is_empty)>
                    <p class="empty">{t("plan.roadmap_suggestions_empty")}</p>
                </Show>
                <Show when=move || { open_count() > 0 }>
                    <div class="toolbar">
                        <button class="button primary" on:click=move |_| take(None)>
                            {move || tf("plan.roadmap_suggestions_accept_all", &[("count", &open_count().to_string())])}
                        </button>
                        <button class="button" on:click=move |_| discard_open()>{t("plan.roadmap_suggestions_discard_all")}</button>
                    </div>
                </Show>
                <ol class="card-list" aria-label=t("plan.roadmap_suggestions_list")>
                    <For each=shown key=|s| s.initiative.id let:s>
                        <SuggestionCard s pending added take=take discard=discard/>
                    </For>
                </ol>
                <Show when=move || { bounds().2 > 1 }>
                    <nav class="toolbar pager" aria-label=t("plan.roadmap_suggestions_pages")>
                        <button class="button small" disabled=move || page.get() == 0
                            on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>
                            {t("plan.roadmap_suggestions_previous")}
                        </button>
                        <span data-testid="suggestions-page" aria-live="polite">{move || {
                            let (from, to, _) = bounds();
                            tf(
                                "plan.roadmap_suggestions_showing",
                                &[
                                    ("from", &(from + 1).to_string()),
                                    ("to", &to.to_string()),
                                    ("total", &pending.with(Vec::len).to_string()),
                                ],
                            )
                        }}</span>
                        <button class="button small" disabled=move || { let (_, _, pages) = bounds(); page.get() + 1 >= pages }
                            on:click=move |_| page.update(|p| *p += 1)>
                            {t("plan.roadmap_suggestions_next")}
                        </button>
                    </nav>
                </Show>
            </section>
        </Show>
    }
}

#[component]
fn SuggestionCard(
    s: Suggestion,
    pending: RwSignal<Vec<Suggestion>>,
    added: RwSignal<BTreeSet<Uuid>>,
    take: impl Fn(Option<Uuid>) + Copy + Send + Sync + 'static,
    discard: impl Fn(Uuid) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let current = use_current();
    let sid = s.initiative.id;
    let is_added = move || added.with(|done| done.contains(&sid));
    let input_id = format!("suggestion-{sid}-title");
    let set_title = move |v: String| {
        pending.update(|list| {
            if let Some(x) = list.iter_mut().find(|x| x.initiative.id == sid) {
                x.initiative.title = v;
            }
        })
    };
    let title = s.initiative.title.clone();
    let link = format!("/a/{}/roadmap/{sid}", current.id);
    // Only steps that ask for more than one-off effort get the longer line.
    let facts = step_facts(&s.step);
    let more = facts.recurring > 0.0 || facts.at_least_weeks.is_some() || facts.outside.is_some();
    let effort = more.then(|| effort_line(&facts));
    let currency = current
        .assessment
        .with_untracked(|a| a.as_ref().map(|a| a.profile.currency.clone()))
        .unwrap_or_default();
    let cost_note = facts.outside.map(|c| outside_cost_note(c, &currency));
    view! {
        <li class="row-card suggestion" class:accepted=is_added>
            <div class="field wide">
                <label for=input_id.clone()>{t("plan.roadmap_suggestions_initiative")}</label>
                <input type="text" id=input_id prop:value=title disabled=is_added on:input=move |ev| set_title(event_target_value(&ev))/>
            </div>
            <p class="muted">
                {tf(
                    "plan.roadmap_suggestions_details",
                    &[
                        ("area", &s.area_name),
                        ("question", &s.question_text),
                        ("from", &s.from_level.to_string()),
                        ("to", &s.to_level.to_string()),
                        ("priority", &format!("{:.1}", s.priority)),
                        ("effort", &crate::ui::plan::units::person_weeks(s.initiative.effort_weeks)),
                    ],
                )}
            </p>
            {effort.map(|line| view! { <p data-testid="suggestion-effort">{line}</p> })}
            {cost_note.map(|note| view! { <p class="muted" data-testid="suggestion-outside-cost">{note}</p> })}
            <p>{s.initiative.description.clone()}</p>
            <Show
                when=is_added
                fallback=move || view! {
                    <div class="row-actions">
                        <button class="button small primary" on:click=move |_| take(Some(sid))>{t("plan.roadmap_suggestions_accept")}</button>
                        <button class="button small" on:click=move |_| discard(sid)>{t("plan.roadmap_suggestions_discard")}</button>
                    </div>
                }
            >
                <p class="row-actions" data-testid="suggestion-added">
                    "✓ "{t("plan.roadmap_suggestions_on_roadmap")}" "
                    <A href=link.clone()>{t("plan.roadmap_suggestions_open")}</A>
                </p>
            </Show>
        </li>
    }
}
