//! Learning modules: Markdown files with TOML front matter, parsed once
//! into a [`Module`] that the learner's page, the `/author` preview, the
//! checker and the exports all read.
//!
//! Parsing never fails outright: it returns the module when the front
//! matter is usable, plus every [`Diagnostic`] found, so an educator sees
//! all their mistakes at once and the preview shows whatever is valid.
//! The format is documented for authors in `modules/README.md`.

mod body;
pub mod catalogue;
mod front_matter;
pub mod images;
pub mod quality;
mod render;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use body::{Block, BrokenBlock, CalloutKind, KnowledgeCheck, ReflectionPrompt};
pub use catalogue::Catalogue;
pub use front_matter::{ClinicalReview, CompetenceRef, CompletionRule, Kind};
pub use images::ShippedImages;
pub use render::site_links_under;

/// A small valid module that the `/author` page starts from.
pub const STARTER: &str = include_str!("starter.md");

/// The authoring guide, bundled so `/author/guide` works offline.
const GUIDE: &str = include_str!("../../../modules/README.md");

/// The authoring guide as safe HTML from the one renderer, without its
/// `#` title: the page gives its own heading.
pub fn guide_html() -> String {
    let body = GUIDE.split_once('\n').map_or(GUIDE, |(_, rest)| rest);
    render::render(body, &mut Vec::new())
}

/// A module as learners see it, built from a valid file. Serialized, it is
/// the curriculum as the app ships it (`build.rs`, `curriculum`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Module {
    /// Where the module came from, for messages (`modules/x.md`).
    pub source_path: String,
    pub id: String,
    pub title: String,
    pub summary: String,
    pub kind: Kind,
    pub stages: Vec<String>,
    /// Profession ids; empty means every profession (`all`).
    pub professions: Vec<String>,
    pub competences: Vec<CompetenceRef>,
    pub minutes: u32,
    pub outcomes: Vec<String>,
    pub version: String,
    pub reviewed: time::Date,
    pub review_due: time::Date,
    pub authors: Vec<String>,
    pub sources: Vec<String>,
    pub prerequisites: Vec<Located<String>>,
    pub completion: CompletionRule,
    /// The facts a named clinician must confirm before release (`[clinical_review]`).
    pub clinical_review: ClinicalReview,
    /// Whether the front matter has a `[clinical_review]` table at all.
    pub clinical_review_declared: bool,
    pub blocks: Vec<Block>,
    /// Links to other places in Praxis, checked against the catalogue.
    pub internal_links: Vec<Located<String>>,
    /// Paths of the images the body shows, checked against `modules/images/`.
    pub images: Vec<Located<String>>,
    /// Titles of the body's `##` sections, in order.
    pub sections: Vec<String>,
}

impl Module {
    pub fn knowledge_checks(&self) -> impl Iterator<Item = &KnowledgeCheck> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Check(check) => Some(check),
            _ => None,
        })
    }

    pub fn reflection_prompts(&self) -> impl Iterator<Item = &ReflectionPrompt> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Reflection(prompt) => Some(prompt),
            _ => None,
        })
    }

    /// Whether learners must be told the module is not yet clinically reviewed.
    pub fn awaits_clinical_review(&self) -> bool {
        self.clinical_review.pending(self.clinical_review_declared)
    }

    /// The facts at the top of the module's page, in words, as the app and
    /// the prerendered page (`domain::prerender`) both show them.
    pub fn facts(&self) -> [(&'static str, String); 4] {
        use crate::domain::framework;
        let stages: Vec<&str> =
            self.stages.iter().filter_map(|id| framework::find(framework::STAGES, id).map(|term| term.label)).collect();
        let professions = if self.professions.is_empty() {
            "All professions".to_owned()
        } else {
            let labels = self.professions.iter().filter_map(|id| framework::find(framework::PROFESSIONS, id));
            labels.map(|term| term.label).collect::<Vec<_>>().join(", ")
        };
        let competences: Vec<String> = self
            .competences
            .iter()
            .filter_map(|c| framework::find_domain(&c.domain).map(|d| format!("{} (level {})", d.label, c.level)))
            .collect();
        [
            ("Time", format!("{} minutes of CPD", self.minutes)),
            ("For", stages.join(", ")),
            ("Professions", professions),
            ("Competences", competences.join("; ")),
        ]
    }

    /// Whether the module is written for `profession` (an id).
    pub fn serves_profession(&self, profession: &str) -> bool {
        let group = crate::domain::framework::profession_group(profession);
        self.professions.is_empty() || self.professions.iter().any(|p| p == profession || Some(p.as_str()) == group)
    }
}

/// A module page's own words, which the app (`web::module_view`) and
/// `domain::prerender` both draw.
pub mod page_words {
    pub const AWAITS_CLINICAL_REVIEW: &str = "Not yet clinically reviewed";
    pub const OUTCOMES_HEADING: &str = "By the end you will be able to";
    pub const CHECK_ANSWER: &str = "Check my answer";
    pub const SAVE_REFLECTION: &str = "Save my answer";
}

/// A value with the 1-based line of the file it was written on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Located<T> {
    pub value: T,
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in a module file, phrased so an educator can fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    /// 1-based line in the file.
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}:{}: {}: {}", self.path, self.line, severity, self.message)
    }
}

/// Collects diagnostics for one file, turning byte offsets into lines.
pub(crate) struct Report<'a> {
    path: &'a str,
    /// Where each `\n` of the file is, so finding a line is a binary
    /// search: counting from the start for every diagnostic made `/author`
    /// quadratic in a long draft with many warnings.
    newlines: Vec<usize>,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl<'a> Report<'a> {
    fn new(path: &'a str, source: &'a str) -> Self {
        let newlines = source.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(at, _)| at).collect();
        Report { path, newlines, diagnostics: Vec::new() }
    }

    /// The 1-based line holding byte `offset` of the whole file.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.newlines.partition_point(|&newline| newline < offset) + 1
    }

    pub(crate) fn error(&mut self, line: usize, message: impl Into<String>) {
        self.push(line, Severity::Error, message.into());
    }

    pub(crate) fn warning(&mut self, line: usize, message: impl Into<String>) {
        self.push(line, Severity::Warning, message.into());
    }

    fn push(&mut self, line: usize, severity: Severity, message: String) {
        self.diagnostics.push(Diagnostic { path: self.path.to_owned(), line, severity, message });
    }
}

/// Parses one module file. `path` is only used in messages.
///
/// Returns the module when its front matter is complete enough to show,
/// with every problem found; any error-severity diagnostic means the
/// module must not be published.
pub fn parse_module(path: &str, source: &str) -> (Option<Module>, Vec<Diagnostic>) {
    let mut report = Report::new(path, source);
    let Some(split) = front_matter::split(source, &mut report) else {
        return (None, report.diagnostics);
    };
    let header = front_matter::parse(source, &split, &mut report);
    let parsed_body = body::parse(source, split.body_start, &mut report);
    let (check_lines, words) = (parsed_body.check_lines.clone(), parsed_body.words);
    let module = header.map(|header| header.into_module(path, parsed_body));
    if let Some(module) = &module {
        quality::lint(module, source, &check_lines, words, &mut report);
    }
    (module, report.diagnostics)
}

/// The whole line of `text` holding byte `offset`.
pub(crate) fn line_at(text: &str, offset: usize) -> &str {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |at| offset + at);
    &text[start..end]
}

/// Where 1-based `line` of `text` starts, counted in UTF-16 code units as
/// a browser's text selection counts, so `/author` can put the caret on
/// the line a message names. A line past the end gives the end.
pub fn line_start_utf16(text: &str, line: usize) -> u32 {
    let before: usize = text.split('\n').take(line.saturating_sub(1)).map(|l| l.encode_utf16().count() + 1).sum();
    let whole = text.encode_utf16().count();
    u32::try_from(before.min(whole)).unwrap_or(u32::MAX)
}

/// Rephrases a TOML or serde message about `what` ("the front matter",
/// "the knowledge check") in an educator's words rather than Rust's.
/// `line` is the line the parser stopped on: the common slips (`yes` for
/// `true`, a date written day first, text without quotes, a missing closing
/// quote) all give the parser's one "must be quoted" message, so the line
/// itself tells them apart.
pub(crate) fn describe_toml_error(message: &str, what: &str, line: &str) -> String {
    let message = message.trim();
    if let Some(friendly) = describe_toml_slip(message, line) {
        return format!("{what} is not valid: {friendly}");
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once("`, ").unwrap_or((rest.trim_end_matches('`'), ""));
        return format!("unknown field `{field}` in {what}: check its spelling; {expected}");
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        return format!("{what} is missing `{}`", rest.trim_end_matches('`'));
    }
    let plain = message
        .replace("expected u32", "expected a whole number")
        .replace("expected u8", "expected a whole number")
        .replace("expected a TOML datetime", "expected a date such as 2026-10-01, without quotes")
        .replace("expected a sequence", "expected a list in [square brackets]")
        .replace("expected a boolean", "expected true or false, without quotes");
    format!("{what} is not valid: {plain}")
}

/// What an educator wrote wrong on `line`, when the parser's `message`
/// is one of its two complaints about a value's quoting.
fn describe_toml_slip(message: &str, line: &str) -> Option<String> {
    let (key, value) = line.split_once('=')?;
    let (key, value) = (key.trim(), value.trim());
    if message.starts_with("invalid basic string") || message.starts_with("invalid literal string") {
        return Some(format!(
            "the text of `{key}` has no closing quote: end it with \" on the same line (for text over several lines, use \"\"\" at both ends)"
        ));
    }
    if !message.starts_with("string values must be quoted") {
        return None;
    }
    let word = value.split('#').next().unwrap_or_default().trim();
    if ["yes", "no", "y", "n", "on", "off", "true", "false"].contains(&word.to_lowercase().as_str()) {
        return Some(format!("`{key} = {word}`: write true or false, in lowercase and without quotes"));
    }
    if let Some(date) = day_first_date(word) {
        return Some(format!("`{key} = {word}`: write dates as {date} (year-month-day), without quotes"));
    }
    Some(format!("`{key} = {word}`: put text in double quotes, as `{key} = \"{word}\"`"))
}

/// A day-first date such as `01/11/2026` or `1.11.2026`, rewritten as
/// `2026-11-01`: UK educators write the day first.
fn day_first_date(word: &str) -> Option<String> {
    let parts: Vec<&str> = word.split(['/', '.', '-']).collect();
    let [day, month, year] = parts[..] else { return None };
    let number = |part: &str, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse::<u32>().ok())?
    };
    let (day, month, year) = (number(day, 1..=2)?, number(month, 1..=2)?, number(year, 4..=4)?);
    ((1..=31).contains(&day) && (1..=12).contains(&month)).then(|| format!("{year}-{month:02}-{day:02}"))
}

/// Whether `id` is a slug: lowercase letters and digits in words joined
/// by single hyphens. Ids end up in URLs and in learners' saved records.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

#[cfg(test)]
mod tests;

/// Module files for other parts of the core to test against.
#[cfg(test)]
pub(crate) mod test_support {
    /// A valid module file: `overrides` replace default front-matter
    /// values or add fields (`completion` as an inline table), and
    /// `body` follows the front matter.
    pub fn module_source(id: &str, overrides: &[(&str, &str)], body: &str) -> String {
        let title = format!("\"Title of {id}\"");
        let defaults = [
            ("title", title.as_str()),
            ("summary", "\"S\""),
            ("kind", "\"module\""),
            ("stages", r#"["registrant"]"#),
            ("professions", r#"["all"]"#),
            ("competences", r#"[{ domain = "human-factors", level = 1 }]"#),
            ("minutes", "10"),
            ("outcomes", r#"["O"]"#),
            ("version", "\"1\""),
            ("reviewed", "2026-01-01"),
            ("review_due", "2027-01-01"),
            ("authors", r#"["A"]"#),
            ("sources", r#"["S"]"#),
        ];
        let mut front_matter = format!("id = \"{id}\"\n");
        for (key, default) in defaults {
            let value = overrides.iter().find(|(field, _)| *field == key).map_or(default, |(_, value)| value);
            front_matter.push_str(&format!("{key} = {value}\n"));
        }
        for (key, value) in overrides.iter().filter(|(field, _)| defaults.iter().all(|(known, _)| known != field)) {
            front_matter.push_str(&format!("{key} = {value}\n"));
        }
        format!("+++\n{front_matter}+++\n{body}")
    }
}
