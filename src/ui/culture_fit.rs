//! Cultural fit: the founder places their own culture on each dimension once, then each
//! candidate on the same dimensions; fit per dimension and overall follows.

use leptos::prelude::*;

use super::card_edit::use_card;
use crate::content::templates;
use crate::domain::scorecard::culture;
use crate::domain::scorecard::{CriterionScore, CULTURE_MAX};

/// The partner criterion the overall fit can be copied into.
const CULTURE_CRITERION: &str = "partner.culture";

#[component]
pub fn CultureFit() -> impl IntoView {
    let card = use_card();
    let dims = &templates::partner().culture_dimensions;
    let candidates = card.derive(|c| {
        c.candidates
            .iter()
            .map(|x| (x.id, x.name.clone()))
            .collect::<Vec<_>>()
    });
    let dim_ids: Vec<&'static str> = dims.iter().map(|d| d.id.as_str()).collect();
    let fits = {
        let dim_ids = dim_ids.clone();
        card.derive(move |c| {
            c.candidates
                .iter()
                .map(|x| (x.id, culture::fit(&c.culture, &x.culture, &dim_ids)))
                .collect::<Vec<_>>()
        })
    };
    let apply = move |_| {
        let mut applied = 0;
        let fits = fits.get_untracked();
        card.update(|c| {
            for (cid, fit) in &fits {
                if let (Some(score), Some(cand)) = (
                    culture::suggested_score(fit),
                    c.candidates.iter_mut().find(|x| x.id == *cid),
                ) {
                    cand.scores
                        .entry(CULTURE_CRITERION.to_string())
                        .or_insert_with(CriterionScore::default)
                        .score = Some(score);
                    applied += 1;
                }
            }
        });
        card.notify(format!(
            "Cultural fit score set for {applied} candidate(s) from the fit below."
        ));
    };
    let position = move |who: Option<uuid::Uuid>, dim: &'static str| {
        card.derive(move |c| match who {
            None => c.culture.get(dim).copied(),
            Some(id) => c.candidate(id).and_then(|x| x.culture.get(dim).copied()),
        })
    };
    let set_position = move |who: Option<uuid::Uuid>, dim: &'static str, v: Option<u8>| {
        card.update(|c| {
            let map = match who {
                None => &mut c.culture,
                Some(id) => match c.candidates.iter_mut().find(|x| x.id == id) {
                    Some(x) => &mut x.culture,
                    None => return,
                },
            };
            match v {
                Some(v) => {
                    map.insert(dim.to_string(), v);
                }
                None => {
                    map.remove(dim);
                }
            }
        })
    };
    let picker = move |who: Option<uuid::Uuid>,
                       who_name: String,
                       dim: &'static templates::CultureDimension| {
        let value = position(who, dim.id.as_str());
        let id = format!(
            "culture-{}-{}",
            who.map(|w| w.to_string()).unwrap_or_else(|| "us".into()),
            dim.id
        );
        view! {
            <label class="visually-hidden" for=id.clone()>{format!("{who_name}: {}", dim.name)}</label>
            <select id=id on:change=move |ev| {
                let v = event_target_value(&ev).parse::<u8>().ok().filter(|v| (1..=CULTURE_MAX).contains(v));
                set_position(who, dim.id.as_str(), v);
            }>
                <option value="" selected=move || value.get().is_none()>"–"</option>
                {(1..=CULTURE_MAX).map(|p| {
                    view! { <option value=p.to_string() selected=move || value.get() == Some(p)>{p.to_string()}</option> }
                }).collect_view()}
            </select>
        }
    };
    view! {
        <section class="subsection" aria-labelledby="culture-title">
            <h3 id="culture-title">"Cultural fit"</h3>
            <p class="muted">
                "Place your own way of working on each line (1 and 5 are the two ends), then each "
                "candidate as you saw them in meetings and reference calls. Fit is 100 % when you "
                "sit at the same place and falls by 25 points per step apart."
            </p>
            <div class="table-scroll">
                <table class="data-table culture">
                    <caption>"Culture, 1 to 5 on each line"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Dimension"</th>
                            <th scope="col">"Us"</th>
                            {move || candidates.get().into_iter().map(|(_, n)| view! { <th scope="col">{n}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {dims.iter().map(|dim| view! {
                            <tr>
                                <th scope="row">{dim.name.clone()}<span class="pole-hint">{format!("1 = {} · 5 = {}", dim.left, dim.right)}</span></th>
                                <td>{picker(None, "Us".to_string(), dim)}</td>
                                {move || candidates.get().into_iter().map(|(cid, n)| view! { <td>{picker(Some(cid), n, dim)}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                        <tr class="total">
                            <th scope="row">"Overall fit"</th>
                            <td>"–"</td>
                            {move || fits.get().into_iter().map(|(_, f)| view! {
                                <td>{f.overall.map(|o| format!("{:.0} %", o * 100.0)).unwrap_or_else(|| "not enough answers".into())}</td>
                            }).collect_view()}
                        </tr>
                    </tbody>
                </table>
            </div>
            <button class="button" on:click=apply>"Use the overall fit as each candidate's Cultural fit score"</button>
        </section>
    }
}
