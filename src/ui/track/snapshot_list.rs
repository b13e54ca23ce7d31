//! Taking snapshots and the list of those kept: name (editable), when it was taken, its
//! maturity index, and delete after a confirmation.

use chrono::{Local, NaiveDate, Utc};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::scoring::fmt1;
use crate::domain::snapshot::list::{self, MAX_NAME_CHARS};
use crate::domain::snapshot::progress::{Moment, SeriesPoint};
use crate::domain::snapshot::Snapshot;
use crate::ui::common::confirm_dialog::ConfirmDialog;
use crate::ui::common::list_edit::{Keyed, ListEdit};
use crate::ui::i18n::{date, date_time, t, tf};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

impl Keyed for Snapshot {
    fn key(&self) -> Uuid {
        self.id
    }
}

fn snapshots() -> ListEdit<Snapshot> {
    ListEdit::new(|a| &a.snapshots, |a| &mut a.snapshots)
}

/// The name a snapshot gets when none is typed, "Snapshot of 23 Nov 2026", in the language in
/// use (the model's `list::default_name` is the English one).
fn default_name(today: NaiveDate) -> String {
    tf(
        "assess.snapshot_list_default_name",
        &[("date", &date(today))],
    )
}

/// A snapshot's name as shown, "Untitled snapshot" when it has none.
fn display_name(s: &Snapshot) -> String {
    match s.name.trim() {
        "" => t("assess.snapshot_list_untitled").to_string(),
        name => name.to_string(),
    }
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
    let name = RwSignal::new(default_name(Local::now().date_naive()));
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
        let today = Local::now().date_naive();
        // Named here when left empty, so the name is in the language in use.
        let typed = Some(name.get_untracked())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| default_name(today));
        let mut kept = String::new();
        state.edit(id, |a| {
            kept = list::take(a, Uuid::new_v4(), &typed, Utc::now(), today)
        });
        state.notify(tf("assess.snapshot_list_taken_notice", &[("name", &kept)]));
        name.set(default_name(today));
    };
    view! {
        <section class="subsection" aria-labelledby="snapshot-take-title">
            <h3 id="snapshot-take-title">{t("assess.snapshot_list_take_title")}</h3>
            <p class="muted">{t("assess.snapshot_list_intro")}</p>
            <form class="inline-form snapshot-take" on:submit=take>
                <label for="snapshot-name">{t("assess.snapshot_list_name_label")}</label>
                <input
                    id="snapshot-name"
                    type="text"
                    maxlength=MAX_NAME_CHARS.to_string()
                    aria-describedby="snapshot-name-hint"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <button type="submit" class="button primary">{t("assess.snapshot_list_take")}</button>
            </form>
            <p class="hint" id="snapshot-name-hint">{t("assess.snapshot_list_name_hint")}</p>
        </section>
        <section class="subsection" aria-labelledby="snapshot-list-title">
            <h3 id="snapshot-list-title">{t("assess.snapshot_list_title")}</h3>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">{t("assess.snapshot_list_empty")}</p>
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
                <label for=field_id.clone()>{t("assess.snapshot_list_name")}</label>
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
                <span class="muted">{t("assess.snapshot_list_taken")}</span>
                {move || taken_at.get().map(date_time).unwrap_or_default()}
            </p>
            <p>
                <span class="muted">{t("assess.snapshot_list_index")}</span>
                {move || match index.get() {
                    Some(v) => tf("assess.snapshot_list_index_value", &[("index", &fmt1(v))]),
                    None => t("assess.snapshot_list_index_none").to_string(),
                }}
            </p>
            <button
                type="button"
                class="button small danger"
                aria-label=move || tf("assess.snapshot_list_delete_label", &[("name", &name.get())])
                on:click=move |_| on_delete()
            >
                {t("assess.snapshot_list_delete")}
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
            .map(|s| (display_name(s), date_time(s.taken_at)))
            .unwrap_or_default()
    });
    let body = tf(
        "assess.snapshot_list_delete_body",
        &[("name", &name), ("when", &when)],
    );
    let done = on_done.clone();
    let confirm = move || {
        let mut removed = false;
        edit.with_assessment(|a| removed = list::remove(a, sid).is_some());
        if removed {
            state.notify(tf(
                "assess.snapshot_list_deleted_notice",
                &[("name", &name)],
            ));
        }
        done();
    };
    view! {
        <ConfirmDialog
            title=t("assess.snapshot_list_delete_title")
            body=body
            confirm_label=t("assess.snapshot_list_delete_confirm")
            on_confirm=confirm
            on_cancel=on_done
        />
    }
}
