//! The printable revalidation portfolio: the learner's details, their
//! cycle, readiness, and the evidence their regulator asks for, section by
//! section, as the learner prints it or saves it as PDF.

use time::Date;

use super::cpd::{self, LogRow};
use super::module::Catalogue;
use super::record::{EntryType, LearnerRecord};
use super::revalidation::{evaluate, Readiness, Regulator, Requirement};
use super::timestamp;

/// One kind of evidence, with the entries from the current cycle.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub kind: EntryType,
    pub rows: Vec<LogRow>,
}

#[derive(Debug, Clone)]
pub struct Portfolio {
    pub readiness: Readiness,
    /// CPD hours, and the part of them spent learning with others, in the cycle.
    pub hours: (f32, f32),
    pub sections: Vec<Section>,
}

/// The portfolio for `regulator` (and register `role`) for the cycle
/// ending at `renewal`: a section for CPD and for every other kind of
/// evidence the regulator's rules ask for, oldest entry first.
pub fn portfolio(
    record: &LearnerRecord,
    catalogue: &Catalogue,
    regulator: &'static Regulator,
    role: Option<&str>,
    renewal: Date,
    today: Date,
) -> Portfolio {
    let readiness = evaluate(regulator, role, renewal, today, &cpd::evidence(record, catalogue));
    let window = readiness.window;
    let mut rows: Vec<LogRow> = cpd::log(record, catalogue)
        .into_iter()
        .filter(|row| timestamp::parse_date(&row.entry.date).is_some_and(|day| window.contains(day)))
        .collect();
    rows.reverse();
    let mut kinds = vec![EntryType::Cpd];
    for rule in &regulator.rules {
        let kind = match rule.requirement {
            Requirement::Hours { kind, .. }
            | Requirement::Count { kind, .. }
            | Requirement::EachTagged { kind, .. } => kind,
            _ => continue,
        };
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    let sections = kinds
        .into_iter()
        .map(|kind| Section { kind, rows: rows.iter().filter(|r| r.entry.entry_type == kind).cloned().collect() })
        .collect();
    Portfolio { hours: cpd::totals(&rows), readiness, sections }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::curriculum::catalogue;
    use crate::domain::revalidation::find;

    fn backup() -> LearnerRecord {
        let text = include_str!("../../tests/fixtures/backup-nmc-ready.json");
        crate::domain::backup::read_backup(text, timestamp::parse_date("2026-11-22").unwrap()).unwrap().record
    }

    #[test]
    fn an_nmc_portfolio_has_the_sections_the_nmc_asks_for_within_the_cycle() {
        let record = backup();
        let renewal = timestamp::parse_date("2027-03-31").unwrap();
        let today = timestamp::parse_date("2026-11-22").unwrap();
        let portfolio = portfolio(&record, catalogue(), find("nmc").unwrap(), None, renewal, today);
        let kinds: Vec<EntryType> = portfolio.sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds[0], EntryType::Cpd);
        assert!(kinds.contains(&EntryType::ReflectiveAccount) && kinds.contains(&EntryType::Feedback), "{kinds:?}");
        let window = portfolio.readiness.window;
        for section in &portfolio.sections {
            let dates: Vec<&str> = section.rows.iter().map(|r| r.entry.date.as_str()).collect();
            assert!(dates.windows(2).all(|pair| pair[0] <= pair[1]), "oldest first: {dates:?}");
            assert!(dates.iter().all(|d| window.contains(timestamp::parse_date(d).unwrap())));
        }
        assert!(portfolio.hours.0 >= 35.0, "the fixture is ready: {:?}", portfolio.hours);
        assert!(portfolio.readiness.is_ready());
    }

    #[test]
    fn a_gphc_portfolio_lists_its_own_kinds_of_record() {
        let portfolio = portfolio(
            &backup(),
            catalogue(),
            find("gphc").unwrap(),
            None,
            timestamp::parse_date("2027-03-31").unwrap(),
            timestamp::parse_date("2026-11-22").unwrap(),
        );
        let kinds: Vec<EntryType> = portfolio.sections.iter().map(|s| s.kind).collect();
        assert!(kinds.contains(&EntryType::PeerDiscussion), "{kinds:?}");
        assert!(!kinds.contains(&EntryType::Feedback), "the GPhC does not ask for a feedback log: {kinds:?}");
    }
}
