// The built app, served as files from dist/. Only files inside that folder are ever read (a path
// that climbs out, through `..` or an encoded slash, is refused), and only GET and HEAD.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

export async function serveStatic(
  distDir: string,
  req: IncomingMessage,
  res: ServerResponse,
  urlPath: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    plain(res, 400, 'Bad path');
    return;
  }
  if (relative.includes('\0')) {
    plain(res, 400, 'Bad path');
    return;
  }
  const root = resolve(distDir);
  const file = resolve(join(root, relative.endsWith('/') ? `${relative}index.html` : relative));
  if (file !== root && !file.startsWith(root + sep)) {
    plain(res, 404, 'Not found');
    return;
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    const built = await stat(join(root, 'index.html')).catch(() => null);
    plain(
      res,
      404,
      built ? 'Not found' : 'The app is not built yet: run `npm run build`, then reload this page.',
    );
    return;
  }
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  // The page and the service worker are checked on every load; hashed assets may be kept.
  const fresh = type.startsWith('text/html') || file.endsWith(`${sep}sw.js`);
  res.writeHead(200, {
    'content-type': type,
    'content-length': info.size,
    'cache-control': fresh ? 'no-cache' : 'public, max-age=3600',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
