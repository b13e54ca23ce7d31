//! One KPI: its definition, benchmark bands, status and projection, the full chart, and its
//! measurements (add, edit, delete, paste CSV, export CSV).

use chrono::{Local, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::assessment::use_current;
use crate::charts::kpi as chart;
use crate::content::presets;
use crate::domain::kpi::{csv, trend, Cadence, Category, DatedValue, Direction, Kpi, Measurement};
use crate::ui::chart_view::ChartView;
use crate::ui::files::download_as;
use crate::ui::kpi_dashboard::{kpis, status_text, trim_number};
use crate::ui::kpi_plot::plot_of;
use crate::ui::numbers::parse_number;

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
        None => view! { <p>"This KPI does not exist. " <A href=format!("/a/{id}/goals")>"Back to goals and KPIs"</A></p> }.into_any(),
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
            <section><h2>"KPI not found"</h2><p><A href=format!("/a/{id}/goals")>"Back to goals and KPIs"</A></p></section>
        }>
            <section aria-labelledby="kpi-page-title">
                <p class="eyebrow"><A href=format!("/a/{id}/goals")>"← Goals and KPIs"</A></p>
                <h2 id="kpi-page-title">{text(|k| k.name.clone())}</h2>
                <p class="headline" data-testid="kpi-status">
                    {move || projection.get().map(|p| format!("{}. {}", status_text(&p.status), p.reason))}
                </p>
                <ChartView svg=svg label="Line chart of the KPI's measurements with its target, baseline, trend and projection. The table of measurements below gives the figures."/>
                <BandInfo kpi band_year/>
                <div class="subsection">
                    <h3>"Definition"</h3>
                    <div class="form-grid">
                        <div class="field">
                            <label for=f("name")>"Name"</label>
                            <input type="text" id=f("name") prop:value=text(|k| k.name.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |k| k.name = v)) }/>
                        </div>
                        <div class="field">
                            <label for=f("unit")>"Unit"</label>
                            <input type="text" id=f("unit") placeholder="e.g. hours, %, customers" prop:value=text(|k| k.unit.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |k| k.unit = v)) }/>
                        </div>
                        <div class="field">
                            <label for=f("direction")>"Better when"</label>
                            <select id=f("direction") on:change=move |ev| {
                                let d = if event_target_value(&ev) == "lower" { Direction::Lower } else { Direction::Higher };
                                set(Box::new(move |k| k.direction = d));
                            }>
                                <option value="higher" selected=move || kpi.with(|k| k.as_ref().map(|k| k.direction) == Some(Direction::Higher))>"Higher"</option>
                                <option value="lower" selected=move || kpi.with(|k| k.as_ref().map(|k| k.direction) == Some(Direction::Lower))>"Lower"</option>
                            </select>
                        </div>
                        <div class="field">
                            <label for=f("owner")>"Owner"</label>
                            <input type="text" id=f("owner") prop:value=text(|k| k.owner.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |k| k.owner = v)) }/>
                        </div>
                        <div class="field">
                            <label for=f("cadence")>"Measured"</label>
                            <select id=f("cadence") on:change=move |ev| {
                                if let Some(c) = Cadence::from_id(&event_target_value(&ev)) { set(Box::new(move |k| k.cadence = c)) }
                            }>
                                {Cadence::ALL.into_iter().map(|c| view! { <option value=c.id() selected=move || kpi.with(|k| k.as_ref().map(|k| k.cadence) == Some(c))>{c.label()}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for=f("category")>"Category"</label>
                            <select id=f("category") on:change=move |ev| {
                                if let Some(c) = Category::from_id(&event_target_value(&ev)) { set(Box::new(move |k| k.category = c)) }
                            }>
                                {Category::ALL.into_iter().map(|c| view! { <option value=c.id() selected=move || kpi.with(|k| k.as_ref().map(|k| k.category) == Some(c))>{c.label()}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field wide">
                            <label for=f("description")>"Description"</label>
                            <textarea id=f("description") rows="2" prop:value=text(|k| k.description.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |k| k.description = v)) }></textarea>
                        </div>
                        <DatedValueField label="Baseline" field="baseline" kid get=|k| k.baseline put=|k, v| k.baseline = v/>
                        <DatedValueField label="Target" field="target" kid get=|k| k.target put=|k, v| k.target = v/>
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
            _ => problem.set(Some(format!(
                "⚠ Not saved yet: a {} needs both a value and a date.",
                label.to_lowercase()
            ))),
        }
    };
    view! {
        <fieldset class="dated-value">
            <legend>{label}</legend>
            <label for=format!("kpi-{field}-value")>"Value"</label>
            <input type="text" inputmode="decimal" id=format!("kpi-{field}-value") class="narrow-input"
                prop:value=move || value.get() on:input=move |ev| { value.set(event_target_value(&ev)); commit() }/>
            <label for=format!("kpi-{field}-date")>"Date"</label>
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
    let preset = Memo::new(move |_| kpi.with(|k| k.as_ref().and_then(|k| k.preset.clone())));
    move || {
        let p = preset.get().as_deref().and_then(presets::get)?;
        if p.bands.is_empty() {
            return None;
        }
        let years: Vec<u16> = p.bands.iter().map(|b| b.year).collect();
        let shown = move || band_year.get().or_else(|| presets::latest_year(p));
        Some(view! {
            <div class="subsection bands">
                <h3>"Benchmark bands"</h3>
                <div class="field inline">
                    <label for="band-year">"Figures from the State of DevOps report of"</label>
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
                            {format!("Latest {} {unit}: {} band under our {year} cut-offs.", trim_number(value), level.label())}
                        </p>
                    })
                }}
                {move || shown().and_then(|y| p.bands.iter().find(|b| b.year == y)).map(|b| view! {
                    <p class="small">{format!("Source: {}.", b.source)}</p>
                    <p class="small">{b.note.clone()}</p>
                    <table class="data-table compact">
                        <caption>{format!("Our cut-offs for {} ({} figures)", p.name, b.year)}</caption>
                        <thead><tr><th scope="col">"Band"</th><th scope="col">"From"</th><th scope="col">"To"</th></tr></thead>
                        <tbody>
                            {b.cutoffs.iter().map(|c| view! {
                                <tr>
                                    <th scope="row">{c.level.label().to_string()}</th>
                                    <td>{trim_number(c.from)}</td>
                                    <td>{c.to.map(trim_number).unwrap_or_else(|| "and above".into())}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })}
            </div>
        })
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
        (None, _) => add_error.set(Some("⚠ Not added: choose a date.".into())),
        _ => add_error.set(Some("⚠ Not added: enter a number, e.g. 12.5".into())),
    };
    let state = crate::ui::state::use_app_state();
    let current_notice = move |added: usize| {
        state.notify(format!(
            "Added {added} measurement(s) from the pasted lines."
        ))
    };
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
            .map(|e| format!("Line {}: {}", e.line, e.reason))
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
                Ok(()) => state.notify(format!("Exported {file}.")),
                Err(e) => state.notify(format!("Export failed: {e}.")),
            }
        }
    };
    view! {
        <section class="subsection" aria-labelledby="measurements-title">
            <h3 id="measurements-title">"Measurements"</h3>
            <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <label for="m-date">"Measurement date"</label>
                <input type="date" id="m-date" prop:value=move || new_date.get() on:input=move |ev| new_date.set(event_target_value(&ev))/>
                <label for="m-value">{move || format!("Value ({})", unit.get())}</label>
                <input type="text" inputmode="decimal" id="m-value" class="narrow-input" prop:value=move || new_value.get() on:input=move |ev| new_value.set(event_target_value(&ev))/>
                <button type="submit" class="button">"Add measurement"</button>
                <Show when=move || add_error.with(Option::is_some)><p class="hint error-text" role="alert">{move || add_error.get()}</p></Show>
            </form>
            <table class="data-table compact measurements">
                <caption>
                    {move || match (total.get(), rows.with(Vec::len)) {
                        (all, shown) if shown < all => {
                            format!("{all} measurements; the latest {shown} are listed")
                        }
                        (all, _) => format!("{all} measurement(s)"),
                    }}
                </caption>
                <thead><tr><th scope="col">"Date"</th><th scope="col">"Value"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|m| (m.id, m.date, m.value.to_bits()) let:m>
                        {
                            let mid = m.id;
                            view! {
                                <tr>
                                    <td>{m.date.format("%Y-%m-%d").to_string()}</td>
                                    <td>
                                        <label class="visually-hidden" for=format!("m-{mid}")>{format!("Value on {}", m.date)}</label>
                                        <input type="text" inputmode="decimal" class="narrow-input" id=format!("m-{mid}") value=trim_number(m.value)
                                            on:change=move |ev| {
                                                if let Ok(Some(v)) = parse_number(&event_target_value(&ev)) {
                                                    edit.update(kid, move |k| if let Some(x) = k.measurements.iter_mut().find(|x| x.id == mid) { x.value = v });
                                                }
                                            }/>
                                    </td>
                                    <td><button class="button small danger" aria-label=format!("Delete measurement of {}", m.date)
                                        on:click=move |_| edit.update(kid, move |k| k.measurements.retain(|x| x.id != mid))>"Delete"</button></td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
            <Show when=move || { rows.with(Vec::len) < total.get() }>
                <button class="button" on:click=move |_| shown.update(|n| *n += ROWS_MORE)>
                    {move || format!("List {} more", ROWS_MORE.min(total.get() - rows.with(Vec::len)))}
                </button>
            </Show>
            <div class="field">
                <label for="csv-paste">"Paste measurements (one “date,value” per line, e.g. 2026-03-31,42)"</label>
                <textarea id="csv-paste" rows="4" prop:value=move || paste.get() on:input=move |ev| paste.set(event_target_value(&ev))></textarea>
            </div>
            <button class="button" on:click=move |_| import_csv()>"Add pasted lines"</button>
            <button class="button" on:click=export>"Export CSV"</button>
            <Show when=move || paste_errors.with(|e| !e.is_empty())>
                <div role="alert" class="csv-errors">
                    <p class="error-text">"These lines were not added (they are left in the box to correct):"</p>
                    <ul>{move || paste_errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                </div>
            </Show>
        </section>
    }
}
