//! Comparing two points in time, each a snapshot or now: the maturity index, every area's
//! score change and the questions whose answer changed, largest changes first.

use leptos::prelude::*;
use leptos_router::components::A;

use chrono::Local;

use crate::domain::scoring::fmt1;
use crate::domain::snapshot::diff::{self, QuestionState};
use crate::domain::snapshot::progress::{Moment, SeriesPoint, SnapshotError};
use crate::ui::i18n::{content, date, t, tf};
use crate::ui::shell::assessment_frame::use_current;

/// A score as shown: one decimal, or "–" with no score.
fn score(v: Option<f64>) -> String {
    v.map(fmt1).unwrap_or_else(|| "–".to_string())
}

/// What a choice reads: "Q3 review (30 Sep 2026)", or "Now (your answers as they are)".
fn option_label(p: &SeriesPoint) -> String {
    match p.taken_at {
        Some(at) => tf(
            "assess.snapshot_compare_option",
            &[
                ("name", &p.name),
                ("date", &date(at.with_timezone(&Local).date_naive())),
            ],
        ),
        None => t("assess.snapshot_compare_now").to_string(),
    }
}

/// Why a point in time could not be compared, as a whole sentence.
fn error_text(e: &SnapshotError) -> &'static str {
    match e {
        SnapshotError::NotFound(_) => t("assess.snapshot_compare_not_found"),
    }
}

/// A CSS hook for the direction of a change; the words say it too.
fn direction_class(from: Option<f64>, to: Option<f64>) -> &'static str {
    match (from, to) {
        (Some(f), Some(t)) if fmt1((t - f).abs()) != "0.0" => {
            if t > f {
                "change-up"
            } else {
                "change-down"
            }
        }
        _ => "",
    }
}

#[component]
pub fn SnapshotCompare(
    /// The scores of every snapshot and now, from `progress::series`.
    #[prop(into)]
    series: Signal<Vec<SeriesPoint>>,
) -> impl IntoView {
    let current = use_current();
    let id = current.id;
    let options = Memo::new(move |_| {
        series.with(|points| {
            points
                .iter()
                .map(|p| (p.moment, option_label(p)))
                .collect::<Vec<_>>()
        })
    });
    // `None` until the founder chooses; a choice whose snapshot was deleted falls back too.
    let from_choice = RwSignal::new(None::<Moment>);
    let to_choice = RwSignal::new(None::<Moment>);
    let from = Memo::new(move |_| {
        options.with(|o| {
            from_choice
                .get()
                .filter(|m| o.iter().any(|x| x.0 == *m))
                // The latest snapshot (the point before now), else now.
                .unwrap_or_else(|| o.len().checked_sub(2).map_or(Moment::Now, |i| o[i].0))
        })
    });
    let to = Memo::new(move |_| {
        options.with(|o| {
            to_choice
                .get()
                .filter(|m| o.iter().any(|x| x.0 == *m))
                .unwrap_or(Moment::Now)
        })
    });
    let result = Memo::new(move |_| {
        let (earlier, later) = (from.get(), to.get());
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| diff::compare(content(), a, earlier, later))
        })
    });
    let picker = move |dom_id: &'static str,
                       label: &'static str,
                       chosen: Memo<Moment>,
                       choice: RwSignal<Option<Moment>>| {
        view! {
            <div class="field">
                <label for=dom_id>{label}</label>
                <select
                    id=dom_id
                    on:change=move |ev| choice.set(Moment::from_value(&event_target_value(&ev)))
                >
                    {move || options.get().into_iter().map(|(m, text)| view! {
                        <option value=m.value() selected=move || chosen.get() == m>{text}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <section class="subsection" aria-labelledby="snapshot-compare-title">
            <h3 id="snapshot-compare-title">{t("assess.snapshot_compare_title")}</h3>
            <Show when=move || options.with(|o| o.len() < 2)>
                <p class="empty">{t("assess.snapshot_compare_empty")}</p>
            </Show>
            <div class="compare-pickers">
                {picker("snapshot-compare-from", t("assess.snapshot_compare_from"), from, from_choice)}
                {picker("snapshot-compare-to", t("assess.snapshot_compare_to"), to, to_choice)}
            </div>
            {move || match result.get() {
                None => ().into_any(),
                Some(Err(e)) => view! { <p class="error-text">{error_text(&e)}</p> }.into_any(),
                Some(Ok(d)) => {
                    let same = from.get() == to.get();
                    let headline = tf(
                        "assess.snapshot_compare_headline",
                        &[
                            ("from", &score(d.from_index)),
                            ("to", &score(d.to_index)),
                            ("change", &d.index_words()),
                        ],
                    );
                    let changed = d.questions.len();
                    view! {
                        <Show when=move || same>
                            <p class="hint">{t("assess.snapshot_compare_same")}</p>
                        </Show>
                        <p class="headline" data-testid="snapshot-index-change">{headline}</p>
                        <div class="table-scroll">
                            <table class="data-table snapshot-diff">
                                <caption>{t("assess.snapshot_compare_areas_caption")}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{t("assess.snapshot_compare_area")}</th>
                                        <th scope="col">{t("assess.snapshot_compare_col_from")}</th>
                                        <th scope="col">{t("assess.snapshot_compare_col_to")}</th>
                                        <th scope="col">{t("assess.snapshot_compare_change")}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {d.areas.iter().map(|c| view! {
                                        <tr>
                                            <th scope="row">{c.name.clone()}</th>
                                            <td>{score(c.from)}</td>
                                            <td>{score(c.to)}</td>
                                            <td class=direction_class(c.from, c.to)>{c.words()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <h4>{tf("assess.snapshot_compare_questions_title", &[("count", &changed.to_string())])}</h4>
                        {if d.questions.is_empty() {
                            view! { <p class="empty">{t("assess.snapshot_compare_no_questions")}</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-scroll">
                                    <table class="data-table snapshot-questions">
                                        <caption>{t("assess.snapshot_compare_questions_caption")}</caption>
                                        <thead>
                                            <tr>
                                                <th scope="col">{t("assess.snapshot_compare_question")}</th>
                                                <th scope="col">{t("assess.snapshot_compare_area")}</th>
                                                <th scope="col">{t("assess.snapshot_compare_col_from")}</th>
                                                <th scope="col">{t("assess.snapshot_compare_col_to")}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {d.questions.iter().map(|q| {
                                                let href = format!("/a/{id}/assessment/{}", q.area_id);
                                                // Owned: the link's children outlive this loop.
                                                let area_name = q.area_name.clone();
                                                let levels = |from: QuestionState, to: QuestionState| match (from, to) {
                                                    (QuestionState::Level(a), QuestionState::Level(b)) if b > a => t("assess.snapshot_compare_level_up"),
                                                    (QuestionState::Level(a), QuestionState::Level(b)) if b < a => t("assess.snapshot_compare_level_down"),
                                                    _ => "",
                                                };
                                                view! {
                                                    <tr>
                                                        <th scope="row">{q.text.clone()}</th>
                                                        <td><A href=href>{area_name}</A></td>
                                                        <td>{q.from.label()}</td>
                                                        <td>{q.to.label()}{levels(q.from, q.to)}</td>
                                                    </tr>
                                                }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }.into_any()
                        }}
                    }.into_any()
                }
            }}
        </section>
    }
}
