//! Assessment section, start page: progress over the 16 areas, the two ways through (the quick
//! pass of key questions, or all questions) with the time each takes, and what is left to answer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::assessment::answers_import::AnswersImport;
use crate::ui::assessment::area_nav::area_name;
use crate::ui::assessment::pass_times::{
    basis_hint, full_line, quick_line, use_pass_times, QuickPassLink,
};
use crate::ui::assessment::unknown_answers::UnknownAnswers;
use crate::ui::i18n::{content, t, tf};
use crate::ui::shell::assessment_frame::use_current;

#[component]
pub fn AssessmentSection() -> impl IntoView {
    let current = use_current();
    let id = current.id;
    let results = current.results;
    let next_area = Memo::new(move |_| {
        results.with(|r| {
            r.areas
                .iter()
                .find(|a| a.done < a.questions)
                .map(|a| (a.area_id.clone(), area_name(&a.area_id, &a.name)))
        })
    });
    let times = use_pass_times();
    let areas = &content().areas;
    view! {
        <section aria-labelledby="assessment-title">
            <h2 id="assessment-title">{t("assess.self_assessment_title")}</h2>
            <p class="muted">
                {t("assess.self_assessment_intro")}
            </p>
            <p class="progress-line">
                {move || results.with(|r| tf(
                    "assess.self_assessment_progress",
                    &[("done", &r.done.to_string()), ("questions", &r.questions.to_string())],
                ))}
            </p>
            <progress
                max=move || results.with(|r| r.questions)
                value=move || results.with(|r| r.done)
                aria-label=t("assess.self_assessment_progress_label")
            ></progress>
            <div class="pass-choice">
                <section class="pass-card" aria-labelledby="quick-pass-title">
                    <h3 id="quick-pass-title">{t("verdict.quick_title")}</h3>
                    <p>{t("verdict.quick_intro")}</p>
                    <p class="pass-time" data-testid="quick-pass-time">{move || times.with(|(q, _)| quick_line(q))}</p>
                    <p><QuickPassLink/></p>
                </section>
                <section class="pass-card" aria-labelledby="full-pass-title">
                    <h3 id="full-pass-title">{t("verdict.all_title")}</h3>
                    <p>{t("verdict.all_intro")}</p>
                    <p class="pass-time" data-testid="full-pass-time">{move || times.with(|(_, f)| full_line(f))}</p>
                    <p>
                        {move || match next_area.get() {
                            Some((area_id, name)) => view! {
                                <A href=format!("/a/{id}/assessment/{area_id}") attr:class="button">
                                    {tf("assess.self_assessment_continue", &[("area", &name)])}
                                </A>
                            }.into_any(),
                            None => view! {
                                <span>{t("assess.self_assessment_all_done")}</span>
                                <A href=format!("/a/{id}/results")>{t("assess.self_assessment_see_results")}</A>
                            }.into_any(),
                        }}
                    </p>
                </section>
            </div>
            <p class="hint">{basis_hint()}</p>
            <table class="data-table">
                <caption>{t("assess.self_assessment_caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("assess.self_assessment_area")}</th>
                        <th scope="col">{t("assess.self_assessment_answered")}</th>
                        <th scope="col">{t("assess.self_assessment_na")}</th>
                        <th scope="col">{t("assess.self_assessment_left")}</th>
                    </tr>
                </thead>
                <tbody>
                    {areas
                        .iter()
                        .enumerate()
                        .map(|(i, area)| {
                            let row = move || results.with(|r| r.areas.get(i).cloned());
                            view! {
                                <tr>
                                    <th scope="row">
                                        <A href=format!("/a/{id}/assessment/{}", area.id)>
                                            {area.number} ". " {area.name.clone()}
                                        </A>
                                    </th>
                                    <td>{move || row().map(|r| tf(
                                        "assess.self_assessment_x_of_y",
                                        &[("done", &r.done.to_string()), ("questions", &r.questions.to_string())],
                                    ))}</td>
                                    <td>{move || row().map(|r| r.not_applicable)}</td>
                                    <td>{move || row().map(|r| r.questions - r.done)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <AnswersImport/>
            <UnknownAnswers/>
        </section>
    }
}
