//! No record that `read_backup` accepts can break a view. Arbitrary
//! records, with type extremes (huge, zero and negative numbers, far
//! dates, empty, huge and odd Unicode strings), are wrapped in a valid
//! backup; those the reader accepts are put through every derived view
//! and export, and merged with themselves and with another record. A
//! panic anywhere fails the test, as it would have bricked the app.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use praxis::domain::backup::{backup_reminder, read_backup, Backup};
use praxis::domain::competence::{assessment_as_of, current_level, domain_levels, reassessment_prompt};
use praxis::domain::curriculum::catalogue;
use praxis::domain::employer::{check_file, combine, totals};
use praxis::domain::evidence_ref::EvidenceRef;
use praxis::domain::export::{asc_wds, badges, csv, xapi};
use praxis::domain::framework::{assessment_areas, competence_domains, PROFESSIONS, STAGES};
use praxis::domain::import::{merge, ChangeKind};
use praxis::domain::incident;
use praxis::domain::record::{
    CheckAttempt, Completion, CpdEntry, EntryType, Goal, GoalStatus, Incident, LearnerRecord, ModuleProgress, Outcome,
    Profile, Rating, ReflectionAnswer, ReflectionVersion, ReportRoute, SelfAssessment,
};
use praxis::domain::staff::{FileCheck, StaffRecord};
use praxis::domain::{cpd, portfolio, progress, recommend, revalidation, validate};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

const EXPORTED_AT: &str = "2026-11-22T09:00:00.000Z";

fn today() -> time::Date {
    time::Date::from_calendar_date(2026, time::Month::November, 22).unwrap()
}

/// Text as a learner, a careless tool or an attacker might leave it.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        40 => "[A-Za-z ,.'-]{0,16}",
        20 => ".{0,12}",
        10 => Just(String::new()),
        10 => prop::sample::select(vec![
            "\u{202E}gnp.exe", "Asha\u{200B}Patel", "=cmd|' /C calc'!A0", "<script>alert(1)</script>",
            "e\u{301}\u{301}\u{301}", "👩‍⚕️🏥", "\u{0}\u{7}\u{1b}[31m", "   ", "\r\n\t", "\u{FEFF}",
        ]).prop_map(str::to_owned),
        1 => (1usize..6000).prop_map(|n| "Ω".repeat(n)),
        1 => Just("x".repeat(100_000)),
    ]
    .boxed()
}

/// An id: usually short, sometimes from a small set so ids repeat.
fn id() -> BoxedStrategy<String> {
    prop_oneof![
        12 => "[a-z0-9-]{1,10}",
        2 => prop::sample::select(vec!["a", "b", ""]).prop_map(str::to_owned),
        1 => ".{0,8}",
    ]
    .boxed()
}

/// Mostly real dates, the extremes Praxis accepts, and now and then one it must refuse.
fn date() -> BoxedStrategy<String> {
    prop_oneof![
        40 => (1900i32..=2200, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        4 => prop::sample::select(vec!["1900-01-01", "2200-12-31", "2024-02-29", "2026-11-23"]).prop_map(str::to_owned),
        1 => prop::sample::select(vec!["9999-12-31", "zzz", "2023-02-29", "0000-00-00", ""]).prop_map(str::to_owned),
    ]
    .boxed()
}

fn instant() -> BoxedStrategy<String> {
    let day = (1900i32..=2200, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
    prop_oneof![
        40 => (day.clone(), 0u8..24, 0u8..60, 0u16..1000).prop_map(|(d, h, m, ms)| format!("{d}T{h:02}:{m:02}:07.{ms:03}Z")),
        4 => (day, prop::sample::select(vec!["+14:00", "-12:00", "+00:00"])).prop_map(|(d, z)| format!("{d}T23:59:59{z}")),
        4 => prop::sample::select(vec!["1900-01-01T00:00:00Z", "2200-12-31T23:59:59.999Z"]).prop_map(str::to_owned),
        1 => prop::sample::select(vec!["zzzz", "9999-12-31T23:59:59Z", "2026-01-01", "1899-12-31T23:59:59+01:00"])
            .prop_map(str::to_owned),
    ]
    .boxed()
}

fn hours() -> BoxedStrategy<f32> {
    prop_oneof![
        30 => 0.0f32..=1000.0,
        6 => prop::sample::select(vec![0.0, 1000.0, -0.0, f32::MIN_POSITIVE, 1e-30]),
        1 => prop::sample::select(vec![-1.0, 1e39f64 as f32, f32::MAX, f32::NAN, f32::NEG_INFINITY]),
        1 => any::<f32>(),
    ]
    .boxed()
}

fn small<T: std::fmt::Debug + Clone + 'static>(
    valid: std::ops::RangeInclusive<T>,
    any: BoxedStrategy<T>,
) -> BoxedStrategy<T>
where
    std::ops::RangeInclusive<T>: Strategy<Value = T>,
{
    prop_oneof![40 => valid, 1 => any].boxed()
}

fn module_id() -> BoxedStrategy<String> {
    let ids: Vec<String> = catalogue().modules().iter().map(|m| m.id.clone()).collect();
    prop_oneof![4 => prop::sample::select(ids), 1 => id()].boxed()
}

fn term(terms: &'static [praxis::domain::framework::Term]) -> BoxedStrategy<Option<String>> {
    let ids: Vec<String> = terms.iter().map(|t| t.id.to_owned()).collect();
    prop::option::of(prop_oneof![3 => prop::sample::select(ids), 1 => text()]).boxed()
}

fn profile() -> impl Strategy<Value = Profile> {
    let regulators: Vec<String> = revalidation::regulators().iter().map(|r| r.id.to_owned()).collect();
    let roles: Vec<String> =
        revalidation::regulators().iter().flat_map(|r| r.roles.iter().map(|role| role.id.to_owned())).collect();
    (
        (prop::option::of(text()), prop::option::of(id()), term(STAGES), term(PROFESSIONS)),
        (prop::option::of(prop_oneof![3 => prop::sample::select(regulators), 1 => text()]), prop::option::of(text())),
        (prop::option::of(prop::sample::select(roles)), prop::option::of(date()), prop::option::of(text())),
        prop::option::of(small(1u32..=240, prop_oneof![Just(0u32), Just(1_000_000), Just(u32::MAX)].boxed())),
        prop::option::of(small(1u32..=3650, any::<u32>().boxed())),
    )
        .prop_map(
            |((name, staff_number, stage, profession), (regulator, number), (kind, renewal, archetype), m, d)| {
                Profile {
                    name,
                    staff_number,
                    stage,
                    profession,
                    regulator,
                    registration_number: number,
                    registration_type: kind,
                    renewal_date: renewal,
                    archetype,
                    reassess_after_months: m,
                    backup_reminder_days: d,
                }
            },
        )
}

fn module_progress() -> impl Strategy<Value = ModuleProgress> {
    let attempt =
        (id(), prop::collection::vec(small(0usize..=5, any::<usize>().boxed()), 0..4), any::<bool>(), instant())
            .prop_map(|(check_id, chosen, correct, at)| CheckAttempt { check_id, chosen, correct, at });
    let version = (text(), instant()).prop_map(|(text, updated_at)| ReflectionVersion { text, updated_at });
    let answer = (text(), instant(), prop::collection::vec(version, 0..3))
        .prop_map(|(text, updated_at, earlier_versions)| ReflectionAnswer { text, updated_at, earlier_versions });
    (
        prop::collection::vec(attempt, 0..4),
        prop::collection::btree_map(id(), answer, 0..3),
        prop::collection::btree_set(text(), 0..3),
    )
        .prop_map(|(attempts, reflections, sections_reached)| ModuleProgress {
            attempts,
            reflections,
            sections_reached,
        })
}

fn completion() -> impl Strategy<Value = Completion> {
    (instant(), small(0u32..=2400, any::<u32>().boxed()), prop::option::of(small(0u8..=100, any::<u8>().boxed())))
        .prop_map(|(completed_at, minutes, score)| Completion { completed_at, minutes, score })
}

fn evidence_ref() -> impl Strategy<Value = EvidenceRef> {
    prop_oneof![
        module_id().prop_map(|module| EvidenceRef::Completion { module }),
        (module_id(), id()).prop_map(|(module, prompt)| EvidenceRef::Reflection { module, prompt }),
        id().prop_map(|entry| EvidenceRef::Cpd { entry }),
    ]
}

fn assessment() -> impl Strategy<Value = SelfAssessment> {
    let areas: Vec<String> = assessment_areas().iter().map(|a| a.id.clone()).collect();
    let rating = (
        small(1u8..=4, any::<u8>().boxed()),
        small(1u8..=5, any::<u8>().boxed()),
        prop::collection::vec(evidence_ref(), 0..2),
    )
        .prop_map(|(level, confidence, evidence)| Rating { level, confidence, evidence });
    let area = prop_oneof![5 => prop::sample::select(areas), 1 => id()];
    (instant(), prop::collection::btree_map(area, rating, 0..6))
        .prop_map(|(at, ratings)| SelfAssessment { at, ratings })
}

fn goal() -> impl Strategy<Value = Goal> {
    (
        id(),
        text(),
        date(),
        prop::collection::vec(id(), 0..2),
        prop::collection::vec(module_id(), 0..2),
        0usize..3,
        instant(),
    )
        .prop_map(|(id, title, target_date, competences, modules, status, created_at)| Goal {
            id,
            title,
            target_date,
            competences,
            modules,
            status: GoalStatus::ALL[status],
            created_at,
        })
}

fn cpd_entry() -> impl Strategy<Value = CpdEntry> {
    let kinds = vec![
        EntryType::Cpd,
        EntryType::ReflectiveAccount,
        EntryType::Feedback,
        EntryType::PeerDiscussion,
        EntryType::ReflectiveDiscussion,
        EntryType::PracticeHours,
    ];
    let methods: Vec<String> = cpd::METHODS.iter().map(|(id, _)| (*id).to_owned()).collect();
    (
        (
            id(),
            prop::sample::select(kinds),
            date(),
            text(),
            prop_oneof![3 => prop::sample::select(methods), 1 => text()],
        ),
        (hours(), prop_oneof![10 => Just(0.0f32), 1 => hours(), 10 => 0.0f32..=1.0], any::<bool>(), text()),
        (prop::collection::vec(id(), 0..3), text(), instant()),
        (
            prop::option::of(prop_oneof![Just("nmc-reflective-account".to_owned()), id()]),
            prop::collection::btree_map(id(), text(), 0..3),
        ),
    )
        .prop_map(
            |(
                (id, entry_type, date, title, method),
                (hours, with_others, planned, description),
                (standards, evidence_note, created_at),
                (template, answers),
            )| {
                // Often a share of the hours, as the app records it, so more entries are accepted.
                let participatory_hours = if with_others <= 1.0 { hours * with_others } else { with_others };
                CpdEntry {
                    id,
                    entry_type,
                    date,
                    title,
                    method,
                    hours,
                    participatory_hours,
                    planned,
                    description,
                    standards,
                    evidence_note,
                    created_at,
                    template,
                    answers,
                }
            },
        )
}

fn an_incident() -> impl Strategy<Value = Incident> {
    let reports = prop::collection::btree_map(prop::sample::select(ReportRoute::ALL.to_vec()), text(), 0..3);
    (
        (id(), date(), text(), text(), text(), text()),
        (prop::sample::select(Outcome::ALL.to_vec()), text(), text(), reports, instant(), prop::option::of(instant())),
    )
        .prop_map(
            |(
                (id, date, tool, tool_version, setting, what_happened),
                (outcome, what_you_did, who_you_told, reports, created_at, reflected_at),
            )| Incident {
                id,
                date,
                tool,
                tool_version,
                setting,
                what_happened,
                outcome,
                what_you_did,
                who_you_told,
                reports,
                created_at,
                reflected_at,
            },
        )
}

fn record() -> impl Strategy<Value = LearnerRecord> {
    (
        (id(), profile()),
        (
            prop::collection::btree_map(module_id(), module_progress(), 0..3),
            prop::collection::btree_map(module_id(), completion(), 0..4),
        ),
        (prop::collection::vec(assessment(), 0..3), prop::collection::vec(goal(), 0..3)),
        (prop::collection::vec(cpd_entry(), 0..4), prop::collection::vec(an_incident(), 0..2)),
        (prop::option::of(instant()), prop::collection::btree_map(id(), id(), 0..2), any::<bool>()),
    )
        .prop_map(
            |(
                (learner_id, profile),
                (progress, completions),
                (self_assessments, goals),
                (cpd, incidents),
                (last_backup_at, xapi_exported, in_order),
            )| {
                let mut self_assessments = self_assessments;
                // The app keeps them oldest first; a device whose clock went back may not.
                if in_order {
                    self_assessments.sort_by_key(|a| validate::instant(&a.at));
                }
                LearnerRecord {
                    learner_id,
                    profile,
                    progress,
                    completions,
                    self_assessments,
                    goals,
                    cpd,
                    incidents,
                    last_backup_at,
                    xapi_exported,
                }
            },
        )
}

/// The record as the app would hold it after importing it, if accepted.
fn accepted(record: &LearnerRecord) -> Option<LearnerRecord> {
    read_backup(&Backup::new(record.clone(), EXPORTED_AT).to_json(), today()).ok().map(|read| read.record)
}

/// Every view and export the app and the CLI derive from a record.
fn every_view(record: &LearnerRecord) {
    let catalogue = catalogue();
    let today = today();
    for module in catalogue.modules() {
        let standing = progress::standing(module, record);
        assert!(standing.checks_answered <= standing.checks);
    }
    recommend::recommend(catalogue, record, 5);
    for assessment in &record.self_assessments {
        domain_levels(assessment);
    }
    for domain in competence_domains() {
        current_level(record, &domain.id);
    }
    for months in [0, 12, u32::MAX] {
        assessment_as_of(record, today, months);
    }
    reassessment_prompt(record, today);
    backup_reminder(record, today);
    let rows = cpd::log(record, catalogue);
    let (hours, with_others) = cpd::totals(&rows);
    assert!(hours.is_finite() && with_others.is_finite() && with_others <= hours, "{hours} {with_others}");
    let evidence = cpd::evidence(record, catalogue);
    cpd::hours_by_year(&evidence);
    let renewal =
        record.profile.renewal_date.as_deref().and_then(praxis::domain::timestamp::parse_date).unwrap_or(today);
    for regulator in revalidation::regulators() {
        let roles = std::iter::once(None).chain(regulator.roles.iter().map(|role| Some(role.id.as_str())));
        for role in roles.chain([record.profile.registration_type.as_deref()]) {
            revalidation::evaluate(regulator, role, renewal, today, &evidence);
            portfolio::portfolio(record, catalogue, regulator, role, renewal, today);
        }
    }
    for incident in &record.incidents {
        incident::report_summary(incident);
        incident::reflect(incident, "nmc-reflective-account", "2026-11-22", EXPORTED_AT);
    }
    let statements = xapi::statements(record, catalogue, EXPORTED_AT);
    serde_json::to_string(&statements.statements).unwrap();
    badges::credentials(record, catalogue);
    for refresh in [0, 36, 100_000, u32::MAX] {
        let staff = StaffRecord::from_record(record, EXPORTED_AT, catalogue, refresh, today);
        let sheet = csv::write(&[&staff], catalogue);
        let (check, read) =
            csv::read(&sheet).unwrap_or_else(|e| panic!("the spreadsheet Praxis wrote is refused: {e}"));
        assert_eq!(check, FileCheck::Intact, "a spreadsheet just written shows no change");
        assert_eq!(read.len(), 1);
    }
    // What Praxis chooses (codes, dates, names, notes) always meets ASC-WDS's
    // rules; only what a person typed, the staff number, or a completion
    // dated after today can make the file one ASC-WDS would refuse.
    let staff = StaffRecord::from_record(record, EXPORTED_AT, catalogue, 36, today);
    for problem in asc_wds::validate(&asc_wds::write("E1", &[&staff], catalogue), today) {
        let typed =
            problem.message.starts_with("UNIQUEWORKERID ") || problem.message == "DATECOMPLETED is in the future";
        assert!(typed, "Praxis wrote a field ASC-WDS refuses: {problem}");
    }
}

/// The same content, ignoring the id a "keep both" copy is given.
fn without_id<T: serde::Serialize>(item: &T) -> serde_json::Value {
    let mut value = serde_json::to_value(item).unwrap();
    if let Some(fields) = value.as_object_mut() {
        fields.remove("id");
    }
    value
}

fn keeps_all<T: serde::Serialize>(merged: &[T], from: &[T]) -> bool {
    let kept: Vec<serde_json::Value> = merged.iter().map(without_id).collect();
    from.iter().all(|item| kept.contains(&without_id(item)))
}

/// Merging: idempotent, nothing lost with the default choices, assessments
/// in time order, and the result is itself a record Praxis accepts.
fn merge_properties(mine: &LearnerRecord, theirs: &LearnerRecord) {
    let none = BTreeMap::new();
    let itself = merge(mine, mine, &none);
    assert_eq!(&itself.record, mine, "merging a record with itself changes nothing");
    assert!(itself.changes.is_empty(), "{:?}", itself.changes);
    let merged = merge(mine, theirs, &none);
    let again = merge(&merged.record, theirs, &none);
    assert_eq!(again.record, merged.record, "merging the same file twice changes nothing the second time");
    assert_eq!(again.count(ChangeKind::Added) + again.count(ChangeKind::Updated), 0);
    let record = &merged.record;
    for side in [mine, theirs] {
        assert!(keeps_all(&record.cpd, &side.cpd), "a CPD entry was lost");
        assert!(keeps_all(&record.goals, &side.goals), "a goal was lost");
        assert!(keeps_all(&record.incidents, &side.incidents), "an incident was lost");
        assert!(keeps_all(&record.self_assessments, &side.self_assessments), "an assessment was lost");
        for (module_id, progress) in &side.progress {
            let kept = &record.progress[module_id];
            assert!(progress.attempts.iter().all(|a| kept.attempts.contains(a)), "an answer was lost");
            for (prompt, answer) in &progress.reflections {
                let kept = &kept.reflections[prompt];
                let texts: Vec<&str> =
                    kept.earlier_versions.iter().map(|v| v.text.as_str()).chain([kept.text.as_str()]).collect();
                assert!(texts.contains(&answer.text.as_str()), "a reflection was lost");
            }
        }
    }
    for (module_id, completion) in &mine.completions {
        assert_eq!(record.completions.get(module_id), Some(completion), "this browser's completion is kept");
    }
    let in_order = |r: &LearnerRecord| {
        let times: Vec<_> = r.self_assessments.iter().map(|a| validate::instant(&a.at)).collect();
        times.windows(2).all(|pair| pair[0] <= pair[1])
    };
    if in_order(mine) && in_order(theirs) {
        assert!(in_order(record), "assessments out of time order: {:?}", record.self_assessments);
    }
    let back = accepted(record).unwrap_or_else(|| {
        panic!(
            "the merged record is refused: {:?}",
            read_backup(&Backup::new(record.clone(), EXPORTED_AT).to_json(), today())
        )
    });
    assert_eq!(&back, record);
    every_view(record);
}

/// The roll-up over the record's own file, twice, and another learner's.
fn roll_up(record: &LearnerRecord, other: &LearnerRecord) {
    let catalogue = catalogue();
    let text = Backup::new(record.clone(), EXPORTED_AT).to_json();
    let later = Backup::new(other.clone(), "2026-11-22T10:00:00.000Z").to_json();
    let mut files: Vec<_> = [("a.json", &text), ("copy.json", &text), ("b.json", &later)]
        .into_iter()
        .map(|(name, text)| check_file(name, text, catalogue, 36, today()))
        .collect();
    assert_eq!(files[0].check, FileCheck::Intact, "{:?}", files[0].check);
    let staff = combine(&mut files);
    assert!(!staff.is_empty() || files.iter().all(|f| f.check.id() == "clash"), "someone is counted");
    assert!(matches!(files[1].check.id(), "duplicate" | "clash"), "{:?}", files[1].check);
    let counted: Vec<&StaffRecord> = staff.iter().map(|(_, s)| s).collect();
    for module in catalogue.modules() {
        let sum: usize = totals(&counted, &module.id).values().sum();
        assert_eq!(sum, counted.len());
    }
}

#[test]
fn no_accepted_record_breaks_any_view_and_merging_keeps_its_promises() {
    let mut runner = TestRunner::new(Config { cases: 96, failure_persistence: None, ..Config::default() });
    let seen = std::cell::Cell::new((0usize, 0usize));
    runner
        .run(&(record(), record()), |(mine, theirs)| {
            let (tried, kept) = seen.get();
            let Some(mine) = accepted(&mine) else {
                seen.set((tried + 1, kept));
                return Ok(());
            };
            seen.set((tried + 1, kept + 1));
            every_view(&mine);
            let theirs = accepted(&theirs).unwrap_or_default();
            merge_properties(&mine, &theirs);
            roll_up(&mine, &theirs);
            Ok(())
        })
        .unwrap();
    let (tried, kept) = seen.get();
    // The generators must reach the views, not only the refusals.
    assert!(kept * 5 >= tried, "only {kept} of {tried} generated records were accepted");
    println!("{kept} of {tried} generated records accepted and put through every view");
}

/// The extremes the reader must refuse, each with its field named.
#[test]
fn type_extremes_the_reader_refuses_name_their_field() {
    let mut runner = TestRunner::new(Config { cases: 64, failure_persistence: None, ..Config::default() });
    runner
        .run(&record(), |record| {
            if let Err(reason) = read_backup(&Backup::new(record, EXPORTED_AT).to_json(), today()) {
                prop_assert!(reason.starts_with("The backup"), "{}", reason);
                prop_assert!(reason.contains("record."), "{}", reason);
            }
            Ok(())
        })
        .unwrap();
}
