/**
 * What the preview reads from `.muharrir.yaml`: the nearest file from the article up to its
 * workspace folder, its `locale` and `timezone` (after `extends`), nothing from outside the folder.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewsroomConfigs } from '../../client/src/preview/newsroomConfig';

const base = mkdtempSync(join(tmpdir(), 'muharrir-preview-config-'));
after(() => rmSync(base, { recursive: true, force: true }));

function write(rel: string, text: string): string {
  const file = join(base, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('NewsroomConfigs', () => {
  const root = join(base, 'newsroom');
  write('newsroom/.muharrir.yaml', 'locale: ar\ntimezone: Asia/Riyadh\n');
  write('newsroom/desk/.muharrir.yaml', 'extends: ../.muharrir.yaml\ntimezone: Africa/Cairo\n');
  write('newsroom/bad/.muharrir.yaml', 'extends: ../../outside.yaml\n');
  write('outside.yaml', 'locale: en\ntimezone: America/New_York\n');
  write('newsroom/broken/.muharrir.yaml', 'locale: [\n');
  write('newsroom/odd/.muharrir.yaml', 'locale: auto\ntimezone: Mars/Olympus\n');

  test('the nearest file wins, with what it extends', () => {
    const configs = new NewsroomConfigs();
    assert.deepEqual(configs.forFile(join(root, 'articles', 'a.md'), root), { locale: 'ar', timeZone: 'Asia/Riyadh' });
    assert.deepEqual(configs.forFile(join(root, 'desk', '2025', 'b.md'), root), { locale: 'ar', timeZone: 'Africa/Cairo' });
  });

  test('extends never leaves the workspace folder', () => {
    assert.deepEqual(new NewsroomConfigs().forFile(join(root, 'bad', 'c.md'), root), {});
  });

  test('above the workspace folder nothing is read', () => {
    const inner = join(root, 'desk');
    write('newsroom/desk/sub/x.md', '');
    // With the folder at desk/sub, desk/.muharrir.yaml is outside it.
    assert.deepEqual(new NewsroomConfigs().forFile(join(inner, 'sub', 'x.md'), join(inner, 'sub')), {});
  });

  test('a broken file, `auto` and an unknown zone give the defaults, never an exception', () => {
    const configs = new NewsroomConfigs();
    assert.deepEqual(configs.forFile(join(root, 'broken', 'd.md'), root), {});
    assert.deepEqual(configs.forFile(join(root, 'odd', 'e.md'), root), {});
  });

  test('answers are cached until cleared (a .muharrir.yaml changed)', () => {
    const configs = new NewsroomConfigs();
    const file = join(root, 'articles', 'f.md');
    assert.equal(configs.forFile(file, root).timeZone, 'Asia/Riyadh');
    write('newsroom/articles/.muharrir.yaml', 'timezone: Asia/Dubai\n');
    assert.equal(configs.forFile(file, root).timeZone, 'Asia/Riyadh');
    configs.clear();
    assert.equal(configs.forFile(file, root).timeZone, 'Asia/Dubai');
  });
});
