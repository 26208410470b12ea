use super::*;

#[test]
fn the_bundled_rules_files_are_valid() {
    let rules = read(REGULATOR_FILES, REFLECTIVE_FILE, FRAMEWORK_FILE).unwrap_or_else(|errors| panic!("{errors:#?}"));
    assert_eq!(rules.regulators.len(), REGULATOR_FILES.len());
    assert_eq!(rules.templates.len(), 9);
    assert_eq!((rules.framework.levels.len(), rules.framework.domains.len()), (4, 6));
}

/// The bundled file at `path` with `from` replaced by `to` (which must change it).
fn changed(path: &str, from: &str, to: &str) -> String {
    let bundled = REGULATOR_FILES
        .iter()
        .chain([&REFLECTIVE_FILE, &FRAMEWORK_FILE])
        .find(|(bundled, _)| *bundled == path)
        .unwrap_or_else(|| panic!("{path} is bundled"))
        .1;
    assert!(bundled.contains(from), "{path} contains {from}");
    bundled.replacen(from, to, 1)
}

/// Every error from reading the bundled files with `path` changed as [`changed`] does.
fn errors_with(path: &str, from: &str, to: &str) -> Vec<String> {
    let text = changed(path, from, to);
    let regulators: Vec<(&str, &str)> = REGULATOR_FILES
        .iter()
        .map(|&(bundled, original)| (bundled, if bundled == path { text.as_str() } else { original }))
        .collect();
    let pick = |file: (&'static str, &'static str)| if file.0 == path { (file.0, text.as_str()) } else { file };
    match read(&regulators, pick(REFLECTIVE_FILE), pick(FRAMEWORK_FILE)) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    }
}

#[test]
fn each_mistake_in_a_regulator_file_is_named_by_file_rule_and_field() {
    let nmc = "rules/regulators/nmc.toml";
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            nmc,
            "evidence = \"practice-hours\", minimum = 450 }",
            "evidence = \"practice-hours\", minimum = 0 }",
            "rules/regulators/nmc.toml: rule `nmc-practice-hours`: `requirement.minimum` must be a positive number \
             of hours, not 0",
        ),
        (
            nmc,
            "evidence = \"feedback\", minimum = 5 }",
            "evidence = \"feedback\", minimum = 0 }",
            "rules/regulators/nmc.toml: rule `nmc-feedback`: `requirement.minimum` must be at least 1",
        ),
        (
            nmc,
            "id = \"nmc-cpd-hours\"\ndescription = \"35 hours of CPD.\"\nsource = \"revalidation\"",
            "id = \"nmc-cpd-hours\"\ndescription = \"35 hours of CPD.\"\nsource = \"revalidaton\"",
            "rules/regulators/nmc.toml: rule `nmc-cpd-hours`: `source` is `revalidaton`, which is not one of this \
             file's [sources]: code-review, mynmc, revalidation, submit",
        ),
        (
            nmc,
            "roles = [\"nurse-and-midwife\"]",
            "roles = [\"nurse-and-midwive\"]",
            "rules/regulators/nmc.toml: rule `nmc-practice-hours-dual`: `roles` names `nurse-and-midwive`, which is \
             not one of this file's roles: single, nurse-and-midwife",
        ),
        (
            nmc,
            "id = \"nmc-cpd-hours\"",
            "id = \"cpd-hours\"",
            "rules/regulators/nmc.toml: rule `cpd-hours`: `id` must be lowercase words joined by hyphens, starting \
             with `nmc-`",
        ),
        (
            nmc,
            "id = \"nmc-cpd-hours\"",
            "id = \"nmc-feedback\"",
            "rules/regulators/nmc.toml: rule `nmc-feedback`: appears twice",
        ),
        (
            nmc,
            "id = \"nmc\"",
            "id = \"nmc-uk\"",
            "rules/regulators/nmc.toml: `id` must be `nmc`, the file's name, not `nmc-uk`",
        ),
        (
            nmc,
            "last_checked = \"2026-12-02\"",
            "last_checked = \"2026-02-30\"",
            "rules/regulators/nmc.toml: `last_checked` must be a date written YYYY-MM-DD, not `2026-02-30`",
        ),
        (
            nmc,
            "id = \"nmc-indemnity\"",
            "id = \"nmc-indemnity\"\nlast_checked = \"2 Dec 2026\"",
            "rules/regulators/nmc.toml: rule `nmc-indemnity`: `last_checked` must be a date written YYYY-MM-DD, not \
             `2 Dec 2026`",
        ),
        (
            nmc,
            "url = \"https://www.nmc.org.uk/revalidation/\"",
            "url = \"http://www.nmc.org.uk/revalidation/\"",
            "rules/regulators/nmc.toml: source `revalidation`: `url` must start with https://, not \
             `http://www.nmc.org.uk/revalidation/`",
        ),
        (
            nmc,
            "years = 3\nconfirmed = true",
            "years = 3",
            "rules/regulators/nmc.toml: `cycle.confirmed` is missing: true once a published page confirms the cycle, \
             false until then",
        ),
        (
            nmc,
            "{ id = \"nmc:preserve-safety\"",
            "{ id = \"preserve-safety\"",
            "rules/regulators/nmc.toml: `form_tags`: tag `preserve-safety` must start with `nmc:`",
        ),
        (
            "rules/regulators/gdc.toml",
            "cycle = { years = 5, year_starts = { month = 8, day = 1 } }",
            "cycle = { years = 5, year_starts = { month = 2, day = 29 } }",
            "rules/regulators/gdc.toml: role `dcp-75`: `cycle.year_starts.day` must be 1 to 28 in month 2, not 29",
        ),
        (
            "rules/regulators/gdc.toml",
            "hours = 10, window_years = 2",
            "hours = 10, window_years = 6",
            "rules/regulators/gdc.toml: rule `gdc-every-two-years`: `requirement.window_years` must be 1 to 5, the \
             cycle's length, not 6",
        ),
        (
            "rules/regulators/gdc.toml",
            "{ id = \"gdc:B\"",
            "{ id = \"gdc:A\"",
            "rules/regulators/gdc.toml: rule `gdc-outcomes`: `requirement.tags`: tag `gdc:A` appears twice",
        ),
        (
            "rules/regulators/hcpc.toml",
            "minimum = 2",
            "minimum = 5",
            "rules/regulators/hcpc.toml: rule `hcpc-learning-types`: `requirement.minimum` must be 1 to 4, the \
             number of tags, not 5",
        ),
        (
            "rules/regulators/swe.toml",
            "year_starts = { month = 12, day = 1 }",
            "year_starts = { month = 13, day = 1 }",
            "rules/regulators/swe.toml: `cycle.year_starts.month` must be a month number, 1 to 12, not 13",
        ),
    ];
    for (path, from, to, expected) in cases {
        assert_eq!(errors_with(path, from, to), [*expected], "{path}: {from} -> {to}");
    }
}

#[test]
fn a_misspelt_or_missing_field_is_refused_with_its_line() {
    let nmc = "rules/regulators/nmc.toml";
    let line_of = |text: &str, needle: &str| text[..text.find(needle).unwrap()].matches('\n').count() + 1;
    // Without deny_unknown_fields a misspelt `participatory` would quietly count every hour.
    let from = "minimum = 20, participatory = true }";
    let text = changed(nmc, from, "minimum = 20, participatroy = true }");
    let line = line_of(&text, "participatroy");
    let errors = errors_with(nmc, from, "minimum = 20, participatroy = true }");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with(&format!("{nmc}:{line}: unknown field `participatroy`")), "{errors:?}");

    let errors = errors_with(
        nmc,
        "confirmed = true\nrequirement = { type = \"count\", evidence = \"feedback\"",
        "requirement = { type = \"count\", evidence = \"feedback\"",
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with(&format!("{nmc}:")) && errors[0].contains("missing field `confirmed`"), "{errors:?}");

    let errors = errors_with(nmc, "evidence = \"feedback\"", "evidence = \"feedbacks\"");
    assert!(errors[0].contains("unknown variant `feedbacks`"), "{errors:?}");
}

#[test]
fn each_mistake_in_the_templates_or_the_framework_is_named() {
    let reflective = "rules/reflective.toml";
    let framework = "rules/framework.toml";
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            reflective,
            "regulator = \"nmc\"",
            "regulator = \"nmcc\"",
            "rules/reflective.toml: template `nmc-reflective-account`: `regulator` is `nmcc`, which has no file in \
             rules/regulators/",
        ),
        (
            reflective,
            "source = \"peer-reflection\"",
            "source = \"peer\"",
            "rules/reflective.toml: template `swe-cpd`: `source` is `peer`, which is not one of the [sources] in \
             rules/regulators/swe.toml: peer-reflection, renewal",
        ),
        (
            reflective,
            "id = \"learned\"",
            "id = \"nature\"",
            "rules/reflective.toml: template `nmc-reflective-account`: question `nature`: appears twice",
        ),
        (
            reflective,
            "word_limit = 500",
            "word_limit = 0",
            "rules/reflective.toml: template `hcpc-profile`: question `summary`: `word_limit` must be at least 1",
        ),
        (
            framework,
            "id = \"human-factors\"",
            "id = \"digital-implementation\"",
            "rules/framework.toml: domain `digital-implementation`: appears twice",
        ),
        (
            framework,
            "{ id = \"remote-care\"",
            "{ id = \"Remote care\"",
            "rules/framework.toml: domain `digital-health-for-patients`: sub-domain `Remote care`: `id` must be \
             lowercase words joined by hyphens",
        ),
        (
            framework,
            "descriptor = \"I know the main ideas and terms and can spot them in my work.\"",
            "descriptor = \" \"",
            "rules/framework.toml: level 1: `name` and `descriptor` must both be written",
        ),
    ];
    for (path, from, to, expected) in cases {
        assert_eq!(errors_with(path, from, to), [*expected], "{path}: {from} -> {to}");
    }
}

#[test]
fn a_regulator_file_nothing_reads_is_named() {
    let names = ["nmc.toml", "rcvs.toml", "README.md"].map(str::to_owned);
    assert_eq!(
        unread_regulator_files(names),
        ["rules/regulators/rcvs.toml: not read: add it to REGULATOR_FILES in src/domain/rules.rs"]
    );
}

#[test]
fn dates_are_real_days_written_in_full() {
    assert!(is_day("2026-12-02") && is_day("2028-02-29"));
    for text in ["2027-02-29", "2026-1-05", "2026-13-01", "02-12-2026", "2026-12-02T00:00", ""] {
        assert!(!is_day(text), "{text}");
    }
}

#[test]
fn a_rule_checked_on_its_own_day_keeps_that_day_and_the_others_take_the_files() {
    let text = changed(
        "rules/regulators/nmc.toml",
        "id = \"nmc-indemnity\"",
        "id = \"nmc-indemnity\"\nlast_checked = \"2027-01-05\"",
    );
    let nmc = read_regulator_file("rules/regulators/nmc.toml", &text).expect("valid");
    let checked = |id: &str| nmc.rules.iter().find(|rule| rule.id == id).map(|rule| rule.last_checked.as_str());
    assert_eq!(checked("nmc-indemnity"), Some("2027-01-05"));
    assert_eq!(checked("nmc-feedback"), Some(nmc.last_checked.as_str()));
}
