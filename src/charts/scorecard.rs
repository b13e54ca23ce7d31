//! The scorecard chart: every candidate's score on every criterion, as grouped horizontal bars.
//!
//! Owns the layout and styling of that chart only. One group per criterion (its name on the
//! left), one thin bar per candidate inside it, all on a common 0-5 scale. Candidates are told
//! apart by colour and by the marker shape at the end of their bars; the winner is drawn darker
//! and starred in the legend, a candidate that fails a must-have has hatched bars and a note in
//! the legend, and a missing score is a hollow marker with "–", never a zero-length bar.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::trend::{legend_label, series_style, Legend, Marker};
use super::{
    approx_text_width, draw_lines, draw_notes, i32_of, label_lines, message_svg, shown_note,
    text_style, word, wrap_label, Area, ChartError, GRID, GRID_STRONG, INK, MUTED, NOTE_LINE_H,
};

/// Shown instead of a chart when there are no criteria, no candidates or no scores, in the
/// chart language.
pub fn empty_message() -> &'static str {
    word("charts.scorecard_empty")
}

/// The legend entry of a candidate that fails a must-have criterion, in the chart language:
/// "Acme (fails a must-have)".
pub fn failing_label(name: &str) -> String {
    crate::i18n::fill(word("charts.scorecard_fails"), &[("name", name)])
}
/// Put before the legend entry of the winner.
pub const WINNER_MARK: &str = "★";
/// Written beside the hollow marker of a missing score.
pub const MISSING_MARK: &str = "–";

/// One candidate: a score per criterion and how it came out.
#[derive(Debug, Clone, PartialEq)]
pub struct CandidateSeries {
    /// Shown in the legend.
    pub name: String,
    /// One score per criterion, in criterion order, 0-5 (`None` = not scored). Missing
    /// trailing scores count as `None`, extra ones are ignored.
    pub scores: Vec<Option<f64>>,
    /// The winner: drawn darker, starred and in bold in the legend.
    pub highlight: bool,
    /// Fails at least one must-have: hatched bars and a note in the legend.
    pub failed_gate: bool,
}

/// The top of the score scale.
const SCALE_MAX: f64 = 5.0;
const MIN_WIDTH: u32 = 320;
const MAX_WIDTH: u32 = 2400;
const MIN_ROW: u32 = 8;
const MAX_ROW: u32 = 40;
/// Candidates and criteria drawn at most; the rest are left out with a note.
const MAX_CANDIDATES: usize = 10;
const MAX_CRITERIA: usize = 40;
/// Height of the empty-state SVG.
const EMPTY_HEIGHT: u32 = 120;

const LABEL_PX: f64 = 12.0;
const VALUE_PX: f64 = 11.0;
const TICK_PX: f64 = 11.0;
const LINE_H: f64 = 14.0;
const MARGIN: f64 = 8.0;
/// Space above and below the bars inside a criterion's band.
const GROUP_PAD: f64 = 6.0;
/// Height of the rows of scale numbers above and below the bars.
const SCALE_H: f64 = 18.0;
const LABEL_GAP: f64 = 14.0;
/// The label column never takes more than this share of the width.
const LABEL_SHARE: f64 = 0.36;
/// Room right of the scale for the marker and value of a full-scale bar.
const VALUE_ROOM: f64 = 34.0;
/// Legend swatch: a piece of bar with the candidate's marker at its end.
const SWATCH_W: f64 = 28.0;
/// Background of every other criterion band.
const BAND: RGBColor = RGBColor(0xF8, 0xFA, 0xFC);

/// Draws the scorecard as an SVG document `width` pixels wide.
///
/// `row_height` is the height of one candidate's bar row (clamped to 8..=40; 16 suits most
/// screens); a criterion's band holds one row per candidate (at least two lines of label) plus
/// 12 pixels, so the height follows from the data: legend, scales and bands. Scores are clamped
/// to 0-5; NaN counts as missing. Criterion names wrap onto up to three lines and are shortened
/// with "…" beyond that; legend names are cut at 32 characters. The first 10 candidates and 40
/// criteria are drawn, with a note when more were given. The width is clamped to
/// 320..=2400 pixels. With no criteria, no candidates or no score at all the SVG holds only the
/// message [`empty_message`]. Words are in the chart language (`charts::set_language`).
///
/// ```
/// use cto_workbench::charts::scorecard::{render, CandidateSeries};
/// let criteria = vec!["Cost".to_string(), "Security".to_string()];
/// let acme = CandidateSeries {
///     name: "Acme".into(),
///     scores: vec![Some(4.0), None],
///     highlight: true,
///     failed_gate: false,
/// };
/// let svg = render(&criteria, &[acme], 640, 16).unwrap();
/// assert!(svg.starts_with("<svg") && svg.contains("★ Acme"));
/// ```
pub fn render(
    criteria: &[String],
    candidates: &[CandidateSeries],
    width: u32,
    row_height: u32,
) -> Result<String, ChartError> {
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let row_h = f64::from(row_height.clamp(MIN_ROW, MAX_ROW));
    let criteria_shown = &criteria[..criteria.len().min(MAX_CRITERIA)];
    let shown = &candidates[..candidates.len().min(MAX_CANDIDATES)];
    let scores: Vec<Vec<Option<f64>>> = shown
        .iter()
        .map(|c| {
            (0..criteria_shown.len())
                .map(|i| clamp_score(c.scores.get(i).copied().flatten()))
                .collect()
        })
        .collect();
    if scores.iter().flatten().all(Option::is_none) {
        return message_svg(width, EMPTY_HEIGHT, empty_message());
    }

    let mut notes = Vec::new();
    if candidates.len() > MAX_CANDIDATES {
        notes.push(shown_note(
            "charts.scorecard_candidates_note",
            MAX_CANDIDATES,
            candidates.len(),
        ));
    }
    if criteria.len() > MAX_CRITERIA {
        notes.push(shown_note(
            "charts.scorecard_criteria_note",
            MAX_CRITERIA,
            criteria.len(),
        ));
    }
    let labels: Vec<String> = shown.iter().map(candidate_label).collect();
    let legend = Legend::layout(&labels, SWATCH_W, f64::from(width) - 2.0 * MARGIN);
    let layout = Layout::new(
        criteria_shown,
        shown.len(),
        f64::from(width),
        row_h,
        legend.height,
    );
    let height = layout.bottom + SCALE_H + notes.len() as f64 * NOTE_LINE_H + MARGIN;
    let height = i32_of(height.ceil()).max(1) as u32;
    let looks = Look::all(shown);

    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        legend.draw_styled(
            &root,
            &labels,
            MARGIN,
            MARGIN,
            |index| shown[index].highlight,
            |root, index, x, y| {
                let look = &looks[index];
                let half = (layout.thickness / 2.0).min(5.0);
                draw_bar(root, look, x, x + SWATCH_W - 8.0, y - half, y + half)?;
                look.marker.draw_with_halo(
                    root,
                    (x + SWATCH_W - 8.0, y),
                    layout.marker_r().min(5.0),
                    look.colour,
                )
            },
        )?;
        draw_bands_and_scale(&root, &layout)?;
        for (i, criterion) in criteria_shown.iter().enumerate() {
            draw_label(&root, &layout, i, criterion)?;
            for (j, look) in looks.iter().enumerate() {
                draw_score(&root, &layout, i, j, look, scores[j][i])?;
            }
        }
        draw_notes(&root, &notes, MARGIN, f64::from(height) - MARGIN)?;
        root.present()?;
    }
    Ok(buf)
}

/// NaN is missing; everything else is clamped onto the scale.
fn clamp_score(score: Option<f64>) -> Option<f64> {
    score
        .filter(|v| !v.is_nan())
        .map(|v| v.clamp(0.0, SCALE_MAX))
}

/// A legend entry: "★ " before the winner, the note after a gate failure.
fn candidate_label(candidate: &CandidateSeries) -> String {
    let mut label = legend_label(&candidate.name);
    if candidate.highlight {
        label = format!("{WINNER_MARK} {label}");
    }
    if candidate.failed_gate {
        label = failing_label(&label);
    }
    label
}

/// The caption over the score scale, "Score (0–5)".
fn scale_caption() -> &'static str {
    word("charts.scorecard_scale")
}

/// A score as written after its bar: "4", "3.5".
fn score_text(score: f64) -> String {
    if (score - score.round()).abs() < 0.05 {
        format!("{}", score.round() as i64)
    } else {
        format!("{score:.1}")
    }
}

/// Mixes `colour` with white (`share` > 0) or black (`share` < 0).
fn shade(colour: RGBColor, share: f64) -> RGBColor {
    let share = share.clamp(-1.0, 1.0);
    let mix = |c: u8| {
        let c = f64::from(c);
        let v = if share >= 0.0 {
            c + (255.0 - c) * share
        } else {
            c * (1.0 + share)
        };
        v.round().clamp(0.0, 255.0) as u8
    };
    RGBColor(mix(colour.0), mix(colour.1), mix(colour.2))
}

/// How one candidate's bars are drawn.
struct Look {
    colour: RGBColor,
    /// The bar fill.
    fill: RGBColor,
    /// An outline around the bar (winner and gate failures).
    outline: Option<RGBColor>,
    hatched: bool,
    marker: Marker,
}

impl Look {
    /// The looks of all candidates, in order.
    fn all(candidates: &[CandidateSeries]) -> Vec<Look> {
        let anyone_highlighted = candidates.iter().any(|c| c.highlight);
        candidates
            .iter()
            .enumerate()
            .map(|(index, c)| Look::of(index, c, anyone_highlighted))
            .collect()
    }

    fn of(index: usize, candidate: &CandidateSeries, anyone_highlighted: bool) -> Self {
        let (colour, marker) = series_style(index);
        let (colour, fill, outline, hatched) = if candidate.failed_gate {
            let colour = if candidate.highlight {
                shade(colour, -0.3)
            } else {
                colour
            };
            (colour, shade(colour, 0.85), Some(colour), true)
        } else if candidate.highlight {
            let dark = shade(colour, -0.3);
            (dark, dark, Some(shade(colour, -0.55)), false)
        } else if anyone_highlighted {
            (colour, shade(colour, 0.3), None, false)
        } else {
            (colour, colour, None, false)
        };
        Look {
            colour,
            fill,
            outline,
            hatched,
            marker,
        }
    }
}

/// Where the columns and bands go.
struct Layout {
    thickness: f64,
    row_h: f64,
    /// Bars per band.
    candidates: usize,
    group_h: f64,
    /// Right edge of the label column (labels are right-aligned to it).
    label_right: f64,
    label_chars: usize,
    label_lines: usize,
    /// Left edge of the bars and pixels per point.
    bar_left: f64,
    per_point: f64,
    /// Top of the first band and bottom of the last.
    top: f64,
    bottom: f64,
    left: f64,
    right: f64,
}

impl Layout {
    fn new(criteria: &[String], candidates: usize, width: f64, row_h: f64, legend_h: f64) -> Self {
        let inner = (candidates as f64 * row_h).max(2.0 * LINE_H);
        let group_h = inner + 2.0 * GROUP_PAD;
        let label_lines = (((group_h - 4.0) / LINE_H).floor() as usize).clamp(1, 3);
        let max_label_w = (width - 2.0 * MARGIN) * LABEL_SHARE;
        let label_chars = ((max_label_w / (0.62 * LABEL_PX)) as usize).max(6);
        let widest_label = criteria
            .iter()
            .flat_map(|c| wrap_label(c, label_chars, label_lines))
            .map(|l| approx_text_width(&l, LABEL_PX))
            .fold(0.0, f64::max)
            .min(max_label_w);
        let label_right = MARGIN + widest_label.max(approx_text_width(scale_caption(), TICK_PX));
        let bar_left = label_right + LABEL_GAP;
        let bar_right = (width - MARGIN - VALUE_ROOM).max(bar_left + 60.0);
        let top = MARGIN + legend_h + 6.0 + SCALE_H;
        Layout {
            thickness: (row_h * 0.6).round().clamp(4.0, 24.0),
            row_h,
            candidates,
            group_h,
            label_right,
            label_chars,
            label_lines,
            bar_left,
            per_point: (bar_right - bar_left) / SCALE_MAX,
            top,
            bottom: top + criteria.len() as f64 * group_h,
            left: MARGIN,
            right: width - MARGIN,
        }
    }

    fn x_of(&self, score: f64) -> f64 {
        self.bar_left + score * self.per_point
    }

    fn group_top(&self, i: usize) -> f64 {
        self.top + i as f64 * self.group_h
    }

    /// The centre line of candidate `j`'s bar in group `i`; the bars sit in the middle of the
    /// band when the label needs more room than they do.
    fn bar_centre(&self, i: usize, j: usize) -> f64 {
        let bars = self.candidates as f64 * self.row_h;
        let inner = self.group_h - 2.0 * GROUP_PAD;
        self.group_top(i) + GROUP_PAD + (inner - bars) / 2.0 + (j as f64 + 0.5) * self.row_h
    }

    fn marker_r(&self) -> f64 {
        (self.thickness / 2.0 + 0.5).clamp(3.0, 7.0)
    }
}

/// Alternate band backgrounds, a faint line at every point and the scale above and below.
fn draw_bands_and_scale(root: &Area<'_>, layout: &Layout) -> Result<(), ChartError> {
    let bands = ((layout.bottom - layout.top) / layout.group_h).round() as usize;
    for i in (1..bands).step_by(2) {
        let top = layout.group_top(i);
        root.draw(&Rectangle::new(
            [
                (i32_of(layout.left), i32_of(top)),
                (i32_of(layout.right), i32_of(top + layout.group_h)),
            ],
            BAND.filled(),
        ))?;
    }
    let above = text_style(TICK_PX, MUTED, HPos::Center, VPos::Bottom);
    let below = text_style(TICK_PX, MUTED, HPos::Center, VPos::Top);
    for k in 0..=SCALE_MAX as usize {
        let x = i32_of(layout.x_of(k as f64));
        let colour = if k == 0 { GRID_STRONG } else { GRID };
        root.draw(&PathElement::new(
            vec![(x, i32_of(layout.top)), (x, i32_of(layout.bottom))],
            colour.stroke_width(1),
        ))?;
        root.draw(&Text::new(
            k.to_string(),
            (x, i32_of(layout.top - 4.0)),
            above.clone(),
        ))?;
        root.draw(&Text::new(
            k.to_string(),
            (x, i32_of(layout.bottom + 4.0)),
            below.clone(),
        ))?;
    }
    let caption = text_style(TICK_PX, MUTED, HPos::Right, VPos::Bottom);
    root.draw(&Text::new(
        scale_caption(),
        (i32_of(layout.label_right), i32_of(layout.top - 4.0)),
        caption,
    ))?;
    Ok(())
}

/// The criterion's name, right-aligned left of its band and centred on it.
fn draw_label(
    root: &Area<'_>,
    layout: &Layout,
    i: usize,
    criterion: &str,
) -> Result<(), ChartError> {
    let lines = label_lines(criterion, layout.label_chars, layout.label_lines);
    let style = text_style(LABEL_PX, INK, HPos::Right, VPos::Center);
    let centre = layout.group_top(i) + layout.group_h / 2.0;
    draw_lines(root, lines, (layout.label_right, centre), LINE_H, &style)
}

/// One candidate's bar in one criterion's band: bar, end marker and value, or a hollow
/// marker and "–" when the score is missing.
fn draw_score(
    root: &Area<'_>,
    layout: &Layout,
    i: usize,
    j: usize,
    look: &Look,
    score: Option<f64>,
) -> Result<(), ChartError> {
    let y = layout.bar_centre(i, j);
    let r = layout.marker_r();
    let value = text_style(VALUE_PX, MUTED, HPos::Left, VPos::Center);
    let x0 = layout.x_of(0.0);
    match score {
        Some(score) => {
            let end = layout.x_of(score);
            let half = layout.thickness / 2.0;
            if end - x0 >= 1.0 {
                draw_bar(root, look, x0, end, y - half, y + half)?;
            }
            look.marker.draw_with_halo(root, (end, y), r, look.colour)?;
            root.draw(&Text::new(
                score_text(score),
                (i32_of(end + r + 4.0), i32_of(y)),
                value,
            ))?;
        }
        None => {
            look.marker
                .draw_hollow(root, (x0 + r, y), r - 0.5, look.colour)?;
            root.draw(&Text::new(
                MISSING_MARK,
                (i32_of(x0 + 2.0 * r + 5.0), i32_of(y)),
                value,
            ))?;
        }
    }
    Ok(())
}

/// A bar from `x0` to `x1` between `top` and `bottom` in a candidate's look.
fn draw_bar(
    root: &Area<'_>,
    look: &Look,
    x0: f64,
    x1: f64,
    top: f64,
    bottom: f64,
) -> Result<(), ChartError> {
    let rect = [(i32_of(x0), i32_of(top)), (i32_of(x1), i32_of(bottom))];
    root.draw(&Rectangle::new(rect, look.fill.filled()))?;
    if look.hatched {
        let stripes = hatch(rect[0].0, rect[1].0, rect[0].1, rect[1].1);
        if stripes.len() >= 2 {
            root.draw(&PathElement::new(stripes, look.colour.stroke_width(1)))?;
        }
    }
    if let Some(outline) = look.outline {
        root.draw(&Rectangle::new(rect, outline.stroke_width(1)))?;
    }
    Ok(())
}

/// Diagonal hatching of the rectangle as a single polyline: stripes at 45 degrees, joined
/// along the rectangle's edges (which the outline covers). At most about 100 stripes, so a
/// long bar stays small.
fn hatch(x0: i32, x1: i32, top: i32, bottom: i32) -> Vec<(i32, i32)> {
    let h = bottom - top;
    let w = x1 - x0;
    if h <= 0 || w <= 0 {
        return Vec::new();
    }
    let spacing = (w / 100).max(4);
    let mut points = Vec::new();
    let mut up = true;
    let mut t = x0 - h;
    while t < x1 {
        // The stripe from (t, bottom) to (t + h, top), cut to the rectangle.
        let low = if t < x0 {
            (x0, bottom - (x0 - t))
        } else {
            (t, bottom)
        };
        let high = if t + h > x1 {
            (x1, top + (t + h - x1))
        } else {
            (t + h, top)
        };
        if high.0 > low.0 {
            if up {
                points.extend([low, high]);
            } else {
                points.extend([high, low]);
            }
            up = !up;
        }
        t += spacing;
    }
    points
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        assert_no_english, assert_well_formed, lines_of, rects_with, texts, InLanguage,
    };
    use super::*;
    use crate::i18n::Lang;

    fn candidate(name: &str, scores: &[Option<f64>]) -> CandidateSeries {
        CandidateSeries {
            name: name.into(),
            scores: scores.to_vec(),
            highlight: false,
            failed_gate: false,
        }
    }

    fn criteria(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    fn example() -> (Vec<String>, Vec<CandidateSeries>) {
        let names = criteria(&[
            "Total cost of ownership over three years",
            "Security and compliance (SOC 2, ISO 27001)",
            "Fit with the current stack",
            "Team experience",
            "Vendor stability",
            "Time to first release",
        ]);
        let mut winner = candidate(
            "Northwind",
            &[
                Some(4.0),
                Some(5.0),
                Some(4.0),
                Some(3.0),
                Some(4.0),
                Some(3.5),
            ],
        );
        winner.highlight = true;
        let runner = candidate(
            "Contoso Cloud",
            &[Some(3.0), Some(4.0), Some(5.0), Some(4.0), None, Some(4.0)],
        );
        let mut failing = candidate(
            "Fabrikam",
            &[
                Some(5.0),
                Some(1.0),
                Some(3.0),
                Some(2.0),
                Some(3.0),
                Some(5.0),
            ],
        );
        failing.failed_gate = true;
        let unscored = candidate("Adatum", &[Some(2.0), None, None, Some(0.0), Some(2.5)]);
        (names, vec![winner, runner, failing, unscored])
    }

    #[test]
    fn draws_every_criterion_and_candidate() {
        let (names, candidates) = example();
        let svg = render(&names, &candidates, 640, 16).unwrap();
        assert_well_formed(&svg);
        assert!(svg.starts_with("<svg width=\"640\""));
        let texts = texts(&svg);
        for name in &names {
            let whole = texts.contains(name);
            let wrapped = texts
                .windows(2)
                .any(|w| format!("{} {}", w[0], w[1]) == *name);
            assert!(whole || wrapped, "{name} in {texts:?}");
        }
        assert!(texts.contains(&"★ Northwind".to_string()), "{texts:?}");
        assert!(texts.contains(&"Contoso Cloud".to_string()));
        assert!(texts.contains(&"Fabrikam (fails a must-have)".to_string()));
        assert!(texts.contains(&"Adatum".to_string()));
        for k in ["0", "1", "2", "3", "4", "5"] {
            assert!(texts.contains(&k.to_string()), "scale {k}");
        }
        assert!(texts.contains(&"3.5".to_string()) && texts.contains(&"2.5".to_string()));
        // The winner is in bold.
        assert!(svg.contains("font-weight=\"bold\""));
    }

    #[test]
    fn chinese_legend_caption_and_notes() {
        let _zh = InLanguage::new(Lang::Zh);
        let names = criteria(&[
            "三年总拥有成本",
            "安全与合规（等保三级以及本地的数据保护要求也都要满足）",
            "与现有技术栈的契合度",
        ]);
        let mut winner = candidate("甲方案", &[Some(4.0), Some(5.0), Some(3.5)]);
        winner.highlight = true;
        let mut failing = candidate("乙方案", &[Some(5.0), Some(1.0), None]);
        failing.failed_gate = true;
        let svg = render(&names, &[winner, failing], 640, 16).unwrap();
        assert_well_formed(&svg);
        let written = texts(&svg);
        for t in [
            "★ 甲方案",
            "乙方案（未满足必备条件）",
            "得分（0–5）",
            "三年总拥有成本",
        ] {
            assert!(written.contains(&t.to_string()), "{t} in {written:?}");
        }
        // The long criterion is broken between characters, never past its column.
        let layout = Layout::new(&names, 2, 640.0, 16.0, 20.0);
        for line in wrap_label(&names[1], layout.label_chars, layout.label_lines) {
            assert!(written.contains(&line), "{line} in {written:?}");
            assert!(approx_text_width(&line, LABEL_PX) <= (640.0 - 2.0 * MARGIN) * LABEL_SHARE);
        }
        assert_no_english(&written);

        let crowd: Vec<CandidateSeries> = (0..12)
            .map(|j| candidate(&format!("方案{j}"), &[Some(3.0); 45]))
            .collect();
        let many: Vec<String> = (0..45).map(|i| format!("标准{i}")).collect();
        let written = texts(&render(&many, &crowd, 640, 16).unwrap());
        assert!(
            written.contains(&"显示前 10 个候选方案（共 12 个）".to_string()),
            "{written:?}"
        );
        assert!(written.contains(&"显示前 40 项标准（共 45 项）".to_string()));
        assert_no_english(&written);
        let svg = render(&[], &[], 640, 16).unwrap();
        assert_eq!(
            texts(&svg),
            vec!["添加候选方案并打分后即可比较".to_string()]
        );
    }

    #[test]
    fn bars_are_proportional_and_styled_per_candidate() {
        let (names, candidates) = example();
        let svg = render(&names, &candidates, 640, 16).unwrap();
        let looks = Look::all(&candidates);
        // The winner: darker than its palette colour, outlined; 4, 5, 4, 3, 4, 3.5 plus the
        // legend swatch.
        let (palette, _) = series_style(0);
        assert_ne!(looks[0].fill, palette);
        let winner = rects_with(&svg, looks[0].fill, "x", "width");
        assert_eq!(winner.len(), 7, "{winner:?}");
        let bars = &winner[1..];
        assert!(
            (bars[1].1 * 4 - bars[0].1 * 5).abs() <= 5,
            "5 vs 4: {bars:?}"
        );
        assert!(
            (bars[3].1 * 4 - bars[0].1 * 3).abs() <= 5,
            "3 vs 4: {bars:?}"
        );
        // The others are lighter when there is a winner.
        assert_ne!(looks[1].fill, series_style(1).0);
        // The gate failure is hatched: one polyline per bar and the swatch.
        let (failing, _) = series_style(2);
        assert_eq!(lines_of(&svg, failing, 1).len(), 7);
    }

    #[test]
    fn missing_scores_are_hollow_markers_not_zero_bars() {
        let (names, candidates) = example();
        let svg = render(&names, &candidates, 640, 16).unwrap();
        let texts = texts(&svg);
        // Contoso misses one score; Adatum misses two plus the sixth (not given).
        let dashes = texts.iter().filter(|t| t.as_str() == MISSING_MARK).count();
        assert_eq!(dashes, 4, "{texts:?}");
        // Adatum's marker is a diamond: hollow ones are a white polygon outlined in its colour.
        let (colour, marker) = series_style(3);
        assert_eq!(marker, Marker::Diamond);
        assert_eq!(lines_of(&svg, colour, 2).len(), 3);
        // Contoso's hollow marker is a square.
        let (colour, _) = series_style(1);
        assert_eq!(lines_of(&svg, colour, 2).len(), 1);
        // Adatum's bars: 2 and 2.5 and the swatch; the 0 score has no bar but is written.
        let looks = Look::all(&candidates);
        assert_eq!(rects_with(&svg, looks[3].fill, "x", "width").len(), 3);
        assert!(texts.contains(&"0".to_string()));
    }

    #[test]
    fn a_hollow_circle_marks_the_first_candidates_missing_score() {
        let names = criteria(&["Cost", "Security"]);
        let svg = render(&names, &[candidate("Solo", &[Some(3.0), None])], 640, 16).unwrap();
        assert_well_formed(&svg);
        let (colour, marker) = series_style(0);
        assert_eq!(marker, Marker::Circle);
        let hollow = format!(
            "fill=\"none\" stroke=\"#{:02X}{:02X}{:02X}\"",
            colour.0, colour.1, colour.2
        );
        assert_eq!(svg.matches(&hollow).count(), 1, "{svg}");
        assert!(texts(&svg).contains(&MISSING_MARK.to_string()));
    }

    #[test]
    fn six_candidates_and_fifteen_criteria_fit_at_640() {
        let names: Vec<String> = (1..=15)
            .map(|i| format!("Criterion number {i} with a fairly long name"))
            .collect();
        let candidates: Vec<CandidateSeries> = (0..6)
            .map(|j| {
                let scores: Vec<Option<f64>> =
                    (0..15).map(|i| Some(((i + j) % 6) as f64)).collect();
                candidate(&format!("Candidate {j}"), &scores)
            })
            .collect();
        let svg = render(&names, &candidates, 640, 16).unwrap();
        assert_well_formed(&svg);
        let texts = texts(&svg);
        for c in &candidates {
            assert!(texts.contains(&c.name));
        }
        for name in &names {
            let wrapped = texts
                .windows(2)
                .any(|w| format!("{} {}", w[0], w[1]) == *name);
            assert!(texts.contains(name) || wrapped, "{name} is not cut");
        }
        assert!(svg.len() < 96 * 1024, "{}", svg.len());
    }

    #[test]
    fn empty_input_shows_a_message() {
        let (names, candidates) = example();
        let unscored = vec![
            candidate("A", &[None, None]),
            candidate("B", &[Some(f64::NAN)]),
        ];
        for svg in [
            render(&[], &candidates, 640, 16).unwrap(),
            render(&names, &[], 640, 16).unwrap(),
            render(&[], &[], 640, 16).unwrap(),
            render(&names, &unscored, 640, 16).unwrap(),
        ] {
            assert_well_formed(&svg);
            assert_eq!(texts(&svg), vec![empty_message().to_string()]);
        }
    }

    #[test]
    fn user_text_is_escaped() {
        let names = criteria(&["<script>alert(1)</script> & co", "Cost"]);
        let mut evil = candidate("<script>alert(1)</script> & co", &[Some(2.0), Some(3.0)]);
        evil.highlight = true;
        let svg = render(&names, &[evil], 640, 16).unwrap();
        assert_well_formed(&svg);
        assert!(!svg.contains("<script"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
        assert!(svg.contains("★ &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    }

    #[test]
    fn out_of_range_values_are_clamped_and_output_is_bounded() {
        let names = criteria(&["a", "b", "c", "d", "e", "f"]);
        let wild = candidate(
            "Wild",
            &[
                Some(f64::NAN),
                Some(-3.0),
                Some(1e300),
                Some(f64::INFINITY),
                Some(f64::NEG_INFINITY),
                Some(7.5),
            ],
        );
        let svg = render(&names, std::slice::from_ref(&wild), 640, 16).unwrap();
        assert_well_formed(&svg);
        let texts = texts(&svg);
        assert_eq!(
            texts.iter().filter(|t| *t == MISSING_MARK).count(),
            1,
            "NaN"
        );
        assert_eq!(
            texts.iter().filter(|t| *t == "5").count(),
            2 + 3,
            "scale + 3"
        );
        let looks = Look::all(std::slice::from_ref(&wild));
        let full = rects_with(&svg, looks[0].fill, "x", "width");
        for (x, w) in &full {
            assert!(*x >= 0 && x + w <= 640, "({x}, {w})");
        }
        // Sizes are clamped.
        let tiny = render(&names, std::slice::from_ref(&wild), 0, 0).unwrap();
        assert!(tiny.starts_with("<svg width=\"320\""));
        assert_well_formed(&tiny);
        let huge = render(&names, std::slice::from_ref(&wild), u32::MAX, u32::MAX).unwrap();
        assert!(huge.starts_with("<svg width=\"2400\""));
        // Too many candidates and criteria are capped with a note; long names are cut.
        let many_names: Vec<String> = (0..500)
            .map(|i| format!("{i} {}", "word ".repeat(1_000)))
            .collect();
        let crowd: Vec<CandidateSeries> = (0..100)
            .map(|j| CandidateSeries {
                name: format!("{j} {}", "name ".repeat(1_000)),
                scores: vec![Some(5.0); 500],
                highlight: j == 0,
                failed_gate: true,
            })
            .collect();
        let svg = render(&many_names, &crowd, 2400, 40).unwrap();
        assert_well_formed(&svg);
        assert!(svg.len() < 2 * 1024 * 1024, "{}", svg.len());
        let texts = super::super::test_support::texts(&svg);
        assert!(texts.contains(&"Showing the first 10 of 100 candidates".to_string()));
        assert!(texts.contains(&"Showing the first 40 of 500 criteria".to_string()));
    }

    #[test]
    fn bars_sit_in_the_middle_of_their_band() {
        let names = criteria(&["Cost", "Security"]);
        for (candidates, row) in [(1, 8.0), (1, 40.0), (6, 16.0)] {
            let layout = Layout::new(&names, candidates, 640.0, row, 20.0);
            let first = layout.bar_centre(1, 0);
            let last = layout.bar_centre(1, candidates - 1);
            let middle = layout.group_top(1) + layout.group_h / 2.0;
            assert!(((first + last) / 2.0 - middle).abs() < 0.01);
            assert!(first - row / 2.0 >= layout.group_top(1));
            assert!(last + row / 2.0 <= layout.group_top(2));
        }
    }

    #[test]
    fn hatching_stays_inside_its_rectangle() {
        for (x0, x1, top, bottom) in [(10, 200, 5, 15), (0, 3, 0, 10), (50, 2050, 0, 24)] {
            let points = hatch(x0, x1, top, bottom);
            assert!(points.len() <= 2 * 120, "{}", points.len());
            for (x, y) in points {
                assert!((x0..=x1).contains(&x) && (top..=bottom).contains(&y));
            }
        }
        assert!(hatch(5, 5, 0, 10).is_empty());
    }

    /// Writes the example to the temp dir for looking at:
    /// `cargo test --lib charts::scorecard -- --ignored`, then `rsvg-convert`.
    #[test]
    #[ignore = "writes a preview file"]
    fn preview() {
        let (names, candidates) = example();
        let path = std::env::temp_dir().join("scorecard.svg");
        std::fs::write(&path, render(&names, &candidates, 640, 16).unwrap()).unwrap();
        let names: Vec<String> = [
            "Total cost of ownership",
            "Security and compliance",
            "Fit with the current stack",
            "Team experience with the technology",
            "Vendor stability",
            "Time to first release",
            "Hiring market",
            "Licensing terms",
            "Performance under load",
            "Observability",
            "Data residency (EU)",
            "Support quality",
            "Exit cost and lock-in",
            "Documentation",
            "Community and ecosystem",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let candidates: Vec<CandidateSeries> = [
            "Northwind",
            "Contoso Cloud",
            "Fabrikam",
            "Adatum",
            "Litware",
            "Tailspin Toys",
        ]
        .iter()
        .enumerate()
        .map(|(j, name)| CandidateSeries {
            name: name.to_string(),
            scores: (0..15)
                .map(|i| {
                    if (i * 7 + j * 3) % 11 == 0 {
                        None
                    } else {
                        Some(((i * 5 + j * 3) % 11) as f64 / 2.0)
                    }
                })
                .collect(),
            highlight: j == 1,
            failed_gate: j == 3,
        })
        .collect();
        let path = std::env::temp_dir().join("scorecard-big.svg");
        std::fs::write(&path, render(&names, &candidates, 640, 16).unwrap()).unwrap();
        let path = std::env::temp_dir().join("scorecard-narrow.svg");
        std::fs::write(
            &path,
            render(&names[..4], &candidates[..3], 320, 10).unwrap(),
        )
        .unwrap();
    }
}
