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
    assert!(String::from_utf8_lossy(&output.stdout).contains("module(s) valid"));
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
    assert!(stderr.contains("error(s)"), "{stderr}");
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
    assert_eq!(what_ai_is["minutes"], 30);
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
