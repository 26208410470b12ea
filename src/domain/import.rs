//! Bringing a backup into a record that may already hold work: what
//! would change, and a merge that never silently overwrites.
//!
//! Evidence that only the backup has is added. Where both hold the same
//! item with different content, it is a conflict the learner resolves:
//! list items (CPD, goals, incidents, self-assessments) keep both by
//! default; single values (a profile field, a module's completion) keep
//! what is in this browser by default. Reflections keep both versions in
//! their history, the newer one current. Merging the same backup twice
//! changes nothing the second time.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::digest::serialized_sha256;
use super::evidence_ref::EvidenceRef;
use super::record::{LearnerRecord, ModuleProgress, ReflectionAnswer, ReflectionVersion};
use super::words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    /// Combined with what is here, losing nothing (attempts, reflection history).
    Updated,
    Conflict,
}

/// One thing the import would change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    /// Identifies a conflict in the learner's choices.
    pub key: String,
    /// What it is, in words.
    pub what: String,
    /// For a conflict: the choices that make sense for it.
    pub choices: &'static [Resolution],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Resolution {
    KeepMine,
    KeepTheirs,
    KeepBoth,
}

impl Resolution {
    pub fn label(self) -> &'static str {
        match self {
            Resolution::KeepMine => "Keep the one in this browser",
            Resolution::KeepTheirs => "Use the one in the file",
            Resolution::KeepBoth => "Keep both",
        }
    }
}

const ONE_OF_TWO: &[Resolution] = &[Resolution::KeepMine, Resolution::KeepTheirs];
const BOTH_OR_ONE: &[Resolution] = &[Resolution::KeepBoth, Resolution::KeepMine, Resolution::KeepTheirs];

/// The result of merging: the record it makes, and every change, so the
/// same call shows the learner the plan and then carries it out.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    pub record: LearnerRecord,
    pub changes: Vec<Change>,
    /// Items the file holds that are already here, unchanged.
    pub unchanged: usize,
}

impl Merge {
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }
}

/// Merges `incoming` into `current`. A conflict is resolved by its entry
/// in `choices`, or by its first (default) choice.
pub fn merge(current: &LearnerRecord, incoming: &LearnerRecord, choices: &BTreeMap<String, Resolution>) -> Merge {
    let mut merging = Merging { choices, changes: Vec::new(), unchanged: 0 };
    let mut record = current.clone();
    if record.learner_id.is_empty() {
        record.learner_id = incoming.learner_id.clone();
    }
    record.profile = merging.fields("profile", "Profile", &current.profile, &incoming.profile);
    for (module_id, theirs) in &incoming.completions {
        let key = EvidenceRef::Completion { module: module_id.clone() }.to_string();
        let what = format!("Completion of {module_id} ({})", day(&theirs.completed_at));
        match current.completions.get(module_id) {
            None => {
                merging.note(ChangeKind::Added, key, what, &[]);
                record.completions.insert(module_id.clone(), theirs.clone());
            }
            Some(mine) if mine == theirs => merging.unchanged += 1,
            Some(_) => {
                if merging.resolve(key, what, ONE_OF_TWO) == Resolution::KeepTheirs {
                    record.completions.insert(module_id.clone(), theirs.clone());
                }
            }
        }
    }
    for (module_id, theirs) in &incoming.progress {
        let mine = record.progress.entry(module_id.clone()).or_default();
        merging.progress(module_id, mine, theirs);
    }
    merging.list(
        "assessment",
        &mut record.self_assessments,
        &incoming.self_assessments,
        |a| a.at.clone(),
        |a| format!("Self-assessment of {}", day(&a.at)),
    );
    // Added ones go in by time, as instants (offsets differ), so the latest stays last.
    if record.self_assessments.len() != current.self_assessments.len() {
        record.self_assessments.sort_by_key(|a| super::timestamp::parse(&a.at));
    }
    merging.list("goal", &mut record.goals, &incoming.goals, |g| g.id.clone(), |g| format!("Goal “{}”", g.title));
    merging.list(
        "cpd",
        &mut record.cpd,
        &incoming.cpd,
        |e| e.id.clone(),
        |e| format!("CPD entry “{}” ({})", e.title, day(&e.date)),
    );
    merging.list(
        "incident",
        &mut record.incidents,
        &incoming.incidents,
        |i| i.id.clone(),
        |i| format!("AI incident of {} ({})", day(&i.date), i.tool),
    );
    record.last_backup_at = current.last_backup_at.clone().max(incoming.last_backup_at.clone());
    // An earlier version's backup spells the keys `kind/…`; kept in today's spelling, each piece once.
    for (key, id) in &incoming.xapi_exported {
        record.xapi_exported.entry(EvidenceRef::respell(key)).or_insert_with(|| id.clone());
    }
    Merge { record, changes: merging.changes, unchanged: merging.unchanged }
}

struct Merging<'a> {
    choices: &'a BTreeMap<String, Resolution>,
    changes: Vec<Change>,
    unchanged: usize,
}

impl Merging<'_> {
    fn note(&mut self, kind: ChangeKind, key: String, what: String, choices: &'static [Resolution]) {
        self.changes.push(Change { kind, key, what, choices });
    }

    /// Records a conflict and returns how it is resolved.
    fn resolve(&mut self, key: String, what: String, choices: &'static [Resolution]) -> Resolution {
        let chosen = self.choices.get(&key).copied().filter(|c| choices.contains(c)).unwrap_or(choices[0]);
        self.note(ChangeKind::Conflict, key, what, choices);
        chosen
    }

    /// Merges a struct of optional fields (the profile) field by field.
    fn fields<T: Serialize + serde::de::DeserializeOwned + Clone>(
        &mut self,
        prefix: &str,
        label: &str,
        mine: &T,
        theirs: &T,
    ) -> T {
        let as_map = |value: &T| match serde_json::to_value(value) {
            Ok(serde_json::Value::Object(map)) => map,
            _ => serde_json::Map::new(),
        };
        let mut merged = as_map(mine);
        for (field, value) in as_map(theirs) {
            let key = format!("{prefix}.{field}");
            let what = format!("{label}: {} ({value})", field.replace('_', " "));
            match merged.get(&field) {
                None => {
                    self.note(ChangeKind::Added, key, what, &[]);
                    merged.insert(field, value);
                }
                Some(existing) if *existing == value => self.unchanged += 1,
                Some(_) => {
                    if self.resolve(key, what, ONE_OF_TWO) == Resolution::KeepTheirs {
                        merged.insert(field, value);
                    }
                }
            }
        }
        serde_json::from_value(merged.into()).unwrap_or_else(|_| mine.clone())
    }

    /// Attempts and sections are only ever added to, so they are united;
    /// reflections keep every version, the newest current.
    fn progress(&mut self, module_id: &str, mine: &mut ModuleProgress, theirs: &ModuleProgress) {
        let new_attempts: Vec<_> = theirs.attempts.iter().filter(|a| !mine.attempts.contains(a)).cloned().collect();
        self.unchanged += theirs.attempts.len() - new_attempts.len();
        if !new_attempts.is_empty() {
            let what = format!(
                "{} in {module_id}",
                words::count(new_attempts.len(), "knowledge-check answer", "knowledge-check answers")
            );
            self.note(ChangeKind::Added, format!("attempts:{module_id}"), what, &[]);
            mine.attempts.extend(new_attempts);
            mine.attempts.sort_by(|a, b| a.at.cmp(&b.at));
        }
        mine.sections_reached.extend(theirs.sections_reached.iter().cloned());
        for (prompt_id, answer) in &theirs.reflections {
            let key = EvidenceRef::Reflection { module: module_id.to_owned(), prompt: prompt_id.clone() }.to_string();
            match mine.reflections.get_mut(prompt_id) {
                None => {
                    self.note(ChangeKind::Added, key, format!("Reflection in {module_id}"), &[]);
                    mine.reflections.insert(prompt_id.clone(), answer.clone());
                }
                Some(existing) => {
                    let combined = combine_versions(existing, answer);
                    if combined == *existing {
                        self.unchanged += 1;
                    } else {
                        let what = format!("Reflection in {module_id}: both versions kept, the newer shown");
                        self.note(ChangeKind::Updated, key, what, &[]);
                        *existing = combined;
                    }
                }
            }
        }
    }

    /// Merges a list whose items have an id. An item already here (under
    /// its id, or as an earlier "keep both" copy) is unchanged.
    fn list<T: Serialize + serde::de::DeserializeOwned + Clone + PartialEq>(
        &mut self,
        kind: &str,
        mine: &mut Vec<T>,
        theirs: &[T],
        id: impl Fn(&T) -> String,
        describe: impl Fn(&T) -> String,
    ) {
        // Where each id is in `mine`: searching the list for every item made
        // merging (re-run on every conflict choice) quadratic in its length.
        let mut positions: HashMap<String, Vec<usize>> = HashMap::new();
        for (position, item) in mine.iter().enumerate() {
            positions.entry(id(item)).or_default().push(position);
        }
        for item in theirs {
            let item_id = id(item);
            let key = format!("{kind}:{item_id}");
            let copy_id = copy_id(&item_id, item);
            let same_id = positions.get(&item_id).map_or(&[][..], Vec::as_slice);
            // An equal item has the same id, so only those need comparing.
            if same_id.iter().any(|&at| mine[at] == *item) || positions.contains_key(&copy_id) {
                self.unchanged += 1;
                continue;
            }
            let Some(&position) = same_id.first() else {
                self.note(ChangeKind::Added, key, describe(item), &[]);
                positions.entry(item_id).or_default().push(mine.len());
                mine.push(item.clone());
                continue;
            };
            match self.resolve(key, describe(item), BOTH_OR_ONE) {
                Resolution::KeepMine => {}
                Resolution::KeepTheirs => mine[position] = item.clone(),
                Resolution::KeepBoth => {
                    let copy = with_id(item, &copy_id);
                    positions.entry(id(&copy)).or_default().push(mine.len());
                    mine.push(copy);
                }
            }
        }
    }
}

/// The id a kept-both copy of `item` gets: derived from its content, so a
/// second import of the same file finds the copy and adds nothing.
fn copy_id<T: Serialize>(item_id: &str, item: &T) -> String {
    format!("{item_id}~{}", &serialized_sha256(item)[..8])
}

/// `item` with its id replaced. A self-assessment has no id and keeps its
/// time: rewritten, the time would no longer be one, and the learner's
/// next backup would be refused. Kept as it is, a second import still
/// finds it already here.
fn with_id<T: Serialize + serde::de::DeserializeOwned + Clone>(item: &T, new_id: &str) -> T {
    let Ok(mut value) = serde_json::to_value(item) else { return item.clone() };
    match value.as_object_mut() {
        Some(fields) if fields.contains_key("id") => {
            fields.insert("id".to_owned(), new_id.into());
        }
        _ => return item.clone(),
    }
    serde_json::from_value(value).unwrap_or_else(|_| item.clone())
}

/// Every version of a reflection from both sides, without repeats; the
/// most recently written is current.
fn combine_versions(mine: &ReflectionAnswer, theirs: &ReflectionAnswer) -> ReflectionAnswer {
    let versions_of = |answer: &ReflectionAnswer| -> BTreeSet<(String, String)> {
        let current = (answer.updated_at.clone(), answer.text.clone());
        answer.earlier_versions.iter().map(|v| (v.updated_at.clone(), v.text.clone())).chain([current]).collect()
    };
    // Nothing new from the file: leave the history exactly as it is.
    if versions_of(theirs).is_subset(&versions_of(mine)) {
        return mine.clone();
    }
    let mut seen = BTreeSet::new();
    let mut versions: Vec<ReflectionVersion> = [mine, theirs]
        .into_iter()
        .flat_map(|answer| {
            let current = ReflectionVersion { text: answer.text.clone(), updated_at: answer.updated_at.clone() };
            answer.earlier_versions.iter().cloned().chain([current])
        })
        .filter(|v| seen.insert((v.updated_at.clone(), v.text.clone())))
        .collect();
    versions.sort_by(|a, b| a.updated_at.cmp(&b.updated_at));
    let current = versions.pop().expect("each side has a current version");
    ReflectionAnswer { text: current.text, updated_at: current.updated_at, earlier_versions: versions }
}

fn day(timestamp: &str) -> String {
    words::date(timestamp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{Completion, CpdEntry, EntryType};

    fn entry(id: &str, title: &str, hours: f32) -> CpdEntry {
        CpdEntry {
            id: id.into(),
            entry_type: EntryType::Cpd,
            date: "2026-03-01".into(),
            title: title.into(),
            method: "course".into(),
            hours,
            participatory_hours: 0.0,
            planned: false,
            description: String::new(),
            standards: vec![],
            evidence_note: String::new(),
            created_at: "2026-03-01T10:00:00.000Z".into(),
            template: None,
            answers: BTreeMap::new(),
        }
    }

    fn here() -> LearnerRecord {
        let mut record = LearnerRecord { learner_id: "mine".into(), ..LearnerRecord::default() };
        record.profile.name = Some("Asha".into());
        record.cpd.push(entry("a", "Appraisal prep", 1.0));
        record.cpd.push(entry("b", "Sepsis course", 2.0));
        record.record_reflection("what-ai-is", "first", "my first thought", "2026-01-01T00:00:00.000Z");
        record
    }

    fn file() -> LearnerRecord {
        let mut record = LearnerRecord { learner_id: "theirs".into(), ..LearnerRecord::default() };
        record.profile.name = Some("Asha Patel".into());
        record.profile.staff_number = Some("100".into());
        record.cpd.push(entry("a", "Appraisal prep", 1.0));
        record.cpd.push(entry("b", "Sepsis course", 3.0));
        record.cpd.push(entry("c", "AI webinar", 1.0));
        record.completions.insert(
            "what-ai-is".into(),
            Completion { completed_at: "2026-02-01T00:00:00.000Z".into(), minutes: 30, score: Some(80) },
        );
        record.record_reflection("what-ai-is", "first", "a later thought", "2026-02-01T00:00:00.000Z");
        record
    }

    #[test]
    fn the_plan_names_what_is_new_changed_and_in_conflict() {
        let merged = merge(&here(), &file(), &BTreeMap::new());
        let kinds = |kind| merged.changes.iter().filter(|c| c.kind == kind).map(|c| c.key.as_str()).collect::<Vec<_>>();
        assert_eq!(kinds(ChangeKind::Added), ["profile.staff_number", "completion:what-ai-is", "cpd:c"]);
        assert_eq!(kinds(ChangeKind::Updated), ["reflection:what-ai-is/first"]);
        assert_eq!(kinds(ChangeKind::Conflict), ["profile.name", "cpd:b"]);
        let conflict = merged.changes.iter().find(|c| c.key == "cpd:b").unwrap();
        assert_eq!(conflict.what, "CPD entry “Sepsis course” (1 March 2026)", "dates as the learner reads them");
        assert_eq!(merged.unchanged, 1, "CPD entry a is the same in both");
        let record = &merged.record;
        assert_eq!(record.profile.name.as_deref(), Some("Asha"), "a profile conflict keeps this browser's by default");
        assert_eq!(record.learner_id, "mine");
        let hours: Vec<f32> = record.cpd.iter().map(|e| e.hours).collect();
        assert_eq!(hours, [1.0, 2.0, 3.0, 1.0], "a CPD conflict keeps both by default");
        let reflection = &record.progress["what-ai-is"].reflections["first"];
        assert_eq!(reflection.text, "a later thought");
        assert_eq!(reflection.earlier_versions[0].text, "my first thought", "nothing written is lost");
    }

    #[test]
    fn a_history_already_held_is_left_exactly_as_it_is() {
        let mut record = LearnerRecord::default();
        // Written on two devices with clocks that disagree: the history is not in time order.
        record.record_reflection("m", "p", "second draft", "2026-03-01T00:00:00.000Z");
        record.record_reflection("m", "p", "third draft", "2026-02-01T00:00:00.000Z");
        let merged = merge(&record, &record, &BTreeMap::new());
        assert!(merged.changes.is_empty(), "{:?}", merged.changes);
        assert_eq!(merged.record, record);
    }

    #[test]
    fn importing_the_same_file_twice_changes_nothing_the_second_time() {
        for choice in [Resolution::KeepBoth, Resolution::KeepMine, Resolution::KeepTheirs] {
            let choices: BTreeMap<String, Resolution> =
                [("cpd:b".to_owned(), choice), ("profile.name".to_owned(), Resolution::KeepTheirs)].into();
            let once = merge(&here(), &file(), &choices);
            let twice = merge(&once.record, &file(), &choices);
            assert_eq!(twice.record, once.record, "{choice:?}");
            assert_eq!(twice.count(ChangeKind::Added) + twice.count(ChangeKind::Updated), 0, "{choice:?}");
        }
    }

    #[test]
    fn the_learners_choices_are_followed() {
        let choices: BTreeMap<String, Resolution> =
            [("cpd:b".to_owned(), Resolution::KeepTheirs), ("profile.name".to_owned(), Resolution::KeepTheirs)].into();
        let merged = merge(&here(), &file(), &choices).record;
        assert_eq!(merged.profile.name.as_deref(), Some("Asha Patel"));
        assert_eq!(merged.cpd.iter().find(|e| e.id == "b").unwrap().hours, 3.0);
        assert_eq!(merged.cpd.len(), 3);
        let keep_mine: BTreeMap<String, Resolution> = [("cpd:b".to_owned(), Resolution::KeepMine)].into();
        assert_eq!(merge(&here(), &file(), &keep_mine).record.cpd.iter().map(|e| e.hours).sum::<f32>(), 4.0);
    }

    #[test]
    fn items_added_during_a_merge_are_found_by_the_items_after_them() {
        let incoming = LearnerRecord {
            cpd: vec![
                entry("c", "New", 1.0),
                entry("c", "New", 1.0),
                entry("b", "Sepsis course", 3.0),
                entry("b", "Sepsis course", 4.0),
                entry("b", "Sepsis course", 3.0),
            ],
            ..LearnerRecord::default()
        };
        let merged = merge(&here(), &incoming, &BTreeMap::new());
        let ids: Vec<&str> = merged.record.cpd.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), 5, "{ids:?}");
        assert_eq!(&ids[..3], ["a", "b", "c"]);
        assert!(ids[3].starts_with("b~") && ids[4].starts_with("b~") && ids[3] != ids[4], "{ids:?}");
        assert_eq!(merged.unchanged, 2, "the repeated c, and the b already kept as a copy");
        assert_eq!((merged.count(ChangeKind::Added), merged.count(ChangeKind::Conflict)), (1, 2));
    }

    #[test]
    fn a_record_merged_into_an_empty_browser_is_restored_whole() {
        let merged = merge(&LearnerRecord::default(), &file(), &BTreeMap::new());
        assert_eq!(merged.count(ChangeKind::Conflict), 0);
        assert_eq!(merged.record, file());
    }
}
