//! Writes `docs/questions.md` and `docs/questions.csv` from the compiled-in content (run from the
//! repository root: `cargo run --bin gen_docs`). The test `questions_doc_is_up_to_date` fails
//! until the files match the content.

use cto_workbench::format::questions_doc;

fn main() {
    for (path, text) in [
        (questions_doc::MARKDOWN_PATH, questions_doc::markdown()),
        (questions_doc::CSV_PATH, questions_doc::csv()),
    ] {
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("could not write {path}: {e} (run this from the repository root)");
            std::process::exit(1);
        }
        println!("wrote {path}");
    }
}
