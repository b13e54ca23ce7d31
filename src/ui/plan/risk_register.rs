//! The risk register: one editable card per risk, in the order of the list (so a card never
//! jumps away while it is being edited), with its score and band in words, review flags, and
//! the roadmap initiatives that carry its mitigation. Adding focuses the new card; removing asks
//! first.

use chrono::{Local, NaiveDate};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use crate::domain::risk::{
    band, impact_label, likelihood_label, Risk, RiskCategory, RiskStatus, LEVELS,
};
use crate::ui::common::list_edit::{Keyed, ListEdit};
use crate::ui::i18n::{l, t, tf};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

impl Keyed for Risk {
    fn key(&self) -> Uuid {
        self.id
    }
}

fn risks() -> ListEdit<Risk> {
    ListEdit::new(|a| &a.risks, |a| &mut a.risks)
}

/// The flag for a review date that has passed, e.g. "⚠ Review overdue by 12 days".
pub fn overdue_text(days: i64) -> String {
    match days {
        1 => t("plan.risk_register_overdue_one").to_string(),
        n => tf(
            "plan.risk_register_overdue_many",
            &[("count", &n.to_string())],
        ),
    }
}

/// A risk's name as shown to people: its title, or a placeholder while it has none.
pub fn display_title(title: &str) -> String {
    match title.trim() {
        "" => t("plan.risk_register_untitled").to_string(),
        t => t.to_string(),
    }
}

/// Score and band in words, e.g. "Score 12 of 25: High".
pub fn score_text(score: u8) -> String {
    tf(
        "plan.risk_register_score",
        &[
            ("score", &score.to_string()),
            ("band", l(band(score).label())),
        ],
    )
}

/// The word for a likelihood level in the language in use, e.g. 1 "Rare".
pub fn likelihood_word(value: u8) -> &'static str {
    match likelihood_label(value) {
        "Rare" => t("plan.risk_register_likelihood_rare"),
        "Unlikely" => t("plan.risk_register_likelihood_unlikely"),
        "Possible" => t("plan.risk_register_likelihood_possible"),
        "Likely" => t("plan.risk_register_likelihood_likely"),
        "Almost certain" => t("plan.risk_register_likelihood_almost_certain"),
        other => other,
    }
}

/// The word for an impact level in the language in use, e.g. 5 "Severe".
pub fn impact_word(value: u8) -> &'static str {
    match impact_label(value) {
        "Minor" => t("plan.risk_register_impact_minor"),
        "Moderate" => t("plan.risk_register_impact_moderate"),
        "Significant" => t("plan.risk_register_impact_significant"),
        "Major" => t("plan.risk_register_impact_major"),
        "Severe" => t("plan.risk_register_impact_severe"),
        other => other,
    }
}

#[component]
pub fn RiskRegister() -> impl IntoView {
    let edit = risks();
    let ids = edit.ids();
    // The card just added, so it can take the focus once it is on the page.
    let fresh = RwSignal::new(None::<Uuid>);
    let add = move |_| {
        let id = Uuid::new_v4();
        fresh.set(Some(id));
        edit.push(Risk::new(id, ""));
    };
    view! {
        <section class="subsection" aria-labelledby="risk-register-title">
            <h3 id="risk-register-title">{t("plan.risk_register_title")}</h3>
            <p class="muted">{t("plan.risk_register_intro")}</p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">{t("plan.risk_register_empty")}</p>
            </Show>
            <div class="row-list">
                <For each=move || ids.get() key=|id| *id let:rid>
                    <RiskCard rid fresh/>
                </For>
            </div>
            <button class="button" on:click=add>{t("plan.risk_register_add")}</button>
        </section>
    }
}

#[component]
fn RiskCard(rid: Uuid, fresh: RwSignal<Option<Uuid>>) -> impl IntoView {
    let edit = risks();
    let state = use_app_state();
    let current = use_current();
    let aid = current.id;

    let title = edit.field(rid, |r| r.title.clone());
    let description = edit.field(rid, |r| r.description.clone());
    let category = edit.field(rid, |r| r.category);
    let likelihood = edit.field(rid, |r| r.likelihood);
    let impact = edit.field(rid, |r| r.impact);
    let owner = edit.field(rid, |r| r.owner.clone());
    let mitigation = edit.field(rid, |r| r.mitigation.clone());
    let linked = edit.field(rid, |r| r.initiatives.clone());
    let status = edit.field(rid, |r| r.status);
    let next_review = edit.field(rid, |r| r.next_review);
    let score = edit.field(rid, Risk::score);
    let overdue = edit.field(rid, |r| r.review_overdue(Local::now().date_naive()));
    let missing = edit.field(rid, Risk::review_missing);
    let initiatives = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.initiatives
                        .iter()
                        .map(|i| (i.id, i.title.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let name = Memo::new(move |_| title.with(|t| display_title(t)));
    let confirming = RwSignal::new(false);

    let title_ref = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = title_ref.get() {
            if fresh.get_untracked() == Some(rid) {
                let _ = input.focus();
                fresh.set(None);
            }
        }
    });

    let f = move |field: &str| format!("risk-{rid}-{field}");
    let flag = move || match (overdue.get(), missing.get()) {
        (Some(days), _) => Some(overdue_text(days)),
        (None, true) => Some(t("plan.risk_register_no_review").to_string()),
        (None, false) => None,
    };
    let level_options = move |value: Memo<u8>, word: fn(u8) -> &'static str| {
        LEVELS
            .map(|k| {
                view! {
                    <option value=k.to_string() selected=move || value.get() == k>
                        {format!("{k} – {}", word(k))}
                    </option>
                }
            })
            .collect_view()
    };
    let remove = move |_| {
        let gone = name.get_untracked();
        edit.remove(rid);
        state.notify(tf("plan.risk_register_removed", &[("name", &gone)]));
    };

    view! {
        <article class="row-card risk-card" id=f("card") aria-labelledby=f("heading")>
            <div class="wide risk-head">
                <h4 id=f("heading")>{move || name.get()}</h4>
                <p class="risk-score">
                    <strong>{move || score_text(score.get())}</strong>
                    {move || format!(" · {}", l(status.get().label()))}
                </p>
                {move || flag().map(|text| view! { <p class="risk-flag">{text}</p> })}
            </div>
            <div class="field wide">
                <label for=f("title")>{t("plan.risk_register_risk_title")}</label>
                <input type="text" id=f("title") node_ref=title_ref
                    placeholder=t("plan.risk_register_title_placeholder")
                    prop:value=move || title.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(rid, |r| r.title = v) }/>
            </div>
            <div class="field wide">
                <label for=f("description")>{t("plan.risk_register_description")}</label>
                <textarea id=f("description") rows="2"
                    prop:value=move || description.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(rid, |r| r.description = v) }></textarea>
            </div>
            <div class="field">
                <label for=f("category")>{t("plan.risk_register_category")}</label>
                <select id=f("category") on:change=move |ev| {
                    if let Some(c) = RiskCategory::from_id(&event_target_value(&ev)) { edit.update(rid, |r| r.category = c) }
                }>
                    {RiskCategory::ALL.into_iter().map(|c| view! {
                        <option value=c.id() selected=move || category.get() == c>{l(c.label())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=f("likelihood")>{t("plan.risk_register_likelihood")}</label>
                <select id=f("likelihood") aria-describedby=f("likelihood-hint") on:change=move |ev| {
                    if let Ok(k) = event_target_value(&ev).parse::<u8>() {
                        if LEVELS.contains(&k) { edit.update(rid, |r| r.likelihood = k) }
                    }
                }>
                    {level_options(likelihood, likelihood_word)}
                </select>
                <p class="hint" id=f("likelihood-hint")>{t("plan.risk_register_likelihood_hint")}</p>
            </div>
            <div class="field">
                <label for=f("impact")>{t("plan.risk_register_impact")}</label>
                <select id=f("impact") aria-describedby=f("impact-hint") on:change=move |ev| {
                    if let Ok(k) = event_target_value(&ev).parse::<u8>() {
                        if LEVELS.contains(&k) { edit.update(rid, |r| r.impact = k) }
                    }
                }>
                    {level_options(impact, impact_word)}
                </select>
                <p class="hint" id=f("impact-hint")>{t("plan.risk_register_impact_hint")}</p>
            </div>
            <div class="field">
                <label for=f("owner")>{t("plan.risk_register_owner")}</label>
                <input type="text" id=f("owner") placeholder=t("plan.risk_register_owner_placeholder")
                    prop:value=move || owner.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(rid, |r| r.owner = v) }/>
            </div>
            <div class="field">
                <label for=f("status")>{t("plan.risk_register_status")}</label>
                <select id=f("status") on:change=move |ev| {
                    if let Some(s) = RiskStatus::from_id(&event_target_value(&ev)) { edit.update(rid, |r| r.status = s) }
                }>
                    {RiskStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.id() selected=move || status.get() == s>{l(s.label())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=f("review")>{t("plan.risk_register_next_review")}</label>
                <input type="date" id=f("review") aria-describedby=f("review-hint")
                    prop:value=move || next_review.get().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if v.is_empty() {
                            edit.update(rid, |r| r.next_review = None);
                        } else if let Ok(d) = NaiveDate::parse_from_str(&v, "%Y-%m-%d") {
                            edit.update(rid, |r| r.next_review = Some(d));
                        }
                    }/>
                <p class="hint" id=f("review-hint")>{t("plan.risk_register_review_hint")}</p>
            </div>
            <div class="field wide">
                <label for=f("mitigation")>{t("plan.risk_register_mitigation")}</label>
                <textarea id=f("mitigation") rows="3" aria-describedby=f("mitigation-hint")
                    prop:value=move || mitigation.get()
                    on:input=move |ev| { let v = event_target_value(&ev); edit.update(rid, |r| r.mitigation = v) }></textarea>
                <p class="hint" id=f("mitigation-hint")>{t("plan.risk_register_mitigation_hint")}</p>
            </div>
            <fieldset class="wide risk-initiatives">
                <legend>{t("plan.risk_register_initiatives")}</legend>
                {move || {
                    let list = initiatives.get();
                    if list.is_empty() {
                        return view! {
                            <p class="hint">
                                {t("plan.risk_register_no_initiatives")}" "
                                <A href=format!("/a/{aid}/roadmap")>{t("plan.risk_register_plan_one")}</A>
                            </p>
                        }.into_any();
                    }
                    let titles = list.clone();
                    let linked_line = move || {
                        let chosen: Vec<(Uuid, String)> = titles
                            .iter()
                            .filter(|(iid, _)| linked.with(|v| v.contains(iid)))
                            .map(|(iid, t)| (*iid, display_initiative(t)))
                            .collect();
                        view! {
                            <p>
                                {if chosen.is_empty() { t("plan.risk_register_none_linked").to_string() } else { format!("{} ", t("plan.risk_register_linked")) }}
                                {chosen.into_iter().enumerate().map(|(n, (iid, t))| view! {
                                    {(n > 0).then_some("; ")}
                                    <A href=format!("/a/{aid}/roadmap/{iid}")>{t}</A>
                                }).collect_view()}
                            </p>
                        }
                    };
                    view! {
                        {linked_line}
                        <details>
                        <summary>{move || tf("plan.risk_register_choose", &[("count", &linked.with(Vec::len).to_string())])}</summary>
                        <ul class="checklist">
                            {list.into_iter().map(|(iid, ititle)| {
                                let shown = display_initiative(&ititle);
                                let box_id = f(&format!("initiative-{iid}"));
                                view! {
                                    <li>
                                        <input type="checkbox" id=box_id.clone()
                                            prop:checked=move || linked.with(|v| v.contains(&iid))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                edit.update(rid, |r| {
                                                    r.initiatives.retain(|x| *x != iid);
                                                    if on { r.initiatives.push(iid) }
                                                });
                                            }/>
                                        " "
                                        <label for=box_id>{shown.clone()}</label>
                                        " ("
                                        <A href=format!("/a/{aid}/roadmap/{iid}")>
                                            {t("plan.risk_register_open")}
                                            <span class="visually-hidden">{format!(" {}", tf("plan.risk_register_open_initiative", &[("name", &shown)]))}</span>
                                        </A>
                                        ")"
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        </details>
                    }.into_any()
                }}
            </fieldset>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button class="button small danger"
                        aria-label=move || tf("plan.risk_register_remove_label", &[("name", &name.get())])
                        on:click=move |_| confirming.set(true)>{t("plan.risk_register_remove_risk")}</button>
                }
            >
                <p class="confirm-inline" role="alert">
                    {move || format!(
                        "{} ",
                        tf("plan.risk_register_confirm", &[("name", &name.get())])
                    )}
                    <button class="button small danger" on:click=remove>{t("plan.risk_register_remove")}</button>
                    <button class="button small" on:click=move |_| confirming.set(false)>{t("plan.risk_register_keep")}</button>
                </p>
            </Show>
        </article>
    }
}

/// An initiative's title, or a placeholder while it has none.
fn display_initiative(title: &str) -> String {
    match title.trim() {
        "" => t("plan.initiative_edit_untitled").to_string(),
        t => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overdue_text_counts_days_in_words() {
        assert_eq!(overdue_text(1), "⚠ Review overdue by 1 day");
        assert_eq!(overdue_text(12), "⚠ Review overdue by 12 days");
    }

    #[test]
    fn titles_and_scores_read_as_words() {
        assert_eq!(display_title("  "), "Untitled risk");
        assert_eq!(display_title(" Breach "), "Breach");
        assert_eq!(display_initiative(""), "Untitled initiative");
        assert_eq!(score_text(12), "Score 12 of 25: High");
        assert_eq!(score_text(4), "Score 4 of 25: Low");
        assert_eq!(score_text(25), "Score 25 of 25: Critical");
    }

    #[test]
    fn level_words_read_as_the_model_words_in_english() {
        for k in LEVELS {
            assert_eq!(likelihood_word(k), likelihood_label(k));
            assert_eq!(impact_word(k), impact_label(k));
        }
        assert_eq!(likelihood_word(5), "Almost certain");
        assert_eq!(impact_word(1), "Minor");
    }
}
