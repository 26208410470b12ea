//! `praxis-cli prerender`: writes every module's page and the catalogue as
//! static HTML into a built app (`scripts/build` runs it last), so a
//! learner opening a link reads the module before the wasm has arrived
//! (`domain::prerender`). A host that serves a folder's `index.html` then
//! answers `/modules/<id>` with the module's own page.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use praxis::domain::{curriculum, prerender};

pub fn run(dist: &Path) -> Result<ExitCode, String> {
    let index = dist.join("index.html");
    let shell = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let base = prerender::public_url(&shell).map_err(|e| format!("{}: {e}", index.display()))?;
    let pages = prerender::pages(curriculum::catalogue(), &shell, base)?;
    for page in &pages {
        let folder = dist.join(page.path.trim_start_matches('/'));
        let file = folder.join("index.html");
        fs::create_dir_all(&folder)
            .and_then(|()| fs::write(&file, &page.html))
            .map_err(|e| format!("{}: {e}", file.display()))?;
    }
    println!("{} pages written into {}", pages.len(), dist.display());
    Ok(ExitCode::SUCCESS)
}
