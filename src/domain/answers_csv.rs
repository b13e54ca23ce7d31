//! Answers from a spreadsheet: reads a CSV of answers (the form a consultant keeps while
//! interviewing), says what it would change, applies it, and writes the template to fill in.
//!
//! Owns the answers CSV (documented for people in `docs/answers-csv.md`):
//!
//! - UTF-8, with or without a byte-order mark; a header row naming the columns, in any order
//!   and any letter case: `area`, `question`, `level` (required), `target`, `note` (optional),
//!   `question text` (ignored: the template writes it for reading). Comma, semicolon or tab
//!   separated (the one the header line uses most); fields may be quoted ("a, b", with `""` for a
//!   quote inside, line breaks allowed inside quotes). Cells are trimmed; a leading apostrophe
//!   before `= + - @` (a spreadsheet's guard against formulas) is dropped.
//! - `area`: the area's id or its name in either language. `question`: the question's id, or its
//!   exact title (letter case aside) in either language, among that area's questions.
//!   `level` and `target`: 0 to 4 or the level's name in either language. `note`: any text.
//! - An empty cell changes nothing, so a sheet may fill in only some columns or rows.
//!   A level on a question marked "does not apply" makes it apply again.
//!
//! Atomic like the JSON import: every problem is reported at once (row, column, what was
//! expected; at most [`MAX_PROBLEMS`]) and nothing is applied unless the whole file reads.
//! Never touches the browser: the UI reads the file's bytes and records the undo step.

use std::collections::HashMap;
use std::fmt;

use crate::content::Content;
use crate::domain::answers::Answer;
use crate::domain::csv_export::{table, text_cell};
use crate::domain::Assessment;
use crate::i18n::{tr, trf, trn};

/// Largest file read: a sheet of every question with long notes is far below it.
pub const MAX_BYTES: usize = 2_000_000;
/// Problems reported at most; checking stops after that many.
pub const MAX_PROBLEMS: usize = 50;

/// The columns, as the header names them. The template writes them in this order.
pub const HEADER: [&str; 6] = [
    "area",
    "question",
    "question text",
    "level",
    "target",
    "note",
];

/// A column of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Area,
    Question,
    /// Written by the template for reading, ignored on import.
    QuestionText,
    Level,
    Target,
    Note,
}

impl Column {
    const ALL: [Column; 6] = [
        Column::Area,
        Column::Question,
        Column::QuestionText,
        Column::Level,
        Column::Target,
        Column::Note,
    ];

    /// The column's name in the header (the same in every language: it is part of the format).
    pub fn name(self) -> &'static str {
        match self {
            Column::Area => HEADER[0],
            Column::Question => HEADER[1],
            Column::QuestionText => HEADER[2],
            Column::Level => HEADER[3],
            Column::Target => HEADER[4],
            Column::Note => HEADER[5],
        }
    }

    /// The column a header cell names, also under the names the answers export uses.
    fn from_header(cell: &str) -> Option<Column> {
        let cell = cell.trim().to_lowercase();
        match cell.as_str() {
            "question id" => Some(Column::Question),
            "current" => Some(Column::Level),
            "notes" => Some(Column::Note),
            _ => Column::ALL.into_iter().find(|c| c.name() == cell),
        }
    }
}

/// One thing wrong with the file. `row` is the line the record starts on (the header is row 1,
/// as a spreadsheet numbers it); 0 means the file as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub row: usize,
    pub column: Option<Column>,
    /// What is wrong and what was expected, in plain words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let row = self.row.to_string();
        let text = match (self.row, self.column) {
            (0, _) => self.message.clone(),
            (_, Some(c)) => trf(
                "answers_csv.problem_cell",
                &[
                    ("row", &row),
                    ("column", c.name()),
                    ("message", &self.message),
                ],
            ),
            (_, None) => trf(
                "answers_csv.problem_row",
                &[("row", &row), ("message", &self.message)],
            ),
        };
        f.write_str(&text)
    }
}

/// Why a file was refused: its problems, and whether checking stopped before the end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub problems: Vec<Problem>,
    pub stopped: bool,
}

/// One row read: the question it answers and what it sets (`None`: leave as it is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub row: usize,
    pub question: String,
    pub level: Option<u8>,
    pub target: Option<u8>,
    pub note: Option<String>,
}

/// Reads the file. `contents` are the framework in each language (same ids in all), so names
/// and titles are found whatever language the sheet was written in.
pub fn parse(bytes: &[u8], contents: &[&Content]) -> Result<Vec<Row>, Refusal> {
    let whole = |message: String| Refusal {
        problems: vec![Problem {
            row: 0,
            column: None,
            message,
        }],
        stopped: false,
    };
    if bytes.len() > MAX_BYTES {
        let mb = (MAX_BYTES / 1_000_000).to_string();
        return Err(whole(trf("answers_csv.too_large", &[("mb", &mb)])));
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(whole(tr("answers_csv.not_utf8").to_string()));
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = separator(text.lines().next().unwrap_or(""));
    let mut problems = Problems::default();
    let records = records(text, separator, &mut problems);
    let mut records = records.into_iter();
    let Some((header_row, header)) = records.next() else {
        return Err(whole(tr("answers_csv.empty").to_string()));
    };
    let columns = read_header(header_row, &header, &mut problems);
    if !problems.list.is_empty() {
        return Err(problems.refusal());
    }
    let lookup = Lookup::new(contents);
    let mut rows = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (row, cells) in records {
        if problems.full() {
            problems.stopped = true;
            break;
        }
        if let Some(read) = read_row(row, &cells, &columns, &lookup, &mut seen, &mut problems) {
            rows.push(read);
        }
    }
    if !problems.list.is_empty() {
        return Err(problems.refusal());
    }
    if rows.is_empty() {
        return Err(whole(tr("answers_csv.no_rows").to_string()));
    }
    Ok(rows)
}

/// The problems gathered so far, capped at [`MAX_PROBLEMS`].
#[derive(Default)]
struct Problems {
    list: Vec<Problem>,
    stopped: bool,
}

impl Problems {
    fn push(&mut self, row: usize, column: Option<Column>, message: String) {
        if self.full() {
            self.stopped = true;
            return;
        }
        self.list.push(Problem {
            row,
            column,
            message,
        });
    }

    fn full(&self) -> bool {
        self.list.len() >= MAX_PROBLEMS
    }

    fn refusal(self) -> Refusal {
        Refusal {
            problems: self.list,
            stopped: self.stopped,
        }
    }
}

/// The separator the header line uses most (outside quotes): comma, semicolon or tab.
fn separator(header: &str) -> char {
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in header.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            for (sep, n) in &mut counts {
                if c == *sep {
                    *n += 1;
                }
            }
        }
    }
    // Ties go to the comma, the first listed.
    counts
        .iter()
        .fold(
            (',', 0),
            |best, &(c, n)| if n > best.1 { (c, n) } else { best },
        )
        .0
}

/// Splits the text into records of cells (RFC 4180 with the separator given), each with the line
/// it starts on. Blank lines are skipped. A quote never closed is a problem.
fn records(text: &str, sep: char, problems: &mut Problems) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut quoted_cell = false;
        loop {
            match chars.next() {
                None => break,
                Some('"') if cell.trim().is_empty() && !quoted_cell => {
                    cell.clear();
                    quoted_cell = true;
                    let mut closed = false;
                    while let Some(c) = chars.next() {
                        match c {
                            '"' if chars.peek() == Some(&'"') => {
                                chars.next();
                                cell.push('"');
                            }
                            '"' => {
                                closed = true;
                                break;
                            }
                            '\n' => {
                                line += 1;
                                cell.push(c);
                            }
                            _ => cell.push(c),
                        }
                    }
                    if !closed {
                        problems.push(start, None, tr("answers_csv.unclosed_quote").to_string());
                        return out;
                    }
                }
                Some(c) if c == sep => {
                    cells.push(finish_cell(&cell, quoted_cell));
                    cell.clear();
                    quoted_cell = false;
                }
                Some('\n') => {
                    line += 1;
                    break;
                }
                Some('\r') if chars.peek() == Some(&'\n') => {}
                Some(c) => {
                    // Text after a closing quote is kept with the cell, as spreadsheets do.
                    cell.push(c);
                }
            }
        }
        cells.push(finish_cell(&cell, quoted_cell));
        if cells.iter().any(|c| !c.is_empty()) {
            out.push((start, cells));
        }
    }
    out
}

/// A cell trimmed, without a spreadsheet's formula guard (a leading apostrophe before a
/// character a spreadsheet would read as the start of a formula).
fn finish_cell(cell: &str, _quoted: bool) -> String {
    let cell = cell.trim();
    let mut chars = cell.chars();
    if chars.next() == Some('\'') && chars.next().is_some_and(|c| "=+-@".contains(c)) {
        return cell[1..].to_string();
    }
    cell.to_string()
}

/// Where each column is in the records; problems for unknown, repeated or missing columns.
fn read_header(row: usize, cells: &[String], problems: &mut Problems) -> Vec<Option<Column>> {
    let expected = HEADER.join(", ");
    let mut columns: Vec<Option<Column>> = Vec::new();
    for cell in cells {
        if cell.is_empty() {
            columns.push(None);
            continue;
        }
        match Column::from_header(cell) {
            Some(c) if columns.contains(&Some(c)) => problems.push(
                row,
                None,
                trf("answers_csv.column_twice", &[("column", c.name())]),
            ),
            Some(c) => columns.push(Some(c)),
            None => {
                problems.push(
                    row,
                    None,
                    trf(
                        "answers_csv.column_unknown",
                        &[("column", cell), ("expected", &expected)],
                    ),
                );
                columns.push(None);
            }
        }
    }
    for required in [Column::Area, Column::Question, Column::Level] {
        if !columns.contains(&Some(required)) {
            problems.push(
                row,
                None,
                trf("answers_csv.column_missing", &[("column", required.name())]),
            );
        }
    }
    columns
}

/// Names and titles in every language, folded for matching.
struct Lookup<'a> {
    contents: &'a [&'a Content],
}

/// Why a question cell names no question of the row's area.
enum Miss {
    /// A question of this other area.
    OtherArea(String),
    /// No question by that id or title.
    Unknown,
    /// A retired question whose answer does not carry over; holds the questions to answer
    /// instead, ready for the message.
    Retired(String),
}

/// Folds a name for matching: trimmed, inner spaces collapsed, lower case.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl<'a> Lookup<'a> {
    fn new(contents: &'a [&'a Content]) -> Self {
        Lookup { contents }
    }

    fn first(&self) -> Option<&'a Content> {
        self.contents.first().copied()
    }

    /// The area's id from its id or name.
    fn area(&self, cell: &str) -> Option<String> {
        let cell = fold(cell);
        self.contents.iter().find_map(|c| {
            c.areas
                .iter()
                .find(|a| fold(&a.id) == cell || fold(&a.name) == cell)
                .map(|a| a.id.clone())
        })
    }

    /// The question's id from its id or title. A retired question (by its old id or title)
    /// gives the question its answer moves to, or says which questions to answer instead.
    fn question(&self, area: &str, cell: &str) -> Result<String, Miss> {
        let folded = fold(cell);
        for c in self.contents {
            if let Some((a, q)) = c.question(cell.trim()) {
                return if a.id == area {
                    Ok(q.id.clone())
                } else {
                    Err(Miss::OtherArea(a.id.clone()))
                };
            }
            if let Some(q) = c
                .area(area)
                .and_then(|a| a.questions.iter().find(|q| fold(&q.text) == folded))
            {
                return Ok(q.id.clone());
            }
            let retired = c.area(area).and_then(|a| {
                a.retired_questions
                    .iter()
                    .find(|r| r.id == cell.trim() || fold(&r.text) == folded)
            });
            if let Some(r) = retired {
                return match &r.answer_moves_to {
                    Some(to) => Ok(to.clone()),
                    None => Err(Miss::Retired(self.titles(area, &r.replaced_by))),
                };
            }
        }
        Err(Miss::Unknown)
    }

    /// The ids and titles of questions of an area, quoted and joined, for messages.
    fn titles(&self, area: &str, ids: &[String]) -> String {
        let area = self.first().and_then(|c| c.area(area));
        ids.iter()
            .map(|id| {
                let title = area
                    .and_then(|a| a.questions.iter().find(|q| &q.id == id))
                    .map_or("", |q| q.text.as_str());
                format!("{id} (“{title}”)")
            })
            .collect::<Vec<_>>()
            .join(tr("answers_csv.list_separator"))
    }

    /// A level from its number or its name.
    fn level(&self, cell: &str) -> Option<u8> {
        if let Ok(n) = cell.trim().parse::<u8>() {
            return ((n as usize) < crate::content::LEVELS).then_some(n);
        }
        let cell = fold(cell);
        self.contents.iter().find_map(|c| {
            c.scale
                .iter()
                .find(|l| fold(&l.name) == cell)
                .map(|l| l.level)
        })
    }

    /// "0 to 4 or a level's name (Absent, …)" for messages.
    fn levels_expected(&self) -> String {
        let names = self
            .first()
            .map(|c| {
                c.scale
                    .iter()
                    .map(|l| l.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        trf("answers_csv.expected_level", &[("names", &names)])
    }
}

/// Reads one record; problems go to `problems` and the row is then left out.
fn read_row(
    row: usize,
    cells: &[String],
    columns: &[Option<Column>],
    lookup: &Lookup,
    seen: &mut HashMap<String, usize>,
    problems: &mut Problems,
) -> Option<Row> {
    let before = problems.list.len();
    if cells.len() > columns.len() && cells[columns.len()..].iter().any(|c| !c.is_empty()) {
        problems.push(
            row,
            None,
            trf(
                "answers_csv.too_many_cells",
                &[("n", &columns.len().to_string())],
            ),
        );
    }
    let cell = |column: Column| -> &str {
        columns
            .iter()
            .position(|c| *c == Some(column))
            .and_then(|i| cells.get(i))
            .map(String::as_str)
            .unwrap_or("")
    };
    let area_cell = cell(Column::Area);
    let question_cell = cell(Column::Question);
    let area = if area_cell.is_empty() {
        problems.push(
            row,
            Some(Column::Area),
            tr("answers_csv.area_empty").to_string(),
        );
        None
    } else {
        let found = lookup.area(area_cell);
        if found.is_none() {
            problems.push(
                row,
                Some(Column::Area),
                trf("answers_csv.area_unknown", &[("value", area_cell)]),
            );
        }
        found
    };
    let question = match (&area, question_cell.is_empty()) {
        (_, true) => {
            problems.push(
                row,
                Some(Column::Question),
                tr("answers_csv.question_empty").to_string(),
            );
            None
        }
        (None, false) => None,
        (Some(area), false) => match lookup.question(area, question_cell) {
            Ok(q) => Some(q),
            Err(miss) => {
                let message = match miss {
                    Miss::OtherArea(other) => trf(
                        "answers_csv.question_other_area",
                        &[("value", question_cell), ("area", &other)],
                    ),
                    Miss::Unknown => trf(
                        "answers_csv.question_unknown",
                        &[("value", question_cell), ("area", area)],
                    ),
                    Miss::Retired(instead) => trf(
                        "answers_csv.question_retired",
                        &[("value", question_cell), ("instead", &instead)],
                    ),
                };
                problems.push(row, Some(Column::Question), message);
                None
            }
        },
    };
    // A question given twice: which row should win is not for the import to guess.
    if let Some(q) = &question {
        match seen.get(q) {
            Some(first) => problems.push(
                row,
                Some(Column::Question),
                trf(
                    "answers_csv.duplicate",
                    &[("question", q), ("first", &first.to_string())],
                ),
            ),
            None => _ = seen.insert(q.clone(), row),
        }
    }
    let mut level_of = |column: Column| -> Option<u8> {
        let value = cell(column);
        if value.is_empty() {
            return None;
        }
        let level = lookup.level(value);
        if level.is_none() {
            problems.push(
                row,
                Some(column),
                trf(
                    "answers_csv.level_bad",
                    &[("value", value), ("expected", &lookup.levels_expected())],
                ),
            );
        }
        level
    };
    let level = level_of(Column::Level);
    let target = level_of(Column::Target);
    let note = Some(cell(Column::Note).to_string()).filter(|n| !n.is_empty());
    if problems.list.len() > before || problems.stopped {
        return None;
    }
    Some(Row {
        row,
        question: question?,
        level,
        target,
        note,
    })
}

/// What applying the rows would change, counted for the summary.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// Each question that changes, with its answer afterwards.
    pub changes: Vec<(String, Answer)>,
    /// Questions without a level that get one.
    pub new: usize,
    /// Questions whose level or target changes.
    pub changed: usize,
    /// Questions whose note changes.
    pub notes: usize,
    /// Rows that change nothing.
    pub unchanged: usize,
}

impl Plan {
    /// Answers that change (new or changed levels and targets).
    pub fn answers(&self) -> usize {
        self.new + self.changed
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// What the rows would change in `a`.
pub fn plan(a: &Assessment, rows: &[Row]) -> Plan {
    let mut plan = Plan::default();
    for row in rows {
        let before = a.answers.get(&row.question).cloned().unwrap_or_default();
        let mut after = before.clone();
        if let Some(level) = row.level {
            after.current = Some(level);
            // A level says the question applies.
            after.not_applicable = None;
        }
        if row.target.is_some() {
            after.target = row.target;
        }
        if let Some(note) = &row.note {
            if before.notes.trim() != note {
                after.notes = note.clone();
            }
        }
        if after == before {
            plan.unchanged += 1;
            continue;
        }
        if before.current.is_none() && after.current.is_some() {
            plan.new += 1;
        } else if (after.current, after.target, &after.not_applicable)
            != (before.current, before.target, &before.not_applicable)
        {
            plan.changed += 1;
        }
        if after.notes != before.notes {
            plan.notes += 1;
        }
        plan.changes.push((row.question.clone(), after));
    }
    plan
}

/// Applies a plan made for `a` (one undo step: the caller records it).
pub fn apply(a: &mut Assessment, plan: &Plan) {
    for (question, answer) in &plan.changes {
        a.answers.insert(question.clone(), answer.clone());
    }
}

/// "12 answers: 9 new, 3 changed; 2 notes", in the language in use.
pub fn summary(plan: &Plan) -> String {
    let mut parts = vec![if plan.answers() == 0 {
        tr("answers_csv.summary_no_answers").to_string()
    } else {
        trn(
            "answers_csv.summary_answers",
            plan.answers(),
            &[
                ("new", &plan.new.to_string()),
                ("changed", &plan.changed.to_string()),
            ],
        )
    }];
    if plan.notes > 0 {
        parts.push(trn("answers_csv.summary_notes", plan.notes, &[]));
    }
    if plan.unchanged > 0 {
        parts.push(trn("answers_csv.summary_unchanged", plan.unchanged, &[]));
    }
    parts.join(tr("answers_csv.summary_separator"))
}

/// The template: one row per question of `content`, filled with `a`'s answers as they are, so
/// importing it unchanged changes nothing. A question marked "does not apply" gets no level
/// (a level would make it apply again). Starts with a byte-order mark.
pub fn template(content: &Content, a: &Assessment) -> String {
    let level = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_default();
    let rows = content.areas.iter().flat_map(|area| {
        area.questions.iter().map(move |q| {
            let answer = a.answers.get(&q.id).cloned().unwrap_or_default();
            let current = if answer.is_not_applicable() {
                None
            } else {
                answer.current
            };
            vec![
                text_cell(&area.id),
                text_cell(&q.id),
                text_cell(&q.text),
                level(current),
                level(answer.target),
                text_cell(answer.notes.trim()),
            ]
        })
    });
    // A byte-order mark first: Excel reads a CSV without one in the system's legacy encoding,
    // which garbles every Chinese title and note.
    format!("\u{feff}{}", table(&HEADER, rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use chrono::DateTime;
    use proptest::prelude::*;
    use uuid::Uuid;

    fn contents() -> Vec<&'static Content> {
        vec![
            crate::content::get_lang(Lang::En),
            crate::content::get_lang(Lang::Zh),
        ]
    }

    fn read(text: &str) -> Result<Vec<Row>, Refusal> {
        parse(text.as_bytes(), &contents())
    }

    fn assessment() -> Assessment {
        Assessment::new(
            Uuid::from_u128(1),
            "Client",
            DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
        )
    }

    /// The first area's id and its first two questions' ids and English titles.
    fn first_questions() -> (String, [(String, String); 2]) {
        let area = &crate::content::get().areas[0];
        let q = |i: usize| (area.questions[i].id.clone(), area.questions[i].text.clone());
        (area.id.clone(), [q(0), q(1)])
    }

    #[test]
    fn ids_titles_names_separators_quotes_and_bom_all_read() {
        let (area, [(q0, _), (_, t1)]) = first_questions();
        let zh = crate::content::get_lang(Lang::Zh);
        let zh_area = &zh.areas[0].name;
        let text = format!(
            "\u{feff}Area;Question;Level;Target;Note\r\n\
             {area};{q0};2;3;\"Written; reviewed \"\"yearly\"\"\nsecond line\"\r\n\
             {zh_area};\"{t1}\";Managed;;\r\n"
        );
        let rows = read(&text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].question, q0);
        assert_eq!((rows[0].level, rows[0].target), (Some(2), Some(3)));
        assert_eq!(
            rows[0].note.as_deref(),
            Some("Written; reviewed \"yearly\"\nsecond line")
        );
        assert_eq!(rows[1].row, 4, "rows are numbered by line, the header is 1");
        assert_eq!((rows[1].level, rows[1].target), (Some(3), None));
        assert_eq!(rows[1].note, None);
        // Comma separated, level names in Chinese, a title in another letter case.
        let text = format!(
            "area,question,level\n{area},\"{}\",已定义\n",
            t1.to_uppercase()
        );
        assert_eq!(read(&text).unwrap()[0].level, Some(2));
    }

    #[test]
    fn the_example_of_the_docs_reads() {
        let doc = include_str!("../../docs/answers-csv.md");
        let example = doc
            .split("```csv\n")
            .nth(1)
            .and_then(|rest| rest.split("```").next())
            .unwrap();
        let rows = read(example).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].question, "security.independent-checks");
        assert_eq!(rows[1].level, Some(1));
        assert_eq!((rows[2].level, rows[2].note.is_some()), (None, true));
    }

    #[test]
    fn every_problem_is_reported_at_once_with_row_and_column() {
        let (area, [(q0, _), (q1, _)]) = first_questions();
        let text = format!(
            "area,question,level,target\n\
             {area},{q0},5,\n\
             nowhere,{q1},2,\n\
             {area},no such question,2,Great\n\
             {area},{q0},1,\n"
        );
        let refusal = read(&text).unwrap_err();
        let shown: Vec<String> = refusal.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(refusal.problems.len(), 5, "{shown:#?}");
        let at = |i: usize| (refusal.problems[i].row, refusal.problems[i].column);
        assert_eq!(at(0), (2, Some(Column::Level)));
        assert_eq!(at(1), (3, Some(Column::Area)));
        assert_eq!(at(2), (4, Some(Column::Question)));
        assert_eq!(at(3), (4, Some(Column::Target)));
        assert_eq!(
            at(4),
            (5, Some(Column::Question)),
            "the same question twice"
        );
        assert!(
            shown[0].starts_with("Row 2, column level: "),
            "{}",
            shown[0]
        );
        assert!(
            shown[0].contains("“5”") && shown[0].contains("0 to 4"),
            "{}",
            shown[0]
        );
        assert!(shown[0].contains("Optimizing"), "{}", shown[0]);
        assert!(shown[4].contains("row 2"), "{}", shown[4]);
    }

    /// The real content with the first area's last question retired in two ways: `moved.old`
    /// into its first question, `kept.old` into its first two with no move.
    fn with_retired() -> (Content, String, [String; 2]) {
        use crate::content::test_content::retired;
        let mut c = crate::content::get().clone();
        let area = &mut c.areas[0];
        let (a, q0, q1) = (
            area.id.clone(),
            area.questions[0].id.clone(),
            area.questions[1].id.clone(),
        );
        area.retired_questions = vec![
            retired(&format!("{a}.moved-old"), &[&q0], Some(&q0)),
            retired(&format!("{a}.kept-old"), &[&q0, &q1], None),
        ];
        (c, a, [q0, q1])
    }

    #[test]
    fn a_retired_question_with_a_move_is_read_as_its_new_question() {
        let (c, area, [q0, _]) = with_retired();
        // By its old id and by its old title.
        let text = format!("area,question,level\n{area},{area}.moved-old,2\n");
        let rows = parse(text.as_bytes(), &[&c]).unwrap();
        assert_eq!(
            (rows[0].question.as_str(), rows[0].level),
            (q0.as_str(), Some(2))
        );
        let title = format!("Old question {area}.moved-old");
        let text = format!("area,question,level\n{area},{title},3\n");
        assert_eq!(parse(text.as_bytes(), &[&c]).unwrap()[0].question, q0);
        // Together with its new question it is the same question twice.
        let text = format!("area,question,level\n{area},{area}.moved-old,2\n{area},{q0},3\n");
        let refusal = parse(text.as_bytes(), &[&c]).unwrap_err();
        assert_eq!(refusal.problems.len(), 1);
        assert_eq!(refusal.problems[0].row, 3);
    }

    #[test]
    fn a_retired_question_without_a_move_says_what_to_answer_instead() {
        let (c, area, [q0, q1]) = with_retired();
        let text = format!("area,question,level\n{area},{area}.kept-old,2\n");
        let refusal = parse(text.as_bytes(), &[&c]).unwrap_err();
        assert_eq!(refusal.problems.len(), 1);
        assert_eq!(
            (refusal.problems[0].row, refusal.problems[0].column),
            (2, Some(Column::Question))
        );
        let shown = refusal.problems[0].to_string();
        let t = |i: usize| c.areas[0].questions[i].text.clone();
        assert_eq!(
            shown,
            format!(
                "Row 2, column question: “{area}.kept-old” is a question the framework no \
                 longer asks, and its answer does not carry over; answer instead: \
                 {q0} (“{}”); {q1} (“{}”)",
                t(0),
                t(1)
            )
        );
        crate::i18n::set_current(Lang::Zh);
        let zh = parse(text.as_bytes(), &[&c]).unwrap_err().problems[0].to_string();
        crate::i18n::set_current(Lang::En);
        assert!(zh.contains("不再提问") && zh.contains(&q1), "{zh}");
    }

    #[test]
    fn header_problems_name_the_columns() {
        let refusal = read("area,questoin,level,level\nx,y,1\n").unwrap_err();
        let shown: Vec<String> = refusal.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(shown.len(), 3, "{shown:#?}");
        assert!(shown.iter().any(|s| s.contains("“questoin”")));
        assert!(shown.iter().any(|s| s.contains("twice")));
        assert!(shown.iter().any(|s| s.contains("“question”")));
        assert!(refusal.problems.iter().all(|p| p.row == 1));
    }

    #[test]
    fn bad_files_are_refused_in_plain_words() {
        let one = |r: Result<Vec<Row>, Refusal>| r.unwrap_err().problems[0].to_string();
        assert!(one(parse(b"area,question,level\n\xff\n", &contents())).contains("UTF-8"));
        assert!(one(read("")).contains("empty"));
        assert!(one(read("area,question,level\n")).contains("no answers"));
        let (area, [(q0, _), _]) = first_questions();
        let unclosed = format!("area,question,level,note\n{area},{q0},1,\"never closed\n");
        assert!(one(read(&unclosed)).starts_with("Row 2: "));
        let big = vec![b' '; MAX_BYTES + 1];
        assert!(one(parse(&big, &contents())).contains("MB"));
    }

    #[test]
    fn at_most_fifty_problems_then_checking_stops() {
        let mut text = String::from("area,question,level\n");
        for _ in 0..80 {
            text.push_str("nowhere,x,9\n");
        }
        let refusal = read(&text).unwrap_err();
        assert_eq!(refusal.problems.len(), MAX_PROBLEMS);
        assert!(refusal.stopped);
    }

    #[test]
    fn the_plan_counts_new_changed_and_notes_and_applies_in_full() {
        let (area, [(q0, _), (q1, _)]) = first_questions();
        let mut a = assessment();
        a.answers.insert(
            q1.clone(),
            Answer {
                current: Some(1),
                notes: "old".into(),
                ..Answer::default()
            },
        );
        let text =
            format!("area,question,level,target,note\n{area},{q0},2,,\n{area},{q1},3,4,new note\n");
        let rows = read(&text).unwrap();
        let p = plan(&a, &rows);
        assert_eq!((p.new, p.changed, p.notes, p.unchanged), (1, 1, 1, 0));
        assert_eq!(summary(&p), "2 answers: 1 new, 1 changed; 1 note");
        apply(&mut a, &p);
        assert_eq!(a.answers[&q0].current, Some(2));
        assert_eq!(
            (a.answers[&q1].current, a.answers[&q1].target),
            (Some(3), Some(4))
        );
        assert_eq!(a.answers[&q1].notes, "new note");
        // The same file again changes nothing.
        let again = plan(&a, &rows);
        assert!(again.is_empty());
        assert_eq!(summary(&again), "No answers change; 2 rows change nothing");
    }

    #[test]
    fn a_level_makes_a_not_applicable_question_apply() {
        let (area, [(q0, _), _]) = first_questions();
        let mut a = assessment();
        a.answers.insert(
            q0.clone(),
            Answer {
                not_applicable: Some("No servers".into()),
                ..Answer::default()
            },
        );
        let p = plan(
            &a,
            &read(&format!("area,question,level\n{area},{q0},1\n")).unwrap(),
        );
        assert_eq!((p.new, p.changed), (1, 0));
        apply(&mut a, &p);
        assert_eq!(a.answers[&q0].not_applicable, None);
    }

    /// A question's index, level, target, "does not apply", and note.
    type ArbAnswer = (usize, Option<u8>, Option<u8>, bool, String);

    fn arb_answers() -> impl Strategy<Value = Vec<ArbAnswer>> {
        let n = crate::content::get().question_count();
        proptest::collection::vec(
            (
                0..n,
                proptest::option::of(0u8..5),
                proptest::option::of(0u8..5),
                any::<bool>(),
                "[a-zA-Z0-9 ,;\"=@+\\-\n中文]{0,24}",
            ),
            0..40,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn the_template_imported_back_changes_nothing(answers in arb_answers()) {
            let content = crate::content::get();
            let ids: Vec<&str> = content
                .areas
                .iter()
                .flat_map(|a| a.questions.iter().map(|q| q.id.as_str()))
                .collect();
            let mut a = assessment();
            for (i, current, target, na, notes) in answers {
                a.answers.insert(ids[i].to_string(), Answer {
                    current,
                    target,
                    not_applicable: na.then(|| "Not for us".to_string()),
                    notes: notes.trim().to_string(),
                    ..Answer::default()
                });
            }
            let text = template(content, &a);
            let rows = read(&text).unwrap();
            prop_assert_eq!(rows.len(), ids.len());
            let p = plan(&a, &rows);
            prop_assert!(p.is_empty(), "{:?}", p);
            let before = a.clone();
            apply(&mut a, &p);
            prop_assert_eq!(a, before);
        }
    }
}
