use super::*;

#[test]
fn the_bundled_rules_files_are_valid() {
    let rules = read(REGULATOR_FILES, REFLECTIVE_FILE, FRAMEWORK_FILE).unwrap_or_else(|errors| panic!("{errors:#?}"));
    assert_eq!(rules.regulators.len(), REGULATOR_FILES.len());
    assert!(!rules.templates.is_empty() && !rules.framework.domains.is_empty());
}
