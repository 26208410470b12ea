//! The roll-up's vocabulary: who a learner is and where they stand on
//! each module, as one file reports it, and what checking that file found.
//! It sits below both the roll-up (`employer`) and the spreadsheet reader
//! (`export::csv`), so each can use it without using the other.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

use super::competence::shift_months;
use super::module::{Catalogue, Module};
use super::progress;
use super::record::LearnerRecord;
use super::timestamp::parse_date;

/// Where a learner stands on one required module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Completed, and within the refresh period.
    Complete,
    /// Completed, but longer ago than the refresh period allows.
    Expired,
    /// Started, not complete.
    InProgress,
    NotStarted,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Complete, Status::Expired, Status::InProgress, Status::NotStarted];

    pub fn label(self) -> &'static str {
        match self {
            Status::Complete => "Complete",
            Status::Expired => "Expired",
            Status::InProgress => "In progress",
            Status::NotStarted => "Not started",
        }
    }

    pub fn from_label(label: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.label() == label)
    }

    /// The employer must act: renewal is overdue or the module is missing.
    pub fn needs_action(self) -> bool {
        self != Status::Complete
    }
}

/// One learner's standing on one module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub status: Status,
    pub completed_on: Option<Date>,
    /// Best knowledge-check score, in percent.
    pub score: Option<u8>,
    pub cpd_hours: f32,
    pub expires_on: Option<Date>,
}

impl Cell {
    /// Where `record` stands on `module`, `today`, when completions last
    /// `refresh_months`.
    pub fn of(record: &LearnerRecord, module: &Module, refresh_months: u32, today: Date) -> Cell {
        let completion = record.completion(&module.id);
        let completed_on = completion.and_then(|c| parse_date(&c.completed_at));
        let expires_on = completed_on.map(|day| shift_months(day, i64::from(refresh_months)));
        let status = match expires_on {
            Some(expiry) if expiry < today => Status::Expired,
            Some(_) => Status::Complete,
            None => match progress::status(module, record) {
                progress::Status::NotStarted => Status::NotStarted,
                _ => Status::InProgress,
            },
        };
        Cell {
            status,
            completed_on,
            score: completion.and_then(|c| c.score),
            cpd_hours: completion.map_or(0.0, |c| c.minutes as f32 / 60.0),
            expires_on,
        }
    }
}

/// Who a learner is, as far as their files say.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Learner {
    pub name: String,
    pub staff_number: String,
    pub profession: String,
    pub stage: String,
}

impl Learner {
    pub fn of(record: &LearnerRecord) -> Learner {
        let profile = &record.profile;
        let text = |field: &Option<String>| field.clone().unwrap_or_default();
        Learner {
            name: text(&profile.name),
            staff_number: text(&profile.staff_number),
            profession: text(&profile.profession),
            stage: text(&profile.stage),
        }
    }

    /// What joins two files of the same person: the staff number, or the
    /// name where there is none, both [`normalised`].
    pub(super) fn key(&self) -> String {
        let staff_number = normalised(&self.staff_number);
        if staff_number.is_empty() {
            format!("name:{}", normalised(&self.name))
        } else {
            format!("staff:{staff_number}")
        }
    }

    /// How the learner is shown: name, staff number, or the file.
    pub fn display_name(&self, file: &str) -> String {
        match (self.name.is_empty(), self.staff_number.is_empty()) {
            (false, _) => self.name.clone(),
            (true, false) => format!("Staff number {}", self.staff_number),
            (true, true) => format!("Unnamed learner ({file})"),
        }
    }
}

/// Text as shown in the roll-up's messages: Unicode NFC, without
/// zero-width and bidirectional control characters (invisible, yet they
/// make one name two people, or reorder the words of a message around
/// them), with runs of whitespace as one space.
pub fn visible(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let invisible = |c: &char| matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}' | '\u{061C}');
    let kept: String = text.nfc().filter(|c| !invisible(c)).collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text as compared when matching people: [`visible`], in lower case (so
/// "é" typed as one character or two, or in capitals, is the same).
pub fn normalised(text: &str) -> String {
    visible(text).to_lowercase()
}

/// One learner's standing on every module, as a file reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffRecord {
    pub learner: Learner,
    /// When the file was exported (RFC 3339); the newer file of a
    /// duplicated learner wins.
    pub exported_at: String,
    pub cells: BTreeMap<String, Cell>,
    /// The latest self-assessed level of each competence area, with its date.
    pub competences: BTreeMap<String, (u8, Date)>,
}

impl StaffRecord {
    /// Moves the record out, leaving one with no learner, cells or competences.
    pub fn take(&mut self) -> StaffRecord {
        let empty = StaffRecord {
            learner: Learner::default(),
            exported_at: String::new(),
            cells: BTreeMap::new(),
            competences: BTreeMap::new(),
        };
        std::mem::replace(self, empty)
    }

    pub fn from_record(
        record: &LearnerRecord,
        exported_at: &str,
        catalogue: &Catalogue,
        refresh_months: u32,
        today: Date,
    ) -> StaffRecord {
        StaffRecord {
            learner: Learner::of(record),
            exported_at: exported_at.to_owned(),
            cells: catalogue
                .modules()
                .iter()
                .map(|module| (module.id.clone(), Cell::of(record, module, refresh_months, today)))
                .collect(),
            competences: record
                .latest_assessment()
                .and_then(|assessment| {
                    let on = parse_date(&assessment.at)?;
                    Some(assessment.ratings.iter().map(|(area, rating)| (area.clone(), (rating.level, on))).collect())
                })
                .unwrap_or_default(),
        }
    }
}

/// What checking one file found. The check a file carries (a SHA-256
/// checksum of a backup's content, a check per spreadsheet row) is not
/// keyed: it shows accidental change or damage since export, and cannot
/// show deliberate editing, as anyone can recompute it. The labels and
/// reasons say no more than that.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileCheck {
    /// Its check matches: no accidental change since export was found.
    Intact,
    /// Readable, but changed since export; its learners are still counted.
    Modified(String),
    /// Not usable; nothing from it is counted.
    Invalid(String),
    /// Readable, but its learner is in another file too, which is counted instead.
    Superseded(String),
    /// One staff number under different names: which is right cannot be
    /// told from the files, so that person is not counted until it is fixed.
    Clash(String),
}

/// What "no change found" does and does not mean, for where it is shown.
pub const NO_CHANGE_FOUND: &str = "Not changed or damaged since it was exported, as far as Praxis can tell. \
     This cannot show who made the file: anyone editing it on purpose can make it pass this check.";

impl FileCheck {
    pub fn label(&self) -> &'static str {
        match self {
            FileCheck::Intact => "No change found",
            FileCheck::Modified(_) => "May be changed",
            FileCheck::Invalid(_) => "Invalid",
            FileCheck::Superseded(_) => "Duplicate",
            FileCheck::Clash(_) => "Clash",
        }
    }

    /// A stable id for styling and counting, whatever the label says.
    pub fn id(&self) -> &'static str {
        match self {
            FileCheck::Intact => "intact",
            FileCheck::Modified(_) => "modified",
            FileCheck::Invalid(_) => "invalid",
            FileCheck::Superseded(_) => "duplicate",
            FileCheck::Clash(_) => "clash",
        }
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            FileCheck::Intact => None,
            FileCheck::Modified(reason)
            | FileCheck::Invalid(reason)
            | FileCheck::Superseded(reason)
            | FileCheck::Clash(reason) => Some(reason),
        }
    }
}
