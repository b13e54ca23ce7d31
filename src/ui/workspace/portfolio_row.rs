//! One client's row of the portfolio: the client (a link to the assessment, the company, the
//! consultant's tag and the company's earlier assessments), the maturity index, the review, the
//! flags (each a link to the page that deals with it) and a cell per area opening that area.

use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use crate::domain::portfolio::{Client, Level, View};
use crate::domain::scoring::fmt1;
use crate::storage::MAX_TAG_CHARS;
use crate::ui::i18n::{content, date, date_time, t, tf};

/// "2.3", or "—" when there is none (in the reviewed view: nothing reviewed yet).
fn index_text(index: Option<f64>) -> String {
    index.map(fmt1).unwrap_or_else(|| "—".to_string())
}

#[component]
pub fn PortfolioRow(
    client: Client,
    view: View,
    set_tag: impl Fn(Uuid, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let f = client.latest.clone();
    let id = f.id;
    let view_word = match view {
        View::SelfAssessed => t("portfolio.view_self_word"),
        View::Reviewed => t("portfolio.view_reviewed_word"),
    };
    let cells = content()
        .areas
        .iter()
        .zip(f.levels(view).iter().copied())
        .map(|(area, level)| {
            let href = format!("/a/{id}/assessment/{}", area.id);
            let text = level.text();
            let label = tf(
                "portfolio.cell_label",
                &[("area", &area.name), ("level", &text), ("view", view_word)],
            );
            let class = match level.step() {
                Some(step) => format!("pf-cell pf-l{step}"),
                None => "pf-cell pf-empty".to_string(),
            };
            let short = match level {
                Level::Score(_) => text,
                // The reason in full stays in the label; the cell shows a short mark.
                _ => "·".to_string(),
            };
            view! {
                <td class=class data-area=area.id.clone()>
                    <A href=href attr:aria-label=label.clone() attr:title=label>{short}</A>
                </td>
            }
        })
        .collect_view();
    let flags = f.flags.list();
    // Only serious flags count; housekeeping ones are shown, marked, but not counted.
    let flag_count = f.flags.serious().len();
    let reading = (!f.lists_read).then(|| {
        view! { <span class="muted small pf-reading">{t("portfolio.flags_reading")}</span> }
    });
    let flag_view = if flags.is_empty() && reading.is_some() {
        ().into_any()
    } else if flags.is_empty() {
        view! { <span class="muted">{t("portfolio.no_flags")}</span> }.into_any()
    } else {
        view! {
            <ul class="pf-flags">
                {flags.into_iter().map(|flag| {
                    let housekeeping = flag.is_housekeeping();
                    view! {
                        <li data-flag=flag.id() class:pf-housekeeping=housekeeping>
                            <A href=format!("/a/{id}/{}", flag.section())>{flag.text()}</A>
                            {housekeeping.then(|| view! {
                                " " <span class="muted small">{format!("({})", t("portfolio.housekeeping"))}</span>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let earlier = client.earlier.clone();
    let history = (!earlier.is_empty()).then(|| {
        view! {
            <details class="pf-history">
                <summary>{match earlier.len() {
                    1 => t("portfolio.history_one").to_string(),
                    n => tf("portfolio.history", &[("n", &n.to_string())]),
                }}</summary>
                <ul>
                    {earlier.into_iter().map(|e| {
                        let line = tf(
                            "portfolio.history_line",
                            &[
                                ("date", &date(e.created_at.date_naive())),
                                ("index", &index_text(e.index_in(view))),
                            ],
                        );
                        view! {
                            <li>
                                <A href=format!("/a/{}", e.id)>{e.name}</A>
                                " "
                                {line}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        }
    });
    let tag_label = tf("portfolio.tag_label", &[("name", &f.name)]);
    let snapshot = match f.last_snapshot {
        Some(at) => tf(
            "portfolio.last_snapshot",
            &[("date", &date(at.date_naive()))],
        ),
        None if f.lists_read => t("portfolio.no_snapshot").to_string(),
        // Not read yet: saying "no snapshot" would be a guess.
        None => String::new(),
    };
    let index = index_text(f.index_in(view));
    let review = f.review.text();
    let changed = tf("portfolio.changed", &[("when", &date_time(f.updated_at))]);
    view! {
        <tr data-id=id.to_string()>
            <th scope="row" class="pf-client">
                <A href=format!("/a/{id}")>{f.name}</A>
                <span class="pf-company">{f.company}</span>
                <span class="muted small">{changed}</span>
                <span class="muted small">{snapshot}</span>
                <input
                    type="text"
                    class="pf-tag"
                    list="portfolio-tags"
                    maxlength=MAX_TAG_CHARS
                    placeholder=t("portfolio.tag_placeholder")
                    aria-label=tag_label
                    prop:value=client.tag.clone()
                    on:change=move |ev| set_tag(id, event_target_value(&ev))
                />
                {history}
            </th>
            <td class="pf-index" data-testid="pf-index">{index}</td>
            <td class="pf-review">{review}</td>
            <td class="pf-flag-cell" data-flags=flag_count>{flag_view}{reading}</td>
            {cells}
        </tr>
    }
}
