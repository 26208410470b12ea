//! The domain core: modules, the learner's record, exports and the rules
//! that connect them. No IO and no web types live here, so all of it is
//! tested natively with `cargo test`; the web app and `praxis-cli` are
//! shells around it.

pub mod backup;
pub mod canonical;
pub mod change;
pub mod competence;
pub mod cpd;
pub mod curriculum;
pub mod digest;
pub mod employer;
pub mod evidence_ref;
pub mod export;
pub mod framework;
pub mod import;
pub mod incident;
pub mod migrations;
pub mod module;
pub mod page;
pub mod portfolio;
pub mod prerender;
pub mod privacy;
pub mod progress;
pub mod quote;
pub mod recommend;
pub mod record;
pub mod reflective;
pub mod revalidation;
pub mod rules;
#[cfg(feature = "cli")]
pub mod sample;
pub mod scorm;
pub mod session;
pub mod shipped_rules;
pub mod staff;
pub mod storage;
pub mod timestamp;
pub mod validate;
pub mod words;
