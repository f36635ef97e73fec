// The Newsroom view and the article status bar item in real VS Code (code-server + Chromium):
// an editor opens the newsroom's folder, asks for the whole workspace to be checked, and reads the
// desk — articles grouped by status with their problem counts, by section, filtered — then opens
// an article and reads its words and problems in the status bar. Run with
// `node test/e2e/run.mjs newsroom` (after `npm run package`).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { articleSummary, lint } from '../../server/src/engine';
import { e2eSuite, waitUntil, type VSCode } from './harness';

const FILES: Record<string, string> = {
  // Clean but for one hint (اليوم, a relative date): published.
  'articles/gold.md': `---
title: ارتفاع أسعار الذهب في الأسواق المحلية
summary: ارتفعت أسعار الذهب بنسبة اثنين في المئة.
date: 2025-06-02T18:00:00+03:00
author: سارة أحمد
section: اقتصاد
status: published
sources:
  - name: وكالة الأنباء السعودية
    type: agency
---

ارتفعت أسعار الذهب في الأسواق المحلية بنسبة اثنين في المئة خلال تعاملات اليوم الاثنين، وسط إقبال على الشراء.

المصدر: وكالة الأنباء السعودية
`,
  'articles/rain.md': `---
title: هطول أمطار غزيرة على جدة
date: 2025-06-02T18:00:00+03:00
author: سارة أحمد
section: محليات
status: review
sources:
  - name: المركز الوطني للأرصاد
    type: official
---

شهدت مدينة جدة أمطارًا غزيرة.

المصدر: المركز الوطني للأرصاد
`,
  'articles/budget.md': `---
title: إقرار الميزانية العامة للدولة
date: 2025-06-02T18:00:00+03:00
author: سارة أحمد
section: اقتصاد
status: approved
sources:
  - name: وزارة المالية
    type: official
---

أقر مجلس الوزراء الميزانية العامة للدولة.

المصدر: وزارة المالية
`,
  // Two errors (no sources; 30 February) and no status, so a draft.
  'articles/bus.md': `---
title: تدشين خط حافلات جديد في مكة المكرمة
date: 2025-02-30T10:00:00+03:00
author: سارة أحمد
section: محليات
---

دشّنت هيئة النقل خط حافلات جديدًا.
`,
  // A status outside the newsroom's list (one error): under "No status".
  'news/book-fair.md': `---
title: افتتاح معرض الرياض الدولي للكتاب
date: 2025-04-28T10:00:00+03:00
author: سارة أحمد
status: Published
sources:
  - name: وكالة الأنباء السعودية
    type: agency
---

افتتح وزير الثقافة معرض الرياض الدولي للكتاب.
`,
  'articles/zoo.md': `---
title: إعادة افتتاح حديقة الحيوان
date: 2025-06-02T18:00:00+03:00
author: سارة أحمد
status: draft
sources:
  - name: أمانة المنطقة
    type: official
---

أعادت الأمانة افتتاح حديقة الحيوان بعد أعمال صيانة استمرت عامًا كاملاً.
`,
  // Not an article: never on the desk.
  'README.md': '# دليل غرفة الأخبار\n\nهذا المستودع يجمع أخبار القسم.\n',
};

const TITLES = {
  gold: 'ارتفاع أسعار الذهب في الأسواق المحلية',
  rain: 'هطول أمطار غزيرة على جدة',
  budget: 'إقرار الميزانية العامة للدولة',
  bus: 'تدشين خط حافلات جديد في مكة المكرمة',
  bookFair: 'افتتاح معرض الرياض الدولي للكتاب',
  zoo: 'إعادة افتتاح حديقة الحيوان',
};

/** What the engine says of a fixture: the numbers the editor must show. */
function summaryOf(rel: string) {
  const result = lint(FILES[rel]!);
  return articleSummary(result.document, result.diagnostics);
}

const { scenario } = e2eSuite({ files: FILES });

interface Row {
  level: number;
  label: string;
  description: string;
}

const ROWS = '.part.sidebar .customview-tree .monaco-list-row';

/** The Newsroom view's rows as shown, top to bottom. */
async function rows(vs: VSCode): Promise<Row[]> {
  const shown = await vs.page.locator(ROWS).evaluateAll((els) =>
    els.map((e: any) => ({
      top: parseFloat(e.style.top) || 0,
      level: Number(e.getAttribute('aria-level')),
      label: String(e.querySelector('.label-name')?.textContent ?? '').trim(),
      // Without the bidi marks that keep it apart from an Arabic headline.
      description: String(e.querySelector('.label-description')?.textContent ?? '').replace(/[\u200e\u200f]/g, '').trim(),
    })),
  );
  return shown.sort((a, b) => a.top - b.top).map(({ level, label, description }) => ({ level, label, description }));
}

const dump = async (vs: VSCode) => (await rows(vs)).map((r) => `${'  '.repeat(r.level)}${r.label} — ${r.description}`).join('\n');

/** Waits until the view's rows satisfy `check`. */
async function waitForRows(vs: VSCode, what: string, check: (rows: Row[]) => boolean): Promise<Row[]> {
  let last: Row[] = [];
  await waitUntil(async () => check((last = await rows(vs))), what, () => dump(vs));
  return last;
}

/** The groups (level-1 rows that have a count) as "label description". */
const groupsOf = (rs: Row[]) => rs.filter((r) => r.level === 1 && /^\d+$/.test(r.description)).map((r) => `${r.label} ${r.description}`);

/**
 * Opens the Newsroom from its activity-bar icon, as an editor does; its Focus command (which never
 * toggles it closed) if the icon is not found or the click was lost.
 */
async function openNewsroom(vs: VSCode): Promise<void> {
  const title = vs.page.locator('.part.sidebar .title-label', { hasText: /newsroom/i });
  if (await title.isVisible()) return;
  const icon = vs.page.locator('.part.activitybar .action-item[aria-label^="Newsroom"]').first();
  if (await icon.isVisible()) await icon.click();
  await waitUntil(async () => {
    if (await title.isVisible()) return true;
    await vs.runCommand('Newsroom: Focus on Articles View');
    return title.waitFor({ timeout: 3000 }).then(() => true, () => false);
  }, 'the Newsroom view to open');
}

const GROUPS_BY_STATUS = ['Draft 2', 'In review 1', 'Approved 1', 'Published 1', 'No status 1'];

scenario('Newsroom: asked to check the workspace, it lists every article by status with its problem counts', async (vs) => {
  await openNewsroom(vs);
  // The default scope is the open files: the view offers to check the whole workspace.
  const offer = vs.page.locator(ROWS, { hasText: 'Check every article in the workspace' });
  await offer.waitFor();
  await vs.screenshot('newsroom-open-files');
  await offer.click();

  const shown = await waitForRows(vs, 'the articles grouped by status', (rs) => groupsOf(rs).join(', ') === GROUPS_BY_STATUS.join(', '));
  // The choice is kept for this workspace.
  const settings = JSON.parse(fs.readFileSync(path.join(vs.workspace, '.vscode', 'settings.json'), 'utf8'));
  assert.equal(settings['muharrir.diagnostics.scope'], 'workspace');
  assert.ok(!shown.some((r) => r.label === 'Check every article in the workspace'), 'the offer is gone');

  // Every article once, under its group; the README is not an article.
  const articles = shown.filter((r) => r.level === 2);
  assert.deepEqual(articles.map((r) => r.label).sort(), Object.values(TITLES).sort());
  const under = (group: string) => {
    const i = shown.findIndex((r) => r.level === 1 && r.label === group);
    const next = shown.findIndex((r, j) => j > i && r.level === 1);
    return shown.slice(i + 1, next === -1 ? undefined : next).map((r) => r.label);
  };
  assert.deepEqual(under('Draft').sort(), [TITLES.bus, TITLES.zoo].sort());
  assert.deepEqual(under('No status'), [TITLES.bookFair]);
  assert.deepEqual(under('Published'), [TITLES.gold]);

  // Counts and badges, as the engine finds them.
  const bus = articles.find((r) => r.label === TITLES.bus)!;
  assert.equal(summaryOf('articles/bus.md').counts.errors, 2);
  assert.equal(bus.description, '2 errors · no sources · broken date');
  assert.equal(articles.find((r) => r.label === TITLES.bookFair)!.description, '1 error');
  assert.equal(articles.find((r) => r.label === TITLES.gold)!.description, '1 note');
  assert.equal(articles.find((r) => r.label === TITLES.rain)!.description, 'no problems');
  await vs.page.mouse.move(0, 0);
  await vs.screenshot('newsroom', { docs: 'newsroom' });
});

scenario('Newsroom: an article’s checklist, and a click opens it', async (vs) => {
  await openNewsroom(vs);
  const bus = vs.page.locator(ROWS, { has: vs.page.locator('.label-name', { hasText: TITLES.bus }) });
  await bus.waitFor();
  await bus.click();
  await vs.page.locator('.tabs-container .tab.active', { hasText: 'bus.md' }).waitFor();
  // Unfold it (its twistie: a click on the row opens the file): its checklist, ✗ for what is missing.
  await bus.locator('.monaco-tl-twistie').click();
  const expected = summaryOf('articles/bus.md').checklist.map((c) => `${c.ok ? '\u2713' : '\u2717'} ${c.label.en}`);
  // Every item rendered: read at the first level-3 row, a tree still drawing (or redrawn by the
  // desk update the opening sent) once gave three of the five.
  const checklist = await waitForRows(vs, 'the checklist of bus.md', (rs) => rs.filter((r) => r.level === 3).length >= expected.length);
  const items = checklist.filter((r) => r.level === 3).map((r) => r.label);
  assert.deepEqual(items, expected);
  assert.deepEqual(items.slice(0, 2), ['\u2717 Sources listed', '\u2717 Date present and valid']);
  await bus.locator('.monaco-tl-twistie').click();
  await waitForRows(vs, 'the checklist to fold', (rs) => !rs.some((r) => r.level === 3));
});

scenario('Newsroom: by section, then only the articles with errors', async (vs) => {
  await openNewsroom(vs);
  await vs.runCommand('Muharrir: Group Newsroom by Section');
  await waitForRows(vs, 'the articles grouped by section', (rs) => groupsOf(rs).join(', ') === 'اقتصاد 2, محليات 2, No section 2');
  await vs.runCommand('Muharrir: Toggle Newsroom Filter: Only Articles with Errors');
  const filtered = await waitForRows(vs, 'only the articles with errors', (rs) => groupsOf(rs).join(', ') === 'محليات 1, No section 1');
  assert.deepEqual(filtered.filter((r) => r.level === 2).map((r) => r.label).sort(), [TITLES.bus, TITLES.bookFair].sort());
  // The view says what it hides.
  await vs.page.locator('.part.sidebar', { hasText: 'Filtered: with errors' }).waitFor();
  await vs.screenshot('newsroom-filtered');
  // Back as it was, for the scenarios after this one.
  await vs.runCommand('Muharrir: Clear Newsroom Filters');
  await vs.runCommand('Muharrir: Group Newsroom by Status');
  await waitForRows(vs, 'the articles grouped by status again', (rs) => groupsOf(rs).join(', ') === GROUPS_BY_STATUS.join(', '));
});

scenario('status bar: an open article shows its problems, words and reading time; a click shows the Problems panel', async (vs) => {
  const gold = summaryOf('articles/gold.md');
  const problems = gold.counts.errors + gold.counts.warnings + gold.counts.infos;
  const statusItem = (text: string | RegExp) => vs.page.locator('.part.statusbar .statusbar-item', { hasText: text });
  await vs.openFile('articles/gold.md');
  const item = statusItem(`${gold.words} words · ${gold.readingMinutes} min`);
  await item.waitFor();
  assert.match((await item.innerText()).trim(), new RegExp(`^${problems}\\s+·\\s+${gold.words} words · ${gold.readingMinutes} min$`));
  await vs.screenshot('status-bar', { docs: 'status-bar' });

  // Words follow the typing (four more).
  await vs.page.keyboard.press('Control+End');
  await vs.type('\nوتوقع محللون استمرار الارتفاع.\n');
  await statusItem(`${gold.words + 4} words`).waitFor();

  // A click shows the Problems panel.
  if (await vs.page.locator('.markers-panel').isVisible()) {
    await vs.page.keyboard.press('Control+J');
    await vs.page.locator('.markers-panel').waitFor({ state: 'hidden' });
  }
  await statusItem(`${gold.words + 4} words`).click();
  await vs.page.locator('.markers-panel').waitFor();

  // Gone beside a file that is not an article, back beside the article.
  await vs.openFile('README.md');
  await statusItem(/ words/).waitFor({ state: 'hidden' });
  await vs.openFile('articles/gold.md');
  await statusItem(`${gold.words + 4} words`).waitFor();
  await vs.runCommand('View: Revert and Close Editor');
});

scenario('Newsroom: fixing an article updates its counts live', async (vs) => {
  await openNewsroom(vs);
  const busRow = (rs: Row[]) => rs.find((r) => r.level === 2 && r.label === TITLES.bus);
  await waitForRows(vs, 'bus.md with 2 errors', (rs) => busRow(rs)?.description.startsWith('2 errors') ?? false);
  // 30 February → 28 February: one error less, and the date badge goes.
  await vs.openFile('articles/bus.md');
  await vs.goToText(3, '-30', 1);
  await vs.page.keyboard.press('Delete');
  await vs.page.keyboard.press('Delete');
  await vs.type('28');
  await vs.waitForText('date: 2025-02-28T10:00:00+03:00');
  await waitForRows(vs, 'bus.md with 1 error', (rs) => busRow(rs)?.description === '1 error · no sources');
  await vs.runCommand('View: Revert and Close Editor');
});
