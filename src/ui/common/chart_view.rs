//! A chart drawn by `charts` (an SVG string from plotters, which escapes all text), shown as an
//! image with a label; the text alternative sits beside it in the page.

use leptos::prelude::*;

use crate::charts::ChartError;
use crate::ui::i18n::tf;

/// Why the chart is missing, as a whole sentence in the language in use.
fn failure_text(e: &ChartError) -> String {
    match e {
        ChartError::Draw(detail) => tf("assess.chart_view_failed", &[("detail", detail)]),
    }
}

#[component]
pub fn ChartView(
    #[prop(into)] svg: Signal<Result<String, ChartError>>,
    /// Short description for screen readers; the table next to the chart has the figures.
    label: &'static str,
) -> impl IntoView {
    view! {
        <figure class="chart">
            {move || match svg.get() {
                // Only plotters' SVG output goes into inner_html: it escapes every label. The box
                // scrolls a chart wider than the screen, so it takes the focus for the keyboard.
                Ok(markup) => view! { <div class="chart-svg" role="img" aria-label=label tabindex="0" inner_html=markup></div> }.into_any(),
                Err(e) => view! { <p class="error-text">{failure_text(&e)}</p> }.into_any(),
            }}
        </figure>
    }
}
