//! The progress chart: each area's score (0 to 4) at every snapshot and now, one line per area
//! the founder ticked, and the maturity index as a bold line.
//!
//! Owns the layout and styling of that chart. Points are spaced evenly whatever the time
//! between snapshots (they are review moments, not a time scale), labelled with the day each
//! snapshot was taken in the viewer's time zone and "Now". Lines and markers reuse the series
//! marks of the trend chart, so an area is told apart by shape as well as colour.

use chrono::{DateTime, Local, NaiveDate, Utc};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::trend::{legend_label, series_style, Legend, Marker};
use super::{
    approx_text_width, draw_notes, draw_tick, full_date, i32_of, message_svg, shown_note,
    text_style, word, Area, ChartError, GRID, GRID_STRONG, INK, MUTED,
};
use crate::domain::snapshot::progress::{Moment, SeriesPoint};

/// The key in `selected_areas` that asks for the maturity index line (no area has this id).
pub const INDEX_KEY: &str = "maturity-index";
/// The legend name of the maturity index line, in the chart language.
pub fn index_label() -> &'static str {
    word("charts.progress_index")
}

/// Shown when nothing is ticked, in the chart language.
pub fn nothing_selected() -> &'static str {
    word("charts.progress_nothing_selected")
}

/// Shown when the ticked lines have no score at any point, in the chart language.
pub fn no_scores() -> &'static str {
    word("charts.progress_no_scores")
}

const MIN_WIDTH: u32 = 320;
const MAX_WIDTH: u32 = 2400;
const MIN_HEIGHT: u32 = 200;
const MAX_HEIGHT: u32 = 1600;
/// The top of the level scale.
const SCALE_MAX: f64 = 4.0;
/// Points drawn at most: the latest are kept, with a note.
const MAX_POINTS: usize = 60;

const TICK_PX: f64 = 11.0;
const MARGIN: f64 = 8.0;
/// Room under the plot for the date labels.
const X_LABELS_H: f64 = 22.0;
const NOTE_H: f64 = 16.0;
const LEGEND_SWATCH_W: f64 = 22.0;
const MARKER_R: f64 = 4.0;
const INDEX_MARKER_R: f64 = 5.0;
/// The maturity index line is this many pixels wide; area lines are 2.
const INDEX_STROKE: u32 = 4;

/// One drawn line: its legend name, style and value at each point.
struct Line {
    label: String,
    colour: RGBColor,
    marker: Marker,
    stroke: u32,
    bold: bool,
    values: Vec<Option<f64>>,
}

/// Draws the progress chart as an SVG document of `width` x `height` pixels.
///
/// `series` is in date order (as `domain::snapshot::progress::series` gives it, "now" last);
/// `selected_areas` holds the ids of the areas to draw and, for the bold maturity index line,
/// [`INDEX_KEY`]. Area lines follow the framework's order and keep one style per area,
/// whatever else is ticked. A line breaks where an area has no score; a point with no
/// neighbour shows as a marker. Scores are clamped to 0..=4 (NaN counts
/// as no score). The latest 60 points are drawn, with a note when there were more; date labels
/// are thinned so they never overlap, the last one ("Now") always shown. Sides are clamped to
/// 320..=2400 x 200..=1600. With nothing ticked the SVG holds only [`nothing_selected`]; when
/// the ticked lines have no score at all, only [`no_scores`]. Words and dates are in the chart
/// language (`charts::set_language`).
pub fn render(
    series: &[SeriesPoint],
    selected_areas: &[String],
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let height = height.clamp(MIN_HEIGHT, MAX_HEIGHT);
    if selected_areas.is_empty() {
        return message_svg(width, height, nothing_selected());
    }
    let shown = &series[series.len().saturating_sub(MAX_POINTS)..];
    let lines = lines_of(shown, selected_areas);
    if lines.iter().all(|l| l.values.iter().all(Option::is_none)) {
        return message_svg(width, height, no_scores());
    }
    let note = (series.len() > MAX_POINTS)
        .then(|| shown_note("charts.progress_note", MAX_POINTS, series.len()));
    let labels: Vec<String> = lines.iter().map(|l| l.label.clone()).collect();
    let legend = Legend::layout(&labels, LEGEND_SWATCH_W, f64::from(width) - 2.0 * MARGIN);
    let x_labels: Vec<String> = shown.iter().map(x_label).collect();
    let layout = Layout::new(
        shown.len(),
        f64::from(width),
        f64::from(height),
        legend.height,
        note.is_some(),
    );

    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        legend.draw_styled(
            &root,
            &labels,
            MARGIN,
            MARGIN,
            |i| lines[i].bold,
            |root, i, x, y| {
                let line = &lines[i];
                root.draw(&PathElement::new(
                    vec![
                        (i32_of(x), i32_of(y)),
                        (i32_of(x + LEGEND_SWATCH_W), i32_of(y)),
                    ],
                    line.colour.stroke_width(line.stroke),
                ))?;
                line.marker.draw(
                    root,
                    (x + LEGEND_SWATCH_W / 2.0, y),
                    marker_r(line),
                    line.colour,
                )
            },
        )?;
        draw_level_axis(&root, &layout)?;
        draw_point_axis(&root, &layout, &x_labels)?;
        // Areas first, the index last so the bold line stays on top.
        for line in lines.iter().filter(|l| !l.bold) {
            draw_line(&root, &layout, line)?;
        }
        for line in lines.iter().filter(|l| l.bold) {
            draw_line(&root, &layout, line)?;
        }
        draw_notes(&root, note.as_slice(), MARGIN, f64::from(height) - MARGIN)?;
        root.present()?;
    }
    Ok(buf)
}

/// The lines to draw: the index (when ticked) first, then the ticked areas in framework order,
/// each styled by its place in the framework.
fn lines_of(points: &[SeriesPoint], selected: &[String]) -> Vec<Line> {
    let clean = |v: Option<f64>| v.filter(|x| !x.is_nan()).map(|x| x.clamp(0.0, SCALE_MAX));
    let mut lines = Vec::new();
    if selected.iter().any(|s| s == INDEX_KEY) {
        lines.push(Line {
            label: index_label().to_string(),
            colour: INK,
            marker: Marker::Circle,
            stroke: INDEX_STROKE,
            bold: true,
            values: points.iter().map(|p| clean(p.index)).collect(),
        });
    }
    // The framework's areas, in order, as the latest point lists them.
    let areas = points
        .last()
        .map(|p| p.areas.as_slice())
        .unwrap_or_default();
    // Styled by the area's place in the framework, so ticking another area never recolours
    // the lines already drawn.
    let ticked = areas
        .iter()
        .enumerate()
        .filter(|(_, a)| selected.contains(&a.area_id));
    for (k, area) in ticked {
        let (colour, marker) = series_style(k);
        lines.push(Line {
            label: legend_label(&area.name),
            colour,
            marker,
            stroke: 2,
            bold: false,
            values: points
                .iter()
                .map(|p| clean(p.score_of(&area.area_id)))
                .collect(),
        });
    }
    lines
}

fn marker_r(line: &Line) -> f64 {
    if line.bold {
        INDEX_MARKER_R
    } else {
        MARKER_R
    }
}

/// The label under a point: "Now", or the day the snapshot was taken.
fn x_label(point: &SeriesPoint) -> String {
    match (point.moment, point.taken_at) {
        (Moment::Now, _) => word("charts.progress_now").to_string(),
        (_, Some(t)) => date_label(t),
        (_, None) => point.name.clone(),
    }
}

/// A snapshot's day as the viewer reads it, e.g. "23 Nov 2026", "2026年11月23日".
pub(crate) fn date_label(t: DateTime<Utc>) -> String {
    full_date(t.with_timezone(&Local).date_naive())
}

/// The widest date label, for spacing: a two-digit day in the widest month of the language.
fn widest_date_label() -> f64 {
    (1..=12)
        .filter_map(|m| NaiveDate::from_ymd_opt(2026, m, 28))
        .map(|d| approx_text_width(&full_date(d), TICK_PX))
        .fold(0.0, f64::max)
}

/// Where the plot goes and how point numbers and levels map to pixels.
struct Layout {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    points: usize,
    /// Only every `label_every`-th point, counted back from the last, is labelled.
    label_every: usize,
}

impl Layout {
    fn new(points: usize, width: f64, height: f64, legend_h: f64, note: bool) -> Self {
        let left = MARGIN + approx_text_width("4", TICK_PX) + 10.0;
        let right = width - MARGIN;
        let top = MARGIN + legend_h + 14.0;
        let bottom = height - MARGIN - X_LABELS_H - if note { NOTE_H } else { 0.0 };
        let points = points.max(1);
        let band = (right - left) / points as f64;
        // Room for the widest date ("30 May 2026") and a gap.
        let label_w = widest_date_label() + 12.0;
        let label_every = ((label_w / band).ceil() as usize).clamp(1, points);
        Layout {
            left,
            right,
            top,
            bottom: bottom.max(top + 40.0),
            points,
            label_every,
        }
    }

    /// Points sit at the centres of equal bands, so the first and last labels fit too.
    fn x_of(&self, i: usize) -> f64 {
        let band = (self.right - self.left) / self.points as f64;
        self.left + band * (i as f64 + 0.5)
    }

    fn y_of(&self, level: f64) -> f64 {
        self.bottom - level / SCALE_MAX * (self.bottom - self.top)
    }

    fn labelled(&self, i: usize) -> bool {
        (self.points - 1 - i).is_multiple_of(self.label_every)
    }
}

/// A grid line and label at each level, 0 to 4.
fn draw_level_axis(root: &Area<'_>, layout: &Layout) -> Result<(), ChartError> {
    let style = text_style(TICK_PX, MUTED, HPos::Right, VPos::Center);
    for level in 0..=4u8 {
        let y = i32_of(layout.y_of(f64::from(level)));
        let colour = if level == 0 { GRID_STRONG } else { GRID };
        root.draw(&PathElement::new(
            vec![(i32_of(layout.left), y), (i32_of(layout.right), y)],
            colour.stroke_width(1),
        ))?;
        root.draw(&Text::new(
            level.to_string(),
            (i32_of(layout.left - 8.0), y),
            style.clone(),
        ))?;
    }
    Ok(())
}

/// A tick under every point and a label under those with room for one.
fn draw_point_axis(root: &Area<'_>, layout: &Layout, labels: &[String]) -> Result<(), ChartError> {
    let style = text_style(TICK_PX, MUTED, HPos::Center, VPos::Top);
    let bottom = i32_of(layout.bottom);
    for (i, label) in labels.iter().enumerate() {
        let x = i32_of(layout.x_of(i));
        let label = layout.labelled(i).then(|| label.clone());
        draw_tick(root, x, bottom, label, &style)?;
    }
    Ok(())
}

/// The line through consecutive points that have a value, broken where one has none, with a
/// marker on every point (only the ends of each run when markers would touch).
fn draw_line(root: &Area<'_>, layout: &Layout, line: &Line) -> Result<(), ChartError> {
    let r = marker_r(line);
    let band = (layout.right - layout.left) / layout.points as f64;
    let crowded = band < 3.0 * r;
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    for (i, value) in line.values.iter().enumerate() {
        match value {
            Some(v) => run.push((layout.x_of(i), layout.y_of(*v))),
            None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    for run in &runs {
        if run.len() >= 2 {
            let pixels: Vec<(i32, i32)> =
                run.iter().map(|&(x, y)| (i32_of(x), i32_of(y))).collect();
            root.draw(&PathElement::new(
                pixels,
                line.colour.stroke_width(line.stroke),
            ))?;
        }
    }
    for run in &runs {
        let last = run.len() - 1;
        for (k, &p) in run.iter().enumerate() {
            if !crowded || k == 0 || k == last {
                line.marker.draw_with_halo(root, p, r, line.colour)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        areas, areas_zh, assert_no_english, assert_well_formed, fill_of, lines_of, num, texts,
        InLanguage,
    };
    use super::super::trend::PALETTE;
    use super::*;
    use crate::domain::snapshot::progress::{AreaScore, Moment, NOW_LABEL};
    use crate::i18n::Lang;
    use chrono::TimeZone;
    use uuid::Uuid;

    /// A point with the 16 areas scored `scores[k]` for area k (missing ones unscored).
    fn point(
        k: u128,
        taken: Option<(i32, u32, u32)>,
        index: Option<f64>,
        scores: &[Option<f64>],
    ) -> SeriesPoint {
        SeriesPoint {
            moment: match taken {
                Some(_) => Moment::Snapshot(Uuid::from_u128(k)),
                None => Moment::Now,
            },
            name: match taken {
                Some(_) => format!("Snapshot {k}"),
                None => NOW_LABEL.to_string(),
            },
            taken_at: taken.map(|(y, m, d)| Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()),
            index,
            areas: areas()
                .into_iter()
                .enumerate()
                .map(|(i, name)| AreaScore {
                    area_id: format!("area-{i}"),
                    name,
                    score: scores.get(i).copied().flatten(),
                })
                .collect(),
        }
    }

    fn example() -> Vec<SeriesPoint> {
        vec![
            point(
                1,
                Some((2026, 2, 15)),
                Some(1.2),
                &[Some(1.0), Some(0.5), None],
            ),
            point(
                2,
                Some((2026, 5, 20)),
                Some(1.8),
                &[Some(2.0), Some(1.5), Some(1.0)],
            ),
            point(
                3,
                Some((2026, 8, 30)),
                Some(2.1),
                &[Some(2.5), None, Some(2.0)],
            ),
            point(0, None, Some(2.6), &[Some(3.5), Some(2.0), Some(3.0)]),
        ]
    }

    /// The opening tag of the `<text>` element whose content is `content` (plotters writes the
    /// tag, the content and the closing tag on separate lines).
    fn text_tag<'a>(svg: &'a str, content: &str) -> &'a str {
        svg.lines()
            .zip(svg.lines().skip(1))
            .find(|(tag, text)| tag.starts_with("<text") && text.trim() == content)
            .map(|(tag, _)| tag)
            .unwrap_or_else(|| panic!("no text {content}"))
    }

    fn ticked(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn draws_the_index_bold_and_one_line_per_ticked_area() {
        let svg = render(
            &example(),
            &ticked(&[INDEX_KEY, "area-0", "area-2"]),
            640,
            320,
        )
        .unwrap();
        assert_well_formed(&svg);
        assert!(svg.starts_with("<svg width=\"640\" height=\"320\""));
        let texts = texts(&svg);
        for label in [index_label(), "Business goals", "Technology strategy"] {
            assert!(texts.contains(&label.to_string()), "{label} in {texts:?}");
        }
        assert!(
            !texts.contains(&"Current state".to_string()),
            "area-1 not ticked"
        );
        for label in ["15 Feb 2026", "20 May 2026", "30 Aug 2026", "Now", "0", "4"] {
            assert!(texts.contains(&label.to_string()), "{label} in {texts:?}");
        }
        // The index legend name is bold.
        assert!(text_tag(&svg, index_label()).contains("font-weight=\"bold\""));
        assert!(!text_tag(&svg, "Business goals").contains("bold"));
        // The index: one 4-pixel line through all four points (plus the legend swatch), evenly
        // spaced, rising from 1.2 to 2.6.
        let index = lines_of(&svg, INK, INDEX_STROKE);
        let line = index.iter().find(|l| l.len() == 4).expect("index line");
        let gaps: Vec<i32> = line.windows(2).map(|w| w[1].0 - w[0].0).collect();
        assert!(
            gaps.iter().all(|g| (g - gaps[0]).abs() <= 1),
            "even spacing {gaps:?}"
        );
        assert!(line[3].1 < line[0].1, "2.6 is higher than 1.2");
        // Area 0 in the first series colour through four points.
        let first = lines_of(&svg, PALETTE[0], 2);
        assert!(first.iter().any(|l| l.len() == 4), "{first:?}");
        // Area 2 keeps its own colour (the third) and starts unscored: a line through three
        // points only.
        assert!(
            lines_of(&svg, PALETTE[1], 2).is_empty(),
            "area-1 is not ticked"
        );
        let second = lines_of(&svg, PALETTE[2], 2);
        assert!(second.iter().any(|l| l.len() == 3), "{second:?}");
        assert!(!second.iter().any(|l| l.len() == 4));
    }

    #[test]
    fn levels_map_onto_the_scale() {
        let points = vec![
            point(1, Some((2026, 1, 10)), Some(0.0), &[]),
            point(0, None, Some(4.0), &[]),
        ];
        let svg = render(&points, &ticked(&[INDEX_KEY]), 640, 320).unwrap();
        // The legend swatch is level; the data line climbs.
        let line = lines_of(&svg, INK, INDEX_STROKE)
            .into_iter()
            .find(|l| l[0].1 != l[1].1)
            .expect("index line");
        let y_of_level = |level: &str| num(text_tag(&svg, level), "y");
        // Level 0 and level 4 sit on their grid labels (within the text's baseline offset).
        assert!((line[0].1 - y_of_level("0")).abs() <= 8, "{line:?}");
        assert!((line[1].1 - y_of_level("4")).abs() <= 8, "{line:?}");
        assert!(line[0].1 > line[1].1 + 100, "{line:?}");
    }

    #[test]
    fn a_gap_breaks_the_line_and_a_lone_point_is_a_marker() {
        let points = vec![
            point(1, Some((2026, 1, 10)), Some(1.0), &[Some(1.0)]),
            point(2, Some((2026, 4, 10)), Some(1.0), &[None]),
            point(3, Some((2026, 7, 10)), Some(1.0), &[Some(2.0)]),
            point(0, None, Some(1.0), &[Some(3.0)]),
        ];
        let svg = render(&points, &ticked(&["area-0"]), 640, 320).unwrap();
        assert_well_formed(&svg);
        let runs: Vec<usize> = lines_of(&svg, PALETTE[0], 2).iter().map(Vec::len).collect();
        // Legend swatch (2 points) and the run after the gap (2 points); the first point alone
        // has no line.
        assert_eq!(runs, [2, 2]);
        // Markers: legend + 3 scored points, each circle on a white halo.
        let circles = svg
            .lines()
            .filter(|l| l.starts_with("<circle") && l.contains(&fill_of(PALETTE[0])))
            .count();
        assert_eq!(circles, 4);
    }

    #[test]
    fn a_single_point_now_is_drawn() {
        let svg = render(
            &[point(0, None, Some(2.0), &[Some(2.0)])],
            &ticked(&[INDEX_KEY]),
            640,
            320,
        )
        .unwrap();
        assert_well_formed(&svg);
        assert!(texts(&svg).contains(&"Now".to_string()));
        let circles = svg
            .lines()
            .filter(|l| l.starts_with("<circle") && l.contains(&fill_of(INK)))
            .count();
        assert_eq!(circles, 2, "legend and the point");
    }

    #[test]
    fn nothing_ticked_or_no_scores_shows_a_message() {
        let svg = render(&example(), &[], 640, 320).unwrap();
        assert_well_formed(&svg);
        assert_eq!(texts(&svg), [nothing_selected()]);
        let empty = vec![point(0, None, None, &[])];
        let svg = render(&empty, &ticked(&[INDEX_KEY, "area-3"]), 640, 320).unwrap();
        assert_eq!(texts(&svg), [no_scores()]);
        // An id that is not an area draws nothing.
        let svg = render(&example(), &ticked(&["no-such-area"]), 640, 320).unwrap();
        assert_eq!(texts(&svg), [no_scores()]);
        // No points at all.
        let svg = render(&[], &ticked(&[INDEX_KEY]), 640, 320).unwrap();
        assert_eq!(texts(&svg), [no_scores()]);
    }

    #[test]
    fn chinese_legend_dates_and_messages() {
        let _zh = InLanguage::new(Lang::Zh);
        let mut points = example();
        for p in &mut points {
            for (area, name) in p.areas.iter_mut().zip(areas_zh()) {
                area.name = name;
            }
        }
        let svg = render(&points, &ticked(&[INDEX_KEY, "area-0", "area-2"]), 640, 320).unwrap();
        assert_well_formed(&svg);
        let written = texts(&svg);
        for label in [
            "成熟度指数",
            "业务目标",
            "技术战略",
            "2026年2月15日",
            "2026年5月20日",
            "2026年8月30日",
            "当前",
        ] {
            assert!(
                written.contains(&label.to_string()),
                "{label} in {written:?}"
            );
        }
        assert!(text_tag(&svg, "成熟度指数").contains("font-weight=\"bold\""));
        assert_no_english(&written);

        let svg = render(&points, &[], 640, 320).unwrap();
        assert_eq!(texts(&svg), ["勾选成熟度指数或某个领域，即可画出它的曲线"]);
        let svg = render(&points, &ticked(&["no-such-area"]), 640, 320).unwrap();
        assert_eq!(texts(&svg), ["勾选的内容还没有得分"]);

        // More snapshots than drawn: the note is in Chinese too, and dates never overlap.
        let mut many: Vec<SeriesPoint> = (0..70u32)
            .map(|i| {
                point(
                    u128::from(i) + 1,
                    Some((2020 + (i / 12) as i32, 1 + i % 12, 28)),
                    Some(f64::from(i % 5)),
                    &[],
                )
            })
            .collect();
        many.push(point(0, None, Some(2.0), &[]));
        let svg = render(&many, &ticked(&[INDEX_KEY]), 640, 320).unwrap();
        let written = texts(&svg);
        assert!(
            written.contains(&"显示最近 60 个快照（共 71 个）".to_string()),
            "{written:?}"
        );
        assert_no_english(&written);
        let xs: Vec<i32> = svg
            .lines()
            .zip(svg.lines().skip(1))
            .filter(|(_, text)| text.trim().ends_with('日') || text.trim() == "当前")
            .map(|(tag, _)| num(tag, "x"))
            .collect();
        let widest = approx_text_width("2026年12月28日", TICK_PX);
        assert!(xs.len() >= 2);
        assert!(
            xs.windows(2).all(|w| f64::from(w[1] - w[0]) >= widest),
            "{xs:?}"
        );
    }

    #[test]
    fn labels_thin_out_when_crowded_and_now_is_always_labelled() {
        let mut points: Vec<SeriesPoint> = (0..30u32)
            .map(|i| {
                point(
                    u128::from(i) + 1,
                    Some((2024, 1 + i % 12, 1 + i)),
                    Some(f64::from(i % 5)),
                    &[],
                )
            })
            .collect();
        points.push(point(0, None, Some(2.0), &[]));
        let svg = render(&points, &ticked(&[INDEX_KEY]), 640, 320).unwrap();
        assert_well_formed(&svg);
        let texts = texts(&svg);
        assert!(texts.contains(&"Now".to_string()));
        let dates = texts.iter().filter(|t| t.contains(" 2024")).count();
        assert!((1..30).contains(&dates), "{dates} date labels");
        // Label x positions are at least a label's width apart.
        let xs: Vec<i32> = svg
            .lines()
            .zip(svg.lines().skip(1))
            .filter(|(_, text)| text.trim().ends_with(" 2024") || text.trim() == "Now")
            .map(|(tag, _)| num(tag, "x"))
            .collect();
        assert_eq!(xs.len(), dates + 1);
        assert!(xs.windows(2).all(|w| w[1] - w[0] >= 60), "{xs:?}");
    }

    #[test]
    fn wild_values_are_clamped_text_escaped_and_output_bounded() {
        let mut points = example();
        points[0].index = Some(f64::NAN);
        points[1].index = Some(-3.0);
        points[2].index = Some(f64::INFINITY);
        points[0].areas[0].name = "<script>alert(1)</script> & co".into();
        points[3].areas[0].name = "<script>alert(1)</script> & co".into();
        let svg = render(&points, &ticked(&[INDEX_KEY, "area-0"]), 640, 320).unwrap();
        assert_well_formed(&svg);
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
        for line in lines_of(&svg, INK, INDEX_STROKE) {
            for (x, y) in line {
                assert!(
                    (0..=640).contains(&x) && (0..=320).contains(&y),
                    "({x},{y})"
                );
            }
        }
        // Sizes are clamped.
        assert!(render(&points, &ticked(&[INDEX_KEY]), 0, 0)
            .unwrap()
            .starts_with("<svg width=\"320\" height=\"200\""));
        assert!(render(&points, &ticked(&[INDEX_KEY]), u32::MAX, u32::MAX)
            .unwrap()
            .starts_with("<svg width=\"2400\" height=\"1600\""));
        // Many snapshots: the latest 60 are drawn, with a note, and the output stays small.
        let many: Vec<SeriesPoint> = (0..500u32)
            .map(|i| {
                point(
                    u128::from(i) + 1,
                    Some((2000 + (i / 12) as i32, 1 + i % 12, 1)),
                    Some(2.0),
                    &[Some(1.0); 16],
                )
            })
            .collect();
        let all: Vec<String> = (0..16)
            .map(|i| format!("area-{i}"))
            .chain([INDEX_KEY.to_string()])
            .collect();
        let svg = render(&many, &all, 640, 320).unwrap();
        assert_well_formed(&svg);
        assert!(svg.len() < 256 * 1024, "{}", svg.len());
        assert!(texts(&svg).contains(&"Showing the latest 60 of 500 snapshots".to_string()));
    }

    /// Writes the example to the temp dir for looking at:
    /// `cargo test --lib charts::progress -- --ignored`, then `rsvg-convert`.
    #[test]
    #[ignore = "writes a preview file"]
    fn preview() {
        let path = std::env::temp_dir().join("progress.svg");
        let svg = render(
            &example(),
            &ticked(&[INDEX_KEY, "area-0", "area-1", "area-2"]),
            640,
            320,
        )
        .unwrap();
        std::fs::write(&path, svg).unwrap();
    }
}
