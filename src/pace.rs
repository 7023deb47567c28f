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
        match humantime::parse_rfc3339_weak(at) {
            Ok(t) => self.millis.push(epoch_millis(t)),
            Err(_) => self.bad += 1,
        }
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

    /// The pace over every label added. Each gap of work is the time spent on the label
    /// that ends it, so labels per hour = work gaps / active hours.
    pub fn pace(mut self) -> Pace {
        self.millis.sort_unstable();
        let mut gaps: Vec<f64> = self
            .millis
            .windows(2)
            .map(|w| (w[1] - w[0]) as f64 / 1000.0)
            .filter(|g| *g <= BREAK_SECS)
            .collect();
        let breaks = self.millis.len().saturating_sub(1) - gaps.len();
        let active: f64 = gaps.iter().sum();
        gaps.sort_by(f64::total_cmp);
        let median = match gaps.len() {
            0 => None,
            n if n % 2 == 1 => Some(gaps[n / 2]),
            n => Some((gaps[n / 2 - 1] + gaps[n / 2]) / 2.0),
        };
        Pace {
            labels: self.millis.len(),
            bad_times: self.bad,
            active_secs: active,
            breaks,
            labels_per_hour: (active > 0.0).then(|| gaps.len() as f64 * 3600.0 / active),
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
