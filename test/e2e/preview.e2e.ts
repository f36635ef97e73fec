// The live right-to-left preview in real VS Code (code-server + Chromium): the webview is found
// among the page's frames (webviews are iframes inside iframes) and read as a reader's browser
// shows it — direction, language, the font actually loaded — while the writer types, scrolls,
// switches articles and uses the toolbar. Run with `node test/e2e/run.mjs preview`.
import assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { e2eSuite, waitUntil, type VSCode } from './harness';

const TITLE = 'افتتاح معرض الرياض الدولي للكتاب بمشاركة ألف دار نشر';

/** A complete article with one body problem (الإجتماع, hamza-common-error). */
function article(title: string): string {
  return `---
title: ${title}
summary: يستمر المعرض عشرة أيام ويستضيف ندوات وأمسيات شعرية وورشًا للأطفال.
date: 2025-10-02T10:00:00+03:00
author: سارة أحمد
section: ثقافة
dateline: الرياض
tags:
  - معرض الكتاب
  - الرياض
sources:
  - name: وكالة الأنباء السعودية
    url: https://www.spa.gov.sa
    type: agency
---

افتتح وزير الثقافة معرض الرياض الدولي للكتاب بمشاركة أكثر من ألف دار نشر من ثلاثين دولة.

وقال الوزير في كلمة الافتتاح: «المعرض نافذة على ثقافات العالم»، بحسب وكالة الأنباء السعودية.

وحضر الإجتماع التحضيري ممثلو الدور المشاركة.

المصدر: وكالة الأنباء السعودية
`;
}

/** Long enough to scroll: forty paragraphs, two lines apart. */
const LONG = `---
title: برنامج المعرض يومًا بيوم
date: 2025-10-02T10:00:00+03:00
author: سارة أحمد
sources:
  - وكالة الأنباء السعودية
---

${Array.from({ length: 40 }, (_, i) => `تتواصل فعاليات المعرض في فقرته ${i + 1} بندوات عن النشر والترجمة وأمسيات للشعر والرواية يحضرها جمهور واسع من الزوار.`).join('\n\n')}

المصدر: وكالة الأنباء السعودية
`;
const LONG_LINES = LONG.split('\n').length;

const TITLE_B = 'ختام مهرجان الأفلام القصيرة في جدة';

const { scenario } = e2eSuite({
  files: {
    'articles/preview.md': article(TITLE),
    'articles/live.md': article(TITLE),
    'articles/toolbar.md': article(TITLE),
    'articles/keys.md': article(TITLE),
    'articles/long.md': LONG,
    'articles/follow-a.md': article(TITLE),
    'articles/follow-b.md': article(TITLE_B),
    'README.md': '# دليل غرفة الأخبار\n\nهذا المستودع يجمع أخبار القسم.\n',
  },
});

/** Runs `fn` in the frame's page (no DOM types here: the page's globals through globalThis). */
function inPage<T>(frame: Frame, fn: () => T | Promise<T>): Promise<T> {
  return frame.evaluate(fn);
}

/** Muharrir's editor-title button (Markdown's has the same title, another icon and key). */
function previewButton(vs: VSCode) {
  return vs.page.locator('.editor-group-container.active .editor-actions .action-label.codicon-preview[aria-label*="Alt+V"]');
}

async function actionLabels(vs: VSCode): Promise<string> {
  const labels = await vs.page.locator('.editor-group-container.active .editor-actions .action-label').evaluateAll((els) =>
    els.map((e: any) => `${e.getAttribute('aria-label')} [${e.className}]`),
  );
  return labels.join('\n');
}

/**
 * Ends a scenario on the article's text editor (its tab, not its preview's): the harness's reset
 * starts by clicking into the active text editor.
 */
async function endOnEditor(vs: VSCode, file: string): Promise<void> {
  await vs.page.locator('.tabs-container .tab', { hasText: new RegExp(`^${file.replace(/\./g, '\\.')}`) }).first().click();
  await vs.activeEditor().waitFor();
}

async function openPreviewToSide(vs: VSCode, file: string): Promise<Frame> {
  await vs.runCommand('Muharrir: Open Preview to the Side');
  await vs.page.locator('.tabs-container .tab', { hasText: `Preview ${file}` }).waitFor();
  return vs.webviewFrame('article.article');
}

scenario('preview: Open Preview to the Side shows the article right to left in the bundled Arabic font, with its problem marked', async (vs) => {
  await vs.openFile('articles/preview.md');
  await openPreviewToSide(vs, 'preview.md');
  const frame = await vs.webviewFrame('article.article .headline', TITLE);

  const art = frame.locator('article.article');
  assert.equal(await art.getAttribute('dir'), 'rtl');
  assert.equal(await art.getAttribute('lang'), 'ar');
  assert.equal((await frame.locator('.headline').textContent())?.trim(), TITLE);
  assert.match((await frame.locator('.dateline').first().textContent()) ?? '', /الرياض/);
  assert.match((await frame.locator('.sources').textContent()) ?? '', /وكالة الأنباء السعودية/);

  // The body is set in Noto Naskh Arabic, and that face was loaded from the extension's media.
  const font = await inPage(frame, async () => {
    const doc = (globalThis as any).document;
    await doc.fonts.ready;
    const p = doc.querySelector('.article-body p');
    const faces = Array.from(doc.fonts as Iterable<any>).filter((f) => String(f.family).replace(/["']/g, '') === 'Noto Naskh Arabic');
    const resources = (globalThis as any).performance.getEntriesByType('resource').map((e: any) => String(e.name));
    return {
      family: String((globalThis as any).getComputedStyle(p).fontFamily),
      check: Boolean(doc.fonts.check('19px "Noto Naskh Arabic"', 'افتتح وزير الثقافة')),
      loaded: faces.filter((f) => f.status === 'loaded').length,
      fontFiles: resources.filter((r: string) => r.endsWith('.woff2')) as string[],
    };
  });
  assert.match(font.family, /^"?Noto Naskh Arabic"?,/);
  assert.equal(font.check, true);
  assert.ok(font.loaded >= 1, `no Noto Naskh Arabic face loaded: ${JSON.stringify(font)}`);
  assert.ok(font.fontFiles.some((f) => /\/media\/fonts\/arabic-400\.woff2$/.test(f)), JSON.stringify(font.fontFiles));
  assert.ok(font.fontFiles.every((f) => /\/media\/fonts\/(?:arabic|latin)-(?:400|700)\.woff2$/.test(f)), JSON.stringify(font.fontFiles));

  // The language server's problem, marked where it is, its message on hover.
  const mark = frame.locator('mark.muharrir-problem[data-code~="hamza-common-error"]', { hasText: 'الإجتماع' });
  await mark.waitFor();
  assert.match((await mark.getAttribute('title')) ?? '', /\(hamza-common-error\)$/);
  // The picture for the README: editor and preview side by side, without the Explorer.
  await vs.page.keyboard.press('Control+B');
  await vs.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
  await vs.page.mouse.move(400, 720); // off the toolbars: no tooltip in the picture
  await vs.screenshot('preview', { docs: 'preview' });
  await vs.page.keyboard.press('Control+B');
  await vs.page.locator('.part.sidebar').waitFor();
  await endOnEditor(vs, 'preview.md');
});

scenario('preview: typing in the editor updates the preview in place, without reloading it', async (vs) => {
  await vs.openFile('articles/live.md');
  let frame = await openPreviewToSide(vs, 'live.md');
  frame = await vs.webviewFrame('.headline', TITLE);
  await inPage(frame, () => {
    (globalThis as any).muharrirE2e = 'the same page';
  });

  // The editor kept the focus: the writer types on (at the start of the headline: it wraps).
  const added = 'حفل ';
  await vs.goTo(2, 'title: '.length + 1);
  await vs.type(added);
  frame = await vs.webviewFrame('.headline', added + TITLE);
  assert.equal(await inPage(frame, () => (globalThis as any).muharrirE2e), 'the same page', 'the preview was reloaded instead of updated');

  // A mistake typed into the body is marked once the language server has seen it.
  await vs.page.keyboard.press('Control+End');
  await vs.type('\nإستقبل الوزير الناشرين في الجناح السعودي.\n');
  await frame.locator('mark.muharrir-problem', { hasText: 'إستقبل' }).waitFor();
  assert.equal(await inPage(frame, () => (globalThis as any).muharrirE2e), 'the same page');
  await vs.screenshot('preview-live-update');
  await endOnEditor(vs, 'live.md');
});

scenario('preview: the toolbar shows the mobile width and the share card, and hides the problems', async (vs) => {
  await vs.openFile('articles/toolbar.md');
  await openPreviewToSide(vs, 'toolbar.md');
  const frame = await vs.webviewFrame('mark.muharrir-problem');
  const button = (name: string) => frame.locator('#muharrir-toolbar button', { hasText: name });

  await button('Mobile').click();
  await frame.locator('body.width-mobile').waitFor();
  assert.equal(await button('Mobile').getAttribute('aria-pressed'), 'true');
  const width = await inPage(frame, () => (globalThis as any).document.querySelector('.page').getBoundingClientRect().width as number);
  assert.ok(width <= 391, `the mobile page is ${width}px wide`);
  await vs.screenshot('preview-mobile');

  await button('Desktop').click();
  await button('Share card').click();
  await frame.locator('.social-card .card-title', { hasText: TITLE }).waitFor();
  await frame.locator('article.article').waitFor({ state: 'detached' });
  await vs.screenshot('preview-social-card', { docs: 'preview-social-card' });

  await button('Article').click();
  await frame.locator('article.article').waitFor();
  await button('Problems').click();
  await frame.locator('body.muharrir-hide-problems').waitFor();
  const mark = frame.locator('mark.muharrir-problem').first();
  assert.equal(await mark.getAttribute('title'), null, 'no tooltip on a clean read');
  assert.match((await mark.getAttribute('data-title')) ?? '', /hamza-common-error/);
  // VS Code's theme class survives the swaps of the page's own classes.
  assert.match((await frame.locator('body').getAttribute('class')) ?? '', /\bvscode-light\b/);
  await endOnEditor(vs, 'toolbar.md');
});

scenario('preview: editor and preview scroll together, both ways', async (vs) => {
  await vs.openFile('articles/long.md');
  // The editor-title button (for articles only) opens the preview beside.
  await previewButton(vs).click();
  const frame = await vs.webviewFrame('article.article .headline', 'برنامج المعرض');

  const previewTopLine = () =>
    inPage(frame, () => {
      const doc = (globalThis as any).document;
      const bar = doc.getElementById('muharrir-toolbar').getBoundingClientRect().bottom as number;
      const els = Array.from(doc.querySelectorAll('#muharrir-root .article-body [data-line]') as Iterable<any>);
      const first = els.find((e) => e.getBoundingClientRect().bottom > bar + 4);
      return first ? Number(first.getAttribute('data-line')) + 1 : 0;
    });
  const scrollY = () => inPage(frame, () => Number((globalThis as any).scrollY));

  // Editor → preview: the cursor goes to the end, the preview follows.
  await vs.goTo(LONG_LINES - 3, 1);
  await waitUntil(async () => (await scrollY()) > 400, 'the preview to scroll down with the editor');
  let editorTop = 0;
  let previewTop = 0;
  await waitUntil(async () => {
    editorTop = await vs.editorTopLine();
    previewTop = await previewTopLine();
    return Math.abs(previewTop - editorTop) <= 3;
  }, 'the preview to show the editor\'s top line at its top').catch((err) => {
    throw new Error(`${err.message} (editor line ${editorTop}, preview line ${previewTop})`);
  });
  // Preview → editor: the writer scrolls the preview back to the top; the editor follows and the
  // preview is not pulled back by the editor's echo.
  await inPage(frame, () => (globalThis as any).scrollTo(0, 0));
  await waitUntil(async () => (await vs.editorTopLine()) <= 2, 'the editor to scroll up with the preview');
  assert.equal(await scrollY(), 0);
  await vs.screenshot('preview-scroll-sync');
  await endOnEditor(vs, 'long.md');
});

scenario('preview: an unlocked preview follows the active article; a locked one stays', async (vs) => {
  await vs.openFile('articles/follow-a.md');
  await openPreviewToSide(vs, 'follow-a.md');
  await vs.webviewFrame('.headline', TITLE);

  // Switching articles in the editor: the preview follows.
  await vs.openFile('articles/follow-b.md');
  await vs.page.locator('.tabs-container .tab', { hasText: 'Preview follow-b.md' }).waitFor();
  const frame = await vs.webviewFrame('.headline', TITLE_B);

  // Locked from its toolbar, it stays on follow-b: previewing follow-a now opens a second preview.
  await frame.locator('#muharrir-toolbar button[data-action="lock"]').click();
  await vs.page.locator('.tabs-container .tab', { hasText: 'Preview follow-b.md (locked)' }).waitFor();
  await vs.page.keyboard.press('Control+1'); // back to the editor group
  await vs.openFile('articles/follow-a.md');
  await vs.runCommand('Muharrir: Open Preview to the Side');
  await vs.page.locator('.tabs-container .tab', { hasText: 'Preview follow-a.md' }).waitFor();
  await vs.page.locator('.tabs-container .tab', { hasText: 'Preview follow-b.md (locked)' }).waitFor();
  await vs.webviewFrame('.headline', TITLE);
  assert.equal(await vs.page.locator('.tabs-container .tab', { hasText: /^Preview / }).count(), 2);
  await endOnEditor(vs, 'follow-a.md');
});

scenario('preview: Ctrl+Alt+V opens the preview of an article in its place; a README has no preview button', async (vs) => {
  await vs.openFile('README.md');
  await vs.page.locator('.editor-group-container.active .editor-actions .action-label[aria-label^="Open Preview to the Side"]').first().waitFor(); // Markdown's own
  assert.equal(await previewButton(vs).count(), 0, await actionLabels(vs));

  await vs.openFile('articles/keys.md');
  await previewButton(vs).waitFor();
  const tab = vs.page.locator('.tabs-container .tab.active', { hasText: 'Preview keys.md' });
  await waitUntil(async () => {
    if (await tab.isVisible()) return true;
    await vs.activeEditor().click({ position: { x: 5, y: 5 } }).catch(() => {});
    await vs.page.keyboard.press('Control+Alt+V');
    return tab.waitFor({ timeout: 3000 }).then(() => true, () => false);
  }, 'Ctrl+Alt+V to open the preview');
  await vs.webviewFrame('article.article .headline', TITLE);
  await endOnEditor(vs, 'keys.md');
});

scenario('preview template: Preview Template… renders the highlighted template as readers will see it', async (vs) => {
  await vs.openFile('articles/preview.md');
  await vs.startCommand('Muharrir: Preview Template…');
  await vs.quickInputTitled('Preview Template');
  await vs.pickFromQuickPick('تقرير', 'News report');
  await vs.page.locator('.tabs-container .tab', { hasText: 'Template: News report' }).waitFor();
  const frame = await vs.webviewFrame('article.article .headline');
  const art = frame.locator('article.article');
  assert.equal(await art.getAttribute('dir'), 'rtl');
  assert.ok(((await frame.locator('.headline').textContent()) ?? '').trim().length > 0);
  await frame.locator('.sources').waitFor();
  // A template has no editor to follow and no diagnostics: no lock, no problems toggle.
  assert.equal(await frame.locator('#muharrir-toolbar button[data-action="lock"], #muharrir-toolbar button[data-action="problems"]').count(), 0);
  await vs.screenshot('preview-template');
  await endOnEditor(vs, 'preview.md');
});

scenario('preview template: the New Article picker shows the highlighted template before anything is created', async (vs) => {
  await vs.openFile('articles/preview.md');
  await vs.startCommand('Muharrir: New Article from Template…');
  const input = await vs.quickInputTitled('New Article from Template');
  await input.fill('تحقيق');
  await vs.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'news-investigation' }).waitFor();
  await vs.page.locator('.tabs-container .tab', { hasText: 'Template: Investigation' }).waitFor();
  const frame = await vs.webviewFrame('article.article .headline');
  assert.equal(await frame.locator('article.article').getAttribute('dir'), 'rtl');
  // The picker still has the focus; Escape closes it and its preview, and nothing was created.
  await input.press('Escape');
  await vs.page.locator('.tabs-container .tab', { hasText: 'Template: ' }).waitFor({ state: 'detached' });
  await endOnEditor(vs, 'preview.md');
});
