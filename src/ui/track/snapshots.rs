//! Snapshots section: taking and listing snapshots, the progress chart across them, and the
//! comparison of any two points in time. The scores of every point are computed once here
//! and shared by the three parts.

use leptos::prelude::*;

use crate::domain::snapshot::progress;
use crate::ui::i18n::{content, t};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::track::progress_chart::ProgressChart;
use crate::ui::track::snapshot_compare::SnapshotCompare;
use crate::ui::track::snapshot_list::SnapshotList;

#[component]
pub fn SnapshotsSection() -> impl IntoView {
    let current = use_current();
    let series = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| progress::series(content(), a))
                .unwrap_or_default()
        })
    });
    view! {
        <section aria-labelledby="snapshots-section-title">
            <h2 id="snapshots-section-title">{t("assess.snapshots_title")}</h2>
            <p class="muted">{t("assess.snapshots_intro")}</p>
            <SnapshotList series/>
            <ProgressChart series/>
            <SnapshotCompare series/>
        </section>
    }
}
