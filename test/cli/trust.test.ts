/**
 * The CLI is always "trusted": it runs where the user ran it, on files they named, so a config's
 * `extends` may point anywhere on their machine (a newsroom's shared config in a sibling
 * checkout, an absolute path, a symlink). The editor refuses these only in an untrusted workspace
 * (test/lsp/trust.test.ts); the CLI's behaviour does not change with it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NOW, muharrir, parseJson, tempDir, write } from './helpers';

const ARTICLE = `---
title: افتتاح معرض الكتاب في الرياض
date: 2025-06-02T10:00:00+03:00
author: سارة أحمد
---
افتتح وزير الثقافة معرض الكتاب.
`;

test('extends out of the folder by .., by an absolute path, through a symlink, and a symlinked config all apply', () => {
  const root = tempDir();
  const shared = write(root, 'shared/base.yaml', 'rules:\n  sources-missing: off\n');
  const repo = path.join(root, 'repo');
  write(repo, 'dotdot/.muharrir.yaml', 'extends: ../../shared/base.yaml\n');
  write(repo, 'absolute/.muharrir.yaml', `extends: ${shared}\n`);
  write(repo, 'symlinked-folder/.muharrir.yaml', 'extends: link/base.yaml\n');
  fs.symlinkSync(path.dirname(shared), path.join(repo, 'symlinked-folder', 'link'));
  fs.mkdirSync(path.join(repo, 'symlinked-config'));
  fs.symlinkSync(shared, path.join(repo, 'symlinked-config', '.muharrir.yaml'));
  const ways = ['dotdot', 'absolute', 'symlinked-folder', 'symlinked-config'];
  for (const way of ways) write(repo, `${way}/a.md`, ARTICLE);
  write(repo, 'none/a.md', ARTICLE);

  const r = muharrir(['check', '--format', 'json', '--now', NOW, '.'], { cwd: repo });
  const report = parseJson(r);
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(
    report.files.map((f) => [f.path, f.diagnostics.map((d) => d.rule)]),
    [
      ['absolute/a.md', []],
      ['dotdot/a.md', []],
      ['none/a.md', ['sources-missing']],
      ['symlinked-config/a.md', []],
      ['symlinked-folder/a.md', []],
    ],
    'no config problem reported, and the shared rules applied wherever a config led to them',
  );
});
