//! Where one quarter stands against its budget, in the whole units every page shows: per
//! category, the categories that overran and the quarter as a whole.
//!
//! Owns: [`Standing`] and [`Verdict`]. The Budget table, its chart, the Budget page's summary and
//! the board report all read these figures, so none of them rounds or adds up on its own.
//! Must never round anywhere else: amounts are rounded once, here, to whole units (planned spend
//! is pro rata by day, so cents are noise), and every total is the sum of the rounded parts,
//! so a reader adding up a row gets the total shown.
//!
//! A category can overrun its own budget while the quarter as a whole stays under (another
//! category underspends), and the overruns added up differ from the quarter's overrun as a
//! whole. [`Verdict`] keeps both apart so the words can name each plainly: "Infrastructure over
//! by 25,668; the quarter as a whole is 44,592 under".

use super::{BudgetCategory, Quarter, QuarterPlan};

/// A planned amount or budget in whole units: finite, non-negative amounts rounded to the
/// nearest unit; anything else counts as zero (as the chart draws it).
fn whole(v: f64) -> i64 {
    if v.is_finite() && v > 0.0 {
        // Amounts are capped far below i64's range by the money parser; the cast saturates
        // should a larger one ever arrive.
        v.round() as i64
    } else {
        0
    }
}

/// `values` in whole units that add up to `total` exactly: each rounded to the nearest unit,
/// then the difference from `total` given back one unit at a time to the values whose rounding
/// moved them furthest the other way. A breakdown of a quarter (its sources) then adds up to the
/// total shown, where rounding each part on its own could be a unit off.
pub fn whole_parts(values: &[f64], total: i64) -> Vec<i64> {
    let mut parts: Vec<i64> = values.iter().map(|v| whole(*v)).collect();
    if parts.is_empty() {
        return parts;
    }
    let mut diff = total - parts.iter().sum::<i64>();
    // How far each rounding went up (positive) or down (negative).
    let moved = |i: usize, parts: &[i64]| parts[i] as f64 - values[i].max(0.0);
    while diff != 0 {
        let up = diff > 0;
        let pick = (0..parts.len())
            .filter(|&i| up || parts[i] > 0)
            .min_by(|&a, &b| {
                let (ma, mb) = (moved(a, &parts), moved(b, &parts));
                if up {
                    ma.total_cmp(&mb)
                } else {
                    mb.total_cmp(&ma)
                }
            });
        let Some(i) = pick else { break };
        parts[i] += if up { 1 } else { -1 };
        diff += if up { -1 } else { 1 };
    }
    parts
}

/// One quarter's figures in whole units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    pub quarter: Quarter,
    /// Planned spend by [`BudgetCategory::index`].
    pub planned: [i64; 4],
    /// Agreed budget by [`BudgetCategory::index`]; `None` where nothing was agreed.
    pub budget: [Option<i64>; 4],
}

/// How a quarter compares with its budget, in plain terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// No category has a budget: nothing to compare.
    NoBudget,
    /// Every category with a budget fits it, and so does the quarter as a whole; `under` is
    /// what is left (0 when exactly on budget).
    Within { under: i64 },
    /// Some categories overran their own budget. `over` lists them with the amount over each,
    /// `over_sum` adds those up, and `whole` is the quarter's planned total minus its budget
    /// total: negative when the quarter as a whole is under, 0 on budget, positive when over.
    CategoriesOver {
        over: Vec<(BudgetCategory, i64)>,
        over_sum: i64,
        whole: i64,
    },
    /// No category overran its budget, but the quarter as a whole is over: spend in categories
    /// that have no budget takes it over.
    WholeOver { over: i64 },
}

impl Verdict {
    /// True when anything is over budget (a category or the quarter as a whole).
    pub fn is_flagged(&self) -> bool {
        matches!(
            self,
            Verdict::CategoriesOver { .. } | Verdict::WholeOver { .. }
        )
    }

    /// True when the quarter as a whole spends more than its budget.
    pub fn whole_over(&self) -> bool {
        match self {
            Verdict::CategoriesOver { whole, .. } => *whole > 0,
            Verdict::WholeOver { .. } => true,
            _ => false,
        }
    }
}

impl Standing {
    /// The whole-unit figures of `plan`.
    pub fn of(plan: &QuarterPlan) -> Standing {
        Standing {
            quarter: plan.quarter,
            planned: plan.planned.map(whole),
            budget: plan.budget.map(|b| b.map(whole)),
        }
    }

    /// Planned spend in `category`.
    pub fn planned(&self, category: BudgetCategory) -> i64 {
        self.planned[category.index()]
    }

    /// The budget of `category`, if one was agreed.
    pub fn budget(&self, category: BudgetCategory) -> Option<i64> {
        self.budget[category.index()]
    }

    /// Planned spend in all categories: the sum of [`Standing::planned`].
    pub fn planned_total(&self) -> i64 {
        self.planned.iter().sum()
    }

    /// The agreed budgets added up; `None` when no category has one.
    pub fn budget_total(&self) -> Option<i64> {
        self.budget.iter().flatten().copied().reduce(|a, b| a + b)
    }

    /// How much `category` spends over its own budget; `None` without a budget or within it.
    pub fn over(&self, category: BudgetCategory) -> Option<i64> {
        let over = self.planned(category) - self.budget(category)?;
        (over > 0).then_some(over)
    }

    /// The comparison every page words (see [`Verdict`]).
    pub fn verdict(&self) -> Verdict {
        let Some(budget) = self.budget_total() else {
            return Verdict::NoBudget;
        };
        let whole = self.planned_total() - budget;
        let over: Vec<(BudgetCategory, i64)> = BudgetCategory::ALL
            .into_iter()
            .filter_map(|c| self.over(c).map(|v| (c, v)))
            .collect();
        if !over.is_empty() {
            let over_sum = over.iter().map(|(_, v)| v).sum();
            Verdict::CategoriesOver {
                over,
                over_sum,
                whole,
            }
        } else if whole > 0 {
            Verdict::WholeOver { over: whole }
        } else {
            Verdict::Within { under: -whole }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn plan(planned: [f64; 4], budget: [Option<f64>; 4]) -> QuarterPlan {
        let mut p = QuarterPlan::new(Quarter { year: 2027, q: 2 });
        p.planned = planned;
        p.budget = budget;
        p
    }

    #[test]
    fn a_category_over_while_the_quarter_is_under_names_both() {
        // The demo's 2027-Q2: 357,408 planned of 402,000, Infrastructure 25,668 over its own.
        let p = plan(
            [250_000.2, 40_000.0, 55_667.6, 11_740.4],
            [
                Some(300_000.0),
                Some(50_000.0),
                Some(30_000.0),
                Some(22_000.0),
            ],
        );
        let s = Standing::of(&p);
        assert_eq!(s.planned_total(), 357_408);
        assert_eq!(s.budget_total(), Some(402_000));
        assert_eq!(
            s.verdict(),
            Verdict::CategoriesOver {
                over: vec![(BudgetCategory::Infrastructure, 25_668)],
                over_sum: 25_668,
                whole: -44_592,
            }
        );
        assert!(s.verdict().is_flagged());
        assert!(!s.verdict().whole_over());
    }

    #[test]
    fn overruns_added_up_differ_from_the_quarter_over_as_a_whole() {
        let p = plan(
            [140_000.0, 10_000.0, 39_546.0, 0.0],
            [
                Some(100_000.0),
                Some(30_000.0),
                Some(20_000.0),
                Some(19_160.0),
            ],
        );
        let v = Standing::of(&p).verdict();
        assert_eq!(
            v,
            Verdict::CategoriesOver {
                over: vec![
                    (BudgetCategory::People, 40_000),
                    (BudgetCategory::Infrastructure, 19_546)
                ],
                over_sum: 59_546,
                whole: 20_386,
            }
        );
        assert!(v.whole_over());
    }

    #[test]
    fn unbudgeted_spend_can_take_the_whole_over_and_no_budget_compares_nothing() {
        let p = plan([100.0, 500.0, 0.0, 0.0], [Some(300.0), None, None, None]);
        assert_eq!(Standing::of(&p).verdict(), Verdict::WholeOver { over: 300 });
        let p = plan([100.0, 0.0, 0.0, 0.0], [None; 4]);
        assert_eq!(Standing::of(&p).verdict(), Verdict::NoBudget);
        let p = plan([100.4, 0.0, 0.0, 0.0], [Some(100.0), None, None, None]);
        // 100.4 rounds to 100: on budget as shown, not "over by 0".
        assert_eq!(Standing::of(&p).verdict(), Verdict::Within { under: 0 });
    }

    proptest! {
        /// Every total shown is the sum of the parts shown: planned, budget, overruns, and the
        /// quarter as a whole against its budget.
        #[test]
        fn totals_equal_the_sum_of_their_parts(
            planned in proptest::array::uniform4(0.0f64..1.0e9),
            budget in proptest::array::uniform4(proptest::option::of(0.0f64..1.0e9)),
        ) {
            let s = Standing::of(&plan(planned, budget));
            prop_assert_eq!(s.planned_total(), s.planned.iter().sum::<i64>());
            for c in BudgetCategory::ALL {
                prop_assert_eq!(s.planned(c), planned[c.index()].round() as i64);
            }
            let budget_sum: Option<i64> = s.budget.iter().flatten().copied().reduce(|a, b| a + b);
            prop_assert_eq!(s.budget_total(), budget_sum);
            match s.verdict() {
                Verdict::NoBudget => prop_assert!(budget.iter().all(Option::is_none)),
                Verdict::Within { under } => {
                    prop_assert_eq!(Some(s.planned_total() + under), s.budget_total());
                    prop_assert!(BudgetCategory::ALL.iter().all(|c| s.over(*c).is_none()));
                }
                Verdict::WholeOver { over } => {
                    prop_assert_eq!(Some(s.planned_total() - over), s.budget_total());
                }
                Verdict::CategoriesOver { over, over_sum, whole } => {
                    prop_assert_eq!(over_sum, over.iter().map(|(_, v)| v).sum::<i64>());
                    prop_assert_eq!(Some(s.planned_total() - whole), s.budget_total());
                    for (c, v) in over {
                        prop_assert_eq!(Some(s.planned(c) - v), s.budget(c));
                    }
                }
            }
        }
    }

    #[test]
    fn whole_parts_add_up_to_the_total_shown() {
        // The demo's 2027-Q1: parts rounded on their own made 310,763 against 310,762.
        let values = [185_100.2, 22_080.3, 53_400.4, 20_300.6, 29_881.55];
        let plain: i64 = values.iter().map(|v: &f64| v.round() as i64).sum();
        assert_eq!(plain, 310_763);
        let parts = super::whole_parts(&values, 310_762);
        assert_eq!(parts.iter().sum::<i64>(), 310_762);
        // The unit comes off the part whose rounding went furthest up (29,881.55 → 29,882).
        assert_eq!(parts, vec![185_100, 22_080, 53_400, 20_301, 29_881]);
        assert_eq!(super::whole_parts(&[], 0), Vec::<i64>::new());
        assert_eq!(
            super::whole_parts(&[0.4, 0.4, 0.4], 1).iter().sum::<i64>(),
            1
        );
    }
}
