//! `praxis-cli package scorm`: modules as a SCORM 1.2 zip for an LMS.
//! What goes in the manifest and launch pages is `domain::scorm`'s; this
//! file only reads the build and writes the zip.

use std::fs::File;
use std::io::Write;
use std::process::ExitCode;

use praxis::domain::module::Module;
use praxis::domain::{curriculum, scorm};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::{folder, ScormArgs};

/// The SCORM 1.2 schemas the manifest names in `xsi:schemaLocation`. The
/// specification asks for them at the package's root; they are the copies
/// the tests validate against (see tests/schemas/README.md).
const SCHEMAS: [(&str, &str); 4] = [
    ("imscp_rootv1p1p2.xsd", include_str!("../../../tests/schemas/scorm12/imscp_rootv1p1p2.xsd")),
    ("adlcp_rootv1p2.xsd", include_str!("../../../tests/schemas/scorm12/adlcp_rootv1p2.xsd")),
    ("imsmd_rootv1p2p1.xsd", include_str!("../../../tests/schemas/scorm12/imsmd_rootv1p2p1.xsd")),
    ("ims_xml.xsd", include_str!("../../../tests/schemas/scorm12/ims_xml.xsd")),
];

/// Build files that are not part of a package: the app's own start page
/// (each SCO has a launch page instead) and the service worker.
const LEFT_OUT: [&str; 2] = ["index.html", "sw.js"];

/// Writes the zip; a zip left half-written by an error is removed.
pub fn scorm(args: &ScormArgs) -> Result<ExitCode, String> {
    let catalogue = curriculum::catalogue();
    let modules: Vec<&Module> = args
        .modules
        .iter()
        .map(|id| {
            catalogue
                .get(id)
                .ok_or_else(|| format!("no module \"{id}\" in the catalogue: `praxis-cli list` shows the ids"))
        })
        .collect::<Result<_, _>>()?;
    let title = match (&args.title, &modules[..]) {
        (Some(title), _) => title.clone(),
        (None, [only]) => only.title.clone(),
        (None, all) => format!("Praxis: {} modules", all.len()),
    };
    let index_path = args.dist.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {}: {e} (is --dist a Praxis build?)", index_path.display()))?;
    let mut app_files = folder::files_under(&args.dist)?;
    app_files.retain(|file| !LEFT_OUT.contains(&file.as_str()));
    let manifest = scorm::manifest(&title, &modules, &app_files).map_err(|e| e.to_string())?;
    let mut launch_pages = Vec::new();
    for module in &modules {
        let page = scorm::launch_page(&index, &module.id).map_err(|e| e.to_string())?;
        launch_pages.push((scorm::launch_file(&module.id), page));
    }

    let write = || -> Result<(), String> {
        let file = File::create(&args.out).map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
        let mut zip = ZipWriter::new(file);
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        let mut add = |name: &str, bytes: &[u8]| -> Result<(), String> {
            zip.start_file(name, options).map_err(|e| e.to_string())?;
            zip.write_all(bytes).map_err(|e| e.to_string())
        };
        add("imsmanifest.xml", manifest.as_bytes())?;
        for (name, text) in SCHEMAS {
            add(name, text.as_bytes())?;
        }
        for (name, page) in &launch_pages {
            add(name, page.as_bytes())?;
        }
        for name in &app_files {
            let bytes = std::fs::read(args.dist.join(name)).map_err(|e| format!("cannot read {name}: {e}"))?;
            add(name, &bytes)?;
        }
        zip.finish().map_err(|e| e.to_string())?;
        Ok(())
    };
    if let Err(message) = write() {
        // A half-written zip must not be uploaded by mistake.
        let _ = std::fs::remove_file(&args.out);
        return Err(format!("{}: {message}", args.out.display()));
    }
    println!(
        "{}: SCORM 1.2, {} ({}), {} app files",
        args.out.display(),
        title,
        modules.iter().map(|m| m.id.as_str()).collect::<Vec<_>>().join(", "),
        app_files.len()
    );
    Ok(ExitCode::SUCCESS)
}
