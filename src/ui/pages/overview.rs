//! Overview section: where the assessment stands and what to do next.

use leptos::prelude::*;
use leptos_router::components::A;

use super::assessment::use_current;
use super::format_time;

#[component]
pub fn OverviewSection() -> impl IntoView {
    let current = use_current();
    let id = current.id;
    let a = current.assessment;
    let completion = Memo::new(move |_| {
        a.with(|a| a.as_ref().map(|a| a.profile_completion()).unwrap_or((0, 0)))
    });
    let field = move |f: fn(&crate::domain::Assessment) -> String| {
        move || a.with(|a| a.as_ref().map(f).unwrap_or_default())
    };
    view! {
        <section aria-labelledby="overview-title">
            <h2 id="overview-title">"Overview"</h2>
            <dl class="facts">
                <div><dt>"Company"</dt><dd>{field(|a| non_empty(&a.profile.company_name))}</dd></div>
                <div><dt>"Stage"</dt><dd>{field(|a| a.profile.stage.label().to_string())}</dd></div>
                <div><dt>"Industry"</dt><dd>{field(|a| non_empty(&a.profile.industry))}</dd></div>
                <div>
                    <dt>"Team size"</dt>
                    <dd>{field(|a| a.profile.team_size.map(|n| format!("{n} people")).unwrap_or_else(|| "not given".into()))}</dd>
                </div>
                <div><dt>"Created"</dt><dd>{field(|a| format_time(a.created_at))}</dd></div>
                <div><dt>"Last changed"</dt><dd>{field(|a| format_time(a.updated_at))}</dd></div>
            </dl>
            <h3>"Progress"</h3>
            <p>
                {move || {
                    let (filled, total) = completion.get();
                    format!("Company profile: {filled} of {total} fields filled.")
                }}
            </p>
            <progress
                max=move || completion.get().1
                value=move || completion.get().0
                aria-label="Company profile completion"
            ></progress>
            <h3>"What to do next"</h3>
            <Show
                when=move || { let (f, t) = completion.get(); f < t }
                fallback=move || view! {
                    <p>"The profile is complete. Export the assessment to back it up or share it with your consultant."</p>
                }
            >
                <p>
                    <A href=format!("/a/{id}/profile")>"Complete the company profile"</A>
                    ": stage, team size and business model set the baseline for everything that follows."
                </p>
            </Show>
        </section>
    }
}

fn non_empty(text: &str) -> String {
    if text.trim().is_empty() {
        "not given".to_string()
    } else {
        text.to_string()
    }
}
