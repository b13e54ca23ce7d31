//! The radar (spider) chart of levels per area: one spoke per area, one polygon per series.
//!
//! Owns the geometry and styling of that chart only; it receives plain numbers and labels and
//! returns SVG text. A missing value (an area not answered) is never drawn as zero: the
//! polygon goes through the remaining points, and an area that no answer series covers is
//! marked "(no answers)" with a dashed spoke.

use std::f64::consts::PI;

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontStyle;

use super::{
    approx_text_width, clean_label, font, i32_of, message_svg, text_style, truncate_columns, word,
    wrap_label, Area, ChartError, CURRENT, GRID, GRID_STRONG, INK, MUTED, OTHERS, TARGET,
};

/// Shown instead of a chart when there is nothing to draw, in the chart language.
pub fn empty_message() -> &'static str {
    word("charts.radar_empty")
}

/// Added under the label of an area that no answer series has a value for, in the chart
/// language.
pub fn no_answers() -> &'static str {
    word("charts.radar_no_answers")
}

/// What a series represents; decides how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesKind {
    /// Where the company is now: a filled translucent blue polygon with a solid outline.
    Current,
    /// Where it wants to be: a dashed dark outline without fill.
    Target,
    /// Another view, e.g. a consultant's: a solid outline in a third colour.
    Other,
}

/// One polygon: a value per axis, in axis order (`None` = not answered).
#[derive(Debug, Clone, PartialEq)]
pub struct RadarSeries {
    /// Shown in the legend.
    pub label: String,
    /// One value per axis; missing trailing values count as `None`, extra ones are ignored.
    pub values: Vec<Option<f64>>,
    /// How the series is drawn.
    pub kind: SeriesKind,
}

/// Smallest and largest accepted canvas sides, in pixels.
const MIN_SIDE: u32 = 240;
const MAX_SIDE: u32 = 2400;
/// The scale used when `max` is not a usable number.
const DEFAULT_MAX: f64 = 4.0;
/// The largest scale accepted; keeps the ring count and labels small.
const LARGEST_MAX: f64 = 1000.0;
/// Most grid rings drawn, whatever the scale.
const MAX_RINGS: usize = 10;

/// Label styles tried in turn until the labels fit: (size in pixels, shortened to the first
/// word). Only small canvases get past the first. Never below [`crate::charts::MIN_TEXT_PX`]:
/// chart text stays readable at any width (#19).
const LABEL_STYLES: [(f64, bool); 4] = [(12.0, false), (11.0, false), (12.0, true), (11.0, true)];
/// Line height as a multiple of the label size.
const LINE_SPACING: f64 = 1.25;
const LEVEL_PX: f64 = 11.0;
const LEGEND_PX: f64 = 12.0;
const LEGEND_ROW_H: f64 = 20.0;
const MARGIN: f64 = 8.0;
/// Distance between the outer ring and the nearest edge of a label.
const LABEL_GAP: f64 = 10.0;
/// Characters per label line beside the chart, and above or below it.
const SIDE_LINE_CHARS: usize = 16;
const POLE_LINE_CHARS: usize = 28;
const LEGEND_LABEL_CHARS: usize = 32;
const SMALLEST_RADIUS: f64 = 30.0;

/// Draws a radar chart as an SVG document of `width` x `height` pixels.
///
/// `axes` are the spoke labels, clockwise from the top; `max` is the value at the outer ring
/// (grid rings are drawn at every level from 0 to `max`; a `max` that is not a positive finite
/// number means 4, and it is capped at 1000). Values are clamped to `0..=max`; NaN counts as
/// missing. Sides are clamped to 240..=2400 pixels. Labels wrap onto two lines (one above and
/// below the chart) and, on small canvases, shrink and then shorten to their first word. With
/// no axes or no series the SVG holds only the message [`empty_message`].
///
/// ```
/// use cto_workbench::charts::radar::{render, RadarSeries, SeriesKind};
/// let axes = vec!["Team".to_string(), "Budget".to_string(), "Stack".to_string()];
/// let now = RadarSeries {
///     label: "Current".into(),
///     values: vec![Some(2.0), None, Some(3.5)],
///     kind: SeriesKind::Current,
/// };
/// let svg = render(&axes, &[now], 4.0, 560, 460).unwrap();
/// assert!(svg.starts_with("<svg"));
/// ```
pub fn render(
    axes: &[String],
    series: &[RadarSeries],
    max: f64,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let width = width.clamp(MIN_SIDE, MAX_SIDE);
    let height = height.clamp(MIN_SIDE, MAX_SIDE);
    if axes.is_empty() || series.is_empty() {
        return message_svg(width, height, empty_message());
    }
    let max = if max.is_finite() && max > 0.0 {
        max.min(LARGEST_MAX)
    } else {
        DEFAULT_MAX
    };
    let values: Vec<Vec<Option<f64>>> = series
        .iter()
        .map(|s| {
            (0..axes.len())
                .map(|i| clamp_value(s.values.get(i).copied().flatten(), max))
                .collect()
        })
        .collect();
    let unanswered = unanswered_axes(series, &values, axes.len());
    let legend = legend_layout(series, f64::from(width));
    let layout = Layout::fit(
        axes,
        &unanswered,
        f64::from(width),
        f64::from(height),
        &legend,
    );

    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        draw_grid(&root, &layout, max, &unanswered)?;
        draw_series(&root, &layout, series, &values, max)?;
        draw_levels(&root, &layout, max)?;
        draw_labels(&root, &layout)?;
        draw_legend(&root, &legend, series, &layout)?;
        root.present()?;
    }
    Ok(buf)
}

/// NaN is missing; everything else is clamped onto the scale.
fn clamp_value(value: Option<f64>, max: f64) -> Option<f64> {
    value.filter(|v| !v.is_nan()).map(|v| v.clamp(0.0, max))
}

/// Axes no answer series has a value for. Targets are not answers, so they count only when
/// there is nothing else.
fn unanswered_axes(series: &[RadarSeries], values: &[Vec<Option<f64>>], n: usize) -> Vec<bool> {
    let answers: Vec<&Vec<Option<f64>>> = series
        .iter()
        .zip(values)
        .filter(|(s, _)| s.kind != SeriesKind::Target)
        .map(|(_, v)| v)
        .collect();
    let considered: Vec<&Vec<Option<f64>>> = if answers.is_empty() {
        values.iter().collect()
    } else {
        answers
    };
    (0..n)
        .map(|i| considered.iter().all(|v| v[i].is_none()))
        .collect()
}

/// A label's lines and where they go.
struct AxisLabel {
    lines: Vec<String>,
    /// The last line is the "(no answers)" note.
    noted: bool,
    h: HPos,
    /// Share of the block above the anchor point: 1 = all above, 0 = all below.
    above: f64,
}

/// The geometry shared by every drawing step.
struct Layout {
    label_px: f64,
    cx: f64,
    cy: f64,
    radius: f64,
    /// (sin, cos) of each spoke, clockwise from the top.
    directions: Vec<(f64, f64)>,
    labels: Vec<AxisLabel>,
}

impl Layout {
    /// The first layout in [`LABEL_STYLES`] that leaves room for the chart itself (a radius of
    /// at least 60 pixels) and keeps every label clear of its neighbours.
    fn fit(
        axes: &[String],
        unanswered: &[bool],
        width: f64,
        height: f64,
        legend: &LegendLayout,
    ) -> Self {
        for (px, short) in LABEL_STYLES {
            let candidate = Layout::new(axes, unanswered, width, height, legend, px, short);
            if candidate.radius >= 60.0 && !candidate.labels_overlap() {
                return candidate;
            }
        }
        // Nothing fits cleanly: the last (smallest, shortest) style is the best there is.
        let (px, short) = LABEL_STYLES[LABEL_STYLES.len() - 1];
        Layout::new(axes, unanswered, width, height, legend, px, short)
    }

    /// The estimated boxes (left, top, right, bottom) of the lines of label `i`.
    fn label_boxes(&self, i: usize) -> Vec<(f64, f64, f64, f64)> {
        let label = &self.labels[i];
        let (s, c) = self.directions[i];
        let distance = self.radius + LABEL_GAP;
        let (x, y) = (self.cx + distance * s, self.cy - distance * c);
        let line_h = self.label_px * LINE_SPACING;
        let top = y - label.lines.len() as f64 * line_h * label.above;
        label
            .lines
            .iter()
            .enumerate()
            .map(|(k, line)| {
                let w = approx_text_width(line, self.label_px);
                let left = x - w * left_share(label.h);
                let line_top = top + k as f64 * line_h;
                (left, line_top, left + w, line_top + line_h)
            })
            .collect()
    }

    /// Whether any two neighbouring labels would overlap.
    fn labels_overlap(&self) -> bool {
        let n = self.labels.len();
        n > 1
            && (0..n).any(|i| {
                let a = self.label_boxes(i);
                let b = self.label_boxes((i + 1) % n);
                a.iter().any(|a| {
                    b.iter()
                        .any(|b| a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3)
                })
            })
    }

    fn new(
        axes: &[String],
        unanswered: &[bool],
        width: f64,
        height: f64,
        legend: &LegendLayout,
        label_px: f64,
        short: bool,
    ) -> Self {
        let line_h = label_px * LINE_SPACING;
        let n = axes.len();
        let directions: Vec<(f64, f64)> = (0..n)
            .map(|i| {
                let angle = 2.0 * PI * i as f64 / n as f64;
                (angle.sin(), angle.cos())
            })
            .collect();
        let labels: Vec<AxisLabel> = axes
            .iter()
            .zip(&directions)
            .zip(unanswered)
            .map(|((axis, &(s, c)), &missing)| {
                let h = if s > 0.15 {
                    HPos::Left
                } else if s < -0.15 {
                    HPos::Right
                } else {
                    HPos::Center
                };
                let chars = if matches!(h, HPos::Center) {
                    POLE_LINE_CHARS
                } else {
                    SIDE_LINE_CHARS
                };
                let mut lines = if short {
                    wrap_label(&first_word(axis), chars, 1)
                } else {
                    wrap_label(axis, chars, 2)
                };
                if lines.is_empty() {
                    lines.push("?".to_string());
                }
                if missing {
                    lines.push(no_answers().to_string());
                }
                AxisLabel {
                    lines,
                    noted: missing,
                    h,
                    above: 0.5 + 0.5 * c,
                }
            })
            .collect();

        let top = MARGIN;
        let bottom = height - MARGIN - legend.height;
        let cx = width / 2.0;
        let cy = (top + bottom) / 2.0;
        // The largest distance from the centre to a label's anchor that keeps every label
        // inside the canvas (by the width estimate), each side checked separately.
        let mut reach = (width.min(bottom - top)) / 2.0;
        for (label, &(s, c)) in labels.iter().zip(&directions) {
            let w = label
                .lines
                .iter()
                .map(|l| approx_text_width(l, label_px))
                .fold(0.0, f64::max);
            let h = label.lines.len() as f64 * line_h;
            let left_share = left_share(label.h);
            if s > 1e-9 {
                reach = reach.min((width - MARGIN - cx - w * (1.0 - left_share)) / s);
            }
            if s < -1e-9 {
                reach = reach.min((cx - MARGIN - w * left_share) / -s);
            }
            if c > 1e-9 {
                reach = reach.min((cy - top - h * label.above) / c);
            }
            if c < -1e-9 {
                reach = reach.min((bottom - cy - h * (1.0 - label.above)) / -c);
            }
        }
        let radius = (reach - LABEL_GAP).max(SMALLEST_RADIUS);
        Layout {
            label_px,
            cx,
            cy,
            radius,
            directions,
            labels,
        }
    }

    /// The point at `distance` pixels from the centre along spoke `i`.
    fn at(&self, i: usize, distance: f64) -> (i32, i32) {
        let (s, c) = self.directions[i];
        (
            i32_of(self.cx + distance * s),
            i32_of(self.cy - distance * c),
        )
    }

    /// The point of value `v` (already on the scale) on spoke `i`.
    fn point(&self, i: usize, v: f64, max: f64) -> (i32, i32) {
        self.at(i, self.radius * v / max)
    }
}

/// The first word of a label, with "…" when words were dropped ("Security…").
fn first_word(label: &str) -> String {
    let label = clean_label(label);
    match label.split_once(' ') {
        Some((first, _)) => format!("{first}…"),
        None => label,
    }
}

/// The share of a label's width left of its anchor point.
fn left_share(h: HPos) -> f64 {
    match h {
        HPos::Left => 0.0,
        HPos::Center => 0.5,
        HPos::Right => 1.0,
    }
}

/// The levels that get a ring: every step up to `max`, plus `max` itself.
fn ring_levels(max: f64) -> Vec<f64> {
    let step = if max <= MAX_RINGS as f64 {
        1.0
    } else {
        (max / MAX_RINGS as f64).ceil()
    };
    let mut levels: Vec<f64> = (1..=MAX_RINGS)
        .map(|k| k as f64 * step)
        .filter(|l| *l < max - 1e-9)
        .collect();
    levels.push(max);
    levels
}

fn format_level(level: f64) -> String {
    if (level - level.round()).abs() < 1e-9 {
        format!("{}", level.round() as i64)
    } else {
        format!("{level:.1}")
    }
}

fn draw_grid(
    root: &Area<'_>,
    layout: &Layout,
    max: f64,
    unanswered: &[bool],
) -> Result<(), ChartError> {
    let n = layout.directions.len();
    let levels = ring_levels(max);
    for (k, level) in levels.iter().enumerate() {
        let outer = k + 1 == levels.len();
        let colour = if outer { GRID_STRONG } else { GRID };
        let r = layout.radius * level / max;
        let ring = closed((0..n).map(|i| layout.at(i, r)).collect());
        root.draw(&PathElement::new(ring, colour.stroke_width(1)))?;
    }
    for (i, &missing) in unanswered.iter().enumerate() {
        let spoke = vec![layout.at(i, 0.0), layout.at(i, layout.radius)];
        if missing {
            root.draw(&DashedPathElement::new(
                spoke,
                4,
                4,
                GRID_STRONG.stroke_width(1),
            ))?;
        } else {
            root.draw(&PathElement::new(spoke, GRID.stroke_width(1)))?;
        }
    }
    Ok(())
}

/// Level numbers just right of the top spoke, from the centre outwards, each on a light
/// backing so that it stays readable over the series drawn before it.
fn draw_levels(root: &Area<'_>, layout: &Layout, max: f64) -> Result<(), ChartError> {
    let style = text_style(LEVEL_PX, MUTED, HPos::Left, VPos::Center);
    for level in std::iter::once(0.0).chain(ring_levels(max)) {
        let text = format_level(level);
        let x = layout.cx + 5.0;
        let y = layout.cy - layout.radius * level / max - 6.0;
        let w = approx_text_width(&text, LEVEL_PX);
        let backing = [
            (i32_of(x - 1.0), i32_of(y - 6.0)),
            (i32_of(x + w + 1.0), i32_of(y + 6.0)),
        ];
        root.draw(&Rectangle::new(backing, WHITE.mix(0.75).filled()))?;
        root.draw(&Text::new(text, (i32_of(x), i32_of(y)), style.clone()))?;
    }
    Ok(())
}

/// The colour of the `index`-th series of kind Other among all series.
fn other_colour(series: &[RadarSeries], index: usize) -> RGBColor {
    let nth = series[..index]
        .iter()
        .filter(|s| s.kind == SeriesKind::Other)
        .count();
    OTHERS[nth % OTHERS.len()]
}

fn series_colour(series: &[RadarSeries], index: usize) -> RGBColor {
    match series[index].kind {
        SeriesKind::Current => CURRENT,
        SeriesKind::Target => TARGET,
        SeriesKind::Other => other_colour(series, index),
    }
}

fn draw_series(
    root: &Area<'_>,
    layout: &Layout,
    series: &[RadarSeries],
    values: &[Vec<Option<f64>>],
    max: f64,
) -> Result<(), ChartError> {
    let points: Vec<Vec<(i32, i32)>> = values
        .iter()
        .map(|vs| {
            vs.iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| layout.point(i, v, max)))
                .collect()
        })
        .collect();
    // Fills first, so that no fill hides another series' outline.
    for (s, pts) in series.iter().zip(&points) {
        if s.kind == SeriesKind::Current && pts.len() >= 3 {
            root.draw(&Polygon::new(pts.clone(), CURRENT.mix(0.18).filled()))?;
        }
    }
    // Outlines: others, then current, then target on top.
    let order = [SeriesKind::Other, SeriesKind::Current, SeriesKind::Target];
    for kind in order {
        for (index, (s, pts)) in series.iter().zip(&points).enumerate() {
            if s.kind != kind {
                continue;
            }
            let colour = series_colour(series, index);
            let outline = if pts.len() >= 3 {
                closed(pts.clone())
            } else {
                pts.clone()
            };
            match kind {
                SeriesKind::Target => {
                    if outline.len() >= 2 {
                        root.draw(&DashedPathElement::new(
                            outline,
                            6,
                            4,
                            colour.stroke_width(2),
                        ))?;
                    }
                    // A lone point would be invisible as a dashed line.
                    if pts.len() < 3 {
                        for p in pts {
                            root.draw(&Circle::new(*p, 3, colour.stroke_width(2)))?;
                        }
                    }
                }
                SeriesKind::Current | SeriesKind::Other => {
                    if outline.len() >= 2 {
                        root.draw(&PathElement::new(outline, colour.stroke_width(2)))?;
                    }
                    for p in pts {
                        root.draw(&Circle::new(*p, 3, colour.filled()))?;
                    }
                }
            }
        }
    }
    Ok(())
}

fn draw_labels(root: &Area<'_>, layout: &Layout) -> Result<(), ChartError> {
    let distance = layout.radius + LABEL_GAP;
    let px = layout.label_px;
    let line_h = px * LINE_SPACING;
    for (i, label) in layout.labels.iter().enumerate() {
        let (x, y) = layout.at(i, distance);
        let block = label.lines.len() as f64 * line_h;
        let first = f64::from(y) - block * label.above + line_h / 2.0;
        for (k, line) in label.lines.iter().enumerate() {
            let note = label.noted && k + 1 == label.lines.len();
            let style = if note {
                font(
                    (px - 1.0).max(crate::charts::MIN_TEXT_PX),
                    FontStyle::Italic,
                    MUTED,
                    label.h,
                    VPos::Center,
                )
            } else {
                text_style(px, INK, label.h, VPos::Center)
            };
            let ly = first + k as f64 * line_h;
            root.draw(&Text::new(line.clone(), (x, i32_of(ly)), style))?;
        }
    }
    Ok(())
}

/// Legend items placed in rows under the chart.
struct LegendLayout {
    /// (row, x offset from the row's start) per series.
    items: Vec<(usize, f64)>,
    labels: Vec<String>,
    row_widths: Vec<f64>,
    height: f64,
}

const SWATCH_W: f64 = 18.0;
const SWATCH_GAP: f64 = 6.0;
const ITEM_GAP: f64 = 20.0;

fn legend_layout(series: &[RadarSeries], width: f64) -> LegendLayout {
    let available = width - 2.0 * MARGIN;
    let labels: Vec<String> = series
        .iter()
        .map(|s| {
            let label = truncate_columns(&clean_label(&s.label), LEGEND_LABEL_CHARS);
            if label.is_empty() {
                "?".to_string()
            } else {
                label
            }
        })
        .collect();
    let mut items = Vec::new();
    let mut row_widths = vec![0.0];
    for label in &labels {
        let item_w = SWATCH_W + SWATCH_GAP + approx_text_width(label, LEGEND_PX);
        let row = row_widths.len() - 1;
        let used = row_widths[row];
        let start = if used > 0.0 { used + ITEM_GAP } else { 0.0 };
        if used > 0.0 && start + item_w > available {
            row_widths.push(item_w);
            items.push((row + 1, 0.0));
        } else {
            row_widths[row] = start + item_w;
            items.push((row, start));
        }
    }
    let height = row_widths.len() as f64 * LEGEND_ROW_H + 6.0;
    LegendLayout {
        items,
        labels,
        row_widths,
        height,
    }
}

fn draw_legend(
    root: &Area<'_>,
    legend: &LegendLayout,
    series: &[RadarSeries],
    layout: &Layout,
) -> Result<(), ChartError> {
    let (_, height) = root.dim_in_pixel();
    let top = f64::from(height) - MARGIN - legend.height + 6.0;
    for (index, (&(row, offset), label)) in legend.items.iter().zip(&legend.labels).enumerate() {
        let row_start = layout.cx - legend.row_widths[row] / 2.0;
        let x = row_start + offset;
        let y = top + row as f64 * LEGEND_ROW_H + LEGEND_ROW_H / 2.0;
        let colour = series_colour(series, index);
        let (x0, x1, yi) = (i32_of(x), i32_of(x + SWATCH_W), i32_of(y));
        match series[index].kind {
            SeriesKind::Current => {
                let rect = [(x0, yi - 5), (x1, yi + 5)];
                root.draw(&Rectangle::new(rect, CURRENT.mix(0.18).filled()))?;
                root.draw(&Rectangle::new(rect, CURRENT.stroke_width(2)))?;
            }
            SeriesKind::Target => {
                root.draw(&DashedPathElement::new(
                    vec![(x0, yi), (x1, yi)],
                    6,
                    4,
                    colour.stroke_width(2),
                ))?;
            }
            SeriesKind::Other => {
                root.draw(&PathElement::new(
                    vec![(x0, yi), (x1, yi)],
                    colour.stroke_width(2),
                ))?;
                root.draw(&Circle::new(((x0 + x1) / 2, yi), 3, colour.filled()))?;
            }
        }
        let style = text_style(LEGEND_PX, INK, HPos::Left, VPos::Center);
        root.draw(&Text::new(
            label.clone(),
            (i32_of(x + SWATCH_W + SWATCH_GAP), yi),
            style,
        ))?;
    }
    Ok(())
}

/// The points with the first repeated at the end, for an outline.
fn closed(mut points: Vec<(i32, i32)>) -> Vec<(i32, i32)> {
    if let Some(&first) = points.first() {
        points.push(first);
    }
    points
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        areas, areas_zh, assert_no_english, assert_well_formed, polygons_of, texts, InLanguage,
    };
    use super::*;
    use crate::i18n::Lang;

    fn current(values: Vec<Option<f64>>) -> RadarSeries {
        RadarSeries {
            label: "Current".into(),
            values,
            kind: SeriesKind::Current,
        }
    }

    fn target(values: Vec<Option<f64>>) -> RadarSeries {
        RadarSeries {
            label: "Target".into(),
            values,
            kind: SeriesKind::Target,
        }
    }

    fn other(values: Vec<Option<f64>>) -> RadarSeries {
        RadarSeries {
            label: "Consultant".into(),
            values,
            kind: SeriesKind::Other,
        }
    }

    fn example() -> (Vec<String>, Vec<RadarSeries>) {
        let now = [
            Some(2.5),
            Some(2.0),
            Some(1.5),
            Some(2.0),
            Some(3.0),
            Some(2.5),
            Some(2.0),
            Some(1.0),
            None,
            Some(2.5),
            Some(1.5),
            Some(2.0),
            Some(3.0),
            Some(1.5),
            None,
            Some(2.5),
        ];
        let goal = [
            3.5, 3.0, 3.0, 3.0, 3.5, 3.0, 3.0, 3.0, 2.5, 3.0, 3.0, 3.0, 3.5, 2.5, 3.0, 3.0,
        ];
        (
            areas(),
            vec![
                current(now.to_vec()),
                target(goal.iter().map(|v| Some(*v)).collect()),
            ],
        )
    }

    fn stroke_of(colour: RGBColor) -> String {
        format!(
            "stroke=\"#{:02X}{:02X}{:02X}\"",
            colour.0, colour.1, colour.2
        )
    }

    #[test]
    fn draws_every_area_label_and_series() {
        let (axes, series) = example();
        let svg = render(&axes, &series, 4.0, 560, 460).unwrap();
        assert_well_formed(&svg);
        assert!(svg.starts_with("<svg"));
        let texts = texts(&svg);
        for axis in &axes {
            let lines = wrap_label(axis, SIDE_LINE_CHARS.max(POLE_LINE_CHARS), 2);
            assert_eq!(lines.join(" "), *axis, "no area name is cut");
            // Each area appears whole, or as consecutive wrapped lines.
            let found = texts.iter().any(|t| t == axis)
                || texts
                    .windows(2)
                    .any(|w| format!("{} {}", w[0], w[1]) == *axis);
            assert!(found, "label {axis:?} missing from {texts:?}");
        }
        assert_eq!(polygons_of(&svg, CURRENT).len(), 1, "one current fill");
        assert!(svg.contains(&stroke_of(CURRENT)), "current outline");
        assert!(svg.contains(&stroke_of(TARGET)), "target outline");
        assert!(texts.contains(&"Current".to_string()) && texts.contains(&"Target".to_string()));
        for level in ["0", "1", "2", "3", "4"] {
            assert!(texts.contains(&level.to_string()), "level {level}");
        }
    }

    #[test]
    fn chinese_area_names_and_notes() {
        let _zh = InLanguage::new(Lang::Zh);
        let (_, mut series) = example();
        series[0].label = "自评".into();
        series[1].label = "目标".into();
        let axes = areas_zh();
        let svg = render(&axes, &series, 4.0, 560, 460).unwrap();
        assert_well_formed(&svg);
        let written = texts(&svg);
        for axis in &axes {
            // Whole, or broken between characters onto two lines.
            let found = written.contains(axis)
                || written
                    .windows(2)
                    .any(|w| format!("{}{}", w[0], w[1]) == *axis);
            assert!(found, "{axis} in {written:?}");
        }
        assert_eq!(written.iter().filter(|t| *t == "（无回答）").count(), 2);
        assert_no_english(&written);
        let svg = render(&axes, &[], 4.0, 560, 460).unwrap();
        assert_eq!(texts(&svg), vec!["还没有回答".to_string()]);
    }

    #[test]
    fn long_labels_wrap_beside_the_chart_and_stay_whole_at_the_poles() {
        let (axes, series) = example();
        let svg = render(&axes, &series, 4.0, 560, 460).unwrap();
        let texts = texts(&svg);
        assert!(texts.contains(&"Security and".to_string()), "{texts:?}");
        assert!(texts.contains(&"compliance".to_string()));
        assert!(texts.contains(&"Business goals".to_string()));
    }

    #[test]
    fn labels_are_anchored_by_side() {
        let axes: Vec<String> = ["Top", "Right", "Bottom", "Left"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let svg = render(&axes, &[current(vec![Some(1.0); 4])], 4.0, 560, 460).unwrap();
        let anchor_of = |label: &str| {
            let line = svg
                .split("<text")
                .find(|t| t.contains(&format!(">\n{label}\n")))
                .unwrap();
            let start = line.find("text-anchor=\"").unwrap() + 13;
            line[start..start + line[start..].find('"').unwrap()].to_string()
        };
        assert_eq!(anchor_of("Top"), "middle");
        assert_eq!(anchor_of("Right"), "start");
        assert_eq!(anchor_of("Bottom"), "middle");
        assert_eq!(anchor_of("Left"), "end");
    }

    #[test]
    fn each_series_gets_its_own_shape() {
        let (axes, mut series) = example();
        series.push(other(vec![Some(2.0); 16]));
        series.push(other(vec![Some(1.0); 16]));
        let svg = render(&axes, &series, 4.0, 560, 460).unwrap();
        assert_well_formed(&svg);
        assert_eq!(polygons_of(&svg, CURRENT).len(), 1);
        assert!(svg.contains(&stroke_of(TARGET)));
        assert!(svg.contains(&stroke_of(OTHERS[0])));
        assert!(svg.contains(&stroke_of(OTHERS[1])));
        assert!(texts(&svg).contains(&"Consultant".to_string()));
    }

    #[test]
    fn missing_values_are_skipped_not_drawn_as_zero() {
        let (axes, series) = example();
        let svg = render(&axes, &series, 4.0, 560, 460).unwrap();
        let polygon = &polygons_of(&svg, CURRENT)[0];
        assert_eq!(polygon.len(), 14, "16 axes, 2 not answered");
        // No vertex at the centre, where a zero would be.
        let layout_centre = polygon
            .iter()
            .filter(|(x, _)| (*x - 280).abs() <= 1)
            .count();
        assert!(
            layout_centre <= 2,
            "only the top and bottom spokes are on x = 280"
        );
        for p in polygon {
            assert!(
                (p.0 - 280).abs() > 2 || p.1 < 150 || p.1 > 300,
                "{p:?} near centre"
            );
        }
        let notes = texts(&svg)
            .iter()
            .filter(|t| t.as_str() == no_answers())
            .count();
        assert_eq!(notes, 2, "both unanswered areas are marked");
    }

    #[test]
    fn an_area_answered_only_by_the_target_is_still_marked() {
        let axes = areas();
        let mut now = vec![Some(2.0); 16];
        now[3] = None;
        let series = vec![current(now), target(vec![Some(3.0); 16])];
        let svg = render(&axes, &series, 4.0, 560, 460).unwrap();
        assert_eq!(
            texts(&svg)
                .iter()
                .filter(|t| t.as_str() == no_answers())
                .count(),
            1
        );
    }

    #[test]
    fn few_points_still_render() {
        let axes = areas();
        let mut one = vec![None; 16];
        one[2] = Some(3.0);
        for series in [
            vec![current(one.clone())],
            vec![target(one.clone())],
            vec![current(vec![None; 16])],
            vec![current(vec![])],
        ] {
            let svg = render(&axes, &series, 4.0, 560, 460).unwrap();
            assert_well_formed(&svg);
        }
        let svg = render(&axes, &[current(one)], 4.0, 560, 460).unwrap();
        assert!(
            svg.contains("<circle"),
            "a lone answer is shown as a marker"
        );
        let svg = render(&axes[..1], &[current(vec![Some(2.0)])], 4.0, 560, 460).unwrap();
        assert_well_formed(&svg);
    }

    #[test]
    fn empty_input_shows_a_message() {
        let (axes, series) = example();
        for svg in [
            render(&[], &series, 4.0, 560, 460).unwrap(),
            render(&axes, &[], 4.0, 560, 460).unwrap(),
        ] {
            assert_well_formed(&svg);
            assert_eq!(texts(&svg), vec![empty_message().to_string()]);
            assert!(svg.contains("text-anchor=\"middle\""));
        }
    }

    #[test]
    fn user_text_is_escaped() {
        let mut axes = areas();
        axes[0] = "<script>alert(1)</script> & co".into();
        let series = vec![RadarSeries {
            label: "R&D <b>view</b>".into(),
            values: vec![Some(2.0); 16],
            kind: SeriesKind::Other,
        }];
        let svg = render(&axes, &series, 4.0, 560, 460).unwrap();
        assert_well_formed(&svg);
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("&lt;script&gt;"), "{svg}");
        assert!(svg.contains("&amp;") && !svg.contains(" & "));
        assert!(svg.contains("R&amp;D &lt;b&gt;view&lt;/b&gt;"));
    }

    #[test]
    fn out_of_range_values_are_clamped_and_output_is_bounded() {
        const MAX_BYTES: usize = 64 * 1024;
        let axes = areas();
        let wild = [
            f64::NAN,
            -3.0,
            1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            4.0,
            7.5,
        ];
        let values: Vec<Option<f64>> = (0..16).map(|i| Some(wild[i % wild.len()])).collect();
        let normal = render(&axes, &[current(vec![Some(2.0); 16])], 4.0, 560, 460).unwrap();
        for max in [4.0, f64::NAN, -1.0, 0.0, f64::INFINITY, 1e12] {
            let svg = render(&axes, &[current(values.clone())], max, 560, 460).unwrap();
            assert_well_formed(&svg);
            assert!(svg.len() < MAX_BYTES, "{} vs {}", svg.len(), normal.len());
            // Every vertex lies inside the canvas.
            for (x, y) in polygons_of(&svg, CURRENT).concat() {
                assert!(
                    (0..=560).contains(&x) && (0..=460).contains(&y),
                    "({x},{y})"
                );
            }
        }
        // NaN counts as missing (areas 0, 7 and 14), never as zero.
        let svg = render(&axes, &[current(values)], 4.0, 560, 460).unwrap();
        assert_eq!(polygons_of(&svg, CURRENT)[0].len(), 13);
        assert_eq!(texts(&svg).iter().filter(|t| *t == no_answers()).count(), 3);
        // Absurd sizes are clamped.
        let tiny = render(&axes, &[current(vec![Some(1.0); 16])], 4.0, 0, 0).unwrap();
        assert!(tiny.starts_with("<svg width=\"240\" height=\"240\""));
        let huge = render(&axes, &[current(vec![Some(1.0); 16])], 4.0, u32::MAX, 1).unwrap();
        assert!(huge.starts_with("<svg width=\"2400\" height=\"240\""));
        // Absurdly long labels are cut.
        let long = vec!["word ".repeat(10_000); 16];
        let svg = render(&long, &[current(vec![Some(1.0); 16])], 4.0, 560, 460).unwrap();
        assert!(svg.len() < MAX_BYTES);
        // The worst case at this size: nothing answered, every spoke dashed and noted.
        let svg = render(&axes, &[current(vec![None; 16])], 4.0, 560, 460).unwrap();
        assert!(svg.len() < MAX_BYTES, "{}", svg.len());
    }

    #[test]
    fn rings_follow_the_scale() {
        assert_eq!(ring_levels(4.0), vec![1.0, 2.0, 3.0, 4.0]);
        assert_eq!(ring_levels(2.5), vec![1.0, 2.0, 2.5]);
        assert_eq!(ring_levels(100.0).len(), 10);
        assert!(ring_levels(1000.0).len() <= MAX_RINGS);
    }

    /// Writes the example to the temp dir for looking at:
    /// `cargo test --lib charts::radar -- --ignored`, then `rsvg-convert`.
    #[test]
    #[ignore = "writes a preview file"]
    fn preview() {
        let (axes, mut series) = example();
        let path = std::env::temp_dir().join("radar.svg");
        std::fs::write(&path, render(&axes, &series, 4.0, 560, 460).unwrap()).unwrap();
        series.push(other(
            [
                3.0, 2.0, 1.0, 2.0, 2.5, 2.0, 1.5, 1.5, 2.0, 2.0, 1.0, 2.5, 2.5, 1.0, 1.5, 2.0,
            ]
            .iter()
            .map(|v| Some(*v))
            .collect(),
        ));
        let path = std::env::temp_dir().join("radar-other.svg");
        std::fs::write(&path, render(&axes, &series, 4.0, 560, 460).unwrap()).unwrap();
    }
}
