// Muharrir in real VS Code (code-server + Chromium): what a writer sees when they open, fix and
// complete an article. Run with `npm run test:e2e` (after `bash scripts/setup-e2e.sh`).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultProfile } from '../../server/src/engine/profile';
import { e2eSuite, waitUntil } from './harness';

const README = `# دليل غرفة الأخبار

هذا المستودع يجمع أخبار القسم الاقتصادي ومسوداته.

المصدر: وكالة الأنباء السعودية
`;

const FILES: Record<string, string> = {
  // Three metadata problems: no sources, 30 February, a status outside the enum.
  'articles/problems.md': `---
title: افتتاح معرض الرياض الدولي للكتاب
date: 2025-02-30T10:00:00+03:00
author: سارة أحمد
status: Published
---

افتتح وزير الثقافة معرض الرياض الدولي للكتاب بمشاركة أكثر من ألف دار نشر من ثلاثين دولة.

المصدر: وكالة الأنباء السعودية
`,
  // One problem with a safe fix: Published → published.
  'articles/quick-fix.md': `---
title: ارتفاع أسعار الذهب في الأسواق المحلية
date: 2025-06-02T18:00:00+03:00
author: سارة أحمد
status: Published
sources:
  - name: وكالة الأنباء السعودية
    type: agency
---

ارتفعت أسعار الذهب في الأسواق المحلية بنسبة اثنين في المئة.
`,
  // No sources, but the body names one: the fix fills it in.
  'articles/sources-fix.md': `---
title: انطلاق موسم الحج
date: 2025-06-02T18:00:00+03:00
author: سارة أحمد
---

بدأ توافد الحجاج إلى مكة المكرمة.

المصدر: وكالة الأنباء السعودية
`,
  // A frontmatter with a blank line to complete on (line 5).
  'articles/completion.md': `---
title: هطول أمطار غزيرة على جدة
date: 2025-06-02T18:00:00+03:00
author: سارة أحمد

---

شهدت مدينة جدة أمطارًا غزيرة.
`,
  // A clean article, for hovers.
  'articles/clean.md': `---
title: افتتاح محطة قطار جديدة في الدمام
date: 2025-06-02T18:00:00+03:00
author: سارة أحمد
sources:
  - name: وكالة الأنباء السعودية
    type: agency
---

افتتحت محطة قطار جديدة في الدمام.
`,
  // A misspelt key: unknown-field with a did-you-mean fix.
  'articles/typo.md': `---
titel: تدشين خط حافلات جديد في مكة المكرمة
date: 2025-06-02T18:00:00+03:00
author: سارة أحمد
sources:
  - وكالة الأنباء السعودية
---

دشّنت هيئة النقل خط حافلات جديدًا.
`,
  // Body rules: a number glued to its month (seed-page defect) and a hamza error.
  'articles/body.md': `---
title: افتتاح معرض الرياض الدولي للكتاب
date: 2025-04-28T10:00:00+03:00
author: سارة أحمد
sources:
  - name: وكالة الأنباء السعودية
    type: agency
---

افتتح وزير الثقافة في 28أبريل معرض الرياض الدولي للكتاب بمشاركة أكثر من ألف دار نشر.

وحضر الإجتماع التحضيري ممثلو الدور المشاركة.

المصدر: وكالة الأنباء السعودية
`,
  // An empty article, to start from a template by its prefix.
  'articles/empty.md': '',
  // Not an article: no frontmatter, not under articles/ or news/. It must stay quiet…
  'README.md': README,
  // …while the same text as an article is flagged (the control that the server is looking).
  'news/no-frontmatter.md': README,
};

const { scenario } = e2eSuite({ files: FILES });

/** Today in the zone the editor's machine runs in (no .muharrir.yaml here: the server uses it too). */
function today(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

// First, while no article is open: the command must start the language server itself.
scenario('New Article from Template: تقرير, an Arabic headline, a new file at articles/yyyy/mm/date-slug.md', async (vs) => {
  const headline = 'افتتاح مكتبة الحي بعد ترميمها';
  const slug = 'افتتاح-مكتبة-الحي-بعد-ترميمها';
  const daysBefore = today();
  await vs.startCommand('Muharrir: New Article from Template…');
  // No article is open: the command starts the language server itself, then lists the templates.
  await vs.quickInputTitled('New Article from Template');
  const picker = vs.page.locator('.quick-input-widget');
  await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'news-correction' }).waitFor();
  await picker.locator('.quick-input-list', { hasText: 'Built-in' }).waitFor();
  await vs.screenshot('new-article-picker', { docs: 'new-article' });
  await vs.pickFromQuickPick('تقرير', 'news-report');

  const input = await vs.quickInputTitled(/^New Article: News report/);
  // An empty headline is not accepted.
  await input.fill(' ');
  await waitUntil(async () => (await vs.quickInputMessage()).includes('Type a headline'), 'the empty-headline message');
  await input.press('Enter');
  await vs.quickInputTitled(/^New Article: News report/);
  await input.fill(headline);
  await input.press('Enter');

  // The file, opened, named by the date and the slug.
  const days = [daysBefore, today()];
  await vs.page.locator('.tabs-container .tab.active', { hasText: slug }).waitFor();
  const created = (fs.readdirSync(vs.workspace, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith(`${slug}.md`));
  assert.equal(created.length, 1, `one new file: ${created.join(', ')}`);
  const date = days.find((d) => created[0] === `articles/${d.slice(0, 4)}/${d.slice(5, 7)}/${d}-${slug}.md`);
  assert.ok(date, `${created[0]} is not articles/<yyyy>/<mm>/<today>-${slug}.md (today: ${days.join(' / ')})`);
  const name = `${date}-${slug}.md`;
  const file = path.join(vs.workspace, ...created[0].split('/'));

  // The template, with the headline in title and tab stops: Tab moves on to the summary.
  await vs.waitForText(`title: "${headline}"`);
  await vs.waitForText(/^sources:$/m);
  await vs.page.keyboard.press('Tab');
  await vs.type('ملخص الخبر');
  await vs.waitForText('summary: "ملخص الخبر"');
  await vs.page.keyboard.press('Escape'); // a suggestion list, if any
  await vs.page.keyboard.press('Escape'); // snippet mode
  await vs.page.keyboard.press('Control+S');
  await vs.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
  // The editor reports the save before code-server's file service has written it.
  await waitUntil(async () => fs.readFileSync(file, 'utf8').includes('sources:'), `${created[0]} to be saved`);
  const saved = fs.readFileSync(file, 'utf8');
  assert.match(saved, new RegExp(`^title: "${headline}"$`, 'm'));
  assert.match(saved, /^sources:\n {2}- name: /m);
  await vs.screenshot('new-article-created');

  // Every placeholder is a default a writer may keep: the article as created has no problems.
  // Control that the server is checking this very file: a known mistake shows up, and only it.
  await vs.page.keyboard.press('Control+End');
  await vs.type('\nوحضر الإجتماع ممثلو الدور المشاركة.\n');
  await vs.waitForProblem({ file: name, code: 'hamza-common-error' });
  const problems = (await vs.problems()).filter((p) => p.file === name);
  assert.deepEqual(problems.map((p) => p.code), ['hamza-common-error'], problems.map((p) => `${p.code}: ${p.message}`).join('\n'));

  // Leave the workspace as it was for the scenarios after this one (and their screenshots). The
  // file goes only once its editor has: a dirty editor of a deleted file stays open, marked
  // deleted, and every later scenario's Save All would fail on it (seen once in CI, when the
  // command did not take).
  const tab = vs.page.locator('.tabs-container .tab', { hasText: slug });
  await waitUntil(async () => {
    if ((await tab.count()) === 0) return true;
    await vs.activeEditor().click({ position: { x: 5, y: 5 } }).catch(() => {});
    await vs.runCommand('View: Revert and Close Editor');
    return (await tab.count()) === 0;
  }, 'the new article to be reverted and closed');
  fs.rmSync(path.join(vs.workspace, 'articles', date.slice(0, 4)), { recursive: true, force: true });
});


scenario('an article with problems: the Problems panel lists them with their rule ids', async (vs) => {
  await vs.openFile('articles/problems.md');
  for (const code of ['sources-missing', 'date-invalid', 'field-type']) {
    await vs.waitForProblem({ file: 'problems.md', code });
  }
  const problems = (await vs.problems()).filter((p) => p.file === 'problems.md');
  const shown = problems.map((p) => `${p.source}(${p.code}) line ${p.line}`);
  for (const expected of ['muharrir(sources-missing) line 1', 'muharrir(date-invalid) line 3', 'muharrir(field-type) line 5']) {
    assert.ok(shown.includes(expected), `${expected} is not in the Problems panel:\n${shown.join('\n')}`);
  }
  // English by default (muharrir.locale is "auto" and VS Code runs in English).
  assert.match(problems.find((p) => p.code === 'date-invalid')!.message, /February 2025 has 28 days/);
  await vs.screenshot('problems', { docs: 'problems' });
});

scenario('quick fix from the Quick Fix menu (Ctrl+.): the text changes and the problem goes', async (vs) => {
  await vs.openFile('articles/quick-fix.md');
  await vs.waitForProblem({ file: 'quick-fix.md', code: 'field-type' });
  await vs.goToText(5, 'Published', 2);
  await vs.quickFixMenu('Change to published');
  await vs.screenshot('quick-fix-menu', { docs: 'quick-fix' });
  await vs.applyQuickFix('Change to published');
  await vs.waitForText('status: published');
  await vs.waitForText('status: Published', false);
  await vs.waitForNoProblem({ file: 'quick-fix.md', code: 'field-type' });
  await vs.screenshot('quick-fix-applied');
});

scenario('quick fix fills in the sources the body names', async (vs) => {
  await vs.openFile('articles/sources-fix.md');
  await vs.waitForProblem({ file: 'sources-fix.md', code: 'sources-missing' });
  await vs.goTo(1, 1);
  await vs.quickFixMenu('Add sources: وكالة الأنباء السعودية');
  await vs.screenshot('sources-fix-menu', { docs: 'quick-fix-sources' });
  await vs.applyQuickFix('Add sources: وكالة الأنباء السعودية');
  await vs.waitForText('  - name: وكالة الأنباء السعودية');
  await vs.waitForNoProblem({ file: 'sources-fix.md', code: 'sources-missing' });
  await vs.screenshot('sources-fix-applied');
});

scenario('a body rule and its quick fix: 28أبريل gets its space, الإجتماع its hamza', async (vs) => {
  await vs.openFile('articles/body.md');
  await vs.waitForProblem({ file: 'body.md', code: 'missing-space' });
  await vs.waitForProblem({ file: 'body.md', code: 'hamza-common-error' });
  await vs.goToText(10, 'أبريل');
  await vs.quickFixMenu('Insert a space');
  await vs.screenshot('body-rule-menu', { docs: 'body-rule' });
  await vs.applyQuickFix('Insert a space');
  await vs.waitForText('في 28 أبريل');
  await vs.waitForNoProblem({ file: 'body.md', code: 'missing-space' });
  await vs.goToText(12, 'الإجتماع');
  await vs.applyQuickFix('Write “الاجتماع”');
  await vs.waitForText('وحضر الاجتماع');
  await vs.waitForNoProblem({ file: 'body.md', code: 'hamza-common-error' });
  await vs.screenshot('body-rule-fixed');
});

scenario('an unknown key gets a did-you-mean fix', async (vs) => {
  await vs.openFile('articles/typo.md');
  await vs.waitForProblem({ file: 'typo.md', code: 'unknown-field' });
  await vs.goTo(2, 1);
  await vs.applyQuickFix('Rename to title');
  await vs.waitForText(/^title: /m);
  await vs.waitForNoProblem({ file: 'typo.md', code: 'unknown-field' });
  await vs.screenshot('typo-fixed');
});

scenario('a README without frontmatter gets no diagnostics', async (vs) => {
  await vs.openFile('README.md');
  // The same text under news/ is an article: once its problem shows, the README has been seen too.
  await vs.openFile('news/no-frontmatter.md');
  await vs.waitForProblem({ file: 'no-frontmatter.md', code: 'frontmatter-missing' });
  await vs.openFile('README.md');
  const readme = (await vs.problems()).filter((p) => p.file === 'README.md');
  assert.deepEqual(readme, []);
  await vs.screenshot('readme-quiet');
});

scenario('completion in the frontmatter offers sources', async (vs) => {
  await vs.openFile('articles/completion.md');
  await vs.waitForProblem({ file: 'completion.md', code: 'sources-missing' });
  await vs.goTo(5, 1);
  await vs.type('so');
  await vs.completion('sources');
  await vs.screenshot('completion', { docs: 'completion' });
  await vs.acceptCompletion('sources');
  await vs.waitForText(/^sources: ?$/m);
});

scenario('hover on date: shows the field docs in Arabic and English', async (vs) => {
  await vs.openFile('articles/clean.md');
  const docs = defaultProfile().date.description;
  const hover = await vs.hover('date', docs.en);
  const text = await hover.innerText();
  assert.ok(text.includes(docs.en), text);
  assert.ok(text.includes(docs.ar.slice(0, 20)), `no Arabic docs in the hover:\n${text}`);
  await vs.screenshot('hover-date', { docs: 'hover' });
});

scenario('commands from the Command Palette: Restart Server, Show Output', async (vs) => {
  await vs.openFile('articles/problems.md');
  await vs.waitForProblem({ file: 'problems.md', code: 'date-invalid' });
  await vs.runCommand('Muharrir: Restart Server');
  // The restarted server reports the open article's problems (the client clears them on stop).
  await vs.waitForProblem({ file: 'problems.md', code: 'date-invalid' });
  await vs.runCommand('Muharrir: Show Output');
  // The Output view's channel picker now shows Muharrir.
  const channel = vs.page.locator('.part.panel select.monaco-select-box').first();
  await waitUntil(
    async () => (await channel.evaluate((e: any) => String(e.options[e.selectedIndex]?.text ?? ''))) === 'Muharrir',
    'the Output view to show the Muharrir channel',
  );
  // …where the language client logged the restart.
  await vs.page.locator('.part.panel .view-lines', { hasText: 'Server process exited' }).first().waitFor();
  await vs.screenshot('output-channel');
});

scenario('muharrir.locale = ar (Settings editor) turns the messages Arabic without a restart', async (vs) => {
  await vs.openFile('articles/problems.md');
  await vs.waitForProblem({ file: 'problems.md', code: 'sources-missing', message: 'The article lists no sources' });
  await vs.setSetting('muharrir.locale', 'ar');
  // Every message of the article, not just one, now starts in Arabic (after any bidi marks).
  const arabic = /^[\u200E\u200F\u202A-\u202E\u2066-\u2069]*[\u0600-\u06FF]/;
  for (const code of ['sources-missing', 'date-invalid', 'field-type']) {
    await vs.waitForProblem({ file: 'problems.md', code, message: arabic });
  }
  await vs.screenshot('problems-arabic', { docs: 'problems-arabic' });
  // And back: "auto" follows VS Code's language (English here).
  await vs.setSetting('muharrir.locale', 'auto');
  await vs.waitForProblem({ file: 'problems.md', code: 'sources-missing', message: 'The article lists no sources' });
  await vs.waitForNoProblem({ file: 'problems.md', message: arabic });
});

scenario('typing news-brief in an empty article and accepting the completion inserts the brief template', async (vs) => {
  await vs.openFile('articles/empty.md');
  await vs.type('news-brief');
  // VS Code's own snippet completion (contributes.snippets), opened with Ctrl+Space.
  await vs.completion('news-brief');
  await vs.screenshot('template-completion', { docs: 'template-completion' });
  await vs.acceptCompletion('news-brief');
  await vs.waitForText(/^sources:$/m);
  const text = await vs.editorText();
  assert.match(text, /^---\ntitle: "[^"]+"\n/, `the frontmatter opens the file:\n${text}`);
  assert.match(text, /^ {2}- name: .+$/m, 'a source entry under sources:');
  assert.ok(!text.includes('news-brief'), 'the prefix was replaced');
});
