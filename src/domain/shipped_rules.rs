//! The rules files (`rules/`) as the app ships them: `build.rs` checks
//! each file with `rules::read` and writes it as JSON, which is read here
//! once with serde_json, so the app works offline and carries no TOML
//! parser. The build script, which needs the framework before this exists,
//! has its own `shipped_rules` that reads the TOML files.

use std::sync::OnceLock;

use super::rules::{self, Rules};

// `REGULATORS_JSON`, `REFLECTIVE_JSON`, `FRAMEWORK_JSON`: each rules file as JSON, `(path, text)`.
include!(concat!(env!("OUT_DIR"), "/rules_json.rs"));

/// The rules files as `build.rs` checked them and wrote them as JSON.
pub fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        rules::read_shipped(REGULATORS_JSON, REFLECTIVE_JSON, FRAMEWORK_JSON)
            .unwrap_or_else(|errors| panic!("the rules files were checked at build time, yet: {}", errors.join("; ")))
    })
}
