//! The AI incident and learning log: what happened when AI was used, good
//! or bad, who was told, and where it was reported. An entry can become a
//! reflective account and a CPD entry in one step, and can be summarised
//! to help fill in an external report.

use std::collections::BTreeMap;

use crate::domain::record::{CpdEntry, EntryType, Incident, Outcome};
use crate::domain::reflective;

/// A plain-text summary laid out to help complete a Yellow Card or
/// manufacturer report. The reference could not confirm the device and
/// software form's fields, so the summary says so.
pub fn report_summary(incident: &Incident) -> String {
    let reports: Vec<String> =
        incident.reports.iter().map(|(route, reference)| format!("  - {}: {}", route.label(), reference)).collect();
    format!(
        "AI incident summary from Praxis\r\n\
         ================================\r\n\
         Prepared to help you complete a report. Fields of the MHRA Yellow Card form for devices and\r\n\
         software are NOT CONFIRMED here: follow the form itself. Include nothing that identifies a patient\r\n\
         beyond what the form asks for.\r\n\r\n\
         Date of event: {date}\r\n\
         Product (AI tool): {tool}\r\n\
         Version, mode or settings: {version}\r\n\
         Care setting: {setting}\r\n\
         Outcome: {outcome}\r\n\r\n\
         What happened:\r\n{what}\r\n\r\n\
         What was done:\r\n{did}\r\n\r\n\
         Who was told: {told}\r\n\
         Reported so far:\r\n{reports}\r\n\r\n\
         Keep the device, or every software reference (name, version, settings, screenshots), until the\r\n\
         report is closed.\r\n",
        date = incident.date,
        tool = incident.tool,
        version = or_dash(&incident.tool_version),
        setting = or_dash(&incident.setting),
        outcome = incident.outcome.label(),
        what = incident.what_happened,
        did = or_dash(&incident.what_you_did),
        told = or_dash(&incident.who_you_told),
        reports = if reports.is_empty() { "  - not yet".to_owned() } else { reports.join("\r\n") },
    )
}

fn or_dash(text: &str) -> &str {
    if text.trim().is_empty() {
        "–"
    } else {
        text
    }
}

/// The reflective account (in `template_id`, an account template) and the
/// CPD entry that an incident becomes, dated `today`, stamped `at`.
pub fn reflect(incident: &Incident, template_id: &str, today: &str, at: &str) -> Option<[CpdEntry; 2]> {
    let template = reflective::find(template_id)?;
    let first = template.questions.first()?;
    let mut answers = BTreeMap::new();
    answers.insert(
        first.id.to_owned(),
        format!(
            "{} ({}): {}\n\nWhat I did: {}",
            incident.tool,
            incident.outcome.label(),
            incident.what_happened,
            incident.what_you_did
        ),
    );
    let evidence_note = format!("From the AI incident log, event of {}", incident.date);
    let account = reflective::account_entry(
        template,
        format!("account-{}", incident.id),
        &format!("Reflection on an AI event: {}", incident.tool),
        0.0,
        answers,
        today,
        at,
    );
    let learning = CpdEntry::new(
        format!("cpd-{}", incident.id),
        EntryType::Cpd,
        today,
        &format!("Learning from an AI event: {}", incident.tool),
        at,
    );
    // An event is met, not planned, whatever the template's default.
    Some([
        CpdEntry { evidence_note: evidence_note.clone(), planned: false, ..account },
        CpdEntry { evidence_note, ..learning },
    ])
}

/// A field of the event form, as `validate` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Date,
    Tool,
    WhatHappened,
    Outcome,
}

/// What stops an event from being recorded, field by field. The outcome
/// is `None` until the learner chooses one.
pub fn validate(date: &str, tool: &str, what_happened: &str, outcome: Option<Outcome>) -> Vec<(Field, String)> {
    let mut errors = Vec::new();
    // The same rule as an imported file's, so nothing saved here makes the learner's backup unreadable.
    if crate::domain::validate::date(date).is_none() {
        errors.push((Field::Date, "Enter the date of the event".to_owned()));
    }
    if tool.trim().is_empty() {
        errors.push((Field::Tool, "Name the AI tool".to_owned()));
    }
    if what_happened.trim().is_empty() {
        errors.push((Field::WhatHappened, "Say what happened".to_owned()));
    }
    if outcome.is_none() {
        errors.push((Field::Outcome, "Choose what the outcome was".to_owned()));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{Outcome, ReportRoute};

    fn incident() -> Incident {
        Incident {
            id: "incident-1".into(),
            date: "2026-10-02".into(),
            tool: "Vital-signs monitor".into(),
            tool_version: "adult mode".into(),
            setting: "Emergency department".into(),
            what_happened: "Alarms did not fire for a child.".into(),
            outcome: Outcome::NearMiss,
            what_you_did: "Switched to paediatric mode and escalated.".into(),
            who_you_told: "Nurse in charge".into(),
            reports: BTreeMap::from([(ReportRoute::LocalSystem, "LRMS-123".to_owned())]),
            created_at: "2026-10-02T10:00:00.000Z".into(),
            reflected_at: None,
        }
    }

    #[test]
    fn the_report_summary_holds_the_event_and_says_what_is_unconfirmed() {
        let summary = report_summary(&incident());
        assert!(summary.contains("Yellow Card form for devices and\r\nsoftware are NOT CONFIRMED"), "{summary}");
        assert!(summary.contains("Version, mode or settings: adult mode\r\n"));
        assert!(summary.contains("  - Local incident reporting system: LRMS-123"));
        assert!(summary.contains("Who was told: Nurse in charge"));
        let mut bare = incident();
        bare.reports.clear();
        bare.setting.clear();
        let summary = report_summary(&bare);
        assert!(summary.contains("Care setting: –\r\n") && summary.contains("  - not yet"), "{summary}");
    }

    #[test]
    fn an_incident_becomes_a_reflective_account_and_a_cpd_entry() {
        let [account, cpd] =
            reflect(&incident(), "nmc-reflective-account", "2026-10-03", "2026-10-03T09:00:00.000Z").unwrap();
        assert_eq!(account.entry_type, EntryType::ReflectiveAccount);
        assert_eq!(account.template.as_deref(), Some("nmc-reflective-account"));
        assert!(account.answers["nature"].starts_with("Vital-signs monitor (Near miss): Alarms did not fire"));
        assert_eq!((cpd.entry_type, cpd.date.as_str()), (EntryType::Cpd, "2026-10-03"));
        assert_ne!(account.id, cpd.id);
        assert!(reflect(&incident(), "no-such-template", "2026-10-03", "x").is_none());
    }

    #[test]
    fn an_event_is_refused_field_by_field() {
        let fields = |date: &str, tool: &str, what: &str, outcome: Option<Outcome>| -> Vec<Field> {
            validate(date, tool, what, outcome).into_iter().map(|(field, _)| field).collect()
        };
        assert_eq!(fields("", " ", "", None), [Field::Date, Field::Tool, Field::WhatHappened, Field::Outcome]);
        assert_eq!(fields("2300-01-01", "Scribe", "It misheard", Some(Outcome::NearMiss)), [Field::Date]);
        assert!(fields("2026-10-02", "Scribe", "It misheard", Some(Outcome::NearMiss)).is_empty());
    }
}
