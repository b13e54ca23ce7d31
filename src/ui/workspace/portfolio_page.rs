//! The Portfolio page (`/portfolio`): every client in this browser on one grid, the sentence that
//! says who needs attention, the view, sort, filters and search, and the CSV download.
//!
//! The figures come from [`crate::domain::portfolio`]: one pass over the workspace builds every
//! client's facts (a memo, rebuilt only when the work, the export log or the tags change);
//! sorting, filtering and the switch between views only re-read those facts.

use chrono::{Local, Utc};
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use crate::domain::portfolio::{
    self, clients, facts, facts_before_lists, headline, lists_in_memory, select, tags_in_use,
    Query, ReviewKind, SortBy, TagFilter, View,
};
use crate::domain::Stage;
use crate::storage;
use crate::ui::common::files::download_as;
use crate::ui::i18n::{content, l, t, tf, tn};
use crate::ui::state::use_app_state;
use crate::ui::track::report_actions::{BOM, CSV_MIME};
use crate::ui::workspace::portfolio_grid::PortfolioGrid;

/// The tag filter's value for "no tag" (a tag is never empty, so this cannot clash).
const UNTAGGED: &str = "\u{0}untagged";

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let state = use_app_state();
    let tags = RwSignal::new(storage::load_tags());
    let query = RwSignal::new(Query::default());
    // Levels first: until start-up's deferred checks have read every client's bulky lists,
    // clients whose lists are not in memory show their levels with the flags still to come, and
    // the grid is built once more when the checks are done.
    let all = Memo::new(move |_| {
        let now = Utc::now();
        let today = Local::now().date_naive();
        let lists_checked = state.lists_checked.get();
        let facts = state.export_log.with(|log| {
            state.workspace.with(|w| {
                w.assessments
                    .iter()
                    .map(|a| {
                        if lists_checked || lists_in_memory(a) {
                            facts(content(), a, log, now, today)
                        } else {
                            facts_before_lists(content(), a, log, now)
                        }
                    })
                    .collect::<Vec<_>>()
            })
        });
        tags.with(|t| clients(facts, t))
    });
    let reading = Memo::new(move |_| all.with(|c| c.iter().any(|c| !c.latest.lists_read)));
    let rows = Memo::new(move |_| all.with(|c| query.with(|q| select(c, q))));
    let known_tags = Memo::new(move |_| all.with(|c| tags_in_use(c)));
    let sentence = move || all.with(|c| rows.with(|r| headline(c, r)));
    let set_tag = move |id: Uuid, tag: String| match storage::save_tag(id, &tag) {
        Ok(()) => tags.update(|t| {
            let tag = storage::clean_tag(&tag);
            if tag.is_empty() {
                t.remove(&id);
            } else {
                t.insert(id, tag);
            }
        }),
        Err(e) => state.notify(tf("portfolio.tag_not_saved", &[("why", &e.to_string())])),
    };
    let download = move |_| {
        // The file has every flag: finish reading the lists first (the memo then reads them all).
        state.check_all_stored();
        let text = all.with_untracked(|c| rows.with_untracked(|r| portfolio::csv(content(), c, r)));
        let json_name = crate::format::file_name("portfolio", Local::now().date_naive());
        let name = format!(
            "{}.csv",
            json_name.strip_suffix(".cto.json").unwrap_or(&json_name)
        );
        match download_as(&name, &format!("{BOM}{text}"), CSV_MIME) {
            Ok(()) => state.notify(tf("portfolio.downloaded", &[("name", &name)])),
            Err(why) => state.notify(tf("portfolio.download_failed", &[("why", &why)])),
        }
    };
    let count = move || rows.with(Vec::len);
    view! {
        <section class="page portfolio" aria-labelledby="portfolio-title">
            <div class="page-head">
                <h1 id="portfolio-title">{t("portfolio.title")}</h1>
                <p class="muted">{t("portfolio.intro")}</p>
            </div>
            <Show
                when=move || all.with(|c| !c.is_empty())
                fallback=|| view! {
                    <p>{t("portfolio.empty")} " " <A href="/">{t("portfolio.back_to_list")}</A></p>
                }
            >
                <p class="headline" data-testid="portfolio-headline" role="status">{sentence}</p>
                <PortfolioControls query known_tags/>
                <div class="toolbar">
                    <button class="button" on:click=download>
                        {move || tn("portfolio.download_csv", count(), &[])}
                    </button>
                    <A href="/">{t("portfolio.back_to_list")}</A>
                </div>
                <PortfolioGrid all rows query known_tags set_tag reading/>
                <p class="muted small">{t("portfolio.tags_stay")}</p>
            </Show>
        </section>
    }
}

/// The view switch, the order, the filters and the search.
#[component]
fn PortfolioControls(query: RwSignal<Query>, known_tags: Memo<Vec<String>>) -> impl IntoView {
    let view_is = move |v: View| query.with(|q| q.view == v);
    view! {
        <div class="portfolio-controls">
            <fieldset class="portfolio-view">
                <legend>{t("portfolio.view_legend")}</legend>
                <label>
                    <input type="radio" name="portfolio-view" prop:checked=move || view_is(View::SelfAssessed)
                        on:change=move |_| query.update(|q| q.view = View::SelfAssessed)/>
                    " " {t("portfolio.view_self")}
                </label>
                <label>
                    <input type="radio" name="portfolio-view" prop:checked=move || view_is(View::Reviewed)
                        on:change=move |_| query.update(|q| q.view = View::Reviewed)/>
                    " " {t("portfolio.view_reviewed")}
                </label>
            </fieldset>
            <div class="field">
                <label for="portfolio-search">{t("portfolio.search")}</label>
                <input id="portfolio-search" type="search"
                    prop:value=move || query.with(|q| q.search.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); query.update(|q| q.search = v) }/>
            </div>
            <div class="field">
                <label for="portfolio-sort">{t("portfolio.sort")}</label>
                <select id="portfolio-sort" on:change=move |ev| {
                    if let Some(s) = SortBy::from_id(&event_target_value(&ev)) { query.update(|q| q.sort = s) }
                }>
                    {SortBy::ALL.into_iter().map(|s| view! {
                        <option value=s.id() selected=move || query.with(|q| q.sort == s)>{s.label()}</option>
                    }).collect_view()}
                </select>
                <label class="inline-check">
                    <input type="checkbox" prop:checked=move || query.with(|q| q.reverse)
                        on:change=move |ev| { let on = event_target_checked(&ev); query.update(|q| q.reverse = on) }/>
                    " " {t("portfolio.reverse")}
                </label>
            </div>
            <FilterSelect
                id="portfolio-stage"
                label=t("portfolio.filter_stage")
                options=Stage::CHOICES.into_iter().map(|s| (s.id(), l(s.label()))).collect()
                chosen=Signal::derive(move || query.with(|q| q.stage.map_or("", Stage::id)))
                on_pick=move |v| query.update(|q| q.stage = Stage::from_id(&v))
            />
            <FilterSelect
                id="portfolio-review"
                label=t("portfolio.filter_review")
                options=ReviewKind::ALL.into_iter().map(|k| (k.id(), k.label())).collect()
                chosen=Signal::derive(move || query.with(|q| q.review.map_or("", ReviewKind::id)))
                on_pick=move |v| query.update(|q| q.review = ReviewKind::from_id(&v))
            />
            <div class="field">
                <label for="portfolio-tag">{t("portfolio.filter_tag")}</label>
                <select id="portfolio-tag" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let f = match v.as_str() {
                        "" => TagFilter::Any,
                        UNTAGGED => TagFilter::Untagged,
                        _ => TagFilter::Tag(v),
                    };
                    query.update(|q| q.tag = f)
                }>
                    <option value="" selected=move || query.with(|q| q.tag == TagFilter::Any)>{t("portfolio.filter_any")}</option>
                    <option value=UNTAGGED selected=move || query.with(|q| q.tag == TagFilter::Untagged)>{t("portfolio.filter_untagged")}</option>
                    {move || known_tags.get().into_iter().map(|tag| {
                        let chosen = TagFilter::Tag(tag.clone());
                        view! {
                            <option value=tag.clone() selected=move || query.with(|q| q.tag == chosen)>{tag.clone()}</option>
                        }
                    }).collect_view()}
                </select>
            </div>
            <label class="inline-check">
                <input type="checkbox" prop:checked=move || query.with(|q| q.attention)
                    on:change=move |ev| { let on = event_target_checked(&ev); query.update(|q| q.attention = on) }/>
                " " {t("portfolio.filter_attention")}
            </label>
        </div>
    }
}

/// A filter of fixed choices: "Any" (the value "") and `options` as (value, text).
#[component]
fn FilterSelect(
    id: &'static str,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    #[prop(into)] chosen: Signal<&'static str>,
    on_pick: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| on_pick(event_target_value(&ev))>
                <option value="" selected=move || chosen.get().is_empty()>{t("portfolio.filter_any")}</option>
                {options.into_iter().map(|(value, text)| view! {
                    <option value=value selected=move || chosen.get() == value>{text}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
