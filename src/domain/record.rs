//! What a learner records, as plain data: the one aggregate the app
//! keeps, stores and exports. Evidence is only ever added to: answering
//! a check again adds an attempt, re-assessing adds a snapshot.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::evidence_ref::EvidenceRef;

/// Everything one learner has recorded in Praxis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LearnerRecord {
    /// A random id that names the learner in exports without saying who
    /// they are (the xAPI actor, the Open Badges subject).
    #[serde(default)]
    pub learner_id: String,
    #[serde(default)]
    pub profile: Profile,
    /// Work on each module, by module id.
    #[serde(default)]
    pub progress: BTreeMap<String, ModuleProgress>,
    /// Completed modules by module id.
    #[serde(default)]
    pub completions: BTreeMap<String, Completion>,
    /// Competence self-assessments, oldest first.
    #[serde(default)]
    pub self_assessments: Vec<SelfAssessment>,
    /// The learning plan.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// CPD and other revalidation evidence logged by hand. Completed
    /// modules count as CPD without an entry here (see `domain::cpd`).
    #[serde(default)]
    pub cpd: Vec<CpdEntry>,
    /// The AI incident and learning log.
    #[serde(default)]
    pub incidents: Vec<Incident>,
    /// When the learner last exported a backup (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_backup_at: Option<String>,
    /// The xAPI statement id last exported for each piece of evidence, so
    /// a changed record's old statement can be voided (see `export::xapi`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub xapi_exported: BTreeMap<String, String>,
}

/// Who the learner is, as far as they choose to say. Every field is
/// optional; each one unlocks something (see the settings page).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The name an employer knows the learner by; only in exports they share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The employer's staff or assignment number, which joins a learner's
    /// files in the employer's roll-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profession: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regulator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_number: Option<String>,
    /// Which register, where the regulator keeps several (e.g. GDC dental nurse).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_type: Option<String>,
    /// The date registration next renews (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archetype: Option<String>,
    /// Months after which to suggest re-assessing competence (default 12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reassess_after_months: Option<u32>,
    /// Days after the last backup to remind the learner to export (default 30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_reminder_days: Option<u32>,
}

/// A learner's work on one module.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ModuleProgress {
    /// Every answer to a knowledge check, oldest first.
    #[serde(default)]
    pub attempts: Vec<CheckAttempt>,
    /// Answers to reflection prompts, by prompt id.
    #[serde(default)]
    pub reflections: BTreeMap<String, ReflectionAnswer>,
    /// Titles of the sections the learner has scrolled to.
    #[serde(default, skip_serializing_if = "std::collections::BTreeSet::is_empty")]
    pub sections_reached: std::collections::BTreeSet<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CheckAttempt {
    pub check_id: String,
    /// Indices of the options chosen.
    pub chosen: Vec<usize>,
    pub correct: bool,
    /// RFC 3339, UTC.
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReflectionAnswer {
    pub text: String,
    /// RFC 3339, UTC, of the last change.
    pub updated_at: String,
    /// Every earlier text, oldest first: a reflection is evidence, and an
    /// edit (in this tab or another) must never silently lose one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_versions: Vec<ReflectionVersion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReflectionVersion {
    pub text: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Completion {
    /// When the learner completed the module (RFC 3339, UTC).
    pub completed_at: String,
    /// CPD minutes the module gave, from its front matter at the time.
    #[serde(default)]
    pub minutes: u32,
    /// Percentage of checks answered correctly on their latest attempt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
}

/// The most hours one log entry can hold: a long course, not a typing slip.
pub const MAX_ENTRY_HOURS: f32 = 1000.0;

/// A piece of evidence in the CPD log: an activity, or one of the other
/// things regulators count (feedback, discussions, practice hours).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CpdEntry {
    pub id: String,
    pub entry_type: EntryType,
    /// YYYY-MM-DD.
    pub date: String,
    pub title: String,
    /// How the learning happened (see `domain::cpd::METHODS`).
    pub method: String,
    pub hours: f32,
    /// Hours spent learning with others (NMC's "participatory").
    #[serde(default)]
    pub participatory_hours: f32,
    /// Planned in advance (GPhC asks for at least two planned records).
    #[serde(default)]
    pub planned: bool,
    #[serde(default)]
    pub description: String,
    /// Which standards it is relevant to, as `regulator:tag` ids.
    #[serde(default)]
    pub standards: Vec<String>,
    #[serde(default)]
    pub evidence_note: String,
    pub created_at: String,
    /// The reflective account template this entry was written in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// Answers to the template's questions, by question id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, String>,
}

impl CpdEntry {
    /// An entry with nothing but its identity, kind, date and title: the
    /// one place an entry's defaults are chosen (no hours, method "other").
    pub fn new(id: String, entry_type: EntryType, date: &str, title: &str, created_at: &str) -> CpdEntry {
        CpdEntry {
            id,
            entry_type,
            date: date.to_owned(),
            title: title.to_owned(),
            method: "other".to_owned(),
            hours: 0.0,
            participatory_hours: 0.0,
            planned: false,
            description: String::new(),
            standards: Vec::new(),
            evidence_note: String::new(),
            created_at: created_at.to_owned(),
            template: None,
            answers: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum EntryType {
    Cpd,
    ReflectiveAccount,
    Feedback,
    PeerDiscussion,
    ReflectiveDiscussion,
    PracticeHours,
}

impl EntryType {
    pub const ALL: [EntryType; 5] = [
        EntryType::Cpd,
        EntryType::Feedback,
        EntryType::PeerDiscussion,
        EntryType::ReflectiveDiscussion,
        EntryType::PracticeHours,
    ];

    pub fn id(self) -> &'static str {
        match self {
            EntryType::Cpd => "cpd",
            EntryType::ReflectiveAccount => "reflective-account",
            EntryType::Feedback => "feedback",
            EntryType::PeerDiscussion => "peer-discussion",
            EntryType::ReflectiveDiscussion => "reflective-discussion",
            EntryType::PracticeHours => "practice-hours",
        }
    }

    /// Whether an entry of this type adds its hours to `kind`'s: its own
    /// kind, and a reflective account's CPD hours to CPD, since the account
    /// records the learning those hours were spent on.
    pub fn adds_hours_to(self, kind: EntryType) -> bool {
        self == kind || (self == EntryType::ReflectiveAccount && kind == EntryType::Cpd)
    }

    pub fn label(self) -> &'static str {
        match self {
            EntryType::Cpd => "CPD activity",
            EntryType::ReflectiveAccount => "Reflective account",
            EntryType::Feedback => "Practice-related feedback",
            EntryType::PeerDiscussion => "Peer discussion",
            EntryType::ReflectiveDiscussion => "Reflective discussion",
            EntryType::PracticeHours => "Practice hours",
        }
    }
}

/// One competence self-assessment: a rating per framework area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SelfAssessment {
    /// RFC 3339, UTC.
    pub at: String,
    /// Ratings by area id (see `framework::assessment_areas`).
    pub ratings: BTreeMap<String, Rating>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// Framework knowledge level, 1–4.
    pub level: u8,
    /// How sure the learner is of that level, 1 (not sure) to 5 (very sure).
    pub confidence: u8,
    /// What the learner offers as evidence for the rating: completed modules, reflections, CPD entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, schemars(with = "Vec<String>"))]
    pub evidence: Vec<EvidenceRef>,
}

/// A goal in the learner's personal development plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: String,
    pub title: String,
    /// YYYY-MM-DD.
    pub target_date: String,
    #[serde(default)]
    pub competences: Vec<String>,
    #[serde(default)]
    pub modules: Vec<String>,
    pub status: GoalStatus,
    pub created_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum GoalStatus {
    NotStarted,
    InProgress,
    Done,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 3] = [GoalStatus::NotStarted, GoalStatus::InProgress, GoalStatus::Done];

    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::NotStarted => "Not started",
            GoalStatus::InProgress => "In progress",
            GoalStatus::Done => "Done",
        }
    }
}

impl LearnerRecord {
    pub fn completion(&self, module_id: &str) -> Option<&Completion> {
        self.completions.get(module_id)
    }

    pub fn progress(&self, module_id: &str) -> Option<&ModuleProgress> {
        self.progress.get(module_id)
    }

    /// Adds an answer to a knowledge check; earlier answers are kept.
    pub fn record_attempt(&mut self, module_id: &str, attempt: CheckAttempt) {
        self.progress.entry(module_id.to_owned()).or_default().attempts.push(attempt);
    }

    /// Sets the learner's answer to a reflection prompt, keeping the text
    /// it replaces among the earlier versions.
    pub fn record_reflection(&mut self, module_id: &str, prompt_id: &str, text: &str, at: &str) {
        let reflections = &mut self.progress.entry(module_id.to_owned()).or_default().reflections;
        match reflections.get_mut(prompt_id) {
            Some(answer) if answer.text == text => {}
            Some(answer) => {
                let previous =
                    ReflectionVersion { text: std::mem::take(&mut answer.text), updated_at: answer.updated_at.clone() };
                answer.earlier_versions.push(previous);
                answer.text = text.to_owned();
                answer.updated_at = at.to_owned();
            }
            None => {
                let answer =
                    ReflectionAnswer { text: text.to_owned(), updated_at: at.to_owned(), earlier_versions: Vec::new() };
                reflections.insert(prompt_id.to_owned(), answer);
            }
        }
    }

    /// Notes that the learner reached a section; returns whether it is new.
    pub fn reach_section(&mut self, module_id: &str, section: &str) -> bool {
        self.progress.entry(module_id.to_owned()).or_default().sections_reached.insert(section.to_owned())
    }

    /// The latest self-assessment, if any.
    pub fn latest_assessment(&self) -> Option<&SelfAssessment> {
        self.self_assessments.last()
    }
}

impl ModuleProgress {
    /// The most recent answer to `check_id`.
    pub fn latest_attempt(&self, check_id: &str) -> Option<&CheckAttempt> {
        self.attempts.iter().rev().find(|a| a.check_id == check_id)
    }

    pub fn ever_correct(&self, check_id: &str) -> bool {
        self.attempts.iter().any(|a| a.check_id == check_id && a.correct)
    }

    pub fn has_answered(&self, prompt_id: &str) -> bool {
        self.reflections.get(prompt_id).is_some_and(|answer| !answer.text.trim().is_empty())
    }
}

// An entry of the AI incident and learning log (`domain::incident` summarises and reflects on it).
// A plain comment: a doc comment would change the published backup schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Incident {
    pub id: String,
    /// YYYY-MM-DD.
    pub date: String,
    pub tool: String,
    /// Version, mode or setting of the tool (e.g. "adult mode").
    #[serde(default)]
    pub tool_version: String,
    #[serde(default)]
    pub setting: String,
    pub what_happened: String,
    pub outcome: Outcome,
    #[serde(default)]
    pub what_you_did: String,
    #[serde(default)]
    pub who_you_told: String,
    /// Reference numbers by where it was reported.
    #[serde(default)]
    pub reports: BTreeMap<ReportRoute, String>,
    pub created_at: String,
    /// When it was turned into a reflective account and CPD entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reflected_at: Option<String>,
}

/// Learning comes from what goes right as well as wrong (Safety-II).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Harm,
    NearMiss,
    NoHarm,
    GoodCatch,
    WorkedWell,
}

impl Outcome {
    pub const ALL: [Outcome; 5] =
        [Outcome::Harm, Outcome::NearMiss, Outcome::NoHarm, Outcome::GoodCatch, Outcome::WorkedWell];

    pub fn id(self) -> &'static str {
        match self {
            Outcome::Harm => "harm",
            Outcome::NearMiss => "near-miss",
            Outcome::NoHarm => "no-harm",
            Outcome::GoodCatch => "good-catch",
            Outcome::WorkedWell => "worked-well",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Harm => "Harm to a person",
            Outcome::NearMiss => "Near miss",
            Outcome::NoHarm => "Error, but no harm",
            Outcome::GoodCatch => "Good catch: an error was spotted in time",
            Outcome::WorkedWell => "It worked well",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ReportRoute {
    YellowCard,
    LocalSystem,
    Manufacturer,
}

impl ReportRoute {
    pub const ALL: [ReportRoute; 3] = [ReportRoute::YellowCard, ReportRoute::LocalSystem, ReportRoute::Manufacturer];

    pub fn label(self) -> &'static str {
        match self {
            ReportRoute::YellowCard => {
                "MHRA Yellow Card (England and Wales; Scotland and Northern Ireland have their own routes)"
            }
            ReportRoute::LocalSystem => "Local incident reporting system",
            ReportRoute::Manufacturer => "The manufacturer or developer",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewriting_a_reflection_keeps_every_earlier_text() {
        let mut record = LearnerRecord::default();
        record.record_reflection("m", "r", "first", "2026-01-01T00:00:00.000Z");
        record.record_reflection("m", "r", "first", "2026-01-02T00:00:00.000Z");
        record.record_reflection("m", "r", "second", "2026-01-03T00:00:00.000Z");
        let answer = &record.progress("m").unwrap().reflections["r"];
        assert_eq!((answer.text.as_str(), answer.updated_at.as_str()), ("second", "2026-01-03T00:00:00.000Z"));
        let earlier: Vec<&str> = answer.earlier_versions.iter().map(|v| v.text.as_str()).collect();
        assert_eq!(earlier, ["first"], "saving the same text again adds no version");
    }
}
