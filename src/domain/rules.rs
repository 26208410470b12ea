//! The rules files under `rules/`: each regulator's cycle and rules (`rules/regulators/<id>.toml`), the reflective
//! account templates (`rules/reflective.toml`) and the capability framework (`rules/framework.toml`). They are data
//! a regulatory reviewer can read and correct without reading Rust; `rules/README.md` documents every field.
//!
//! `build.rs` compiles this very file and runs [`read`] over the files, so a mistake fails the build with a message
//! that names the file, the rule and the field; `praxis-cli check rules` runs it over the files on disk. The build
//! then ships each file as JSON, which the app reads with [`read_shipped`] (`shipped_rules::rules`), so it works
//! offline and carries no TOML parser. The engine that
//! evaluates the rules lives in `revalidation`, `reflective` and `framework`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use time::Month;

use crate::domain::record::EntryType;

/// One regulator's file: its path and text. The order here is the order learners see regulators in.
pub const REGULATOR_FILES: &[(&str, &str)] = &[
    ("rules/regulators/nmc.toml", include_str!("../../rules/regulators/nmc.toml")),
    ("rules/regulators/gmc.toml", include_str!("../../rules/regulators/gmc.toml")),
    ("rules/regulators/hcpc.toml", include_str!("../../rules/regulators/hcpc.toml")),
    ("rules/regulators/gdc.toml", include_str!("../../rules/regulators/gdc.toml")),
    ("rules/regulators/gphc.toml", include_str!("../../rules/regulators/gphc.toml")),
    ("rules/regulators/swe.toml", include_str!("../../rules/regulators/swe.toml")),
    ("rules/regulators/goc.toml", include_str!("../../rules/regulators/goc.toml")),
    ("rules/regulators/gosc.toml", include_str!("../../rules/regulators/gosc.toml")),
    ("rules/regulators/gcc.toml", include_str!("../../rules/regulators/gcc.toml")),
    ("rules/regulators/psni.toml", include_str!("../../rules/regulators/psni.toml")),
    ("rules/regulators/niscc.toml", include_str!("../../rules/regulators/niscc.toml")),
    ("rules/regulators/sssc.toml", include_str!("../../rules/regulators/sssc.toml")),
    ("rules/regulators/scw.toml", include_str!("../../rules/regulators/scw.toml")),
];

/// The reflective account templates.
pub const REFLECTIVE_FILE: (&str, &str) = ("rules/reflective.toml", include_str!("../../rules/reflective.toml"));

/// The capability framework.
pub const FRAMEWORK_FILE: (&str, &str) = ("rules/framework.toml", include_str!("../../rules/framework.toml"));

/// Everything the rules files hold, checked.
#[derive(Debug)]
pub struct Rules {
    pub regulators: Vec<Regulator>,
    pub templates: Vec<Template>,
    pub framework: Framework,
}

/// Reads the rules as `build.rs` ships them: each file as JSON, already
/// checked, in the same order as [`read`] takes them.
pub fn read_shipped(
    regulators: &[(&str, &str)],
    reflective: (&str, &str),
    framework: (&str, &str),
) -> Result<Rules, Vec<String>> {
    read_as::<Json>(regulators, reflective, framework)
}

/// A published page a rule comes from, which the learner can open.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub url: String,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.title, self.url)
    }
}

/// A standard a CPD entry can be tagged with, such as `gdc:A` (a GDC development outcome).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub id: String,
    pub label: String,
}

/// How a regulator's cycle lines up with the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cycle {
    /// This many years ending on the learner's own renewal date (NMC 3, GMC 5, GPhC 1).
    YearsEndingOnRenewal(u8),
    /// Cycle years that start on the same day for everyone (SWE 1 Dec, GCC 1 Sep, PSNI 1 Jun). A cycle is `years`
    /// of them, the last being the cycle year that holds the renewal date.
    FixedYear { start_month: Month, start_day: u8, years: u8 },
}

/// When a regulator wants the application, relative to the renewal (expiry) date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Due {
    /// On the renewal date itself.
    OnRenewal,
    /// By the 1st of the month in which registration expires (NMC: the revalidation application date).
    FirstOfRenewalMonth,
}

/// A registrant group whose hours or cycle differ from the rest of the register (GDC dentists and dental care
/// professionals, NISCC social workers and care workers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub id: String,
    pub name: String,
    /// `None`: the regulator's cycle.
    pub cycle: Option<Cycle>,
}

/// One thing a regulator asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Stable, prefixed with the regulator's id.
    pub id: String,
    /// What is asked, in one learner-facing sentence.
    pub description: String,
    pub requirement: Requirement,
    /// `false` where no published page could confirm the rule: shown, but it never decides readiness.
    pub confirmed: bool,
    /// The role ids the rule applies to; empty for every role.
    pub roles: Vec<String>,
    /// The published page the rule was checked against.
    pub source: Source,
    /// The day the rule was last checked against its source (YYYY-MM-DD).
    pub last_checked: String,
}

/// What a rule asks of the evidence inside the cycle window.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Requirement {
    /// At least `minimum` hours of `kind`; with `participatory`, only the hours spent with others count.
    Hours {
        #[serde(rename = "evidence")]
        kind: EntryType,
        minimum: f32,
        #[serde(default)]
        participatory: bool,
    },
    /// At least `minimum` pieces of `kind`; with `planned_only`, only planned ones count.
    Count {
        #[serde(rename = "evidence")]
        kind: EntryType,
        minimum: u32,
        #[serde(default)]
        planned_only: bool,
    },
    /// Each tag on at least one piece of evidence.
    Coverage { tags: Vec<Tag> },
    /// At least `minimum` different tags out of `tags` (HCPC: at least two types of learning).
    Variety { tags: Vec<Tag>, minimum: u32 },
    /// Every piece of `kind` carries at least one of `tags` (GDC: a development outcome for each activity).
    EachTagged {
        #[serde(rename = "evidence")]
        kind: EntryType,
        tags: Vec<Tag>,
    },
    /// At least `hours` of CPD in every run of `window_years` consecutive cycle years (GDC: 10 h in any 2 years),
    /// including the run that spans the join with the previous cycle when the record reaches back into it.
    MinimumPerWindow { hours: f32, window_years: u8 },
    /// Something Praxis cannot check, shown as a reminder.
    Declaration,
}

impl Requirement {
    /// The tags the rule checks; empty for rules that count hours or pieces.
    pub fn tags(&self) -> &[Tag] {
        match self {
            Self::Coverage { tags } | Self::Variety { tags, .. } | Self::EachTagged { tags, .. } => tags,
            _ => &[],
        }
    }
}

/// One regulator's revalidation or CPD-renewal scheme.
#[derive(Debug)]
pub struct Regulator {
    /// The file's name: `nmc` for `rules/regulators/nmc.toml`.
    pub id: String,
    pub name: String,
    /// The cycle, unless the learner's [`Role`] has its own.
    pub cycle: Cycle,
    /// `false` where no published page confirmed the cycle's dates or start; the notes say what to check.
    pub cycle_confirmed: bool,
    /// When the application or submission is due, relative to the renewal date the learner enters.
    pub due: Due,
    /// Empty when every registrant has the same rules; otherwise the first role is the default.
    pub roles: Vec<Role>,
    pub rules: Vec<Rule>,
    /// The regulator's main page on these rules.
    pub source: Source,
    /// Every page the file names, the notes' included, by its key in the file.
    pub sources: BTreeMap<String, Source>,
    /// The day the facts were last checked (YYYY-MM-DD).
    pub last_checked: String,
    /// Learner-facing context the rules cannot carry.
    pub notes: Vec<String>,
    /// Standards the regulator's forms ask each entry to relate to, though no rule checks them (the NMC Code's
    /// themes).
    pub form_tags: Vec<Tag>,
}

/// One question of a reflective account template.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub word_limit: Option<usize>,
}

/// A reflective account template: a regulator's questions in Praxis's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub id: String,
    pub regulator: String,
    pub name: String,
    /// How the regulator's rules count a finished account.
    pub counts_as: EntryType,
    /// GPhC counts planned and unplanned CPD records differently.
    pub planned: bool,
    pub questions: Vec<Question>,
    /// The published page the questions follow, which the learner can open.
    pub source: Source,
}

/// The HEE/NHS England AI and Digital Healthcare Technologies Capability Framework, as Praxis rates it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// The knowledge levels, lowest (level 1) first.
    pub levels: Vec<Level>,
    pub domains: Vec<CompetenceDomain>,
}

/// One knowledge level, with what it means in plain words for self-assessment.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub name: String,
    pub descriptor: String,
}

/// One domain of the framework.
#[derive(Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompetenceDomain {
    pub id: String,
    pub label: String,
    /// Sub-domains as the framework groups them; a domain with none is assessed as a whole.
    #[serde(default)]
    pub sub_domains: Vec<SubDomain>,
}

/// One sub-domain of a [`CompetenceDomain`].
#[derive(Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubDomain {
    pub id: String,
    pub label: String,
}

// What the files hold before their cross-references are checked and resolved.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegulatorFile {
    id: String,
    name: String,
    due: Due,
    source: String,
    last_checked: String,
    #[serde(default)]
    notes: Vec<String>,
    #[serde(default)]
    form_tags: Vec<Tag>,
    cycle: CycleFields,
    sources: BTreeMap<String, Source>,
    #[serde(default)]
    roles: Vec<RoleFields>,
    rules: Vec<RuleFields>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CycleFields {
    years: u8,
    year_starts: Option<MonthDay>,
    confirmed: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MonthDay {
    month: u8,
    day: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleFields {
    id: String,
    name: String,
    cycle: Option<CycleFields>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFields {
    id: String,
    description: String,
    source: String,
    confirmed: bool,
    #[serde(default)]
    roles: Vec<String>,
    last_checked: Option<String>,
    requirement: Requirement,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReflectiveFile {
    templates: Vec<TemplateFields>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFields {
    id: String,
    regulator: String,
    name: String,
    counts_as: EntryType,
    #[serde(default)]
    planned: bool,
    source: String,
    questions: Vec<Question>,
}

/// Reads and checks every rules file: `regulators` as `(path, text)` in the order learners see them, then the
/// reflective templates and the framework. Every problem found is returned, each naming its file.
pub fn read(
    regulators: &[(&str, &str)],
    reflective: (&str, &str),
    framework: (&str, &str),
) -> Result<Rules, Vec<String>> {
    read_as::<Toml>(regulators, reflective, framework)
}

/// How a rules file is written: TOML, as reviewers edit it, or the JSON that
/// `build.rs` makes of it for the app, which reads JSON already and so needs
/// no TOML parser. A type, not a value, so each build links only its own.
trait Syntax {
    fn decode<T: for<'de> Deserialize<'de>>(path: &str, text: &str, errors: &mut Vec<String>) -> Option<T>;
}

struct Toml;
struct Json;

impl Syntax for Toml {
    /// Parses one file, or records where and why it is not valid TOML of the expected shape.
    fn decode<T: for<'de> Deserialize<'de>>(path: &str, text: &str, errors: &mut Vec<String>) -> Option<T> {
        toml::from_str(text)
            .map_err(|error| {
                let line = error.span().map_or(1, |span| text[..span.start.min(text.len())].matches('\n').count() + 1);
                errors.push(format!("{path}:{line}: {}", error.message().trim()));
            })
            .ok()
    }
}

impl Syntax for Json {
    fn decode<T: for<'de> Deserialize<'de>>(path: &str, text: &str, errors: &mut Vec<String>) -> Option<T> {
        serde_json::from_str(text).map_err(|error| errors.push(format!("{path} (as shipped): {error}"))).ok()
    }
}

fn read_as<S: Syntax>(
    regulators: &[(&str, &str)],
    reflective: (&str, &str),
    framework: (&str, &str),
) -> Result<Rules, Vec<String>> {
    let mut errors = Vec::new();
    let regulators: Vec<Regulator> =
        regulators.iter().filter_map(|(path, text)| read_regulator::<S>(path, text, &mut errors)).collect();
    let templates = read_templates::<S>(reflective.0, reflective.1, &regulators, &mut errors);
    let framework = read_framework::<S>(framework.0, framework.1, &mut errors);
    match framework {
        Some(framework) if errors.is_empty() => Ok(Rules { regulators, templates, framework }),
        _ => Err(errors),
    }
}

/// The files in `rules/regulators/` (by name) that [`REGULATOR_FILES`] does not list, so nothing reads them: one
/// message each, for `build.rs` and `praxis-cli check rules`.
pub fn unread_regulator_files(names: impl IntoIterator<Item = String>) -> Vec<String> {
    names
        .into_iter()
        .map(|name| format!("rules/regulators/{name}"))
        .filter(|path| path.ends_with(".toml") && !REGULATOR_FILES.iter().any(|(listed, _)| listed == path))
        .map(|path| format!("{path}: not read: add it to REGULATOR_FILES in src/domain/rules.rs"))
        .collect()
}

/// Reads one regulator's file on its own, for tests of the engine and of the checks.
#[cfg(test)]
pub(crate) fn read_regulator_file(path: &str, text: &str) -> Result<Regulator, Vec<String>> {
    let mut errors = Vec::new();
    read_regulator::<Toml>(path, text, &mut errors).ok_or(errors)
}

/// Ids are lowercase words joined by hyphens, as in module ids.
fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// A real calendar day written YYYY-MM-DD.
fn is_day(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts[..] else { return false };
    let number = |part: &str, digits: usize| {
        (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse::<u16>().ok()).flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(year, 4), number(month, 2), number(day, 2)) else {
        return false;
    };
    let month = u8::try_from(month).ok().and_then(|m| Month::try_from(m).ok());
    month.is_some_and(|month| {
        u8::try_from(day).is_ok_and(|day| time::Date::from_calendar_date(i32::from(year), month, day).is_ok())
    })
}

/// The keys of `map`, comma-separated, for "known ones are …" messages.
fn keys<V>(map: &BTreeMap<String, V>) -> String {
    map.keys().map(String::as_str).collect::<Vec<_>>().join(", ")
}

/// Collects one file's problems, each prefixed with the file's path and, inside a rule or role, its id.
struct Report<'e> {
    errors: &'e mut Vec<String>,
    prefix: String,
}

impl Report<'_> {
    fn error(&mut self, message: impl std::fmt::Display) {
        self.errors.push(format!("{}{message}", self.prefix));
    }

    /// The same file's report, its messages naming `what` (``rule `nmc-cpd-hours` ``) too.
    fn within(&mut self, what: impl std::fmt::Display) -> Report<'_> {
        Report { prefix: format!("{}{what}: ", self.prefix), errors: self.errors }
    }
}

/// Turns a file's cycle fields into a [`Cycle`].
fn cycle(fields: &CycleFields, report: &mut Report) -> Option<Cycle> {
    if fields.years == 0 {
        report.error("`cycle.years` must be at least 1");
        return None;
    }
    let Some(starts) = &fields.year_starts else { return Some(Cycle::YearsEndingOnRenewal(fields.years)) };
    let Ok(month) = Month::try_from(starts.month) else {
        report.error(format!("`cycle.year_starts.month` must be a month number, 1 to 12, not {}", starts.month));
        return None;
    };
    // Checked against a common year, so a cycle never starts on a day some years lack (29 February).
    let last = time::util::days_in_month(month, 2023);
    if !(1..=last).contains(&starts.day) {
        report.error(format!(
            "`cycle.year_starts.day` must be 1 to {last} in month {}, not {}",
            starts.month, starts.day
        ));
        return None;
    }
    Some(Cycle::FixedYear { start_month: month, start_day: starts.day, years: fields.years })
}

/// Checks a list of tags (`field` names it in messages): each id starts with `prefix`, once, with a label.
fn check_tags(tags: &[Tag], prefix: &str, field: &str, report: &mut Report) {
    let mut seen = BTreeSet::new();
    for tag in tags {
        if !tag.id.starts_with(prefix) || tag.id.len() == prefix.len() {
            report.error(format!("`{field}`: tag `{}` must start with `{prefix}`", tag.id));
        }
        if !seen.insert(tag.id.as_str()) {
            report.error(format!("`{field}`: tag `{}` appears twice", tag.id));
        }
        if tag.label.trim().is_empty() {
            report.error(format!("`{field}`: tag `{}` has an empty `label`", tag.id));
        }
    }
}

/// The page `key` names in `sources`, or a message listing the keys there are.
fn source_named(key: &str, sources: &BTreeMap<String, Source>, report: &mut Report) -> Option<Source> {
    let source = sources.get(key).cloned();
    if source.is_none() {
        report.error(format!("`source` is `{key}`, which is not one of this file's [sources]: {}", keys(sources)));
    }
    source
}

/// Reads one regulator's file, or records why it cannot be used.
fn read_regulator<S: Syntax>(path: &str, text: &str, errors: &mut Vec<String>) -> Option<Regulator> {
    let file: RegulatorFile = S::decode(path, text, errors)?;
    let before = errors.len();
    let mut report = Report { errors, prefix: format!("{path}: ") };
    // The file's name is the id; prefixes follow it, so a wrong `id` is one message rather than one per rule.
    let id = path.rsplit('/').next().unwrap_or(path).trim_end_matches(".toml");
    if file.id != id {
        report.error(format!("`id` must be `{id}`, the file's name, not `{}`", file.id));
    }
    if file.name.trim().is_empty() {
        report.error("`name` is empty");
    }
    if !is_day(&file.last_checked) {
        report.error(format!("`last_checked` must be a date written YYYY-MM-DD, not `{}`", file.last_checked));
    }
    if file.notes.iter().any(|note| note.trim().is_empty()) {
        report.error("`notes` holds an empty note");
    }
    for (key, source) in &file.sources {
        let mut report = report.within(format_args!("source `{key}`"));
        if !is_id(key) {
            report.error("its key must be lowercase words joined by hyphens");
        }
        if source.title.trim().is_empty() {
            report.error("`title` is empty");
        }
        if !source.url.starts_with("https://") {
            report.error(format!("`url` must start with https://, not `{}`", source.url));
        }
    }
    let source = source_named(&file.source, &file.sources, &mut report);
    if file.cycle.confirmed.is_none() {
        report.error("`cycle.confirmed` is missing: true once a published page confirms the cycle, false until then");
    }
    let regulator_cycle = cycle(&file.cycle, &mut report);
    let roles = read_roles(&file.roles, &mut report);
    check_tags(&file.form_tags, &format!("{id}:"), "form_tags", &mut report);
    if file.rules.is_empty() {
        report.error("`rules` is empty: a regulator needs at least one rule");
    }
    let cycle_years = regulator_cycle.map_or(u8::MAX, |cycle| match cycle {
        Cycle::YearsEndingOnRenewal(years) | Cycle::FixedYear { years, .. } => years,
    });
    let mut rules: Vec<Rule> = Vec::new();
    for fields in &file.rules {
        let mut report = report.within(format_args!("rule `{}`", fields.id));
        if rules.iter().any(|known| known.id == fields.id) {
            report.error("appears twice");
        }
        rules.extend(read_rule(fields, id, &file, cycle_years, &mut report));
    }
    if errors.len() > before {
        return None;
    }
    Some(Regulator {
        id: file.id,
        name: file.name,
        cycle: regulator_cycle?,
        cycle_confirmed: file.cycle.confirmed?,
        due: file.due,
        roles,
        rules,
        source: source?,
        sources: file.sources,
        last_checked: file.last_checked,
        notes: file.notes,
        form_tags: file.form_tags,
    })
}

/// Checks a file's `[[roles]]`.
fn read_roles(fields: &[RoleFields], report: &mut Report) -> Vec<Role> {
    let mut roles: Vec<Role> = Vec::new();
    for role in fields {
        let mut report = report.within(format_args!("role `{}`", role.id));
        if !is_id(&role.id) {
            report.error("`id` must be lowercase words joined by hyphens");
        }
        if roles.iter().any(|known| known.id == role.id) {
            report.error("appears twice");
        }
        if role.name.trim().is_empty() {
            report.error("`name` is empty");
        }
        if role.cycle.as_ref().is_some_and(|cycle| cycle.confirmed.is_some()) {
            report.error("`cycle.confirmed` belongs in the file's own [cycle], which it covers too");
        }
        let role_cycle = role.cycle.as_ref().and_then(|fields| cycle(fields, &mut report));
        roles.push(Role { id: role.id.clone(), name: role.name.clone(), cycle: role_cycle });
    }
    roles
}

/// Checks one `[[rules]]` of regulator `id`'s file against the rest of the file.
fn read_rule(
    fields: &RuleFields,
    id: &str,
    file: &RegulatorFile,
    cycle_years: u8,
    report: &mut Report,
) -> Option<Rule> {
    let before = report.errors.len();
    if !fields.id.starts_with(&format!("{id}-")) || !is_id(&fields.id) {
        report.error(format!("`id` must be lowercase words joined by hyphens, starting with `{id}-`"));
    }
    if fields.description.trim().is_empty() {
        report.error("`description` is empty");
    }
    // A rule without its own date was checked when the file was.
    if let Some(day) = fields.last_checked.as_deref().filter(|day| !is_day(day)) {
        report.error(format!("`last_checked` must be a date written YYYY-MM-DD, not `{day}`"));
    }
    for role in &fields.roles {
        if !file.roles.iter().any(|known| &known.id == role) {
            let known: Vec<&str> = file.roles.iter().map(|known| known.id.as_str()).collect();
            let known = if known.is_empty() { "this file has no [[roles]]".to_owned() } else { known.join(", ") };
            report.error(format!("`roles` names `{role}`, which is not one of this file's roles: {known}"));
        }
    }
    match &fields.requirement {
        Requirement::Hours { minimum, .. } if !(minimum.is_finite() && *minimum > 0.0) => {
            report.error(format!("`requirement.minimum` must be a positive number of hours, not {minimum}"));
        }
        Requirement::Count { minimum: 0, .. } => report.error("`requirement.minimum` must be at least 1"),
        Requirement::MinimumPerWindow { hours, window_years } => {
            if !(hours.is_finite() && *hours > 0.0) {
                report.error(format!("`requirement.hours` must be a positive number, not {hours}"));
            }
            if !(1..=cycle_years).contains(window_years) {
                report.error(format!(
                    "`requirement.window_years` must be 1 to {cycle_years}, the cycle's length, not {window_years}"
                ));
            }
        }
        Requirement::Variety { tags, minimum } if !(1..=tags.len()).contains(&(*minimum as usize)) => {
            report
                .error(format!("`requirement.minimum` must be 1 to {}, the number of tags, not {minimum}", tags.len()));
        }
        Requirement::Coverage { tags } | Requirement::EachTagged { tags, .. } if tags.is_empty() => {
            report.error("`requirement.tags` is empty");
        }
        _ => {}
    }
    check_tags(fields.requirement.tags(), &format!("{id}:"), "requirement.tags", report);
    let source = source_named(&fields.source, &file.sources, report)?;
    (report.errors.len() == before).then(|| Rule {
        id: fields.id.clone(),
        description: fields.description.clone(),
        requirement: fields.requirement.clone(),
        confirmed: fields.confirmed,
        roles: fields.roles.clone(),
        source,
        last_checked: fields.last_checked.clone().unwrap_or_else(|| file.last_checked.clone()),
    })
}

/// Reads the reflective templates, each citing a page from its regulator's file.
fn read_templates<S: Syntax>(
    path: &str,
    text: &str,
    regulators: &[Regulator],
    errors: &mut Vec<String>,
) -> Vec<Template> {
    let Some(file) = S::decode::<ReflectiveFile>(path, text, errors) else { return Vec::new() };
    let mut report = Report { errors, prefix: format!("{path}: ") };
    if file.templates.is_empty() {
        report.error("`templates` is empty: add at least one [[templates]]");
    }
    let mut templates: Vec<Template> = Vec::new();
    for fields in file.templates {
        let mut report = report.within(format_args!("template `{}`", fields.id));
        if !is_id(&fields.id) {
            report.error("`id` must be lowercase words joined by hyphens");
        }
        if templates.iter().any(|known| known.id == fields.id) {
            report.error("appears twice");
        }
        if fields.name.trim().is_empty() {
            report.error("`name` is empty");
        }
        if fields.questions.is_empty() {
            report.error("`questions` is empty: add at least one [[templates.questions]]");
        }
        let mut seen = BTreeSet::new();
        for question in &fields.questions {
            let mut report = report.within(format_args!("question `{}`", question.id));
            if !is_id(&question.id) {
                report.error("`id` must be lowercase words joined by hyphens");
            }
            if !seen.insert(question.id.as_str()) {
                report.error("appears twice");
            }
            if question.text.trim().is_empty() {
                report.error("`text` is empty");
            }
            if question.word_limit == Some(0) {
                report.error("`word_limit` must be at least 1");
            }
        }
        let Some(regulator) = regulators.iter().find(|regulator| regulator.id == fields.regulator) else {
            // A regulator whose own file failed has been reported already.
            if !REGULATOR_FILES.iter().any(|(file, _)| file.ends_with(&format!("/{}.toml", fields.regulator))) {
                report.error(format!("`regulator` is `{}`, which has no file in rules/regulators/", fields.regulator));
            }
            continue;
        };
        let Some(source) = regulator.sources.get(&fields.source) else {
            report.error(format!(
                "`source` is `{}`, which is not one of the [sources] in rules/regulators/{}.toml: {}",
                fields.source,
                regulator.id,
                keys(&regulator.sources)
            ));
            continue;
        };
        templates.push(Template {
            id: fields.id,
            regulator: fields.regulator,
            name: fields.name,
            counts_as: fields.counts_as,
            planned: fields.planned,
            questions: fields.questions,
            source: source.clone(),
        });
    }
    templates
}

/// Reads the capability framework.
fn read_framework<S: Syntax>(path: &str, text: &str, errors: &mut Vec<String>) -> Option<Framework> {
    let framework: Framework = S::decode(path, text, errors)?;
    let before = errors.len();
    let mut report = Report { errors, prefix: format!("{path}: ") };
    if framework.levels.is_empty() || framework.levels.len() > usize::from(u8::MAX) {
        report.error("`levels` must hold at least one [[levels]], lowest first");
    }
    for (number, level) in (1..).zip(&framework.levels) {
        if level.name.trim().is_empty() || level.descriptor.trim().is_empty() {
            report.error(format!("level {number}: `name` and `descriptor` must both be written"));
        }
    }
    if framework.domains.is_empty() {
        report.error("`domains` must hold at least one [[domains]]");
    }
    let mut seen = BTreeSet::new();
    for domain in &framework.domains {
        let mut report = report.within(format_args!("domain `{}`", domain.id));
        if !is_id(&domain.id) {
            report.error("`id` must be lowercase words joined by hyphens");
        }
        if !seen.insert(domain.id.as_str()) {
            report.error("appears twice");
        }
        if domain.label.trim().is_empty() {
            report.error("`label` is empty");
        }
        let mut sub_seen = BTreeSet::new();
        for sub in &domain.sub_domains {
            let mut report = report.within(format_args!("sub-domain `{}`", sub.id));
            if !is_id(&sub.id) {
                report.error("`id` must be lowercase words joined by hyphens");
            }
            if !sub_seen.insert(sub.id.as_str()) {
                report.error("appears twice");
            }
            if sub.label.trim().is_empty() {
                report.error("`label` is empty");
            }
        }
    }
    (errors.len() == before).then_some(framework)
}

#[cfg(test)]
mod tests;
