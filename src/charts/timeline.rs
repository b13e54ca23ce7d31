//! The roadmap timeline: one horizontal bar per initiative on a shared calendar, in groups (by
//! area or by horizon: the caller decides), with a "Today" line, milestone diamonds and
//! dependency-conflict marks.
//!
//! Owns the layout and styling of that chart only. It knows nothing of initiatives beyond a
//! label, dates and a status: the caller builds the [`Timeline`] and filters out what it does
//! not want shown. Every row has the same height ([`ROW_HEIGHT`]), so the chart grows downwards
//! with its rows and stays readable with hundreds of initiatives. The output holds a few
//! elements per bar and per axis tick, never one per day, so its size stays O(bars) whatever
//! the dates.

use chrono::{Datelike, NaiveDate};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontStyle;

use super::{
    approx_text_width, clean_label, columns, font, i32_of, language, message_svg, month_index,
    month_name, month_start, month_year, quarter_year, text_style, truncate_columns, word, Area,
    ChartError, CURRENT, GRID, GRID_STRONG, INK, MUTED, OTHERS, TRACK,
};
use crate::domain::roadmap::InitiativeStatus;

/// Shown instead of the chart when no bar is given, in the chart language.
pub fn empty_message() -> &'static str {
    word("charts.timeline_empty")
}

/// The height of every row (a bar or a group header), in pixels.
///
/// Fixed rather than shared out, so that 200 initiatives give a tall chart with readable rows
/// instead of a squeezed one: see [`height_for`].
pub const ROW_HEIGHT: u32 = 22;

/// One initiative on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Shown in the label column, cut with "…" when it does not fit.
    pub label: String,
    /// First day of work.
    pub start: NaiveDate,
    /// The day after the last day of work (exclusive); an end on or before the start is drawn
    /// as a one-day bar.
    pub end: NaiveDate,
    /// Marked with a diamond at the end of the bar.
    pub milestone: bool,
    /// Starts before one of its dependencies ends: red outline and a "!" before the bar.
    pub conflict: bool,
    /// Chooses the bar's colour; dropped bars are drawn pale and struck through.
    pub status: InitiativeStatus,
}

/// A titled run of bars, drawn under a bold header row, in the order given.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The header, e.g. an area's name or "Now (next 3 months)".
    pub label: String,
    /// The group's bars, top to bottom. A group without bars is not drawn.
    pub bars: Vec<Bar>,
}

/// Everything the timeline shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// Groups, top to bottom.
    pub groups: Vec<Group>,
    /// Where the "Today" line goes; the time range always includes it.
    pub today: NaiveDate,
}

const MIN_WIDTH: u32 = 480;
const MAX_WIDTH: u32 = 2400;
/// The height of the empty-state SVG.
const EMPTY_HEIGHT: u32 = 120;

/// Planned work: a light blue, so the eye goes to work in progress first.
const PLANNED: RGBColor = RGBColor(0x93, 0xC5, 0xFD);
/// Work in progress: the strong blue of "current" elsewhere.
const IN_PROGRESS: RGBColor = CURRENT;
/// Finished work: muted slate.
const DONE: RGBColor = RGBColor(0x94, 0xA3, 0xB8);
/// Dropped work: pale fill, outlined and struck through in [`MUTED`].
const DROPPED: RGBColor = TRACK;
/// Dependency conflicts.
const CONFLICT: RGBColor = RGBColor(0xDC, 0x26, 0x26);
/// Milestone diamonds.
const MILESTONE: RGBColor = OTHERS[0];
/// The "Today" line and its label; distinct from the conflict red.
const TODAY: RGBColor = OTHERS[1];
/// Behind group header rows.
const BAND: RGBColor = RGBColor(0xF8, 0xFA, 0xFC);

const MARGIN: f64 = 8.0;
const TOP: f64 = 6.0;
const LEGEND_H: f64 = 20.0;
/// The line holding the "Today" label, above the tick labels so the two never collide.
const TODAY_LABEL_H: f64 = 16.0;
const TICK_LABEL_H: f64 = 16.0;
/// The top of the first row.
const ROWS_TOP: f64 = TOP + LEGEND_H + TODAY_LABEL_H + TICK_LABEL_H;
const BOTTOM: f64 = 10.0;

const LABEL_PX: f64 = 12.0;
const HEADER_PX: f64 = 12.0;
const TICK_PX: f64 = 11.0;
const LEGEND_PX: f64 = 11.0;
const MARK_PX: f64 = 14.0;
/// Bar labels sit this far right of group headers.
const INDENT: f64 = 10.0;
/// Room between the label column and the earliest date, where a "!" marker can go.
const LABEL_GAP: f64 = 14.0;
/// The label column never takes more than this share of the width.
const LABEL_SHARE: f64 = 0.32;
const MIN_LABEL_W: f64 = 60.0;
const BAR_HALF: f64 = 7.0;
/// A one-day bar on a multi-year chart is narrower than a pixel; it is widened to this.
const MIN_BAR_PX: i32 = 2;
const DIAMOND_HALF: f64 = 6.0;
const SWATCH_W: f64 = 12.0;
const SWATCH_H: f64 = 10.0;

/// The average month, for estimating how many ticks a range holds.
const MONTH_DAYS: f64 = 30.44;
/// Tick steps in months tried in turn until the labels fit: month, quarter, then years.
/// The last ones cover chrono's whole date range, so some step always fits.
const TICK_STEPS: [i64; 20] = [
    1, 3, 12, 24, 60, 120, 240, 600, 1_200, 2_400, 6_000, 12_000, 24_000, 60_000, 120_000, 240_000,
    600_000, 1_200_000, 2_400_000, 6_000_000,
];
/// Month ticks only while the range is at most this many months; quarters or years beyond.
const MAX_MONTHLY_SPAN: f64 = 18.0;
/// The closest two ticks may be; bounds the number of ticks by the width, whatever the dates.
const MIN_TICK_SPACING: f64 = 24.0;

/// The height in pixels of the SVG [`render`] draws for `t`: a fixed head (legend, "Today"
/// label, axis), [`ROW_HEIGHT`] per row (one per bar and one per group header) and a margin.
pub fn height_for(t: &Timeline) -> u32 {
    let rows = row_count(t);
    if rows == 0 {
        return EMPTY_HEIGHT;
    }
    u32::try_from(rows)
        .unwrap_or(u32::MAX)
        .saturating_mul(ROW_HEIGHT)
        .saturating_add((ROWS_TOP + BOTTOM) as u32)
}

/// Draws the timeline as an SVG document `width` pixels wide and [`height_for`] high.
///
/// The width is clamped to 480..=2400 pixels. The time range runs from the earliest start to
/// the latest end, widened to include `today` and padded a little. Axis ticks are months when
/// the range is at most 18 months, otherwise quarters, or years when quarters do not fit. With
/// no bars the SVG holds only the message [`empty_message`]. Words and months are in the chart
/// language (`charts::set_language`).
///
/// ```
/// use chrono::NaiveDate;
/// use cto_workbench::charts::timeline::{render, Bar, Group, Timeline};
/// use cto_workbench::domain::roadmap::InitiativeStatus;
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let bar = Bar {
///     label: "Move to managed database".into(),
///     start: day(3, 2),
///     end: day(4, 27),
///     milestone: true,
///     conflict: false,
///     status: InitiativeStatus::Planned,
/// };
/// let t = Timeline {
///     groups: vec![Group { label: "Stack and architecture".into(), bars: vec![bar] }],
///     today: day(2, 1),
/// };
/// let svg = render(&t, 720).unwrap();
/// assert!(svg.contains("Move to managed database") && svg.contains("Today"));
/// ```
pub fn render(t: &Timeline, width: u32) -> Result<String, ChartError> {
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let height = height_for(t);
    let Some(layout) = Layout::new(t, f64::from(width)) else {
        return message_svg(width, height, empty_message());
    };

    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        draw_legend(&root, &layout, t)?;
        draw_axis(&root, &layout)?;
        let mut row = 0;
        for group in t.groups.iter().filter(|g| !g.bars.is_empty()) {
            draw_header(&root, &layout, row, &group.label)?;
            row += 1;
            for bar in &group.bars {
                draw_bar(&root, &layout, row, bar)?;
                row += 1;
            }
        }
        draw_today(&root, &layout, t.today)?;
        root.present()?;
    }
    Ok(buf)
}

/// Header rows plus bar rows.
fn row_count(t: &Timeline) -> usize {
    t.groups
        .iter()
        .filter(|g| !g.bars.is_empty())
        .map(|g| 1 + g.bars.len())
        .sum()
}

/// A date as a day number, for arithmetic in pixels.
fn day_of(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// The days a bar covers, start inclusive, end exclusive, at least one day long.
fn days_of(bar: &Bar) -> (f64, f64) {
    let start = day_of(bar.start);
    (start, day_of(bar.end).max(start + 1.0))
}

/// The date of a day number, clamped to chrono's range.
fn date_of(day: f64) -> NaiveDate {
    let lo = f64::from(NaiveDate::MIN.num_days_from_ce());
    let hi = f64::from(NaiveDate::MAX.num_days_from_ce());
    let day = if day.is_finite() { day.floor() } else { 0.0 };
    NaiveDate::from_num_days_from_ce_opt(day.clamp(lo, hi) as i32).unwrap_or(NaiveDate::MIN)
}

/// Cuts `text` until its estimated width at `px` is at most `max_w`.
fn fit(text: &str, px: f64, max_w: f64) -> String {
    let mut n = columns(text);
    let mut out = text.to_string();
    while n > 1 && approx_text_width(&out, px) > max_w {
        n -= 1;
        out = truncate_columns(text, n);
    }
    out
}

/// A cleaned label, or a placeholder when nothing is left.
fn label_text(text: &str, placeholder: &str) -> String {
    let cleaned = clean_label(text);
    if cleaned.is_empty() {
        placeholder.to_string()
    } else {
        cleaned
    }
}

/// Where things go: the label column, the calendar mapping and the axis ticks.
struct Layout {
    width: f64,
    /// Room for bar labels, from `MARGIN + INDENT`.
    label_w: f64,
    /// Pixel span of the calendar.
    left: f64,
    right: f64,
    /// Day-number span of the calendar (padded).
    lo: f64,
    hi: f64,
    ticks: Vec<Tick>,
    bottom: f64,
}

struct Tick {
    day: f64,
    label: String,
}

impl Layout {
    /// `None` when there are no bars to draw.
    fn new(t: &Timeline, width: f64) -> Option<Self> {
        let bars = || t.groups.iter().flat_map(|g| &g.bars);
        let today = day_of(t.today);
        let first = bars().map(|b| days_of(b).0).reduce(f64::min)?;
        let last = bars().map(|b| days_of(b).1).fold(f64::MIN, f64::max);
        let (first, last) = (first.min(today), last.max(today + 1.0));
        let pad = ((last - first) * 0.03).max(3.0);

        let widest = bars()
            .map(|b| approx_text_width(&label_text(&b.label, untitled()), LABEL_PX))
            .fold(0.0, f64::max);
        // Kept as the widest label itself (not a sum and difference), so that label fits
        // exactly and is not cut by a rounding error.
        let label_w = widest
            .max(MIN_LABEL_W - INDENT)
            .min((width - 2.0 * MARGIN) * LABEL_SHARE - INDENT);
        let left = MARGIN + INDENT + label_w + LABEL_GAP;
        let mut layout = Layout {
            width,
            label_w,
            left,
            right: width - MARGIN,
            lo: first - pad,
            hi: last + pad,
            ticks: Vec::new(),
            bottom: ROWS_TOP + row_count(t) as f64 * f64::from(ROW_HEIGHT),
        };
        layout.ticks = layout.choose_ticks();
        Some(layout)
    }

    fn x_of(&self, day: f64) -> f64 {
        self.left + (day - self.lo) / (self.hi - self.lo) * (self.right - self.left)
    }

    fn row_top(&self, row: usize) -> f64 {
        ROWS_TOP + row as f64 * f64::from(ROW_HEIGHT)
    }

    /// Pixels between two ticks `step` months apart, on average.
    fn spacing(&self, step: i64) -> f64 {
        (self.right - self.left) * step as f64 * MONTH_DAYS / (self.hi - self.lo)
    }

    /// The first tick step whose labels fit side by side, and its ticks.
    fn choose_ticks(&self) -> Vec<Tick> {
        let months = (self.hi - self.lo) / MONTH_DAYS;
        let max_ticks = (self.right - self.left) / MIN_TICK_SPACING;
        let first = month_index(date_of(self.lo));
        let last = month_index(date_of(self.hi));
        for step in TICK_STEPS {
            if step == 1 && months > MAX_MONTHLY_SPAN {
                continue;
            }
            // Checked before generating, so a range of centuries never builds thousands of
            // ticks only to throw them away.
            if months / step as f64 > max_ticks {
                continue;
            }
            let ticks = self.ticks_every(step, first, last);
            let widest = ticks
                .iter()
                .map(|t| approx_text_width(&t.label, TICK_PX))
                .fold(0.0, f64::max);
            if widest + 8.0 <= self.spacing(step) {
                return ticks;
            }
        }
        Vec::new()
    }

    /// Ticks on the first day of every `step`-th month between `first` and `last` (month
    /// indexes), aligned so quarters start in January and years on round numbers.
    fn ticks_every(&self, step: i64, first: i64, last: i64) -> Vec<Tick> {
        let mut ticks = Vec::new();
        let mut index = first - first.rem_euclid(step);
        while index <= last {
            if let Some(date) = month_start(index) {
                let day = day_of(date);
                if (self.lo..=self.hi).contains(&day) {
                    let label = tick_label(date, step, ticks.is_empty());
                    ticks.push(Tick { day, label });
                }
            }
            index += step;
        }
        ticks
    }
}

/// "Mar", with the year on the first tick and in January ("Jan 2026"); "Q2 2026"; "2026" (in
/// Chinese "3月", "2026年1月", "2026年Q2", "2026").
fn tick_label(date: NaiveDate, step: i64, first: bool) -> String {
    let month = date.month0();
    match step {
        1 if first || month == 0 => month_year(date),
        1 => month_name(date).to_string(),
        3 => quarter_year(month / 3 + 1, date.year()),
        _ => date.year().to_string(),
    }
}

/// The label of a bar with no name.
fn untitled() -> &'static str {
    word("charts.timeline_untitled")
}

/// What a legend entry shows beside its words.
#[derive(Clone, Copy)]
enum Key {
    Status(InitiativeStatus),
    Milestone,
    Conflict,
}

/// The legend: only the statuses and marks the chart uses, on one line.
fn draw_legend(root: &Area<'_>, layout: &Layout, t: &Timeline) -> Result<(), ChartError> {
    let bars = || t.groups.iter().flat_map(|g| &g.bars);
    let mut keys: Vec<(Key, &str, &str)> = InitiativeStatus::ALL
        .into_iter()
        .filter(|s| bars().any(|b| b.status == *s))
        .map(|s| {
            let label = crate::i18n::label(language(), s.label());
            (Key::Status(s), label, label)
        })
        .collect();
    if bars().any(|b| b.milestone) {
        let label = word("charts.timeline_milestone");
        keys.push((Key::Milestone, label, label));
    }
    if bars().any(|b| b.conflict) {
        keys.push((
            Key::Conflict,
            word("charts.timeline_conflict"),
            word("charts.timeline_conflict_short"),
        ));
    }
    let item_w = |text: &str| SWATCH_W + 4.0 + approx_text_width(text, LEGEND_PX) + 12.0;
    let room = layout.width - 2.0 * MARGIN;
    let long = keys.iter().map(|k| item_w(k.1)).sum::<f64>() <= room;

    let centre = TOP + LEGEND_H / 2.0;
    let (top, bottom) = (
        i32_of(centre - SWATCH_H / 2.0),
        i32_of(centre + SWATCH_H / 2.0),
    );
    let style = text_style(LEGEND_PX, INK, HPos::Left, VPos::Center);
    let mut x = MARGIN;
    for (key, long_text, short_text) in keys {
        let text = if long { long_text } else { short_text };
        if x + item_w(text) > layout.width - MARGIN + 12.0 {
            break;
        }
        let swatch = [(i32_of(x), top), (i32_of(x + SWATCH_W), bottom)];
        match key {
            Key::Status(status) => {
                root.draw(&Rectangle::new(swatch, fill_of(status).filled()))?;
                if status == InitiativeStatus::Dropped {
                    root.draw(&Rectangle::new(swatch, MUTED))?;
                }
            }
            Key::Milestone => {
                root.draw(&Polygon::new(
                    diamond(x + SWATCH_W / 2.0, centre, SWATCH_H / 2.0 + 1.0),
                    MILESTONE.filled(),
                ))?;
            }
            Key::Conflict => {
                root.draw(&Rectangle::new(swatch, CONFLICT))?;
            }
        }
        root.draw(&Text::new(
            text.to_string(),
            (i32_of(x + SWATCH_W + 4.0), i32_of(centre)),
            style.clone(),
        ))?;
        x += item_w(text);
    }
    Ok(())
}

/// Tick lines through the rows, their labels above, and the axis line.
fn draw_axis(root: &Area<'_>, layout: &Layout) -> Result<(), ChartError> {
    let style = text_style(TICK_PX, MUTED, HPos::Left, VPos::Bottom);
    let label_top = ROWS_TOP - TICK_LABEL_H;
    for tick in &layout.ticks {
        let x = i32_of(layout.x_of(tick.day));
        root.draw(&PathElement::new(
            vec![(x, i32_of(label_top)), (x, i32_of(layout.bottom))],
            GRID.stroke_width(1),
        ))?;
        // A label running off the right edge is left out; its line still shows.
        if f64::from(x) + 3.0 + approx_text_width(&tick.label, TICK_PX) <= layout.width {
            root.draw(&Text::new(
                tick.label.clone(),
                (x + 3, i32_of(ROWS_TOP - 3.0)),
                style.clone(),
            ))?;
        }
    }
    root.draw(&PathElement::new(
        vec![
            (i32_of(layout.left), i32_of(ROWS_TOP)),
            (i32_of(layout.right), i32_of(ROWS_TOP)),
        ],
        GRID_STRONG.stroke_width(1),
    ))?;
    Ok(())
}

/// A shaded row across the whole width with the group's name in bold.
fn draw_header(
    root: &Area<'_>,
    layout: &Layout,
    row: usize,
    label: &str,
) -> Result<(), ChartError> {
    let top = layout.row_top(row);
    let centre = top + f64::from(ROW_HEIGHT) / 2.0;
    root.draw(&Rectangle::new(
        [
            (0, i32_of(top + 1.0)),
            (
                i32_of(layout.width),
                i32_of(top + f64::from(ROW_HEIGHT) - 1.0),
            ),
        ],
        BAND.filled(),
    ))?;
    let text = fit(
        &label_text(label, word("charts.timeline_other")),
        HEADER_PX,
        layout.width - 2.0 * MARGIN,
    );
    let style = font(HEADER_PX, FontStyle::Bold, INK, HPos::Left, VPos::Center);
    root.draw(&Text::new(text, (i32_of(MARGIN), i32_of(centre)), style))?;
    Ok(())
}

fn fill_of(status: InitiativeStatus) -> RGBColor {
    match status {
        InitiativeStatus::Planned => PLANNED,
        InitiativeStatus::InProgress => IN_PROGRESS,
        InitiativeStatus::Done => DONE,
        InitiativeStatus::Dropped => DROPPED,
    }
}

/// The four corners of a diamond centred on (x, y).
fn diamond(x: f64, y: f64, half: f64) -> Vec<(i32, i32)> {
    vec![
        (i32_of(x), i32_of(y - half)),
        (i32_of(x + half), i32_of(y)),
        (i32_of(x), i32_of(y + half)),
        (i32_of(x - half), i32_of(y)),
    ]
}

/// One initiative: its label, its bar and its marks.
fn draw_bar(root: &Area<'_>, layout: &Layout, row: usize, bar: &Bar) -> Result<(), ChartError> {
    let centre = layout.row_top(row) + f64::from(ROW_HEIGHT) / 2.0;
    let label = fit(
        &label_text(&bar.label, untitled()),
        LABEL_PX,
        layout.label_w,
    );
    root.draw(&Text::new(
        label,
        (i32_of(MARGIN + INDENT), i32_of(centre)),
        text_style(LABEL_PX, INK, HPos::Left, VPos::Center),
    ))?;

    let (start, end) = days_of(bar);
    let x0 = i32_of(layout.x_of(start));
    let x1 = i32_of(layout.x_of(end)).max(x0 + MIN_BAR_PX);
    let (top, bottom) = (i32_of(centre - BAR_HALF), i32_of(centre + BAR_HALF));
    let y = i32_of(centre);
    root.draw(&Rectangle::new(
        [(x0, top), (x1, bottom)],
        fill_of(bar.status).filled(),
    ))?;
    if bar.status == InitiativeStatus::Dropped {
        // Pale alone would read as "planned" to some eyes: the strike says "dropped".
        root.draw(&Rectangle::new([(x0, top), (x1, bottom)], MUTED))?;
        root.draw(&PathElement::new(
            vec![(x0, y), (x1, y)],
            MUTED.stroke_width(1),
        ))?;
    }
    if bar.conflict {
        root.draw(&PathElement::new(
            vec![
                (x0 - 1, top - 1),
                (x1 + 1, top - 1),
                (x1 + 1, bottom + 1),
                (x0 - 1, bottom + 1),
                (x0 - 1, top - 1),
            ],
            CONFLICT.stroke_width(2),
        ))?;
        root.draw(&Text::new(
            "!",
            (x0 - 4, y),
            font(
                MARK_PX,
                FontStyle::Bold,
                CONFLICT,
                HPos::Right,
                VPos::Center,
            ),
        ))?;
    }
    if bar.milestone {
        root.draw(&Polygon::new(
            diamond(f64::from(x1), centre, DIAMOND_HALF),
            MILESTONE.filled(),
        ))?;
    }
    Ok(())
}

/// The "Today" line over the rows, labelled above the axis.
fn draw_today(root: &Area<'_>, layout: &Layout, today: NaiveDate) -> Result<(), ChartError> {
    let x = layout.x_of(day_of(today));
    root.draw(&PathElement::new(
        vec![
            (i32_of(x), i32_of(TOP + LEGEND_H + TODAY_LABEL_H)),
            (i32_of(x), i32_of(layout.bottom)),
        ],
        TODAY.stroke_width(2),
    ))?;
    // Kept inside the canvas when today is near an edge.
    let today_label = word("charts.timeline_today");
    let half = approx_text_width(today_label, LABEL_PX) / 2.0;
    let label_x = x.clamp(half + MARGIN, layout.width - half - MARGIN);
    root.draw(&Text::new(
        today_label,
        (
            i32_of(label_x),
            i32_of(TOP + LEGEND_H + TODAY_LABEL_H / 2.0),
        ),
        font(LABEL_PX, FontStyle::Bold, TODAY, HPos::Center, VPos::Center),
    ))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        assert_no_english, assert_well_formed, filled, lines_of, num, polygons_of, texts,
        InLanguage,
    };
    use super::*;
    use crate::i18n::Lang;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn bar(label: &str, start: NaiveDate, weeks: u64, status: InitiativeStatus) -> Bar {
        Bar {
            label: label.into(),
            start,
            end: start + chrono::Days::new(7 * weeks),
            milestone: false,
            conflict: false,
            status,
        }
    }

    fn example() -> Timeline {
        use InitiativeStatus::*;
        let mut audit = bar("Security audit", day(2026, 1, 5), 6, Done);
        audit.milestone = true;
        let mut sso = bar("Single sign-on", day(2026, 3, 2), 8, Planned);
        sso.conflict = true;
        let mut launch = bar("Public launch", day(2026, 6, 1), 2, Planned);
        launch.milestone = true;
        Timeline {
            groups: vec![
                Group {
                    label: "Security and compliance".into(),
                    bars: vec![audit, sso],
                },
                Group {
                    label: "Stack and architecture".into(),
                    bars: vec![
                        bar("Managed database", day(2026, 2, 2), 10, InProgress),
                        launch,
                    ],
                },
            ],
            today: day(2026, 3, 16),
        }
    }

    /// Lines of the rectangles filled with `colour` in the rows (not the legend).
    fn row_rects(svg: &str, colour: RGBColor) -> impl Iterator<Item = &str> {
        filled(svg, "rect", colour)
            .into_iter()
            .filter(|l| f64::from(num(l, "y")) >= ROWS_TOP)
    }

    /// (x, width) of every rectangle filled with `colour` in the rows (not the legend).
    fn bars_of(svg: &str, colour: RGBColor) -> Vec<(i32, i32)> {
        row_rects(svg, colour)
            .map(|l| (num(l, "x"), num(l, "width")))
            .collect()
    }

    fn today_x(svg: &str) -> i32 {
        let lines = lines_of(svg, TODAY, 2);
        assert_eq!(lines.len(), 1, "one today line");
        lines[0][0].0
    }

    #[test]
    fn draws_one_bar_per_initiative_with_its_label() {
        let t = example();
        let svg = render(&t, 720).unwrap();
        assert_well_formed(&svg);
        let height = height_for(&t);
        assert_eq!(height, 6 * ROW_HEIGHT + (ROWS_TOP + BOTTOM) as u32);
        assert!(svg.starts_with(&format!("<svg width=\"720\" height=\"{height}\"")));
        assert_eq!(bars_of(&svg, PLANNED).len(), 2);
        assert_eq!(bars_of(&svg, IN_PROGRESS).len(), 1);
        assert_eq!(bars_of(&svg, DONE).len(), 1);
        let texts = texts(&svg);
        for label in [
            "Security audit",
            "Single sign-on",
            "Managed database",
            "Public launch",
        ] {
            assert!(texts.contains(&label.to_string()), "{label} in {texts:?}");
        }
        // The legend names the statuses used, in words, not only colours.
        for word in ["Planned", "In progress", "Done", "Milestone"] {
            assert!(texts.contains(&word.to_string()), "{word} in {texts:?}");
        }
        assert!(!texts.contains(&"Dropped".to_string()));
    }

    #[test]
    fn groups_and_bars_keep_the_given_order() {
        let svg = render(&example(), 720).unwrap();
        let texts = texts(&svg);
        let at = |s: &str| texts.iter().position(|t| t == s).unwrap();
        assert!(at("Security and compliance") < at("Security audit"));
        assert!(at("Security audit") < at("Single sign-on"));
        assert!(at("Single sign-on") < at("Stack and architecture"));
        assert!(at("Stack and architecture") < at("Managed database"));
        assert!(at("Managed database") < at("Public launch"));
        // Headers are bold.
        let attributes_of = |label: &str| {
            let part = svg.split("<text").find(|p| p.contains(label)).unwrap();
            part[..part.find('>').unwrap()].to_string()
        };
        assert!(attributes_of("Security and compliance").contains("font-weight=\"bold\""));
        assert!(!attributes_of("Security audit").contains("bold"));
        // Rows go downwards: the in-progress bar (row 4) is below the done bar (row 1).
        let y_of = |colour| num(row_rects(&svg, colour).next().unwrap(), "y");
        assert_eq!(y_of(IN_PROGRESS) - y_of(DONE), 3 * ROW_HEIGHT as i32);
    }

    #[test]
    fn labels_are_escaped() {
        let mut t = example();
        t.groups[0].label = "<b>Team</b> & co".into();
        t.groups[0].bars[0].label = "<script>alert(1)</script>".into();
        let svg = render(&t, 720).unwrap();
        assert_well_formed(&svg);
        assert!(!svg.contains("<script"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("&lt;b&gt;Team&lt;/b&gt; &amp; co"));
    }

    #[test]
    fn today_line_sits_between_past_and_future_bars() {
        use InitiativeStatus::*;
        let t = Timeline {
            groups: vec![Group {
                label: "Now".into(),
                bars: vec![
                    bar("Past", day(2026, 1, 5), 4, Done),
                    bar("Future", day(2026, 5, 4), 4, Planned),
                    bar("Current", day(2026, 2, 23), 8, InProgress),
                ],
            }],
            today: day(2026, 3, 16),
        };
        let svg = render(&t, 800).unwrap();
        assert_well_formed(&svg);
        assert!(texts(&svg).contains(&"Today".to_string()));
        let x = today_x(&svg);
        let past = bars_of(&svg, DONE)[0];
        let future = bars_of(&svg, PLANNED)[0];
        let current = bars_of(&svg, IN_PROGRESS)[0];
        assert!(past.0 + past.1 < x, "{past:?} ends before {x}");
        assert!(future.0 > x, "{future:?} starts after {x}");
        assert!(current.0 < x && current.0 + current.1 > x, "{current:?}");
        // The line spans all rows: from above the axis to the last row's bottom.
        let line = &lines_of(&svg, TODAY, 2)[0];
        assert_eq!(line[1].1, i32_of(ROWS_TOP) + 4 * ROW_HEIGHT as i32);
    }

    #[test]
    fn range_includes_today_far_from_the_bars() {
        let t = Timeline {
            groups: vec![Group {
                label: "Later".into(),
                bars: vec![bar("Hire", day(2027, 6, 7), 4, InitiativeStatus::Planned)],
            }],
            today: day(2026, 1, 1),
        };
        let svg = render(&t, 600).unwrap();
        assert_well_formed(&svg);
        let x = today_x(&svg);
        let hire = bars_of(&svg, PLANNED)[0];
        assert!(x < hire.0);
        assert!(x > 0 && hire.0 + hire.1 < 600);
    }

    #[test]
    fn milestones_get_a_diamond_at_their_end() {
        let svg = render(&example(), 720).unwrap();
        let diamonds: Vec<_> = polygons_of(&svg, MILESTONE)
            .into_iter()
            .filter(|pts| pts.iter().all(|&(_, y)| f64::from(y) >= ROWS_TOP))
            .collect();
        assert_eq!(diamonds.len(), 2);
        // The diamond's top point is at the bar's right end.
        let (x, w) = bars_of(&svg, DONE)[0];
        assert_eq!(diamonds[0][0].0, x + w);
        // The legend's diamond is there too, but outside the rows.
        assert_eq!(svg.matches("<polygon").count(), 3);
    }

    #[test]
    fn conflicts_get_a_red_outline_and_a_mark() {
        let mut t = example();
        t.groups[1].bars[1].conflict = true;
        let svg = render(&t, 720).unwrap();
        assert_well_formed(&svg);
        assert_eq!(lines_of(&svg, CONFLICT, 2).len(), 2);
        let texts = texts(&svg);
        assert_eq!(texts.iter().filter(|t| *t == "!").count(), 2);
        assert!(texts.contains(&"! Dependency conflict".to_string()));
        // Without conflicts, neither marks nor the legend entry.
        let svg = render(&example_without_conflicts(), 720).unwrap();
        assert!(lines_of(&svg, CONFLICT, 2).is_empty());
        assert!(!svg.contains("conflict") && !texts_has_bang(&svg));
    }

    fn example_without_conflicts() -> Timeline {
        let mut t = example();
        for g in &mut t.groups {
            for b in &mut g.bars {
                b.conflict = false;
            }
        }
        t
    }

    fn texts_has_bang(svg: &str) -> bool {
        texts(svg).iter().any(|t| t == "!")
    }

    /// 8 groups of 25 planned bars, one starting each week from January 2026.
    fn two_hundred() -> Timeline {
        let start = day(2026, 1, 5);
        let groups = (0..8)
            .map(|g| Group {
                label: format!("Area {g}"),
                bars: (0..25)
                    .map(|i| {
                        let s = start + chrono::Days::new(7 * (g * 25 + i) as u64);
                        bar(
                            &format!("Initiative {g}-{i}"),
                            s,
                            6,
                            InitiativeStatus::Planned,
                        )
                    })
                    .collect(),
            })
            .collect();
        Timeline {
            groups,
            today: day(2026, 3, 1),
        }
    }

    #[test]
    fn two_hundred_bars_stay_readable() {
        let t = two_hundred();
        let height = height_for(&t);
        assert_eq!(height, (200 + 8) * ROW_HEIGHT + (ROWS_TOP + BOTTOM) as u32);
        let svg = render(&t, 960).unwrap();
        assert_well_formed(&svg);
        assert!(svg.starts_with(&format!("<svg width=\"960\" height=\"{height}\"")));
        let bars = bars_of(&svg, PLANNED);
        assert_eq!(bars.len(), 200);
        assert!(bars.iter().all(|&(_, w)| w >= 2));
        let labels = texts(&svg);
        assert!(labels.contains(&"Initiative 0-0".to_string()));
        assert!(labels.contains(&"Initiative 7-24".to_string()));
        // About four years: quarter ticks do not fit 960 pixels, so years, never months.
        assert!(labels.contains(&"2027".to_string()), "{labels:?}");
        assert!(!labels.iter().any(|t| t.starts_with("Feb")));
        let wide = texts(&render(&t, 2000).unwrap());
        assert!(wide.contains(&"Q2 2027".to_string()), "{wide:?}");
        // Output grows with the bars, a few hundred bytes each.
        assert!(svg.len() < 200 * 600 + 20_000, "{}", svg.len());
    }

    #[test]
    fn a_one_day_bar_is_still_visible() {
        let mut short = bar("Go live", day(2026, 5, 4), 1, InitiativeStatus::InProgress);
        short.end = short.start + chrono::Days::new(1);
        let mut backwards = bar("Typo", day(2026, 5, 4), 1, InitiativeStatus::Done);
        backwards.end = day(2020, 1, 1);
        let t = Timeline {
            groups: vec![Group {
                label: "Now".into(),
                bars: vec![
                    short,
                    backwards,
                    bar("Long", day(2024, 1, 1), 200, InitiativeStatus::Planned),
                ],
            }],
            today: day(2026, 3, 1),
        };
        let svg = render(&t, 480).unwrap();
        assert_well_formed(&svg);
        assert_eq!(bars_of(&svg, IN_PROGRESS)[0].1, MIN_BAR_PX);
        // An end before the start is drawn as one day, not stretched back to 2020.
        assert_eq!(bars_of(&svg, DONE)[0].1, MIN_BAR_PX);
    }

    #[test]
    fn short_ranges_tick_by_month() {
        let t = Timeline {
            groups: vec![Group {
                label: "Now".into(),
                bars: vec![bar("A", day(2026, 2, 2), 12, InitiativeStatus::Planned)],
            }],
            today: day(2026, 2, 10),
        };
        let texts = texts(&render(&t, 900).unwrap());
        assert!(texts.contains(&"Feb 2026".to_string()), "{texts:?}");
        assert!(texts.contains(&"Mar".to_string()) && texts.contains(&"Apr".to_string()));
        assert!(!texts.iter().any(|t| t.starts_with('Q')));
    }

    #[test]
    fn chinese_legend_ticks_and_today() {
        use InitiativeStatus::*;
        let _zh = InLanguage::new(Lang::Zh);
        let mut audit = bar("安全审计", day(2026, 1, 5), 6, Done);
        audit.milestone = true;
        let mut sso = bar("单点登录", day(2026, 3, 2), 8, Planned);
        sso.conflict = true;
        let t = Timeline {
            groups: vec![
                Group {
                    label: "安全与合规".into(),
                    bars: vec![audit, sso, bar("", day(2026, 4, 6), 3, Dropped)],
                },
                Group {
                    label: " ".into(),
                    bars: vec![bar("托管数据库", day(2026, 2, 2), 10, InProgress)],
                },
            ],
            today: day(2026, 3, 16),
        };
        let svg = render(&t, 900).unwrap();
        assert_well_formed(&svg);
        let written = texts(&svg);
        for w in [
            "已计划",
            "进行中",
            "已完成",
            "已放弃",
            "里程碑",
            "! 依赖冲突",
            "当前",
            "未命名",
            "其他",
            // The first tick carries the year, the next ones the month alone.
            "2026年2月",
            "3月",
            "安全审计",
        ] {
            assert!(written.contains(&w.to_string()), "{w} in {written:?}");
        }
        assert_no_english(&written);

        // The Chinese keys are short enough for the whole legend at the narrowest width.
        let written = texts(&render(&t, 480).unwrap());
        assert!(written.contains(&"! 依赖冲突".to_string()), "{written:?}");
        assert_no_english(&written);

        // Two years: quarters when they fit, or years.
        let long = Timeline {
            groups: vec![Group {
                label: "以后".into(),
                bars: vec![bar("扩张", day(2026, 1, 5), 100, Planned)],
            }],
            today: day(2026, 1, 5),
        };
        let wide = texts(&render(&long, 1600).unwrap());
        assert!(wide.contains(&"2026年Q2".to_string()), "{wide:?}");
        assert_no_english(&wide);
        assert_eq!(tick_label(day(2026, 3, 1), 1, false), "3月");
        assert_eq!(tick_label(day(2026, 1, 1), 1, false), "2026年1月");
        assert_eq!(tick_label(day(2027, 1, 1), 12, false), "2027");

        let empty = Timeline {
            groups: Vec::new(),
            today: day(2026, 1, 1),
        };
        assert_eq!(
            texts(&render(&empty, 720).unwrap()),
            vec!["还没有设定日期的举措".to_string()]
        );
    }

    #[test]
    fn extreme_dates_stay_bounded() {
        let mut far = bar("Far", NaiveDate::MIN, 1, InitiativeStatus::Planned);
        far.end = NaiveDate::MAX;
        let t = Timeline {
            groups: vec![Group {
                label: "x".into(),
                bars: vec![far, bar("Near", day(2026, 1, 1), 1, InitiativeStatus::Done)],
            }],
            today: day(2026, 1, 1),
        };
        for width in [0, 480, 2400, u32::MAX] {
            let svg = render(&t, width).unwrap();
            assert_well_formed(&svg);
            assert!(svg.len() < 12_000, "{}", svg.len());
            let ticks = svg.matches("stroke=\"#E2E8F0\"").count();
            assert!(ticks <= 100, "{ticks}");
        }
        let svg = render(&t, 0).unwrap();
        assert!(svg.starts_with("<svg width=\"480\""));
        let svg = render(&t, u32::MAX).unwrap();
        assert!(svg.starts_with("<svg width=\"2400\""));
    }

    #[test]
    fn long_labels_are_cut_to_the_column() {
        let mut t = example();
        t.groups[0].bars[0].label = "word ".repeat(1_000);
        let svg = render(&t, 480).unwrap();
        assert_well_formed(&svg);
        let cut = texts(&svg)
            .into_iter()
            .find(|t| t.starts_with("word"))
            .unwrap();
        assert!(cut.ends_with('…'), "{cut}");
        assert!(approx_text_width(&cut, LABEL_PX) <= (480.0 - 2.0 * MARGIN) * LABEL_SHARE);
    }

    #[test]
    fn dropped_bars_are_pale_and_struck_through() {
        let mut t = example();
        t.groups[0].bars[1].status = InitiativeStatus::Dropped;
        let svg = render(&t, 720).unwrap();
        assert_well_formed(&svg);
        assert_eq!(bars_of(&svg, DROPPED).len(), 1);
        assert_eq!(lines_of(&svg, MUTED, 1).len(), 1);
        assert!(texts(&svg).contains(&"Dropped".to_string()));
    }

    #[test]
    fn empty_timeline_shows_a_message() {
        let t = Timeline {
            groups: vec![Group {
                label: "Now".into(),
                bars: Vec::new(),
            }],
            today: day(2026, 1, 1),
        };
        assert_eq!(height_for(&t), EMPTY_HEIGHT);
        let svg = render(&t, 720).unwrap();
        assert_well_formed(&svg);
        assert_eq!(texts(&svg), vec![empty_message().to_string()]);
    }

    #[test]
    fn empty_groups_are_skipped() {
        let mut t = example();
        t.groups.insert(
            1,
            Group {
                label: "Nothing here".into(),
                bars: Vec::new(),
            },
        );
        assert_eq!(height_for(&t), height_for(&example()));
        assert!(!texts(&render(&t, 720).unwrap()).contains(&"Nothing here".to_string()));
    }

    /// Writes the example to the temp dir for looking at:
    /// `cargo test --lib charts::timeline -- --ignored`, then `rsvg-convert`.
    #[test]
    #[ignore = "writes a preview file"]
    fn preview() {
        let path = std::env::temp_dir().join("timeline.svg");
        std::fs::write(&path, render(&example(), 720).unwrap()).unwrap();
        let path = std::env::temp_dir().join("timeline-200.svg");
        std::fs::write(&path, render(&two_hundred(), 960).unwrap()).unwrap();
    }
}
