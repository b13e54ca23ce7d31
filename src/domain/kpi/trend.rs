//! Trend and status of a KPI: a least-squares line through its measurements, and a projection of
//! that line to the target date that gives the KPI a status.
//!
//! Owns: [`fit`], [`Trend`], [`Status`], [`Projection`], [`project`] and the plain number
//! formatting used in reasons ([`plain_number`]). Pure functions: "today" comes in as an argument.
//!
//! How the status is decided (these rules are shown to users, keep them in plain words):
//!
//! 1. No target set: **No target**.
//! 2. Fewer than two measurements, or all of them on one date: **Not enough data**.
//! 3. The latest measurement already meets the target (at or above it when higher is better, at
//!    or below it when lower is better): **Achieved**.
//! 4. The target date has passed and the target is not met: **Off track**.
//! 5. Otherwise a straight line is fitted through all measurements (least squares) and followed
//!    to the target date. If it reaches the target: **On track**. If it misses by at most 10 % of
//!    the planned change (the distance from the baseline to the target, or from the first
//!    measurement to the target when there is no baseline): **At risk**. If it misses by more:
//!    **Off track**. When the baseline equals the target there is no room, so any miss is off
//!    track. A KPI whose measurements have never been negative (a time, a rate, a count) is not
//!    projected below zero.
//!
//! Comparisons allow for rounding (a billionth of the target's size), so a value exactly on the
//! target counts as meeting it. Values that are not finite numbers are ignored.

use chrono::NaiveDate;

use crate::i18n::{tr, trf};

use super::{Direction, Kpi};

/// Average days per month (365.25 / 12), used for "per month" rates.
pub const DAYS_PER_MONTH: f64 = 30.4375;

/// A projected miss of at most this share of the planned change is "at risk" rather than
/// "off track".
pub const AT_RISK_SHARE: f64 = 0.10;

/// A straight line through dated values: `value(d) = intercept + slope_per_day * days(d - origin)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trend {
    pub slope_per_day: f64,
    pub intercept: f64,
    /// The earliest date among the points used.
    pub origin: NaiveDate,
    /// How many points the line was fitted to (finite values only).
    pub points: usize,
}

impl Trend {
    /// The value the line gives on date `d` (before or after the points).
    pub fn value_at(&self, d: NaiveDate) -> f64 {
        self.intercept + self.slope_per_day * days_between(self.origin, d)
    }

    /// The change per month: slope per day times [`DAYS_PER_MONTH`].
    pub fn per_month(&self) -> f64 {
        self.slope_per_day * DAYS_PER_MONTH
    }
}

fn days_between(from: NaiveDate, to: NaiveDate) -> f64 {
    (to - from).num_days() as f64
}

/// Ordinary least squares through `(date, value)` points. Non-finite values are ignored.
/// `None` when fewer than two points remain, when they all fall on one date, or when the numbers
/// are too large to fit.
pub fn fit(points: &[(NaiveDate, f64)]) -> Option<Trend> {
    let mut used = points.iter().filter(|(_, v)| v.is_finite());
    let origin = used.clone().map(|(d, _)| *d).min()?;
    let mut n = 0usize;
    let (mut sum_x, mut sum_y) = (0.0, 0.0);
    for (d, v) in used.clone() {
        n += 1;
        sum_x += days_between(origin, *d);
        sum_y += v;
    }
    if n < 2 {
        return None;
    }
    let mean_x = sum_x / n as f64;
    let mean_y = sum_y / n as f64;
    // Centred sums keep the arithmetic stable for large dates and values.
    let (mut sxx, mut sxy) = (0.0, 0.0);
    for (d, v) in used.by_ref() {
        let dx = days_between(origin, *d) - mean_x;
        sxx += dx * dx;
        sxy += dx * (v - mean_y);
    }
    if sxx == 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    let intercept = mean_y - slope * mean_x;
    if !slope.is_finite() || !intercept.is_finite() {
        return None;
    }
    Some(Trend {
        slope_per_day: slope,
        intercept,
        origin,
        points: n,
    })
}

/// Where a KPI stands against its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    OnTrack,
    AtRisk,
    OffTrack,
    Achieved,
    NotEnoughData,
    NoTarget,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::Achieved,
        Status::NotEnoughData,
        Status::NoTarget,
    ];

    /// Plain words for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Status::OnTrack => "On track",
            Status::AtRisk => "At risk",
            Status::OffTrack => "Off track",
            Status::Achieved => "Achieved",
            Status::NotEnoughData => "Not enough data",
            Status::NoTarget => "No target",
        }
    }

    /// A stable id (for CSS classes and tests).
    pub fn id(self) -> &'static str {
        match self {
            Status::OnTrack => "on-track",
            Status::AtRisk => "at-risk",
            Status::OffTrack => "off-track",
            Status::Achieved => "achieved",
            Status::NotEnoughData => "not-enough-data",
            Status::NoTarget => "no-target",
        }
    }
}

/// The status of a KPI with the numbers behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub status: Status,
    /// The trend's value at the target date, when there is a target and a trend.
    pub projected: Option<f64>,
    pub trend: Option<Trend>,
    /// The day the trend reaches the target, when that comes before the target date: the
    /// reason then says so instead of projecting past it (a lead time "projected 0").
    pub reaches: Option<NaiveDate>,
    /// One plain sentence saying why.
    pub reason: String,
}

/// Formats a measured value for people, in the language in use: about four significant
/// digits but never more than three decimals, thousands grouped, no exponent, no trailing zeros
/// ("42", "0.291", "8.935", "1,234", "-3.5"). A value that small rounding would turn into 0
/// keeps its first significant digit ("0.0004"). Every KPI figure shown goes through here.
pub fn plain_number(v: f64) -> String {
    if !v.is_finite() {
        return tr("domain.trend_not_a_number").to_string();
    }
    let mag = v.abs();
    let decimals = if mag == 0.0 || mag >= 1000.0 {
        0
    } else if mag < 0.001 {
        (-mag.log10().floor() as i32).clamp(0, 12) as usize
    } else {
        (3 - mag.log10().floor() as i32).clamp(0, 3) as usize
    };
    crate::i18n::number(crate::i18n::current(), v, decimals)
}

/// A measured value with the KPI's unit: "24 hours", "99.9%", or the number alone when the KPI
/// has no unit. Units are always shown with KPI values, so a reader never guesses the scale.
pub fn value_text(v: f64, unit: &str) -> String {
    let number = plain_number(v);
    match unit.trim() {
        "" => number,
        // A percent sign sits on the number in both languages.
        "%" => format!("{number}%"),
        unit => format!("{number} {unit}"),
    }
}

/// A date in reasons, in the language in use ("30 Jun 2027", "2027年6月30日").
fn date_text(d: NaiveDate) -> String {
    crate::i18n::date(crate::i18n::current(), d)
}

/// The first day on which `trend` reaches `level`, when it is moving towards it and gets there
/// after `after`; `None` otherwise.
fn day_reaching(trend: &Trend, level: f64, after: NaiveDate) -> Option<NaiveDate> {
    if trend.slope_per_day == 0.0 {
        return None;
    }
    let days = (level - trend.intercept) / trend.slope_per_day;
    if !days.is_finite() || days > 1.0e6 {
        return None;
    }
    let day = trend
        .origin
        .checked_add_signed(chrono::Duration::days(days.ceil() as i64))?;
    (day > after).then_some(day)
}

/// "(higher is better)" or "(lower is better)", in the language in use: a whole aside that any
/// sentence can carry, so it never changes the sentence's word order.
pub(crate) fn direction_note(direction: Direction) -> &'static str {
    match direction {
        Direction::Higher => tr("domain.trend_higher_is_better"),
        Direction::Lower => tr("domain.trend_lower_is_better"),
    }
}

/// Rounding allowance when comparing against `target`.
pub(crate) fn tolerance(target: f64) -> f64 {
    1e-9 * target.abs().max(1.0)
}

/// True when `value` meets `target` in the given direction (allowing for rounding).
pub fn meets(value: f64, target: f64, direction: Direction) -> bool {
    let tol = tolerance(target);
    match direction {
        Direction::Higher => value >= target - tol,
        Direction::Lower => value <= target + tol,
    }
}

/// The finite measurements of a KPI as `(date, value)`, in the stored order.
pub(crate) fn finite_points(kpi: &Kpi) -> Vec<(NaiveDate, f64)> {
    kpi.measurements
        .iter()
        .filter(|m| m.value.is_finite())
        .map(|m| (m.date, m.value))
        .collect()
}

/// The latest finite point (by date; among same-day entries, the last one entered).
pub(crate) fn latest(points: &[(NaiveDate, f64)]) -> Option<(NaiveDate, f64)> {
    points
        .iter()
        .copied()
        .reduce(|best, p| if p.0 >= best.0 { p } else { best })
}

/// The earliest finite point (by date; among same-day entries, the first one entered).
fn earliest(points: &[(NaiveDate, f64)]) -> Option<(NaiveDate, f64)> {
    points
        .iter()
        .copied()
        .reduce(|best, p| if p.0 < best.0 { p } else { best })
}

/// Decides the status of `kpi` on `today` (see the module documentation for the rules).
pub fn project(kpi: &Kpi, today: NaiveDate) -> Projection {
    let note = direction_note(kpi.direction);
    let unit = kpi.unit.as_str();
    let done =
        |status: Status, projected: Option<f64>, trend: Option<Trend>, reason: String| Projection {
            status,
            projected,
            trend,
            reaches: None,
            reason,
        };
    let Some(target) = kpi.target.filter(|t| t.value.is_finite()) else {
        return done(
            Status::NoTarget,
            None,
            None,
            tr("domain.trend_no_target").to_string(),
        );
    };
    let target_text = value_text(target.value, unit);
    let points = finite_points(kpi);
    let trend = fit(&points);
    let Some(trend) = trend else {
        let reason = match points.len() {
            0 => tr("domain.trend_no_measurements"),
            1 => tr("domain.trend_one_measurement"),
            _ => tr("domain.trend_one_date"),
        }
        .to_string();
        return done(Status::NotEnoughData, None, None, reason);
    };
    // `fit` succeeded, so there are at least two points; the fallback only keeps a panic out of
    // the browser should that ever change.
    let Some((latest_date, latest_value)) = latest(&points) else {
        return done(
            Status::NotEnoughData,
            None,
            None,
            tr("domain.trend_add_measurements").to_string(),
        );
    };
    let raw = trend.value_at(target.date);
    // A quantity never measured below zero (a time, a rate, a count) stops at zero: the day
    // the line gets there is worth saying, the value past it is not.
    let floored = points.iter().all(|(_, v)| *v >= 0.0) && raw < 0.0;
    let projected = if floored { 0.0 } else { raw };
    if meets(latest_value, target.value, kpi.direction) {
        return done(
            Status::Achieved,
            Some(projected),
            Some(trend),
            trf(
                "domain.trend_achieved",
                &[
                    ("value", &value_text(latest_value, unit)),
                    ("date", &date_text(latest_date)),
                    ("target", &target_text),
                    ("note", note),
                ],
            ),
        );
    }
    if target.date < today {
        return done(
            Status::OffTrack,
            Some(projected),
            Some(trend),
            trf(
                "domain.trend_date_passed",
                &[
                    ("date", &date_text(target.date)),
                    ("value", &value_text(latest_value, unit)),
                    ("target", &target_text),
                    ("note", note),
                ],
            ),
        );
    }
    if !projected.is_finite() {
        return done(
            Status::NotEnoughData,
            None,
            Some(trend),
            tr("domain.trend_cannot_project").to_string(),
        );
    }
    let target_date = date_text(target.date);
    // The line reaches the target before its date: say when, not where it would be by then. A
    // day already past (the line crossed between the latest measurement and today) is no news to
    // announce as a coming month; the projection below speaks for it.
    if let Some(day) =
        day_reaching(&trend, target.value, latest_date).filter(|d| *d < target.date && *d >= today)
    {
        return Projection {
            reaches: Some(day),
            ..done(
                Status::OnTrack,
                Some(projected),
                Some(trend),
                trf(
                    "domain.trend_reaches_target",
                    &[
                        ("target", &target_text),
                        ("month", &crate::i18n::month(crate::i18n::current(), day)),
                        ("date", &target_date),
                        ("note", note),
                    ],
                ),
            )
        };
    }
    let projected_text = value_text(projected, unit);
    // Every sentence below starts with the projection; each is one whole template.
    let head = [
        ("projected", projected_text.as_str()),
        ("date", target_date.as_str()),
        ("target", target_text.as_str()),
        ("note", note),
    ];
    if meets(projected, target.value, kpi.direction) {
        // The line already runs past the target by the latest measurement (which itself does
        // not meet it yet): where the line ends up by the date says nothing, the gap left does.
        let reason = if meets(trend.value_at(latest_date), target.value, kpi.direction) {
            trf(
                "domain.trend_line_past_target",
                &[
                    ("target", &target_text),
                    ("value", &value_text(latest_value, unit)),
                    ("latest", &date_text(latest_date)),
                    ("date", &target_date),
                    ("note", note),
                ],
            )
        } else {
            trf("domain.trend_on_track", &head)
        };
        return done(Status::OnTrack, Some(projected), Some(trend), reason);
    }
    let start = kpi
        .baseline
        .map(|b| b.value)
        .filter(|v| v.is_finite())
        .or_else(|| earliest(&points).map(|p| p.1))
        .unwrap_or(latest_value);
    let from_baseline = kpi.baseline.is_some_and(|b| b.value.is_finite());
    let planned = (target.value - start).abs();
    let miss = (target.value - projected).abs();
    let miss_text = value_text(miss, unit);
    let planned_text = value_text(planned, unit);
    let args = [
        head[0],
        head[1],
        head[2],
        head[3],
        ("miss", miss_text.as_str()),
        ("planned", planned_text.as_str()),
    ];
    let (status, key) = if planned <= tolerance(target.value) {
        let key = if from_baseline {
            "domain.trend_no_room_baseline"
        } else {
            "domain.trend_no_room_first"
        };
        (Status::OffTrack, key)
    } else if miss <= AT_RISK_SHARE * planned + tolerance(target.value) {
        let key = if from_baseline {
            "domain.trend_at_risk_baseline"
        } else {
            "domain.trend_at_risk_first"
        };
        (Status::AtRisk, key)
    } else {
        let key = if from_baseline {
            "domain.trend_off_track_baseline"
        } else {
            "domain.trend_off_track_first"
        };
        (Status::OffTrack, key)
    };
    let mut reason = trf(key, &args);
    // Falling to zero before the date: name the day it gets there rather than "projected 0".
    if let Some(day) = floored
        .then(|| day_reaching(&trend, 0.0, latest_date))
        .flatten()
    {
        reason = trf(
            "domain.trend_floor",
            &[
                ("zero", &value_text(0.0, unit)),
                ("month", &crate::i18n::month(crate::i18n::current(), day)),
                ("date", &target_date),
                ("target", &target_text),
                ("miss", &miss_text),
                ("note", note),
            ],
        );
    }
    done(status, Some(projected), Some(trend), reason)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kpi::{DatedValue, Measurement};
    use uuid::Uuid;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn kpi_with(
        direction: Direction,
        baseline: Option<(&str, f64)>,
        target: Option<(&str, f64)>,
        points: &[(&str, f64)],
    ) -> Kpi {
        let mut k = Kpi::new(Uuid::nil(), "Weekly active users");
        k.direction = direction;
        k.baseline = baseline.map(|(d, v)| DatedValue {
            date: date(d),
            value: v,
        });
        k.target = target.map(|(d, v)| DatedValue {
            date: date(d),
            value: v,
        });
        k.measurements = points
            .iter()
            .map(|(d, v)| Measurement {
                id: Uuid::nil(),
                date: date(d),
                value: *v,
            })
            .collect();
        k
    }

    const TODAY: &str = "2026-03-01";

    fn status(k: &Kpi) -> Projection {
        project(k, date(TODAY))
    }

    #[test]
    fn least_squares_matches_hand_computation() {
        // x = 0, 1, 2, 3 days; y = 1, 3, 2, 5.
        // mean x = 1.5, mean y = 2.75; Sxx = 2.25+0.25+0.25+2.25 = 5
        // Sxy = (-1.5)(-1.75) + (-0.5)(0.25) + (0.5)(-0.75) + (1.5)(2.25) = 2.625-0.125-0.375+3.375 = 5.5
        // slope = 1.1, intercept = 2.75 - 1.1*1.5 = 1.1
        let pts = [
            (date("2026-01-01"), 1.0),
            (date("2026-01-02"), 3.0),
            (date("2026-01-03"), 2.0),
            (date("2026-01-04"), 5.0),
        ];
        let t = fit(&pts).unwrap();
        assert!((t.slope_per_day - 1.1).abs() < 1e-12);
        assert!((t.intercept - 1.1).abs() < 1e-12);
        assert_eq!(t.origin, date("2026-01-01"));
        assert_eq!(t.points, 4);
        assert!((t.value_at(date("2026-01-11")) - (1.1 + 1.1 * 10.0)).abs() < 1e-9);
        assert!((t.per_month() - 1.1 * 30.4375).abs() < 1e-9);
    }

    #[test]
    fn fit_order_does_not_matter_and_origin_is_earliest() {
        let pts = [
            (date("2026-01-03"), 2.0),
            (date("2026-01-01"), 1.0),
            (date("2026-01-04"), 5.0),
            (date("2026-01-02"), 3.0),
        ];
        let t = fit(&pts).unwrap();
        assert_eq!(t.origin, date("2026-01-01"));
        assert!((t.slope_per_day - 1.1).abs() < 1e-12);
    }

    #[test]
    fn fit_needs_two_dates_and_ignores_non_finite() {
        assert_eq!(fit(&[]), None);
        assert_eq!(fit(&[(date("2026-01-01"), 1.0)]), None);
        assert_eq!(
            fit(&[(date("2026-01-01"), 1.0), (date("2026-01-01"), 2.0)]),
            None
        );
        assert_eq!(
            fit(&[(date("2026-01-01"), 1.0), (date("2026-01-05"), f64::NAN)]),
            None
        );
        let t = fit(&[
            (date("2026-01-01"), 1.0),
            (date("2026-01-02"), f64::INFINITY),
            (date("2026-01-03"), 3.0),
        ])
        .unwrap();
        assert_eq!(t.points, 2);
        assert!((t.slope_per_day - 1.0).abs() < 1e-12);
    }

    #[test]
    fn flat_series_has_zero_slope() {
        let t = fit(&[(date("2026-01-01"), -4.0), (date("2026-06-01"), -4.0)]).unwrap();
        assert_eq!(t.slope_per_day, 0.0);
        assert_eq!(t.value_at(date("2030-01-01")), -4.0);
    }

    #[test]
    fn no_target() {
        let k = kpi_with(Direction::Higher, None, None, &[("2026-01-01", 1.0)]);
        let p = status(&k);
        assert_eq!(p.status, Status::NoTarget);
        assert!(p.projected.is_none() && p.trend.is_none());
        assert!(!p.reason.is_empty());
    }

    #[test]
    fn single_point_is_not_enough_even_when_it_meets_the_target() {
        let k = kpi_with(
            Direction::Higher,
            None,
            Some(("2026-12-31", 50.0)),
            &[("2026-01-01", 60.0)],
        );
        let p = status(&k);
        assert_eq!(p.status, Status::NotEnoughData);
        assert!(p.reason.contains("Only one measurement"));
        let k = kpi_with(Direction::Higher, None, Some(("2026-12-31", 50.0)), &[]);
        assert_eq!(status(&k).status, Status::NotEnoughData);
        let k = kpi_with(
            Direction::Higher,
            None,
            Some(("2026-12-31", 50.0)),
            &[("2026-01-01", 1.0), ("2026-01-01", 2.0)],
        );
        let p = status(&k);
        assert_eq!(p.status, Status::NotEnoughData);
        assert!(p.reason.contains("one date"));
    }

    #[test]
    fn achieved_when_latest_meets_target_exactly() {
        let k = kpi_with(
            Direction::Higher,
            Some(("2025-12-01", 10.0)),
            Some(("2026-12-31", 50.0)),
            &[("2026-01-01", 10.0), ("2026-02-01", 50.0)],
        );
        let p = status(&k);
        assert_eq!(p.status, Status::Achieved);
        assert!(p.reason.contains("already meets the target of 50"));
        // Lower is better: at or below.
        let k = kpi_with(
            Direction::Lower,
            None,
            Some(("2026-12-31", 2.0)),
            &[("2026-01-01", 9.0), ("2026-02-01", 1.5)],
        );
        assert_eq!(status(&k).status, Status::Achieved);
        // Achieved even after the target date.
        let k = kpi_with(
            Direction::Higher,
            None,
            Some(("2025-12-31", 5.0)),
            &[("2026-01-01", 1.0), ("2026-02-01", 6.0)],
        );
        assert_eq!(status(&k).status, Status::Achieved);
    }

    #[test]
    fn latest_is_by_date_not_by_position() {
        let k = kpi_with(
            Direction::Higher,
            None,
            Some(("2026-12-31", 50.0)),
            &[("2026-02-01", 10.0), ("2026-01-01", 60.0)],
        );
        assert_ne!(status(&k).status, Status::Achieved);
    }

    #[test]
    fn on_track_when_projection_is_exactly_on_target() {
        // +1 per day from 0 on 2026-01-01; target 100 on day 100 (2026-04-11).
        let k = kpi_with(
            Direction::Higher,
            Some(("2026-01-01", 0.0)),
            Some(("2026-04-11", 100.0)),
            &[
                ("2026-01-01", 0.0),
                ("2026-01-11", 10.0),
                ("2026-01-21", 20.0),
            ],
        );
        let p = status(&k);
        assert_eq!(p.status, Status::OnTrack, "{}", p.reason);
        assert!((p.projected.unwrap() - 100.0).abs() < 1e-9);
        assert_eq!(
            p.reason,
            "Projected 100 by 11 Apr 2026 against a target of 100 (higher is better)."
        );
    }

    #[test]
    fn ten_percent_boundary() {
        // Flat at 90, baseline 0, target 100: the miss is exactly 10 % of the planned change.
        let flat = |v: f64| {
            kpi_with(
                Direction::Higher,
                Some(("2025-12-01", 0.0)),
                Some(("2026-12-31", 100.0)),
                &[("2026-01-01", v), ("2026-02-01", v)],
            )
        };
        let p = status(&flat(90.0));
        assert_eq!(p.status, Status::AtRisk, "{}", p.reason);
        assert!(p.reason.contains("within 10 %"));
        let p = status(&flat(89.9));
        assert_eq!(p.status, Status::OffTrack, "{}", p.reason);
        assert!(p.reason.contains("more than 10 %"));
    }

    #[test]
    fn without_baseline_the_first_measurement_sets_the_distance() {
        let k = kpi_with(
            Direction::Higher,
            None,
            Some(("2026-12-31", 10.0)),
            &[("2026-01-01", 9.5), ("2026-02-01", 9.5)],
        );
        // First measurement 9.5 → planned 0.5, miss 0.5 > 10 % → off track.
        let p = status(&k);
        assert_eq!(p.status, Status::OffTrack);
        assert!(p.reason.contains("first measurement"));
    }

    #[test]
    fn past_target_date_not_met_is_off_track() {
        let k = kpi_with(
            Direction::Higher,
            None,
            Some(("2026-02-15", 50.0)),
            &[("2026-01-01", 10.0), ("2026-02-01", 49.0)],
        );
        let p = status(&k);
        assert_eq!(p.status, Status::OffTrack, "{}", p.reason);
        assert_eq!(
            p.reason,
            "The target date 15 Feb 2026 has passed and the latest value 49 misses the target of \
             50 (higher is better)."
        );
        assert!(p.projected.is_some());
    }

    #[test]
    fn target_date_today_is_not_past() {
        let k = kpi_with(
            Direction::Higher,
            None,
            Some((TODAY, 50.0)),
            &[("2026-01-01", 0.0), ("2026-01-31", 30.0)],
        );
        // +1 per day: 59 days after 2026-01-01 → 59 ≥ 50.
        assert_eq!(status(&k).status, Status::OnTrack);
    }

    #[test]
    fn lower_is_better() {
        // Lead time falling 1 day per 10 days from 20; target 5 on 2026-04-11 (day 100) → 10.
        let k = kpi_with(
            Direction::Lower,
            Some(("2026-01-01", 20.0)),
            Some(("2026-04-11", 5.0)),
            &[
                ("2026-01-01", 20.0),
                ("2026-01-11", 19.0),
                ("2026-01-21", 18.0),
            ],
        );
        let p = status(&k);
        assert_eq!(p.status, Status::OffTrack);
        assert!(p.reason.contains("(lower is better)"));
        assert!((p.projected.unwrap() - 10.0).abs() < 1e-9);
        // Target 9.5: miss 0.5, within 10 % of the planned change of 10.5.
        let mut k2 = k.clone();
        k2.target.as_mut().unwrap().value = 9.5;
        assert_eq!(status(&k2).status, Status::AtRisk);
        let mut k3 = k.clone();
        k3.target.as_mut().unwrap().value = 10.0;
        assert_eq!(status(&k3).status, Status::OnTrack);
        // Rising lead time is off track.
        let k4 = kpi_with(
            Direction::Lower,
            None,
            Some(("2026-12-31", 5.0)),
            &[("2026-01-01", 20.0), ("2026-02-01", 25.0)],
        );
        assert_eq!(status(&k4).status, Status::OffTrack);
    }

    #[test]
    fn equal_baseline_and_target() {
        // Hold the line at 99.9 uptime; slipping is off track however small.
        let k = kpi_with(
            Direction::Higher,
            Some(("2025-12-01", 99.9)),
            Some(("2026-12-31", 99.9)),
            &[("2026-01-01", 99.8), ("2026-02-01", 99.8)],
        );
        let p = status(&k);
        assert_eq!(p.status, Status::OffTrack);
        assert!(p.reason.contains("equals the target"));
    }

    #[test]
    fn zero_and_negative_values() {
        // Net cash flow from -100 toward 0, +10 per 10 days; target 0 on day 100 reached.
        let k = kpi_with(
            Direction::Higher,
            Some(("2026-01-01", -100.0)),
            Some(("2026-04-11", 0.0)),
            &[("2026-01-01", -100.0), ("2026-01-11", -90.0)],
        );
        let p = status(&k);
        assert_eq!(p.status, Status::OnTrack, "{}", p.reason);
        assert!(p.projected.unwrap().abs() < 1e-9);
        // Target -5 lower-is-better with values near zero.
        let k = kpi_with(
            Direction::Lower,
            Some(("2026-01-01", 0.0)),
            Some(("2026-12-31", -5.0)),
            &[("2026-01-01", 0.0), ("2026-02-01", 0.0)],
        );
        assert_eq!(status(&k).status, Status::OffTrack);
    }

    #[test]
    fn non_finite_target_counts_as_no_target() {
        let k = kpi_with(
            Direction::Higher,
            None,
            Some(("2026-12-31", f64::NAN)),
            &[("2026-01-01", 1.0), ("2026-02-01", 2.0)],
        );
        assert_eq!(status(&k).status, Status::NoTarget);
    }

    #[test]
    fn status_labels_and_ids_are_distinct() {
        let ids: std::collections::HashSet<_> = Status::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(ids.len(), 6);
        for s in Status::ALL {
            assert!(!s.label().is_empty());
        }
        assert_eq!(Status::AtRisk.label(), "At risk");
    }

    #[test]
    fn plain_numbers() {
        assert_eq!(plain_number(42.0), "42");
        assert_eq!(plain_number(41.99999999), "42");
        assert_eq!(plain_number(0.0123), "0.012");
        // A miss of 0.2906 reads 0.291; at most three decimals, no trailing zeros.
        assert_eq!(plain_number(0.2906), "0.291");
        assert_eq!(plain_number(8.935), "8.935");
        assert_eq!(plain_number(8.9351), "8.935");
        assert_eq!(plain_number(2.5), "2.5");
        assert_eq!(plain_number(0.0004), "0.0004");
        assert_eq!(plain_number(-3.5), "-3.5");
        assert_eq!(plain_number(1234.4), "1,234");
        assert_eq!(plain_number(1e20), "100,000,000,000,000,000,000");
        assert_eq!(plain_number(-0.0), "0");
        assert_eq!(plain_number(0.0), "0");
    }

    #[test]
    fn a_quantity_never_negative_is_not_projected_below_zero() {
        let mut k = Kpi::new(uuid::Uuid::nil(), "lead time");
        k.direction = Direction::Lower;
        k.target = Some(crate::domain::kpi::DatedValue {
            date: date("2027-06-01"),
            value: 24.0,
        });
        for (i, (date, value)) in [(date("2026-01-01"), 100.0), (date("2026-06-01"), 60.0)]
            .into_iter()
            .enumerate()
        {
            k.measurements.push(crate::domain::kpi::Measurement {
                id: uuid::Uuid::from_u128(i as u128),
                date,
                value,
            });
        }
        k.unit = "hours".into();
        let p = project(&k, date("2026-07-01"));
        assert_eq!(p.projected, Some(0.0));
        assert_eq!(p.status, Status::OnTrack);
        // It says when the target is reached, not a meaningless "Projected 0".
        assert_eq!(p.reaches, Some(date("2026-10-15")));
        assert_eq!(
            p.reason,
            "At the trend so far it reaches the target of 24 hours by October 2026, before the \
             target date 1 Jun 2027 (lower is better)."
        );
        assert!(!p.reason.contains("Projected 0"));
    }

    #[test]
    fn a_crossing_already_past_is_not_announced_as_a_coming_month() {
        // Measured in spring only; the line crossed 24 hours in October, and today is December.
        let mut k = kpi_with(
            Direction::Lower,
            None,
            Some(("2027-06-01", 24.0)),
            &[("2026-01-01", 100.0), ("2026-06-01", 60.0)],
        );
        k.unit = "hours".into();
        let p = project(&k, date("2026-12-07"));
        assert_eq!(p.reaches, None);
        assert_eq!(p.status, Status::OnTrack);
        assert!(!p.reason.contains("October 2026"), "{}", p.reason);
    }

    #[test]
    fn a_series_falling_to_zero_names_the_month_instead_of_projecting_zero() {
        let mut k = kpi_with(
            Direction::Higher,
            None,
            Some(("2027-06-30", 50.0)),
            &[("2026-01-01", 40.0), ("2026-02-01", 30.0)],
        );
        k.unit = "deploys".into();
        let p = project(&k, date("2026-03-01"));
        assert_eq!(p.status, Status::OffTrack);
        assert_eq!(p.projected, Some(0.0));
        assert!(
            p.reason
                .starts_with("At the trend so far it falls to 0 deploys by May 2026"),
            "{}",
            p.reason
        );
        assert!(p.reason.contains("by 50 deploys"), "{}", p.reason);
        assert!(!p.reason.contains("Projected 0"), "{}", p.reason);
    }

    #[test]
    fn a_trend_already_past_the_target_says_so_instead_of_projecting_zero() {
        // Lead time 12, 8.5, 9.3 hours: the line is under 8 by the last date, the value is not.
        let mut k = kpi_with(
            Direction::Lower,
            None,
            Some(("2027-06-07", 8.0)),
            &[
                ("2026-10-01", 12.0),
                ("2026-11-01", 6.5),
                ("2026-12-02", 9.3),
            ],
        );
        k.unit = "hours".into();
        let p = project(&k, date("2026-12-07"));
        assert_eq!(p.status, Status::OnTrack, "{}", p.reason);
        assert_eq!(
            p.reason,
            "The trend already runs past the target of 8 hours, but the latest value 9.3 hours \
             (2 Dec 2026) does not meet it yet; the target date is 7 Jun 2027 (lower is better)."
        );
    }

    #[test]
    fn reasons_are_written_in_chinese() {
        let higher = Direction::Higher;
        let target = Some(("2026-12-31", 100.0));
        let kpis = [
            kpi_with(higher, None, None, &[]),
            kpi_with(higher, None, target, &[]),
            kpi_with(higher, None, target, &[("2026-01-01", 1.0)]),
            kpi_with(
                higher,
                None,
                target,
                &[("2026-01-01", 1.0), ("2026-01-01", 2.0)],
            ),
            kpi_with(
                higher,
                None,
                target,
                &[("2026-01-01", 90.0), ("2026-02-01", 100.0)],
            ),
            kpi_with(
                higher,
                None,
                Some(("2026-02-15", 50.0)),
                &[("2026-01-01", 10.0), ("2026-02-01", 49.0)],
            ),
            kpi_with(
                higher,
                None,
                target,
                &[("2026-01-01", 0.0), ("2026-02-01", 31.0)],
            ),
            kpi_with(
                higher,
                Some(("2025-12-01", 0.0)),
                target,
                &[("2026-01-01", 90.0), ("2026-02-01", 90.0)],
            ),
            kpi_with(
                higher,
                None,
                target,
                &[("2026-01-01", 95.0), ("2026-02-01", 95.0)],
            ),
            kpi_with(
                Direction::Lower,
                Some(("2025-12-01", 100.0)),
                target,
                &[("2026-01-01", 101.0), ("2026-02-01", 102.0)],
            ),
        ];
        crate::i18n::set_current(crate::i18n::Lang::Zh);
        let reasons: Vec<String> = kpis.iter().map(|k| status(k).reason).collect();
        crate::i18n::set_current(crate::i18n::Lang::En);
        assert_eq!(reasons[0], "还没有设置目标，因此无法推算。");
        assert_eq!(
            reasons[5],
            "目标日期 2026年2月15日 已过，最新值 49 未达到目标 50（越高越好）。"
        );
        assert_eq!(
            reasons[7],
            "预计到 2026年12月31日 达到 90，目标为 100（越高越好），差距为 10，在从基线出发的计划变化量 100 \
             的 10% 以内。"
        );
        assert!(reasons[8].contains("第一个测量值"), "{}", reasons[8]);
        assert!(reasons[9].contains("（越低越好）"), "{}", reasons[9]);
        for r in &reasons {
            assert!(
                !r.chars().any(|c| c.is_ascii_alphabetic()),
                "English left in {r}"
            );
        }
        // English again once the language is set back.
        assert_eq!(
            status(&kpis[0]).reason,
            "No target is set, so there is nothing to project against."
        );
    }
}
