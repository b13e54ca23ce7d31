//! The KPI dashboard: one small chart per KPI with its status, latest value and projection, and
//! the way to add a KPI from a preset or from scratch.

use chrono::Local;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use uuid::Uuid;

use crate::charts::kpi as chart;
use crate::content::presets;
use crate::domain::kpi::trend::{self, Status};
use crate::domain::kpi::Kpi;
use crate::ui::common::list_edit::ListEdit;
use crate::ui::i18n::{date, l, preset as preset_in_lang, presets as presets_in_lang, t, tf};
use crate::ui::plan::kpi_plot::plot_of;
use crate::ui::shell::assessment_frame::use_current;

pub fn kpis() -> ListEdit<Kpi> {
    ListEdit::new(|a| &a.kpis, |a| &mut a.kpis)
}

/// A status in words with a symbol, never colour alone.
pub fn status_text(status: &Status) -> String {
    let symbol = match status {
        Status::OnTrack | Status::Achieved => "✓",
        Status::AtRisk => "!",
        Status::OffTrack => "✗",
        Status::NotEnoughData | Status::NoTarget => "–",
    };
    format!("{symbol} {}", l(status.label()))
}

#[component]
pub fn KpiDashboard() -> impl IntoView {
    let current = use_current();
    let id = current.id;
    let edit = kpis();
    let navigate = use_navigate();
    // Only a change to the KPIs redraws the small charts; edits elsewhere (goals, answers) don't.
    let kpi_list = Memo::new(move |_| {
        current
            .assessment
            .with(|a| a.as_ref().map(|a| a.kpis.clone()).unwrap_or_default())
    });
    let cards = Memo::new(move |_| {
        let today = Local::now().date_naive();
        kpi_list.with(|list| {
            list.iter()
                .map(|k| {
                    let p = trend::project(k, today);
                    let svg =
                        chart::render_small(&plot_of(k, &p, None), 260, 110).unwrap_or_default();
                    let latest = k
                        .measurements
                        .last()
                        .map(|m| {
                            tf(
                                "plan.kpi_dashboard_latest_value",
                                &[
                                    ("value", &trend::value_text(m.value, &k.unit)),
                                    ("date", &date(m.date)),
                                ],
                            )
                        })
                        .unwrap_or_else(|| t("plan.kpi_dashboard_no_measurements").to_string());
                    (
                        k.id,
                        k.name.clone(),
                        l(k.category.label()),
                        status_text(&p.status),
                        p.status.id().to_string(),
                        latest,
                        p.reason.clone(),
                        svg,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let preset = RwSignal::new(String::new());
    let add = move |_| {
        let kpi_id = Uuid::new_v4();
        let chosen = preset.get_untracked();
        let kpi = if chosen.is_empty() {
            Kpi::new(kpi_id, t("plan.kpi_dashboard_new_kpi_name"))
        } else {
            match presets::new_kpi(&chosen, kpi_id) {
                // The preset's words in the language in use; the rest is the same in every one.
                Some(mut k) => {
                    if let Some(p) = preset_in_lang(&chosen) {
                        k.name = p.name.clone();
                        k.description = p.description.clone();
                        k.unit = p.unit.clone();
                    }
                    k
                }
                None => return,
            }
        };
        edit.push(kpi);
        navigate(
            &format!("/a/{id}/goals/kpi/{kpi_id}"),
            NavigateOptions::default(),
        );
    };
    view! {
        <section class="subsection" aria-labelledby="kpi-title">
            <h3 id="kpi-title">{t("plan.kpi_dashboard_title")}</h3>
            <p class="muted">{t("plan.kpi_dashboard_intro")}</p>
            <Show when=move || cards.with(Vec::is_empty)>
                <p class="empty">{t("plan.kpi_dashboard_empty")}</p>
            </Show>
            <ul class="kpi-grid">
                {move || cards.get().into_iter().map(|(kid, name, category, status, status_id, latest, reason, svg)| {
                    let chart_label = tf("plan.kpi_dashboard_chart_label", &[("name", &name)]);
                    view! {
                    <li class="kpi-card">
                        <h4><A href=format!("/a/{id}/goals/kpi/{kid}")>{name}</A></h4>
                        <p class=format!("kpi-status {status_id}")>{status}</p>
                        // Only plotters' SVG output goes into inner_html: it escapes every label.
                        <div class="chart-svg" role="img" aria-label=chart_label inner_html=svg></div>
                        <p class="small">{tf("plan.kpi_dashboard_card_line", &[("category", category), ("latest", &latest)])}</p>
                        <p class="small muted">{reason}</p>
                    </li>
                    }
                }).collect_view()}
            </ul>
            <div class="inline-form">
                <label for="kpi-preset">{t("plan.kpi_dashboard_new_kpi")}</label>
                <select id="kpi-preset" on:change=move |ev| preset.set(event_target_value(&ev))>
                    <option value="" selected=true>{t("plan.kpi_dashboard_custom")}</option>
                    {presets_in_lang().iter().map(|p| view! { <option value=p.id.clone()>{p.name.clone()}</option> }).collect_view()}
                </select>
                <button class="button primary" on:click=add>{t("plan.kpi_dashboard_add")}</button>
            </div>
        </section>
    }
}

pub use crate::ui::common::numbers::trim_number;
