//! The ranked gap chart: one horizontal bar per area, as long as its gap (target - current).
//!
//! Owns the layout and styling of that chart only. It draws the bars in the order given (the
//! caller ranks them, largest priority first) and returns SVG text.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    approx_text_width, draw_lines, i32_of, label_lines, message_svg, text_style, word, wrap_label,
    Area, ChartError, GAP, GRID, GRID_STRONG, INK, MUTED, TRACK,
};

/// Shown instead of bars when there are none, in the chart language.
pub fn empty_message() -> &'static str {
    word("charts.gaps_empty")
}

/// One row: an area, its current and target levels (0-4) and its priority.
#[derive(Debug, Clone, PartialEq)]
pub struct GapBar {
    /// The area's name, shown left of the bar.
    pub label: String,
    /// The current level, 0-4.
    pub current: f64,
    /// The target level, 0-4.
    pub target: f64,
    /// The rank key, shown after the bar (the caller decides how it is computed).
    pub priority: f64,
}

/// The top of the level scale.
const SCALE_MAX: f64 = 4.0;
/// The largest priority written; larger ones are written as this.
const PRIORITY_MAX: f64 = 9999.9;
const MIN_WIDTH: u32 = 320;
const MAX_WIDTH: u32 = 2400;
const MIN_ROW: u32 = 18;
const MAX_ROW: u32 = 120;

const LABEL_PX: f64 = 12.0;
const VALUE_PX: f64 = 11.0;
const TICK_PX: f64 = 11.0;
const LINE_H: f64 = 14.0;
const MARGIN: f64 = 8.0;
const TOP: f64 = 8.0;
/// Room under the rows for the scale.
const BOTTOM: f64 = 26.0;
const LABEL_GAP: f64 = 10.0;
/// The label column never takes more than this share of the width.
const LABEL_SHARE: f64 = 0.4;

/// Draws the ranked gap bars as an SVG document `width` pixels wide and
/// `bars.len() * height_per_bar` pixels plus margins (34) high.
///
/// Levels are clamped to 0-4 (NaN counts as 0), so a gap is between 0 and 4; priorities are
/// clamped to 0-9999.9. The width is clamped to 320..=2400 pixels and the row height to
/// 18..=120. With no bars the SVG holds only the message [`empty_message`]. Words are in the
/// chart language (`charts::set_language`).
///
/// ```
/// use cto_workbench::charts::gaps::{render, GapBar};
/// let bars = [GapBar { label: "Team".into(), current: 1.5, target: 3.0, priority: 4.5 }];
/// let svg = render(&bars, 560, 32).unwrap();
/// assert!(svg.contains("gap 1.5 · priority 4.5"));
/// ```
pub fn render(bars: &[GapBar], width: u32, height_per_bar: u32) -> Result<String, ChartError> {
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let row_h = height_per_bar.clamp(MIN_ROW, MAX_ROW);
    if bars.is_empty() {
        let height = 2 * row_h + (TOP + BOTTOM) as u32;
        return message_svg(width, height, empty_message());
    }
    let rows = u32::try_from(bars.len()).unwrap_or(u32::MAX);
    let height = rows
        .saturating_mul(row_h)
        .saturating_add((TOP + BOTTOM) as u32);
    let layout = Layout::new(bars, f64::from(width), f64::from(row_h));

    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        draw_scale(&root, &layout)?;
        for (index, bar) in bars.iter().enumerate() {
            draw_row(&root, &layout, index, bar)?;
        }
        root.present()?;
    }
    Ok(buf)
}

/// A level on the 0-4 scale; NaN is 0.
fn level(v: f64) -> f64 {
    if v.is_nan() {
        0.0
    } else {
        v.clamp(0.0, SCALE_MAX)
    }
}

/// The gap drawn for a bar: never negative, never beyond the scale. As in the scores
/// ([`crate::domain::scoring`]): the target shown minus the level shown, one decimal each.
fn gap_of(bar: &GapBar) -> f64 {
    use crate::domain::scoring::round1;
    round1(round1(level(bar.target)) - round1(level(bar.current))).max(0.0)
}

fn priority_of(bar: &GapBar) -> f64 {
    if bar.priority.is_nan() {
        0.0
    } else {
        bar.priority.clamp(0.0, PRIORITY_MAX)
    }
}

/// The text after a bar, e.g. "gap 1.5 · priority 4.5".
fn value_text(bar: &GapBar) -> String {
    crate::i18n::fill(
        word("charts.gaps_value"),
        &[
            // Rounded by the one formatter the tables and texts use: `{:.1}` rounds 1.25 to
            // "1.2" where they say "1.3".
            ("gap", &crate::domain::scoring::fmt1(gap_of(bar))),
            ("priority", &crate::domain::scoring::fmt1(priority_of(bar))),
        ],
    )
}

/// Where the columns go.
struct Layout {
    row_h: f64,
    /// Right edge of the label column (labels are right-aligned to it).
    label_right: f64,
    /// Characters per label line, and how many lines fit a row.
    label_chars: usize,
    label_lines: usize,
    /// Left edge of the bars and pixels per level.
    bar_left: f64,
    per_level: f64,
    bottom: f64,
}

impl Layout {
    fn new(bars: &[GapBar], width: f64, row_h: f64) -> Self {
        let label_lines = if row_h >= 2.0 * LINE_H + 6.0 { 2 } else { 1 };
        let max_label_w = (width - 2.0 * MARGIN) * LABEL_SHARE;
        // Characters that surely fit the column, using a wide average character.
        let label_chars = ((max_label_w / (0.62 * LABEL_PX)) as usize).max(6);
        let widest_label = bars
            .iter()
            .flat_map(|b| wrap_label(&b.label, label_chars, label_lines))
            .map(|l| approx_text_width(&l, LABEL_PX))
            .fold(0.0, f64::max)
            .min(max_label_w);
        let label_right = MARGIN + widest_label.max(40.0);
        let bar_left = label_right + LABEL_GAP;
        let widest_value = bars
            .iter()
            .map(|b| approx_text_width(&value_text(b), VALUE_PX))
            .fold(0.0, f64::max);
        let bar_right = (width - MARGIN - widest_value - 8.0).max(bar_left + 40.0);
        Layout {
            row_h,
            label_right,
            label_chars,
            label_lines,
            bar_left,
            per_level: (bar_right - bar_left) / SCALE_MAX,
            bottom: TOP + bars.len() as f64 * row_h,
        }
    }

    fn x_of(&self, level: f64) -> f64 {
        self.bar_left + level * self.per_level
    }

    fn row_centre(&self, index: usize) -> f64 {
        TOP + (index as f64 + 0.5) * self.row_h
    }
}

/// Faint level lines behind the bars and the 0-4 scale under them.
fn draw_scale(root: &Area<'_>, layout: &Layout) -> Result<(), ChartError> {
    let tick = text_style(TICK_PX, MUTED, HPos::Center, VPos::Top);
    for k in 0..=SCALE_MAX as usize {
        let x = i32_of(layout.x_of(k as f64));
        let colour = if k == 0 { GRID_STRONG } else { GRID };
        root.draw(&PathElement::new(
            vec![(x, i32_of(TOP)), (x, i32_of(layout.bottom))],
            colour.stroke_width(1),
        ))?;
        root.draw(&Text::new(
            k.to_string(),
            (x, i32_of(layout.bottom + 4.0)),
            tick.clone(),
        ))?;
    }
    let caption = text_style(TICK_PX, MUTED, HPos::Left, VPos::Top);
    root.draw(&Text::new(
        word("charts.gaps_scale"),
        (
            i32_of(layout.x_of(SCALE_MAX) + 10.0),
            i32_of(layout.bottom + 4.0),
        ),
        caption,
    ))?;
    Ok(())
}

fn draw_row(
    root: &Area<'_>,
    layout: &Layout,
    index: usize,
    bar: &GapBar,
) -> Result<(), ChartError> {
    let centre = layout.row_centre(index);
    let half = (layout.row_h * 0.3).clamp(5.0, 14.0);
    let (top, bottom) = (i32_of(centre - half), i32_of(centre + half));

    let lines = label_lines(&bar.label, layout.label_chars, layout.label_lines);
    let label = text_style(LABEL_PX, INK, HPos::Right, VPos::Center);
    draw_lines(root, lines, (layout.label_right, centre), LINE_H, &label)?;

    let track = [
        (i32_of(layout.x_of(0.0)), top),
        (i32_of(layout.x_of(SCALE_MAX)), bottom),
    ];
    root.draw(&Rectangle::new(track, TRACK.filled()))?;
    let gap = gap_of(bar);
    let end = layout.x_of(gap);
    if gap > 0.0 {
        let rect = [(i32_of(layout.x_of(0.0)), top), (i32_of(end), bottom)];
        root.draw(&Rectangle::new(rect, GAP.filled()))?;
    }
    let value = text_style(VALUE_PX, MUTED, HPos::Left, VPos::Center);
    root.draw(&Text::new(
        value_text(bar),
        (i32_of(end + 6.0), i32_of(centre)),
        value,
    ))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        areas, areas_zh, assert_no_english, assert_well_formed, texts, InLanguage,
    };
    use super::*;
    use crate::i18n::Lang;

    fn bar(label: &str, current: f64, target: f64, priority: f64) -> GapBar {
        GapBar {
            label: label.into(),
            current,
            target,
            priority,
        }
    }

    fn example() -> Vec<GapBar> {
        let names = areas();
        vec![
            bar(&names[7], 1.0, 3.0, 6.0),
            bar(&names[2], 1.5, 3.0, 4.5),
            bar(&names[10], 1.5, 3.0, 3.0),
            bar(&names[13], 1.5, 2.5, 2.0),
            bar(&names[9], 2.5, 3.0, 1.5),
            bar(&names[4], 3.0, 3.5, 1.0),
        ]
    }

    /// Widths of the gap-coloured rectangles, in order.
    fn bar_widths(svg: &str) -> Vec<i32> {
        let fill = format!("fill=\"#{:02X}{:02X}{:02X}\"", GAP.0, GAP.1, GAP.2);
        svg.lines()
            .filter(|l| l.starts_with("<rect") && l.contains(&fill))
            .map(|l| {
                let start = l.find("width=\"").unwrap() + 7;
                l[start..start + l[start..].find('"').unwrap()]
                    .parse()
                    .unwrap()
            })
            .collect()
    }

    #[test]
    fn one_row_per_bar_with_label_and_value() {
        let bars = example();
        let svg = render(&bars, 560, 32).unwrap();
        assert_well_formed(&svg);
        assert!(
            svg.starts_with("<svg width=\"560\" height=\"226\""),
            "6 * 32 + 34"
        );
        let texts = texts(&svg);
        for b in &bars {
            assert!(texts.contains(&b.label), "{} in {texts:?}", b.label);
        }
        assert!(texts.contains(&"gap 2.0 · priority 6.0".to_string()));
        assert!(texts.contains(&"gap 1.5 · priority 4.5".to_string()));
        let widths = bar_widths(&svg);
        assert_eq!(widths.len(), 6);
        // Bar length is proportional to the gap: 2.0 is twice 1.0 and four times 0.5.
        assert!((widths[0] - 2 * widths[3]).abs() <= 1, "{widths:?}");
        assert!((widths[0] - 4 * widths[4]).abs() <= 2, "{widths:?}");
    }

    #[test]
    fn all_sixteen_area_names_fit() {
        let bars: Vec<GapBar> = areas().iter().map(|a| bar(a, 1.0, 3.0, 2.0)).collect();
        for (width, row) in [(560, 28), (560, 40), (360, 24)] {
            let svg = render(&bars, width, row).unwrap();
            assert_well_formed(&svg);
            let texts = texts(&svg);
            for b in &bars {
                let whole = texts.contains(&b.label);
                let wrapped = texts
                    .windows(2)
                    .any(|w| format!("{} {}", w[0], w[1]) == b.label);
                let cut = texts
                    .iter()
                    .any(|t| t.ends_with('…') && b.label.starts_with(t.trim_end_matches('…')));
                assert!(whole || wrapped || cut, "{} at {width}x{row}", b.label);
                if width == 560 {
                    assert!(whole || wrapped, "{} is not cut at 560", b.label);
                }
            }
        }
    }

    #[test]
    fn empty_input_shows_a_message() {
        let svg = render(&[], 560, 32).unwrap();
        assert_well_formed(&svg);
        assert_eq!(texts(&svg), vec![empty_message().to_string()]);
    }

    #[test]
    fn user_text_is_escaped() {
        let bars = vec![bar("<script>alert(1)</script> & co", 1.0, 2.0, 1.0)];
        let svg = render(&bars, 560, 32).unwrap();
        assert_well_formed(&svg);
        assert!(!svg.contains("<script"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("&amp;") && !svg.contains(" & "));
    }

    #[test]
    fn out_of_range_values_are_clamped_and_output_is_bounded() {
        let normal = render(&[bar("Team", 1.0, 3.0, 2.0)], 560, 32).unwrap();
        let wild = [
            bar("a", f64::NAN, 3.0, f64::NAN),
            bar("b", -5.0, 1e300, f64::INFINITY),
            bar("c", 4.0, 1.0, -2.0),
            bar("d", f64::NEG_INFINITY, f64::INFINITY, 1e300),
            bar("e", 1.0, f64::NAN, 3.0),
        ];
        for b in &wild {
            let svg = render(std::slice::from_ref(b), 560, 32).unwrap();
            assert_well_formed(&svg);
            assert!(svg.len() < normal.len() + 200, "{}", svg.len());
            for w in bar_widths(&svg) {
                assert!((0..=560).contains(&w), "{w}");
            }
        }
        let svg = render(&wild, 560, 32).unwrap();
        let texts = texts(&svg);
        assert!(
            texts.contains(&"gap 3.0 · priority 0.0".to_string()),
            "{texts:?}"
        );
        assert!(texts.contains(&"gap 4.0 · priority 9999.9".to_string()));
        assert!(texts.contains(&"gap 0.0 · priority 0.0".to_string()));
        // Sizes are clamped.
        let svg = render(&wild, 0, 0).unwrap();
        assert!(
            svg.starts_with("<svg width=\"320\" height=\"124\""),
            "5 * 18 + 34"
        );
        let svg = render(&wild, u32::MAX, u32::MAX).unwrap();
        assert!(
            svg.starts_with("<svg width=\"2400\" height=\"634\""),
            "5 * 120 + 34"
        );
        // Long labels are cut.
        let long = render(&[bar(&"word ".repeat(10_000), 1.0, 2.0, 1.0)], 560, 32).unwrap();
        assert!(long.len() < normal.len() + 200);
    }

    #[test]
    fn chinese_words_and_names_fit() {
        let _zh = InLanguage::new(Lang::Zh);
        let bars: Vec<GapBar> = areas_zh().iter().map(|a| bar(a, 1.0, 3.0, 2.0)).collect();
        for (width, row) in [(560, 28), (560, 40), (360, 24)] {
            let svg = render(&bars, width, row).unwrap();
            assert_well_formed(&svg);
            let written = texts(&svg);
            assert!(
                written.contains(&"差距 2.0 · 优先级 2.0".to_string()),
                "{written:?}"
            );
            assert!(written.contains(&"差距级数".to_string()));
            assert_no_english(&written);
            for b in &bars {
                // Whole, or broken between characters over two lines: never cut at 560.
                let whole = written.contains(&b.label);
                let wrapped = written
                    .windows(2)
                    .any(|w| format!("{}{}", w[0], w[1]) == b.label);
                assert!(
                    whole || wrapped || width < 560,
                    "{} at {width}x{row}",
                    b.label
                );
            }
        }
        let svg = render(&[], 560, 32).unwrap();
        assert_eq!(
            texts(&svg),
            vec!["没有差距：每个已回答的领域都达到了目标".to_string()]
        );
    }

    /// Writes the example to the temp dir for looking at:
    /// `cargo test --lib charts::gaps -- --ignored`, then `rsvg-convert`.
    #[test]
    #[ignore = "writes a preview file"]
    fn preview() {
        let path = std::env::temp_dir().join("gaps.svg");
        std::fs::write(&path, render(&example(), 560, 32).unwrap()).unwrap();
    }
}
