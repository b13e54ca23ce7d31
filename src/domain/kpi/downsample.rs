//! Downsampling long series for plots: Largest-Triangle-Three-Buckets (LTTB, Steinarsson 2013),
//! and a variant that also keeps the lowest and highest points so a chart never hides a spike.
//!
//! Owns: [`lttb`] and [`downsample_keep_extremes`]. Both take points sorted by x and run in
//! O(n) time, so 100,000+ points are cheap. Points with a non-finite y are never preferred (a
//! bucket whose points are all non-finite still gives its first point).

/// Bucket boundaries: bucket `k` (0-based, `k < threshold - 2`) covers indices
/// `start(k)..start(k + 1)` of the middle points `1..n - 1`.
struct Buckets {
    n: u64,
    count: u64,
}

impl Buckets {
    fn new(n: usize, threshold: usize) -> Self {
        Buckets {
            n: n as u64,
            count: threshold as u64 - 2,
        }
    }

    /// First index of bucket `k`; `start(count) == n - 1`.
    fn start(&self, k: usize) -> usize {
        (1 + (k as u64 * (self.n - 2)) / self.count) as usize
    }

    /// The bucket holding middle index `i` (`1 <= i < n - 1`).
    fn of(&self, i: usize) -> usize {
        // Largest k with start(k) <= i.
        let (mut lo, mut hi) = (0usize, self.count as usize);
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            if self.start(mid) <= i {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

/// Indices chosen by LTTB, sorted; requires `3 <= threshold < points.len()`.
fn lttb_indices(points: &[(f64, f64)], threshold: usize) -> Vec<usize> {
    let n = points.len();
    let buckets = Buckets::new(n, threshold);
    let mut chosen = Vec::with_capacity(threshold);
    chosen.push(0);
    let mut a = 0usize;
    for k in 0..threshold - 2 {
        let (start, end) = (buckets.start(k), buckets.start(k + 1));
        // The average of the next bucket (the last point for the last bucket).
        let (next_start, next_end) = if k + 1 < threshold - 2 {
            (end, buckets.start(k + 2))
        } else {
            (n - 1, n)
        };
        let (mut sx, mut sy, mut m) = (0.0, 0.0, 0.0);
        for &(x, y) in &points[next_start..next_end] {
            if x.is_finite() && y.is_finite() {
                sx += x;
                sy += y;
                m += 1.0;
            }
        }
        let (cx, cy) = if m > 0.0 {
            (sx / m, sy / m)
        } else {
            points[next_start]
        };
        let (ax, ay) = points[a];
        let mut best = start;
        let mut best_area = -1.0;
        for (i, &(bx, by)) in points.iter().enumerate().take(end).skip(start) {
            let area = ((ax - cx) * (by - ay) - (ax - bx) * (cy - ay)).abs();
            if area > best_area {
                best_area = area;
                best = i;
            }
        }
        chosen.push(best);
        a = best;
    }
    chosen.push(n - 1);
    chosen
}

/// Largest-Triangle-Three-Buckets. `points` must be sorted by x. Returns all points when there
/// are no more than `threshold` or `threshold < 3`; otherwise exactly `threshold` points, the
/// first and last among them, in x order.
pub fn lttb(points: &[(f64, f64)], threshold: usize) -> Vec<(f64, f64)> {
    if threshold < 3 || points.len() <= threshold {
        return points.to_vec();
    }
    lttb_indices(points, threshold)
        .into_iter()
        .map(|i| points[i])
        .collect()
}

/// LTTB that also keeps the points with the lowest and highest finite y (first occurrence).
/// Each extreme LTTB missed replaces the chosen point in its bucket (or, when that point is the
/// other extreme, the nearest other chosen point that is not first, last or an extreme). For
/// `threshold >= 4` the result has at most `threshold` points (exactly `threshold` when
/// downsampling happens); for `threshold == 3` it may have 4. Sorted by x; first and last kept.
pub fn downsample_keep_extremes(points: &[(f64, f64)], threshold: usize) -> Vec<(f64, f64)> {
    let n = points.len();
    if threshold < 3 || n <= threshold {
        return points.to_vec();
    }
    let mut chosen = lttb_indices(points, threshold);
    let buckets = Buckets::new(n, threshold);
    let mut keep = vec![0, n - 1];
    for e in extremes(points) {
        if chosen.binary_search(&e).is_ok() {
            keep.push(e);
            continue;
        }
        // `e` is a middle index (first and last are always chosen).
        let k = buckets.of(e);
        let (lo, hi) = (buckets.start(k), buckets.start(k + 1));
        let free = |j: &usize| !keep.contains(&chosen[*j]);
        let in_bucket = chosen.partition_point(|&c| c < lo)..chosen.partition_point(|&c| c < hi);
        let nearest = |range: std::ops::Range<usize>| {
            range.filter(free).min_by_key(|&j| chosen[j].abs_diff(e))
        };
        match nearest(in_bucket).or_else(|| nearest(1..chosen.len() - 1)) {
            Some(j) => chosen[j] = e,
            None => chosen.push(e),
        }
        chosen.sort_unstable();
        keep.push(e);
    }
    chosen.into_iter().map(|i| points[i]).collect()
}

/// Indices of the lowest and highest finite y (first occurrence), without repeats.
fn extremes(points: &[(f64, f64)]) -> Vec<usize> {
    let mut min: Option<usize> = None;
    let mut max: Option<usize> = None;
    for (i, &(_, y)) in points.iter().enumerate() {
        if !y.is_finite() {
            continue;
        }
        if min.is_none_or(|m| y < points[m].1) {
            min = Some(i);
        }
        if max.is_none_or(|m| y > points[m].1) {
            max = Some(i);
        }
    }
    let mut out: Vec<usize> = min.into_iter().chain(max).collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn series(n: usize) -> Vec<(f64, f64)> {
        (0..n)
            .map(|i| {
                let x = i as f64;
                (x, (x / 50.0).sin() * 10.0 + (x / 7.0).cos())
            })
            .collect()
    }

    fn contains(v: &[(f64, f64)], p: (f64, f64)) -> bool {
        v.iter()
            .any(|q| q.0 == p.0 && q.1.to_bits() == p.1.to_bits())
    }

    fn sorted_by_x(v: &[(f64, f64)]) -> bool {
        v.windows(2).all(|w| w[0].0 < w[1].0)
    }

    #[test]
    fn small_inputs_are_returned_whole() {
        let s = series(10);
        assert_eq!(lttb(&s, 10), s);
        assert_eq!(lttb(&s, 20), s);
        assert_eq!(lttb(&s, 2), s);
        assert_eq!(lttb(&s, 0), s);
        assert_eq!(lttb(&[], 5), vec![]);
        assert_eq!(downsample_keep_extremes(&s, 2), s);
        assert_eq!(downsample_keep_extremes(&s, 50), s);
    }

    #[test]
    fn lttb_keeps_count_first_and_last() {
        let s = series(1000);
        for t in [3, 4, 10, 999] {
            let d = lttb(&s, t);
            assert_eq!(d.len(), t);
            assert_eq!(d[0], s[0]);
            assert_eq!(d[t - 1], s[999]);
            assert!(sorted_by_x(&d));
        }
    }

    #[test]
    fn lttb_picks_the_spike() {
        let mut s: Vec<(f64, f64)> = (0..100).map(|i| (i as f64, 0.0)).collect();
        s[42].1 = 100.0;
        let d = lttb(&s, 5);
        assert!(contains(&d, (42.0, 100.0)));
    }

    #[test]
    fn extremes_kept_when_lttb_misses_them() {
        // A tall narrow spike next to a deep one in the same bucket: LTTB keeps one per bucket.
        let mut s: Vec<(f64, f64)> = (0..1000).map(|i| (i as f64, (i % 2) as f64)).collect();
        s[500].1 = 50.0;
        s[501].1 = -50.0;
        for t in [4, 5, 10, 100] {
            let d = downsample_keep_extremes(&s, t);
            assert!(d.len() <= t, "{t}");
            assert!(contains(&d, (500.0, 50.0)), "{t}");
            assert!(contains(&d, (501.0, -50.0)), "{t}");
            assert_eq!(d[0], s[0]);
            assert_eq!(*d.last().unwrap(), s[999]);
            assert!(sorted_by_x(&d));
        }
        // With three points there is room for only one middle point: both extremes still kept.
        let d = downsample_keep_extremes(&s, 3);
        assert_eq!(d.len(), 4);
        assert!(contains(&d, (500.0, 50.0)) && contains(&d, (501.0, -50.0)));
    }

    #[test]
    fn non_finite_values_do_not_break_anything() {
        let mut s = series(500);
        s[10].1 = f64::NAN;
        s[20].1 = f64::INFINITY;
        let d = downsample_keep_extremes(&s, 20);
        assert_eq!(d.len(), 20);
        let min = s
            .iter()
            .filter(|p| p.1.is_finite())
            .fold(f64::INFINITY, |m, p| m.min(p.1));
        assert!(d.iter().any(|p| p.1 == min));
    }

    #[test]
    fn a_hundred_thousand_points_quickly() {
        let mut s = series(100_000);
        s[77_777].1 = 1e6;
        s[33_333].1 = -1e6;
        let start = std::time::Instant::now();
        let d = downsample_keep_extremes(&s, 1000);
        let l = lttb(&series(1_000_000), 2000);
        let elapsed = start.elapsed();
        assert_eq!(d.len(), 1000);
        assert_eq!(l.len(), 2000);
        assert!(contains(&d, (77_777.0, 1e6)));
        assert!(contains(&d, (33_333.0, -1e6)));
        assert!(sorted_by_x(&d));
        assert!(elapsed.as_secs_f64() < 5.0, "took {elapsed:?}");
    }

    proptest! {
        #[test]
        fn keeps_extremes_ends_and_bounds(
            ys in proptest::collection::vec(-1e6f64..1e6, 0..400),
            threshold in 0usize..60,
        ) {
            let s: Vec<(f64, f64)> = ys.iter().enumerate().map(|(i, y)| (i as f64, *y)).collect();
            let d = downsample_keep_extremes(&s, threshold);
            prop_assert!(sorted_by_x(&d));
            if s.is_empty() {
                prop_assert!(d.is_empty());
                return Ok(());
            }
            if threshold >= 4 {
                prop_assert!(d.len() <= threshold);
            }
            prop_assert_eq!(d[0], s[0]);
            prop_assert_eq!(*d.last().unwrap(), *s.last().unwrap());
            let min = s.iter().cloned().fold(f64::INFINITY, |m, p| m.min(p.1));
            let max = s.iter().cloned().fold(f64::NEG_INFINITY, |m, p| m.max(p.1));
            prop_assert!(d.iter().any(|p| p.1 == min));
            prop_assert!(d.iter().any(|p| p.1 == max));
            let l = lttb(&s, threshold);
            if threshold >= 3 && s.len() > threshold {
                prop_assert_eq!(l.len(), threshold);
            } else {
                prop_assert_eq!(l, s);
            }
        }
    }
}
