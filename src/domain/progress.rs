//! Where a learner stands on a module, and the rule that says when it is
//! complete: every knowledge check answered, at least the pass mark (80 %
//! unless the module relaxes it) on the latest answers, and every
//! reflection prompt answered unless the module says otherwise.

use crate::domain::module::Module;
use crate::domain::record::{Completion, LearnerRecord, ModuleProgress};
use crate::domain::words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    Completed,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Completed => "Completed",
        }
    }
}

/// A learner's standing on one module, derived from their record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub status: Status,
    pub checks: usize,
    pub checks_answered: usize,
    /// Percentage right on the latest answer to each check.
    pub latest_score: Option<u8>,
    /// Percentage of checks ever answered right.
    pub best_score: Option<u8>,
    pub reflections: usize,
    pub reflections_answered: usize,
    pub sections: usize,
    pub sections_reached: usize,
    /// What is still needed to complete, in the learner's words.
    pub still_needed: Vec<String>,
}

impl Standing {
    pub fn meets_completion_rule(&self) -> bool {
        self.still_needed.is_empty()
    }
}

/// Works out where the learner stands on `module`.
pub fn standing(module: &Module, record: &LearnerRecord) -> Standing {
    let empty = ModuleProgress::default();
    let progress = record.progress(&module.id).unwrap_or(&empty);
    let check_ids: Vec<&str> = module.knowledge_checks().map(|c| c.id.as_str()).collect();
    let prompt_ids: Vec<&str> = module.reflection_prompts().map(|p| p.id.as_str()).collect();

    let answered = check_ids.iter().filter(|id| progress.latest_attempt(id).is_some()).count();
    let latest_right = check_ids.iter().filter(|id| progress.latest_attempt(id).is_some_and(|a| a.correct)).count();
    let ever_right = check_ids.iter().filter(|id| progress.ever_correct(id)).count();
    let percent = |right: usize| (!check_ids.is_empty()).then(|| (right * 100 / check_ids.len()) as u8);
    let latest_score = percent(latest_right);
    let reflections_answered = prompt_ids.iter().filter(|id| progress.has_answered(id)).count();

    let rule = module.completion;
    let mut still_needed = Vec::new();
    if answered < check_ids.len() {
        still_needed.push(format!(
            "Answer {}",
            words::count(check_ids.len() - answered, "more knowledge check", "more knowledge checks")
        ));
    }
    if let Some(score) = latest_score.filter(|&score| score < rule.pass_mark) {
        still_needed.push(format!("Get at least {} % right on your latest answers (now {score} %)", rule.pass_mark));
    }
    if rule.reflections_required && reflections_answered < prompt_ids.len() {
        still_needed.push(format!(
            "Answer {}",
            words::count(prompt_ids.len() - reflections_answered, "more reflection prompt", "more reflection prompts")
        ));
    }

    Standing {
        status: status(module, record),
        checks: check_ids.len(),
        checks_answered: answered,
        latest_score,
        best_score: percent(ever_right),
        reflections: prompt_ids.len(),
        reflections_answered,
        sections: module.sections.len(),
        sections_reached: module.sections.iter().filter(|s| progress.sections_reached.contains(*s)).count(),
        still_needed,
    }
}

/// Whether the learner has completed `module`, started it or not: the part
/// of [`standing`] the roll-up needs for every module of every learner,
/// without counting checks or wording what is still needed.
pub fn status(module: &Module, record: &LearnerRecord) -> Status {
    if record.completion(&module.id).is_some() {
        return Status::Completed;
    }
    match record.progress(&module.id) {
        Some(progress) if !progress.attempts.is_empty() || !progress.reflections.is_empty() => Status::InProgress,
        _ => Status::NotStarted,
    }
}

/// Records the module as completed, with its CPD minutes, the first time
/// the rule is met. Returns whether it did. A completion, once recorded,
/// is evidence and is never taken away by later answers.
pub fn complete_if_due(module: &Module, record: &mut LearnerRecord, at: &str) -> bool {
    if record.completion(&module.id).is_some() {
        return false;
    }
    let standing = standing(module, record);
    if !standing.meets_completion_rule() {
        return false;
    }
    let completion = Completion { completed_at: at.to_owned(), minutes: module.minutes, score: standing.latest_score };
    record.completions.insert(module.id.clone(), completion);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::module::parse_module;
    use crate::domain::module::test_support::module_source;
    use crate::domain::record::CheckAttempt;

    /// A module with five single-answer checks and one reflection.
    fn module(overrides: &[(&str, &str)]) -> Module {
        let checks: String = ["a", "b", "c", "d", "e"]
            .map(|id| {
                format!(
                    "```check\nid = \"{id}\"\nquestion = \"Q\"\nexplanation = \"E\"\n\n[[option]]\ntext = \"right\"\ncorrect = true\nfeedback = \"F\"\n\n[[option]]\ntext = \"wrong\"\nfeedback = \"F\"\n```\n"
                )
            })
            .concat();
        let body = format!("{checks}```reflection\nid = \"r\"\nprompt = \"Why?\"\n```\n");
        let mut fields = vec![("minutes", "25")];
        fields.extend_from_slice(overrides);
        let (module, diagnostics) = parse_module("m.md", &module_source("m", &fields, &body));
        // Only errors matter here: these bare checks would draw the
        // assessment-quality warnings, which are not what is under test.
        assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
        module.unwrap()
    }

    fn answer(record: &mut LearnerRecord, check_id: &str, correct: bool, at: &str) {
        let chosen = vec![if correct { 0 } else { 1 }];
        record.record_attempt("m", CheckAttempt { check_id: check_id.into(), chosen, correct, at: at.into() });
    }

    #[test]
    fn a_module_nobody_has_touched_is_not_started() {
        let standing = standing(&module(&[]), &LearnerRecord::default());
        assert_eq!(standing.status, Status::NotStarted);
        assert_eq!(standing.latest_score, Some(0));
        assert_eq!(
            standing.still_needed,
            [
                "Answer 5 more knowledge checks",
                "Get at least 80 % right on your latest answers (now 0 %)",
                "Answer 1 more reflection prompt"
            ]
        );
    }

    #[test]
    fn completion_needs_eighty_percent_on_latest_answers_and_every_reflection() {
        let module = module(&[]);
        let mut record = LearnerRecord::default();
        for id in ["a", "b", "c"] {
            answer(&mut record, id, true, "2026-01-01T00:00:00.000Z");
        }
        answer(&mut record, "d", false, "2026-01-01T00:00:00.000Z");
        answer(&mut record, "e", false, "2026-01-01T00:00:00.000Z");
        assert_eq!(standing(&module, &record).status, Status::InProgress);
        assert!(!complete_if_due(&module, &mut record, "2026-01-02T00:00:00.000Z"), "60 % is below the pass mark");

        // Exactly at the threshold: 4 of 5 is 80 %.
        answer(&mut record, "d", true, "2026-01-03T00:00:00.000Z");
        let now = standing(&module, &record);
        assert_eq!((now.latest_score, now.best_score), (Some(80), Some(80)));
        assert_eq!(now.still_needed, ["Answer 1 more reflection prompt"]);
        assert!(!complete_if_due(&module, &mut record, "2026-01-03T00:00:00.000Z"));

        record.record_reflection("m", "r", "  ", "2026-01-04T00:00:00.000Z");
        assert!(!complete_if_due(&module, &mut record, "2026-01-04T00:00:00.000Z"), "a blank answer is not an answer");
        record.record_reflection("m", "r", "I would check.", "2026-01-04T00:00:00.000Z");
        assert!(complete_if_due(&module, &mut record, "2026-01-05T00:00:00.000Z"));
        let completion = record.completion("m").unwrap();
        assert_eq!(
            (completion.minutes, completion.score, completion.completed_at.as_str()),
            (25, Some(80), "2026-01-05T00:00:00.000Z")
        );
        assert_eq!(standing(&module, &record).status, Status::Completed);
    }

    #[test]
    fn reaching_sections_is_counted_once_and_only_for_real_sections() {
        let mut module = module(&[]);
        module.sections = vec!["One".into(), "Two".into()];
        let mut record = LearnerRecord::default();
        assert!(record.reach_section("m", "One"));
        assert!(!record.reach_section("m", "One"));
        record.reach_section("m", "Retired section");
        let now = standing(&module, &record);
        assert_eq!((now.sections_reached, now.sections), (1, 2));
        assert_eq!(now.status, Status::NotStarted, "reading alone does not start a module");
    }

    #[test]
    fn the_latest_answer_counts_and_earlier_ones_are_kept() {
        let module = module(&[]);
        let mut record = LearnerRecord::default();
        answer(&mut record, "a", true, "2026-01-01T00:00:00.000Z");
        answer(&mut record, "a", false, "2026-01-02T00:00:00.000Z");
        let now = standing(&module, &record);
        assert_eq!((now.latest_score, now.best_score), (Some(0), Some(20)));
        assert_eq!(record.progress("m").unwrap().attempts.len(), 2);
    }

    #[test]
    fn a_module_may_relax_the_rule() {
        let module = module(&[("completion", "{ pass_mark = 60, reflections_required = false }")]);
        let mut record = LearnerRecord::default();
        for (id, correct) in [("a", true), ("b", true), ("c", true), ("d", false), ("e", false)] {
            answer(&mut record, id, correct, "2026-01-01T00:00:00.000Z");
        }
        assert!(complete_if_due(&module, &mut record, "2026-01-01T00:00:00.000Z"));
    }

    #[test]
    fn a_completion_is_never_taken_away_by_later_answers() {
        let module = module(&[("completion", "{ reflections_required = false }")]);
        let mut record = LearnerRecord::default();
        for id in ["a", "b", "c", "d", "e"] {
            answer(&mut record, id, true, "2026-01-01T00:00:00.000Z");
        }
        assert!(complete_if_due(&module, &mut record, "2026-01-01T00:00:00.000Z"));
        answer(&mut record, "a", false, "2026-02-01T00:00:00.000Z");
        answer(&mut record, "b", false, "2026-02-01T00:00:00.000Z");
        assert!(!complete_if_due(&module, &mut record, "2026-02-01T00:00:00.000Z"));
        assert_eq!(record.completion("m").unwrap().completed_at, "2026-01-01T00:00:00.000Z");
        assert_eq!(standing(&module, &record).status, Status::Completed);
    }
}
