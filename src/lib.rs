//! Praxis: career-long AI literacy for UK health and social care.
//!
//! [`domain`] is the pure core; [`web`] is the Leptos app that Trunk
//! builds for the browser. `src/bin/praxis-cli/` is the native command
//! line. See ARCHITECTURE.md for the map.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod web;
