//! SCORM 1.2: what a Praxis module tells an LMS, and the package the LMS
//! is given. Everything here is pure: the web app's `web::scorm` only
//! carries these values to and from the LMS's `API` object, and
//! `praxis-cli package scorm` only writes them into a zip.
//!
//! - [`report`]: the module's [`Standing`](progress::Standing) under the
//!   domain's own completion rule, as `cmi.core.lesson_status` and
//!   `cmi.core.score.raw`. NHS Learning Hub's runtime does not apply a
//!   mastery score, so the status is always set explicitly.
//! - [`suspend_data`] / [`read_suspend_data`]: the learner's answers in
//!   at most [`SUSPEND_DATA_LIMIT`] characters, so reopening resumes.
//! - [`manifest`] and [`launch_page`]: `imsmanifest.xml`, one SCO per
//!   module, and the page the LMS opens for each.

use sha2::{Digest, Sha256};

use crate::domain::change::Change;
use crate::domain::module::Module;
use crate::domain::progress::{self, Status};
use crate::domain::record::LearnerRecord;
use crate::domain::words;

/// `cmi.suspend_data` is a CMIString4096 in SCORM 1.2.
pub const SUSPEND_DATA_LIMIT: usize = 4096;

/// The `<meta>` a launch page carries to put the app in SCORM mode for one module.
pub const LAUNCH_META_NAME: &str = "praxis-scorm-module";

/// `cmi.core.lesson_status` values Praxis sets. It never sets "failed":
/// a learner below the pass mark can answer again, so the module is still
/// in progress ("incomplete"), as it is in Praxis itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonStatus {
    Passed,
    Completed,
    Incomplete,
}

impl LessonStatus {
    pub fn cmi(self) -> &'static str {
        match self {
            LessonStatus::Passed => "passed",
            LessonStatus::Completed => "completed",
            LessonStatus::Incomplete => "incomplete",
        }
    }
}

/// What the LMS is told about a module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub lesson_status: LessonStatus,
    /// `cmi.core.score.raw` on a 0–100 scale (min 0, max 100); `None` until
    /// a knowledge check is answered, and for a module without any.
    pub score: Option<u8>,
}

/// The module's standing under the completion rule of `domain::progress`,
/// as the LMS reads it: met (or already recorded as completed) is
/// "passed" when the module has knowledge checks and "completed" when it
/// has none; anything less is "incomplete". The score is the one the
/// completion was recorded with, or else the latest answers'; before any
/// answer there is none, rather than a 0 the learner did not earn.
pub fn report(module: &Module, record: &LearnerRecord) -> Report {
    let standing = progress::standing(module, record);
    let done = standing.status == Status::Completed || standing.meets_completion_rule();
    let lesson_status = match (done, standing.checks) {
        (false, _) => LessonStatus::Incomplete,
        (true, 0) => LessonStatus::Completed,
        (true, _) => LessonStatus::Passed,
    };
    let recorded = record.completion(&module.id).and_then(|c| c.score);
    let latest = standing.latest_score.filter(|_| standing.checks_answered > 0);
    Report { lesson_status, score: recorded.or(latest) }
}

/// `cmi.core.session_time`: a CMITimeSpan, `HHHH:MM:SS.SS`, capped at
/// the largest value the format holds.
pub fn session_time(millis: u64) -> String {
    let centis = (millis / 10).min(9999 * 360_000 + 359_999);
    let (hours, rest) = (centis / 360_000, centis % 360_000);
    let (minutes, rest) = (rest / 6000, rest % 6000);
    format!("{hours:04}:{minutes:02}:{:02}.{:02}", rest / 100, rest % 100)
}

// suspend_data: `1~FINGERPRINT~CHECKS~REFLECTION~REFLECTION…`
//
// - `1` is the format's version.
// - FINGERPRINT: six hex digits of SHA-256 over the module's check ids,
//   option texts and prompt ids, so answers saved for a different version of
//   the module are never shown against the wrong options.
// - CHECKS: for each knowledge check in module order, the chosen options as
//   a bit set in base64url digits (six options a digit; the width is known
//   from the module, so no separator is needed); dots for an unanswered check.
// - One field per reflection prompt, in module order: the text with every
//   character but ASCII letters, digits, space and `.,;:!?'()-_/`
//   percent-encoded as UTF-8 (so `~` never appears inside, and LMSs that
//   mishandle quotes, markup or line breaks get none); empty when
//   unanswered; a leading `*` when the text was cut short to fit.

const FORMAT_VERSION: &str = "1";
const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const UNANSWERED: char = '.';
const SEPARATOR: char = '~';
const CUT_SHORT: char = '*';
const KEPT_PUNCTUATION: &str = " .,;:!?'()-_/";

/// The learner's progress as written to `cmi.suspend_data`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suspended {
    pub text: String,
    /// Prompt ids whose answers were cut short to fit the limit.
    pub cut_short: Vec<String>,
}

/// Progress read back from `cmi.suspend_data`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Resume {
    /// (check id, options chosen) for each answered check.
    pub answers: Vec<(String, Vec<usize>)>,
    /// (prompt id, text) for each answered reflection prompt.
    pub reflections: Vec<(String, String)>,
    /// Prompt ids whose text the LMS holds only the beginning of.
    pub cut_short: Vec<String>,
}

/// Why saved progress could not be used; the learner starts afresh.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuspendError {
    /// Not something Praxis wrote, or damaged.
    Unreadable,
    /// Written for a version of the module with other checks or options.
    OtherModuleVersion,
}

impl std::fmt::Display for SuspendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SuspendError::Unreadable => {
                "The progress your LMS kept for this module could not be read, so you are starting it afresh here."
            }
            SuspendError::OtherModuleVersion => {
                "The progress your LMS kept is from a different version of this module, whose questions have changed, so you are starting it afresh here."
            }
        })
    }
}

fn fingerprint(module: &Module) -> String {
    let mut hash = Sha256::new();
    for check in module.knowledge_checks() {
        hash.update(format!("check {}\n", check.id));
        for option in &check.options {
            hash.update(format!("option {}\n", option.text));
        }
    }
    for prompt in module.reflection_prompts() {
        hash.update(format!("prompt {}\n", prompt.id));
    }
    crate::domain::digest::hex(&hash.finalize()[..3])
}

fn check_width(options: usize) -> usize {
    options.div_ceil(6).max(1)
}

/// The characters suspend_data always takes, whatever the answers: the
/// version, the fingerprint, every check's digits, and the separators.
fn head_length(module: &Module) -> usize {
    let checks: usize = module.knowledge_checks().map(|check| check_width(check.options.len())).sum();
    FORMAT_VERSION.len() + 1 + 6 + 1 + checks + module.reflection_prompts().count()
}

fn escaped(c: char) -> String {
    if c.is_ascii_alphanumeric() || KEPT_PUNCTUATION.contains(c) {
        return c.to_string();
    }
    let mut bytes = [0; 4];
    c.encode_utf8(&mut bytes).bytes().map(|b| format!("%{b:02X}")).collect()
}

/// The escaped text, and whether it had to be cut to fit `room` characters.
fn escape_within(text: &str, room: usize) -> (String, bool) {
    let mut out = String::new();
    for c in text.chars() {
        let piece = escaped(c);
        if out.len() + piece.len() > room {
            return (out, true);
        }
        out.push_str(&piece);
    }
    (out, false)
}

fn unescape(field: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(field.len());
    let mut rest = field.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        if b == b'%' {
            let hex = std::str::from_utf8(tail.get(..2)?).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            rest = &tail[2..];
        } else if b.is_ascii_alphanumeric() || KEPT_PUNCTUATION.as_bytes().contains(&b) {
            bytes.push(b);
            rest = tail;
        } else {
            return None;
        }
    }
    String::from_utf8(bytes).ok()
}

/// The learner's latest answers on `module` in at most
/// [`SUSPEND_DATA_LIMIT`] characters. Check answers always fit (they
/// decide the score; a digit each); reflections share what is left,
/// shortest first, each up to an equal share of the room remaining, so
/// one long answer cannot crowd out the others. What does not fit is cut
/// and listed in `cut_short`, for the learner to be told.
pub fn suspend_data(module: &Module, record: &LearnerRecord) -> Suspended {
    let progress = record.progress(&module.id);
    let mut checks = String::new();
    for check in module.knowledge_checks() {
        let width = check_width(check.options.len());
        match progress.and_then(|p| p.latest_attempt(&check.id)) {
            Some(attempt) => {
                let bits: u128 = attempt.chosen.iter().filter(|&&i| i < 128).fold(0, |bits, &i| bits | 1 << i);
                checks.extend((0..width).map(|digit| BASE64URL[((bits >> (6 * digit)) & 63) as usize] as char));
            }
            None => checks.extend(std::iter::repeat_n(UNANSWERED, width)),
        }
    }
    let prompts: Vec<(&str, &str)> = module
        .reflection_prompts()
        .map(|prompt| {
            let text = progress.and_then(|p| p.reflections.get(&prompt.id)).map_or("", |a| a.text.as_str());
            (prompt.id.as_str(), text)
        })
        .collect();
    let head = format!("{FORMAT_VERSION}{SEPARATOR}{}{SEPARATOR}{checks}", fingerprint(module));
    debug_assert_eq!(head.len() + prompts.len(), head_length(module));
    let mut room = SUSPEND_DATA_LIMIT.saturating_sub(head_length(module));
    let full: Vec<String> = prompts.iter().map(|(_, text)| escape_within(text, usize::MAX).0).collect();
    let mut by_length: Vec<usize> = (0..prompts.len()).collect();
    by_length.sort_by_key(|&i| full[i].len());
    let mut fields = vec![String::new(); prompts.len()];
    let mut cut_short = Vec::new();
    for (placed, &i) in by_length.iter().enumerate() {
        let share = room / (prompts.len() - placed);
        if full[i].len() <= share {
            fields[i] = full[i].clone();
        } else if share == 0 {
            // No room even for the mark: the answer is left out, and the learner told.
            cut_short.push(prompts[i].0.to_owned());
        } else {
            let (kept, _) = escape_within(prompts[i].1, share.saturating_sub(1));
            fields[i] = format!("{CUT_SHORT}{kept}");
            cut_short.push(prompts[i].0.to_owned());
        }
        room -= fields[i].len();
    }
    let text = std::iter::once(head).chain(fields).collect::<Vec<_>>().join(&SEPARATOR.to_string());
    // Module order, not the order they were cut in.
    cut_short.sort_by_key(|id| prompts.iter().position(|(p, _)| p == id));
    Suspended { text, cut_short }
}

/// Reads what [`suspend_data`] wrote. An empty value (a first visit) is
/// `Ok(None)`.
pub fn read_suspend_data(module: &Module, text: &str) -> Result<Option<Resume>, SuspendError> {
    if text.is_empty() {
        return Ok(None);
    }
    let mut fields = text.split(SEPARATOR);
    let (Some(FORMAT_VERSION), Some(print), Some(checks)) = (fields.next(), fields.next(), fields.next()) else {
        return Err(SuspendError::Unreadable);
    };
    if print != fingerprint(module) {
        return Err(SuspendError::OtherModuleVersion);
    }
    let mut resume = Resume::default();
    let mut digits = checks.chars();
    for check in module.knowledge_checks() {
        let field: String = digits.by_ref().take(check_width(check.options.len())).collect();
        if field.chars().all(|c| c == UNANSWERED) && !field.is_empty() {
            continue;
        }
        let mut bits: u128 = 0;
        for (digit, c) in field.bytes().enumerate() {
            let value = BASE64URL.iter().position(|&b| b == c).ok_or(SuspendError::Unreadable)?;
            bits |= (value as u128) << (6 * digit);
        }
        let chosen: Vec<usize> = (0..check.options.len()).filter(|&i| bits & (1 << i) != 0).collect();
        if chosen.is_empty() || bits >> check.options.len() != 0 {
            return Err(SuspendError::Unreadable);
        }
        resume.answers.push((check.id.clone(), chosen));
    }
    if digits.next().is_some() {
        return Err(SuspendError::Unreadable);
    }
    let fields: Vec<&str> = fields.collect();
    let prompts: Vec<_> = module.reflection_prompts().collect();
    if fields.len() != prompts.len() {
        return Err(SuspendError::Unreadable);
    }
    for (prompt, field) in prompts.into_iter().zip(fields) {
        let (cut, field) = match field.strip_prefix(CUT_SHORT) {
            Some(rest) => (true, rest),
            None => (false, field),
        };
        let text = unescape(field).ok_or(SuspendError::Unreadable)?;
        if cut {
            resume.cut_short.push(prompt.id.clone());
        }
        if !text.is_empty() {
            resume.reflections.push((prompt.id.clone(), text));
        }
    }
    Ok(Some(resume))
}

/// The changes that bring the learner's record up to what the LMS kept:
/// an answer only where the record's latest differs, so reopening the
/// package where the record already has them adds nothing. A reflection
/// the LMS holds cut short is not applied over a record that already has
/// the whole text.
pub fn changes_to_resume(module: &Module, record: &LearnerRecord, resume: &Resume) -> Vec<Change> {
    let progress = record.progress(&module.id);
    let answers = resume.answers.iter().filter_map(|(check_id, chosen)| {
        let latest = progress.and_then(|p| p.latest_attempt(check_id)).map(|a| {
            let mut kept = a.chosen.clone();
            kept.sort_unstable();
            kept
        });
        (latest.as_ref() != Some(chosen)).then(|| Change::AnswerCheck {
            module_id: module.id.clone(),
            check_id: check_id.clone(),
            chosen: chosen.clone(),
        })
    });
    let reflections = resume.reflections.iter().filter_map(|(prompt_id, text)| {
        let kept = progress.and_then(|p| p.reflections.get(prompt_id)).map(|a| a.text.as_str());
        let already = match kept {
            Some(kept) if resume.cut_short.contains(prompt_id) => kept.starts_with(text.as_str()),
            Some(kept) => kept == text,
            None => false,
        };
        (!already).then(|| Change::SaveReflection {
            module_id: module.id.clone(),
            prompt_id: prompt_id.clone(),
            text: text.clone(),
        })
    });
    answers.chain(reflections).collect()
}

/// What the learner is told when the LMS holds only part of their answers.
pub fn cut_short_notice(count: usize) -> String {
    format!(
        "Your LMS keeps at most {} characters of progress for a module, so it holds only the beginning of your {} \
         to {}. Your answers to the knowledge checks are all kept. If you reopen this module from the LMS on \
         another device or browser, you will see the shortened text.",
        words::thousands(SUSPEND_DATA_LIMIT),
        if count == 1 { "answer" } else { "answers" },
        words::count(count, "reflection prompt", "reflection prompts")
    )
}

/// Why a package cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageError {
    NoModules,
    RepeatedModule(String),
    /// So many checks that their answers alone would not fit in suspend_data.
    TooManyChecks(String),
    /// An `imsmanifest.xml` title holds at most 200 characters.
    TitleTooLong(String),
    NoBootScript,
    /// The app was built for a fixed path, which inside an LMS points elsewhere.
    AbsoluteBase(String),
}

impl std::fmt::Display for PackageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackageError::NoModules => write!(f, "a package needs at least one module (--module ID)"),
            PackageError::RepeatedModule(id) => write!(f, "module \"{id}\" is named twice"),
            PackageError::TooManyChecks(id) => write!(
                f,
                "module \"{id}\" has too many knowledge checks for an LMS to keep the answers in its \
                 {}-character suspend_data; split it into smaller modules",
                words::thousands(SUSPEND_DATA_LIMIT)
            ),
            PackageError::TitleTooLong(title) => {
                write!(f, "the title \"{title}\" is longer than the 200 characters imsmanifest.xml allows")
            }
            PackageError::NoBootScript => {
                write!(f, "the build's index.html has no praxis-boot script: is --dist a Praxis release build?")
            }
            PackageError::AbsoluteBase(path) => write!(
                f,
                "the build loads the app from \"{path}\", a fixed path that means something else inside an LMS; \
                 build it for a relative path: trunk build --release --public-url ./ --dist DIR"
            ),
        }
    }
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

/// The page the LMS opens for a module's SCO, at the package's root.
pub fn launch_file(module_id: &str) -> String {
    format!("{module_id}.html")
}

/// `imsmanifest.xml` for SCORM 1.2 (IMS Content Packaging 1.1.2 with
/// ADL's `adlcp` extensions): one organisation whose items are the
/// modules, one SCO resource per module (its launch page), and one asset
/// resource with the app's files, on which every SCO depends. No
/// `adlcp:masteryscore`: an LMS that applies it would override the
/// status Praxis sets from its own rule (reflections count too).
pub fn manifest(title: &str, modules: &[&Module], app_files: &[String]) -> Result<String, PackageError> {
    if modules.is_empty() {
        return Err(PackageError::NoModules);
    }
    for (i, module) in modules.iter().enumerate() {
        if modules[..i].iter().any(|earlier| earlier.id == module.id) {
            return Err(PackageError::RepeatedModule(module.id.clone()));
        }
        if head_length(module) > SUSPEND_DATA_LIMIT {
            return Err(PackageError::TooManyChecks(module.id.clone()));
        }
    }
    for title in std::iter::once(title).chain(modules.iter().map(|m| m.title.as_str())) {
        if title.chars().count() > 200 {
            return Err(PackageError::TitleTooLong(title.to_owned()));
        }
    }
    let ids: Vec<&str> = modules.iter().map(|m| m.id.as_str()).collect();
    let package_id = format!("praxis-{}", &crate::domain::digest::sha256_hex(ids.join(" ").as_bytes())[..12]);
    let mut xml = String::new();
    xml.push_str(&format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{package_id}" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="praxis-course">
    <organization identifier="praxis-course">
      <title>{}</title>
"#,
        xml_escape(title)
    ));
    for module in modules {
        xml.push_str(&format!(
            "      <item identifier=\"item-{id}\" identifierref=\"sco-{id}\" isvisible=\"true\">\n        <title>{}</title>\n      </item>\n",
            xml_escape(&module.title),
            id = module.id
        ));
    }
    xml.push_str("    </organization>\n  </organizations>\n  <resources>\n");
    for module in modules {
        let launch = xml_escape(&launch_file(&module.id));
        xml.push_str(&format!(
            "    <resource identifier=\"sco-{id}\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"{launch}\">\n      <file href=\"{launch}\"/>\n      <dependency identifierref=\"praxis-app\"/>\n    </resource>\n",
            id = module.id
        ));
    }
    xml.push_str("    <resource identifier=\"praxis-app\" type=\"webcontent\" adlcp:scormtype=\"asset\">\n");
    for file in app_files {
        xml.push_str(&format!("      <file href=\"{}\"/>\n", xml_escape(file)));
    }
    xml.push_str("    </resource>\n  </resources>\n</manifest>\n");
    Ok(xml)
}

/// A module's launch page, made from the relative-path build's
/// `index.html`: the same page, marked with the module to open in SCORM
/// mode (`web::scorm` reads the `<meta>`), and without the service worker,
/// which has no place inside an LMS's pages.
pub fn launch_page(index_html: &str, module_id: &str) -> Result<String, PackageError> {
    let boot = index_html.find("id=\"praxis-boot\"").ok_or(PackageError::NoBootScript)?;
    let tag_end = boot + index_html[boot..].find('>').ok_or(PackageError::NoBootScript)?;
    let tag = &index_html[boot..tag_end];
    let js =
        tag.split("data-js=\"").nth(1).and_then(|rest| rest.split('"').next()).ok_or(PackageError::NoBootScript)?;
    if js.starts_with('/') || js.contains("://") {
        return Err(PackageError::AbsoluteBase(js.to_owned()));
    }
    let without_worker = match tag.split_once(" data-sw=\"") {
        Some((before, after)) => {
            let rest = after.split_once('"').map_or("", |(_, rest)| rest);
            index_html.replacen(tag, &format!("{before}{rest}"), 1)
        }
        None => index_html.to_owned(),
    };
    let meta = format!("<meta name=\"{LAUNCH_META_NAME}\" content=\"{}\">\n", xml_escape(module_id));
    let head_end = without_worker.find("</head>").ok_or(PackageError::NoBootScript)?;
    let mut page = without_worker;
    page.insert_str(head_end, &meta);
    Ok(page)
}

#[cfg(test)]
mod tests;
