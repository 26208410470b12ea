//! The roll-up's file checker: a small wasm that Trunk builds from
//! `tools.html` as a Web Worker, so `/employer` checks staff files on
//! every core while the page stays responsive. See `web::file_checks`.

#[cfg(target_arch = "wasm32")]
fn main() {
    praxis::web::file_checks::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Praxis file checker runs in a browser's Web Worker, started by /employer (see README.md).");
    std::process::exit(2);
}
