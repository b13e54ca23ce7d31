//! The merge view: what differs between the copy of an assessment here and the one in an
//! imported file, section by section, with a "keep mine" or "take theirs" choice for each.
//! Every difference can be opened to read both sides' texts in full; past the first few, the
//! rest of a section's differences sit behind one disclosure. Each choice starts on the side
//! that has content when the other is empty (see `merge::SectionDiff::default`).
//!
//! Changes nothing until Merge is pressed, and then in one edit through
//! `AppState::finish_merge`; Cancel goes back to the import dialog as it was.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use uuid::Uuid;

use crate::domain::merge::{self, Choice, FieldTexts, Section, SectionDiff, MAX_DETAILS};
use crate::domain::Assessment;
use crate::format::Imported;
use crate::ui::common::modal::Modal;
use crate::ui::i18n::{date_time, l, t, tf};
use crate::ui::state::{use_app_state, ImportFlow};

/// The counts of one section in words, e.g. "2 only in mine, 1 only in theirs, 3 changed".
fn counts_text(d: &SectionDiff) -> String {
    let mut parts = Vec::new();
    if d.only_mine > 0 {
        parts.push(tf(
            "shell.merge_view_only_mine",
            &[("n", &d.only_mine.to_string())],
        ));
    }
    if d.only_theirs > 0 {
        parts.push(tf(
            "shell.merge_view_only_theirs",
            &[("n", &d.only_theirs.to_string())],
        ));
    }
    if d.changed > 0 {
        parts.push(tf(
            "shell.merge_view_changed",
            &[("n", &d.changed.to_string())],
        ));
    }
    parts.join(t("shell.merge_view_counts_sep"))
}

/// For an assessment both here (`mine`) and in a file (`theirs`): the name to show (the file's)
/// and when each copy last changed. Shared with the import dialog, which lists the same.
pub(crate) fn name_and_dates(
    mine: Option<&Assessment>,
    theirs: Option<&Assessment>,
) -> (String, String, String) {
    let when = |a: Option<&Assessment>| a.map(|a| date_time(a.updated_at)).unwrap_or_default();
    let name = theirs
        .or(mine)
        .map(|a| a.display_name())
        .unwrap_or_default();
    (name, when(mine), when(theirs))
}

/// Shown while the import is in `ImportFlow::Merge` for assessment `id`.
#[component]
pub fn MergeView(file_name: String, imported: Imported, id: Uuid) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();

    let mine = state.workspace.with_untracked(|w| w.get(id).cloned());
    let theirs = imported.assessments.into_iter().find(|a| a.id == id);
    let diffs = match (&mine, &theirs) {
        (Some(m), Some(t)) => merge::diff(m, t),
        _ => Vec::new(),
    };
    let (name, mine_changed, theirs_changed) = name_and_dates(mine.as_ref(), theirs.as_ref());
    let changed_when = tf(
        "shell.merge_view_changed_when",
        &[("mine", &mine_changed), ("theirs", &theirs_changed)],
    );

    // Keeping mine is the default (what the user had before opening the file), except where
    // mine is empty and theirs is not: an empty side never overwrites a filled one by default.
    let choices = RwSignal::new(
        diffs
            .iter()
            .map(|d| (d.section, d.default))
            .collect::<BTreeMap<Section, Choice>>(),
    );
    let cancel = move || {
        state.import.update(|flow| {
            *flow = match std::mem::take(flow) {
                ImportFlow::Merge {
                    file_name,
                    imported,
                    conflicts,
                    ..
                } => ImportFlow::Confirm {
                    file_name,
                    imported,
                    conflicts,
                },
                other => other,
            };
        })
    };
    let apply = move |_| {
        let picked = choices.get_untracked();
        if let Some(id) = state.finish_merge(&picked) {
            navigate(&format!("/a/{id}"), NavigateOptions::default());
        }
    };

    let same = diffs.is_empty();
    let sections = diffs
        .into_iter()
        .map(|d| {
            let section = d.section;
            let group = format!("merge-{section:?}").to_lowercase();
            let counts = counts_text(&d);
            let has_counts = !counts.is_empty();
            let total = d.details.len();
            let mut lines: Vec<_> = d
                .details
                .into_iter()
                .zip(d.fields)
                .map(|(line, fields)| difference(line, fields))
                .collect();
            let rest: Vec<_> = lines.split_off(total.min(MAX_DETAILS));
            let rest_label = tf("import.merge_show_all", &[("n", &total.to_string())]);
            let rest = (!rest.is_empty()).then(|| {
                view! {
                    <details class="merge-more">
                        <summary>{rest_label}</summary>
                        <ul class="merge-details">{rest}</ul>
                    </details>
                }
            });
            let details = view! {
                <ul class="merge-details">{lines}</ul>
                {rest}
            };
            let is = move |choice: Choice| {
                choices.with(|c| c.get(&section).copied().unwrap_or_default() == choice)
            };
            let set = move |choice: Choice| choices.update(|c| _ = c.insert(section, choice));
            view! {
                <fieldset class="conflict merge-section">
                    <legend>{l(section.label())}</legend>
                    <Show when=move || has_counts>
                        <p class="merge-counts">{counts.clone()}</p>
                    </Show>
                    {details}
                    <div class="merge-choice">
                        <label>
                            <input
                                type="radio"
                                name=group.clone()
                                prop:checked=move || is(Choice::KeepMine)
                                on:change=move |_| set(Choice::KeepMine)
                            />
                            {t("shell.merge_view_keep_mine")}
                        </label>
                        <label>
                            <input
                                type="radio"
                                name=group
                                prop:checked=move || is(Choice::TakeTheirs)
                                on:change=move |_| set(Choice::TakeTheirs)
                            />
                            {t("shell.merge_view_take_theirs")}
                        </label>
                    </div>
                </fieldset>
            }
        })
        .collect_view();

    view! {
        <Modal
            title=tf("shell.merge_view_title", &[("name", &name)])
            class="modal-wide"
            described_by="merge-intro"
            on_close=cancel
        >
            <div id="merge-intro">
                <p>{tf("shell.merge_view_intro", &[("file", &file_name)])}</p>
                <p class="muted">{changed_when}</p>
            </div>
            <Show when=move || same>
                <p>{t("shell.merge_view_same")}</p>
            </Show>
            {sections}
            <div class="modal-actions">
                <button class="button primary" data-autofocus on:click=apply>
                    {t("shell.merge_view_merge")}
                </button>
                <button class="button" on:click=move |_| cancel()>
                    {t("shell.merge_view_cancel")}
                </button>
            </div>
        </Modal>
    }
}

/// One difference: its line, and when fields changed, a disclosure with both sides in full.
fn difference(line: String, fields: Vec<FieldTexts>) -> AnyView {
    if fields.is_empty() {
        return view! { <li>{line}</li> }.into_any();
    }
    let rows = fields
        .into_iter()
        .map(|f| {
            view! {
                <tr>
                    <th scope="row">{f.field}</th>
                    <td class="merge-text">{f.mine}</td>
                    <td class="merge-text">{f.theirs}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <li>
            <details class="merge-difference">
                <summary>{line}</summary>
                <div class="table-scroll">
                    <table class="data-table compact">
                        <thead>
                            <tr>
                                <th scope="col">{t("import.merge_field")}</th>
                                <th scope="col">{t("import.merge_mine")}</th>
                                <th scope="col">{t("import.merge_theirs")}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </li>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_leave_out_zeroes() {
        let d = SectionDiff {
            section: Section::Risks,
            only_mine: 2,
            only_theirs: 0,
            changed: 3,
            details: Vec::new(),
            fields: Vec::new(),
            default: Choice::KeepMine,
        };
        assert_eq!(counts_text(&d), "2 only in mine, 3 changed");
        let none = SectionDiff {
            only_mine: 0,
            changed: 0,
            ..d
        };
        assert_eq!(counts_text(&none), "");
    }
}
