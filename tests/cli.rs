//! `praxis-cli` as educators and their CI call it: exit codes, messages
//! on stderr, and the JSON catalogue.

use std::process::{Command, Output};

fn praxis_cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_praxis-cli"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("praxis-cli runs")
}

#[test]
fn check_passes_the_shipped_curriculum() {
    let output = praxis_cli(&["check", "modules"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("modules valid"));
}

#[test]
fn check_fails_a_broken_module_and_says_where() {
    let output = praxis_cli(&["check", "tests/broken_modules/javascript-link.md"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("tests/broken_modules/javascript-link.md:21: error: a `javascript:` link is not allowed"),
        "{stderr}"
    );
    assert!(
        stderr
            .lines()
            .any(|line| line.starts_with("praxis-cli: ") && (line.contains(" error,") || line.contains(" errors,"))),
        "{stderr}"
    );
}

#[test]
fn check_rules_passes_the_shipped_rules_and_names_a_broken_rule() {
    let output = praxis_cli(&["check", "rules"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("13 regulator file(s), 9 reflective template(s)"));

    // A reviewer's copy of rules/ with one slip, checked without rebuilding.
    let copy = scratch("rules");
    std::fs::create_dir_all(copy.join("regulators")).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    for name in ["reflective.toml", "framework.toml"] {
        std::fs::copy(root.join(name), copy.join(name)).unwrap();
    }
    for entry in std::fs::read_dir(root.join("regulators")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap().replace("minimum = 30 }", "minimum = -30 }");
        std::fs::write(copy.join("regulators").join(path.file_name().unwrap()), text).unwrap();
    }
    let output = praxis_cli(&["check", copy.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let gcc = copy.join("regulators/gcc.toml");
    let expected = format!(
        "{}: rule `gcc-hours`: `requirement.minimum` must be a positive number of hours, not -30",
        gcc.display()
    );
    assert!(stderr.contains(&expected), "{stderr}");
}

#[test]
fn check_reports_a_path_it_cannot_read() {
    let output = praxis_cli(&["check", "no/such/file.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("praxis-cli: cannot read no/such/file.md"));
}

#[test]
fn list_json_describes_every_module() {
    let output = praxis_cli(&["list", "--json", "modules"]);
    assert!(output.status.success());
    let entries: serde_json::Value = serde_json::from_slice(&output.stdout).expect("list --json prints JSON");
    let entries = entries.as_array().expect("a JSON array");
    let what_ai_is = entries.iter().find(|e| e["id"] == "what-ai-is").expect("what-ai-is is listed");
    assert_eq!(what_ai_is["title"], "What AI is, and what it is not");
    assert_eq!(what_ai_is["kind"], "module");
    assert_eq!(what_ai_is["stages"], serde_json::json!(["pre-registration"]));
    assert_eq!(what_ai_is["professions"], serde_json::json!(["all"]));
    let shipped = praxis::domain::curriculum::catalogue().get("what-ai-is").unwrap();
    assert_eq!(what_ai_is["minutes"], shipped.minutes);
    assert_eq!(what_ai_is["knowledge_checks"], 3);
    assert_eq!(what_ai_is["reflection_prompts"], 1);
    assert_eq!(what_ai_is["competences"][0]["domain"], "artificial-intelligence");
}

#[test]
fn readiness_reports_each_rule_and_exits_by_the_result() {
    let ready = praxis_cli(&[
        "readiness",
        "--regulator",
        "nmc",
        "--renewal",
        "2027-03-31",
        "tests/fixtures/backup-nmc-ready.json",
    ]);
    let stdout = String::from_utf8_lossy(&ready.stdout);
    assert!(ready.status.success(), "{stdout}{}", String::from_utf8_lossy(&ready.stderr));
    assert!(stdout.starts_with("Nursing and Midwifery Council (NMC): cycle 2024-04-01 to 2027-03-31"), "{stdout}");
    assert!(stdout.contains("[met]") && !stdout.contains("[MISSING]"), "{stdout}");

    // The same record falls short of the GDC's 100 hours for dentists.
    let gdc = praxis_cli(&[
        "readiness",
        "--regulator",
        "gdc",
        "--renewal",
        "2027-07-31",
        "tests/fixtures/backup-nmc-ready.json",
    ]);
    assert_eq!(gdc.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&gdc.stdout).contains("[MISSING]"));
}

#[test]
fn readiness_help_lists_every_regulator_praxis_knows() {
    let output = praxis_cli(&["readiness", "--help"]);
    let help = String::from_utf8_lossy(&output.stdout);
    let ids: Vec<&str> =
        praxis::domain::revalidation::regulators().iter().map(|regulator| regulator.id.as_str()).collect();
    assert!(help.contains(&format!("Regulator id: {}", ids.join(", "))), "{help}");
}

#[test]
fn readiness_names_bad_arguments() {
    let output = praxis_cli(&[
        "readiness",
        "--regulator",
        "xyz",
        "--renewal",
        "2027-03-31",
        "tests/fixtures/backup-nmc-ready.json",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).starts_with("praxis-cli: unknown regulator `xyz`: use one of nmc, gmc")
    );
    let output = praxis_cli(&[
        "readiness",
        "--regulator",
        "nmc",
        "--renewal",
        "31/03/2027",
        "tests/fixtures/backup-nmc-ready.json",
    ]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("renewal date `31/03/2027` is not a date"));
}

/// A fresh folder for one test's files.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("praxis-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn sample_to(path: &std::path::Path, seed: &str) {
    let output = praxis_cli(&["sample", "--years", "2", "--seed", seed, "--end", "2026-11-01"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    std::fs::write(path, output.stdout).unwrap();
}

#[test]
fn verify_tells_intact_from_modified_from_invalid() {
    let dir = scratch("verify");
    let intact = dir.join("intact.json");
    sample_to(&intact, "3");
    let text = std::fs::read_to_string(&intact).unwrap();
    let modified = dir.join("modified.json");
    std::fs::write(&modified, text.replacen("\"hours\": ", "\"hours\": 1", 1)).unwrap();
    let invalid = dir.join("invalid.json");
    std::fs::write(&invalid, &text[..text.len() / 3]).unwrap();

    let output = praxis_cli(&["verify", intact.to_str().unwrap()]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout)
        .contains("intact.json: no change found: Not changed or damaged since it was exported"));

    let output =
        praxis_cli(&["verify", intact.to_str().unwrap(), modified.to_str().unwrap(), invalid.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("modified.json: may be changed: it was changed after it was exported"), "{stdout}");
    assert!(stdout.contains("invalid.json: invalid: The file ends too soon"), "{stdout}");
}

#[test]
fn export_writes_each_format_from_a_backup() {
    let dir = scratch("export");
    let backup = dir.join("backup.json");
    sample_to(&backup, "4");
    let path = backup.to_str().unwrap();
    let csv = praxis_cli(&["export", "--format", "csv", path]);
    assert!(csv.status.success());
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with("\u{feff}Staff number,Name,Profession"));
    assert!(csv.lines().count() > 20, "a row per module and competence area");
    for format in ["xapi", "badges"] {
        let output = praxis_cli(&["export", "--format", format, path]);
        assert!(output.status.success(), "{format}: {}", String::from_utf8_lossy(&output.stderr));
        let items: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert!(!items.as_array().unwrap().is_empty(), "{format} exports something");
    }
    let again = praxis_cli(&["export", "--format", "backup", path]);
    let verified = dir.join("again.json");
    std::fs::write(&verified, again.stdout).unwrap();
    assert!(praxis_cli(&["verify", verified.to_str().unwrap()]).status.success(), "a re-export is intact");
}

#[test]
fn rollup_counts_every_usable_file_and_reports_the_rest() {
    let dir = scratch("rollup");
    for seed in ["1", "2", "3"] {
        sample_to(&dir.join(format!("staff-{seed}.json")), seed);
    }
    std::fs::write(dir.join("broken.json"), "{\"format\": \"praxis-backup\", ").unwrap();
    std::fs::write(dir.join("notes.txt"), "not a staff file").unwrap();
    let out = dir.join("team.csv");
    let output = praxis_cli(&["rollup", dir.to_str().unwrap(), "--csv", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "not every file is intact");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stdout.starts_with("4 files: 3 with no change found; 3 learners counted"), "{stdout}");
    assert!(stderr.contains("broken.json: invalid: The file ends too soon"), "{stderr}");
    assert!(stdout.contains("what-ai-is"), "{stdout}");
    let written = std::fs::read_to_string(&out).unwrap();
    let again = praxis_cli(&["verify", out.to_str().unwrap()]);
    assert!(
        again.status.success(),
        "the roll-up's own spreadsheet verifies: {}",
        String::from_utf8_lossy(&again.stdout)
    );
    let names: std::collections::BTreeSet<&str> = written.lines().skip(1).filter_map(|l| l.split(',').nth(1)).collect();
    assert_eq!(names.len(), 3, "three learners in the roll-up: {names:?}");
}

/// The benchmark's scaling run times each path at n, 2n and 4n and gives
/// the growth ratio of each doubling; times are printed, never asserted.
#[test]
fn bench_scaling_prints_growth_ratios_for_each_path() {
    let output = praxis_cli(&["bench-scaling", "--json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let paths: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).expect("JSON");
    let named: Vec<&str> = paths.iter().filter_map(|p| p["what"].as_str()).collect();
    assert_eq!(named.len(), 4, "{named:?}");
    assert!(named.iter().any(|w| w.starts_with("employer::combine")), "{named:?}");
    for path in &paths {
        let ratios = path["ratios"].as_array().expect("ratios");
        assert_eq!(ratios.len(), 2, "{path}");
        assert!(ratios.iter().all(|r| r.as_f64().is_some_and(|r| r > 0.0)), "{path}");
    }
}

/// The ASC-WDS file from one backup: the template's header, a row per
/// completed module under the learner's staff number, and nothing ASC-WDS's
/// own checks would refuse.
#[test]
fn export_asc_wds_writes_the_training_upload_for_one_learner() {
    let dir = scratch("asc-wds-export");
    let backup = dir.join("backup.json");
    sample_to(&backup, "5");
    let path = backup.to_str().unwrap();
    let missing = praxis_cli(&["export", "--format", "asc-wds", path]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("--establishment"), "ASC-WDS needs the workplace id");

    let output = praxis_cli(&["export", "--format", "asc-wds", "--establishment", "Oak House", path]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    let mut lines = text.split("\r\n");
    assert_eq!(lines.next(), Some(praxis::domain::export::asc_wds::HEADERS.join(",").as_str()));
    let today = time::OffsetDateTime::now_utc().date();
    let record = praxis::domain::backup::read_backup(&std::fs::read_to_string(&backup).unwrap(), today).unwrap().record;
    let staff_number = record.profile.staff_number.clone().unwrap();
    let rows: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), record.completions.len(), "one row per completed module");
    for row in &rows {
        assert!(row.starts_with(&format!("Oak House,{staff_number},51,")), "{row}");
    }
    assert_eq!(praxis::domain::export::asc_wds::validate(&text, today), vec![]);
}

/// The roll-up writes one ASC-WDS file for everyone counted, and refuses to
/// write one ASC-WDS would reject, saying which line breaks which rule.
#[test]
fn rollup_writes_the_asc_wds_file_for_every_learner_or_says_why_not() {
    let dir = scratch("asc-wds-rollup");
    for seed in ["1", "2"] {
        sample_to(&dir.join(format!("staff-{seed}.json")), seed);
    }
    let out = dir.join("asc-wds.csv");
    let out_arg = out.to_str().unwrap();
    let output = praxis_cli(&["rollup", dir.to_str().unwrap(), "--asc-wds", out_arg, "--establishment", "E-17"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = std::fs::read_to_string(&out).unwrap();
    let workers: std::collections::BTreeSet<&str> =
        text.lines().skip(1).map(|l| l.split(',').nth(1).unwrap()).collect();
    assert_eq!(workers.len(), 2, "both learners' staff numbers: {workers:?}");
    assert!(text.lines().skip(1).all(|l| l.starts_with("E-17,")));

    let too_long = "x".repeat(51);
    std::fs::remove_file(&out).unwrap();
    let refused = praxis_cli(&["rollup", dir.to_str().unwrap(), "--asc-wds", out_arg, "--establishment", &too_long]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("line 2: error: LOCALESTID is longer than 50 characters"), "{stderr}");
    assert!(!out.exists(), "a file ASC-WDS would refuse is not written");
}

#[test]
fn check_needs_each_image_in_the_images_folder_beside_the_modules() {
    let folder = scratch("images");
    let starter = include_str!("../src/domain/module/starter.md");
    let paragraph = "## First section\n\n![A chest X-ray with the flagged shadow circled](/images/ward/scan.png)\n";
    let module = starter.replacen("## First section\n", paragraph, 1);
    assert_ne!(module, starter, "the starter still has its first section");
    std::fs::write(folder.join("with-image.md"), &module).unwrap();
    let line = module.lines().position(|l| l.starts_with("![")).unwrap() + 1;

    let output = praxis_cli(&["check", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expected = format!(
        "{}:{line}: error: image `/images/ward/scan.png` is not in modules/images/, so learners would see nothing: add the file there or remove the image",
        folder.join("with-image.md").display()
    );
    assert!(stderr.contains(&expected), "{stderr}");

    // The same file elsewhere is not the file.
    std::fs::write(folder.join("scan.png"), b"not really a PNG").unwrap();
    assert_eq!(praxis_cli(&["check", folder.to_str().unwrap()]).status.code(), Some(1));

    std::fs::create_dir_all(folder.join("images/ward")).unwrap();
    std::fs::write(folder.join("images/ward/scan.png"), b"not really a PNG").unwrap();
    for path in [folder.clone(), folder.join("with-image.md")] {
        let output = praxis_cli(&["check", path.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{}: {stderr}", path.display());
        assert!(!stderr.contains("/images/"), "{stderr}");
        assert!(String::from_utf8_lossy(&output.stdout).starts_with("1 module valid"));
    }
}
