//! No file of the crate imports, directly or through others, a file that
//! imports it: each layer reads only the ones below it, so a newcomer can
//! follow any path down without coming back round. The check is
//! `scripts/import-circles.py` (it reads `use` paths as text; needs python3).

use std::path::Path;
use std::process::{Command, Output};

fn import_circles(src: &Path) -> Output {
    Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/import-circles.py"))
        .arg(src)
        .output()
        .expect("python3 runs scripts/import-circles.py")
}

#[test]
fn the_crate_has_no_import_circle() {
    let output = import_circles(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{report}");
    assert!(report.ends_with("import circles: 0\n"), "{report}");
}

#[test]
fn a_circle_is_found_and_named() {
    // Two files that use each other, so the check above is known to be able to fail.
    let src = std::env::temp_dir().join(format!("praxis-import-circles-{}", std::process::id()));
    std::fs::create_dir_all(src.join("domain")).unwrap();
    std::fs::write(src.join("domain/a.rs"), "use crate::domain::b::Beta;\npub struct Alpha;\n").unwrap();
    std::fs::write(src.join("domain/b.rs"), "use super::a::Alpha;\npub struct Beta;\n").unwrap();
    let output = import_circles(&src);
    std::fs::remove_dir_all(&src).unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(report.contains("a.rs -> ") && report.contains("b.rs: Beta"), "{report}");
    assert!(report.ends_with("import circles: 1\n"), "{report}");
}
