//! The employer's view of many learners: each file they were given is
//! checked, then every learner's standing on the modules the employer
//! requires is put in one matrix, with totals per module.
//!
//! Learners give their employer either a backup or the completion
//! spreadsheet (`export::csv`); both become the same [`StaffRecord`].

use std::collections::BTreeMap;

use time::Date;

use super::backup::{self, Integrity};
use super::competence::shift_months;
use super::cpd::parse_date;
use super::export::csv as completion_csv;
use super::module::{Catalogue, Kind, Module};
use super::progress::{self, standing};
use super::record::LearnerRecord;

/// How long a completion counts before the module should be taken again,
/// unless the employer sets another period.
pub const DEFAULT_REFRESH_MONTHS: u32 = 36;

/// Where a learner stands on one required module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
#[derive(Debug, Clone, PartialEq)]
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
        let status = match (expires_on, standing(module, record).status) {
            (Some(expiry), _) if expiry < today => Status::Expired,
            (Some(_), _) => Status::Complete,
            (None, progress::Status::NotStarted) => Status::NotStarted,
            (None, _) => Status::InProgress,
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
#[derive(Debug, Clone, Default, PartialEq)]
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
    /// name where there is none.
    fn key(&self) -> String {
        if self.staff_number.is_empty() {
            format!("name:{}", self.name.to_lowercase())
        } else {
            format!("staff:{}", self.staff_number)
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

/// One learner's standing on every module, as a file reports it.
#[derive(Debug, Clone, PartialEq)]
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

/// What checking one file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileCheck {
    Intact,
    /// Readable, but changed since export; its learners are still counted.
    Modified(String),
    /// Not usable; nothing from it is counted.
    Invalid(String),
    /// Readable, but its learner is in a newer file too, which is counted instead.
    Superseded(String),
}

impl FileCheck {
    pub fn label(&self) -> &'static str {
        match self {
            FileCheck::Intact => "Intact",
            FileCheck::Modified(_) => "Modified",
            FileCheck::Invalid(_) => "Invalid",
            FileCheck::Superseded(_) => "Duplicate",
        }
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            FileCheck::Intact => None,
            FileCheck::Modified(reason) | FileCheck::Invalid(reason) | FileCheck::Superseded(reason) => Some(reason),
        }
    }
}

/// A file as given, with what was found in it.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedFile {
    pub name: String,
    pub check: FileCheck,
    pub staff: Vec<StaffRecord>,
}

/// Checks one file, a backup or a completion spreadsheet, and reads the
/// learners in it. Never fails: an unusable file is reported as invalid.
pub fn check_file(name: &str, text: &str, catalogue: &Catalogue, refresh_months: u32, today: Date) -> CheckedFile {
    // Trust the name first: a broken backup should be told what is wrong
    // with it as a backup, not as a spreadsheet.
    let lower = name.to_lowercase();
    let is_csv = lower.ends_with(".csv")
        || (!lower.ends_with(".json") && !text.trim_start_matches('\u{feff}').trim_start().starts_with(['{', '[']));
    let result = if !is_csv {
        backup::read_backup(text, today).map(|read| {
            let integrity = match read.integrity {
                Integrity::Intact => FileCheck::Intact,
                Integrity::Modified(reason) => FileCheck::Modified(reason),
            };
            let staff = StaffRecord::from_record(&read.record, &read.exported_at, catalogue, refresh_months, today);
            (integrity, vec![staff])
        })
    } else {
        completion_csv::read(text)
    };
    match result {
        Ok((check, staff)) => CheckedFile { name: name.to_owned(), check, staff },
        Err(reason) => CheckedFile { name: name.to_owned(), check: FileCheck::Invalid(reason), staff: Vec::new() },
    }
}

/// [`check_file`] for a file's raw bytes, which may not even be text.
pub fn check_bytes(name: &str, bytes: &[u8], catalogue: &Catalogue, refresh_months: u32, today: Date) -> CheckedFile {
    match backup::text_of(bytes) {
        Ok(text) => check_file(name, text, catalogue, refresh_months, today),
        Err(reason) => CheckedFile { name: name.to_owned(), check: FileCheck::Invalid(reason), staff: Vec::new() },
    }
}

/// The learners from all usable files, one per person: where two files
/// hold the same person, the newer export counts and the older file is
/// marked as a duplicate.
pub fn combine(files: &mut [CheckedFile]) -> Vec<(String, StaffRecord)> {
    let mut chosen: BTreeMap<String, (usize, StaffRecord)> = BTreeMap::new();
    let mut superseded: Vec<(usize, String)> = Vec::new();
    for (index, file) in files.iter().enumerate() {
        if matches!(file.check, FileCheck::Invalid(_)) {
            continue;
        }
        for staff in &file.staff {
            let key = staff.learner.key();
            match chosen.get(&key) {
                Some((kept, earlier)) if earlier.exported_at >= staff.exported_at => {
                    let who = staff.learner.display_name(&file.name);
                    superseded.push((
                        index,
                        format!("{who} is also in {}, a newer export, which is counted", files[*kept].name),
                    ));
                }
                Some((kept, _)) => {
                    let who = staff.learner.display_name(&file.name);
                    superseded
                        .push((*kept, format!("{who} is also in {}, a newer export, which is counted", file.name)));
                    chosen.insert(key, (index, staff.clone()));
                }
                None => {
                    chosen.insert(key, (index, staff.clone()));
                }
            }
        }
    }
    for (index, reason) in superseded {
        // A file is only a duplicate if none of its learners is counted.
        if !chosen.values().any(|(kept, _)| *kept == index) {
            files[index].check = FileCheck::Superseded(reason);
        }
    }
    let mut staff: Vec<(String, StaffRecord)> =
        chosen.into_values().map(|(index, staff)| (files[index].name.clone(), staff)).collect();
    staff.sort_by(|(_, a), (_, b)| {
        (a.learner.name.to_lowercase(), &a.learner.staff_number)
            .cmp(&(b.learner.name.to_lowercase(), &b.learner.staff_number))
    });
    staff
}

/// The modules an employer requires by default: every module, not the
/// case studies, which are chosen by profession.
pub fn default_required(catalogue: &Catalogue) -> Vec<String> {
    catalogue.modules().iter().filter(|m| m.kind == Kind::Module).map(|m| m.id.clone()).collect()
}

/// Learners shown in the matrix.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A profession id, or empty for all.
    pub profession: String,
    /// A stage id, or empty for all.
    pub stage: String,
}

impl Filter {
    pub fn admits(&self, learner: &Learner) -> bool {
        (self.profession.is_empty() || self.profession == learner.profession)
            && (self.stage.is_empty() || self.stage == learner.stage)
    }
}

/// How many learners stand where on one module.
pub fn totals(staff: &[&StaffRecord], module_id: &str) -> BTreeMap<Status, usize> {
    let mut counts: BTreeMap<Status, usize> = Status::ALL.into_iter().map(|s| (s, 0)).collect();
    for record in staff {
        let status = record.cells.get(module_id).map_or(Status::NotStarted, |cell| cell.status);
        *counts.entry(status).or_default() += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::backup::Backup;
    use crate::domain::curriculum::catalogue;
    use crate::domain::record::Completion;

    fn day(text: &str) -> Date {
        parse_date(text).unwrap()
    }

    fn learner(name: &str, staff: &str, completed: &[(&str, &str)]) -> LearnerRecord {
        let mut record = LearnerRecord::default();
        record.profile.name = Some(name.into());
        record.profile.staff_number = Some(staff.into());
        record.profile.profession = Some("nursing".into());
        for (module, date) in completed {
            let completion = Completion { completed_at: format!("{date}T09:00:00.000Z"), minutes: 45, score: Some(80) };
            record.completions.insert((*module).into(), completion);
        }
        record
    }

    #[test]
    fn a_completion_expires_after_the_refresh_period() {
        let record = learner("A", "1", &[("what-ai-is", "2023-06-30")]);
        let module = catalogue().get("what-ai-is").unwrap();
        let cell = Cell::of(&record, module, 36, day("2026-06-30"));
        assert_eq!(cell.status, Status::Complete, "the last day still counts");
        assert_eq!(cell.expires_on, Some(day("2026-06-30")));
        assert_eq!(cell.cpd_hours, 0.75);
        assert_eq!(Cell::of(&record, module, 36, day("2026-07-01")).status, Status::Expired);
        let other = catalogue().get("ai-limitations").unwrap();
        assert_eq!(Cell::of(&record, other, 36, day("2026-07-01")).status, Status::NotStarted);
    }

    #[test]
    fn broken_files_are_reported_and_the_rest_still_counted_once_per_person() {
        let today = day("2026-11-22");
        let older = Backup::new(learner("Asha Patel", "100", &[]), "2026-01-01T00:00:00.000Z").to_json();
        let newer =
            Backup::new(learner("Asha Patel", "100", &[("what-ai-is", "2026-02-01")]), "2026-03-01T00:00:00.000Z")
                .to_json();
        let other = Backup::new(learner("Ben Okafor", "200", &[]), "2026-03-01T00:00:00.000Z").to_json();
        let mut files: Vec<CheckedFile> = [
            ("old.json", older.as_str()),
            ("broken.json", "{\"format\":"),
            ("new.json", newer.as_str()),
            ("edited.json", &other.replace("Ben Okafor", "Ben O")),
        ]
        .into_iter()
        .map(|(name, text)| check_file(name, text, catalogue(), DEFAULT_REFRESH_MONTHS, today))
        .collect();
        let staff = combine(&mut files);
        let checks: Vec<&str> = files.iter().map(|f| f.check.label()).collect();
        assert_eq!(checks, ["Duplicate", "Invalid", "Intact", "Modified"]);
        assert!(files[0].check.reason().unwrap().contains("Asha Patel is also in new.json"));
        assert!(files[1].check.reason().unwrap().starts_with("The file ends too soon"));
        let names: Vec<&str> = staff.iter().map(|(_, s)| s.learner.name.as_str()).collect();
        assert_eq!(names, ["Asha Patel", "Ben O"]);
        assert_eq!(staff[0].1.cells["what-ai-is"].status, Status::Complete, "the newer file counts");
        let counted: Vec<&StaffRecord> = staff.iter().map(|(_, s)| s).collect();
        let totals = totals(&counted, "what-ai-is");
        assert_eq!((totals[&Status::Complete], totals[&Status::NotStarted]), (1, 1));
    }

    #[test]
    fn the_filter_narrows_by_profession_and_stage() {
        let nurse = Learner { profession: "nursing".into(), stage: "registrant".into(), ..Learner::default() };
        assert!(Filter::default().admits(&nurse));
        assert!(Filter { profession: "nursing".into(), stage: String::new() }.admits(&nurse));
        assert!(!Filter { profession: "pharmacy".into(), stage: String::new() }.admits(&nurse));
        assert!(!Filter { profession: String::new(), stage: "pre-registration".into() }.admits(&nurse));
    }
}
