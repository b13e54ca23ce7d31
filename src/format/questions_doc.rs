//! `docs/questions.md` and `docs/questions.csv`: every area and question id a file may use, with
//! titles and level texts in English and Chinese, written from the compiled-in content.
//!
//! Owns only the writing of those two documents; `cargo run --bin gen_docs` writes them, and the
//! test below fails when the files in `docs/` differ from what the content gives. Never reads
//! anything but the compiled-in content.

use crate::content::{self, Area, Content, Question};
use crate::domain::Stage;
use crate::i18n::Lang;

/// Where the documents live, relative to the repository root.
pub const MARKDOWN_PATH: &str = "docs/questions.md";
pub const CSV_PATH: &str = "docs/questions.csv";
/// The command that rewrites both documents.
pub const COMMAND: &str = "cargo run --bin gen_docs";

/// The Markdown document: one section per area, a table of levels per question.
pub fn markdown() -> String {
    let (en, zh) = (content::get_lang(Lang::En), content::get_lang(Lang::Zh));
    let mut out = String::new();
    out.push_str("# Question ids and level texts\n\n");
    out.push_str(&format!(
        "<!-- Generated from content/ by `{COMMAND}`; do not edit by hand. \
         `cargo test --lib questions_doc` fails when this file is out of date. -->\n\n"
    ));
    out.push_str(&format!(
        "Every area and question of the framework, with the ids a file uses: question ids are the \
         keys of an assessment's `answers`, area ids the keys of its `areas` (see \
         [format.md](format.md)). {areas} areas, {questions} questions. The same list as a \
         spreadsheet: [questions.csv](questions.csv).\n\n",
        areas = en.areas.len(),
        questions = en.question_count(),
    ));
    out.push_str(
        "A **retired** question is one an earlier edition asked: its id is never reused, and each \
         area lists its retired ids after its questions, with what happens to their answers.\n\n",
    );
    out.push_str(
        "★ marks an area's **key question**, the one the quick pass asks. *Default targets* are \
         the levels a `target` of `null` stands for at each stage (pre-seed, seed, Series A, \
         Series B or later); a company whose stage is `unknown` gets the seed targets.\n\n",
    );
    out.push_str("## The levels\n\n| Level | English | 中文 |\n|---|---|---|\n");
    for (e, z) in en.scale.iter().zip(&zh.scale) {
        out.push_str(&format!(
            "| {} | **{}**: {} | **{}**：{} |\n",
            e.level,
            cell(&e.name),
            cell(&e.meaning),
            cell(&z.name),
            cell(&z.meaning)
        ));
    }
    out.push_str(
        "\n## Areas\n\n| # | Area id | English | 中文 | Key question |\n|---|---|---|---|---|\n",
    );
    for (e, z) in en.areas.iter().zip(&zh.areas) {
        out.push_str(&format!(
            "| {} | `{}` | {} | {} | `{}` |\n",
            e.number,
            e.id,
            cell(&e.name),
            cell(&z.name),
            e.key_question().map_or("", |q| q.id.as_str())
        ));
    }
    for (e, z) in en.areas.iter().zip(&zh.areas) {
        area_section(&mut out, e, z);
    }
    out
}

fn area_section(out: &mut String, e: &Area, z: &Area) {
    out.push_str(&format!(
        "\n## {}. {} · {} (`{}`)\n\n{}\n\n{}\n",
        e.number,
        e.name,
        z.name,
        e.id,
        one_line(&e.purpose),
        one_line(&z.purpose)
    ));
    for (qe, qz) in e.questions.iter().zip(&z.questions) {
        let key = if qe.key_question {
            " ★ key question"
        } else {
            ""
        };
        out.push_str(&format!(
            "\n### `{}`{key}\n\n- English: {}\n- 中文：{}\n- Default targets: {}\n\n\
             | Level | English | 中文 |\n|---|---|---|\n",
            qe.id,
            one_line(&qe.text),
            one_line(&qz.text),
            targets(e, qe)
        ));
        for (level, (le, lz)) in qe.levels.iter().zip(&qz.levels).enumerate() {
            out.push_str(&format!("| {level} | {} | {} |\n", cell(le), cell(lz)));
        }
    }
    for (re, rz) in e.retired_questions.iter().zip(&z.retired_questions) {
        let ids = |list: &[String]| {
            list.iter()
                .map(|id| format!("`{id}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let answers = match &re.answer_moves_to {
            Some(to) => format!(
                "moved to `{to}` when an older file is read, unless that question already has one"
            ),
            None => "kept under this id and shown as a retired answer; not scored".to_string(),
        };
        out.push_str(&format!(
            "\n### `{}` (retired in version {})\n\n- English: {}\n- 中文：{}\n- Replaced by: {}\n\
             - Answers: {answers}\n- Why: {}\n- 原因：{}\n",
            re.id,
            re.retired_in_schema,
            one_line(&re.text),
            one_line(&rz.text),
            ids(&re.replaced_by),
            one_line(&re.why),
            one_line(&rz.why)
        ));
    }
}

fn targets(area: &Area, q: &Question) -> String {
    Stage::ALL
        .iter()
        .map(|s| format!("{} {}", s.id(), area.default_target(q, *s)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The CSV: one row per question, the columns a spreadsheet of answers can look up.
pub fn csv() -> String {
    let (en, zh): (&Content, &Content) = (content::get_lang(Lang::En), content::get_lang(Lang::Zh));
    let mut header = vec![
        "area_id".to_string(),
        "area_en".into(),
        "area_zh".into(),
        "question_id".into(),
        "key_question".into(),
        "title_en".into(),
        "title_zh".into(),
    ];
    for s in Stage::ALL {
        header.push(format!("target_{}", s.id()));
    }
    for lang in ["en", "zh"] {
        for level in 0..content::LEVELS {
            header.push(format!("level_{level}_{lang}"));
        }
    }
    let mut out = row(&header);
    for (e, z) in en.areas.iter().zip(&zh.areas) {
        for (qe, qz) in e.questions.iter().zip(&z.questions) {
            let mut fields = vec![
                e.id.clone(),
                e.name.clone(),
                z.name.clone(),
                qe.id.clone(),
                if qe.key_question { "yes" } else { "" }.to_string(),
                qe.text.clone(),
                qz.text.clone(),
            ];
            fields.extend(
                Stage::ALL
                    .iter()
                    .map(|s| e.default_target(qe, *s).to_string()),
            );
            fields.extend(qe.levels.iter().cloned());
            fields.extend(qz.levels.iter().cloned());
            out.push_str(&row(&fields));
        }
    }
    out
}

/// One CSV line (RFC 4180: fields with a comma, quote or line break are quoted).
fn row(fields: &[String]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect();
    format!("{}\r\n", quoted.join(","))
}

/// Text on one line, for a list item or a paragraph.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text for a Markdown table cell: on one line, with `|` escaped.
fn cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(path: &str, generated: &str) {
        let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
        let on_disk = std::fs::read_to_string(&full).unwrap_or_default();
        assert!(
            on_disk == generated,
            "{path} is out of date with the content: run `{COMMAND}` to update it"
        );
    }

    #[test]
    fn questions_doc_is_up_to_date() {
        check(MARKDOWN_PATH, &markdown());
        check(CSV_PATH, &csv());
    }

    #[test]
    fn questions_doc_names_every_question_in_both_languages() {
        let doc = markdown();
        let csv = csv();
        for (e, z) in content::get_lang(Lang::En)
            .areas
            .iter()
            .zip(&content::get_lang(Lang::Zh).areas)
        {
            assert!(doc.contains(&format!("(`{}`)", e.id)), "{}", e.id);
            assert!(doc.contains(&z.name));
            for (qe, qz) in e.questions.iter().zip(&z.questions) {
                assert!(doc.contains(&format!("### `{}`", qe.id)), "{}", qe.id);
                assert!(doc.contains(&one_line(&qz.text)), "{}", qe.id);
                assert!(csv.contains(&format!(",{},", qe.id)), "{}", qe.id);
                for l in qe.levels.iter().chain(&qz.levels) {
                    assert!(doc.contains(&cell(l)), "{}: {l}", qe.id);
                }
            }
            let key = e.key_question().map(|q| q.id.as_str()).unwrap_or("");
            assert!(
                doc.contains(&format!("### `{key}` ★ key question")),
                "{key}"
            );
        }
        assert_eq!(csv.lines().count(), 1 + content::get().question_count());
    }

    #[test]
    fn questions_doc_lists_every_retired_id_with_its_replacements() {
        let doc = markdown();
        let retired: Vec<_> = content::get()
            .areas
            .iter()
            .flat_map(|a| &a.retired_questions)
            .collect();
        assert!(
            retired.len() >= 2,
            "the second edition retired two questions"
        );
        for r in &retired {
            let at = doc
                .find(&format!(
                    "### `{}` (retired in version {})",
                    r.id, r.retired_in_schema
                ))
                .unwrap_or_else(|| panic!("{} missing", r.id));
            let section = &doc[at..];
            let section = &section[..section[4..].find("\n### ").map_or(section.len(), |i| i + 4)];
            for to in &r.replaced_by {
                assert!(section.contains(&format!("`{to}`")), "{}: {to}", r.id);
            }
            assert_eq!(
                section.contains("moved to"),
                r.answer_moves_to.is_some(),
                "{}",
                r.id
            );
        }
    }
}
