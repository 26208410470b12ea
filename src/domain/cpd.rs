//! The CPD log as the learner and their regulator see it: entries logged
//! by hand plus every completed Praxis module, with totals.

use crate::domain::module::Catalogue;
use crate::domain::record::{Completion, CpdEntry, EntryType, LearnerRecord, MAX_ENTRY_HOURS};
use crate::domain::revalidation::Evidence;
use crate::domain::timestamp::parse_date;

/// How learning happened, as regulators' forms ask for it.
pub const METHODS: &[(&str, &str)] = &[
    ("e-learning", "E-learning or online module"),
    ("course", "Course or workshop"),
    ("conference", "Conference or seminar"),
    ("reading", "Reading or research"),
    ("peer-learning", "Learning with colleagues"),
    ("supervision", "Supervision or mentoring"),
    ("audit-qi", "Audit or quality improvement"),
    ("teaching", "Teaching others"),
    ("other", "Other"),
];

pub fn method_label(id: &str) -> &str {
    METHODS.iter().find(|(method, _)| *method == id).map_or(id, |(_, label)| label)
}

/// Which of the CPD form's questions apply to an entry type. Feedback and
/// discussions are not learning activities: asking how they were learned,
/// for how long or whether they were planned makes no sense.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields {
    pub method: bool,
    /// The label of the hours question, if it is asked.
    pub hours: Option<&'static str>,
    pub with_others: bool,
    pub planned: bool,
}

pub fn fields(entry_type: EntryType) -> Fields {
    let none = Fields { method: false, hours: None, with_others: false, planned: false };
    match entry_type {
        EntryType::Cpd => Fields { method: true, hours: Some("Hours"), with_others: true, planned: true },
        EntryType::ReflectiveAccount => Fields { hours: Some("CPD hours"), ..none },
        EntryType::PracticeHours => Fields { hours: Some("Hours worked"), ..none },
        EntryType::Feedback | EntryType::PeerDiscussion | EntryType::ReflectiveDiscussion => none,
    }
}

/// Clears the answers to questions that do not apply to the entry's type,
/// so a value typed before the type was changed is neither kept nor counted.
pub fn fit_to_type(entry: &mut CpdEntry) {
    let fields = fields(entry.entry_type);
    if fields.hours.is_none() {
        entry.hours = 0.0;
    }
    if !fields.with_others {
        entry.participatory_hours = 0.0;
    }
    if !fields.planned {
        entry.planned = false;
    }
}

/// The line under an entry's title in the log: its date and type, and
/// only the details that apply to that type.
pub fn summary(entry: &CpdEntry) -> String {
    let fields = fields(entry.entry_type);
    let mut parts = vec![crate::domain::words::date(&entry.date), entry.entry_type.label().to_owned()];
    if fields.method {
        parts.push(method_label(&entry.method).to_owned());
    }
    if fields.hours.is_some() {
        parts.push(if fields.with_others {
            format!("{:.1} h ({:.1} h with others)", entry.hours, entry.participatory_hours)
        } else {
            format!("{:.1} h", entry.hours)
        });
    }
    if fields.planned && entry.planned {
        parts.push("planned".to_owned());
    }
    parts.join(" · ")
}

/// A row of the log: a hand-made entry, or a completed module.
#[derive(Debug, Clone, PartialEq)]
pub struct LogRow {
    pub entry: CpdEntry,
    /// The module this row comes from; such rows cannot be edited here.
    pub from_module: Option<String>,
}

/// Every row of the log, newest first.
pub fn log(record: &LearnerRecord, catalogue: &Catalogue) -> Vec<LogRow> {
    let modules = record.completions.iter().map(|(module_id, completion)| LogRow {
        entry: module_entry(module_id, completion, catalogue),
        from_module: Some(module_id.clone()),
    });
    let manual = record.cpd.iter().cloned().map(|entry| LogRow { entry, from_module: None });
    let mut rows: Vec<LogRow> = modules.chain(manual).collect();
    rows.sort_by(|a, b| newest_first(&a.entry, &b.entry));
    rows
}

/// A completed module as the log shows it: a CPD activity of the module's minutes.
fn module_entry(module_id: &str, completion: &Completion, catalogue: &Catalogue) -> CpdEntry {
    let title = catalogue.get(module_id).map_or(module_id, |m| m.title.as_str());
    CpdEntry {
        id: format!("module-{module_id}"),
        entry_type: EntryType::Cpd,
        date: completion.completed_at.get(..10).unwrap_or(&completion.completed_at).to_owned(),
        title: format!("Praxis: {title}"),
        method: "e-learning".to_owned(),
        hours: completion.minutes as f32 / 60.0,
        participatory_hours: 0.0,
        planned: false,
        description: String::new(),
        standards: Vec::new(),
        evidence_note: "Completed in Praxis, with knowledge checks and reflection".to_owned(),
        created_at: completion.completed_at.clone(),
        template: None,
        answers: Default::default(),
    }
}

/// The log's order: by day, newest first, then the most recently made first.
fn newest_first(a: &CpdEntry, b: &CpdEntry) -> std::cmp::Ordering {
    b.date.cmp(&a.date).then_with(|| b.created_at.cmp(&a.created_at))
}

/// Hours and participatory hours of the CPD activities (and reflective
/// accounts' CPD hours) among `rows`.
pub fn totals<'a>(rows: impl IntoIterator<Item = &'a LogRow>) -> (f32, f32) {
    rows.into_iter()
        .filter(|row| row.entry.entry_type.adds_hours_to(EntryType::Cpd))
        .fold((0.0, 0.0), |(hours, with_others), row| {
            (hours + row.entry.hours, with_others + row.entry.participatory_hours)
        })
}

/// Hours of CPD activity by calendar year, from the whole log's evidence.
pub fn hours_by_year(evidence: &[Evidence]) -> std::collections::BTreeMap<i32, f32> {
    let mut by_year = std::collections::BTreeMap::new();
    for item in evidence.iter().filter(|item| item.kind.adds_hours_to(EntryType::Cpd)) {
        *by_year.entry(item.date.year()).or_insert(0.0) += item.hours;
    }
    by_year
}

/// The log as evidence for the revalidation rules, in the log's order.
/// Entries whose date cannot be read are left out rather than guessed.
/// The hand-made entries are read in place, not copied as [`log`] copies
/// them: a long career has thousands, and the dashboard reads this on
/// every change.
pub fn evidence(record: &LearnerRecord, catalogue: &Catalogue) -> Vec<Evidence> {
    let modules: Vec<CpdEntry> = record
        .completions
        .iter()
        .map(|(module_id, completion)| module_entry(module_id, completion, catalogue))
        .collect();
    let mut entries: Vec<&CpdEntry> = modules.iter().chain(&record.cpd).collect();
    entries.sort_by(|a, b| newest_first(a, b));
    entries
        .into_iter()
        .filter_map(|entry| {
            Some(Evidence {
                date: parse_date(&entry.date)?,
                kind: entry.entry_type,
                hours: entry.hours,
                participatory_hours: entry.participatory_hours,
                planned: entry.planned,
                tags: entry.standards.clone(),
            })
        })
        .collect()
}

/// A field of the CPD entry form, as `validate` names it; the page knows
/// which control each one is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Title,
    Date,
    Hours,
    WithOthers,
}

/// Hours as typed. Text that is not a number reads as NaN, so `validate`
/// names it instead of a 0 being saved in its place.
pub fn read_hours(typed: &str) -> f32 {
    typed.trim().parse().unwrap_or(f32::NAN)
}

/// What is wrong with an entry before it is saved, field by field, as
/// `(field, message)` for an error summary.
pub fn validate(entry: &CpdEntry) -> Vec<(Field, String)> {
    let mut errors = Vec::new();
    if entry.title.trim().is_empty() {
        errors.push((Field::Title, "Enter a title for the activity".to_owned()));
    }
    // The same rule as an imported file's, so nothing saved here makes the learner's backup unreadable.
    if crate::domain::validate::date(&entry.date).is_none() {
        errors.push((Field::Date, "Enter the date of the activity".to_owned()));
    }
    let hours_read = (0.0..=MAX_ENTRY_HOURS).contains(&entry.hours);
    if !hours_read {
        errors.push((Field::Hours, format!("Hours must be a number from 0 to {MAX_ENTRY_HOURS}")));
    }
    if !(0.0..=MAX_ENTRY_HOURS).contains(&entry.participatory_hours) {
        let message = format!("Hours with others must be a number from 0 to {MAX_ENTRY_HOURS}");
        errors.push((Field::WithOthers, message));
    } else if hours_read && entry.participatory_hours > entry.hours {
        errors.push((Field::WithOthers, "Hours with others cannot be more than the hours of the activity".to_owned()));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, date: &str, hours: f32, with_others: f32, entry_type: EntryType) -> CpdEntry {
        CpdEntry {
            id: id.into(),
            entry_type,
            date: date.into(),
            title: "Course".into(),
            method: "course".into(),
            hours,
            participatory_hours: with_others,
            planned: true,
            description: String::new(),
            standards: vec![],
            evidence_note: String::new(),
            created_at: format!("{date}T12:00:00.000Z"),
            template: None,
            answers: Default::default(),
        }
    }

    #[test]
    fn completed_modules_join_hand_made_entries_newest_first_and_count_towards_totals() {
        let mut record = LearnerRecord::default();
        record.completions.insert(
            "what-ai-is".into(),
            Completion { completed_at: "2026-03-01T10:00:00.000Z".into(), minutes: 30, score: Some(100) },
        );
        record.cpd.push(entry("a", "2026-02-01", 3.0, 2.0, EntryType::Cpd));
        record.cpd.push(entry("b", "2026-04-01", 0.0, 0.0, EntryType::Feedback));
        record.cpd.push(entry("c", "2025-12-01", 2.0, 1.0, EntryType::ReflectiveAccount));
        let rows = log(&record, crate::domain::curriculum::catalogue());
        let order: Vec<&str> = rows.iter().map(|r| r.entry.id.as_str()).collect();
        assert_eq!(order, ["b", "module-what-ai-is", "a", "c"]);
        assert_eq!(rows[1].entry.title, "Praxis: What AI is, and what it is not");
        assert_eq!(rows[1].from_module.as_deref(), Some("what-ai-is"));
        assert_eq!(totals(&rows), (5.5, 3.0), "feedback is not CPD time; a reflective account's CPD hours are");
        let evidence = evidence(&record, crate::domain::curriculum::catalogue());
        assert_eq!(hours_by_year(&evidence), std::collections::BTreeMap::from([(2025, 2.0), (2026, 3.5)]));
        let dates: Vec<String> = evidence.iter().map(|e| e.date.to_string()).collect();
        assert_eq!(dates, ["2026-04-01", "2026-03-01", "2026-02-01", "2025-12-01"], "in the log's order");
        assert_eq!(evidence.len(), 4);
        assert_eq!(evidence.iter().filter(|e| e.kind == EntryType::Feedback).count(), 1);
        assert_eq!(evidence.iter().map(|e| e.hours).sum::<f32>(), 5.5);
    }

    #[test]
    fn each_type_is_summarised_and_kept_with_only_the_details_that_apply() {
        let mut course = entry("a", "2026-12-02", 3.0, 2.0, EntryType::Cpd);
        assert_eq!(
            summary(&course),
            "2 December 2026 · CPD activity · Course or workshop · 3.0 h (2.0 h with others) · planned"
        );
        course.planned = false;
        assert!(!summary(&course).contains("planned"));

        // Typed as a course, then changed to feedback before saving.
        let mut feedback = entry("b", "2026-12-02", 3.0, 2.0, EntryType::Feedback);
        fit_to_type(&mut feedback);
        assert_eq!((feedback.hours, feedback.participatory_hours, feedback.planned), (0.0, 0.0, false));
        assert_eq!(summary(&feedback), "2 December 2026 · Practice-related feedback");

        let mut worked = entry("c", "2026-12-02", 7.5, 2.0, EntryType::PracticeHours);
        fit_to_type(&mut worked);
        assert_eq!((worked.hours, worked.participatory_hours), (7.5, 0.0));
        assert_eq!(summary(&worked), "2 December 2026 · Practice hours · 7.5 h");
        assert_eq!(fields(EntryType::PracticeHours).hours, Some("Hours worked"));
    }

    #[test]
    fn an_entry_with_missing_or_impossible_values_is_refused_field_by_field() {
        let mut bad = entry("x", "", -1.0, 0.0, EntryType::Cpd);
        bad.title = " ".into();
        let fields: Vec<Field> = validate(&bad).into_iter().map(|(field, _)| field).collect();
        assert_eq!(fields, [Field::Title, Field::Date, Field::Hours], "no comparison with hours it cannot read");
        let far = entry("w", "2300-01-01", 1.0, 0.0, EntryType::Cpd);
        assert_eq!(validate(&far)[0].0, Field::Date, "a year a backup would be refused for");
        assert!(
            validate(&entry("y", "2026-01-01", 2.0, 2.0, EntryType::Cpd)).is_empty(),
            "exactly all with others is fine"
        );
        let more_with_others = validate(&entry("z", "2026-01-01", 2.0, 2.5, EntryType::Cpd));
        assert_eq!(
            more_with_others,
            [(Field::WithOthers, "Hours with others cannot be more than the hours of the activity".to_owned())]
        );
    }

    #[test]
    fn hours_typed_as_words_are_refused_by_name_never_saved_as_nothing() {
        assert_eq!(read_hours(" 1.5 "), 1.5);
        assert!(read_hours("ten").is_nan());
        assert!(read_hours("").is_nan(), "an emptied box is not 0 hours");
        let typed = |hours: &str, with_others: &str| {
            validate(&entry("t", "2026-01-01", read_hours(hours), read_hours(with_others), EntryType::Cpd))
        };
        assert_eq!(typed("ten", "0"), [(Field::Hours, "Hours must be a number from 0 to 1000".to_owned())]);
        assert_eq!(typed("inf", "0")[0].0, Field::Hours);
        assert_eq!(
            typed("3", "two"),
            [(Field::WithOthers, "Hours with others must be a number from 0 to 1000".to_owned())]
        );
        assert_eq!(typed("3", "-1")[0].0, Field::WithOthers);
    }
}
