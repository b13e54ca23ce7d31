//! The skills matrix table: each skill's level per person, the level the open roadmap needs, the
//! gap in words with the planned hire or training that closes it, and the initiatives needing it.

use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use crate::domain::roadmap::Initiative;
use crate::domain::team::skills::{skills_matrix, SkillRow};
use crate::domain::team::{ChangeKind, TeamChange};
use crate::ui::i18n::{date, t, tf};
use crate::ui::plan::skills_editor::level_text;
use crate::ui::shell::assessment_frame::use_current;

/// One row as shown.
#[derive(Clone, Debug, PartialEq)]
struct RowView {
    name: String,
    levels: Vec<String>,
    needed: String,
    gap: Vec<String>,
    /// (initiative id, title) of each open initiative needing the skill.
    needed_by: Vec<(Uuid, String)>,
}

/// The gap column in words: the gap today, then the planned change bringing the skill, if any.
pub fn gap_words(row: &SkillRow, changes: &[TeamChange]) -> Vec<String> {
    let mut out = Vec::new();
    match (row.gap, row.needed) {
        (Some(1), _) => out.push(t("team.skills_matrix_gap_one").to_string()),
        (Some(g), _) => out.push(tf(
            "team.skills_matrix_gap_many",
            &[("levels", &g.to_string())],
        )),
        (None, Some(_)) => out.push(t("team.skills_matrix_no_gap").to_string()),
        (None, None) => out.push(t("team.skills_matrix_not_needed_open").to_string()),
    }
    if let Some((on, level, id)) = row.planned {
        let kind = t(match changes.iter().find(|c| c.id == id).map(|c| c.kind) {
            Some(ChangeKind::Hire) => "team.skills_matrix_kind_hire",
            Some(ChangeKind::Contractor) => "team.skills_matrix_kind_contractor",
            Some(ChangeKind::Training) => "team.skills_matrix_kind_training",
            None => "team.skills_matrix_kind_change",
        });
        let on = date(on);
        let text = match row
            .needed
            .filter(|_| row.gap.is_some() && !row.planned_closes_gap())
        {
            Some(needed) => tf(
                "team.skills_matrix_planned_partly",
                &[
                    ("kind", kind),
                    ("date", &on),
                    ("level", &level.to_string()),
                    ("needed", &needed.to_string()),
                ],
            ),
            None => tf(
                "team.skills_matrix_planned",
                &[("kind", kind), ("date", &on)],
            ),
        };
        out.push(text);
    }
    out
}

fn person_name(name: &str) -> String {
    if name.trim().is_empty() {
        t("team.skills_matrix_unnamed_person").to_string()
    } else {
        name.to_string()
    }
}

fn initiative_title(i: &Initiative) -> String {
    if i.title.trim().is_empty() {
        t("team.skills_matrix_untitled_initiative").to_string()
    } else {
        i.title.clone()
    }
}

#[component]
pub fn SkillsMatrixTable() -> impl IntoView {
    let current = use_current();
    let id = current.id;
    let people = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.team
                        .people
                        .iter()
                        .map(|p| person_name(&p.name))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let rows = Memo::new(move |_| {
        current.assessment.with(|a| {
            let Some(a) = a else { return Vec::new() };
            skills_matrix(&a.team, &a.initiatives)
                .skills
                .iter()
                .map(|row| RowView {
                    name: row.name.clone(),
                    levels: row.levels.iter().map(|(_, l)| level_text(*l)).collect(),
                    needed: row
                        .needed
                        .map(level_text)
                        .unwrap_or_else(|| t("team.skills_matrix_not_needed").to_string()),
                    gap: gap_words(row, &a.team.changes),
                    needed_by: row
                        .needed_by
                        .iter()
                        .filter_map(|iid| a.initiatives.iter().find(|i| i.id == *iid))
                        .map(|i| (i.id, initiative_title(i)))
                        .collect(),
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="subsection" aria-labelledby="skills-matrix-title">
            <h3 id="skills-matrix-title">{t("team.skills_matrix_title")}</h3>
            <p class="muted">{t("team.skills_matrix_intro")}</p>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! { <p class="empty">{t("team.skills_matrix_empty")}</p> }
            >
                <div class="table-scroll">
                    <table class="data-table">
                        <caption>{t("team.skills_matrix_caption")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t("team.skills_matrix_skill")}</th>
                                {move || people.get().into_iter().map(|n| view! { <th scope="col">{n}</th> }).collect_view()}
                                <th scope="col">{t("team.skills_matrix_needed")}</th>
                                <th scope="col">{t("team.skills_matrix_gap")}</th>
                                <th scope="col">{t("team.skills_matrix_needed_by")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || rows.get().into_iter().map(|r| view! {
                                <tr>
                                    <th scope="row">{r.name}</th>
                                    {r.levels.into_iter().map(|l| view! { <td>{l}</td> }).collect_view()}
                                    <td>{r.needed}</td>
                                    <td>
                                        {r.gap.into_iter().enumerate().map(|(i, line)| view! {
                                            {(i > 0).then(|| view! { <br/> })}
                                            {line}
                                        }).collect_view()}
                                    </td>
                                    <td>
                                        <ul class="plain-list">
                                            {r.needed_by.into_iter().map(|(iid, title)| view! {
                                                <li><A href=format!("/a/{id}/roadmap/{iid}")>{title}</A></li>
                                            }).collect_view()}
                                        </ul>
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::NaiveDate;

    use super::*;
    use crate::domain::team::ChangeKind;

    fn row(
        needed: Option<u8>,
        gap: Option<u8>,
        planned: Option<(NaiveDate, u8, Uuid)>,
    ) -> SkillRow {
        SkillRow {
            name: "Rust".into(),
            levels: Vec::new(),
            best: 0,
            needed,
            needed_by: Vec::new(),
            planned,
            gap,
        }
    }

    fn hire(id: Uuid, date: NaiveDate) -> TeamChange {
        TeamChange {
            id,
            kind: ChangeKind::Hire,
            title: "Engineer".into(),
            date,
            person: None,
            capacity_weeks: 4.3,
            monthly_cost: None,
            one_off_cost: None,
            skills: BTreeMap::new(),
        }
    }

    #[test]
    fn gaps_read_in_words_with_the_plan() {
        let id = Uuid::new_v4();
        let date = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        let changes = vec![hire(id, date)];
        assert_eq!(
            gap_words(&row(Some(3), Some(2), Some((date, 3, id))), &changes),
            vec!["⚠ Gap of 2 levels", "Planned: hire on 1 Mar 2027"]
        );
        assert_eq!(
            gap_words(&row(Some(3), Some(1), Some((date, 2, id))), &changes),
            vec![
                "⚠ Gap of 1 level",
                "Planned: hire on 1 Mar 2027, brings level 2 of the 3 needed"
            ]
        );
        assert_eq!(
            gap_words(&row(Some(2), None, None), &changes),
            vec!["No gap"]
        );
        assert_eq!(
            gap_words(&row(None, None, None), &changes),
            vec!["Not needed by open initiatives"]
        );
    }

    #[test]
    fn gaps_read_in_chinese_with_the_date_written_the_chinese_way() {
        use crate::i18n::{set_current, Lang};
        let id = Uuid::new_v4();
        let date = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        set_current(Lang::Zh);
        let words = gap_words(
            &row(Some(3), Some(1), Some((date, 2, id))),
            &[hire(id, date)],
        );
        set_current(Lang::En);
        assert_eq!(
            words,
            vec![
                "⚠ 差 1 个等级",
                "已计划：2027年3月1日招聘，可达到等级 2（需要等级 3）"
            ]
        );
    }
}
