//! Every file in `tests/hostile_imports/` (written by its `generate.py`) is
//! read as the app, `praxis-cli verify` and `praxis-cli rollup` read it,
//! and what Praxis says must match the file's `.expected`. A case that
//! panics fails the whole test; `PRAXIS_BLESS=1` rewrites the expectations
//! after a deliberate change (review the diff).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use praxis::domain::curriculum::catalogue;
use praxis::domain::employer::{check_bytes, combine, CheckedFile};
use praxis::domain::staff::FileCheck;

#[test]
fn every_hostile_file_gets_its_own_clear_verdict() {
    let checked = check_folder("tests/hostile_imports");
    assert!(checked.len() >= 50, "at least 50 hostile files, found {}", checked.len());
    compare_with_expected("tests/hostile_imports", &checked);
}

/// Files an employer drops in together: a forged file with a colleague's
/// staff number, invisible characters in a name, two files of one person
/// exported at the same time, offsets that sort wrongly as text. Each
/// verdict is the one after combining, as `/employer` and `rollup` show it.
#[test]
fn files_dropped_in_together_get_their_verdicts_after_combining() {
    let mut checked = check_folder("tests/hostile_imports/rollup");
    assert!(checked.len() >= 8, "found {}", checked.len());
    let staff = combine(&mut checked);
    let counted: Vec<String> = staff.iter().map(|(file, _)| file.clone()).collect();
    assert_eq!(counted, ["ben.json", "carol.json", "dan-utc.json"], "the forged number counts for no one");
    compare_with_expected("tests/hostile_imports/rollup", &checked);
}

/// Every `.json` and `.csv` file in `folder`, checked as the app and the CLI check them.
fn check_folder(folder: &str) -> Vec<CheckedFile> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let today = time::Date::from_calendar_date(2026, time::Month::November, 22).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json" || e == "csv"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            check_bytes(&name, &std::fs::read(path).unwrap(), catalogue(), 36, today)
        })
        .collect()
}

/// Compares each file's verdict with its `.expected`; `PRAXIS_BLESS=1` rewrites them.
fn compare_with_expected(folder: &str, checked: &[CheckedFile]) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let bless = std::env::var_os("PRAXIS_BLESS").is_some();
    let mut mismatches = Vec::new();
    for file in checked {
        let name = &file.name;
        let reason = file.check.reason().unwrap_or("");
        assert!(reason.chars().count() < 400, "{name}: the message is too long to read: {reason}");
        assert!(!reason.chars().any(char::is_control), "{name}: control characters reach the message: {reason:?}");
        let hidden = |c: char| matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        assert!(
            !reason.chars().any(hidden),
            "{name}: invisible or reordering characters reach the message: {reason:?}"
        );
        if let FileCheck::Invalid(_) = file.check {
            assert!(file.staff.is_empty(), "{name}: nothing is counted from an invalid file");
        }
        let verdict = format!("{}: {reason}\n", file.check.label()).replace(": \n", "\n");
        let expected_path = folder.join(format!("{name}.expected"));
        if bless {
            std::fs::write(&expected_path, &verdict).unwrap();
        }
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} is missing: run with PRAXIS_BLESS=1", expected_path.display()));
        if expected != verdict {
            mismatches.push(format!("{name}\n  expected: {expected}  got:      {verdict}"));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

mod any_bytes {
    use praxis::domain::backup::{read_backup, Backup};
    use praxis::domain::record::LearnerRecord;
    use proptest::prelude::*;

    fn today() -> time::Date {
        time::Date::from_calendar_date(2026, time::Month::November, 22).unwrap()
    }

    fn valid() -> String {
        let mut record = LearnerRecord::default();
        record.profile.name = Some("Asha Patel".into());
        record.record_reflection("what-ai-is", "first", "A thought", "2026-01-01T00:00:00.000Z");
        Backup::new(record, "2026-11-22T09:00:00.000Z").to_json()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Whatever is loaded, the reader answers (never panics), and a
        /// refusal always comes with a reason.
        #[test]
        fn arbitrary_text_is_answered_never_panicked_on(text in ".{0,400}") {
            if let Err(reason) = read_backup(&text, today()) {
                prop_assert!(!reason.is_empty());
            }
        }

        /// A backup damaged anywhere (cut, or with bytes spliced in) is
        /// refused or read, and if read as intact its content is untouched.
        #[test]
        fn a_damaged_backup_is_refused_or_flagged(cut in 0usize..2000, insert in "[\\[\\]{}\",:0-9a-z\\\\ ]{0,8}") {
            let text = valid();
            let at = cut.min(text.len());
            let at = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            let damaged = format!("{}{insert}{}", &text[..at], &text[at..]);
            match read_backup(&damaged, today()) {
                Err(reason) => prop_assert!(!reason.is_empty()),
                Ok(read) => {
                    if read.integrity == praxis::domain::backup::Integrity::Intact {
                        prop_assert_eq!(read.record, read_backup(&text, today()).unwrap().record);
                    }
                }
            }
        }

        /// Any spreadsheet-shaped text is answered too.
        #[test]
        fn arbitrary_spreadsheets_are_answered(rows in proptest::collection::vec("[^\\n]{0,80}", 0..6)) {
            let text = format!("{}\r\n{}", praxis::domain::export::csv::HEADERS.join(","), rows.join("\r\n"));
            let today = time::Date::from_calendar_date(2026, time::Month::November, 22).unwrap();
            let checked = praxis::domain::employer::check_file("x.csv", &text, praxis::domain::curriculum::catalogue(), 36, today);
            prop_assert!(checked.check.reason().is_none_or(|r| !r.is_empty()));
        }
    }
}
