//! `praxis-cli export`: a backup's evidence in another format, to stdout.
//! Every format is written by `domain::export` (or `backup` for a backup).

use std::path::Path;
use std::process::ExitCode;

use praxis::domain::backup::Backup;
use praxis::domain::staff::StaffRecord;
use praxis::domain::{curriculum, employer, export};

use crate::shared::{self, now, today};
use crate::ExportFormat;

pub fn run(format: ExportFormat, establishment: Option<&str>, path: &Path) -> Result<ExitCode, String> {
    let record = shared::read_backup_file(path)?.record;
    let catalogue = curriculum::catalogue();
    let json = |items: &[serde_json::Value]| serde_json::to_string_pretty(items).expect("JSON values serialise");
    let staff = || StaffRecord::from_record(&record, &now(), catalogue, employer::DEFAULT_REFRESH_MONTHS, today());
    let text = match format {
        ExportFormat::Backup => Backup::new(record.clone(), &now()).to_json(),
        ExportFormat::Csv => export::csv::write(&[&staff()], catalogue),
        ExportFormat::Xapi => json(&export::xapi::statements(&record, catalogue, &now()).statements),
        ExportFormat::Badges => json(&export::badges::credentials(&record, catalogue)),
        ExportFormat::AscWds => shared::asc_wds_file(establishment.unwrap_or_default(), &[&staff()])?,
    };
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}
