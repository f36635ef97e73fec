/**
 * The Newsroom view's rows as the editor shows them: groups by status and by section with their
 * counts, each article's problem counts and badges, its checklist in the writer's language, the
 * filters, the offer to check the whole workspace, and what shows when the server cannot answer.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DeskArticle, DeskResult } from '../../server/src/lsp/deskProtocol';
import { bidiAfter, countOf, deskLocale, uiLocale } from '../../client/src/newsroom/labels';
import { applyDesk } from '../../client/src/newsroom/model';
import {
  articleRow,
  deskView,
  filterArticles,
  groupArticles,
  NO_FILTER,
  type ArticleRow,
  type DeskRow,
  type DeskState,
} from '../../client/src/newsroom/model';

const CHECKLIST = [
  { id: 'sources', label: { en: 'Sources listed', ar: 'المصادر مذكورة' } },
  { id: 'date', label: { en: 'Date present and valid', ar: 'تاريخ النشر موجود وصحيح' } },
  { id: 'summary', label: { en: 'Summary', ar: 'الموجز' } },
  { id: 'headline', label: { en: 'Headline', ar: 'العنوان' } },
  { id: 'anonymous', label: { en: 'Anonymous sources justified', ar: 'المصادر المجهّلة مبرَّرة' } },
] as const;

function article(path: string, o: Partial<Omit<DeskArticle, 'checklist'>> & { failing?: string[] } = {}): DeskArticle {
  const failing = new Set(o.failing ?? []);
  return {
    uri: `file:///newsroom/${path}`,
    path,
    folder: 'newsroom',
    title: o.title === undefined ? `headline of ${path}` : o.title,
    status: o.status === undefined ? 'draft' : o.status,
    section: o.section ?? null,
    words: o.words ?? 120,
    readingMinutes: o.readingMinutes ?? 1,
    counts: o.counts ?? { errors: 0, warnings: 0, infos: 0 },
    badges: o.badges ?? { sourcesMissing: false, dateMissing: false, dateBroken: false },
    checklist: CHECKLIST.map((c) => ({ id: c.id, ok: !failing.has(c.id), label: c.label })),
  };
}

function result(articles: DeskArticle[], o: Partial<DeskResult> = {}): DeskResult {
  return { articles, generation: 'test:1', scanned: articles.length, total: articles.length, complete: true, scope: 'workspace', locale: 'en', ...o };
}

function state(o: Partial<DeskState> = {}): DeskState {
  return { scope: 'workspace', groupBy: 'status', filter: NO_FILTER, locale: 'en', ...o };
}

const groups = (rows: DeskRow[]) =>
  rows.flatMap((r) => (r.kind === 'group' ? [`${r.label} (${r.description}): ${r.rows.map((a) => a.label).join(', ')}`] : []));

const ARTICLES = [
  article('articles/gold.md', { title: 'Gold prices rise', status: 'published', section: 'Economy' }),
  article('articles/rain.md', { title: 'Heavy rain in Jeddah', status: 'review', section: 'Local' }),
  article('articles/book-fair.md', { title: 'Book fair opens', status: null, counts: { errors: 3, warnings: 0, infos: 0 }, failing: ['sources', 'date'] }),
  article('articles/budget.md', { title: 'Budget approved', status: 'approved', section: 'Economy' }),
  article('articles/bus.md', { title: 'A new bus line', counts: { errors: 2, warnings: 1, infos: 0 }, section: 'Local', failing: ['sources'] }),
  article('articles/zoo.md', { title: 'Zoo reopens', status: 'draft' }),
  article('articles/embargo.md', { title: 'Embargoed story', status: 'scheduled', section: 'Local' }),
];

describe('grouping', () => {
  test('by status: draft, review, approved, published, a newsroom’s own, then no status; each with its count', () => {
    assert.deepEqual(groups(deskView(state({ result: result(ARTICLES) })).rows), [
      'Draft (2): A new bus line, Zoo reopens',
      'In review (1): Heavy rain in Jeddah',
      'Approved (1): Budget approved',
      'Published (1): Gold prices rise',
      'scheduled (1): Embargoed story',
      'No status (1): Book fair opens',
    ]);
  });

  test('statuses with no article are left out', () => {
    const only = [article('a.md', { status: 'review' }), article('b.md', { status: 'review' })];
    assert.deepEqual(groupArticles(only, 'status', 'en').map((g) => `${g.key} ${g.articles.length}`), ['review 2']);
  });

  test('by section: by name, then the articles with no section', () => {
    assert.deepEqual(groups(deskView(state({ result: result(ARTICLES), groupBy: 'section' })).rows), [
      'Economy (2): Budget approved, Gold prices rise',
      'Local (3): A new bus line, Embargoed story, Heavy rain in Jeddah',
      'No section (2): Book fair opens, Zoo reopens',
    ]);
  });

  test('in Arabic: the status names, Arabic sections in Arabic order', () => {
    const ar = [
      article('a.md', { title: 'ب', section: 'محليات' }),
      article('b.md', { title: 'أ', section: 'اقتصاد' }),
      article('c.md', { title: 'ج', status: 'review', section: null }),
    ];
    assert.deepEqual(groups(deskView(state({ result: result(ar), locale: 'ar' })).rows), ['مسودة (2): أ, ب', 'قيد المراجعة (1): ج']);
    assert.deepEqual(groups(deskView(state({ result: result(ar), locale: 'ar', groupBy: 'section' })).rows), [
      'اقتصاد (1): أ',
      'محليات (1): ب',
      'بلا قسم (1): ج',
    ]);
  });

  test('an article with no headline is listed by its file name', () => {
    const [g] = groupArticles([article('news/2025/untitled-draft.md', { title: null })], 'status', 'en');
    assert.equal(articleRow(g!.articles[0]!, 'en').label, 'untitled-draft.md');
  });
});

describe('an article’s row', () => {
  const bus = ARTICLES[4]!;

  test('its problem counts and badges in the description', () => {
    const row = articleRow({ ...bus, badges: { sourcesMissing: true, dateMissing: false, dateBroken: true } }, 'en');
    assert.equal(row.description, '2 errors · 1 warning · no sources · broken date');
    assert.equal(row.icon, 'error');
    assert.deepEqual(row.badges.map((b) => b.id), ['sourcesMissing', 'dateBroken']);
    assert.match(row.tooltip, /\$\(book\) The frontmatter lists no sources/);
    assert.match(row.tooltip, /\$\(calendar\) The publication date is invalid/);
  });

  test('in Arabic, with the number forms Arabic asks for', () => {
    const row = articleRow({ ...bus, badges: { sourcesMissing: false, dateMissing: true, dateBroken: false } }, 'ar');
    assert.equal(row.description, 'خطآن · تحذير واحد · بلا تاريخ');
    const many = articleRow({ ...bus, counts: { errors: 11, warnings: 3, infos: 1 } }, 'ar');
    assert.equal(many.description, '11 خطأً · 3 تحذيرات · ملاحظة واحدة');
  });

  test('a clean article says so, and shows as ready when its checklist is done', () => {
    const row = articleRow(ARTICLES[0]!, 'en');
    assert.equal(row.description, 'no problems');
    assert.equal(row.icon, 'pass');
    const notReady = articleRow(article('x.md', { failing: ['summary'] }), 'en');
    assert.equal(notReady.icon, 'circle-large-outline');
    assert.match(notReady.tooltip, /Not ready/);
  });

  test('its checklist: ✓ or ✗ and the label in the writer’s language', () => {
    const en = articleRow(bus, 'en').checklist.map((c) => c.label);
    assert.deepEqual(en, ['✗ Sources listed', '✓ Date present and valid', '✓ Summary', '✓ Headline', '✓ Anonymous sources justified']);
    const ar = articleRow(bus, 'ar').checklist;
    assert.equal(ar[0]!.label, '✗ المصادر مذكورة');
    assert.equal(ar[0]!.ok, false);
    assert.match(ar[0]!.tooltip, /لم يتم$/);
  });

  test('a headline with Markdown in it is shown as written in the tooltip, not as a link', () => {
    const row = articleRow(article('x.md', { title: '[click](command:workbench.action.quit) *now*' }), 'en');
    assert.ok(!row.tooltip.includes('[click](command:'), row.tooltip);
    assert.ok(row.tooltip.includes('\\[click\\]\\(command:workbench\\.action\\.quit\\) \\*now\\*'), row.tooltip);
  });
});

describe('filters', () => {
  const labels = (rows: DeskRow[]) =>
    rows.flatMap((r) => (r.kind === 'group' ? r.rows.map((a: ArticleRow) => a.label) : [])).sort();

  test('only articles with errors', () => {
    const v = deskView(state({ result: result(ARTICLES), filter: { ...NO_FILTER, onlyErrors: true } }));
    assert.deepEqual(labels(v.rows), ['A new bus line', 'Book fair opens']);
    assert.equal(v.description, '2 of 7');
    assert.equal(v.message, 'Filtered: with errors');
  });

  test('only articles not ready: any checklist item not done, errors or not', () => {
    const quiet = article('articles/quiet.md', { title: 'No summary yet', failing: ['summary'] });
    const v = deskView(state({ result: result([...ARTICLES, quiet]), filter: { ...NO_FILTER, onlyNotReady: true } }));
    assert.deepEqual(labels(v.rows), ['A new bus line', 'Book fair opens', 'No summary yet']);
  });

  test('text: in the headline or the path, ignoring case, diacritics and tatweel', () => {
    const ar = [
      article('articles/2025/06/hajj.md', { title: 'انطلاق مُوسم الحــج' }),
      article('articles/2025/06/rain.md', { title: 'أمطار على جدة' }),
    ];
    assert.deepEqual(filterArticles(ar, { ...NO_FILTER, text: 'موسم الحج' }).map((a) => a.path), ['articles/2025/06/hajj.md']);
    assert.deepEqual(filterArticles(ar, { ...NO_FILTER, text: 'RAIN' }).map((a) => a.path), ['articles/2025/06/rain.md']);
    assert.equal(filterArticles(ar, { ...NO_FILTER, text: '  ' }).length, 2);
  });

  test('filters combine; when nothing is left the view says so', () => {
    const f = { onlyErrors: true, onlyNotReady: true, text: 'bus' };
    assert.deepEqual(labels(deskView(state({ result: result(ARTICLES), filter: f })).rows), ['A new bus line']);
    const none = deskView(state({ result: result(ARTICLES), filter: { ...f, text: 'nothing like this' } }));
    assert.deepEqual(none.rows.map((r) => r.kind), ['notice']);
    assert.equal((none.rows[0] as { label: string }).label, 'No article matches the filters.');
    assert.equal(none.message, 'Filtered: with errors, not ready, “nothing like this”');
  });
});

describe('the view as a whole', () => {
  test('with openFiles scope, the first row offers to check the whole workspace', () => {
    const v = deskView(state({ scope: 'workspace', result: result([ARTICLES[0]!], { scope: 'openFiles' }) }));
    assert.equal(v.rows[0]!.kind, 'scopeOffer');
    assert.equal((v.rows[0] as { label: string }).label, 'Check every article in the workspace');
    // The server's answer wins over the setting read before it answered.
    const w = deskView(state({ scope: 'openFiles', result: result([ARTICLES[0]!], { scope: 'workspace' }) }));
    assert.ok(!w.rows.some((r) => r.kind === 'scopeOffer'));
  });

  test('the title’s description counts the articles; the message shows a scan in progress', () => {
    const v = deskView(state({ result: result(ARTICLES, { complete: false, scanned: 7, total: 1240 }) }));
    assert.equal(v.description, '7 articles');
    assert.equal(v.message, 'Checking the workspace: 7 of 1,240 articles…');
    assert.equal(deskView(state({ result: result(ARTICLES), locale: 'ar' })).description, '7 أخبار');
  });

  test('before the server answers: no rows (scope workspace), a message', () => {
    const v = deskView(state());
    assert.deepEqual(v.rows, []);
    assert.match(v.message, /Asking the language server/);
  });

  test('when the server cannot answer: one row that says why and leads to the output', () => {
    const v = deskView(state({ error: 'Unhandled method muharrir/desk', result: result(ARTICLES) }));
    assert.deepEqual(v.rows, [
      { kind: 'notice', label: 'The desk is not available: Unhandled method muharrir/desk', tooltip: 'Show the Muharrir output', showOutput: true },
    ]);
  });
});

describe('labels', () => {
  test('a description after an Arabic headline is cut off from it, and Arabic counts read right to left', () => {
    assert.equal(bidiAfter('2 errors', 'en'), '\u200E2 errors');
    assert.equal(bidiAfter('11 خطأً', 'ar'), '\u200E\u200F11 خطأً');
  });

  test('Arabic counts take the form their number asks for', () => {
    const forms = [1, 2, 3, 10, 11, 99, 100, 102, 1240].map((n) => countOf('articles', n, 'ar'));
    assert.deepEqual(forms, ['خبر واحد', 'خبران', '3 أخبار', '10 أخبار', '11 خبرًا', '99 خبرًا', '100 خبر', '102 خبر', '1,240 خبرًا']);
    assert.deepEqual([1, 2].map((n) => countOf('errors', n, 'en')), ['1 error', '2 errors']);
  });

  test('the language: muharrir.locale when it names one, else VS Code’s', () => {
    assert.equal(uiLocale('ar', 'en'), 'ar');
    assert.equal(uiLocale('en', 'ar'), 'en');
    assert.equal(uiLocale('auto', 'ar-EG'), 'ar');
    assert.equal(uiLocale(undefined, 'de'), 'en');
  });

  test('the desk’s language: muharrir.locale, else the server’s (.muharrir.yaml), else VS Code’s', () => {
    // A newsroom whose .muharrir.yaml says `locale: ar`, in an English VS Code: Arabic labels, as its diagnostics.
    assert.equal(deskLocale('auto', 'ar', 'en'), 'ar');
    assert.equal(deskLocale(undefined, 'ar', 'en-US'), 'ar');
    // The writer's own setting wins at once, before the server has re-read it.
    assert.equal(deskLocale('en', 'ar', 'ar'), 'en');
    // Before the server has answered: VS Code's.
    assert.equal(deskLocale('auto', undefined, 'ar-EG'), 'ar');
    assert.equal(deskLocale('auto', undefined, 'en'), 'en');
  });
});

describe('the desk the client holds', () => {
  test('a whole answer replaces it; a delta changes, adds and removes articles, in the desk’s order', () => {
    const a = article('a.md');
    const b = article('b.md');
    const c = article('c.md');
    const held = applyDesk(undefined, result([b, a], { generation: 'x:1' }));
    assert.deepEqual(held.result.articles.map((x) => x.path), ['a.md', 'b.md']);
    const bFixed = { ...b, counts: { errors: 0, warnings: 1, infos: 0 } };
    const next = applyDesk(held, { ...result([c, bFixed], { generation: 'x:2' }), delta: true, removed: [a.uri] });
    assert.deepEqual(next.result.articles.map((x) => [x.path, x.counts.warnings]), [['b.md', 1], ['c.md', 0]]);
    assert.equal(next.result.generation, 'x:2');
    assert.equal(next.result.delta, undefined);
    assert.equal(next.result.removed, undefined);
    // The held desk is not changed in place: a render in flight keeps what it had.
    assert.deepEqual(held.result.articles.map((x) => x.path), ['a.md', 'b.md']);
    // A delta with nothing held (a restarted view) cannot be applied to anything: taken as it is.
    assert.deepEqual(applyDesk(undefined, { ...result([c]), delta: true, removed: [] }).result.articles.map((x) => x.path), ['c.md']);
  });
});
