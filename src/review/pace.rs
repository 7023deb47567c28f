//! How fast annotators work, from the times their labels were saved: labels per hour and
//! the median time per sentence. A pause longer than [`BREAK_SECS`] is a break, not work.

use std::time::{SystemTime, UNIX_EPOCH};

/// Gaps between two labels longer than this (10 minutes) count as breaks.
pub const BREAK_SECS: f64 = 600.0;

/// Labelling pace of one annotator.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Pace {
    /// Labels with a readable timestamp.
    pub labels: usize,
    /// Labels whose timestamp could not be read (not counted).
    pub bad_times: usize,
    /// Seconds of work: the sum of gaps up to [`BREAK_SECS`].
    pub active_secs: f64,
    /// Gaps that were breaks.
    pub breaks: usize,
    /// Labels per hour of work; `None` without two labels close in time.
    pub labels_per_hour: Option<f64>,
    /// Median seconds between a label and the one before, breaks left out.
    pub median_secs: Option<f64>,
}

/// Collects one annotator's label times.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// Milliseconds since 1970.
    millis: Vec<i64>,
    bad: usize,
}

impl Clock {
    /// Adds a label saved at `at` (RFC 3339, as in sidecars).
    pub fn add(&mut self, at: &str) {
        self.add_millis(crate::model::timestamp::millis(at));
    }

    /// Adds a label saved at `millis` since 1970 (`i64::MIN`: time unknown).
    pub fn add_millis(&mut self, millis: i64) {
        if millis == i64::MIN {
            self.bad += 1;
        } else {
            self.millis.push(millis);
        }
    }

    /// Adds the labels another clock has seen.
    pub fn merge(&mut self, other: Clock) {
        self.millis.extend(other.millis);
        self.bad += other.bad;
    }

    /// Labels added so far, readable times or not.
    pub fn len(&self) -> usize {
        self.millis.len() + self.bad
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Makes room for `n` more readable times at once: a corpus's clocks, merged from many
    /// parts, would otherwise grow (and copy) their millions of times several times over.
    pub fn reserve(&mut self, n: usize) {
        self.millis.reserve_exact(n);
    }

    /// The pace over every label added. Each gap of work is the time spent on the label
    /// that ends it, so labels per hour = work gaps / active hours.
    pub fn pace(self) -> Pace {
        let labels = self.millis.len();
        let mut t = self.millis;
        t.sort_unstable();
        // The gaps of work, in milliseconds, written over the times they come from (each
        // gap goes to a place already read): no second buffer of a million values.
        let limit = (BREAK_SECS * 1000.0) as i64;
        let mut n = 0;
        for k in 1..t.len() {
            let g = t[k].saturating_sub(t[k - 1]);
            if g <= limit {
                t[n] = g;
                n += 1;
            }
        }
        t.truncate(n);
        let breaks = labels.saturating_sub(1) - n;
        let active = t.iter().map(|&g| g as f64).sum::<f64>() / 1000.0;
        t.sort_unstable();
        let median = match n {
            0 => None,
            n if n % 2 == 1 => Some(t[n / 2] as f64 / 1000.0),
            n => Some((t[n / 2 - 1] as f64 + t[n / 2] as f64) / 2000.0),
        };
        Pace {
            labels,
            bad_times: self.bad,
            active_secs: active,
            breaks,
            labels_per_hour: (active > 0.0).then(|| n as f64 * 3600.0 / active),
            median_secs: median,
        }
    }
}

/// Milliseconds since 1970 (negative before).
pub fn epoch_millis(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_millis() as i64,
        Err(e) => -(e.duration().as_millis() as i64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: u64) -> String {
        let t = UNIX_EPOCH + std::time::Duration::from_millis(1_700_000_000_000 + secs * 1000);
        humantime::format_rfc3339_millis(t).to_string()
    }

    /// Times in any order, repeated, or as far apart as an `i64` holds: gaps are those of
    /// the sorted times, and none overflows.
    #[test]
    fn gaps_are_those_of_the_sorted_times() {
        let mut c = Clock::default();
        for ms in [5_000, 0, 5_000, 2_000, i64::MAX, -i64::MAX] {
            c.add_millis(ms);
        }
        c.add_millis(i64::MIN);
        assert_eq!(c.len(), 7);
        let p = c.pace();
        // Sorted: -MAX, 0, 2 s, 5 s, 5 s, MAX; the two outer gaps are breaks, the others
        // 2 s, 3 s and 0 s.
        assert_eq!((p.labels, p.bad_times, p.breaks), (6, 1, 2));
        assert_eq!(p.active_secs, 5.0);
        assert_eq!(p.median_secs, Some(2.0));
    }

    #[test]
    fn breaks_are_left_out_of_rate_and_median() {
        let mut c = Clock::default();
        // 10 s, 20 s, 30 s of work, then an hour's break, then 40 s.
        for s in [0, 10, 30, 60, 3660, 3700] {
            c.add(&at(s));
        }
        c.add("yesterday");
        let p = c.pace();
        assert_eq!(p.labels, 6);
        assert_eq!(p.bad_times, 1);
        assert_eq!(p.breaks, 1);
        assert_eq!(p.active_secs, 100.0);
        assert_eq!(p.median_secs, Some(25.0));
        assert!((p.labels_per_hour.unwrap() - 4.0 * 36.0).abs() < 1e-9);
    }

    #[test]
    fn a_gap_of_exactly_ten_minutes_is_still_work_and_order_does_not_matter() {
        let mut c = Clock::default();
        for s in [600, 0, 1201] {
            c.add(&at(s));
        }
        let p = c.pace();
        assert_eq!((p.breaks, p.active_secs), (1, 600.0));
        assert_eq!(p.median_secs, Some(600.0));
        assert_eq!(Clock::default().pace().labels_per_hour, None);
    }
}
