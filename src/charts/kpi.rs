//! The KPI chart: one indicator's measurements over time, against its baseline, target, fitted
//! trend, projection and benchmark bands (for example DORA's Elite, High, Medium and Low), as a
//! full chart and as a compact sparkline for a dashboard of small multiples.
//!
//! Owns the layout and styling of that chart: the value range (which shows the data and the
//! reference values without stretching to open-ended bands), date ticks from days to
//! centuries, and the shaded bands. It never fits or projects anything (the caller passes the
//! trend and the projection). A series with more points than the plot has pixel columns is
//! thinned to the highest and lowest point of each column (see `column_extremes`), which
//! draws the same line, so the output size depends on the width, not on the number of
//! measurements.
//!
//! Dates are mapped to pixels here (days since the common era), as in the trend chart.

use chrono::{Datelike, NaiveDate};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontStyle;

use super::trend::{Legend, Marker, PALETTE};
use super::{
    approx_text_width, clean_label, day_month, draw_notes, draw_tick, font, full_date, i32_of,
    message_svg, month_index, month_start, month_year, short_scale, text_style, truncate_columns,
    word, Area, ChartError, CURRENT, GRID_STRONG, INK, MUTED, NOTE_LINE_H, NOTE_PX, TARGET,
};

/// Shown instead of a chart when there is no usable measurement, in the chart language.
pub fn empty_message() -> &'static str {
    word("charts.kpi_empty")
}

/// A benchmark band: a labelled value range shaded behind the data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Band {
    /// Shown at the right edge of the band, e.g. "Elite".
    pub label: String,
    /// The lower edge; `None` for a band open downwards.
    pub from: Option<f64>,
    /// The upper edge; `None` for a band open upwards.
    pub to: Option<f64>,
}

/// Everything one KPI chart shows. Dates are calendar days; values are in `unit`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KpiPlot {
    /// The KPI's name (the full chart's heading).
    pub title: String,
    /// The unit of every value, e.g. "h" or "%"; shown in the value axis title.
    pub unit: String,
    /// The measurements, sorted by date (they are sorted here when not); non-finite values are
    /// skipped.
    pub points: Vec<(NaiveDate, f64)>,
    /// Where the KPI started.
    pub baseline: Option<(NaiveDate, f64)>,
    /// The value to reach and the date to reach it by.
    pub target: Option<(NaiveDate, f64)>,
    /// The line fitted over the data, from its start to its end.
    pub trend: Option<((NaiveDate, f64), (NaiveDate, f64))>,
    /// Where the trend leads, from the last measurement to the target date (drawn dashed).
    pub projection: Option<((NaiveDate, f64), (NaiveDate, f64))>,
    /// Benchmark bands shaded behind the data, each labelled at the right edge.
    pub bands: Vec<Band>,
    /// Where the bands come from, shown small under the full chart.
    pub bands_note: Option<String>,
}

const MIN_WIDTH: u32 = 320;
const MAX_WIDTH: u32 = 2400;
const MIN_HEIGHT: u32 = 200;
const MAX_HEIGHT: u32 = 1600;
const SMALL_MIN_WIDTH: u32 = 120;
const SMALL_MAX_WIDTH: u32 = 1200;
const SMALL_MIN_HEIGHT: u32 = 48;
const SMALL_MAX_HEIGHT: u32 = 600;
/// Values beyond this magnitude are clamped to it; keeps labels short and arithmetic finite.
const LARGEST_VALUE: f64 = 1.0e12;
/// Bands drawn at most.
const MAX_BANDS: usize = 12;
/// Above this many measurements the line has no point markers.
const MARKER_MAX_POINTS: usize = 60;
/// Date ticks at most, whatever the width.
const MAX_DATE_TICKS: usize = 8;
/// Value ticks at most, whatever the height.
const MAX_VALUE_TICKS: usize = 9;
/// Columns (see `charts::columns`) kept of a band label and of the unit.
const BAND_LABEL_CHARS: usize = 20;
const UNIT_CHARS: usize = 24;

const TITLE_PX: f64 = 15.0;
const TITLE_ROW_H: f64 = 24.0;
const TICK_PX: f64 = 11.0;
const LABEL_PX: f64 = 11.0;
const SMALL_PX: f64 = 11.0;
const MARGIN: f64 = 8.0;
const SMALL_MARGIN: f64 = 4.0;
/// Room under the plot for one line of date labels.
const X_LABELS_H: f64 = 22.0;
/// Extra room for the second line (the year under day ticks).
const YEAR_LINE_H: f64 = 13.0;
const MARKER_R: f64 = 4.0;
const LEGEND_SWATCH_W: f64 = 24.0;

/// The measurements line.
const LINE: RGBColor = CURRENT;
/// The fitted trend and its projection.
const TREND: RGBColor = PALETTE[1];
/// The baseline marker.
const BASELINE: RGBColor = PALETTE[5];
/// Band fills, cycled in band order: one hue, distinct lightness, so neighbours differ even
/// without colour and the data stays readable on all of them.
const BAND_FILLS: [RGBColor; 4] = [
    RGBColor(0xF3, 0xF6, 0xF9),
    RGBColor(0xE6, 0xEC, 0xF2),
    RGBColor(0xD9, 0xE1, 0xEA),
    RGBColor(0xCB, 0xD5, 0xE1),
];
/// Grid lines: translucent, so they show on white and on every band.
const GRID_LINE: RGBAColor = RGBAColor(0x0F, 0x17, 0x2A, 0.09);
/// Behind labels drawn over the data.
const LABEL_BACKING: RGBAColor = RGBAColor(0xFF, 0xFF, 0xFF, 0.85);

/// Draws the full KPI chart as an SVG document of `width` x `height` pixels.
///
/// From top to bottom: the title, a legend of what is drawn, the unit as the value axis title,
/// the plot, date ticks and the bands note. The measurements are a line (with point markers
/// when there are few, and always on the latest one); the target is a dashed horizontal line
/// labelled like "Target 50 h by Mar 2027" with a marker at its date; the baseline is a hollow
/// marker with a label; the trend is a thin solid line and the projection a dashed one. Bands
/// are shaded strips of distinct lightness, labelled at the right edge.
///
/// The value range covers the measurements, the baseline, the target and the projection, plus
/// the nearest band edge on either side when it is close to the data (never an open end), with
/// zero included when it is near; ticks are nice numbers. The date range covers everything
/// drawn, with ticks from days to centuries. Non-finite values are skipped and magnitudes are
/// clamped to 10^12. More measurements than the plot is wide are thinned to the highest and
/// lowest point of each pixel column, so the line looks the same and the output stays small
/// for any number of points (at most two line points per pixel column). Sides are clamped to
/// 320..=2400 x 200..=1600. Without a usable measurement the SVG holds only [`empty_message`].
/// Words, months and short numbers ("250k", in Chinese "25万") are in the chart language
/// (`charts::set_language`).
///
/// ```
/// use chrono::NaiveDate;
/// use cto_workbench::charts::kpi::{render, KpiPlot};
/// let day = |m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
/// let plot = KpiPlot {
///     title: "Lead time for changes".into(),
///     unit: "h".into(),
///     points: vec![(day(1), 120.0), (day(2), 96.0), (day(3), 80.0)],
///     target: Some((day(12), 50.0)),
///     ..KpiPlot::default()
/// };
/// let svg = render(&plot, 640, 320).unwrap();
/// assert!(svg.contains("Target 50 h by Dec 2026"));
/// ```
pub fn render(plot: &KpiPlot, width: u32, height: u32) -> Result<String, ChartError> {
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let height = height.clamp(MIN_HEIGHT, MAX_HEIGHT);
    let data = Cleaned::new(plot);
    if data.points.is_empty() {
        return message_svg(width, height, empty_message());
    }
    let legend_items = data.legend_items();
    let legend_labels: Vec<String> = legend_items.iter().map(|i| i.label().to_string()).collect();
    let (w, h) = (f64::from(width), f64::from(height));
    let legend = Legend::layout(&legend_labels, LEGEND_SWATCH_W, w - 2.0 * MARGIN);
    let layout = FullLayout::new(&data, w, h, &legend);
    let frame = &layout.frame;

    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        draw_bands(&root, frame, &layout.bands, w - MARGIN, LABEL_PX)?;
        draw_value_axis(&root, frame, &layout.values)?;
        draw_date_axis(&root, frame, &layout.dates)?;
        if let Some((a, b)) = data.trend {
            draw_segment(&root, frame, a, b, None, TREND.stroke_width(1))?;
        }
        if let Some((a, b)) = data.projection {
            draw_segment(&root, frame, a, b, Some((6, 4)), TREND.stroke_width(2))?;
        }
        if let Some((_, value)) = data.target {
            draw_target_line(&root, frame, value)?;
        }
        let line = draw_measurements(&root, frame, &data.points, MARKER_R)?;
        let target = data.target.map(|(date, value)| {
            let text = target_text(value, date, &data.unit);
            target_label(frame, value, text, LABEL_PX)
        });
        if let Some(baseline) = data.baseline {
            draw_baseline(&root, frame, baseline, &data.unit, &line, target.as_ref())?;
        }
        if let (Some(label), Some((date, value))) = (&target, data.target) {
            label.draw(&root)?;
            let at = frame.at(days(date), value);
            if frame.contains(at) {
                Marker::Diamond.draw_with_halo(&root, at, MARKER_R + 1.0, TARGET)?;
            }
        }
        if let Some(last) = line.last() {
            Marker::Circle.draw_with_halo(&root, *last, MARKER_R + 0.5, LINE)?;
        }

        let mut y = MARGIN;
        if !data.title.is_empty() {
            let chars = ((w - 2.0 * MARGIN) / (0.62 * TITLE_PX)) as usize;
            let style = font(TITLE_PX, FontStyle::Bold, INK, HPos::Left, VPos::Top);
            root.draw(&Text::new(
                truncate_columns(&data.title, chars),
                (i32_of(MARGIN), i32_of(y)),
                style,
            ))?;
            y += TITLE_ROW_H;
        }
        legend.draw(&root, &legend_labels, MARGIN, y, |root, index, x, y| {
            legend_items[index].draw_swatch(root, x, y)
        })?;
        if !data.unit.is_empty() {
            let style = text_style(TICK_PX, MUTED, HPos::Left, VPos::Bottom);
            root.draw(&Text::new(
                data.unit.clone(),
                (i32_of(MARGIN), i32_of(frame.top - 10.0)),
                style,
            ))?;
        }
        if !data.note.is_empty() {
            let chars = ((w - 2.0 * MARGIN) / (0.6 * NOTE_PX)) as usize;
            let note = truncate_columns(&data.note, chars);
            draw_notes(&root, &[note], MARGIN, h - MARGIN)?;
        }
        root.present()?;
    }
    Ok(buf)
}

/// Draws the compact version of the chart, for a dashboard of small multiples, as an SVG
/// document of `width` x `height` pixels.
///
/// No title (the page shows it) and no legend: the measurements line with a marker on the
/// latest value, the target as a dashed line (labelled when there is room), the bands (labelled
/// at the right when the chart is at least 200 pixels wide), the first and last date under the
/// plot and the lowest and highest measurement at the left. The value range covers the
/// measurements and the target (and near band edges, as in [`render`]) with a little room
/// around, not forced to zero, so the line's movement shows. Values and long series are
/// cleaned and thinned as in [`render`]. Sides are clamped to 120..=1200 x 48..=600.
/// Without a usable measurement the SVG holds only [`empty_message`].
pub fn render_small(plot: &KpiPlot, width: u32, height: u32) -> Result<String, ChartError> {
    let width = width.clamp(SMALL_MIN_WIDTH, SMALL_MAX_WIDTH);
    let height = height.clamp(SMALL_MIN_HEIGHT, SMALL_MAX_HEIGHT);
    let data = Cleaned::new(plot);
    let (w, h) = (f64::from(width), f64::from(height));
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        if data.points.is_empty() {
            let style = text_style(SMALL_PX + 1.0, MUTED, HPos::Center, VPos::Center);
            root.draw(&Text::new(
                empty_message(),
                (i32_of(w / 2.0), i32_of(h / 2.0)),
                style,
            ))?;
        } else {
            let layout = SmallLayout::new(&data, w, h);
            let frame = &layout.frame;
            draw_bands(&root, frame, &layout.bands, w - SMALL_MARGIN, SMALL_PX)?;
            root.draw(&PathElement::new(
                vec![
                    (i32_of(frame.left), i32_of(frame.bottom)),
                    (i32_of(frame.right), i32_of(frame.bottom)),
                ],
                GRID_STRONG.stroke_width(1),
            ))?;
            if let Some((_, value)) = data.target {
                draw_target_line(&root, frame, value)?;
            }
            let line = draw_measurements(&root, frame, &data.points, 0.0)?;
            if let (Some((_, value)), true) = (data.target, frame.bottom - frame.top >= 56.0) {
                let text = crate::i18n::fill(
                    word("charts.kpi_target_value"),
                    &[("value", &with_unit(value, &data.unit))],
                );
                target_label(frame, value, text, SMALL_PX).draw(&root)?;
            }
            if let Some(last) = line.last() {
                Marker::Circle.draw_with_halo(&root, *last, 3.0, LINE)?;
            }
            draw_small_ticks(&root, frame, &data)?;
        }
        root.present()?;
    }
    Ok(buf)
}

// ---------------------------------------------------------------------------------------------
// Input cleaning.

/// The plot's inputs, ready to draw: finite values clamped, dates as day numbers, labels
/// cleaned.
struct Cleaned {
    /// (day, value), in date order.
    points: Vec<(f64, f64)>,
    baseline: Option<(f64, f64)>,
    target: Option<(NaiveDate, f64)>,
    trend: Option<Segment>,
    projection: Option<Segment>,
    bands: Vec<CleanBand>,
    title: String,
    unit: String,
    note: String,
}

/// A straight line from one point to another: (day, value) pairs, or pixels.
type Segment = ((f64, f64), (f64, f64));

/// A band with its edges in order; `None` is an open end.
#[derive(Debug, Clone, PartialEq)]
struct CleanBand {
    label: String,
    lo: Option<f64>,
    hi: Option<f64>,
    fill: RGBColor,
}

/// A finite value clamped to ±[`LARGEST_VALUE`]; `None` for NaN and infinities.
fn finite(v: f64) -> Option<f64> {
    v.is_finite()
        .then(|| v.clamp(-LARGEST_VALUE, LARGEST_VALUE))
}

fn days(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

fn dated(point: (NaiveDate, f64)) -> Option<(f64, f64)> {
    finite(point.1).map(|v| (days(point.0), v))
}

impl Cleaned {
    fn new(plot: &KpiPlot) -> Self {
        let mut points: Vec<(f64, f64)> = plot.points.iter().filter_map(|p| dated(*p)).collect();
        if !points.is_sorted_by(|a, b| a.0 <= b.0) {
            points.sort_by(|a, b| a.0.total_cmp(&b.0));
        }
        let segment = |s: Option<((NaiveDate, f64), (NaiveDate, f64))>| {
            s.and_then(|(a, b)| Some((dated(a)?, dated(b)?)))
        };
        let bands = plot
            .bands
            .iter()
            .take(MAX_BANDS)
            .enumerate()
            .filter_map(|(index, band)| {
                let (lo, hi) = match (band.from.and_then(finite), band.to.and_then(finite)) {
                    (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                    edges => edges,
                };
                if lo.is_some() && lo == hi {
                    return None;
                }
                Some(CleanBand {
                    label: truncate_columns(&clean_label(&band.label), BAND_LABEL_CHARS),
                    lo,
                    hi,
                    fill: BAND_FILLS[index % BAND_FILLS.len()],
                })
            })
            .collect();
        Cleaned {
            points,
            baseline: plot.baseline.and_then(dated),
            target: plot.target.and_then(|(d, v)| finite(v).map(|v| (d, v))),
            trend: segment(plot.trend),
            projection: segment(plot.projection),
            bands,
            title: clean_label(&plot.title),
            unit: truncate_columns(&clean_label(&plot.unit), UNIT_CHARS),
            note: plot
                .bands_note
                .as_deref()
                .map(clean_label)
                .unwrap_or_default(),
        }
    }

    /// The smallest and largest of `values`, if any.
    fn extent(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
        values.fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((v.min(lo), v.max(hi))),
        })
    }

    /// The day range of everything the full chart draws.
    fn day_extent(&self) -> (f64, f64) {
        let ends = |s: &Option<Segment>| s.map(|(a, b)| [a.0, b.0]);
        let days = self
            .points
            .iter()
            .map(|p| p.0)
            .chain(self.baseline.map(|b| b.0))
            .chain(self.target.map(|t| days(t.0)))
            .chain(ends(&self.trend).into_iter().flatten())
            .chain(ends(&self.projection).into_iter().flatten());
        Self::extent(days).unwrap_or((0.0, 0.0))
    }

    /// The values the full chart must show: data, baseline, target and projection.
    fn value_extent(&self) -> (f64, f64) {
        let projection = self.projection.map(|(a, b)| [a.1, b.1]);
        let values = self
            .points
            .iter()
            .map(|p| p.1)
            .chain(self.baseline.map(|b| b.1))
            .chain(self.target.map(|t| t.1))
            .chain(projection.into_iter().flatten());
        Self::extent(values).unwrap_or((0.0, 0.0))
    }

    /// The finite band edges.
    fn edges(&self) -> Vec<f64> {
        self.bands
            .iter()
            .flat_map(|b| [b.lo, b.hi])
            .flatten()
            .collect()
    }

    fn legend_items(&self) -> Vec<LegendItem> {
        let mut items = vec![LegendItem::Measurements];
        if self.trend.is_some() {
            items.push(LegendItem::Trend);
        }
        if self.projection.is_some() {
            items.push(LegendItem::Projection);
        }
        if self.target.is_some() {
            items.push(LegendItem::Target);
        }
        if self.baseline.is_some() {
            items.push(LegendItem::Baseline);
        }
        items
    }
}

// ---------------------------------------------------------------------------------------------
// Value range and ticks.

/// The value range to show: `core` (what must be visible), widened to the nearest band edge on
/// either side when that edge is close (within the data's span, or a quarter of its magnitude),
/// and to zero when zero is near (`with_zero`). A range without extent is padded.
fn value_range(core: (f64, f64), edges: &[f64], with_zero: bool) -> (f64, f64) {
    let (mut lo, mut hi) = core;
    let reach = (hi - lo).max(0.25 * lo.abs().max(hi.abs()));
    let below = edges
        .iter()
        .copied()
        .filter(|e| *e < lo)
        .max_by(f64::total_cmp);
    let above = edges
        .iter()
        .copied()
        .filter(|e| *e > hi)
        .min_by(f64::total_cmp);
    if let Some(e) = below.filter(|e| lo - e <= reach) {
        lo = e;
    }
    if let Some(e) = above.filter(|e| e - hi <= reach) {
        hi = e;
    }
    if with_zero {
        if lo > 0.0 && lo <= (hi - lo) * 0.5 {
            lo = 0.0;
        } else if hi < 0.0 && -hi <= (hi - lo) * 0.5 {
            hi = 0.0;
        }
    }
    let magnitude = lo.abs().max(hi.abs());
    if hi - lo <= 1e-9 * magnitude.max(1.0) {
        if magnitude == 0.0 {
            return (0.0, 1.0);
        }
        let pad = 0.1 * magnitude;
        return (lo - pad, hi + pad);
    }
    (lo, hi)
}

/// A value axis: its range and the ticks on it.
#[derive(Debug, Clone, PartialEq)]
struct ValueAxis {
    lo: f64,
    hi: f64,
    step: f64,
    ticks: Vec<f64>,
}

/// Ticks at 1, 2, 2.5 (when that adds no decimal) or 5 times a power of ten covering `lo..=hi` with at most `max_ticks`
/// ticks; the axis runs from the first tick to the last.
fn nice_axis(lo: f64, hi: f64, max_ticks: usize) -> ValueAxis {
    let intervals = (max_ticks.clamp(2, MAX_VALUE_TICKS) - 1) as f64;
    let raw = ((hi - lo) / intervals).max(f64::MIN_POSITIVE);
    let magnitude = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0] {
        let step = m * magnitude;
        // Quarter steps read well as 25, 250, ... but not as 2.5 or 0.25.
        if decimals_for(step) > decimals_for(magnitude) {
            continue;
        }
        let first = (lo / step + 1e-9).floor();
        let last = (hi / step - 1e-9).ceil().max(first + 1.0);
        let n = (last - first).round();
        if n <= intervals + 0.5 {
            let ticks = (0..=n as usize)
                .map(|k| (first + k as f64) * step)
                .collect();
            return ValueAxis {
                lo: first * step,
                hi: last * step,
                step,
                ticks,
            };
        }
    }
    // Unreachable for finite input (the last factor always fits); keep the bare range.
    ValueAxis {
        lo,
        hi,
        step: hi - lo,
        ticks: vec![lo, hi],
    }
}

/// The decimals needed to write multiples of `step` exactly (at most six).
fn decimals_for(step: f64) -> usize {
    (0..6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(6)
}

/// A tick label: large numbers written short as the chart language does ("250k", "1.5M";
/// "25万", "1.5亿": see [`short_scale`]); decimals as the step needs.
fn tick_text(v: f64, axis: &ValueAxis) -> String {
    if v == 0.0 {
        return "0".to_string();
    }
    let largest = axis.lo.abs().max(axis.hi.abs());
    let (divisor, suffix) = short_scale(largest);
    let decimals = decimals_for(axis.step / divisor);
    minus_zero(format!("{:.*}{suffix}", decimals, v / divisor))
}

fn minus_zero(text: String) -> String {
    if text.starts_with("-0") && text.chars().all(|c| matches!(c, '-' | '0' | '.')) {
        text[1..].to_string()
    } else {
        text
    }
}

fn trim_decimals(text: String) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A value as written in labels: "50", "12.5", "0.0042", "12,500", "1.25M" (in Chinese
/// "125万").
fn number(v: f64) -> String {
    let a = v.abs();
    let text = if a >= 1e6 {
        let (divisor, suffix) = short_scale(a);
        format!("{}{suffix}", trim_decimals(format!("{:.2}", v / divisor)))
    } else if a >= 1e4 {
        let digits = format!("{:.0}", a);
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        if v < 0.0 {
            format!("-{grouped}")
        } else {
            grouped
        }
    } else if a >= 1.0 || a == 0.0 {
        trim_decimals(format!("{v:.2}"))
    } else {
        let decimals = (2.0 - a.log10().floor()).clamp(2.0, 6.0) as usize;
        trim_decimals(format!("{v:.decimals$}"))
    };
    minus_zero(text)
}

/// A value in about three significant digits, for the small chart's tight labels: "274",
/// "59.1", "0.0042", "12,500".
fn short_number(v: f64) -> String {
    let a = v.abs();
    if a >= 1e4 || a == 0.0 {
        return number(v);
    }
    let decimals = (2.0 - a.log10().floor()).clamp(0.0, 6.0) as usize;
    minus_zero(trim_decimals(format!("{v:.decimals$}")))
}

/// A value with its unit: "50 h", "99.5%", or the bare number without a unit.
fn with_unit(v: f64, unit: &str) -> String {
    match unit {
        "" => number(v),
        u if u.starts_with('%') || u.starts_with('°') => format!("{}{u}", number(v)),
        u => format!("{} {u}", number(v)),
    }
}

/// The target line's label, e.g. "Target 50 h by Mar 2027".
fn target_text(value: f64, date: NaiveDate, unit: &str) -> String {
    crate::i18n::fill(
        word("charts.kpi_target_by"),
        &[
            ("value", &with_unit(value, unit)),
            ("month", &month_year(date)),
        ],
    )
}

/// The widest `format` writes a date of 2026 with a two-digit day, in the chart language (the
/// widest month differs: "May" in English, "12月" in Chinese), at tick size.
fn widest_date(format: fn(NaiveDate) -> String) -> f64 {
    (1..=12)
        .filter_map(|m| NaiveDate::from_ymd_opt(2026, m, 28))
        .map(|d| approx_text_width(&format(d), TICK_PX))
        .fold(0.0, f64::max)
}

// ---------------------------------------------------------------------------------------------
// Date ticks.

/// A distance between date ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateStep {
    /// Every n days, counted from a Monday (so 7 and 14 fall on Mondays).
    Days(i64),
    /// Every n months, counted from January of year 0 (so 12 and up fall on new years).
    Months(i64),
}

use DateStep::{Days, Months};

/// Tick steps tried in turn, smallest first.
const DATE_STEPS: [DateStep; 24] = [
    Days(1),
    Days(2),
    Days(7),
    Days(14),
    Months(1),
    Months(2),
    Months(3),
    Months(6),
    Months(12),
    Months(24),
    Months(60),
    Months(120),
    Months(240),
    Months(600),
    Months(1_200),
    Months(2_400),
    Months(6_000),
    Months(12_000),
    Months(24_000),
    Months(60_000),
    Months(120_000),
    Months(240_000),
    Months(600_000),
    Months(1_200_000),
];

/// The date of day number `day` (see [`days`]), if chrono can represent it.
fn date_of(day: f64) -> Option<NaiveDate> {
    if !day.is_finite() || day.abs() > f64::from(i32::MAX) {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(day.floor() as i32)
}

/// The first and last tick number (multiples of the step) inside days `d0..=d1`.
fn tick_numbers(step: DateStep, d0: f64, d1: f64) -> Option<(i64, i64)> {
    let (lo, hi) = match step {
        Days(k) => {
            // Day 1 (1 Jan of year 1) is a Monday.
            let first = ((d0 - 1.0) / k as f64).ceil();
            let last = ((d1 - 1.0) / k as f64).floor();
            (first as i64, last as i64)
        }
        Months(k) => {
            let lo_date = date_of(d0.ceil().max(days(NaiveDate::MIN)))?;
            let hi_date = date_of(d1.floor().min(days(NaiveDate::MAX)))?;
            let lo = month_index(lo_date) + i64::from(lo_date.day() != 1);
            let hi = month_index(hi_date);
            (
                lo.div_euclid(k) + i64::from(lo.rem_euclid(k) != 0),
                hi.div_euclid(k),
            )
        }
    };
    (hi >= lo).then_some((lo, hi))
}

fn tick_date(step: DateStep, number: i64) -> Option<NaiveDate> {
    match step {
        Days(k) => date_of((1 + number.checked_mul(k)?) as f64),
        Months(k) => month_start(number.checked_mul(k)?),
    }
}

/// A tick label: "3 Mar" for day steps, "Mar 2026" for month steps, "2026" for years (in
/// Chinese "3月3日", "2026年3月", "2026").
fn date_label(date: NaiveDate, step: DateStep) -> String {
    match step {
        Days(_) => day_month(date),
        Months(k) if k % 12 == 0 => date.year().to_string(),
        Months(_) => month_year(date),
    }
}

/// The widest label a step can produce within days `d0..=d1`, for spacing.
fn widest_date_label(step: DateStep, d1: f64) -> f64 {
    let widest = match step {
        Days(_) => widest_date(day_month),
        Months(k) if k % 12 == 0 => {
            let year = date_of(d1.min(days(NaiveDate::MAX)))
                .map_or_else(|| "2026".to_string(), |d| d.year().to_string());
            approx_text_width(&year, TICK_PX)
        }
        Months(_) => widest_date(month_year),
    };
    widest.max(approx_text_width("2026", TICK_PX))
}

/// Date ticks for a plot `plot_w` pixels wide over days `d0..=d1`.
#[derive(Debug, Clone, PartialEq)]
struct DateAxis {
    step: DateStep,
    ticks: Vec<NaiveDate>,
}

/// The smallest step whose labels fit `plot_w` pixels (and at most [`MAX_DATE_TICKS`]).
fn date_axis(d0: f64, d1: f64, plot_w: f64) -> DateAxis {
    let mut chosen = DATE_STEPS[DATE_STEPS.len() - 1];
    for step in DATE_STEPS {
        let fit = (plot_w / (widest_date_label(step, d1) + 16.0)).floor();
        let fit = (fit.max(2.0) as i64).min(MAX_DATE_TICKS as i64);
        let count = tick_numbers(step, d0, d1).map_or(0, |(lo, hi)| hi - lo + 1);
        if count <= fit {
            chosen = step;
            break;
        }
    }
    let ticks = tick_numbers(chosen, d0, d1)
        .map(|(lo, hi)| {
            (lo..=hi.min(lo + MAX_DATE_TICKS as i64))
                .filter_map(|n| tick_date(chosen, n))
                .collect()
        })
        .unwrap_or_default();
    DateAxis {
        step: chosen,
        ticks,
    }
}

// ---------------------------------------------------------------------------------------------
// Layout.

/// The plot rectangle and how days and values map onto it.
#[derive(Debug, Clone, PartialEq)]
struct Frame {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    /// Days at the left and right edges.
    d0: f64,
    d1: f64,
    /// Values at the bottom and top edges.
    v0: f64,
    v1: f64,
}

impl Frame {
    fn x_of(&self, day: f64) -> f64 {
        self.left + (day - self.d0) / (self.d1 - self.d0) * (self.right - self.left)
    }

    fn y_of(&self, v: f64) -> f64 {
        self.bottom - (v - self.v0) / (self.v1 - self.v0) * (self.bottom - self.top)
    }

    fn at(&self, day: f64, v: f64) -> (f64, f64) {
        (self.x_of(day), self.y_of(v))
    }

    fn contains(&self, (x, y): (f64, f64)) -> bool {
        let slack = 0.5;
        x >= self.left - slack
            && x <= self.right + slack
            && y >= self.top - slack
            && y <= self.bottom + slack
    }

    /// The part of the segment `a`-`b` inside the plot (Liang-Barsky), if any.
    fn clip(&self, a: (f64, f64), b: (f64, f64)) -> Option<Segment> {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [
            (-dx, a.0 - self.left),
            (dx, self.right - a.0),
            (-dy, a.1 - self.top),
            (dy, self.bottom - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return None;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
            }
        }
        (t0 <= t1 && t0.is_finite() && t1.is_finite()).then_some((
            (a.0 + t0 * dx, a.1 + t0 * dy),
            (a.0 + t1 * dx, a.1 + t1 * dy),
        ))
    }
}

/// The days to show: `extent` padded by 2% each side, or two days each side of a single day.
fn padded_days((d0, d1): (f64, f64)) -> (f64, f64) {
    if d1 - d0 < 1.0 {
        (d0 - 2.0, d1 + 2.0)
    } else {
        let pad = (d1 - d0) * 0.02;
        (d0 - pad, d1 + pad)
    }
}

/// A band's visible part and where its label goes.
#[derive(Debug, Clone, PartialEq)]
struct PlacedBand {
    label: String,
    fill: RGBColor,
    /// Top and bottom pixel of the visible part.
    y_top: f64,
    y_bottom: f64,
    /// The label's centre line, when it fits.
    label_y: Option<f64>,
}

/// The visible parts of `bands` in `frame`, with labels of `px` pixels placed at their centres
/// and moved apart (or left out) where they would overlap.
fn place_bands(bands: &[CleanBand], frame: &Frame, px: f64) -> Vec<PlacedBand> {
    let mut placed: Vec<PlacedBand> = bands
        .iter()
        .filter_map(|band| {
            let lo = band.lo.unwrap_or(frame.v0).max(frame.v0);
            let hi = band.hi.unwrap_or(frame.v1).min(frame.v1);
            (hi > lo).then(|| PlacedBand {
                label: band.label.clone(),
                fill: band.fill,
                y_top: frame.y_of(hi),
                y_bottom: frame.y_of(lo),
                label_y: None,
            })
        })
        .collect();
    let line_h = px + 3.0;
    let mut order: Vec<usize> = (0..placed.len()).collect();
    order.sort_by(|&a, &b| {
        let centre = |p: &PlacedBand| p.y_top + p.y_bottom;
        centre(&placed[a]).total_cmp(&centre(&placed[b]))
    });
    let mut next_free = frame.top + line_h / 2.0 - 2.0;
    for index in order {
        let band = &mut placed[index];
        if band.label.is_empty() {
            continue;
        }
        let centre = (band.y_top + band.y_bottom) / 2.0;
        let y = centre.max(next_free);
        // A label pushed off its own band would name the wrong strip; leave it out.
        if y <= band.y_bottom.max(band.y_top + line_h / 2.0)
            && y + line_h / 2.0 <= frame.bottom + 2.0
        {
            band.label_y = Some(y);
            next_free = y + line_h;
        }
    }
    placed
}

/// The full chart's layout.
struct FullLayout {
    frame: Frame,
    values: ValueAxis,
    dates: DateAxis,
    bands: Vec<PlacedBand>,
}

impl FullLayout {
    fn new(data: &Cleaned, width: f64, height: f64, legend: &Legend) -> Self {
        let title_h = if data.title.is_empty() {
            0.0
        } else {
            TITLE_ROW_H
        };
        let unit_h = if data.unit.is_empty() { 0.0 } else { 16.0 };
        let top = MARGIN + title_h + legend.height + unit_h + 14.0;
        let note_h = if data.note.is_empty() {
            0.0
        } else {
            NOTE_LINE_H
        };
        let mut bottom = (height - MARGIN - note_h - X_LABELS_H).max(top + 40.0);

        let (lo, hi) = value_range(data.value_extent(), &data.edges(), true);
        // Headroom, so a value at the edge (often the target) keeps room for its label; zero
        // stays the floor.
        let pad = (hi - lo) * 0.04;
        let (lo, hi) = (if lo == 0.0 { lo } else { lo - pad }, hi + pad);
        let max_ticks = ((bottom - top) / 40.0).floor() as usize + 1;
        let values = nice_axis(lo, hi, max_ticks);
        let widest_value = values
            .ticks
            .iter()
            .map(|v| approx_text_width(&tick_text(*v, &values), TICK_PX))
            .fold(0.0, f64::max);
        let left = MARGIN + widest_value + 8.0;
        let (d0, d1) = padded_days(data.day_extent());
        let mut frame = Frame {
            left,
            right: width - MARGIN,
            top,
            bottom,
            d0,
            d1,
            v0: values.lo,
            v1: values.hi,
        };
        // The band label column at the right, as wide as the widest visible label.
        let column = place_bands(&data.bands, &frame, LABEL_PX)
            .iter()
            .map(|b| approx_text_width(&b.label, LABEL_PX))
            .fold(0.0, f64::max)
            .min(width * 0.3);
        frame.right = if column > 0.0 {
            width - MARGIN - column - 12.0
        } else {
            width - MARGIN - widest_date(month_year) / 2.0
        };
        let dates = date_axis(d0, d1, frame.right - frame.left);
        if matches!(dates.step, Days(_)) {
            bottom = (bottom - YEAR_LINE_H).max(top + 40.0);
            frame.bottom = bottom;
        }
        let bands = place_bands(&data.bands, &frame, LABEL_PX);
        FullLayout {
            frame,
            values,
            dates,
            bands,
        }
    }
}

/// The small chart's layout: no axes, only the data range and the band labels.
struct SmallLayout {
    frame: Frame,
    bands: Vec<PlacedBand>,
}

impl SmallLayout {
    fn new(data: &Cleaned, width: f64, height: f64) -> Self {
        let values = data
            .points
            .iter()
            .map(|p| p.1)
            .chain(data.target.map(|t| t.1));
        let core = Cleaned::extent(values).unwrap_or((0.0, 0.0));
        let (lo, hi) = value_range(core, &data.edges(), false);
        let pad = (hi - lo) * 0.08;
        let (v0, v1) = (lo - pad, hi + pad);
        let (min, max) = Cleaned::extent(data.points.iter().map(|p| p.1)).unwrap_or((0.0, 0.0));
        let widest_value = [min, max]
            .iter()
            .map(|v| approx_text_width(&short_number(*v), SMALL_PX))
            .fold(0.0, f64::max);
        let (first, last) = (data.points[0].0, data.points[data.points.len() - 1].0);
        let (d0, d1) = padded_days((first, last));
        let mut frame = Frame {
            left: SMALL_MARGIN + widest_value + 6.0,
            right: width - SMALL_MARGIN - 4.0,
            top: SMALL_MARGIN + SMALL_PX / 2.0,
            bottom: (height - SMALL_MARGIN - SMALL_PX - 4.0).max(SMALL_MARGIN + 20.0),
            d0,
            d1,
            v0,
            v1,
        };
        let mut bands = Vec::new();
        if !data.bands.is_empty() {
            bands = place_bands(&data.bands, &frame, SMALL_PX);
            if width >= 200.0 {
                let column = bands
                    .iter()
                    .map(|b| approx_text_width(&b.label, SMALL_PX))
                    .fold(0.0, f64::max)
                    .min(width * 0.25);
                frame.right = width - SMALL_MARGIN - column - 8.0;
                bands = place_bands(&data.bands, &frame, SMALL_PX);
            } else {
                for band in &mut bands {
                    band.label_y = None;
                }
            }
        }
        SmallLayout { frame, bands }
    }
}

// ---------------------------------------------------------------------------------------------
// Drawing.

fn pixel((x, y): (f64, f64)) -> (i32, i32) {
    (i32_of(x), i32_of(y))
}

/// Shaded strips from the plot's left edge to `strip_right` (past the plot, under the labels),
/// with each label left-aligned in the column right of the plot.
fn draw_bands(
    root: &Area<'_>,
    frame: &Frame,
    bands: &[PlacedBand],
    strip_right: f64,
    px: f64,
) -> Result<(), ChartError> {
    for band in bands {
        root.draw(&Rectangle::new(
            [
                pixel((frame.left, band.y_top)),
                pixel((strip_right, band.y_bottom)),
            ],
            band.fill.filled(),
        ))?;
    }
    let style = text_style(px, INK, HPos::Left, VPos::Center);
    for band in bands {
        if let Some(y) = band.label_y {
            root.draw(&Text::new(
                band.label.clone(),
                pixel((frame.right + 6.0, y)),
                style.clone(),
            ))?;
        }
    }
    Ok(())
}

/// Horizontal grid lines at the value ticks, labelled on the left; the bottom one is the axis.
fn draw_value_axis(root: &Area<'_>, frame: &Frame, axis: &ValueAxis) -> Result<(), ChartError> {
    let style = text_style(TICK_PX, MUTED, HPos::Right, VPos::Center);
    for (k, v) in axis.ticks.iter().enumerate() {
        let y = i32_of(frame.y_of(*v));
        let (l, r) = (i32_of(frame.left), i32_of(frame.right));
        if k == 0 || *v == 0.0 {
            root.draw(&PathElement::new(
                vec![(l, y), (r, y)],
                GRID_STRONG.stroke_width(1),
            ))?;
        } else {
            root.draw(&PathElement::new(
                vec![(l, y), (r, y)],
                GRID_LINE.stroke_width(1),
            ))?;
        }
        root.draw(&Text::new(
            tick_text(*v, axis),
            (i32_of(frame.left - 8.0), y),
            style.clone(),
        ))?;
    }
    Ok(())
}

/// Tick marks and labels under the plot; day ticks get the year on a second line where it
/// starts or changes.
fn draw_date_axis(root: &Area<'_>, frame: &Frame, axis: &DateAxis) -> Result<(), ChartError> {
    let style = text_style(TICK_PX, MUTED, HPos::Center, VPos::Top);
    let bottom = i32_of(frame.bottom);
    let mut year = None;
    for date in &axis.ticks {
        let x = i32_of(frame.x_of(days(*date)));
        let label = date_label(*date, axis.step);
        draw_tick(root, x, bottom, Some(label), &style)?;
        if matches!(axis.step, Days(_)) && year != Some(date.year()) {
            year = Some(date.year());
            root.draw(&Text::new(
                date.year().to_string(),
                (x, bottom + 7 + i32_of(YEAR_LINE_H)),
                style.clone(),
            ))?;
        }
    }
    Ok(())
}

/// A straight line between two (day, value) points, clipped to the plot; dashed when `dash`
/// (dash and gap lengths) is given.
fn draw_segment(
    root: &Area<'_>,
    frame: &Frame,
    a: (f64, f64),
    b: (f64, f64),
    dash: Option<(i32, i32)>,
    style: ShapeStyle,
) -> Result<(), ChartError> {
    let Some((a, b)) = frame.clip(frame.at(a.0, a.1), frame.at(b.0, b.1)) else {
        return Ok(());
    };
    let points = vec![pixel(a), pixel(b)];
    match dash {
        Some((size, gap)) => root.draw(&DashedPathElement::new(points, size, gap, style))?,
        None => root.draw(&PathElement::new(points, style))?,
    }
    Ok(())
}

fn draw_target_line(root: &Area<'_>, frame: &Frame, value: f64) -> Result<(), ChartError> {
    draw_segment(
        root,
        frame,
        (frame.d0, value),
        (frame.d1, value),
        Some((8, 5)),
        TARGET.stroke_width(2),
    )
}

/// A label on a translucent white box, so lines under it do not hide it.
struct BackedLabel {
    text: String,
    /// The left end of the text; its top, bottom or centre as `v` says.
    x: f64,
    y: f64,
    v: VPos,
    px: f64,
    colour: RGBColor,
}

impl BackedLabel {
    /// The box behind the text: left, top, right, bottom.
    fn bounds(&self) -> (f64, f64, f64, f64) {
        let w = approx_text_width(&self.text, self.px) * 0.92;
        let (top, bottom) = match self.v {
            VPos::Bottom => (self.y - self.px - 2.0, self.y + 1.0),
            VPos::Top => (self.y - 1.0, self.y + self.px + 2.0),
            VPos::Center => (self.y - self.px / 2.0 - 2.0, self.y + self.px / 2.0 + 2.0),
        };
        (self.x - 3.0, top, self.x + w + 3.0, bottom)
    }

    fn overlaps(&self, other: &BackedLabel) -> bool {
        let (l1, t1, r1, b1) = self.bounds();
        let (l2, t2, r2, b2) = other.bounds();
        l1 < r2 && l2 < r1 && t1 < b2 && t2 < b1
    }

    fn inside(&self, frame: &Frame) -> bool {
        let (l, t, r, b) = self.bounds();
        l >= frame.left && r <= frame.right + 2.0 && t >= frame.top - 2.0 && b <= frame.bottom
    }

    /// Whether the polyline `line` (pixels, in x order) passes through the box.
    fn crosses(&self, line: &[(f64, f64)]) -> bool {
        let (l, t, r, b) = self.bounds();
        let hits = |(ya, yb): (f64, f64)| ya.min(yb) <= b && ya.max(yb) >= t;
        if let [(x, y)] = line {
            return *x >= l && *x <= r && hits((*y, *y));
        }
        line.windows(2).any(|w| {
            let ((x0, y0), (x1, y1)) = (w[0], w[1]);
            let (lo, hi) = (x0.max(l), x1.min(r));
            if lo > hi {
                return false;
            }
            if x1 - x0 < 1e-9 {
                return hits((y0, y1));
            }
            let y_at = |x: f64| y0 + (y1 - y0) * (x - x0) / (x1 - x0);
            hits((y_at(lo), y_at(hi)))
        })
    }

    fn draw(&self, root: &Area<'_>) -> Result<(), ChartError> {
        let (l, t, r, b) = self.bounds();
        root.draw(&Rectangle::new(
            [pixel((l, t)), pixel((r, b))],
            LABEL_BACKING.filled(),
        ))?;
        root.draw(&Text::new(
            self.text.clone(),
            pixel((self.x, self.y)),
            text_style(self.px, self.colour, HPos::Left, self.v),
        ))?;
        Ok(())
    }
}

/// `text` at the left end of the target line: above it, or below when the line is near the
/// top.
fn target_label(frame: &Frame, value: f64, text: String, px: f64) -> BackedLabel {
    let y = frame.y_of(value);
    let (v, y) = if y - frame.top >= px + 6.0 {
        (VPos::Bottom, y - 4.0)
    } else {
        (VPos::Top, y + 5.0)
    };
    BackedLabel {
        text,
        x: frame.left + 6.0,
        y,
        v,
        px,
        colour: TARGET,
    }
}

/// The measurements as a line, with markers when there are few points (`marker_r` > 0).
/// Returns the drawn points in pixels.
///
/// A series with more points than the plot has pixel columns is drawn through
/// [`column_extremes`], so the output grows with the width, not with the data.
fn draw_measurements(
    root: &Area<'_>,
    frame: &Frame,
    points: &[(f64, f64)],
    marker_r: f64,
) -> Result<Vec<(f64, f64)>, ChartError> {
    let columns = (frame.right - frame.left).max(3.0) as usize;
    let all = points.iter().map(|&(d, v)| frame.at(d, v));
    let pixels: Vec<(f64, f64)> = if points.len() > columns {
        column_extremes(all)
    } else {
        all.collect()
    };
    let mut line: Vec<(i32, i32)> = Vec::with_capacity(pixels.len());
    for p in &pixels {
        let p = pixel(*p);
        if line.last() != Some(&p) {
            line.push(p);
        }
    }
    if line.len() >= 2 {
        root.draw(&PathElement::new(line, LINE.stroke_width(2)))?;
    }
    let span = pixels.last().map_or(0.0, |l| l.0) - pixels.first().map_or(0.0, |f| f.0);
    let roomy = pixels.len() < 2 || span / ((pixels.len() - 1) as f64) >= 3.0 * marker_r;
    if marker_r > 0.0 && points.len() <= MARKER_MAX_POINTS && roomy {
        for p in &pixels {
            Marker::Circle.draw_with_halo(root, *p, marker_r - 0.5, LINE)?;
        }
    }
    Ok(pixels)
}

/// Thins a line given in pixels, in x order, to what can be seen: per pixel column (points
/// whose x rounds to the same whole pixel) the highest and the lowest point, in the order they
/// come, plus the line's first and last points. At most two points per column and two more.
///
/// Within one column every point of the full line lies on the vertical stroke between that
/// column's highest and lowest point, so the drawn line covers the same pixels (up to the
/// joins between neighbouring columns) and every spike stays visible, whatever the number of
/// points. Both extremes of the whole series are kept, since each is the extreme of its column.
fn column_extremes(pixels: impl Iterator<Item = (f64, f64)>) -> Vec<(f64, f64)> {
    /// One column's extremes: (position in the line, point).
    struct Column {
        x: f64,
        high: (usize, (f64, f64)),
        low: (usize, (f64, f64)),
    }
    fn flush(c: &Column, out: &mut Vec<(f64, f64)>) {
        // Screen y grows downwards: the highest point has the smallest y.
        let (a, b) = if c.high.0 <= c.low.0 {
            (c.high, c.low)
        } else {
            (c.low, c.high)
        };
        out.push(a.1);
        if b.0 != a.0 {
            out.push(b.1);
        }
    }
    let mut out = Vec::new();
    let mut column: Option<Column> = None;
    let mut last = None;
    for (i, p) in pixels.enumerate() {
        if i == 0 {
            out.push(p);
        }
        last = Some(p);
        let x = p.0.round();
        match &mut column {
            Some(c) if c.x == x => {
                if p.1 < c.high.1 .1 {
                    c.high = (i, p);
                }
                if p.1 > c.low.1 .1 {
                    c.low = (i, p);
                }
            }
            _ => {
                if let Some(done) = column.take() {
                    flush(&done, &mut out);
                }
                column = Some(Column {
                    x,
                    high: (i, p),
                    low: (i, p),
                });
            }
        }
    }
    if let Some(done) = column {
        flush(&done, &mut out);
    }
    if let Some(p) = last {
        out.push(p);
    }
    // The first and last points may repeat a column extreme; drop exact repeats.
    out.dedup();
    out
}

/// A hollow square at the baseline, labelled "Baseline 260 h" beside it where the label stays
/// clear of the data line and of `avoid` (the target label). Where no place is clear of both
/// it goes where it only touches the line, and where none is clear of `avoid` it is left out
/// (the legend still names the marker).
fn draw_baseline(
    root: &Area<'_>,
    frame: &Frame,
    (day, value): (f64, f64),
    unit: &str,
    line: &[(f64, f64)],
    avoid: Option<&BackedLabel>,
) -> Result<(), ChartError> {
    let at = frame.at(day, value);
    if !frame.contains(at) {
        return Ok(());
    }
    Marker::Square.draw_hollow(root, at, MARKER_R + 0.5, BASELINE)?;
    let text = crate::i18n::fill(
        word("charts.kpi_baseline_value"),
        &[("value", &with_unit(value, unit))],
    );
    let w = approx_text_width(&text, LABEL_PX) * 0.92;
    let candidates = [
        (at.0 + 9.0, VPos::Bottom, at.1 - 6.0),
        (at.0 + 9.0, VPos::Top, at.1 + 6.0),
        (at.0 - 9.0 - w, VPos::Bottom, at.1 - 6.0),
        (at.0 - 9.0 - w, VPos::Top, at.1 + 6.0),
    ]
    .map(|(x, v, y)| BackedLabel {
        text: text.clone(),
        x,
        y,
        v,
        px: LABEL_PX,
        colour: BASELINE,
    });
    let usable = |l: &&BackedLabel| l.inside(frame) && avoid.is_none_or(|a| !l.overlaps(a));
    let chosen = candidates
        .iter()
        .filter(usable)
        .find(|l| !l.crosses(line))
        .or_else(|| candidates.iter().find(usable));
    match chosen {
        Some(label) => label.draw(root),
        None => Ok(()),
    }
}

/// The small chart's ticks: the first and last date, the lowest and highest measurement.
fn draw_small_ticks(root: &Area<'_>, frame: &Frame, data: &Cleaned) -> Result<(), ChartError> {
    let (first, last) = (data.points[0].0, data.points[data.points.len() - 1].0);
    let label = |d: f64| {
        date_of(d).map_or_else(String::new, |date| {
            if last - first >= 90.0 {
                month_year(date)
            } else {
                full_date(date)
            }
        })
    };
    let y = frame.bottom + 3.0;
    if last > first {
        let style = text_style(SMALL_PX, MUTED, HPos::Left, VPos::Top);
        root.draw(&Text::new(
            label(first),
            pixel((frame.x_of(first), y)),
            style,
        ))?;
        let style = text_style(SMALL_PX, MUTED, HPos::Right, VPos::Top);
        root.draw(&Text::new(label(last), pixel((frame.x_of(last), y)), style))?;
    } else {
        let style = text_style(SMALL_PX, MUTED, HPos::Center, VPos::Top);
        root.draw(&Text::new(
            label(first),
            pixel((frame.x_of(first), y)),
            style,
        ))?;
    }
    let (min, max) = Cleaned::extent(data.points.iter().map(|p| p.1)).unwrap_or((0.0, 0.0));
    let style = text_style(SMALL_PX, MUTED, HPos::Right, VPos::Center);
    let (y_max, y_min) = (frame.y_of(max), frame.y_of(min));
    let x = frame.left - 5.0;
    root.draw(&Text::new(
        short_number(max),
        pixel((x, y_max)),
        style.clone(),
    ))?;
    if y_min - y_max >= SMALL_PX + 1.0 {
        root.draw(&Text::new(short_number(min), pixel((x, y_min)), style))?;
    }
    for y in [y_max, y_min] {
        root.draw(&PathElement::new(
            vec![pixel((frame.left - 3.0, y)), pixel((frame.left, y))],
            GRID_STRONG.stroke_width(1),
        ))?;
    }
    Ok(())
}

/// The things a legend row can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LegendItem {
    Measurements,
    Trend,
    Projection,
    Target,
    Baseline,
}

impl LegendItem {
    /// The legend's words, in the chart language.
    fn label(self) -> &'static str {
        match self {
            LegendItem::Measurements => word("charts.kpi_measurements"),
            LegendItem::Trend => word("charts.kpi_trend"),
            LegendItem::Projection => word("charts.kpi_projection"),
            LegendItem::Target => word("charts.kpi_target"),
            LegendItem::Baseline => word("charts.kpi_baseline"),
        }
    }

    /// The swatch, with its left end at `(x, y)`: the same stroke and marker as in the plot.
    fn draw_swatch(self, root: &Area<'_>, x: f64, y: f64) -> Result<(), ChartError> {
        let line = vec![pixel((x, y)), pixel((x + LEGEND_SWATCH_W, y))];
        let middle = (x + LEGEND_SWATCH_W / 2.0, y);
        match self {
            LegendItem::Measurements => {
                root.draw(&PathElement::new(line, LINE.stroke_width(2)))?;
                Marker::Circle.draw_with_halo(root, middle, MARKER_R - 0.5, LINE)
            }
            LegendItem::Trend => {
                root.draw(&PathElement::new(line, TREND.stroke_width(1)))?;
                Ok(())
            }
            LegendItem::Projection => {
                root.draw(&DashedPathElement::new(line, 6, 3, TREND.stroke_width(2)))?;
                Ok(())
            }
            LegendItem::Target => {
                root.draw(&DashedPathElement::new(line, 8, 4, TARGET.stroke_width(2)))?;
                Marker::Diamond.draw_with_halo(root, middle, MARKER_R + 1.0, TARGET)
            }
            LegendItem::Baseline => {
                Marker::Square.draw_hollow(root, middle, MARKER_R + 0.5, BASELINE)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        assert_no_english, assert_well_formed, fill_of, lines_of, texts, InLanguage,
    };
    use super::*;
    use crate::i18n::Lang;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn dora_bands() -> Vec<Band> {
        let band = |label: &str, from, to| Band {
            label: label.into(),
            from,
            to,
        };
        vec![
            band("Elite", None, Some(24.0)),
            band("High", Some(24.0), Some(168.0)),
            band("Medium", Some(168.0), Some(720.0)),
            band("Low", Some(720.0), None),
        ]
    }

    /// A lead-time KPI improving from about 260 h to about 70 h over 16 months, measured
    /// weekly, with a target of 50 h by March 2027.
    fn lead_time() -> KpiPlot {
        let start = date(2025, 1, 6);
        let points: Vec<(NaiveDate, f64)> = (0..68)
            .map(|week| {
                let t = f64::from(week);
                let wobble = (t * 1.7).sin() * 14.0 + (t * 0.45).cos() * 9.0;
                let value = 70.0 + 190.0 * (-t / 22.0).exp() + wobble;
                (start + chrono::Days::new(7 * week as u64), value.max(20.0))
            })
            .collect();
        let last = *points.last().unwrap();
        KpiPlot {
            title: "Lead time for changes".into(),
            unit: "h".into(),
            baseline: Some(points[0]),
            target: Some((date(2027, 3, 31), 50.0)),
            trend: Some(((points[0].0, 236.0), (last.0, 62.0))),
            projection: Some(((last.0, last.1), (date(2027, 3, 31), 41.0))),
            points,
            bands: dora_bands(),
            bands_note: Some("Bands: DORA 2024, our cut-offs".into()),
        }
    }

    /// Rectangles filled with a band colour.
    fn band_rects(svg: &str) -> usize {
        svg.lines()
            .filter(|l| l.starts_with("<rect"))
            .filter(|l| BAND_FILLS.iter().any(|c| l.contains(&fill_of(*c))))
            .count()
    }

    /// The longest line of the measurements colour (legend swatches are two points).
    fn data_line(svg: &str) -> Vec<(i32, i32)> {
        lines_of(svg, LINE, 2)
            .into_iter()
            .max_by_key(|l| l.len())
            .unwrap_or_default()
    }

    #[test]
    fn full_chart_shows_title_unit_target_and_legend() {
        let plot = lead_time();
        let svg = render(&plot, 720, 380).unwrap();
        assert_well_formed(&svg);
        assert!(svg.starts_with("<svg width=\"720\" height=\"380\""));
        let texts = texts(&svg);
        for t in [
            "Lead time for changes",
            "h",
            "Target 50 h by Mar 2027",
            "Measurements",
            "Trend",
            "Projection",
            "Target",
            "Baseline",
            "Bands: DORA 2024, our cut-offs",
        ] {
            assert!(texts.contains(&t.to_string()), "{t} in {texts:?}");
        }
        assert!(texts
            .iter()
            .any(|t| t.starts_with("Baseline ") && t.ends_with(" h")));
        // Data from Jan 2025 to the target in Mar 2027: half-yearly or yearly ticks.
        assert!(
            texts.contains(&"Jan 2026".to_string()) || texts.contains(&"2026".to_string()),
            "{texts:?}"
        );
        // Value ticks are nice numbers from zero.
        assert!(texts.contains(&"0".to_string()), "{texts:?}");
        assert!(texts.contains(&"100".to_string()), "{texts:?}");
        // Every measurement is on the line, left to right.
        let line = data_line(&svg);
        assert_eq!(line.len(), plot.points.len());
        assert!(line.windows(2).all(|w| w[0].0 < w[1].0));
        // Many points: no marker per point, only the latest (plus the legend's).
        let circles = svg
            .lines()
            .filter(|l| l.starts_with("<circle") && l.contains(&fill_of(LINE)))
            .count();
        assert_eq!(circles, 2, "legend and latest point");
    }

    #[test]
    fn few_points_get_markers() {
        let plot = KpiPlot {
            title: "Deploys per week".into(),
            points: (1..=5).map(|m| (date(2026, m, 1), f64::from(m))).collect(),
            ..KpiPlot::default()
        };
        let svg = render(&plot, 640, 320).unwrap();
        assert_well_formed(&svg);
        let circles = svg
            .lines()
            .filter(|l| l.starts_with("<circle") && l.contains(&fill_of(LINE)))
            .count();
        assert_eq!(circles, 1 + 5 + 1, "legend, each point, latest emphasised");
        // No unit: no axis title, and the legend names only the measurements.
        let texts = texts(&svg);
        assert!(!texts.contains(&"Target".to_string()));
        assert!(texts.contains(&"Measurements".to_string()));
    }

    #[test]
    fn user_text_is_escaped() {
        let evil = "<script>alert(1)</script> & co";
        let mut plot = lead_time();
        plot.title = evil.into();
        plot.unit = evil.into();
        plot.bands[0].label = evil.into();
        plot.bands_note = Some(evil.into());
        for svg in [
            render(&plot, 720, 380).unwrap(),
            render_small(&plot, 300, 120).unwrap(),
        ] {
            assert_well_formed(&svg);
            assert!(!svg.contains("<script"));
            assert!(svg.contains("&lt;script&gt;"), "{svg}");
        }
        let svg = render(&plot, 2000, 600).unwrap();
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
        // The band label is cut to fit its column but still escaped.
        assert!(texts(&svg).contains(&"&lt;script&gt;alert(1)&lt;/s…".to_string()));
    }

    #[test]
    fn bands_are_shaded_and_labelled() {
        let plot = lead_time();
        let svg = render(&plot, 720, 380).unwrap();
        let shown = texts(&svg);
        // Data 20-270 h: Elite, High and Medium show; Low (above 720 h) is out of range.
        for label in ["Elite", "High", "Medium"] {
            assert!(shown.contains(&label.to_string()), "{label} in {shown:?}");
        }
        assert!(!shown.contains(&"Low".to_string()), "{shown:?}");
        assert_eq!(band_rects(&svg), 3);
        // The open end of Low and the far edge at 720 do not stretch the axis.
        assert!(!shown.contains(&"700".to_string()), "{shown:?}");
        // Strips of distinct lightness, one per visible band.
        let fills: Vec<&str> = svg
            .lines()
            .filter(|l| l.starts_with("<rect"))
            .filter_map(|l| BAND_FILLS.iter().position(|c| l.contains(&fill_of(*c))))
            .map(|i| ["a", "b", "c", "d"][i])
            .collect();
        assert_eq!(fills, vec!["a", "b", "c"]);
        let lightness = |c: &RGBColor| u32::from(c.0) + u32::from(c.1) + u32::from(c.2);
        assert!(BAND_FILLS
            .windows(2)
            .all(|w| lightness(&w[0]) > lightness(&w[1])));
        // Small version too.
        let small = render_small(&plot, 320, 120).unwrap();
        assert_well_formed(&small);
        assert_eq!(band_rects(&small), 3);
        assert!(texts(&small).contains(&"High".to_string()));
    }

    #[test]
    fn target_line_is_drawn_dashed_at_the_target_value() {
        let plot = lead_time();
        let svg = render(&plot, 720, 380).unwrap();
        let dashes: Vec<Vec<(i32, i32)>> = lines_of(&svg, TARGET, 2)
            .into_iter()
            .filter(|l| l.len() == 2 && l[0].1 == l[1].1)
            .collect();
        // Many short horizontal dashes at one height (plus the legend's few).
        let y = dashes.iter().map(|d| d[0].1).max().unwrap();
        let at_target = dashes.iter().filter(|d| d[0].1 == y).count();
        assert!(at_target > 20, "{at_target}");
        assert!(dashes
            .iter()
            .filter(|d| d[0].1 == y)
            .all(|d| (d[1].0 - d[0].0).abs() <= 8));
        // A diamond marker at the target date, right of the latest measurement.
        let diamonds = svg
            .lines()
            .filter(|l| l.starts_with("<polygon") && l.contains(&fill_of(TARGET)))
            .count();
        assert_eq!(diamonds, 2, "legend and target");
    }

    #[test]
    fn projection_is_dashed_and_trend_solid() {
        let plot = lead_time();
        let svg = render(&plot, 720, 380).unwrap();
        let projection = lines_of(&svg, TREND, 2);
        assert!(projection.len() > 10, "{}", projection.len());
        assert!(projection.iter().all(|l| l.len() == 2));
        // The dashes run from the latest point down towards the target date.
        let first = projection.iter().map(|l| l[0]).min().unwrap();
        let last = projection.iter().map(|l| l[1]).max().unwrap();
        assert!(last.0 > first.0);
        let trend = lines_of(&svg, TREND, 1);
        assert!(
            trend.iter().any(|l| l.len() == 2 && l[1].0 - l[0].0 > 300),
            "{trend:?}"
        );
    }

    #[test]
    fn a_long_series_is_downsampled_and_bounded() {
        const MAX_BYTES: usize = 200 * 1024;
        let start = date(2016, 1, 1);
        let n = 100_000u64;
        let points: Vec<(NaiveDate, f64)> = (0..n)
            .map(|i| {
                let t = i as f64;
                let value = 100.0 + 40.0 * (t / 900.0).sin() + (t * 12.9898).sin() * 10.0;
                (start + chrono::Days::new(i * 3650 / n), value)
            })
            .collect();
        let mut plot = lead_time();
        plot.points = points;
        // One spike each way, which the chart must keep.
        plot.points[31_337].1 = 900.0;
        plot.points[77_777].1 = -50.0;
        let started = std::time::Instant::now();
        let svg = render(&plot, 2400, 1600).unwrap();
        let small = render_small(&plot, 1200, 600).unwrap();
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
        for svg in [&svg, &small] {
            assert_well_formed(svg);
            assert!(svg.len() < MAX_BYTES, "{}", svg.len());
            let line = data_line(svg);
            // At most two points (highest and lowest) per pixel column, plus first and last.
            assert!(line.len() <= 2 * 2400 + 2, "{}", line.len());
            assert!(line.len() > 100);
        }
        // The extremes survive: the highest and lowest pixel of the line are the spikes.
        let line = data_line(&svg);
        let top = line.iter().map(|p| p.1).min().unwrap();
        let bottom = line.iter().map(|p| p.1).max().unwrap();
        let texts = texts(&svg);
        assert!(texts.contains(&"900".to_string()) || texts.contains(&"1000".to_string()));
        assert!(texts.iter().any(|t| t.starts_with('-')), "{texts:?}");
        assert!(bottom - top > 1000, "{top}..{bottom}");
        // Ten years: yearly or two-yearly ticks.
        assert!(texts.contains(&"2020".to_string()), "{texts:?}");
    }

    #[test]
    fn no_measurements_shows_a_message() {
        let mut plot = lead_time();
        plot.points.clear();
        for svg in [
            render(&plot, 640, 320).unwrap(),
            render_small(&plot, 240, 80).unwrap(),
        ] {
            assert_well_formed(&svg);
            assert_eq!(texts(&svg), vec![empty_message().to_string()]);
        }
        plot.points = vec![
            (date(2026, 1, 1), f64::NAN),
            (date(2026, 2, 1), f64::INFINITY),
        ];
        let svg = render(&plot, 640, 320).unwrap();
        assert_eq!(texts(&svg), vec![empty_message().to_string()]);
    }

    #[test]
    fn nan_is_skipped() {
        let plot = KpiPlot {
            points: vec![
                (date(2026, 1, 1), 10.0),
                (date(2026, 2, 1), f64::NAN),
                (date(2026, 3, 1), 12.0),
                (date(2026, 4, 1), f64::NEG_INFINITY),
                (date(2026, 5, 1), 11.0),
            ],
            target: Some((date(2026, 9, 1), f64::NAN)),
            baseline: Some((date(2026, 1, 1), f64::NAN)),
            ..KpiPlot::default()
        };
        for svg in [
            render(&plot, 640, 320).unwrap(),
            render_small(&plot, 240, 80).unwrap(),
        ] {
            assert_well_formed(&svg);
            assert_eq!(data_line(&svg).len(), 3);
            assert!(!svg.contains("Target"));
        }
    }

    #[test]
    fn odd_data_still_gives_a_clean_chart() {
        let one = vec![(date(2026, 3, 15), 42.0)];
        let equal: Vec<_> = (1..=6).map(|m| (date(2026, m, 1), 7.0)).collect();
        let negative: Vec<_> = (1..=6)
            .map(|m| (date(2026, m, 1), -100.0 + f64::from(m) * 3.0))
            .collect();
        let one_day = vec![(date(2026, 3, 15), 3.0), (date(2026, 3, 15), 5.0)];
        let huge = vec![(date(2026, 1, 1), 1e300), (date(2026, 2, 1), -1e300)];
        let far = vec![(NaiveDate::MIN, 1.0), (NaiveDate::MAX, 2.0)];
        let unsorted = vec![(date(2026, 5, 1), 1.0), (date(2026, 1, 1), 2.0)];
        for points in [one, equal, negative, one_day, huge, far, unsorted] {
            let mut plot = lead_time();
            plot.points = points;
            plot.trend = Some(((date(2026, 1, 1), 1e300), (date(2026, 6, 1), f64::NAN)));
            for (w, h) in [(640, 320), (0, 0), (u32::MAX, u32::MAX)] {
                let svg = render(&plot, w, h).unwrap();
                assert_well_formed(&svg);
                let small = render_small(&plot, w / 3, h / 3).unwrap();
                assert_well_formed(&small);
            }
        }
        // A single point: a marker and day ticks around it, with the year.
        let plot = KpiPlot {
            points: vec![(date(2026, 3, 15), 42.0)],
            ..KpiPlot::default()
        };
        let svg = render(&plot, 640, 320).unwrap();
        let texts = texts(&svg);
        assert!(texts.contains(&"15 Mar".to_string()), "{texts:?}");
        assert!(texts.contains(&"2026".to_string()), "{texts:?}");
        assert!(texts.contains(&"42".to_string()) || texts.contains(&"40".to_string()));
    }

    #[test]
    fn value_range_covers_references_and_near_band_edges() {
        let edges = [24.0, 168.0, 720.0];
        // Data 30-200: the edge at 24 is near, 720 is not; zero is near.
        assert_eq!(value_range((30.0, 200.0), &edges, true), (0.0, 200.0));
        assert_eq!(value_range((30.0, 200.0), &edges, false), (24.0, 200.0));
        // Data 500-600: 168 is too far below, 720 near enough above.
        assert_eq!(value_range((500.0, 600.0), &edges, true), (500.0, 720.0));
        // Flat data is padded; zero stays a range.
        assert_eq!(value_range((7.0, 7.0), &[], true), (6.3, 7.7));
        assert_eq!(value_range((0.0, 0.0), &[], true), (0.0, 1.0));
        // All negative: zero joins when near.
        assert_eq!(value_range((-100.0, -10.0), &[], true), (-100.0, 0.0));
        assert_eq!(value_range((-100.0, -90.0), &[], true), (-100.0, -90.0));
        // The full chart reaches the target, baseline and projection end.
        let mut plot = lead_time();
        plot.target = Some((date(2027, 3, 1), 400.0));
        plot.baseline = Some((date(2025, 1, 1), -20.0));
        plot.projection = Some(((date(2026, 4, 1), 70.0), (date(2027, 3, 1), 500.0)));
        let data = Cleaned::new(&plot);
        let (lo, hi) = data.value_extent();
        assert_eq!((lo, hi), (-20.0, 500.0));
    }

    #[test]
    fn value_ticks_are_nice() {
        let axis = nice_axis(0.0, 270.0, 6);
        assert_eq!(axis.ticks, vec![0.0, 100.0, 200.0, 300.0]);
        let axis = nice_axis(0.0, 270.0, 8);
        assert_eq!(
            axis.ticks,
            vec![0.0, 50.0, 100.0, 150.0, 200.0, 250.0, 300.0]
        );
        let axis = nice_axis(6.3, 7.7, 6);
        assert_eq!(axis.step, 0.5);
        assert_eq!(nice_axis(0.0, 10.4, 6).step, 5.0);
        assert_eq!(nice_axis(0.0, 104.0, 6).step, 25.0);
        assert_eq!(tick_text(6.5, &axis), "6.5");
        let axis = nice_axis(-1.0e12, 1.0e12, 5);
        assert_eq!(tick_text(axis.ticks[0], &axis), "-1.0T");
        assert_eq!(tick_text(0.0, &axis), "0");
        let axis = nice_axis(0.0, 250_000.0, 6);
        assert_eq!(tick_text(50_000.0, &axis), "50k");
        let axis = nice_axis(0.0, 0.003, 4);
        assert_eq!(tick_text(0.001, &axis), "0.001");
        assert_eq!(number(50.0), "50");
        assert_eq!(number(12.345), "12.35");
        assert_eq!(number(12_500.0), "12,500");
        assert_eq!(number(-1_250_000.0), "-1.25M");
        assert_eq!(number(0.00042), "0.00042");
        assert_eq!(number(-0.0), "0");
        assert_eq!(short_number(273.54), "274");
        assert_eq!(short_number(59.14), "59.1");
        assert_eq!(short_number(0.004234), "0.00423");
        assert_eq!(short_number(-0.0001), "-0.0001");
        assert_eq!(with_unit(99.5, "%"), "99.5%");
        assert_eq!(with_unit(50.0, "h"), "50 h");
        assert_eq!(
            target_text(50.0, date(2027, 3, 31), "h"),
            "Target 50 h by Mar 2027"
        );
    }

    #[test]
    fn date_ticks_suit_the_span() {
        let d = |date| days(date);
        // A single day: daily ticks.
        let (d0, d1) = padded_days((d(date(2026, 3, 15)), d(date(2026, 3, 15))));
        let axis = date_axis(d0, d1, 560.0);
        assert_eq!(axis.step, Days(1));
        assert!(axis.ticks.contains(&date(2026, 3, 15)));
        // Two weeks: every two days or weekly (Mondays).
        let axis = date_axis(d(date(2026, 3, 2)), d(date(2026, 3, 16)), 300.0);
        assert!(matches!(axis.step, Days(2) | Days(7)), "{axis:?}");
        let axis = date_axis(d(date(2026, 1, 1)), d(date(2026, 3, 31)), 560.0);
        assert_eq!(axis.step, Days(14));
        assert!(axis
            .ticks
            .iter()
            .all(|t| t.weekday() == chrono::Weekday::Mon));
        // A year: months or quarters.
        let axis = date_axis(d(date(2025, 1, 1)), d(date(2025, 12, 31)), 560.0);
        assert!(matches!(axis.step, Months(2) | Months(3)), "{axis:?}");
        assert_eq!(date_label(axis.ticks[0], axis.step), "Jan 2025");
        // Ten years: every year or two, labelled by year.
        let axis = date_axis(d(date(2016, 1, 1)), d(date(2026, 1, 1)), 560.0);
        assert!(matches!(axis.step, Months(12) | Months(24)), "{axis:?}");
        assert_eq!(date_label(axis.ticks[0], axis.step), "2016");
        // Extremes stay bounded.
        let axis = date_axis(
            days(NaiveDate::MIN) - 5.0,
            days(NaiveDate::MAX) + 5.0,
            560.0,
        );
        assert!(!axis.ticks.is_empty() && axis.ticks.len() <= MAX_DATE_TICKS + 1);
        for w in [0.0, 50.0, 3000.0] {
            let axis = date_axis(d(date(2000, 1, 1)), d(date(2026, 1, 2)), w);
            assert!(axis.ticks.len() <= MAX_DATE_TICKS, "{w}: {axis:?}");
        }
    }

    /// [`lead_time`] with the user's words in Chinese.
    fn lead_time_zh() -> KpiPlot {
        let mut plot = lead_time();
        plot.title = "变更前置时间".into();
        for (band, label) in plot.bands.iter_mut().zip(["精英", "高", "中", "低"]) {
            band.label = label.into();
        }
        plot.bands_note = Some("区间来自行业基准".into());
        plot
    }

    #[test]
    fn chinese_words_months_and_numbers() {
        let _zh = InLanguage::new(Lang::Zh);
        let plot = lead_time_zh();
        let svg = render(&plot, 720, 380).unwrap();
        assert_well_formed(&svg);
        let written = texts(&svg);
        for t in [
            "变更前置时间",
            "目标 50 h（2027年3月前）",
            "测量值",
            "趋势",
            "预测",
            "目标",
            "基线",
        ] {
            assert!(written.contains(&t.to_string()), "{t} in {written:?}");
        }
        assert!(written
            .iter()
            .any(|t| t.starts_with("基线 ") && t.ends_with(" h")));
        assert!(
            written.contains(&"2026年1月".to_string()) || written.contains(&"2026".to_string()),
            "{written:?}"
        );
        assert_no_english(&written);

        let small = texts(&render_small(&plot, 280, 110).unwrap());
        for t in ["2025年1月", "2026年4月", "目标 50 h"] {
            assert!(small.contains(&t.to_string()), "{t} in {small:?}");
        }
        assert_no_english(&small);
        // Under 90 days the small chart writes whole dates.
        let short = KpiPlot {
            points: vec![(date(2026, 3, 2), 5.0), (date(2026, 3, 30), 7.0)],
            ..KpiPlot::default()
        };
        let small = texts(&render_small(&short, 280, 110).unwrap());
        assert!(small.contains(&"2026年3月30日".to_string()), "{small:?}");

        assert_eq!(date_label(date(2026, 3, 15), Days(1)), "3月15日");
        assert_eq!(date_label(date(2026, 3, 1), Months(3)), "2026年3月");
        let axis = nice_axis(0.0, 250_000.0, 6);
        assert_eq!(tick_text(50_000.0, &axis), "5万");
        assert_eq!(number(-1_250_000.0), "-125万");
        assert_eq!(number(12_500.0), "12,500");

        for svg in [
            render(&KpiPlot::default(), 640, 320).unwrap(),
            render_small(&KpiPlot::default(), 200, 80).unwrap(),
        ] {
            assert_eq!(texts(&svg), vec!["还没有测量值".to_string()]);
        }
    }

    #[test]
    fn chinese_day_ticks_fit_their_spacing() {
        let _zh = InLanguage::new(Lang::Zh);
        // Two weeks on a narrow plot: the wider Chinese dates ("12月28日") get fewer ticks,
        // never overlapping ones.
        let (d0, d1) = (days(date(2026, 12, 1)), days(date(2026, 12, 31)));
        for w in [300.0, 560.0] {
            let axis = date_axis(d0, d1, w);
            let gaps: Vec<f64> = axis
                .ticks
                .windows(2)
                .map(|p| (days(p[1]) - days(p[0])) / (d1 - d0) * w)
                .collect();
            let widest = widest_date_label(axis.step, d1);
            assert!(gaps.iter().all(|g| *g >= widest), "{w}: {axis:?}");
        }
    }

    #[test]
    fn small_version_is_minimal() {
        let plot = lead_time();
        let svg = render_small(&plot, 280, 110).unwrap();
        assert_well_formed(&svg);
        assert!(svg.starts_with("<svg width=\"280\" height=\"110\""));
        let shown = texts(&svg);
        assert!(!shown.contains(&"Lead time for changes".to_string()));
        assert!(!shown.contains(&"Measurements".to_string()));
        assert!(!shown.iter().any(|t| t.starts_with("Bands:")));
        // First and last date, lowest and highest value.
        assert!(shown.contains(&"Jan 2025".to_string()), "{shown:?}");
        assert!(shown.contains(&"Apr 2026".to_string()), "{shown:?}");
        let (min, max) = plot
            .points
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), p| {
                (lo.min(p.1), hi.max(p.1))
            });
        assert!(
            shown.contains(&short_number(min)) && shown.contains(&short_number(max)),
            "{shown:?}"
        );
        assert!(shown.contains(&"Target 50 h".to_string()), "{shown:?}");
        // Target dashes, the data line, the bands.
        assert!(lines_of(&svg, TARGET, 2).len() > 10);
        assert_eq!(data_line(&svg).len(), plot.points.len());
        // Narrow: band labels give way, the strips stay.
        let narrow = render_small(&plot, 150, 60).unwrap();
        assert_well_formed(&narrow);
        assert!(!texts(&narrow).contains(&"High".to_string()));
        assert!(band_rects(&narrow) >= 2);
    }

    /// Writes previews to the temp dir for looking at:
    /// `cargo test --lib charts::kpi -- --ignored`, then `rsvg-convert`.
    #[test]
    #[ignore = "writes preview files"]
    fn preview() {
        let dir = std::env::temp_dir();
        let plot = lead_time();
        std::fs::write(dir.join("kpi.svg"), render(&plot, 720, 380).unwrap()).unwrap();
        std::fs::write(
            dir.join("kpi-small.svg"),
            render_small(&plot, 260, 110).unwrap(),
        )
        .unwrap();
        std::fs::write(dir.join("kpi-narrow.svg"), render(&plot, 320, 200).unwrap()).unwrap();
        let margin = KpiPlot {
            title: "Operating margin".into(),
            unit: "%".into(),
            points: (0..10)
                .map(|q| {
                    (
                        date(2024, 1, 1) + chrono::Months::new(3 * q),
                        -18.0 + 2.2 * f64::from(q),
                    )
                })
                .collect(),
            baseline: Some((date(2024, 1, 1), -18.0)),
            target: Some((date(2026, 12, 31), 5.0)),
            ..KpiPlot::default()
        };
        std::fs::write(
            dir.join("kpi-negative.svg"),
            render(&margin, 640, 320).unwrap(),
        )
        .unwrap();
        let few = KpiPlot {
            title: "Deployment frequency".into(),
            unit: "per week".into(),
            points: (0..7)
                .map(|k| (date(2026, 3, 2) + chrono::Days::new(2 * k), 3.0 + k as f64))
                .collect(),
            target: Some((date(2026, 3, 20), 10.0)),
            ..KpiPlot::default()
        };
        std::fs::write(dir.join("kpi-few.svg"), render(&few, 640, 320).unwrap()).unwrap();
        let mut long = lead_time();
        long.points = (0..100_000u64)
            .map(|i| {
                let t = i as f64;
                (
                    date(2016, 1, 1) + chrono::Days::new(i * 3650 / 100_000),
                    300.0 - t / 500.0 + (t / 700.0).sin() * 40.0 + (t * 12.9898).sin() * 15.0,
                )
            })
            .collect();
        long.baseline = Some(long.points[0]);
        long.trend = None;
        long.projection = None;
        std::fs::write(dir.join("kpi-long.svg"), render(&long, 720, 380).unwrap()).unwrap();
        std::fs::write(
            dir.join("kpi-long-small.svg"),
            render_small(&long, 260, 110).unwrap(),
        )
        .unwrap();
    }

    /// `n` measurements over ten years: a slow wave with fast noise, one spike up and one down.
    fn noisy(n: u64) -> KpiPlot {
        let start = date(2016, 1, 1);
        let mut points: Vec<(NaiveDate, f64)> = (0..n)
            .map(|i| {
                let t = i as f64 * 100_000.0 / n as f64;
                let value = 100.0 + 40.0 * (t / 900.0).sin() + (t * 12.9898).sin() * 10.0;
                (start + chrono::Days::new(i * 3650 / n), value)
            })
            .collect();
        points[(n / 3) as usize].1 = 260.0;
        points[(n * 3 / 4) as usize].1 = -40.0;
        KpiPlot {
            title: "Orders tracked end to end".into(),
            unit: "%".into(),
            points,
            ..KpiPlot::default()
        }
    }

    /// The plot frame `render` uses for `plot` at `width` x `height`.
    fn full_frame(plot: &KpiPlot, width: u32, height: u32) -> Frame {
        let data = Cleaned::new(plot);
        let (w, h) = (f64::from(width), f64::from(height));
        let labels: Vec<String> = data
            .legend_items()
            .iter()
            .map(|i| i.label().to_string())
            .collect();
        let legend = Legend::layout(&labels, LEGEND_SWATCH_W, w - 2.0 * MARGIN);
        FullLayout::new(&data, w, h, &legend).frame
    }

    #[test]
    fn a_hundred_thousand_points_cost_at_most_twice_a_thousand() {
        // The sizes the app draws: the KPI page and a dashboard tile.
        for (width, height, small) in [(720, 360, false), (260, 110, true)] {
            let draw = |plot: &KpiPlot| {
                if small {
                    render_small(plot, width, height).unwrap()
                } else {
                    render(plot, width, height).unwrap()
                }
            };
            let thousand = draw(&noisy(1_000));
            let many = draw(&noisy(100_000));
            assert_well_formed(&many);
            assert!(
                many.len() <= 2 * thousand.len(),
                "{width}px: {} bytes for 100,000 points, {} for 1,000",
                many.len(),
                thousand.len()
            );
            // The bound comes from the width: two points per pixel column and the two ends,
            // each point at most "xxxx,yyyy " (10 bytes), on top of what 1,000 points cost.
            let line = data_line(&many);
            assert!(line.len() <= 2 * width as usize + 2, "{}", line.len());
            assert!(many.len() <= thousand.len() + 10 * (2 * width as usize + 2));
            // And the line is not thinned to nothing: most columns have two points.
            assert!(line.len() > width as usize, "{}", line.len());
        }
    }

    #[test]
    fn the_thinned_line_reaches_every_columns_true_extremes() {
        let plot = noisy(100_000);
        let frame = full_frame(&plot, 720, 360);
        let svg = render(&plot, 720, 360).unwrap();
        let line = data_line(&svg);
        // The full line's highest and lowest pixel in each column.
        let mut truth: std::collections::BTreeMap<i32, (i32, i32)> = Default::default();
        for &(d, v) in &plot.points {
            let (x, y) = pixel(frame.at(days(d), v));
            let e = truth.entry(x).or_insert((y, y));
            *e = (e.0.min(y), e.1.max(y));
        }
        let mut drawn: std::collections::BTreeMap<i32, (i32, i32)> = Default::default();
        for &(x, y) in &line {
            let e = drawn.entry(x).or_insert((y, y));
            *e = (e.0.min(y), e.1.max(y));
        }
        assert_eq!(drawn, truth);
        // Hence the whole line's extremes: the two spikes.
        let top = line.iter().map(|p| p.1).min().unwrap();
        let bottom = line.iter().map(|p| p.1).max().unwrap();
        assert_eq!(top, i32_of(frame.y_of(260.0)));
        assert_eq!(bottom, i32_of(frame.y_of(-40.0)));
        assert_eq!(
            line.first(),
            Some(&pixel(frame.at(days(plot.points[0].0), plot.points[0].1)))
        );
        let last = plot.points[plot.points.len() - 1];
        assert_eq!(line.last(), Some(&pixel(frame.at(days(last.0), last.1))));
    }

    #[test]
    fn column_extremes_keeps_order_ends_and_both_extremes() {
        let line = [
            (10.2, 50.0),
            (10.4, 40.0),
            (9.9, 70.0),
            (10.1, 60.0),
            (11.0, 55.0),
            (11.3, 55.0),
            (12.0, 20.0),
        ];
        // Column 10: first (50), highest (40, small y) then lowest (70); column 11 one point;
        // column 12 the last point.
        assert_eq!(
            column_extremes(line.into_iter()),
            vec![
                (10.2, 50.0),
                (10.4, 40.0),
                (9.9, 70.0),
                (11.0, 55.0),
                (12.0, 20.0)
            ]
        );
        assert!(column_extremes(std::iter::empty()).is_empty());
        assert_eq!(column_extremes([(1.0, 2.0)].into_iter()), vec![(1.0, 2.0)]);
    }
}
