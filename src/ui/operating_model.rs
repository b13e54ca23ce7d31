//! Operating model: how product and engineering work today, written once by the founder, and
//! each candidate's fit with it, scored with evidence.

use leptos::prelude::*;

use super::card_edit::use_card;
use crate::content::templates;
use crate::domain::scorecard::{FitScore, MAX_SCORE};

#[component]
pub fn OperatingModel() -> impl IntoView {
    let card = use_card();
    let aspects = &templates::partner().operating_aspects;
    let candidates = card.derive(|c| {
        c.candidates
            .iter()
            .map(|x| (x.id, x.name.clone()))
            .collect::<Vec<_>>()
    });
    view! {
        <section class="subsection" aria-labelledby="operating-title">
            <h3 id="operating-title">"Operating model"</h3>
            <p class="muted">
                "Write down how you work today, then score how well each candidate would fit into "
                "it (0 not at all, 5 seamlessly), with what you saw or were told."
            </p>
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
                                        <label class="visually-hidden" for=format!("opfit-{aid}-{cid}")>{format!("Fit of {name} with: {}", aspect.name)}</label>
                                        <select id=format!("opfit-{aid}-{cid}") on:change=move |ev| {
                                            let v = event_target_value(&ev).parse::<u8>().ok().filter(|v| *v <= MAX_SCORE);
                                            set(Box::new(move |e| e.score = v));
                                        }>
                                            <option value="" selected=move || fit.with(|f| f.score.is_none())>"Not scored"</option>
                                            {(0..=MAX_SCORE).map(|v| view! { <option value=v.to_string() selected=move || fit.with(|f| f.score == Some(v))>{format!("{v} of 5")}</option> }).collect_view()}
                                        </select>
                                        <label class="visually-hidden" for=format!("opev-{aid}-{cid}")>{format!("Evidence for {name}")}</label>
                                        <input type="text" id=format!("opev-{aid}-{cid}") placeholder="Evidence…" prop:value=move || fit.with(|f| f.evidence.clone())
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
