//! One test per change: what the learner did, and what it means.

use super::*;
use crate::domain::module::test_support::module_source;
use crate::domain::record::{EntryType, Outcome, ReportRoute};

const NOW: &str = "2026-12-02T09:00:00.000Z";
const MOMENT: Moment = Moment { now: NOW, today: "2026-12-02", random_hex: "0123456789abcdef0123456789abcdef" };

/// One module with two single-answer checks (the first option right) and
/// one reflection: both checks right and the reflection answered completes it.
fn catalogue() -> Catalogue {
    let check = |id: &str| {
        format!(
            "```check\nid = \"{id}\"\nquestion = \"Q\"\nexplanation = \"E\"\n\n[[option]]\ntext = \"right\"\ncorrect = true\n\
             feedback = \"F\"\n\n[[option]]\ntext = \"wrong\"\nfeedback = \"F\"\n\n[[option]]\ntext = \"also wrong\"\nfeedback = \"F\"\n```\n"
        )
    };
    let body = format!("{}{}```reflection\nid = \"r\"\nprompt = \"Why?\"\n```\n", check("a"), check("b"));
    let source = module_source("m", &[("minutes", "12")], &body);
    let (catalogue, diagnostics) = Catalogue::from_sources(
        &[("m.md", source)],
        time::Date::from_calendar_date(2026, time::Month::June, 1).unwrap(),
    );
    assert!(catalogue.get("m").is_some(), "{diagnostics:?}");
    catalogue
}

fn run(record: &mut LearnerRecord, change: Change) -> Result<Applied, ChangeError> {
    apply(record, change, &catalogue(), MOMENT)
}

fn answer(check: &str, chosen: &[usize]) -> Change {
    Change::AnswerCheck { module_id: "m".into(), check_id: check.into(), chosen: chosen.to_vec() }
}

fn cpd(title: &str) -> CpdEntry {
    CpdEntry { hours: 1.5, ..CpdEntry::new(String::new(), EntryType::Cpd, "2026-11-30", title, "") }
}

#[test]
fn answering_a_check_is_judged_from_the_module_and_completes_it_when_due() {
    let mut record = LearnerRecord::default();
    assert_eq!(run(&mut record, answer("a", &[1])), Ok(Applied::Answered { correct: false, completed: false }));
    assert_eq!(run(&mut record, answer("a", &[0, 0])), Ok(Applied::Answered { correct: true, completed: false }));
    assert_eq!(run(&mut record, answer("b", &[0])), Ok(Applied::Answered { correct: true, completed: false }));
    let attempts = &record.progress("m").unwrap().attempts;
    assert_eq!(attempts.len(), 3, "every answer is kept");
    assert_eq!(attempts[1].chosen, [0], "a repeated choice counts once");
    assert_eq!(attempts[1].at, NOW);
    assert_eq!(
        run(
            &mut record,
            Change::SaveReflection { module_id: "m".into(), prompt_id: "r".into(), text: "I would".into() }
        ),
        Ok(Applied::Reflected { completed: true })
    );
    let completion = record.completion("m").unwrap();
    assert_eq!((completion.minutes, completion.score, completion.completed_at.as_str()), (12, Some(100), NOW));
}

#[test]
fn an_answer_to_an_unknown_module_or_check_or_option_changes_nothing() {
    let mut record = LearnerRecord::default();
    let unknown_module = Change::AnswerCheck { module_id: "gone".into(), check_id: "a".into(), chosen: vec![0] };
    assert_eq!(run(&mut record, unknown_module), Err(ChangeError::UnknownModule("gone".into())));
    assert_eq!(run(&mut record, answer("zz", &[0])), Err(ChangeError::UnknownCheck("zz".into())));
    assert!(matches!(run(&mut record, answer("a", &[7])), Err(ChangeError::Invalid(_))));
    assert!(matches!(run(&mut record, answer("a", &[])), Err(ChangeError::Invalid(_))));
    assert_eq!(record, LearnerRecord::default());
}

#[test]
fn saving_a_reflection_again_keeps_the_earlier_text() {
    let mut record = LearnerRecord::default();
    for text in ["first", "second"] {
        let change = Change::SaveReflection { module_id: "m".into(), prompt_id: "r".into(), text: text.into() };
        run(&mut record, change).unwrap();
    }
    let answer = &record.progress("m").unwrap().reflections["r"];
    assert_eq!((answer.text.as_str(), answer.earlier_versions[0].text.as_str()), ("second", "first"));
}

#[test]
fn reaching_a_section_is_remembered_once() {
    let mut record = LearnerRecord::default();
    for _ in 0..2 {
        run(&mut record, Change::ReachSection { module_id: "m".into(), section: "Intro".into() }).unwrap();
    }
    assert_eq!(record.progress("m").unwrap().sections_reached.len(), 1);
}

#[test]
fn rating_competence_adds_a_snapshot_and_needs_a_rating() {
    let mut record = LearnerRecord::default();
    assert!(run(&mut record, Change::RateCompetence { ratings: BTreeMap::new() }).is_err());
    let ratings: BTreeMap<String, Rating> =
        [("area".to_owned(), Rating { level: 2, confidence: 3, evidence: vec![] })].into();
    run(&mut record, Change::RateCompetence { ratings: ratings.clone() }).unwrap();
    run(&mut record, Change::RateCompetence { ratings }).unwrap();
    assert_eq!(record.self_assessments.len(), 2);
    assert_eq!(record.self_assessments[0].at, NOW);
}

#[test]
fn goals_get_distinct_ids_even_in_the_same_millisecond_and_change_status() {
    let mut record = LearnerRecord::default();
    for title in ["One", "Two"] {
        let goal = Change::AddGoal {
            title: title.into(),
            target_date: "2027-01-01".into(),
            competences: vec![],
            modules: vec!["m".into()],
        };
        run(&mut record, goal).unwrap();
    }
    let ids: Vec<&str> = record.goals.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, [format!("goal-{NOW}"), format!("goal-{NOW}-2")]);
    let done = Change::SetGoalStatus { goal_id: ids[1].to_owned(), status: GoalStatus::Done };
    run(&mut record, done).unwrap();
    assert_eq!(record.goals[1].status, GoalStatus::Done);
    let missing = Change::SetGoalStatus { goal_id: "nope".into(), status: GoalStatus::Done };
    assert!(matches!(run(&mut record, missing), Err(ChangeError::NotFound(_))));
}

#[test]
fn a_cpd_entry_is_added_edited_deleted_and_restored_by_undo() {
    let mut record = LearnerRecord::default();
    assert_eq!(
        run(&mut record, Change::SaveCpdEntry { entry: cpd("Course") }),
        Ok(Applied::Logged { title: "Course".into() })
    );
    run(&mut record, Change::SaveCpdEntry { entry: cpd("Other") }).unwrap();
    let first = record.cpd[0].clone();
    assert_eq!((first.id.as_str(), first.created_at.as_str()), (format!("cpd-{NOW}").as_str(), NOW));
    assert_ne!(record.cpd[1].id, first.id);

    let edited = CpdEntry { title: "Course, renamed".into(), ..first.clone() };
    run(&mut record, Change::SaveCpdEntry { entry: edited }).unwrap();
    assert_eq!((record.cpd.len(), record.cpd[0].title.as_str()), (2, "Course, renamed"));
    assert_eq!(record.cpd[0].created_at, first.created_at, "editing keeps when it was first logged");

    let deleted = record.cpd[0].clone();
    run(&mut record, Change::DeleteCpdEntry { id: deleted.id.clone() }).unwrap();
    assert_eq!(record.cpd.len(), 1);
    assert!(run(&mut record, Change::DeleteCpdEntry { id: deleted.id.clone() }).is_err(), "already gone");
    for _ in 0..2 {
        run(&mut record, Change::RestoreCpdEntry { entry: deleted.clone() }).unwrap();
    }
    assert_eq!(record.cpd.len(), 2, "undo twice restores once");

    let ghost = CpdEntry { id: "deleted-elsewhere".into(), ..cpd("Ghost") };
    assert!(matches!(run(&mut record, Change::SaveCpdEntry { entry: ghost }), Err(ChangeError::NotFound(_))));

    // Hours typed before the type was changed to feedback are not kept.
    let feedback = CpdEntry { entry_type: EntryType::Feedback, participatory_hours: 1.0, ..cpd("Feedback") };
    run(&mut record, Change::SaveCpdEntry { entry: feedback }).unwrap();
    let saved = record.cpd.last().unwrap();
    assert_eq!((saved.hours, saved.participatory_hours), (0.0, 0.0));
}

#[test]
fn a_reflective_account_becomes_an_entry_of_the_kind_its_regulator_counts() {
    let mut record = LearnerRecord::default();
    let answers: BTreeMap<String, String> = [("learned".to_owned(), "To check.".to_owned())].into();
    let account = |hours| Change::AddReflectiveAccount {
        template_id: "nmc-reflective-account".into(),
        title: "  ".into(),
        hours,
        answers: answers.clone(),
    };
    assert!(matches!(run(&mut record, account(-1.0)), Err(ChangeError::Invalid(_))));
    assert!(matches!(run(&mut record, account(f32::NAN)), Err(ChangeError::Invalid(_))));
    run(&mut record, account(0.5)).unwrap();
    let entry = &record.cpd[0];
    assert_eq!(entry.entry_type, EntryType::ReflectiveAccount);
    assert_eq!((entry.title.as_str(), entry.date.as_str(), entry.hours), ("NMC reflective account", "2026-12-02", 0.5));
    assert_eq!(entry.template.as_deref(), Some("nmc-reflective-account"));
    let unknown = Change::AddReflectiveAccount {
        template_id: "nope".into(),
        title: String::new(),
        hours: 0.0,
        answers: BTreeMap::new(),
    };
    assert_eq!(run(&mut record, unknown), Err(ChangeError::UnknownTemplate("nope".into())));
}

fn incident() -> Incident {
    Incident {
        id: "typed by a page".into(),
        date: "2026-12-01".into(),
        tool: "Scribe".into(),
        tool_version: String::new(),
        setting: String::new(),
        what_happened: "It invented a symptom.".into(),
        outcome: Outcome::NearMiss,
        what_you_did: "Corrected it.".into(),
        who_you_told: String::new(),
        reports: [(ReportRoute::YellowCard, "YC1".to_owned())].into(),
        created_at: "typed by a page".into(),
        reflected_at: Some("forged".into()),
    }
}

#[test]
fn an_ai_event_is_logged_with_its_own_id_and_reflected_on_once() {
    let mut record = LearnerRecord::default();
    record.profile.regulator = Some("hcpc".into());
    run(&mut record, Change::RecordIncident { incident: incident() }).unwrap();
    run(&mut record, Change::RecordIncident { incident: incident() }).unwrap();
    let first = &record.incidents[0];
    assert_eq!(
        (first.id.as_str(), first.created_at.as_str(), first.reflected_at.as_ref()),
        (format!("incident-{NOW}").as_str(), NOW, None)
    );
    assert_ne!(record.incidents[1].id, first.id);

    let id = first.id.clone();
    for _ in 0..2 {
        run(&mut record, Change::ReflectOnIncident { incident_id: id.clone() }).unwrap();
    }
    assert_eq!(record.cpd.len(), 2, "an account and a CPD entry, once");
    let template = reflective::default_template(Some("hcpc"));
    assert_eq!(record.cpd[0].template.as_deref(), Some(template.id.as_str()), "the learner's regulator's template");
    assert_eq!(record.incidents[0].reflected_at.as_deref(), Some(NOW));
    assert!(matches!(
        run(&mut record, Change::ReflectOnIncident { incident_id: "x".into() }),
        Err(ChangeError::NotFound(_))
    ));
}

#[test]
fn every_place_an_account_starts_picks_the_same_template() {
    for regulator in [None, Some("nmc"), Some("gphc"), Some("hcpc"), Some("unknown")] {
        let template = reflective::default_template(regulator);
        if let Some(regulator) = regulator.filter(|r| reflective::templates().iter().any(|t| t.regulator == *r)) {
            assert_eq!(template.regulator, regulator);
        } else {
            assert_eq!(template.id, reflective::templates()[0].id);
        }
    }
}

#[test]
fn importing_merges_and_counts_what_changed() {
    let mut record = LearnerRecord { learner_id: "mine".into(), ..LearnerRecord::default() };
    let mut incoming = LearnerRecord { learner_id: "theirs".into(), ..LearnerRecord::default() };
    incoming.cpd.push(CpdEntry::new("cpd-1".into(), EntryType::Cpd, "2026-01-01", "From the backup", NOW));
    let import = Change::Import { incoming: Box::new(incoming), choices: BTreeMap::new() };
    assert_eq!(run(&mut record, import.clone()), Ok(Applied::Imported { added: 1, combined: 0, conflicts: 0 }));
    assert_eq!(
        run(&mut record, import),
        Ok(Applied::Imported { added: 0, combined: 0, conflicts: 0 }),
        "twice is once"
    );
    assert_eq!((record.cpd.len(), record.learner_id.as_str()), (1, "mine"));
}

#[test]
fn profile_registration_and_export_notes_are_set() {
    let mut record = LearnerRecord::default();
    let profile = Profile { regulator: Some("nmc".into()), ..Profile::default() };
    run(&mut record, Change::SetProfile { profile }).unwrap();
    run(&mut record, Change::SetRegistrationType { registration_type: Some("nurse".into()) }).unwrap();
    assert_eq!(record.profile.registration_type.as_deref(), Some("nurse"));
    run(&mut record, Change::SetRegistrationType { registration_type: Some(String::new()) }).unwrap();
    assert_eq!(record.profile.registration_type, None, "choosing nothing clears it");
    assert_eq!(record.profile.regulator.as_deref(), Some("nmc"));
    run(&mut record, Change::BackupExported).unwrap();
    assert_eq!(record.last_backup_at.as_deref(), Some(NOW));
    let exported: BTreeMap<String, String> = [("completion/m".to_owned(), "id".to_owned())].into();
    run(&mut record, Change::XapiExported { exported: exported.clone() }).unwrap();
    assert_eq!(record.xapi_exported, exported);
}

#[test]
fn the_first_change_gives_the_learner_an_opaque_id_and_later_ones_keep_it() {
    let mut record = LearnerRecord::default();
    run(&mut record, Change::BackupExported).unwrap();
    assert_eq!(record.learner_id, "01234567-89ab-4def-8123-456789abcdef");
    let other = Moment { random_hex: "ffffffffffffffffffffffffffffffff", ..MOMENT };
    apply(&mut record, Change::BackupExported, &catalogue(), other).unwrap();
    assert_eq!(record.learner_id, "01234567-89ab-4def-8123-456789abcdef");
}

#[test]
fn a_change_that_would_make_the_learners_own_backup_unreadable_is_refused() {
    let mut record = LearnerRecord::default();
    let profile = Profile { reassess_after_months: Some(1_000_000), ..Profile::default() };
    let refused = run(&mut record, Change::SetProfile { profile });
    assert!(matches!(&refused, Err(ChangeError::Invalid(why)) if why.contains("reassess_after_months")), "{refused:?}");
    assert_eq!(record, LearnerRecord::default());
    let far_future = CpdEntry { date: "30000-01-01".into(), ..cpd("Time travel") };
    assert!(matches!(run(&mut record, Change::SaveCpdEntry { entry: far_future }), Err(ChangeError::Invalid(_))));
    assert!(record.cpd.is_empty());
}

#[test]
fn a_record_saved_before_the_checks_can_still_be_changed() {
    let mut record = LearnerRecord::default();
    record.profile.backup_reminder_days = Some(100_000);
    run(&mut record, Change::SaveCpdEntry { entry: cpd("Still works") }).unwrap();
    assert_eq!(record.cpd.len(), 1);
}
