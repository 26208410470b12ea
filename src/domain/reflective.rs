//! Reflective account templates: each regulator's questions (in Praxis's
//! own words, from the regulator's published forms, listed in
//! `docs/sources.md`) and word limits.
//! A completed account is saved as a CPD log entry of the kind the
//! regulator counts it as, with the answers kept field by field.

use crate::domain::record::{CpdEntry, EntryType, Profile};
use crate::domain::revalidation::{
    Source, GDC_CPD, GMC_SUPPORTING_PAGE, GPHC_REVALIDATION, HCPC_CPD, NMC_REVALIDATION, SWE_PEER_REFLECTION_PAGE,
};

/// One question of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    pub id: &'static str,
    pub text: &'static str,
    pub word_limit: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Template {
    pub id: &'static str,
    pub regulator: &'static str,
    pub name: &'static str,
    /// How the regulator's rules count a finished account.
    pub counts_as: EntryType,
    /// GPhC counts planned and unplanned CPD records differently.
    pub planned: bool,
    pub questions: &'static [Question],
    /// The published page the questions follow, which the learner can open.
    pub source: Source,
}

const fn question(id: &'static str, text: &'static str) -> Question {
    Question { id, text, word_limit: None }
}

pub const TEMPLATES: &[Template] = &[
    Template {
        id: "nmc-reflective-account",
        regulator: "nmc",
        name: "NMC reflective account",
        counts_as: EntryType::ReflectiveAccount,
        planned: false,
        questions: &[
            question("nature", "What was the CPD activity, feedback or event, and what was it about?"),
            question("learned", "What did you learn from it?"),
            question("changed", "How did you change or improve your practice as a result?"),
            question("code", "How is this relevant to the Code? Name the theme: prioritise people, practise effectively, preserve safety, or promote professionalism and trust."),
        ],
        source: NMC_REVALIDATION,
    },
    Template {
        id: "gphc-planned",
        regulator: "gphc",
        name: "GPhC planned CPD record",
        counts_as: EntryType::Cpd,
        planned: true,
        questions: &[
            question("what", "What are you planning to learn, and why?"),
            question("how", "How are you going to learn it?"),
            question("example", "Give a real example of how this learning has benefited the people who use your services."),
        ],
        source: GPHC_REVALIDATION,
    },
    Template {
        id: "gphc-unplanned",
        regulator: "gphc",
        name: "GPhC unplanned CPD record",
        counts_as: EntryType::Cpd,
        planned: false,
        questions: &[
            question("activity", "What was the learning activity?"),
            question("learned", "What did you learn?"),
            question("applied", "How have you applied it in your practice?"),
            question("benefit", "Give a real example of how this benefited the people who use your services."),
        ],
        source: GPHC_REVALIDATION,
    },
    Template {
        id: "gphc-peer-discussion",
        regulator: "gphc",
        name: "GPhC peer discussion",
        counts_as: EntryType::PeerDiscussion,
        planned: false,
        questions: &[
            question("peer", "Who was your peer (their role, not their name), and why did you choose them?"),
            question("benefit", "How did the discussion change your practice, and how did that benefit the people who use your services? Record your reflections, not a transcript."),
        ],
        source: GPHC_REVALIDATION,
    },
    Template {
        id: "gphc-reflective-account",
        regulator: "gphc",
        name: "GPhC reflective account",
        counts_as: EntryType::ReflectiveAccount,
        planned: false,
        questions: &[
            question("area", "Describe your area of work and the people who use your services."),
            question("standards", "How do you meet the standards the GPhC has selected? (Currently standards 3, 6 and 9: communicating effectively, behaving professionally, demonstrating leadership. Check the GPhC's page, as the choice can change.)"),
            question("example", "Give a real example from your practice."),
        ],
        source: GPHC_REVALIDATION,
    },
    Template {
        id: "swe-cpd",
        regulator: "swe",
        name: "Social Work England CPD record",
        counts_as: EntryType::Cpd,
        planned: false,
        questions: &[
            question("description", "What was the activity, and why is it relevant to your practice?"),
            question("learned", "What did you learn?"),
            question("impact", "What impact has it had on your practice and on the people you work with?"),
            question("peer", "If you reflected on it with a peer (a registered social worker, your manager or supervisor, or another professional who knows your practice), what did you learn from that discussion? (Leave blank if not.)"),
        ],
        source: SWE_PEER_REFLECTION_PAGE,
    },
    Template {
        id: "hcpc-profile",
        regulator: "hcpc",
        name: "HCPC CPD profile (audit)",
        counts_as: EntryType::ReflectiveAccount,
        planned: false,
        questions: &[
            Question { id: "summary", text: "Summarise your practice: your role, the people you work with, your main duties.", word_limit: Some(500) },
            Question { id: "statement", text: "How have your CPD activities improved the quality of your practice and benefited the people who use your services? Describe 4 to 6 activities.", word_limit: Some(1500) },
        ],
        source: HCPC_CPD,
    },
    Template {
        id: "gdc-activity",
        regulator: "gdc",
        name: "GDC CPD activity reflection",
        counts_as: EntryType::Cpd,
        planned: false,
        questions: &[
            question("description", "What was the activity, and how does it fit your personal development plan?"),
            question("reflection", "What did you learn, and how will you use it? Name the development outcome(s), A to D, it met."),
        ],
        source: GDC_CPD,
    },
    Template {
        id: "gmc-reflective-note",
        regulator: "gmc",
        name: "GMC appraisal reflective note",
        counts_as: EntryType::ReflectiveAccount,
        planned: false,
        questions: &[
            question("what", "What happened, or what did you learn about?"),
            question("learned", "What did you learn, and what will you do differently?"),
            question("ai-use", "Did you use an AI tool for any part of this work or in preparing this note? Say how. (For GPs, the RCGP recommends telling your appraiser, and recommends that you do not use AI to write reflections.)"),
        ],
        source: GMC_SUPPORTING_PAGE,
    },
];

pub fn find(id: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|template| template.id == id)
}

/// The template a reflective account starts in, wherever it is begun
/// (the CPD page, a module reflection, an AI event): the learner's
/// regulator's reflective account, else its first template, else the
/// NMC's, whose questions suit any profession.
pub fn default_template(regulator: Option<&str>) -> &'static Template {
    let theirs = || TEMPLATES.iter().filter(move |t| Some(t.regulator) == regulator);
    theirs().find(|t| t.counts_as == EntryType::ReflectiveAccount).or_else(|| theirs().next()).unwrap_or(&TEMPLATES[0])
}

/// A finished account as a CPD log entry of the kind its regulator counts
/// it as, dated `today`. A blank title becomes the template's name.
pub fn account_entry(
    template: &Template,
    id: String,
    title: &str,
    hours: f32,
    answers: std::collections::BTreeMap<String, String>,
    today: &str,
    now: &str,
) -> CpdEntry {
    let title = Some(title.trim()).filter(|t| !t.is_empty()).unwrap_or(template.name);
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

/// Questions whose answers are over their word limit, with a message.
pub fn over_limit(template: &Template, answer: impl Fn(&str) -> String) -> Vec<(&'static str, String)> {
    template
        .questions
        .iter()
        .filter_map(|q| {
            let limit = q.word_limit?;
            let words = word_count(&answer(q.id));
            (words > limit).then(|| (q.id, format!("This answer has {words} words; the limit is {limit}.")))
        })
        .collect()
}

/// The reminder shown beside reflection boxes. The GPhC and RCGP rules
/// on AI-written reflections are named only to the learners they bind
/// (by regulator or profession); a nursing student is not told about a
/// pharmacist's regulator.
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
    use crate::domain::framework::{find as find_term, REGULATORS};

    #[test]
    fn every_template_names_a_known_regulator_and_has_unique_question_ids() {
        for template in TEMPLATES {
            assert!(find_term(REGULATORS, template.regulator).is_some(), "{}", template.id);
            let mut ids: Vec<&str> = template.questions.iter().map(|q| q.id).collect();
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
}
