//! Criteria and scores: each criterion's weight, must-have and meaning, and every candidate's
//! score, evidence and indicator values on it. Users can add criteria of their own.

use leptos::prelude::*;
use uuid::Uuid;

use super::card_edit::{use_card, CardEdit};
use super::numbers::parse_number;
use crate::content::templates;
use crate::domain::scorecard::{Criterion, Direction, Indicator, MAX_SCORE, MAX_WEIGHT};

fn direction_text(d: Direction) -> &'static str {
    match d {
        Direction::AtMost => "at most",
        Direction::AtLeast => "at least",
    }
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
            <h3 id="criteria-title">"Criteria and scores"</h3>
            <p class="muted">
                "Score each candidate from 0 (not at all) to 5 (excellent). Weights are relative "
                "(0 to 100): a criterion weighing 20 counts twice as much as one weighing 10. "
                "A must-have fails any candidate scoring below it, whatever the total. An unscored "
                "criterion is left out of that candidate's total, never counted as zero."
            </p>
            <p class="small">{move || format!("Sum of weights: {:.0}", total_weight.get())}</p>
            <For each=move || ids.get() key=|id| id.clone() let:crit>
                <CriterionBlock crit/>
            </For>
            <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <label for="new-criterion">"Criterion of your own"</label>
                <input type="text" id="new-criterion" placeholder="e.g. Data residency in the EU"
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))/>
                <button type="submit" class="button">"Add criterion"</button>
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
    let criterion = card.derive(move |c| c.criterion(&c2).cloned());
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
        move || kind.get().and_then(|k| templates::criterion_help(k, &crit))
    };
    let is_custom = crit.starts_with("custom-");
    let name = move || criterion.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let crit_w = crit.clone();
    let crit_m = crit.clone();
    let crit_r = crit.clone();
    view! {
        <article class="criterion" aria-labelledby=format!("crit-{dom}-title")>
            <header class="criterion-head">
                <h4 id=format!("crit-{dom}-title")>{name}</h4>
                <div class="field inline">
                    <label for=format!("crit-{dom}-weight")>"Weight"</label>
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
                                _ => weight_error.set(Some("⚠ Not saved: a weight is a number from 0 to 100.".into())),
                            }
                        }/>
                </div>
                <div class="field inline">
                    <label for=format!("crit-{dom}-must")>"Must-have"</label>
                    <select id=format!("crit-{dom}-must") on:change=move |ev| {
                        let m = event_target_value(&ev).parse::<u8>().ok().filter(|m| (1..=MAX_SCORE).contains(m));
                        set_criterion(card, crit_m.clone(), |x| x.must_have = m);
                    }>
                        <option value="" selected=move || criterion.with(|c| c.as_ref().and_then(|c| c.must_have).is_none())>"No"</option>
                        {(1..=MAX_SCORE).map(|m| view! {
                            <option value=m.to_string() selected=move || criterion.with(|c| c.as_ref().and_then(|c| c.must_have) == Some(m))>
                                {format!("At least {m}")}
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
                    }>"Remove criterion"</button>
                })}
            </header>
            <Show when=move || weight_error.with(Option::is_some)>
                <p class="hint error-text" role="alert">{move || weight_error.get()}</p>
            </Show>
            <p class="criterion-desc">{move || criterion.with(|c| c.as_ref().map(|c| c.description.clone()).unwrap_or_default())}</p>
            {move || help().map(|h| view! {
                <details class="help"><summary>"How to check it"</summary><p>{h}</p></details>
            })}
            <details class="help">
                <summary>"What each score means"</summary>
                <ol start="0" class="level-list">
                    {move || criterion.with(|c| c.as_ref().map(|c| c.levels.iter().enumerate().map(|(i, l)| {
                        let text = if l.trim().is_empty() { "(not described)".to_string() } else { l.clone() };
                        view! { <li value=i.to_string()>{text}</li> }
                    }).collect_view()))}
                </ol>
            </details>
            <Show when=move || candidates.with(Vec::is_empty)>
                <p class="empty">"Add candidates above to score them here."</p>
            </Show>
            <div class="score-grid">
                <For each=move || candidates.get() key=|(id, name)| (*id, name.clone()) let:cand>
                    <ScoreCell crit=c3.clone() cid=cand.0 cname=cand.1 indicators=criterion.with_untracked(|c| c.as_ref().map(|c| c.indicators.clone()).unwrap_or_default())/>
                </For>
            </div>
        </article>
    }
}

#[component]
fn ScoreCell(crit: String, cid: Uuid, cname: String, indicators: Vec<Indicator>) -> impl IntoView {
    let card = use_card();
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
            <label class="visually-hidden" for=format!("score-{dom}")>{format!("Score of {cname}")}</label>
            <select id=format!("score-{dom}") on:change=move |ev| {
                let v = event_target_value(&ev).parse::<u8>().ok().filter(|v| *v <= MAX_SCORE);
                set(crit_s.clone(), Box::new(move |s| s.score = v));
            }>
                <option value="" selected=move || entry.with(|e| e.score.is_none())>"Not scored"</option>
                {(0..=MAX_SCORE).map(|v| view! {
                    <option value=v.to_string() selected=move || entry.with(|e| e.score == Some(v))>{format!("{v} of 5")}</option>
                }).collect_view()}
            </select>
            <label class="visually-hidden" for=format!("evidence-{dom}")>{format!("Evidence for {cname}")}</label>
            <input type="text" id=format!("evidence-{dom}") placeholder="Evidence…" prop:value=move || entry.with(|e| e.evidence.clone())
                on:input=move |ev| { let v = event_target_value(&ev); set(crit_e.clone(), Box::new(move |s| s.evidence = v)) }/>
            {indicators.into_iter().map(|ind| {
                let crit = crit.clone();
                let ind_id = ind.id.clone();
                let input_id = format!("ind-{dom}-{}", ind.id);
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
                        if met { "✓ meets the target".to_string() } else { "✗ misses the target".to_string() }
                    })
                };
                view! {
                    <div class="indicator">
                        <label for=input_id.clone()>{format!("{} ({}, target {} {})", ind.name, ind.unit, direction_text(ind.direction), ind.threshold)}</label>
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
