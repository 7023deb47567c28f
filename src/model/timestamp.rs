//! Label times. Sidecars hold them as RFC 3339 text, written by glose in one form
//! (`2025-03-01T09:00:03.512Z`) but valid in others after a hand edit (`…:03Z`,
//! `+02:00`): text order is not time order, so every comparison goes through the instant.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Nanoseconds since 1970 (UTC) of an RFC 3339 time; a time without an offset is read as
/// UTC. `None` when `at` is no such time.
pub fn instant(at: &str) -> Option<i128> {
    if let Ok(t) = OffsetDateTime::parse(at, &Rfc3339) {
        return Some(t.unix_timestamp_nanos());
    }
    // Older sidecars and hand edits may leave out the offset or use a space.
    let t = humantime::parse_rfc3339_weak(at).ok()?;
    Some(match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    })
}

/// Milliseconds since 1970 of `at`; `i64::MIN` when it is no time.
pub fn millis(at: &str) -> i64 {
    instant(at).map_or(i64::MIN, |n| n.div_euclid(1_000_000) as i64)
}

/// True when `a` is a later instant than `b`. A time that cannot be read is older than any
/// that can, so a readable change is never lost to it.
pub fn is_newer(a: &str, b: &str) -> bool {
    instant(a) > instant(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item11_times_order_by_instant_not_text() {
        // Text order puts `…:03Z` after `…:03.512Z` ('Z' > '.').
        assert!(is_newer("2025-03-01T09:00:03.512Z", "2025-03-01T09:00:03Z"));
        assert!(!is_newer(
            "2025-03-01T09:00:03Z",
            "2025-03-01T09:00:03.512Z"
        ));
        // 10:00+02:00 is 08:00Z: older than 09:00Z, though its text is larger.
        assert!(is_newer(
            "2025-03-01T09:00:00.000Z",
            "2025-03-01T10:00:00+02:00"
        ));
        assert!(is_newer(
            "2025-03-01T09:00:00-02:00",
            "2025-03-01T10:00:00.000Z"
        ));
        assert!(is_newer("2025-03-01T09:00:00Z", "not a time"));
        assert!(!is_newer("not a time", "2025-03-01T09:00:00Z"));
        assert_eq!(
            millis("2025-03-01T10:00:00.250+02:00"),
            millis("2025-03-01T08:00:00.250Z")
        );
        assert_eq!(
            millis("2025-03-01 08:00:00"),
            millis("2025-03-01T08:00:00Z")
        );
        assert_eq!(millis("bad"), i64::MIN);
    }
}
