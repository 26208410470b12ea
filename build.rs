//! Checks the rules files in `rules/` and every module in `modules/` with
//! the real validators and bundles the modules into the app, so a broken
//! rule or module fails the build and the curriculum works offline.
//!
//! The validators are compiled into this script from the same source files
//! the crate uses (`#[path]` below), so there is one validator, not two.

use std::fmt::Write as _;
use std::path::Path;

// The rules files' reader, the module format and the vocabulary it checks
// against, exactly as the crate has them. Not every item is used here.
#[allow(dead_code, unused_imports)]
#[path = "src/domain"]
mod domain {
    pub mod evidence_ref;
    pub mod framework;
    pub mod module;
    pub mod page;
    pub mod record;
    pub mod rules;
}

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=modules");
    println!("cargo:rerun-if-changed=src/domain/module");
    println!("cargo:rerun-if-changed=src/domain/framework.rs");
    println!("cargo:rerun-if-changed=src/domain/record.rs");
    println!("cargo:rerun-if-changed=src/domain/evidence_ref.rs");
    println!("cargo:rerun-if-changed=src/domain/rules.rs");

    check_rules();

    let mut sources = Vec::new();
    let entries = std::fs::read_dir("modules").expect("the modules/ folder is readable");
    for entry in entries {
        let path = entry.expect("modules/ lists its files").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        if path.extension().is_some_and(|e| e == "md") && name != "README.md" {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            sources.push((format!("modules/{name}"), text));
        }
    }
    sources.sort();

    let today = time::OffsetDateTime::now_utc().date();
    let (_, diagnostics) = domain::module::Catalogue::from_sources(&sources, today);
    let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
    for warning in diagnostics.iter().filter(|d| !d.is_error()) {
        println!("cargo:warning={warning}");
    }
    if !errors.is_empty() {
        for error in &errors {
            eprintln!("{error}");
        }
        panic!(
            "{} error(s) in modules/: fix them (`cargo run --features cli --bin praxis-cli -- check modules` lists them)",
            errors.len()
        );
    }

    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut code = String::from("pub static BUNDLED_MODULES: &[(&str, &str)] = &[\n");
    for (path, _) in &sources {
        let absolute = Path::new(&root).join(path);
        writeln!(code, "    ({path:?}, include_str!({:?})),", absolute.display().to_string()).unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled_modules.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

/// Fails the build on any mistake in `rules/`, naming the file, the rule and
/// the field, and on a regulator's file the reader would not embed.
fn check_rules() {
    use domain::rules;
    let mut errors = match rules::read(rules::REGULATOR_FILES, rules::REFLECTIVE_FILE, rules::FRAMEWORK_FILE) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    };
    let entries = std::fs::read_dir("rules/regulators").expect("the rules/regulators/ folder is readable");
    let names = entries
        .map(|entry| entry.expect("rules/regulators/ lists its files").file_name().to_string_lossy().into_owned());
    errors.extend(rules::unread_regulator_files(names));
    if !errors.is_empty() {
        for error in &errors {
            eprintln!("{error}");
        }
        panic!(
            "{} error(s) in rules/: fix them (`cargo run --features cli --bin praxis-cli -- check rules` lists them; rules/README.md explains each field)",
            errors.len()
        );
    }
}
