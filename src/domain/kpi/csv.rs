//! Measurements as text: [`parse`] reads pasted or uploaded "date,value" lines, [`export`] writes a
//! KPI's measurements in the same shape.
//!
//! Owns the paste format (shown to users):
//!
//! - One measurement per line: a date as YYYY-MM-DD, a separator, a value. The separator is a
//!   comma, a semicolon or a tab (a tab wins if the line has one, then a semicolon).
//! - Values use a decimal point ("3.5", not "3,5"), no thousands separators, and must be finite.
//! - Spaces and quotes around each field are removed. Empty fields after the value (a trailing
//!   separator from a spreadsheet) are ignored; any other extra field is an error.
//! - Blank lines are skipped. The first non-blank line is a header, and skipped, when its first
//!   field is "date" (any case), e.g. "date,value". A byte-order mark at the start is ignored.
//! - A bad line does not stop the rest: good lines are kept and each bad line gets an error saying
//!   why. At most [`MAX_ROWS`] data lines are read; the lines after that are reported once.
//! - Rows keep their order in the text; duplicate dates are kept (the caller decides).
//!
//! [`export`] writes the header "date,value" and one line per measurement in date order, with the
//! shortest plain decimal that reads back to exactly the same number (never an exponent).

use std::fmt;

use chrono::NaiveDate;

use crate::i18n::trf;

use super::Kpi;

/// The most data lines (good or bad) [`parse`] reads.
pub const MAX_ROWS: usize = 100_000;

/// A line that could not be read. Display gives "line 3: <reason>".
#[derive(Clone, Debug, PartialEq)]
pub struct CsvLineError {
    /// 1-based line number in the pasted text.
    pub line: usize,
    /// The line as pasted (without its line break).
    pub text: String,
    /// Why it was not read, in plain words (without the line number).
    pub reason: String,
}

impl fmt::Display for CsvLineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = self.line.to_string();
        let text = trf(
            "domain.csv_line_error",
            &[("line", &line), ("reason", &self.reason)],
        );
        f.write_str(&text)
    }
}

/// The result of [`parse`]: the rows read and an error for each line that was not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed {
    pub rows: Vec<(NaiveDate, f64)>,
    pub errors: Vec<CsvLineError>,
}

/// Reads "date,value" lines (see the module documentation for the format).
pub fn parse(text: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parsed = Parsed::default();
    let mut seen_content = false;
    let mut data_lines = 0usize;
    let mut overflow: Option<(usize, String, usize)> = None;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let fields = split_fields(line);
        if !seen_content {
            seen_content = true;
            if fields[0].eq_ignore_ascii_case("date") {
                continue;
            }
        }
        if data_lines == MAX_ROWS {
            match overflow.as_mut() {
                None => overflow = Some((line_no, raw.to_string(), 1)),
                Some((_, _, n)) => *n += 1,
            }
            continue;
        }
        data_lines += 1;
        match parse_fields(&fields) {
            Ok(row) => parsed.rows.push(row),
            Err(reason) => parsed.errors.push(CsvLineError {
                line: line_no,
                text: raw.to_string(),
                reason,
            }),
        }
    }
    if let Some((line, text, n)) = overflow {
        let max = MAX_ROWS.to_string();
        let reason = if n == 1 {
            trf("domain.csv_too_many_lines_one", &[("max", &max)])
        } else {
            trf(
                "domain.csv_too_many_lines_many",
                &[("max", &max), ("after", &(n - 1).to_string())],
            )
        };
        parsed.errors.push(CsvLineError { line, text, reason });
    }
    parsed
}

/// Splits on the line's separator (tab, else semicolon, else comma), honouring double quotes,
/// and trims spaces and quotes from each field. Always returns at least one field.
fn split_fields(line: &str) -> Vec<String> {
    let sep = if line.contains('\t') {
        '\t'
    } else if line.contains(';') {
        ';'
    } else {
        ','
    };
    let mut fields = Vec::new();
    let mut current = String::new();
    let mut in_quotes = false;
    for c in line.chars() {
        if c == '"' {
            in_quotes = !in_quotes;
            current.push(c);
        } else if c == sep && !in_quotes {
            fields.push(clean(&current));
            current.clear();
        } else {
            current.push(c);
        }
    }
    fields.push(clean(&current));
    fields
}

fn clean(field: &str) -> String {
    field
        .trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .trim()
        .to_string()
}

fn parse_fields(fields: &[String]) -> Result<(NaiveDate, f64), String> {
    let date_text = fields[0].as_str();
    if date_text.is_empty() {
        return Err(crate::i18n::tr("domain.csv_no_date").to_string());
    }
    let date = parse_date(date_text)
        .ok_or_else(|| trf("domain.csv_not_a_date", &[("text", date_text)]))?;
    let value_text = fields.get(1).map(String::as_str).unwrap_or("");
    if value_text.is_empty() {
        return Err(trf("domain.csv_no_value", &[("date", date_text)]));
    }
    let extra = fields[2..].iter().filter(|f| !f.is_empty()).count();
    if extra > 0 {
        let found = 2 + fields[2..]
            .iter()
            .rposition(|f| !f.is_empty())
            .map_or(0, |p| p + 1);
        return Err(trf(
            "domain.csv_too_many_fields",
            &[("found", &found.to_string())],
        ));
    }
    let value = parse_value(value_text)?;
    Ok((date, value))
}

/// YYYY-MM-DD (one-digit month and day accepted; a year may carry a sign or more digits, as
/// chrono writes years outside 0..=9999).
fn parse_date(s: &str) -> Option<NaiveDate> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => (1, s),
    };
    let mut parts = rest.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let digits = |t: &str, min: usize, max: usize| {
        t.len() >= min && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(y, 4, 6) || !digits(m, 1, 2) || !digits(d, 1, 2) {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    NaiveDate::from_ymd_opt(sign * year, m.parse().ok()?, d.parse().ok()?)
}

fn parse_value(s: &str) -> Result<f64, String> {
    let plain = s
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
    match s.parse::<f64>() {
        Ok(v) if plain && v.is_finite() => Ok(v),
        Ok(_) if plain => Err(trf("domain.csv_too_large", &[("text", s)])),
        Ok(_) => Err(trf("domain.csv_not_finite", &[("text", s)])),
        Err(_) if s.contains(',') => Err(trf("domain.csv_not_a_number_comma", &[("text", s)])),
        Err(_) => Err(trf("domain.csv_not_a_number", &[("text", s)])),
    }
}

/// The measurements of `kpi` as "date,value" text: a header, then one line per measurement in
/// date order (same-day entries keep their order), each ending in a line break. Values that are
/// not finite are left out (they cannot be read back).
pub fn export(kpi: &Kpi) -> String {
    let mut rows: Vec<(NaiveDate, f64)> = kpi
        .measurements
        .iter()
        .filter(|m| m.value.is_finite())
        .map(|m| (m.date, m.value))
        .collect();
    rows.sort_by_key(|r| r.0);
    let mut out = String::with_capacity(16 + rows.len() * 24);
    out.push_str("date,value\n");
    for (d, v) in rows {
        // Rust's Display for f64 is the shortest round-tripping form and never uses an exponent.
        out.push_str(&format!("{d},{v}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kpi::Measurement;
    use proptest::prelude::*;
    use uuid::Uuid;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn messages(p: &Parsed) -> Vec<String> {
        p.errors.iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn reads_good_lines_with_header_blank_lines_and_separators() {
        let p = parse(
            "\u{feff}Date,Value\n\n2026-01-01,1.5\r\n 2026-01-02 ; 2 \n\"2026-01-03\"\t\"-3\"\n\n",
        );
        assert_eq!(p.errors, vec![]);
        assert_eq!(
            p.rows,
            vec![
                (date("2026-01-01"), 1.5),
                (date("2026-01-02"), 2.0),
                (date("2026-01-03"), -3.0),
            ]
        );
    }

    #[test]
    fn header_only_on_first_non_blank_line() {
        let p = parse("2026-01-01,1\ndate,value\n");
        assert_eq!(p.rows.len(), 1);
        assert_eq!(
            messages(&p),
            vec!["line 2: \"date\" is not a date (use YYYY-MM-DD)"]
        );
    }

    #[test]
    fn bad_lines_are_reported_and_good_lines_kept() {
        let text = "2026-01-01,1\n\
                    2026-02-30,2\n\
                    2026-13-01,3\n\
                    2026-01-04,abc\n\
                    2026-01-05,NaN\n\
                    2026-01-06,inf\n\
                    2026-01-07\n\
                    2026-01-08,\n\
                    2026-01-09,1,2\n\
                    2026-01-10,\"1,234\"\n\
                    2026-01-11;3,5\n\
                    2026-01-12,1e999\n\
                    ,5\n\
                    01/02/2026,5\n\
                    2026-01-15,7,,\n";
        let p = parse(text);
        assert_eq!(
            p.rows,
            vec![(date("2026-01-01"), 1.0), (date("2026-01-15"), 7.0)]
        );
        assert_eq!(
            messages(&p),
            vec![
                "line 2: \"2026-02-30\" is not a date (use YYYY-MM-DD)",
                "line 3: \"2026-13-01\" is not a date (use YYYY-MM-DD)",
                "line 4: \"abc\" is not a number",
                "line 5: \"NaN\" is not a finite number",
                "line 6: \"inf\" is not a finite number",
                "line 7: no value after the date 2026-01-07 (expected date,value)",
                "line 8: no value after the date 2026-01-08 (expected date,value)",
                "line 9: expected two fields (date,value) but found 3",
                "line 10: \"1,234\" is not a number (use a decimal point and no thousands \
                 separators, e.g. 1234.5)",
                "line 11: \"3,5\" is not a number (use a decimal point and no thousands \
                 separators, e.g. 1234.5)",
                "line 12: \"1e999\" is too large to be a number",
                "line 13: no date (expected date,value)",
                "line 14: \"01/02/2026\" is not a date (use YYYY-MM-DD)",
            ]
        );
        assert_eq!(p.errors[1].line, 3);
        assert_eq!(p.errors[1].text, "2026-13-01,3");
        assert!(p.errors.iter().all(|e| !e.reason.is_empty()));
    }

    #[test]
    fn empty_text() {
        assert_eq!(parse(""), Parsed::default());
        assert_eq!(parse("\u{feff}\n \n"), Parsed::default());
        assert_eq!(parse("date,value"), Parsed::default());
    }

    #[test]
    fn caps_rows_and_reports_the_rest_once() {
        let mut text = String::from("date,value\n");
        for i in 0..MAX_ROWS + 5 {
            text.push_str(&format!("2026-01-01,{i}\n"));
        }
        let p = parse(&text);
        assert_eq!(p.rows.len(), MAX_ROWS);
        assert_eq!(p.errors.len(), 1);
        assert_eq!(p.errors[0].line, MAX_ROWS + 2);
        assert!(p.errors[0].reason.contains("the 4 after it were skipped"));
    }

    #[test]
    fn export_sorts_and_uses_plain_decimals() {
        let mut k = Kpi::new(Uuid::nil(), "x");
        for (d, v) in [
            ("2026-02-01", 1e21),
            ("2026-01-01", 0.1),
            ("2026-03-01", -1.5e-7),
            ("2026-01-15", f64::NAN),
        ] {
            k.measurements.push(Measurement {
                id: Uuid::nil(),
                date: date(d),
                value: v,
            });
        }
        let text = export(&k);
        assert_eq!(
            text,
            "date,value\n2026-01-01,0.1\n2026-02-01,1000000000000000000000\n\
             2026-03-01,-0.00000015\n"
        );
        let p = parse(&text);
        assert!(p.errors.is_empty());
        assert_eq!(p.rows.len(), 3);
        assert_eq!(p.rows[1].1, 1e21);
    }

    proptest! {
        #[test]
        fn export_parse_round_trip(
            rows in proptest::collection::vec(
                (-1_000_000i32..1_000_000, proptest::num::f64::ANY.prop_filter("finite", |v| v.is_finite())),
                0..50,
            )
        ) {
            let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
            let mut k = Kpi::new(Uuid::nil(), "x");
            for (days, v) in &rows {
                k.measurements.push(Measurement {
                    id: Uuid::nil(),
                    date: base + chrono::Duration::days(i64::from(*days)),
                    value: *v,
                });
            }
            let text = export(&k);
            prop_assert!(text.lines().skip(1).all(|l| !l.contains(['e', 'E'])));
            let p = parse(&text);
            prop_assert!(p.errors.is_empty(), "{:?}", p.errors);
            let mut expected: Vec<(NaiveDate, f64)> =
                k.measurements.iter().map(|m| (m.date, m.value)).collect();
            expected.sort_by_key(|r| r.0);
            prop_assert_eq!(p.rows.len(), expected.len());
            for (got, want) in p.rows.iter().zip(&expected) {
                prop_assert_eq!(got.0, want.0);
                prop_assert_eq!(got.1.to_bits(), want.1.to_bits());
            }
        }
    }

    #[test]
    fn line_errors_in_chinese() {
        crate::i18n::set_current(crate::i18n::Lang::Zh);
        let p = parse("date,value\n2026-13-01,4\n2026-01-02,1,234\n2026-01-03,abc\n,5\n2026-01-04");
        let errors: Vec<String> = p.errors.iter().map(ToString::to_string).collect();
        crate::i18n::set_current(crate::i18n::Lang::En);
        assert_eq!(
            errors,
            [
                "第 2 行：“2026-13-01”不是日期（请使用 YYYY-MM-DD 格式）",
                "第 3 行：应有两个字段（date,value），但发现了 3 个",
                "第 4 行：“abc”不是数字",
                "第 5 行：没有日期（应为“日期,数值”，即 date,value）",
                "第 6 行：日期 2026-01-04 后面没有数值（应为“日期,数值”，即 date,value）",
            ]
        );
    }
}
