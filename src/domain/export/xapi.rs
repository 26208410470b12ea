//! xAPI 1.0.3 statements for a learning record store (LRS): one for each
//! completed module, knowledge-check answer, written reflection and CPD
//! log entry.
//!
//! **Who.** The actor is `account { homePage: BASE_IRI, name: learner_id }`,
//! the record's random id: never the learner's name, e-mail or staff
//! number. **What is left out.** Reflection text is private: a reflection
//! statement says only that the prompt was answered, and when. CPD
//! descriptions and reflective-account answers are not sent either.
//!
//! **Ids.** A statement's id is a UUID v5 of a fixed namespace, the
//! evidence's key as first spelt (e.g. `completion/what-ai-is`, see `EvidenceRef::legacy_key`) and a SHA-256 of the
//! statement's own content. Exporting the same record twice gives the
//! same ids, which an LRS accepts again without change; any change to what
//! a statement says gives it a new id, so an id is never reused for other
//! content (an LRS answers that with 409 Conflict). The previous id of
//! each piece of evidence is kept in `record.xapi_exported`; when it
//! differs from the new one, or the evidence is gone, the export also
//! voids the old statement, since statements cannot be changed, only
//! voided (xAPI Data §2.3.2).
//!
//! **Time.** Timestamps are UTC with milliseconds. Evidence dated after
//! `now` (a clock that was wrong, a CPD entry dated tomorrow) is left for
//! a later export rather than sent with a time in the future.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};
use time::{OffsetDateTime, PrimitiveDateTime, Time};
use uuid::Uuid;

use crate::domain::cpd::method_label;
use crate::domain::digest::json_sha256;
use crate::domain::evidence_ref::EvidenceRef;
use crate::domain::module::Catalogue;
use crate::domain::record::{CheckAttempt, Completion, CpdEntry, EntryType, LearnerRecord, ReflectionAnswer};
use crate::domain::timestamp;
use crate::domain::timestamp::parse_date;

/// The header every request to an LRS must carry (xAPI Communication
/// §3.3): without it an LRS answers 400. For the web shell's POST; it is
/// never part of a statement.
pub const XAPI_VERSION_HEADER: (&str, &str) = ("X-Experience-API-Version", "1.0.3");

/// The base of every IRI Praxis mints: xAPI activity ids, the actor's
/// account home page, and the Open Badges achievements (`export::badges`).
///
/// `.invalid` is reserved (RFC 2606, RFC 6761 §6.4): it can never be
/// registered, so these IRIs claim no domain that someone else owns, or
/// that could later be bought and made to serve something else at these
/// addresses. They are still absolute `https:` IRIs, which xAPI requires
/// of activity ids and `account.homePage` (a URL), and which the Learning
/// Locker validator and the Open Badges schema accept; a `urn:` would do
/// for ids but not for a home page. Praxis has no server, so there is
/// nothing to dereference. Should Praxis get a domain of its own, this is
/// the constant to change: every statement then gets a new id, and the
/// next export voids the old ones.
pub const BASE_IRI: &str = "https://praxis.invalid/";

/// `context.platform` of every statement.
pub const PLATFORM: &str = "Praxis";

/// The language of every language map Praxis writes.
const LANGUAGE: &str = "en-GB";
const ADL_VERBS: &str = "http://adlnet.gov/expapi/verbs/";
const ADL_ACTIVITY_TYPES: &str = "http://adlnet.gov/expapi/activities/";

/// What one export holds.
#[derive(Debug, Clone, PartialEq)]
pub struct XapiExport {
    /// Voiding statements first, then the evidence, oldest first.
    pub statements: Vec<Value>,
    /// The statement id now exported for each piece of evidence. The
    /// caller stores it in `record.xapi_exported`, so that the next export
    /// voids what has changed since.
    pub exported: BTreeMap<String, String>,
}

/// The record as xAPI statements, as of `now` (RFC 3339).
pub fn statements(record: &LearnerRecord, catalogue: &Catalogue, now: &str) -> XapiExport {
    let now = timestamp::parse(now);
    let actor = actor(record);
    let mut evidence = Vec::new();
    for (module_id, completion) in &record.completions {
        evidence.extend(completed(&actor, module_id, completion, catalogue));
    }
    for (module_id, progress) in &record.progress {
        let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for attempt in &progress.attempts {
            let count = seen.entry((attempt.check_id.as_str(), attempt.at.as_str())).or_default();
            let attempt_ref = EvidenceRef::Attempt {
                module: module_id.clone(),
                check: attempt.check_id.clone(),
                at: attempt.at.clone(),
            };
            let key = numbered(attempt_ref.to_string(), *count);
            *count += 1;
            evidence.extend(answered_check(&actor, key, module_id, attempt, catalogue));
        }
        for (prompt_id, answer) in &progress.reflections {
            evidence.extend(reflected(&actor, module_id, prompt_id, answer, catalogue));
        }
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for entry in &record.cpd {
        let count = seen.entry(entry.id.as_str()).or_default();
        let key = numbered(EvidenceRef::Cpd { entry: entry.id.clone() }.to_string(), *count);
        *count += 1;
        evidence.extend(logged_cpd(&actor, key, &record.learner_id, entry));
    }
    evidence.retain(|e| now.is_none_or(|now| e.at <= now));
    evidence.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.key.cmp(&b.key)));

    let mut exported = BTreeMap::new();
    let mut fresh = Vec::with_capacity(evidence.len());
    for Evidence { key, body, .. } in evidence {
        let digest = json_sha256(&Value::Object(body.clone()));
        // Ids follow the key as earlier versions spelt it, so evidence they exported keeps its statement id.
        let seed = EvidenceRef::parse(&key).map_or_else(|| key.clone(), |evidence| evidence.legacy_key());
        let id = id_for(&format!("{seed}\n{digest}")).to_string();
        fresh.push(with_id(&id, body));
        exported.insert(key, id);
    }

    let new_ids: BTreeSet<&str> = exported.values().map(String::as_str).collect();
    let mut voided = BTreeSet::new();
    let mut voids = Vec::new();
    // Keys stored by earlier versions are spelt `kind/…`; read them as today's `kind:…`.
    let stored: BTreeMap<String, &String> =
        record.xapi_exported.iter().map(|(key, id)| (EvidenceRef::respell(key), id)).collect();
    for (key, previous) in stored {
        // Ids that are not UUIDs cannot be referred to (a hand-edited file).
        let Ok(previous) = Uuid::parse_str(previous.trim()) else { continue };
        let previous = previous.to_string();
        let unchanged = exported.get(&key) == Some(&previous);
        if unchanged || new_ids.contains(previous.as_str()) || !voided.insert(previous.clone()) {
            continue;
        }
        voids.push(voiding(&actor, &previous, now));
    }
    voids.extend(fresh);
    XapiExport { statements: voids, exported }
}

/// The IRI of a module: its xAPI activity id and its badge's achievement id.
pub fn module_iri(module_id: &str) -> String {
    format!("{BASE_IRI}modules/{}", segment(module_id))
}

/// A statement before it has its id, and what it is about.
struct Evidence {
    key: String,
    at: OffsetDateTime,
    body: Map<String, Value>,
}

fn numbered(key: String, count: usize) -> String {
    if count == 0 {
        key
    } else {
        format!("{key}#{count}")
    }
}

/// Every id in this module and `badges` comes from this namespace.
pub(super) fn id_for(name: &str) -> Uuid {
    let namespace = Uuid::new_v5(&Uuid::NAMESPACE_URL, format!("{BASE_IRI}ids").as_bytes());
    Uuid::new_v5(&namespace, name.as_bytes())
}

fn with_id(id: &str, body: Map<String, Value>) -> Value {
    let mut statement = Map::new();
    statement.insert("id".into(), id.into());
    statement.extend(body);
    Value::Object(statement)
}

fn actor(record: &LearnerRecord) -> Value {
    json!({"objectType": "Agent", "account": {"homePage": BASE_IRI, "name": record.learner_id}})
}

fn verb(name: &str) -> Value {
    json!({"id": format!("{ADL_VERBS}{name}"), "display": {LANGUAGE: name}})
}

fn activity_type(name: &str) -> String {
    format!("{ADL_ACTIVITY_TYPES}{name}")
}

fn language_map(text: &str) -> Value {
    json!({ LANGUAGE: text })
}

fn activity(id: String, definition: Map<String, Value>) -> Value {
    json!({"objectType": "Activity", "id": id, "definition": definition})
}

fn module_activity(module_id: &str, catalogue: &Catalogue) -> Value {
    let mut definition = Map::new();
    definition.insert("type".into(), activity_type("module").into());
    match catalogue.get(module_id) {
        Some(module) => {
            definition.insert("name".into(), language_map(&module.title));
            if !module.summary.trim().is_empty() {
                definition.insert("description".into(), language_map(&module.summary));
            }
        }
        None => {
            definition.insert("name".into(), language_map(module_id));
        }
    }
    activity(module_iri(module_id), definition)
}

/// The curriculum as a whole: the `grouping` of every module statement.
fn curriculum_activity() -> Value {
    let mut definition = Map::new();
    definition.insert("type".into(), activity_type("course").into());
    definition.insert("name".into(), language_map("Praxis: AI literacy for health and social care"));
    activity(format!("{BASE_IRI}curriculum"), definition)
}

fn module_context(parent: Option<Value>) -> Value {
    let mut activities = Map::new();
    if let Some(parent) = parent {
        activities.insert("parent".into(), json!([parent]));
    }
    activities.insert("grouping".into(), json!([curriculum_activity()]));
    json!({"platform": PLATFORM, "language": LANGUAGE, "contextActivities": activities})
}

fn statement(
    actor: &Value,
    verb: Value,
    object: Value,
    result: Value,
    context: Value,
    at: OffsetDateTime,
) -> Map<String, Value> {
    let mut body = Map::new();
    body.insert("actor".into(), actor.clone());
    body.insert("verb".into(), verb);
    body.insert("object".into(), object);
    body.insert("result".into(), result);
    body.insert("context".into(), context);
    body.insert("timestamp".into(), timestamp::format(at).into());
    body
}

/// `PT{minutes}M`: the form every LRS accepts (xAPI Data §4.6).
fn duration(minutes: u64) -> Option<String> {
    (minutes > 0).then(|| format!("PT{minutes}M"))
}

fn completed(actor: &Value, module_id: &str, completion: &Completion, catalogue: &Catalogue) -> Option<Evidence> {
    let at = timestamp::parse(&completion.completed_at)?;
    let mut result = Map::new();
    if let Some(score) = completion.score {
        let score = score.min(100);
        result.insert("score".into(), json!({"scaled": f64::from(score) / 100.0, "raw": score, "min": 0, "max": 100}));
    }
    result.insert("success".into(), true.into());
    result.insert("completion".into(), true.into());
    if let Some(duration) = duration(u64::from(completion.minutes)) {
        result.insert("duration".into(), duration.into());
    }
    let object = module_activity(module_id, catalogue);
    let body = statement(actor, verb("completed"), object, result.into(), module_context(None), at);
    Some(Evidence { key: EvidenceRef::Completion { module: module_id.to_owned() }.to_string(), at, body })
}

/// A knowledge-check answer, as a `choice` interaction: the options are
/// module text, and the learner's response is the indices they chose.
fn answered_check(
    actor: &Value,
    key: String,
    module_id: &str,
    attempt: &CheckAttempt,
    catalogue: &Catalogue,
) -> Option<Evidence> {
    let at = timestamp::parse(&attempt.at)?;
    let mut definition = Map::new();
    definition.insert("type".into(), activity_type("cmi.interaction").into());
    definition.insert("interactionType".into(), "choice".into());
    let check = catalogue.get(module_id).and_then(|m| m.knowledge_checks().find(|c| c.id == attempt.check_id));
    match check {
        Some(check) => {
            definition.insert("name".into(), language_map(&check.question));
            let choices: Vec<Value> = check
                .options
                .iter()
                .enumerate()
                .map(|(i, option)| json!({"id": i.to_string(), "description": language_map(&option.text)}))
                .collect();
            let correct: Vec<String> =
                check.options.iter().enumerate().filter(|(_, o)| o.correct).map(|(i, _)| i.to_string()).collect();
            if !correct.is_empty() {
                definition.insert("correctResponsesPattern".into(), json!([correct.join("[,]")]));
            }
            if !choices.is_empty() {
                definition.insert("choices".into(), choices.into());
            }
        }
        None => {
            definition.insert("name".into(), language_map(&attempt.check_id));
        }
    }
    let object = activity(format!("{}/checks/{}", module_iri(module_id), segment(&attempt.check_id)), definition);
    let mut result = Map::new();
    result.insert("success".into(), attempt.correct.into());
    result.insert("completion".into(), true.into());
    if !attempt.chosen.is_empty() {
        let response: Vec<String> = attempt.chosen.iter().map(usize::to_string).collect();
        result.insert("response".into(), response.join("[,]").into());
    }
    let context = module_context(Some(module_activity(module_id, catalogue)));
    let body = statement(actor, verb("answered"), object, result.into(), context, at);
    Some(Evidence { key, at, body })
}

/// That a reflection prompt was answered, and when: never the answer,
/// which stays on the device.
fn reflected(
    actor: &Value,
    module_id: &str,
    prompt_id: &str,
    answer: &ReflectionAnswer,
    catalogue: &Catalogue,
) -> Option<Evidence> {
    if answer.text.trim().is_empty() {
        return None;
    }
    let at = timestamp::parse(&answer.updated_at)?;
    let mut definition = Map::new();
    definition.insert("type".into(), activity_type("cmi.interaction").into());
    definition.insert("interactionType".into(), "long-fill-in".into());
    let prompt = catalogue.get(module_id).and_then(|m| m.reflection_prompts().find(|p| p.id == prompt_id));
    definition.insert("name".into(), language_map(prompt.map_or(prompt_id, |p| p.prompt.as_str())));
    let object = activity(format!("{}/reflections/{}", module_iri(module_id), segment(prompt_id)), definition);
    let result = json!({"completion": true});
    let context = module_context(Some(module_activity(module_id, catalogue)));
    let body = statement(actor, verb("answered"), object, result, context, at);
    let key = EvidenceRef::Reflection { module: module_id.to_owned(), prompt: prompt_id.to_owned() }.to_string();
    Some(Evidence { key, at, body })
}

/// A CPD log entry: its title, kind, method and hours, on its date.
fn logged_cpd(actor: &Value, key: String, learner_id: &str, entry: &CpdEntry) -> Option<Evidence> {
    let date = parse_date(&entry.date).filter(|_| entry.date.len() == 10)?;
    let at = PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_utc();
    let mut definition = Map::new();
    if let Some(kind) = cpd_activity_type(entry) {
        definition.insert("type".into(), activity_type(kind).into());
    }
    let title = entry.title.trim();
    definition.insert("name".into(), language_map(if title.is_empty() { entry.entry_type.label() } else { title }));
    let kind = match entry.entry_type {
        EntryType::Cpd => format!("{}: {}", entry.entry_type.label(), method_label(&entry.method)),
        other => other.label().to_owned(),
    };
    definition.insert("description".into(), language_map(&kind));
    let id = format!("{BASE_IRI}learners/{}/cpd/{}", segment(learner_id), segment(&entry.id));
    let mut result = Map::new();
    result.insert("completion".into(), true.into());
    let hours = f64::from(entry.hours);
    if hours.is_finite() && hours > 0.0 {
        if let Some(duration) = duration((hours * 60.0).round() as u64) {
            result.insert("duration".into(), duration.into());
        }
    }
    let context = json!({"platform": PLATFORM, "language": LANGUAGE});
    let body = statement(actor, verb("experienced"), activity(id, definition), result.into(), context, at);
    Some(Evidence { key, at, body })
}

/// The ADL activity type that fits an entry, where one does.
fn cpd_activity_type(entry: &CpdEntry) -> Option<&'static str> {
    match entry.entry_type {
        EntryType::PeerDiscussion | EntryType::ReflectiveDiscussion => Some("meeting"),
        EntryType::PracticeHours => Some("performance"),
        EntryType::Feedback | EntryType::ReflectiveAccount => None,
        EntryType::Cpd => match entry.method.as_str() {
            "course" | "e-learning" => Some("course"),
            "conference" | "peer-learning" | "supervision" => Some("meeting"),
            "reading" => Some("media"),
            "audit-qi" | "teaching" => Some("performance"),
            _ => None,
        },
    }
}

/// Whether `statement` voids an earlier one.
pub fn is_voiding(statement: &Value) -> bool {
    statement["verb"]["id"].as_str().is_some_and(|id| id.strip_prefix(ADL_VERBS) == Some("voided"))
}

/// Voids `previous`. Its id depends only on `previous`, so voiding the
/// same statement twice never makes two voiding statements.
fn voiding(actor: &Value, previous: &str, now: Option<OffsetDateTime>) -> Value {
    let mut body = Map::new();
    body.insert("actor".into(), actor.clone());
    body.insert("verb".into(), verb("voided"));
    body.insert("object".into(), json!({"objectType": "StatementRef", "id": previous}));
    if let Some(now) = now {
        body.insert("timestamp".into(), timestamp::format(now).into());
    }
    with_id(&id_for(&format!("voids\n{previous}")).to_string(), body)
}

/// `text` made safe as one IRI path segment: anything but RFC 3986
/// unreserved characters is percent-encoded.
fn segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::curriculum::catalogue;
    use crate::domain::module::Module;
    use crate::domain::record::{CheckAttempt, Completion, CpdEntry, EntryType};

    const NOW: &str = "2026-03-01T12:00:00.000Z";

    /// A bundled module with at least one check and one reflection prompt.
    fn module() -> &'static Module {
        catalogue()
            .modules()
            .iter()
            .find(|m| m.knowledge_checks().next().is_some() && m.reflection_prompts().next().is_some())
            .expect("the curriculum has a module with a check and a reflection")
    }

    fn cpd_entry() -> CpdEntry {
        CpdEntry {
            id: "cpd-1".into(),
            entry_type: EntryType::Cpd,
            date: "2026-02-10".into(),
            title: "Sepsis update".into(),
            method: "course".into(),
            hours: 1.5,
            participatory_hours: 0.0,
            planned: false,
            description: "Private notes about a ward round".into(),
            standards: Vec::new(),
            evidence_note: String::new(),
            created_at: "2026-02-10T18:00:00.000Z".into(),
            template: None,
            answers: BTreeMap::new(),
        }
    }

    /// A learner who finished a module, answered a check twice, wrote a
    /// reflection and logged an hour and a half of CPD.
    fn record() -> LearnerRecord {
        let module = module();
        let check = module.knowledge_checks().next().unwrap();
        let prompt = module.reflection_prompts().next().unwrap();
        let mut record =
            LearnerRecord { learner_id: "3f1c2a9e-5b7d-4c1e-8a2b-0c9d8e7f6a5b".into(), ..LearnerRecord::default() };
        record.profile.name = Some("Asha Patel".into());
        record.profile.staff_number = Some("12345678".into());
        for (chosen, correct, at) in [(1, false, "2026-02-01T09:00:00.000Z"), (0, true, "2026-02-01T09:05:00.000Z")] {
            let attempt = CheckAttempt { check_id: check.id.clone(), chosen: vec![chosen], correct, at: at.into() };
            record.record_attempt(&module.id, attempt);
        }
        record.record_reflection(&module.id, &prompt.id, "SECRET reflection text", "2026-02-01T09:10:00.000Z");
        record.completions.insert(
            module.id.clone(),
            Completion { completed_at: "2026-02-01T09:10:00.000+00:00".into(), minutes: 45, score: Some(85) },
        );
        record.cpd.push(cpd_entry());
        record
    }

    fn ids(export: &XapiExport) -> Vec<String> {
        export.statements.iter().map(|s| s["id"].as_str().unwrap().to_owned()).collect()
    }

    fn voided(export: &XapiExport) -> Vec<String> {
        export
            .statements
            .iter()
            .filter(|s| is_voiding(s))
            .map(|s| s["object"]["id"].as_str().unwrap().to_owned())
            .collect()
    }

    fn is_timestamp(text: &str) -> bool {
        let b = text.as_bytes();
        let digit_at = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
        b.len() == 24
            && digit_at.iter().all(|&i| b[i].is_ascii_digit())
            && [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':'), (19, b'.'), (23, b'Z')]
                .iter()
                .all(|&(i, c)| b[i] == c)
    }

    #[test]
    fn one_statement_per_piece_of_evidence_with_the_right_verbs() {
        let export = statements(&record(), catalogue(), NOW);
        let verbs: Vec<&str> = export.statements.iter().map(|s| s["verb"]["id"].as_str().unwrap()).collect();
        let count = |verb: &str| verbs.iter().filter(|v| v.ends_with(verb)).count();
        assert_eq!((count("/completed"), count("/answered"), count("/experienced")), (1, 3, 1), "{verbs:?}");
        assert_eq!(export.exported.len(), 5);
        assert!(export.exported.contains_key(&format!("completion:{}", module().id)));
        assert!(voided(&export).is_empty(), "nothing was exported before");
    }

    #[test]
    fn exporting_twice_gives_the_same_ids() {
        let record = record();
        let first = statements(&record, catalogue(), NOW);
        let second = statements(&record, catalogue(), "2026-06-01T00:00:00.000Z");
        assert_eq!(ids(&first), ids(&second));
        assert_eq!(first.statements, second.statements, "the same content, so an LRS accepts it again");
        let mut stored = record.clone();
        stored.xapi_exported = first.exported.clone();
        let third = statements(&stored, catalogue(), NOW);
        assert_eq!(ids(&third), ids(&first), "unchanged evidence voids nothing");
    }

    #[test]
    fn changed_evidence_gets_a_new_id_and_the_old_statement_is_voided() {
        let mut record = record();
        let first = statements(&record, catalogue(), NOW);
        record.xapi_exported = first.exported.clone();
        let cpd_key = "cpd:cpd-1".to_owned();
        let reflection_key = format!("reflection:{}/{}", module().id, module().reflection_prompts().next().unwrap().id);
        record.cpd[0].hours = 2.0;
        let prompt = module().reflection_prompts().next().unwrap().id.clone();
        record.record_reflection(&module().id, &prompt, "rewritten", "2026-02-02T10:00:00.000Z");

        let second = statements(&record, catalogue(), NOW);
        for key in [&cpd_key, &reflection_key] {
            assert_ne!(first.exported[key], second.exported[key], "{key} changed, so its id did");
        }
        let mut expected = vec![first.exported[&cpd_key].clone(), first.exported[&reflection_key].clone()];
        expected.sort();
        let mut got = voided(&second);
        got.sort();
        assert_eq!(got, expected);
        let completion_key = format!("completion:{}", module().id);
        assert_eq!(first.exported[&completion_key], second.exported[&completion_key], "the rest keep their ids");

        let void = second.statements.iter().find(|s| s["object"]["objectType"] == "StatementRef").unwrap();
        assert_eq!(void["timestamp"], NOW);
        assert_eq!(void["actor"], first.statements[0]["actor"]);
        let again = statements(&record, catalogue(), "2026-04-01T00:00:00.000Z");
        assert_eq!(ids(&again)[..2], ids(&second)[..2], "a voiding statement's id depends only on what it voids");
    }

    #[test]
    fn evidence_that_is_gone_is_voided_and_leaves_the_map() {
        let mut record = record();
        let first = statements(&record, catalogue(), NOW);
        record.xapi_exported = first.exported.clone();
        record.xapi_exported.insert("cpd:not-a-uuid".into(), "not a uuid".into());
        record.cpd.clear();
        let second = statements(&record, catalogue(), NOW);
        assert_eq!(voided(&second), [first.exported["cpd:cpd-1"].clone()], "only real statement ids are voided");
        assert!(!second.exported.contains_key("cpd:cpd-1"));
    }

    #[test]
    fn keys_stored_by_earlier_versions_are_read_and_keep_their_statement_ids() {
        let record = record();
        let first = statements(&record, catalogue(), NOW);
        // Versions before December 2026 stored `completion/…`, `cpd/…`: the same evidence, spelt the old way.
        let mut stored = record.clone();
        stored.xapi_exported = first.exported.iter().map(|(key, id)| (key.replacen(':', "/", 1), id.clone())).collect();
        assert!(stored.xapi_exported.contains_key(&format!("completion/{}", module().id)));
        let again = statements(&stored, catalogue(), NOW);
        assert!(voided(&again).is_empty(), "nothing is voided for a change of spelling");
        assert_eq!(again.exported, first.exported, "and the map is written the new way");
        // Each id is derived from the old spelling, as those versions derived it.
        for statement in &first.statements {
            let mut body = statement.as_object().unwrap().clone();
            let id = body.remove("id").unwrap();
            let key = first.exported.iter().find(|(_, exported)| **exported == id).map(|(key, _)| key).unwrap();
            let old = key.replacen(':', "/", 1);
            assert_eq!(id_for(&format!("{old}\n{}", json_sha256(&Value::Object(body)))).to_string(), id, "{key}");
        }
    }

    #[test]
    fn no_id_appears_twice_even_with_duplicate_evidence() {
        let mut record = record();
        let attempt = record.progress[&module().id].attempts[0].clone();
        record.record_attempt(&module().id, attempt.clone());
        record.record_attempt(&module().id, CheckAttempt { chosen: vec![0, 1], ..attempt });
        let duplicate = record.cpd[0].clone();
        record.cpd.push(duplicate);
        let first = statements(&record, catalogue(), NOW);
        record.xapi_exported = first.exported.clone();
        record.xapi_exported.insert("old/a".into(), "9b2f3c4d-0000-4000-8000-000000000001".into());
        record.xapi_exported.insert("old/b".into(), "9B2F3C4D-0000-4000-8000-000000000001".into());
        let export = statements(&record, catalogue(), NOW);
        let all = ids(&export);
        let unique: BTreeSet<&String> = all.iter().collect();
        assert_eq!(unique.len(), all.len(), "{all:?}");
        assert_eq!(voided(&export).len(), 1, "one id stored under two keys is voided once");
        assert_eq!(export.statements.len(), 9);
    }

    #[test]
    fn timestamps_are_utc_with_milliseconds_and_never_after_now() {
        let mut record = record();
        record.cpd.push(CpdEntry { id: "tomorrow".into(), date: "2026-03-02".into(), ..cpd_entry() });
        record.record_attempt(
            &module().id,
            CheckAttempt { check_id: "x".into(), chosen: vec![], correct: false, at: "yesterday".into() },
        );
        let export = statements(&record, catalogue(), NOW);
        assert!(!export.exported.contains_key("cpd/tomorrow"), "left for a later export");
        assert_eq!(export.statements.len(), 5, "an unreadable time cannot be sent");
        for statement in &export.statements {
            let timestamp = statement["timestamp"].as_str().unwrap();
            assert!(is_timestamp(timestamp), "{timestamp}");
            assert!(timestamp <= NOW, "{timestamp}");
        }
        let completion = export.statements.iter().find(|s| s["verb"]["display"]["en-GB"] == "completed").unwrap();
        assert_eq!(completion["timestamp"], "2026-02-01T09:10:00.000Z", "an offset is written as Z");
    }

    #[test]
    fn results_and_durations_are_in_xapi_form() {
        let export = statements(&record(), catalogue(), NOW);
        let by_verb = |verb: &str| export.statements.iter().find(|s| s["verb"]["display"]["en-GB"] == verb).unwrap();
        let completed = by_verb("completed");
        assert_eq!(completed["result"]["duration"], "PT45M");
        assert_eq!(completed["result"]["score"], json!({"scaled": 0.85, "raw": 85, "min": 0, "max": 100}));
        assert_eq!(
            (completed["result"]["success"].as_bool(), completed["result"]["completion"].as_bool()),
            (Some(true), Some(true))
        );
        assert_eq!(completed["object"]["definition"]["type"], "http://adlnet.gov/expapi/activities/module");
        assert_eq!(completed["object"]["definition"]["name"]["en-GB"], module().title);
        assert_eq!(by_verb("experienced")["result"]["duration"], "PT90M");
        let answers: Vec<&Value> =
            export.statements.iter().filter(|s| s["verb"]["display"]["en-GB"] == "answered").collect();
        let successes: Vec<Option<bool>> = answers
            .iter()
            .filter(|s| s["result"]["response"].is_string())
            .map(|s| s["result"]["success"].as_bool())
            .collect();
        assert_eq!(successes, [Some(false), Some(true)]);
        for statement in &export.statements {
            let duration = statement["result"]["duration"].as_str().unwrap_or("PT1M");
            assert!(duration.starts_with("PT") && duration.ends_with('M'), "{duration}");
            assert_eq!(statement["context"]["platform"], "Praxis");
            for field in ["version", "stored", "authority"] {
                assert!(statement.get(field).is_none(), "{field} is the LRS's to set");
            }
            assert_no_nulls_or_empty_objects(statement);
        }
    }

    fn assert_no_nulls_or_empty_objects(value: &Value) {
        match value {
            Value::Null => panic!("null in a statement"),
            Value::Object(map) => {
                assert!(!map.is_empty(), "an empty object in a statement");
                map.values().for_each(assert_no_nulls_or_empty_objects);
            }
            Value::Array(items) => items.iter().for_each(assert_no_nulls_or_empty_objects),
            _ => {}
        }
    }

    #[test]
    fn the_actor_is_the_opaque_id_and_private_text_stays_home() {
        let record = record();
        let export = statements(&record, catalogue(), NOW);
        let text = serde_json::to_string(&export.statements).unwrap();
        for private in ["Asha", "Patel", "12345678", "SECRET", "Private notes", "mailto:"] {
            assert!(!text.contains(private), "{private} must not leave the device");
        }
        for statement in &export.statements {
            let actor = statement["actor"].as_object().unwrap();
            assert_eq!(actor.len(), 2, "objectType and account only, no name or mbox: {actor:?}");
            assert_eq!(statement["actor"]["account"], json!({"homePage": BASE_IRI, "name": record.learner_id}));
        }
        assert!(!text.contains("X-Experience-API-Version"), "the version is a header, not statement content");
    }

    #[test]
    fn activity_ids_are_absolute_iris_under_the_base() {
        let export = statements(&record(), catalogue(), NOW);
        for statement in export.statements.iter().filter(|s| s["object"]["objectType"] == "Activity") {
            let id = statement["object"]["id"].as_str().unwrap();
            assert!(id.starts_with(BASE_IRI) && !id.contains(' '), "{id}");
        }
        assert_eq!(module_iri("a b/c"), "https://praxis.invalid/modules/a%20b%2Fc");
    }
}
