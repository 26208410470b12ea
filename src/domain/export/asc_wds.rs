//! The training file an adult social care employer uploads to Skills for
//! Care's Adult Social Care Workforce Data Set (ASC-WDS) as a "bulk upload":
//! one row per completed module per worker.
//!
//! The layout and rules are read from ASC-WDS's open-source code,
//! `NMDSdevopsServiceAdm/SopraSteria-SFC`, as stored in December 2026:
//! - columns and their order: `backend/server/routes/establishments/bulkUpload/download/trainingCSV.js`
//!   (commit 02d29eb48ab418577538b06f5e356b6165081012), the code that writes the training file
//!   ASC-WDS offers for download and re-upload, and the validator's own test fixture
//!   `lambdas/bulkUpload/test/unit/classes/trainingCSVValidator.spec.js`;
//! - the checks on each row: `lambdas/bulkUpload/classes/trainingCSVValidator.js` (the version with
//!   WHODELIVERED, PROVIDERNAME, HOWDELIVERED and VALIDITY) and
//!   `lambdas/bulkUpload/validateTraining/errors.js`;
//! - the header check (the first line must equal the template's header row exactly):
//!   `backend/server/routes/establishments/bulkUpload/validate/headers/training.js`;
//! - the category codes: `backend/reference/trainingCategory.js` (the BUDI code written in the
//!   file, mapped to ASC-WDS's category id) with the names in
//!   `backend/migrations/20240419083154-addTrainingCategories.js`.
//!
//! Praxis writes each field honestly: it is self-directed e-learning, so
//! ACCREDITED is 0 (No) and HOWDELIVERED is 2 (E-learning). WHODELIVERED is
//! left empty: its codes are "In-house staff" and "External provider", and an
//! external provider must be named by a code from ASC-WDS's own provider
//! list, which Praxis is not on. VALIDITY is left empty because ASC-WDS
//! expects an expiry one day before the anniversary (completion + VALIDITY
//! months − 1 day) and warns when they differ, while Praxis's refresh period
//! ends on the anniversary; EXPIRYDATE carries the roll-up's expiry instead.
//!
//! The file has no byte-order mark: ASC-WDS compares the first line with its
//! header row character for character. Lines end CRLF, as ASC-WDS's own
//! download writes them. Text cells pass through the completion
//! spreadsheet's OWASP guard ([`super::csv::guard`]), because employers open
//! this file in a spreadsheet before uploading it.

use std::fmt;

use time::Date;

use super::csv::guard;
use crate::domain::competence::shift_months;
use crate::domain::module::Catalogue;
use crate::domain::staff::StaffRecord;

/// The template's header row, in order.
pub const HEADERS: [&str; 12] = [
    "LOCALESTID",
    "UNIQUEWORKERID",
    "CATEGORY",
    "TRAININGNAME",
    "ACCREDITED",
    "WHODELIVERED",
    "PROVIDERNAME",
    "HOWDELIVERED",
    "VALIDITY",
    "DATECOMPLETED",
    "EXPIRYDATE",
    "NOTES",
];

/// The category Praxis completions are filed under: BUDI code 51, which
/// `backend/reference/trainingCategory.js` maps to ASC-WDS category 48,
/// "Working with digital technology" (added by
/// `backend/migrations/20240419083154-addTrainingCategories.js`, in the group
/// "IT, digital and data in the workplace" by
/// `20240711151423-setTrainingGroupCategories.js`). Praxis teaches the safe
/// use of AI and digital tools in care, which is that category's subject;
/// no category names AI.
pub const CATEGORY: u16 = 51;

/// Every BUDI category code `backend/reference/trainingCategory.js` maps;
/// ASC-WDS refuses any other.
const CATEGORY_CODES: [u16; 48] = [
    1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 23, 21, 25, 26, 27, 28, 29, 30, 31, 32, 33,
    34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51,
];

/// ACCREDITED: 0 No, 1 Yes, 999 Don't know. Praxis is not accredited.
const NOT_ACCREDITED: &str = "0";
/// HOWDELIVERED: 1 Face to face, 2 E-learning.
const E_LEARNING: &str = "2";

/// Field lengths ASC-WDS allows, in JavaScript string length (UTF-16 units).
const ID_MAX: usize = 50;
const TRAINING_NAME_MAX: usize = 120;
const NOTES_MAX: usize = 1000;

/// The training file for `staff`, whose workplace ASC-WDS knows as
/// `establishment` (LOCALESTID: the workplace's own reference in ASC-WDS,
/// which Praxis cannot know). Workers are identified by their staff number.
/// Expired completions are written too: ASC-WDS keeps the training history
/// and shows what has expired from EXPIRYDATE. Check the result with [`validate`] before offering it: a worker without a
/// staff number, for one, cannot be uploaded.
pub fn write(establishment: &str, staff: &[&StaffRecord], catalogue: &Catalogue) -> String {
    let mut writer = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    writer.write_record(HEADERS).expect("writing to memory");
    let establishment = guard(establishment);
    let category = CATEGORY.to_string();
    for record in staff {
        let worker = guard(&record.learner.staff_number);
        for (module_id, cell) in &record.cells {
            let Some(completed_on) = cell.completed_on else { continue };
            let title = catalogue.get(module_id).map_or(module_id.as_str(), |m| m.title.as_str());
            let score = cell.score.map(|s| format!("; best knowledge-check score {s}%")).unwrap_or_default();
            let notes = format!("Self-directed e-learning in Praxis, module {module_id}{score}.");
            let cells = [
                establishment.as_str(),
                worker.as_str(),
                category.as_str(),
                &guard(title),
                NOT_ACCREDITED,
                "",
                "",
                E_LEARNING,
                "",
                &uk_date(completed_on),
                &cell.expires_on.map(uk_date).unwrap_or_default(),
                &guard(&notes),
            ];
            writer.write_record(cells).expect("writing to memory");
        }
    }
    String::from_utf8(writer.into_inner().expect("writing to memory cannot fail")).expect("every cell written is UTF-8")
}

/// dd/mm/yyyy, the only date form ASC-WDS reads.
fn uk_date(day: Date) -> String {
    format!("{:02}/{:02}/{:04}", day.day(), u8::from(day.month()), day.year())
}

/// Whether ASC-WDS rejects the row or accepts it with a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// The training file for `staff` only if ASC-WDS would take it: what
/// [`write`] makes, held to [`validate`] on `today`. `/employer` and
/// `praxis-cli rollup --asc-wds` both offer the file through this, so neither
/// offers one the other would refuse.
pub fn write_checked(
    establishment: &str,
    staff: &[&StaffRecord],
    catalogue: &Catalogue,
    today: Date,
) -> Result<String, Vec<Problem>> {
    let text = write(establishment, staff, catalogue);
    let problems = validate(&text, today);
    if problems.is_empty() {
        Ok(text)
    } else {
        Err(problems)
    }
}

/// One thing ASC-WDS would say about the file, in its words where its code
/// has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file's line, counting the header as 1.
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "line {}: {kind}: {}", self.line, self.message)
    }
}

/// Everything ASC-WDS's training validator would report about `text` on
/// `today`: the header row, then each row's fields. Empty when the file
/// would upload cleanly. Praxis's own words are used only where ASC-WDS's
/// are not in its code (the header row and unreadable rows).
pub fn validate(text: &str, today: Date) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    // ASC-WDS compares the first line as text, so a byte-order mark or a
    // quoted heading fails it as surely as a missing column.
    let first_line = text.split('\n').next().unwrap_or_default().trim_end_matches('\r');
    if first_line != HEADERS.join(",") {
        let message = format!("The first line must be exactly the template's header row: {}.", HEADERS.join(","));
        return vec![Problem { line: 1, severity: Severity::Error, message }];
    }
    for (index, row) in reader.records().skip(1).enumerate() {
        let line = index + 2;
        let mut say = |severity, message: String| problems.push(Problem { line, severity, message });
        match row {
            Ok(row) if row.len() == HEADERS.len() => {
                let cell = |name: &str| HEADERS.iter().position(|h| *h == name).map_or("", |i| &row[i]);
                for (severity, message) in check_row(cell, today) {
                    say(severity, message);
                }
            }
            Ok(row) => {
                say(Severity::Error, format!("The row has {} fields; the template has {}.", row.len(), HEADERS.len()))
            }
            Err(e) => say(Severity::Error, format!("The row cannot be read: {e}.")),
        }
    }
    problems
}

/// The checks `trainingCSVValidator.js` makes on one row, in its order.
fn check_row<'a>(cell: impl Fn(&str) -> &'a str, today: Date) -> Vec<(Severity, String)> {
    let mut found = Vec::new();
    let mut error = |message: String| found.push((Severity::Error, message));
    for (name, max) in [("LOCALESTID", ID_MAX), ("UNIQUEWORKERID", ID_MAX)] {
        if cell(name).is_empty() {
            error(format!("{name} has not been supplied"));
        } else if js_length(cell(name)) > max {
            error(format!("{name} is longer than {max} characters"));
        }
    }
    let completed = match cell("DATECOMPLETED") {
        "" => None,
        text => match parse_uk_date(text) {
            None => {
                error("DATECOMPLETED is incorrectly formatted".to_owned());
                None
            }
            Some(day) if day > today => {
                error("DATECOMPLETED is in the future".to_owned());
                None
            }
            day => day,
        },
    };
    let expiry = match cell("EXPIRYDATE") {
        "" => None,
        text => match parse_uk_date(text) {
            None => {
                error("EXPIRYDATE is incorrectly formatted".to_owned());
                None
            }
            Some(day) if completed.is_some_and(|done| day <= done) => {
                error("EXPIRYDATE must be after DATECOMPLETED".to_owned());
                None
            }
            day => day,
        },
    };
    if js_length(cell("TRAININGNAME")) > TRAINING_NAME_MAX {
        error(format!("TRAININGNAME is longer than {TRAINING_NAME_MAX} characters"));
    }
    if !js_parse_int(cell("CATEGORY")).is_some_and(|code| CATEGORY_CODES.iter().any(|c| i64::from(*c) == code)) {
        error("CATEGORY has not been supplied".to_owned());
    }
    let accredited = cell("ACCREDITED");
    if !accredited.is_empty() && !js_parse_int(accredited).is_some_and(|code| [0, 1, 999].contains(&code)) {
        error("ACCREDITED is invalid".to_owned());
    }
    if js_length(cell("NOTES")) > NOTES_MAX {
        error(format!("NOTES is longer than {NOTES_MAX} characters"));
    }
    // The codes are looked up as object keys, so only "1" and "2" exactly.
    let who = cell("WHODELIVERED");
    if !who.is_empty() && !["1", "2"].contains(&who) {
        error("The code you have entered for WHODELIVERED is invalid".to_owned());
    }
    let how = cell("HOWDELIVERED");
    if !how.is_empty() && !["1", "2"].contains(&how) {
        error("The code you have entered for HOWDELIVERED is invalid".to_owned());
    }
    let mut warnings = Vec::new();
    // With WHODELIVERED 2 the code is looked up in ASC-WDS's provider table,
    // which is not published; only the mismatch can be checked here.
    if !cell("PROVIDERNAME").is_empty() && who != "2" {
        warnings.push("PROVIDERNAME will be ignored as WHODELIVERED is not 2 (External provider)".to_owned());
    }
    match cell("VALIDITY") {
        "" => {}
        "none" => {
            if expiry.is_some() {
                warnings.push("The VALIDITY you have entered does not match the EXPIRYDATE".to_owned());
            }
        }
        // Their check is `> 1`, so 1 is refused although the message allows it.
        validity => match js_parse_int(validity).filter(|months| (2..=999).contains(months)) {
            None => error("VALIDITY should be either \"none\" or a number between 1 and 999".to_owned()),
            Some(months) => {
                let expected = completed.map(|done| shift_months(done, months) - time::Duration::DAY);
                if expected.is_some() && expiry.is_some() && expected != expiry {
                    warnings.push("The EXPIRYDATE you have entered does not match the VALIDITY".to_owned());
                }
            }
        },
    }
    found.extend(warnings.into_iter().map(|w| (Severity::Warning, w)));
    found
}

/// `moment.utc(text, 'DD/MM/YYYY', true)`: two-digit day and month, four-
/// digit year, a real date.
fn parse_uk_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        let part = text.get(range)?;
        part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse::<u16>().ok()).flatten()
    };
    if bytes.len() != 10 || bytes[2] != b'/' || bytes[5] != b'/' {
        return None;
    }
    let month = time::Month::try_from(u8::try_from(digits(3..5)?).ok()?).ok()?;
    Date::from_calendar_date(i32::from(digits(6..10)?), month, u8::try_from(digits(0..2)?).ok()?).ok()
}

/// JavaScript's `parseInt(text, 10)`: leading whitespace, a sign, then the
/// digits up to the first other character; `None` for NaN.
fn js_parse_int(text: &str) -> Option<i64> {
    let text = text.trim_start();
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text.strip_prefix('+').unwrap_or(text)),
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).take(18).collect();
    digits.parse::<i64>().ok().map(|n| sign * n)
}

/// JavaScript's `string.length`: UTF-16 code units.
fn js_length(text: &str) -> usize {
    text.encode_utf16().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::curriculum::catalogue;
    use crate::domain::record::{Completion, LearnerRecord};
    use crate::domain::timestamp::parse_date;

    fn day(text: &str) -> Date {
        parse_date(text).unwrap()
    }

    const TODAY: &str = "2026-11-22";

    /// A learner who completed every shipped module, a few days apart.
    fn everything_done(staff_number: &str, name: &str) -> StaffRecord {
        let mut record = LearnerRecord::default();
        record.profile.name = Some(name.into());
        record.profile.staff_number = Some(staff_number.into());
        for (i, module) in catalogue().modules().iter().enumerate() {
            let on = shift_months(day("2024-01-31"), i as i64);
            let completion = Completion { completed_at: format!("{on}T09:00:00.000Z"), minutes: 30, score: Some(80) };
            record.completions.insert(module.id.clone(), completion);
        }
        StaffRecord::from_record(&record, "2026-11-01T00:00:00.000Z", catalogue(), 36, day(TODAY))
    }

    fn rows(text: &str) -> Vec<Vec<String>> {
        let mut reader = ::csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
        reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
    }

    #[test]
    fn everything_praxis_writes_passes_their_rules_and_reads_as_written() {
        let asha = everything_done("N-0042", "Asha Patel");
        let hostile = everything_done("=1+2", "=HYPERLINK(\"x\")");
        let text = write("Oak House, Leeds", &[&asha, &hostile], catalogue());
        assert_eq!(validate(&text, day(TODAY)), vec![], "{text}");
        assert!(text.starts_with("LOCALESTID,UNIQUEWORKERID,CATEGORY,TRAININGNAME,ACCREDITED,WHODELIVERED,"));
        assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'), "CRLF only");
        let rows = rows(&text);
        let modules = catalogue().modules().len();
        assert_eq!(rows.len(), 1 + 2 * modules, "one row per completed module per worker");
        let module = &catalogue().modules()[0];
        let expected_expiry = uk_date(shift_months(day("2024-01-31"), 36));
        assert_eq!(
            rows[1],
            [
                "Oak House, Leeds",
                "N-0042",
                "51",
                module.title.as_str(),
                "0",
                "",
                "",
                "2",
                "",
                "31/01/2024",
                expected_expiry.as_str(),
                &format!("Self-directed e-learning in Praxis, module {}; best knowledge-check score 80%.", module.id),
            ]
        );
        assert_eq!(expected_expiry, "31/01/2027");
        assert_eq!(rows[1 + modules][1], "'=1+2", "a worker id that is a formula is made literal");
    }

    #[test]
    fn a_file_asc_wds_would_refuse_is_not_offered_and_the_rule_is_named() {
        let asha = everything_done("N-0042", "Asha Patel");
        let written = write_checked("Oak House", &[&asha], catalogue(), day(TODAY));
        assert_eq!(written, Ok(write("Oak House", &[&asha], catalogue())));
        let problems = write_checked("", &[&asha], catalogue(), day(TODAY)).unwrap_err();
        assert_eq!(problems.len(), catalogue().modules().len(), "every row lacks the workplace: {problems:?}");
        assert!(
            problems.iter().all(|p| p.severity == Severity::Error && p.message.contains("LOCALESTID")),
            "{problems:?}"
        );
    }

    #[test]
    fn modules_not_completed_give_no_rows() {
        let mut record = LearnerRecord::default();
        record.profile.staff_number = Some("7".into());
        record.completions.insert(
            "what-ai-is".into(),
            Completion { completed_at: "2026-01-05T09:00:00.000Z".into(), minutes: 30, score: None },
        );
        let staff = StaffRecord::from_record(&record, "2026-11-01T00:00:00.000Z", catalogue(), 12, day(TODAY));
        let rows = rows(&write("E1", &[&staff], catalogue()));
        assert_eq!(rows.len(), 2);
        assert_eq!((&rows[1][9], &rows[1][10]), (&"05/01/2026".to_owned(), &"05/01/2027".to_owned()));
        assert_eq!(rows[1][11], "Self-directed e-learning in Praxis, module what-ai-is.");
    }

    /// A header and one row whose cells are the good row's with `changes`.
    fn one_row(changes: &[(&str, &str)]) -> String {
        let mut cells = ["E1", "W1", "51", "What AI is", "0", "", "", "2", "", "05/01/2026", "05/01/2029", "Notes"]
            .map(str::to_owned);
        for (name, value) in changes {
            cells[HEADERS.iter().position(|h| h == name).unwrap()] = (*value).to_owned();
        }
        let mut writer = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
        writer.write_record(HEADERS).unwrap();
        writer.write_record(&cells).unwrap();
        String::from_utf8(writer.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn crafted_bad_rows_fail_with_the_rules_words() {
        let long = |n: usize| "x".repeat(n);
        let cases: Vec<(&str, String, Severity, &str)> = vec![
            ("LOCALESTID", "".into(), Severity::Error, "LOCALESTID has not been supplied"),
            ("LOCALESTID", long(51), Severity::Error, "LOCALESTID is longer than 50 characters"),
            ("UNIQUEWORKERID", "".into(), Severity::Error, "UNIQUEWORKERID has not been supplied"),
            // 26 emoji are 52 UTF-16 units, as JavaScript counts them.
            ("UNIQUEWORKERID", "😀".repeat(26), Severity::Error, "UNIQUEWORKERID is longer than 50 characters"),
            ("DATECOMPLETED", "2026-01-05".into(), Severity::Error, "DATECOMPLETED is incorrectly formatted"),
            ("DATECOMPLETED", "5/1/2026".into(), Severity::Error, "DATECOMPLETED is incorrectly formatted"),
            ("DATECOMPLETED", "31/02/2026".into(), Severity::Error, "DATECOMPLETED is incorrectly formatted"),
            ("DATECOMPLETED", "23/11/2026".into(), Severity::Error, "DATECOMPLETED is in the future"),
            ("EXPIRYDATE", "05-01-2029".into(), Severity::Error, "EXPIRYDATE is incorrectly formatted"),
            ("EXPIRYDATE", "05/01/2026".into(), Severity::Error, "EXPIRYDATE must be after DATECOMPLETED"),
            ("TRAININGNAME", long(121), Severity::Error, "TRAININGNAME is longer than 120 characters"),
            ("CATEGORY", "".into(), Severity::Error, "CATEGORY has not been supplied"),
            ("CATEGORY", "3".into(), Severity::Error, "CATEGORY has not been supplied"),
            ("CATEGORY", "52".into(), Severity::Error, "CATEGORY has not been supplied"),
            ("ACCREDITED", "2".into(), Severity::Error, "ACCREDITED is invalid"),
            ("ACCREDITED", "No".into(), Severity::Error, "ACCREDITED is invalid"),
            ("NOTES", long(1001), Severity::Error, "NOTES is longer than 1000 characters"),
            ("WHODELIVERED", "3".into(), Severity::Error, "The code you have entered for WHODELIVERED is invalid"),
            ("HOWDELIVERED", " 2".into(), Severity::Error, "The code you have entered for HOWDELIVERED is invalid"),
            (
                "VALIDITY",
                "1".into(),
                Severity::Error,
                "VALIDITY should be either \"none\" or a number between 1 and 999",
            ),
            (
                "VALIDITY",
                "1000".into(),
                Severity::Error,
                "VALIDITY should be either \"none\" or a number between 1 and 999",
            ),
            ("VALIDITY", "36".into(), Severity::Warning, "The EXPIRYDATE you have entered does not match the VALIDITY"),
            (
                "VALIDITY",
                "none".into(),
                Severity::Warning,
                "The VALIDITY you have entered does not match the EXPIRYDATE",
            ),
            (
                "PROVIDERNAME",
                "12".into(),
                Severity::Warning,
                "PROVIDERNAME will be ignored as WHODELIVERED is not 2 (External provider)",
            ),
        ];
        let today = day(TODAY);
        assert_eq!(validate(&one_row(&[]), today), vec![], "the unchanged row is good");
        for (column, value, severity, message) in cases {
            let problems = validate(&one_row(&[(column, &value)]), today);
            let expected = Problem { line: 2, severity, message: message.to_owned() };
            assert_eq!(problems, vec![expected], "{column} = {value:?}");
        }
    }

    #[test]
    fn values_their_code_accepts_pass_here_too() {
        let today = day(TODAY);
        let accepted: [&[(&str, &str)]; 7] = [
            // parseInt reads the leading digits, so "51 digital" is code 51.
            &[("CATEGORY", "51 digital")],
            &[("ACCREDITED", "999")],
            &[("DATECOMPLETED", ""), ("EXPIRYDATE", "")],
            &[("WHODELIVERED", "2"), ("PROVIDERNAME", "12")],
            // 36 months from 05/01/2026, less a day.
            &[("VALIDITY", "36"), ("EXPIRYDATE", "04/01/2029")],
            &[("VALIDITY", "none"), ("EXPIRYDATE", "")],
            &[("DATECOMPLETED", "22/11/2026"), ("EXPIRYDATE", "23/11/2026")],
        ];
        for changes in accepted {
            assert_eq!(validate(&one_row(changes), today), vec![], "{changes:?}");
        }
    }

    #[test]
    fn a_file_not_in_the_template_is_refused_at_its_first_line() {
        let good = one_row(&[]);
        for bad in [
            format!("\u{feff}{good}"),
            good.replacen("NOTES", "NOTE", 1),
            good.replacen(",NOTES", "", 1),
            good.replacen("NOTES", "\"NOTES\"", 1),
            String::new(),
        ] {
            let problems = validate(&bad, day(TODAY));
            assert_eq!(problems.len(), 1, "{bad:?}");
            assert_eq!(problems[0].line, 1);
            assert!(problems[0].message.starts_with("The first line must be exactly"), "{}", problems[0]);
        }
        let short = format!("{good}E1,W1,51\r\n");
        assert_eq!(
            validate(&short, day(TODAY)),
            vec![Problem {
                line: 3,
                severity: Severity::Error,
                message: "The row has 3 fields; the template has 12.".into()
            }]
        );
    }
}
