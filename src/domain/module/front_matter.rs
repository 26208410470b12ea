//! The TOML front matter between the two `+++` lines at the top of a
//! module file: what it may hold, and the checks that need only it.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::body::ParsedBody;
use super::{is_slug, Located, Module, Report};
use crate::domain::framework::{self, competence_levels, ALL_PROFESSIONS};

const FENCE: &str = "+++";

/// Where the front matter and the body sit in the file (byte offsets).
pub(super) struct Split {
    toml_start: usize,
    toml_end: usize,
    pub(super) body_start: usize,
}

/// Finds the `+++` fences, reporting a file that has none.
pub(super) fn split(source: &str, report: &mut Report) -> Option<Split> {
    let first_line_end = source.find('\n').unwrap_or(source.len());
    if source[..first_line_end].trim_end() != FENCE {
        report.error(
            1,
            "the file must start with a line `+++` that opens the front matter \
             (see modules/README.md for a complete example)",
        );
        return None;
    }
    let toml_start = (first_line_end + 1).min(source.len());
    let mut offset = toml_start;
    for line in source[toml_start..].split_inclusive('\n') {
        if line.trim_end() == FENCE {
            return Some(Split { toml_start, toml_end: offset, body_start: offset + line.len() });
        }
        offset += line.len();
    }
    report.error(1, "the front matter opened on line 1 is never closed: add a line `+++` after the last field");
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Module,
    CaseStudy,
}

impl Kind {
    /// Every kind, in the order the catalogue shows them: the one list the checker's "use one of" names.
    pub const ALL: [Kind; 2] = [Kind::Module, Kind::CaseStudy];

    /// The kind a module's `kind` field names.
    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    pub fn id(self) -> &'static str {
        match self {
            Kind::Module => "module",
            Kind::CaseStudy => "case-study",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Module => "Module",
            Kind::CaseStudy => "Case study",
        }
    }
}

/// A competence domain of the framework, at a knowledge level 1–4.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompetenceRef {
    pub domain: String,
    pub level: u8,
}

/// What a learner must do for a module to count as completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompletionRule {
    /// Percentage of correct answers needed on the latest attempt of
    /// every knowledge check.
    pub pass_mark: u8,
    /// Whether every reflection prompt must be answered.
    pub reflections_required: bool,
}

impl Default for CompletionRule {
    fn default() -> Self {
        CompletionRule { pass_mark: 80, reflections_required: true }
    }
}

/// Which facts in a module a named clinician must confirm before release, and who did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClinicalReview {
    /// The facts, in the author's words; empty when the module states none that need a clinician.
    pub facts: Vec<String>,
    /// The reviewer's name and role once they have confirmed the facts; `None` until then.
    pub reviewer: Option<String>,
}

impl ClinicalReview {
    /// Whether learners must be told the module is not yet clinically reviewed: it has facts that need a
    /// reviewer and none is recorded. A module that does not say is treated the same, to be safe.
    pub fn pending(&self, declared: bool) -> bool {
        !declared || (!self.facts.is_empty() && self.reviewer.is_none())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClinicalReview {
    facts: Option<Spanned<Vec<Spanned<String>>>>,
    reviewer: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCompletion {
    pass_mark: Option<Spanned<u8>>,
    reflections_required: Option<bool>,
}

/// The front matter as written, before its values are checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    id: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    summary: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    stages: Option<Spanned<Vec<Spanned<String>>>>,
    professions: Option<Spanned<Vec<Spanned<String>>>>,
    competences: Option<Spanned<Vec<Spanned<CompetenceRef>>>>,
    minutes: Option<Spanned<u32>>,
    outcomes: Option<Spanned<Vec<String>>>,
    version: Option<Spanned<String>>,
    reviewed: Option<Spanned<toml::value::Datetime>>,
    review_due: Option<Spanned<toml::value::Datetime>>,
    authors: Option<Spanned<Vec<String>>>,
    sources: Option<Spanned<Vec<String>>>,
    prerequisites: Option<Vec<Spanned<String>>>,
    completion: Option<RawCompletion>,
    clinical_review: Option<Spanned<RawClinicalReview>>,
}

/// Front matter whose values have all been checked.
pub(super) struct Header {
    id: String,
    title: String,
    summary: String,
    kind: Kind,
    stages: Vec<String>,
    professions: Vec<String>,
    competences: Vec<CompetenceRef>,
    minutes: u32,
    outcomes: Vec<String>,
    version: String,
    reviewed: time::Date,
    review_due: time::Date,
    authors: Vec<String>,
    sources: Vec<String>,
    prerequisites: Vec<Located<String>>,
    completion: CompletionRule,
    clinical_review: Option<ClinicalReview>,
}

impl Header {
    pub(super) fn into_module(self, path: &str, body: ParsedBody) -> Module {
        Module {
            source_path: path.to_owned(),
            id: self.id,
            title: self.title,
            summary: self.summary,
            kind: self.kind,
            stages: self.stages,
            professions: self.professions,
            competences: self.competences,
            minutes: self.minutes,
            outcomes: self.outcomes,
            version: self.version,
            reviewed: self.reviewed,
            review_due: self.review_due,
            authors: self.authors,
            sources: self.sources,
            prerequisites: self.prerequisites,
            completion: self.completion,
            clinical_review_declared: self.clinical_review.is_some(),
            clinical_review: self.clinical_review.unwrap_or_default(),
            blocks: body.blocks,
            internal_links: body.internal_links,
            images: body.images,
            sections: body.sections,
        }
    }
}

/// Reads and checks the front matter. Returns `None` if anything is
/// wrong with it, after reporting every problem found.
pub(super) fn parse(source: &str, split: &Split, report: &mut Report) -> Option<Header> {
    let text = &source[split.toml_start..split.toml_end];
    let raw: RawFrontMatter = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(error) => {
            let at = error.span().map_or(0, |span| span.start);
            let line = report.line_of(split.toml_start + at);
            report
                .error(line, super::describe_toml_error(error.message(), "the front matter", super::line_at(text, at)));
            return None;
        }
    };
    let mut checker = Checker { report, toml_start: split.toml_start, ok: true };
    let header = checker.check(raw);
    header.filter(|_| checker.ok)
}

struct Checker<'r, 'a> {
    report: &'r mut Report<'a>,
    toml_start: usize,
    ok: bool,
}

impl Checker<'_, '_> {
    fn line<T>(&self, spanned: &Spanned<T>) -> usize {
        self.report.line_of(self.toml_start + spanned.span().start)
    }

    fn fail(&mut self, line: usize, message: String) {
        self.ok = false;
        self.report.error(line, message);
    }

    /// Reports a missing required field, with an example of writing it.
    fn require<T>(&mut self, value: Option<T>, field: &str, example: &str) -> Option<T> {
        if value.is_none() {
            self.fail(1, format!("the front matter is missing `{field}`: add a line such as `{example}`"));
        }
        value
    }

    fn text(&mut self, value: Option<Spanned<String>>, field: &str, example: &str) -> Option<String> {
        let value = self.require(value, field, example)?;
        if value.get_ref().trim().is_empty() {
            let line = self.line(&value);
            self.fail(line, format!("`{field}` is empty: write it, e.g. `{example}`"));
            return None;
        }
        Some(value.into_inner())
    }

    fn list(&mut self, value: Option<Spanned<Vec<String>>>, field: &str, example: &str) -> Option<Vec<String>> {
        let value = self.require(value, field, example)?;
        if value.get_ref().iter().all(|item| item.trim().is_empty()) {
            let line = self.line(&value);
            self.fail(line, format!("`{field}` needs at least one entry, e.g. `{example}`"));
            return None;
        }
        Some(value.into_inner())
    }

    fn date(&mut self, value: Option<Spanned<toml::value::Datetime>>, field: &str) -> Option<time::Date> {
        let example = format!("{field} = 2026-09-01");
        let value = self.require(value, field, &example)?;
        let line = self.line(&value);
        let datetime = value.into_inner();
        let date = match (datetime.date, datetime.time) {
            (Some(date), None) => date,
            _ => {
                self.fail(line, format!("`{field}` must be a date without a time, e.g. `{example}`"));
                return None;
            }
        };
        let month = time::Month::try_from(date.month).ok();
        match month.and_then(|month| time::Date::from_calendar_date(date.year.into(), month, date.day).ok()) {
            Some(date) => Some(date),
            None => {
                self.fail(line, format!("`{field}` is not a real calendar date: {datetime}"));
                None
            }
        }
    }

    /// Checks each id against a vocabulary, listing the known ones.
    fn vocabulary(
        &mut self,
        value: Option<Spanned<Vec<Spanned<String>>>>,
        field: &str,
        terms: &'static [framework::Term],
        example: &str,
    ) -> Option<Vec<String>> {
        let value = self.require(value, field, example)?;
        if value.get_ref().is_empty() {
            let line = self.line(&value);
            self.fail(line, format!("`{field}` needs at least one entry, e.g. `{example}`"));
            return None;
        }
        let mut ids = Vec::new();
        for item in value.into_inner() {
            let line = self.line(&item);
            let id = item.into_inner();
            if framework::find(terms, &id).is_none() {
                self.fail(
                    line,
                    format!(
                        "unknown {} `{id}` in `{field}`: use one of {}",
                        singular(field),
                        framework::id_list(terms)
                    ),
                );
            } else if ids.contains(&id) {
                self.fail(line, format!("`{id}` is listed twice in `{field}`: remove one"));
            } else {
                ids.push(id);
            }
        }
        Some(ids)
    }

    fn professions(&mut self, value: Option<Spanned<Vec<Spanned<String>>>>) -> Option<Vec<String>> {
        let example = r#"professions = ["all"]"#;
        let value = self.require(value, "professions", example)?;
        let everyone = value.get_ref().iter().any(|p| p.get_ref() == ALL_PROFESSIONS);
        if everyone {
            if value.get_ref().len() > 1 {
                let line = self.line(&value);
                self.fail(line, "`professions` lists `all` with other professions: write either `[\"all\"]` or a list of professions".into());
                return None;
            }
            return Some(Vec::new());
        }
        self.vocabulary(Some(value), "professions", framework::PROFESSIONS, example)
    }

    fn competences(&mut self, value: Option<Spanned<Vec<Spanned<CompetenceRef>>>>) -> Option<Vec<CompetenceRef>> {
        let example = r#"competences = [{ domain = "human-factors", level = 1 }]"#;
        let value = self.require(value, "competences", example)?;
        if value.get_ref().is_empty() {
            let line = self.line(&value);
            self.fail(line, format!("`competences` needs at least one entry, e.g. `{example}`"));
            return None;
        }
        let mut refs = Vec::new();
        for item in value.into_inner() {
            let line = self.line(&item);
            let competence = item.into_inner();
            if framework::find_domain(&competence.domain).is_none() {
                self.fail(
                    line,
                    format!(
                        "unknown competence domain `{}`: use one of {}",
                        competence.domain,
                        framework::domain_id_list()
                    ),
                );
            } else if !competence_levels().contains(&competence.level) {
                self.fail(
                    line,
                    format!(
                        "competence level {} for `{}` is out of range: levels run from {} to {}",
                        competence.level,
                        competence.domain,
                        competence_levels().start(),
                        competence_levels().end()
                    ),
                );
            } else if refs.iter().any(|r: &CompetenceRef| r.domain == competence.domain) {
                self.fail(line, format!("competence domain `{}` is listed twice: keep one level", competence.domain));
            } else {
                refs.push(competence);
            }
        }
        Some(refs)
    }

    fn check(&mut self, raw: RawFrontMatter) -> Option<Header> {
        let id_line = raw.id.as_ref().map_or(1, |id| self.line(id));
        let id = self.text(raw.id, "id", r#"id = "what-ai-is""#);
        if let Some(id) = &id {
            if !is_slug(id) {
                self.fail(id_line, format!(
                    "`id` \"{id}\" is not a slug: use lowercase letters, digits and single hyphens, e.g. \"ai-in-triage\""
                ));
            }
        }
        let title = self.text(raw.title, "title", r#"title = "What AI is and is not""#);
        let summary = self.text(raw.summary, "summary", r#"summary = "One or two sentences for the catalogue.""#);
        let kind = self.require(raw.kind, "kind", r#"kind = "module""#).and_then(|kind| {
            let line = self.line(&kind);
            let found = Kind::from_id(kind.get_ref());
            if found.is_none() {
                let known: Vec<&str> = Kind::ALL.iter().map(|kind| kind.id()).collect();
                self.fail(line, format!("unknown kind `{}`: use one of {}", kind.get_ref(), known.join(", ")));
            }
            found
        });
        let stages = self.vocabulary(raw.stages, "stages", framework::STAGES, r#"stages = ["registrant"]"#);
        let professions = self.professions(raw.professions);
        let competences = self.competences(raw.competences);
        let minutes = self.require(raw.minutes, "minutes", "minutes = 30").and_then(|minutes| {
            if *minutes.get_ref() == 0 {
                let line = self.line(&minutes);
                self.fail(line, "`minutes` is 0: give the CPD time a learner needs, e.g. `minutes = 30`".into());
                return None;
            }
            Some(minutes.into_inner())
        });
        let outcomes =
            self.list(raw.outcomes, "outcomes", r#"outcomes = ["Explain what a large language model does"]"#);
        let version = self.text(raw.version, "version", r#"version = "1.0""#);
        let review_due_line = raw.review_due.as_ref().map_or(1, |due| self.line(due));
        let reviewed = self.date(raw.reviewed, "reviewed");
        let review_due = self.date(raw.review_due, "review_due");
        if let (Some(reviewed), Some(due)) = (reviewed, review_due) {
            if due <= reviewed {
                self.fail(review_due_line, format!("`review_due` ({due}) must come after `reviewed` ({reviewed})"));
            }
        }
        let authors = self.list(raw.authors, "authors", r#"authors = ["Praxis editorial team"]"#);
        let sources = self.list(raw.sources, "sources", r#"sources = ["PSA workshop report, 2026"]"#);
        let prerequisites = self.prerequisites(raw.prerequisites, id.as_deref());
        let completion = self.completion(raw.completion);
        let clinical_review = raw.clinical_review.map(|raw| {
            let line = self.line(&raw);
            self.clinical_review(raw.into_inner(), line)
        });
        Some(Header {
            id: id?,
            title: title?,
            summary: summary?,
            kind: kind?,
            stages: stages?,
            professions: professions?,
            competences: competences?,
            minutes: minutes?,
            outcomes: outcomes?,
            version: version?,
            reviewed: reviewed?,
            review_due: review_due?,
            authors: authors?,
            sources: sources?,
            prerequisites,
            completion,
            clinical_review,
        })
    }

    /// `line` is where the table starts, for a message about what it lacks.
    fn clinical_review(&mut self, raw: RawClinicalReview, line: usize) -> ClinicalReview {
        let mut review = ClinicalReview::default();
        let Some(facts) = raw.facts else {
            self.fail(
                line,
                "`[clinical_review]` has no `facts`: list each fact a clinician must confirm, e.g. \
                 `facts = [\"Warfarin doses are checked against the INR\"]`, or `facts = []` if there are none"
                    .into(),
            );
            return review;
        };
        for fact in facts.into_inner() {
            let line = self.line(&fact);
            if fact.get_ref().trim().is_empty() {
                self.fail(line, "`clinical_review.facts` has an empty entry: write the fact, or remove it".into());
            } else {
                review.facts.push(fact.into_inner());
            }
        }
        if let Some(reviewer) = raw.reviewer {
            let line = self.line(&reviewer);
            let name = reviewer.into_inner();
            if !name.is_empty() && name.trim().is_empty() {
                self.fail(line, "`clinical_review.reviewer` is blank: write the reviewer's name and role, or `\"\"` until one has reviewed the module".into());
            } else if !name.is_empty() {
                if review.facts.is_empty() {
                    self.fail(line, "`clinical_review.reviewer` names a reviewer but `facts` is empty: list the facts they confirmed".into());
                }
                review.reviewer = Some(name);
            }
        }
        review
    }

    fn prerequisites(&mut self, value: Option<Vec<Spanned<String>>>, own_id: Option<&str>) -> Vec<Located<String>> {
        let mut prerequisites = Vec::new();
        for item in value.unwrap_or_default() {
            let line = self.line(&item);
            let id = item.into_inner();
            if Some(id.as_str()) == own_id {
                self.fail(line, format!("`prerequisites` lists the module itself (`{id}`): remove it"));
            } else {
                prerequisites.push(Located { value: id, line });
            }
        }
        prerequisites
    }

    fn completion(&mut self, value: Option<RawCompletion>) -> CompletionRule {
        let mut rule = CompletionRule::default();
        let Some(raw) = value else { return rule };
        if let Some(pass_mark) = raw.pass_mark {
            let line = self.line(&pass_mark);
            let pass_mark = pass_mark.into_inner();
            if pass_mark > 100 {
                self.fail(line, format!("`completion.pass_mark` is {pass_mark}: use a percentage from 0 to 100"));
            } else {
                rule.pass_mark = pass_mark;
            }
        }
        if let Some(required) = raw.reflections_required {
            rule.reflections_required = required;
        }
        rule
    }
}

fn singular(field: &str) -> &str {
    match field {
        "stages" => "stage",
        "professions" => "profession",
        other => other,
    }
}
