//! `praxis-cli package scorm` against the SCORM 1.2 schemas (xmllint,
//! from Debian's libxml2-utils, with the XSDs in tests/schemas/scorm12/).
//! The package running in an LMS is tests/e2e/scorm.test.mjs.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn praxis_cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_praxis-cli")).args(args).output().expect("praxis-cli runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("praxis-scorm-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A stand-in for `trunk build --release --public-url ./`: the files the
/// package needs, with Trunk's relative paths and the service worker mark.
fn relative_build(dir: &Path, js: &str) {
    std::fs::create_dir_all(dir.join("icons")).unwrap();
    let index = format!(
        "<!DOCTYPE html><html><head><title>Praxis</title>\n<script type=\"module\" src=\"./boot.js\" id=\"praxis-boot\" data-sw=\"./sw.js\" data-js=\"{js}\" data-wasm=\"./praxis-1_bg.wasm\"></script>\n</head><body></body></html>"
    );
    std::fs::write(dir.join("index.html"), index).unwrap();
    for file in ["boot.js", "sw.js", "praxis-1.js", "praxis-1_bg.wasm", "icons/icon.svg"] {
        std::fs::write(dir.join(file), format!("contents of {file}")).unwrap();
    }
}

fn read_zip(path: &Path) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (file.name().to_owned(), text)
        })
        .collect()
}

fn xmllint(manifest: &Path) -> Output {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/scorm12/scorm12.xsd");
    Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema)
        .arg(manifest)
        .output()
        .expect("xmllint runs (scripts/setup installs libxml2-utils)")
}

#[test]
fn a_course_of_two_modules_is_a_valid_scorm_12_package() {
    let dir = temp_dir("course");
    relative_build(&dir.join("dist"), "./praxis-1.js");
    let out = dir.join("course.zip");
    let output = praxis_cli(&[
        "package",
        "scorm",
        "--module",
        "what-ai-is",
        "--module",
        "ai-limitations",
        "--dist",
        dir.join("dist").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));

    let files = read_zip(&out);
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    for expected in [
        "imsmanifest.xml",
        "imscp_rootv1p1p2.xsd",
        "adlcp_rootv1p2.xsd",
        "imsmd_rootv1p2p1.xsd",
        "ims_xml.xsd",
        "what-ai-is.html",
        "ai-limitations.html",
        "boot.js",
        "praxis-1_bg.wasm",
        "icons/icon.svg",
    ] {
        assert!(names.contains(&expected), "{expected} missing from {names:?}");
    }
    assert!(!names.contains(&"index.html") && !names.contains(&"sw.js"), "{names:?}");
    let text = |name: &str| files.iter().find(|(n, _)| n == name).unwrap().1.clone();
    let launch = text("ai-limitations.html");
    assert!(launch.contains("<meta name=\"praxis-scorm-module\" content=\"ai-limitations\">"), "{launch}");
    assert!(!launch.contains("data-sw"), "no service worker inside an LMS: {launch}");

    let manifest = dir.join("imsmanifest.xml");
    std::fs::write(&manifest, text("imsmanifest.xml")).unwrap();
    let verdict = xmllint(&manifest);
    assert!(verdict.status.success(), "{}", String::from_utf8_lossy(&verdict.stderr));
    assert!(String::from_utf8_lossy(&verdict.stderr).contains("imsmanifest.xml validates"));
    let manifest_text = text("imsmanifest.xml");
    assert_eq!(manifest_text.matches("adlcp:scormtype=\"sco\"").count(), 2, "one SCO per module");
    assert!(manifest_text.contains("<title>What AI is, and what it is not</title>"));

    // The schemas can refuse: a SCO type SCORM 1.2 does not have.
    std::fs::write(&manifest, manifest_text.replacen("scormtype=\"sco\"", "scormtype=\"lesson\"", 1)).unwrap();
    let refused = xmllint(&manifest);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("'lesson' is not an element of the set"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_build_for_the_site_root_is_refused_and_nothing_is_written() {
    let dir = temp_dir("root");
    relative_build(&dir.join("dist"), "/praxis-1.js");
    let out = dir.join("module.zip");
    let output = praxis_cli(&[
        "package",
        "scorm",
        "--module",
        "what-ai-is",
        "--dist",
        dir.join("dist").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("\"/praxis-1.js\"") && stderr.contains("--public-url ./"), "{stderr}");
    assert!(!out.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_unknown_module_is_named() {
    let dir = temp_dir("unknown");
    relative_build(&dir.join("dist"), "./praxis-1.js");
    let out = dir.join("module.zip");
    let dist = dir.join("dist");
    let args = ["package", "scorm", "--module", "no-such-module", "--dist", dist.to_str().unwrap()];
    let output = praxis_cli(&[&args[..], &["--out", out.to_str().unwrap()]].concat());
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no module \"no-such-module\""));
    assert!(!out.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}
