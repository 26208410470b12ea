//! A synthetic learner with a whole career of evidence, for tests, demos
//! and benchmarks (`praxis-cli sample`). The same years and seed give the
//! same learner, byte for byte. Everything in it is invented.

use std::collections::BTreeMap;

use time::{Date, Duration};

use super::backup::Backup;
use super::competence::shift_months;
use super::framework::{assessment_areas, PROFESSIONS};
use super::module::Catalogue;
use super::record::{
    CheckAttempt, Completion, CpdEntry, EntryType, Goal, GoalStatus, Incident, LearnerRecord, Outcome, Rating,
    ReportRoute, SelfAssessment,
};
use super::storage::learner_id_from;

const FIRST_NAMES: &[&str] = &["Asha", "Ben", "Catrin", "Dev", "Ewa", "Femi", "Grace", "Hamid", "Isla", "Jonah"];
const LAST_NAMES: &[&str] = &["Patel", "Okafor", "Jones", "Kowalska", "Murray", "Chen", "Ahmed", "Evans", "Byrne"];
const TOOLS: &[&str] = &["Ambient scribe", "Sepsis early-warning score", "Skin lesion app", "Triage chatbot"];
const TOPICS: &[&str] =
    &["Sepsis update", "Safeguarding refresher", "AI scribe pilot", "Medicines safety", "Record keeping", "Consent"];
const REGULATORS: &[(&str, &str)] = &[
    ("medicine", "gmc"),
    ("nursing", "nmc"),
    ("midwifery", "nmc"),
    ("radiography", "hcpc"),
    ("paramedicine", "hcpc"),
    ("pharmacy", "gphc"),
    ("dentistry", "gdc"),
    ("social-work", "swe"),
    ("allied-health", "hcpc"),
    ("physiotherapy", "hcpc"),
    ("occupational-therapy", "hcpc"),
    // Care workers in England are not on a statutory register; the sample
    // places them in Scotland, where the SSSC registers them.
    ("social-care", "sssc"),
    ("pharmacy-technician", "gphc"),
    ("optometry", "goc"),
    ("physician-associate", "gmc"),
    ("anaesthesia-associate", "gmc"),
];

/// How much a sampled career holds per year: about 2,000 CPD entries,
/// 400 reflections and 300 self-assessments over 40 years.
const CPD_PER_YEAR: usize = 50;
const REFLECTIVE_ACCOUNTS_PER_YEAR: usize = 9;
const ASSESSMENTS_PER_DECADE: usize = 75;
const INCIDENTS_PER_YEAR: usize = 2;

/// A learner whose career of `years` ends on `end`, drawn from `seed`.
pub fn sample(years: u32, seed: u64, end: Date, catalogue: &Catalogue) -> Backup {
    let mut rng = fastrand::Rng::with_seed(seed);
    let start = shift_months(end, -(i64::from(years) * 12));
    let span_days = (end - start).whole_days().max(1);
    let day = |rng: &mut fastrand::Rng| start + Duration::days(rng.i64(0..span_days));
    let years = years as usize;

    let mut record = LearnerRecord {
        learner_id: learner_id_from(&format!("{:016x}{:016x}", rng.u64(..), rng.u64(..))),
        ..LearnerRecord::default()
    };
    let profession = PROFESSIONS[rng.usize(..PROFESSIONS.len())].id;
    let profile = &mut record.profile;
    profile.name = Some(format!("{} {}", pick(&mut rng, FIRST_NAMES), pick(&mut rng, LAST_NAMES)));
    profile.staff_number = Some(format!("{:08}", rng.u32(10_000_000..100_000_000)));
    profile.profession = Some(profession.to_owned());
    profile.regulator = REGULATORS.iter().find(|(p, _)| *p == profession).map(|(_, r)| (*r).to_owned());
    profile.stage = Some(if years < 4 { "pre-registration" } else { "registrant" }.to_owned());
    profile.registration_number = Some(format!("{:02}A{:04}E", rng.u8(10..99), rng.u16(1000..9999)));
    profile.renewal_date = Some(shift_months(end, rng.i64(1..36)).to_string());

    for module in catalogue.modules() {
        let completed = day(&mut rng);
        let at = stamp(completed, &mut rng);
        let progress = record.progress.entry(module.id.clone()).or_default();
        for check in module.knowledge_checks() {
            let correct = rng.u8(0..10) < 8;
            let right = check.options.iter().position(|o| o.correct).unwrap_or(0);
            let chosen = if correct { right } else { (right + 1) % check.options.len().max(1) };
            progress.attempts.push(CheckAttempt {
                check_id: check.id.clone(),
                chosen: vec![chosen],
                correct,
                at: at.clone(),
            });
        }
        for prompt in module.reflection_prompts() {
            record_reflection(&mut record, &module.id, &prompt.id, completed, end, &mut rng);
        }
        record
            .progress
            .get_mut(&module.id)
            .expect("just added")
            .sections_reached
            .extend(module.sections.iter().cloned());
        let score = rng.u8(60..=100);
        record
            .completions
            .insert(module.id.clone(), Completion { completed_at: at, minutes: module.minutes, score: Some(score) });
    }

    for index in 0..years * CPD_PER_YEAR {
        let date = day(&mut rng);
        let topic = pick(&mut rng, TOPICS);
        // Drawn in the order the fields were always drawn, so a seed still gives the same learner.
        let method = super::cpd::METHODS[rng.usize(..super::cpd::METHODS.len())].0.to_owned();
        let hours = f32::from(rng.u8(1..13)) / 2.0;
        // Time with others is part of the activity, never more than it.
        let participatory_hours = (f32::from(rng.u8(0..5)) / 2.0).min(hours);
        record.cpd.push(CpdEntry {
            id: format!("cpd-{index}"),
            entry_type: if index % 10 == 0 { EntryType::PeerDiscussion } else { EntryType::Cpd },
            date: date.to_string(),
            title: format!("{topic} ({index})"),
            method,
            hours,
            participatory_hours,
            planned: rng.bool(),
            description: format!("What I learned about {} and how it changes my practice.", topic.to_lowercase()),
            standards: vec!["practise-effectively".to_owned()],
            evidence_note: "Certificate in my portfolio folder".to_owned(),
            created_at: stamp(date, &mut rng),
            template: None,
            answers: BTreeMap::new(),
        });
    }
    for index in 0..years * REFLECTIVE_ACCOUNTS_PER_YEAR {
        let date = day(&mut rng);
        let answers: BTreeMap<String, String> = ["what", "learned", "changed"]
            .iter()
            .map(|q| ((*q).to_owned(), format!("An invented answer to {q}, about {} words long.", rng.u8(40..120))))
            .collect();
        record.cpd.push(CpdEntry {
            id: format!("account-{index}"),
            entry_type: EntryType::ReflectiveAccount,
            date: date.to_string(),
            title: format!("Reflective account {index}"),
            method: "other".to_owned(),
            hours: 0.0,
            participatory_hours: 0.0,
            planned: false,
            description: String::new(),
            standards: vec!["prioritise-people".to_owned()],
            evidence_note: String::new(),
            created_at: stamp(date, &mut rng),
            template: Some("nmc-reflective-account".to_owned()),
            answers,
        });
    }
    let areas = assessment_areas();
    let mut dates: Vec<Date> = (0..years * ASSESSMENTS_PER_DECADE / 10).map(|_| day(&mut rng)).collect();
    dates.sort();
    for (index, date) in dates.into_iter().enumerate() {
        let growth = (index * 4 / (years * ASSESSMENTS_PER_DECADE / 10).max(1)) as u8;
        let ratings = areas
            .iter()
            .map(|area| {
                let level = (1 + growth + rng.u8(0..2)).min(4);
                (area.id.clone(), Rating { level, confidence: rng.u8(1..=5), evidence: vec![] })
            })
            .collect();
        record.self_assessments.push(SelfAssessment { at: stamp(date, &mut rng), ratings });
    }
    for index in 0..years * INCIDENTS_PER_YEAR {
        let date = day(&mut rng);
        let outcomes = [Outcome::Harm, Outcome::NearMiss, Outcome::NoHarm, Outcome::GoodCatch, Outcome::WorkedWell];
        let outcome = outcomes[rng.usize(..outcomes.len())];
        let reports = if outcome == Outcome::Harm {
            BTreeMap::from([(ReportRoute::LocalSystem, format!("W{}", rng.u32(10_000..99_999)))])
        } else {
            BTreeMap::new()
        };
        record.incidents.push(Incident {
            id: format!("incident-{index}"),
            date: date.to_string(),
            tool: pick(&mut rng, TOOLS).to_owned(),
            tool_version: String::new(),
            setting: "Ward".to_owned(),
            what_happened: "An invented event for testing: the output did not match the patient in front of me."
                .to_owned(),
            outcome,
            what_you_did: "Checked against the record and told the nurse in charge.".to_owned(),
            who_you_told: "Nurse in charge".to_owned(),
            reports,
            created_at: stamp(date, &mut rng),
            reflected_at: None,
        });
    }
    for index in 0..years {
        let date = day(&mut rng);
        record.goals.push(Goal {
            id: format!("goal-{index}"),
            title: format!("Goal for year {index}"),
            target_date: shift_months(date, 6).to_string(),
            competences: vec![areas[index % areas.len()].id.clone()],
            modules: vec![],
            status: [GoalStatus::Done, GoalStatus::InProgress, GoalStatus::NotStarted][rng.usize(..3)],
            created_at: stamp(date, &mut rng),
        });
    }
    let exported_at = format!("{end}T12:00:00.000Z");
    record.last_backup_at = Some(exported_at.clone());
    Backup::new(record, &exported_at)
}

/// Writes a reflection, then rewrites it a few times later in the career,
/// as a learner revisiting a module would.
fn record_reflection(
    record: &mut LearnerRecord,
    module: &str,
    prompt: &str,
    first: Date,
    end: Date,
    rng: &mut fastrand::Rng,
) {
    let text = "A first, invented reflection on this prompt.";
    record.record_reflection(module, prompt, text, &stamp(first, rng));
    for revision in 1..=rng.i64(0..4) {
        // Past the calendar's end (a career ending in 9999) is past `end` too.
        let Some(later) = first.checked_add(Duration::days(revision * 400)).filter(|later| *later <= end) else {
            break;
        };
        let text = format!("Revision {revision}: an invented reflection, rewritten after more experience.");
        record.record_reflection(module, prompt, &text, &stamp(later, rng));
    }
}

/// A time during the working day on `date`, RFC 3339 UTC with milliseconds.
fn stamp(date: Date, rng: &mut fastrand::Rng) -> String {
    format!("{date}T{:02}:{:02}:{:02}.{:03}Z", rng.u8(8..18), rng.u8(0..60), rng.u8(0..60), rng.u16(0..1000))
}

fn pick<'a>(rng: &mut fastrand::Rng, items: &[&'a str]) -> &'a str {
    items[rng.usize(..items.len())]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::backup::{read_backup, Integrity};
    use crate::domain::curriculum::catalogue;

    fn end() -> Date {
        crate::domain::timestamp::parse_date("2026-11-01").unwrap()
    }

    #[test]
    fn every_profession_a_sample_can_draw_has_a_regulator_praxis_knows() {
        for profession in PROFESSIONS {
            let regulator = REGULATORS.iter().find(|(p, _)| *p == profession.id).map(|(_, r)| *r);
            let regulator = regulator.unwrap_or_else(|| panic!("{} has no sample regulator", profession.id));
            assert!(crate::domain::revalidation::find(regulator).is_some(), "{regulator}");
        }
    }

    #[test]
    fn a_forty_year_career_has_the_promised_volume_and_reads_back_intact() {
        let backup = sample(40, 7, end(), catalogue());
        let record = &backup.record;
        let reflections: usize = record
            .progress
            .values()
            .flat_map(|p| p.reflections.values())
            .map(|r| 1 + r.earlier_versions.len())
            .sum::<usize>()
            + record.cpd.iter().filter(|e| e.entry_type == EntryType::ReflectiveAccount).count();
        assert_eq!(record.cpd.iter().filter(|e| e.entry_type != EntryType::ReflectiveAccount).count(), 2000);
        assert!((400..600).contains(&reflections), "{reflections} reflections");
        assert_eq!(record.self_assessments.len(), 300);
        assert_eq!(record.completions.len(), catalogue().modules().len());
        let read = read_backup(&backup.to_json(), end()).unwrap();
        assert_eq!(read.integrity, Integrity::Intact);
        assert_eq!(&read.record, record);
        assert!(record.cpd.iter().all(|e| e.date.as_str() <= "2026-11-01" && e.date.as_str() >= "1986-11-01"));
    }

    #[test]
    fn the_same_seed_gives_the_same_learner_and_another_seed_another() {
        let a = sample(3, 1, end(), catalogue()).to_json();
        assert_eq!(a, sample(3, 1, end(), catalogue()).to_json());
        assert_ne!(a, sample(3, 2, end(), catalogue()).to_json());
    }
}
