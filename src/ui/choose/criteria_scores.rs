//! Criteria and scores: each criterion's weight, must-have and meaning, and every candidate's
//! score, evidence and indicator values on it. Users can add criteria of their own.

use leptos::prelude::*;
use uuid::Uuid;

use crate::content::templates::{self, Template};
use crate::domain::scorecard::price::{self, PRICE_CRITERION};
use crate::domain::scorecard::{
    Criterion, Direction, Indicator, ScorecardKind, MAX_SCORE, MAX_WEIGHT,
};
use crate::i18n::Lang;
use crate::ui::choose::card_edit::{use_card, CardEdit};
use crate::ui::choose::sourcing::use_currency;
use crate::ui::common::numbers::{money, parse_number};
use crate::ui::i18n::{t, template, tf};

/// A criterion as the user reads it: texts still equal to the template's English words come in
/// the language in use. A card stores the words it was created with, so anything a user or an
/// older file wrote differently is theirs and stays as it is.
pub fn shown_criterion(kind: ScorecardKind, c: &Criterion) -> Criterion {
    localize(c, templates::template_lang(kind, Lang::En), template(kind))
}

fn localize(c: &Criterion, english: &Template, here: &Template) -> Criterion {
    let mut out = c.clone();
    let (Some(en), Some(here)) = (english.criterion(&c.id), here.criterion(&c.id)) else {
        return out;
    };
    let pick = |own: &mut String, en: &str, here: &str| {
        if own == en {
            *own = here.to_string();
        }
    };
    pick(&mut out.name, &en.name, &here.name);
    pick(&mut out.description, &en.description, &here.description);
    for (i, level) in out.levels.iter_mut().enumerate() {
        if let (Some(e), Some(h)) = (en.levels.get(i), here.levels.get(i)) {
            pick(level, e, h);
        }
    }
    for ind in &mut out.indicators {
        let e = en.indicators.iter().find(|x| x.id == ind.id);
        let h = here.indicators.iter().find(|x| x.id == ind.id);
        if let (Some(e), Some(h)) = (e, h) {
            pick(&mut ind.name, &e.name, &h.name);
            pick(&mut ind.unit, &e.unit, &h.unit);
        }
    }
    out
}

/// An indicator's label, e.g. "Time to answer a call (hours, target at most 24)". An amount of
/// money (`currency` given) has its target written in the assessment's currency, e.g. "(per
/// year, in your currency, target at most €12,000)": the template's texts never name one.
fn indicator_label(ind: &Indicator, currency: Option<&str>) -> String {
    let threshold = match currency {
        Some(c) => money(ind.threshold, c),
        None => ind.threshold.to_string(),
    };
    let key = match ind.direction {
        Direction::AtMost => "partners.criteria_scores_indicator_at_most",
        Direction::AtLeast => "partners.criteria_scores_indicator_at_least",
    };
    tf(
        key,
        &[
            ("name", &ind.name),
            ("unit", &ind.unit),
            ("threshold", &threshold),
        ],
    )
}

/// The assessment's currency when the indicator is an amount of money, for [`indicator_label`].
fn money_currency<'a>(
    kind: Option<ScorecardKind>,
    crit: &str,
    ind: &Indicator,
    currency: &'a str,
) -> Option<&'a str> {
    kind.filter(|k| templates::is_money_indicator(*k, crit, &ind.id))
        .map(|_| currency)
}

#[component]
pub fn CriteriaScores() -> impl IntoView {
    let card = use_card();
    let ids = card.derive(|c| c.criteria.iter().map(|x| x.id.clone()).collect::<Vec<_>>());
    let total_weight = card.derive(|c| c.criteria.iter().map(|x| x.weight).sum::<f64>());
    let draft = RwSignal::new(String::new());
    let add = move || {
        let name = draft.get_untracked().trim().to_string();
        if name.is_empty() {
            return;
        }
        draft.set(String::new());
        card.update(|c| {
            c.criteria.push(Criterion {
                id: format!("custom-{}", Uuid::new_v4()),
                name,
                description: String::new(),
                weight: 10.0,
                levels: vec![String::new(); usize::from(MAX_SCORE) + 1],
                indicators: Vec::new(),
                must_have: None,
            })
        });
    };
    view! {
        <section class="subsection" aria-labelledby="criteria-title">
            <h3 id="criteria-title">{t("partners.criteria_scores_title")}</h3>
            <p class="muted">{t("partners.criteria_scores_intro")}</p>
            <p class="small">
                {move || tf("partners.criteria_scores_sum", &[("sum", &format!("{:.0}", total_weight.get()))])}
            </p>
            <For each=move || ids.get() key=|id| id.clone() let:crit>
                <CriterionBlock crit/>
            </For>
            <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <label for="new-criterion">{t("partners.criteria_scores_new")}</label>
                <input type="text" id="new-criterion" placeholder=t("partners.criteria_scores_new_placeholder")
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))/>
                <button type="submit" class="button">{t("partners.criteria_scores_add")}</button>
            </form>
        </section>
    }
}

fn set_criterion(card: CardEdit, crit: String, f: impl FnOnce(&mut Criterion)) {
    card.update(move |c| {
        if let Some(x) = c.criteria.iter_mut().find(|x| x.id == crit) {
            f(x);
        }
    })
}

#[component]
fn CriterionBlock(crit: String) -> impl IntoView {
    let card = use_card();
    let kind = card.derive(|c| Some(c.kind));
    let c2 = crit.clone();
    let criterion = card.derive(move |c| c.criterion(&c2).map(|x| shown_criterion(c.kind, x)));
    let c3 = crit.clone();
    let candidates = card.derive(move |c| {
        c.candidates
            .iter()
            .map(|x| (x.id, x.name.clone()))
            .collect::<Vec<_>>()
    });
    let dom = crit.replace('.', "-");
    let weight_text = RwSignal::new(criterion.with_untracked(|c| {
        c.as_ref()
            .map(|c| format!("{}", c.weight))
            .unwrap_or_default()
    }));
    let weight_error = RwSignal::new(None::<String>);
    // Weights changed elsewhere (a suggestion applied) show up here too.
    Effect::new(move |_| {
        if let Some(w) = criterion.with(|c| c.as_ref().map(|c| c.weight)) {
            if weight_error.with_untracked(Option::is_none)
                && parse_number(&weight_text.get_untracked()).ok().flatten() != Some(w)
            {
                weight_text.set(format!("{w}"));
            }
        }
    });
    let help = {
        let crit = crit.clone();
        move || {
            kind.get()
                .and_then(|k| template(k).criterion(&crit).map(|c| c.help.as_str()))
        }
    };
    let is_price = crit == PRICE_CRITERION;
    // The user's own criteria and the price criterion (added by a first price) can go.
    let is_custom = crit.starts_with("custom-") || is_price;
    let indicator_ids = card.derive({
        let crit = crit.clone();
        move |c| {
            c.criterion(&crit)
                .map(|x| {
                    x.indicators
                        .iter()
                        .map(|i| i.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        }
    });
    let crit_g = crit.clone();
    let dom_g = dom.clone();
    let name = move || criterion.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let crit_w = crit.clone();
    let crit_m = crit.clone();
    let crit_r = crit.clone();
    view! {
        <article class="criterion" aria-labelledby=format!("crit-{dom}-title")>
            <header class="criterion-head">
                <h4 id=format!("crit-{dom}-title")>{name}</h4>
                <div class="field inline">
                    <label for=format!("crit-{dom}-weight")>{t("partners.criteria_scores_weight")}</label>
                    <input type="text" inputmode="decimal" class="narrow-input" id=format!("crit-{dom}-weight")
                        aria-invalid=move || weight_error.with(Option::is_some).to_string()
                        prop:value=move || weight_text.get()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            weight_text.set(v.clone());
                            match parse_number(&v) {
                                Ok(Some(w)) if (0.0..=MAX_WEIGHT).contains(&w) => {
                                    weight_error.set(None);
                                    let crit = crit_w.clone();
                                    set_criterion(card, crit, |x| x.weight = w);
                                }
                                _ => weight_error.set(Some(t("partners.criteria_scores_weight_error").into())),
                            }
                        }/>
                </div>
                <div class="field inline">
                    <label for=format!("crit-{dom}-must")>{t("partners.criteria_scores_must_have")}</label>
                    <select id=format!("crit-{dom}-must") on:change=move |ev| {
                        let m = event_target_value(&ev).parse::<u8>().ok().filter(|m| (1..=MAX_SCORE).contains(m));
                        set_criterion(card, crit_m.clone(), |x| x.must_have = m);
                    }>
                        <option value="" selected=move || criterion.with(|c| c.as_ref().and_then(|c| c.must_have).is_none())>{t("partners.criteria_scores_must_have_none")}</option>
                        {(1..=MAX_SCORE).map(|m| view! {
                            <option value=m.to_string() selected=move || criterion.with(|c| c.as_ref().and_then(|c| c.must_have) == Some(m))>
                                {tf("partners.criteria_scores_must_have_at_least", &[("score", &m.to_string())])}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                {is_custom.then(|| view! {
                    <button class="button small danger" on:click=move |_| {
                        let crit = crit_r.clone();
                        card.update(move |c| {
                            c.criteria.retain(|x| x.id != crit);
                            for cand in &mut c.candidates {
                                cand.scores.remove(&crit);
                            }
                        });
                    }>{t("partners.criteria_scores_remove")}</button>
                })}
            </header>
            <Show when=move || weight_error.with(Option::is_some)>
                <p class="hint error-text" role="alert">{move || weight_error.get()}</p>
            </Show>
            <p class="criterion-desc">{move || criterion.with(|c| c.as_ref().map(|c| c.description.clone()).unwrap_or_default())}</p>
            {move || help().map(|h| view! {
                <details class="help"><summary>{t("partners.criteria_scores_how_to_check")}</summary><p>{h}</p></details>
            })}
            <details class="help">
                <summary>{t("partners.criteria_scores_levels")}</summary>
                <ol start="0" class="level-list">
                    {move || criterion.with(|c| c.as_ref().map(|c| c.levels.iter().enumerate().map(|(i, l)| {
                        let text = if l.trim().is_empty() { t("partners.criteria_scores_level_blank").to_string() } else { l.clone() };
                        view! { <li value=i.to_string()>{text}</li> }
                    }).collect_view()))}
                </ol>
            </details>
            {move || (!indicator_ids.with(Vec::is_empty)).then(|| {
                let (crit, dom) = (crit_g.clone(), dom_g.clone());
                view! {
                    <fieldset class="indicator-gates">
                        <legend>{t("sourcing.indicator_gates_legend")}</legend>
                        <For each=move || indicator_ids.get() key=|id| id.clone() let:ind_id>
                            <IndicatorGate crit=crit.clone() ind_id dom=dom.clone()/>
                        </For>
                    </fieldset>
                }
            })}
            <Show when=move || candidates.with(Vec::is_empty)>
                <p class="empty">{t("partners.criteria_scores_no_candidates")}</p>
            </Show>
            {if is_price {
                view! { <PriceScores/> }.into_any()
            } else {
                view! {
                    <div class="score-grid">
                        <For each=move || candidates.get() key=|(id, name)| (*id, name.clone()) let:cand>
                            <ScoreCell crit=c3.clone() cid=cand.0 cname=cand.1 indicators=criterion.with_untracked(|c| c.as_ref().map(|c| c.indicators.clone()).unwrap_or_default())/>
                        </For>
                    </div>
                }.into_any()
            }}
        </article>
    }
}

/// The "must-have" box of one indicator: a gate only when ticked.
#[component]
fn IndicatorGate(crit: String, ind_id: String, dom: String) -> impl IntoView {
    let card = use_card();
    let currency = use_currency();
    let (c1, i1) = (crit.clone(), ind_id.clone());
    let indicator = card.derive(move |c| {
        let currency = currency.get();
        c.criterion(&c1)
            .map(|x| shown_criterion(c.kind, x))
            .and_then(|x| x.indicators.into_iter().find(|i| i.id == i1))
            .map(|i| {
                let label = indicator_label(&i, money_currency(Some(c.kind), &c1, &i, &currency));
                (label, i.must_have)
            })
            .unwrap_or_default()
    });
    let input_id = format!("gate-{dom}-{ind_id}");
    view! {
        <label class="check" for=input_id.clone()>
            <input type="checkbox" id=input_id.clone() prop:checked=move || indicator.with(|i| i.1)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    let ind_id = ind_id.clone();
                    set_criterion(card, crit.clone(), move |x| {
                        if let Some(i) = x.indicators.iter_mut().find(|i| i.id == ind_id) {
                            i.must_have = on;
                        }
                    });
                }/>
            " " {move || tf("sourcing.indicator_gate", &[("indicator", &indicator.with(|i| i.0.clone()))])}
        </label>
    }
}

/// The price criterion's scores: derived from the candidates' monthly prices, never typed, with
/// the formula and each candidate's numbers in it.
#[component]
fn PriceScores() -> impl IntoView {
    let card = use_card();
    let rows = card.derive(|c| {
        let scores = price::price_scores(&c.candidates);
        c.candidates
            .iter()
            .map(|x| {
                (
                    x.id,
                    x.name.clone(),
                    x.monthly_price,
                    scores.get(&x.id).copied().flatten(),
                )
            })
            .collect::<Vec<_>>()
    });
    let cheapest = card.derive(|c| price::cheapest(&c.candidates));
    // Prices are in the assessment's currency; the formula writes it with each amount.
    let currency = use_currency();
    let amount = move |v: f64| money(v, &currency.get());
    view! {
        <p class="hint" data-testid="price-formula">
            {move || match cheapest.get() {
                Some(low) => tf("sourcing.price_formula", &[("cheapest", &amount(low))]),
                None => t("sourcing.price_formula_no_prices").to_string(),
            }}
        </p>
        <ul class="price-scores">
            {move || rows.get().into_iter().map(|(_, name, p, score)| {
                let text = match (p, score, cheapest.get()) {
                    (Some(p), Some(s), Some(low)) => tf("sourcing.price_score", &[
                        ("name", &name),
                        ("price", &amount(p)),
                        ("cheapest", &amount(low)),
                        ("raw", &crate::domain::scorecard::engine::format_number(
                            if p > 0.0 { f64::from(MAX_SCORE) * low / p } else { f64::from(MAX_SCORE) }, 2)),
                        ("score", &s.to_string()),
                    ]),
                    _ => tf("sourcing.price_unscored", &[("name", &name)]),
                };
                view! { <li>{text}</li> }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn ScoreCell(crit: String, cid: Uuid, cname: String, indicators: Vec<Indicator>) -> impl IntoView {
    let card = use_card();
    let currency = use_currency();
    // A card's kind never changes.
    let kind = card.card.with_untracked(|c| c.as_ref().map(|c| c.kind));
    let c1 = crit.clone();
    let entry = card.derive(move |c| {
        c.candidate(cid)
            .and_then(|x| x.scores.get(&c1).cloned())
            .unwrap_or_default()
    });
    let dom = format!("{}-{cid}", crit.replace('.', "-"));
    let set =
        move |crit: String, f: Box<dyn FnOnce(&mut crate::domain::scorecard::CriterionScore)>| {
            card.update(move |c| {
                if let Some(x) = c.candidates.iter_mut().find(|x| x.id == cid) {
                    let s = x.scores.entry(crit.clone()).or_default();
                    f(s);
                    if *s == Default::default() {
                        x.scores.remove(&crit);
                    }
                }
            })
        };
    let crit_s = crit.clone();
    let crit_e = crit.clone();
    view! {
        <div class="score-cell">
            <p class="score-candidate">{cname.clone()}</p>
            <label class="visually-hidden" for=format!("score-{dom}")>{tf("partners.criteria_scores_score_of", &[("name", &cname)])}</label>
            <select id=format!("score-{dom}") on:change=move |ev| {
                let v = event_target_value(&ev).parse::<u8>().ok().filter(|v| *v <= MAX_SCORE);
                set(crit_s.clone(), Box::new(move |s| s.score = v));
            }>
                <option value="" selected=move || entry.with(|e| e.score.is_none())>{t("partners.criteria_scores_not_scored")}</option>
                {(0..=MAX_SCORE).map(|v| view! {
                    <option value=v.to_string() selected=move || entry.with(|e| e.score == Some(v))>{tf("partners.criteria_scores_score_value", &[("score", &v.to_string())])}</option>
                }).collect_view()}
            </select>
            <label class="visually-hidden" for=format!("evidence-{dom}")>{tf("partners.criteria_scores_evidence_for", &[("name", &cname)])}</label>
            <input type="text" id=format!("evidence-{dom}") placeholder=t("partners.criteria_scores_evidence_placeholder") prop:value=move || entry.with(|e| e.evidence.clone())
                on:input=move |ev| { let v = event_target_value(&ev); set(crit_e.clone(), Box::new(move |s| s.evidence = v)) }/>
            {indicators.into_iter().map(|ind| {
                let crit = crit.clone();
                let ind_id = ind.id.clone();
                let input_id = format!("ind-{dom}-{}", ind.id);
                let label = {
                    let (ind, crit) = (ind.clone(), crit.clone());
                    move || indicator_label(&ind, money_currency(kind, &crit, &ind, &currency.get()))
                };
                let value = {
                    let ind_id = ind_id.clone();
                    move || entry.with(|e| e.indicators.get(&ind_id).copied())
                };
                let text = RwSignal::new(value().map(|v| v.to_string()).unwrap_or_default());
                let error = RwSignal::new(None::<String>);
                let verdict = {
                    let ind = ind.clone();
                    move || value().map(|v| {
                        let met = match ind.direction { Direction::AtMost => v <= ind.threshold, Direction::AtLeast => v >= ind.threshold };
                        if met { t("partners.criteria_scores_met").to_string() } else { t("partners.criteria_scores_missed").to_string() }
                    })
                };
                view! {
                    <div class="indicator">
                        <label for=input_id.clone()>{label}</label>
                        <input type="text" inputmode="decimal" id=input_id class="narrow-input"
                            aria-invalid=move || error.with(Option::is_some).to_string()
                            prop:value=move || text.get()
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                text.set(v.clone());
                                match parse_number(&v) {
                                    Ok(n) => {
                                        error.set(None);
                                        let id = ind_id.clone();
                                        set(crit.clone(), Box::new(move |s| { match n { Some(n) => { s.indicators.insert(id, n); } None => { s.indicators.remove(&id); } } }));
                                    }
                                    Err(e) => error.set(Some(e)),
                                }
                            }/>
                        <span class="indicator-verdict">{move || error.get().or_else(verdict.clone())}</span>
                    </div>
                }
            }).collect_view()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::templates::TemplateCriterion;

    /// The English template with every text of its second criterion (it has an indicator)
    /// marked, standing in for a translation.
    fn translated() -> Template {
        let mut t = templates::template_lang(ScorecardKind::Partner, Lang::En).clone();
        let c = &mut t.criteria[1];
        c.name = format!("T:{}", c.name);
        c.description = format!("T:{}", c.description);
        for l in &mut c.levels {
            *l = format!("T:{l}");
        }
        for i in &mut c.indicators {
            i.name = format!("T:{}", i.name);
            i.unit = format!("T:{}", i.unit);
        }
        t
    }

    #[test]
    fn a_money_target_is_written_in_the_assessments_currency() {
        let tco = templates::tool()
            .criterion("tool.tco")
            .map(TemplateCriterion::to_criterion)
            .unwrap_or_else(|| panic!("no tool.tco"));
        let yearly = &tco.indicators[0];
        let cur = money_currency(Some(ScorecardKind::Tool), &tco.id, yearly, "EUR");
        assert_eq!(cur, Some("EUR"));
        let label = indicator_label(yearly, cur);
        assert!(label.contains("€12,000"), "{label}");
        // Without a currency chosen the amount still reads as an amount, with no sign.
        let label = indicator_label(yearly, Some(""));
        assert!(label.contains("12,000") && !label.contains('€'), "{label}");
        // Indicators that are not money keep their plain number.
        let support = templates::tool()
            .criterion("tool.support")
            .map(TemplateCriterion::to_criterion)
            .unwrap_or_else(|| panic!("no tool.support"));
        let hours = &support.indicators[0];
        let cur = money_currency(Some(ScorecardKind::Tool), &support.id, hours, "EUR");
        assert_eq!(cur, None);
        let label = indicator_label(hours, cur);
        assert!(
            label.contains("at most 8)") && !label.contains('€'),
            "{label}"
        );
        // A partner card has no money indicator of that id.
        assert_eq!(
            money_currency(Some(ScorecardKind::Partner), &tco.id, yearly, "EUR"),
            None
        );
    }

    #[test]
    fn template_words_follow_the_language_and_the_users_own_stay() {
        let english = templates::template_lang(ScorecardKind::Partner, Lang::En);
        let here = translated();
        let mut c = english.criteria[1].to_criterion();
        let shown = localize(&c, english, &here);
        assert_eq!(shown.name, here.criteria[1].name);
        assert!(shown.name.starts_with("T:"));
        assert_eq!(shown.description, here.criteria[1].description);
        assert_eq!(shown.levels, here.criteria[1].levels);
        assert_eq!(shown.indicators, here.criteria[1].indicators);
        assert!(shown.indicators[0].name.starts_with("T:"));
        assert_eq!(shown.weight, c.weight);

        c.name = "Our own words".into();
        c.levels[2] = "Good enough for us".into();
        let shown = localize(&c, english, &here);
        assert_eq!(shown.name, "Our own words");
        assert_eq!(shown.levels[2], "Good enough for us");
        assert_eq!(shown.levels[3], here.criteria[1].levels[3]);

        c.id = "custom-1".into();
        assert_eq!(
            localize(&c, english, &here),
            c,
            "a criterion of the user's own is never changed"
        );
        // In English (the language native tests run in) the card reads exactly as stored.
        let plain = english.criteria[2].to_criterion();
        assert_eq!(shown_criterion(ScorecardKind::Partner, &plain), plain);
    }
}
