//! Capacity against demand for the next twelve months: person-weeks the team offers for roadmap
//! work and person-weeks the open, dated initiatives ask for, with the months that ask too much.

use chrono::{Datelike, Local, Months, NaiveDate};
use leptos::prelude::*;

use crate::domain::team::capacity::{assessment_monthly_capacity, monthly_demand, seeded_people};
use crate::ui::i18n::{month, t, tf};
use crate::ui::plan::units::person_weeks_tenths;
use crate::ui::shell::assessment_frame::use_current;

/// One month of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthLoad {
    pub month: NaiveDate,
    pub capacity: f64,
    pub demand: f64,
}

/// The twelve months from the one holding `today`.
pub fn next_months(today: NaiveDate) -> Vec<NaiveDate> {
    let Some(first) = today.with_day(1) else {
        return Vec::new();
    };
    (0..12)
        .filter_map(|i| first.checked_add_months(Months::new(i)))
        .collect()
}

/// Person-weeks written with one decimal (the same digits in every language the app speaks).
pub fn weeks_text(v: f64) -> String {
    // Anything that rounds to zero is written "0.0", never "-0.0".
    let v = if (v * 10.0).round() == 0.0 { 0.0 } else { v };
    format!("{v:.1}")
}

/// Tenths of a person-week: the precision shown, so that the verdict agrees with the numbers.
fn tenths(v: f64) -> i64 {
    (v * 10.0).round() as i64
}

/// True when the roadmap asks for more than the team has, as far as the table shows.
pub fn is_over(capacity: f64, demand: f64) -> bool {
    tenths(demand) > tenths(capacity)
}

/// Whether the month fits, in words (never by colour alone).
pub fn load_verdict(capacity: f64, demand: f64) -> String {
    let spare = tenths(capacity) - tenths(demand);
    if spare < 0 {
        tf(
            "team.capacity_table_over",
            &[("weeks", &person_weeks_tenths(-spare as f64 / 10.0))],
        )
    } else if tenths(demand) == 0 {
        t("team.capacity_table_nothing_planned").to_string()
    } else if spare == 0 {
        t("team.capacity_table_fits_exactly").to_string()
    } else {
        tf(
            "team.capacity_table_fits",
            &[("weeks", &person_weeks_tenths(spare as f64 / 10.0))],
        )
    }
}

#[component]
pub fn CapacityTable() -> impl IntoView {
    let current = use_current();
    let rows = Memo::new(move |_| {
        let today = Local::now().date_naive();
        current.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    next_months(today)
                        .into_iter()
                        .map(|month| MonthLoad {
                            month,
                            capacity: assessment_monthly_capacity(a, month),
                            demand: monthly_demand(&a.initiatives, month),
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let seeded = Memo::new(move |_| {
        current
            .assessment
            .with(|a| a.as_ref().and_then(seeded_people))
    });
    let over = Memo::new(move |_| {
        rows.with(|r| r.iter().filter(|m| is_over(m.capacity, m.demand)).count())
    });
    view! {
        <section class="subsection" aria-labelledby="capacity-title">
            <h3 id="capacity-title">{t("team.capacity_table_title")}</h3>
            <p class="muted">{t("team.capacity_table_intro")}</p>
            {move || seeded.get().map(|n| view! {
                <p class="note" data-testid="capacity-seeded">{tf("money.capacity_seeded", &[("count", &n.to_string())])}</p>
            })}
            <p>
                {move || match over.get() {
                    0 => t("team.capacity_table_all_fit").to_string(),
                    1 => t("team.capacity_table_over_one").to_string(),
                    n => tf("team.capacity_table_over_many", &[("count", &n.to_string())]),
                }}
            </p>
            <div class="table-scroll">
                <table class="data-table">
                    <caption>{t("team.capacity_table_caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("team.capacity_table_month")}</th>
                            <th scope="col">{t("team.capacity_table_available")}</th>
                            <th scope="col">{t("team.capacity_table_asks_for")}</th>
                            <th scope="col">{t("team.capacity_table_fits_header")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|m| view! {
                            <tr>
                                <th scope="row">{month(m.month)}</th>
                                <td>{weeks_text(m.capacity)}</td>
                                <td>{weeks_text(m.demand)}</td>
                                <td>{load_verdict(m.capacity, m.demand)}</td>
                            </tr>
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

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn twelve_months_from_the_current_one() {
        let months = next_months(d(2026, 11, 20));
        assert_eq!(months.len(), 12);
        assert_eq!(months[0], d(2026, 11, 1));
        assert_eq!(months[2], d(2027, 1, 1));
        assert_eq!(months[11], d(2027, 10, 1));
    }

    #[test]
    fn verdicts_say_when_demand_is_too_high() {
        assert_eq!(
            load_verdict(4.3, 6.0),
            "⚠ Asks 1.7 person-weeks more than the team has"
        );
        assert_eq!(load_verdict(4.3, 4.0), "Fits, 0.3 person-weeks to spare");
        assert_eq!(load_verdict(4.3, 4.33), "Fits exactly");
        assert!(is_over(4.3, 4.36));
        assert!(!is_over(4.3, 4.33));
        assert_eq!(load_verdict(4.3, 0.0), "Nothing planned");
        assert_eq!(weeks_text(-0.0), "0.0");
        assert_eq!(weeks_text(-0.04), "0.0");
        assert_eq!(weeks_text(0.0), "0.0");
    }
}
