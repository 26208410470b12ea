//! The Markdown body of a module: prose, plus the fenced blocks authors
//! write by hand for knowledge checks, reflection prompts and callouts.
//!
//! A fenced block whose info string is `check`, `reflection`, `key-point`
//! or `warning` is taken out of the Markdown; the prose between such
//! blocks is rendered to safe HTML (see `render`). A block with no info
//! string or one of [`CODE_LANGUAGES`] stays an ordinary code block; any
//! other info string is an error, because a misspelt ```` ```chek ````
//! would otherwise show as code and the module would silently lose a check.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

use super::render::{self, RenderNote};
use super::{is_slug, Located, Report};

/// One piece of a module page, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// Rendered, sanitised HTML.
    Prose(String),
    Check(KnowledgeCheck),
    Reflection(ReflectionPrompt),
    Callout {
        kind: CalloutKind,
        html: String,
    },
    /// A check or reflection that could not be read, kept in its place so
    /// the `/author` preview shows where it went. A module holding one has
    /// an error, so it never reaches learners.
    Broken(BrokenBlock),
}

/// What stands in for a block with an error: its kind, line and the
/// checker's first message about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrokenBlock {
    /// The block's name as written: `check`, `reflection`, `key-point` or `warning`.
    pub name: String,
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CalloutKind {
    KeyPoint,
    Warning,
}

impl CalloutKind {
    pub fn label(self) -> &'static str {
        match self {
            CalloutKind::KeyPoint => "Key point",
            CalloutKind::Warning => "Warning",
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            CalloutKind::KeyPoint => "callout callout--key-point",
            CalloutKind::Warning => "callout callout--warning",
        }
    }
}

/// One question with options, each with its own feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnowledgeCheck {
    pub id: String,
    pub question: String,
    #[serde(rename = "option", default)]
    pub options: Vec<CheckOption>,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckOption {
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    pub feedback: String,
}

impl KnowledgeCheck {
    /// Whether more than one option is correct (checkboxes, not radios).
    pub fn is_multiple_answer(&self) -> bool {
        self.options.iter().filter(|option| option.correct).count() > 1
    }

    /// What the learner is told to do under the question.
    pub fn hint(&self) -> &'static str {
        if self.is_multiple_answer() {
            "Choose all that apply."
        } else {
            "Choose one answer."
        }
    }

    /// Whether choosing exactly the options at `chosen` (indices) answers
    /// the question correctly: every correct option and no other.
    pub fn is_answered_by(&self, chosen: &[usize]) -> bool {
        self.options.iter().enumerate().all(|(index, option)| option.correct == chosen.contains(&index))
    }
}

/// A question the learner answers in their own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReflectionPrompt {
    pub id: String,
    pub prompt: String,
    /// Optional guidance shown under the prompt.
    #[serde(default)]
    pub hint: Option<String>,
}

pub(super) struct ParsedBody {
    pub(super) blocks: Vec<Block>,
    pub(super) internal_links: Vec<Located<String>>,
    pub(super) images: Vec<Located<String>>,
    pub(super) sections: Vec<String>,
    /// The line of each knowledge check in `blocks`, in order.
    pub(super) check_lines: Vec<usize>,
    /// Words of prose and callouts, for the minutes estimate.
    pub(super) words: usize,
}

/// A custom fenced block found in the body (byte offsets into the body).
struct Fence {
    info: String,
    /// The whole block, fences included.
    range: std::ops::Range<usize>,
    /// Where its content starts.
    content_start: usize,
    content: String,
    top_level: bool,
}

/// A fenced block whose info string is neither a block name nor a code language.
struct UnknownFence {
    name: String,
    /// Where the opening fence is (byte offset into the body).
    start: usize,
}

const BLOCK_NAMES: [&str; 4] = ["check", "reflection", "key-point", "warning"];

/// The info strings that mark an ordinary code block: the formats a
/// module about Praxis or AI tools might show. The list is short on
/// purpose, so that a misspelt block name is never taken for a language
/// (modules/README.md, "The body", says the same).
const CODE_LANGUAGES: [&str; 4] = ["text", "toml", "json", "markdown"];

pub(super) fn parse(source: &str, body_start: usize, report: &mut Report) -> ParsedBody {
    let body = &source[body_start..];
    let mut parsed = ParsedBody {
        blocks: Vec::new(),
        internal_links: Vec::new(),
        images: Vec::new(),
        sections: Vec::new(),
        check_lines: Vec::new(),
        words: 0,
    };
    let mut prose_start = 0;
    let mut ids: Vec<String> = Vec::new();
    let (fences, unknown, sections) = find_fences(body);
    parsed.sections = sections;
    for fence in unknown {
        report.error(report.line_of(body_start + fence.start), unknown_block_message(&fence.name));
    }
    for fence in fences {
        let fence_line = report.line_of(body_start + fence.range.start);
        if !fence.top_level {
            report.error(
                fence_line,
                format!("a `{}` block must stand on its own, not inside a list or quote: un-indent it", fence.info),
            );
            continue;
        }
        push_prose(&mut parsed, &body[prose_start..fence.range.start], body_start + prose_start, report);
        prose_start = fence.range.end;
        let content_offset = body_start + fence.content_start;
        let errors_before = report.diagnostics.len();
        let broken = |report: &Report| {
            let message = report.diagnostics[errors_before..].iter().find(|d| d.is_error()).map(|d| d.message.clone());
            message.map(|message| Block::Broken(BrokenBlock { name: fence.info.clone(), line: fence_line, message }))
        };
        if let Some(message) = unclosed_message(&fence, body, body_start, report) {
            report.error(fence_line, message);
            parsed.blocks.extend(broken(report));
            continue;
        }
        let block = match fence.info.as_str() {
            "check" => parse_toml::<KnowledgeCheck>(&fence.content, content_offset, "knowledge check", report)
                .and_then(|check| validate_check(check, fence_line, report))
                .map(Block::Check),
            "reflection" => parse_toml::<ReflectionPrompt>(&fence.content, content_offset, "reflection prompt", report)
                .and_then(|prompt| validate_reflection(prompt, fence_line, report))
                .map(Block::Reflection),
            callout => {
                let kind = if callout == "warning" { CalloutKind::Warning } else { CalloutKind::KeyPoint };
                let html = render_prose(&fence.content, content_offset, &mut parsed, report);
                Some(Block::Callout { kind, html })
            }
        };
        if let Some(block) = block {
            if let Some(id) = block_id(&block) {
                if ids.iter().any(|seen| seen == id) {
                    report.error(fence_line, format!("the id `{id}` is used by another block in this module: give each check and reflection its own id"));
                } else {
                    ids.push(id.to_owned());
                }
            }
            if matches!(block, Block::Check(_)) {
                parsed.check_lines.push(fence_line);
            }
            parsed.blocks.push(block);
        } else {
            parsed.blocks.extend(broken(report));
        }
    }
    push_prose(&mut parsed, &body[prose_start..], body_start + prose_start, report);
    parsed
}

fn block_id(block: &Block) -> Option<&str> {
    match block {
        Block::Check(check) => Some(&check.id),
        Block::Reflection(prompt) => Some(&prompt.id),
        _ => None,
    }
}

/// What to say about a fenced block named `name` that is neither a block
/// nor a code language: the nearest block name when it looks misspelt.
fn unknown_block_message(name: &str) -> String {
    let lower = name.to_lowercase();
    let nearest = BLOCK_NAMES
        .iter()
        .chain(&CODE_LANGUAGES)
        .map(|known| (edit_distance(&lower, known), *known))
        .min()
        .filter(|&(distance, known)| distance <= 2 || (lower.len() >= 3 && known.starts_with(&lower)));
    let choices = "a block is `check`, `reflection`, `key-point` or `warning`, and code is marked `text`, `toml`, `json`, `markdown` or nothing";
    match nearest {
        Some((_, known)) => format!("unknown block type `{name}`: did you mean `{known}`?"),
        None => format!("unknown block type `{name}`: {choices}"),
    }
}

/// Levenshtein distance: the fewest one-character edits from `a` to `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

/// Why `fence` was not closed where its author meant, if it was not.
///
/// A block missing its closing ``` runs on to the next bare ``` or to the
/// end of the file, swallowing the prose and blocks after it; the TOML
/// parser would then complain about some line far below. Instead the
/// error is given at the opening line, naming the first line that cannot
/// belong to the block: another fence, a `##` heading, or (in a check or
/// reflection) text that is not TOML.
fn unclosed_message(fence: &Fence, body: &str, body_start: usize, report: &Report) -> Option<String> {
    let whole = &body[fence.range.clone()];
    let closed = whole.trim_end().lines().count() > 1 && whole.trim_end().lines().last().is_some_and(is_bare_fence);
    let toml = matches!(fence.info.as_str(), "check" | "reflection");
    let mut offset = fence.content_start;
    let mut after_blank = false;
    let mut in_string = false;
    let mut stray = None;
    for line in body[fence.content_start..fence.range.end].split_inclusive('\n') {
        let text = line.trim_end();
        if is_bare_fence(text) {
            break;
        }
        // Inside a """ or ''' string, blank lines and prose are the author's text, not a missing fence.
        let opens_or_closes = text.matches("\"\"\"").count() % 2 == 1 || text.matches("'''").count() % 2 == 1;
        let was_in_string = in_string;
        in_string ^= toml && opens_or_closes;
        let starts_elsewhere = text.trim_start().starts_with("```")
            || text.trim_start().starts_with("~~~")
            || text.starts_with("##")
            || toml && after_blank && !looks_like_toml(text);
        if starts_elsewhere && !was_in_string {
            stray = Some((offset, text));
            break;
        }
        after_blank = text.trim().is_empty();
        offset += line.len();
    }
    let name = &fence.info;
    match stray {
        Some((at, text)) => Some(format!(
            "the `{name}` block opened on this line is not closed: add a line with just ``` before line {} (`{text}`)",
            report.line_of(body_start + at)
        )),
        None if !closed => Some(format!(
            "the `{name}` block opened on this line is never closed: add a line with just ``` after its last line"
        )),
        None => None,
    }
}

/// Whether `line` is a fence with no info string, the only kind that closes a block.
fn is_bare_fence(line: &str) -> bool {
    let line = line.trim();
    line.len() >= 3 && (line.bytes().all(|b| b == b'`') || line.bytes().all(|b| b == b'~'))
}

/// Whether a non-blank line could be part of a check or reflection's TOML:
/// a `key = value`, a `[table]`, a comment, or the rest of a list or text.
fn looks_like_toml(line: &str) -> bool {
    let line = line.trim();
    line.is_empty() || line.contains('=') || line.starts_with(['[', ']', '#', '"', '\'', '}'])
}

/// Finds the custom fenced blocks in the body, in order, the fenced
/// blocks with an unknown info string, and the titles of its `##` sections.
fn find_fences(body: &str) -> (Vec<Fence>, Vec<UnknownFence>, Vec<String>) {
    let mut fences = Vec::new();
    let mut unknown = Vec::new();
    let mut sections = Vec::new();
    let mut heading: Option<String> = None;
    let mut depth = 0usize;
    let mut current: Option<Fence> = None;
    for (event, range) in Parser::new_ext(body, render::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, .. }) if depth == 0 => {
                heading = Some(String::new());
                depth += 1;
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) if depth == 1 => {
                sections.extend(heading.take().map(|title| title.trim().to_owned()));
                depth -= 1;
            }
            Event::Text(text) | Event::Code(text) if heading.is_some() => {
                heading.as_mut().expect("checked by the guard").push_str(&text);
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let name = info.split_whitespace().next().unwrap_or_default();
                if BLOCK_NAMES.contains(&name) {
                    current = Some(Fence {
                        info: name.to_owned(),
                        range: range.clone(),
                        content_start: range.end,
                        content: String::new(),
                        top_level: depth == 0,
                    });
                } else if !name.is_empty() && !CODE_LANGUAGES.contains(&name) {
                    unknown.push(UnknownFence { name: name.to_owned(), start: range.start });
                }
                depth += 1;
            }
            Event::Text(text) => {
                if let Some(fence) = current.as_mut() {
                    if fence.content.is_empty() {
                        fence.content_start = range.start;
                    }
                    fence.content.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                depth -= 1;
                fences.extend(current.take());
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
    }
    (fences, unknown, sections)
}

fn push_prose(parsed: &mut ParsedBody, markdown: &str, offset: usize, report: &mut Report) {
    if markdown.trim().is_empty() {
        return;
    }
    let html = render_prose(markdown, offset, parsed, report);
    parsed.blocks.push(Block::Prose(html));
}

/// Renders Markdown and turns what the renderer noticed into diagnostics.
fn render_prose(markdown: &str, offset: usize, parsed: &mut ParsedBody, report: &mut Report) -> String {
    parsed.words += super::quality::count_words(markdown);
    let mut notes = Vec::new();
    let html = render::render(markdown, &mut notes);
    for note in notes {
        match note {
            RenderNote::RawHtml { offset: at } => report.warning(
                report.line_of(offset + at),
                "raw HTML is shown to learners as text, not as markup: write it in Markdown instead",
            ),
            RenderNote::UnsafeLink { offset: at, scheme } => report.error(
                report.line_of(offset + at),
                format!("a `{scheme}:` link is not allowed and has been removed: link to an http(s) or mailto address, or a page in Praxis such as /modules/what-ai-is"),
            ),
            RenderNote::RemoteImage { offset: at } => report.error(
                report.line_of(offset + at),
                "images must be files shipped with Praxis (a path such as /images/scan.png): a remote image would not load offline and would tell another site who is reading",
            ),
            RenderNote::TopLevelHeading { offset: at } => report.error(
                report.line_of(offset + at),
                "a `#` heading in the body would be a second page title: the title comes from `title`, so start sections at `##`",
            ),
            RenderNote::Image { offset: at, path, described } => {
                let line = report.line_of(offset + at);
                if !described {
                    report.error(line, format!("image `{path}` has no alt text: say what it shows between the brackets, as in `![a chest X-ray with the shadow circled]({path})`, for learners who cannot see it"));
                }
                parsed.images.push(Located { value: path, line });
            }
            RenderNote::InternalLink { offset: at, path } => {
                parsed.internal_links.push(Located { value: path, line: report.line_of(offset + at) });
            }
        }
    }
    html
}

fn parse_toml<T: for<'de> Deserialize<'de>>(
    content: &str,
    offset: usize,
    what: &str,
    report: &mut Report,
) -> Option<T> {
    match toml::from_str::<T>(content) {
        Ok(value) => Some(value),
        Err(error) => {
            let at = error.span().map_or(0, |span| span.start);
            let line = report.line_of(offset + at);
            let message =
                super::describe_toml_error(error.message(), &format!("the {what}"), super::line_at(content, at));
            report.error(line, message);
            None
        }
    }
}

fn check_id(id: &str, what: &str, line: usize, report: &mut Report) -> bool {
    if is_slug(id) {
        return true;
    }
    report.error(
        line,
        format!(
            "the {what} id \"{id}\" is not a slug: use lowercase letters, digits and single hyphens, e.g. \"bias-1\""
        ),
    );
    false
}

fn validate_check(check: KnowledgeCheck, line: usize, report: &mut Report) -> Option<KnowledgeCheck> {
    let mut ok = check_id(&check.id, "knowledge check", line, report);
    let id = &check.id;
    if check.question.trim().is_empty() {
        report.error(line, format!("knowledge check `{id}` has an empty `question`"));
        ok = false;
    }
    if check.explanation.trim().is_empty() {
        report.error(
            line,
            format!("knowledge check `{id}` has an empty `explanation`: say why the right answer is right"),
        );
        ok = false;
    }
    if check.options.len() < 2 {
        report.error(
            line,
            format!(
                "knowledge check `{id}` has {} option(s): give at least two `[[option]]` tables",
                check.options.len()
            ),
        );
        ok = false;
    } else if !check.options.iter().any(|option| option.correct) {
        report.error(
            line,
            format!("knowledge check `{id}` has no correct answer: mark at least one option `correct = true`"),
        );
        ok = false;
    }
    for (index, option) in check.options.iter().enumerate() {
        if option.text.trim().is_empty() || option.feedback.trim().is_empty() {
            report.error(
                line,
                format!("option {} of knowledge check `{id}` needs both `text` and `feedback`", index + 1),
            );
            ok = false;
        }
    }
    ok.then_some(check)
}

fn validate_reflection(prompt: ReflectionPrompt, line: usize, report: &mut Report) -> Option<ReflectionPrompt> {
    let mut ok = check_id(&prompt.id, "reflection prompt", line, report);
    if prompt.prompt.trim().is_empty() {
        report.error(line, format!("reflection prompt `{}` has an empty `prompt`", prompt.id));
        ok = false;
    }
    ok.then_some(prompt)
}
