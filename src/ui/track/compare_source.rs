//! "Compare this assessment with": the choice of the other side of a comparison, namely the
//! reviewer's levels in this file, another assessment in this browser, or a file read locally.
//!
//! Owns that choice and the reading of the file. A file picked here is parsed and held in memory
//! only: it is never imported, stored or changed.

use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::domain::compare::{
    has_reviewer_levels, pick_from_file, reviewer_view_of, reviewers_with_levels,
};
use crate::domain::Assessment;
use crate::format::Integrity;
use crate::ui::i18n::{date_time, t, tf};
use crate::ui::state::use_app_state;

/// Where the other side comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    Reviewer,
    Workspace,
    File,
}

/// An assessment read from a file, kept only while the page is open.
#[derive(Clone, Debug, PartialEq)]
pub struct FileSide {
    pub file_name: String,
    pub assessment: Assessment,
    /// Said beside the file name, e.g. that the file was edited after export.
    pub note: Option<String>,
}

/// The other side as far as it can be worked out.
#[derive(Clone, Debug, PartialEq)]
pub enum OtherSide {
    /// Ready to compare; `label` names it in headings, the legend and the tables.
    Ready {
        label: String,
        /// Boxed: an assessment is far larger than the messages of the other variants.
        assessment: Box<Assessment>,
    },
    /// Nothing to compare yet; the text says what to do.
    Waiting(String),
    /// The chosen side cannot be used; the text says why.
    Failed(String),
}

/// Whose reviewed levels are compared when several reviewers gave levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewerPick {
    /// For each question, the level of the most recently changed review that gives one.
    Latest,
    /// One reviewer's levels only.
    One(Uuid),
}

/// The user's choice, as signals shared by the picker and the page. Cheap to copy.
#[derive(Clone, Copy)]
pub struct CompareChoice {
    /// `None` until the user picks: the default then depends on the assessment.
    pub kind: RwSignal<Option<SourceKind>>,
    /// The assessment picked in the list; `None` means the first other one.
    pub other_id: RwSignal<Option<Uuid>>,
    /// The file read last: `Err` holds a plain message when it could not be used.
    pub file: RwSignal<Option<Result<FileSide, String>>>,
    /// Whose levels, among several reviewers; `None` means the most recent reviewer.
    pub reviewer: RwSignal<Option<ReviewerPick>>,
}

impl Default for CompareChoice {
    fn default() -> Self {
        Self::new()
    }
}

impl CompareChoice {
    /// Nothing picked yet: the defaults apply.
    pub fn new() -> Self {
        CompareChoice {
            kind: RwSignal::new(None),
            other_id: RwSignal::new(None),
            file: RwSignal::new(None),
            reviewer: RwSignal::new(None),
        }
    }
}

/// The kind used when the user has not picked one: the reviewer when there is a review with
/// levels, else another assessment when there is one, else a file.
pub fn default_kind(a: &Assessment, has_others: bool) -> SourceKind {
    if has_reviewer_levels(a) {
        SourceKind::Reviewer
    } else if has_others {
        SourceKind::Workspace
    } else {
        SourceKind::File
    }
}

/// The name of the reviewers' side: "Reviewer (Jane Doe)" for one named reviewer, the names
/// joined for several (their latest levels are compared, see `review::reviewed_levels`).
pub fn reviewer_label(a: &Assessment) -> String {
    let names: Vec<&str> = crate::domain::review::latest_first(a)
        .into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| r.reviewer.trim())
        .filter(|n| !n.is_empty())
        .collect();
    crate::domain::review::byline(&names.join(", "))
}

/// The reviewers' side for `pick`, as (label, reviewer whose levels count; `None` for the latest
/// of each question). With one reviewer (or none) giving levels nothing is chosen: the label is
/// [`reviewer_label`]. With several, `None` (or a reviewer no longer there) means the most recent.
pub fn reviewer_side(a: &Assessment, pick: Option<ReviewerPick>) -> (String, Option<Uuid>) {
    let reviewers = reviewers_with_levels(a);
    let [(first, first_name), _, ..] = reviewers.as_slice() else {
        return (reviewer_label(a), None);
    };
    let one = |id: Uuid, name: &str| (crate::domain::review::byline(name), Some(id));
    match pick {
        Some(ReviewerPick::Latest) => (t("reviewers.compare_heading_latest").to_string(), None),
        Some(ReviewerPick::One(id)) => match reviewers.iter().find(|(x, _)| *x == id) {
            Some((id, name)) => one(*id, name),
            None => one(*first, first_name),
        },
        None => one(*first, first_name),
    }
}

/// The other assessments of the workspace, as (id, name shown in the list).
fn others_of(assessments: &[Assessment], id: Uuid) -> Vec<(Uuid, String)> {
    assessments
        .iter()
        .filter(|a| a.id != id)
        .map(|a| {
            (
                a.id,
                tf(
                    "assess.compare_source_other",
                    &[
                        ("name", &a.display_name()),
                        ("when", &date_time(a.updated_at)),
                    ],
                ),
            )
        })
        .collect()
}

/// Reads the file's bytes and works out what to compare with, in plain words when it fails.
fn side_from_bytes(file_name: &str, bytes: &[u8], id: Uuid) -> Result<FileSide, String> {
    let imported = crate::format::import_bytes(bytes).map_err(|e| {
        tf(
            "assess.compare_source_cannot_compare",
            &[("file", file_name), ("reason", &e.to_string())],
        )
    })?;
    let assessment = pick_from_file(&imported.assessments, id).ok_or_else(|| {
        tf(
            "assess.compare_source_no_assessment",
            &[("file", file_name)],
        )
    })?;
    let note = match imported.integrity {
        Integrity::Edited => Some(t("assess.compare_source_edited").to_string()),
        Integrity::Intact | Integrity::Unsigned => None,
    };
    Ok(FileSide {
        file_name: file_name.to_string(),
        assessment: assessment.clone(),
        note,
    })
}

/// Reads a picked file in the background and puts the outcome in `into`.
fn read_file(file: web_sys::File, id: Uuid, into: RwSignal<Option<Result<FileSide, String>>>) {
    let name = file.name();
    // Checked before reading, so a huge file is never loaded into memory.
    if let Err(e) = crate::format::check_file_size(file.size() as u64) {
        into.set(Some(Err(tf(
            "assess.compare_source_cannot_compare",
            &[("file", &name), ("reason", &e.to_string())],
        ))));
        return;
    }
    let file = gloo_file::File::from(file);
    spawn_local(async move {
        let outcome = match gloo_file::futures::read_as_bytes(&file).await {
            Ok(bytes) => side_from_bytes(&name, &bytes, id),
            Err(e) => Err(tf(
                "assess.compare_source_unreadable",
                &[("file", &name), ("reason", &e.to_string())],
            )),
        };
        // The page may have been left while the file was read.
        _ = into.try_set(Some(outcome));
    });
}

/// The kind in force for `a`: the user's pick, else [`default_kind`]. Reads `choice`, so a
/// memo calling it follows the pick.
pub fn kind_in_force(
    choice: CompareChoice,
    a: &Assessment,
    assessments: &[Assessment],
) -> SourceKind {
    choice
        .kind
        .get()
        .unwrap_or_else(|| default_kind(a, assessments.iter().any(|x| x.id != a.id)))
}

/// Works out the other side of the comparison of `a` (one of `assessments`) for `kind`. Reads
/// `choice`, so a memo calling it follows the list and the file.
pub fn resolve(
    kind: SourceKind,
    choice: CompareChoice,
    a: &Assessment,
    assessments: &[Assessment],
) -> OtherSide {
    match kind {
        SourceKind::Reviewer if has_reviewer_levels(a) => {
            let (label, reviewer) = reviewer_side(a, choice.reviewer.get());
            OtherSide::Ready {
                label,
                assessment: Box::new(reviewer_view_of(a, reviewer)),
            }
        }
        SourceKind::Reviewer => {
            OtherSide::Waiting(t("assess.compare_source_no_reviewer_levels").to_string())
        }
        SourceKind::Workspace => {
            let wanted = choice.other_id.get();
            let picked = assessments
                .iter()
                .filter(|x| x.id != a.id)
                .find(|x| Some(x.id) == wanted)
                .or_else(|| assessments.iter().find(|x| x.id != a.id));
            match picked {
                Some(other) => OtherSide::Ready {
                    label: other.display_name(),
                    assessment: Box::new(other.clone()),
                },
                None => OtherSide::Waiting(t("assess.compare_source_no_other").to_string()),
            }
        }
        SourceKind::File => match choice.file.get() {
            Some(Ok(side)) => OtherSide::Ready {
                label: tf(
                    "assess.compare_source_from_file",
                    &[("name", &side.assessment.display_name())],
                ),
                assessment: Box::new(side.assessment),
            },
            Some(Err(message)) => OtherSide::Failed(message),
            None => OtherSide::Waiting(t("assess.compare_source_choose_file").to_string()),
        },
    }
}

/// The three ways to choose the other side. Using the list or the file picker also selects its
/// option, so one action is enough.
#[component]
pub fn CompareSource(
    /// The assessment being compared.
    id: Uuid,
    choice: CompareChoice,
    /// The kind in force (the user's choice or the default).
    #[prop(into)]
    kind: Signal<SourceKind>,
) -> impl IntoView {
    let state = use_app_state();
    let others = Memo::new(move |_| state.workspace.with(|w| others_of(&w.assessments, id)));
    let reviewers = Memo::new(move |_| {
        state
            .workspace
            .with(|w| w.get(id).map(reviewers_with_levels).unwrap_or_default())
    });
    // The reviewer shown selected: the pick, else the most recent (as `reviewer_side` decides).
    let shown_reviewer = move || {
        let first = reviewers.with(|r| r.first().map(|(x, _)| *x));
        match choice.reviewer.get() {
            Some(ReviewerPick::One(x)) if reviewers.with(|r| r.iter().any(|(y, _)| *y == x)) => {
                Some(ReviewerPick::One(x))
            }
            Some(ReviewerPick::Latest) => Some(ReviewerPick::Latest),
            _ => first.map(ReviewerPick::One),
        }
    };
    let on_reviewer = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let picked = match Uuid::parse_str(&value) {
            Ok(x) => ReviewerPick::One(x),
            Err(_) => ReviewerPick::Latest,
        };
        choice.reviewer.set(Some(picked));
        choice.kind.set(Some(SourceKind::Reviewer));
    };
    let shown_other = move || {
        let wanted = choice.other_id.get();
        others.with(|o| {
            o.iter()
                .find(|(x, _)| Some(*x) == wanted)
                .or(o.first())
                .map(|(x, _)| *x)
        })
    };
    let pick = move |k: SourceKind| choice.kind.set(Some(k));
    let on_select = move |ev: leptos::ev::Event| {
        if let Ok(other) = Uuid::parse_str(&event_target_value(&ev)) {
            choice.other_id.set(Some(other));
            pick(SourceKind::Workspace);
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let file = input.files().and_then(|list| list.get(0));
        // Clearing lets the same file be picked again after it changed.
        input.set_value("");
        if let Some(file) = file {
            pick(SourceKind::File);
            read_file(file, id, choice.file);
        }
    };
    let file_status = move || match choice.file.get() {
        Some(Ok(side)) => {
            let name = side.assessment.display_name();
            Some(match side.note {
                Some(note) => tf(
                    "assess.compare_source_read_noted",
                    &[("name", &name), ("file", &side.file_name), ("note", &note)],
                ),
                None => tf(
                    "assess.compare_source_read",
                    &[("name", &name), ("file", &side.file_name)],
                ),
            })
        }
        _ => None,
    };
    view! {
        <fieldset class="subsection compare-source">
            <legend>{t("assess.compare_source_legend")}</legend>
            <div class="compare-option">
                <label>
                    <input
                        type="radio"
                        name="compare-source"
                        prop:checked=move || kind.get() == SourceKind::Reviewer
                        on:change=move |_| pick(SourceKind::Reviewer)
                    />
                    {t("assess.compare_source_reviewer")}
                </label>
                <p class="hint">{t("assess.compare_source_reviewer_hint")}</p>
                <Show when=move || reviewers.with(|r| r.len() > 1)>
                    <div class="field">
                        <label for="compare-reviewer">{t("reviewers.compare_reviewer")}</label>
                        <select id="compare-reviewer" on:change=on_reviewer>
                            <For
                                each=move || reviewers.get()
                                key=|item| item.clone()
                                let:item
                            >
                                <option
                                    value=item.0.to_string()
                                    selected=move || shown_reviewer() == Some(ReviewerPick::One(item.0))
                                >
                                    {crate::domain::review::byline(&item.1)}
                                </option>
                            </For>
                            <option
                                value="latest"
                                selected=move || shown_reviewer() == Some(ReviewerPick::Latest)
                            >
                                {t("reviewers.compare_latest")}
                            </option>
                        </select>
                    </div>
                </Show>
            </div>
            <div class="compare-option">
                <label>
                    <input
                        type="radio"
                        name="compare-source"
                        prop:checked=move || kind.get() == SourceKind::Workspace
                        disabled=move || others.with(Vec::is_empty)
                        on:change=move |_| pick(SourceKind::Workspace)
                    />
                    {t("assess.compare_source_workspace")}
                </label>
                <Show
                    when=move || others.with(|o| !o.is_empty())
                    fallback=|| view! { <p class="hint">{t("assess.compare_source_no_other_short")}</p> }
                >
                    <div class="field">
                        <label for="compare-with-assessment">{t("assess.compare_source_pick")}</label>
                        <select id="compare-with-assessment" on:change=on_select>
                            <For
                                each=move || others.get()
                                key=|item| item.clone()
                                let:item
                            >
                                <option
                                    value=item.0.to_string()
                                    selected=move || shown_other() == Some(item.0)
                                >
                                    {item.1.clone()}
                                </option>
                            </For>
                        </select>
                    </div>
                </Show>
            </div>
            <div class="compare-option">
                <label>
                    <input
                        type="radio"
                        name="compare-source"
                        prop:checked=move || kind.get() == SourceKind::File
                        on:change=move |_| pick(SourceKind::File)
                    />
                    {t("assess.compare_source_file")}
                </label>
                <div class="field">
                    <label for="compare-file">{t("assess.compare_source_file_label")}</label>
                    <input
                        id="compare-file"
                        type="file"
                        accept=".json,application/json"
                        aria-describedby="compare-file-hint"
                        on:change=on_file
                    />
                    <p class="hint" id="compare-file-hint">{t("assess.compare_source_file_hint")}</p>
                    {move || file_status().map(|t| view! { <p class="muted" role="status">{t}</p> })}
                </div>
            </div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{export, FileKind};
    use chrono::DateTime;

    fn assessment(n: u128, name: &str) -> Assessment {
        Assessment::new(
            Uuid::from_u128(n),
            name,
            DateTime::from_timestamp(0, 0).unwrap(),
        )
    }

    #[test]
    fn default_prefers_the_reviewer_then_the_workspace() {
        let mut a = assessment(1, "A");
        assert_eq!(default_kind(&a, false), SourceKind::File);
        assert_eq!(default_kind(&a, true), SourceKind::Workspace);
        let mut r = crate::domain::review::Review::default();
        r.answers.entry("q".into()).or_default().level = Some(2);
        a.reviews.push(r);
        assert_eq!(default_kind(&a, true), SourceKind::Reviewer);
        assert_eq!(reviewer_label(&a), "Reviewer");
        a.reviews[0].reviewer = " Jane Doe ".into();
        assert_eq!(reviewer_label(&a), "Reviewer (Jane Doe)");
    }

    #[test]
    fn several_reviewers_default_to_the_most_recent_and_can_be_picked() {
        use crate::domain::review::{set_answer_review, Reviewer};
        let at = |n| DateTime::from_timestamp(n, 0).unwrap();
        let who = |n, name: &str| Reviewer {
            id: Uuid::from_u128(n),
            name: name.into(),
        };
        let (sofia, marc) = (who(71, "Sofia Chen"), who(72, "Marc Dubois"));
        let mut a = assessment(1, "A");
        set_answer_review(&mut a, &sofia, at(1), "q1", |x| x.level = Some(1));
        // One reviewer: as before, nothing to choose.
        assert_eq!(
            reviewer_side(&a, None),
            ("Reviewer (Sofia Chen)".into(), None)
        );
        set_answer_review(&mut a, &marc, at(2), "q2", |x| x.level = Some(3));
        // Marc changed his review last: his levels by default, Sofia's when picked.
        assert_eq!(
            reviewer_side(&a, None),
            ("Reviewer (Marc Dubois)".into(), Some(marc.id))
        );
        assert_eq!(
            reviewer_side(&a, Some(ReviewerPick::One(sofia.id))),
            ("Reviewer (Sofia Chen)".into(), Some(sofia.id))
        );
        let (label, none) = reviewer_side(&a, Some(ReviewerPick::Latest));
        assert_eq!(none, None);
        assert!(label.contains("latest level of each question"), "{label}");
        // A reviewer no longer there falls back to the most recent.
        let gone = reviewer_side(&a, Some(ReviewerPick::One(Uuid::from_u128(9))));
        assert_eq!(gone.1, Some(marc.id));
        // Each view holds only that reviewer's levels over the founder's.
        let marc_view = reviewer_view_of(&a, Some(marc.id));
        assert_eq!(marc_view.answers["q2"].current, Some(3));
        assert!(!marc_view.answers.contains_key("q1"));
        let latest = reviewer_view_of(&a, None);
        assert_eq!(latest.answers["q1"].current, Some(1));
        assert_eq!(latest.answers["q2"].current, Some(3));
    }

    #[test]
    fn a_file_gives_its_matching_assessment_and_notes_edits() {
        let now = DateTime::from_timestamp(0, 0).unwrap();
        let text = export(
            FileKind::Workspace,
            &[assessment(2, "Other"), assessment(1, "Same")],
            now,
        );
        let side = side_from_bytes("w.json", text.as_bytes(), Uuid::from_u128(1)).unwrap();
        assert_eq!(side.assessment.name, "Same");
        assert_eq!(side.note, None);
        let side = side_from_bytes("w.json", text.as_bytes(), Uuid::from_u128(7)).unwrap();
        assert_eq!(side.assessment.name, "Other");

        let edited = text.replacen("\"Other\"", "\"Changed\"", 1);
        let side = side_from_bytes("w.json", edited.as_bytes(), Uuid::from_u128(7)).unwrap();
        assert_eq!(side.assessment.name, "Changed");
        assert_eq!(
            side.note.as_deref(),
            Some("it was changed after it was exported")
        );
    }

    #[test]
    fn an_invalid_file_gets_a_plain_message() {
        let err = side_from_bytes("notes.txt", b"hello", Uuid::nil()).unwrap_err();
        assert!(
            err.starts_with("“notes.txt” cannot be compared. This file is not valid JSON"),
            "{err}"
        );
        let err = side_from_bytes("x.json", b"{\"a\": 1}", Uuid::nil()).unwrap_err();
        assert!(err.contains("not a CTO Workbench file"), "{err}");
    }
}
