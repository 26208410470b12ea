//! The Praxis web app's entry point; Trunk builds this for the browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    praxis::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Praxis web app runs in a browser: serve it with ./scripts/serve (see README.md).");
    eprintln!("For the command line, use: cargo run --features cli --bin praxis-cli -- --help");
    std::process::exit(2);
}
