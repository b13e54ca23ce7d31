//! The portfolio's grid: a row per client, a column per area, with the legend that says what the
//! numbers and colours mean. Rows are built from the facts the page computed; nothing here
//! scores anything.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::portfolio::{Client, Query, View};
use crate::ui::i18n::{content, t, tf};
use crate::ui::workspace::portfolio_row::PortfolioRow;

#[component]
pub fn PortfolioGrid(
    all: Memo<Vec<Client>>,
    rows: Memo<Vec<usize>>,
    query: RwSignal<Query>,
    known_tags: Memo<Vec<String>>,
    set_tag: impl Fn(Uuid, String) + Copy + Send + Sync + 'static,
    /// True while some client's flags wait for its lists to be read.
    reading: Memo<bool>,
) -> impl IntoView {
    let areas = &content().areas;
    let view = Memo::new(move |_| query.with(|q| q.view));
    view! {
        <datalist id="portfolio-tags">
            {move || known_tags.get().into_iter().map(|tag| view! { <option value=tag/> }).collect_view()}
        </datalist>
        <table class="data-table portfolio-grid" data-testid="portfolio-grid"
            aria-busy=move || if reading.get() { "true" } else { "false" }>
            <caption class="visually-hidden">{t("portfolio.caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t("portfolio.col_client")}</th>
                    // The header names the basis: a reviewed index averages reviewed areas only.
                    <th scope="col">{move || match view.get() {
                        View::SelfAssessed => t("portfolio.col_maturity_self"),
                        View::Reviewed => t("portfolio.col_maturity_reviewed"),
                    }}</th>
                    <th scope="col">{t("portfolio.col_review")}</th>
                    <th scope="col">{t("portfolio.col_flags")}</th>
                    {areas.iter().map(|area| view! {
                        <th scope="col" class="pf-area" title=area.name.clone()>
                            <span aria-hidden="true">{area.number}</span>
                            <span class="visually-hidden">{area.name.clone()}</span>
                        </th>
                    }).collect_view()}
                </tr>
            </thead>
            <tbody>
                // Rebuilt whole when the rows, their facts or the view change: a handful of
                // elements per cell, cheaper than tracking each cell on its own.
                {move || {
                    let view = view.get();
                    all.with(|clients| rows.with(|rows| rows.iter().filter_map(|&i| clients.get(i)).map(|c| {
                        view! { <PortfolioRow client=c.clone() view set_tag/> }
                    }).collect_view()))
                }}
            </tbody>
        </table>
        <details class="portfolio-legend">
            <summary>{t("portfolio.legend")}</summary>
            <p>{t("portfolio.legend_levels")}</p>
            <ul class="pf-scale">
                {content().scale.iter().enumerate().map(|(i, s)| view! {
                    <li><span class=format!("pf-swatch pf-l{i}")>{i}</span> " " {s.name.clone()}</li>
                }).collect_view()}
            </ul>
            <ol class="pf-areas">
                {areas.iter().map(|area| view! { <li value=area.number>{area.name.clone()}</li> }).collect_view()}
            </ol>
            <p>{tf("portfolio.legend_snapshot", &[("days", &crate::domain::portfolio::SNAPSHOT_STALE_DAYS.to_string())])}</p>
        </details>
    }
}
