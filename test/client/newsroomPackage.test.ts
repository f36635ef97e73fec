/**
 * What the Newsroom view adds to the manifest and the package: an activity-bar container with a
 * local icon that the .vsix carries, the view, every command the view registers contributed with
 * English and Arabic titles, the title-bar menus and the welcome texts; activation stays lazy.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEWSROOM_COMMANDS, NEWSROOM_CONTEXT, NEWSROOM_VIEW } from '../../client/src/newsroom/ids';

const ROOT = process.env.MUHARRIR_ROOT ?? process.cwd();
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nls = { en: JSON.parse(read('package.nls.json')), ar: JSON.parse(read('package.nls.ar.json')) };
const VIEW = NEWSROOM_VIEW;
const REGISTERED: string[] = Object.values(NEWSROOM_COMMANDS);
const viewSource = read('client/src/newsroom/view.ts');
const localized = (value: string) => {
  const key = /^%(.+)%$/.exec(value)?.[1];
  return key && nls.en[key] && nls.ar[key] ? { en: nls.en[key] as string, ar: nls.ar[key] as string } : undefined;
};

describe('package.json: the Newsroom view', () => {
  test('an activity-bar container with a local SVG icon, shipped in the .vsix, and the view in it', () => {
    const [container] = pkg.contributes.viewsContainers.activitybar;
    assert.equal(localized(container.title)?.en, 'Newsroom');
    assert.equal(localized(container.title)?.ar, 'غرفة الأخبار');
    assert.match(container.icon, /^media\/[\w-]+\.svg$/);
    const svg = read(container.icon);
    assert.match(svg, /^<svg[\s>]/);
    assert.ok(!/(href|src)\s*=|url\(|<script/i.test(svg), 'the icon loads nothing and runs nothing');
    assert.ok(read('.vscodeignore').split('\n').includes(`!${container.icon}`), '.vscodeignore lets the icon in');
    const views = pkg.contributes.views[container.id];
    assert.deepEqual(views.map((v: { id: string }) => v.id), [VIEW]);
    assert.ok(localized(views[0].name));
  });

  test('view.ts registers every command of its table', () => {
    for (const key of Object.keys(NEWSROOM_COMMANDS)) assert.match(viewSource, new RegExp(`registerCommand\\(c\\.${key}\\b`), key);
  });

  test('every command the view registers is contributed, titled in English and Arabic', () => {
    assert.ok(REGISTERED.length >= 8, REGISTERED.join(' '));
    for (const id of REGISTERED) {
      const c = pkg.contributes.commands.find((x: { command: string }) => x.command === id);
      assert.ok(c, `${id} is not contributed`);
      assert.ok(localized(c.title), `${id}: ${c.title}`);
      assert.equal(localized(c.category)?.en, 'Muharrir');
    }
  });

  test('the title bar: grouping toggle, text filter, refresh as buttons; both filters in its menu', () => {
    const menu = pkg.contributes.menus['view/title'] as { command: string; when: string; group: string }[];
    for (const m of menu) {
      assert.match(m.when, /^view == muharrir\.newsroom\b/);
      assert.ok(REGISTERED.includes(m.command), m.command);
    }
    const at = (id: string) => menu.filter((m) => m.command === `${VIEW}.${id}`).map((m) => m.group.split('@')[0]);
    for (const id of ['groupBySection', 'groupByStatus', 'filterText', 'refresh']) {
      assert.deepEqual(at(id), ['navigation'], id);
      assert.match(pkg.contributes.commands.find((c: { command: string }) => c.command === `${VIEW}.${id}`).icon, /^\$\([\w-]+\)$/);
    }
    assert.deepEqual(at('toggleOnlyErrors'), ['1_filter']);
    assert.deepEqual(at('toggleOnlyNotReady'), ['1_filter']);
    // One grouping button at a time: the one that changes the grouping.
    const section = menu.find((m) => m.command === `${VIEW}.groupBySection`)!;
    const status = menu.find((m) => m.command === `${VIEW}.groupByStatus`)!;
    assert.match(section.when, /muharrir\.newsroom\.groupBy != section/);
    assert.match(status.when, /muharrir\.newsroom\.groupBy == section/);
    assert.equal(NEWSROOM_CONTEXT.groupBy, 'muharrir.newsroom.groupBy');
    assert.match(viewSource, /'setContext', NEWSROOM_CONTEXT\.groupBy/);
  });

  test('welcome texts for no folder and for a workspace without articles, in both languages', () => {
    const welcome = pkg.contributes.viewsWelcome.filter((w: { view: string }) => w.view === VIEW);
    assert.equal(welcome.length, 2);
    for (const w of welcome) {
      const text = localized(w.contents);
      assert.ok(text, w.contents);
      for (const link of text.en.match(/\(command:[\w.]+\)/g) ?? []) assert.ok(text.ar.includes(link), `${link} in the Arabic text`);
    }
    assert.match(welcome[0].when, /workbenchState == empty/);
    assert.match(welcome[1].when, new RegExp(`\\b${NEWSROOM_CONTEXT.loaded.replace(/\./g, '\\.')}\\b`));
    assert.match(viewSource, /'setContext', NEWSROOM_CONTEXT\.loaded/);
  });

  test('activation stays lazy: no "*" nor onStartupFinished; the view activates the extension by itself (VS Code ≥ 1.74)', () => {
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(!pkg.activationEvents.includes('onStartupFinished'));
    const [major, minor] = /(\d+)\.(\d+)/.exec(pkg.engines.vscode)!.slice(1).map(Number);
    assert.ok(major! > 1 || minor! >= 74, pkg.engines.vscode);
  });
});
