//! CSV exports for spreadsheet users: the answers, the KPIs with their measurements, and the
//! roadmap's initiatives, one table each.
//!
//! Owns the CSV shape of those three tables. Never reads files (the JSON export is the format to
//! round-trip; these tables are for looking at). Rules:
//!
//! - RFC 4180: a header row, comma separators, every record ending in CRLF; a cell holding a
//!   comma, a double quote, a CR or a LF is wrapped in double quotes, with inner quotes doubled.
//! - Dates are ISO (`2026-03-31`); numbers are plain decimals with a point, no thousands
//!   separators and never an exponent; an empty cell means "not given".
//! - Formula injection guard: a spreadsheet runs a cell starting with `=`, `+`, `-` or `@` (and,
//!   in some, a tab or a CR) as a formula, so a text cell starting with one of those gets a
//!   leading apostrophe, which spreadsheets show as plain text. Number cells are written by this
//!   module from finite numbers, never from user text, so a negative number stays a number.

use chrono::{Days, NaiveDate};

use crate::content::Content;
use crate::domain::answers::Answer;
use crate::domain::kpi::{Direction, Kpi};
use crate::domain::roadmap::deps::display_title;
use crate::domain::scoring::target_of;
use crate::domain::Assessment;

/// The columns of [`answers`].
pub const ANSWERS_HEADER: [&str; 11] = [
    "area",
    "question id",
    "question",
    "current",
    "target",
    "not applicable reason",
    "confidence",
    "notes",
    "evidence",
    "reviewer level",
    "reviewer comment",
];

/// The columns of [`kpis`].
pub const KPIS_HEADER: [&str; 6] = ["kpi", "unit", "direction", "date", "value", "kind"];

/// The columns of [`initiatives`].
pub const INITIATIVES_HEADER: [&str; 13] = [
    "title",
    "status",
    "areas",
    "start",
    "end",
    "duration weeks",
    "effort person-weeks",
    "one-off cost",
    "monthly cost",
    "cost category",
    "owner",
    "depends on",
    "milestone",
];

/// The "kind" value of a KPI's baseline, measurements and target in [`kpis`].
pub const KPI_BASELINE: &str = "baseline";
pub const KPI_MEASUREMENT: &str = "measurement";
pub const KPI_TARGET: &str = "target";

/// Characters that make a spreadsheet read a cell as a formula when they come first.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One text cell: guarded against formula injection, then quoted when RFC 4180 requires it.
pub fn text_cell(text: &str) -> String {
    let guarded = if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// One number cell: the shortest plain decimal that reads back to the same number (Rust's
/// `Display` for `f64` never writes an exponent); empty when the number is not finite.
pub fn number_cell(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    // "-0" would read as a formula-looking text in some spreadsheets and means nothing here.
    if v == 0.0 {
        return "0".to_string();
    }
    format!("{v}")
}

/// An optional number; `None` is an empty cell.
fn opt_number(v: Option<f64>) -> String {
    v.map(number_cell).unwrap_or_default()
}

/// A date as ISO `YYYY-MM-DD`.
fn date_cell(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A table: the header, then the rows; every record ends with CRLF.
pub(crate) fn table(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::new();
    push_record(
        &mut out,
        header.iter().map(|h| text_cell(h)).collect::<Vec<_>>(),
    );
    for row in rows {
        push_record(&mut out, row);
    }
    out
}

fn push_record(out: &mut String, cells: Vec<String>) {
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// One row per question: every question of the content in area order, then answers to
/// questions this build does not know (kept in files, so they are not dropped here either),
/// with an empty area and question text.
///
/// "target" is the target the scores use: the founder's where set, otherwise the default for
/// the company's stage. Evidence links are joined by a space (links never contain one).
pub fn answers(content: &Content, a: &Assessment) -> String {
    let levels = crate::domain::review::reviewed_levels(a, None);
    let review_of = |question_id: &str| ReviewCells {
        level: levels.get(question_id).copied(),
        comment: reviewer_comments(a, question_id),
    };
    let known = content.areas.iter().flat_map(|area| {
        area.questions.iter().map(move |q| {
            let answer = a.answers.get(&q.id);
            let target = Some(f64::from(target_of(area, q, answer, a)));
            answer_row(&area.name, &q.id, &q.text, answer, target, review_of(&q.id))
        })
    });
    let unknown = a
        .answers
        .iter()
        .filter(|(id, _)| content.question(id).is_none())
        .map(|(id, answer)| {
            let target = answer.target.map(f64::from);
            answer_row("", id, "", Some(answer), target, review_of(id))
        });
    table(&ANSWERS_HEADER, known.chain(unknown).collect::<Vec<_>>())
}

fn answer_row(
    area: &str,
    question_id: &str,
    question: &str,
    answer: Option<&Answer>,
    target: Option<f64>,
    review: ReviewCells,
) -> Vec<String> {
    let level = |v: Option<u8>| opt_number(v.map(f64::from));
    vec![
        text_cell(area),
        text_cell(question_id),
        text_cell(question),
        level(answer.and_then(|x| x.current)),
        opt_number(target),
        text_cell(
            answer
                .and_then(|x| x.not_applicable.as_deref())
                .unwrap_or_default(),
        ),
        text_cell(
            answer
                .and_then(|x| x.confidence)
                .map(|c| c.label())
                .unwrap_or_default(),
        ),
        text_cell(answer.map(|x| x.notes.as_str()).unwrap_or_default()),
        text_cell(&answer.map(|x| x.evidence.join(" ")).unwrap_or_default()),
        level(review.level),
        text_cell(&review.comment),
    ]
}

/// The review columns of one answer row.
struct ReviewCells {
    /// The reviewed level by the rule of [`crate::domain::review::reviewed_levels`].
    level: Option<u8>,
    comment: String,
}

/// Every reviewer's comment on a question, one a line, each after its reviewer's name when there
/// are several reviews; private notes never leave through a CSV.
fn reviewer_comments(a: &Assessment, question_id: &str) -> String {
    let named = a.reviews.len() > 1;
    a.reviews
        .iter()
        .filter_map(|r| {
            let comment = r.answers.get(question_id)?.comment.trim();
            match (comment.is_empty(), named) {
                (true, _) => None,
                (false, true) => Some(format!("{}: {comment}", r.reviewer.trim())),
                (false, false) => Some(comment.to_string()),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One row per measurement, plus a row for the baseline (first) and the target (last) of each
/// KPI where set, marked in the "kind" column. Measurements are in date order (same-day ones
/// keep their order); KPIs keep their order in the assessment.
pub fn kpis(a: &Assessment) -> String {
    let rows = a.kpis.iter().flat_map(|k| {
        let mut measurements: Vec<(NaiveDate, f64)> =
            k.measurements.iter().map(|m| (m.date, m.value)).collect();
        measurements.sort_by_key(|m| m.0);
        let baseline = k.baseline.map(|b| (b.date, b.value, KPI_BASELINE));
        let target = k.target.map(|t| (t.date, t.value, KPI_TARGET));
        baseline
            .into_iter()
            .chain(
                measurements
                    .into_iter()
                    .map(|(d, v)| (d, v, KPI_MEASUREMENT)),
            )
            .chain(target)
            .map(|(date, value, kind)| kpi_row(k, date, value, kind))
            .collect::<Vec<_>>()
    });
    table(&KPIS_HEADER, rows.collect::<Vec<_>>())
}

fn kpi_row(k: &Kpi, date: NaiveDate, value: f64, kind: &str) -> Vec<String> {
    let direction = match k.direction {
        Direction::Higher => "higher is better",
        Direction::Lower => "lower is better",
    };
    vec![
        text_cell(&k.name),
        text_cell(&k.unit),
        text_cell(direction),
        date_cell(date),
        number_cell(value),
        text_cell(kind),
    ]
}

/// One row per initiative, in roadmap order. "areas" are area names joined by "; " (an id this
/// build does not know is written as is); "end" is the last day of work, as the roadmap shows
/// it; "depends on" holds the dependencies' titles joined by "; "; "milestone" is yes or no.
pub fn initiatives(content: &Content, a: &Assessment) -> String {
    let rows = a.initiatives.iter().map(|i| {
        let areas: Vec<&str> = i
            .areas
            .iter()
            .map(|id| content.area(id).map_or(id.as_str(), |x| x.name.as_str()))
            .collect();
        let depends_on: Vec<&str> = i
            .depends_on
            .iter()
            .filter_map(|d| a.initiatives.iter().find(|x| x.id == *d))
            .map(display_title)
            .collect();
        let last_day = i
            .end()
            .map(|end| end.checked_sub_days(Days::new(1)).unwrap_or(end));
        vec![
            text_cell(display_title(i)),
            text_cell(i.status.label()),
            text_cell(&areas.join("; ")),
            i.start.map(date_cell).unwrap_or_default(),
            last_day.map(date_cell).unwrap_or_default(),
            number_cell(f64::from(i.duration_weeks)),
            number_cell(i.effort_weeks),
            opt_number(i.one_off_cost),
            opt_number(i.monthly_cost),
            text_cell(i.cost_category.label()),
            text_cell(&i.owner),
            text_cell(&depends_on.join("; ")),
            text_cell(if i.milestone { "yes" } else { "no" }),
        ]
    });
    table(&INITIATIVES_HEADER, rows.collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::Confidence;
    use crate::domain::kpi::{DatedValue, Measurement};
    use crate::domain::review::AnswerReview;
    use crate::domain::roadmap::{Initiative, InitiativeStatus};
    use proptest::prelude::*;
    use uuid::Uuid;

    /// A strict RFC 4180 reader, independent of the writer, to check what a spreadsheet sees.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        let mut at_start = true;
        while let Some(c) = chars.next() {
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => quoted = false,
                    c => field.push(c),
                }
                continue;
            }
            match c {
                '"' if at_start => {
                    quoted = true;
                    at_start = false;
                }
                '"' => panic!("bare quote inside an unquoted field: {text:?}"),
                ',' => {
                    record.push(std::mem::take(&mut field));
                    at_start = true;
                }
                '\r' => {
                    assert_eq!(chars.next(), Some('\n'), "CR without LF: {text:?}");
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                    at_start = true;
                }
                '\n' => panic!("bare LF outside quotes: {text:?}"),
                c => {
                    field.push(c);
                    at_start = false;
                }
            }
        }
        assert!(!quoted, "unterminated quote");
        assert!(
            field.is_empty() && record.is_empty(),
            "last record not ended by CRLF"
        );
        records
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn assessment() -> Assessment {
        Assessment::new(
            Uuid::from_u128(1),
            "x",
            "2026-01-01T00:00:00Z".parse().unwrap(),
        )
    }

    #[test]
    fn cells_are_quoted_only_when_needed() {
        assert_eq!(text_cell("plain"), "plain");
        assert_eq!(text_cell("a, b"), "\"a, b\"");
        assert_eq!(text_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(text_cell("cr\rhere"), "\"cr\rhere\"");
        assert_eq!(text_cell(""), "");
    }

    #[test]
    fn formula_starts_get_an_apostrophe() {
        assert_eq!(text_cell("=SUM(A1:A9)"), "'=SUM(A1:A9)");
        assert_eq!(text_cell("+1 555"), "'+1 555");
        assert_eq!(text_cell("-2 risky"), "'-2 risky");
        assert_eq!(text_cell("@cmd"), "'@cmd");
        assert_eq!(text_cell("\tx"), "'\tx");
        assert_eq!(text_cell("\rx"), "\"'\rx\"");
        assert_eq!(
            text_cell("=HYPERLINK(\"http://x\",\"a\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\""
        );
        // Only the first character matters.
        assert_eq!(text_cell("a=b"), "a=b");
    }

    #[test]
    fn numbers_are_plain() {
        assert_eq!(number_cell(3.0), "3");
        assert_eq!(number_cell(2.5), "2.5");
        assert_eq!(number_cell(-3.25), "-3.25");
        assert_eq!(number_cell(-0.0), "0");
        assert_eq!(number_cell(1e21), "1000000000000000000000");
        assert_eq!(number_cell(0.0001), "0.0001");
        assert_eq!(number_cell(f64::NAN), "");
        assert_eq!(number_cell(f64::INFINITY), "");
    }

    proptest! {
        #[test]
        fn any_text_reads_back_as_itself_guarded(text in "\\PC*|[=+@\\-\t\r\n,\" ]{0,6}[a-z,\"\r\n]{0,6}") {
            let csv = table(&["h"], vec![vec![text_cell(&text)]]);
            let records = parse(&csv);
            prop_assert_eq!(records.len(), 2);
            let read = &records[1][0];
            if text.starts_with(FORMULA_STARTS) {
                prop_assert_eq!(read, &format!("'{text}"));
            } else {
                prop_assert_eq!(read, &text);
            }
        }
    }

    #[test]
    fn answers_have_one_row_per_question_and_keep_unknown_ones() {
        let content = crate::content::get();
        let mut a = assessment();
        let first = &content.areas[0];
        let q = &first.questions[0];
        a.answers.insert(
            q.id.clone(),
            Answer {
                current: Some(1),
                target: Some(3),
                not_applicable: None,
                confidence: Some(Confidence::Medium),
                notes: "=cmd|' /C calc'!A0\nsecond line".into(),
                evidence: vec!["https://a.example/x".into(), "https://b.example/y".into()],
            },
        );
        a.answers.insert(
            "zz-future-question".into(),
            Answer {
                not_applicable: Some("No hardware, at all".into()),
                ..Answer::default()
            },
        );
        a.reviews.push(Default::default());
        a.reviews[0].answers.insert(
            q.id.clone(),
            AnswerReview {
                level: Some(2),
                comment: "Seen the \"audit\"".into(),
                private_note: "Ask for the audit report".into(),
            },
        );
        let records = parse(&answers(content, &a));
        assert_eq!(records[0], ANSWERS_HEADER.to_vec());
        assert_eq!(records.len(), 1 + content.question_count() + 1);
        assert!(records.iter().all(|r| r.len() == ANSWERS_HEADER.len()));

        let row = &records[1];
        assert_eq!(row[0], first.name);
        assert_eq!(row[1], q.id);
        assert_eq!(row[2], q.text);
        assert_eq!(&row[3..7], ["1", "3", "", "Medium"]);
        assert_eq!(row[7], "'=cmd|' /C calc'!A0\nsecond line");
        assert_eq!(row[8], "https://a.example/x https://b.example/y");
        assert_eq!(&row[9..], ["2", "Seen the \"audit\""]);

        // An unanswered question still shows the stage's default target.
        let q2 = &first.questions[1];
        let default = first.default_target(q2, a.profile.stage).to_string();
        assert_eq!(records[2][3], "");
        assert_eq!(records[2][4], default);

        let last = records.last().unwrap();
        assert_eq!(
            last,
            &vec![
                "",
                "zz-future-question",
                "",
                "",
                "",
                "No hardware, at all",
                "",
                "",
                "",
                "",
                ""
            ]
        );
    }

    #[test]
    fn kpis_mark_baseline_and_target_and_sort_measurements() {
        let mut a = assessment();
        let mut k = Kpi::new(Uuid::from_u128(2), "Lead time, days");
        k.unit = "days".into();
        k.direction = Direction::Lower;
        k.baseline = Some(DatedValue {
            date: day("2025-12-01"),
            value: 40.0,
        });
        k.target = Some(DatedValue {
            date: day("2026-12-31"),
            value: 10.5,
        });
        k.measurements = vec![
            Measurement {
                id: Uuid::from_u128(3),
                date: day("2026-02-01"),
                value: -1.5,
            },
            Measurement {
                id: Uuid::from_u128(4),
                date: day("2026-01-01"),
                value: 30.0,
            },
        ];
        a.kpis = vec![k, Kpi::new(Uuid::from_u128(5), "Empty")].into();
        let records = parse(&kpis(&a));
        assert_eq!(
            records,
            vec![
                KPIS_HEADER
                    .iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>(),
                row(&[
                    "Lead time, days",
                    "days",
                    "lower is better",
                    "2025-12-01",
                    "40",
                    "baseline"
                ]),
                row(&[
                    "Lead time, days",
                    "days",
                    "lower is better",
                    "2026-01-01",
                    "30",
                    "measurement"
                ]),
                row(&[
                    "Lead time, days",
                    "days",
                    "lower is better",
                    "2026-02-01",
                    "-1.5",
                    "measurement"
                ]),
                row(&[
                    "Lead time, days",
                    "days",
                    "lower is better",
                    "2026-12-31",
                    "10.5",
                    "target"
                ]),
            ]
        );
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn initiatives_name_areas_dependencies_and_last_day() {
        let content = crate::content::get();
        let mut a = assessment();
        let mut first = Initiative::new(Uuid::from_u128(10), "Set up CI");
        first.areas = vec!["team".into(), "not-an-area".into()];
        first.start = Some(day("2026-03-02"));
        first.duration_weeks = 2;
        first.effort_weeks = 1.5;
        first.one_off_cost = Some(1200.0);
        first.owner = "+Ana".into();
        first.milestone = true;
        let mut second = Initiative::new(Uuid::from_u128(11), "  ");
        second.depends_on = vec![first.id, Uuid::from_u128(99)];
        second.status = InitiativeStatus::InProgress;
        second.monthly_cost = Some(99.99);
        second.owner = "Ops, then \"Dev\"".into();
        let mut third = Initiative::new(Uuid::from_u128(12), "Audit");
        third.depends_on = vec![first.id, second.id];
        a.initiatives = vec![first, second, third].into();

        let records = parse(&initiatives(content, &a));
        assert_eq!(records[0], INITIATIVES_HEADER.to_vec());
        assert_eq!(
            records[1],
            row(&[
                "Set up CI",
                "Planned",
                "Team; not-an-area",
                "2026-03-02",
                "2026-03-15",
                "2",
                "1.5",
                "1200",
                "",
                "People",
                "'+Ana",
                "",
                "yes",
            ])
        );
        assert_eq!(records[2][0], "Untitled initiative");
        assert_eq!(records[2][1], "In progress");
        assert_eq!(&records[2][3..5], ["", ""]);
        assert_eq!(records[2][8], "99.99");
        assert_eq!(
            records[2][11], "Set up CI",
            "an unknown dependency is left out"
        );
        assert_eq!(records[2][10], "Ops, then \"Dev\"");
        assert_eq!(records[3][11], "Set up CI; Untitled initiative");
        assert_eq!(records[3][12], "no");
    }

    #[test]
    fn empty_assessment_gives_headers_only() {
        let a = assessment();
        assert_eq!(
            kpis(&a),
            "kpi,unit,direction,date,value,kind\r\n",
            "a header row and CRLF"
        );
        assert_eq!(parse(&initiatives(crate::content::get(), &a)).len(), 1);
    }
}
