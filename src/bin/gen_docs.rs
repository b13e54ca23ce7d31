//! Writes `docs/questions.md`, `docs/questions.csv` and `content/reading.json` (the English words
//! of each question, for the time estimates) from the compiled-in content (run from the
//! repository root: `cargo run --bin gen_docs`). The tests `questions_doc_is_up_to_date` and
//! `the_table_matches_the_english_content` fail until the files match the content.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use cto_workbench::content::reading;
    use cto_workbench::format::questions_doc;
    for (path, text) in [
        (questions_doc::MARKDOWN_PATH, questions_doc::markdown()),
        (questions_doc::CSV_PATH, questions_doc::csv()),
        (reading::PATH, reading::generate()),
    ] {
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("could not write {path}: {e} (run this from the repository root)");
            std::process::exit(1);
        }
        println!("wrote {path}");
    }
}

// The browser build has no compiled-in texts to write from.
#[cfg(target_arch = "wasm32")]
fn main() {}
