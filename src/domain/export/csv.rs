//! The completion spreadsheet an employer opens in Excel or LibreOffice:
//! one row per learner and module (or competence area), RFC 4180 with a
//! UTF-8 byte-order mark and CRLF line ends.
//!
//! Every text cell is guarded against formula injection (OWASP): a cell
//! that starts with `=`, `+`, `-`, `@` (or their full-width forms), even
//! after spaces, a byte-order mark or invisible format characters, or
//! with TAB, CR, LF or NUL, gets a leading `'`. Numbers and dates are
//! written from typed fields, never from text the learner typed, so they
//! need no guard. Each row ends with a check (a truncated SHA-256 of the
//! row), so the roll-up can tell a spreadsheet edited after export from
//! one that was not.

use std::collections::BTreeMap;

use crate::domain::digest::sha256_hex;
use crate::domain::framework::assessment_areas;
use crate::domain::module::Catalogue;
use crate::domain::quote::quoted;
use crate::domain::staff::{Cell, FileCheck, Learner, StaffRecord, Status};
use crate::domain::timestamp::parse_date;

pub const HEADERS: [&str; 15] = [
    "Staff number",
    "Name",
    "Profession",
    "Stage",
    "Exported at",
    "Item type",
    "Item id",
    "Item",
    "Status",
    "Completed on",
    "Score (%)",
    "CPD hours",
    "Expires on",
    "Level (1-4)",
    "Row check",
];

const BYTE_ORDER_MARK: &str = "\u{feff}";
const MODULE_ROW: &str = "module";
const COMPETENCE_ROW: &str = "competence";
const SELF_ASSESSED: &str = "Self-assessed";

/// The spreadsheet for `staff`: one learner's own export, or an
/// employer's roll-up of many.
pub fn write(staff: &[&StaffRecord], catalogue: &Catalogue) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(BYTE_ORDER_MARK.as_bytes().to_vec());
    let row = |writer: &mut ::csv::Writer<Vec<u8>>, cells: Vec<String>| {
        let check = row_check(&cells);
        writer.write_record(cells.iter().map(String::as_str).chain([check.as_str()])).expect("writing to memory");
    };
    writer.write_record(HEADERS).expect("writing to memory");
    let areas = assessment_areas();
    for record in staff {
        let learner = &record.learner;
        let who = [&learner.staff_number, &learner.name, &learner.profession, &learner.stage, &record.exported_at]
            .map(|text| guard(text));
        for (module_id, cell) in &record.cells {
            let title = catalogue.get(module_id).map_or(module_id.as_str(), |m| m.title.as_str());
            let mut cells = who.to_vec();
            cells.extend([
                MODULE_ROW.to_owned(),
                guard(module_id),
                guard(title),
                cell.status.label().to_owned(),
                date_text(cell.completed_on),
                cell.score.map(|s| s.to_string()).unwrap_or_default(),
                format!("{:.2}", cell.cpd_hours),
                date_text(cell.expires_on),
                String::new(),
            ]);
            row(&mut writer, cells);
        }
        for (area_id, (level, assessed_on)) in &record.competences {
            let title = areas.iter().find(|a| &a.id == area_id).map_or(area_id.as_str(), |a| a.label);
            let mut cells = who.to_vec();
            cells.extend([
                COMPETENCE_ROW.to_owned(),
                guard(area_id),
                guard(title),
                SELF_ASSESSED.to_owned(),
                assessed_on.to_string(),
                String::new(),
                String::new(),
                String::new(),
                level.to_string(),
            ]);
            row(&mut writer, cells);
        }
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("every cell written is UTF-8")
}

/// Reads a completion spreadsheet back into the learners it holds: the
/// roll-up accepts these as well as backups. `Err` when it is not one.
pub fn read(text: &str) -> Result<(FileCheck, Vec<StaffRecord>), String> {
    let text = text.strip_prefix(BYTE_ORDER_MARK).unwrap_or(text);
    if text.trim().is_empty() {
        return Err("The file is empty.".to_owned());
    }
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = reader.records();
    let header =
        rows.next().ok_or("The file is empty.")?.map_err(|e| format!("This is not a readable spreadsheet: {e}."))?;
    if header.iter().ne(HEADERS) {
        return Err(format!(
            "This is not a Praxis completion spreadsheet: its first row should be the headings {}.",
            HEADERS.join(", ")
        ));
    }
    let mut check = FileCheck::Intact;
    let mut staff: Vec<StaffRecord> = Vec::new();
    for (index, row) in rows.enumerate() {
        let line = index + 2;
        let row = row.map_err(|e| format!("Row {line} cannot be read: {e}."))?;
        if row.len() != HEADERS.len() {
            return Err(format!(
                "Row {line} has {} cells; a Praxis spreadsheet has {} in every row.",
                row.len(),
                HEADERS.len()
            ));
        }
        let cells: Vec<String> = row.iter().map(str::to_owned).collect();
        let (data, stated) = cells.split_at(HEADERS.len() - 1);
        if check == FileCheck::Intact && stated.first().map(String::as_str) != Some(row_check(data).as_str()) {
            check = FileCheck::Modified(format!("row {line} was changed after export"));
        }
        let field = |name: &str| -> &str {
            let column = HEADERS.iter().position(|h| *h == name).expect("a known heading");
            data[column].as_str()
        };
        let date = |name: &str| -> Result<Option<time::Date>, String> {
            let text = field(name);
            if text.is_empty() {
                return Ok(None);
            }
            parse_date(text).map(Some).ok_or_else(|| format!("Row {line}: {name} {} is not a date.", quoted(text)))
        };
        let learner = Learner {
            staff_number: unguard(field("Staff number")),
            name: unguard(field("Name")),
            profession: unguard(field("Profession")),
            stage: unguard(field("Stage")),
        };
        let exported_at = unguard(field("Exported at"));
        let same_learner = staff.last().is_some_and(|s| s.learner == learner && s.exported_at == exported_at);
        if !same_learner {
            staff.push(StaffRecord { learner, exported_at, cells: BTreeMap::new(), competences: BTreeMap::new() });
        }
        let current = staff.last_mut().expect("a learner was just added");
        let item = unguard(field("Item id"));
        match field("Item type") {
            MODULE_ROW => {
                let status = Status::from_label(field("Status")).ok_or_else(|| {
                    format!("Row {line}: status {} is not one Praxis writes.", quoted(field("Status")))
                })?;
                let number = |name: &str| -> Result<Option<f32>, String> {
                    let text = field(name);
                    if text.is_empty() {
                        return Ok(None);
                    }
                    text.parse::<f32>()
                        .ok()
                        .filter(|n| n.is_finite() && *n >= 0.0)
                        .map(Some)
                        .ok_or_else(|| format!("Row {line}: {name} {} is not a number.", quoted(text)))
                };
                let cell = Cell {
                    status,
                    completed_on: date("Completed on")?,
                    score: number("Score (%)")?.map(|s| s.min(100.0) as u8),
                    cpd_hours: number("CPD hours")?.unwrap_or(0.0),
                    expires_on: date("Expires on")?,
                };
                current.cells.insert(item, cell);
            }
            COMPETENCE_ROW => {
                let level = field("Level (1-4)")
                    .parse::<u8>()
                    .ok()
                    .filter(|l| (1..=4).contains(l))
                    .ok_or_else(|| format!("Row {line}: level {} is not 1 to 4.", quoted(field("Level (1-4)"))))?;
                let assessed_on =
                    date("Completed on")?.ok_or_else(|| format!("Row {line}: a competence row needs its date."))?;
                current.competences.insert(item, (level, assessed_on));
            }
            other => return Err(format!("Row {line}: item type {} is not module or competence.", quoted(other))),
        }
    }
    if staff.is_empty() {
        return Err("The spreadsheet has headings but no learners.".to_owned());
    }
    Ok((check, staff))
}

/// The OWASP guard: text that a spreadsheet would read as a formula is
/// made literal with a leading apostrophe.
pub fn guard(text: &str) -> String {
    if is_guarded(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Undoes [`guard`] when a spreadsheet is read back.
fn unguard(text: &str) -> String {
    match text.strip_prefix('\'') {
        Some(rest) if is_guarded(rest) => rest.to_owned(),
        _ => text.to_owned(),
    }
}

/// Whether [`guard`] prefixes `text`. Text that already starts with an
/// apostrophe before guarded text is guarded again, so that reading a
/// cell back removes exactly the apostrophe that writing added.
fn is_guarded(text: &str) -> bool {
    could_be_formula(text) || text.strip_prefix('\'').is_some_and(is_guarded)
}

/// Spreadsheets skip leading spaces (Unicode ones too, such as NBSP),
/// a byte-order mark and invisible format characters before a formula,
/// and some read full-width and small-form signs as `=`, `+`, `-`, `@`.
fn could_be_formula(text: &str) -> bool {
    if text.starts_with(['\t', '\r', '\n', '\0']) {
        return true;
    }
    let visible = text.trim_start_matches(|c: char| c.is_whitespace() || is_format_character(c));
    visible.starts_with([
        '=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}', '\u{fe66}', '\u{fe62}', '\u{fe63}',
        '\u{fe6b}', '\u{2212}',
    ])
}

/// Characters that take no space: zero-width spaces and joiners, direction
/// marks, embeddings and isolates, the word joiner, invisible operators,
/// the soft hyphen, and the byte-order mark.
fn is_format_character(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

fn date_text(date: Option<time::Date>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// 16 hex digits of SHA-256 over the row's cells, joined by a separator
/// no cell can hold unescaped.
fn row_check(cells: &[String]) -> String {
    sha256_hex(cells.join("\u{1f}").as_bytes())[..16].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::curriculum::catalogue;
    use crate::domain::employer::check_file;
    use crate::domain::record::{Completion, LearnerRecord, Rating, SelfAssessment};

    fn day(text: &str) -> time::Date {
        parse_date(text).unwrap()
    }

    fn hostile_learner() -> StaffRecord {
        let mut record = LearnerRecord::default();
        record.profile.name = Some("=HYPERLINK(\"http://evil\",\"click\")".into());
        record.profile.staff_number = Some("-42".into());
        record.profile.profession = Some("nursing".into());
        record.completions.insert(
            "what-ai-is".into(),
            Completion { completed_at: "2026-01-05T09:00:00.000Z".into(), minutes: 30, score: Some(75) },
        );
        let ratings = [("artificial-intelligence".to_owned(), Rating { level: 2, confidence: 3, evidence: vec![] })];
        record.self_assessments.push(SelfAssessment { at: "2026-02-01T10:00:00.000Z".into(), ratings: ratings.into() });
        StaffRecord::from_record(&record, "2026-03-01T00:00:00.000Z", catalogue(), 36, day("2026-11-22"))
    }

    #[test]
    fn the_file_is_rfc_4180_with_a_bom_crlf_and_no_live_formula() {
        let text = write(&[&hostile_learner()], catalogue());
        assert!(text.starts_with("\u{feff}Staff number,Name,"), "{}", &text[..40]);
        assert!(text.ends_with("\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "every line ends CRLF");
        let mut reader = ::csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), catalogue().modules().len() + 1, "a row per module and one competence row");
        for row in &rows {
            assert_eq!(row.len(), HEADERS.len());
            for cell in row.iter() {
                assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']), "live cell {cell:?}");
            }
        }
        let row = rows.iter().find(|r| &r[6] == "what-ai-is").unwrap();
        assert_eq!(&row[1], "'=HYPERLINK(\"http://evil\",\"click\")");
        assert_eq!(&row[0], "'-42");
        assert_eq!(
            (&row[8], &row[9], &row[10], &row[11], &row[12]),
            ("Complete", "2026-01-05", "75", "0.50", "2029-01-05")
        );
        let competence = rows.iter().find(|r| &r[5] == "competence").unwrap();
        assert_eq!((&competence[9], &competence[13]), ("2026-02-01", "2"));
    }

    #[test]
    fn a_spreadsheet_reads_back_as_the_same_learners_and_edits_are_caught() {
        let staff = hostile_learner();
        let text = write(&[&staff], catalogue());
        let (check, read) = read(&text).unwrap();
        assert_eq!(check, FileCheck::Intact);
        assert_eq!(read, vec![staff]);
        let edited = text.replace("Complete,2026-01-05,75", "Complete,2026-01-05,95");
        let checked = check_file("team.csv", &edited, catalogue(), 36, day("2026-11-22"));
        assert!(matches!(&checked.check, FileCheck::Modified(r) if r.starts_with("row ")), "{:?}", checked.check);
        assert_eq!(checked.staff[0].cells["what-ai-is"].score, Some(95), "a modified file is still read");
    }

    #[test]
    fn formulas_behind_spaces_marks_or_full_width_signs_are_guarded() {
        let formulas = [
            "=1+1",
            "+1",
            "-1",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "\n=1",
            "\0",
            " =1",
            "   -2",
            "\u{a0}=1",
            "\u{2003}+1",
            "\u{3000}@A1",
            "\u{feff}=1",
            "\u{200b}=1",
            "\u{200d}\u{200e}=1",
            "\u{200f}-1",
            "\u{2060}=1",
            "\u{202e}=1",
            "\u{ad}=1",
            "\u{a0}\u{feff}\u{200b} =1",
            "\u{ff1d}1+1",
            "\u{ff0b}1",
            "\u{ff0d}1",
            "\u{ff20}SUM(A1)",
            "\u{fe66}1",
            "\u{2212}1",
            " \u{ff1d}HYPERLINK(\"http://evil\")",
        ];
        for text in formulas {
            assert_eq!(guard(text), format!("'{text}"), "{text:?} is a formula to a spreadsheet");
            assert_eq!(unguard(&guard(text)), text, "{text:?} reads back as written");
        }
        for text in ["Asha Patel", " Asha", "\u{a0}note", "1-2", "a=b", "100", "\u{feff}Name", "'quoted'", "™=1"] {
            assert_eq!(guard(text), text, "{text:?} is not a formula");
        }
    }

    #[test]
    fn a_cell_that_already_starts_with_an_apostrophe_reads_back_unchanged() {
        for text in ["'=1", "''=1", "'\u{a0}=1", "'abc", "'", "''"] {
            assert_eq!(unguard(&guard(text)), text, "{text:?}");
        }
        assert_eq!(guard("'=1"), "''=1");
    }

    // proptest's random source has no wasm32 backend.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn every_text_reads_back_as_written_and_is_never_a_live_formula(text in "\\PC{0,8}|[ \u{a0}\u{feff}\u{200b}'=+@\t\u{ff1d}-]{0,6}\\PC{0,3}") {
            let written = guard(&text);
            proptest::prop_assert_eq!(unguard(&written), text.clone());
            let visible = written.trim_start_matches(|c: char| c.is_whitespace() || ('\u{200b}'..='\u{200f}').contains(&c) || c == '\u{feff}');
            let live = written.starts_with(['\t', '\r', '\n', '\0'])
                || visible.starts_with(['=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}']);
            proptest::prop_assert!(!live, "{:?} was written as {:?}", text, written);
        }
    }

    #[test]
    fn files_that_are_not_completion_spreadsheets_say_why() {
        let cases = [
            ("", "The file is empty."),
            ("a,b,c\r\n", "not a Praxis completion spreadsheet"),
            (&format!("{}\r\n", HEADERS.join(",")), "headings but no learners"),
        ];
        for (text, expected) in cases {
            let error = read(text).unwrap_err();
            assert!(error.contains(expected), "{text:?}: {error}");
        }
        let good = write(&[&hostile_learner()], catalogue());
        let bad_date = good.replacen("2026-01-05", "5th Jan", 1);
        assert!(read(&bad_date).unwrap_err().contains("Completed on \"5th Jan\" is not a date"));
    }
}
