// A real learning record store for the tests: Ralph (PyPI `ralph-malph`,
// file-system backend, installed by scripts/setup into .venv-ralph/) on
// loopback, behind Debian's nginx, which adds what Ralph lacks for a browser
// page on another origin: TLS, with a certificate made here and trusted by
// nothing but the browser and CLI this test starts, and CORS, preflights
// answered by nginx itself. Every file lives in a temporary folder that
// `stop()` removes, with both servers.
import { spawn, execFileSync } from 'node:child_process';
import { X509Certificate, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const venv = join(root, '.venv-ralph/bin');
const XAPI_HEADERS = { 'X-Experience-API-Version': '1.0.3' };

/**
 * Ralph's API under uvicorn. Ralph 5.1's file-system backend creates its one
 * statements file with its first write and refuses every later one (HTTP 500,
 * "Statements bulk indexation failed"): as shipped, it holds one request's
 * statements. Appending instead is that backend's own `APPEND` mode; nothing
 * else about Ralph changes.
 */
const RALPH_SERVER = `
import sys, uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
`;

/**
 * GET over a connection of its own: uvicorn closes idle keep-alive
 * connections after 5 s, and a pooled one reused after that fails.
 */
function get(url, headers) {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, body }));
    }).on('error', reject);
  });
}

/** A port nothing listens on right now. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once `url` answers at all (any status), or rejects after `ms`. */
async function waitFor(url, ms, child) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${child.spawnfile} exited with ${child.exitCode}: ${child.log}`);
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${ms} ms: ${child.log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function start(command, args, env) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.log = '';
  const keep = (chunk) => { child.log = (child.log + chunk).slice(-4000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return child;
}

/** A throwaway CA and a certificate for 127.0.0.1 signed by it, as PEM files in `dir`. */
function certificates(dir) {
  const path = (name) => join(dir, name);
  const openssl = (...args) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=Praxis test CA', '-keyout', path('ca.key'), '-out', path('ca.pem'));
  openssl('req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-subj', '/CN=127.0.0.1', '-keyout', path('server.key'), '-out', path('server.csr'));
  writeFileSync(path('server.ext'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n'
    + 'extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1\n');
  openssl('x509', '-req', '-in', path('server.csr'), '-CA', path('ca.pem'), '-CAkey', path('ca.key'),
    '-CAcreateserial', '-days', '1', '-extfile', path('server.ext'), '-out', path('server.pem'));
  const spki = new X509Certificate(readFileSync(path('server.pem'))).publicKey.export({ type: 'spki', format: 'der' });
  return {
    ca: path('ca.pem'),
    cert: path('server.pem'),
    key: path('server.key'),
    // What Chromium's --ignore-certificate-errors-spki-list takes: base64 SHA-256 of the SPKI.
    spkiSha256: createHash('sha256').update(spki).digest('base64'),
  };
}

function nginxConfig({ dir, port, ralphPort, origin, cert, key }) {
  const cors = [
    `add_header Access-Control-Allow-Origin "${origin}" always;`,
    'add_header Access-Control-Allow-Methods "GET, POST, PUT, OPTIONS" always;',
    'add_header Access-Control-Allow-Headers "Authorization, Content-Type, X-Experience-API-Version" always;',
    'add_header Vary Origin always;',
  ].join('\n      ');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `${name}_temp_path ${join(dir, `${name}-temp`)};`).join('\n  ');
  // As root, nginx's workers would run as nobody and could not use this private folder.
  return `${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
master_process on;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'nginx-error.log')} warn;
events { worker_connections 64; }
http {
  access_log off;
  ${temp}
  client_max_body_size 64m;
  server {
    listen 127.0.0.1:${port} ssl;
    ssl_certificate ${cert};
    ssl_certificate_key ${key};
    location / {
      if ($request_method = OPTIONS) {
      ${cors}
        add_header Access-Control-Max-Age 600 always;
        return 204;
      }
      ${cors}
      proxy_pass http://127.0.0.1:${ralphPort};
      proxy_set_header Host $host;
    }
  }
}
`;
}

/**
 * Starts Ralph and nginx in front of it, allowing CORS from `origin`.
 * Resolves to the xAPI endpoint, the credentials, the certificate files and
 * the SPKI hash to trust, `readAll()` (every statement Ralph holds, following
 * `more` links), and `stop()`.
 */
export async function startLrs({ origin }) {
  const dir = mkdtempSync(join(tmpdir(), 'praxis-lrs-'));
  const data = join(dir, 'statements');
  mkdirSync(data);
  const username = 'praxis-test';
  const password = randomBytes(12).toString('base64url');
  const ralphEnv = {
    RALPH_RUNSERVER_BACKEND: 'fs',
    RALPH_AUTH_FILE: join(dir, 'auth.json'),
    RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH: data,
    RALPH_APP_DIR: join(dir, 'ralph'),
    SENTRY_DSN: '',
  };
  // Ralph's own tool writes the user (bcrypt hash) and the scopes the send and the read-back need.
  execFileSync(join(venv, 'ralph'), ['auth', '--write-to-disk', '-u', username, '-p', password,
    '-s', 'statements/write', '-s', 'statements/read', '-A', 'praxis-test', 'https://praxis.invalid/'],
  { env: { ...process.env, ...ralphEnv }, stdio: ['ignore', 'ignore', 'pipe'] });

  const tls = certificates(dir);
  const [ralphPort, port] = [await freePort(), await freePort()];
  const children = [];
  // Should the test process end without calling stop() (a crash, a timeout), the servers end with it.
  process.once('exit', () => {
    children.forEach((child) => child.kill('SIGTERM'));
    rmSync(dir, { recursive: true, force: true });
  });
  const stop = async () => {
    for (const child of children) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ralph = start(join(venv, 'python'), ['-c', RALPH_SERVER, String(ralphPort)], ralphEnv);
    children.push(ralph);
    await waitFor(`http://127.0.0.1:${ralphPort}/__heartbeat__`, 30_000, ralph);
    writeFileSync(join(dir, 'nginx.conf'), nginxConfig({ dir, port, ralphPort, origin, ...tls }));
    const nginx = start(existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'nginx-error.log')], {});
    children.push(nginx);
    // Plain http to a TLS port still gets an answer (400), which is all this waits for.
    await waitFor(`http://127.0.0.1:${port}/`, 10_000, nginx);
  } catch (error) {
    await stop();
    throw error;
  }

  const endpoint = `https://127.0.0.1:${port}/xAPI`;
  const authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  /** Every statement Ralph holds, read straight from Ralph, following `more` links. */
  const readAll = async () => {
    const statements = [];
    let next = `/xAPI/statements?limit=500`;
    while (next) {
      const { status, body } = await get(`http://127.0.0.1:${ralphPort}${next}`, { ...XAPI_HEADERS, Authorization: authorization });
      if (status !== 200) throw new Error(`GET ${next}: HTTP ${status} ${body}`);
      const page = JSON.parse(body);
      statements.push(...page.statements);
      next = page.more || null;
    }
    return statements;
  };
  return { endpoint, username, password, ca: tls.ca, spkiSha256: tls.spkiSha256, port, readAll, stop };
}
