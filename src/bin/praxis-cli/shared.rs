//! What several subcommands need alike: the clock, and reading the files
//! they are given (module sources, a learner's backup, an employer's file).
//! Each reads from disk and hands the text to the domain, which decides.

use std::io::Read;
use std::path::{Path, PathBuf};

use praxis::domain::backup;
use praxis::domain::employer::{self, CheckedFile};
use praxis::domain::module::{self, Catalogue, Diagnostic, ShippedImages};
use praxis::domain::staff::{FileCheck, StaffRecord};
use praxis::domain::{curriculum, export, timestamp};

use crate::folder;

pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// Now, as exports write it: RFC 3339 UTC with milliseconds.
pub fn now() -> String {
    timestamp::format(time::OffsetDateTime::now_utc())
}

/// Reads a backup file, or says which file is unusable and why.
pub fn read_backup_file(path: &Path) -> Result<backup::ReadBackup, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    backup::read_backup(&text, today()).map_err(|reason| format!("{}: {reason}", path.display()))
}

/// Reads every module file under `paths` (default: `modules`) and checks
/// them as one catalogue, with the images in the `images/` folder beside
/// them (`modules/images/`, which the build ships).
pub fn load_modules(paths: &[PathBuf]) -> Result<(Catalogue, Vec<Diagnostic>), String> {
    let default = [PathBuf::from("modules")];
    let paths = if paths.is_empty() { &default[..] } else { paths };
    let mut sources = Vec::new();
    let mut images = Vec::new();
    // A folder's README.md says what the folder is for; it is not a module.
    let is_module = |file: &Path| {
        file.extension().is_some_and(|e| e == "md") && file.file_name().is_some_and(|name| name != "README.md")
    };
    for path in paths {
        for file in files_in(path, is_module)? {
            let text = std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            sources.push((file.display().to_string(), text));
        }
        let beside = if path.is_dir() { path.as_path() } else { path.parent().unwrap_or(Path::new("")) };
        images.extend(folder::files_under(&beside.join(module::images::FOLDER))?);
    }
    sources.sort();
    Ok(Catalogue::from_sources_and_images(&sources, ShippedImages::Listed(&images), today()))
}

/// `path` itself if it is a file (whatever its name: the user named it), or
/// the files directly in the folder `path` that are `wanted`, in name order.
pub fn files_in(path: &Path, wanted: impl Fn(&Path) -> bool) -> Result<Vec<PathBuf>, String> {
    if !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let unreadable = |e: std::io::Error| format!("cannot read folder {}: {e}", path.display());
    let mut found = Vec::new();
    for entry in std::fs::read_dir(path).map_err(unreadable)? {
        let file = entry.map_err(unreadable)?.path();
        if wanted(&file) {
            found.push(file);
        }
    }
    found.sort();
    Ok(found)
}

/// Checks one employer file (a backup or a completion spreadsheet) as the
/// app would; a file that cannot be read is reported like any other invalid
/// file. The file is read into `buffer`, which a caller checking many files
/// can hand back each time rather than allocate one per file.
pub fn check_employer_file(path: &Path, refresh_months: u32, buffer: &mut Vec<u8>) -> CheckedFile {
    let name = path.display().to_string();
    let unreadable = |e: std::io::Error| format!("It cannot be read: {e}.");
    // The size is checked before reading, so a 100 MB file is never loaded.
    let read =
        std::fs::metadata(path).map_err(unreadable).and_then(|meta| backup::check_size(meta.len())).and_then(|()| {
            buffer.clear();
            std::fs::File::open(path).and_then(|mut file| file.read_to_end(buffer)).map_err(unreadable)
        });
    match read {
        Ok(_) => employer::check_bytes(&name, buffer, curriculum::catalogue(), refresh_months, today()),
        Err(reason) => CheckedFile { name, check: FileCheck::Invalid(reason), staff: Vec::new() },
    }
}

/// The ASC-WDS training file for `staff`, or every problem ASC-WDS's own
/// checks would report: a file it would refuse is never written.
pub fn asc_wds_file(establishment: &str, staff: &[&StaffRecord]) -> Result<String, String> {
    export::asc_wds::write_checked(establishment, staff, curriculum::catalogue(), today()).map_err(|problems| {
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!("ASC-WDS would refuse this training file, so it was not written:\n{}", problems.join("\n"))
    })
}
