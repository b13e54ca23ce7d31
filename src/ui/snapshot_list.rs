//! Taking snapshots and the list of those kept: name (editable), when it was taken, its
//! maturity index, and delete after a confirmation.

use chrono::{Local, Utc};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use uuid::Uuid;

use super::confirm_dialog::ConfirmDialog;
use super::list_edit::{Keyed, ListEdit};
use super::pages::assessment::use_current;
use super::pages::format_time;
use super::state::use_app_state;
use crate::domain::scoring::fmt1;
use crate::domain::snapshot::list::{self, MAX_NAME_CHARS};
use crate::domain::snapshot::progress::{Moment, SeriesPoint};
use crate::domain::snapshot::Snapshot;

impl Keyed for Snapshot {
    fn key(&self) -> Uuid {
        self.id
    }
}

fn snapshots() -> ListEdit<Snapshot> {
    ListEdit::new(|a| &a.snapshots, |a| &mut a.snapshots)
}

/// The "Take snapshot" form and the snapshots, oldest first (the order of the chart).
#[component]
pub fn SnapshotList(
    /// The scores of every snapshot and now, from `progress::series`.
    #[prop(into)]
    series: Signal<Vec<SeriesPoint>>,
) -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let id = current.id;
    let name = RwSignal::new(list::default_name(Local::now().date_naive()));
    let ids = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    list::in_date_order(a)
                        .iter()
                        .map(|s| s.id)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let confirming = RwSignal::new(None::<Uuid>);
    let take = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        let today = Local::now().date_naive();
        let mut kept = String::new();
        state.edit(id, |a| {
            kept = list::take(a, Uuid::new_v4(), &typed, Utc::now(), today)
        });
        state.notify(format!("Took the snapshot “{kept}”."));
        name.set(list::default_name(today));
    };
    view! {
        <section class="subsection" aria-labelledby="snapshot-take-title">
            <h3 id="snapshot-take-title">"Take a snapshot"</h3>
            <p class="muted">
                "A snapshot freezes today's answers, targets, area importance and company stage "
                "under a name and a date. Later changes do not alter it, so you can see progress, "
                "for example at each quarterly review. Snapshots are saved in this assessment and "
                "go with it when you export it."
            </p>
            <form class="inline-form snapshot-take" on:submit=take>
                <label for="snapshot-name">"Snapshot name"</label>
                <input
                    id="snapshot-name"
                    type="text"
                    maxlength=MAX_NAME_CHARS.to_string()
                    aria-describedby="snapshot-name-hint"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <button type="submit" class="button primary">"Take snapshot"</button>
            </form>
            <p class="hint" id="snapshot-name-hint">
                "E.g. “Q3 2026 review”. Left empty, the snapshot is named after today's date."
            </p>
        </section>
        <section class="subsection" aria-labelledby="snapshot-list-title">
            <h3 id="snapshot-list-title">"Your snapshots"</h3>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">
                    "No snapshots yet. Take one now and another after your next review to see "
                    "how each area moves."
                </p>
            </Show>
            <div class="row-list">
                <For each=move || ids.get() key=|sid| *sid let:sid>
                    <SnapshotRow sid series on_delete=move || confirming.set(Some(sid))/>
                </For>
            </div>
            {move || confirming.get().map(|sid| view! { <DeleteSnapshot sid on_done=move || confirming.set(None)/> })}
        </section>
    }
}

#[component]
fn SnapshotRow(
    sid: Uuid,
    series: Signal<Vec<SeriesPoint>>,
    on_delete: impl Fn() + 'static,
) -> impl IntoView {
    let edit = snapshots();
    let name = edit.field(sid, |s| s.name.clone());
    let taken_at = edit.field(sid, |s| Some(s.taken_at));
    let index = Memo::new(move |_| {
        series.with(|points| {
            points
                .iter()
                .find(|p| p.moment == Moment::Snapshot(sid))
                .and_then(|p| p.index)
        })
    });
    let field_id = format!("snapshot-{sid}-name");
    view! {
        <div class="row-card">
            <div class="field">
                <label for=field_id.clone()>"Name"</label>
                <input
                    id=field_id.clone()
                    type="text"
                    maxlength=MAX_NAME_CHARS.to_string()
                    prop:value=move || name.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit.with_assessment(|a| _ = list::rename(a, sid, &v));
                    }
                />
            </div>
            <p>
                <span class="muted">"Taken "</span>
                {move || taken_at.get().map(format_time).unwrap_or_default()}
            </p>
            <p>
                <span class="muted">"Maturity index "</span>
                {move || match index.get() {
                    Some(v) => format!("{} of 4", fmt1(v)),
                    None => "– (no answers then)".to_string(),
                }}
            </p>
            <button
                type="button"
                class="button small danger"
                aria-label=move || format!("Delete snapshot {}", name.get())
                on:click=move |_| on_delete()
            >
                "Delete"
            </button>
        </div>
    }
}

/// Asks before deleting a snapshot; deleting cannot be undone.
#[component]
fn DeleteSnapshot(sid: Uuid, on_done: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let state = use_app_state();
    let edit = snapshots();
    let current = use_current();
    let (name, when) = current.assessment.with_untracked(|a| {
        a.as_ref()
            .and_then(|a| list::find(a, sid))
            .map(|s| (list::display_name(s), format_time(s.taken_at)))
            .unwrap_or_default()
    });
    let body = format!(
        "“{name}”, taken {when}, will be deleted. Your answers as they are now do not change. \
         This cannot be undone."
    );
    let done = on_done.clone();
    let confirm = move || {
        let mut removed = false;
        edit.with_assessment(|a| removed = list::remove(a, sid).is_some());
        if removed {
            state.notify(format!("Deleted the snapshot “{name}”."));
        }
        done();
    };
    view! {
        <ConfirmDialog
            title="Delete this snapshot?"
            body=body
            confirm_label="Delete snapshot"
            on_confirm=confirm
            on_cancel=on_done
        />
    }
}
