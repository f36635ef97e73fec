import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LspClient } from './client';
import { ARTICLE_NO_SOURCES, PUSH_CAPABILITIES, makeWorkspace, open, startServer, type TestWorkspace } from './helpers';

const AR = 'لا يذكر الخبر أي مصدر: أضف الحقل `sources`.';
const EN = 'The article lists no sources: add a `sources` field.';

const message = (diagnostics: any[]) => diagnostics.find((d) => d.code === 'sources-missing')?.message;

describe('settings', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  after(async () => {
    for (const c of cleanup) await c();
  });
  const start = async (options: Parameters<typeof startServer>[1]): Promise<[TestWorkspace, LspClient]> => {
    const ws = makeWorkspace();
    const client = await startServer(ws, options);
    cleanup.push(() => client.stop(), () => ws.remove());
    return [ws, client];
  };

  test('workspace/configuration locale ar, then en after didChangeConfiguration', async () => {
    let locale = 'ar';
    const [ws, client] = await start({ settings: () => ({ locale, articles: [], author: '', enable: true }) });
    const uri = ws.write('articles/s.md', ARTICLE_NO_SOURCES);
    open(client, uri, ARTICLE_NO_SOURCES);
    const ar = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.equal(message(ar), AR);
    const asked = client.serverRequests.find((r) => r.method === 'workspace/configuration');
    assert.deepEqual(asked?.params.items, [{ scopeUri: ws.uri, section: 'muharrir' }]);

    locale = 'en';
    const seen = client.published(uri).length;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const en = await client.waitForDiagnostics(uri, () => true, seen);
    assert.equal(message(en), EN);
  });

  test('enable: false silences articles; muharrir.articles decides what is an article', async () => {
    let settings: Record<string, unknown> = { enable: false };
    const [ws, client] = await start({ settings: () => settings });
    const uri = ws.write('articles/off.md', ARTICLE_NO_SOURCES);
    open(client, uri, ARTICLE_NO_SOURCES);
    assert.deepEqual(await client.waitForDiagnostics(uri), []);

    // Only drafts/** are articles now; a file there without any frontmatter is checked.
    settings = { enable: true, articles: ['drafts/**/*.md'] };
    const draft = ws.write('drafts/d.md', 'نص بلا بيانات وصفية\n');
    open(client, draft, 'نص بلا بيانات وصفية\n');
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const d = await client.waitForDiagnostics(draft, (x) => x.length > 0);
    assert.equal(d[0].code, 'frontmatter-missing');
  });

  test('clients without workspace/configuration: initializationOptions.settings, then pushed settings', async () => {
    const capabilities = { ...PUSH_CAPABILITIES, workspace: { ...PUSH_CAPABILITIES.workspace, configuration: false } };
    const [ws, client] = await start({ capabilities, initializationOptions: { settings: { locale: 'ar' } } });
    const uri = ws.write('articles/n.md', ARTICLE_NO_SOURCES);
    open(client, uri, ARTICLE_NO_SOURCES);
    assert.equal(message(await client.waitForDiagnostics(uri, (d) => d.length > 0)), AR);
    assert.ok(!client.serverRequests.some((r) => r.method === 'workspace/configuration'));
    const seen = client.published(uri).length;
    client.notify('workspace/didChangeConfiguration', { settings: { muharrir: { locale: 'en' } } });
    assert.equal(message(await client.waitForDiagnostics(uri, () => true, seen)), EN);
  });

  test('locale auto follows the config file, then the editor language', async () => {
    const [ws, client] = await start({ locale: 'ar-EG', settings: () => ({ locale: 'auto' }) });
    const uri = ws.write('articles/auto.md', ARTICLE_NO_SOURCES);
    open(client, uri, ARTICLE_NO_SOURCES);
    assert.equal(message(await client.waitForDiagnostics(uri, (d) => d.length > 0)), AR);
    const seen = client.published(uri).length;
    const configUri = ws.write('.muharrir.yaml', 'locale: en\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    assert.equal(message(await client.waitForDiagnostics(uri, () => true, seen)), EN);
  });

  test('VS Code gets Arabic messages as a right-to-left isolate, English ones untouched', async () => {
    let locale = 'ar';
    const [ws, client] = await start({ initializationOptions: { client: 'vscode' }, settings: () => ({ locale }) });
    const uri = ws.write('articles/rtl.md', ARTICLE_NO_SOURCES);
    open(client, uri, ARTICLE_NO_SOURCES);
    assert.equal(message(await client.waitForDiagnostics(uri, (d) => d.length > 0)), '\u2067' + AR + '\u2069');
    locale = 'en';
    const seen = client.published(uri).length;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.equal(message(await client.waitForDiagnostics(uri, () => true, seen)), EN);
  });
});
