//! Reflective account templates: each regulator's questions (in Praxis's
//! own words, from the regulator's published forms, listed in
//! `docs/sources.md`) and word limits, as data in `rules/reflective.toml`.
//! A completed account is saved as a CPD log entry of the kind the
//! regulator counts it as, with the answers kept field by field.

use std::collections::BTreeMap;

use crate::domain::record::{CpdEntry, EntryType, Profile, MAX_ENTRY_HOURS};
pub use crate::domain::rules::{Question, Template};

/// Every template, in the order of `rules/reflective.toml`.
pub fn templates() -> &'static [Template] {
    &crate::domain::shipped_rules::rules().templates
}

pub fn find(id: &str) -> Option<&'static Template> {
    templates().iter().find(|template| template.id == id)
}

/// The template a reflective account starts in, wherever it is begun
/// (the CPD page, a module reflection, an AI event): the learner's
/// regulator's reflective account, else its first template, else the
/// NMC's, whose questions suit any profession.
pub fn default_template(regulator: Option<&str>) -> &'static Template {
    let theirs = || templates().iter().filter(move |t| Some(t.regulator.as_str()) == regulator);
    theirs()
        .find(|t| t.counts_as == EntryType::ReflectiveAccount)
        .or_else(|| theirs().next())
        .unwrap_or(&templates()[0])
}

/// A finished account as a CPD log entry of the kind its regulator counts
/// it as, dated `today`. A blank title becomes the template's name.
pub fn account_entry(
    template: &Template,
    id: String,
    title: &str,
    hours: f32,
    answers: BTreeMap<String, String>,
    today: &str,
    now: &str,
) -> CpdEntry {
    let title = Some(title.trim()).filter(|t| !t.is_empty()).unwrap_or(&template.name);
    CpdEntry {
        hours,
        planned: template.planned,
        template: Some(template.id.to_owned()),
        answers,
        ..CpdEntry::new(id, template.counts_as, today, title, now)
    }
}

/// Words as a person counts them: runs of non-space characters.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A field of the reflective account form, as `check` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field<'a> {
    /// The answers as a whole: none was given.
    Answers,
    /// The answer to the question with this id.
    Question(&'a str),
    Hours,
}

/// What stops an account in `template` from being saved: no answer, an
/// answer over its word limit, or CPD hours that are not a number (empty
/// means none). Otherwise the hours to record.
pub fn check<'a>(
    template: &'a Template,
    answered: &BTreeMap<String, String>,
    hours_typed: &str,
) -> Result<f32, Vec<(Field<'a>, String)>> {
    let mut errors = Vec::new();
    if answered.values().all(|answer| answer.trim().is_empty()) {
        errors.push((Field::Answers, "Answer at least one question before saving.".to_owned()));
    }
    let answer = |id: &str| answered.get(id).cloned().unwrap_or_default();
    errors.extend(over_limit(template, answer).into_iter().map(|(id, message)| (Field::Question(id), message)));
    let hours_typed = hours_typed.trim();
    let hours = if hours_typed.is_empty() { 0.0 } else { hours_typed.parse().unwrap_or(f32::NAN) };
    if !(0.0..=MAX_ENTRY_HOURS).contains(&hours) {
        let message =
            format!("CPD hours: enter a number of hours from 0 to {MAX_ENTRY_HOURS}, such as 0.5, or leave it empty.");
        errors.push((Field::Hours, message));
    }
    if errors.is_empty() {
        Ok(hours)
    } else {
        Err(errors)
    }
}

/// Questions whose answers are over their word limit, with a message.
fn over_limit(template: &Template, answer: impl Fn(&str) -> String) -> Vec<(&str, String)> {
    template
        .questions
        .iter()
        .filter_map(|q| {
            let limit = q.word_limit?;
            let words = word_count(&answer(&q.id));
            (words > limit).then(|| (q.id.as_str(), format!("This answer has {words} words; the limit is {limit}.")))
        })
        .collect()
}

/// The reminder shown beside reflection boxes. The GPhC and RCGP rules
/// on AI-written reflections are named only to the learners they bind
/// (by regulator or profession); a nursing student is not told about a
/// pharmacist's regulator.
/// The button that puts the [`ai_written_reminder`] away for good.
pub const AI_WRITTEN_REMINDER_DISMISS: &str = "Got it, do not show again";

pub fn ai_written_reminder(profile: &Profile) -> String {
    let is = |regulators: &[&str], professions: &[&str]| {
        profile.regulator.as_deref().is_some_and(|r| regulators.contains(&r))
            || profile.profession.as_deref().is_some_and(|p| professions.contains(&p))
    };
    let mut reminder = "Write reflections in your own words: they are evidence of your own learning.".to_owned();
    if is(&["gphc", "psni"], &["pharmacy", "pharmacy-technician"]) {
        reminder.push_str(" The GPhC does not accept revalidation records written by AI.");
    }
    if is(&["gmc"], &["medicine"]) {
        reminder.push_str(
            " For GP appraisal, the RCGP asks that reflections are not AI-written and that AI use is declared.",
        );
    }
    reminder
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ai_written_reminder_names_only_the_learners_own_rules() {
        let profile = |regulator: Option<&str>, profession: Option<&str>| Profile {
            regulator: regulator.map(str::to_owned),
            profession: profession.map(str::to_owned),
            ..Profile::default()
        };
        let nurse = ai_written_reminder(&profile(None, Some("nursing")));
        assert!(nurse.starts_with("Write reflections in your own words"));
        assert!(!nurse.contains("GPhC") && !nurse.contains("RCGP"), "{nurse}");
        assert!(!ai_written_reminder(&profile(Some("nmc"), None)).contains("GPhC"));
        let pharmacist = ai_written_reminder(&profile(Some("gphc"), None));
        assert!(pharmacist.contains("GPhC") && !pharmacist.contains("RCGP"), "{pharmacist}");
        assert!(ai_written_reminder(&profile(None, Some("pharmacy-technician"))).contains("GPhC"));
        let doctor = ai_written_reminder(&profile(None, Some("medicine")));
        assert!(doctor.contains("RCGP") && !doctor.contains("GPhC"), "{doctor}");
    }

    #[test]
    fn every_template_names_a_known_regulator_and_has_unique_question_ids() {
        for template in templates() {
            assert!(crate::domain::revalidation::find(&template.regulator).is_some(), "{}", template.id);
            let mut ids: Vec<&str> = template.questions.iter().map(|q| q.id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), template.questions.len(), "{}", template.id);
        }
        assert_eq!(find("nmc-reflective-account").unwrap().questions.len(), 4);
    }

    #[test]
    fn word_limits_are_checked_at_the_boundary() {
        let hcpc = find("hcpc-profile").unwrap();
        let words = |n: usize| vec!["word"; n].join(" ");
        assert!(over_limit(hcpc, |id| if id == "summary" { words(500) } else { String::new() }).is_empty());
        let over = over_limit(hcpc, |id| if id == "summary" { words(501) } else { String::new() });
        assert_eq!(over, [("summary", "This answer has 501 words; the limit is 500.".to_owned())]);
        assert_eq!(word_count("  two\nwords "), 2);
    }

    #[test]
    fn an_account_is_checked_field_by_field_and_hours_typed_as_words_are_named() {
        let hcpc = find("hcpc-profile").unwrap();
        let answers = |pairs: &[(&str, String)]| -> BTreeMap<String, String> {
            pairs.iter().map(|(id, text)| (id.to_string(), text.clone())).collect()
        };
        let one = answers(&[("summary", "I learned to check.".to_owned())]);
        assert_eq!(check(hcpc, &one, ""), Ok(0.0), "empty hours are none");
        assert_eq!(check(hcpc, &one, " 2.5 "), Ok(2.5));
        let fields = |result: Result<f32, Vec<(Field<'static>, String)>>| -> Vec<Field<'static>> {
            result.unwrap_err().into_iter().map(|(field, _)| field).collect()
        };
        assert_eq!(
            fields(check(hcpc, &answers(&[("summary", "  ".to_owned())]), "two")),
            [Field::Answers, Field::Hours]
        );
        assert_eq!(fields(check(hcpc, &one, "-1")), [Field::Hours]);
        let long = answers(&[("summary", vec!["word"; 501].join(" "))]);
        assert_eq!(
            check(hcpc, &long, "1"),
            Err(vec![(Field::Question("summary"), "This answer has 501 words; the limit is 500.".to_owned())])
        );
    }
}
