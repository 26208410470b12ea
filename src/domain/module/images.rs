//! Images in modules: files kept in `modules/images/`, which the build
//! copies to `/images/` in the site (`scripts/finish-build.mjs`), so a
//! module shows one as `![alt](/images/scan.png)`. Whether a file is there
//! needs the folder, and the domain reads no folder: whoever checks the
//! modules says which files it could see.

use super::{Located, Report};

/// The folder beside the module files that holds their images, and the
/// folder of the site the build copies it to.
pub const FOLDER: &str = "images";

/// The image files that ship with the modules, as far as whoever checks
/// the modules can see them.
#[derive(Debug, Clone, Copy)]
pub enum ShippedImages<'a> {
    /// Every file in `modules/images/`, by its `/`-separated path inside
    /// that folder (`scan.png`, `ward/chart.png`), as the build and
    /// `praxis-cli check` read it.
    Listed(&'a [String]),
    /// The folder cannot be seen (the `/author` preview, in a browser):
    /// each image is a warning that it was not checked.
    Unseen,
}

impl ShippedImages<'_> {
    /// Reports what is wrong with `used`, the path of an image or of a
    /// link into the images folder (`noun` says which, for the message).
    pub(super) fn check(self, used: &Located<String>, noun: &str, report: &mut Report) {
        let (written, line) = (&used.value, used.line);
        let path = written.split(['#', '?']).next().unwrap_or_default();
        let Some(name) = path.strip_prefix('/').and_then(|p| p.strip_prefix(FOLDER)).and_then(|p| p.strip_prefix('/'))
        else {
            report.error(
                line,
                format!("{noun} `{written}` is not in /{FOLDER}/: put the file in modules/{FOLDER}/ and write its path as /{FOLDER}/<file name>"),
            );
            return;
        };
        if !is_plain_path(name) {
            report.error(
                line,
                format!("{noun} `{written}` is not a plain file path under /{FOLDER}/: use letters, digits, `-`, `_` and `.` in each name, with `/` only between a subfolder and what is in it (no `..`, backslashes or spaces)"),
            );
            return;
        }
        match self {
            ShippedImages::Listed(files) if files.iter().any(|file| file == name) => {}
            ShippedImages::Listed(files) => {
                // A case-insensitive disk would show the file; the server will not.
                let near = files.iter().find(|file| file.eq_ignore_ascii_case(name));
                let near = near.map(|file| format!(" (it has {file}: the name must match exactly, capitals included)"));
                report.error(
                    line,
                    format!(
                        "{noun} `{written}` is not in modules/{FOLDER}/{}, so learners would see nothing: add the file there or remove the {noun}",
                        near.unwrap_or_default()
                    ),
                );
            }
            ShippedImages::Unseen => report.warning(
                line,
                format!("{noun} `{written}` is not checked here: this check cannot see modules/{FOLDER}/; `praxis-cli check` and the build say whether the file is there"),
            ),
        }
    }
}

/// Whether `name` is a file name, or subfolder names and a file name
/// joined by `/`, that means the same to every disk and server: nothing
/// that climbs out of the folder (`..`), no backslashes, no escapes.
fn is_plain_path(name: &str) -> bool {
    name.split('/').all(|part| {
        !matches!(part, "" | "." | "..")
            && part.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    })
}
