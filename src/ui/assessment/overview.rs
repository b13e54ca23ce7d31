//! Overview section: where the assessment stands (profile, answers, scores) and what to do next
//! (the guided path of `common::next_step`).

use leptos::prelude::*;
use leptos_router::components::{Redirect, A};

use crate::domain::scoring::fmt1;
use crate::ui::assessment::area_nav::area_name;
use crate::ui::assessment::next_steps::NextSteps;
use crate::ui::assessment::pass_times::PassTimes;
use crate::ui::assessment::verdict_panel::VerdictPanel;
use crate::ui::common::next_step::GuidePath;
use crate::ui::i18n::{date_time, l, t, tf};
use crate::ui::shell::assessment_frame::use_current;

/// `/a/:id` shows the overview under its own address, so the section tab is marked as current.
#[component]
pub fn OverviewRedirect() -> impl IntoView {
    let id = use_current().id;
    view! { <Redirect path=format!("/a/{id}/overview")/> }
}

/// How many gaps the overview lists.
const TOP: usize = 3;

#[component]
pub fn OverviewSection() -> impl IntoView {
    let current = use_current();
    let id = current.id;
    let a = current.assessment;
    let results = current.results;
    let completion = Memo::new(move |_| {
        a.with(|a| a.as_ref().map(|a| a.profile_completion()).unwrap_or((0, 0)))
    });
    let field = move |f: fn(&crate::domain::Assessment) -> String| {
        move || a.with(|a| a.as_ref().map(f).unwrap_or_default())
    };
    view! {
        <section aria-labelledby="overview-title">
            <h2 id="overview-title">{t("assess.overview_title")}</h2>
            <dl class="facts">
                <div><dt>{t("assess.overview_company")}</dt><dd>{field(|a| non_empty(&a.profile.company_name))}</dd></div>
                <div><dt>{t("assess.overview_stage")}</dt><dd>{field(|a| l(a.profile.stage.label()).to_string())}</dd></div>
                <div><dt>{t("assess.overview_industry")}</dt><dd>{field(|a| non_empty(&a.profile.industry))}</dd></div>
                <div>
                    <dt>{t("assess.overview_team_size")}</dt>
                    <dd>{field(|a| a.profile.team_size.map(|n| tf("assess.overview_people", &[("n", &n.to_string())])).unwrap_or_else(|| t("assess.overview_not_given").into()))}</dd>
                </div>
                <div><dt>{t("assess.overview_created")}</dt><dd>{field(|a| date_time(a.created_at))}</dd></div>
                <div><dt>{t("assess.overview_changed")}</dt><dd>{field(|a| date_time(a.updated_at))}</dd></div>
            </dl>
            <GuidePath/>
            <VerdictPanel/>
            <NextSteps/>
            <h3>{t("assess.overview_scores")}</h3>
            <p class="headline">
                {move || results.with(|r| match r.index {
                    Some(index) => tf(
                        "assess.overview_index",
                        &[
                            ("index", &fmt1(index)),
                            ("counted", &r.counted.to_string()),
                            ("scored", &r.scored_areas.to_string()),
                            ("areas", &r.areas.len().to_string()),
                        ],
                    ),
                    None => t("assess.overview_no_scores").to_string(),
                })}
            </p>
            <Show when=move || results.with(|r| !r.ranked_gaps().is_empty())>
                <p>{t("assess.overview_gaps")}</p>
                <ol>
                    {move || results.with(|r| r.ranked_gaps().into_iter().take(TOP).map(|g| {
                        let href = format!("/a/{id}/assessment/{}", g.area_id);
                        let name = area_name(&g.area_id, &g.name);
                        let text = tf(
                            "assess.overview_gap_line",
                            &[
                                ("today", &fmt1(g.score.unwrap_or(0.0))),
                                ("target", &fmt1(g.target.unwrap_or(0.0))),
                                ("priority", &fmt1(g.priority.unwrap_or(0.0))),
                            ],
                        );
                        view! { <li><A href=href>{name}</A>{text}</li> }
                    }).collect_view())}
                </ol>
            </Show>
            <crate::ui::assessment::review_summary::ReviewSummary/>
            <h3>{t("assess.overview_progress")}</h3>
            <ul class="progress-list">
                <li>
                    {move || {
                        let (filled, total) = completion.get();
                        tf(
                            "assess.overview_profile_progress",
                            &[("filled", &filled.to_string()), ("total", &total.to_string())],
                        )
                    }}
                </li>
                <li>
                    {move || results.with(|r| tf(
                        "assess.overview_assessment_progress",
                        &[
                            ("done", &r.done.to_string()),
                            ("questions", &r.questions.to_string()),
                            (
                                "complete",
                                &r.areas.iter().filter(|x| x.done == x.questions).count().to_string(),
                            ),
                        ],
                    ))}
                </li>
                <PassTimes/>
            </ul>
        </section>
    }
}

fn non_empty(text: &str) -> String {
    if text.trim().is_empty() {
        t("assess.overview_not_given").to_string()
    } else {
        text.to_string()
    }
}
