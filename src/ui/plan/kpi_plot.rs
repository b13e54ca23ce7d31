//! Builds the plot data for one KPI (measurements, baseline, target, trend, projection and
//! benchmark bands) from the model, so the dashboard and the detail page draw the same thing.

use chrono::NaiveDate;

use crate::charts::kpi::{Band, KpiPlot};
use crate::content::presets;
use crate::domain::kpi::trend::Projection;
use crate::domain::kpi::Kpi;
use crate::ui::i18n::{l, preset, tf};

pub fn plot_of(kpi: &Kpi, projection: &Projection, band_year: Option<u16>) -> KpiPlot {
    let points: Vec<(NaiveDate, f64)> =
        kpi.measurements.iter().map(|m| (m.date, m.value)).collect();
    let trend = projection.trend.as_ref().and_then(|t| {
        let first = points.first()?.0;
        let last = points.last()?.0;
        Some(((first, t.value_at(first)), (last, t.value_at(last))))
    });
    // The dashed line stops where the words do: at the day the target is reached, or where a
    // quantity that cannot go below zero gets there, else at the target date.
    let projection_line = match (&projection.trend, kpi.target, points.last()) {
        (Some(t), Some(target), Some(last)) if target.date > last.0 => {
            let end = match projection.reaches {
                Some(day) => (day, target.value),
                None if projection.projected == Some(0.0) && t.value_at(target.date) < 0.0 => {
                    let days = (-t.intercept / t.slope_per_day).ceil();
                    let day = (days.is_finite() && days.abs() < 1.0e6)
                        .then(|| {
                            t.origin
                                .checked_add_signed(chrono::Duration::days(days as i64))
                        })
                        .flatten()
                        .filter(|d| *d > last.0 && *d < target.date)
                        .unwrap_or(target.date);
                    (day, 0.0)
                }
                None => (target.date, t.value_at(target.date)),
            };
            Some(((last.0, t.value_at(last.0)), end))
        }
        _ => None,
    };
    let (bands, bands_note) = kpi
        .preset
        .as_deref()
        .and_then(preset)
        .and_then(|p| {
            let year = band_year.or_else(|| presets::latest_year(p))?;
            let set = p.bands.iter().find(|b| b.year == year)?;
            let bands = set
                .cutoffs
                .iter()
                .map(|c| Band {
                    label: l(c.level.label()).to_string(),
                    from: Some(c.from),
                    to: c.to,
                })
                .collect();
            Some((
                bands,
                Some(tf(
                    "plan.kpi_plot_bands_note",
                    &[("year", &year.to_string())],
                )),
            ))
        })
        .unwrap_or((Vec::new(), None));
    KpiPlot {
        title: kpi.name.clone(),
        unit: kpi.unit.clone(),
        points,
        baseline: kpi.baseline.map(|b| (b.date, b.value)),
        target: kpi.target.map(|t| (t.date, t.value)),
        trend,
        projection: projection_line,
        bands,
        bands_note,
    }
}
