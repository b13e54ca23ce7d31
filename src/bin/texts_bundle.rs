//! Prints every language's texts as one JSON object, `{"en": {file: text, …}, "zh": {…}}`, for
//! `tools/build.mjs` to write as `lang/<code>-<hash>.json`: the browser build carries no text
//! and fetches only the language in use (see `texts`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use cto_workbench::i18n::Lang;
    use cto_workbench::texts;
    let all: serde_json::Map<String, serde_json::Value> = Lang::ALL
        .into_iter()
        .map(|lang| {
            (
                texts::bundle_code(lang).to_string(),
                serde_json::Value::Object(texts::bundle(lang)),
            )
        })
        .collect();
    println!("{}", serde_json::Value::Object(all));
}

// The browser build has no compiled-in texts to print.
#[cfg(target_arch = "wasm32")]
fn main() {}
