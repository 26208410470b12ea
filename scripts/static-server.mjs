// A static server for a release build, with the rules README.md asks of a
// host: files as they are, a folder's index.html, and the app's
// index.html for any other path under the public URL. Used by the
// end-to-end tests and scripts/serve.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Starts a static server for a build (`root`, e.g. dist/) on loopback,
 * answering as a static host configured per README.md would;
 * resolves to its origin, base URL and a close function. With `under` (e.g.
 * '/learning/praxis/') the build is served only below that path, as an
 * organisation's site would host it: anything else is 404.
 */
export async function serve(root, { under = '/', port = 0 } = {}) {
  const server = createServer(async (request, response) => {
    const requested = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (!requested.startsWith(under) && `${requested}/` !== under) {
      response.writeHead(404).end();
      return;
    }
    const path = normalize(requested.slice(under.length - 1)).replace(/^(\.\.[/\\])+/, '');
    // A file; else a folder's own index.html (a page built for that path,
    // such as /author); else the app's index.html, which routes deep links.
    const isFile = (candidate) => stat(candidate).then((s) => s.isFile(), () => false);
    let file = join(root, path);
    if (!(await isFile(file))) file = join(root, path, 'index.html');
    if (!(await isFile(file))) file = join(root, 'index.html');
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, base: `${origin}${under.replace(/\/$/, '')}`, close: () => new Promise((resolve) => {
    // Connections a browser or fetch keeps open would otherwise hold close() forever.
    server.close(resolve);
    server.closeAllConnections();
  }) };
}

