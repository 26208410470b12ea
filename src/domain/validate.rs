//! What serde's types cannot say about a record read from a file: dates
//! are real dates, instants real instants, numbers within what a person
//! could have recorded, and ids unique where merging relies on them.
//! Every derived view assumes these, so a record that breaks one is
//! refused at the door (`backup::read_backup`) with the field's path,
//! rather than panicking or misleading a view later.

use std::collections::BTreeSet;
use std::ops::RangeInclusive;

use time::OffsetDateTime;

use super::canonical::Path;
use super::quote::quoted;
use super::record::{CpdEntry, LearnerRecord, ModuleProgress, SelfAssessment, MAX_ENTRY_HOURS};
use super::timestamp::parse_date;

/// Years a date in a record may fall in: a career starts after 1900, and
/// a renewal or goal beyond 2200 is a typing mistake, not a plan.
pub const YEARS: RangeInclusive<i32> = 1900..=2200;

/// Months between self-assessments a learner may choose (default 12).
pub const REASSESS_MONTHS: RangeInclusive<u32> = 1..=240;

/// Days between backup reminders a learner may choose (default 30).
pub const BACKUP_REMINDER_DAYS: RangeInclusive<u32> = 1..=3650;

/// CPD minutes one module can give: no module is longer than a working week.
pub const MAX_MODULE_MINUTES: u32 = 60 * 40;

/// The most options a knowledge check answer may name.
pub const MAX_CHOSEN: usize = 64;

/// Longest id, name, number or other short field, in characters.
pub const MAX_SHORT_CHARS: usize = 500;

/// An instant as Praxis writes them (RFC 3339), within [`YEARS`].
pub fn instant(text: &str) -> Option<OffsetDateTime> {
    super::timestamp::parse(text).filter(|at| YEARS.contains(&at.year()))
}

/// A date written exactly `YYYY-MM-DD`, within [`YEARS`].
pub fn date(text: &str) -> Option<time::Date> {
    parse_date(text).filter(|day| text.len() == 10 && YEARS.contains(&day.year()))
}

/// A field of the profile form that `profile_settings` checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileField {
    RenewalDate,
    ReassessMonths,
    BackupReminderDays,
}

/// The profile form's dates and numbers as typed: a renewal date (empty
/// for none), the months between self-assessments and the days between
/// backup reminders, each a whole number in its range. Text that is not one
/// is named, never read as a default.
pub fn profile_settings(renewal: &str, months: &str, days: &str) -> Result<(u32, u32), Vec<(ProfileField, String)>> {
    let mut errors = Vec::new();
    if !renewal.trim().is_empty() && date(renewal.trim()).is_none() {
        errors.push((
            ProfileField::RenewalDate,
            "Enter the next renewal date as a real date, or leave it empty.".to_owned(),
        ));
    }
    let whole = |typed: &str, range: &RangeInclusive<u32>| typed.trim().parse().ok().filter(|n| range.contains(n));
    let months = whole(months, &REASSESS_MONTHS);
    if months.is_none() {
        let (from, to) = (REASSESS_MONTHS.start(), REASSESS_MONTHS.end());
        let message =
            format!("Re-assessment interval: enter a whole number of months from {from} to {to}, such as 12.");
        errors.push((ProfileField::ReassessMonths, message));
    }
    let days = whole(days, &BACKUP_REMINDER_DAYS);
    if days.is_none() {
        let (from, to) = (BACKUP_REMINDER_DAYS.start(), BACKUP_REMINDER_DAYS.end());
        let message = format!("Backup reminder: enter a whole number of days from {from} to {to}, such as 30.");
        errors.push((ProfileField::BackupReminderDays, message));
    }
    match (months, days) {
        (Some(months), Some(days)) if errors.is_empty() => Ok((months, days)),
        _ => Err(errors),
    }
}

/// Checks every field of `record`; `Err` names the first wrong field by its
/// path. Free text needs no check here: the reader caps every string
/// (`canonical::MAX_STRING_BYTES`), and views escape what they show.
pub fn record(record: &LearnerRecord) -> Result<(), String> {
    let mut check = Check::default();
    check.short(&Path::Root("learner_id"), &record.learner_id);
    let profile = &record.profile;
    let profile_path = Path::Root("profile");
    for (field, value) in [
        ("name", &profile.name),
        ("staff_number", &profile.staff_number),
        ("stage", &profile.stage),
        ("profession", &profile.profession),
        ("regulator", &profile.regulator),
        ("registration_number", &profile.registration_number),
        ("registration_type", &profile.registration_type),
        ("archetype", &profile.archetype),
    ] {
        if let Some(value) = value {
            check.short(&profile_path.key(field), value);
        }
    }
    if let Some(renewal) = &profile.renewal_date {
        check.date(&profile_path.key("renewal_date"), renewal);
    }
    if let Some(months) = profile.reassess_after_months {
        check.within(&profile_path.key("reassess_after_months"), months, REASSESS_MONTHS, "months");
    }
    if let Some(days) = profile.backup_reminder_days {
        check.within(&profile_path.key("backup_reminder_days"), days, BACKUP_REMINDER_DAYS, "days");
    }
    let progress_path = Path::Root("progress");
    for (module_id, progress) in &record.progress {
        check.module_progress(&progress_path.entry(module_id), module_id, progress);
    }
    let completions = Path::Root("completions");
    for (module_id, completion) in &record.completions {
        let path = completions.entry(module_id);
        check.short(&path, module_id);
        check.instant(&path.key("completed_at"), &completion.completed_at);
        check.within(&path.key("minutes"), completion.minutes, 0..=MAX_MODULE_MINUTES, "minutes");
        if let Some(score) = completion.score {
            check.within(&path.key("score"), score, 0..=100, "percent");
        }
    }
    let assessments = Path::Root("self_assessments");
    for (index, assessment) in record.self_assessments.iter().enumerate() {
        check.assessment(&assessments.index(index), assessment);
    }
    let mut ids = BTreeSet::new();
    let goals = Path::Root("goals");
    for (index, goal) in record.goals.iter().enumerate() {
        let path = goals.index(index);
        check.unique_id(&path, &goal.id, &mut ids);
        check.date(&path.key("target_date"), &goal.target_date);
        check.instant(&path.key("created_at"), &goal.created_at);
        for (list, ids) in [("competences", &goal.competences), ("modules", &goal.modules)] {
            let list = path.key(list);
            for (item, id) in ids.iter().enumerate() {
                check.short(&list.index(item), id);
            }
        }
    }
    let mut ids = BTreeSet::new();
    let cpd = Path::Root("cpd");
    for (index, entry) in record.cpd.iter().enumerate() {
        check.cpd(&cpd.index(index), entry, &mut ids);
    }
    let mut ids = BTreeSet::new();
    let incidents = Path::Root("incidents");
    for (index, incident) in record.incidents.iter().enumerate() {
        let path = incidents.index(index);
        check.unique_id(&path, &incident.id, &mut ids);
        check.date(&path.key("date"), &incident.date);
        check.instant(&path.key("created_at"), &incident.created_at);
        if let Some(at) = &incident.reflected_at {
            check.instant(&path.key("reflected_at"), at);
        }
    }
    if let Some(at) = &record.last_backup_at {
        check.instant(&Path::Root("last_backup_at"), at);
    }
    let exported = Path::Root("xapi_exported");
    for (evidence, statement) in &record.xapi_exported {
        check.short(&exported, evidence);
        check.short(&exported.entry(evidence), statement);
    }
    check.problem.map_or(Ok(()), |problem| Err(format!("The backup's record.{problem}.")))
}

/// A number for a message: "inf" and "NaN" mean nothing to most people.
fn number(value: f32) -> String {
    if value.is_finite() {
        value.to_string()
    } else {
        "too large to be a number".to_owned()
    }
}

/// Collects the first problem found; later checks are skipped once there is one.
#[derive(Default)]
struct Check {
    problem: Option<String>,
}

impl Check {
    fn fail(&mut self, path: &Path, problem: String) {
        if self.problem.is_none() {
            self.problem = Some(format!("{path} {problem}"));
        }
    }

    fn short(&mut self, path: &Path, value: &str) {
        // Most values are far shorter than the limit in bytes, so most need no count.
        if value.len() <= MAX_SHORT_CHARS {
            return;
        }
        let chars = value.chars().count();
        if chars > MAX_SHORT_CHARS {
            self.fail(path, format!("is {chars} characters long; at most {MAX_SHORT_CHARS} fit here"));
        }
    }

    fn date(&mut self, path: &Path, value: &str) {
        if date(value).is_none() {
            let years = format!("{}–{}", YEARS.start(), YEARS.end());
            self.fail(path, format!("{} is not a date (YYYY-MM-DD, in the years {years})", quoted(value)));
        }
    }

    fn instant(&mut self, path: &Path, value: &str) {
        if instant(value).is_none() {
            let years = format!("{}–{}", YEARS.start(), YEARS.end());
            self.fail(
                path,
                format!(
                    "{} is not a date and time (such as 2026-01-31T09:00:00.000Z, in the years {years})",
                    quoted(value)
                ),
            );
        }
    }

    fn within<T: PartialOrd + std::fmt::Display>(
        &mut self,
        path: &Path,
        value: T,
        range: RangeInclusive<T>,
        unit: &str,
    ) {
        if !range.contains(&value) {
            self.fail(path, format!("is {value}; it must be from {} to {} {unit}", range.start(), range.end()));
        }
    }

    fn unique_id<'a>(&mut self, path: &Path, id: &'a str, seen: &mut BTreeSet<&'a str>) {
        self.short(&path.key("id"), id);
        if !seen.insert(id) {
            self.fail(path, format!("repeats the id {}", quoted(id)));
        }
    }

    fn module_progress(&mut self, path: &Path, module_id: &str, progress: &ModuleProgress) {
        self.short(path, module_id);
        let attempts = path.key("attempts");
        for (index, attempt) in progress.attempts.iter().enumerate() {
            let path = attempts.index(index);
            self.short(&path.key("check_id"), &attempt.check_id);
            self.instant(&path.key("at"), &attempt.at);
            if attempt.chosen.len() > MAX_CHOSEN || attempt.chosen.iter().any(|option| *option >= MAX_CHOSEN) {
                self.fail(&path.key("chosen"), format!("names more options than a check has (at most {MAX_CHOSEN})"));
            }
        }
        let reflections = path.key("reflections");
        for (prompt_id, answer) in &progress.reflections {
            let path = reflections.entry(prompt_id);
            self.short(&path, prompt_id);
            self.instant(&path.key("updated_at"), &answer.updated_at);
            let earlier = path.key("earlier_versions");
            for (index, version) in answer.earlier_versions.iter().enumerate() {
                self.instant(&earlier.index(index).key("updated_at"), &version.updated_at);
            }
        }
        let sections = path.key("sections_reached");
        for section in &progress.sections_reached {
            self.short(&sections, section);
        }
    }

    fn assessment(&mut self, path: &Path, assessment: &SelfAssessment) {
        self.instant(&path.key("at"), &assessment.at);
        let ratings = path.key("ratings");
        for (area, rating) in &assessment.ratings {
            let path = ratings.entry(area);
            self.short(&path, area);
            self.within(&path.key("level"), rating.level, 1..=4, "(the framework's levels)");
            self.within(&path.key("confidence"), rating.confidence, 1..=5, "(not sure to very sure)");
            let evidence = path.key("evidence");
            for (index, reference) in rating.evidence.iter().enumerate() {
                self.short(&evidence.index(index), &reference.to_string());
            }
        }
    }

    fn cpd<'a>(&mut self, path: &Path, entry: &'a CpdEntry, ids: &mut BTreeSet<&'a str>) {
        self.unique_id(path, &entry.id, ids);
        self.date(&path.key("date"), &entry.date);
        self.instant(&path.key("created_at"), &entry.created_at);
        self.short(&path.key("method"), &entry.method);
        let hours = 0.0..=MAX_ENTRY_HOURS;
        if !entry.hours.is_finite() || !hours.contains(&entry.hours) {
            let is = number(entry.hours);
            self.fail(&path.key("hours"), format!("is {is}; it must be from 0 to {MAX_ENTRY_HOURS} hours"));
        }
        if !entry.participatory_hours.is_finite() || !(0.0..=entry.hours).contains(&entry.participatory_hours) {
            let (is, of) = (number(entry.participatory_hours), number(entry.hours));
            self.fail(
                &path.key("participatory_hours"),
                format!("is {is}; it must be from 0 to the entry's {of} hours"),
            );
        }
        for (index, standard) in entry.standards.iter().enumerate() {
            self.short(&path.key("standards").index(index), standard);
        }
        if let Some(template) = &entry.template {
            self.short(&path.key("template"), template);
        }
        for question in entry.answers.keys() {
            self.short(&path.key("answers"), question);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{Completion, Rating};

    fn problem(change: impl FnOnce(&mut LearnerRecord)) -> String {
        let mut record = LearnerRecord::default();
        change(&mut record);
        super::record(&record).unwrap_err()
    }

    #[test]
    fn dates_and_instants_must_be_real_and_in_plausible_years() {
        assert!(date("2024-02-29").is_some());
        for bad in ["2023-02-29", "zzz", "9999-12-31", "1899-12-31", "2026-1-01", "2026-01-01T00:00:00Z"] {
            assert_eq!(date(bad), None, "{bad}");
        }
        assert!(instant("2026-01-01T00:00:00.000Z").is_some());
        for bad in ["zzzz", "2026-01-01", "9999-12-31T00:00:00.000Z", "0001-01-01T00:00:00Z"] {
            assert!(instant(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn each_refusal_names_the_field_and_the_problem() {
        let completion = |at: &str, minutes, score| Completion { completed_at: at.into(), minutes, score };
        type Change = Box<dyn FnOnce(&mut LearnerRecord)>;
        let cases: Vec<(Change, &str)> = vec![
            (
                Box::new(|r| r.last_backup_at = Some("zzzz".into())),
                "The backup's record.last_backup_at \"zzzz\" is not a date and time",
            ),
            (
                Box::new(|r| r.profile.reassess_after_months = Some(1_000_000)),
                "record.profile.reassess_after_months is 1000000; it must be from 1 to 240 months.",
            ),
            (
                Box::new(|r| r.profile.backup_reminder_days = Some(0)),
                "record.profile.backup_reminder_days is 0; it must be from 1 to 3650 days.",
            ),
            (
                Box::new(move |r| {
                    r.completions.insert("m".into(), completion("9999-12-31T00:00:00.000Z", 30, None));
                }),
                "record.completions[\"m\"].completed_at \"9999-12-31T00:00:00.000Z\" is not a date and time",
            ),
            (
                Box::new(move |r| {
                    r.completions.insert("m".into(), completion("2026-01-01T00:00:00.000Z", 30, Some(101)));
                }),
                "record.completions[\"m\"].score is 101; it must be from 0 to 100 percent.",
            ),
            (
                Box::new(|r| {
                    let ratings = [("a".to_owned(), Rating { level: 0, confidence: 3, evidence: vec![] })].into();
                    r.self_assessments.push(SelfAssessment { at: "2026-01-01T00:00:00.000Z".into(), ratings });
                }),
                "record.self_assessments[0].ratings[\"a\"].level is 0; it must be from 1 to 4",
            ),
            (
                Box::new(|r| {
                    let ratings = [("a".to_owned(), Rating { level: 2, confidence: 6, evidence: vec![] })].into();
                    r.self_assessments.push(SelfAssessment { at: "2026-01-01T00:00:00.000Z".into(), ratings });
                }),
                "ratings[\"a\"].confidence is 6; it must be from 1 to 5",
            ),
            (Box::new(|r| r.profile.name = Some("x".repeat(501))), "record.profile.name is 501 characters long"),
        ];
        for (change, expected) in cases {
            let problem = problem(change);
            assert!(problem.contains(expected), "{problem}\n  expected: {expected}");
        }
    }

    #[test]
    fn cpd_hours_are_finite_within_a_day_s_sane_total_and_with_others_is_part_of_them() {
        let entry = |hours: f32, with_others: f32| CpdEntry {
            id: "a".into(),
            entry_type: crate::domain::record::EntryType::Cpd,
            date: "2026-01-01".into(),
            title: "t".into(),
            method: "course".into(),
            hours,
            participatory_hours: with_others,
            planned: false,
            description: String::new(),
            standards: vec![],
            evidence_note: String::new(),
            created_at: "2026-01-01T00:00:00.000Z".into(),
            template: None,
            answers: Default::default(),
        };
        for (hours, with_others, expected) in [
            (-3.0, 0.0, "cpd[0].hours is -3; it must be from 0 to 1000 hours"),
            (f32::INFINITY, 0.0, "cpd[0].hours is too large to be a number; it must be from 0 to 1000 hours"),
            (2.0, 3.0, "cpd[0].participatory_hours is 3; it must be from 0 to the entry's 2 hours"),
        ] {
            let problem = problem(|r| r.cpd.push(entry(hours, with_others)));
            assert!(problem.contains(expected), "{problem}");
        }
        let mut fine = LearnerRecord::default();
        fine.cpd.push(entry(1000.0, 1000.0));
        assert_eq!(super::record(&fine), Ok(()));
        fine.cpd.push(entry(1.0, 0.0));
        assert!(super::record(&fine).unwrap_err().contains("record.cpd[1] repeats the id \"a\""));
    }

    #[test]
    fn the_profiles_numbers_and_date_are_refused_by_field_never_read_as_a_default() {
        assert_eq!(profile_settings("", " 12 ", "30"), Ok((12, 30)));
        assert_eq!(profile_settings("2027-03-31", "240", "3650"), Ok((240, 3650)));
        let fields = |renewal: &str, months: &str, days: &str| -> Vec<ProfileField> {
            profile_settings(renewal, months, days).unwrap_err().into_iter().map(|(field, _)| field).collect()
        };
        assert_eq!(
            fields("2300-01-01", "abc", ""),
            [ProfileField::RenewalDate, ProfileField::ReassessMonths, ProfileField::BackupReminderDays]
        );
        assert_eq!(fields("", "0", "30"), [ProfileField::ReassessMonths]);
        assert_eq!(fields("", "12", "1.5"), [ProfileField::BackupReminderDays]);
        assert_eq!(
            profile_settings("", "241", "30").unwrap_err()[0].1,
            "Re-assessment interval: enter a whole number of months from 1 to 240, such as 12."
        );
    }
}
