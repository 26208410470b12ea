//! The modules in `modules/`, compiled into the app so that they work
//! offline. `build.rs` checks them with the same validator as
//! `praxis-cli check`, so a build with a broken module fails.

use std::sync::OnceLock;

use super::module::Catalogue;

// `BUNDLED_MODULES: &[(&str, &str)]`: (path, text) of every module file.
include!(concat!(env!("OUT_DIR"), "/bundled_modules.rs"));

/// The bundled catalogue, parsed on first use.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        // Review dates only produce warnings, which the build already
        // printed; any fixed date gives the same modules.
        let (catalogue, _) = Catalogue::from_sources(BUNDLED_MODULES, time::Date::MIN);
        catalogue
    })
}

/// The text of every bundled module file, as `(path, text)`.
pub fn sources() -> &'static [(&'static str, &'static str)] {
    BUNDLED_MODULES
}
