//! "What next": modules ranked for one learner, each with the reasons
//! shown to them, from their career stage, profession, lowest-rated
//! competences and what they have already done.

use crate::domain::competence::current_level;
use crate::domain::framework::{self, find_domain};
use crate::domain::module::{Catalogue, Module};
use crate::domain::progress::{standing, Status};
use crate::domain::record::LearnerRecord;
use crate::domain::words;

#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation<'a> {
    pub module: &'a Module,
    /// Each reason a clause ("it is written for nursing"), possibly none.
    pub reasons: Vec<String>,
}

impl Recommendation<'_> {
    /// The reasons as one clause for "— {why}.": "it is written for
    /// nursing and you rated Human factors at level 1".
    pub fn why(&self) -> String {
        if self.reasons.is_empty() {
            // With nothing known about the learner, the catalogue's order is the pathway.
            "it is early in the suggested order".to_owned()
        } else {
            words::list(&self.reasons)
        }
    }
}

/// A module on the learner's own career stage outranks every fit by
/// profession or competence (at most 3 + 4), so a student sees her own
/// stage's modules before a registrant's.
const STAGE_WEIGHT: i32 = 8;

/// Up to `limit` modules to do next, best first. A module whose
/// prerequisites are not yet completed is not offered; its first
/// unfinished prerequisite is, ranked as highly as the best module it
/// opens, with those modules named once as the reason.
pub fn recommend<'a>(catalogue: &'a Catalogue, record: &LearnerRecord, limit: usize) -> Vec<Recommendation<'a>> {
    struct Candidate<'a> {
        module: &'a Module,
        order: usize,
        fit: Option<(i32, Vec<String>)>,
        unlock_score: i32,
        unlocks: Vec<&'a str>,
    }
    fn slot<'a, 'c>(candidates: &'c mut Vec<Candidate<'a>>, order: usize, module: &'a Module) -> &'c mut Candidate<'a> {
        match candidates.iter().position(|c| c.module.id == module.id) {
            Some(index) => &mut candidates[index],
            None => {
                candidates.push(Candidate { module, order, fit: None, unlock_score: 0, unlocks: Vec::new() });
                candidates.last_mut().expect("just pushed")
            }
        }
    }
    let order_of = |module: &Module| catalogue.modules().iter().position(|m| m.id == module.id).unwrap_or(usize::MAX);
    let mut candidates: Vec<Candidate<'a>> = Vec::new();
    for module in catalogue.modules() {
        if record.completion(&module.id).is_some() {
            continue;
        }
        if let Some(blocked_by) = first_unfinished_prerequisite(catalogue, record, module) {
            let on_stage = record.profile.stage.as_ref().is_some_and(|stage| module.stages.contains(stage));
            let candidate = slot(&mut candidates, order_of(blocked_by), blocked_by);
            candidate.unlock_score = candidate.unlock_score.max(1 + if on_stage { STAGE_WEIGHT } else { 0 });
            candidate.unlocks.push(&module.title);
            continue;
        }
        let Some(fit) = fit(module, record) else { continue };
        slot(&mut candidates, order_of(module), module).fit = Some(fit);
    }
    let mut ranked: Vec<(i32, usize, Recommendation<'a>)> = candidates
        .into_iter()
        .map(|c| {
            let (fit_score, mut reasons) = c.fit.unwrap_or_default();
            if let Some(reason) = unlocks_reason(&c.unlocks) {
                reasons.push(reason);
            }
            (fit_score.max(c.unlock_score), c.order, Recommendation { module: c.module, reasons })
        })
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.into_iter().take(limit).map(|(_, _, recommendation)| recommendation).collect()
}

/// "you need it before “A”", "… “A” and “B”", "… “A” and 3 other modules":
/// one clause however many modules wait on this one.
fn unlocks_reason(titles: &[&str]) -> Option<String> {
    let quoted = |title: &str| format!("“{title}”");
    let list = match titles {
        [] => return None,
        [one] => quoted(one),
        [one, two] => format!("{} and {}", quoted(one), quoted(two)),
        [first, rest @ ..] => {
            format!("{} and {}", quoted(first), words::count(rest.len(), "other module", "other modules"))
        }
    };
    Some(format!("you need it before {list}"))
}

/// The module offered at the end of `current`: the next one in catalogue
/// (pathway) order, wrapping round, that the learner has not completed,
/// can start now and is written for their profession, preferring their
/// own career stage (or, with none saved, the stages `current` is for).
/// `None` once nothing is left to do.
pub fn next_module<'a>(catalogue: &'a Catalogue, record: &LearnerRecord, current: &str) -> Option<&'a Module> {
    let modules = catalogue.modules();
    let here = modules.iter().position(|m| m.id == current)?;
    let stages: Vec<String> = match &record.profile.stage {
        Some(stage) => vec![stage.clone()],
        None => modules[here].stages.clone(),
    };
    let open = || {
        modules[here + 1..].iter().chain(&modules[..here]).filter(|m| {
            record.completion(&m.id).is_none()
                && record.profile.profession.as_deref().is_none_or(|p| m.serves_profession(p))
                && first_unfinished_prerequisite(catalogue, record, m).is_none()
        })
    };
    open().find(|m| m.stages.iter().any(|s| stages.contains(s))).or_else(|| open().next())
}

fn first_unfinished_prerequisite<'a>(
    catalogue: &'a Catalogue,
    record: &LearnerRecord,
    module: &Module,
) -> Option<&'a Module> {
    module
        .prerequisites
        .iter()
        .filter(|prerequisite| record.completion(&prerequisite.value).is_none())
        .find_map(|prerequisite| catalogue.get(&prerequisite.value))
}

/// How well `module` fits the learner, and why; `None` if it is written
/// for other professions than theirs.
fn fit(module: &Module, record: &LearnerRecord) -> Option<(i32, Vec<String>)> {
    let profile = &record.profile;
    let mut score = 0;
    let mut reasons = Vec::new();
    if let Some(profession) = &profile.profession {
        if !module.serves_profession(profession) {
            return None;
        }
        if !module.professions.is_empty() {
            score += 3;
            let label = framework::find(framework::PROFESSIONS, profession).map_or(profession.as_str(), |t| t.label);
            reasons.push(format!("it is written for {}", label.to_lowercase()));
        }
    }
    if let Some(stage) = &profile.stage {
        if module.stages.contains(stage) {
            score += STAGE_WEIGHT;
            let label = framework::find(framework::STAGES, stage).map_or(stage.as_str(), |t| t.label);
            reasons.push(format!("it suits your career stage ({label})"));
        }
    }
    // The weakest of the module's domains, as the learner rated it.
    let weakest = module
        .competences
        .iter()
        .filter_map(|c| current_level(record, &c.domain).map(|level| (c, level)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((competence, level)) = weakest {
        if level < f32::from(competence.level) + 1.0 {
            score += 5 - level.round() as i32;
            let label = find_domain(&competence.domain).map_or(competence.domain.as_str(), |d| d.label.as_str());
            reasons.push(format!("you rated {label} at level {}", format_level(level)));
        }
    }
    if standing(module, record).status == Status::InProgress {
        score += 2;
        reasons.insert(0, "you have already started it".to_owned());
    }
    Some((score, reasons))
}

/// A level for people: whole numbers without decimals, means with one.
pub fn format_level(level: f32) -> String {
    if level.fract() == 0.0 {
        format!("{level:.0}")
    } else {
        format!("{level:.1}")
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::domain::module::test_support::module_source;
    use crate::domain::record::{Completion, Rating, SelfAssessment};

    fn catalogue() -> Catalogue {
        let module = |id: &str, stage: &str, profession: &str, domain: &str, prerequisites: &str| {
            let stages = format!("[\"{stage}\"]");
            let professions = format!("[\"{profession}\"]");
            let competences = format!("[{{ domain = \"{domain}\", level = 2 }}]");
            let overrides = [
                ("stages", stages.as_str()),
                ("professions", professions.as_str()),
                ("competences", competences.as_str()),
                ("prerequisites", prerequisites),
            ];
            (format!("{id}.md"), module_source(id, &overrides, "Body.\n"))
        };
        let sources = [
            module("basics", "pre-registration", "all", "artificial-intelligence", "[]"),
            module("nursing", "registrant", "nursing", "ethical-legal-regulatory", "[]"),
            module("pharmacy", "registrant", "pharmacy", "human-factors", "[]"),
            module("human", "registrant", "all", "human-factors", "[]"),
            module("advanced", "leader", "all", "human-factors", r#"["basics"]"#),
        ];
        let today = time::Date::from_calendar_date(2026, time::Month::June, 1).unwrap();
        let (catalogue, diagnostics) = Catalogue::from_sources(&sources, today);
        assert_eq!(diagnostics, vec![]);
        catalogue
    }

    fn ids(recommendations: &[Recommendation]) -> Vec<String> {
        recommendations.iter().map(|r| r.module.id.clone()).collect()
    }

    fn completed(record: &mut LearnerRecord, id: &str) {
        let done = Completion { completed_at: "2026-05-01T00:00:00.000Z".into(), minutes: 10, score: Some(100) };
        record.completions.insert(id.into(), done);
    }

    #[test]
    fn the_next_module_is_the_next_open_one_on_the_learners_stage() {
        let catalogue = catalogue();
        let next =
            |record: &LearnerRecord, current: &str| next_module(&catalogue, record, current).map(|m| m.id.clone());
        let mut record = LearnerRecord::default();
        record.profile.profession = Some("nursing".into());
        record.profile.stage = Some("registrant".into());
        // "pharmacy" comes next in order but is written for another profession.
        assert_eq!(next(&record, "nursing").as_deref(), Some("human"));
        // From the end it wraps round to the first registrant module still open.
        assert_eq!(next(&record, "advanced").as_deref(), Some("nursing"));
        completed(&mut record, "nursing");
        completed(&mut record, "human");
        // Nothing left at her stage: the next open module of any stage;
        // "advanced" is skipped until its prerequisite "basics" is done.
        assert_eq!(next(&record, "human").as_deref(), Some("basics"));
        completed(&mut record, "basics");
        assert_eq!(next(&record, "human").as_deref(), Some("advanced"));
        completed(&mut record, "advanced");
        assert_eq!(next(&record, "human"), None, "everything done");
        assert_eq!(next(&LearnerRecord::default(), "no-such-module"), None);
    }

    #[test]
    fn a_student_sees_her_own_stage_first_even_with_a_closer_fit_elsewhere() {
        let catalogue = catalogue();
        let mut record = LearnerRecord::default();
        record.profile.profession = Some("nursing".into());
        record.profile.stage = Some("pre-registration".into());
        // "nursing" is written for her profession and covers her weakest domain, but for registrants.
        let ratings = BTreeMap::from([(
            "ethical-legal-regulatory/ethics".to_owned(),
            Rating { level: 1, confidence: 1, evidence: vec![] },
        )]);
        record.self_assessments.push(SelfAssessment { at: "2026-05-01T00:00:00.000Z".into(), ratings });
        let recommendations = recommend(&catalogue, &record, 10);
        assert_eq!(recommendations[0].module.id, "basics");
        assert_eq!(
            recommendations[0].why(),
            "it suits your career stage (Pre-registration student) and you need it before “Title of advanced”"
        );
    }

    #[test]
    fn a_prerequisite_of_many_modules_names_them_in_one_clause() {
        let module = |id: &str, prerequisites: &str| {
            (format!("{id}.md"), module_source(id, &[("prerequisites", prerequisites)], "Body.\n"))
        };
        let sources = [
            module("first", "[]"),
            module("second", r#"["first"]"#),
            module("third", r#"["first"]"#),
            module("fourth", r#"["first"]"#),
        ];
        let today = time::Date::from_calendar_date(2026, time::Month::June, 1).unwrap();
        let (catalogue, diagnostics) = Catalogue::from_sources(&sources, today);
        assert_eq!(diagnostics, vec![]);
        let recommendations = recommend(&catalogue, &LearnerRecord::default(), 10);
        assert_eq!(ids(&recommendations), ["first"]);
        assert_eq!(recommendations[0].why(), "you need it before “Title of second” and 2 other modules");
        assert_eq!(unlocks_reason(&["A", "B"]).as_deref(), Some("you need it before “A” and “B”"));
    }

    #[test]
    fn with_nothing_known_the_pathway_order_is_kept() {
        let catalogue = catalogue();
        let recommendations = recommend(&catalogue, &LearnerRecord::default(), 3);
        assert_eq!(ids(&recommendations), ["basics", "nursing", "pharmacy"]);
        assert_eq!(recommendations[1].why(), "it is early in the suggested order");
    }

    #[test]
    fn profession_stage_and_low_ratings_rank_modules_and_say_why() {
        let catalogue = catalogue();
        let mut record = LearnerRecord::default();
        record.profile.profession = Some("nursing".into());
        record.profile.stage = Some("registrant".into());
        let ratings = BTreeMap::from([
            ("human-factors".to_owned(), Rating { level: 1, confidence: 2, evidence: vec![] }),
            ("ethical-legal-regulatory/ethics".to_owned(), Rating { level: 4, confidence: 4, evidence: vec![] }),
            (
                "ethical-legal-regulatory/legislation-regulation".to_owned(),
                Rating { level: 4, confidence: 4, evidence: vec![] },
            ),
        ]);
        record.self_assessments.push(SelfAssessment { at: "2026-05-01T00:00:00.000Z".into(), ratings });
        // The framework divides this domain in two; rating both halves rates the domain.
        assert_eq!(current_level(&record, "ethical-legal-regulatory"), Some(4.0));

        let recommendations = recommend(&catalogue, &record, 10);
        assert!(!ids(&recommendations).contains(&"pharmacy".to_owned()), "written for another profession");
        assert_eq!(recommendations[0].module.id, "human");
        assert_eq!(
            recommendations[0].reasons,
            ["it suits your career stage (Registrant)", "you rated Human factors at level 1"]
        );
        let nursing = recommendations.iter().find(|r| r.module.id == "nursing").unwrap();
        assert_eq!(nursing.why(), "it is written for nursing and it suits your career stage (Registrant)");
    }

    #[test]
    fn unmet_prerequisites_point_to_the_prerequisite_and_completed_modules_drop_out() {
        let catalogue = catalogue();
        let mut record = LearnerRecord::default();
        record.profile.stage = Some("leader".into());
        let recommendations = recommend(&catalogue, &record, 10);
        assert!(!ids(&recommendations).contains(&"advanced".to_owned()));
        let basics = recommendations.iter().find(|r| r.module.id == "basics").unwrap();
        assert_eq!(basics.reasons, ["you need it before “Title of advanced”"]);

        let done = Completion { completed_at: "2026-01-01T00:00:00.000Z".into(), minutes: 10, score: Some(100) };
        record.completions.insert("basics".into(), done);
        let recommendations = recommend(&catalogue, &record, 10);
        assert_eq!(recommendations[0].module.id, "advanced");
        assert!(!ids(&recommendations).contains(&"basics".to_owned()));
    }
}
