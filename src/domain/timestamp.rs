//! Dates and instants as Praxis writes them: dates `YYYY-MM-DD`, instants
//! RFC 3339 in UTC with milliseconds, the form xAPI asks for and the
//! browser's `toISOString` gives. Every reader and rule parses them here.

use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// An RFC 3339 date-time with a zone (`Z` or `±hh:mm`) as an instant in
/// UTC; `None` for anything else, or a time outside years 0–9999 in UTC.
pub fn parse(text: &str) -> Option<OffsetDateTime> {
    let utc = OffsetDateTime::parse(text, &Rfc3339).ok()?.checked_to_offset(UtcOffset::UTC)?;
    (0..=9999).contains(&utc.year()).then_some(utc)
}

/// `YYYY-MM-DDThh:mm:ss.sssZ`: UTC, milliseconds.
pub fn format(at: OffsetDateTime) -> String {
    let at = at.to_offset(UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        at.millisecond()
    )
}

/// A date written `YYYY-MM-DD`, or the date of an RFC 3339 timestamp.
pub fn parse_date(text: &str) -> Option<time::Date> {
    let mut parts = text.get(..10)?.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = time::Month::try_from(parts.next()?.parse::<u8>().ok()?).ok()?;
    time::Date::from_calendar_date(year, month, parts.next()?.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rfc_3339_and_nothing_else() {
        let at = |t: &str| parse(t).map(format);
        assert_eq!(at("2026-01-02T03:04:05Z").as_deref(), Some("2026-01-02T03:04:05.000Z"));
        assert_eq!(at("2026-01-02T03:04:05.1234567+01:30").as_deref(), Some("2026-01-02T01:34:05.123Z"));
        assert_eq!(at("2026-01-01T00:30:00.000-01:00").as_deref(), Some("2026-01-01T01:30:00.000Z"));
        for bad in [
            "2026-01-02",
            "2026-01-02T03:04:05",
            "2026-13-02T03:04:05Z",
            "2026-01-02T03:04:05.Z",
            "é026-01-02T03:04:05Z",
        ] {
            assert_eq!(at(bad), None, "{bad}");
        }
        assert_eq!(at("9999-12-31T23:00:00.000-02:00"), None, "out of range in UTC, not a panic");
    }

    #[test]
    fn dates_are_read_strictly() {
        assert_eq!(
            parse_date("2024-02-29"),
            Some(time::Date::from_calendar_date(2024, time::Month::February, 29).unwrap())
        );
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("29/02/2024"), None);
    }
}
