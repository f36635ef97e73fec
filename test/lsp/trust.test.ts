/**
 * Workspace Trust in the language server. A cloned repository is data: in an untrusted workspace
 * its `.muharrir.yaml` may not make the editor read files outside the workspace folder — not by
 * `extends: ../…`, an absolute path or a symlink, not by being a symlink itself, not through
 * `snippetPacks` — and each refusal is a diagnostic that says why. Once the workspace is trusted
 * (at start, `initializationOptions.workspaceTrusted`; later, `muharrir/workspaceTrust`) they are
 * followed, as the CLI always does.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, type LspClient } from './client';
import { ARTICLE_NO_SOURCES, codes, makeWorkspace, open, startServer, type TestWorkspace } from './helpers';

const BASE = 'rules:\n  sources-missing: off\n';
const packOf = (name: string) => JSON.stringify({ pack: { name, version: '1.0.0' }, snippets: { Brief: { prefix: `${name}-brief`, body: 'x' } } });

/** Folders of one workspace, each with its own config reaching outside in its own way. */
const WAYS = ['dotdot', 'absolute', 'symlinked-folder', 'symlinked-config'] as const;

let outside: string;
let ws: TestWorkspace;

before(() => {
  outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'muharrir-outside-')));
  fs.writeFileSync(path.join(outside, 'base.yaml'), BASE);
  fs.mkdirSync(path.join(outside, 'packs'));
  fs.writeFileSync(path.join(outside, 'packs', 'shared.json'), packOf('shared'));
  const up = `../${path.basename(outside)}`;
  ws = makeWorkspace({
    '.muharrir.yaml': `snippetPacks:\n  - ${up}/packs\n`,
    'dotdot/.muharrir.yaml': `extends: ../${up}/base.yaml\n`,
    'absolute/.muharrir.yaml': `extends: ${path.join(outside, 'base.yaml')}\n`,
    'symlinked-folder/.muharrir.yaml': 'extends: link/base.yaml\n',
    'inside/.muharrir.yaml': 'extends: ../common.yaml\n',
    'common.yaml': BASE,
    '.muharrir/snippets/desk.json': packOf('desk'),
  });
  fs.symlinkSync(outside, ws.file('symlinked-folder/link'));
  fs.mkdirSync(ws.file('symlinked-config'));
  fs.symlinkSync(path.join(outside, 'base.yaml'), ws.file('symlinked-config/.muharrir.yaml'));
  for (const way of [...WAYS, 'inside']) ws.write(`${way}/articles/a.md`, ARTICLE_NO_SOURCES);
});

after(() => {
  ws?.remove();
  if (outside) fs.rmSync(outside, { recursive: true, force: true });
});

const articleUri = (way: string) => ws.uriOf(`${way}/articles/a.md`);
const configUri = (way: string) => ws.uriOf(`${way}/.muharrir.yaml`);

function openArticles(client: LspClient): void {
  for (const way of [...WAYS, 'inside']) open(client, articleUri(way), ARTICLE_NO_SOURCES);
}

async function packNames(client: LspClient): Promise<string[]> {
  const listed = await client.request('muharrir/templates', { uri: ws.uri });
  const names: string[] = listed.templates.filter((t: any) => t.pack).map((t: any) => t.pack.name);
  return [...new Set(names)].sort();
}

/** The first push on `uri` after the `seen`-th for which `ok` holds. */
const latest = (client: LspClient, uri: string, ok: (d: any[]) => boolean, seen = 0) => client.waitForDiagnostics(uri, ok, seen);

describe('an untrusted workspace (the default: the client did not say it is trusted)', () => {
  let client: LspClient;
  before(async () => {
    client = await startServer(ws);
    openArticles(client);
  });
  after(async () => {
    await client?.stop();
  });

  test('extends out by .., by an absolute path or through a symlinked folder is refused on its line', async () => {
    for (const way of ['dotdot', 'absolute', 'symlinked-folder']) {
      const [problem] = await latest(client, configUri(way), (d) => d.length > 0);
      assert.equal(problem.code, 'config', way);
      assert.equal(problem.severity, 1, way);
      assert.equal(problem.range.start.line, 0, way);
      assert.match(problem.message, /is outside the workspace folder .* not read in an untrusted workspace\. Trust the workspace/, way);
      // Nothing from outside was applied: the article is judged by the defaults.
      const diagnostics = await latest(client, articleUri(way), (d) => d.length > 0);
      assert.ok(codes(diagnostics).includes('sources-missing'), `${way}: ${codes(diagnostics)}`);
    }
  });

  test('a .muharrir.yaml that is itself a link out is not read, and says so on the file', async () => {
    const [problem] = await latest(client, configUri('symlinked-config'), (d) => d.length > 0);
    assert.equal(problem.code, 'config');
    assert.deepEqual(problem.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(problem.message, /link to a file outside the workspace folder/);
    assert.ok(codes(await latest(client, articleUri('symlinked-config'), (d) => d.length > 0)).includes('sources-missing'));
  });

  test('extends inside the workspace folder is followed as ever', async () => {
    const diagnostics = await latest(client, articleUri('inside'), () => true);
    assert.deepEqual(codes(diagnostics), []);
    assert.deepEqual(client.published(configUri('inside')), []);
  });

  test('a pack folder out of the workspace is refused on its config line and its packs are not offered', async () => {
    const [problem] = await latest(client, ws.uriOf('.muharrir.yaml'), (d) => d.length > 0);
    assert.equal(problem.range.start.line, 1);
    assert.match(problem.message, /outside the workspace folder; in an untrusted workspace/);
    assert.deepEqual(await packNames(client), ['desk'], 'the packs inside are read');
  });

  test('trust granted while running: the refusals go, the outside configs and packs apply', async () => {
    const seen = new Map([...WAYS, ''].map((way) => [way, client.published(way ? configUri(way) : ws.uriOf('.muharrir.yaml')).length]));
    const articlesSeen = new Map(WAYS.map((way) => [way, client.published(articleUri(way)).length]));
    client.notify('muharrir/workspaceTrust', { trusted: true });
    for (const way of WAYS) {
      await latest(client, configUri(way), (d) => d.length === 0, seen.get(way));
      const diagnostics = await latest(client, articleUri(way), (d) => !codes(d).includes('sources-missing'), articlesSeen.get(way));
      assert.deepEqual(codes(diagnostics), [], way);
    }
    await latest(client, ws.uriOf('.muharrir.yaml'), (d) => d.length === 0, seen.get(''));
    // Packs reload on a short debounce after the change; ask until they have.
    let names: string[] = [];
    for (let tries = 0; tries < 100 && names.length < 2; tries++) {
      if (tries) await new Promise((r) => setTimeout(r, 50));
      names = await packNames(client);
    }
    assert.deepEqual(names, ['desk', 'shared']);
  });

  test('a malformed trust notification changes nothing and breaks nothing', async () => {
    client.notify('muharrir/workspaceTrust', { trusted: 'yes' });
    client.notify('muharrir/workspaceTrust', null);
    assert.deepEqual(await packNames(client), ['desk', 'shared']);
  });
});

describe('a workspace trusted from the start (initializationOptions.workspaceTrusted)', () => {
  let client: LspClient;
  before(async () => {
    client = await startServer(ws, { initializationOptions: { client: 'neovim', workspaceTrusted: true } });
    openArticles(client);
  });
  after(async () => {
    await client?.stop();
  });

  test('every way out is followed, with no config problem, exactly as the CLI does', async () => {
    for (const way of WAYS) {
      const diagnostics = await latest(client, articleUri(way), () => true);
      assert.deepEqual(codes(diagnostics), [], way);
      assert.deepEqual(client.published(configUri(way)).flatMap((p) => p.diagnostics), [], way);
    }
    assert.deepEqual(await packNames(client), ['desk', 'shared']);
  });
});

describe('package.json: workspace settings that choose files are restricted', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const restricted: string[] = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;

  test('limited support, and every setting that points at a path or loosens safety is restricted', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(
      [...restricted].sort(),
      ['muharrir.articles', 'muharrir.newArticle.path', 'muharrir.preview.allowRemoteImages', 'muharrir.snippetPacks'],
    );
    const settings = pkg.contributes.configuration.properties as Record<string, unknown>;
    for (const key of restricted) assert.ok(key in settings, `${key} is a real setting`);
  });
});
