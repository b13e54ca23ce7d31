//! A labelled text box or text area bound to one piece of text, with an optional hint.

use leptos::prelude::*;

#[component]
pub fn TextField(
    /// Unique in the page; ties the label and hint to the control.
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    on_input: impl Fn(String) + 'static,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described = (!hint.is_empty()).then(|| hint_id.clone());
    let control = if multiline {
        view! {
            <textarea
                id=id
                rows="3"
                aria-describedby=described.clone()
                prop:value=move || value.get()
                on:input=move |ev| on_input(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id
                type="text"
                aria-describedby=described.clone()
                prop:value=move || value.get()
                on:input=move |ev| on_input(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            <Show when=move || !hint.is_empty()>
                <p class="hint" id=hint_id.clone()>{hint}</p>
            </Show>
        </div>
    }
}
