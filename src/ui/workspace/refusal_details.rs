//! Why a file or a link was refused: the message, up to 50 problems each with its path (as many
//! as the format collects in one reading), a count of the rest, and the reassurance that nothing
//! changed. Shared by the import and share-link
//! dialogs so both say it the same way.

use leptos::prelude::*;

use crate::ui::i18n::{t, tf};

/// Problems listed one by one: all a file's problems, so it can be fixed in one go.
const MAX_LISTED: usize = 50;

#[component]
pub fn RefusalDetails(
    /// Ties the text to the dialog's aria-describedby.
    id: &'static str,
    message: String,
    problems: Vec<String>,
) -> impl IntoView {
    let more = problems.len().saturating_sub(MAX_LISTED);
    let listed: Vec<String> = problems.into_iter().take(MAX_LISTED).collect();
    let has_list = !listed.is_empty();
    view! {
        <div id=id>
            <p class="error-text">{tf("shell.refusal_details_message", &[("message", &message)])}</p>
            <Show when=move || has_list>
                <ul class="problem-list">
                    {listed.iter().map(|p| view! { <li><code>{p.clone()}</code></li> }).collect_view()}
                </ul>
            </Show>
            <Show when=move || { more > 0 }>
                <p>{tf("shell.refusal_details_more", &[("n", &more.to_string())])}</p>
            </Show>
            <p>{t("shell.refusal_details_nothing_changed")}</p>
        </div>
    }
}
