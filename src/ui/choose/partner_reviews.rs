//! Quarterly reviews of engaged partners: freeze today's scores, and see each candidate's total
//! over time. Also the suggestion for how much domain expertise should weigh.

use chrono::Local;
use leptos::prelude::*;
use uuid::Uuid;

use crate::charts::trend;
use crate::content::templates;
use crate::domain::scorecard::{review_of, weighted_total, ScorecardKind};
use crate::ui::choose::card_edit::use_card;
use crate::ui::common::chart_view::ChartView;
use crate::ui::i18n::{date, t, template, tf};

const DOMAIN_CRITERION: &str = "partner.domain";

#[component]
pub fn DomainWeight() -> impl IntoView {
    let card = use_card();
    let kinds = &template(ScorecardKind::Partner).project_kinds;
    let selected = card.derive(|c| c.project_kind.clone());
    let suggestion = Memo::new(move |_| {
        selected
            .get()
            .and_then(|k| templates::suggested_domain_weight(&k))
    });
    let current = card.derive(|c| c.criterion(DOMAIN_CRITERION).map(|x| x.weight));
    let apply = move |_| {
        if let Some(w) = suggestion.get_untracked() {
            card.update(|c| {
                if let Some(x) = c.criteria.iter_mut().find(|x| x.id == DOMAIN_CRITERION) {
                    x.weight = w;
                }
            });
            card.notify(tf(
                "partners.partner_reviews_applied",
                &[("weight", &format!("{w:.0}"))],
            ));
        }
    };
    view! {
        <div class="field domain-weight">
            <label for="project-kind">{t("partners.partner_reviews_project_kind")}</label>
            <select id="project-kind" on:change=move |ev| {
                let v = event_target_value(&ev);
                card.update(|c| c.project_kind = (!v.is_empty()).then_some(v));
            }>
                <option value="" selected=move || selected.with(Option::is_none)>{t("partners.partner_reviews_not_chosen")}</option>
                {kinds.iter().map(|k| {
                    let id = k.id.clone();
                    let id2 = k.id.clone();
                    view! { <option value=id selected=move || selected.with(|s| s.as_deref() == Some(id2.as_str()))>{k.name.clone()}</option> }
                }).collect_view()}
            </select>
            <p class="hint">
                {move || match (suggestion.get(), current.get()) {
                    (Some(s), Some(c)) => tf("partners.partner_reviews_suggestion", &[("suggested", &format!("{s:.0}")), ("now", &format!("{c:.0}"))]),
                    _ => t("partners.partner_reviews_choose_kind").to_string(),
                }}
            </p>
            <Show when=move || suggestion.get().is_some() && suggestion.get() != current.get()>
                <button class="button small" on:click=apply>{t("partners.partner_reviews_apply")}</button>
            </Show>
        </div>
    }
}

#[component]
pub fn PartnerReviews() -> impl IntoView {
    let card = use_card();
    let record = move |_| {
        let today = Local::now().date_naive();
        let mut n = 0;
        card.update(|c| {
            for cand in &mut c.candidates {
                if cand.scores.values().any(|s| s.score.is_some()) {
                    let review = review_of(cand, Uuid::new_v4(), today);
                    cand.reviews.push(review);
                    n += 1;
                }
            }
        });
        card.notify(crate::ui::i18n::tn(
            "partners.partner_reviews_recorded",
            n,
            &[],
        ));
    };
    let series = card.derive(|c| {
        c.candidates
            .iter()
            .filter(|x| !x.reviews.is_empty())
            .map(|x| trend::TrendSeries {
                name: x.name.clone(),
                points: x
                    .reviews
                    .iter()
                    .filter_map(|r| weighted_total(c, &r.scores).map(|t| (r.date, t)))
                    .collect(),
            })
            .collect::<Vec<_>>()
    });
    let svg = Memo::new(move |_| series.with(|s| trend::render(s, 100.0, 640, 280)));
    view! {
        <section class="subsection" aria-labelledby="reviews-title">
            <h3 id="reviews-title">{t("partners.partner_reviews_title")}</h3>
            <p class="muted">{t("partners.partner_reviews_intro")}</p>
            <button class="button" on:click=record>{t("partners.partner_reviews_record")}</button>
            <ChartView svg=svg label=t("partners.partner_reviews_chart")/>
            <table class="data-table compact">
                <caption>{t("partners.partner_reviews_table")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("partners.partner_reviews_candidate")}</th>
                        <th scope="col">{t("partners.partner_reviews_date")}</th>
                        <th scope="col">{t("partners.partner_reviews_total")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || series.get().into_iter().flat_map(|s| {
                        s.points.into_iter().map(move |(d, total)| {
                            let name = s.name.clone();
                            view! { <tr><th scope="row">{name}</th><td>{date(d)}</td><td>{format!("{total:.1}")}</td></tr> }
                        }).collect::<Vec<_>>()
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
