//! Charts: data in, SVG text out.
//!
//! This module owns turning chart data into a self-contained SVG string, drawn with plotters'
//! `SVGBackend::with_string`. It never touches the DOM: the UI puts the string into a
//! `<div inner_html=...>`, and everything here runs (and is tested) natively too.
//!
//! Text is drawn as plain `Text` elements with explicit anchors, never through `ChartBuilder`
//! axis labels, because those measure text (`estimate_text_size`), which needs system fonts
//! natively and the DOM on wasm. The SVG backend writes `<text>` without measuring and escapes
//! its content, so user-supplied labels cannot inject markup. Where a layout needs a width
//! (label wrapping, legend placement) it uses [`approx_text_width`], a deliberate
//! over-estimate.
//!
//! Words a chart draws (titles, legends, notes, empty messages) come from the "charts"
//! catalogue in the chart language ([`set_language`]) through [`word`]; month names, dates and
//! short numbers ("25k", "25万") follow the same language. Widths and line breaks count a CJK
//! character as a full em ([`is_wide`]).
//!
//! Every input value is cleaned before drawing (NaN, infinities, negatives and values above
//! the scale are clamped), and sizes are clamped, so the output size stays bounded.

pub mod budget;
pub mod gaps;
pub mod heatmap;
#[cfg(test)]
mod hostile;
pub mod kpi;
pub mod progress;
pub mod radar;
pub mod scorecard;
pub mod timeline;
pub mod trend;

/// The language of the words charts draw (titles, legends, months, empty messages). The UI sets
/// it when the user picks a language; natively (tests, benches) it stays English.
pub fn set_language(lang: crate::i18n::Lang) {
    LANGUAGE.with(|l| l.set(lang));
}

thread_local! {
    static LANGUAGE: std::cell::Cell<crate::i18n::Lang> =
        const { std::cell::Cell::new(crate::i18n::Lang::En) };
}

/// The language charts are drawn in.
pub fn language() -> crate::i18n::Lang {
    LANGUAGE.with(std::cell::Cell::get)
}

/// A word or sentence a chart draws, from the "charts" catalogue, in the chart language.
pub(crate) fn word(key: &str) -> &'static str {
    crate::i18n::text(language(), key)
}

use chrono::{Datelike, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;

use crate::i18n::Lang;

/// Why a chart could not be produced.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChartError {
    /// The drawing backend reported an error.
    #[error("the chart could not be drawn ({0})")]
    Draw(String),
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(error: DrawingAreaErrorKind<E>) -> Self {
        ChartError::Draw(error.to_string())
    }
}

/// The font family of every chart text; the browser picks the actual face.
pub(crate) const FONT_FAMILY: &str = "sans-serif";

/// Body text (axis labels, bar labels).
pub(crate) const INK: RGBColor = RGBColor(0x1F, 0x29, 0x37);
/// Secondary text (level numbers, values, "no answers").
pub(crate) const MUTED: RGBColor = RGBColor(0x64, 0x74, 0x8B);
/// Grid lines and spokes.
pub(crate) const GRID: RGBColor = RGBColor(0xE2, 0xE8, 0xF0);
/// The outer ring and axis lines, a little stronger than the grid.
pub(crate) const GRID_STRONG: RGBColor = RGBColor(0xCB, 0xD5, 0xE1);
/// The current state (self-assessment).
pub(crate) const CURRENT: RGBColor = RGBColor(0x25, 0x63, 0xEB);
/// The target state.
pub(crate) const TARGET: RGBColor = RGBColor(0x33, 0x41, 0x55);
/// Other views (e.g. a consultant's), cycled when there are several.
pub(crate) const OTHERS: [RGBColor; 3] = [
    RGBColor(0xD9, 0x77, 0x06),
    RGBColor(0x7C, 0x3A, 0xED),
    RGBColor(0x0F, 0x76, 0x6E),
];
/// Gap bars.
pub(crate) const GAP: RGBColor = RGBColor(0xE8, 0x9A, 0x5C);
/// The empty track behind a gap bar.
pub(crate) const TRACK: RGBColor = RGBColor(0xF1, 0xF5, 0xF9);

/// Longest user label kept, in characters, before wrapping or truncation.
pub(crate) const MAX_LABEL_CHARS: usize = 80;

/// The smallest text a chart draws, in CSS pixels. Charts are shown at their drawn width (never
/// scaled down; a narrow screen scrolls inside the chart's box), so this is also the smallest
/// text on screen.
pub(crate) const MIN_TEXT_PX: f64 = 11.0;

/// A text style of `px` CSS pixels.
///
/// plotters' SVG backend writes `font-size` as the requested size divided by 1.24, so the size
/// is scaled up here to get `px` in the output.
pub(crate) fn text_style(px: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    font(px, FontStyle::Normal, color, h, v)
}

/// Like [`text_style`], with a font style (italic, bold).
pub(crate) fn font(
    px: f64,
    style: FontStyle,
    color: RGBColor,
    h: HPos,
    v: VPos,
) -> TextStyle<'static> {
    FontDesc::new(FontFamily::Name(FONT_FAMILY), px * 1.24, style)
        .color(&color)
        .pos(Pos::new(h, v))
}

/// Whether `c` takes about one em (two columns of a monospace terminal): CJK ideographs and
/// punctuation, kana, hangul and the full-width forms.
pub(crate) fn is_wide(c: char) -> bool {
    matches!(
        u32::from(c),
        0x1100..=0x11FF
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x2_0000..=0x3_FFFD
    )
}

/// The columns `text` takes when wrapping and cutting labels: one per character, two per wide
/// one ([`is_wide`]).
///
/// Layouts turn a width into a column budget with about 0.62 em per column, so a wide
/// character (1 em) costs two columns and is never under-estimated.
pub(crate) fn columns(text: &str) -> usize {
    text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// A generous estimate of the rendered width of `text` at `px` pixels in a sans-serif face.
///
/// Used only for layout decisions (how much room to leave), never for drawing, so an
/// over-estimate just leaves a little more white space.
pub(crate) fn approx_text_width(text: &str, px: f64) -> f64 {
    // Advance widths in em, rounded up from DejaVu Sans, the widest common default
    // sans-serif (Arial and Helvetica are narrower).
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
            't' | 'f' | 'r' | ' ' | '(' | ')' | '-' => 0.42,
            'm' | 'w' | 'M' | 'W' | '@' => 0.98,
            c if c.is_ascii_uppercase() || c.is_ascii_digit() => 0.74,
            c if c.is_ascii() => 0.63,
            // CJK characters are square, a full em, whatever face the browser picks.
            c if is_wide(c) => 1.0,
            // Other scripts and symbols: no narrower than an em, to stay on the safe side.
            _ => 1.0,
        })
        .sum::<f64>()
        * px
}

/// Collapses whitespace and control characters and keeps at most [`MAX_LABEL_CHARS`]
/// columns (see [`columns`]).
pub(crate) fn clean_label(text: &str) -> String {
    let joined = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    truncate_columns(&joined, MAX_LABEL_CHARS)
}

/// Cuts `text` to at most `max` columns (a wide character takes two, see [`columns`]),
/// ending with "…" when it was cut.
pub(crate) fn truncate_columns(text: &str, max: usize) -> String {
    if columns(text) <= max {
        return text.to_string();
    }
    let budget = max.saturating_sub(1);
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        used += if is_wide(c) { 2 } else { 1 };
        if used > budget {
            break;
        }
        out.push(c);
    }
    out = out.trim_end().to_string();
    out.push('…');
    out
}

/// CJK punctuation that must not start a line: it stays with the character before it.
fn closes(c: char) -> bool {
    "，。、；：！？）》」』】〉”’".contains(c)
}

/// The pieces a label may be broken between: words, and single CJK characters (CJK text
/// has no spaces and may break between any two characters). Each piece says whether a space
/// went before it.
fn pieces(text: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut current = String::new();
    let mut spaced = false;
    for c in text.chars() {
        if c == ' ' {
            if !current.is_empty() {
                out.push((std::mem::take(&mut current), spaced));
            }
            spaced = true;
        } else if is_wide(c) {
            if !current.is_empty() {
                out.push((std::mem::take(&mut current), spaced));
                spaced = false;
            }
            match out.last_mut() {
                Some((last, _)) if closes(c) && !spaced => last.push(c),
                _ => out.push((c.to_string(), spaced)),
            }
            spaced = false;
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push((current, spaced));
    }
    out
}

/// The pieces joined back, with their spaces.
fn join_pieces(pieces: &[(String, bool)]) -> String {
    let mut out = String::new();
    for (k, (piece, spaced)) in pieces.iter().enumerate() {
        if k > 0 && *spaced {
            out.push(' ');
        }
        out.push_str(piece);
    }
    out
}

/// Wraps `text` into at most `max_lines` lines of at most `max_chars` columns (see
/// [`columns`]): on spaces, and between CJK characters.
///
/// A word longer than a line is cut with "…"; text left over after the last line is cut the
/// same way, so the result always fits. Text with CJK characters, which may break anywhere, is
/// spread evenly over the lines it needs ("用户体验与客 / 户反馈", not "用户体验与客户反 / 馈").
pub(crate) fn wrap_label(text: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    let max_chars = max_chars.max(2);
    let max_lines = max_lines.max(1);
    let text = clean_label(text);
    let pieces = pieces(&text);
    let (lines, cut) = fill_lines(&pieces, max_chars, max_lines);
    if cut || lines.len() < 2 || !text.chars().any(is_wide) {
        return lines;
    }
    // The narrowest line length that needs no more lines and cuts nothing.
    let even = columns(&text).div_ceil(lines.len());
    (even..max_chars)
        .map(|w| fill_lines(&pieces, w, lines.len()))
        .find(|(narrow, cut)| !cut && narrow.len() == lines.len())
        .map_or(lines, |(narrow, _)| narrow)
}

/// Fills lines of at most `max_chars` columns greedily with `pieces`; says whether anything
/// was cut to fit `max_lines`.
fn fill_lines(
    pieces: &[(String, bool)],
    max_chars: usize,
    max_lines: usize,
) -> (Vec<String>, bool) {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut cut = false;
    for (i, (piece, spaced)) in pieces.iter().enumerate() {
        let gap = usize::from(*spaced && !current.is_empty());
        if columns(&current) + gap + columns(piece) <= max_chars {
            if gap == 1 {
                current.push(' ');
            }
            current.push_str(piece);
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if lines.len() == max_lines {
            // No room left: mark the cut on the last line.
            let last = lines.pop().unwrap_or_default();
            let sep = if *spaced { " " } else { "" };
            lines.push(truncate_columns(
                &format!("{last}{sep}{}", join_pieces(&pieces[i..])),
                max_chars,
            ));
            return (lines, true);
        }
        cut |= columns(piece) > max_chars;
        current = truncate_columns(piece, max_chars);
    }
    if !current.is_empty() {
        if lines.len() == max_lines {
            let last = lines.pop().unwrap_or_default();
            lines.push(truncate_columns(&format!("{last} {current}"), max_chars));
            cut = true;
        } else {
            lines.push(current);
        }
    }
    (lines, cut)
}

/// An SVG of `width` x `height` showing only `message`, centred (the empty state).
pub(crate) fn message_svg(width: u32, height: u32, message: &str) -> Result<String, ChartError> {
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        draw_message(&root, width, height, message)?;
        root.present()?;
    }
    Ok(buf)
}

fn draw_message(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    width: u32,
    height: u32,
    message: &str,
) -> Result<(), ChartError> {
    let style = text_style(14.0, MUTED, HPos::Center, VPos::Center);
    let centre = (
        i32_of(f64::from(width) / 2.0),
        i32_of(f64::from(height) / 2.0),
    );
    root.draw(&Text::new(message.to_string(), centre, style))?;
    Ok(())
}

/// Rounds a pixel coordinate to the backend's integer grid, mapping non-finite values to 0.
pub(crate) fn i32_of(v: f64) -> i32 {
    if v.is_finite() {
        v.round().clamp(-1.0e6, 1.0e6) as i32
    } else {
        0
    }
}

/// The drawing area every chart draws on.
pub(crate) type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// Secondary text under a chart (what was left out, what a mark means).
pub(crate) const NOTE_PX: f64 = 11.0;
/// The distance between two lines of notes.
pub(crate) const NOTE_LINE_H: f64 = 16.0;

/// Draws `notes` in italics, one a line, left-aligned at `left`, the last one on `bottom`.
pub(crate) fn draw_notes(
    root: &Area<'_>,
    notes: &[String],
    left: f64,
    bottom: f64,
) -> Result<(), ChartError> {
    let style = font(NOTE_PX, FontStyle::Italic, MUTED, HPos::Left, VPos::Bottom);
    for (k, text) in notes.iter().enumerate() {
        let y = bottom - (notes.len() - 1 - k) as f64 * NOTE_LINE_H;
        root.draw(&Text::new(
            text.clone(),
            (i32_of(left), i32_of(y)),
            style.clone(),
        ))?;
    }
    Ok(())
}

/// A note saying how many of `total` items a chart shows, from the catalogue text `key`
/// (which holds `{shown}` and `{total}`).
pub(crate) fn shown_note(key: &str, shown: usize, total: usize) -> String {
    crate::i18n::fill(
        word(key),
        &[("shown", &shown.to_string()), ("total", &total.to_string())],
    )
}

/// A tick mark under an axis at `x`, from `bottom` 4 pixels down, with `label` (if any) under
/// it in `style`.
pub(crate) fn draw_tick(
    root: &Area<'_>,
    x: i32,
    bottom: i32,
    label: Option<String>,
    style: &TextStyle<'static>,
) -> Result<(), ChartError> {
    root.draw(&PathElement::new(
        vec![(x, bottom), (x, bottom + 4)],
        GRID_STRONG.stroke_width(1),
    ))?;
    if let Some(label) = label {
        root.draw(&Text::new(label, (x, bottom + 7), style.clone()))?;
    }
    Ok(())
}

/// `text` wrapped into at most `max_lines` lines of `max_chars` columns (see [`wrap_label`]),
/// or "?" when nothing is left of it: a row's label is never blank.
pub(crate) fn label_lines(text: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    let mut lines = wrap_label(text, max_chars, max_lines);
    if lines.is_empty() {
        lines.push("?".to_string());
    }
    lines
}

/// Draws `lines` `line_h` apart at `x`, the block centred on `centre`; `style` sets the
/// anchors (e.g. right and centre for a row label).
pub(crate) fn draw_lines(
    root: &Area<'_>,
    lines: Vec<String>,
    (x, centre): (f64, f64),
    line_h: f64,
    style: &TextStyle<'static>,
) -> Result<(), ChartError> {
    let first = centre - (lines.len() as f64 - 1.0) * line_h / 2.0;
    for (k, line) in lines.into_iter().enumerate() {
        let y = first + k as f64 * line_h;
        root.draw(&Text::new(line, (i32_of(x), i32_of(y)), style.clone()))?;
    }
    Ok(())
}

/// The month number of a date, counted from January of year 0, so month steps are plain
/// integer arithmetic.
pub(crate) fn month_index(date: NaiveDate) -> i64 {
    i64::from(date.year()) * 12 + i64::from(date.month0())
}

/// The first day of month `index` (see [`month_index`]); `None` outside chrono's range.
pub(crate) fn month_start(index: i64) -> Option<NaiveDate> {
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u32::try_from(index.rem_euclid(12)).ok()? + 1;
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// A month's short name in the chart language: "May", "5月".
pub(crate) fn month_name(date: NaiveDate) -> &'static str {
    // One literal key per month, so the catalogue check sees every key the charts ask for.
    match date.month() {
        1 => word("charts.month_1"),
        2 => word("charts.month_2"),
        3 => word("charts.month_3"),
        4 => word("charts.month_4"),
        5 => word("charts.month_5"),
        6 => word("charts.month_6"),
        7 => word("charts.month_7"),
        8 => word("charts.month_8"),
        9 => word("charts.month_9"),
        10 => word("charts.month_10"),
        11 => word("charts.month_11"),
        _ => word("charts.month_12"),
    }
}

/// A month and its year, short: "May 2026", "2026年5月".
pub(crate) fn month_year(date: NaiveDate) -> String {
    crate::i18n::fill(
        word("charts.month_year"),
        &[
            ("month", month_name(date)),
            ("year", &date.year().to_string()),
        ],
    )
}

/// A day and its month: "30 May", "5月30日".
pub(crate) fn day_month(date: NaiveDate) -> String {
    crate::i18n::fill(
        word("charts.day_month"),
        &[
            ("day", &date.day().to_string()),
            ("month", month_name(date)),
        ],
    )
}

/// A whole date: "30 May 2026", "2026年5月30日".
pub(crate) fn full_date(date: NaiveDate) -> String {
    crate::i18n::date(language(), date)
}

/// A quarter and its year: "Q2 2026", "2026年Q2". `quarter` is 1 to 4.
pub(crate) fn quarter_year(quarter: u32, year: i32) -> String {
    crate::i18n::fill(
        word("charts.quarter_year"),
        &[
            ("quarter", &quarter.to_string()),
            ("year", &year.to_string()),
        ],
    )
}

/// How a number of `magnitude` is written short in the chart language: the divisor and the
/// suffix, e.g. (1e3, "k") for 25,000 ("25k") in English, (1e4, "万") for 250,000 ("25万") in
/// Chinese. `(1.0, "")` when the number is written in full.
///
/// English groups by thousands, Chinese by ten thousands (万) and hundred millions (亿); a
/// Chinese reader does not count in thousands or millions, so the two differ in their steps,
/// not only in their words. Like the digit grouping in `i18n::number`, the notation is code.
pub(crate) fn short_scale(magnitude: f64) -> (f64, &'static str) {
    match language() {
        Lang::Zh => match magnitude {
            m if m >= 1e12 => (1e12, "万亿"),
            m if m >= 1e8 => (1e8, "亿"),
            // Up to 99,999 stays in full: "0.5万" reads worse than "5000".
            m if m >= 1e5 => (1e4, "万"),
            _ => (1.0, ""),
        },
        Lang::En => match magnitude {
            m if m >= 1e12 => (1e12, "T"),
            m if m >= 1e9 => (1e9, "B"),
            m if m >= 1e6 => (1e6, "M"),
            m if m >= 1e4 => (1e3, "k"),
            _ => (1.0, ""),
        },
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Checks shared by the chart tests: the output is one well-formed SVG document whose text
    //! is escaped.

    /// Panics unless `svg` is a single balanced SVG element with escaped text and no script.
    pub fn assert_well_formed(svg: &str) {
        assert!(
            svg.starts_with("<svg"),
            "does not start with <svg: {svg:.80}"
        );
        assert!(svg.trim_end().ends_with("</svg>"), "not closed");
        assert!(
            !svg.to_lowercase().contains("<script"),
            "contains a script tag"
        );
        assert_eq!(
            svg.matches("<text").count(),
            svg.matches("</text>").count(),
            "every <text> must be closed"
        );
        for bad in ["\"NaN", "\"inf", "\"-inf", "NaN,", "inf,"] {
            assert!(!svg.contains(bad), "non-finite number in output");
        }

        let mut stack: Vec<String> = Vec::new();
        let mut rest = svg;
        let mut roots = 0;
        while let Some(open) = rest.find('<') {
            check_text(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.find('>').expect("unterminated tag");
            let tag = &after[..close];
            assert!(!tag.contains('<'), "'<' inside a tag: {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                let top = stack.pop().expect("closing tag without opening");
                assert_eq!(top, name.trim(), "mismatched closing tag");
            } else {
                let name = tag
                    .split(|c: char| c.is_whitespace() || c == '/')
                    .next()
                    .unwrap_or_default()
                    .to_string();
                assert!(!name.is_empty(), "empty tag name");
                check_attributes(tag);
                if stack.is_empty() {
                    roots += 1;
                }
                if !tag.ends_with('/') {
                    stack.push(name);
                }
            }
            rest = &after[close + 1..];
        }
        check_text(rest);
        assert!(stack.is_empty(), "unclosed tags: {stack:?}");
        assert_eq!(roots, 1, "exactly one root element");
    }

    /// Text content: no raw '>' and every '&' starts an entity.
    fn check_text(text: &str) {
        assert!(!text.contains('>'), "raw '>' in text: {text}");
        check_ampersands(text);
    }

    /// Attribute values are quoted and contain only escaped ampersands.
    fn check_attributes(tag: &str) {
        assert_eq!(tag.matches('"').count() % 2, 0, "unbalanced quotes: {tag}");
        check_ampersands(tag);
    }

    fn check_ampersands(text: &str) {
        for (i, _) in text.match_indices('&') {
            let entity = &text[i + 1..];
            let end = entity.find(';').expect("'&' without ';'");
            let name = &entity[..end];
            assert!(
                matches!(name, "lt" | "gt" | "amp" | "quot" | "apos")
                    || (name.starts_with('#') && name.len() > 1),
                "bare '&' in {text}"
            );
        }
    }

    /// Draws in `lang` until dropped, then in English again, even when the test panics. The
    /// chart language is per thread and every test runs on its own thread, so tests in other
    /// languages cannot disturb each other.
    pub struct InLanguage;

    impl InLanguage {
        pub fn new(lang: crate::i18n::Lang) -> Self {
            super::set_language(lang);
            InLanguage
        }
    }

    impl Drop for InLanguage {
        fn drop(&mut self) {
            super::set_language(crate::i18n::Lang::En);
        }
    }

    /// Panics when a text holds an English word: a run of two or more Latin letters. Units of
    /// one letter ("h") and "Q" of a quarter are not words.
    pub fn assert_no_english(texts: &[String]) {
        for text in texts {
            let mut run = 0;
            for c in text.chars() {
                run = if c.is_ascii_alphabetic() { run + 1 } else { 0 };
                assert!(run < 2, "English in {text:?}, all texts: {texts:?}");
            }
        }
    }

    /// The 16 areas of the framework in Chinese, in order.
    pub fn areas_zh() -> Vec<String> {
        [
            "业务目标",
            "现状",
            "技术战略",
            "预算与资源",
            "团队",
            "技术栈与架构",
            "开发流程",
            "安全与合规",
            "供应商与工具",
            "沟通与汇报",
            "风险管理",
            "可扩展性与灵活性",
            "用户体验与客户反馈",
            "培训与指导",
            "衡量与迭代",
            "适应变化",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    /// The 16 areas of the framework, in order.
    pub fn areas() -> Vec<String> {
        [
            "Business goals",
            "Current state",
            "Technology strategy",
            "Budget and resources",
            "Team",
            "Stack and architecture",
            "Development process",
            "Security and compliance",
            "Vendors and tools",
            "Communication and reporting",
            "Risk management",
            "Scalability and flexibility",
            "UX and customer feedback",
            "Education and mentoring",
            "Measure and iterate",
            "Adapting to change",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    /// The text content of every `<text>` element, trimmed.
    pub fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|part| {
                let start = part.find('>')? + 1;
                let end = part.find("</text>")?;
                Some(part[start..end].trim().to_string())
            })
            .collect()
    }

    /// The `points` of every polyline stroked in `colour` `width` pixels wide.
    pub fn lines_of(
        svg: &str,
        colour: plotters::style::RGBColor,
        width: u32,
    ) -> Vec<Vec<(i32, i32)>> {
        let stroke = format!(
            "stroke=\"#{:02X}{:02X}{:02X}\" stroke-width=\"{width}\"",
            colour.0, colour.1, colour.2
        );
        svg.lines()
            .filter(|l| l.starts_with("<polyline") && l.contains(&stroke))
            .map(points)
            .collect()
    }

    /// The value of attribute `name` in one element's line, as written (entities left alone).
    /// Panics when the element has no such attribute.
    pub fn attr<'a>(line: &'a str, name: &str) -> &'a str {
        // The leading space keeps `width` from matching inside `stroke-width`.
        let key = format!(" {name}=\"");
        let start = line
            .find(&key)
            .unwrap_or_else(|| panic!("no {name} in {line}"))
            + key.len();
        let end = start + line[start..].find('"').expect("unclosed attribute");
        &line[start..end]
    }

    /// Attribute `name` of one element's line as a whole number (plotters writes pixels).
    pub fn num(line: &str, name: &str) -> i32 {
        let value = attr(line, name);
        value
            .parse()
            .unwrap_or_else(|_| panic!("{name}=\"{value}\" is not a whole number"))
    }

    /// The (x, y) pairs of the `points="x,y x,y"` attribute of one element's line.
    pub fn points(line: &str) -> Vec<(i32, i32)> {
        attr(line, "points")
            .split_whitespace()
            .map(|p| {
                let (x, y) = p.split_once(',').expect("a point is x,y");
                (x.parse().unwrap(), y.parse().unwrap())
            })
            .collect()
    }

    /// The lines of every `tag` element (e.g. `"rect"`, `"polygon"`) filled with `colour`, in
    /// drawing order, for callers that filter or read more than two attributes.
    pub fn filled<'a>(svg: &'a str, tag: &str, colour: plotters::style::RGBColor) -> Vec<&'a str> {
        let open = format!("<{tag}");
        let fill = fill_of(colour);
        svg.lines()
            .filter(|l| l.starts_with(&open) && l.contains(&fill))
            .collect()
    }

    /// Attributes `a` and `b` as numbers, e.g. `("x", "width")`, of every `<rect>` filled with
    /// `colour`, in drawing order (legend swatches included).
    pub fn rects_with(
        svg: &str,
        colour: plotters::style::RGBColor,
        a: &str,
        b: &str,
    ) -> Vec<(i32, i32)> {
        filled(svg, "rect", colour)
            .into_iter()
            .map(|l| (num(l, a), num(l, b)))
            .collect()
    }

    /// The `points` of every `<polygon>` filled with `colour`, in drawing order.
    pub fn polygons_of(svg: &str, colour: plotters::style::RGBColor) -> Vec<Vec<(i32, i32)>> {
        filled(svg, "polygon", colour)
            .into_iter()
            .map(points)
            .collect()
    }

    /// The `fill` attribute plotters writes for `colour`.
    pub fn fill_of(colour: plotters::style::RGBColor) -> String {
        format!("fill=\"#{:02X}{:02X}{:02X}\"", colour.0, colour.1, colour.2)
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::assert_well_formed;
    use super::*;

    #[test]
    fn wrap_label_breaks_on_spaces_within_the_limit() {
        assert_eq!(
            wrap_label("Security and compliance", 16, 2),
            vec!["Security and", "compliance"]
        );
        assert_eq!(wrap_label("Team", 16, 2), vec!["Team"]);
        assert_eq!(
            wrap_label("Communication and reporting", 16, 2),
            vec!["Communication", "and reporting"]
        );
    }

    #[test]
    fn wrap_label_cuts_what_does_not_fit() {
        let lines = wrap_label("one two three four five six seven", 9, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| l.chars().count() <= 9), "{lines:?}");
        assert!(lines[1].ends_with('…'));
        let long = wrap_label("Supercalifragilisticexpialidocious", 10, 2);
        assert_eq!(long, vec!["Supercali…"]);
        assert!(wrap_label("   ", 10, 2).is_empty());
    }

    #[test]
    fn clean_label_collapses_whitespace_and_bounds_length() {
        assert_eq!(clean_label(" a\n\tb  c "), "a b c");
        assert_eq!(
            clean_label(&"x".repeat(500)).chars().count(),
            MAX_LABEL_CHARS
        );
    }

    #[test]
    fn cjk_text_counts_a_full_em_per_character() {
        for c in ['影', '响', 'カ', '한', '，', '（', 'Ａ', '￥', '豈', '︰'] {
            assert!(is_wide(c), "{c} is wide");
        }
        for c in ['a', 'M', '7', 'é', '…', '–', '⚠'] {
            assert!(!is_wide(c), "{c} is not wide");
        }
        // Two characters at 10 px: 20 px, never less.
        assert_eq!(approx_text_width("影响", 10.0), 20.0);
        // Mixed text: two ems for the characters, the Latin advances for " 50 h".
        let mixed = approx_text_width("目标 50 h", 10.0);
        assert!((mixed - 49.5).abs() < 1e-9, "{mixed}");
        // A CJK label is wider than a Latin one of as many characters.
        assert!(approx_text_width("安全与合规", 12.0) > approx_text_width("aaaaa", 12.0) * 1.5);
        assert_eq!(columns("Team"), 4);
        assert_eq!(columns("团队 A"), 6);
    }

    #[test]
    fn cjk_labels_wrap_between_characters_and_cut_by_columns() {
        // 16 columns hold 8 CJK characters a line; 14 characters go 7 and 7, 9 go 5 and 4.
        assert_eq!(
            wrap_label("用户体验与客户反馈和更多内容", 16, 2),
            vec!["用户体验与客户", "反馈和更多内容"]
        );
        assert_eq!(
            wrap_label("用户体验与客户反馈", 16, 2),
            vec!["用户体验与", "客户反馈"]
        );
        assert_eq!(
            wrap_label("用户体验与客户反馈", 18, 2),
            vec!["用户体验与客户反馈"]
        );
        // Text that must be cut is not spread: the lines stay full.
        assert_eq!(
            wrap_label("一二三四五六七八九十甲乙丙丁", 8, 2),
            vec!["一二三四", "五六七…"]
        );
        // Punctuation stays with the character before it.
        assert_eq!(wrap_label("安全，合规", 4, 3), vec!["安", "全，", "合规"]);
        // Mixed text keeps its spaces and breaks on them too.
        assert_eq!(wrap_label("Team 团队", 16, 2), vec!["Team 团队"]);
        let cut = wrap_label("一二三四五六七八九十", 8, 1);
        assert_eq!(cut, vec!["一二三…"]);
        assert!(cut.iter().all(|l| columns(l) <= 8));
        assert_eq!(truncate_columns("一二三四", 8), "一二三四");
        assert_eq!(truncate_columns("一二三四五", 8), "一二三…");
        assert_eq!(
            clean_label(&"字".repeat(100)).chars().count(),
            MAX_LABEL_CHARS / 2
        );
    }

    #[test]
    fn dates_and_short_numbers_follow_the_chart_language() {
        let day = NaiveDate::from_ymd_opt(2026, 5, 30).unwrap();
        assert_eq!(month_name(day), "May");
        assert_eq!(month_year(day), "May 2026");
        assert_eq!(day_month(day), "30 May");
        assert_eq!(full_date(day), "30 May 2026");
        assert_eq!(quarter_year(2, 2026), "Q2 2026");
        assert_eq!(short_scale(25_000.0), (1e3, "k"));
        assert_eq!(short_scale(2.5e6), (1e6, "M"));
        {
            let _zh = test_support::InLanguage::new(Lang::Zh);
            assert_eq!(month_name(day), "5月");
            assert_eq!(month_year(day), "2026年5月");
            assert_eq!(day_month(day), "5月30日");
            assert_eq!(full_date(day), "2026年5月30日");
            assert_eq!(quarter_year(2, 2026), "2026年Q2");
            assert_eq!(short_scale(25_000.0), (1.0, ""));
            assert_eq!(short_scale(250_000.0), (1e4, "万"));
            assert_eq!(short_scale(3e8), (1e8, "亿"));
            let message = message_svg(300, 100, word("charts.kpi_empty")).unwrap();
            assert_eq!(test_support::texts(&message), vec!["还没有测量值"]);
        }
        // Back in English once the guard is gone.
        assert_eq!(month_name(day), "May");
        assert_eq!(language(), Lang::En);
    }

    /// Writes Chinese versions of the charts to the temp dir for looking at:
    /// `cargo test --lib charts::tests::preview_zh -- --ignored`, then `rsvg-convert` (with a
    /// CJK font installed, or the characters show as boxes of the same width).
    #[test]
    #[ignore = "writes preview files"]
    fn preview_zh() {
        use chrono::NaiveDate;
        let _zh = test_support::InLanguage::new(Lang::Zh);
        let dir = std::env::temp_dir();
        let areas = test_support::areas_zh();
        let now: Vec<Option<f64>> = (0..16)
            .map(|i| (i % 5 != 3).then_some(1.0 + f64::from(i % 4) * 0.6))
            .collect();
        let series = [
            radar::RadarSeries {
                label: "自评".into(),
                values: now,
                kind: radar::SeriesKind::Current,
            },
            radar::RadarSeries {
                label: "目标".into(),
                values: vec![Some(3.0); 16],
                kind: radar::SeriesKind::Target,
            },
        ];
        let svg = radar::render(&areas, &series, 4.0, 560, 460).unwrap();
        std::fs::write(dir.join("radar-zh.svg"), svg).unwrap();
        let mut cells = [[0; 5]; 5];
        cells[4][4] = 2;
        cells[2][2] = 5;
        let svg = heatmap::render(&cells, 400, 320).unwrap();
        std::fs::write(dir.join("heatmap-zh.svg"), svg).unwrap();
        let bars: Vec<gaps::GapBar> = areas
            .iter()
            .take(6)
            .enumerate()
            .map(|(i, a)| gaps::GapBar {
                label: a.clone(),
                current: 1.0,
                target: 1.5 + i as f64 * 0.4,
                priority: 6.0 - i as f64,
            })
            .collect();
        let svg = gaps::render(&bars, 560, 32).unwrap();
        std::fs::write(dir.join("gaps-zh.svg"), svg).unwrap();
        let day = |m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
        let plot = kpi::KpiPlot {
            title: "变更前置时间".into(),
            unit: "小时".into(),
            points: (1..=9)
                .map(|m| (day(m), 200.0 - f64::from(m) * 15.0))
                .collect(),
            baseline: Some((day(1), 185.0)),
            target: Some((day(12), 50.0)),
            projection: Some(((day(9), 65.0), (day(12), 40.0))),
            ..kpi::KpiPlot::default()
        };
        let svg = kpi::render(&plot, 720, 380).unwrap();
        std::fs::write(dir.join("kpi-zh.svg"), svg).unwrap();
    }

    #[test]
    fn text_style_writes_the_requested_pixel_size() {
        let mut buf = String::new();
        {
            let root = SVGBackend::with_string(&mut buf, (100, 100)).into_drawing_area();
            let style = text_style(12.0, INK, HPos::Left, VPos::Top);
            root.draw(&Text::new("x", (0, 0), style)).unwrap();
            root.present().unwrap();
        }
        assert!(buf.contains("font-size=\"12\""), "{buf}");
        assert!(buf.contains("font-family=\"sans-serif\""), "{buf}");
    }

    #[test]
    fn message_svg_is_well_formed_and_escaped() {
        let svg = message_svg(300, 100, "<script>alert(1)</script> & more").unwrap();
        assert_well_formed(&svg);
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
    }

    #[test]
    fn error_message_reads_as_a_sentence() {
        let e = ChartError::Draw("backend".into());
        assert_eq!(e.to_string(), "the chart could not be drawn (backend)");
    }
}
