//! One KPI: its definition, benchmark bands, status and projection, the full chart, and its
//! measurements (add, edit, delete, paste CSV, export CSV).

use chrono::{Local, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::charts::kpi as chart;
use crate::content::presets;
use crate::domain::kpi::{csv, trend, Cadence, Category, DatedValue, Direction, Kpi, Measurement};
use crate::ui::common::chart_view::ChartView;
use crate::ui::common::files::download_as;
use crate::ui::common::numbers::parse_number;
use crate::ui::i18n::{date as show_date, l, preset, t, tf, tn};
use crate::ui::plan::kpi_dashboard::{kpis, status_text, trim_number};
use crate::ui::plan::kpi_plot::plot_of;
use crate::ui::shell::assessment_frame::use_current;

#[component]
pub fn KpiPage() -> impl IntoView {
    let params = use_params_map();
    let kid = Memo::new(move |_| {
        params
            .read()
            .get("kpi")
            .and_then(|k| Uuid::parse_str(&k).ok())
    });
    let id = use_current().id;
    move || {
        match kid.get() {
        Some(kid) => view! { <KpiBody kid/> }.into_any(),
        None => view! { <p>{t("plan.kpi_missing")}" " <A href=format!("/a/{id}/goals")>{t("plan.kpi_back")}</A></p> }.into_any(),
    }
    }
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

#[component]
fn KpiBody(kid: Uuid) -> impl IntoView {
    let current = use_current();
    let id = current.id;
    let edit = kpis();
    let kpi = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .and_then(|a| a.kpis.iter().find(|k| k.id == kid).cloned())
        })
    });
    let exists = Memo::new(move |_| kpi.with(Option::is_some));
    let band_year = RwSignal::new(None::<u16>);
    let projection = Memo::new(move |_| {
        kpi.with(|k| {
            k.as_ref()
                .map(|k| trend::project(k, Local::now().date_naive()))
        })
    });
    let svg = Memo::new(move |_| {
        kpi.with(|k| match (k, projection.get()) {
            (Some(k), Some(p)) => chart::render(&plot_of(k, &p, band_year.get()), 720, 360),
            _ => chart::render(&Default::default(), 720, 360),
        })
    });
    let text = move |get: fn(&Kpi) -> String| {
        move || kpi.with(|k| k.as_ref().map(get).unwrap_or_default())
    };
    let f = |field: &str| format!("kpi-{field}");
    let set = move |g: Box<dyn FnOnce(&mut Kpi)>| edit.update(kid, g);
    view! {
        <Show when=move || exists.get() fallback=move || view! {
            <section><h2>{t("plan.kpi_not_found")}</h2><p><A href=format!("/a/{id}/goals")>{t("plan.kpi_back")}</A></p></section>
        }>
            <section aria-labelledby="kpi-page-title">
                <p class="eyebrow"><A href=format!("/a/{id}/goals")>{t("plan.kpi_eyebrow")}</A></p>
                <h2 id="kpi-page-title">{text(|k| k.name.clone())}</h2>
                <p class="headline" data-testid="kpi-status">
                    {move || projection.get().map(|p| tf("plan.kpi_status_line", &[("status", &status_text(&p.status)), ("reason", &p.reason)]))}
                </p>
                <ChartView svg=svg label=t("plan.kpi_chart_label")/>
                <BandInfo kpi band_year/>
                <div class="subsection">
                    <h3>{t("plan.kpi_definition")}</h3>
                    <div class="form-grid">
                        <div class="field">
                            <label for=f("name")>{t("plan.kpi_name")}</label>
                            <input type="text" id=f("name") prop:value=text(|k| k.name.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |k| k.name = v)) }/>
                        </div>
                        <div class="field">
                            <label for=f("unit")>{t("plan.kpi_unit")}</label>
                            <input type="text" id=f("unit") placeholder=t("plan.kpi_unit_placeholder") prop:value=text(|k| k.unit.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |k| k.unit = v)) }/>
                        </div>
                        <div class="field">
                            <label for=f("direction")>{t("plan.kpi_direction")}</label>
                            <select id=f("direction") on:change=move |ev| {
                                let d = if event_target_value(&ev) == "lower" { Direction::Lower } else { Direction::Higher };
                                set(Box::new(move |k| k.direction = d));
                            }>
                                <option value="higher" selected=move || kpi.with(|k| k.as_ref().map(|k| k.direction) == Some(Direction::Higher))>{t("plan.kpi_higher")}</option>
                                <option value="lower" selected=move || kpi.with(|k| k.as_ref().map(|k| k.direction) == Some(Direction::Lower))>{t("plan.kpi_lower")}</option>
                            </select>
                        </div>
                        <div class="field">
                            <label for=f("owner")>{t("plan.kpi_owner")}</label>
                            <input type="text" id=f("owner") prop:value=text(|k| k.owner.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |k| k.owner = v)) }/>
                        </div>
                        <div class="field">
                            <label for=f("cadence")>{t("plan.kpi_cadence")}</label>
                            <select id=f("cadence") on:change=move |ev| {
                                if let Some(c) = Cadence::from_id(&event_target_value(&ev)) { set(Box::new(move |k| k.cadence = c)) }
                            }>
                                {Cadence::ALL.into_iter().map(|c| view! { <option value=c.id() selected=move || kpi.with(|k| k.as_ref().map(|k| k.cadence) == Some(c))>{l(c.label())}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for=f("category")>{t("plan.kpi_category")}</label>
                            <select id=f("category") on:change=move |ev| {
                                if let Some(c) = Category::from_id(&event_target_value(&ev)) { set(Box::new(move |k| k.category = c)) }
                            }>
                                {Category::ALL.into_iter().map(|c| view! { <option value=c.id() selected=move || kpi.with(|k| k.as_ref().map(|k| k.category) == Some(c))>{l(c.label())}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field wide">
                            <label for=f("description")>{t("plan.kpi_description")}</label>
                            <textarea id=f("description") rows="2" prop:value=text(|k| k.description.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |k| k.description = v)) }></textarea>
                        </div>
                        <DatedValueField label=t("plan.kpi_baseline") field="baseline" kid get=|k| k.baseline put=|k, v| k.baseline = v/>
                        <DatedValueField label=t("plan.kpi_target") field="target" kid get=|k| k.target put=|k, v| k.target = v/>
                    </div>
                </div>
                <Measurements kid/>
            </section>
        </Show>
    }
}

/// A value and a date that belong together (baseline, target); both or neither are kept.
#[component]
fn DatedValueField(
    label: &'static str,
    field: &'static str,
    kid: Uuid,
    get: fn(&Kpi) -> Option<DatedValue>,
    put: fn(&mut Kpi, Option<DatedValue>),
) -> impl IntoView {
    let current = use_current();
    let edit = kpis();
    let stored = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .and_then(|a| a.kpis.iter().find(|k| k.id == kid))
                .and_then(get)
        })
    });
    let value = RwSignal::new(
        stored
            .get_untracked()
            .map(|v| trim_number(v.value))
            .unwrap_or_default(),
    );
    let date = RwSignal::new(
        stored
            .get_untracked()
            .map(|v| v.date.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    );
    let problem = RwSignal::new(None::<String>);
    let commit = move || {
        let (v, d) = (value.get_untracked(), date.get_untracked());
        match (parse_number(&v), d.trim()) {
            (Ok(None), "") => {
                problem.set(None);
                edit.update(kid, |k| put(k, None));
            }
            (Ok(Some(n)), d) if parse_date(d).is_some() => {
                problem.set(None);
                let date = parse_date(d);
                edit.update(kid, move |k| {
                    put(k, date.map(|date| DatedValue { date, value: n }))
                });
            }
            (Err(e), _) => problem.set(Some(e)),
            _ => problem.set(Some(tf(
                "plan.kpi_dated_value_incomplete",
                &[("what", &label.to_lowercase())],
            ))),
        }
    };
    view! {
        <fieldset class="dated-value">
            <legend>{label}</legend>
            <label for=format!("kpi-{field}-value")>{t("plan.kpi_value")}</label>
            <input type="text" inputmode="decimal" id=format!("kpi-{field}-value") class="narrow-input"
                prop:value=move || value.get() on:input=move |ev| { value.set(event_target_value(&ev)); commit() }/>
            <label for=format!("kpi-{field}-date")>{t("plan.kpi_date")}</label>
            <input type="date" id=format!("kpi-{field}-date")
                prop:value=move || date.get() on:change=move |ev| { date.set(event_target_value(&ev)); commit() }/>
            <Show when=move || problem.with(Option::is_some)>
                <p class="hint error-text" role="alert">{move || problem.get()}</p>
            </Show>
        </fieldset>
    }
}

/// Which year's DORA figures the bands use, what was published and how our cut-offs read them.
#[component]
fn BandInfo(kpi: Memo<Option<Kpi>>, band_year: RwSignal<Option<u16>>) -> impl IntoView {
    let preset_id = Memo::new(move |_| kpi.with(|k| k.as_ref().and_then(|k| k.preset.clone())));
    move || {
        let p = preset_id.get().as_deref().and_then(preset)?;
        if p.bands.is_empty() {
            return None;
        }
        let years: Vec<u16> = p.bands.iter().map(|b| b.year).collect();
        let shown = move || band_year.get().or_else(|| presets::latest_year(p));
        Some(view! {
            <div class="subsection bands">
                <h3>{t("plan.kpi_bands_title")}</h3>
                <div class="field inline">
                    <label for="band-year">{t("plan.kpi_band_year")}</label>
                    <select id="band-year" on:change=move |ev| band_year.set(event_target_value(&ev).parse().ok())>
                        {years.into_iter().map(|y| view! { <option value=y.to_string() selected=move || shown() == Some(y)>{y.to_string()}</option> }).collect_view()}
                    </select>
                </div>
                {move || {
                    let latest = kpi.with(|k| k.as_ref().and_then(|k| k.measurements.last().map(|m| (m.value, k.unit.clone()))));
                    let year = shown()?;
                    let (value, unit) = latest?;
                    let level = presets::classify(p, year, value)?;
                    Some(view! {
                        <p class="headline" data-testid="kpi-band">
                            {tf("plan.kpi_band_latest", &[("value", &trend::value_text(value, &unit)), ("band", l(level.label())), ("year", &year.to_string())])}
                        </p>
                    })
                }}
                {move || shown().and_then(|y| p.bands.iter().find(|b| b.year == y)).map(|b| view! {
                    <p class="small">{tf("plan.kpi_band_source", &[("source", &b.source)])}</p>
                    <p class="small" data-testid="kpi-band-measure">{tf("edition.band_measure", &[("year", &b.year.to_string()), ("metric", &b.metric), ("scope", &b.scope)])}</p>
                    <p class="small">{t("edition.band_intro")}</p>
                    <p class="small" data-testid="kpi-band-note">{b.note.clone()}</p>
                    <BandTable p b/>
                })}
            </div>
        })
    }
}

/// One report year's clusters in the report's order (elite, high, medium, low, even where the
/// published figures do not improve in that order), each with DORA's published answer, our range
/// and how we read it, marking the ranges that are our approximation.
#[component]
fn BandTable(p: &'static presets::Preset, b: &'static presets::BandYear) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=tf("plan.kpi_band_caption", &[("name", &p.name), ("year", &b.year.to_string())])>
        <table class="data-table compact" data-testid="kpi-band-table">
            <caption>{tf("plan.kpi_band_caption", &[("name", &p.name), ("year", &b.year.to_string())])}</caption>
            <thead><tr>
                <th scope="col">{t("plan.kpi_band")}</th>
                <th scope="col">{t("edition.band_published")}</th>
                <th scope="col">{t("plan.kpi_band_from")}</th>
                <th scope="col">{t("plan.kpi_band_to")}</th>
                <th scope="col">{t("edition.band_reading")}</th>
            </tr></thead>
            <tbody>
                {presets::Level::ALL.into_iter().map(|level| {
                    let published = b.published.get(level).to_string();
                    let cells = match b.cutoff(level) {
                        Some(c) => view! {
                            <td>{trend::plain_number(c.from)}</td>
                            <td>{c.to.map(trend::plain_number).unwrap_or_else(|| t("plan.kpi_band_and_above").into())}</td>
                            <td>
                                {c.derived.then(|| view! { <strong>{t("edition.band_derived")}</strong>" " })}
                                {c.reading.clone()}
                            </td>
                        }.into_any(),
                        None => view! {
                            <td colspan="2">{t("edition.band_no_range")}</td>
                            <td><strong>{t("edition.band_derived")}</strong>" "{t("edition.band_no_range_why")}</td>
                        }.into_any(),
                    };
                    view! {
                        <tr>
                            <th scope="row">{l(level.label())}</th>
                            <td>{published}</td>
                            {cells}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

/// Measurement rows listed when the page opens, and how many more each "List more" adds.
const ROWS_AT_FIRST: usize = 200;
const ROWS_MORE: usize = 1_000;

#[component]
fn Measurements(kid: Uuid) -> impl IntoView {
    let current = use_current();
    let edit = kpis();
    // A KPI fed by an export can hold 100,000 measurements; a table row each would take
    // seconds to draw. The latest ones are shown, and the user asks for more.
    let shown = RwSignal::new(ROWS_AT_FIRST);
    let total = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .and_then(|a| a.kpis.iter().find(|k| k.id == kid))
                .map_or(0, |k| k.measurements.len())
        })
    });
    let rows = Memo::new(move |_| {
        let limit = shown.get();
        current.assessment.with(|a| {
            a.as_ref()
                .and_then(|a| a.kpis.iter().find(|k| k.id == kid))
                .map(|k| {
                    let from = k.measurements.len().saturating_sub(limit);
                    k.measurements[from..].to_vec()
                })
                .unwrap_or_default()
        })
    });
    let unit = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .and_then(|a| a.kpis.iter().find(|k| k.id == kid))
                .map(|k| k.unit.clone())
                .unwrap_or_default()
        })
    });
    let new_date = RwSignal::new(Local::now().date_naive().format("%Y-%m-%d").to_string());
    let new_value = RwSignal::new(String::new());
    let add_error = RwSignal::new(None::<String>);
    let add = move || match (
        parse_date(&new_date.get_untracked()),
        parse_number(&new_value.get_untracked()),
    ) {
        (Some(date), Ok(Some(value))) => {
            add_error.set(None);
            new_value.set(String::new());
            edit.update(kid, move |k| {
                k.measurements.push(Measurement {
                    id: Uuid::new_v4(),
                    date,
                    value,
                });
                k.sort_measurements();
            });
        }
        (None, _) => add_error.set(Some(t("plan.kpi_add_no_date").into())),
        _ => add_error.set(Some(t("plan.kpi_add_no_number").into())),
    };
    let state = crate::ui::state::use_app_state();
    let current_notice = move |added: usize| state.notify(tn("plan.kpi_pasted_added", added, &[]));
    let paste = RwSignal::new(String::new());
    let paste_errors = RwSignal::new(Vec::<String>::new());
    let import_csv = move || {
        let parsed = csv::parse(&paste.get_untracked());
        let added = parsed.rows.len();
        edit.update(kid, move |k| {
            k.measurements
                .extend(parsed.rows.into_iter().map(|(date, value)| Measurement {
                    id: Uuid::new_v4(),
                    date,
                    value,
                }));
            k.sort_measurements();
        });
        let errors: Vec<String> = parsed
            .errors
            .iter()
            .map(|e| {
                tf(
                    "plan.kpi_paste_line_error",
                    &[("line", &e.line.to_string()), ("reason", &e.reason)],
                )
            })
            .collect();
        // Keep only the refused lines in the box, so they can be corrected and added again.
        paste.set(
            parsed
                .errors
                .iter()
                .map(|e| e.text.clone())
                .collect::<Vec<_>>()
                .join("\n"),
        );
        paste_errors.set(errors);
        current_notice(added);
    };
    let export = move |_| {
        let text = current.assessment.with_untracked(|a| {
            a.as_ref()
                .and_then(|a| a.kpis.iter().find(|k| k.id == kid))
                .map(|k| (k.name.clone(), csv::export(k)))
        });
        if let Some((name, text)) = text {
            let file = format!(
                "{}.csv",
                crate::format::file_name(&name, Local::now().date_naive())
                    .trim_end_matches(".cto.json")
            );
            match download_as(&file, &text, "text/csv") {
                Ok(()) => state.notify(tf("plan.kpi_exported", &[("file", &file)])),
                Err(e) => state.notify(tf("plan.kpi_export_failed", &[("error", &e)])),
            }
        }
    };
    view! {
        <section class="subsection" aria-labelledby="measurements-title">
            <h3 id="measurements-title">{t("plan.kpi_measurements")}</h3>
            <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <label for="m-date">{t("plan.kpi_measurement_date")}</label>
                <input type="date" id="m-date" prop:value=move || new_date.get() on:input=move |ev| new_date.set(event_target_value(&ev))/>
                <label for="m-value">{move || tf("plan.kpi_value_with_unit", &[("unit", &unit.get())])}</label>
                <input type="text" inputmode="decimal" id="m-value" class="narrow-input" prop:value=move || new_value.get() on:input=move |ev| new_value.set(event_target_value(&ev))/>
                <button type="submit" class="button">{t("plan.kpi_add_measurement")}</button>
                <Show when=move || add_error.with(Option::is_some)><p class="hint error-text" role="alert">{move || add_error.get()}</p></Show>
            </form>
            <table class="data-table compact measurements">
                <caption>
                    {move || match (total.get(), rows.with(Vec::len)) {
                        (all, shown) if shown < all => {
                            tf("plan.kpi_caption_some", &[("all", &all.to_string()), ("shown", &shown.to_string())])
                        }
                        (all, _) => tn("plan.kpi_caption_all", all, &[]),
                    }}
                </caption>
                <thead><tr><th scope="col">{t("plan.kpi_date")}</th><th scope="col">{t("plan.kpi_value")}</th><th scope="col"><span class="visually-hidden">{t("plan.kpi_actions")}</span></th></tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|m| (m.id, m.date, m.value.to_bits()) let:m>
                        {
                            let mid = m.id;
                            view! {
                                <tr>
                                    <td>{show_date(m.date)}</td>
                                    <td>
                                        <label class="visually-hidden" for=format!("m-{mid}")>{tf("plan.kpi_value_on", &[("date", &show_date(m.date))])}</label>
                                        <input type="text" inputmode="decimal" class="narrow-input" id=format!("m-{mid}") value=trim_number(m.value)
                                            on:change=move |ev| {
                                                if let Ok(Some(v)) = parse_number(&event_target_value(&ev)) {
                                                    edit.update(kid, move |k| if let Some(x) = k.measurements.iter_mut().find(|x| x.id == mid) { x.value = v });
                                                }
                                            }/>
                                    </td>
                                    <td><button class="button small danger" aria-label=tf("plan.kpi_delete_label", &[("date", &show_date(m.date))])
                                        on:click=move |_| edit.update(kid, move |k| k.measurements.retain(|x| x.id != mid))>{t("plan.kpi_delete")}</button></td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
            <Show when=move || { rows.with(Vec::len) < total.get() }>
                <button class="button" on:click=move |_| shown.update(|n| *n += ROWS_MORE)>
                    {move || tf("plan.kpi_list_more", &[("count", &ROWS_MORE.min(total.get() - rows.with(Vec::len)).to_string())])}
                </button>
            </Show>
            <div class="field">
                <label for="csv-paste">{t("plan.kpi_paste_label")}</label>
                <textarea id="csv-paste" rows="4" prop:value=move || paste.get() on:input=move |ev| paste.set(event_target_value(&ev))></textarea>
            </div>
            <button class="button" on:click=move |_| import_csv()>{t("plan.kpi_add_pasted")}</button>
            <button class="button" on:click=export>{t("plan.kpi_export_csv")}</button>
            <Show when=move || paste_errors.with(|e| !e.is_empty())>
                <div role="alert" class="csv-errors">
                    <p class="error-text">{t("plan.kpi_paste_refused")}</p>
                    <ul>{move || paste_errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                </div>
            </Show>
        </section>
    }
}
