//! Sending xAPI statements to a learning record store (LRS), from `/export`
//! and by `praxis-cli send` for an employer's many backups: in batches, each
//! reply read the same way, and what happened in words (a message for the
//! learner, a line per file for the employer). The HTTP request itself is
//! the caller's (`post`), so the rules here are tested natively against a
//! stand-in LRS.
//!
//! **What counts as "already there".** An LRS answers a batch with 200 and
//! the ids it stored (Ralph lists only those new to it; the spec lets an LRS
//! list all of them, in which case every statement counts as stored), or with
//! 204 when it held all of them. It answers 409 when it holds one of the ids
//! with other content, and refuses the whole batch. Praxis's ids are derived
//! from the statement's content (`xapi`), so an id the LRS holds is this very
//! statement, possibly as the LRS rewrote it; after a 409 the batch is sent
//! again one statement at a time, so the new ones are stored, and a lone
//! statement answered with 409 counts as already there.

use std::future::Future;

use serde_json::Value;

use crate::domain::export::xapi;
use crate::domain::words;

/// Statements per request. Small enough that a request stays well under the
/// body limits LRSs and their proxies set (a statement is 1–2 kB, so about
/// 200 kB), large enough that a 40-year career (a few thousand statements)
/// takes a few dozen requests.
pub const BATCH_SIZE: usize = 100;

/// What the LRS answered to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub body: String,
}

/// Why sending stopped before every statement was held by the LRS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// 401 or 403: the username or password (key or secret) was refused.
    Credentials,
    /// No answer at all: the address, the network, or TLS; with the reason.
    Unreachable(String),
    /// Any other answer, with the status and the start of what the LRS said.
    Refused { status: u16, detail: String },
}

/// How far one file's statements got.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sent {
    /// Statements in the file's export, voiding ones included.
    pub statements: usize,
    /// Of those, statements voiding what an earlier export sent.
    pub voiding: usize,
    /// Statements the LRS said it stored now.
    pub stored: usize,
    /// Statements the LRS said it already held.
    pub already: usize,
    /// Why the rest were not sent, if they were not.
    pub problem: Option<Problem>,
}

/// Sends `statements` through `post` in batches of [`BATCH_SIZE`]. `post`
/// sends one batch (a JSON array, as text) and returns the reply, or why no
/// reply came. Stops at the first problem: what was stored before it stays
/// stored. Async so that the browser's `fetch` can be the `post`; the CLI's
/// blocking one is simply ready at once.
pub async fn send<F, Answer>(statements: &[Value], mut post: F) -> Sent
where
    F: FnMut(String) -> Answer,
    Answer: Future<Output = Result<Reply, String>>,
{
    let mut sent = Sent {
        statements: statements.len(),
        voiding: statements.iter().filter(|s| xapi::is_voiding(s)).count(),
        ..Sent::default()
    };
    for batch in statements.chunks(BATCH_SIZE) {
        let mut result = send_batch(batch, &mut post, &mut sent).await;
        if matches!(result, Err(Problem::Refused { status: 409, .. })) && batch.len() > 1 {
            result = Ok(());
            for one in batch.chunks(1) {
                result = send_batch(one, &mut post, &mut sent).await;
                if result.is_err() {
                    break;
                }
            }
        }
        if let Err(problem) = result {
            sent.problem = Some(problem);
            break;
        }
    }
    sent
}

async fn send_batch<F, Answer>(batch: &[Value], post: &mut F, sent: &mut Sent) -> Result<(), Problem>
where
    F: FnMut(String) -> Answer,
    Answer: Future<Output = Result<Reply, String>>,
{
    let body = Value::from(batch.to_vec()).to_string();
    let reply = post(body).await.map_err(Problem::Unreachable)?;
    match reply.status {
        200 => {
            let listed: Vec<String> = serde_json::from_str(&reply.body).unwrap_or_default();
            let stored =
                batch.iter().filter(|s| s["id"].as_str().is_some_and(|id| listed.iter().any(|l| l == id))).count();
            sent.stored += stored;
            sent.already += batch.len() - stored;
        }
        204 => sent.already += batch.len(),
        // One statement whose content-derived id the LRS holds: see the module notes.
        409 if batch.len() == 1 => sent.already += 1,
        401 | 403 => return Err(Problem::Credentials),
        status => return Err(Problem::Refused { status, detail: detail(&reply.body) }),
    }
    Ok(())
}

/// The start of an LRS's error body, on one line, for a message.
fn detail(body: &str) -> String {
    const SHOWN: usize = 200;
    let text = serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|v| v.get("detail").or_else(|| v.get("message")).and_then(Value::as_str).map(str::to_owned))
        .unwrap_or_else(|| body.to_owned());
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

/// One line saying what happened to a file's statements at `endpoint`.
pub fn describe(sent: &Sent, endpoint: &str) -> String {
    let statements = words::count(sent.statements, "statement", "statements");
    let voiding = match sent.voiding {
        0 => String::new(),
        n => format!(" ({n} voiding what an earlier send said)"),
    };
    let held = format!("{} stored, {} already there", sent.stored, sent.already);
    match &sent.problem {
        None => format!("sent {statements}{voiding}: {held}"),
        Some(problem) => {
            let reason = match problem {
                Problem::Credentials => format!("the LRS at {endpoint} refused the username or password"),
                Problem::Unreachable(reason) => format!("the LRS at {endpoint} could not be reached: {reason}"),
                Problem::Refused { status, detail } if detail.is_empty() => {
                    format!("the LRS at {endpoint} answered HTTP {status}")
                }
                Problem::Refused { status, detail } => {
                    format!("the LRS at {endpoint} answered HTTP {status}: {detail}")
                }
            };
            let done = sent.stored + sent.already;
            format!("FAILED: {reason}; {done} of {statements} held by the LRS ({held})")
        }
    }
}

/// What `/export` tells the learner after pressing Send. Errors the
/// browser met before any answer (`Problem::Unreachable`) are in the
/// browser's own words, which say what to check.
pub fn learner_message(sent: &Sent) -> String {
    let statements = words::count(sent.statements, "statement", "statements");
    let reason = match &sent.problem {
        None => return format!("The learning record store accepted {statements}."),
        Some(Problem::Credentials) => "The learning record store refused the username or password.".to_owned(),
        Some(Problem::Unreachable(reason)) => reason.clone(),
        Some(Problem::Refused { status, .. }) => {
            format!("The learning record store answered with an error (HTTP {status}).")
        }
    };
    match sent.stored + sent.already {
        0 => reason,
        held => format!("{reason} It holds {held} of the {statements}; sending again sends the rest."),
    }
}

/// The closing line: how many files were sent and how many failed.
pub fn totals(sent: usize, failed: usize) -> String {
    format!("{}: {sent} sent, {failed} failed", words::count(sent + failed, "file", "files"))
}

/// The address statements are posted to, from the endpoint the user gave
/// (xAPI Communication §2.1: `<endpoint>/statements`).
pub fn statements_url(endpoint: &str) -> String {
    format!("{}/statements", endpoint.trim_end_matches('/'))
}

/// The endpoint as typed, checked: only an `https://` address is used, so
/// the password never crosses a network in the clear.
pub fn check_endpoint(endpoint: &str) -> Result<&str, String> {
    let endpoint = endpoint.trim();
    let host = endpoint.strip_prefix("https://").unwrap_or_default();
    if host.is_empty() || host.starts_with('/') {
        return Err("Enter the LRS endpoint as a full address starting with https://".to_owned());
    }
    Ok(endpoint)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use std::future::Future;

    use serde_json::json;

    use super::*;

    /// `n` statements with distinct ids, the first `voiding` of them voiding ones.
    fn statements(n: usize, voiding: usize) -> Vec<Value> {
        (0..n)
            .map(|i| {
                let verb = if i < voiding { "voided" } else { "completed" };
                json!({"id": format!("00000000-0000-4000-8000-{i:012}"), "verb": {"id": format!("http://adlnet.gov/expapi/verbs/{verb}")}, "n": i})
            })
            .collect()
    }

    /// [`send`] through a blocking `post` that is given each batch as statements.
    fn sent_through(statements: &[Value], mut post: impl FnMut(&[Value]) -> Result<Reply, String>) -> Sent {
        let future = send(statements, |body| {
            let batch: Vec<Value> = serde_json::from_str(&body).expect("a batch is a JSON array");
            std::future::ready(post(&batch))
        });
        let mut future = std::pin::pin!(future);
        let mut context = std::task::Context::from_waker(std::task::Waker::noop());
        match future.as_mut().poll(&mut context) {
            std::task::Poll::Ready(sent) => sent,
            std::task::Poll::Pending => panic!("every reply here is ready at once"),
        }
    }

    /// A stand-in LRS: holds statements by id, answers as Ralph does (200 with
    /// the new ids, 204 when all were held, 409 for an id held with other
    /// content, refusing the whole batch), and counts requests.
    #[derive(Default)]
    struct Lrs {
        held: BTreeMap<String, Value>,
        requests: Vec<usize>,
    }

    impl Lrs {
        fn post(&mut self, batch: &[Value]) -> Result<Reply, String> {
            self.requests.push(batch.len());
            let mut new = Vec::new();
            for statement in batch {
                let id = statement["id"].as_str().unwrap().to_owned();
                match self.held.get(&id) {
                    Some(held) if held != statement => {
                        return Ok(Reply {
                            status: 409,
                            body: r#"{"detail":"Differing statements already exist with the same ID"}"#.into(),
                        })
                    }
                    Some(_) => {}
                    None => new.push(id),
                }
            }
            for statement in batch {
                self.held.entry(statement["id"].as_str().unwrap().to_owned()).or_insert_with(|| statement.clone());
            }
            if new.is_empty() {
                return Ok(Reply { status: 204, body: String::new() });
            }
            Ok(Reply { status: 200, body: serde_json::to_string(&new).unwrap() })
        }
    }

    #[test]
    fn every_statement_is_sent_once_in_batches_and_again_adds_nothing() {
        let statements = statements(2 * BATCH_SIZE + 7, 3);
        let mut lrs = Lrs::default();
        let first = sent_through(&statements, |batch| lrs.post(batch));
        assert_eq!(
            first,
            Sent { statements: 2 * BATCH_SIZE + 7, voiding: 3, stored: 2 * BATCH_SIZE + 7, already: 0, problem: None }
        );
        assert_eq!(lrs.requests, [BATCH_SIZE, BATCH_SIZE, 7]);
        assert_eq!(lrs.held.len(), statements.len());
        let again = sent_through(&statements, |batch| lrs.post(batch));
        assert_eq!((again.stored, again.already, &again.problem), (0, statements.len(), &None));
        assert_eq!(lrs.held.len(), statements.len());
        assert_eq!(
            describe(&first, "https://lrs.example"),
            "sent 207 statements (3 voiding what an earlier send said): 207 stored, 0 already there"
        );
        assert_eq!(
            describe(&again, "https://lrs.example"),
            "sent 207 statements (3 voiding what an earlier send said): 0 stored, 207 already there"
        );
    }

    #[test]
    fn a_conflicting_batch_is_sent_again_one_by_one_so_the_new_ones_are_stored() {
        let statements = statements(5, 0);
        let mut lrs = Lrs::default();
        // The LRS holds statement 2 as it rewrote it: a 409 for any batch holding it.
        let mut rewritten = statements[2].clone();
        rewritten["stored"] = json!("2026-01-01T00:00:00Z");
        lrs.held.insert(statements[2]["id"].as_str().unwrap().to_owned(), rewritten);
        let sent = sent_through(&statements, |batch| lrs.post(batch));
        assert_eq!((sent.stored, sent.already, &sent.problem), (4, 1, &None));
        assert_eq!(lrs.requests, [5, 1, 1, 1, 1, 1]);
        assert_eq!(lrs.held.len(), 5);
    }

    #[test]
    fn a_refused_password_stops_at_once_and_names_the_endpoint() {
        let statements = statements(3 * BATCH_SIZE, 0);
        let mut requests = 0;
        let sent = sent_through(&statements, |_| {
            requests += 1;
            Ok(Reply { status: if requests == 1 { 200 } else { 401 }, body: "[]".into() })
        });
        assert_eq!(requests, 2, "nothing more is tried after a refusal");
        assert_eq!(sent.problem, Some(Problem::Credentials));
        assert_eq!(
            describe(&sent, "https://lrs.example/xapi"),
            "FAILED: the LRS at https://lrs.example/xapi refused the username or password; 100 of 300 statements \
             held by the LRS (0 stored, 100 already there)"
        );
    }

    #[test]
    fn no_answer_and_other_errors_say_what_happened() {
        let statements = statements(2, 0);
        let unreachable = sent_through(&statements, |_| Err("connection refused".into()));
        assert_eq!(
            describe(&unreachable, "https://127.0.0.1:9/xAPI"),
            "FAILED: the LRS at https://127.0.0.1:9/xAPI could not be reached: connection refused; 0 of 2 \
             statements held by the LRS (0 stored, 0 already there)"
        );
        let body = format!(r#"{{"detail": "Invalid\n statement {}"}}"#, "x".repeat(300));
        let refused = sent_through(&statements, |_| Ok(Reply { status: 400, body: body.clone() }));
        let Some(Problem::Refused { status: 400, detail }) = &refused.problem else { panic!("{refused:?}") };
        assert!(detail.starts_with("Invalid statement xxx") && detail.ends_with('…'), "{detail}");
        assert_eq!(detail.chars().count(), 201);
        let bare = Sent { problem: Some(Problem::Refused { status: 502, detail: String::new() }), ..Sent::default() };
        assert!(describe(&bare, "https://l").starts_with("FAILED: the LRS at https://l answered HTTP 502; "));
    }

    #[test]
    fn a_reply_listing_other_ids_counts_only_this_batchs_as_stored() {
        let statements = statements(3, 0);
        let body = json!([statements[0]["id"], "ffffffff-0000-4000-8000-000000000000"]).to_string();
        let sent = sent_through(&statements, |_| Ok(Reply { status: 200, body: body.clone() }));
        assert_eq!((sent.stored, sent.already), (1, 2));
    }

    #[test]
    fn the_learner_is_told_what_the_lrs_did_and_how_much_got_there() {
        let statements = statements(2 * BATCH_SIZE + 1, 0);
        let mut lrs = Lrs::default();
        let sent = sent_through(&statements, |batch| lrs.post(batch));
        assert_eq!(learner_message(&sent), "The learning record store accepted 201 statements.");
        let refused = sent_through(&statements, |_| Ok(Reply { status: 401, body: String::new() }));
        assert_eq!(learner_message(&refused), "The learning record store refused the username or password.");
        let cors = sent_through(&statements, |_| Err("It could not be reached.".into()));
        assert_eq!(learner_message(&cors), "It could not be reached.");
        let mut requests = 0;
        let too_large = sent_through(&statements, |batch| {
            requests += 1;
            if requests == 3 {
                return Ok(Reply { status: 413, body: "<html>Request Entity Too Large</html>".into() });
            }
            lrs.post(batch)
        });
        assert_eq!(
            learner_message(&too_large),
            "The learning record store answered with an error (HTTP 413). It holds 200 of the 201 statements; \
             sending again sends the rest."
        );
    }

    #[test]
    fn totals_and_endpoints() {
        assert_eq!(totals(1, 0), "1 file: 1 sent, 0 failed");
        assert_eq!(totals(2, 1), "3 files: 2 sent, 1 failed");
        assert_eq!(statements_url("https://l.example/xAPI/"), "https://l.example/xAPI/statements");
        assert_eq!(check_endpoint(" https://l.example/xAPI "), Ok("https://l.example/xAPI"));
        for bad in ["http://l.example/xAPI", "l.example", "https://", "https:///x", ""] {
            assert!(check_endpoint(bad).is_err(), "{bad}");
        }
    }
}
