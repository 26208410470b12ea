// Trunk post_build hook: writes the public URL (Trunk's --public-url, e.g.
// /learning/praxis/) into the page's own links in place of `{base}` (Trunk
// fills it only in what it builds), so the manifest and icons load
// wherever the app is hosted.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk as a post_build hook');
const page = join(staging, 'index.html');
await writeFile(page, (await readFile(page, 'utf8')).replaceAll('{base}', process.env.TRUNK_PUBLIC_URL ?? '/'));
