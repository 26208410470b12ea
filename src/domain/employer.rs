//! The employer's view of many learners: each file they were given is
//! checked, then every learner's standing on the modules the employer
//! requires is put in one matrix, with totals per module.
//!
//! Learners give their employer either a backup or the completion
//! spreadsheet (`export::csv`); both become the same [`StaffRecord`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

use super::backup::{self, Integrity};
use super::export::csv as completion_csv;
use super::module::{Catalogue, Kind};
use super::quote::quoted;
use super::staff::{normalised, visible, Learner};
use super::staff::{Cell, FileCheck, StaffRecord, Status};

pub mod kept;

/// How long a completion counts before the module should be taken again,
/// unless the employer sets another period.
pub const DEFAULT_REFRESH_MONTHS: u32 = 36;

/// Refresh periods an employer may choose, in months: up to a century.
pub const REFRESH_MONTHS: std::ops::RangeInclusive<u32> = 1..=1200;

/// The refresh period as typed, or what is wrong with it: text that is not
/// a whole number of months in range is named, not read as a default.
pub fn read_refresh_months(typed: &str) -> Result<u32, String> {
    typed.trim().parse().ok().filter(|months| REFRESH_MONTHS.contains(months)).ok_or_else(|| {
        let (from, to) = (REFRESH_MONTHS.start(), REFRESH_MONTHS.end());
        format!("Enter a whole number of months from {from} to {to}, such as {DEFAULT_REFRESH_MONTHS}")
    })
}

/// A file as given, with what was found in it. Serialisable, because the
/// browser checks files in Web Workers and sends the results back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckedFile {
    pub name: String,
    pub check: FileCheck,
    pub staff: Vec<StaffRecord>,
}

/// Checks one file, a backup or a completion spreadsheet, and reads the
/// learners in it. Never fails: an unusable file is reported as invalid.
pub fn check_file(name: &str, text: &str, catalogue: &Catalogue, refresh_months: u32, today: Date) -> CheckedFile {
    check_read(name, Ok(text), catalogue, refresh_months, today)
}

/// [`check_file`] for a file's raw bytes, which may not even be text.
pub fn check_bytes(name: &str, bytes: &[u8], catalogue: &Catalogue, refresh_months: u32, today: Date) -> CheckedFile {
    let read = backup::text_of(bytes);
    check_read(name, read.as_deref().map_err(String::as_str), catalogue, refresh_months, today)
}

/// [`check_file`] for a file as it was read: its text, or why it could
/// not be read (which makes it invalid).
pub fn check_read(
    name: &str,
    read: Result<&str, &str>,
    catalogue: &Catalogue,
    refresh_months: u32,
    today: Date,
) -> CheckedFile {
    match check_until_digest(name, read, today) {
        Checking::Done(checked) => checked,
        Checking::Sealed(sealed) => {
            let digest = super::digest::sha256_hex(sealed.canonical_record());
            sealed.finish(&digest, catalogue, refresh_months, today)
        }
    }
}

/// A file's check, as far as it goes without SHA-256: done, or a backup
/// waiting for the digest of its record (see [`backup::SealedBackup`]).
pub enum Checking {
    Done(CheckedFile),
    Sealed(SealedFile),
}

/// A backup whose check waits for the digest of its record.
pub struct SealedFile {
    name: String,
    backup: backup::SealedBackup,
}

impl SealedFile {
    /// The bytes to digest.
    pub fn canonical_record(&self) -> &[u8] {
        self.backup.canonical_record()
    }

    /// The check, finished with the lower-case hex SHA-256 of [`Self::canonical_record`].
    pub fn finish(
        self,
        record_sha256_hex: &str,
        catalogue: &Catalogue,
        refresh_months: u32,
        today: Date,
    ) -> CheckedFile {
        let read = self.backup.finish(record_sha256_hex).map(|read| {
            let integrity = match read.integrity {
                Integrity::Intact => FileCheck::Intact,
                Integrity::Modified(reason) => FileCheck::Modified(reason),
            };
            let staff = StaffRecord::from_record(&read.record, &read.exported_at, catalogue, refresh_months, today);
            (integrity, vec![staff])
        });
        checked(self.name, read)
    }
}

/// [`check_read`] up to the SHA-256 of a backup's record, for a caller
/// that digests it another way (the browser's workers, with WebCrypto).
pub fn check_until_digest(name: &str, read: Result<&str, &str>, today: Date) -> Checking {
    let text = match read {
        Ok(text) => text,
        Err(reason) => return Checking::Done(checked(name.to_owned(), Err(reason.to_owned()))),
    };
    // Trust the name first: a broken backup should be told what is wrong
    // with it as a backup, not as a spreadsheet.
    let lower = name.to_lowercase();
    let is_csv = lower.ends_with(".csv")
        || (!lower.ends_with(".json") && !text.trim_start_matches('\u{feff}').trim_start().starts_with(['{', '[']));
    if is_csv {
        return Checking::Done(checked(name.to_owned(), completion_csv::read(text)));
    }
    match backup::open_backup(text, today) {
        Ok(backup) => Checking::Sealed(SealedFile { name: name.to_owned(), backup }),
        Err(reason) => Checking::Done(checked(name.to_owned(), Err(reason))),
    }
}

fn checked(name: String, read: Result<(FileCheck, Vec<StaffRecord>), String>) -> CheckedFile {
    match read {
        Ok((check, staff)) => CheckedFile { name, check, staff },
        Err(reason) => CheckedFile { name, check: FileCheck::Invalid(reason), staff: Vec::new() },
    }
}

/// The learners from all usable files, one per person. Where files hold
/// the same person, the newer export counts and the others are marked
/// duplicates; at the same exported time, one with no change found is
/// preferred to a changed one, and the reason says so. A staff number
/// that comes with different names is a clash: no file of it is counted.
/// Each learner is looked up by key once, so the work grows with the
/// number of learners, not its square.
pub fn combine(files: &mut [CheckedFile]) -> Vec<(String, StaffRecord)> {
    combine_by(files, |learner| learner.clone())
}

/// [`combine`] for a caller with no further use for the files' learners
/// (the command line): each counted learner is moved out of its file, where
/// an empty one is left, rather than copied. At 10,000 files the copies
/// were most of the combining.
pub fn combine_taking(files: &mut [CheckedFile]) -> Vec<(String, StaffRecord)> {
    combine_by(files, StaffRecord::take)
}

fn combine_by(
    files: &mut [CheckedFile],
    counted: impl Fn(&mut StaffRecord) -> StaffRecord,
) -> Vec<(String, StaffRecord)> {
    // Every learner of every usable file, by who they are: (file, learner in file).
    let mut people: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (index, file) in files.iter().enumerate() {
        if matches!(file.check, FileCheck::Invalid(_)) {
            continue;
        }
        for (position, staff) in file.staff.iter().enumerate() {
            people.entry(staff.learner.key()).or_default().push((index, position));
        }
    }
    let mut counted_from = vec![false; files.len()];
    let mut superseded: Vec<Option<String>> = vec![None; files.len()];
    let mut clashes: Vec<Option<String>> = vec![None; files.len()];
    // Which learner of which file counts, with that file's name.
    let mut kept_learners = Vec::with_capacity(people.len());
    for members in people.values() {
        let learner = |(file, position): (usize, usize)| &files[file].staff[position];
        if let Some(reason) = clash(files, members) {
            for (file, _) in members {
                clashes[*file].get_or_insert_with(|| reason.clone());
            }
            continue;
        }
        // Newest instant first, then no change found over changed, then the file loaded first.
        let rank = |&(file, position): &(usize, usize)| {
            let at = super::timestamp::parse(&files[file].staff[position].exported_at);
            (at, files[file].check == FileCheck::Intact, std::cmp::Reverse(file))
        };
        let Some(&kept) = members.iter().max_by_key(|member| rank(member)) else { continue };
        counted_from[kept.0] = true;
        let kept_name = &files[kept.0].name;
        for &member in members.iter().filter(|member| **member != kept) {
            let who = visible(&learner(member).learner.display_name(&files[member.0].name));
            let why = if rank(&member).0 != rank(&kept).0 {
                "a newer export, which is counted".to_owned()
            } else if rank(&member).1 != rank(&kept).1 {
                "exported at the same time; that file shows no change since export and this one does, so that one \
                 is counted"
                    .to_owned()
            } else if learner(member) == learner(kept) {
                "exported at the same time with the same content; that one is counted".to_owned()
            } else {
                "exported at the same time but with different content; that one is counted, so check which is right"
                    .to_owned()
            };
            superseded[member.0].get_or_insert_with(|| format!("{who} is also in {kept_name}, {why}"));
        }
        kept_learners.push((kept_name.clone(), kept));
    }
    for (index, file) in files.iter_mut().enumerate() {
        if let Some(reason) = clashes[index].take() {
            // The clash matters more than a change, but the change is not hidden.
            let changed = file.check.reason().filter(|_| matches!(file.check, FileCheck::Modified(_)));
            let reason = match changed {
                Some(changed) => format!("{reason}. This file was also changed: {changed}"),
                None => reason,
            };
            file.check = FileCheck::Clash(reason);
        } else if let Some(reason) = superseded[index].take() {
            // A file is only a duplicate if none of its learners is counted.
            if !counted_from[index] {
                file.check = FileCheck::Superseded(reason);
            }
        }
    }
    let mut staff: Vec<(String, StaffRecord)> = kept_learners
        .into_iter()
        .map(|(name, (file, position))| (name, counted(&mut files[file].staff[position])))
        .collect();
    staff.sort_by_cached_key(|(_, s)| (normalised(&s.learner.name), s.learner.staff_number.clone()));
    staff
}

/// Why the files of one staff number cannot be combined, if they name
/// different people: the manager must say which is right.
fn clash(files: &[CheckedFile], members: &[(usize, usize)]) -> Option<String> {
    let mut names: BTreeMap<String, (&str, &str)> = BTreeMap::new();
    for &(file, position) in members {
        let learner = &files[file].staff[position].learner;
        let name = normalised(&learner.name);
        if !name.is_empty() && !learner.staff_number.is_empty() {
            names.entry(name).or_insert((learner.name.as_str(), files[file].name.as_str()));
        }
    }
    if names.len() < 2 {
        return None;
    }
    let staff_number = &files[members[0].0].staff[members[0].1].learner.staff_number;
    let each: Vec<String> = names.values().take(3).map(|(name, file)| format!("{} in {file}", quoted(name))).collect();
    let more = if names.len() > 3 { format!(" and {} more", names.len() - 3) } else { String::new() };
    Some(format!(
        "Staff number {} is under different names: {}{more}. Nobody with this number is counted until the files \
         are checked and corrected",
        quoted(staff_number),
        each.join(", ")
    ))
}

/// The modules an employer requires by default: every module, not the
/// case studies, which are chosen by profession.
pub fn default_required(catalogue: &Catalogue) -> Vec<String> {
    catalogue.modules().iter().filter(|m| m.kind == Kind::Module).map(|m| m.id.clone()).collect()
}

/// The modules a manager is first asked to require: the core every role
/// needs, not all of them. Any the catalogue lacks are left out.
pub const CORE_MODULES: [&str; 6] = [
    "what-ai-is",
    "ai-limitations",
    "automation-bias-and-checking",
    "data-protection-basics",
    "accountability-and-liability",
    "reporting-ai-errors",
];

/// [`CORE_MODULES`] that are in `catalogue`, or [`default_required`] if none are.
pub fn core_required(catalogue: &Catalogue) -> Vec<String> {
    let core: Vec<String> =
        CORE_MODULES.iter().filter(|id| catalogue.get(id).is_some()).map(|id| (*id).to_owned()).collect();
    if core.is_empty() {
        default_required(catalogue)
    } else {
        core
    }
}

/// How many days before it expires a completion shows as due soon.
pub const DUE_SOON_DAYS: i64 = 60;

/// Where a learner stands on one module as the manager sees it today:
/// [`Status`] with "complete" split into current and due soon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Standing {
    Current,
    DueSoon,
    Expired,
    InProgress,
    NotStarted,
}

impl Standing {
    pub const ALL: [Standing; 5] =
        [Standing::Current, Standing::DueSoon, Standing::Expired, Standing::InProgress, Standing::NotStarted];

    /// Where `cell` stands on `today`; no cell is not started.
    pub fn of(cell: Option<&Cell>, today: Date) -> Standing {
        let Some(cell) = cell else { return Standing::NotStarted };
        match cell.status {
            Status::Complete => match cell.expires_on {
                Some(expiry) if expiry < today => Standing::Expired,
                Some(expiry) if (expiry - today).whole_days() <= DUE_SOON_DAYS => Standing::DueSoon,
                _ => Standing::Current,
            },
            Status::Expired => Standing::Expired,
            Status::InProgress => Standing::InProgress,
            Status::NotStarted => Standing::NotStarted,
        }
    }

    /// The word in a cell.
    pub fn label(self) -> &'static str {
        match self {
            Standing::Current => "Done",
            Standing::DueSoon => "Due soon",
            Standing::Expired => "Expired",
            Standing::InProgress => "Started",
            Standing::NotStarted => "Not done",
        }
    }

    /// A stable id for styling.
    pub fn id(self) -> &'static str {
        match self {
            Standing::Current => "current",
            Standing::DueSoon => "due-soon",
            Standing::Expired => "expired",
            Standing::InProgress => "in-progress",
            Standing::NotStarted => "not-started",
        }
    }

    /// The manager must act: renewal is due or overdue, or the module is not done.
    pub fn needs_action(self) -> bool {
        self != Standing::Current
    }

    /// Counts as complete in the totals (a due-soon completion still counts).
    pub fn is_complete(self) -> bool {
        matches!(self, Standing::Current | Standing::DueSoon)
    }
}

/// How many of `required` a learner must act on today.
pub fn outstanding(record: &StaffRecord, required: &[String], today: Date) -> usize {
    required.iter().filter(|id| Standing::of(record.cells.get(*id), today).needs_action()).count()
}

/// How the matrix's rows are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortBy {
    #[default]
    Name,
    /// Most outstanding required modules first, then by name.
    Outstanding,
}

/// The rows to show: those `filter` admits, only those needing action if
/// asked, in the order asked. Rows keep their order from [`combine`] (by
/// name) where the sort does not tell them apart.
pub fn rows<'a>(
    staff: &'a [(String, StaffRecord)],
    filter: &Filter,
    required: &[String],
    only_action: bool,
    sort: SortBy,
    today: Date,
) -> Vec<&'a (String, StaffRecord)> {
    let mut shown: Vec<&(String, StaffRecord)> = staff
        .iter()
        .filter(|(_, s)| filter.admits(&s.learner))
        .filter(|(_, s)| !only_action || outstanding(s, required, today) > 0)
        .collect();
    if sort == SortBy::Outstanding {
        shown.sort_by_key(|(_, s)| std::cmp::Reverse(outstanding(s, required, today)));
    }
    shown
}

/// How many of `staff` have `module_id` complete (current or due soon), of how many, as a whole percentage.
pub fn percent_complete(staff: &[&StaffRecord], module_id: &str, today: Date) -> (usize, usize, u32) {
    let done = staff.iter().filter(|s| Standing::of(s.cells.get(module_id), today).is_complete()).count();
    let total = staff.len();
    let percent = (done * 100).checked_div(total).map_or(0, |p| p as u32);
    (done, total, percent)
}

/// How many learners stand where on one module today.
pub fn standing_totals(staff: &[&StaffRecord], module_id: &str, today: Date) -> BTreeMap<Standing, usize> {
    let mut counts: BTreeMap<Standing, usize> = Standing::ALL.into_iter().map(|s| (s, 0)).collect();
    for record in staff {
        *counts.entry(Standing::of(record.cells.get(module_id), today)).or_default() += 1;
    }
    counts
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
    use crate::domain::record::{CheckAttempt, Completion, LearnerRecord};
    use crate::domain::timestamp::parse_date;

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
        let mut scrolled = record.clone();
        scrolled.progress.entry("ai-limitations".into()).or_default().sections_reached.insert("Intro".into());
        assert_eq!(Cell::of(&scrolled, other, 36, day("2026-07-01")).status, Status::NotStarted, "only read");
        let mut started = record.clone();
        started.record_reflection("ai-limitations", "any-prompt", "A first thought", "2026-01-01T00:00:00.000Z");
        assert_eq!(Cell::of(&started, other, 36, day("2026-07-01")).status, Status::InProgress);
        let mut answered = record.clone();
        let check_id = "any-check".to_owned();
        let attempt = CheckAttempt { check_id, chosen: vec![0], correct: false, at: "2026-01-01T00:00:00.000Z".into() };
        answered.record_attempt("ai-limitations", attempt);
        assert_eq!(Cell::of(&answered, other, 36, day("2026-07-01")).status, Status::InProgress);
        let mut unreadable = record.clone();
        unreadable.completions.get_mut("what-ai-is").unwrap().completed_at = "not a date".into();
        assert_eq!(Cell::of(&unreadable, module, 36, day("2026-07-01")).status, Status::InProgress, "as before");
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
        assert_eq!(checks, ["Duplicate", "Invalid", "No change found", "May be changed"]);
        assert!(files[0].check.reason().unwrap().contains("Asha Patel is also in new.json"));
        assert!(files[1].check.reason().unwrap().starts_with("The file ends too soon"));
        let names: Vec<&str> = staff.iter().map(|(_, s)| s.learner.name.as_str()).collect();
        assert_eq!(names, ["Asha Patel", "Ben O"]);
        assert_eq!(staff[0].1.cells["what-ai-is"].status, Status::Complete, "the newer file counts");
        let counted: Vec<&StaffRecord> = staff.iter().map(|(_, s)| s).collect();
        let totals = totals(&counted, "what-ai-is");
        assert_eq!((totals[&Status::Complete], totals[&Status::NotStarted]), (1, 1));
    }

    fn checked(files: &[(&str, LearnerRecord, &str)]) -> Vec<CheckedFile> {
        files
            .iter()
            .map(|(name, record, at)| {
                let text = Backup::new(record.clone(), at).to_json();
                check_file(name, &text, catalogue(), DEFAULT_REFRESH_MONTHS, day("2026-11-22"))
            })
            .collect()
    }

    /// The workers digest a backup's record with WebCrypto between the two
    /// halves of the check: given the right digest, the verdict is the one
    /// check_read gives; given another, the file is named as changed.
    #[test]
    fn a_check_finished_with_an_outside_digest_is_the_same_check() {
        let today = day("2026-11-22");
        let backup = Backup::new(learner("Ada Obi", "9", &[("what-ai-is", "2026-02-01")]), "2026-03-01T00:00:00.000Z");
        let text = backup.to_json();
        let whole = check_read("a.json", Ok(&text), catalogue(), 36, today);
        assert_eq!(whole.check, FileCheck::Intact);
        let finish = |digest: &dyn Fn(&[u8]) -> String| match check_until_digest("a.json", Ok(&text), today) {
            Checking::Sealed(sealed) => {
                let digest = digest(sealed.canonical_record());
                sealed.finish(&digest, catalogue(), 36, today)
            }
            Checking::Done(_) => panic!("a sound backup waits for its digest"),
        };
        assert_eq!(finish(&|bytes| crate::domain::digest::sha256_hex(bytes)), whole);
        let wrong = finish(&|_| "0".repeat(64));
        assert_eq!(wrong.check, FileCheck::Modified(backup::CHANGED.to_owned()));
        assert_eq!(wrong.staff, whole.staff, "the learners are read all the same");
        // What fails before the checksum, or is not a backup, is done at once.
        for (name, read) in
            [("gone.json", Err("It could not be read.")), ("b.json", Ok("{\"format\":")), ("s.csv", Ok(""))]
        {
            assert!(
                matches!(check_until_digest(name, read, today), Checking::Done(done) if done == check_read(name, read, catalogue(), 36, today))
            );
        }
    }

    /// The browser checks files in Web Workers and sends what it found back
    /// as JSON: every kind of result must arrive as it left.
    #[test]
    fn a_checked_file_crosses_to_the_page_unchanged() {
        let today = day("2026-11-22");
        let mut record = learner("Zoë Ñúñez", "7", &[("what-ai-is", "2026-02-01"), ("ai-limitations", "2020-01-31")]);
        record.profile.stage = Some("registrant".into());
        let backup = Backup::new(record, "2026-03-01T00:00:00.000Z").to_json();
        let unreadable = check_read("gone.json", Err("It could not be read."), catalogue(), 36, today);
        let edited =
            Backup::new(learner("Ben Okafor", "8", &[]), "2026-03-01T00:00:00.000Z").to_json().replace("Ben", "Bem");
        let csv = crate::domain::export::csv::write(
            &[&check_file("a.json", &backup, catalogue(), 36, today).staff[0]],
            catalogue(),
        );
        let mut all = vec![
            check_file("a.json", &backup, catalogue(), 36, today),
            check_file("edited.json", &edited, catalogue(), 36, today),
            check_file("sheet.csv", &csv, catalogue(), 36, today),
            check_file("broken.json", "{\"format\":", catalogue(), 36, today),
            unreadable,
        ];
        combine(&mut all);
        let kinds: std::collections::BTreeSet<&str> = all.iter().map(|file| file.check.id()).collect();
        assert!(kinds.len() >= 4 && kinds.contains("modified") && kinds.contains("invalid"), "{kinds:?}");
        let cells = all[0].staff[0].cells.values();
        assert!(cells.clone().any(|cell| cell.status == Status::Expired && cell.score.is_some()));
        assert!(cells.clone().any(|cell| cell.status == Status::Complete && cell.cpd_hours > 0.0));
        for file in all {
            let json = serde_json::to_string(&file).unwrap();
            assert_eq!(serde_json::from_str::<CheckedFile>(&json).unwrap(), file, "{json}");
        }
    }

    #[test]
    fn a_staff_number_under_two_names_is_a_clash_and_neither_is_counted() {
        let real = learner("Asha Patel", "100", &[]);
        let forged = learner("Mallory Jones", "100", &[("what-ai-is", "2026-02-01")]);
        let other = learner("Ben Okafor", "200", &[]);
        let mut files = checked(&[
            ("asha.json", real, "2026-01-01T00:00:00.000Z"),
            ("forged.json", forged, "2026-06-01T00:00:00.000Z"),
            ("ben.json", other, "2026-01-01T00:00:00.000Z"),
        ]);
        let staff = combine(&mut files);
        let labels: Vec<&str> = files.iter().map(|f| f.check.label()).collect();
        assert_eq!(labels, ["Clash", "Clash", "No change found"], "a later export does not win a clash");
        assert_eq!(
            files[0].check.reason(),
            Some(
                "Staff number \"100\" is under different names: \"Asha Patel\" in asha.json, \"Mallory Jones\" in \
                 forged.json. Nobody with this number is counted until the files are checked and corrected"
            )
        );
        let names: Vec<&str> = staff.iter().map(|(_, s)| s.learner.name.as_str()).collect();
        assert_eq!(names, ["Ben Okafor"]);
    }

    #[test]
    fn combining_by_taking_the_learners_counts_and_judges_as_copying_them_does() {
        let mut files = checked(&[
            ("old.json", learner("Asha Patel", "100", &[]), "2026-01-01T00:00:00.000Z"),
            ("new.json", learner("Asha Patel", "100", &[("what-ai-is", "2026-02-01")]), "2026-03-01T00:00:00.000Z"),
            ("ben.json", learner("Ben Okafor", "200", &[]), "2026-01-01T00:00:00.000Z"),
            ("forged.json", learner("Mallory Jones", "200", &[]), "2026-01-01T00:00:00.000Z"),
            ("cat.json", learner("Cat Lee", "300", &[("what-ai-is", "2025-02-01")]), "2026-01-01T00:00:00.000Z"),
        ]);
        let mut taken = files.clone();
        let copied = combine(&mut files);
        assert_eq!(combine_taking(&mut taken), copied);
        let verdicts = |files: &[CheckedFile]| files.iter().map(|f| f.check.clone()).collect::<Vec<_>>();
        assert_eq!(verdicts(&taken), verdicts(&files));
        let names: Vec<&str> = copied.iter().map(|(_, s)| s.learner.name.as_str()).collect();
        assert_eq!(names, ["Asha Patel", "Cat Lee"]);
        let emptied: Vec<bool> = taken.iter().map(|f| f.staff[0].cells.is_empty()).collect();
        assert_eq!(emptied, [false, true, false, false, true], "only the counted learners were moved out");
    }

    #[test]
    fn names_and_staff_numbers_match_after_normalising_invisible_and_composed_characters() {
        assert_eq!(normalised("  Asha\u{200B}  PATEL\u{202E} "), "asha patel");
        assert_eq!(normalised("Jose\u{301}"), normalised("Jos\u{e9}"), "é as one character or two");
        let mut files = checked(&[
            ("a.json", learner("Asha Patel", " 100", &[]), "2026-01-01T00:00:00.000Z"),
            ("b.json", learner("asha\u{200D} patel", "1\u{2066}00", &[]), "2026-02-01T00:00:00.000Z"),
            ("c.json", learner("Jos\u{e9}", "", &[]), "2026-01-01T00:00:00.000Z"),
            ("d.json", learner("JOSE\u{301}", "", &[]), "2026-02-01T00:00:00.000Z"),
        ]);
        let staff = combine(&mut files);
        let labels: Vec<&str> = files.iter().map(|f| f.check.label()).collect();
        assert_eq!(labels, ["Duplicate", "No change found", "Duplicate", "No change found"]);
        assert_eq!(staff.len(), 2, "two people, not four");
    }

    #[test]
    fn at_the_same_exported_time_the_unchanged_file_is_preferred_and_the_reason_says_so() {
        let at = "2026-03-01T00:00:00.000Z";
        let record = learner("Asha Patel", "100", &[("what-ai-is", "2026-02-01")]);
        let edited = Backup::new(record.clone(), at).to_json().replace("\"score\": 80", "\"score\": 99");
        let mut files = vec![
            check_file("edited.json", &edited, catalogue(), DEFAULT_REFRESH_MONTHS, day("2026-11-22")),
            checked(&[("clean.json", record, at)]).remove(0),
        ];
        let staff = combine(&mut files);
        assert_eq!(files[0].check.label(), "Duplicate");
        assert_eq!(
            files[0].check.reason(),
            Some(
                "Asha Patel is also in clean.json, exported at the same time; that file shows no change since export \
                 and this one does, so that one is counted"
            )
        );
        assert_eq!(staff[0].1.cells["what-ai-is"].score, Some(80));
        // Same time, different content, neither changed: said, not silently dropped.
        let mut files = checked(&[
            ("one.json", learner("Asha Patel", "100", &[]), at),
            ("two.json", learner("Asha Patel", "100", &[("what-ai-is", "2026-02-01")]), at),
        ]);
        combine(&mut files);
        assert!(files[1]
            .check
            .reason()
            .unwrap()
            .ends_with("different content; that one is counted, so check which is right"));
    }

    #[test]
    fn exported_times_are_compared_as_instants_not_text() {
        // 10:00+02:00 is 08:00 UTC, earlier than 09:00Z, though it sorts later as text.
        let mut files = checked(&[
            ("zoned.json", learner("Asha Patel", "100", &[]), "2026-03-01T10:00:00+02:00"),
            ("utc.json", learner("Asha Patel", "100", &[("what-ai-is", "2026-02-01")]), "2026-03-01T09:00:00.000Z"),
        ]);
        let staff = combine(&mut files);
        assert_eq!(files[0].check.label(), "Duplicate");
        assert_eq!(staff[0].0, "utc.json");
    }

    #[test]
    fn a_completion_at_the_end_of_the_calendar_and_a_huge_refresh_period_do_not_panic() {
        let record = learner("A", "1", &[("what-ai-is", "2200-12-31")]);
        let module = catalogue().get("what-ai-is").unwrap();
        for months in [0, 36, 100_000, u32::MAX] {
            let cell = Cell::of(&record, module, months, day("2026-11-22"));
            assert_eq!(cell.status, Status::Complete, "{months}");
        }
        assert_eq!(Cell::of(&record, module, u32::MAX, day("2026-11-22")).expires_on, Some(Date::MAX));
    }

    #[test]
    fn the_filter_narrows_by_profession_and_stage() {
        let nurse = Learner { profession: "nursing".into(), stage: "registrant".into(), ..Learner::default() };
        assert!(Filter::default().admits(&nurse));
        assert!(Filter { profession: "nursing".into(), stage: String::new() }.admits(&nurse));
        assert!(!Filter { profession: "pharmacy".into(), stage: String::new() }.admits(&nurse));
        assert!(!Filter { profession: String::new(), stage: "pre-registration".into() }.admits(&nurse));
    }
    #[test]
    fn a_completion_near_its_expiry_is_due_soon_and_expired_differs_from_not_started() {
        let record = learner("A", "1", &[("what-ai-is", "2023-06-30")]);
        let module = catalogue().get("what-ai-is").unwrap();
        let on = |today: &str| {
            let today = day(today);
            Standing::of(Some(&Cell::of(&record, module, 36, today)), today)
        };
        assert_eq!(on("2026-04-30"), Standing::Current, "61 days left");
        assert_eq!(on("2026-05-01"), Standing::DueSoon, "60 days left");
        assert_eq!(on("2026-06-30"), Standing::DueSoon, "the last day");
        assert_eq!(on("2026-07-01"), Standing::Expired);
        assert_eq!(Standing::of(None, day("2026-07-01")), Standing::NotStarted);
        assert_ne!(Standing::Expired.label(), Standing::NotStarted.label());
        assert!(Standing::DueSoon.needs_action() && Standing::DueSoon.is_complete());
    }

    #[test]
    fn rows_filter_to_those_needing_action_and_sort_by_what_is_outstanding() {
        let today = day("2026-11-22");
        let mut files = checked(&[
            (
                "a.json",
                learner("Asha", "1", &[("what-ai-is", "2026-01-01"), ("ai-limitations", "2026-01-01")]),
                "2026-03-01T00:00:00.000Z",
            ),
            ("b.json", learner("Ben", "2", &[]), "2026-03-01T00:00:00.000Z"),
            ("c.json", learner("Cat", "3", &[("what-ai-is", "2024-01-01")]), "2026-03-01T00:00:00.000Z"),
        ]);
        let staff = combine(&mut files);
        let required = vec!["what-ai-is".to_owned(), "ai-limitations".to_owned()];
        let names =
            |rows: Vec<&(String, StaffRecord)>| rows.iter().map(|(_, s)| s.learner.name.clone()).collect::<Vec<_>>();
        let all = rows(&staff, &Filter::default(), &required, false, SortBy::Name, today);
        assert_eq!(names(all), ["Asha", "Ben", "Cat"]);
        let action = rows(&staff, &Filter::default(), &required, true, SortBy::Outstanding, today);
        assert_eq!(names(action), ["Ben", "Cat"]);
        let counted: Vec<&StaffRecord> = staff.iter().map(|(_, s)| s).collect();
        assert_eq!(percent_complete(&counted, "what-ai-is", today), (2, 3, 66));
        assert_eq!(percent_complete(&[], "what-ai-is", today), (0, 0, 0));
        let later = day("2026-12-02");
        assert_eq!(
            Standing::of(staff[2].1.cells.get("what-ai-is"), later),
            Standing::DueSoon,
            "36 months from 2024-01-01"
        );
        assert_eq!(core_required(catalogue()).len(), CORE_MODULES.len());
    }

    #[test]
    fn a_refresh_period_typed_as_words_or_out_of_range_is_named() {
        assert_eq!(read_refresh_months(" 24 "), Ok(24));
        assert_eq!(read_refresh_months("1200"), Ok(1200));
        let refused = Err("Enter a whole number of months from 1 to 1200, such as 36".to_owned());
        for typed in ["", "two years", "0", "1201", "1.5", "-3"] {
            assert_eq!(read_refresh_months(typed), refused, "{typed:?}");
        }
    }
}
