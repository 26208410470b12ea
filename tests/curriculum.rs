//! The shipped curriculum meets the bar set for it: a pathway across every
//! career stage, case studies across professions, every competence domain,
//! and in every file enough checks and reflection to learn from.

use std::collections::BTreeSet;

use praxis::domain::curriculum;
use praxis::domain::framework::{COMPETENCE_DOMAINS, STAGES};
use praxis::domain::module::Kind;

#[test]
fn every_bundled_module_file_is_in_the_catalogue() {
    // build.rs fails on errors, so a file missing here was dropped silently.
    assert_eq!(curriculum::catalogue().modules().len(), curriculum::sources().len());
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
    for domain in COMPETENCE_DOMAINS {
        assert!(covered.contains(domain.id), "no module develops {}", domain.id);
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
