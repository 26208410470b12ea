//! What a learner does, as data. Pages describe *what* happened (a check
//! answered, a CPD entry saved, a backup imported); [`apply`] decides what
//! it means for the record: ids, timestamps and the completion rule live
//! here, once, and are tested natively.
//!
//! A change is applied to the record *as stored* when it is saved (see
//! `domain::session`), so the same change may be applied again to a newer
//! record if another tab wrote in between: `apply` must depend only on the
//! record it is given and the [`Moment`].

use std::collections::BTreeMap;

use super::cpd;
use super::import::{self, ChangeKind, Resolution};
use super::incident;
use super::module::Catalogue;
use super::progress;
use super::record::{CheckAttempt, CpdEntry, GoalStatus, Incident, LearnerRecord, Profile, Rating, SelfAssessment};
use super::reflective;
use super::storage::learner_id_from;
use super::validate;

/// One thing the learner did.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Answered a knowledge check; correctness is judged from the module.
    AnswerCheck {
        module_id: String,
        check_id: String,
        chosen: Vec<usize>,
    },
    /// Saved an answer to a module's reflection prompt.
    SaveReflection {
        module_id: String,
        prompt_id: String,
        text: String,
    },
    /// Scrolled a section of a module into view.
    ReachSection {
        module_id: String,
        section: String,
    },
    /// Rated their competence: a new snapshot, earlier ones kept.
    RateCompetence {
        ratings: BTreeMap<String, Rating>,
    },
    AddGoal {
        title: String,
        target_date: String,
        competences: Vec<String>,
        modules: Vec<String>,
    },
    SetGoalStatus {
        goal_id: String,
        status: GoalStatus,
    },
    /// Added a CPD entry (its `id` empty) or edited one (its `id` kept).
    SaveCpdEntry {
        entry: CpdEntry,
    },
    DeleteCpdEntry {
        id: String,
    },
    /// Undid a deletion: the entry comes back exactly as it was.
    RestoreCpdEntry {
        entry: CpdEntry,
    },
    /// Wrote a reflective account in a regulator's template.
    AddReflectiveAccount {
        template_id: String,
        title: String,
        hours: f32,
        answers: BTreeMap<String, String>,
    },
    /// Logged an AI event; its `id` and `created_at` are assigned here.
    RecordIncident {
        incident: Incident,
    },
    /// Turned a logged AI event into a reflective account and a CPD entry.
    ReflectOnIncident {
        incident_id: String,
    },
    /// Merged a backup with the learner's choices for each conflict.
    Import {
        incoming: Box<LearnerRecord>,
        choices: BTreeMap<String, Resolution>,
    },
    SetProfile {
        profile: Profile,
    },
    SetRegistrationType {
        registration_type: Option<String>,
    },
    /// Downloaded a backup just now.
    BackupExported,
    /// Exported xAPI statements: the ids to void if the evidence changes.
    XapiExported {
        exported: BTreeMap<String, String>,
    },
}

/// When a change happens, and the randomness a first save needs.
#[derive(Debug, Clone, Copy)]
pub struct Moment<'a> {
    /// RFC 3339, UTC.
    pub now: &'a str,
    /// YYYY-MM-DD, in the learner's time zone.
    pub today: &'a str,
    /// At least 32 random hex digits, for a new learner's opaque id.
    pub random_hex: &'a str,
}

/// What a change did, for the page to tell the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    Done,
    /// A check was answered; `completed` when that completed the module.
    Answered {
        correct: bool,
        completed: bool,
    },
    /// A reflection was saved; `completed` when that completed the module.
    Reflected {
        completed: bool,
    },
    /// Entries were added to the CPD log (an account, or an event's pair).
    Logged {
        title: String,
    },
    Imported {
        added: usize,
        combined: usize,
        conflicts: usize,
    },
}

/// Why a change could not be applied. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeError {
    UnknownModule(String),
    UnknownCheck(String),
    UnknownTemplate(String),
    NotFound(String),
    Invalid(String),
}

impl std::fmt::Display for ChangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChangeError::UnknownModule(id) => write!(f, "there is no module “{id}” in this version of Praxis"),
            ChangeError::UnknownCheck(id) => write!(f, "there is no knowledge check “{id}” in this module"),
            ChangeError::UnknownTemplate(id) => write!(f, "there is no reflective account template “{id}”"),
            ChangeError::NotFound(what) => write!(f, "{what} is no longer in your record (deleted in another tab?)"),
            ChangeError::Invalid(why) => write!(f, "{why}"),
        }
    }
}

/// Applies `change` to `record`. On error `record` is left exactly as it was.
///
/// The result must pass the same checks as an imported backup
/// (`validate::record`): a value no backup could carry (a date in year
/// 30000, a 100-year reminder) is refused here, so a learner's own export
/// can always be read back.
pub fn apply(
    record: &mut LearnerRecord,
    change: Change,
    catalogue: &Catalogue,
    moment: Moment<'_>,
) -> Result<Applied, ChangeError> {
    // A record already holding such a value (saved before these checks)
    // must not block every later change, so only a new problem is refused.
    // An import brings in what was already recorded elsewhere (a backup has
    // passed the same checks on reading it): refusing it could lose it.
    let was_valid = !matches!(change, Change::Import { .. }) && validate::record(record).is_ok();
    let mut changed = record.clone();
    let applied = apply_unchecked(&mut changed, change, catalogue, moment)?;
    if was_valid {
        validate::record(&changed).map_err(ChangeError::Invalid)?;
    }
    *record = changed;
    Ok(applied)
}

fn apply_unchecked(
    record: &mut LearnerRecord,
    change: Change,
    catalogue: &Catalogue,
    moment: Moment<'_>,
) -> Result<Applied, ChangeError> {
    let effect = match change {
        Change::AnswerCheck { module_id, check_id, mut chosen } => {
            chosen.sort_unstable();
            chosen.dedup();
            let module = catalogue.get(&module_id).ok_or_else(|| ChangeError::UnknownModule(module_id.clone()))?;
            let check = module
                .knowledge_checks()
                .find(|c| c.id == check_id)
                .ok_or_else(|| ChangeError::UnknownCheck(check_id.clone()))?;
            if chosen.is_empty() || chosen.iter().any(|&i| i >= check.options.len()) {
                return Err(ChangeError::Invalid("choose one of the answers shown".to_owned()));
            }
            let correct = check.is_answered_by(&chosen);
            record.record_attempt(&module_id, CheckAttempt { check_id, chosen, correct, at: moment.now.to_owned() });
            Applied::Answered { correct, completed: progress::complete_if_due(module, record, moment.now) }
        }
        Change::SaveReflection { module_id, prompt_id, text } => {
            let module = catalogue.get(&module_id).ok_or_else(|| ChangeError::UnknownModule(module_id.clone()))?;
            record.record_reflection(&module_id, &prompt_id, &text, moment.now);
            Applied::Reflected { completed: progress::complete_if_due(module, record, moment.now) }
        }
        Change::ReachSection { module_id, section } => {
            record.reach_section(&module_id, &section);
            Applied::Done
        }
        Change::RateCompetence { ratings } => {
            if ratings.is_empty() {
                return Err(ChangeError::Invalid("choose a level for at least one area".to_owned()));
            }
            record.self_assessments.push(SelfAssessment { at: moment.now.to_owned(), ratings });
            Applied::Done
        }
        Change::AddGoal { title, target_date, competences, modules } => {
            let id = fresh_id("goal", moment.now, |id| record.goals.iter().any(|g| g.id == id));
            record.goals.push(super::record::Goal {
                id,
                title,
                target_date,
                competences,
                modules,
                status: GoalStatus::NotStarted,
                created_at: moment.now.to_owned(),
            });
            Applied::Done
        }
        Change::SetGoalStatus { goal_id, status } => {
            let goal = record
                .goals
                .iter_mut()
                .find(|g| g.id == goal_id)
                .ok_or(ChangeError::NotFound("That goal".to_owned()))?;
            goal.status = status;
            Applied::Done
        }
        Change::SaveCpdEntry { mut entry } => {
            cpd::fit_to_type(&mut entry);
            if entry.id.is_empty() {
                entry.id = fresh_id("cpd", moment.now, |id| record.cpd.iter().any(|e| e.id == id));
                entry.created_at = moment.now.to_owned();
                let title = entry.title.clone();
                record.cpd.push(entry);
                Applied::Logged { title }
            } else {
                let title = entry.title.clone();
                let existing = record
                    .cpd
                    .iter_mut()
                    .find(|e| e.id == entry.id)
                    .ok_or_else(|| ChangeError::NotFound(format!("The CPD entry “{title}”")))?;
                *existing = entry;
                Applied::Logged { title }
            }
        }
        Change::DeleteCpdEntry { id } => {
            let before = record.cpd.len();
            record.cpd.retain(|e| e.id != id);
            if record.cpd.len() == before {
                return Err(ChangeError::NotFound("That CPD entry".to_owned()));
            }
            Applied::Done
        }
        Change::RestoreCpdEntry { entry } => {
            // Restoring twice (two clicks, or two tabs) must not duplicate it.
            if !record.cpd.iter().any(|e| e.id == entry.id) {
                record.cpd.push(entry);
            }
            Applied::Done
        }
        Change::AddReflectiveAccount { template_id, title, hours, answers } => {
            let template =
                reflective::find(&template_id).ok_or_else(|| ChangeError::UnknownTemplate(template_id.clone()))?;
            if !hours.is_finite() || hours < 0.0 {
                return Err(ChangeError::Invalid("CPD hours must be a number of hours, 0 or more".to_owned()));
            }
            let id = fresh_id("account", moment.now, |id| record.cpd.iter().any(|e| e.id == id));
            let entry = reflective::account_entry(template, id, &title, hours, answers, moment.today, moment.now);
            let title = entry.title.clone();
            record.cpd.push(entry);
            Applied::Logged { title }
        }
        Change::RecordIncident { mut incident } => {
            incident.id = fresh_id("incident", moment.now, |id| record.incidents.iter().any(|i| i.id == id));
            incident.created_at = moment.now.to_owned();
            incident.reflected_at = None;
            record.incidents.push(incident);
            Applied::Done
        }
        Change::ReflectOnIncident { incident_id } => {
            let template = reflective::default_template(record.profile.regulator.as_deref());
            let incident = record
                .incidents
                .iter()
                .find(|i| i.id == incident_id)
                .ok_or_else(|| ChangeError::NotFound("That AI event".to_owned()))?;
            let entries = incident::reflect(incident, &template.id, moment.today, moment.now)
                .ok_or_else(|| ChangeError::UnknownTemplate(template.id.to_owned()))?;
            let title = entries[0].title.clone();
            for entry in entries {
                // Reflecting twice (two tabs) keeps one pair.
                if !record.cpd.iter().any(|e| e.id == entry.id) {
                    record.cpd.push(entry);
                }
            }
            if let Some(stored) = record.incidents.iter_mut().find(|i| i.id == incident_id) {
                stored.reflected_at.get_or_insert_with(|| moment.now.to_owned());
            }
            Applied::Logged { title }
        }
        Change::Import { incoming, choices } => {
            let merged = import::merge(record, &incoming, &choices);
            let effect = Applied::Imported {
                added: merged.count(ChangeKind::Added),
                combined: merged.count(ChangeKind::Updated),
                conflicts: merged.count(ChangeKind::Conflict),
            };
            *record = merged.record;
            effect
        }
        Change::SetProfile { profile } => {
            record.profile = profile;
            Applied::Done
        }
        Change::SetRegistrationType { registration_type } => {
            record.profile.registration_type = registration_type.filter(|t| !t.is_empty());
            Applied::Done
        }
        Change::BackupExported => {
            record.last_backup_at = Some(moment.now.to_owned());
            Applied::Done
        }
        Change::XapiExported { exported } => {
            record.xapi_exported = exported;
            Applied::Done
        }
    };
    if record.learner_id.is_empty() {
        record.learner_id = learner_id_from(moment.random_hex);
    }
    Ok(effect)
}

/// An id for a new item: the prefix and the moment, made unique within
/// the list (two entries saved in the same millisecond stay distinct).
fn fresh_id(prefix: &str, now: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = format!("{prefix}-{now}");
    if !taken(&base) {
        return base;
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).expect("an unbounded range has a free id")
}

#[cfg(test)]
mod tests;
