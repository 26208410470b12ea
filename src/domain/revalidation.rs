//! Revalidation and CPD-renewal rules of the UK health and care regulators, and the engine that checks a
//! learner's evidence against them.
//!
//! The rules are data: one file per regulator in `rules/regulators/` (read by `rules`; `rules/README.md` explains
//! every field to a reviewer). Each [`Regulator`] holds its cycle, its [`Rule`]s and where the facts came from:
//! every rule names the published page ([`Source`]: a title and a URL the learner can open) it was checked against
//! and the day it was last checked, and `docs/sources.md` lists every such page with what it supports. Anything
//! that could not be confirmed on a published page is marked so in the data (`Rule::confirmed`,
//! `Regulator::cycle_confirmed`, notes). Unconfirmed rules are shown but never decide whether a learner is ready.
//! The regulator files are the one list of regulators Praxis knows.
//!
//! [`evaluate`] works out the cycle window that ends with the learner's renewal, keeps only the evidence dated
//! inside it, and reports each rule's progress in words a learner can act on. Things Praxis cannot check
//! (declarations, health and character, a confirmer's sign-off) are [`Requirement::Declaration`] reminders.

use std::sync::LazyLock;

use time::{Date, Month};

use crate::domain::framework::Term;
pub use crate::domain::rules::{Cycle, Due, Regulator, Requirement, Role, Rule, Source, Tag};
use crate::domain::{shipped_rules, words};

/// Hours are typed with at most two decimals, but `f32` sums of such values drift (25 entries of 1.4 h add up to
/// a hair under 35): totals within this much of a threshold meet it.
const HOURS_TOLERANCE: f32 = 0.005;

/// One piece of evidence, independent of how the app stores it.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The day it happened: only days inside the cycle window count.
    pub date: Date,
    pub kind: EvidenceKind,
    /// CPD hours, or hours worked for [`EvidenceKind::PracticeHours`].
    pub hours: f32,
    /// The part of `hours` spent learning with others: the NMC's "participatory", GOsC and GCC "with others",
    /// GOC "interactive".
    pub participatory_hours: f32,
    /// Planned in advance rather than arising from practice (GPhC planned records, PSNI scheduled entries).
    pub planned: bool,
    /// Ids from the rules' tag lists, such as `gdc:A` or `goc:communication`.
    pub tags: Vec<String>,
}

impl Evidence {
    /// Hours as counted: negative or unreadable (NaN) hours count as none, so one bad entry cannot cancel others.
    fn counted_hours(&self) -> f32 {
        self.hours.max(0.0)
    }

    /// Hours with others as counted: never more than the hours themselves.
    fn counted_participatory_hours(&self) -> f32 {
        self.participatory_hours.max(0.0).min(self.counted_hours())
    }

    fn has_tag(&self, id: &str) -> bool {
        self.tags.iter().any(|tag| tag == id)
    }
}

/// What a piece of evidence is, in the terms the regulators count: the
/// same kinds the learner logs.
pub use crate::domain::record::EntryType as EvidenceKind;

impl EvidenceKind {
    /// The learner-facing name of `count` pieces of this kind.
    fn noun(self, count: u32) -> &'static str {
        let (one, many) = match self {
            Self::Cpd => ("CPD record", "CPD records"),
            Self::ReflectiveAccount => ("reflective account", "reflective accounts"),
            Self::Feedback => ("piece of feedback", "pieces of feedback"),
            Self::PeerDiscussion => ("peer discussion", "peer discussions"),
            Self::ReflectiveDiscussion => ("reflective discussion", "reflective discussions"),
            Self::PracticeHours => ("practice-hours entry", "practice-hours entries"),
        };
        if count == 1 {
            one
        } else {
            many
        }
    }
}

impl Cycle {
    /// How many years one cycle lasts.
    pub fn years(self) -> u8 {
        match self {
            Self::YearsEndingOnRenewal(years) | Self::FixedYear { years, .. } => years,
        }
    }

    /// The days whose evidence counts toward the renewal on `renewal`.
    ///
    /// A personal cycle starts the day after the same date `years` earlier, so that consecutive cycles neither
    /// overlap nor leave a gap. A 29 Feb date becomes 28 Feb in other years; the one exception to that tiling is a
    /// 29 Feb renewal followed by a 28 Feb one, which share 29 Feb. Dates beyond the calendar `time` supports
    /// saturate at its ends, so no date a learner types can panic.
    pub fn window(self, renewal: Date) -> CycleWindow {
        match self {
            Self::YearsEndingOnRenewal(years) => CycleWindow {
                start: shift_years(renewal, -i32::from(years)).and_then(Date::next_day).unwrap_or(Date::MIN),
                end: renewal,
            },
            Self::FixedYear { start_month, start_day, years } => {
                let year_start = |year: i32| on(year, start_month, start_day);
                let last_year_start = year_start(renewal.year())
                    .filter(|start| *start <= renewal)
                    .or_else(|| year_start(renewal.year() - 1))
                    .unwrap_or(Date::MIN);
                let first_year = last_year_start.year() - i32::from(years) + 1;
                CycleWindow {
                    start: year_start(first_year).unwrap_or(Date::MIN),
                    end: year_start(last_year_start.year() + 1).and_then(Date::previous_day).unwrap_or(Date::MAX),
                }
            }
        }
    }

    /// The cycle's years, oldest first, for rules that look at runs of years within a cycle. Stepping back from
    /// the renewal a whole year at a time lands in each earlier cycle year in turn.
    fn cycle_years(self, renewal: Date) -> Vec<CycleWindow> {
        let one_year = match self {
            Self::YearsEndingOnRenewal(_) => Self::YearsEndingOnRenewal(1),
            Self::FixedYear { start_month, start_day, .. } => Self::FixedYear { start_month, start_day, years: 1 },
        };
        (0..self.years())
            .rev()
            .map(|back| one_year.window(shift_years(renewal, -i32::from(back)).unwrap_or(Date::MIN)))
            .collect()
    }
}

/// `month`/`day` in `year`, with a day past the month's end (29 Feb outside leap years) moved to its last day;
/// `None` outside the calendar `time` supports.
fn on(year: i32, month: Month, day: u8) -> Option<Date> {
    Date::from_calendar_date(year, month, day.clamp(1, time::util::days_in_month(month, year))).ok()
}

/// The same day `years` later (earlier when negative), as [`on`] places it.
fn shift_years(day: Date, years: i32) -> Option<Date> {
    on(day.year().checked_add(years)?, day.month(), day.day())
}

/// The days, both ends included, whose evidence counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CycleWindow {
    pub start: Date,
    pub end: Date,
}

impl CycleWindow {
    pub fn contains(self, day: Date) -> bool {
        (self.start..=self.end).contains(&day)
    }
}

impl Rule {
    /// Whether Praxis can check the rule against evidence, rather than only remind the learner of it.
    pub fn is_checkable(&self) -> bool {
        !matches!(self.requirement, Requirement::Declaration)
    }

    fn applies_to(&self, role: Option<&Role>) -> bool {
        self.roles.is_empty() || role.is_some_and(|role| self.roles.contains(&role.id))
    }
}

impl Due {
    /// The day the application is due for a renewal on `renewal`.
    pub fn date(self, renewal: Date) -> Date {
        match self {
            Self::OnRenewal => renewal,
            Self::FirstOfRenewalMonth => renewal.replace_day(1).unwrap_or(renewal),
        }
    }
}

impl Regulator {
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|role| role.id == id)
    }
}

/// Every regulator Praxis knows: one per file in `rules/regulators/`, in the order learners see them. This is the
/// one list of regulators; the profile's choices, the CLI's help and the module tests all read it.
pub fn regulators() -> &'static [Regulator] {
    &shipped_rules::rules().regulators
}

/// The regulators as [`Term`]s (id and name), for the profile's choice of regulator.
pub fn regulator_terms() -> &'static [Term] {
    static TERMS: LazyLock<Vec<Term>> = LazyLock::new(|| {
        regulators().iter().map(|regulator| Term { id: &regulator.id, label: &regulator.name }).collect()
    });
    &TERMS
}

/// The standards a CPD entry can be tagged with for a regulator: those
/// its forms ask about (the NMC Code's themes, `form_tags`) and those its
/// rules check (GDC outcomes, GOC domains …).
pub fn standards_tags(regulator: &Regulator) -> Vec<&Tag> {
    let mut tags: Vec<&Tag> = regulator.form_tags.iter().collect();
    for tag in regulator.rules.iter().flat_map(|rule| rule.requirement.tags()) {
        if !tags.iter().any(|known| known.id == tag.id) {
            tags.push(tag);
        }
    }
    tags
}

/// The regulator with this id.
pub fn find(id: &str) -> Option<&'static Regulator> {
    regulators().iter().find(|regulator| regulator.id == id)
}

/// How far one rule is met.
#[derive(Debug, Clone)]
pub struct RuleProgress {
    pub rule: &'static Rule,
    pub met: bool,
    /// Hours, pieces or tags so far (for a window rule, the lowest window's hours; 0 for a declaration).
    pub have: f32,
    pub need: f32,
    /// What to do next, for the learner; empty when met.
    pub missing: String,
}

/// A learner's readiness for one renewal.
#[derive(Debug, Clone)]
pub struct Readiness {
    pub regulator: &'static Regulator,
    /// The role whose rules were applied, if the regulator has roles.
    pub role: Option<&'static Role>,
    pub window: CycleWindow,
    /// The day the application is due, which can be weeks before the renewal (NMC).
    pub due: Date,
    /// Days from today to the due date: 0 on the day, negative after it.
    pub days_left: i64,
    /// Progress on each rule that applies, in the regulator's order.
    pub rules: Vec<RuleProgress>,
}

impl Readiness {
    /// Whether every confirmed rule Praxis can check is met. `false` when there is nothing to check (SSSC, Social
    /// Care Wales), so that a list of reminders never shows as a green light.
    pub fn is_ready(&self) -> bool {
        let mut decisive =
            self.rules.iter().filter(|progress| progress.rule.confirmed && progress.rule.is_checkable()).peekable();
        decisive.peek().is_some() && decisive.all(|progress| progress.met)
    }

    /// Of the rules Praxis can check (not declarations), how many are met: `(met, checkable)`.
    pub fn tally(&self) -> (usize, usize) {
        let checkable = self.rules.iter().filter(|p| p.rule.is_checkable());
        (checkable.clone().filter(|p| p.met).count(), checkable.count())
    }

    /// The regulator comparison's "Rules met" and "Status" cells. A scheme
    /// with nothing to count (SSSC, Social Care Wales) says so rather than
    /// "0 of 0" beside "Not yet".
    pub fn comparison(&self) -> (String, String) {
        match self.tally() {
            (_, 0) => (
                "None Praxis can count".to_owned(),
                format!("You confirm {} yourself", words::count(self.rules.len(), "requirement", "requirements")),
            ),
            (met, checkable) => {
                (format!("{met} of {checkable}"), if self.is_ready() { "Ready" } else { "Not yet" }.to_owned())
            }
        }
    }

    /// The dashboard's warning when the application is due within
    /// [`DUE_SOON_DAYS`] (or overdue) and rules Praxis can check are unmet.
    pub fn due_soon_warning(&self) -> Option<String> {
        let (met, checkable) = self.tally();
        if self.days_left > DUE_SOON_DAYS || met == checkable {
            return None;
        }
        let when = if self.days_left >= 0 {
            let days = words::count(usize::try_from(self.days_left).unwrap_or(0), "day", "days");
            format!("is due by {}, in {days}", words::day(self.due))
        } else {
            format!("was due by {}", words::day(self.due))
        };
        Some(format!(
            "Your revalidation with the {} {when}, and {met} of {checkable} requirements Praxis can check are met.",
            self.regulator.name
        ))
    }
}

/// How near the due date the dashboard starts to warn: about four months,
/// time enough to gather evidence and arrange a confirmer.
pub const DUE_SOON_DAYS: i64 = 120;

/// Checks `evidence` against `regulator`'s rules for the renewal on `renewal`.
///
/// `role` picks a [`Role`] by id; `None` or an id the regulator does not have means its first (default) role, and
/// [`Readiness::role`] says which was used.
pub fn evaluate(
    regulator: &'static Regulator,
    role: Option<&str>,
    renewal: Date,
    today: Date,
    evidence: &[Evidence],
) -> Readiness {
    let role = role.and_then(|id| regulator.role(id)).or(regulator.roles.first());
    let cycle = role.and_then(|role| role.cycle).unwrap_or(regulator.cycle);
    let window = cycle.window(renewal);
    let inside: Vec<&Evidence> = evidence.iter().filter(|item| window.contains(item.date)).collect();
    // A record that reaches back before this cycle can show whether the run of years spanning the join was met.
    let reaches_back = evidence.iter().any(|item| item.date < window.start);
    let rules = regulator
        .rules
        .iter()
        .filter(|rule| rule.applies_to(role))
        .map(|rule| check(rule, cycle, renewal, &inside, reaches_back.then_some(evidence)))
        .collect();
    let due = regulator.due.date(renewal);
    Readiness { regulator, role, window, due, days_left: (due - today).whole_days(), rules }
}

/// `earlier` is the whole record when it holds evidence from before the window, for rules that look across the
/// join between cycles.
fn check(
    rule: &'static Rule,
    cycle: Cycle,
    renewal: Date,
    evidence: &[&Evidence],
    earlier: Option<&[Evidence]>,
) -> RuleProgress {
    match rule.requirement {
        Requirement::Hours { kind, minimum, participatory } => {
            let have: f32 = evidence
                .iter()
                .filter(|item| item.kind.adds_hours_to(kind))
                .map(|item| if participatory { item.counted_participatory_hours() } else { item.counted_hours() })
                .sum();
            let noun = match (kind, participatory) {
                (EvidenceKind::PracticeHours, _) => "practice hours",
                (_, true) => "hours with others",
                (_, false) => "hours",
            };
            tally(rule, have, minimum, || {
                format!("Log {} more {noun} ({} of {} so far).", amount(minimum - have), amount(have), amount(minimum))
            })
        }
        Requirement::Count { kind, minimum, planned_only } => {
            let have = evidence.iter().filter(|item| item.kind == kind && (item.planned || !planned_only)).count();
            let have = u32::try_from(have).unwrap_or(u32::MAX);
            tally(rule, have as f32, minimum as f32, || {
                let short = minimum - have;
                let planned = if planned_only { "planned " } else { "" };
                format!("Add {short} more {planned}{} ({have} of {minimum} so far).", kind.noun(short))
            })
        }
        Requirement::Coverage { ref tags } => {
            let uncovered: Vec<&Tag> = tags.iter().filter(|tag| !tagged(evidence, &tag.id)).collect();
            tally(rule, (tags.len() - uncovered.len()) as f32, tags.len() as f32, || {
                format!("Still to cover: {}.", labels(uncovered))
            })
        }
        Requirement::Variety { ref tags, minimum } => {
            let (used, unused): (Vec<&Tag>, Vec<&Tag>) = tags.iter().partition(|tag| tagged(evidence, &tag.id));
            let have = u32::try_from(used.len()).unwrap_or(u32::MAX);
            tally(rule, have as f32, minimum as f32, || {
                let short = minimum - have;
                let types = if short == 1 { "type" } else { "types" };
                format!("Add {short} more {types} of activity ({have} of {minimum} so far), from: {}.", labels(unused))
            })
        }
        Requirement::EachTagged { kind, ref tags } => {
            let of_kind: Vec<&&Evidence> = evidence.iter().filter(|item| item.kind == kind).collect();
            let untagged: Vec<String> = of_kind
                .iter()
                .filter(|item| !tags.iter().any(|tag| item.has_tag(&tag.id)))
                .map(|item| item.date.to_string())
                .collect();
            tally(rule, (of_kind.len() - untagged.len()) as f32, of_kind.len() as f32, || {
                format!(
                    "Give each {} at least one of: {}. The ones dated {} have none.",
                    kind.noun(1),
                    labels(tags.iter().collect()),
                    untagged.join(", ")
                )
            })
        }
        Requirement::MinimumPerWindow { hours, window_years } => {
            let mut runs = runs_of_years(cycle, renewal, window_years);
            let all: Vec<&Evidence> = match earlier {
                Some(record) => {
                    runs.insert(0, spanning_run(cycle, renewal, window_years));
                    record.iter().collect()
                }
                None => evidence.to_vec(),
            };
            let totals: Vec<(CycleWindow, f32)> = runs
                .into_iter()
                .map(|run| {
                    let total = all
                        .iter()
                        .filter(|item| item.kind == EvidenceKind::Cpd && run.contains(item.date))
                        .map(|item| item.counted_hours())
                        .sum();
                    (run, total)
                })
                .collect();
            let lowest = totals.iter().map(|(_, total)| *total).fold(f32::INFINITY, f32::min);
            tally(rule, lowest, hours, || {
                let short: Vec<String> = totals
                    .iter()
                    .filter(|(_, total)| !reaches(*total, hours))
                    .map(|(run, total)| format!("{} to {} has {}", run.start, run.end, amount(*total)))
                    .collect();
                format!(
                    "Log at least {} hours in every {window_years} consecutive cycle years: {}.",
                    amount(hours),
                    short.join("; ")
                )
            })
        }
        Requirement::Declaration => {
            let missing = if rule.confirmed {
                "Praxis cannot check this: confirm it yourself."
            } else {
                "Praxis cannot check this, and its sources could not confirm the rule: check with your regulator."
            };
            RuleProgress { rule, met: false, have: 0.0, need: 0.0, missing: missing.to_owned() }
        }
    }
}

/// Progress from a measured `have` against `need`; `missing` is only worded when the rule is not met.
fn tally(rule: &'static Rule, have: f32, need: f32, missing: impl FnOnce() -> String) -> RuleProgress {
    let met = reaches(have, need);
    // Float sums start from -0.0, which would print as "-0.0".
    let have = have + 0.0;
    RuleProgress { rule, met, have, need, missing: if met { String::new() } else { missing() } }
}

fn reaches(have: f32, need: f32) -> bool {
    have + HOURS_TOLERANCE >= need
}

fn tagged(evidence: &[&Evidence], id: &str) -> bool {
    evidence.iter().any(|item| item.has_tag(id))
}

fn labels(tags: Vec<&Tag>) -> String {
    tags.iter().map(|tag| tag.label.as_str()).collect::<Vec<_>>().join(", ")
}

/// Every run of `length` consecutive cycle years, oldest first; the whole cycle if it is shorter than that.
fn runs_of_years(cycle: Cycle, renewal: Date, length: u8) -> Vec<CycleWindow> {
    let years = cycle.cycle_years(renewal);
    let length = usize::from(length).clamp(1, years.len());
    years.windows(length).map(|run| CycleWindow { start: run[0].start, end: run[length - 1].end }).collect()
}

/// The run of `length` years that ends with the cycle's first `length - 1` years and so begins in the previous
/// cycle: the GDC's two-year rule applies across the join between cycles too.
fn spanning_run(cycle: Cycle, renewal: Date, length: u8) -> CycleWindow {
    let years = cycle.cycle_years(renewal);
    let previous = cycle.cycle_years(shift_years(renewal, -i32::from(cycle.years())).unwrap_or(Date::MIN));
    let inside = usize::from(length).saturating_sub(1).clamp(1, years.len());
    let before = usize::from(length).saturating_sub(inside).clamp(1, previous.len());
    CycleWindow { start: previous[previous.len() - before].start, end: years[inside - 1].end }
}

/// Hours as a learner reads them: "35", "19.5", "0.25".
fn amount(value: f32) -> String {
    // An empty `f32` sum is -0.0, which would print as "-0"; adding 0.0 turns it into 0.0.
    let value = value + 0.0;
    format!("{value:.2}").trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules;

    fn date(year: i32, month: u8, day: u8) -> Date {
        Date::from_calendar_date(year, Month::try_from(month).unwrap(), day).unwrap()
    }

    fn piece(date: Date, kind: EvidenceKind) -> Evidence {
        Evidence { date, kind, hours: 0.0, participatory_hours: 0.0, planned: false, tags: vec![] }
    }

    fn cpd(date: Date, hours: f32) -> Evidence {
        Evidence { hours, ..piece(date, EvidenceKind::Cpd) }
    }

    fn tagged_cpd(date: Date, hours: f32, tags: &[&str]) -> Evidence {
        Evidence { tags: tags.iter().map(|tag| tag.to_string()).collect(), ..cpd(date, hours) }
    }

    fn parse_day(text: &str) -> Option<Date> {
        let mut parts = text.splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = Month::try_from(parts.next()?.parse::<u8>().ok()?).ok()?;
        let day = Date::from_calendar_date(year, month, parts.next()?.parse().ok()?).ok()?;
        // Round-tripping rules out forms like "2026-1-5".
        (day.to_string() == text).then_some(day)
    }

    fn regulator(id: &str) -> &'static Regulator {
        find(id).unwrap_or_else(|| panic!("{id} is a regulator"))
    }

    fn progress<'a>(readiness: &'a Readiness, rule_id: &str) -> &'a RuleProgress {
        readiness
            .rules
            .iter()
            .find(|progress| progress.rule.id == rule_id)
            .unwrap_or_else(|| panic!("{rule_id} applies"))
    }

    #[test]
    fn nothing_logged_is_zero_not_negative_zero() {
        let today = Date::from_calendar_date(2026, Month::June, 1).unwrap();
        let readiness = evaluate(find("nmc").unwrap(), None, today, today, &[]);
        assert!(
            readiness.rules.iter().all(|p| p.have.is_sign_positive()),
            "{:?}",
            readiness.rules.iter().map(|p| p.have).collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_standards_to_tag_come_from_the_rules() {
        let gdc: Vec<&str> = standards_tags(find("gdc").unwrap()).iter().map(|t| t.id.as_str()).collect();
        assert_eq!(gdc, ["gdc:A", "gdc:B", "gdc:C", "gdc:D"]);
        let nmc: Vec<&str> = standards_tags(find("nmc").unwrap()).iter().map(|t| t.id.as_str()).collect();
        assert_eq!(nmc.len(), 4);
        assert!(nmc.iter().all(|id| id.starts_with("nmc:")));
        assert!(standards_tags(find("sssc").unwrap()).is_empty());
    }

    #[test]
    fn evidence_counts_from_the_first_to_the_last_day_of_the_window_only() {
        let renewal = date(2027, 6, 30);
        let evidence = [
            cpd(date(2024, 6, 30), 10.0), // the previous renewal day belongs to the previous cycle
            cpd(date(2024, 7, 1), 1.0),
            cpd(date(2027, 6, 30), 2.0),
            cpd(date(2027, 7, 1), 20.0),
        ];
        let readiness = evaluate(regulator("nmc"), None, renewal, date(2027, 1, 1), &evidence);
        assert_eq!(readiness.window, CycleWindow { start: date(2024, 7, 1), end: renewal });
        assert_eq!(progress(&readiness, "nmc-cpd-hours").have, 3.0);
    }

    #[test]
    fn a_29_february_renewal_ends_its_window_on_that_day() {
        let nmc = regulator("nmc").cycle;
        assert_eq!(nmc.window(date(2028, 2, 29)), CycleWindow { start: date(2025, 3, 1), end: date(2028, 2, 29) });
        // Three years back from 28 Feb 2027 is 28 Feb 2024, so the leap day opens the next window.
        assert_eq!(nmc.window(date(2027, 2, 28)).start, date(2024, 2, 29));
        let readiness = evaluate(
            regulator("nmc"),
            None,
            date(2027, 2, 28),
            date(2027, 1, 1),
            &[cpd(date(2024, 2, 28), 5.0), cpd(date(2024, 2, 29), 1.0)],
        );
        assert_eq!(progress(&readiness, "nmc-cpd-hours").have, 1.0);
        let gphc = regulator("gphc").cycle;
        assert_eq!(gphc.window(date(2024, 2, 29)), CycleWindow { start: date(2023, 3, 1), end: date(2024, 2, 29) });
    }

    #[test]
    fn consecutive_personal_windows_neither_overlap_nor_leave_gaps_across_leap_years() {
        let mut renewal = date(2023, 1, 1);
        while renewal < date(2030, 1, 1) {
            for years in 1..=5 {
                let cycle = Cycle::YearsEndingOnRenewal(years);
                let next = shift_years(renewal, i32::from(years)).unwrap();
                // The documented exception: 29 Feb followed by 28 Feb shares 29 Feb.
                if (renewal.month(), renewal.day()) != (Month::February, 29) {
                    assert_eq!(cycle.window(next).start, renewal.next_day().unwrap(), "{renewal} + {years} years");
                }
            }
            renewal = renewal.next_day().unwrap();
        }
    }

    #[test]
    fn fixed_years_hold_the_renewal_date_in_their_last_year() {
        let window =
            |id: &str, role: Option<&str>, renewal: Date| evaluate(regulator(id), role, renewal, renewal, &[]).window;
        assert_eq!(
            window("swe", None, date(2026, 11, 30)),
            CycleWindow { start: date(2025, 12, 1), end: date(2026, 11, 30) }
        );
        assert_eq!(
            window("swe", None, date(2026, 12, 1)),
            CycleWindow { start: date(2026, 12, 1), end: date(2027, 11, 30) }
        );
        assert_eq!(
            window("gcc", None, date(2024, 2, 29)),
            CycleWindow { start: date(2023, 9, 1), end: date(2024, 8, 31) }
        );
        assert_eq!(
            window("psni", None, date(2024, 5, 31)),
            CycleWindow { start: date(2023, 6, 1), end: date(2024, 5, 31) }
        );
        assert_eq!(
            window("gdc", None, date(2027, 12, 31)),
            CycleWindow { start: date(2023, 1, 1), end: date(2027, 12, 31) }
        );
        assert_eq!(
            window("gdc", Some("dcp-50"), date(2028, 7, 31)),
            CycleWindow { start: date(2023, 8, 1), end: date(2028, 7, 31) }
        );
        // A cycle year that starts on 1 Mar ends on 29 Feb in a leap year.
        let march = Cycle::FixedYear { start_month: Month::March, start_day: 1, years: 1 };
        assert_eq!(march.window(date(2023, 6, 1)), CycleWindow { start: date(2023, 3, 1), end: date(2024, 2, 29) });
    }

    #[test]
    fn cycle_years_split_the_window_into_consecutive_years() {
        let personal = Cycle::YearsEndingOnRenewal(3).cycle_years(date(2028, 2, 29));
        let expected = [
            (date(2025, 3, 1), date(2026, 2, 28)),
            (date(2026, 3, 1), date(2027, 2, 28)),
            (date(2027, 3, 1), date(2028, 2, 29)),
        ];
        assert_eq!(personal, expected.map(|(start, end)| CycleWindow { start, end }));
        for (cycle, renewal) in [
            (Cycle::YearsEndingOnRenewal(5), date(2027, 6, 30)),
            (Cycle::FixedYear { start_month: Month::March, start_day: 1, years: 4 }, date(2028, 2, 29)),
            (Cycle::FixedYear { start_month: Month::August, start_day: 1, years: 5 }, date(2028, 7, 31)),
        ] {
            let years = cycle.cycle_years(renewal);
            let window = cycle.window(renewal);
            assert_eq!(years.len(), usize::from(cycle.years()));
            assert_eq!((years[0].start, years[years.len() - 1].end), (window.start, window.end), "{cycle:?}");
            for pair in years.windows(2) {
                assert_eq!(pair[0].end.next_day(), Some(pair[1].start), "{cycle:?}");
            }
        }
    }

    #[test]
    fn dates_at_the_ends_of_the_calendar_do_not_panic() {
        for cycle in
            [Cycle::YearsEndingOnRenewal(5), Cycle::FixedYear { start_month: Month::June, start_day: 1, years: 5 }]
        {
            for renewal in [Date::MIN, Date::MAX] {
                let window = cycle.window(renewal);
                assert!(window.start <= window.end, "{cycle:?} {renewal}");
            }
        }
    }

    #[test]
    fn nmc_hours_are_met_exactly_at_their_thresholds() {
        let renewal = date(2027, 6, 30);
        let mut evidence: Vec<Evidence> = (1..=7).map(|month| cpd(date(2026, month, 1), 5.0)).collect();
        for item in &mut evidence[..4] {
            item.participatory_hours = 5.0;
        }
        let readiness = evaluate(regulator("nmc"), None, renewal, renewal, &evidence);
        assert!(progress(&readiness, "nmc-cpd-hours").met);
        let participatory = progress(&readiness, "nmc-participatory-hours");
        assert!(participatory.met && participatory.missing.is_empty());
        assert_eq!(participatory.have, 20.0);

        evidence[0].participatory_hours = 4.5;
        evidence[6].hours = 4.5;
        let readiness = evaluate(regulator("nmc"), None, renewal, renewal, &evidence);
        let participatory = progress(&readiness, "nmc-participatory-hours");
        assert!(!participatory.met);
        assert_eq!(participatory.missing, "Log 0.5 more hours with others (19.5 of 20 so far).");
        assert_eq!(progress(&readiness, "nmc-cpd-hours").missing, "Log 0.5 more hours (34.5 of 35 so far).");
    }

    #[test]
    fn the_dashboard_warns_within_120_days_of_the_due_date_while_rules_are_unmet() {
        let renewal = date(2027, 6, 30);
        let nmc = regulator("nmc");
        let due = evaluate(nmc, None, renewal, renewal, &[]).due;
        let on = |today: Date, evidence: &[Evidence]| evaluate(nmc, None, renewal, today, evidence).due_soon_warning();
        assert_eq!(on(due - time::Duration::days(121), &[]), None, "not yet near");
        let (met, checkable) = evaluate(nmc, None, renewal, renewal, &[]).tally();
        assert_eq!(met, 0);
        assert_eq!(
            on(due - time::Duration::days(119), &[]).as_deref(),
            Some(
                format!(
                    "Your revalidation with the Nursing and Midwifery Council (NMC) is due by 1 June 2027, in 119 days, \
                     and 0 of {checkable} requirements Praxis can check are met."
                )
                .as_str()
            )
        );
        assert!(on(due + time::Duration::days(1), &[]).unwrap().contains("was due by 1 June 2027"));
    }

    #[test]
    fn a_scheme_with_nothing_to_count_says_so_in_the_comparison() {
        let renewal = date(2027, 6, 30);
        for id in ["sssc", "scw"] {
            let readiness = evaluate(regulator(id), None, renewal, renewal, &[]);
            assert_eq!(readiness.tally().1, 0, "{id}");
            let (rules, status) = readiness.comparison();
            assert_eq!(rules, "None Praxis can count");
            assert!(status.starts_with("You confirm "), "{status}");
            assert_eq!(readiness.due_soon_warning(), None, "nothing to count, nothing to warn about");
        }
        let (rules, status) = evaluate(regulator("nmc"), None, renewal, renewal, &[]).comparison();
        assert!(rules.starts_with("0 of "), "{rules}");
        assert_eq!(status, "Not yet");
    }

    #[test]
    fn a_reflective_accounts_cpd_hours_count_as_cpd_hours_but_not_as_practice_hours() {
        let renewal = date(2027, 6, 30);
        let mut evidence: Vec<Evidence> = (1..=6).map(|month| cpd(date(2026, month, 1), 5.0)).collect();
        evidence.push(Evidence { hours: 5.0, ..piece(date(2026, 7, 1), EvidenceKind::ReflectiveAccount) });
        let readiness = evaluate(regulator("nmc"), None, renewal, renewal, &evidence);
        assert!(progress(&readiness, "nmc-cpd-hours").met, "30 hours of activities and 5 in an account");
        assert!(!EvidenceKind::ReflectiveAccount.adds_hours_to(EvidenceKind::PracticeHours));
        assert!(!EvidenceKind::Feedback.adds_hours_to(EvidenceKind::Cpd));
    }

    #[test]
    fn hours_that_drift_in_floating_point_still_meet_the_threshold() {
        let evidence: Vec<Evidence> = (0..25).map(|_| cpd(date(2026, 1, 1), 1.4)).collect();
        let raw: f32 = evidence.iter().map(|item| item.hours).sum();
        assert!(raw < 35.0, "the raw sum {raw} must fall short for this test to mean anything");
        let readiness = evaluate(regulator("nmc"), None, date(2027, 6, 30), date(2027, 1, 1), &evidence);
        assert!(progress(&readiness, "nmc-cpd-hours").met);
    }

    #[test]
    fn bad_hours_count_as_none_and_time_with_others_never_exceeds_the_hours() {
        let mut odd = cpd(date(2026, 1, 1), 2.0);
        odd.participatory_hours = 5.0;
        let evidence = [odd, cpd(date(2026, 1, 2), -10.0), cpd(date(2026, 1, 3), f32::NAN), cpd(date(2026, 1, 4), 1.0)];
        let readiness = evaluate(regulator("nmc"), None, date(2027, 6, 30), date(2027, 1, 1), &evidence);
        assert_eq!(progress(&readiness, "nmc-cpd-hours").have, 3.0);
        assert_eq!(progress(&readiness, "nmc-participatory-hours").have, 2.0);
    }

    #[test]
    fn gphc_needs_two_planned_records_among_its_four() {
        let renewal = date(2027, 3, 31);
        let mut evidence: Vec<Evidence> = (5..=8).map(|month| cpd(date(2026, month, 1), 1.0)).collect();
        evidence[0].planned = true;
        evidence.push(piece(date(2026, 9, 1), EvidenceKind::PeerDiscussion));
        evidence.push(piece(date(2026, 10, 1), EvidenceKind::ReflectiveAccount));
        let readiness = evaluate(regulator("gphc"), None, renewal, renewal, &evidence);
        assert!(progress(&readiness, "gphc-cpd-records").met);
        let planned = progress(&readiness, "gphc-planned-records");
        assert!(!planned.met);
        assert_eq!(planned.missing, "Add 1 more planned CPD record (1 of 2 so far).");
        assert!(!readiness.is_ready());

        evidence[1].planned = true;
        assert!(evaluate(regulator("gphc"), None, renewal, renewal, &evidence).is_ready());
    }

    #[test]
    fn gdc_needs_ten_hours_in_every_two_consecutive_cycle_years() {
        let renewal = date(2027, 12, 31); // a dentist's cycle: 2023 to 2027
        let rule_met = |evidence: &[Evidence]| {
            let readiness = evaluate(regulator("gdc"), Some("dentist"), renewal, renewal, evidence);
            let progress = progress(&readiness, "gdc-every-two-years");
            (progress.met, progress.missing.clone())
        };
        // 2024 feeds 2023–24 and 2024–25; 2026 feeds 2025–26 and 2026–27.
        assert_eq!(rule_met(&[cpd(date(2024, 12, 31), 10.0), cpd(date(2026, 1, 1), 10.0)]), (true, String::new()));
        let (met, missing) = rule_met(&[cpd(date(2025, 1, 1), 10.0), cpd(date(2026, 1, 1), 10.0)]);
        assert!(!met);
        assert_eq!(
            missing,
            "Log at least 10 hours in every 2 consecutive cycle years: 2023-01-01 to 2024-12-31 has 0."
        );
        let (met, missing) = rule_met(&[cpd(date(2024, 12, 31), 10.0), cpd(date(2025, 12, 31), 10.0)]);
        assert!(!met);
        assert!(missing.contains("2026-01-01 to 2027-12-31 has 0"), "{missing}");
        assert!(!rule_met(&[cpd(date(2024, 12, 31), 9.5), cpd(date(2026, 1, 1), 10.0)]).0);
    }

    #[test]
    fn days_left_is_zero_on_the_renewal_day() {
        let renewal = date(2028, 3, 1);
        let days_left = |today| evaluate(regulator("nmc"), None, renewal, today, &[]).days_left;
        assert_eq!(days_left(renewal), 0);
        assert_eq!(days_left(date(2028, 2, 29)), 1);
        assert_eq!(days_left(date(2028, 2, 28)), 2, "2028 is a leap year");
        assert_eq!(days_left(date(2028, 3, 2)), -1);
    }

    #[test]
    fn roles_choose_their_hours_and_cycle_and_fall_back_to_the_first() {
        let renewal = date(2028, 7, 31);
        let evidence: Vec<Evidence> =
            (0..6).map(|year| tagged_cpd(date(2023 + year, 9, 1), 10.0, &["gdc:C"])).collect();
        let nurse = evaluate(regulator("gdc"), Some("dcp-50"), renewal, renewal, &evidence);
        assert_eq!(nurse.role.map(|role| role.id.as_str()), Some("dcp-50"));
        assert!(nurse.is_ready(), "{:?}", nurse.rules);
        assert!(nurse.rules.iter().all(|progress| progress.rule.id != "gdc-hours-dentist"));

        for role in [None, Some("astronaut")] {
            let dentist = evaluate(regulator("gdc"), role, renewal, renewal, &evidence);
            assert_eq!(dentist.role.map(|role| role.id.as_str()), Some("dentist"));
            assert!(!progress(&dentist, "gdc-hours-dentist").met);
            assert!(!dentist.is_ready());
        }

        let dual = evaluate(regulator("nmc"), Some("nurse-and-midwife"), renewal, renewal, &[]);
        assert_eq!(progress(&dual, "nmc-practice-hours-dual").need, 900.0);
        assert!(dual.rules.iter().all(|progress| progress.rule.id != "nmc-practice-hours"));

        let care_worker = evaluate(regulator("niscc"), Some("care-worker"), renewal, renewal, &[]);
        assert_eq!(care_worker.window.start, date(2023, 8, 1));
    }

    #[test]
    fn tag_rules_name_what_is_still_missing() {
        let renewal = date(2027, 12, 31);
        let goc = evaluate(
            regulator("goc"),
            None,
            renewal,
            renewal,
            &[tagged_cpd(date(2026, 1, 1), 1.0, &["goc:communication", "goc:professionalism"])],
        );
        let domains = progress(&goc, "goc-domains");
        assert_eq!((domains.have, domains.need), (2.0, 4.0));
        assert_eq!(domains.missing, "Still to cover: Clinical practice, Leadership and accountability.");

        let hcpc = |tags: [&str; 2]| {
            let evidence = tags.map(|tag| tagged_cpd(date(2027, 1, 1), 1.0, &[tag]));
            evaluate(regulator("hcpc"), None, renewal, renewal, &evidence)
        };
        let same = hcpc(["hcpc:formal", "hcpc:formal"]);
        assert!(!progress(&same, "hcpc-learning-types").met);
        assert!(progress(&same, "hcpc-learning-types").missing.contains("Work-based learning"));
        assert!(hcpc(["hcpc:formal", "hcpc:self-directed"]).is_ready());

        let gdc = evaluate(
            regulator("gdc"),
            None,
            renewal,
            renewal,
            &[tagged_cpd(date(2026, 1, 1), 1.0, &["gdc:A"]), cpd(date(2026, 2, 3), 1.0)],
        );
        let outcomes = progress(&gdc, "gdc-outcomes");
        assert_eq!((outcomes.met, outcomes.have, outcomes.need), (false, 1.0, 2.0));
        assert!(outcomes.missing.ends_with("The ones dated 2026-02-03 have none."), "{}", outcomes.missing);
    }

    #[test]
    fn only_confirmed_checkable_rules_decide_readiness() {
        let text = r#"
            id = "test"
            name = "Test"
            due = "on-renewal"
            source = "page"
            last_checked = "2026-12-02"
            cycle = { years = 1, confirmed = true }
            sources.page = { title = "A page", url = "https://example.org/" }

            [[rules]]
            id = "test-feedback"
            description = "One piece of feedback."
            source = "page"
            confirmed = true
            requirement = { type = "count", evidence = "feedback", minimum = 1 }

            [[rules]]
            id = "test-unsure"
            description = "Ten peer discussions."
            source = "page"
            confirmed = false
            requirement = { type = "count", evidence = "peer-discussion", minimum = 10 }

            [[rules]]
            id = "test-declaration"
            description = "A declaration."
            source = "page"
            confirmed = true
            requirement = { type = "declaration" }
        "#;
        let scheme = rules::read_regulator_file("rules/regulators/test.toml", text).expect("a valid regulator");
        let scheme: &'static Regulator = Box::leak(Box::new(scheme));
        let renewal = date(2027, 1, 1);
        assert!(!evaluate(scheme, None, renewal, renewal, &[]).is_ready());
        let readiness = evaluate(scheme, None, renewal, renewal, &[piece(date(2026, 6, 1), EvidenceKind::Feedback)]);
        assert!(!progress(&readiness, "test-unsure").met);
        assert!(!progress(&readiness, "test-declaration").met);
        assert!(readiness.is_ready());
    }

    #[test]
    fn schemes_without_hours_remind_rather_than_declare_anyone_ready() {
        for id in ["sssc", "scw"] {
            let readiness = evaluate(regulator(id), None, date(2027, 1, 1), date(2026, 1, 1), &[]);
            assert!(readiness
                .rules
                .iter()
                .all(|progress| !progress.rule.is_checkable() && !progress.missing.is_empty()));
            assert!(!readiness.is_ready(), "{id}");
            assert!(!readiness.regulator.notes.is_empty(), "{id} explains why there are no hours");
        }
    }

    #[test]
    fn confirmation_follows_what_the_cited_pages_say() {
        let rule = |id: &str| {
            regulators()
                .iter()
                .flat_map(|regulator| &regulator.rules)
                .find(|rule| rule.id == id)
                .expect("the rule exists")
        };
        // Published on the GDC's recommended topics page and the GOC's 2025-27 cycle page.
        assert!(rule("gdc-recommended-topics").confirmed);
        assert!(rule("gdc-recommended-topics").description.contains("at least 2 every year"));
        assert!(regulator("goc").cycle_confirmed);
        // Social Work England's peer-reflection page: the peer need not be a social worker.
        let peer = rule("swe-peer");
        assert!(peer.confirmed && peer.description.contains("line manager or supervisor"), "{}", peer.description);
        // Still not found on any published page.
        assert!(!regulator("gosc").cycle_confirmed && !regulator("sssc").cycle_confirmed);
        for id in ["gdc", "goc"] {
            assert!(regulator(id).notes.iter().any(|note| note.contains("unconfirmed")), "{id}");
        }
    }

    #[test]
    fn nmc_readiness_counts_down_to_the_application_date_not_expiry() {
        let expiry = date(2027, 6, 30);
        let readiness = evaluate(regulator("nmc"), None, expiry, date(2027, 5, 1), &[]);
        assert_eq!(readiness.due, date(2027, 6, 1));
        assert_eq!(readiness.days_left, 31, "1 May to 1 Jun, not to 30 Jun");
        // The cycle's evidence still runs to the expiry date.
        assert_eq!(readiness.window.end, expiry);
        let gphc = evaluate(regulator("gphc"), None, expiry, date(2027, 5, 1), &[]);
        assert_eq!((gphc.due, gphc.days_left), (expiry, 60));
        assert_eq!(Due::FirstOfRenewalMonth.date(date(2028, 2, 29)), date(2028, 2, 1));
    }

    #[test]
    fn the_gdc_two_year_rule_spans_the_join_with_the_previous_cycle() {
        let renewal = date(2027, 12, 31); // a dentist's cycle: 2023 to 2027
        let every_pair = [cpd(date(2024, 6, 1), 10.0), cpd(date(2026, 6, 1), 10.0)];
        let with = |earlier: &[Evidence]| {
            let evidence: Vec<Evidence> = earlier.iter().chain(&every_pair).cloned().collect();
            let readiness = evaluate(regulator("gdc"), Some("dentist"), renewal, renewal, &evidence);
            let progress = progress(&readiness, "gdc-every-two-years");
            (progress.met, progress.missing.clone())
        };
        // Nothing logged before 2023: Praxis cannot see the join, so it checks the four pairs inside the cycle.
        assert_eq!(with(&[]), (true, String::new()));
        // CPD logged in 2021 shows the record reaches back, and 2022–23 then has none.
        let (met, missing) = with(&[cpd(date(2021, 3, 1), 10.0)]);
        assert!(!met);
        assert!(missing.contains("2022-01-01 to 2023-12-31 has 0"), "{missing}");
        // Ten hours in 2022 meet the pair across the join.
        assert_eq!(with(&[cpd(date(2022, 12, 31), 10.0)]), (true, String::new()));
        let dcp =
            spanning_run(Cycle::FixedYear { start_month: Month::August, start_day: 1, years: 5 }, date(2028, 7, 31), 2);
        assert_eq!(dcp, CycleWindow { start: date(2022, 8, 1), end: date(2024, 7, 31) });
    }

    #[test]
    fn learners_never_see_internal_source_keys_or_research_notes() {
        let internal = |text: &str| {
            let key = text.char_indices().any(|(at, c)| {
                c == 'S'
                    && text[at + 1..].starts_with(|d: char| d.is_ascii_digit())
                    && !text[..at].ends_with(|p: char| p.is_alphanumeric())
            });
            key || ["crawled", "Praxis reference", "reference notes"].iter().any(|word| text.contains(word))
        };
        assert!(internal("see (S12)") && internal("the crawled page") && !internal("DCB0129 and GMS2"));
        for regulator in regulators() {
            for text in regulator.notes.iter().chain(regulator.rules.iter().map(|rule| &rule.description)) {
                assert!(!internal(text), "{}: {text}", regulator.id);
            }
        }
        for template in crate::domain::reflective::templates() {
            for question in &template.questions {
                assert!(!internal(&question.text), "{}: {}", template.id, question.text);
            }
        }
    }

    /// Every page a regulator, a rule or a reflective template cites (the notes may cite more; every page a file
    /// names is in `Regulator::sources`).
    fn cited_sources() -> Vec<&'static Source> {
        let regulator_pages = regulators().iter().flat_map(|regulator| {
            std::iter::once(&regulator.source).chain(regulator.rules.iter().map(|rule| &rule.source))
        });
        let template_pages = crate::domain::reflective::templates().iter().map(|template| &template.source);
        let mut all: Vec<&'static Source> = Vec::new();
        for source in regulator_pages.chain(template_pages) {
            if !all.contains(&source) {
                all.push(source);
            }
        }
        all
    }

    #[test]
    fn every_cited_page_is_listed_in_docs_sources_md() {
        let listed = include_str!("../../docs/sources.md");
        let named: Vec<&Source> = regulators().iter().flat_map(|regulator| regulator.sources.values()).collect();
        let cited = cited_sources();
        assert!(cited.len() > regulators().len(), "rules and templates cite their pages");
        for source in &cited {
            assert!(named.contains(source), "{} is named in a regulator's [sources]", source.title);
        }
        for source in named {
            assert!(source.url.starts_with("https://") && !source.title.is_empty(), "{source}");
            assert!(listed.contains(&source.url), "docs/sources.md lists {}", source.url);
        }
    }

    #[test]
    fn the_regulator_files_are_the_one_list_of_regulators() {
        let ids: Vec<&str> = regulators().iter().map(|regulator| regulator.id.as_str()).collect();
        let files: Vec<&str> = rules::REGULATOR_FILES
            .iter()
            .map(|(path, _)| path.trim_start_matches("rules/regulators/").trim_end_matches(".toml"))
            .collect();
        assert_eq!(ids, files);
        assert_eq!(ids[..3], ["nmc", "gmc", "hcpc"], "learners see the largest registers first");
        let terms: Vec<(&str, &str)> = regulator_terms().iter().map(|term| (term.id, term.label)).collect();
        assert_eq!(terms.len(), ids.len());
        assert_eq!(terms[0], ("nmc", "Nursing and Midwifery Council (NMC)"));
        assert_eq!(find("gphc").map(|regulator| regulator.id.as_str()), Some("gphc"));
        assert!(find("rcvs").is_none());
    }

    #[test]
    fn every_regulator_cites_its_sources_and_holds_consistent_data() {
        let mut rule_ids = std::collections::BTreeSet::new();
        for regulator in regulators() {
            let id = &regulator.id;
            assert!(regulator.source.url.starts_with("https://"), "{id} has a source");
            assert!(parse_day(&regulator.last_checked).is_some(), "{id} last_checked is a YYYY-MM-DD date");
            let cycles = std::iter::once(regulator.cycle).chain(regulator.roles.iter().filter_map(|role| role.cycle));
            for cycle in cycles {
                assert!(cycle.years() >= 1, "{id}");
                if let Cycle::FixedYear { start_month, start_day, .. } = cycle {
                    assert!((1..=time::util::days_in_month(start_month, 2023)).contains(&start_day), "{id}");
                }
            }
            assert!(regulator.rules.iter().any(|rule| rule.confirmed), "{id} has a confirmed rule");
            for rule in &regulator.rules {
                assert!(rule_ids.insert(rule.id.as_str()), "{} is unique", rule.id);
                assert!(parse_day(&rule.last_checked).is_some(), "{} last_checked is a YYYY-MM-DD date", rule.id);
                assert!(rule.id.starts_with(&format!("{id}-")), "{} is prefixed", rule.id);
                assert!(
                    rule.source.url.starts_with("https://") && !rule.description.is_empty(),
                    "{} cites a page",
                    rule.id
                );
                assert!(rule.roles.iter().all(|role| regulator.role(role).is_some()), "{} names real roles", rule.id);
                if let Requirement::Variety { tags, minimum } = &rule.requirement {
                    assert!(*minimum as usize <= tags.len(), "{} can be met", rule.id);
                }
                let tags = rule.requirement.tags();
                assert!(tags.iter().all(|tag| tag.id.starts_with(&format!("{id}:"))), "{} tags", rule.id);
            }
        }
    }
}
