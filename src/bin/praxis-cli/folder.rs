//! Listing the files in a folder and its subfolders, for `praxis-cli` and
//! for `build.rs` (which compiles this file with `#[path]`), so the build
//! and the checker see `modules/images/` alike.

use std::path::Path;

/// Every file under `folder`, by its `/`-separated path inside it
/// (`scan.png`, `ward/chart.png`), sorted; none if there is no such
/// folder (`modules/images/` is there only once a module has an image).
pub fn files_under(folder: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    if !folder.is_dir() {
        return Ok(files);
    }
    add_files(folder, folder, &mut files)?;
    files.sort();
    Ok(files)
}

fn add_files(root: &Path, dir: &Path, files: &mut Vec<String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?.path();
        if path.is_dir() {
            add_files(root, &path, files)?;
        } else {
            let relative = path.strip_prefix(root).map_err(|e| e.to_string())?;
            let parts: Vec<String> =
                relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            files.push(parts.join("/"));
        }
    }
    Ok(())
}
