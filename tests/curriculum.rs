//! The shipped curriculum meets the bar set for it: a pathway across every
//! career stage, case studies across professions, every competence domain,
//! and in every file enough checks and reflection to learn from.

use std::collections::BTreeSet;

use praxis::domain::curriculum;
use praxis::domain::framework::{competence_domains, PROFESSIONS, STAGES};
use praxis::domain::module::Kind;
use praxis::domain::revalidation::regulators;

#[test]
fn every_bundled_module_file_is_in_the_catalogue() {
    // build.rs fails on errors, so a file missing here was dropped silently.
    assert_eq!(curriculum::catalogue().modules().len(), curriculum::sources().len());
}

#[test]
fn the_curriculum_the_app_reads_is_exactly_what_the_files_parse_to() {
    // The app reads build.rs's JSON; parsing the files again must give the same modules, field for field.
    let (reparsed, _) = praxis::domain::module::Catalogue::from_sources(curriculum::sources(), time::Date::MIN);
    assert_eq!(curriculum::catalogue().modules(), reparsed.modules());
}

#[test]
fn the_pathway_covers_every_stage_with_at_least_twelve_modules() {
    let modules: Vec<_> = curriculum::catalogue().modules().iter().filter(|m| m.kind == Kind::Module).collect();
    assert!(modules.len() >= 12, "only {} modules", modules.len());
    for stage in STAGES {
        assert!(modules.iter().any(|m| m.stages.iter().any(|s| s == stage.id)), "no module for stage {}", stage.id);
    }
}

#[test]
fn case_studies_span_at_least_six_professions() {
    let cases: Vec<_> = curriculum::catalogue().modules().iter().filter(|m| m.kind == Kind::CaseStudy).collect();
    assert!(cases.len() >= 7, "only {} case studies", cases.len());
    let professions: BTreeSet<&str> = cases.iter().flat_map(|m| m.professions.iter().map(String::as_str)).collect();
    assert!(professions.len() >= 6, "case studies cover only {professions:?}");
}

#[test]
fn together_they_cover_all_six_competence_domains() {
    let covered: BTreeSet<&str> = curriculum::catalogue()
        .modules()
        .iter()
        .flat_map(|m| m.competences.iter().map(|c| c.domain.as_str()))
        .collect();
    for domain in competence_domains() {
        assert!(covered.contains(domain.id.as_str()), "no module develops {}", domain.id);
    }
}

#[test]
fn every_module_has_outcomes_three_checks_and_a_reflection() {
    for module in curriculum::catalogue().modules() {
        assert!(!module.outcomes.is_empty(), "{} has no outcomes", module.id);
        assert!(module.knowledge_checks().count() >= 3, "{} has fewer than 3 knowledge checks", module.id);
        assert!(module.reflection_prompts().count() >= 1, "{} has no reflection prompt", module.id);
        assert!(!module.sources.is_empty(), "{} cites no sources", module.id);
        for check in module.knowledge_checks() {
            assert!(
                check.options.iter().all(|o| !o.feedback.trim().is_empty()),
                "{}/{} lacks feedback",
                module.id,
                check.id
            );
        }
    }
}

/// The raw text of the module with this id, for checks on what it says.
fn text_of(id: &str) -> &'static str {
    let path = format!("modules/{id}.md");
    curriculum::sources()
        .iter()
        .find(|(source_path, _)| source_path.ends_with(&path))
        .map(|(_, text)| *text)
        .unwrap_or_else(|| panic!("{path} is bundled"))
}

#[test]
fn every_profession_has_a_case_study_written_for_it() {
    let cases: Vec<_> = curriculum::catalogue().modules().iter().filter(|m| m.kind == Kind::CaseStudy).collect();
    for profession in PROFESSIONS {
        assert!(
            cases.iter().any(|m| m.professions.iter().any(|p| p == profession.id)),
            "no case study names {}",
            profession.id
        );
    }
}

#[test]
fn the_themes_the_review_found_missing_are_covered() {
    // (theme, module that carries it, words it must discuss)
    let themes: &[(&str, &str, &[&str])] = &[
        ("a student's view of an incident", "case-student-view-adult-mode", &["student nurse", "supervisor"]),
        ("supervising students", "supervising-students-and-ai", &["practice supervisors", "deskilling"]),
        ("deskilling", "case-optometry-oct-deskilling", &["Deskilling", "Automation bias"]),
        ("general-purpose chatbots", "case-pharmacy-technician-chatbot", &["general-purpose chatbot", "Caldicott"]),
        ("patients arriving with AI advice", "case-midwife-chatbot-advice", &["chatbot", "Record it factually"]),
        ("patients arriving with AI advice", "case-associates-ai-and-supervision", &["printed a chatbot conversation"]),
        ("remote monitoring and virtual wards", "case-virtual-ward-silent-night", &["virtual ward", "missing data"]),
        (
            "devolved nations",
            "clinical-safety-four-nations",
            &["DCB0160", "Wales", "Scotland", "Northern Ireland", "IRIC"],
        ),
        ("social care technology", "case-care-home-night-sensors", &["DCB0160", "Mental Capacity Act", "home care"]),
    ];
    for (theme, id, words) in themes {
        let text = text_of(id);
        for word in *words {
            assert!(text.contains(word), "{id} ({theme}) does not discuss \"{word}\"");
        }
    }
    let student = curriculum::catalogue().get("case-student-view-adult-mode").expect("the student's case exists");
    assert_eq!(student.stages, ["pre-registration"], "the student's case is written for students");
}

#[test]
fn the_standards_module_covers_every_regulator_praxis_evaluates() {
    let text = text_of("professional-standards-and-ai");
    for regulator in regulators() {
        // Names end with the short name in brackets, except Social Work England and Social Care Wales.
        let name = regulator.name.as_str();
        let short = name.rsplit_once('(').map_or(name, |(_, rest)| rest.trim_end_matches(')'));
        assert!(text.contains(&format!("| {short}")), "the standards table has no row for {short}");
    }
}

#[test]
fn every_module_says_which_facts_need_a_clinical_reviewer() {
    for module in curriculum::catalogue().modules() {
        assert!(module.clinical_review_declared, "{} has no [clinical_review] table", module.id);
    }
}

#[test]
fn no_module_shows_learners_internal_source_keys_or_research_notes() {
    for (path, text) in curriculum::sources() {
        for phrase in ["crawled", "Praxis reference", "reference notes"] {
            assert!(!text.contains(phrase), "{path} mentions \"{phrase}\"");
        }
        // Keys such as S12 or S1–S4 from the original research notes: an S, a digit, and no letter or digit before.
        let key = text.char_indices().find(|&(at, c)| {
            c == 'S'
                && text[at + 1..].starts_with(|d: char| d.is_ascii_digit())
                && !text[..at].ends_with(|p: char| p.is_alphanumeric())
        });
        assert!(key.is_none(), "{path} shows a source key at byte {:?}", key.map(|(at, _)| at));
    }
}
