//! Revalidation and CPD-renewal rules of the UK health and care regulators, as data, and the engine that checks a
//! learner's evidence against them.
//!
//! Each [`Regulator`] holds its cycle, its [`Rule`]s and where the facts came from: every rule names the published
//! page ([`Source`]: a title and a URL the learner can open) it was checked against, and `docs/sources.md` lists
//! every such page with what it supports. Pages change, so each regulator carries `last_checked`, and anything
//! that could not be confirmed on a published page is marked so in the data (`Rule::confirmed`,
//! `Regulator::cycle_confirmed`, notes). Unconfirmed rules are shown but never decide whether a learner is ready.
//!
//! [`evaluate`] works out the cycle window that ends with the learner's renewal, keeps only the evidence dated
//! inside it, and reports each rule's progress in words a learner can act on. Things Praxis cannot check
//! (declarations, health and character, a confirmer's sign-off) are [`Requirement::Declaration`] reminders.

use time::{Date, Month};

use crate::domain::framework::{Term, REGULATORS};
use crate::domain::words;

/// When the facts below were last checked against the pages they cite.
const LAST_CHECKED: &str = "2026-12-02";

/// A published page a rule comes from, which the learner can open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub title: &'static str,
    pub url: &'static str,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.title, self.url)
    }
}

const fn page(title: &'static str, url: &'static str) -> Source {
    Source { title, url }
}

// Every page cited below is listed, with what it supports, in docs/sources.md (a test checks).
pub const NMC_REVALIDATION: Source = page("Revalidation (NMC)", "https://www.nmc.org.uk/revalidation/");
const NMC_SUBMIT: Source = page(
    "Submit your application (NMC)",
    "https://www.nmc.org.uk/revalidation/online-application/submit-your-application/",
);
const NMC_MYNMC: Source = page(
    "Revalidating: your guide to MyNMC (NMC)",
    "https://www.nmc.org.uk/registration/your-guide-to-mynmc/revalidating",
);
pub const NMC_CODE_REVIEW: Source = page(
    "NMC sets out programme of work to support nursing and midwifery practice (NMC, 18 February 2025)",
    "https://www.nmc.org.uk/news/news-and-updates/nmc-sets-out-programme-of-work-to-support-nursing-and-midwifery-practice",
);
pub const GMC_SUPPORTING_PAGE: Source = page(
    "Guidance on supporting information for revalidation (GMC)",
    "https://www.gmc-uk.org/registration-and-licensing/managing-your-registration/revalidation/guidance-on-supporting-information-for-revalidation/guidance-on-supporting-information-for-revalidation",
);
pub const RCGP_AI_APPRAISAL: Source = page(
    "Using generative AI in your appraisal preparations (RCGP)",
    "https://www.rcgp.org.uk/your-career/revalidation/artificial-intelligence-appraisal",
);
const RCGP_CPD: Source =
    page("Continuing professional development (RCGP)", "https://www.rcgp.org.uk/your-career/jobs-advice-toolkit/cpd");
const WESSEX_LMC_CPD: Source = page(
    "CPD: Continuing Professional Development (Wessex LMCs)",
    "https://www.wessexlmcs.com/cpdcontinuingprofessionaldevelopment",
);
pub const HCPC_CPD: Source = page("What is CPD? (HCPC)", "https://www.hcpc-uk.org/cpd/what-is-cpd/");
pub const GDC_CPD: Source =
    page("Continuing professional development (GDC)", "https://www.gdc-uk.org/education-cpd/cpd");
const GDC_TOPICS: Source =
    page("Recommended CPD topics (GDC)", "https://www.gdc-uk.org/education-cpd/cpd/recommended-cpd-topics");
pub const GPHC_REVALIDATION: Source = page(
    "Revalidation resources for pharmacy professionals (GPhC)",
    "https://www.pharmacyregulation.org/revalidation-resources-pharmacy-professionals",
);
pub const GPHC_AI_STATEMENT: Source = page(
    "Pharmacy regulator publishes AI statement (The Pharmaceutical Journal, on the GPhC position statement of 20 April 2026)",
    "https://pharmaceutical-journal.com/article/news/pharmacy-regulator-publishes-ai-statement",
);
pub const SWE_PEER_REFLECTION_PAGE: Source =
    page("Peer reflection (Social Work England)", "https://www.socialworkengland.org.uk/cpd/peer-reflection/");
const SWE_RENEWAL: Source = page(
    "Registration renewal (Social Work England)",
    "https://www.socialworkengland.org.uk/cpd/registration-renewal-and-cpd/",
);
const GOC_REQUIREMENTS: Source = page(
    "Introduction to CPD and registrant requirements (GOC)",
    "https://optical.org/en/education-and-cpd/continuing-professional-development/introduction-to-cpd-and-registrant-requirements",
);
const GOC_2025_27: Source = page(
    "Staying ahead: guidance on the new 2025-27 CPD cycle (GOC, 21 March 2025)",
    "https://optical.org/resource/staying-ahead-guidance-on-the-new-2025-27-cpd-cycle.html",
);
const GOSC_CYCLE: Source =
    page("Completing your CPD cycle (GOsC)", "https://cpd.osteopathy.org.uk/getting-started/completing-your-cpd-cycle");
const GCC_CPD: Source =
    page("Continuing Professional Development (GCC)", "https://www.gcc-uk.org/i-am-a-chiropractor/cpd");
const PSNI_CPD: Source = page("Continuing professional development (PSNI)", "https://www.psni.org.uk/");
const NISCC_PRTL: Source = page(
    "PRTL: Post Registration Training and Learning (NISCC)",
    "https://niscc.info/index.php/prtl-post-registration-training-and-learning",
);
const SSSC_NEWS: Source = page("SSSC News (Scottish Social Services Council)", "https://news.sssc.uk.com/");
const SCW_HOME: Source = page("Social Care Wales", "https://socialcare.wales/");

/// Every page this file cites, for the test that each is listed in docs/sources.md.
pub const SOURCES: &[Source] = &[
    NMC_REVALIDATION,
    NMC_SUBMIT,
    NMC_MYNMC,
    NMC_CODE_REVIEW,
    GMC_SUPPORTING_PAGE,
    RCGP_AI_APPRAISAL,
    RCGP_CPD,
    WESSEX_LMC_CPD,
    HCPC_CPD,
    GDC_CPD,
    GDC_TOPICS,
    GPHC_REVALIDATION,
    GPHC_AI_STATEMENT,
    SWE_PEER_REFLECTION_PAGE,
    SWE_RENEWAL,
    GOC_REQUIREMENTS,
    GOC_2025_27,
    GOSC_CYCLE,
    GCC_CPD,
    PSNI_CPD,
    NISCC_PRTL,
    SSSC_NEWS,
    SCW_HOME,
];

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
    /// `false` where no published page could confirm the rule: shown, but it never decides readiness.
    pub confirmed: bool,
    /// The role ids the rule applies to; empty for every role.
    pub roles: &'static [&'static str],
    /// The published page the rule was checked against.
    pub source: Source,
}

impl Rule {
    /// Whether Praxis can check the rule against evidence, rather than only remind the learner of it.
    pub fn is_checkable(&self) -> bool {
        !matches!(self.requirement, Requirement::Declaration)
    }

    fn applies_to(&self, role: Option<&Role>) -> bool {
        self.roles.is_empty() || role.is_some_and(|role| self.roles.contains(&role.id))
    }

    /// Every shipped rule was found on a published page, so only the tests mark one unconfirmed today; the data
    /// keeps the flag for the next rule that cannot be confirmed.
    #[cfg(test)]
    const fn unconfirmed(self) -> Self {
        Self { confirmed: false, ..self }
    }

    const fn for_roles(self, roles: &'static [&'static str]) -> Self {
        Self { roles, ..self }
    }
}

/// A confirmed rule for every role; [`Rule::for_roles`] narrows it.
const fn rule(id: &'static str, source: Source, description: &'static str, requirement: Requirement) -> Rule {
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
    /// At least `hours` of CPD in every run of `window_years` consecutive cycle years (GDC: 10 h in any 2 years),
    /// including the run that spans the join with the previous cycle when the record reaches back into it.
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
    /// `false` where no published page confirmed the cycle's dates or start; the notes say what to check.
    pub cycle_confirmed: bool,
    /// When the application or submission is due, relative to the renewal date the learner enters.
    pub due: Due,
    /// Empty when every registrant has the same rules; otherwise the first role is the default.
    pub roles: &'static [Role],
    pub rules: &'static [Rule],
    /// The regulator's main page on these rules.
    pub source: Source,
    /// The day the facts were last checked (YYYY-MM-DD).
    pub last_checked: &'static str,
    /// Learner-facing context the rules cannot carry.
    pub notes: &'static [&'static str],
}

/// When a regulator wants the application, relative to the renewal (expiry) date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// On the renewal date itself.
    OnRenewal,
    /// By the 1st of the month in which registration expires (NMC: the revalidation application date).
    FirstOfRenewalMonth,
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

/// A regulator's name as `framework::REGULATORS` gives it, so the name is written once. `ALL` is
/// evaluated while compiling, so an id missing from `framework::REGULATORS` stops the build.
const fn framework_name(id: &str) -> &'static str {
    let mut i = 0;
    while i < REGULATORS.len() {
        if same(REGULATORS[i].id.as_bytes(), id.as_bytes()) {
            return REGULATORS[i].label;
        }
        i += 1;
    }
    panic!("a regulator in revalidation::ALL is missing from framework::REGULATORS")
}

/// `a == b`, which `const fn` cannot write for strings yet.
const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Every regulator Praxis knows, in `framework::REGULATORS` order.
pub fn regulators() -> &'static [Regulator] {
    ALL
}

/// The Code's four themes, which NMC forms ask each entry to relate to,
/// though no rule requires covering them all.
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

/// The regulator with this id.
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

fn labels(tags: Vec<&Term>) -> String {
    tags.iter().map(|tag| tag.label).collect::<Vec<_>>().join(", ")
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

const GMC_SUPPORTING_INFORMATION: &[Term] = &[
    Term { id: "gmc:cpd", label: "Continuing professional development" },
    Term { id: "gmc:quality-improvement", label: "Quality improvement activity" },
    Term { id: "gmc:significant-events", label: "Significant events" },
    Term { id: "gmc:patient-feedback", label: "Patient feedback (a formal exercise at least once per cycle)" },
    Term { id: "gmc:colleague-feedback", label: "Colleague feedback (a formal exercise at least once per cycle)" },
    Term { id: "gmc:compliments-complaints", label: "Compliments and complaints" },
];

/// HCPC's own names for its learning types (hcpc-uk.org "What activities count as CPD"); its standards ask for a
/// mixture, which Praxis reads as at least two.
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
        name: framework_name("nmc"),
        cycle: Cycle::YearsEndingOnRenewal(3),
        cycle_confirmed: true,
        due: Due::FirstOfRenewalMonth,
        roles: &[
            Role { id: "single", name: "Nurse, midwife or nursing associate", cycle: None },
            Role { id: "nurse-and-midwife", name: "Nurse and midwife (both registrations)", cycle: None },
        ],
        rules: &[
            rule(
                "nmc-practice-hours",
                NMC_REVALIDATION,
                "450 practice hours since your last renewal.",
                Requirement::Hours { kind: EvidenceKind::PracticeHours, minimum: 450.0, participatory: false },
            )
            .for_roles(&["single"]),
            rule(
                "nmc-practice-hours-dual",
                NMC_REVALIDATION,
                "900 practice hours since your last renewal, as a nurse and a midwife.",
                Requirement::Hours { kind: EvidenceKind::PracticeHours, minimum: 900.0, participatory: false },
            )
            .for_roles(&["nurse-and-midwife"]),
            rule(
                "nmc-cpd-hours",
                NMC_REVALIDATION,
                "35 hours of CPD.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 35.0, participatory: false },
            ),
            rule(
                "nmc-participatory-hours",
                NMC_REVALIDATION,
                "At least 20 of those hours participatory: learning with at least one other professional, in \
                 person or online.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 20.0, participatory: true },
            ),
            rule(
                "nmc-feedback",
                NMC_REVALIDATION,
                "5 pieces of practice-related feedback, noting what they said and how you used them.",
                Requirement::Count { kind: EvidenceKind::Feedback, minimum: 5, planned_only: false },
            ),
            rule(
                "nmc-reflective-accounts",
                NMC_REVALIDATION,
                "5 written reflective accounts on the NMC form, each related to the Code.",
                Requirement::Count { kind: EvidenceKind::ReflectiveAccount, minimum: 5, planned_only: false },
            ),
            rule(
                "nmc-reflective-discussion",
                NMC_REVALIDATION,
                "A reflective discussion about all 5 accounts, face to face with another NMC registrant.",
                Requirement::Count { kind: EvidenceKind::ReflectiveDiscussion, minimum: 1, planned_only: false },
            ),
            rule(
                "nmc-application-date",
                NMC_SUBMIT,
                "Your revalidation application submitted by the 1st of the month your registration expires; the \
                 online form opens 60 days before that date.",
                Requirement::Declaration,
            ),
            rule(
                "nmc-health-character",
                NMC_REVALIDATION,
                "A health and character declaration.",
                Requirement::Declaration,
            ),
            rule(
                "nmc-indemnity",
                NMC_REVALIDATION,
                "A declaration that you have an appropriate indemnity arrangement.",
                Requirement::Declaration,
            ),
            rule(
                "nmc-confirmation",
                NMC_REVALIDATION,
                "Confirmation, in the 12 months before you renew, by a confirmer: ideally your line manager, who need \
                 not be on the NMC register.",
                Requirement::Declaration,
            ),
        ],
        source: NMC_REVALIDATION,
        last_checked: LAST_CHECKED,
        notes: &[
            "Enter the date your registration expires. Your revalidation application is due by the 1st of that month, \
             so Praxis counts down to that day; the online form opens 60 days before it (NMC: Submit your \
             application; Revalidating: your guide to MyNMC).",
            "Only evidence since your last renewal, or since you joined the register, counts.",
            "Keep anything that could identify a person out of feedback and reflections.",
            "The Code has no AI standard yet. The NMC plans a modernised Code and revalidation, likely to address \
             artificial intelligence, with consultation in 2026 and the new versions in force from October 2027 \
             (NMC, 18 February 2025).",
        ],
    },
    Regulator {
        id: "gmc",
        name: framework_name("gmc"),
        cycle: Cycle::YearsEndingOnRenewal(5),
        cycle_confirmed: true,
        due: Due::OnRenewal,
        roles: &[],
        rules: &[
            rule(
                "gmc-supporting-information",
                GMC_SUPPORTING_PAGE,
                "All six types of supporting information in the cycle.",
                Requirement::Coverage { tags: GMC_SUPPORTING_INFORMATION },
            ),
            rule(
                "gmc-annual-appraisal",
                GMC_SUPPORTING_PAGE,
                "A whole-practice appraisal every year, where you discuss your supporting information.",
                Requirement::Declaration,
            ),
            rule(
                "gmc-annual-cpd",
                GMC_SUPPORTING_PAGE,
                "CPD every year across your whole practice, reflected on and discussed at each appraisal.",
                Requirement::Declaration,
            ),
            rule(
                "gmc-appraisal-details",
                GMC_SUPPORTING_PAGE,
                "Your GMC number, the places and roles you have worked in since your last appraisal, a personal \
                 development plan, and probity and health statements.",
                Requirement::Declaration,
            ),
        ],
        source: GMC_SUPPORTING_PAGE,
        last_checked: LAST_CHECKED,
        notes: &[
            "Revalidation is normally every 5 years, on your responsible officer's recommendation; physician \
             associates and anaesthesia associates revalidate with the GMC too.",
            "The GMC sets no minimum hours or credits (RCGP: Continuing professional development). For GPs, about 50 \
             credits a year is a recommendation, not a GMC requirement (Wessex LMCs: CPD).",
            "For GPs: the RCGP recommends that you do not use AI to write reflections on learning, and that you tell \
             your appraiser whether you used AI in preparing your evidence; your responsible officer may have \
             rules of their own (RCGP: Using generative AI in your appraisal preparations).",
            "Good medical practice 2024 applies when you use AI; the MHRA, not the GMC, regulates medical devices.",
        ],
    },
    Regulator {
        id: "hcpc",
        name: framework_name("hcpc"),
        cycle: Cycle::YearsEndingOnRenewal(2),
        cycle_confirmed: true,
        due: Due::OnRenewal,
        roles: &[],
        rules: &[
            rule(
                "hcpc-learning-types",
                HCPC_CPD,
                "A mix of learning: at least two different types of CPD activity.",
                Requirement::Variety { tags: HCPC_LEARNING_TYPES, minimum: 2 },
            ),
            rule(
                "hcpc-continuous-record",
                HCPC_CPD,
                "A continuous, accurate, dated record of your CPD since you last renewed, ready to explain any gap of \
                 3 months or more.",
                Requirement::Declaration,
            ),
            rule(
                "hcpc-quality-and-benefit",
                HCPC_CPD,
                "CPD relevant to your current or future practice that improves your practice or service and \
                 benefits service users.",
                Requirement::Declaration,
            ),
            rule(
                "hcpc-profile",
                HCPC_CPD,
                "If audited, a profile: a practice summary (up to 500 words), your dated CPD list, a statement (up \
                 to 1,500 words) on standards 3 and 4 drawing on about 4–6 activities, and evidence.",
                Requirement::Declaration,
            ),
            rule("hcpc-declaration", HCPC_CPD, "The CPD declaration when you renew.", Requirement::Declaration),
        ],
        source: HCPC_CPD,
        last_checked: LAST_CHECKED,
        notes: &[
            "No hours: the HCPC looks for its CPD standards being met, not totals.",
            "Each profession renews every 2 years in its own window (radiographers 1 Dec–28 Feb, paramedics 1 Jun–31 \
             Aug; physiotherapists and occupational therapists have their own): enter your own renewal date.",
            "At each renewal the HCPC randomly selects 2.5% of each profession to send a CPD profile.",
            "The names of the learning types are the HCPC's own list; its standards ask for a mixture of them.",
            "The standards of proficiency in force from 1 Sep 2023 include digital skills and new technologies.",
        ],
    },
    Regulator {
        id: "gdc",
        name: framework_name("gdc"),
        cycle: Cycle::FixedYear { start_month: Month::January, start_day: 1, years: 5 },
        cycle_confirmed: true,
        due: Due::OnRenewal,
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
                GDC_CPD,
                "100 hours of verifiable CPD in your 5-year cycle.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 100.0, participatory: false },
            )
            .for_roles(&["dentist"]),
            rule(
                "gdc-hours-dcp-75",
                GDC_CPD,
                "75 hours of verifiable CPD in your 5-year cycle.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 75.0, participatory: false },
            )
            .for_roles(&["dcp-75"]),
            rule(
                "gdc-hours-dcp-50",
                GDC_CPD,
                "50 hours of verifiable CPD in your 5-year cycle.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 50.0, participatory: false },
            )
            .for_roles(&["dcp-50"]),
            rule(
                "gdc-every-two-years",
                GDC_CPD,
                "At least 10 hours of verifiable CPD in every 2 consecutive years of your cycle.",
                Requirement::MinimumPerWindow { hours: 10.0, window_years: 2 },
            ),
            rule(
                "gdc-outcomes",
                GDC_CPD,
                "At least one development outcome for each CPD activity.",
                Requirement::EachTagged { kind: EvidenceKind::Cpd, tags: GDC_OUTCOMES },
            ),
            rule(
                "gdc-record",
                GDC_CPD,
                "A personal development plan, an activity log (title, date, certificate hours, outcomes, reflection) \
                 and evidence, kept for 5 years after the cycle ends.",
                Requirement::Declaration,
            ),
            rule(
                "gdc-verifiable",
                GDC_CPD,
                "Only verifiable CPD: documented aims and objectives, anticipated outcomes, quality controls and the \
                 provider's proof of your hours.",
                Requirement::Declaration,
            ),
            rule(
                "gdc-annual-statement",
                GDC_CPD,
                "A CPD statement every year, even when you did none that year.",
                Requirement::Declaration,
            ),
            rule(
                "gdc-end-of-cycle-statement",
                GDC_CPD,
                "An end-of-cycle statement within 28 days of the end of your cycle.",
                Requirement::Declaration,
            ),
            rule(
                "gdc-recommended-topics",
                GDC_TOPICS,
                "The GDC's highly recommended topics: medical emergencies (at least 10 hours a cycle, and at least 2 \
                 every year), disinfection and decontamination (at least 5 hours a cycle), and radiography and \
                 radiation protection if you take radiographs (at least 5 hours a cycle; dental technicians may do \
                 materials and equipment instead).",
                Requirement::Declaration,
            ),
        ],
        source: GDC_CPD,
        last_checked: LAST_CHECKED,
        notes: &[
            "Choose your role: hours differ, and dental care professionals' CPD years run 1 Aug–31 Jul, dentists' \
             1 Jan–31 Dec.",
            "Praxis counts every CPD hour you log toward the verifiable total, so log only verifiable CPD, with the \
             hours on the certificate and no breaks or travel.",
            "The 10-hour rule applies to every two consecutive years, including the last year of your previous cycle \
             with the first of this one. Praxis checks years 1–2, 2–3, 3–4 and 4–5, and the pair across the join \
             once your log holds CPD from your previous cycle. It cannot tell whether this is your first cycle.",
            "The GDC also recommends keeping up to date in legal and ethical issues, complaints handling, early \
             detection of oral cancer and safeguarding of children and of vulnerable adults (Recommended CPD \
             topics).",
            "Cover all four development outcomes across your CPD if you can: the GDC encourages it.",
            "The GDC has published research on AI in dentistry but no CPD rule on AI: unconfirmed.",
        ],
    },
    Regulator {
        id: "gphc",
        name: framework_name("gphc"),
        cycle: Cycle::YearsEndingOnRenewal(1),
        cycle_confirmed: true,
        due: Due::OnRenewal,
        roles: &[],
        rules: &[
            rule(
                "gphc-cpd-records",
                GPHC_REVALIDATION,
                "4 CPD records.",
                Requirement::Count { kind: EvidenceKind::Cpd, minimum: 4, planned_only: false },
            ),
            rule(
                "gphc-planned-records",
                GPHC_REVALIDATION,
                "At least 2 of those records planned: what and why you set out to learn, how, and a real example of \
                 the benefit to the people using your services.",
                Requirement::Count { kind: EvidenceKind::Cpd, minimum: 2, planned_only: true },
            ),
            rule(
                "gphc-peer-discussion",
                GPHC_REVALIDATION,
                "1 peer discussion with a peer you choose, recording how it benefited your practice (not a \
                 transcript).",
                Requirement::Count { kind: EvidenceKind::PeerDiscussion, minimum: 1, planned_only: false },
            ),
            rule(
                "gphc-reflective-account",
                GPHC_REVALIDATION,
                "1 reflective account on how you meet the standards the GPhC selected, with a real example.",
                Requirement::Count { kind: EvidenceKind::ReflectiveAccount, minimum: 1, planned_only: false },
            ),
            rule(
                "gphc-own-work",
                GPHC_AI_STATEMENT,
                "Your own submission: using AI to create a full revalidation submission is not appropriate.",
                Requirement::Declaration,
            ),
        ],
        source: GPHC_REVALIDATION,
        last_checked: LAST_CHECKED,
        notes: &[
            "Pharmacists and pharmacy technicians submit once a year via myGPhC when they renew, and a sample is \
             reviewed.",
            "An unplanned record gives the activity, what you learned, how you applied it and the benefit.",
            "For the reflective account the GPhC currently names standards 3 (communicate effectively), 6 (behave \
             professionally) and 9 (demonstrate leadership); check the page before you write, as it can change.",
            "The GPhC's position statement on AI (20 April 2026): you stay personally accountable when using AI, \
             should understand its intended use, limits and biases, review its output, be open with patients about \
             it, and must not use AI to create a full revalidation submission.",
        ],
    },
    Regulator {
        id: "swe",
        name: framework_name("swe"),
        cycle: Cycle::FixedYear { start_month: Month::December, start_day: 1, years: 1 },
        cycle_confirmed: true,
        due: Due::OnRenewal,
        roles: &[],
        rules: &[
            rule(
                "swe-cpd-pieces",
                SWE_RENEWAL,
                "At least 2 different pieces of CPD in the registration year.",
                Requirement::Count { kind: EvidenceKind::Cpd, minimum: 2, planned_only: false },
            ),
            rule(
                "swe-peer-reflection",
                SWE_PEER_REFLECTION_PAGE,
                "At least one piece reflected on with a peer, recording what you learned from the discussion.",
                Requirement::Coverage { tags: SWE_PEER_REFLECTION },
            ),
            rule(
                "swe-peer",
                SWE_PEER_REFLECTION_PAGE,
                "Your peer is a social worker registered in the UK, your line manager or supervisor, or another \
                 professional who knows your social work practice.",
                Requirement::Declaration,
            ),
            rule(
                "swe-record",
                SWE_RENEWAL,
                "Each piece recorded with its type, description and relevance, date, what you learned and its impact \
                 on your practice and on people, in line with professional standard 4 (4.1–4.8).",
                Requirement::Declaration,
            ),
        ],
        source: SWE_RENEWAL,
        last_checked: LAST_CHECKED,
        notes: &[
            "The registration year runs 1 Dec–30 Nov; renewal opens on 1 Sep and your CPD must be recorded by 30 Nov.",
            "No hours.",
            "The peer does not approve your learning: they help you think about how to improve your practice \
             (Peer reflection).",
            "No CPD rule on AI; Social Work England commissioned research on AI in social work in 2025.",
        ],
    },
    Regulator {
        id: "goc",
        name: framework_name("goc"),
        cycle: Cycle::FixedYear { start_month: Month::January, start_day: 1, years: 3 },
        cycle_confirmed: true,
        due: Due::OnRenewal,
        roles: &[
            Role { id: "registrant", name: "Optometrist or dispensing optician", cycle: None },
            Role { id: "specialty", name: "Optometrist with a prescribing specialty", cycle: None },
        ],
        rules: &[
            rule(
                "goc-points",
                GOC_REQUIREMENTS,
                "36 CPD points in the 3-year cycle.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 36.0, participatory: false },
            )
            .for_roles(&["registrant"]),
            rule(
                "goc-points-specialty",
                GOC_REQUIREMENTS,
                "54 CPD points in the 3-year cycle: the 36 every registrant needs and 18 more specialty points.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 54.0, participatory: false },
            )
            .for_roles(&["specialty"]),
            rule(
                "goc-interactive",
                GOC_REQUIREMENTS,
                "At least 18 points from interactive CPD, learning with others.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 18.0, participatory: true },
            ),
            rule(
                "goc-domains",
                GOC_REQUIREMENTS,
                "At least one point in each of the four domains.",
                Requirement::Coverage { tags: GOC_DOMAINS },
            ),
            rule(
                "goc-peer-review",
                GOC_REQUIREMENTS,
                "At least one peer review, and a reflection on it.",
                Requirement::Count { kind: EvidenceKind::PeerDiscussion, minimum: 1, planned_only: false },
            ),
            rule(
                "goc-provider-points",
                GOC_REQUIREMENTS,
                "At least 18 of your points from GOC-approved CPD providers; Praxis cannot tell who provided an \
                 activity, so check your MyCPD account.",
                Requirement::Declaration,
            ),
            rule(
                "goc-specialty-points",
                GOC_2025_27,
                "18 specialty points, in addition to the 36, for your prescribing specialty.",
                Requirement::Declaration,
            )
            .for_roles(&["specialty"]),
            rule(
                "goc-pdp",
                GOC_REQUIREMENTS,
                "A personal development plan at the start of the cycle.",
                Requirement::Declaration,
            ),
        ],
        source: GOC_2025_27,
        last_checked: LAST_CHECKED,
        notes: &[
            "Cycles run for 3 calendar years; the current one runs from 1 January 2025 to 31 December 2027. Enter the \
             last day of your cycle.",
            "Praxis counts one hour of CPD as one point: the GOC counts points, which depend on the activity, so \
             enter the points your provider gives as the hours.",
            "The GOC expects at least 6 points a year.",
            "Whether specialty registrants need more than 18 interactive points is not stated on the pages Praxis \
             checked: unconfirmed.",
        ],
    },
    Regulator {
        id: "gosc",
        name: framework_name("gosc"),
        cycle: Cycle::YearsEndingOnRenewal(3),
        cycle_confirmed: false,
        due: Due::OnRenewal,
        roles: &[],
        rules: &[
            rule(
                "gosc-hours",
                GOSC_CYCLE,
                "90 hours of CPD in the 3-year cycle.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 90.0, participatory: false },
            ),
            rule(
                "gosc-with-others",
                GOSC_CYCLE,
                "At least 45 of those hours learning with others.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 45.0, participatory: true },
            ),
            rule(
                "gosc-themes",
                GOSC_CYCLE,
                "CPD in all four themes of the Osteopathic Practice Standards.",
                Requirement::Coverage { tags: GOSC_THEMES },
            ),
            rule(
                "gosc-objective",
                GOSC_CYCLE,
                "At least one objective activity, such as patient feedback, peer observation or clinical audit.",
                Requirement::Coverage { tags: GOSC_OBJECTIVE },
            ),
            rule(
                "gosc-communication-consent",
                GOSC_CYCLE,
                "At least one CPD activity on communication and consent.",
                Requirement::Coverage { tags: GOSC_CONSENT },
            ),
            rule(
                "gosc-peer-discussion-review",
                GOSC_CYCLE,
                "A Peer Discussion Review at the end of the cycle.",
                Requirement::Count { kind: EvidenceKind::PeerDiscussion, minimum: 1, planned_only: false },
            ),
            rule("gosc-annual-declaration", GOSC_CYCLE, "A CPD declaration every year.", Requirement::Declaration),
        ],
        source: GOSC_CYCLE,
        last_checked: LAST_CHECKED,
        notes: &[
            "The pages Praxis checked give the cycle's length but not when it starts: Praxis counts the 3 years up to \
             the date you enter.",
        ],
    },
    Regulator {
        id: "gcc",
        name: framework_name("gcc"),
        cycle: Cycle::FixedYear { start_month: Month::September, start_day: 1, years: 1 },
        cycle_confirmed: true,
        due: Due::OnRenewal,
        roles: &[],
        rules: &[
            rule(
                "gcc-hours",
                GCC_CPD,
                "At least 30 hours of CPD in the CPD year (1 Sep–31 Aug).",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 30.0, participatory: false },
            ),
            rule(
                "gcc-with-others",
                GCC_CPD,
                "At least 15 of those hours learning with others, with evidence of it in case of audit.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 15.0, participatory: true },
            ),
            rule("gcc-plan", GCC_CPD, "Plan, record and evaluate your CPD.", Requirement::Declaration),
            rule("gcc-summary", GCC_CPD, "Your online CPD summary for the year.", Requirement::Declaration),
            rule(
                "gcc-directed-topic",
                GCC_CPD,
                "CPD on the GCC's directed topic for the year.",
                Requirement::Declaration,
            ),
        ],
        source: GCC_CPD,
        last_checked: LAST_CHECKED,
        notes: &[],
    },
    Regulator {
        id: "psni",
        name: framework_name("psni"),
        cycle: Cycle::FixedYear { start_month: Month::June, start_day: 1, years: 1 },
        cycle_confirmed: true,
        due: Due::OnRenewal,
        roles: &[],
        rules: &[
            rule(
                "psni-entries",
                PSNI_CPD,
                "A full portfolio of 4 to 10 CPD cycles (entries).",
                Requirement::Count { kind: EvidenceKind::Cpd, minimum: 4, planned_only: false },
            ),
            rule(
                "psni-hours",
                PSNI_CPD,
                "At least 30 hours of CPD.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 30.0, participatory: false },
            ),
            rule(
                "psni-balance",
                PSNI_CPD,
                "At least half of your entries scheduled (planned), and at least three quarters within your current \
                 scope of practice and evaluated in practice.",
                Requirement::Declaration,
            ),
        ],
        source: PSNI_CPD,
        last_checked: LAST_CHECKED,
        notes: &[
            "The CPD year runs 1 Jun–31 May and the portfolio is due by 31 May.",
            "Submit no more than 10 entries.",
            "A partial portfolio needs 15 hours; Praxis could not confirm who submits one, so it checks a full \
             portfolio.",
            "Portfolios are marked, with a pass mark of 50%.",
            "These PSNI facts come from the PSNI's site as first researched and were not re-checked on a page this \
             round: confirm them with the PSNI.",
        ],
    },
    Regulator {
        id: "niscc",
        name: framework_name("niscc"),
        cycle: Cycle::YearsEndingOnRenewal(3),
        cycle_confirmed: true,
        due: Due::OnRenewal,
        roles: &[
            Role { id: "social-worker", name: "Social worker or manager", cycle: None },
            Role { id: "care-worker", name: "Social care worker", cycle: Some(Cycle::YearsEndingOnRenewal(5)) },
        ],
        rules: &[
            rule(
                "niscc-prtl-hours",
                NISCC_PRTL,
                "90 hours of post-registration training and learning (PRTL) in your registration period.",
                Requirement::Hours { kind: EvidenceKind::Cpd, minimum: 90.0, participatory: false },
            ),
            rule(
                "niscc-learning-plan",
                NISCC_PRTL,
                "A written learning plan agreed with your employer.",
                Requirement::Declaration,
            ),
        ],
        source: NISCC_PRTL,
        last_checked: LAST_CHECKED,
        notes: &[
            "A registration period is normally 3 years for social workers and managers and 5 for social care \
             workers: choose your role.",
            "The NISCC audits a sample of registrants.",
        ],
    },
    Regulator {
        id: "sssc",
        name: framework_name("sssc"),
        cycle: Cycle::YearsEndingOnRenewal(1),
        cycle_confirmed: false,
        due: Due::OnRenewal,
        roles: &[],
        rules: &[
            rule(
                "sssc-core-learning",
                SSSC_NEWS,
                "The core learning elements for your role and career stage, including the mandatory trauma and \
                 protection learning.",
                Requirement::Declaration,
            ),
            rule("sssc-annual-declaration", SSSC_NEWS, "Your annual declaration.", Requirement::Declaration),
        ],
        source: SSSC_NEWS,
        last_checked: LAST_CHECKED,
        notes: &[
            "No hours since 3 Jun 2024: core learning elements for your role and career stage replaced them.",
            "From May 2025 employers verify a sample of declarations.",
            "Praxis could not confirm the registration period: it shows the year up to the date you enter.",
        ],
    },
    Regulator {
        id: "scw",
        name: framework_name("scw"),
        cycle: Cycle::YearsEndingOnRenewal(3),
        cycle_confirmed: true,
        due: Due::OnRenewal,
        roles: &[],
        rules: &[
            rule(
                "scw-confirm-learning",
                SCW_HOME,
                "Confirm your learning when you renew your registration.",
                Requirement::Declaration,
            ),
            rule(
                "scw-own-record",
                SCW_HOME,
                "Keep your own record of your learning, in case yours is sampled.",
                Requirement::Declaration,
            ),
        ],
        source: SCW_HOME,
        last_checked: LAST_CHECKED,
        notes: &[
            "No hours and no logging since 1 Apr 2025.",
            "Before that: 90 hours for social workers and managers, 45 for care workers, per registration, logged \
             with date, title, duration and what it contributed.",
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

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
            due: Due::OnRenewal,
            roles: &[],
            rules: &[
                rule(
                    "test-feedback",
                    NMC_REVALIDATION,
                    "One piece of feedback.",
                    Requirement::Count { kind: EvidenceKind::Feedback, minimum: 1, planned_only: false },
                ),
                rule(
                    "test-unsure",
                    NMC_REVALIDATION,
                    "Ten peer discussions.",
                    Requirement::Count { kind: EvidenceKind::PeerDiscussion, minimum: 10, planned_only: false },
                )
                .unconfirmed(),
                rule("test-declaration", NMC_REVALIDATION, "A declaration.", Requirement::Declaration),
            ],
            source: NMC_REVALIDATION,
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
    fn confirmation_follows_what_the_cited_pages_say() {
        let rule = |id: &str| {
            ALL.iter().flat_map(|regulator| regulator.rules).find(|rule| rule.id == id).expect("the rule exists")
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
            for text in regulator.notes.iter().copied().chain(regulator.rules.iter().map(|rule| rule.description)) {
                assert!(!internal(text), "{}: {text}", regulator.id);
            }
        }
        for template in crate::domain::reflective::TEMPLATES {
            for question in template.questions {
                assert!(!internal(question.text), "{}: {}", template.id, question.text);
            }
        }
    }

    #[test]
    fn every_cited_page_is_listed_in_docs_sources_md() {
        let listed = include_str!("../../docs/sources.md");
        let cited = regulators()
            .iter()
            .flat_map(|regulator| {
                std::iter::once(regulator.source).chain(regulator.rules.iter().map(|rule| rule.source))
            })
            .chain(crate::domain::reflective::TEMPLATES.iter().map(|template| template.source));
        for source in cited {
            assert!(SOURCES.contains(&source), "{} is in SOURCES", source.title);
        }
        for source in SOURCES {
            assert!(source.url.starts_with("https://") && !source.title.is_empty(), "{source}");
            assert!(listed.contains(source.url), "docs/sources.md lists {}", source.url);
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
            assert!(regulator.source.url.starts_with("https://"), "{id} has a source");
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
                assert!(
                    rule.source.url.starts_with("https://") && !rule.description.is_empty(),
                    "{} cites a page",
                    rule.id
                );
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
