//! The trend chart: values over dates, one line with point markers per series (for example a
//! partner's total at each quarterly review).
//!
//! Owns the date axis, the value axis and the styling of that chart. It also owns the series
//! marks shared with the scorecard chart: the palette, the marker shapes and the legend rows, so
//! that a series is told apart by shape as well as by colour wherever it appears.
//!
//! Dates are mapped to pixels here (days since the common era), so plotters' date coordinates
//! and their features are not needed.

use chrono::{Datelike, NaiveDate};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontStyle;

use super::{
    approx_text_width, clean_label, draw_notes, draw_tick, font, i32_of, message_svg, month_index,
    month_start, month_year, shown_note, text_style, truncate_columns, word, Area, ChartError,
    CURRENT, GRID, GRID_STRONG, INK, MUTED, NOTE_LINE_H, OTHERS,
};

/// Shown instead of a chart when no series has a usable point, in the chart language.
pub fn empty_message() -> &'static str {
    word("charts.trend_empty")
}

/// One line: a value per date. Points need not be sorted; NaN values are skipped.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendSeries {
    /// Shown in the legend.
    pub name: String,
    /// (date, value) pairs; values are clamped to `0..=y_max`.
    pub points: Vec<(NaiveDate, f64)>,
}

const MIN_WIDTH: u32 = 320;
const MAX_WIDTH: u32 = 2400;
const MIN_HEIGHT: u32 = 200;
const MAX_HEIGHT: u32 = 1600;
/// The scale used when `y_max` is not a usable number.
const DEFAULT_Y_MAX: f64 = 100.0;
/// The largest scale accepted; keeps the value labels short.
const LARGEST_Y_MAX: f64 = 1.0e6;
/// Series drawn at most; the rest are left out with a note.
const MAX_SERIES: usize = 12;
/// Points drawn per series at most (the latest are kept, with a note).
const MAX_POINTS: usize = 200;
/// Horizontal grid lines, from 0 to `y_max` inclusive.
const GRIDLINES: usize = 5;
/// Date ticks at most, whatever the width.
const MAX_TICKS: usize = 8;
/// Tick steps tried in turn, in months: month, quarter, half-year, then years.
const TICK_STEPS: [i64; 19] = [
    1, 3, 6, 12, 24, 60, 120, 240, 600, 1_200, 2_400, 6_000, 12_000, 24_000, 60_000, 120_000,
    240_000, 600_000, 1_200_000,
];

const TICK_PX: f64 = 11.0;
const MARGIN: f64 = 8.0;
/// Room under the plot for the date labels.
const X_LABELS_H: f64 = 22.0;
const MARKER_R: f64 = 4.0;

/// Draws the trend chart as an SVG document of `width` x `height` pixels.
///
/// The value axis runs from 0 to `y_max` with five grid lines (a `y_max` that is not a positive
/// finite number means 100; it is capped at 1,000,000); values are clamped onto it and NaN
/// values are skipped. The date axis spans the data, widened to whole ticks, with at most eight
/// ticks labelled "Mar 2026" (or "2026" when ticks are a year or more apart). Each series is a
/// line through its points in date order, in its own colour and marker shape; a series with a
/// single point shows as a marker. Where points are closer than three marker widths only the
/// ends of a line get markers. The first 12 series and the latest 200 points of each are
/// drawn, with a note when more were given. Sides are clamped to 320..=2400 x 200..=1600. When
/// no series has a point the SVG holds only the message [`empty_message`]. Words and months are
/// in the chart language (`charts::set_language`).
///
/// ```
/// use chrono::NaiveDate;
/// use cto_workbench::charts::trend::{render, TrendSeries};
/// let day = |m| NaiveDate::from_ymd_opt(2026, m, 15).unwrap();
/// let acme = TrendSeries {
///     name: "Acme".into(),
///     points: vec![(day(1), 62.0), (day(4), 70.0), (day(7), 74.5)],
/// };
/// let svg = render(&[acme], 100.0, 640, 320).unwrap();
/// assert!(svg.starts_with("<svg") && svg.contains("Acme"));
/// ```
pub fn render(
    series: &[TrendSeries],
    y_max: f64,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let height = height.clamp(MIN_HEIGHT, MAX_HEIGHT);
    let y_max = if y_max.is_finite() && y_max > 0.0 {
        y_max.min(LARGEST_Y_MAX)
    } else {
        DEFAULT_Y_MAX
    };
    let shown = &series[..series.len().min(MAX_SERIES)];
    let points: Vec<Vec<(NaiveDate, f64)>> = shown.iter().map(|s| clean(s, y_max)).collect();
    let (Some(first), Some(last)) = (
        points.iter().flatten().map(|p| p.0).min(),
        points.iter().flatten().map(|p| p.0).max(),
    ) else {
        return message_svg(width, height, empty_message());
    };

    let mut notes = Vec::new();
    if series.len() > MAX_SERIES {
        notes.push(shown_note(
            "charts.trend_series_note",
            MAX_SERIES,
            series.len(),
        ));
    }
    if shown.iter().any(|s| usable(s).count() > MAX_POINTS) {
        notes.push(crate::i18n::fill(
            word("charts.trend_points_note"),
            &[("shown", &MAX_POINTS.to_string())],
        ));
    }
    let labels: Vec<String> = shown.iter().map(|s| legend_label(&s.name)).collect();
    let legend = Legend::layout(&labels, LEGEND_SWATCH_W, f64::from(width) - 2.0 * MARGIN);
    let layout = Layout::new(
        first,
        last,
        y_max,
        f64::from(width),
        f64::from(height),
        &legend,
        notes.len(),
    );

    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let legend_top = MARGIN;
        legend.draw(&root, &labels, MARGIN, legend_top, |root, index, x, y| {
            let (colour, marker) = series_style(index);
            root.draw(&PathElement::new(
                vec![
                    (i32_of(x), i32_of(y)),
                    (i32_of(x + LEGEND_SWATCH_W), i32_of(y)),
                ],
                colour.stroke_width(2),
            ))?;
            marker.draw(root, (x + LEGEND_SWATCH_W / 2.0, y), MARKER_R, colour)
        })?;
        draw_value_axis(&root, &layout)?;
        draw_date_axis(&root, &layout)?;
        for (index, pts) in points.iter().enumerate() {
            draw_series(&root, &layout, index, pts)?;
        }
        draw_notes(&root, &notes, MARGIN, f64::from(height) - MARGIN)?;
        root.present()?;
    }
    Ok(buf)
}

const LEGEND_SWATCH_W: f64 = 22.0;

/// The points of a series that can be drawn: NaN values dropped, the rest clamped.
fn usable(series: &TrendSeries) -> impl Iterator<Item = &(NaiveDate, f64)> {
    series.points.iter().filter(|(_, v)| !v.is_nan())
}

/// The usable points of a series clamped onto the scale, in date order, the latest
/// [`MAX_POINTS`] only.
fn clean(series: &TrendSeries, y_max: f64) -> Vec<(NaiveDate, f64)> {
    let mut points: Vec<(NaiveDate, f64)> = usable(series)
        .map(|&(d, v)| (d, v.clamp(0.0, y_max)))
        .collect();
    points.sort_by_key(|p| p.0);
    let skip = points.len().saturating_sub(MAX_POINTS);
    points.split_off(skip)
}

/// A series name as shown in a legend: cleaned, at most 32 characters, never empty.
pub(crate) fn legend_label(name: &str) -> String {
    let label = truncate_columns(&clean_label(name), 32);
    if label.is_empty() {
        "?".to_string()
    } else {
        label
    }
}

fn days(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// The date ticks: every `step` months from the tick at or before `first` to the tick at or
/// after `last`, using the smallest step in [`TICK_STEPS`] that needs at most `max_ticks`.
/// Ticks chrono cannot represent are left out.
fn date_ticks(first: NaiveDate, last: NaiveDate, max_ticks: usize) -> (i64, Vec<NaiveDate>) {
    let max_ticks = max_ticks.clamp(2, MAX_TICKS) as i64;
    let (lo, hi) = (month_index(first), month_index(last));
    let mut chosen = (TICK_STEPS[TICK_STEPS.len() - 1], lo, hi);
    for step in TICK_STEPS {
        let start = lo.div_euclid(step) * step;
        // The tick at or after `last`: `last` itself when it starts a tick month.
        let exact = last.day() == 1 && hi.rem_euclid(step) == 0;
        let mut end = if exact {
            hi
        } else {
            (hi.div_euclid(step) + 1) * step
        };
        if end == start {
            end += step;
        }
        if (end - start) / step < max_ticks {
            chosen = (step, start, end);
            break;
        }
    }
    let (step, start, end) = chosen;
    let ticks = (0..=MAX_TICKS as i64)
        .map(|k| start + k * step)
        .take_while(|m| *m <= end)
        .filter_map(month_start)
        .collect();
    (step, ticks)
}

/// A tick label: "Mar 2026" for month steps, "2026" when ticks are whole years apart (in
/// Chinese "2026年3月", "2026").
fn tick_label(date: NaiveDate, step: i64) -> String {
    if step % 12 == 0 {
        date.year().to_string()
    } else {
        month_year(date)
    }
}

/// The widest month tick in the chart language ("May 2026", "2026年12月").
fn widest_month_tick() -> f64 {
    (1..=12)
        .filter_map(|m| NaiveDate::from_ymd_opt(2026, m, 1))
        .map(|d| approx_text_width(&month_year(d), TICK_PX))
        .fold(0.0, f64::max)
}

/// A value label: at most two decimals, without trailing zeros.
fn value_label(v: f64) -> String {
    let text = format!("{v:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// Where the plot goes and how values and dates map to pixels.
struct Layout {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    y_max: f64,
    /// The day numbers at the left and right edges.
    d0: f64,
    d1: f64,
    step: i64,
    ticks: Vec<NaiveDate>,
}

impl Layout {
    fn new(
        first: NaiveDate,
        last: NaiveDate,
        y_max: f64,
        width: f64,
        height: f64,
        legend: &Legend,
        notes: usize,
    ) -> Self {
        let widest_value = (0..GRIDLINES)
            .map(|k| approx_text_width(&value_label(y_max * k as f64 / 4.0), TICK_PX))
            .fold(0.0, f64::max);
        let left = MARGIN + widest_value + 8.0;
        // A tick label is at most "May 2026" wide (or a long year); leave room for a gap.
        let label_w = widest_month_tick().max(approx_text_width(&tick_label(last, 12), TICK_PX));
        let right = width - MARGIN - label_w / 2.0;
        let fit = ((right - left) / (label_w + 14.0)).floor().max(2.0) as usize;
        let (step, ticks) = date_ticks(first, last, fit);
        let d0 = ticks
            .first()
            .map_or(days(first), |d| days(*d).min(days(first)));
        let d1 = ticks
            .last()
            .map_or(days(last), |d| days(*d).max(days(last)));
        let (d0, d1) = if d1 - d0 < 1.0 {
            (d0 - 15.0, d1 + 15.0)
        } else {
            (d0, d1)
        };
        let top = MARGIN + legend.height + 16.0;
        let bottom = height - MARGIN - X_LABELS_H - notes as f64 * NOTE_LINE_H;
        Layout {
            left: left.max(MARGIN + label_w / 2.0),
            right,
            top,
            bottom: bottom.max(top + 40.0),
            y_max,
            d0,
            d1,
            step,
            ticks,
        }
    }

    fn x_of(&self, date: NaiveDate) -> f64 {
        self.left + (days(date) - self.d0) / (self.d1 - self.d0) * (self.right - self.left)
    }

    fn y_of(&self, v: f64) -> f64 {
        self.bottom - v / self.y_max * (self.bottom - self.top)
    }
}

/// Five horizontal grid lines from 0 to `y_max`, labelled on the left.
fn draw_value_axis(root: &Area<'_>, layout: &Layout) -> Result<(), ChartError> {
    let style = text_style(TICK_PX, MUTED, HPos::Right, VPos::Center);
    for k in 0..GRIDLINES {
        let v = layout.y_max * k as f64 / (GRIDLINES - 1) as f64;
        let y = i32_of(layout.y_of(v));
        let colour = if k == 0 { GRID_STRONG } else { GRID };
        root.draw(&PathElement::new(
            vec![(i32_of(layout.left), y), (i32_of(layout.right), y)],
            colour.stroke_width(1),
        ))?;
        root.draw(&Text::new(
            value_label(v),
            (i32_of(layout.left - 8.0), y),
            style.clone(),
        ))?;
    }
    Ok(())
}

/// Tick marks and labels under the plot, at each date tick.
fn draw_date_axis(root: &Area<'_>, layout: &Layout) -> Result<(), ChartError> {
    let style = text_style(TICK_PX, MUTED, HPos::Center, VPos::Top);
    let bottom = i32_of(layout.bottom);
    for date in &layout.ticks {
        let x = i32_of(layout.x_of(*date));
        draw_tick(
            root,
            x,
            bottom,
            Some(tick_label(*date, layout.step)),
            &style,
        )?;
    }
    Ok(())
}

fn draw_series(
    root: &Area<'_>,
    layout: &Layout,
    index: usize,
    points: &[(NaiveDate, f64)],
) -> Result<(), ChartError> {
    let (colour, marker) = series_style(index);
    let pixels: Vec<(f64, f64)> = points
        .iter()
        .map(|&(d, v)| (layout.x_of(d), layout.y_of(v)))
        .collect();
    if pixels.len() >= 2 {
        let line: Vec<(i32, i32)> = pixels
            .iter()
            .map(|&(x, y)| (i32_of(x), i32_of(y)))
            .collect();
        root.draw(&PathElement::new(line, colour.stroke_width(2)))?;
    }
    // Markers only where they stay apart; on a crowded line just the ends keep the shape cue.
    let span = pixels.last().map_or(0.0, |l| l.0) - pixels.first().map_or(0.0, |f| f.0);
    let crowded = pixels.len() > 2 && span / ((pixels.len() - 1) as f64) < 3.0 * MARKER_R;
    let last = pixels.len().saturating_sub(1);
    for (k, p) in pixels.into_iter().enumerate() {
        if !crowded || k == 0 || k == last {
            marker.draw_with_halo(root, p, MARKER_R, colour)?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Series marks shared with the scorecard chart.

/// Rose, the fifth series colour.
const ROSE: RGBColor = RGBColor(0xDB, 0x27, 0x77);
/// Slate, the sixth series colour.
const SLATE: RGBColor = RGBColor(0x47, 0x55, 0x69);

/// Series colours, in order: distinct in hue and lightness, all readable on white.
pub(crate) const PALETTE: [RGBColor; 6] = [CURRENT, OTHERS[0], OTHERS[2], OTHERS[1], ROSE, SLATE];

/// Marker shapes, in order; with the palette they make every series recognisable without
/// colour.
pub(crate) const MARKERS: [Marker; 6] = [
    Marker::Circle,
    Marker::Square,
    Marker::TriangleUp,
    Marker::Diamond,
    Marker::TriangleDown,
    Marker::Plus,
];

/// The colour and marker of the `index`-th series. Colours and shapes cycle at different
/// points, so the first 36 series are all distinct.
pub(crate) fn series_style(index: usize) -> (RGBColor, Marker) {
    (
        PALETTE[index % PALETTE.len()],
        MARKERS[(index + index / PALETTE.len()) % MARKERS.len()],
    )
}

/// A point marker shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    Circle,
    Square,
    TriangleUp,
    Diamond,
    TriangleDown,
    Plus,
}

impl Marker {
    /// The outline of the shape around `(x, y)` with "radius" `r`, or `None` for a circle.
    /// Shapes are sized to look about as large as a circle of radius `r`.
    fn outline(self, (x, y): (f64, f64), r: f64) -> Option<Vec<(f64, f64)>> {
        let s = r * 0.9;
        let t = r * 1.25;
        let a = r * 0.38;
        let b = r * 1.05;
        let points = match self {
            Marker::Circle => return None,
            Marker::Square => vec![
                (x - s, y - s),
                (x + s, y - s),
                (x + s, y + s),
                (x - s, y + s),
            ],
            Marker::TriangleUp => vec![(x, y - t), (x + t, y + t * 0.75), (x - t, y + t * 0.75)],
            Marker::TriangleDown => {
                vec![(x - t, y - t * 0.75), (x + t, y - t * 0.75), (x, y + t)]
            }
            Marker::Diamond => vec![(x, y - t), (x + t, y), (x, y + t), (x - t, y)],
            Marker::Plus => vec![
                (x - a, y - b),
                (x + a, y - b),
                (x + a, y - a),
                (x + b, y - a),
                (x + b, y + a),
                (x + a, y + a),
                (x + a, y + b),
                (x - a, y + b),
                (x - a, y + a),
                (x - b, y + a),
                (x - b, y - a),
                (x - a, y - a),
            ],
        };
        Some(points)
    }

    /// A solid marker.
    pub(crate) fn draw(
        self,
        root: &Area<'_>,
        centre: (f64, f64),
        r: f64,
        colour: RGBColor,
    ) -> Result<(), ChartError> {
        match self.outline(centre, r) {
            None => {
                let c = (i32_of(centre.0), i32_of(centre.1));
                root.draw(&Circle::new(c, radius(r), colour.filled()))?;
            }
            Some(points) => {
                root.draw(&Polygon::new(pixels(&points), colour.filled()))?;
            }
        }
        Ok(())
    }

    /// A solid marker on a white rim one pixel wide, so it stays clear of lines and bars.
    pub(crate) fn draw_with_halo(
        self,
        root: &Area<'_>,
        centre: (f64, f64),
        r: f64,
        colour: RGBColor,
    ) -> Result<(), ChartError> {
        self.draw(root, centre, r + 1.5, WHITE)?;
        self.draw(root, centre, r, colour)
    }

    /// A hollow marker: white inside, outlined in `colour` two pixels wide.
    pub(crate) fn draw_hollow(
        self,
        root: &Area<'_>,
        centre: (f64, f64),
        r: f64,
        colour: RGBColor,
    ) -> Result<(), ChartError> {
        match self.outline(centre, r) {
            None => {
                let c = (i32_of(centre.0), i32_of(centre.1));
                root.draw(&Circle::new(c, radius(r), WHITE.filled()))?;
                root.draw(&Circle::new(c, radius(r), colour.stroke_width(2)))?;
            }
            Some(points) => {
                let mut outline = pixels(&points);
                root.draw(&Polygon::new(outline.clone(), WHITE.filled()))?;
                outline.push(outline[0]);
                root.draw(&PathElement::new(outline, colour.stroke_width(2)))?;
            }
        }
        Ok(())
    }
}

fn radius(r: f64) -> u32 {
    if r.is_finite() {
        r.round().clamp(1.0, 100.0) as u32
    } else {
        1
    }
}

fn pixels(points: &[(f64, f64)]) -> Vec<(i32, i32)> {
    points
        .iter()
        .map(|&(x, y)| (i32_of(x), i32_of(y)))
        .collect()
}

/// Legend items laid out in rows that wrap at the available width.
pub(crate) struct Legend {
    /// (row, x offset from the left edge) per item.
    items: Vec<(usize, f64)>,
    swatch_w: f64,
    /// Total height of the rows.
    pub(crate) height: f64,
}

/// Legend text size and row height.
pub(crate) const LEGEND_PX: f64 = 12.0;
pub(crate) const LEGEND_ROW_H: f64 = 20.0;
const SWATCH_GAP: f64 = 6.0;
const ITEM_GAP: f64 = 20.0;

impl Legend {
    /// Places items of a `swatch_w`-pixel swatch and a label in rows of at most `available`
    /// pixels, left to right.
    pub(crate) fn layout(labels: &[String], swatch_w: f64, available: f64) -> Self {
        let mut items = Vec::new();
        let mut row = 0;
        let mut used = 0.0;
        for label in labels {
            let item_w = swatch_w + SWATCH_GAP + approx_text_width(label, LEGEND_PX);
            let start = if used > 0.0 { used + ITEM_GAP } else { 0.0 };
            if used > 0.0 && start + item_w > available {
                row += 1;
                items.push((row, 0.0));
                used = item_w;
            } else {
                items.push((row, start));
                used = start + item_w;
            }
        }
        let rows = if labels.is_empty() { 0 } else { row + 1 };
        Legend {
            items,
            swatch_w,
            height: rows as f64 * LEGEND_ROW_H,
        }
    }

    /// Draws the labels with the top-left corner at `(left, top)`; `swatch` draws item `i`'s
    /// swatch with its left end at `(x, y)`, `y` being the row's centre line.
    pub(crate) fn draw<F>(
        &self,
        root: &Area<'_>,
        labels: &[String],
        left: f64,
        top: f64,
        mut swatch: F,
    ) -> Result<(), ChartError>
    where
        F: FnMut(&Area<'_>, usize, f64, f64) -> Result<(), ChartError>,
    {
        self.draw_styled(root, labels, left, top, |_| false, &mut swatch)
    }

    /// Like [`Legend::draw`], with the labels of the items `bold` picks in bold (e.g. a winner).
    pub(crate) fn draw_styled<F, B>(
        &self,
        root: &Area<'_>,
        labels: &[String],
        left: f64,
        top: f64,
        bold: B,
        mut swatch: F,
    ) -> Result<(), ChartError>
    where
        F: FnMut(&Area<'_>, usize, f64, f64) -> Result<(), ChartError>,
        B: Fn(usize) -> bool,
    {
        for (index, (&(row, offset), label)) in self.items.iter().zip(labels).enumerate() {
            let x = left + offset;
            let y = top + row as f64 * LEGEND_ROW_H + LEGEND_ROW_H / 2.0;
            swatch(root, index, x, y)?;
            let weight = if bold(index) {
                FontStyle::Bold
            } else {
                FontStyle::Normal
            };
            let style = font(LEGEND_PX, weight, INK, HPos::Left, VPos::Center);
            root.draw(&Text::new(
                label.clone(),
                (i32_of(x + self.swatch_w + SWATCH_GAP), i32_of(y)),
                style,
            ))?;
        }
        Ok(())
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

    fn series(name: &str, points: &[(NaiveDate, f64)]) -> TrendSeries {
        TrendSeries {
            name: name.into(),
            points: points.to_vec(),
        }
    }

    fn example() -> Vec<TrendSeries> {
        vec![
            series(
                "Northwind Consulting",
                &[
                    (date(2025, 1, 20), 58.0),
                    (date(2025, 4, 18), 63.5),
                    (date(2025, 7, 15), 61.0),
                    (date(2025, 10, 14), 70.0),
                    (date(2026, 1, 22), 74.0),
                    (date(2026, 4, 16), 78.5),
                ],
            ),
            series(
                "Contoso Cloud",
                &[
                    (date(2025, 2, 3), 72.0),
                    (date(2025, 5, 6), 69.0),
                    (date(2025, 8, 12), 66.5),
                    (date(2025, 11, 4), 64.0),
                    (date(2026, 2, 10), 67.0),
                ],
            ),
            series(
                "Fabrikam Security",
                &[(date(2025, 9, 1), 45.0), (date(2026, 3, 2), 52.0)],
            ),
        ]
    }

    #[test]
    fn chinese_months_notes_and_message() {
        let _zh = InLanguage::new(Lang::Zh);
        let mut data = example();
        for (s, name) in data.iter_mut().zip(["北风咨询", "康拓云", "法布里安全"]) {
            s.name = name.into();
        }
        let svg = render(&data, 100.0, 640, 320).unwrap();
        assert_well_formed(&svg);
        let written = texts(&svg);
        assert!(written.contains(&"北风咨询".to_string()));
        assert!(
            written
                .iter()
                .any(|t| t.starts_with("2025年") && t.ends_with('月')),
            "{written:?}"
        );
        assert_no_english(&written);
        assert_eq!(tick_label(date(2026, 12, 1), 1), "2026年12月");

        let many: Vec<(NaiveDate, f64)> = (0..300)
            .map(|i| (date(2020, 1, 1) + chrono::Days::new(i * 7), 50.0))
            .collect();
        let crowd: Vec<TrendSeries> = (0..13)
            .map(|i| series(&format!("伙伴{i}"), &many))
            .collect();
        let written = texts(&render(&crowd, 100.0, 640, 320).unwrap());
        assert!(
            written.contains(&"显示前 12 条曲线（共 13 条）".to_string()),
            "{written:?}"
        );
        assert!(written.contains(&"每条曲线只显示最近 200 个点".to_string()));
        assert_no_english(&written);
        assert_eq!(
            texts(&render(&[], 100.0, 640, 320).unwrap()),
            vec!["还没有审阅记录".to_string()]
        );
    }

    #[test]
    fn draws_every_series_with_legend_axes_and_markers() {
        let data = example();
        let svg = render(&data, 100.0, 640, 320).unwrap();
        assert_well_formed(&svg);
        assert!(svg.starts_with("<svg width=\"640\" height=\"320\""));
        let texts = texts(&svg);
        for s in &data {
            assert!(texts.contains(&s.name), "{} in {texts:?}", s.name);
        }
        for v in ["0", "25", "50", "75", "100"] {
            assert!(
                texts.contains(&v.to_string()),
                "value label {v} in {texts:?}"
            );
        }
        // Data from Jan 2025 to Apr 2026: quarterly ticks from Jan 2025 to Jul 2026.
        for tick in [
            "Jan 2025", "Apr 2025", "Jul 2025", "Oct 2025", "Jan 2026", "Jul 2026",
        ] {
            assert!(
                texts.contains(&tick.to_string()),
                "tick {tick} in {texts:?}"
            );
        }
        // One line per series (the first two), each through all its points, in date order,
        // plus the legend swatch lines.
        let first = lines_of(&svg, PALETTE[0], 2);
        assert!(first.iter().any(|l| l.len() == 6), "{first:?}");
        let line = first.iter().find(|l| l.len() == 6).unwrap();
        assert!(
            line.windows(2).all(|w| w[0].0 < w[1].0),
            "dates go left to right"
        );
        assert!(line[5].1 < line[0].1, "78.5 is higher up than 58");
        assert!(lines_of(&svg, PALETTE[1], 2).iter().any(|l| l.len() == 5));
        // Markers (legend and points): series 0 circles, series 1 squares, series 2 triangles.
        let count = |tag: &str, colour: RGBColor, corners: Option<usize>| {
            svg.lines()
                .filter(|l| l.starts_with(tag) && l.contains(&fill_of(colour)))
                .filter(|l| corners.is_none_or(|n| l.matches(',').count() == n))
                .count()
        };
        assert_eq!(count("<circle", PALETTE[0], None), 1 + 6);
        assert_eq!(count("<polygon", PALETTE[1], Some(4)), 1 + 5);
        assert_eq!(count("<polygon", PALETTE[2], Some(3)), 1 + 2);
    }

    #[test]
    fn a_single_point_shows_as_a_marker() {
        let svg = render(
            &[series("Solo", &[(date(2026, 3, 15), 40.0)])],
            100.0,
            640,
            320,
        )
        .unwrap();
        assert_well_formed(&svg);
        assert!(texts(&svg).contains(&"Solo".to_string()));
        // Legend marker and data marker, each on a white halo.
        let circles = svg
            .lines()
            .filter(|l| l.starts_with("<circle") && l.contains(&fill_of(PALETTE[0])))
            .count();
        assert_eq!(circles, 2, "{svg}");
        // Only the legend swatch line; no series line through a single point.
        assert!(lines_of(&svg, PALETTE[0], 2).iter().all(|l| l.len() == 2));
        assert!(
            texts(&svg).contains(&"Mar 2026".to_string()),
            "{:?}",
            texts(&svg)
        );
    }

    #[test]
    fn ticks_are_few_and_readable() {
        let (step, ticks) = date_ticks(date(2025, 1, 20), date(2026, 4, 16), 8);
        assert_eq!(step, 3);
        assert_eq!(ticks.first(), Some(&date(2025, 1, 1)));
        assert_eq!(ticks.last(), Some(&date(2026, 7, 1)));
        let (step, ticks) = date_ticks(date(2020, 3, 1), date(2026, 4, 16), 8);
        assert_eq!(step, 12);
        assert!(ticks.len() <= 8);
        assert_eq!(tick_label(ticks[0], step), "2020");
        let (_, ticks) = date_ticks(date(2026, 3, 1), date(2026, 3, 1), 8);
        assert_eq!(ticks, vec![date(2026, 3, 1), date(2026, 4, 1)]);
        let (_, ticks) = date_ticks(NaiveDate::MIN, NaiveDate::MAX, 8);
        assert!(!ticks.is_empty() && ticks.len() <= 9);
        for max in [0, 1, 3, 100] {
            let (_, ticks) = date_ticks(date(2000, 1, 1), date(2026, 1, 2), max);
            assert!(ticks.len() <= MAX_TICKS + 1, "{max}: {ticks:?}");
        }
        assert_eq!(tick_label(date(2026, 9, 1), 3), "Sep 2026");
        assert_eq!(value_label(12.5), "12.5");
        assert_eq!(value_label(25.0), "25");
        assert_eq!(value_label(1.25), "1.25");
    }

    #[test]
    fn empty_input_shows_a_message() {
        for data in [
            vec![],
            vec![series("Nothing", &[])],
            vec![series("Only NaN", &[(date(2026, 1, 1), f64::NAN)])],
        ] {
            let svg = render(&data, 100.0, 640, 320).unwrap();
            assert_well_formed(&svg);
            assert_eq!(texts(&svg), vec![empty_message().to_string()]);
        }
    }

    #[test]
    fn user_text_is_escaped() {
        let data = vec![series(
            "<script>alert(1)</script> & co",
            &[(date(2026, 1, 1), 50.0), (date(2026, 4, 1), 60.0)],
        )];
        let svg = render(&data, 100.0, 640, 320).unwrap();
        assert_well_formed(&svg);
        assert!(!svg.contains("<script"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    }

    #[test]
    fn out_of_range_values_are_clamped_and_output_is_bounded() {
        const MAX_BYTES: usize = 256 * 1024;
        let wild = [
            (date(2025, 1, 1), f64::NAN),
            (date(2025, 2, 1), -40.0),
            (date(2025, 3, 1), 1e300),
            (date(2025, 4, 1), f64::INFINITY),
            (date(2025, 5, 1), f64::NEG_INFINITY),
            (date(2025, 6, 1), 50.0),
        ];
        for y_max in [100.0, f64::NAN, -1.0, 0.0, f64::INFINITY, 1e300] {
            let svg = render(&[series("Wild", &wild)], y_max, 640, 320).unwrap();
            assert_well_formed(&svg);
            let line = lines_of(&svg, PALETTE[0], 2)
                .into_iter()
                .find(|l| l.len() > 2)
                .expect("a line through the usable points");
            assert_eq!(line.len(), 5, "NaN is skipped");
            for (x, y) in line {
                assert!(
                    (0..=640).contains(&x) && (0..=320).contains(&y),
                    "({x},{y})"
                );
            }
        }
        // Sizes are clamped.
        let data = example();
        let tiny = render(&data, 100.0, 0, 0).unwrap();
        assert!(tiny.starts_with("<svg width=\"320\" height=\"200\""));
        assert_well_formed(&tiny);
        let huge = render(&data, 100.0, u32::MAX, u32::MAX).unwrap();
        assert!(huge.starts_with("<svg width=\"2400\" height=\"1600\""));
        // Many series and many points are capped, with a note.
        let many_points: Vec<(NaiveDate, f64)> = (0..5_000)
            .map(|i| (date(2000, 1, 1) + chrono::Days::new(i), (i % 100) as f64))
            .collect();
        let crowd: Vec<TrendSeries> = (0..50)
            .map(|i| series(&format!("{i} {}", "word ".repeat(1_000)), &many_points))
            .collect();
        let svg = render(&crowd, 100.0, 640, 320).unwrap();
        assert_well_formed(&svg);
        assert!(svg.len() < MAX_BYTES, "{}", svg.len());
        let texts = texts(&svg);
        assert!(texts.contains(&"Showing the first 12 of 50 series".to_string()));
        assert!(texts.contains(&"Showing the latest 200 points of each series".to_string()));
        // Extreme dates still give a valid chart.
        let far = [series(
            "Far",
            &[(NaiveDate::MIN, 1.0), (NaiveDate::MAX, 2.0)],
        )];
        assert_well_formed(&render(&far, 100.0, 640, 320).unwrap());
    }

    #[test]
    fn series_styles_are_distinct() {
        let styles: Vec<(RGBColor, Marker)> = (0..36).map(series_style).collect();
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert!(a != b, "{a:?}");
            }
        }
    }

    /// Writes the example to the temp dir for looking at:
    /// `cargo test --lib charts::trend -- --ignored`, then `rsvg-convert`.
    #[test]
    #[ignore = "writes a preview file"]
    fn preview() {
        let path = std::env::temp_dir().join("trend.svg");
        std::fs::write(&path, render(&example(), 100.0, 640, 320).unwrap()).unwrap();
        let mut six = example();
        for (k, name) in ["Adatum", "Litware", "Tailspin Toys"].iter().enumerate() {
            let points: Vec<(NaiveDate, f64)> = (0..6)
                .map(|q| {
                    (
                        date(2025, 1 + 3 * (q % 4) as u32, 10),
                        30.0 + (k * 15 + q * 3) as f64,
                    )
                })
                .take(4)
                .collect();
            six.push(series(name, &points));
        }
        let path = std::env::temp_dir().join("trend-six.svg");
        std::fs::write(&path, render(&six, 100.0, 640, 320).unwrap()).unwrap();
        let path = std::env::temp_dir().join("trend-narrow.svg");
        std::fs::write(&path, render(&six, 100.0, 320, 200).unwrap()).unwrap();
        let single = [series("Solo", &[(date(2026, 3, 15), 40.0)])];
        let path = std::env::temp_dir().join("trend-single.svg");
        std::fs::write(&path, render(&single, 100.0, 640, 320).unwrap()).unwrap();
    }
}
