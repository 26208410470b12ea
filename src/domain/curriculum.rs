//! The modules in `modules/`, compiled into the app so that they work
//! offline. `build.rs` checks them with the same validator as
//! `praxis-cli check`, so a build with a broken module fails, and ships
//! them as it parsed them (JSON), so the app does not parse Markdown or
//! TOML to show a module. The rules files are shipped the same way (`shipped_rules`).

use std::sync::OnceLock;

use super::module::Catalogue;

// `BUNDLED_MODULES: &[(&str, &str)]`: (path, text) of every module file.
include!(concat!(env!("OUT_DIR"), "/bundled_modules.rs"));

/// The modules as `build.rs` parsed and checked them.
const PARSED: &str = include_str!(concat!(env!("OUT_DIR"), "/curriculum.json"));

/// The bundled catalogue, read on first use.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        Catalogue::from_parsed(serde_json::from_str(PARSED).expect("build.rs wrote the curriculum it parsed"))
    })
}

/// The text of every bundled module file, as `(path, text)`, for checks
/// that parse them again (the tests).
pub fn sources() -> &'static [(&'static str, &'static str)] {
    BUNDLED_MODULES
}
