//! Revalidation and CPD-renewal rules of the UK health and care regulators, as data, and the engine that checks a
//! learner's evidence against them.
//!
//! Each [`Regulator`] holds its cycle, its [`Rule`]s and where the facts came from: the Praxis revalidation
//! reference, whose source keys (S1–S73) every rule cites. That reference was built from crawled pages, so each
//! regulator carries `last_checked`, and anything the reference could not confirm is marked so in the data
//! (`Rule::confirmed`, `Regulator::cycle_confirmed`, notes). Unconfirmed rules are shown but never decide whether
//! a learner is ready.
//!
//! [`evaluate`] works out the cycle window that ends with the learner's renewal, keeps only the evidence dated
//! inside it, and reports each rule's progress in words a learner can act on. Things Praxis cannot check
//! (declarations, health and character, a confirmer's sign-off) are [`Requirement::Declaration`] reminders.

use time::{Date, Month};

use crate::domain::framework::Term;

/// When the facts below were last checked against the Praxis reference. The reference itself asks for each rule
/// to be re-checked on the regulator's live page before release.
const LAST_CHECKED: &str = "2026-11-22";

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

/// How a regulator's cycle lines up with the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cycle {
    /// This many years ending on the learner's own renewal date (NMC 3, GMC 5, GPhC 1).
    YearsEndingOnRenewal(u8),
    /// Cycle years that start on the same day for everyone (SWE 1 Dec, GCC 1 Sep, PSNI 1 Jun). A cycle is `years`
    /// of them, the last being the cycle year that holds the renewal date.
    FixedYear { start_month: Month, start_day: u8, years: u8 },
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

/// A registrant group whose hours or cycle differ from the rest of the register (GDC dentists and dental care
/// professionals, NISCC social workers and care workers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role {
    pub id: &'static str,
    pub name: &'static str,
    /// `None`: the regulator's cycle.
    pub cycle: Option<Cycle>,
}

/// One thing a regulator asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Stable, prefixed with the regulator's id.
    pub id: &'static str,
    /// What is asked, in one learner-facing sentence.
    pub description: &'static str,
    pub requirement: Requirement,
    /// `false` where the Praxis reference could not confirm the rule: shown, but it never decides readiness.
    pub confirmed: bool,
    /// The role ids the rule applies to; empty for every role.
    pub roles: &'static [&'static str],
    /// The Praxis reference's source keys, such as "S1–S4".
    pub source: &'static str,
}

impl Rule {
    /// Whether Praxis can check the rule against evidence, rather than only remind the learner of it.
    pub fn is_checkable(&self) -> bool {
        !matches!(self.requirement, Requirement::Declaration)
    }

    fn applies_to(&self, role: Option<&Role>) -> bool {
        self.roles.is_empty() || role.is_some_and(|role| self.roles.contains(&role.id))
    }

    const fn unconfirmed(self) -> Self {
        Self { confirmed: false, ..self }
    }

    const fn for_roles(self, roles: &'static [&'static str]) -> Self {
        Self { roles, ..self }
    }
}

/// A confirmed rule for every role; [`Rule::unconfirmed`] and [`Rule::for_roles`] narrow it.
const fn rule(id: &'static str, source: &'static str, description: &'static str, requirement: Requirement) -> Rule {
    Rule { id, description, requirement, confirmed: true, roles: &[], source }
}

/// What a rule asks of the evidence inside the cycle window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Requirement {
    /// At least `minimum` hours of `kind`; with `participatory`, only the hours spent with others count.
    Hours { kind: EvidenceKind, minimum: f32, participatory: bool },
    /// At least `minimum` pieces of `kind`; with `planned_only`, only planned ones count.
    Count { kind: EvidenceKind, minimum: u32, planned_only: bool },
    /// Each tag on at least one piece of evidence.
    Coverage { tags: &'static [Term] },
    /// At least `minimum` different tags out of `tags` (HCPC: at least two types of learning).
    Variety { tags: &'static [Term], minimum: u32 },
    /// Every piece of `kind` carries at least one of `tags` (GDC: a development outcome for each activity).
    EachTagged { kind: EvidenceKind, tags: &'static [Term] },
    /// At least `hours` of CPD in every run of `window_years` consecutive cycle years (GDC: 10 h in any 2 years).
    MinimumPerWindow { hours: f32, window_years: u8 },
    /// Something Praxis cannot check, shown as a reminder.
    Declaration,
}

/// One regulator's revalidation or CPD-renewal scheme.
#[derive(Debug)]
pub struct Regulator {
    /// One of the ids in `framework::REGULATORS`.
    pub id: &'static str,
    pub name: &'static str,
    /// The cycle, unless the learner's [`Role`] has its own.
    pub cycle: Cycle,
    /// `false` where the reference could not confirm the cycle's dates or start; the notes say what to check.
    pub cycle_confirmed: bool,
    /// Empty when every registrant has the same rules; otherwise the first role is the default.
    pub roles: &'static [Role],
    pub rules: &'static [Rule],
    pub source: &'static str,
    /// The day the facts were last checked (YYYY-MM-DD).
    pub last_checked: &'static str,
    /// Learner-facing context the rules cannot carry.
    pub notes: &'static [&'static str],
}

impl Regulator {
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|role| role.id == id)
    }
}

/// Every regulator Praxis knows, in `framework::REGULATORS` order.
pub fn regulators() -> &'static [Regulator] {
    ALL
}

/// The regulator with this id.
/// The Code's four themes, which NMC forms ask each entry to relate to
/// (reference S4, S7) though no rule requires covering them all.
const NMC_CODE_THEMES: &[Term] = &[
    Term { id: "nmc:prioritise-people", label: "The Code: prioritise people" },
    Term { id: "nmc:practise-effectively", label: "The Code: practise effectively" },
    Term { id: "nmc:preserve-safety", label: "The Code: preserve safety" },
    Term { id: "nmc:promote-professionalism", label: "The Code: promote professionalism and trust" },
];

/// The standards a CPD entry can be tagged with for a regulator: those
/// its rules check (GDC outcomes, GOC domains …) and those its forms ask
/// about (the NMC Code's themes).
pub fn standards_tags(regulator: &Regulator) -> Vec<&'static Term> {
    let mut tags: Vec<&'static Term> =
        if regulator.id == "nmc" { NMC_CODE_THEMES.iter().collect() } else { Vec::new() };
    for rule in regulator.rules {
        let rule_tags: &'static [Term] = match rule.requirement {
            Requirement::Coverage { tags }
            | Requirement::Variety { tags, .. }
            | Requirement::EachTagged { tags, .. } => tags,
            _ => &[],
        };
        for tag in rule_tags {
            if !tags.iter().any(|known| known.id == tag.id) {
                tags.push(tag);
            }
        }
    }
    tags
}

pub fn find(id: &str) -> Option<&'static Regulator> {
    ALL.iter().find(|regulator| regulator.id == id)
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
    /// Days from today to the renewal date: 0 on the day, negative after it.
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
}

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
    let rules = regulator
        .rules
        .iter()
        .filter(|rule| rule.applies_to(role))
        .map(|rule| check(rule, cycle, renewal, &inside))
        .collect();
    Readiness { regulator, role, window, days_left: (renewal - today).whole_days(), rules }
}

fn check(rule: &'static Rule, cycle: Cycle, renewal: Date, evidence: &[&Evidence]) -> RuleProgress {
    match rule.requirement {
        Requirement::Hours { kind, minimum, participatory } => {
            let have: f32 = evidence
                .iter()
                .filter(|item| item.kind == kind)
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
        Requirement::Coverage { tags } => {
            let uncovered: Vec<&Term> = tags.iter().filter(|tag| !tagged(evidence, tag.id)).collect();
            tally(rule, (tags.len() - uncovered.len()) as f32, tags.len() as f32, || {
                format!("Still to cover: {}.", labels(uncovered))
            })
        }
        Requirement::Variety { tags, minimum } => {
            let (used, unused): (Vec<&Term>, Vec<&Term>) = tags.iter().partition(|tag| tagged(evidence, tag.id));
            let have = u32::try_from(used.len()).unwrap_or(u32::MAX);
            tally(rule, have as f32, minimum as f32, || {
                let short = minimum - have;
                let types = if short == 1 { "type" } else { "types" };
                format!("Add {short} more {types} of activity ({have} of {minimum} so far), from: {}.", labels(unused))
            })
        }
        Requirement::EachTagged { kind, tags } => {
            let of_kind: Vec<&&Evidence> = evidence.iter().filter(|item| item.kind == kind).collect();
            let untagged: Vec<String> = of_kind
                .iter()
                .filter(|item| !tags.iter().any(|tag| item.has_tag(tag.id)))
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
            let totals: Vec<(CycleWindow, f32)> = runs_of_years(cycle, renewal, window_years)
                .into_iter()
                .map(|run| {
                    let total = evidence
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

fn labels(tags: Vec<&Term>) -> String {
    tags.iter().map(|tag| tag.label).collect::<Vec<_>>().join(", ")
}

/// Every run of `length` consecutive cycle years, oldest first; the whole cycle if it is shorter than that.
fn runs_of_years(cycle: Cycle, renewal: Date, length: u8) -> Vec<CycleWindow> {
    let years = cycle.cycle_years(renewal);
    let length = usize::from(length).clamp(1, years.len());
    years.windows(length).map(|run| CycleWindow { start: run[0].start, end: run[length - 1].end }).collect()
}

/// Hours as a learner reads them: "35", "19.5", "0.25".
fn amount(value: f32) -> String {
    // An empty `f32` sum is -0.0, which would print as "-0"; adding 0.0 turns it into 0.0.
    let value = value + 0.0;
    format!("{value:.2}").trim_end_matches('0').trim_end_matches('.').to_owned()
}

const GMC_SUPPORTING_INFORMATION: &[Term] = &[
    Term { id: "gmc:cpd", label: "Continuing professional development" },
    Term { id: "gmc:quality-improvement", label: "Quality improvement activity" },
    Term { id: "gmc:significant-events", label: "Significant events" },
    Term { id: "gmc:patient-feedback", label: "Patient feedback (a formal exercise at least once per cycle)" },
    Term { id: "gmc:colleague-feedback", label: "Colleague feedback (a formal exercise at least once per cycle)" },
    Term { id: "gmc:compliments-complaints", label: "Compliments and complaints" },
];

/// HCPC's own names for its learning types (hcpc-uk.org "What activities count as CPD"); the reference gives only
/// the rule that there must be at least two.
const HCPC_LEARNING_TYPES: &[Term] = &[
    Term { id: "hcpc:work-based", label: "Work-based learning" },
    Term { id: "hcpc:professional", label: "Professional activity" },
    Term { id: "hcpc:formal", label: "Formal and educational" },
    Term { id: "hcpc:self-directed", label: "Self-directed learning" },
];

const GDC_OUTCOMES: &[Term] = &[
    Term { id: "gdc:A", label: "A: effective communication" },
    Term { id: "gdc:B", label: "B: management of self and others, teamwork and leadership" },
    Term { id: "gdc:C", label: "C: knowledge and skills in your field of practice" },
    Term { id: "gdc:D", label: "D: behaviours that maintain patient and public confidence" },
];

const SWE_PEER_REFLECTION: &[Term] = &[Term { id: "swe:peer-reflection", label: "CPD reflected on with a peer" }];

const GOC_DOMAINS: &[Term] = &[
    Term { id: "goc:professionalism", label: "Professionalism" },
    Term { id: "goc:communication", label: "Communication" },
    Term { id: "goc:clinical-practice", label: "Clinical practice" },
    Term { id: "goc:leadership-accountability", label: "Leadership and accountability" },
];

const GOSC_THEMES: &[Term] = &[
    Term { id: "gosc:communication", label: "A: communication and patient partnership" },
    Term { id: "gosc:knowledge", label: "B: knowledge, skills and performance" },
    Term { id: "gosc:safety", label: "C: safety and quality in practice" },
    Term { id: "gosc:professionalism", label: "D: professionalism" },
];

const GOSC_OBJECTIVE: &[Term] = &[Term { id: "gosc:objective", label: "An objective activity" }];

const GOSC_CONSENT: &[Term] =
    &[Term { id: "gosc:communication-consent", label: "An activity on communication and consent" }];

static ALL: &[Regulator] = &[
    Regulator {
        id: "nmc",
        name: "Nursing and Midwifery Council (NMC)",
        cycle: Cycle::YearsEndingOnRenewal(3),
        cycle_confirmed: true,
        roles: &[
            Role { id: "single", name: "Nurse, midwife or nursing associate", cycle: None },
            Role { id: "nurse-and-midwife", name: "Nurse and midwife (both registrations)", cycle: None },
        ],
        rules: &[
            rule(
                "nmc-practice-hours",
                "S1–S4",
                "450 practice hours since your last renewal.",
                Requirement::Hours { kind: EvidenceKind::PracticeHours, minimum: 450.0, participatory: false },
            )
            .for_roles(&["single"]),
            rule(
                "nmc-practice-hours-dual",
                "S1–S4",
                "900 practice hours since your last renewal, as a nurse and a midwife.",
                Requirement::Hours { kind: EvidenceKind::PracticeHours, minimum: 900.0, participatory: false },
            )
            .for_roles(&["nurse-and-midwife"]),
            rule(
                "nmc-cpd-hours",
                "S1–S4",
                "35 hours of CPD.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 35.0, participatory: false },
            ),
            rule(
                "nmc-participatory-hours",
                "S1–S4",
                "At least 20 of those hours participatory: learning with at least one other professional, in \
                 person or online.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 20.0, participatory: true },
            ),
            rule(
                "nmc-feedback",
                "S1–S4, S6",
                "5 pieces of practice-related feedback, noting what they said and how you used them.",
                Requirement::Count { kind: EvidenceKind::Feedback, minimum: 5, planned_only: false },
            ),
            rule(
                "nmc-reflective-accounts",
                "S1–S4, S7",
                "5 written reflective accounts on the NMC form, each related to the Code.",
                Requirement::Count { kind: EvidenceKind::ReflectiveAccount, minimum: 5, planned_only: false },
            ),
            rule(
                "nmc-reflective-discussion",
                "S1–S4, S9",
                "A reflective discussion about all 5 accounts, face to face with another NMC registrant.",
                Requirement::Count { kind: EvidenceKind::ReflectiveDiscussion, minimum: 1, planned_only: false },
            ),
            rule("nmc-health-character", "S1–S4", "A health and character declaration.", Requirement::Declaration),
            rule(
                "nmc-indemnity",
                "S1–S4",
                "A declaration that you have an appropriate indemnity arrangement.",
                Requirement::Declaration,
            ),
            rule(
                "nmc-confirmation",
                "S1–S4, S10, S11",
                "Confirmation, in the 12 months before you renew, by a confirmer: ideally your line manager, who need \
                 not be on the NMC register.",
                Requirement::Declaration,
            ),
        ],
        source: "revalidation.nmc.org.uk, nmc.org.uk and guides (S1–S12 in the Praxis reference)",
        last_checked: LAST_CHECKED,
        notes: &[
            "Your application is due before your renewal date; how long before is unconfirmed (S3), so Praxis counts \
             down to the renewal date you enter.",
            "Only evidence since your last renewal, or since you joined the register, counts (S1–S4).",
            "Keep anything that could identify a person out of feedback and reflections (S6).",
            "The NMC has no rule on AI yet: unconfirmed (S12).",
        ],
    },
    Regulator {
        id: "gmc",
        name: "General Medical Council (GMC)",
        cycle: Cycle::YearsEndingOnRenewal(5),
        cycle_confirmed: true,
        roles: &[],
        rules: &[
            rule(
                "gmc-supporting-information",
                "S14, S18",
                "All six types of supporting information in the cycle.",
                Requirement::Coverage { tags: GMC_SUPPORTING_INFORMATION },
            ),
            rule(
                "gmc-annual-appraisal",
                "S13, S14",
                "A whole-practice appraisal every year, where you discuss your supporting information.",
                Requirement::Declaration,
            ),
            rule(
                "gmc-annual-cpd",
                "S16",
                "CPD every year across your whole practice, reflected on and discussed at each appraisal.",
                Requirement::Declaration,
            ),
            rule(
                "gmc-appraisal-details",
                "S14, S15",
                "Your GMC number, the places and roles you have worked in since your last appraisal, a personal \
                 development plan, and probity and health statements.",
                Requirement::Declaration,
            ),
        ],
        source: "gmc-uk.org and appraisal guides (S13–S20 in the Praxis reference)",
        last_checked: LAST_CHECKED,
        notes: &[
            "Revalidation is normally every 5 years, on your responsible officer's recommendation (S13, S14).",
            "The GMC sets no minimum hours or credits; your college may, such as the RCGP's 50 credits a year \
             (S16, S17).",
            "The RCGP asks you not to have AI write reflections, and to declare AI use at appraisal (S20).",
            "The GMC's AI guidance: Good medical practice 2024 applies; the MHRA, not the GMC, regulates devices \
             (S19).",
        ],
    },
    Regulator {
        id: "hcpc",
        name: "Health and Care Professions Council (HCPC)",
        cycle: Cycle::YearsEndingOnRenewal(2),
        cycle_confirmed: true,
        roles: &[],
        rules: &[
            rule(
                "hcpc-learning-types",
                "S24–S26",
                "A mix of learning: at least two different types of CPD activity.",
                Requirement::Variety { tags: HCPC_LEARNING_TYPES, minimum: 2 },
            ),
            rule(
                "hcpc-continuous-record",
                "S23, S24",
                "A continuous, accurate, dated record of your CPD since you last renewed, ready to explain any gap of \
                 3 months or more.",
                Requirement::Declaration,
            ),
            rule(
                "hcpc-quality-and-benefit",
                "S23",
                "CPD relevant to your current or future practice that improves your practice or service and \
                 benefits service users.",
                Requirement::Declaration,
            ),
            rule(
                "hcpc-profile",
                "S23–S26",
                "If audited, a profile: a practice summary (up to 500 words), your dated CPD list, a statement (up \
                 to 1,500 words) on standards 3 and 4 drawing on about 4–6 activities, and evidence.",
                Requirement::Declaration,
            ),
            rule("hcpc-declaration", "S21, S22", "The CPD declaration when you renew.", Requirement::Declaration),
        ],
        source: "hcpc-uk.org and mirrors (S21–S27 in the Praxis reference)",
        last_checked: LAST_CHECKED,
        notes: &[
            "No hours: the HCPC looks for the standards being met, not totals (S23).",
            "Each profession renews every 2 years in its own window (radiographers 1 Dec–28 Feb, paramedics 1 Jun–31 \
             Aug): enter your own renewal date (S21, S22).",
            "At each renewal the HCPC audits 2.5% of those registered for 2 years or more (S21, S22).",
            "The names of the learning types are the HCPC's own list; the Praxis reference states only the rule of \
             at least two (S24–S26).",
            "The standards of proficiency from 1 Sep 2023 add a digital skills and new technologies theme (S27).",
        ],
    },
    Regulator {
        id: "gdc",
        name: "General Dental Council (GDC)",
        cycle: Cycle::FixedYear { start_month: Month::January, start_day: 1, years: 5 },
        cycle_confirmed: true,
        roles: &[
            Role { id: "dentist", name: "Dentist", cycle: None },
            Role {
                id: "dcp-75",
                name: "Dental therapist, hygienist, orthodontic therapist or clinical dental technician",
                cycle: Some(Cycle::FixedYear { start_month: Month::August, start_day: 1, years: 5 }),
            },
            Role {
                id: "dcp-50",
                name: "Dental nurse or dental technician",
                cycle: Some(Cycle::FixedYear { start_month: Month::August, start_day: 1, years: 5 }),
            },
        ],
        rules: &[
            rule(
                "gdc-hours-dentist",
                "S30",
                "100 hours of verifiable CPD in your 5-year cycle.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 100.0, participatory: false },
            )
            .for_roles(&["dentist"]),
            rule(
                "gdc-hours-dcp-75",
                "S30",
                "75 hours of verifiable CPD in your 5-year cycle.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 75.0, participatory: false },
            )
            .for_roles(&["dcp-75"]),
            rule(
                "gdc-hours-dcp-50",
                "S30",
                "50 hours of verifiable CPD in your 5-year cycle.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 50.0, participatory: false },
            )
            .for_roles(&["dcp-50"]),
            rule(
                "gdc-every-two-years",
                "S30",
                "At least 10 hours of verifiable CPD in every 2 consecutive years of your cycle.",
                Requirement::MinimumPerWindow { hours: 10.0, window_years: 2 },
            ),
            rule(
                "gdc-outcomes",
                "S33, S35",
                "At least one development outcome for each CPD activity.",
                Requirement::EachTagged { kind: EvidenceKind::Cpd, tags: GDC_OUTCOMES },
            ),
            rule(
                "gdc-record",
                "S31, S33",
                "A personal development plan, an activity log (title, date, certificate hours, outcomes, reflection) \
                 and evidence, kept for 5 years after the cycle ends.",
                Requirement::Declaration,
            ),
            rule(
                "gdc-verifiable",
                "S34",
                "Only verifiable CPD: documented aims and objectives, anticipated outcomes, quality controls and the \
                 provider's proof of your hours.",
                Requirement::Declaration,
            ),
            rule(
                "gdc-annual-statement",
                "S31, S32",
                "A CPD statement every year, even when you did none that year.",
                Requirement::Declaration,
            ),
            rule(
                "gdc-end-of-cycle-statement",
                "S31",
                "An end-of-cycle statement within 28 days of the end of your cycle.",
                Requirement::Declaration,
            ),
            rule(
                "gdc-recommended-topics",
                "S34",
                "The GDC's recommended topics: the pre-2018 scheme recommended medical emergencies (10 hours), \
                 decontamination (5) and radiography (5) per cycle; the current list is unconfirmed.",
                Requirement::Declaration,
            )
            .unconfirmed(),
        ],
        source: "gdc-uk.org and dental guides (S29–S36 in the Praxis reference)",
        last_checked: LAST_CHECKED,
        notes: &[
            "Choose your role: hours differ, and dental care professionals' cycles start on the 1 Aug after they \
             register, dentists' years end on 31 Dec (S29, S30, S32).",
            "Praxis counts every CPD hour you log toward the verifiable total, so log only verifiable CPD, with the \
             hours on the certificate and no breaks or travel (S33, S34).",
            "Praxis checks the 10-hour rule on each pair of consecutive cycle years: years 1–2, 2–3, 3–4 and 4–5 \
             (S30).",
            "Cover all four development outcomes across your CPD if you can: the GDC encourages it (S33, S35).",
            "The GDC has no CPD rule on AI: unconfirmed (S36).",
        ],
    },
    Regulator {
        id: "gphc",
        name: "General Pharmaceutical Council (GPhC)",
        cycle: Cycle::YearsEndingOnRenewal(1),
        cycle_confirmed: true,
        roles: &[],
        rules: &[
            rule(
                "gphc-cpd-records",
                "S37, S38",
                "4 CPD records.",
                Requirement::Count { kind: EvidenceKind::Cpd, minimum: 4, planned_only: false },
            ),
            rule(
                "gphc-planned-records",
                "S37–S39",
                "At least 2 of those records planned: what and why you set out to learn, how, and a real example of \
                 the benefit to the people using your services.",
                Requirement::Count { kind: EvidenceKind::Cpd, minimum: 2, planned_only: true },
            ),
            rule(
                "gphc-peer-discussion",
                "S37, S40",
                "1 peer discussion with a peer you choose, recording how it benefited your practice (not a \
                 transcript).",
                Requirement::Count { kind: EvidenceKind::PeerDiscussion, minimum: 1, planned_only: false },
            ),
            rule(
                "gphc-reflective-account",
                "S37, S41",
                "1 reflective account on how you meet the standards the GPhC selected, with a real example.",
                Requirement::Count { kind: EvidenceKind::ReflectiveAccount, minimum: 1, planned_only: false },
            ),
            rule(
                "gphc-own-work",
                "S42",
                "Your own submission: the GPhC does not accept whole revalidation submissions written by AI.",
                Requirement::Declaration,
            ),
        ],
        source: "pharmacyregulation.org and pharmacy press (S37–S42 in the Praxis reference)",
        last_checked: LAST_CHECKED,
        notes: &[
            "You submit once a year via myGPhC when you renew, and a sample is reviewed (S37, S38).",
            "An unplanned record gives the activity, what you learned, how you applied it and the benefit (S39).",
            "The crawled page selected standards 3, 6 and 9 for the reflective account: check this year's (S41).",
            "The GPhC's AI statement (20 Apr 2026): stay accountable, know AI's limits and bias, check its output and \
             be open about using it (S42).",
        ],
    },
    Regulator {
        id: "swe",
        name: "Social Work England",
        cycle: Cycle::FixedYear { start_month: Month::December, start_day: 1, years: 1 },
        cycle_confirmed: true,
        roles: &[],
        rules: &[
            rule(
                "swe-cpd-pieces",
                "S43",
                "At least 2 different pieces of CPD in the registration year.",
                Requirement::Count { kind: EvidenceKind::Cpd, minimum: 2, planned_only: false },
            ),
            rule(
                "swe-peer-reflection",
                "S43, S45",
                "At least one piece reflected on with a peer, recording what you learned from the discussion.",
                Requirement::Coverage { tags: SWE_PEER_REFLECTION },
            ),
            rule("swe-peer-registered", "S44", "Your peer is a registered social worker.", Requirement::Declaration)
                .unconfirmed(),
            rule(
                "swe-record",
                "S43, S45",
                "Each piece recorded with its type, description and relevance, date, what you learned and its impact \
                 on your practice and on people, in line with professional standard 4 (4.1–4.8).",
                Requirement::Declaration,
            ),
        ],
        source: "socialworkengland.org.uk and guides (S43–S46 in the Praxis reference)",
        last_checked: LAST_CHECKED,
        notes: &[
            "The registration year runs 1 Dec–30 Nov; renewal opens on 1 Sep and CPD is due by 23:59 on 30 Nov (S43, \
             S44).",
            "No hours (S43).",
            "No CPD rule on AI; Social Work England commissioned research on AI in social work in 2025 (S46).",
        ],
    },
    Regulator {
        id: "goc",
        name: "General Optical Council (GOC)",
        cycle: Cycle::FixedYear { start_month: Month::January, start_day: 1, years: 3 },
        cycle_confirmed: false,
        roles: &[
            Role { id: "registrant", name: "Optometrist or dispensing optician", cycle: None },
            Role { id: "specialty", name: "Specialty registrant", cycle: None },
        ],
        rules: &[
            rule(
                "goc-points",
                "S47, S48",
                "36 CPD points in the 3-year cycle.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 36.0, participatory: false },
            )
            .for_roles(&["registrant"]),
            rule(
                "goc-points-specialty",
                "S47, S48",
                "54 CPD points in the 3-year cycle.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 54.0, participatory: false },
            )
            .for_roles(&["specialty"]),
            rule(
                "goc-interactive",
                "S47, S48",
                "At least 18 points from interactive CPD, learning with others.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 18.0, participatory: true },
            ),
            rule(
                "goc-domains",
                "S47, S48",
                "At least one point in each of the four domains.",
                Requirement::Coverage { tags: GOC_DOMAINS },
            ),
            rule(
                "goc-peer-review",
                "S47, S48",
                "At least one peer review, and a reflection on it.",
                Requirement::Count { kind: EvidenceKind::PeerDiscussion, minimum: 1, planned_only: false },
            ),
            rule("goc-pdp", "S47, S48", "A personal development plan.", Requirement::Declaration),
        ],
        source: "GOC site (mygoc mirror) and aop.org.uk (S47, S48 in the Praxis reference)",
        last_checked: LAST_CHECKED,
        notes: &[
            "Cycles run for 3 calendar years: 2022–24 is confirmed, later cycle dates are unconfirmed (S47, S48). \
             Enter the last day of your cycle.",
            "Praxis counts one hour of CPD as one point: the reference gives points, not hours.",
            "Aim for about 6 points a year (S47, S48).",
            "The reference gives 18 interactive points without saying whether specialty registrants need more.",
        ],
    },
    Regulator {
        id: "gosc",
        name: "General Osteopathic Council (GOsC)",
        cycle: Cycle::YearsEndingOnRenewal(3),
        cycle_confirmed: false,
        roles: &[],
        rules: &[
            rule(
                "gosc-hours",
                "S49, S50",
                "90 hours of CPD in the 3-year cycle.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 90.0, participatory: false },
            ),
            rule(
                "gosc-with-others",
                "S49, S50",
                "At least 45 of those hours learning with others.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 45.0, participatory: true },
            ),
            rule(
                "gosc-themes",
                "S49, S50",
                "CPD in all four themes of the Osteopathic Practice Standards.",
                Requirement::Coverage { tags: GOSC_THEMES },
            ),
            rule(
                "gosc-objective",
                "S49, S50",
                "At least one objective activity, such as patient feedback, peer observation or clinical audit.",
                Requirement::Coverage { tags: GOSC_OBJECTIVE },
            ),
            rule(
                "gosc-communication-consent",
                "S49, S50",
                "At least one CPD activity on communication and consent.",
                Requirement::Coverage { tags: GOSC_CONSENT },
            ),
            rule(
                "gosc-peer-discussion-review",
                "S49, S50",
                "A Peer Discussion Review at the end of the cycle.",
                Requirement::Count { kind: EvidenceKind::PeerDiscussion, minimum: 1, planned_only: false },
            ),
            rule("gosc-annual-declaration", "S49, S50", "A CPD declaration every year.", Requirement::Declaration),
        ],
        source: "cpd.osteopathy.org.uk (S49, S50 in the Praxis reference)",
        last_checked: LAST_CHECKED,
        notes: &[
            "The reference gives the cycle's length but not when it starts: Praxis counts the 3 years up to the date \
             you enter.",
        ],
    },
    Regulator {
        id: "gcc",
        name: "General Chiropractic Council (GCC)",
        cycle: Cycle::FixedYear { start_month: Month::September, start_day: 1, years: 1 },
        cycle_confirmed: true,
        roles: &[],
        rules: &[
            rule(
                "gcc-hours",
                "S51, S52",
                "At least 30 hours of CPD in the CPD year (1 Sep–31 Aug).",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 30.0, participatory: false },
            ),
            rule(
                "gcc-with-others",
                "S51, S52",
                "At least 15 of those hours learning with others, with evidence of it in case of audit.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 15.0, participatory: true },
            ),
            rule("gcc-plan", "S51, S52", "Plan, record and evaluate your CPD.", Requirement::Declaration),
            rule("gcc-summary", "S51, S52", "Your online CPD summary for the year.", Requirement::Declaration),
            rule(
                "gcc-directed-topic",
                "S51, S52",
                "CPD on the GCC's directed topic for the year.",
                Requirement::Declaration,
            ),
        ],
        source: "gcc-uk.org (S51, S52 in the Praxis reference)",
        last_checked: LAST_CHECKED,
        notes: &[],
    },
    Regulator {
        id: "psni",
        name: "Pharmaceutical Society of Northern Ireland (PSNI)",
        cycle: Cycle::FixedYear { start_month: Month::June, start_day: 1, years: 1 },
        cycle_confirmed: true,
        roles: &[],
        rules: &[
            rule(
                "psni-entries",
                "S53",
                "A full portfolio of 4 to 10 CPD cycles (entries).",
                Requirement::Count { kind: EvidenceKind::Cpd, minimum: 4, planned_only: false },
            ),
            rule(
                "psni-hours",
                "S53",
                "At least 30 hours of CPD.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 30.0, participatory: false },
            ),
            rule(
                "psni-balance",
                "S53",
                "At least half of your entries scheduled (planned), and at least three quarters within your current \
                 scope of practice and evaluated in practice.",
                Requirement::Declaration,
            ),
        ],
        source: "psni.org.uk (S53 in the Praxis reference)",
        last_checked: LAST_CHECKED,
        notes: &[
            "The CPD year runs 1 Jun–31 May and the portfolio is due by 31 May (S53).",
            "Submit no more than 10 entries (S53).",
            "A partial portfolio needs 15 hours; the reference does not say who submits one, so Praxis checks a full \
             portfolio (S53).",
            "Portfolios are marked, with a pass mark of 50% (S53).",
        ],
    },
    Regulator {
        id: "niscc",
        name: "Northern Ireland Social Care Council (NISCC)",
        cycle: Cycle::YearsEndingOnRenewal(3),
        cycle_confirmed: true,
        roles: &[
            Role { id: "social-worker", name: "Social worker or manager", cycle: None },
            Role { id: "care-worker", name: "Social care worker", cycle: Some(Cycle::YearsEndingOnRenewal(5)) },
        ],
        rules: &[
            rule(
                "niscc-prtl-hours",
                "S59, S60",
                "90 hours of post-registration training and learning (PRTL) in your registration period.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 90.0, participatory: false },
            ),
            rule(
                "niscc-learning-plan",
                "S59, S60",
                "A written learning plan agreed with your employer.",
                Requirement::Declaration,
            ),
        ],
        source: "niscc.info (S59, S60 in the Praxis reference)",
        last_checked: LAST_CHECKED,
        notes: &[
            "A registration period is 3 years for social workers and managers and 5 for social care workers: choose \
             your role (S59, S60).",
            "The NISCC audits a sample of registrants (S59, S60).",
        ],
    },
    Regulator {
        id: "sssc",
        name: "Scottish Social Services Council (SSSC)",
        cycle: Cycle::YearsEndingOnRenewal(1),
        cycle_confirmed: false,
        roles: &[],
        rules: &[
            rule(
                "sssc-core-learning",
                "S57, S58",
                "The core learning elements for your role and career stage, including the mandatory trauma and \
                 protection learning.",
                Requirement::Declaration,
            ),
            rule("sssc-annual-declaration", "S57, S58", "Your annual declaration.", Requirement::Declaration),
        ],
        source: "news.sssc.uk.com (S57, S58 in the Praxis reference)",
        last_checked: LAST_CHECKED,
        notes: &[
            "No hours since 3 Jun 2024: core learning elements for your role and career stage replaced them \
             (S57, S58).",
            "From May 2025 employers verify a sample of declarations (S57, S58).",
            "The reference gives an annual declaration but no registration period: Praxis shows the year up to the \
             date you enter.",
        ],
    },
    Regulator {
        id: "scw",
        name: "Social Care Wales",
        cycle: Cycle::YearsEndingOnRenewal(3),
        cycle_confirmed: true,
        roles: &[],
        rules: &[
            rule(
                "scw-confirm-learning",
                "S55, S56",
                "Confirm your learning when you renew your registration.",
                Requirement::Declaration,
            ),
            rule(
                "scw-own-record",
                "S55, S56",
                "Keep your own record of your learning, in case yours is sampled.",
                Requirement::Declaration,
            ),
        ],
        source: "socialcare.wales and Community Care (S54–S56 in the Praxis reference)",
        last_checked: LAST_CHECKED,
        notes: &[
            "No hours and no logging since 1 Apr 2025 (S55, S56).",
            "Before that: 90 hours for social workers and managers, 45 for care workers, per registration, logged \
             with date, title, duration and what it contributed (S54).",
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::framework::REGULATORS;

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
        let gdc: Vec<&str> = standards_tags(find("gdc").unwrap()).iter().map(|t| t.id).collect();
        assert_eq!(gdc, ["gdc:A", "gdc:B", "gdc:C", "gdc:D"]);
        let nmc: Vec<&str> = standards_tags(find("nmc").unwrap()).iter().map(|t| t.id).collect();
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
        assert_eq!(nurse.role.map(|role| role.id), Some("dcp-50"));
        assert!(nurse.is_ready(), "{:?}", nurse.rules);
        assert!(nurse.rules.iter().all(|progress| progress.rule.id != "gdc-hours-dentist"));

        for role in [None, Some("astronaut")] {
            let dentist = evaluate(regulator("gdc"), role, renewal, renewal, &evidence);
            assert_eq!(dentist.role.map(|role| role.id), Some("dentist"));
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
        static SCHEME: Regulator = Regulator {
            id: "test",
            name: "Test",
            cycle: Cycle::YearsEndingOnRenewal(1),
            cycle_confirmed: true,
            roles: &[],
            rules: &[
                rule(
                    "test-feedback",
                    "S0",
                    "One piece of feedback.",
                    Requirement::Count { kind: EvidenceKind::Feedback, minimum: 1, planned_only: false },
                ),
                rule(
                    "test-unsure",
                    "S0",
                    "Ten peer discussions.",
                    Requirement::Count { kind: EvidenceKind::PeerDiscussion, minimum: 10, planned_only: false },
                )
                .unconfirmed(),
                rule("test-declaration", "S0", "A declaration.", Requirement::Declaration),
            ],
            source: "test",
            last_checked: LAST_CHECKED,
            notes: &[],
        };
        let renewal = date(2027, 1, 1);
        assert!(!evaluate(&SCHEME, None, renewal, renewal, &[]).is_ready());
        let readiness = evaluate(&SCHEME, None, renewal, renewal, &[piece(date(2026, 6, 1), EvidenceKind::Feedback)]);
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
    fn what_the_reference_leaves_unconfirmed_stays_unconfirmed() {
        let confirmed = |id: &str| {
            ALL.iter()
                .flat_map(|regulator| regulator.rules)
                .find(|rule| rule.id == id)
                .expect("the rule exists")
                .confirmed
        };
        assert!(!confirmed("gdc-recommended-topics"));
        assert!(!confirmed("swe-peer-registered"));
        assert!(!regulator("goc").cycle_confirmed);
        for id in ["nmc", "gdc", "goc"] {
            assert!(regulator(id).notes.iter().any(|note| note.contains("unconfirmed")), "{id}");
        }
    }

    #[test]
    fn ids_and_names_match_the_framework_regulators() {
        let ours: Vec<(&str, &str)> = regulators().iter().map(|regulator| (regulator.id, regulator.name)).collect();
        let framework: Vec<(&str, &str)> = REGULATORS.iter().map(|term| (term.id, term.label)).collect();
        assert_eq!(ours, framework);
        assert_eq!(find("gphc").map(|regulator| regulator.id), Some("gphc"));
        assert!(find("rcvs").is_none());
    }

    #[test]
    fn every_regulator_cites_its_sources_and_holds_consistent_data() {
        let mut rule_ids = std::collections::BTreeSet::new();
        for regulator in regulators() {
            let id = regulator.id;
            assert!(!regulator.source.is_empty(), "{id} has a source");
            assert!(parse_day(regulator.last_checked).is_some(), "{id} last_checked is a YYYY-MM-DD date");
            let cycles = std::iter::once(regulator.cycle).chain(regulator.roles.iter().filter_map(|role| role.cycle));
            for cycle in cycles {
                assert!(cycle.years() >= 1, "{id}");
                if let Cycle::FixedYear { start_month, start_day, .. } = cycle {
                    assert!((1..=time::util::days_in_month(start_month, 2023)).contains(&start_day), "{id}");
                }
            }
            assert!(regulator.rules.iter().any(|rule| rule.confirmed), "{id} has a confirmed rule");
            for rule in regulator.rules {
                assert!(rule_ids.insert(rule.id), "{} is unique", rule.id);
                assert!(rule.id.starts_with(&format!("{id}-")), "{} is prefixed", rule.id);
                assert!(rule.source.starts_with('S') && !rule.description.is_empty(), "{} cites a source key", rule.id);
                assert!(rule.roles.iter().all(|role| regulator.role(role).is_some()), "{} names real roles", rule.id);
                let tags = match rule.requirement {
                    Requirement::Coverage { tags } | Requirement::EachTagged { tags, .. } => tags,
                    Requirement::Variety { tags, minimum } => {
                        assert!(minimum as usize <= tags.len(), "{} can be met", rule.id);
                        tags
                    }
                    _ => &[],
                };
                assert!(tags.iter().all(|tag| tag.id.starts_with(&format!("{id}:"))), "{} tags", rule.id);
            }
        }
    }
}
