//! The educators' and employers' tools (`/author`, `/employer`): a second
//! web app that Trunk builds from `tools.html`, so the learners' app does
//! not carry the module editor or the roll-up. See `domain::page::Shell`.

#[cfg(target_arch = "wasm32")]
fn main() {
    praxis::web::start_tools();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Praxis tools run in a browser: serve them with ./scripts/serve (see README.md).");
    std::process::exit(2);
}
