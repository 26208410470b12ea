//! `praxis-cli rollup`: many learners' backups and spreadsheets into one
//! completion matrix, each file checked first, as the employer's page does.
//! Checking and combining are `domain::employer`'s; this file checks the
//! files on every core, prints the matrix and writes the files asked for.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use praxis::domain::employer::{self, CheckedFile};
use praxis::domain::staff::{FileCheck, StaffRecord, Status};
use praxis::domain::{curriculum, export, words};

use crate::shared;

/// Prints the matrix; exits 0 only if no file shows a change.
pub fn run(
    paths: &[PathBuf],
    csv_out: Option<&Path>,
    asc_wds: Option<(&Path, &str)>,
    refresh_months: u32,
) -> Result<ExitCode, String> {
    let mut files = Vec::new();
    for path in paths {
        files.extend(shared::files_in(path, |file| file.extension().is_some_and(|e| e == "json" || e == "csv"))?);
    }
    let progress = indicatif::ProgressBar::new(files.len() as u64).with_message("files checked");
    progress.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}").expect("a valid progress template"),
    );
    // Files are independent, so each core takes the next file not yet taken
    // until none is left: a core slowed by other work takes fewer, rather
    // than the others waiting for it to finish a fixed share.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len()).max(1);
    let next = AtomicUsize::new(0);
    let mut numbered: Vec<(usize, CheckedFile)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let (files, next, progress) = (&files, &next, progress.clone());
                scope.spawn(move || {
                    let mut checked = Vec::new();
                    let mut buffer = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(index) else { break };
                        checked.push((index, shared::check_employer_file(path, refresh_months, &mut buffer)));
                        progress.inc(1);
                    }
                    checked
                })
            })
            .collect();
        workers.into_iter().flat_map(|worker| worker.join().expect("a file check does not panic")).collect()
    });
    progress.finish_and_clear();
    // Back in the order the files were given.
    numbered.sort_unstable_by_key(|(index, _)| *index);
    let mut checked: Vec<CheckedFile> = numbered.into_iter().map(|(_, file)| file).collect();
    // Only each file's name and verdict are used from here on.
    let staff = employer::combine_taking(&mut checked);
    for file in checked.iter().filter(|f| f.check != FileCheck::Intact) {
        eprintln!("{}: {}: {}", file.name, file.check.label().to_lowercase(), file.check.reason().unwrap_or_default());
    }
    let catalogue = curriculum::catalogue();
    let counted: Vec<&StaffRecord> = staff.iter().map(|(_, s)| s).collect();
    let intact = checked.iter().filter(|f| f.check == FileCheck::Intact).count();
    println!(
        "{}: {intact} with no change found; {} counted",
        words::count(checked.len(), "file", "files"),
        words::count(counted.len(), "learner", "learners")
    );
    println!("{:<45} {:>9} {:>8} {:>12} {:>12}", "Module", "Complete", "Expired", "In progress", "Not started");
    for module_id in employer::default_required(catalogue) {
        let totals = employer::totals(&counted, &module_id);
        let [complete, expired, started, missing] = Status::ALL.map(|s| totals[&s]);
        println!("{module_id:<45} {complete:>9} {expired:>8} {started:>12} {missing:>12}");
    }
    if let Some(out) = csv_out {
        std::fs::write(out, export::csv::write(&counted, catalogue))
            .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        println!("Wrote {}", out.display());
    }
    if let Some((out, establishment)) = asc_wds {
        std::fs::write(out, shared::asc_wds_file(establishment, &counted)?)
            .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        println!("Wrote {}", out.display());
    }
    Ok(if intact == checked.len() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
