/**
 * What the Chromium tests of the preview share: a local HTTP server on 127.0.0.1 that serves
 * rendered pages with their CSP as a response header (as well as the <meta> the renderer writes),
 * the bundled font, the article's images and a stand-in preview script; and Debian's Chromium
 * started with the flags of DESIGN §6. Every request the server sees is recorded.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium';

export { CHROMIUM, CHROMIUM_ARGS };

export const ROOT = path.resolve(__dirname, '..', '..');
export const FONT_DIR = path.join(ROOT, 'node_modules/@fontsource/noto-naskh-arabic/files');
/** The four faces the webview ships, served as /media/fonts/<subset>-<weight>.woff2. */
export const FONT_FILES = ['arabic-400', 'arabic-700', 'latin-400', 'latin-700'];
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'preview');

/** The stand-in preview script: proves a script carrying the nonce does run under the CSP. */
export const PROBE_SCRIPT = "document.documentElement.setAttribute('data-probe', 'ran');";

/** The font options of a render served by this server. */
export function fontOptions(origin: string) {
  return {
    fontUri: `${origin}/media/fonts/arabic-400.woff2`,
    fontBoldUri: `${origin}/media/fonts/arabic-700.woff2`,
    fontLatinUri: `${origin}/media/fonts/latin-400.woff2`,
    fontLatinBoldUri: `${origin}/media/fonts/latin-700.woff2`,
  };
}

export interface Page {
  html: string;
  csp: string;
}

export interface PreviewServer {
  origin: string;
  /** Pages by path, e.g. `/case/3`; set before loading them. */
  pages: Map<string, Page>;
  /** Paths of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startServer(): Promise<PreviewServer> {
  const pages = new Map<string, Page>();
  const requests: string[] = [];
  const fonts = new Map(
    FONT_FILES.map((f) => [`/media/fonts/${f}.woff2`, fs.readFileSync(path.join(FONT_DIR, `noto-naskh-arabic-${f}-normal.woff2`))]),
  );
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    const pathname = decodeURIComponent(url.split('?')[0]);
    const page = pages.get(pathname);
    if (page) {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': page.csp,
        'cache-control': 'no-store',
      });
      res.end(page.html);
    } else if (fonts.has(pathname)) {
      res.writeHead(200, { 'content-type': 'font/woff2', 'cache-control': 'no-store' });
      res.end(fonts.get(pathname));
    } else if (pathname === '/media/probe.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end(PROBE_SCRIPT);
    } else if (pathname.startsWith('/article/')) {
      const file = path.join(FIXTURES, path.normalize(pathname.slice('/article/'.length)));
      if (file.startsWith(FIXTURES + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': file.endsWith('.png') ? 'image/png' : 'application/octet-stream' });
        res.end(fs.readFileSync(file));
      } else {
        res.writeHead(404).end();
      }
    } else {
      // /canary/… and anything else: recorded above; a 204 keeps the console free of 404 noise.
      res.writeHead(204).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    pages,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Fails, never skips, without Chromium: the security claim is only proven in a real browser. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the preview's XSS proof runs in a real browser. ` +
        'Install it with `bash scripts/setup-test-deps.sh` (Debian package `chromium`) or point MUHARRIR_E2E_CHROMIUM at one.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
