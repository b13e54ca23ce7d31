//! A labelled text box for a number (or anything parsed from text): the user's text stays as
//! typed, a valid value is saved at once, an invalid one is refused with "⚠ Not saved: ..." in
//! the hint. Never touches state itself; the caller saves what `on_ok` receives.

use leptos::prelude::*;

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
) -> impl IntoView {
    let text = RwSignal::new(initial);
    let error = RwSignal::new(None::<String>);
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
                    match parse(&v) {
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
