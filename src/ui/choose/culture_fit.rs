//! Cultural fit: the founder places their own culture on each dimension once, then each
//! candidate on the same dimensions; fit per dimension and overall follows.

use leptos::prelude::*;

use crate::content::templates;
use crate::domain::scorecard::culture;
use crate::domain::scorecard::{CriterionScore, ScorecardKind, CULTURE_MAX};
use crate::ui::choose::card_edit::use_card;
use crate::ui::i18n::{number, t, template, tf};

/// The partner criterion the overall fit can be copied into.
const CULTURE_CRITERION: &str = "partner.culture";

#[component]
pub fn CultureFit() -> impl IntoView {
    let card = use_card();
    let dims = &template(ScorecardKind::Partner).culture_dimensions;
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
        card.notify(crate::ui::i18n::tn(
            "team.culture_fit_applied",
            applied,
            &[],
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
            <label class="visually-hidden" for=id.clone()>{tf("team.culture_fit_position_label", &[("who", &who_name), ("dimension", &dim.name)])}</label>
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
            <h3 id="culture-title">{t("team.culture_fit_title")}</h3>
            <p class="muted">{t("team.culture_fit_intro")}</p>
            <div class="table-scroll">
                <table class="data-table culture">
                    <caption>{t("team.culture_fit_caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("team.culture_fit_dimension")}</th>
                            <th scope="col">{t("team.culture_fit_us")}</th>
                            {move || candidates.get().into_iter().map(|(_, n)| view! { <th scope="col">{n}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {dims.iter().map(|dim| view! {
                            <tr>
                                <th scope="row">{dim.name.clone()}<span class="pole-hint">{tf("team.culture_fit_poles", &[("left", &dim.left), ("right", &dim.right)])}</span></th>
                                <td>{picker(None, t("team.culture_fit_us").to_string(), dim)}</td>
                                {move || candidates.get().into_iter().map(|(cid, n)| view! { <td>{picker(Some(cid), n, dim)}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                        <tr class="total">
                            <th scope="row">{t("team.culture_fit_overall")}</th>
                            <td>"–"</td>
                            {move || fits.get().into_iter().map(|(_, f)| view! {
                                <td>{f.overall.map(|o| tf("team.culture_fit_percent", &[("percent", &number(o * 100.0, 0))])).unwrap_or_else(|| t("team.culture_fit_not_enough").into())}</td>
                            }).collect_view()}
                        </tr>
                    </tbody>
                </table>
            </div>
            <button class="button" on:click=apply>{t("team.culture_fit_apply")}</button>
        </section>
    }
}
