/**
 * The preview's toolbar and the document the webview gets: the renderer's page with the toolbar
 * above `#muharrir-root` (which live updates replace) and its stylesheet under the page's nonce.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TOOLBAR_CSS, TOOLBAR_LABELS, toolbarHtml, withToolbar } from '../../client/src/preview/toolbar';
import { renderArticle } from '../../client/src/preview/render';

const NONCE = 'abcdefghijklmnop0123456789';
const ARTICLE = `---
title: افتتاح معرض الرياض الدولي للكتاب
date: 2025-04-28T10:00:00+03:00
author: سارة أحمد
---

افتتح وزير الثقافة المعرض.
`;

const state = { width: 'mobile' as const, view: 'article' as const, showProblems: true, locked: false };

describe('toolbarHtml', () => {
  test('each choice is a button whose pressed state is the panel\'s', () => {
    const html = toolbarHtml(state, { locale: 'en', source: 'article' });
    const pressed = [...html.matchAll(/data-action="(\w+)"(?: data-value="([\w-]+)")?[^>]*aria-pressed="(true|false)"/g)].map(
      (m) => `${m[1]}${m[2] ? '=' + m[2] : ''}:${m[3]}`,
    );
    assert.deepEqual(pressed, [
      'width=desktop:false',
      'width=mobile:true',
      'view=article:true',
      'view=social-card:false',
      'problems:true',
      'lock:false',
    ]);
    assert.match(html, />Mobile</);
    assert.match(html, />Share card</);
  });

  test('in Arabic it is right to left; a template preview has no lock and no problems toggle', () => {
    const html = toolbarHtml(state, { locale: 'ar', source: 'template' });
    assert.match(html, /^<nav id="muharrir-toolbar"[^>]* lang="ar" dir="rtl"/);
    assert.match(html, />الجوال</);
    assert.match(html, />بطاقة المشاركة</);
    assert.doesNotMatch(html, /data-action="lock"/);
    assert.doesNotMatch(html, /data-action="problems"/);
  });

  test('both languages label every control', () => {
    assert.deepEqual(Object.keys(TOOLBAR_LABELS.ar).sort(), Object.keys(TOOLBAR_LABELS.en).sort());
    for (const [locale, labels] of Object.entries(TOOLBAR_LABELS)) {
      for (const [key, text] of Object.entries(labels)) assert.ok(text.trim(), `${locale}.${key}`);
    }
  });
});

describe('withToolbar', () => {
  const rendered = renderArticle(ARTICLE, {
    nonce: NONCE,
    cspSource: 'https://webview.test',
    allowRemoteImages: false,
    width: 'desktop',
    view: 'article',
    showDiagnostics: true,
    locale: 'en',
    scriptUri: 'https://webview.test/media/preview.js',
  });
  const page = withToolbar(rendered.html, toolbarHtml(state, { locale: 'en', source: 'article' }), NONCE);

  test('the toolbar sits in <body> before #muharrir-root, outside what updates replace', () => {
    const body = page.indexOf('<body');
    const toolbar = page.indexOf('<nav id="muharrir-toolbar"');
    const main = page.indexOf('<main class="page" id="muharrir-root">');
    assert.ok(body < toolbar && toolbar < main, `${body} < ${toolbar} < ${main}`);
    const inRoot = page.slice(main, page.indexOf('</main>'));
    assert.equal(inRoot.includes('muharrir-toolbar'), false);
    assert.ok(inRoot.includes(rendered.fragment));
  });

  test('its stylesheet is in <head> under the page\'s nonce; the CSP is the renderer\'s, unchanged', () => {
    const head = page.slice(0, page.indexOf('</head>'));
    assert.ok(head.includes(`<style nonce="${NONCE}">${TOOLBAR_CSS}</style>`));
    assert.ok(head.includes(`content="${rendered.csp.replace(/'/g, '&#39;')}"`));
    assert.match(rendered.csp, /default-src 'none'/);
    assert.equal((page.match(/<script/g) ?? []).length, 1, 'the preview script only');
  });

  test('a document that is not the renderer\'s is refused', () => {
    assert.throws(() => withToolbar('<html><body></body></html>', '<nav></nav>', NONCE), /not a document from renderArticle/);
  });
});

describe('the webview\'s CSP source', () => {
  const render = (cspSource: string) =>
    renderArticle(ARTICLE, { nonce: NONCE, cspSource, allowRemoteImages: false, width: 'desktop', view: 'article', showDiagnostics: true, locale: 'en' });

  test('VS Code\'s own, two source expressions with \'self\', is taken as is in every resource directive', () => {
    const { csp } = render("'self' https://*.vscode-cdn.net");
    assert.match(csp, /img-src 'self' https:\/\/\*\.vscode-cdn\.net data:;/);
    assert.match(csp, /font-src 'self' https:\/\/\*\.vscode-cdn\.net;/);
    assert.match(csp, new RegExp(`script-src 'nonce-${NONCE}'`));
    assert.doesNotMatch(csp, /unsafe/);
  });

  test('anything that could add a keyword or end the directive is refused', () => {
    for (const bad of ["'self' 'unsafe-inline'", "https://a.test; script-src *", "'unsafe-eval'", 'https://a.test  https://b.test', '']) {
      assert.throws(() => render(bad), TypeError, bad);
    }
  });
});
