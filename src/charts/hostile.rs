//! Hostile text through every chart that draws a user's words.
//!
//! Owns the proof that a chart's SVG string is safe to put into `inner_html` whatever a name
//! contains: each chart gets markup payloads in every user label (area, series, KPI, band,
//! initiative, group, criterion, candidate and snapshot names) and its output must stay one
//! `<svg>` root made only of the drawing elements plotters writes, with no event-handler or
//! link attribute and the payload present as escaped text. Tests only.

use chrono::{NaiveDate, TimeZone, Utc};
use uuid::Uuid;

use super::test_support::{assert_well_formed, texts};
use super::{gaps, kpi, progress, radar, scorecard, timeline, trend};
use crate::domain::roadmap::InitiativeStatus;
use crate::domain::snapshot::progress::{AreaScore, Moment, SeriesPoint, NOW_LABEL};

/// Markup a hostile file could carry in any text field.
const PAYLOADS: [&str; 4] = [
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "'><script>alert(1)</script>",
    "</text><a href=\"javascript:alert(1)\">x</a>",
];

/// The elements plotters' SVG backend writes; anything else came from text.
const ELEMENTS: [&str; 8] = [
    "svg", "rect", "text", "polyline", "polygon", "circle", "line", "path",
];

/// Panics unless `svg` is safe for `inner_html`: one well-formed `<svg>` root, only drawing
/// elements, no `on…`, `href` or `style` attribute, and no raw payload markup anywhere.
fn assert_inert(svg: &str) {
    assert_well_formed(svg);
    assert_eq!(svg.matches("<svg").count(), 1, "a second <svg> element");
    let lower = svg.to_lowercase();
    for raw in [
        "<img",
        "<script",
        "<a ",
        "<style",
        "<foreignobject",
        "<svg onload",
    ] {
        assert!(!lower.contains(raw), "raw {raw} in the output");
    }
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let close = after.find('>').expect("unterminated tag");
        let tag = &after[..close];
        rest = &after[close + 1..];
        if tag.starts_with('/') {
            continue;
        }
        let mut parts = tag.trim_end_matches('/').splitn(2, char::is_whitespace);
        let name = parts.next().unwrap_or_default();
        assert!(ELEMENTS.contains(&name), "unexpected element <{name}>");
        for attribute in attribute_names(parts.next().unwrap_or_default()) {
            let attribute = attribute.to_lowercase();
            assert!(
                !attribute.starts_with("on") && !attribute.contains("href") && attribute != "style",
                "attribute {attribute} on <{name}>"
            );
        }
    }
}

/// The names of the attributes in the inside of a tag, skipping the quoted values.
fn attribute_names(inside: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = inside.trim();
    while !rest.is_empty() {
        let eq = rest.find('=').expect("attribute without a value");
        names.push(rest[..eq].trim().to_string());
        let value = &rest[eq + 1..];
        assert!(value.starts_with('"'), "unquoted attribute value: {value}");
        let end = value[1..].find('"').expect("unclosed attribute value") + 2;
        rest = value[end..].trim_start();
    }
    names
}

/// Whether some text of the chart shows (the escaped start of) `payload`, so the words were
/// kept as words rather than dropped. Charts cut long labels, so the first six characters do.
fn shows(svg: &str, payload: &str) -> bool {
    let escaped: String = payload
        .chars()
        .take(6)
        .map(|c| match c {
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '&' => "&amp;".to_string(),
            '"' => "&quot;".to_string(),
            '\'' => "&apos;".to_string(),
            c => c.to_string(),
        })
        .collect();
    texts(svg).iter().any(|t| t.contains(&escaped))
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn radar_axes_and_legend_stay_text() {
    for payload in PAYLOADS {
        let axes: Vec<String> = (0..6).map(|i| format!("{payload} {i}")).collect();
        let series = [
            radar::RadarSeries {
                label: payload.to_string(),
                values: vec![Some(1.0), Some(2.0), Some(3.0), None, Some(4.0), Some(0.5)],
                kind: radar::SeriesKind::Current,
            },
            radar::RadarSeries {
                label: format!("Target {payload}"),
                values: vec![Some(3.0); 6],
                kind: radar::SeriesKind::Target,
            },
        ];
        let svg = radar::render(&axes, &series, 4.0, 560, 460).unwrap();
        assert_inert(&svg);
        assert!(shows(&svg, payload), "{payload} not shown: {svg:.400}");
    }
}

#[test]
fn gap_labels_stay_text() {
    for payload in PAYLOADS {
        let bars = [
            gaps::GapBar {
                label: payload.to_string(),
                current: 1.0,
                target: 3.0,
                priority: 2.0,
            },
            gaps::GapBar {
                label: "Team".into(),
                current: 2.0,
                target: 3.0,
                priority: 1.0,
            },
        ];
        let svg = gaps::render(&bars, 640, 32).unwrap();
        assert_inert(&svg);
        assert!(shows(&svg, payload), "{payload} not shown");
    }
}

#[test]
fn initiative_titles_and_groups_stay_text() {
    for payload in PAYLOADS {
        let bar = |label: String, status| timeline::Bar {
            label,
            start: date(2026, 1, 5),
            end: date(2026, 3, 1),
            milestone: true,
            conflict: true,
            status,
        };
        let t = timeline::Timeline {
            groups: vec![timeline::Group {
                label: payload.to_string(),
                bars: vec![
                    bar(payload.to_string(), InitiativeStatus::Planned),
                    bar(format!("Dropped {payload}"), InitiativeStatus::Dropped),
                ],
            }],
            today: date(2026, 2, 1),
        };
        let svg = timeline::render(&t, 720).unwrap();
        assert_inert(&svg);
        assert!(shows(&svg, payload), "{payload} not shown");
    }
}

#[test]
fn kpi_name_unit_bands_and_note_stay_text() {
    for payload in PAYLOADS {
        let plot = kpi::KpiPlot {
            title: payload.to_string(),
            unit: payload.to_string(),
            points: vec![
                (date(2026, 1, 1), 10.0),
                (date(2026, 2, 1), 12.0),
                (date(2026, 3, 1), 15.0),
            ],
            baseline: Some((date(2026, 1, 1), 10.0)),
            target: Some((date(2026, 6, 1), 20.0)),
            trend: Some(((date(2026, 1, 1), 10.0), (date(2026, 3, 1), 15.0))),
            projection: Some(((date(2026, 3, 1), 15.0), (date(2026, 6, 1), 21.0))),
            bands: vec![kpi::Band {
                label: payload.to_string(),
                from: Some(0.0),
                to: Some(12.0),
            }],
            bands_note: Some(payload.to_string()),
        };
        for svg in [
            kpi::render(&plot, 640, 320).unwrap(),
            kpi::render_small(&plot, 240, 80).unwrap(),
        ] {
            assert_inert(&svg);
        }
        assert!(
            shows(&kpi::render(&plot, 640, 320).unwrap(), payload),
            "{payload} not shown"
        );
    }
}

#[test]
fn trend_series_names_stay_text() {
    for payload in PAYLOADS {
        let series = [trend::TrendSeries {
            name: payload.to_string(),
            points: vec![(date(2026, 1, 1), 40.0), (date(2026, 2, 1), 55.0)],
        }];
        let svg = trend::render(&series, 100.0, 640, 320).unwrap();
        assert_inert(&svg);
        assert!(shows(&svg, payload), "{payload} not shown");
    }
}

#[test]
fn scorecard_criteria_and_candidates_stay_text() {
    for payload in PAYLOADS {
        let criteria = vec![payload.to_string(), "Cost".to_string()];
        let candidates = [
            scorecard::CandidateSeries {
                name: payload.to_string(),
                scores: vec![Some(4.0), Some(2.0)],
                highlight: true,
                failed_gate: false,
            },
            scorecard::CandidateSeries {
                name: format!("B {payload}"),
                scores: vec![Some(1.0), None],
                highlight: false,
                failed_gate: true,
            },
        ];
        let svg = scorecard::render(&criteria, &candidates, 640, 60).unwrap();
        assert_inert(&svg);
        assert!(shows(&svg, payload), "{payload} not shown");
    }
}

#[test]
fn snapshot_and_area_names_stay_text() {
    for payload in PAYLOADS {
        let point = |k: u128, taken: Option<u32>, index: f64| SeriesPoint {
            moment: match taken {
                Some(_) => Moment::Snapshot(Uuid::from_u128(k)),
                None => Moment::Now,
            },
            name: match taken {
                Some(_) => format!("{payload} {k}"),
                None => NOW_LABEL.to_string(),
            },
            taken_at: taken.map(|m| Utc.with_ymd_and_hms(2026, m, 1, 12, 0, 0).unwrap()),
            index: Some(index),
            areas: vec![AreaScore {
                area_id: "area-0".into(),
                name: payload.to_string(),
                score: Some(index),
            }],
        };
        let points = [
            point(1, Some(2), 1.0),
            point(2, Some(5), 2.0),
            point(0, None, 2.5),
        ];
        let selected = [progress::INDEX_KEY.to_string(), "area-0".to_string()];
        let svg = progress::render(&points, &selected, 640, 320).unwrap();
        assert_inert(&svg);
        assert!(shows(&svg, payload), "{payload} not shown");
    }
}

#[test]
fn the_checker_catches_injected_markup() {
    let good = radar::render(
        &["A".to_string(), "B".to_string(), "C".to_string()],
        &[radar::RadarSeries {
            label: "Now".into(),
            values: vec![Some(1.0); 3],
            kind: radar::SeriesKind::Current,
        }],
        4.0,
        400,
        400,
    )
    .unwrap();
    assert_inert(&good);
    // What unescaped output would look like: each must be refused.
    for bad in [
        good.replacen("Now", "<img src=x onerror=alert(1)>", 1),
        good.replacen("Now", "\"><svg onload=alert(1)>", 1),
        good.replacen("<text ", "<text onclick=\"x\" ", 1),
        good.replacen("<text ", "<text style=\"x\" ", 1),
    ] {
        assert!(
            std::panic::catch_unwind(|| assert_inert(&bad)).is_err(),
            "accepted: {bad:.300}"
        );
    }
}
