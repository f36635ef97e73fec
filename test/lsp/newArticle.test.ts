/**
 * `muharrir/newArticle`: where the New Article command puts an article — the path pattern expanded
 * with today's date in the newsroom's zone and the headline's slug — or why it cannot.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LspClient } from './client';
import { makeWorkspace, startServer, type TestWorkspace } from './helpers';

// Fourteen hours ahead and eleven behind UTC: at any moment of the day their dates differ, so a
// path can only carry the right one if the server read the right config.
const AHEAD = 'Pacific/Kiritimati';
const BEHIND = 'Pacific/Pago_Pago';

function dayIn(zone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The request, with the day in `zone` read before and after it (a run across midnight takes either). */
async function ask(client: LspClient, params: unknown, zone = AHEAD): Promise<{ answer: any; days: string[] }> {
  const before = dayIn(zone, new Date());
  const answer = await client.request('muharrir/newArticle', params);
  return { answer, days: [before, dayIn(zone, new Date())] };
}

describe('muharrir/newArticle', () => {
  let ws: TestWorkspace;
  let client: LspClient;
  before(async () => {
    ws = makeWorkspace({
      '.muharrir.yaml': `timezone: ${AHEAD}\n`,
      // A desk in another zone: its articles are dated by its own config.
      'desk/.muharrir.yaml': `timezone: ${BEHIND}\n`,
    });
    client = await startServer(ws, { settings: () => ({ locale: 'en' }) });
  });
  after(async () => {
    await client.stop();
    ws.remove();
  });

  test('an Arabic headline: articles/yyyy/mm/date-slug.md with the date in the configured zone', async () => {
    const title = 'وزارة الصحة تطلق حملة وطنية للتطعيم';
    const { answer, days } = await ask(client, { folderUri: ws.uri, title, pattern: 'articles/{yyyy}/{mm}/{yyyy}-{mm}-{dd}-{slug}.md' });
    assert.equal(answer.ok, true, answer.message);
    assert.equal(answer.slug, 'وزارة-الصحة-تطلق-حملة-وطنية-للتطعيم');
    assert.ok(days.includes(answer.date), `${answer.date} is not today in ${AHEAD} (${days.join(' / ')})`);
    const [y, m] = answer.date.split('-');
    assert.equal(answer.path, `articles/${y}/${m}/${answer.date}-وزارة-الصحة-تطلق-حملة-وطنية-للتطعيم.md`);
    assert.equal(decodeURIComponent(answer.uri), decodeURIComponent(`${ws.uri}/${answer.path}`));
  });

  test('without a pattern the default applies; without a folder, the first one', async () => {
    const { answer } = await ask(client, { title: 'قمة G20 في الرياض' });
    assert.equal(answer.ok, true, answer.message);
    assert.match(answer.path, /^articles\/\d{4}\/\d{2}\/\d{4}-\d{2}-\d{2}-قمة-g20-في-الرياض\.md$/);
    assert.ok(answer.uri.startsWith(ws.uri + '/'));
  });

  test('a file that lands under a config with another zone gets that zone’s date', async () => {
    const { answer, days } = await ask(client, { folderUri: ws.uri, title: 'خبر من المكتب', pattern: 'desk/{yyyy}-{mm}-{dd}-{slug}.md' }, BEHIND);
    assert.equal(answer.ok, true, answer.message);
    assert.ok(days.includes(answer.date), `${answer.date} is not today in ${BEHIND} (${days.join(' / ')})`);
    assert.notEqual(answer.date, dayIn(AHEAD, new Date()), 'the root config’s zone would give another day');
    assert.equal(answer.path, `desk/${answer.date}-خبر-من-المكتب.md`);
  });

  test('a pattern that leaves the folder or is absolute is refused with a message that says why', async () => {
    const up = (await ask(client, { folderUri: ws.uri, title: 'عنوان', pattern: '../{slug}.md' })).answer;
    assert.equal(up.ok, false);
    assert.match(up.message, /leaves the workspace folder/);
    const abs = (await ask(client, { folderUri: ws.uri, title: 'عنوان', pattern: '/etc/{slug}.md' })).answer;
    assert.equal(abs.ok, false);
    assert.match(abs.message, /must be relative to the workspace folder/);
    const unknown = (await ask(client, { folderUri: ws.uri, title: 'عنوان', pattern: 'articles/{section}/{slug}.md' })).answer;
    assert.match(unknown.message, /\{section\}/);
  });

  test('no headline, or no parameters at all: a message, and the server keeps answering', async () => {
    const blank = (await ask(client, { folderUri: ws.uri, title: '   ' })).answer;
    assert.equal(blank.ok, false);
    assert.match(blank.message, /needs a headline/);
    const nothing = (await ask(client, null)).answer;
    assert.equal(nothing.ok, false);
    const again = (await ask(client, { folderUri: ws.uri, title: 'خبر' })).answer;
    assert.equal(again.ok, true);
  });
});

describe('muharrir/newArticle in Arabic', () => {
  test('with muharrir.locale = ar the refusal is in Arabic', async () => {
    const ws = makeWorkspace();
    const client = await startServer(ws, { settings: () => ({ locale: 'ar' }) });
    try {
      const r = await client.request('muharrir/newArticle', { folderUri: ws.uri, title: 'عنوان', pattern: '../../{slug}.md' });
      assert.equal(r.ok, false);
      assert.match(r.message, /يجب أن يُنشأ الخبر داخل المجلد/);
    } finally {
      await client.stop();
      ws.remove();
    }
  });
});
