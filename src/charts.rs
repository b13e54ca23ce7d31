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

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;

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
            // CJK and other wide scripts.
            _ => 1.0,
        })
        .sum::<f64>()
        * px
}

/// Collapses whitespace and control characters and keeps at most [`MAX_LABEL_CHARS`].
pub(crate) fn clean_label(text: &str) -> String {
    let joined = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    truncate_chars(&joined, MAX_LABEL_CHARS)
}

/// Cuts `text` to at most `max` characters, ending with "…" when it was cut.
pub(crate) fn truncate_chars(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out = out.trim_end().to_string();
    out.push('…');
    out
}

/// Wraps `text` on spaces into at most `max_lines` lines of at most `max_chars` characters.
///
/// A word longer than a line is cut with "…"; text left over after the last line is cut the
/// same way, so the result always fits.
pub(crate) fn wrap_label(text: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    let max_chars = max_chars.max(2);
    let max_lines = max_lines.max(1);
    let text = clean_label(text);
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, word) in words.iter().enumerate() {
        let candidate_len = if current.is_empty() {
            word.chars().count()
        } else {
            current.chars().count() + 1 + word.chars().count()
        };
        if candidate_len <= max_chars {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if lines.len() == max_lines {
            // No room left: mark the cut on the last line.
            let last = lines.pop().unwrap_or_default();
            lines.push(truncate_chars(
                &format!("{last} {}", words[i..].join(" ")),
                max_chars,
            ));
            return lines;
        }
        current = truncate_chars(word, max_chars);
    }
    if !current.is_empty() {
        if lines.len() == max_lines {
            let last = lines.pop().unwrap_or_default();
            lines.push(truncate_chars(&format!("{last} {current}"), max_chars));
        } else {
            lines.push(current);
        }
    }
    lines
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
