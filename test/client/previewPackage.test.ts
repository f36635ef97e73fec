/**
 * What the preview adds to the extension's manifest and package: its commands with titles in
 * English and Arabic, the editor-title button and keybindings (not Markdown's), its settings (the
 * remote-image one restricted in untrusted workspaces), the files the .vsix must carry, and every
 * string it shows in VS Code's Arabic bundle.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.env.MUHARRIR_ROOT ?? process.cwd();
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nls = { en: JSON.parse(read('package.nls.json')), ar: JSON.parse(read('package.nls.ar.json')) };
const COMMANDS = ['muharrir.openPreview', 'muharrir.openPreviewToSide', 'muharrir.togglePreviewLock', 'muharrir.previewTemplate'];

describe('package.json: the preview', () => {
  test('the commands are contributed with titles in both languages', () => {
    const titles: Record<string, string> = { 'muharrir.openPreview': 'Open Preview', 'muharrir.openPreviewToSide': 'Open Preview to the Side' };
    for (const id of COMMANDS) {
      const c = pkg.contributes.commands.find((x: { command: string }) => x.command === id);
      assert.ok(c, id);
      const key = /^%(.+)%$/.exec(c.title)?.[1];
      assert.ok(key && nls.en[key] && nls.ar[key], `${id}: ${c.title}`);
      if (titles[id]) assert.equal(nls.en[key], titles[id]);
      assert.equal(nls.en[c.category.slice(1, -1)], 'Muharrir');
    }
  });

  test('the editor-title button shows for articles; the lock for our preview', () => {
    const title = pkg.contributes.menus['editor/title'];
    const side = title.find((m: { command: string }) => m.command === 'muharrir.openPreviewToSide');
    assert.match(side.when, /resourceLangId == markdown/);
    assert.match(side.when, /muharrir\.isArticle/);
    assert.equal(side.group, 'navigation');
    const lock = title.find((m: { command: string }) => m.command === 'muharrir.togglePreviewLock');
    assert.equal(lock.when, "activeWebviewPanelId == 'muharrir.preview'");
  });

  test('keybindings only in an article, and none of Markdown\'s own', () => {
    const ours = pkg.contributes.keybindings.filter((k: { command: string }) => COMMANDS.includes(k.command));
    assert.deepEqual(ours.map((k: { command: string }) => k.command).sort(), ['muharrir.openPreview', 'muharrir.openPreviewToSide']);
    for (const k of ours) {
      assert.match(k.when, /editorLangId == markdown/);
      assert.match(k.when, /muharrir\.isArticle/);
      for (const key of [k.key, k.mac]) assert.ok(!['ctrl+shift+v', 'cmd+shift+v', 'ctrl+k v', 'cmd+k v'].includes(key), key);
    }
  });

  test('the settings: problems shown by default, remote images off and restricted in untrusted workspaces', () => {
    const props = pkg.contributes.configuration.properties;
    assert.equal(props['muharrir.preview.showProblems'].default, true);
    assert.equal(props['muharrir.preview.allowRemoteImages'].default, false);
    assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('muharrir.preview.allowRemoteImages'));
    for (const key of ['config.preview.showProblems', 'config.preview.allowRemoteImages']) assert.ok(nls.en[key] && nls.ar[key], key);
  });

  test('a preview restored after a reload activates the extension', () => {
    assert.ok(pkg.activationEvents.includes('onWebviewPanel:muharrir.preview'));
  });
});

describe('the package carries the preview', () => {
  test('.vscodeignore lets in the preview bundle, the page script, the fonts and their licence', () => {
    const lines = read('.vscodeignore').split('\n');
    for (const line of ['!dist/preview.js', '!media/preview.js', '!media/fonts/*.woff2', '!media/fonts/LICENSE']) assert.ok(lines.includes(line), line);
  });

  test('the build copies the four faces the panel loads, from the OFL font package', () => {
    const build = read('scripts/build.mjs');
    const panel = read('client/src/preview/panel.ts');
    for (const face of ['arabic-400', 'arabic-700', 'latin-400', 'latin-700']) assert.ok(panel.includes(`'${face}.woff2'`), face);
    assert.match(build, /noto-naskh-arabic-\$\{subset\}-\$\{weight\}-normal\.woff2/);
    const files = readdirSync(join(ROOT, 'node_modules/@fontsource/noto-naskh-arabic/files'));
    for (const face of ['arabic-400', 'arabic-700', 'latin-400', 'latin-700']) assert.ok(files.includes(`noto-naskh-arabic-${face}-normal.woff2`), face);
    assert.match(read('node_modules/@fontsource/noto-naskh-arabic/LICENSE'), /SIL Open Font License/);
  });

  test('every string the preview shows in VS Code has an Arabic translation', () => {
    const bundle = JSON.parse(read('l10n/bundle.l10n.ar.json')) as Record<string, string>;
    const dir = join(ROOT, 'client/src/preview');
    const strings = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]));
    assert.ok(strings.length >= 8, `found ${strings.length}`);
    for (const s of strings) {
      assert.ok(bundle[s], `no Arabic for ${JSON.stringify(s)}`);
      for (const placeholder of s.match(/\{\d\}/g) ?? []) assert.ok(bundle[s].includes(placeholder), `${s}: ${placeholder}`);
    }
  });
});
