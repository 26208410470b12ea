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

    /// The app reads the rules as this script ships them; the script itself
    /// (the module checker needs the capability framework) reads the files.
    pub mod shipped_rules {
        use super::rules::{self, Rules};

        pub fn rules() -> &'static Rules {
            static RULES: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
            RULES.get_or_init(|| {
                rules::read(rules::REGULATOR_FILES, rules::REFLECTIVE_FILE, rules::FRAMEWORK_FILE)
                    .unwrap_or_else(|errors| panic!("{}", errors.join("\n")))
            })
        }
    }
}

/// Lists `modules/images/` as `praxis-cli check` does.
#[path = "src/bin/praxis-cli/folder.rs"]
mod folder;

fn main() {
    println!("cargo:rerun-if-changed=rules");
    // Cargo scans a folder's files and subfolders, so this covers
    // modules/images/ too, even if it is made after the first build.
    println!("cargo:rerun-if-changed=modules");
    println!("cargo:rerun-if-changed=src/domain/module");
    println!("cargo:rerun-if-changed=src/domain/framework.rs");
    println!("cargo:rerun-if-changed=src/domain/record.rs");
    println!("cargo:rerun-if-changed=src/domain/evidence_ref.rs");
    println!("cargo:rerun-if-changed=src/domain/rules.rs");

    check_rules();
    ship_rules();

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
    // The images the build ships (scripts/finish-build.mjs copies the folder).
    let images_folder = Path::new("modules").join(domain::module::images::FOLDER);
    let images = folder::files_under(&images_folder).unwrap_or_else(|e| panic!("{e}"));
    let shipped = domain::module::ShippedImages::Listed(&images);
    let (catalogue, diagnostics) = domain::module::Catalogue::from_sources_and_images(&sources, shipped, today);
    let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
    for warning in diagnostics.iter().filter(|d| !d.is_error()) {
        println!("cargo:warning={warning}");
    }
    fail_on(&errors, "modules/", "`cargo run --features cli --bin praxis-cli -- check modules` lists them");

    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut code = String::from("pub static BUNDLED_MODULES: &[(&str, &str)] = &[\n");
    for (path, _) in &sources {
        let absolute = Path::new(&root).join(path);
        writeln!(code, "    ({path:?}, include_str!({:?})),", absolute.display().to_string()).unwrap();
    }
    code.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("bundled_modules.rs"), code).expect("OUT_DIR is writable");
    // The modules as parsed here, for the app to read with serde_json: the
    // learners' wasm then carries no TOML or Markdown parser.
    let parsed = serde_json::to_string(catalogue.modules()).expect("modules serialize");
    std::fs::write(Path::new(&out_dir).join("curriculum.json"), parsed).expect("OUT_DIR is writable");
}

/// Writes each rules file as JSON (`rules_json.rs` in OUT_DIR, included by
/// `domain::rules`), so the app reads them with the serde_json it already
/// has instead of carrying a TOML parser. Run after `check_rules`.
fn ship_rules() {
    use domain::rules;
    let json = |path: &str, text: &str| {
        let value: toml::Value = toml::from_str(text).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::to_string(&value).expect("TOML values serialize")
    };
    let mut code = String::from("const REGULATORS_JSON: &[(&str, &str)] = &[\n");
    for (path, text) in rules::REGULATOR_FILES {
        writeln!(code, "    ({path:?}, {:?}),", json(path, text)).unwrap();
    }
    code.push_str("];\n");
    for (name, (path, text)) in [("REFLECTIVE_JSON", rules::REFLECTIVE_FILE), ("FRAMEWORK_JSON", rules::FRAMEWORK_FILE)]
    {
        writeln!(code, "const {name}: (&str, &str) = ({path:?}, {:?});", json(path, text)).unwrap();
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("rules_json.rs");
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
    fail_on(
        &errors,
        "rules/",
        "`cargo run --features cli --bin praxis-cli -- check rules` lists them; rules/README.md explains each field",
    );
}

/// Stops the build if `errors` has any, printing each and saying how to list them.
fn fail_on(errors: &[impl std::fmt::Display], folder: &str, how_to_list: &str) {
    if errors.is_empty() {
        return;
    }
    for error in errors {
        eprintln!("{error}");
    }
    panic!("{} error(s) in {folder}: fix them ({how_to_list})", errors.len());
}
