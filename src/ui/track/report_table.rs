//! The pieces every part of the board report is built from: a figure of the open assessment, a
//! part with its heading, and a table with a caption, column headings and one heading cell per
//! row. The parts pick and word the figures; this file only lays them out, the same way
//! everywhere (print styles and screen readers rely on that markup).

use leptos::prelude::*;

use crate::domain::Assessment;
use crate::ui::shell::assessment_frame::use_current;

/// A figure of the open assessment, worked out again only when the assessment changes;
/// `T::default()` while none is open.
pub fn of_assessment<T, F>(figure: F) -> Memo<T>
where
    T: Default + PartialEq + Send + Sync + 'static,
    F: Fn(&Assessment) -> T + Send + Sync + 'static,
{
    let current = use_current();
    Memo::new(move |_| {
        current
            .assessment
            .with(|a| a.as_ref().map(&figure).unwrap_or_default())
    })
}

/// One part of the report: a `.report-section` (a page of its own in print) labelled by its
/// `<h3>`.
#[component]
pub fn ReportPart(
    /// The id of the heading, e.g. `report-kpis-title`.
    heading_id: &'static str,
    /// The heading's text.
    title: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="report-section" aria-labelledby=heading_id>
            <h3 id=heading_id>{title}</h3>
            {children()}
        </section>
    }
}

/// How a column of a [`ReportTable`] is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A plain cell.
    Plain,
    /// The row's heading (`<th scope="row">`).
    Heading,
    /// Free text, set small.
    Small,
}

/// A column of a [`ReportTable`]: its heading and how its cells are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    title: &'static str,
    kind: Kind,
}

impl Column {
    /// A column of plain cells.
    pub fn plain(title: &'static str) -> Self {
        Column {
            title,
            kind: Kind::Plain,
        }
    }

    /// The column that names each row (`<th scope="row">`).
    pub fn heading(title: &'static str) -> Self {
        Column {
            title,
            kind: Kind::Heading,
        }
    }

    /// A column of free text (reasons, comments), set small.
    pub fn small(title: &'static str) -> Self {
        Column {
            title,
            kind: Kind::Small,
        }
    }
}

/// One row of a [`ReportTable`]: a cell per column, and a key that tells the row apart from the
/// others (an id). Rows are keyed by their whole content: the report only reads, so a row whose
/// figures change is simply drawn again.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ReportRow {
    pub key: String,
    pub cells: Vec<String>,
}

/// A `.data-table` with a caption, a heading per column and `rows` in order; with `empty`, that
/// sentence instead of the table while there are no rows.
#[component]
pub fn ReportTable(
    #[prop(into)] caption: String,
    columns: Vec<Column>,
    #[prop(into)] rows: Signal<Vec<ReportRow>>,
    #[prop(optional)] empty: Option<&'static str>,
) -> impl IntoView {
    let table = move || {
        let kinds: Vec<Kind> = columns.iter().map(|c| c.kind).collect();
        view! {
            <table class="data-table">
                <caption>{caption.clone()}</caption>
                <thead>
                    <tr>
                        {columns
                            .iter()
                            .map(|c| view! { <th scope="col">{c.title}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.clone() let:row>
                        <tr>
                            {row
                                .cells
                                .into_iter()
                                .zip(kinds.clone())
                                .map(|(text, kind)| match kind {
                                    Kind::Heading => view! { <th scope="row">{text}</th> }.into_any(),
                                    Kind::Small => view! { <td class="small">{text}</td> }.into_any(),
                                    Kind::Plain => view! { <td>{text}</td> }.into_any(),
                                })
                                .collect_view()}
                        </tr>
                    </For>
                </tbody>
            </table>
        }
    };
    match empty {
        Some(text) => view! {
            <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! { <p>{text}</p> }>
                {table()}
            </Show>
        }
        .into_any(),
        None => table().into_any(),
    }
}
