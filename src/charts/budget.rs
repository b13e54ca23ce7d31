//! The budget chart: per quarter, a bar of planned spend stacked by category, the quarter's
//! agreed budget as a line across it, "⚠ over" above the quarters over budget as a whole and
//! "⚠ part over" where only a category overran its own budget (the same
//! [`Standing`](crate::domain::budget::Standing) the table words).
//!
//! Owns the layout and styling of that chart only; the figures come from
//! [`plan`](crate::domain::budget::plan) and are drawn as given (after cleaning: amounts that
//! are not numbers or below zero count as zero). The page's table has the same figures in
//! words, so nothing here is the only way to read a value.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::trend::Legend;
use super::{
    approx_text_width, i32_of, language, message_svg, short_scale, text_style, word, Area,
    ChartError, CURRENT, GRID, GRID_STRONG, INK, MUTED, OTHERS,
};
use crate::domain::budget::{BudgetCategory, QuarterPlan, Standing};

/// Shown instead of bars when there is nothing to draw, in the chart language.
pub fn empty_message() -> &'static str {
    word("charts.budget_empty")
}

/// Written above a quarter that is over its budget as a whole, in the chart language.
pub fn over_label() -> &'static str {
    word("charts.budget_over")
}

/// Written above a quarter where a category overran its own budget while the quarter as a
/// whole stays within it (the table names the category), in the chart language.
pub fn part_over_label() -> &'static str {
    word("charts.budget_part_over")
}

/// The legend entry of the budget line, in the chart language.
pub fn budget_label() -> &'static str {
    word("charts.budget_agreed")
}

/// The warning sign alone, where the whole [`over_label`] does not fit.
const OVER_SIGN: &str = "⚠";

/// The colour of each category's bar segment, by [`BudgetCategory::index`].
pub const CATEGORY_COLOURS: [RGBColor; 4] = [CURRENT, OTHERS[0], OTHERS[2], OTHERS[1]];
/// The budget line.
pub const BUDGET_COLOUR: RGBColor = INK;
/// Width of the budget line, in pixels.
pub const BUDGET_STROKE: u32 = 3;
/// The "⚠ over" text; the words carry the meaning, the colour only repeats it.
const OVER_COLOUR: RGBColor = RGBColor(0xB9, 0x1C, 0x1C);

const MIN_WIDTH: u32 = 320;
const MAX_WIDTH: u32 = 2400;
const MIN_HEIGHT: u32 = 220;
const MAX_HEIGHT: u32 = 1200;
/// Amounts beyond this are drawn as this; keeps arithmetic finite and labels short.
const LARGEST_VALUE: f64 = 1.0e12;

const MARGIN: f64 = 8.0;
const TICK_PX: f64 = 11.0;
const QUARTER_PX: f64 = 11.0;
const OVER_PX: f64 = 11.0;
/// Room above the plot for an "⚠ over" label over the tallest bar.
const OVER_ROOM: f64 = 18.0;
/// Room under the plot for the quarter and the year.
const BOTTOM: f64 = 34.0;
const SWATCH_W: f64 = 22.0;
/// Value intervals on the axis, at most.
const MAX_INTERVALS: f64 = 5.0;

/// Draws planned spend against budget for each quarter as an SVG document of `width` x
/// `height` pixels (clamped to 320..=2400 and 220..=1200).
///
/// With no quarters, or nothing planned and no budget in any of them, the SVG holds only
/// [`empty_message`].
pub fn render(plans: &[QuarterPlan], width: u32, height: u32) -> Result<String, ChartError> {
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let height = height.clamp(MIN_HEIGHT, MAX_HEIGHT);
    let bars: Vec<Bar> = plans.iter().map(Bar::of).collect();
    let largest = bars.iter().map(Bar::top_value).fold(0.0, f64::max);
    if largest <= 0.0 {
        return message_svg(width, height, empty_message());
    }
    let labels: Vec<String> = BudgetCategory::ALL
        .iter()
        .map(|c| crate::i18n::label(language(), c.label()).to_string())
        .chain([budget_label().to_string()])
        .collect();
    let legend = Legend::layout(&labels, SWATCH_W, f64::from(width) - 2.0 * MARGIN);
    let layout = Layout::new(&bars, largest, &legend, f64::from(width), f64::from(height));

    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        legend.draw(&root, &labels, MARGIN, MARGIN, draw_swatch)?;
        draw_axis(&root, &layout)?;
        for (index, bar) in bars.iter().enumerate() {
            draw_bar(&root, &layout, index, bar)?;
        }
        root.present()?;
    }
    Ok(buf)
}

/// An amount as drawn: finite, from 0 to [`LARGEST_VALUE`]; anything else is 0.
fn clean(v: f64) -> f64 {
    if v.is_finite() {
        v.clamp(0.0, LARGEST_VALUE)
    } else {
        0.0
    }
}

/// One quarter, cleaned.
struct Bar {
    quarter: crate::domain::budget::Quarter,
    planned: [f64; 4],
    budget: Option<f64>,
    /// The label above the bar: [`over_label`], [`part_over_label`] or none, from the same
    /// [`Standing`] the table words.
    over: Option<&'static str>,
}

impl Bar {
    fn of(p: &QuarterPlan) -> Bar {
        let budgets: Vec<f64> = p
            .budget
            .iter()
            .flatten()
            .copied()
            .filter(|v| v.is_finite())
            .collect();
        Bar {
            quarter: p.quarter,
            planned: p.planned.map(clean),
            budget: (!budgets.is_empty()).then(|| clean(budgets.iter().sum())),
            over: {
                let verdict = Standing::of(p).verdict();
                if verdict.whole_over() {
                    Some(over_label())
                } else if verdict.is_flagged() {
                    Some(part_over_label())
                } else {
                    None
                }
            },
        }
    }

    fn total(&self) -> f64 {
        self.planned.iter().sum()
    }

    /// The highest value drawn for this quarter: the bar or the budget line.
    fn top_value(&self) -> f64 {
        self.total().max(self.budget.unwrap_or(0.0))
    }
}

/// Where things go.
struct Layout {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    /// The value at the top of the axis, and the tick step.
    axis_max: f64,
    step: f64,
    slot: f64,
    bar_w: f64,
    /// Every how many quarters a quarter label is written (1 when they all fit).
    label_every: usize,
}

impl Layout {
    fn new(bars: &[Bar], largest: f64, legend: &Legend, width: f64, height: f64) -> Self {
        let step = nice_step(largest / MAX_INTERVALS.max(1.0) * 1.05);
        let axis_max = (largest / step - 1e-9).ceil().max(1.0) * step;
        let widest_tick = ticks(axis_max, step)
            .iter()
            .map(|t| approx_text_width(&tick_text(*t, axis_max), TICK_PX))
            .fold(0.0, f64::max);
        let left = MARGIN + widest_tick + 6.0;
        let right = width - MARGIN;
        let top = MARGIN + legend.height + 6.0 + OVER_ROOM;
        let bottom = (height - BOTTOM).max(top + 40.0);
        let slot = (right - left) / bars.len().max(1) as f64;
        let bar_w = (slot * 0.56).clamp(1.0, 80.0);
        let label_w = approx_text_width(&quarter_label(4), QUARTER_PX) + 4.0;
        let label_every = (label_w / slot.max(1.0)).ceil().max(1.0) as usize;
        Layout {
            left,
            right,
            top,
            bottom,
            axis_max,
            step,
            slot,
            bar_w,
            label_every,
        }
    }

    fn y_of(&self, value: f64) -> f64 {
        self.bottom - (value / self.axis_max).clamp(0.0, 1.0) * (self.bottom - self.top)
    }

    fn centre(&self, index: usize) -> f64 {
        self.left + (index as f64 + 0.5) * self.slot
    }
}

/// A round step (1, 2, 2.5 or 5 times a power of ten) of at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let raw = if raw.is_finite() && raw > 0.0 {
        raw
    } else {
        1.0
    };
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * magnitude)
}

/// The tick values from 0 to `axis_max`.
fn ticks(axis_max: f64, step: f64) -> Vec<f64> {
    let n = (axis_max / step).round().clamp(1.0, 20.0) as usize;
    (0..=n).map(|k| k as f64 * step).collect()
}

/// A tick label on an axis up to `axis_max`: "0", "750", "2.5k", "40k", "1.2M" (in Chinese
/// "25万", "1.2亿"); the unit follows the axis's top ([`short_scale`]), so one axis uses one
/// unit.
fn tick_text(v: f64, axis_max: f64) -> String {
    if v == 0.0 {
        return "0".to_string();
    }
    let (divisor, suffix) = short_scale(axis_max);
    let text = format!("{:.2}", v / divisor);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}{suffix}")
}

/// The label under a quarter's bar: "Q3".
fn quarter_label(q: u8) -> String {
    crate::i18n::fill(
        word("charts.budget_quarter"),
        &[("quarter", &q.to_string())],
    )
}

/// A legend swatch: a block of the category's colour, or a stretch of the budget line.
fn draw_swatch(root: &Area<'_>, index: usize, x: f64, y: f64) -> Result<(), ChartError> {
    match CATEGORY_COLOURS.get(index) {
        Some(colour) => {
            let rect = [
                (i32_of(x + 4.0), i32_of(y - 6.0)),
                (i32_of(x + SWATCH_W - 4.0), i32_of(y + 6.0)),
            ];
            root.draw(&Rectangle::new(rect, colour.filled()))?;
        }
        None => {
            root.draw(&PathElement::new(
                vec![(i32_of(x), i32_of(y)), (i32_of(x + SWATCH_W), i32_of(y))],
                BUDGET_COLOUR.stroke_width(BUDGET_STROKE),
            ))?;
        }
    }
    Ok(())
}

/// Horizontal grid lines with their values, and the baseline.
fn draw_axis(root: &Area<'_>, layout: &Layout) -> Result<(), ChartError> {
    let label = text_style(TICK_PX, MUTED, HPos::Right, VPos::Center);
    for t in ticks(layout.axis_max, layout.step) {
        let y = i32_of(layout.y_of(t));
        let colour = if t == 0.0 { GRID_STRONG } else { GRID };
        root.draw(&PathElement::new(
            vec![(i32_of(layout.left), y), (i32_of(layout.right), y)],
            colour.stroke_width(1),
        ))?;
        root.draw(&Text::new(
            tick_text(t, layout.axis_max),
            (i32_of(layout.left - 6.0), y),
            label.clone(),
        ))?;
    }
    Ok(())
}

fn draw_bar(root: &Area<'_>, layout: &Layout, index: usize, bar: &Bar) -> Result<(), ChartError> {
    let centre = layout.centre(index);
    let (x0, x1) = (
        i32_of(centre - layout.bar_w / 2.0),
        i32_of(centre + layout.bar_w / 2.0),
    );
    // Segments stack from the baseline in category order.
    let mut below = 0.0;
    for c in BudgetCategory::ALL {
        let value = bar.planned[c.index()];
        if value <= 0.0 {
            continue;
        }
        let bottom = i32_of(layout.y_of(below));
        below += value;
        // A sliver still shows as one pixel, so every category with spend is visible.
        let top = i32_of(layout.y_of(below)).min(bottom - 1);
        root.draw(&Rectangle::new(
            [(x0, top), (x1, bottom)],
            CATEGORY_COLOURS[c.index()].filled(),
        ))?;
    }

    let mut highest = layout.y_of(bar.total());
    if let Some(budget) = bar.budget {
        let y = layout.y_of(budget);
        let half = (layout.bar_w / 2.0 + 6.0)
            .min(layout.slot / 2.0 - 1.0)
            .max(1.0);
        let line = vec![
            (i32_of(centre - half), i32_of(y)),
            (i32_of(centre + half), i32_of(y)),
        ];
        // A white edge keeps the line readable where it crosses a dark segment.
        root.draw(&PathElement::new(
            line.clone(),
            WHITE.stroke_width(BUDGET_STROKE + 2),
        ))?;
        root.draw(&PathElement::new(
            line,
            BUDGET_COLOUR.stroke_width(BUDGET_STROKE),
        ))?;
        highest = highest.min(y - 2.0);
    }
    if let Some(label) = bar.over {
        // The whole label where it fits the slot, the warning sign alone where it does not.
        let text = if approx_text_width(label, OVER_PX) <= layout.slot {
            label
        } else {
            OVER_SIGN
        };
        let style = text_style(OVER_PX, OVER_COLOUR, HPos::Center, VPos::Bottom);
        root.draw(&Text::new(
            text,
            (i32_of(centre), i32_of(highest - 3.0)),
            style,
        ))?;
    }

    if index.is_multiple_of(layout.label_every) {
        let quarter = text_style(QUARTER_PX, INK, HPos::Center, VPos::Top);
        root.draw(&Text::new(
            quarter_label(bar.quarter.q),
            (i32_of(centre), i32_of(layout.bottom + 4.0)),
            quarter,
        ))?;
        // The year under the first quarter shown and under each first quarter of a year.
        if index == 0 || bar.quarter.q == 1 {
            let year = text_style(TICK_PX, MUTED, HPos::Center, VPos::Top);
            root.draw(&Text::new(
                bar.quarter.year.to_string(),
                (i32_of(centre), i32_of(layout.bottom + 18.0)),
                year,
            ))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        assert_no_english, assert_well_formed, lines_of, rects_with, texts, InLanguage,
    };
    use super::*;
    use crate::domain::budget::Quarter;
    use crate::i18n::Lang;

    fn plan(quarter: &str, planned: [f64; 4], budget: [Option<f64>; 4]) -> QuarterPlan {
        let mut p = QuarterPlan::new(Quarter::parse(quarter).unwrap());
        p.planned = planned;
        p.budget = budget;
        p
    }

    fn example() -> Vec<QuarterPlan> {
        vec![
            // Over: tools 5,000 against a budget of 4,000.
            plan(
                "2026-Q3",
                [20_000.0, 5_000.0, 1_000.0, 0.0],
                [None, Some(4_000.0), None, None],
            ),
            plan(
                "2026-Q4",
                [20_000.0, 3_000.0, 1_000.0, 6_000.0],
                [Some(25_000.0), Some(4_000.0), Some(2_000.0), Some(6_000.0)],
            ),
            plan("2027-Q1", [20_000.0, 0.0, 0.0, 0.0], [None; 4]),
            plan("2027-Q2", [0.0; 4], [None, None, None, Some(500.0)]),
        ]
    }

    #[test]
    fn one_segment_per_category_with_spend_and_a_legend() {
        let svg = render(&example(), 560, 300).unwrap();
        assert_well_formed(&svg);
        assert!(svg.starts_with("<svg width=\"560\" height=\"300\""));
        // Quarters with spend per category, plus the legend swatch.
        let expected = [3 + 1, 2 + 1, 2 + 1, 1 + 1];
        for c in BudgetCategory::ALL {
            let found = rects_with(&svg, CATEGORY_COLOURS[c.index()], "y", "height").len();
            assert_eq!(found, expected[c.index()], "{}", c.label());
        }
        let texts = texts(&svg);
        for c in BudgetCategory::ALL {
            assert!(texts.contains(&c.label().to_string()), "{texts:?}");
        }
        assert!(texts.contains(&budget_label().to_string()));
        for q in ["Q3", "Q4", "Q1", "Q2", "2026", "2027"] {
            assert!(texts.contains(&q.to_string()), "{q} in {texts:?}");
        }
        // The year is written once per year.
        assert_eq!(texts.iter().filter(|t| *t == "2026").count(), 1);
    }

    #[test]
    fn segments_are_proportional_and_stacked() {
        let plans = vec![plan("2026-Q1", [4_000.0, 2_000.0, 0.0, 0.0], [None; 4])];
        let svg = render(&plans, 560, 300).unwrap();
        let people = rects_with(&svg, CATEGORY_COLOURS[0], "y", "height");
        let tools = rects_with(&svg, CATEGORY_COLOURS[1], "y", "height");
        // The legend swatch comes first; the segment after it.
        let (py, ph) = people[1];
        let (ty, th) = tools[1];
        assert!((ph - 2 * th).abs() <= 1, "{ph} vs {th}");
        // Tools sit on top of people.
        assert!((ty + th - py).abs() <= 1, "{ty}+{th} vs {py}");
    }

    #[test]
    fn budget_line_per_quarter_with_a_budget() {
        let svg = render(&example(), 560, 300).unwrap();
        // Three quarters have a budget, plus the legend's line.
        let lines = lines_of(&svg, BUDGET_COLOUR, BUDGET_STROKE);
        assert_eq!(lines.len(), 4, "{lines:?}");
        // Q4's budget (37,000) sits higher than Q2's (500), lines are horizontal.
        let y = |line: &Vec<(i32, i32)>| line[0].1;
        assert!(lines.iter().all(|l| l.len() == 2 && l[0].1 == l[1].1));
        assert!(y(&lines[2]) < y(&lines[3]));
    }

    #[test]
    fn over_budget_quarters_say_so_in_words() {
        let svg = render(&example(), 560, 300).unwrap();
        let written = texts(&svg);
        // Only 2026-Q3 is over: Q4 is within every category's budget.
        assert_eq!(written.iter().filter(|t| *t == over_label()).count(), 1);
        let within = vec![plan(
            "2026-Q1",
            [100.0, 0.0, 0.0, 0.0],
            [Some(100.0), None, None, None],
        )];
        let svg = render(&within, 560, 300).unwrap();
        assert!(!texts(&svg).iter().any(|t| t.starts_with('⚠')));
        // A category over while the quarter as a whole is under: not "over", "part over".
        let part = vec![plan(
            "2026-Q1",
            [50.0, 0.0, 150.0, 0.0],
            [Some(200.0), None, Some(100.0), None],
        )];
        let written = texts(&render(&part, 560, 300).unwrap());
        assert!(
            written.contains(&part_over_label().to_string()),
            "{written:?}"
        );
        assert!(!written.contains(&over_label().to_string()), "{written:?}");
    }

    #[test]
    fn value_ticks_are_round_numbers() {
        let svg = render(&example(), 560, 300).unwrap();
        let texts = texts(&svg);
        // Largest value 37,000: steps of 10k up to 40k.
        for t in ["0", "10k", "20k", "30k", "40k"] {
            assert!(texts.contains(&t.to_string()), "{t} in {texts:?}");
        }
        assert_eq!(tick_text(2_500.0, 10_000.0), "2.5k");
        assert_eq!(tick_text(750.0, 1_000.0), "750");
        assert_eq!(tick_text(6_000.0, 6_000.0), "6000");
        assert_eq!(tick_text(500_000.0, 1_500_000.0), "0.5M");
        assert_eq!(tick_text(1_500_000.0, 1_500_000.0), "1.5M");
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(2_100.0), 2_500.0);
        assert_eq!(nice_step(7_400.0), 10_000.0);
    }

    #[test]
    fn empty_data_shows_a_message() {
        for plans in [vec![], vec![plan("2026-Q1", [0.0; 4], [None; 4])]] {
            let svg = render(&plans, 560, 300).unwrap();
            assert_well_formed(&svg);
            assert_eq!(texts(&svg), vec![empty_message().to_string()]);
        }
    }

    #[test]
    fn labels_are_escaped_and_well_formed() {
        let svg = render(&example(), 560, 300).unwrap();
        assert_well_formed(&svg);
        // "⚠" goes out as text, and no label leaks markup.
        assert!(svg.contains(over_label()));
        for t in texts(&svg) {
            assert!(!t.contains('<') && !t.contains('>'), "{t}");
        }
    }

    #[test]
    fn bad_values_are_cleaned_and_sizes_clamped() {
        let normal = render(&example(), 560, 300).unwrap();
        let wild = vec![
            plan(
                "2026-Q1",
                [f64::NAN, -50.0, f64::INFINITY, 1e300],
                [Some(f64::NAN), Some(-1.0), None, Some(f64::INFINITY)],
            ),
            plan("2026-Q2", [f64::NEG_INFINITY, 10.0, 0.0, 0.0], [None; 4]),
        ];
        let svg = render(&wild, 560, 300).unwrap();
        assert_well_formed(&svg);
        assert!(svg.len() < normal.len() + 400, "{}", svg.len());
        // NaN, negative and infinite spend draw nothing; only the huge partner value and the
        // small tools value have segments (plus legend swatches).
        let count = |c| rects_with(&svg, c, "y", "height").len();
        assert_eq!(count(CATEGORY_COLOURS[0]), 1);
        assert_eq!(count(CATEGORY_COLOURS[1]), 2);
        assert_eq!(count(CATEGORY_COLOURS[2]), 1);
        assert_eq!(count(CATEGORY_COLOURS[3]), 2);
        for c in CATEGORY_COLOURS {
            for (y, h) in rects_with(&svg, c, "y", "height") {
                assert!((0..=300).contains(&y) && (0..=300).contains(&h), "{y} {h}");
            }
        }
        let svg = render(&example(), 0, 0).unwrap();
        assert!(svg.starts_with("<svg width=\"320\" height=\"220\""));
        assert_well_formed(&svg);
        let svg = render(&example(), u32::MAX, u32::MAX).unwrap();
        assert!(svg.starts_with("<svg width=\"2400\" height=\"1200\""));
    }

    #[test]
    fn many_quarters_stay_readable() {
        let plans: Vec<QuarterPlan> = (0..40)
            .map(|i| {
                let q = Quarter::parse("2026-Q1").unwrap().plus(i);
                let mut p = QuarterPlan::new(q);
                p.planned = [1_000.0, 0.0, 0.0, 0.0];
                p.budget = [Some(500.0), None, None, None];
                p
            })
            .collect();
        let svg = render(&plans, 320, 220).unwrap();
        assert_well_formed(&svg);
        let texts = texts(&svg);
        // Narrow slots: the warning sign alone, one per quarter; fewer quarter labels.
        assert_eq!(texts.iter().filter(|t| *t == "⚠").count(), 40);
        assert!(texts.iter().filter(|t| t.starts_with('Q')).count() < 40);
    }

    #[test]
    fn chinese_words_replace_the_english_ones() {
        let _zh = InLanguage::new(Lang::Zh);
        let svg = render(&example(), 560, 300).unwrap();
        assert_well_formed(&svg);
        let written = texts(&svg);
        for word in ["人员", "工具与供应商", "基础设施", "合作伙伴", "已批预算"]
        {
            assert!(written.contains(&word.to_string()), "{word} in {written:?}");
        }
        assert_eq!(written.iter().filter(|t| *t == "⚠ 超支").count(), 1);
        assert!(written.contains(&"Q3".to_string()), "{written:?}");
        // Largest value 37,000: written in full in Chinese, which counts in 万 from 100,000.
        assert!(written.contains(&"40000".to_string()), "{written:?}");
        assert_eq!(tick_text(500_000.0, 1_500_000.0), "50万");
        assert_eq!(tick_text(2.5e8, 3e8), "2.5亿");
        assert_no_english(&written);

        let svg = render(&[], 560, 300).unwrap();
        assert_eq!(
            texts(&svg),
            vec!["这些季度还没有计划支出，也没有已批预算".to_string()]
        );
    }

    /// Writes the example to the temp dir for looking at:
    /// `cargo test --lib charts::budget -- --ignored`, then `rsvg-convert`.
    #[test]
    #[ignore = "writes a preview file"]
    fn preview() {
        let path = std::env::temp_dir().join("budget.svg");
        std::fs::write(&path, render(&example(), 560, 300).unwrap()).unwrap();
    }
}
