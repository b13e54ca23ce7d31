//! How many English words each question asks a reader to go through (its text, its help and its
//! five levels), compiled in. The time estimates count English words (`domain::quick_pass`), and
//! in the browser only the language in use is loaded, so the counts travel with the code: both
//! languages show the same times. Written by `cargo run --bin gen_docs` from the English
//! content; the test below fails when the file is out of date.

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Where the table lives, from the repository root.
pub const PATH: &str = "content/reading.json";

const TEXT: &str = include_str!("../../content/reading.json");

/// The English words of question `id`, or `None` for an id the table does not have.
pub fn english_words(id: &str) -> Option<usize> {
    static TABLE: OnceLock<BTreeMap<String, usize>> = OnceLock::new();
    // A table that does not parse is caught by the test below; at run time the estimate then
    // counts the words of the texts loaded, as it did before the table.
    TABLE
        .get_or_init(|| serde_json::from_str(TEXT).unwrap_or_default())
        .get(id)
        .copied()
}

/// The table as the English content gives it (native only: the texts are compiled in there).
#[cfg(not(target_arch = "wasm32"))]
pub fn generate() -> String {
    let table: BTreeMap<&str, usize> = super::get_lang(crate::i18n::Lang::En)
        .areas
        .iter()
        .flat_map(|a| &a.questions)
        .map(|q| (q.id.as_str(), crate::domain::quick_pass::words_to_read(q)))
        .collect();
    let mut out = serde_json::to_string_pretty(&table).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_table_matches_the_english_content() {
        assert!(
            super::generate() == super::TEXT,
            "{} is out of date: run `cargo run --bin gen_docs`",
            super::PATH
        );
    }
}
