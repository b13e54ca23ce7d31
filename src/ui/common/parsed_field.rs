//! A labelled text box for a number (or anything parsed from text): the user's text stays as
//! typed, a valid value is saved at once, an invalid one is refused with "⚠ Not saved: ..." in
//! the hint. Never touches state itself; the caller saves what `on_ok` receives. Given the
//! assessment (`draft_of`), a refused text is also kept as a draft in this browser, so after a
//! reload the box shows it again with its reason instead of the last valid value.

use leptos::prelude::*;
use uuid::Uuid;

use crate::storage::{read_draft, write_draft};

#[component]
pub fn ParsedField<T: 'static>(
    /// Unique in the page; ties the label and hint to the box.
    id: String,
    label: &'static str,
    /// The text shown at first, usually the saved value written out.
    initial: String,
    /// Reads the text; `Err` holds the "⚠ Not saved: ..." message.
    parse: fn(&str) -> Result<T, String>,
    on_ok: impl Fn(T) + 'static,
    /// Shown under the box while the text is valid.
    #[prop(optional)]
    hint: &'static str,
    /// "decimal" or "numeric", for phone keyboards.
    #[prop(default = "decimal")]
    inputmode: &'static str,
    /// The assessment whose refused texts are kept as drafts under this box's `id`.
    #[prop(optional)]
    draft_of: Option<Uuid>,
) -> impl IntoView {
    // A draft that is still refused wins over the saved value; one that now reads (the parser
    // may have learnt it) is dropped, as the saved value then is what it said.
    let draft = draft_of.and_then(|a| {
        let text = read_draft(a, &id)?;
        match parse(&text) {
            Err(e) => Some((text, e)),
            Ok(_) => {
                write_draft(a, &id, None);
                None
            }
        }
    });
    let (first_text, first_error) = match draft {
        Some((text, e)) => (text, Some(e)),
        None => (initial, None),
    };
    let text = RwSignal::new(first_text);
    let error = RwSignal::new(first_error);
    let draft_id = id.clone();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input type="text" inputmode=inputmode id=id.clone()
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=hint_id.clone()
                prop:value=move || text.get()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    text.set(v.clone());
                    let read = parse(&v);
                    if let Some(a) = draft_of {
                        write_draft(a, &draft_id, read.is_err().then_some(v.as_str()));
                    }
                    match read {
                        Ok(value) => { error.set(None); on_ok(value) }
                        Err(e) => error.set(Some(e)),
                    }
                }/>
            <p class="hint" class:error-text=move || error.with(Option::is_some) id=hint_id.clone()>
                {move || error.get().unwrap_or_else(|| hint.to_string())}
            </p>
        </div>
    }
}
