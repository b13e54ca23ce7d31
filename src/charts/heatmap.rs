//! The risk heat map: a 5 × 5 grid of likelihood (across) against impact (up), each cell
//! coloured by the band of its score and showing how many risks sit in it.
//!
//! Owns the layout and styling of that chart only. It takes counts, never risks, so no risk
//! title reaches the SVG; the page's table next to the chart names the risks.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{FontStyle, FontTransform};

use super::{
    approx_text_width, font, i32_of, language, text_style, word, wrap_label, Area, ChartError, INK,
    MUTED,
};
use crate::domain::risk::{band, Band};

/// Cell colours per band, indexed by [`Band::index`]: calm tints, all dark-text readable.
pub const BAND_COLOURS: [RGBColor; 4] = [
    // Low: soft green.
    RGBColor(0xD9, 0xF0, 0xDF),
    // Medium: soft yellow.
    RGBColor(0xFB, 0xEE, 0xC4),
    // High: soft orange.
    RGBColor(0xF8, 0xD4, 0xB4),
    // Critical: soft red.
    RGBColor(0xF2, 0xB8, 0xB5),
];

/// The colour of a band's cells.
pub fn band_colour(b: Band) -> RGBColor {
    BAND_COLOURS[b.index()]
}

/// Narrower than this the likelihood words no longer fit their columns; the page scales the
/// SVG down on small screens instead.
const MIN_WIDTH: u32 = 400;
const MAX_WIDTH: u32 = 1600;
const MIN_HEIGHT: u32 = 320;
const MAX_HEIGHT: u32 = 1600;

const MARGIN: f64 = 8.0;
const TITLE_PX: f64 = 12.0;
const TICK_PX: f64 = 11.0;
const LEGEND_PX: f64 = 11.0;
const LINE_H: f64 = 14.0;
/// Room for the rotated "Impact" title, left of the tick labels.
const TITLE_COL: f64 = 18.0;
const TICK_GAP: f64 = 6.0;
/// Lines of words under each likelihood number ("almost" / "certain").
const X_WORD_LINES: usize = 2;
const SWATCH: f64 = 12.0;
const LEGEND_ROW: f64 = 18.0;
/// Half the white gap between neighbouring cells.
const INSET: f64 = 1.0;

/// The likelihood axis's title, in the chart language.
pub fn x_title() -> &'static str {
    word("charts.heatmap_x_title")
}

/// The impact axis's title, in the chart language.
pub fn y_title() -> &'static str {
    word("charts.heatmap_y_title")
}

/// Draws the heat map as an SVG document of `width` × `height` pixels (clamped to
/// 400..=1600 × 320..=1600).
///
/// `cells` is indexed `[likelihood - 1][impact - 1]`, as `domain::risk::heat_counts` returns.
/// Likelihood runs left to right (1 rare … 5 almost certain), impact bottom to top (1 minor …
/// 5 severe). All 25 cells are drawn; a non-empty cell shows its count. A legend under the
/// grid names the four colours, so the band never depends on colour alone.
pub fn render(cells: &[[usize; 5]; 5], width: u32, height: u32) -> Result<String, ChartError> {
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let height = height.clamp(MIN_HEIGHT, MAX_HEIGHT);
    let layout = Layout::new(f64::from(width), f64::from(height));
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        draw_cells(&root, &layout, cells)?;
        draw_axes(&root, &layout)?;
        draw_legend(&root, &layout)?;
        root.present()?;
    }
    Ok(buf)
}

/// One legend entry, e.g. "Critical (15-25)".
fn legend_text(b: Band) -> String {
    let range = match b {
        Band::Low => "1-4",
        Band::Medium => "5-9",
        Band::High => "10-14",
        Band::Critical => "15-25",
    };
    crate::i18n::fill(
        word("charts.heatmap_band"),
        &[
            ("band", crate::i18n::label(language(), b.label())),
            ("range", range),
        ],
    )
}

/// The word under a likelihood column, as a tick reads it: "rare" ... "almost certain"
/// (`domain::risk::likelihood_label`, lower case, in the chart language).
fn likelihood_word(likelihood: u8) -> &'static str {
    match likelihood {
        0 | 1 => word("charts.heatmap_likelihood_1"),
        2 => word("charts.heatmap_likelihood_2"),
        3 => word("charts.heatmap_likelihood_3"),
        4 => word("charts.heatmap_likelihood_4"),
        _ => word("charts.heatmap_likelihood_5"),
    }
}

/// The word beside an impact row: "minor" ... "severe" (`domain::risk::impact_label`).
fn impact_word(impact: u8) -> &'static str {
    match impact {
        0 | 1 => word("charts.heatmap_impact_1"),
        2 => word("charts.heatmap_impact_2"),
        3 => word("charts.heatmap_impact_3"),
        4 => word("charts.heatmap_impact_4"),
        _ => word("charts.heatmap_impact_5"),
    }
}

/// The tick under a likelihood column: its number, then its word wrapped to the column.
fn x_tick_lines(likelihood: u8, chars: usize) -> Vec<String> {
    let mut lines = vec![likelihood.to_string()];
    lines.extend(wrap_label(likelihood_word(likelihood), chars, X_WORD_LINES));
    lines
}

/// The tick left of an impact row, e.g. "5 severe".
fn y_tick(impact: u8) -> String {
    format!("{impact} {}", impact_word(impact))
}

/// Where things go; every size comes from the (clamped) width and height.
struct Layout {
    width: f64,
    /// Left and top edges of the grid, and one cell's size.
    grid_left: f64,
    grid_top: f64,
    cell_w: f64,
    cell_h: f64,
    /// Characters per line of a likelihood word.
    x_chars: usize,
    /// Top of the legend, and the legend entries' left edges per row.
    legend_top: f64,
    legend_rows: Vec<Vec<(Band, f64)>>,
}

impl Layout {
    fn new(width: f64, height: f64) -> Self {
        let widest_tick = (1..=5u8)
            .map(|k| approx_text_width(&y_tick(k), TICK_PX))
            .fold(0.0, f64::max);
        let grid_left = MARGIN + TITLE_COL + widest_tick + TICK_GAP;
        let grid_w = (width - MARGIN - grid_left).max(50.0);
        let cell_w = grid_w / 5.0;
        // A wide average character, so the words surely fit the column.
        let x_chars = ((cell_w / (0.62 * TICK_PX)) as usize).max(3);

        // Legend entries flow left to right and wrap to a new row when the width runs out.
        let mut legend_rows: Vec<Vec<(Band, f64)>> = vec![Vec::new()];
        let mut x = MARGIN;
        for b in Band::ALL {
            let w = SWATCH + 4.0 + approx_text_width(&legend_text(b), LEGEND_PX) + 14.0;
            let row_is_empty = legend_rows.last().is_none_or(Vec::is_empty);
            if x + w > width - MARGIN && !row_is_empty {
                legend_rows.push(Vec::new());
                x = MARGIN;
            }
            if let Some(row) = legend_rows.last_mut() {
                row.push((b, x));
            }
            x += w;
        }

        let ticks_h = (1 + X_WORD_LINES) as f64 * LINE_H + 4.0;
        let title_h = LINE_H + 6.0;
        let legend_h = legend_rows.len() as f64 * LEGEND_ROW;
        let bottom = ticks_h + title_h + legend_h + MARGIN;
        let grid_top = MARGIN;
        let grid_h = (height - grid_top - bottom).max(50.0);
        Layout {
            width,
            grid_left,
            grid_top,
            cell_w,
            cell_h: grid_h / 5.0,
            x_chars,
            legend_top: grid_top + grid_h + ticks_h + title_h,
            legend_rows,
        }
    }

    fn grid_bottom(&self) -> f64 {
        self.grid_top + 5.0 * self.cell_h
    }

    fn grid_right(&self) -> f64 {
        self.grid_left + 5.0 * self.cell_w
    }

    /// Left, top, right, bottom of the cell for `likelihood` and `impact` (1-5); impact 5 is
    /// the top row.
    fn cell(&self, likelihood: usize, impact: usize) -> (f64, f64, f64, f64) {
        let left = self.grid_left + (likelihood - 1) as f64 * self.cell_w;
        let top = self.grid_top + (5 - impact) as f64 * self.cell_h;
        (left, top, left + self.cell_w, top + self.cell_h)
    }

    fn centre(&self, likelihood: usize, impact: usize) -> (i32, i32) {
        let (l, t, r, b) = self.cell(likelihood, impact);
        (i32_of((l + r) / 2.0), i32_of((t + b) / 2.0))
    }

    /// Size of the count text: large enough to read at a glance, never bigger than the cell.
    fn count_px(&self) -> f64 {
        (self.cell_w.min(self.cell_h) * 0.4).clamp(12.0, 28.0)
    }
}

fn draw_cells(root: &Area<'_>, layout: &Layout, cells: &[[usize; 5]; 5]) -> Result<(), ChartError> {
    let count_style = font(
        layout.count_px(),
        FontStyle::Bold,
        INK,
        HPos::Center,
        VPos::Center,
    );
    for (l, row) in cells.iter().enumerate() {
        for (i, count) in row.iter().enumerate() {
            let (likelihood, impact) = (l + 1, i + 1);
            // Both are at most 5, so the product fits a u8.
            let colour = band_colour(band((likelihood * impact) as u8));
            let (left, top, right, bottom) = layout.cell(likelihood, impact);
            let rect = [
                (i32_of(left + INSET), i32_of(top + INSET)),
                (i32_of(right - INSET), i32_of(bottom - INSET)),
            ];
            root.draw(&Rectangle::new(rect, colour.filled()))?;
            if *count > 0 {
                root.draw(&Text::new(
                    count.to_string(),
                    layout.centre(likelihood, impact),
                    count_style.clone(),
                ))?;
            }
        }
    }
    Ok(())
}

fn draw_axes(root: &Area<'_>, layout: &Layout) -> Result<(), ChartError> {
    let y_style = text_style(TICK_PX, INK, HPos::Right, VPos::Center);
    for impact in 1..=5u8 {
        let (_, y) = layout.centre(1, usize::from(impact));
        root.draw(&Text::new(
            y_tick(impact),
            (i32_of(layout.grid_left - TICK_GAP), y),
            y_style.clone(),
        ))?;
    }
    let x_style = text_style(TICK_PX, INK, HPos::Center, VPos::Top);
    for likelihood in 1..=5u8 {
        let (x, _) = layout.centre(usize::from(likelihood), 1);
        for (k, line) in x_tick_lines(likelihood, layout.x_chars)
            .into_iter()
            .enumerate()
        {
            let y = layout.grid_bottom() + 4.0 + k as f64 * LINE_H;
            root.draw(&Text::new(line, (x, i32_of(y)), x_style.clone()))?;
        }
    }
    let title = font(TITLE_PX, FontStyle::Bold, INK, HPos::Center, VPos::Top);
    let ticks_h = (1 + X_WORD_LINES) as f64 * LINE_H + 4.0;
    root.draw(&Text::new(
        x_title(),
        (
            i32_of((layout.grid_left + layout.grid_right()) / 2.0),
            i32_of(layout.grid_bottom() + ticks_h + 2.0),
        ),
        title.clone(),
    ))?;
    // Rotated a quarter turn anticlockwise so it reads upwards along the impact axis.
    let upwards = title.transform(FontTransform::Rotate270);
    root.draw(&Text::new(
        y_title(),
        (
            i32_of(MARGIN + 2.0),
            i32_of((layout.grid_top + layout.grid_bottom()) / 2.0),
        ),
        upwards,
    ))?;
    Ok(())
}

fn draw_legend(root: &Area<'_>, layout: &Layout) -> Result<(), ChartError> {
    let style = text_style(LEGEND_PX, MUTED, HPos::Left, VPos::Center);
    for (r, row) in layout.legend_rows.iter().enumerate() {
        let centre = layout.legend_top + (r as f64 + 0.5) * LEGEND_ROW;
        for (b, x) in row {
            let swatch = [
                (i32_of(*x), i32_of(centre - SWATCH / 2.0)),
                (i32_of(x + SWATCH), i32_of(centre + SWATCH / 2.0)),
            ];
            root.draw(&Rectangle::new(swatch, band_colour(*b).filled()))?;
            let text_x = (x + SWATCH + 4.0).min(layout.width - MARGIN);
            root.draw(&Text::new(
                legend_text(*b),
                (i32_of(text_x), i32_of(centre)),
                style.clone(),
            ))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        assert_no_english, assert_well_formed, attr, fill_of, num, texts, InLanguage,
    };
    use super::*;
    use crate::domain::risk::{impact_label, likelihood_label};
    use crate::i18n::Lang;

    /// A filled rectangle as written by plotters.
    #[derive(Debug, PartialEq)]
    struct Rect {
        x: i32,
        y: i32,
        w: i32,
        h: i32,
        fill: String,
    }

    fn rects(svg: &str) -> Vec<Rect> {
        svg.lines()
            .filter(|l| l.starts_with("<rect"))
            .map(|l| Rect {
                x: num(l, "x"),
                y: num(l, "y"),
                w: num(l, "width"),
                h: num(l, "height"),
                fill: format!("fill=\"{}\"", attr(l, "fill")),
            })
            .collect()
    }

    /// (x, y, content) of every `<text>`.
    fn placed_texts(svg: &str) -> Vec<(i32, i32, String)> {
        let mut out = Vec::new();
        let mut rest = svg;
        while let Some(start) = rest.find("<text") {
            let part = &rest[start..];
            let open_end = part.find('>').unwrap();
            let tag = &part[..open_end];
            let end = part.find("</text>").unwrap();
            out.push((
                num(tag, "x"),
                num(tag, "y"),
                part[open_end + 1..end].trim().to_string(),
            ));
            rest = &part[end..];
        }
        out
    }

    fn example() -> [[usize; 5]; 5] {
        let mut cells = [[0; 5]; 5];
        cells[4][4] = 2; // almost certain, severe
        cells[1][4] = 3; // unlikely, severe
        cells[4][0] = 1; // almost certain, minor
        cells[2][2] = 7;
        cells
    }

    /// The rectangles in band colours that are the size of a grid cell (not legend swatches).
    fn cell_rects(svg: &str, layout: &Layout) -> Vec<Rect> {
        let fills: Vec<String> = BAND_COLOURS.iter().map(|c| fill_of(*c)).collect();
        let expected_w = i32_of(layout.cell_w - 2.0 * INSET);
        rects(svg)
            .into_iter()
            .filter(|r| fills.contains(&r.fill) && (r.w - expected_w).abs() <= 1)
            .collect()
    }

    #[test]
    fn draws_a_well_formed_grid_of_twenty_five_cells() {
        let svg = render(&example(), 480, 420).unwrap();
        assert_well_formed(&svg);
        assert!(svg.starts_with("<svg width=\"480\" height=\"420\""));
        let layout = Layout::new(480.0, 420.0);
        let cells = cell_rects(&svg, &layout);
        assert_eq!(cells.len(), 25, "{cells:?}");
        // Four legend swatches besides the cells.
        assert_eq!(rects(&svg).len(), 1 + 25 + 4, "background, cells, legend");
    }

    #[test]
    fn cells_are_coloured_by_band_of_likelihood_times_impact() {
        let layout = Layout::new(480.0, 420.0);
        let svg = render(&[[0; 5]; 5], 480, 420).unwrap();
        let cells = cell_rects(&svg, &layout);
        let at = |l: usize, i: usize| {
            let (left, top, _, _) = layout.cell(l, i);
            cells
                .iter()
                .find(|r| r.x == i32_of(left + INSET) && r.y == i32_of(top + INSET))
                .unwrap_or_else(|| panic!("no cell at {l},{i}"))
        };
        for l in 1..=5 {
            for i in 1..=5 {
                let expected = band_colour(band((l * i) as u8));
                assert_eq!(at(l, i).fill, fill_of(expected), "cell {l},{i}");
            }
        }
        // Spot checks at the band edges, against literal colours.
        assert_eq!(at(2, 2).fill, fill_of(BAND_COLOURS[0]), "4 is low");
        assert_eq!(at(1, 5).fill, fill_of(BAND_COLOURS[1]), "5 is medium");
        assert_eq!(at(2, 5).fill, fill_of(BAND_COLOURS[2]), "10 is high");
        assert_eq!(at(5, 3).fill, fill_of(BAND_COLOURS[3]), "15 is critical");
        // The four colours are distinct.
        let distinct: std::collections::HashSet<String> =
            BAND_COLOURS.iter().map(|c| fill_of(*c)).collect();
        assert_eq!(distinct.len(), 4);
    }

    #[test]
    fn counts_appear_at_their_cells() {
        let layout = Layout::new(480.0, 420.0);
        let svg = render(&example(), 480, 420).unwrap();
        let placed = placed_texts(&svg);
        for (l, i, n) in [(5, 5, "2"), (2, 5, "3"), (5, 1, "1"), (3, 3, "7")] {
            let (x, y) = layout.centre(l, i);
            assert!(
                placed.contains(&(x, y, n.to_string())),
                "{n} at {l},{i} ({x},{y}) in {placed:?}"
            );
        }
        // Empty cells have no number: only the four counts are drawn at cell centres.
        let centres: Vec<(i32, i32)> = (1..=5)
            .flat_map(|l| (1..=5).map(move |i| (l, i)))
            .map(|(l, i)| layout.centre(l, i))
            .collect();
        let at_centres = placed
            .iter()
            .filter(|(x, y, _)| centres.contains(&(*x, *y)))
            .count();
        assert_eq!(at_centres, 4);
        // Impact 5 is the top row and likelihood 5 the right column.
        assert!(layout.centre(1, 5).1 < layout.centre(1, 1).1);
        assert!(layout.centre(5, 1).0 > layout.centre(1, 1).0);
    }

    #[test]
    fn axes_have_titles_ticks_and_a_legend() {
        let svg = render(&example(), 480, 420).unwrap();
        let texts = texts(&svg);
        for t in [
            x_title(),
            y_title(),
            "5 severe",
            "1 minor",
            "rare",
            "almost certain",
            "Low (1-4)",
            "Critical (15-25)",
        ] {
            let found = texts.iter().any(|x| x == t)
                || texts.windows(2).any(|w| format!("{} {}", w[0], w[1]) == t);
            assert!(found, "{t} in {texts:?}");
        }
        assert!(svg.contains("rotate(270"), "the impact title runs upwards");
    }

    #[test]
    fn tick_words_are_the_models_words() {
        for k in 1..=5u8 {
            assert_eq!(likelihood_word(k), likelihood_label(k).to_lowercase());
            assert_eq!(impact_word(k), impact_label(k).to_lowercase());
        }
    }

    #[test]
    fn chinese_titles_ticks_and_legend() {
        let _zh = InLanguage::new(Lang::Zh);
        for (w, h) in [(480, 420), (400, 320)] {
            let svg = render(&example(), w, h).unwrap();
            assert_well_formed(&svg);
            let written = texts(&svg);
            for t in [
                "可能性（发生的可能有多大）",
                "影响",
                "5 非常严重",
                "1 轻微",
                "罕见",
                "几乎确定",
                "低（1-4）",
                "严重（15-25）",
            ] {
                assert!(
                    written.iter().any(|x| x == t),
                    "{t} in {written:?} at {w}x{h}"
                );
            }
            assert!(written.iter().any(|t| t.contains("影响")));
            assert_no_english(&written);
            // Every text starts inside the canvas.
            for (x, y, _) in placed_texts(&svg) {
                assert!((0..=w as i32).contains(&x) && (0..=h as i32).contains(&y));
            }
        }
    }

    #[test]
    fn sizes_are_clamped_and_everything_stays_inside() {
        for (w, h) in [(0, 0), (400, 320), (u32::MAX, u32::MAX), (1600, 300)] {
            let svg = render(&example(), w, h).unwrap();
            assert_well_formed(&svg);
            let (cw, ch) = (
                w.clamp(MIN_WIDTH, MAX_WIDTH),
                h.clamp(MIN_HEIGHT, MAX_HEIGHT),
            );
            assert!(svg.starts_with(&format!("<svg width=\"{cw}\" height=\"{ch}\"")));
            let layout = Layout::new(f64::from(cw), f64::from(ch));
            assert_eq!(cell_rects(&svg, &layout).len(), 25, "{w}x{h}");
            for r in rects(&svg) {
                assert!(r.x >= 0 && r.x + r.w <= cw as i32, "{r:?} at {w}x{h}");
                assert!(r.y >= 0 && r.y + r.h <= ch as i32, "{r:?} at {w}x{h}");
            }
            for (x, y, _) in placed_texts(&svg) {
                assert!((0..=cw as i32).contains(&x) && (0..=ch as i32).contains(&y));
            }
        }
    }

    #[test]
    fn huge_counts_are_written_whole() {
        let mut cells = [[0; 5]; 5];
        cells[0][0] = usize::MAX;
        let svg = render(&cells, 480, 420).unwrap();
        assert_well_formed(&svg);
        assert!(texts(&svg).contains(&usize::MAX.to_string()));
    }

    /// Writes the example (480 × 420 and the smallest size) to the temp dir for looking at:
    /// `cargo test --lib charts::heatmap -- --ignored`, then `rsvg-convert`.
    #[test]
    #[ignore = "writes a preview file"]
    fn preview() {
        let path = std::env::temp_dir().join("heatmap.svg");
        std::fs::write(&path, render(&example(), 480, 420).unwrap()).unwrap();
        std::fs::write(
            std::env::temp_dir().join("heatmap-small.svg"),
            render(&example(), 400, 320).unwrap(),
        )
        .unwrap();
    }
}
