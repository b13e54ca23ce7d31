//! Cultural fit between the founder and a candidate.
//!
//! Both sides place themselves on each culture dimension from 1 to [`CULTURE_MAX`] (one pole to
//! the other, e.g. "chat" to "calls"). For one dimension the fit is
//!
//! ```text
//! fit = 1 − |founder − candidate| / (CULTURE_MAX − 1)
//! ```
//!
//! so the same position fits 1 and opposite poles fit 0. A dimension has no fit when either side
//! has not placed itself, or a position lies outside 1 to [`CULTURE_MAX`]. The overall fit is the
//! mean of the dimensions that have one. [`suggested_score`] turns it into a 0 to 5 score for the
//! "Cultural fit" criterion, which the founder may accept or override.

use std::collections::BTreeMap;

use super::{CULTURE_MAX, MAX_SCORE};

/// Fit on one culture dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionFit {
    pub dimension: String,
    /// The founder's position as entered (possibly out of range).
    pub founder: Option<u8>,
    /// The candidate's position as entered (possibly out of range).
    pub candidate: Option<u8>,
    /// 0 to 1; `None` when either side is missing or out of 1 to [`CULTURE_MAX`].
    pub fit: Option<f64>,
}

/// Fit on every dimension asked for, and overall.
#[derive(Clone, Debug, PartialEq)]
pub struct CultureFit {
    /// In the order of the dimension ids given to [`fit`].
    pub dimensions: Vec<DimensionFit>,
    /// Mean of the available dimension fits, 0 to 1; `None` when no dimension has a fit.
    pub overall: Option<f64>,
}

fn in_range(position: u8) -> bool {
    (1..=CULTURE_MAX).contains(&position)
}

/// Fit of two positions, 0 to 1; `None` if either is out of 1 to [`CULTURE_MAX`].
pub fn dimension_fit(founder: u8, candidate: u8) -> Option<f64> {
    if !in_range(founder) || !in_range(candidate) {
        return None;
    }
    let span = f64::from(CULTURE_MAX - 1);
    let distance = f64::from(founder.abs_diff(candidate));
    Some(1.0 - distance / span)
}

/// Compares the founder's culture with a candidate's on the given dimensions, in that order.
pub fn fit(
    founder: &BTreeMap<String, u8>,
    candidate: &BTreeMap<String, u8>,
    dimension_ids: &[&str],
) -> CultureFit {
    let dimensions: Vec<DimensionFit> = dimension_ids
        .iter()
        .map(|&id| {
            let f = founder.get(id).copied();
            let c = candidate.get(id).copied();
            DimensionFit {
                dimension: id.to_string(),
                founder: f,
                candidate: c,
                fit: f.zip(c).and_then(|(f, c)| dimension_fit(f, c)),
            }
        })
        .collect();
    let fits: Vec<f64> = dimensions.iter().filter_map(|d| d.fit).collect();
    let overall = if fits.is_empty() {
        None
    } else {
        Some(fits.iter().sum::<f64>() / fits.len() as f64)
    };
    CultureFit {
        dimensions,
        overall,
    }
}

/// A criterion score suggested by the overall fit: `round(overall × 5)`, halves rounding up, so
/// a fit of 0.9 or more suggests 5, 0.7 to 0.9 suggests 4, … and below 0.1 suggests 0.
/// `None` when there is no overall fit.
pub fn suggested_score(fit: &CultureFit) -> Option<u8> {
    let overall = fit.overall.filter(|x| x.is_finite())?;
    let scaled = (overall.clamp(0.0, 1.0) * f64::from(MAX_SCORE)).round();
    // `scaled` is a whole number in 0..=MAX_SCORE, so the cast is exact.
    Some(scaled as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, u8)]) -> BTreeMap<String, u8> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    const DIMS: [&str; 5] = ["chat", "wins", "meetings", "blame", "product"];

    #[test]
    fn per_dimension_fit() {
        assert_eq!(dimension_fit(3, 3), Some(1.0));
        assert_eq!(dimension_fit(1, 5), Some(0.0));
        assert_eq!(dimension_fit(5, 1), Some(0.0));
        assert_eq!(dimension_fit(2, 3), Some(0.75));
        assert_eq!(dimension_fit(4, 2), Some(0.5));
        assert_eq!(dimension_fit(0, 3), None);
        assert_eq!(dimension_fit(3, 6), None);
    }

    #[test]
    fn overall_is_mean_of_available_dimensions() {
        let founder = map(&[
            ("chat", 1),
            ("wins", 3),
            ("meetings", 5),
            ("blame", 2),
            ("product", 4),
        ]);
        // chat: same → 1; wins: 1 apart → 0.75; meetings: missing; blame: candidate out of range;
        // product: founder 4, candidate 0 → out of range.
        let candidate = map(&[("chat", 1), ("wins", 4), ("blame", 9), ("product", 0)]);
        let f = fit(&founder, &candidate, &DIMS);
        assert_eq!(f.dimensions.len(), 5);
        let ids: Vec<&str> = f.dimensions.iter().map(|d| d.dimension.as_str()).collect();
        assert_eq!(ids, DIMS);
        assert_eq!(f.dimensions[0].fit, Some(1.0));
        assert_eq!(f.dimensions[1].fit, Some(0.75));
        assert_eq!(f.dimensions[2].founder, Some(5));
        assert_eq!(f.dimensions[2].candidate, None);
        assert_eq!(f.dimensions[2].fit, None);
        assert_eq!(f.dimensions[3].candidate, Some(9));
        assert_eq!(f.dimensions[3].fit, None);
        assert_eq!(f.dimensions[4].candidate, Some(0));
        assert_eq!(f.dimensions[4].fit, None);
        assert!((f.overall.unwrap() - 0.875).abs() < 1e-12);
        // 0.875 × 5 = 4.375 → 4
        assert_eq!(suggested_score(&f), Some(4));
    }

    #[test]
    fn no_overlap_means_no_overall() {
        let founder = map(&[("chat", 2)]);
        let candidate = map(&[("wins", 2)]);
        let f = fit(&founder, &candidate, &DIMS);
        assert_eq!(f.overall, None);
        assert_eq!(suggested_score(&f), None);
        let empty = fit(&founder, &candidate, &[]);
        assert!(empty.dimensions.is_empty());
        assert_eq!(empty.overall, None);
    }

    #[test]
    fn suggested_score_rounds() {
        let with = |overall| CultureFit {
            dimensions: vec![],
            overall: Some(overall),
        };
        assert_eq!(suggested_score(&with(1.0)), Some(5));
        assert_eq!(suggested_score(&with(0.0)), Some(0));
        assert_eq!(suggested_score(&with(0.5)), Some(3)); // 2.5 rounds up
        assert_eq!(suggested_score(&with(0.45)), Some(2));
        assert_eq!(suggested_score(&with(0.75)), Some(4));
        assert_eq!(suggested_score(&with(f64::NAN)), None);
        let founder = map(&[("chat", 1), ("wins", 1)]);
        let opposite = map(&[("chat", 5), ("wins", 5)]);
        assert_eq!(
            suggested_score(&fit(&founder, &opposite, &["chat", "wins"])),
            Some(0)
        );
        assert_eq!(
            suggested_score(&fit(&founder, &founder, &["chat", "wins"])),
            Some(5)
        );
    }
}
