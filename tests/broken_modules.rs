//! The checker's exact messages. Every file in `tests/broken_modules/` has
//! one mistake an educator might make; the `.expected` file beside it holds
//! exactly what `praxis-cli check` must say about it. Each file is checked
//! in a catalogue with one valid module, `base-module`, so duplicate ids,
//! prerequisites and links can be tested too.
//!
//! To accept new messages after a deliberate change, run with
//! `PRAXIS_BLESS=1` and review the diff of the `.expected` files.

use std::fs;
use std::path::Path;

use praxis::domain::module::Catalogue;

const BASE_MODULE: &str = r#"+++
id = "base-module"
title = "Base"
summary = "The valid module every broken one is checked beside."
kind = "module"
stages = ["registrant"]
professions = ["all"]
competences = [{ domain = "human-factors", level = 1 }]
minutes = 10
outcomes = ["Be valid"]
version = "1.0"
reviewed = 2026-01-01
review_due = 2027-01-01
authors = ["Test author"]
sources = ["Test source"]
+++

## Body

Valid.
"#;

fn today() -> time::Date {
    time::Date::from_calendar_date(2026, time::Month::June, 1).unwrap()
}

#[test]
fn every_broken_module_gets_its_exact_messages() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken_modules");
    let bless = std::env::var_os("PRAXIS_BLESS").is_some();
    let mut names: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".md"))
        .collect();
    names.sort();
    assert!(names.len() >= 30, "the corpus should hold at least 30 broken modules, found {}", names.len());

    let mut mismatches = Vec::new();
    for name in &names {
        let text = fs::read_to_string(folder.join(name)).unwrap();
        let path = format!("modules/{name}");
        let sources = [("modules/base-module.md".to_owned(), BASE_MODULE.to_owned()), (path.clone(), text)];
        let (_, diagnostics) = Catalogue::from_sources(&sources, today());
        assert!(
            diagnostics.iter().all(|d| d.path == path),
            "the valid base module got diagnostics with {name}: {diagnostics:?}"
        );
        assert!(!diagnostics.is_empty(), "{name} is meant to be broken but the checker found nothing");
        let actual: String = diagnostics.iter().map(|d| format!("{d}\n")).collect();
        let expected_path = folder.join(name.replace(".md", ".expected"));
        if bless {
            fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} is missing: run with PRAXIS_BLESS=1", expected_path.display()));
        if actual != expected {
            mismatches.push(format!("{name}\n  expected: {expected}  actual:   {actual}"));
        }
    }
    assert!(mismatches.is_empty(), "messages changed:\n{}", mismatches.join("\n"));
}

#[test]
fn the_valid_base_module_has_no_diagnostics() {
    let (catalogue, diagnostics) = Catalogue::from_sources(&[("modules/base-module.md", BASE_MODULE)], today());
    assert_eq!(diagnostics, vec![]);
    assert_eq!(catalogue.modules().len(), 1);
}

/// The complete example in modules/README.md must itself be valid, so
/// the guide educators copy from never drifts from the checker.
#[test]
fn the_example_in_the_authoring_guide_is_valid() {
    let guide = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("modules/README.md")).unwrap();
    let start = guide.find("````markdown\n").expect("the guide has a ````markdown example") + "````markdown\n".len();
    let end = start + guide[start..].find("\n````").expect("the example is closed");
    let example = &guide[start..=end];
    let what_ai_is = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("modules/what-ai-is.md")).unwrap();
    let sources = [("modules/what-ai-is.md", what_ai_is.as_str()), ("modules/checking-ai-outputs.md", example)];
    let (catalogue, diagnostics) = Catalogue::from_sources(&sources, today());
    assert_eq!(diagnostics, vec![]);
    let module = catalogue.get("checking-ai-outputs").unwrap();
    assert_eq!(module.knowledge_checks().count(), 1);
    assert_eq!(module.reflection_prompts().count(), 1);
    assert_eq!(module.completion.pass_mark, 60);
}
