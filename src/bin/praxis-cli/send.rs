//! `praxis-cli send`: each backup's xAPI statements to a learning record
//! store, for employers with many staff files. Reading, the statements and
//! how replies count are the domain's (`backup::read_backup`,
//! `export::xapi`, `export::lrs`); this file only does the HTTPS.

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use base64::Engine;
use praxis::domain::export::{lrs, xapi};
use praxis::domain::{backup, curriculum};
use ureq::tls::{PemItem, RootCerts, TlsConfig};

use crate::shared::{now, today};
use crate::SendArgs;

/// A request that has not finished in this long is given up as unreachable.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Sends every file's statements, printing a line per file and a total;
/// exits 1 if any file could not be read or was not wholly sent.
pub fn run(args: &SendArgs) -> Result<ExitCode, String> {
    let endpoint = lrs::check_endpoint(&args.endpoint)?;
    let password = std::env::var(&args.password_env).ok().filter(|password| !password.is_empty()).ok_or_else(|| {
        format!("the environment variable {}, which should hold the password, is empty or not set", args.password_env)
    })?;
    let agent = agent(args.ca_cert.as_deref())?;
    let url = lrs::statements_url(endpoint);
    let credentials = base64::engine::general_purpose::STANDARD.encode(format!("{}:{password}", args.user));
    let authorization = format!("Basic {credentials}");
    let (version, version_value) = xapi::XAPI_VERSION_HEADER;
    let post = |body: String| -> Result<lrs::Reply, String> {
        let mut response = agent
            .post(&url)
            .header(version, version_value)
            .header("Content-Type", "application/json")
            .header("Authorization", &authorization)
            .send(body)
            .map_err(|e| e.to_string())?;
        let status = response.status().as_u16();
        // The body only explains an error; a reply too large or unreadable leaves it empty.
        let body = response.body_mut().read_to_string().unwrap_or_default();
        Ok(lrs::Reply { status, body })
    };

    let (mut sent, mut failed) = (0, 0);
    for path in &args.files {
        let line = match read(path) {
            Ok(record) => {
                let export = xapi::statements(&record, curriculum::catalogue(), &now());
                let outcome = ready(lrs::send(&export.statements, |body| std::future::ready(post(body))));
                if outcome.problem.is_none() {
                    sent += 1;
                } else {
                    failed += 1;
                }
                lrs::describe(&outcome, endpoint)
            }
            Err(reason) => {
                failed += 1;
                format!("NOT SENT: {reason}")
            }
        };
        println!("{}: {line}", path.display());
    }
    println!("{}", lrs::totals(sent, failed));
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// The result of a future that never waits: `lrs::send` awaits nothing but
/// this file's blocking requests, each ready once made.
fn ready<T>(future: impl std::future::Future<Output = T>) -> T {
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
        std::task::Poll::Ready(value) => value,
        std::task::Poll::Pending => unreachable!("every request here blocks until it has its answer"),
    }
}

/// A backup's record, or the reader's reason for refusing the file.
fn read(path: &Path) -> Result<praxis::domain::record::LearnerRecord, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read it: {e}"))?;
    Ok(backup::read_backup(&text, today())?.record)
}

fn agent(ca_cert: Option<&Path>) -> Result<ureq::Agent, String> {
    let mut tls = TlsConfig::builder();
    if let Some(path) = ca_cert {
        let pem = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let certificates: Vec<_> = ureq::tls::parse_pem(&pem)
            .filter_map(|item| match item {
                Ok(PemItem::Certificate(certificate)) => Some(certificate),
                _ => None,
            })
            .collect();
        if certificates.is_empty() {
            return Err(format!("{} holds no PEM certificate", path.display()));
        }
        tls = tls.root_certs(RootCerts::new_with_certs(&certificates));
    }
    let config = ureq::Agent::config_builder()
        .tls_config(tls.build())
        .timeout_global(Some(TIMEOUT))
        // Every status is an answer for `lrs::send` to read, not a transport error.
        .http_status_as_error(false)
        .build();
    Ok(config.into())
}
