//! The page for an address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page narrow">
            <h1>"Page not found"</h1>
            <p>"This address is not part of CTO Workbench. Your assessments are still here."</p>
            <p><A href="/">"Go to all assessments"</A></p>
        </section>
    }
}
