//! `praxis-cli bench-scaling` (hidden): how the readers, the merge and the
//! roll-up grow with their input. Each is timed at n, 2n and 4n; a linear path shows a
//! growth ratio near 2 per doubling, a quadratic one near 4. `scripts/bench`
//! prints the ratios; nothing here passes or fails.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use praxis::domain::employer::{self, CheckedFile};
use praxis::domain::import::merge;
use praxis::domain::module::STARTER;
use praxis::domain::record::LearnerRecord;
use praxis::domain::staff::StaffRecord;
use praxis::domain::{curriculum, export, sample};

use crate::shared;

/// Prints the growth ratios as a table, or as JSON for `scripts/bench`.
pub fn run(scale: usize, json: bool) -> ExitCode {
    let results = measure(scale, shared::today());
    if json {
        let rows: Vec<serde_json::Value> = results
            .iter()
            .map(|r| {
                serde_json::json!({
                    "what": r.what,
                    "sizes": r.sizes,
                    "ms": r.times.map(|t| t.as_secs_f64() * 1000.0),
                    "ratios": r.ratios(),
                })
            })
            .collect();
        println!("{}", serde_json::Value::from(rows));
        return ExitCode::SUCCESS;
    }
    println!("{:<44} {:>20} {:>30} {:>12}", "path", "n / 2n / 4n", "time (ms)", "ratios");
    for r in &results {
        let [a, b] = r.ratios();
        let [t1, t2, t3] = r.times.map(|t| t.as_secs_f64() * 1000.0);
        let sizes = format!("{} / {} / {}", r.sizes[0], r.sizes[1], r.sizes[2]);
        println!(
            "{:<44} {sizes:>20} {:>30} {:>12}",
            r.what,
            format!("{t1:.1} / {t2:.1} / {t3:.1}"),
            format!("{a:.2} {b:.2}")
        );
    }
    println!("A ratio near 2 means the time doubles with the input (linear); near 4, it is quadratic.");
    ExitCode::SUCCESS
}

/// One path measured at n, 2n and 4n.
struct Scaling {
    what: &'static str,
    sizes: [usize; 3],
    times: [Duration; 3],
}

impl Scaling {
    /// Time at 2n over time at n, and at 4n over 2n.
    fn ratios(&self) -> [f64; 2] {
        let [a, b, c] = self.times.map(|t| t.as_secs_f64().max(1e-9));
        [b / a, c / b]
    }
}

/// Every path at sizes `scale` times the defaults (1 keeps a run under a
/// minute in a release build).
fn measure(scale: usize, end: time::Date) -> Vec<Scaling> {
    let scale = scale.max(1);
    let learner = sample::sample(5, 1, end, curriculum::catalogue()).record;
    vec![
        scaling(
            "import::merge, CPD entries",
            1000 * scale,
            |n| cpd_merge_input(&learner, n),
            |(mine, theirs)| merge(mine, theirs, &Default::default()).changes.len(),
        ),
        scaling("/author checker, warnings in a draft", 300 * scale, draft_with_warnings, |draft| {
            curriculum::catalogue().check_draft("draft.md", draft, end).1.len()
        }),
        scaling(
            "export::csv::read, learners",
            200 * scale,
            |n| spreadsheet(&learner, n, OLDER, end),
            |text| export::csv::read(text).map_or(0, |(_, staff)| staff.len()),
        ),
        scaling(
            "employer::combine, learners in two exports",
            1000 * scale,
            |n| two_exports(&learner, n, end),
            |files| employer::combine(&mut files.clone()).len(),
        ),
    ]
}

/// Times `run` on inputs of `n`, `2n` and `4n` made by `make` (untimed).
/// The sizes take turns, round after round, so that a busy spell on a
/// shared machine slows all three alike, and each keeps its fastest round.
fn scaling<I>(what: &'static str, n: usize, make: impl Fn(usize) -> I, run: impl Fn(&I) -> usize) -> Scaling {
    const ROUNDS: usize = 5;
    let sizes = [n, 2 * n, 4 * n];
    let inputs = sizes.map(&make);
    let mut times = [Duration::MAX; 3];
    for _ in 0..ROUNDS {
        for (input, fastest) in inputs.iter().zip(&mut times) {
            let start = Instant::now();
            black_box(run(black_box(input)));
            *fastest = (*fastest).min(start.elapsed());
        }
    }
    Scaling { what, sizes, times }
}

/// A browser's record with `n` CPD entries, and a backup of it in which a
/// quarter were edited elsewhere (conflicts) and a quarter are new.
fn cpd_merge_input(learner: &LearnerRecord, n: usize) -> (LearnerRecord, LearnerRecord) {
    let template = learner.cpd.first().cloned().expect("the sample learner logs CPD");
    let entry = |i: usize, title: &str| {
        let mut entry = template.clone();
        entry.id = format!("entry-{i}");
        entry.title = format!("{title} {i}");
        entry
    };
    let mine = LearnerRecord { cpd: (0..n).map(|i| entry(i, "Course")).collect(), ..learner.clone() };
    let theirs_cpd = (0..n + n / 4).map(|i| entry(i, if i % 4 == 0 { "Course, edited" } else { "Course" })).collect();
    let theirs = LearnerRecord { cpd: theirs_cpd, ..learner.clone() };
    (mine, theirs)
}

/// The starter module with `n` paragraphs of raw HTML, each one warning:
/// at the defaults' 4n, about the 94 KB draft of the issue.
fn draft_with_warnings(n: usize) -> String {
    let mut draft = STARTER.to_owned();
    for i in 0..n {
        draft.push_str(&format!(
            "\nParagraph {i} of a long draft, with <b>raw HTML</b> that the checker warns about.\n"
        ));
    }
    draft
}

const OLDER: &str = "2026-10-01T00:00:00.000Z";
const NEWER: &str = "2026-11-01T00:00:00.000Z";

/// The same `n` learners exported twice, a month apart: every learner of
/// the older file is a duplicate for the roll-up to set aside.
fn two_exports(learner: &LearnerRecord, n: usize, today: time::Date) -> Vec<CheckedFile> {
    let catalogue = curriculum::catalogue();
    [("october.csv", OLDER), ("november.csv", NEWER)]
        .map(|(name, exported_at)| {
            employer::check_file(name, &spreadsheet(learner, n, exported_at, today), catalogue, 36, today)
        })
        .into()
}

/// A completion spreadsheet of `n` learners, as an employer's roll-up writes it.
fn spreadsheet(learner: &LearnerRecord, n: usize, exported_at: &str, today: time::Date) -> String {
    let catalogue = curriculum::catalogue();
    let staff: Vec<StaffRecord> = (0..n)
        .map(|i| {
            let mut record = learner.clone();
            record.profile.staff_number = Some(format!("{i:08}"));
            StaffRecord::from_record(&record, exported_at, catalogue, 36, today)
        })
        .collect();
    export::csv::write(&staff.iter().collect::<Vec<_>>(), catalogue)
}
