/**
 * The preview executes nothing from the article, proven in real Chromium: every case of the XSS
 * corpus (xssCorpus.ts, listed in README.md) is rendered, served from 127.0.0.1 under the same
 * CSP as a response header and in the page's <meta>, loaded, and watched for any sign of running:
 * the `__pwned` binding, dialogs, requests (a `/canary/…` one or anything off the allow-list),
 * console errors other than CSP reports, uncaught errors, navigation and popups. The DOM is then
 * audited: no event-handler attributes, no element the renderer never writes, scripts and styles
 * only the nonce'd ones, links and images only with allowed addresses. Controls prove each
 * detector fires, and that it is the CSP that stops an inline handler which slipped through.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { renderArticle, type PreviewDiagnostic, type RenderOptions, type RenderResult } from '../../client/src/preview/render';
import { lint } from '../../server/src/engine';
import { fontOptions, launchChromium, startServer, type PreviewServer } from './browser';
import { CORPUS, PWN, caseArticle, expectedHeadline, type XssCase } from './xssCorpus';

// The page's globals, for the functions that run inside Chromium: the project's lib has no DOM
// (on purpose: the renderer must not use one), and declaring them here keeps it that way.
interface DomElement {
  tagName: string;
  attributes: ArrayLike<{ name: string }>;
  getAttribute(name: string): string | null;
  nonce?: string;
  href?: string;
  dataset: Record<string, string | undefined>;
  textContent: string | null;
}
declare const document: {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  scripts: ArrayLike<DomElement>;
  fonts: { ready: Promise<unknown> };
  documentElement: DomElement;
  body: { innerText: string };
};
declare const location: { href: string };

const NONCE = 'XssNonce0123456789abcdefXYZ';
/** Long enough for `content="0"` refreshes and zero-delay timers to have fired. */
const SETTLE_MS = 250;

let server: PreviewServer;
let browser: Browser;
/** One context for all pages (a fresh one per page costs ~0.5 s here); each case gets its own page. */
let context: BrowserContext;

before(async () => {
  server = await startServer();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function options(o: Partial<RenderOptions> = {}): RenderOptions {
  return {
    nonce: NONCE,
    cspSource: server.origin,
    ...fontOptions(server.origin),
    baseUri: `${server.origin}/article/`,
    scriptUri: `${server.origin}/media/probe.js`,
    allowRemoteImages: false,
    width: 'desktop',
    view: 'article',
    showDiagnostics: true,
    locale: 'ar',
    now: new Date('2025-06-10T12:00:00Z'),
    ...o,
  };
}

/** The engine's diagnostics: their messages quote the article, so they carry payloads too. */
function diagnosticsOf(text: string): PreviewDiagnostic[] {
  return lint(text, { locale: 'ar', now: new Date('2025-06-10T12:00:00Z'), machineTimeZone: 'Asia/Riyadh' }).diagnostics.map((d) => ({
    range: d.range,
    message: d.message,
    severity: d.severity,
    code: d.rule,
  }));
}

interface Observed {
  pwned: string[];
  dialogs: string[];
  requests: string[];
  consoleErrors: string[];
  cspReports: string[];
  pageErrors: string[];
  navigations: string[];
  popups: number;
  canaries: string[];
  audit: Audit;
  csp: { header: string | undefined; meta: string | null };
  headline: string;
  text: string;
  probe: string | null;
}

interface Audit {
  handlers: string[];
  forbidden: string[];
  scripts: string[];
  styles: number;
  unnoncedStyles: number;
  badHrefs: string[];
  badImages: string[];
  styleAttributes: string[];
}

let pageNumber = 0;

/** Loads `html` under `csp` (header; the <meta> is in the html) and records everything it does. */
async function load(html: string, csp: string | null, o: { remoteImages?: boolean } = {}): Promise<Observed> {
  const path = `/page/${++pageNumber}`;
  const url = server.origin + path;
  server.pages.set(path, { html, csp: csp ?? '' });
  const canaryBefore = server.requests.length;
  const page: Page = await context.newPage();
  const seen: Omit<Observed, 'audit' | 'csp' | 'headline' | 'text' | 'probe' | 'canaries'> = {
    pwned: [],
    dialogs: [],
    requests: [],
    consoleErrors: [],
    cspReports: [],
    pageErrors: [],
    navigations: [],
    popups: 0,
  };
  try {
    await page.exposeFunction('__pwned', (id: string) => seen.pwned.push(String(id)));
    page.on('dialog', (d) => {
      seen.dialogs.push(d.message());
      void d.dismiss().catch(() => {});
    });
    page.on('request', (r) => {
      const u = r.url();
      const allowed =
        u === url ||
        u.startsWith(`${server.origin}/media/`) ||
        u.startsWith(`${server.origin}/article/`) ||
        u === `${server.origin}/favicon.ico` ||
        u.startsWith('data:image/') ||
        (o.remoteImages === true && u.startsWith('https://') && r.resourceType() === 'image');
      if (!allowed) seen.requests.push(`${r.resourceType()} ${u}`);
    });
    page.on('console', (m) => {
      const text = m.text();
      if (/Content Security Policy|Refused to/i.test(text)) seen.cspReports.push(text);
      else if (o.remoteImages && /ERR_CONNECTION_REFUSED/.test(text)) return;
      else if (m.type() === 'error' || m.type() === 'warning') seen.consoleErrors.push(`${m.type()}: ${text}`);
    });
    page.on('pageerror', (e) => seen.pageErrors.push(String(e)));
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame() && f.url() !== url) seen.navigations.push(f.url());
      if (f !== page.mainFrame()) seen.navigations.push(`frame: ${f.url()}`);
    });
    page.on('popup', () => seen.popups++);

    const response = await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForTimeout(SETTLE_MS);
    if (page.url() !== url) seen.navigations.push(page.url());

    const { audit, meta, headline, text, probe } = await page.evaluate(inspectPage, server.origin);
    const canaries = server.requests.slice(canaryBefore).filter((r) => r.startsWith('/canary'));
    return { ...seen, audit, csp: { header: response?.headers()['content-security-policy'], meta }, headline, text, probe, canaries };
  } finally {
    await page.close();
  }
}

/** Runs in the page: what it shows, and what the renderer must never have let into the DOM. */
function inspectPage(origin: string): { audit: Audit; meta: string | null; headline: string; text: string; probe: string | null } {
  const out: Audit = { handlers: [], forbidden: [], scripts: [], styles: 0, unnoncedStyles: 0, badHrefs: [], badImages: [], styleAttributes: [] };
  const FORBIDDEN = 'iframe,frame,frameset,object,embed,applet,form,input,button,textarea,select,base,link,svg,math,details,video,audio,source,template,noscript,portal,meta[http-equiv="refresh"]';
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.name)) out.handlers.push(`<${el.tagName.toLowerCase()} ${a.name}>`);
      if (a.name === 'style') out.styleAttributes.push(el.tagName.toLowerCase());
      if (a.name === 'srcdoc' || a.name === 'formaction' || a.name === 'action') out.forbidden.push(`${el.tagName.toLowerCase()}[${a.name}]`);
    }
  }
  for (const el of Array.from(document.querySelectorAll(FORBIDDEN))) out.forbidden.push(el.tagName.toLowerCase());
  for (const s of Array.from(document.scripts)) out.scripts.push(`${s.getAttribute('src') ?? 'inline'}|${s.nonce ? 'nonce' : 'none'}`);
  for (const s of Array.from(document.querySelectorAll('style'))) {
    out.styles++;
    if (!s.nonce) out.unnoncedStyles++;
  }
  for (const a of Array.from(document.querySelectorAll('[href]'))) {
    const href = a.href ?? a.getAttribute('href') ?? '';
    let ok = false;
    try {
      const u = new URL(href, location.href);
      ok = ['http:', 'https:', 'mailto:'].includes(u.protocol);
    } catch {
      ok = false;
    }
    if (!ok || a.tagName !== 'A') out.badHrefs.push(`${a.tagName.toLowerCase()} ${href}`);
  }
  for (const img of Array.from(document.querySelectorAll('img'))) {
    const src = img.getAttribute('src') ?? '';
    if (!(src.startsWith(`${origin}/article/`) || /^data:image\/(png|jpeg|gif|webp|avif)[;,]/.test(src) || (src.startsWith('https://') && img.dataset.image === 'remote'))) {
      out.badImages.push(src);
    }
  }
  return {
    audit: out,
    meta: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    headline: document.querySelector('h1.headline')?.textContent ?? '',
    text: document.body.innerText,
    probe: document.documentElement.getAttribute('data-probe'),
  };
}

/** Nothing ran, nothing loaded that should not, and the DOM holds only what the renderer writes. */
function assertInert(o: Observed, r: RenderResult, label: string): void {
  assert.deepEqual(o.pwned, [], `${label}: the __pwned binding was called`);
  assert.deepEqual(o.dialogs, [], `${label}: a dialog opened`);
  assert.deepEqual(o.canaries, [], `${label}: a canary URL was requested`);
  assert.deepEqual(o.requests, [], `${label}: requests off the allow-list`);
  assert.deepEqual(o.consoleErrors, [], `${label}: console errors other than CSP reports`);
  assert.deepEqual(o.pageErrors, [], `${label}: uncaught errors`);
  assert.deepEqual(o.navigations, [], `${label}: navigation`);
  assert.equal(o.popups, 0, `${label}: popups`);
  assert.deepEqual(o.audit.handlers, [], `${label}: event-handler attributes in the DOM`);
  assert.deepEqual(o.audit.forbidden, [], `${label}: elements the renderer never writes`);
  assert.deepEqual(o.audit.styleAttributes, [], `${label}: style attributes`);
  assert.deepEqual(o.audit.scripts, [`${server.origin}/media/probe.js|nonce`], `${label}: scripts other than the preview's`);
  assert.equal(o.audit.styles, 1, `${label}: one stylesheet`);
  assert.equal(o.audit.unnoncedStyles, 0, `${label}: a style without the nonce`);
  assert.deepEqual(o.audit.badHrefs, [], `${label}: links with other schemes`);
  assert.deepEqual(o.audit.badImages, [], `${label}: images from elsewhere`);
  // The page is really there and really under the policy: not an empty or unprotected pass.
  assert.equal(o.csp.header, r.csp, `${label}: CSP header`);
  assert.equal(o.csp.meta, r.csp, `${label}: CSP meta`);
  assert.match(r.csp, new RegExp(`^default-src 'none'; .*script-src 'nonce-${NONCE}'`));
  assert.equal(o.probe, 'ran', `${label}: the nonce'd preview script runs`);
}

describe('controls: the detectors fire and the CSP is what stops an inline handler', () => {
  const text = caseArticle({ id: 'control' });

  test('a script carrying the nonce runs and trips the binding and dialog detectors; the CSP still refuses its fetch', async () => {
    const r = renderArticle(text, options());
    const html = r.html.replace('</body>', `<script nonce="${NONCE}">${PWN('control-nonce')}</script></body>`);
    const o = await load(html, r.csp);
    assert.deepEqual(o.pwned, ['control-nonce']);
    assert.deepEqual(o.dialogs, ['control-nonce']);
    assert.deepEqual(o.canaries, [], 'connect-src falls back to default-src none');
    assert.ok(o.cspReports.some((m) => /connect-src/.test(m)), `CSP report: ${o.cspReports.join(' | ')}`);
  });

  test('an event handler that slipped into the HTML is refused by the CSP, reported, and caught by the audit', async () => {
    const r = renderArticle(text, options());
    const html = r.html.replace('<div class="article-body">', `<div class="article-body"><img src="${server.origin}/article/images/plant.png#x" onload="${PWN('control-csp')}">`);
    const o = await load(html, r.csp);
    assert.deepEqual(o.pwned, []);
    assert.deepEqual(o.dialogs, []);
    assert.ok(o.cspReports.some((m) => /inline event handler/i.test(m)), `CSP report: ${o.cspReports.join(' | ')}`);
    assert.deepEqual(o.audit.handlers, ['<img onload>']);
  });

  test('the same slip without the CSP executes: without the policy this harness would see it', async () => {
    const r = renderArticle(text, options());
    const html = r.html
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
      .replace('<div class="article-body">', `<div class="article-body"><img src="${server.origin}/article/images/plant.png#y" onload="${PWN('control-no-csp')}">`);
    const o = await load(html, null);
    assert.deepEqual(o.pwned, ['control-no-csp']);
    assert.deepEqual(o.dialogs, ['control-no-csp']);
    assert.deepEqual(o.canaries, ['/canary/control-no-csp'], 'the canary detector sees requests');
    assert.ok(o.requests.some((x) => x.endsWith('/canary/control-no-csp')), 'and so does the request allow-list');
  });

  test('the base article renders its headline in the bundled font, inertly', async () => {
    const r = renderArticle(text, options());
    const o = await load(r.html, r.csp);
    assertInert(o, r, 'base');
    assert.equal(o.headline, 'عنوان اختبار الأمان في المعاينة');
    assert.ok(server.requests.includes('/media/fonts/arabic-400.woff2'), 'the Arabic face was fetched');
  });
});

describe('XSS corpus: nothing executes (article view, with the engine\'s diagnostics)', () => {
  for (const c of CORPUS) {
    test(c.id, async () => {
      const text = caseArticle(c);
      const r = renderArticle(text, options({ diagnostics: diagnosticsOf(text) }));
      const o = await load(r.html, r.csp);
      assertInert(o, r, c.id);
      assert.equal(o.headline, expectedHeadline(c), 'the headline is shown, as text');
      for (const l of c.literal ?? []) assert.ok(o.text.includes(l), `shown verbatim: ${l}`);
    });
  }
});

describe('XSS corpus: the other views and settings', () => {
  const all: XssCase = {
    id: 'all',
    body: CORPUS.map((c) => c.body ?? '').join('\n\n'),
    fm: Object.assign({}, ...CORPUS.filter((c) => c.id !== 'combined').map((c) => c.fm ?? {})),
  };
  const variants: [string, Partial<RenderOptions>, boolean][] = [
    ['social card, mobile, remote images allowed', { view: 'social-card', width: 'mobile', allowRemoteImages: true }, true],
    ['problems hidden, dark theme, English notes', { showDiagnostics: false, theme: 'dark', locale: 'en' }, false],
    ['remote images allowed, article view', { allowRemoteImages: true }, true],
  ];
  for (const [name, o, remote] of variants) {
    test(name, async () => {
      const text = caseArticle(all);
      const r = renderArticle(text, options({ ...o, diagnostics: diagnosticsOf(text) }));
      const seen = await load(r.html, r.csp, { remoteImages: remote });
      assertInert(seen, r, name);
      assert.ok(seen.text.length > 200, 'the page has content');
    });
  }
});
