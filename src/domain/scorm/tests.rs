use super::*;
use crate::domain::module::parse_module;
use crate::domain::module::test_support::module_source;
use crate::domain::record::CheckAttempt;

const AT: &str = "2026-01-01T00:00:00.000Z";

/// A module "m" with `options.len()` checks (each with that many options,
/// the first right) and two reflection prompts.
fn module_with(options: &[usize], overrides: &[(&str, &str)]) -> Module {
    let checks: String = options
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let options: String = (0..n)
                .map(|o| format!("\n[[option]]\ntext = \"option {o}\"\ncorrect = {}\nfeedback = \"F\"\n", o == 0))
                .collect();
            format!("```check\nid = \"c{i}\"\nquestion = \"Q\"\nexplanation = \"E\"\n{options}```\n")
        })
        .collect();
    let body = format!(
        "{checks}```reflection\nid = \"r1\"\nprompt = \"Why?\"\n```\n```reflection\nid = \"r2\"\nprompt = \"How?\"\n```\n"
    );
    let (module, diagnostics) = parse_module("m.md", &module_source("m", overrides, &body));
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
    module.unwrap()
}

fn module() -> Module {
    module_with(&[3, 3, 3, 3, 3], &[])
}

fn answer(record: &mut LearnerRecord, check: &str, chosen: &[usize]) {
    let correct = chosen == [0];
    record
        .record_attempt("m", CheckAttempt { check_id: check.into(), chosen: chosen.to_vec(), correct, at: AT.into() });
}

#[test]
fn the_lms_status_follows_the_domains_completion_rule() {
    let module = module();
    let mut record = LearnerRecord::default();
    assert_eq!(report(&module, &record), Report { lesson_status: LessonStatus::Incomplete, score: None });

    answer(&mut record, "c0", &[1]);
    assert_eq!(report(&module, &record), Report { lesson_status: LessonStatus::Incomplete, score: Some(0) });
    for check in ["c0", "c1", "c2", "c3"] {
        answer(&mut record, check, &[0]);
    }
    answer(&mut record, "c4", &[2]);
    assert_eq!(
        report(&module, &record),
        Report { lesson_status: LessonStatus::Incomplete, score: Some(80) },
        "80 % but the reflections are not answered"
    );
    record.record_reflection("m", "r1", "One", AT);
    record.record_reflection("m", "r2", "Two", AT);
    assert_eq!(report(&module, &record), Report { lesson_status: LessonStatus::Passed, score: Some(80) });

    answer(&mut record, "c3", &[1]);
    assert_eq!(
        report(&module, &record).lesson_status,
        LessonStatus::Incomplete,
        "60 % on the latest answers is below the pass mark, and no completion was recorded"
    );
}

#[test]
fn a_recorded_completion_stays_passed_with_the_score_it_was_recorded_with() {
    let module = module();
    let mut record = LearnerRecord::default();
    for check in ["c0", "c1", "c2", "c3", "c4"] {
        answer(&mut record, check, &[0]);
    }
    record.record_reflection("m", "r1", "One", AT);
    record.record_reflection("m", "r2", "Two", AT);
    assert!(progress::complete_if_due(&module, &mut record, AT));
    answer(&mut record, "c0", &[1]);
    answer(&mut record, "c1", &[1]);
    assert_eq!(report(&module, &record), Report { lesson_status: LessonStatus::Passed, score: Some(100) });
}

#[test]
fn a_module_without_checks_is_completed_and_has_no_score() {
    let module = module_with(&[], &[]);
    let mut record = LearnerRecord::default();
    assert_eq!(report(&module, &record), Report { lesson_status: LessonStatus::Incomplete, score: None });
    record.record_reflection("m", "r1", "One", AT);
    record.record_reflection("m", "r2", "Two", AT);
    assert_eq!(report(&module, &record), Report { lesson_status: LessonStatus::Completed, score: None });
    assert_eq!(report(&module, &record).lesson_status.cmi(), "completed");
}

#[test]
fn session_time_is_a_scorm_12_timespan() {
    assert_eq!(session_time(0), "0000:00:00.00");
    assert_eq!(session_time(3_723_456), "0001:02:03.45");
    assert_eq!(session_time(59_999), "0000:00:59.99");
    assert_eq!(session_time(u64::MAX), "9999:59:59.99", "capped at what the format holds");
}

#[test]
fn answers_and_reflections_come_back_as_they_were() {
    let module = module();
    let mut record = LearnerRecord::default();
    answer(&mut record, "c0", &[0]);
    answer(&mut record, "c2", &[2]);
    let tricky = "Ask first ~ then \"check\" <b>50%</b> *twice*\nnext line: café, 👩‍⚕️, \\ & done";
    record.record_reflection("m", "r2", tricky, AT);

    let suspended = suspend_data(&module, &record);
    assert!(suspended.cut_short.is_empty());
    assert!(
        suspended.text.chars().all(|c| c.is_ascii() && !"\"<>&\n\\".contains(c)),
        "only characters every LMS stores safely: {}",
        suspended.text
    );
    let resume = read_suspend_data(&module, &suspended.text).unwrap().unwrap();
    assert_eq!(resume.answers, [("c0".to_owned(), vec![0]), ("c2".to_owned(), vec![2])]);
    assert_eq!(resume.reflections, [("r2".to_owned(), tricky.to_owned())]);
    assert!(resume.cut_short.is_empty());
}

#[test]
fn a_check_with_more_than_six_options_takes_two_digits() {
    let module = module_with(&[9, 2], &[]);
    let mut record = LearnerRecord::default();
    answer(&mut record, "c0", &[1, 7, 8]);
    answer(&mut record, "c1", &[1]);
    let suspended = suspend_data(&module, &record);
    let checks = suspended.text.split('~').nth(2).unwrap();
    assert_eq!(checks.len(), 3, "two digits for nine options, one for two: {checks}");
    let resume = read_suspend_data(&module, &suspended.text).unwrap().unwrap();
    assert_eq!(resume.answers, [("c0".to_owned(), vec![1, 7, 8]), ("c1".to_owned(), vec![1])]);
}

#[test]
fn progress_that_does_not_fit_keeps_every_answer_and_cuts_the_longest_reflection() {
    let module = module();
    let mut record = LearnerRecord::default();
    for check in ["c0", "c1", "c2", "c3", "c4"] {
        answer(&mut record, check, &[0]);
    }
    let short = "I would ask the patient first.";
    // Every "é" takes six characters once escaped: 5,000 of them cannot fit.
    let long = "é".repeat(5000);
    record.record_reflection("m", "r1", &long, AT);
    record.record_reflection("m", "r2", short, AT);

    let suspended = suspend_data(&module, &record);
    assert!(suspended.text.len() <= SUSPEND_DATA_LIMIT, "{} characters", suspended.text.len());
    assert!(suspended.text.len() > SUSPEND_DATA_LIMIT - 6, "the room is used, not wasted");
    assert_eq!(suspended.cut_short, ["r1"]);

    let resume = read_suspend_data(&module, &suspended.text).unwrap().unwrap();
    assert_eq!(resume.answers.len(), 5, "every answer, which decides the score, is kept");
    assert_eq!(resume.cut_short, ["r1"]);
    let (_, kept_long) = &resume.reflections[0];
    assert!(long.starts_with(kept_long.as_str()) && kept_long.chars().count() > 600, "{}", kept_long.len());
    assert_eq!(resume.reflections[1], ("r2".to_owned(), short.to_owned()), "the short answer is whole");

    // The status the LMS gets is unaffected: the rule reads the record.
    assert_eq!(report(&module, &record).lesson_status, LessonStatus::Passed);
    assert!(cut_short_notice(1).contains("4,096 characters"));
    assert!(cut_short_notice(1).contains("only the beginning of your answer to 1 reflection prompt."));
    assert!(cut_short_notice(2).contains("only the beginning of your answers to 2 reflection prompts."));
}

#[test]
fn two_long_reflections_share_the_room_equally() {
    let module = module();
    let mut record = LearnerRecord::default();
    record.record_reflection("m", "r1", &"a".repeat(9000), AT);
    record.record_reflection("m", "r2", &"b".repeat(9000), AT);
    let suspended = suspend_data(&module, &record);
    assert_eq!(suspended.cut_short, ["r1", "r2"]);
    let resume = read_suspend_data(&module, &suspended.text).unwrap().unwrap();
    let lengths: Vec<usize> = resume.reflections.iter().map(|(_, text)| text.len()).collect();
    assert!(lengths[0].abs_diff(lengths[1]) <= 1 && lengths[0] > 2000, "{lengths:?}");
}

#[test]
fn a_first_visit_has_nothing_to_resume() {
    assert_eq!(read_suspend_data(&module(), ""), Ok(None));
    let empty = suspend_data(&module(), &LearnerRecord::default());
    let resume = read_suspend_data(&module(), &empty.text).unwrap().unwrap();
    assert_eq!(resume, Resume::default());
}

#[test]
fn progress_for_another_version_of_the_module_is_not_applied() {
    let mut record = LearnerRecord::default();
    answer(&mut record, "c0", &[0]);
    let saved = suspend_data(&module(), &record).text;
    let reworded = module_with(&[3, 3, 3, 3, 4], &[]);
    assert_eq!(read_suspend_data(&reworded, &saved), Err(SuspendError::OtherModuleVersion));
}

#[test]
fn damaged_or_foreign_suspend_data_is_refused() {
    let module = module();
    let good = suspend_data(&module, &LearnerRecord::default()).text;
    let print = good.split('~').nth(1).unwrap().to_owned();
    let damaged = [
        "lesson_location=3".to_owned(),
        format!("2~{print}~.....~~"),
        format!("1~{print}~....~~"),
        format!("1~{print}~......~~"),
        format!("1~{print}~A....~~"),
        format!("1~{print}~I....~~"),
        format!("1~{print}~.....~"),
        format!("1~{print}~.....~~~"),
        format!("1~{print}~.....~%E9~"),
        format!("1~{print}~.....~%G1~"),
        format!("1~{print}~.....~a\"b~"),
    ];
    for text in damaged {
        assert_eq!(read_suspend_data(&module, &text), Err(SuspendError::Unreadable), "{text}");
    }
    assert_eq!(read_suspend_data(&module, &format!("1~{print}~B....~~")).unwrap().unwrap().answers.len(), 1);
}

#[test]
fn resuming_adds_only_what_the_record_lacks() {
    let module = module();
    let mut lms = LearnerRecord::default();
    answer(&mut lms, "c0", &[0]);
    answer(&mut lms, "c1", &[2]);
    lms.record_reflection("m", "r1", "Mine", AT);
    let resume = read_suspend_data(&module, &suspend_data(&module, &lms).text).unwrap().unwrap();

    let changes = changes_to_resume(&module, &LearnerRecord::default(), &resume);
    assert_eq!(changes.len(), 3, "{changes:?}");
    assert!(changes.contains(&Change::AnswerCheck { module_id: "m".into(), check_id: "c1".into(), chosen: vec![2] }));
    assert!(changes.contains(&Change::SaveReflection {
        module_id: "m".into(),
        prompt_id: "r1".into(),
        text: "Mine".into()
    }));

    assert!(changes_to_resume(&module, &lms, &resume).is_empty(), "the same record needs nothing");
    let mut changed = lms.clone();
    answer(&mut changed, "c1", &[1]);
    assert_eq!(changes_to_resume(&module, &changed, &resume).len(), 1);
}

#[test]
fn a_shortened_reflection_does_not_replace_the_whole_one() {
    let module = module();
    let mut record = LearnerRecord::default();
    let long = "x".repeat(6000);
    record.record_reflection("m", "r1", &long, AT);
    let resume = read_suspend_data(&module, &suspend_data(&module, &record).text).unwrap().unwrap();
    assert_eq!(resume.cut_short, ["r1"]);
    assert!(changes_to_resume(&module, &record, &resume).is_empty());
    let elsewhere = changes_to_resume(&module, &LearnerRecord::default(), &resume);
    assert!(matches!(&elsewhere[..], [Change::SaveReflection { text, .. }] if text.len() < 4096));
}

#[test]
fn the_manifest_has_a_sco_per_module_and_the_app_as_a_shared_asset() {
    let one = module();
    let mut two = module_with(&[3], &[("title", "\"Bias & <fairness>\"")]);
    two.id = "bias".into();
    let files = vec!["boot.js".to_owned(), "icons/icon.svg".to_owned()];
    let xml = manifest("A course", &[&one, &two], &files).unwrap();
    for expected in [
        "<schemaversion>1.2</schemaversion>",
        "<organizations default=\"praxis-course\">",
        "<item identifier=\"item-m\" identifierref=\"sco-m\" isvisible=\"true\">",
        "<title>Bias &amp; &lt;fairness&gt;</title>",
        "<resource identifier=\"sco-bias\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"bias.html\">",
        "<dependency identifierref=\"praxis-app\"/>",
        "<file href=\"icons/icon.svg\"/>",
    ] {
        assert!(xml.contains(expected), "{expected} missing from\n{xml}");
    }
    assert_eq!(xml.matches("adlcp:scormtype=\"sco\"").count(), 2);
    assert!(!xml.contains("masteryscore"), "the LMS must not override the status Praxis sets");
    assert_ne!(xml, manifest("A course", &[&one], &files).unwrap(), "the package id depends on its modules");
}

#[test]
fn a_package_that_cannot_be_made_says_why() {
    let one = module();
    assert_eq!(manifest("T", &[], &[]), Err(PackageError::NoModules));
    assert_eq!(manifest("T", &[&one, &one], &[]), Err(PackageError::RepeatedModule("m".into())));
    let long = "t".repeat(201);
    assert_eq!(manifest(&long, &[&one], &[]), Err(PackageError::TitleTooLong(long.clone())));
    assert!(PackageError::TitleTooLong(long).to_string().contains("200 characters"));

    // Answers to 4,100 checks cannot fit in 4,096 characters whatever is done with the reflections.
    let mut huge = module();
    let check = huge.blocks.iter().find(|b| matches!(b, crate::domain::module::Block::Check(_))).unwrap().clone();
    huge.blocks.extend(std::iter::repeat_n(check, 4100));
    assert_eq!(manifest("T", &[&huge], &[]), Err(PackageError::TooManyChecks("m".into())));
    assert!(PackageError::TooManyChecks("m".into()).to_string().contains("4,096-character suspend_data"));
}

#[test]
fn with_almost_no_room_left_reflections_are_left_out_and_the_learner_told() {
    let mut module = module();
    let check = module.blocks.iter().find(|b| matches!(b, crate::domain::module::Block::Check(_))).unwrap().clone();
    // Leaves one character of room for two reflections.
    let head_without = head_length(&module);
    module.blocks.extend(std::iter::repeat_n(check, SUSPEND_DATA_LIMIT - head_without - 1));
    assert_eq!(head_length(&module), SUSPEND_DATA_LIMIT - 1);
    let mut record = LearnerRecord::default();
    record.record_reflection("m", "r1", "Mine", AT);
    record.record_reflection("m", "r2", "Also mine", AT);
    let suspended = suspend_data(&module, &record);
    assert_eq!(suspended.text.len(), SUSPEND_DATA_LIMIT);
    assert_eq!(suspended.cut_short, ["r1", "r2"]);
    let resume = read_suspend_data(&module, &suspended.text).unwrap().unwrap();
    // The shorter answer had no room at all; the longer one kept only its mark.
    assert_eq!((resume.reflections.len(), resume.cut_short.as_slice()), (0, ["r2".to_owned()].as_slice()));
}

const BUILT_INDEX: &str = "<html><head><title>Praxis</title>\n<script type=\"module\" src=\"./boot.js\" id=\"praxis-boot\" data-sw=\"./sw.js\" data-js=\"./praxis-1.js\" data-wasm=\"./praxis-1_bg.wasm\"></script>\n</head><body></body></html>";

#[test]
fn a_launch_page_opens_its_module_without_a_service_worker() {
    let page = launch_page(BUILT_INDEX, "ai-basics").unwrap();
    assert!(page.contains("<meta name=\"praxis-scorm-module\" content=\"ai-basics\">\n</head>"), "{page}");
    assert!(!page.contains("data-sw"), "{page}");
    assert!(page.contains("id=\"praxis-boot\" data-js=\"./praxis-1.js\" data-wasm=\"./praxis-1_bg.wasm\""), "{page}");
}

#[test]
fn a_build_for_a_fixed_path_is_refused() {
    let absolute = BUILT_INDEX.replace("\"./praxis-1.js\"", "\"/praxis-1.js\"");
    assert_eq!(launch_page(&absolute, "m"), Err(PackageError::AbsoluteBase("/praxis-1.js".into())));
    assert!(PackageError::AbsoluteBase("/x.js".into()).to_string().contains("--public-url ./"));
    assert_eq!(launch_page("<html><head></head></html>", "m"), Err(PackageError::NoBootScript));
}

// proptest's random source has no wasm32 backend.
#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Whatever the learner wrote and chose, suspend_data fits, every check
    /// answer comes back exactly, and each reflection comes back whole or
    /// as its beginning, marked as cut short.
    #[test]
    fn any_progress_fits_and_reads_back(
        r1 in ".{0,1500}",
        r2 in ".{0,1500}",
        chosen in proptest::collection::vec(proptest::option::of(0usize..3), 5),
    ) {
        let module = module();
        let mut record = LearnerRecord::default();
        for (i, choice) in chosen.iter().enumerate() {
            if let Some(option) = choice {
                answer(&mut record, &format!("c{i}"), &[*option]);
            }
        }
        record.record_reflection("m", "r1", &r1, AT);
        record.record_reflection("m", "r2", &r2, AT);
        let suspended = suspend_data(&module, &record);
        proptest::prop_assert!(suspended.text.len() <= SUSPEND_DATA_LIMIT);
        let resume = read_suspend_data(&module, &suspended.text).unwrap().unwrap();
        let answers: Vec<(String, Vec<usize>)> =
            chosen.iter().enumerate().filter_map(|(i, c)| c.map(|o| (format!("c{i}"), vec![o]))).collect();
        proptest::prop_assert_eq!(&resume.answers, &answers);
        proptest::prop_assert_eq!(&resume.cut_short, &suspended.cut_short);
        for (id, text) in [("r1", &r1), ("r2", &r2)] {
            let back = resume.reflections.iter().find(|(p, _)| p == id).map_or("", |(_, t)| t.as_str());
            if resume.cut_short.iter().any(|p| p == id) {
                proptest::prop_assert!(text.starts_with(back));
            } else {
                proptest::prop_assert_eq!(back, text.as_str());
            }
        }
    }
}
