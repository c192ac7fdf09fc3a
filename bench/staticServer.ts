// The one static file server of the project (the e2e harness, the bench and `npm run figures` use
// it): folders served under URL prefixes on 127.0.0.1 (WebGPU needs a secure context, and
// http://127.0.0.1 is one), e.g. /flowvar/ → dist, /bench/ → bench/dist. Cross-origin isolated
// (src/crossOriginIsolation.ts), as static hosts are with dist/_headers, so the CPU engine runs
// its threads. Nothing outside a mounted folder is ever served. Vite's preview server serves one
// folder at one base; the bench needs two and the e2e suite a blank page beside the app.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ISOLATION_HEADERS } from '../src/crossOriginIsolation';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.wasm': 'application/wasm', '.wgsl': 'text/wgsl; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json', '.woff2': 'font/woff2',
};

export interface ServeOptions {
  /** fixed HTML pages by path, e.g. a blank same-origin page for checks that need no app */
  pages?: Readonly<Record<string, string>>;
  /** where a path outside every mount is redirected (302); without it, 404 */
  redirect?: string;
  /** Cache-Control of every file (default no-store); the update test serves a common static host's */
  cacheControl?: string;
}

export interface StaticServer {
  /** http://127.0.0.1:<port>, no trailing slash */
  origin: string;
  close(): Promise<void>;
}

/** mounts: URL prefix ('/bench/') → folder on disk, read at each request (a test may swap it). Paths that leave the folder get 404. */
export async function serveStatic(mounts: Readonly<Record<string, string>>, options: ServeOptions = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
    const notFound = () => res.writeHead(404, { 'content-type': TYPES['.txt'] }).end('not found');
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const page = options.pages?.[path];
      if (page !== undefined) { res.writeHead(200, { 'content-type': TYPES['.html'] }).end(page); return; }
      const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
      if (!prefix) {
        if (options.redirect) res.writeHead(302, { location: options.redirect }).end();
        else notFound();
        return;
      }
      const root = resolve(mounts[prefix]);
      let file = normalize(join(root, path.slice(prefix.length)));
      if (file !== root && !file.startsWith(root + sep)) { notFound(); return; }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': options.cacheControl ?? 'no-store' });
        res.end(body);
      } catch {
        notFound();
      }
    })();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
