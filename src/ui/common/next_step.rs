//! The founder's guided path on screen: "What to do next" on the Overview (every step, done or
//! not, the first open one marked as next) and the footer of each step's page naming the step
//! after it. Both read the one order and the done-rules of [`crate::domain::guide`].

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use uuid::Uuid;

use crate::domain::guide::{self, Facts, Step};
use crate::domain::quick_pass::{about_minutes, pass_time, Pass};
use crate::ui::assessment::pass_times::next_quick_area;
use crate::ui::i18n::{content, t, tf};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// Where a step is taken: its section, and for the quick pass the first area whose key question
/// is open (the whole list once all are answered).
fn step_href(id: Uuid, step: Step, a: Option<&crate::domain::Assessment>) -> String {
    let quick_area = match step {
        Step::QuickPass => a.and_then(|a| next_quick_area(&a.answers)),
        _ => None,
    };
    match quick_area {
        Some((area, _)) => format!("/a/{id}/assessment/{area}{}", Pass::Quick.query()),
        None => format!("/a/{id}/{}", step.target()),
    }
}

/// The step's sentence of what it gives; the quick pass states its time as estimated everywhere
/// (on the English text, see `quick_pass`).
fn gives(step: Step) -> String {
    let quick = pass_time(crate::content::get(), &Default::default(), Pass::Quick);
    tf(
        step.gives_key(),
        &[("minutes", &about_minutes(quick.total_seconds).to_string())],
    )
}

/// "What to do next" on the Overview: the path in order, each step done or not, the first open
/// step marked as the next one.
#[component]
pub fn GuidePath() -> impl IntoView {
    let current = use_current();
    let state = use_app_state();
    let id = current.id;
    let exported = Memo::new(move |_| state.export_log.with(|log| log.last_export(id).is_some()));
    let steps = Memo::new(move |_| {
        let exported = exported.get();
        current.assessment.with(|a| {
            current.results.with(|results| {
                let facts = Facts {
                    content: content(),
                    results,
                    exported,
                };
                let Some(a) = a.as_ref() else {
                    return Vec::new();
                };
                let path = guide::path(a, &facts);
                let next = guide::next_open(&path);
                path.into_iter()
                    .map(|(step, done)| {
                        (step, done, Some(step) == next, step_href(id, step, Some(a)))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section aria-labelledby="guide-title" class="guide-path">
            <h3 id="guide-title">{t("guide.title")}</h3>
            <p class="muted">{t("guide.intro")}</p>
            <ol class="guide-steps">
                {move || steps.get().into_iter().map(|(step, done, next, href)| {
                    let (class, status) = if done {
                        ("done", t("guide.status_done"))
                    } else if next {
                        ("next", t("guide.status_next"))
                    } else {
                        ("open", t("guide.status_open"))
                    };
                    view! {
                        <li class=class aria-current=next.then_some("step")>
                            <span class="guide-status">{status}</span>
                            <A href=href>{t(step.title_key())}</A>
                            <span class="guide-gives">{gives(step)}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

/// The foot of a step's page: the step after it on the path, with a link there. Shown under
/// every section that is a step of the path (the section is read from the address), so a page
/// needs nothing of its own.
#[component]
pub fn NextStep() -> impl IntoView {
    let current = use_current();
    let id = current.id;
    let location = use_location();
    // `/a/<id>/<section>/...`: the section is the third part of the address.
    let here = Memo::new(move |_| {
        location
            .pathname
            .with(|p| p.split('/').nth(3).and_then(Step::of_section))
    });
    move || {
        let step = here.get()?;
        let view = match step.next() {
            Some(next) => {
                let href = current.assessment.with(|a| step_href(id, next, a.as_ref()));
                view! {
                    <p>
                        <strong>{t("guide.footer_next")}</strong>
                        " "
                        <A href=href>{t(next.title_key())}</A>
                        " "
                        <span class="muted">{gives(next)}</span>
                    </p>
                }
                .into_any()
            }
            None => view! {
                <p>
                    {t("guide.footer_last")}
                    " "
                    <A href=format!("/a/{id}/overview")>{t("guide.footer_overview")}</A>
                </p>
            }
            .into_any(),
        };
        Some(view! {
            <nav class="next-step" aria-label=t("guide.footer_label")>{view}</nav>
        })
    }
}
