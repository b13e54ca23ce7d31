//! The responsibility matrix: for each role a technical partnership covers, who is responsible
//! (does the work) and who is accountable (answers for it), with roles lacking either flagged.

use leptos::prelude::*;

use crate::domain::team::raci::{role_flags, RoleFlag};
use crate::domain::team::{Party, Responsibility, Team, ROLES};
use crate::ui::i18n::{l, t, tf};
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::use_app_state;

/// Marks or unmarks `party` as responsible for `role`, keeping parties in their usual order and
/// dropping a role's entry once it has nobody at all (the file keeps only what was said).
pub fn set_responsible(team: &mut Team, role: &str, party: Party, on: bool) {
    edit_role(team, role, |r| {
        r.responsible.retain(|p| *p != party);
        if on {
            r.responsible.push(party);
            r.responsible.sort();
        }
    });
}

/// Sets who is accountable for `role`; `None` leaves nobody.
pub fn set_accountable(team: &mut Team, role: &str, party: Option<Party>) {
    edit_role(team, role, |r| r.accountable = party);
}

fn edit_role(team: &mut Team, role: &str, edit: impl FnOnce(&mut Responsibility)) {
    let r = team.responsibilities.entry(role.to_string()).or_default();
    edit(r);
    if *r == Responsibility::default() {
        team.responsibilities.remove(role);
    }
}

/// What a role lacks, in words; empty when it has both.
pub fn flag_words(flag: &RoleFlag) -> Vec<&'static str> {
    let mut out = Vec::new();
    if flag.no_accountable {
        out.push(t("team.responsibility_matrix_no_accountable"));
    }
    if flag.no_responsible {
        out.push(t("team.responsibility_matrix_no_responsible"));
    }
    out
}

/// A role's name in the language in use; the model names roles in English only.
fn role_label(role: &str, english: &'static str) -> &'static str {
    match role {
        "leadership" => t("team.responsibility_matrix_role_leadership"),
        "product-development" => t("team.responsibility_matrix_role_product_development"),
        "design" => t("team.responsibility_matrix_role_design"),
        "engineering" => t("team.responsibility_matrix_role_engineering"),
        "testing" => t("team.responsibility_matrix_role_testing"),
        "deployment" => t("team.responsibility_matrix_role_deployment"),
        "maintenance" => t("team.responsibility_matrix_role_maintenance"),
        "support" => t("team.responsibility_matrix_role_support"),
        _ => english,
    }
}

#[component]
pub fn ResponsibilityMatrix() -> impl IntoView {
    let current = use_current();
    let state = use_app_state();
    let aid = current.id;
    let team = Memo::new(move |_| {
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| a.team.responsibilities.clone())
                .unwrap_or_default()
        })
    });
    let flags = Memo::new(move |_| {
        team.with(|r| {
            role_flags(&Team {
                responsibilities: r.clone(),
                ..Team::default()
            })
        })
    });
    let unowned = Memo::new(move |_| flags.with(|f| f.iter().filter(|f| f.no_accountable).count()));
    view! {
        <section class="subsection" aria-labelledby="raci-title">
            <h3 id="raci-title">{t("team.responsibility_matrix_title")}</h3>
            <p class="muted">{t("team.responsibility_matrix_responsible_help")}</p>
            <p class="muted">{t("team.responsibility_matrix_accountable_help")}</p>
            <p>
                {move || match unowned.get() {
                    0 => t("team.responsibility_matrix_all_owned").to_string(),
                    1 => t("team.responsibility_matrix_unowned_one").to_string(),
                    n => tf("team.responsibility_matrix_unowned_many", &[("count", &n.to_string())]),
                }}
            </p>
            <div class="table-scroll">
                <table class="data-table">
                    <caption>{t("team.responsibility_matrix_caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("team.responsibility_matrix_role")}</th>
                            {Party::ALL.into_iter().map(|p| view! {
                                <th scope="col">{tf("team.responsibility_matrix_party_responsible", &[("party", l(p.label()))])}</th>
                            }).collect_view()}
                            <th scope="col">{t("team.responsibility_matrix_accountable")}</th>
                            <th scope="col">{t("team.responsibility_matrix_check")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {ROLES.into_iter().enumerate().map(|(index, (role, english))| {
                            let label = role_label(role, english);
                            let entry = Memo::new(move |_| team.with(|t| t.get(role).cloned().unwrap_or_default()));
                            let select_id = format!("raci-{role}-accountable");
                            view! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    {Party::ALL.into_iter().map(|party| view! {
                                        <td>
                                            <input type="checkbox"
                                                aria-label=tf("team.responsibility_matrix_is_responsible_label", &[("role", label), ("party", l(party.label()))])
                                                prop:checked=move || entry.with(|r| r.responsible.contains(&party))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    state.edit(aid, |a| set_responsible(&mut a.team, role, party, on));
                                                }/>
                                        </td>
                                    }).collect_view()}
                                    <td>
                                        <select id=select_id aria-label=tf("team.responsibility_matrix_accountable_label", &[("role", label)])
                                            on:change=move |ev| {
                                                let party = Party::from_id(&event_target_value(&ev));
                                                state.edit(aid, |a| set_accountable(&mut a.team, role, party));
                                            }>
                                            <option value="" selected=move || entry.with(|r| r.accountable.is_none())>{t("team.responsibility_matrix_nobody")}</option>
                                            {Party::ALL.into_iter().map(|p| view! {
                                                <option value=p.id() selected=move || entry.with(|r| r.accountable == Some(p))>{l(p.label())}</option>
                                            }).collect_view()}
                                        </select>
                                    </td>
                                    <td>
                                        {move || {
                                            let words = flags.with(|f| f.get(index).map(flag_words).unwrap_or_default());
                                            if words.is_empty() { t("team.responsibility_matrix_covered").to_string() } else { words.join(t("team.responsibility_matrix_flag_separator")) }
                                        }}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marking_and_unmarking_keeps_the_file_tidy() {
        let mut team = Team::default();
        set_responsible(&mut team, "engineering", Party::Partner, true);
        set_responsible(&mut team, "engineering", Party::Founder, true);
        set_responsible(&mut team, "engineering", Party::Founder, true);
        assert_eq!(
            team.responsibilities["engineering"].responsible,
            vec![Party::Founder, Party::Partner]
        );
        set_accountable(&mut team, "engineering", Some(Party::FractionalCto));
        set_responsible(&mut team, "engineering", Party::Founder, false);
        set_responsible(&mut team, "engineering", Party::Partner, false);
        assert_eq!(
            team.responsibilities["engineering"].accountable,
            Some(Party::FractionalCto)
        );
        set_accountable(&mut team, "engineering", None);
        assert!(team.responsibilities.is_empty());
    }

    #[test]
    fn flags_read_in_words() {
        let flags = role_flags(&Team::default());
        assert_eq!(
            flag_words(&flags[0]),
            vec!["⚠ Nobody accountable", "⚠ Nobody responsible"]
        );
        let mut team = Team::default();
        set_responsible(&mut team, "leadership", Party::Founder, true);
        set_accountable(&mut team, "leadership", Some(Party::Founder));
        assert!(flag_words(&role_flags(&team)[0]).is_empty());
    }
}
