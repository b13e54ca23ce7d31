//! Operating model: how product and engineering work today, written once by the founder, and
//! each candidate's fit with it, scored with evidence.

use leptos::prelude::*;

use crate::domain::scorecard::{FitScore, ScorecardKind, MAX_SCORE};
use crate::ui::choose::card_edit::use_card;
use crate::ui::i18n::{t, template, tf};

#[component]
pub fn OperatingModel() -> impl IntoView {
    let card = use_card();
    let aspects = &template(ScorecardKind::Partner).operating_aspects;
    let candidates = card.derive(|c| {
        c.candidates
            .iter()
            .map(|x| (x.id, x.name.clone()))
            .collect::<Vec<_>>()
    });
    view! {
        <section class="subsection" aria-labelledby="operating-title">
            <h3 id="operating-title">{t("team.operating_model_title")}</h3>
            <p class="muted">{t("team.operating_model_intro")}</p>
            {aspects.iter().map(|aspect| {
                let aid: &'static str = aspect.id.as_str();
                let ours = card.derive(move |c| c.operating_model.get(aid).cloned().unwrap_or_default());
                view! {
                    <div class="aspect">
                        <div class="field">
                            <label for=format!("op-{aid}")>{aspect.name.clone()}</label>
                            <textarea id=format!("op-{aid}") rows="2" placeholder=aspect.prompt.clone()
                                prop:value=move || ours.get()
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    card.update(|c| {
                                        if v.trim().is_empty() { c.operating_model.remove(aid); } else { c.operating_model.insert(aid.to_string(), v); }
                                    })
                                }></textarea>
                        </div>
                        <div class="score-grid">
                            {move || candidates.get().into_iter().map(|(cid, name)| {
                                let fit = card.derive(move |c| c.candidate(cid).and_then(|x| x.operating_fit.get(aid).cloned()).unwrap_or_default());
                                let set = move |f: Box<dyn FnOnce(&mut FitScore)>| card.update(|c| {
                                    if let Some(x) = c.candidates.iter_mut().find(|x| x.id == cid) {
                                        let e = x.operating_fit.entry(aid.to_string()).or_default();
                                        f(e);
                                        if *e == FitScore::default() { x.operating_fit.remove(aid); }
                                    }
                                });
                                view! {
                                    <div class="score-cell">
                                        <p class="score-candidate">{name.clone()}</p>
                                        <label class="visually-hidden" for=format!("opfit-{aid}-{cid}")>{tf("team.operating_model_fit_label", &[("name", &name), ("aspect", &aspect.name)])}</label>
                                        <select id=format!("opfit-{aid}-{cid}") on:change=move |ev| {
                                            let v = event_target_value(&ev).parse::<u8>().ok().filter(|v| *v <= MAX_SCORE);
                                            set(Box::new(move |e| e.score = v));
                                        }>
                                            <option value="" selected=move || fit.with(|f| f.score.is_none())>{t("team.operating_model_not_scored")}</option>
                                            {(0..=MAX_SCORE).map(|v| view! { <option value=v.to_string() selected=move || fit.with(|f| f.score == Some(v))>{tf("team.operating_model_score", &[("score", &v.to_string()), ("max", &MAX_SCORE.to_string())])}</option> }).collect_view()}
                                        </select>
                                        <label class="visually-hidden" for=format!("opev-{aid}-{cid}")>{tf("team.operating_model_evidence_label", &[("name", &name)])}</label>
                                        <input type="text" id=format!("opev-{aid}-{cid}") placeholder=t("team.operating_model_evidence_placeholder") prop:value=move || fit.with(|f| f.evidence.clone())
                                            on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |e| e.evidence = v)) }/>
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                    </div>
                }
            }).collect_view()}
        </section>
    }
}
