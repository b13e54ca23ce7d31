//! "Answers this version does not know" at the foot of the Assessment page: answers to question
//! ids the framework does not have (from a newer version or a hand-written file), each with its
//! id, level and note. They are kept and exported unchanged and never in the other counts; the
//! section says so and shows nothing when there are none.

use leptos::prelude::*;

use crate::domain::answer_counts;
use crate::ui::i18n::{content, t, tn};
use crate::ui::shell::assessment_frame::use_current;

#[component]
pub fn UnknownAnswers() -> impl IntoView {
    let current = use_current();
    let rows = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    answer_counts::unknown_answers(content(), &a.answers)
                        .into_iter()
                        .map(|(id, answer)| {
                            let level = match (&answer.not_applicable, answer.current) {
                                (Some(_), _) => t("import.unknown_not_applicable").to_string(),
                                (None, Some(level)) => level.to_string(),
                                (None, None) => t("import.unknown_no_level").to_string(),
                            };
                            (id.to_string(), level, answer.notes.clone())
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <Show when=move || rows.with(|r| !r.is_empty())>
            <section class="unknown-answers" aria-labelledby="unknown-answers-title">
                <h3 id="unknown-answers-title">{t("import.unknown_title")}</h3>
                <p>
                    {move || tn("import.unknown_intro", rows.with(Vec::len), &[])}
                </p>
                <div class="table-scroll">
                    <table class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">{t("import.unknown_id")}</th>
                                <th scope="col">{t("import.unknown_level")}</th>
                                <th scope="col">{t("import.unknown_note")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || rows.get()
                                key=|row| row.clone()
                                children=|(id, level, note)| view! {
                                    <tr>
                                        <th scope="row"><code>{id}</code></th>
                                        <td>{level}</td>
                                        <td>{note}</td>
                                    </tr>
                                }
                            />
                        </tbody>
                    </table>
                </div>
            </section>
        </Show>
    }
}
