//! "Answers from a spreadsheet" on the Assessment page: the template download and the CSV import
//! of answers. A file with any problem is refused whole, with every problem listed; a file that
//! reads is summed up ("12 answers: 9 new, 3 changed; 2 notes") and changes nothing until Apply,
//! which is one undo step. The rules of the file are `domain::answers_csv`.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::answers_csv::{self, Plan};
use crate::i18n::Lang;
use crate::ui::common::files::download_as;
use crate::ui::common::modal::Modal;
use crate::ui::i18n::{content, t, tf, tn};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;
use crate::ui::workspace::import_dialog::RefusalDialog;

/// Where an import of a sheet stands.
#[derive(Clone, Debug, Default, PartialEq)]
enum Step {
    #[default]
    Idle,
    Refused {
        file: String,
        message: String,
        problems: Vec<String>,
    },
    Confirm {
        file: String,
        plan: Plan,
    },
}

#[component]
pub fn AnswersImport() -> impl IntoView {
    let state = use_app_state();
    let current = use_current();
    let id = current.id;
    let step = RwSignal::new(Step::Idle);
    let refuse = move |file: String, message: String, problems: Vec<String>| {
        _ = step.try_set(Step::Refused {
            file,
            message,
            problems,
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let file = input.files().and_then(|list| list.get(0));
        // Clearing lets the same file be picked again after fixing it.
        input.set_value("");
        let Some(file) = file else {
            return;
        };
        let name = file.name();
        let file = gloo_file::File::from(file);
        spawn_local(async move {
            let bytes = match gloo_file::futures::read_as_bytes(&file).await {
                Ok(bytes) => bytes,
                Err(e) => {
                    let why = tf("answers_csv.read_failed", &[("why", &e.to_string())]);
                    refuse(name, why, Vec::new());
                    return;
                }
            };
            // Names and titles are found in either language, whatever the page shows.
            let contents = [
                crate::content::get_lang(Lang::En),
                crate::content::get_lang(Lang::Zh),
            ];
            match answers_csv::parse(&bytes, &contents) {
                Err(refusal) => {
                    let message = tn("answers_csv.refused_message", refusal.problems.len(), &[]);
                    let mut problems: Vec<String> =
                        refusal.problems.iter().map(|p| p.to_string()).collect();
                    if refusal.stopped {
                        problems.push(tn("answers_csv.stopped", answers_csv::MAX_PROBLEMS, &[]));
                    }
                    refuse(name, message, problems);
                }
                Ok(rows) => {
                    // The page may have been left while the file was read: then nothing to do.
                    let plan = current
                        .assessment
                        .try_with_untracked(|a| a.as_ref().map(|a| answers_csv::plan(a, &rows)));
                    if let Some(Some(plan)) = plan {
                        _ = step.try_set(Step::Confirm { file: name, plan });
                    }
                }
            }
        });
    };
    let download = move |_| {
        let text = current.assessment.with_untracked(|a| {
            a.as_ref()
                .map(|a| answers_csv::template(content(), a))
                .unwrap_or_default()
        });
        if let Err(why) = download_as(
            "answers-template.csv",
            &text,
            crate::ui::track::report_actions::CSV_MIME,
        ) {
            state.notify(tf("answers_csv.download_failed", &[("why", &why)]));
        }
    };
    let close = move || step.set(Step::Idle);
    view! {
        <section class="answers-csv" aria-labelledby="answers-csv-title">
            <h3 id="answers-csv-title">{t("answers_csv.title")}</h3>
            <p class="muted">{t("answers_csv.intro")}</p>
            <div class="toolbar">
                <span class="file-button">
                    <input
                        id="answers-csv-file"
                        class="visually-hidden"
                        type="file"
                        accept=".csv,text/csv"
                        on:change=on_change
                    />
                    <label for="answers-csv-file" class="button">
                        {t("answers_csv.import")}
                    </label>
                </span>
                <button type="button" class="button" on:click=download>
                    {t("answers_csv.template")}
                </button>
            </div>
        </section>
        {move || match step.get() {
            Step::Idle => ().into_any(),
            Step::Refused { file, message, problems } => view! {
                <RefusalDialog
                    title=tf("answers_csv.refused_title", &[("file", &file)])
                    body_id="answers-csv-problems"
                    message
                    problems
                    close_label=t("answers_csv.close")
                    on_close=close
                />
            }
            .into_any(),
            Step::Confirm { file, plan } => {
                let summary = answers_csv::summary(&plan);
                let empty = plan.is_empty();
                let plan = StoredValue::new(plan);
                let applied = tf(
                    "answers_csv.applied",
                    &[("file", &file), ("summary", &summary)],
                );
                let apply = move |_| {
                    plan.with_value(|p| state.edit(id, |a| answers_csv::apply(a, p)));
                    state.notify(applied.clone());
                    close();
                };
                view! {
                    <Modal
                        title=tf("answers_csv.confirm_title", &[("file", &file)])
                        described_by="answers-csv-summary"
                        on_close=close
                    >
                        <div id="answers-csv-summary">
                            <p>{t("answers_csv.confirm_intro")}</p>
                            <p data-testid="answers-csv-summary"><strong>{summary}</strong></p>
                            <Show when=move || !empty>
                                <p class="muted">{t("answers_csv.confirm_undo")}</p>
                            </Show>
                        </div>
                        <div class="modal-actions">
                            <Show
                                when=move || !empty
                                fallback=move || view! {
                                    <button class="button primary" data-autofocus on:click=move |_| close()>
                                        {t("answers_csv.close")}
                                    </button>
                                }
                            >
                                <button class="button primary" data-autofocus on:click=apply.clone()>
                                    {t("answers_csv.apply")}
                                </button>
                                <button class="button" on:click=move |_| close()>
                                    {t("answers_csv.cancel")}
                                </button>
                            </Show>
                        </div>
                    </Modal>
                }
                .into_any()
            }
        }}
    }
}
