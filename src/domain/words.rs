//! How dates and counts read to learners: GOV.UK style ("2 December 2026",
//! "1 entry", "3 entries"). Stored data and exports keep ISO 8601; only
//! what is shown on a page goes through here, so every page agrees.

/// A calendar date as UK readers expect: "2 December 2026", no leading zero.
pub fn day(date: time::Date) -> String {
    format!("{} {} {}", date.day(), date.month(), date.year())
}

/// The date at the start of a stored `YYYY-MM-DD` date or RFC 3339 instant,
/// written as [`day`]. Text that does not start with a real date is shown
/// as it is rather than hidden, so a damaged value is still visible.
pub fn date(text: &str) -> String {
    crate::domain::timestamp::parse_date(text).map(day).unwrap_or_else(|| text.to_owned())
}

/// `n` followed by the singular or plural noun: "1 check", "2 checks", "0 checks".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A number with its thousands separated by commas, as GOV.UK writes them: "4,096".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Clauses joined as in prose: "a", "a and b", "a, b and c".
pub fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated_by_commas() {
        let cases = [(0, "0"), (999, "999"), (4096, "4,096"), (100_000, "100,000"), (1_234_567, "1,234,567")];
        for (n, written) in cases {
            assert_eq!(thousands(n), written);
        }
    }

    #[test]
    fn dates_read_day_month_year_without_leading_zeros() {
        assert_eq!(date("2026-12-02"), "2 December 2026");
        assert_eq!(date("2026-01-31T23:59:59.000Z"), "31 January 2026", "an instant shows its (UTC) date");
        assert_eq!(day(time::Date::from_calendar_date(2030, time::Month::June, 9).unwrap()), "9 June 2030");
    }

    #[test]
    fn text_that_is_not_a_date_is_shown_as_it_is() {
        for odd in ["", "soon", "2026-02-30", "2026-13-01"] {
            assert_eq!(date(odd), odd);
        }
    }

    #[test]
    fn lists_join_with_commas_and_a_final_and() {
        let items = |n: usize| ["a", "b", "c"][..n].iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(list(&items(0)), "");
        assert_eq!(list(&items(1)), "a");
        assert_eq!(list(&items(2)), "a and b");
        assert_eq!(list(&items(3)), "a, b and c");
    }

    #[test]
    fn counts_use_the_singular_only_for_one() {
        assert_eq!(count(1, "entry", "entries"), "1 entry");
        assert_eq!(count(0, "entry", "entries"), "0 entries");
        assert_eq!(count(2, "check", "checks"), "2 checks");
    }
}
