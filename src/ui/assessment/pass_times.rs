//! How long each pass takes, as the welcome screen, the Overview and the Assessment pages say it:
//! "Quick pass: 16 key questions, about 17 min", "Full assessment: about 70 min left". The
//! figures come from [`crate::domain::quick_pass`], always on the English text so both languages
//! show the same times; this file only words them and links to where each pass goes on.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::answers::Answer;
use crate::domain::quick_pass::{
    about_minutes, key_answered, pass_time, Pass, PassTime, THINK_SECONDS, WORDS_PER_MINUTE,
};
use crate::ui::i18n::{content, t, tf};
use crate::ui::shell::assessment_frame::use_current;

/// The time figures of a pass for these answers.
pub fn times(answers: &BTreeMap<String, Answer>, pass: Pass) -> PassTime {
    pass_time(crate::content::get(), answers, pass)
}

fn minutes(seconds: f64) -> String {
    about_minutes(seconds).to_string()
}

/// "Quick pass: 16 key questions, about 17 min." or how much of it is left.
pub fn quick_line(q: &PassTime) -> String {
    let keys = q.questions.to_string();
    if q.done == 0 {
        tf(
            "verdict.quick_pass_time",
            &[("keys", &keys), ("minutes", &minutes(q.total_seconds))],
        )
    } else if q.left() == 0 {
        tf("verdict.quick_pass_done", &[("keys", &keys)])
    } else {
        tf(
            "verdict.quick_pass_left",
            &[
                ("done", &q.done.to_string()),
                ("keys", &keys),
                ("minutes", &minutes(q.left_seconds)),
            ],
        )
    }
}

/// "Full assessment: about 70 min left (62 of 80 questions not yet answered)." and its
/// variants before the first and after the last answer.
pub fn full_line(f: &PassTime) -> String {
    let questions = f.questions.to_string();
    if f.done == 0 {
        tf(
            "verdict.full_time",
            &[
                ("questions", &questions),
                ("minutes", &minutes(f.total_seconds)),
            ],
        )
    } else if f.left() == 0 {
        tf("verdict.full_done", &[("questions", &questions)])
    } else {
        tf(
            "verdict.full_left",
            &[
                ("minutes", &minutes(f.left_seconds)),
                ("left", &f.left().to_string()),
                ("questions", &questions),
            ],
        )
    }
}

/// How the times are estimated, in one line.
pub fn basis_hint() -> String {
    tf(
        "verdict.time_basis",
        &[
            ("wpm", &WORDS_PER_MINUTE.to_string()),
            ("think", &THINK_SECONDS.to_string()),
        ],
    )
}

/// Where the quick pass goes on: the first area whose key question is unanswered, as (area id,
/// area name), or `None` when all key questions are answered.
pub fn next_quick_area(answers: &BTreeMap<String, Answer>) -> Option<(String, String)> {
    content()
        .areas
        .iter()
        .find(|area| !key_answered(area, answers))
        .map(|area| (area.id.clone(), area.name.clone()))
}

/// The quick and the full pass's times for the open assessment, recomputed when it changes.
pub fn use_pass_times() -> Memo<(PassTime, PassTime)> {
    let current = use_current();
    Memo::new(move |_| {
        current.assessment.with(|a| {
            let empty = BTreeMap::new();
            let answers = a.as_ref().map_or(&empty, |a| &a.answers);
            (times(answers, Pass::Quick), times(answers, Pass::Full))
        })
    })
}

/// The link that starts or continues the quick pass, or opens the results once it is done.
#[component]
pub fn QuickPassLink() -> impl IntoView {
    let current = use_current();
    let id = current.id;
    let started = Memo::new({
        let pass = use_pass_times();
        move |_| pass.with(|(q, _)| q.done > 0)
    });
    let next = Memo::new(move |_| {
        current
            .assessment
            .with(|a| a.as_ref().and_then(|a| next_quick_area(&a.answers)))
    });
    move || match next.get() {
        Some((area, name)) => {
            let label = if started.get() {
                tf("verdict.continue_quick", &[("area", &name)])
            } else {
                t("verdict.start_quick").to_string()
            };
            let href = format!("/a/{id}/assessment/{area}{}", Pass::Quick.query());
            view! { <A href=href attr:class="button primary">{label}</A> }.into_any()
        }
        None => view! {
            <A href=format!("/a/{id}/results") attr:class="button">{t("verdict.see_quick_read")}</A>
        }
        .into_any(),
    }
}

/// The two passes with their times for the open assessment, as items of the Overview's progress
/// list, and how the times are estimated.
#[component]
pub fn PassTimes() -> impl IntoView {
    let id = use_current().id;
    let both = use_pass_times();
    view! {
        <li data-testid="quick-pass-time">
            {move || both.with(|(q, _)| quick_line(q))}
            " "
            <QuickPassLink/>
        </li>
        <li data-testid="full-pass-time">
            {move || both.with(|(_, f)| full_line(f))}
            " "
            <A href=format!("/a/{id}/assessment")>{t("verdict.continue_all")}</A>
        </li>
        <li class="hint">{basis_hint()}</li>
    }
}
