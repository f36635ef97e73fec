/**
 * `--fix` never loses a writer's text: the write is a temporary file and a rename, and it is
 * refused when someone else saved the article between Muharrir's read and its rename. The races
 * are real, not timed: the writer's file-system layer is wrapped so the other writer's save runs
 * at an exact point between two of Muharrir's calls.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from '../../server/src/cli/args';
import { runCheck } from '../../server/src/cli/run';
import { nodeWriterFs, writeIfUnchanged, type WriterFs } from '../../server/src/cli/write';
import { NOW, muharrir, tempDir, write } from './helpers';

/** Fixable: `status: Published` becomes `status: published`. */
const ORIGINAL = `---
title: وزير المالية يعلن موازنة العام المقبل
date: 2025-06-02T18:00:00+03:00
author: سارة أحمد
status: Published
sources:
  - وكالة الأنباء الرسمية
---
أعلن وزير المالية موازنة عام 2026.
`;
const FIXED = ORIGINAL.replace('status: Published', 'status: published');
/** What the writer saved in the editor meanwhile: a longer body. */
const SAVED = ORIGINAL.replace('موازنة عام 2026.', 'موازنة عام 2026 وسط ترقب الأسواق.');
/** The same number of bytes as ORIGINAL, so only the file's identity tells the difference. */
const SAVED_SAME_SIZE = ORIGINAL.replace('سارة أحمد', 'سلمى أحمد');

type Step = keyof WriterFs;

/** The real file system, with `hook` run once right after the n-th call of `step`. */
function racing(step: Step, n: number, hook: () => void): WriterFs & { calls: Step[] } {
  const calls: Step[] = [];
  let seen = 0;
  const wrap =
    <K extends Step>(name: K) =>
    (...args: Parameters<WriterFs[K]>): ReturnType<WriterFs[K]> => {
      calls.push(name);
      const out = (nodeWriterFs[name] as (...a: Parameters<WriterFs[K]>) => ReturnType<WriterFs[K]>)(...args);
      if (name === step && ++seen === n) hook();
      return out;
    };
  return {
    calls,
    realpath: wrap('realpath'),
    stat: wrap('stat'),
    read: wrap('read'),
    create: wrap('create'),
    rename: wrap('rename'),
    remove: wrap('remove'),
  };
}

/** Another editor's in-place save. */
const saveInPlace = (file: string, text: string) => () => fs.writeFileSync(file, text);
/** Another editor's atomic save (Vim, many sync tools): a new file renamed over the old one. */
const saveByRename = (file: string, text: string) => () => {
  const other = `${file}.other-editor`;
  fs.writeFileSync(other, text);
  fs.renameSync(other, file);
};

describe('writeIfUnchanged against a second writer', () => {
  test('a save after Muharrir read the file, before its temporary file was written, is kept', () => {
    const dir = tempDir();
    const file = write(dir, 'a.md', ORIGINAL);
    const io = racing('create', 1, saveInPlace(file, SAVED));
    const result = writeIfUnchanged(file, Buffer.from(ORIGINAL), FIXED, io);
    assert.equal(result.ok, false);
    assert.match((result as { reason: string }).reason, /changed on disk/);
    assert.equal(fs.readFileSync(file, 'utf8'), SAVED, "the writer's text is on disk");
    assert.deepEqual(fs.readdirSync(dir), ['a.md'], 'the temporary file is gone');
    assert.ok(!io.calls.includes('rename'));
  });

  test('a save after the content was compared, just before the rename, is caught by size and times', () => {
    const dir = tempDir();
    const file = write(dir, 'a.md', ORIGINAL);
    const io = racing('read', 1, saveInPlace(file, SAVED));
    const result = writeIfUnchanged(file, Buffer.from(ORIGINAL), FIXED, io);
    assert.equal(result.ok, false);
    assert.equal(fs.readFileSync(file, 'utf8'), SAVED);
    assert.deepEqual(fs.readdirSync(dir), ['a.md']);
  });

  test('an atomic save of the same length at that point is caught by the file identity', () => {
    assert.equal(Buffer.byteLength(SAVED_SAME_SIZE), Buffer.byteLength(ORIGINAL));
    const dir = tempDir();
    const file = write(dir, 'a.md', ORIGINAL);
    const io = racing('read', 1, saveByRename(file, SAVED_SAME_SIZE));
    const result = writeIfUnchanged(file, Buffer.from(ORIGINAL), FIXED, io);
    assert.equal(result.ok, false);
    assert.equal(fs.readFileSync(file, 'utf8'), SAVED_SAME_SIZE);
    assert.deepEqual(fs.readdirSync(dir), ['a.md']);
  });

  test('with no second writer the same calls write the fix, and the old text is never half-replaced', () => {
    const dir = tempDir();
    const file = write(dir, 'a.md', ORIGINAL);
    const seenDuring: string[] = [];
    // Whenever Muharrir touches the disk, the article holds one whole version or the other.
    const io = racing('create', 1, () => seenDuring.push(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(writeIfUnchanged(file, Buffer.from(ORIGINAL), FIXED, io), { ok: true });
    assert.deepEqual(seenDuring, [ORIGINAL]);
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
    assert.deepEqual(io.calls, ['realpath', 'stat', 'create', 'stat', 'read', 'stat', 'rename']);
    assert.deepEqual(fs.readdirSync(dir), ['a.md']);
  });

  test('a full disk or a failed rename leaves the article as it was and no temporary file', () => {
    const enospc = (call: string) => Object.assign(new Error(`ENOSPC: no space left on device, ${call}`), { code: 'ENOSPC' });
    const failures: Record<string, WriterFs> = {
      create: {
        ...nodeWriterFs,
        // The real create, then the failure a full disk gives: the partial file must go too.
        create: (file, text, mode) => {
          nodeWriterFs.create(file, text, mode);
          throw enospc('write');
        },
      },
      rename: {
        ...nodeWriterFs,
        rename: () => {
          throw enospc('rename');
        },
      },
    };
    for (const [failing, io] of Object.entries(failures)) {
      const dir = tempDir();
      const file = write(dir, 'a.md', ORIGINAL);
      const result = writeIfUnchanged(file, Buffer.from(ORIGINAL), FIXED, io);
      assert.equal(result.ok, false, failing);
      assert.match((result as { reason: string }).reason, /ENOSPC/);
      assert.equal(fs.readFileSync(file, 'utf8'), ORIGINAL, failing);
      assert.deepEqual(fs.readdirSync(dir), ['a.md'], failing);
    }
  });
});

describe('muharrir check --fix against a second writer', () => {
  test('the refused file is named on stderr, the run fails as for an I/O error, the other files are fixed', () => {
    const dir = tempDir();
    const raced = write(dir, 'a.md', ORIGINAL);
    const calm = write(dir, 'b.md', ORIGINAL);
    const lines: string[] = [];
    const options = parseArgs(['check', '--fix', '--format', 'json', '--now', NOW]);
    assert.equal(options.kind, 'check');
    if (options.kind !== 'check') return;
    const outcome = runCheck(options.options, {
      cwd: dir,
      env: {},
      warn: (l) => lines.push(l),
      withFixes: false,
      // a.md is saved by the writer while Muharrir's fixed copy waits in its temporary file.
      writerFs: racing('create', 1, saveInPlace(raced, SAVED)),
    });
    assert.equal(outcome.failed, true, 'failed: the CLI exits 2, as when a file cannot be read');
    assert.equal(outcome.fixedFiles, 1);
    assert.deepEqual(lines, ['not fixed a.md: it changed on disk after it was read; nothing was written (run --fix again)']);
    assert.equal(fs.readFileSync(raced, 'utf8'), SAVED);
    assert.equal(fs.readFileSync(calm, 'utf8'), FIXED);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.md', 'b.md']);
  });

  test('permissions survive a fix whatever the umask (a group-writable newsroom folder stays so)', () => {
    const dir = tempDir();
    const file = write(dir, 'a.md', ORIGINAL);
    fs.chmodSync(file, 0o664);
    const old = process.umask(0o022);
    try {
      const r = muharrir(['check', '--fix', '--now', NOW], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
    } finally {
      process.umask(old);
    }
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
    assert.equal(fs.statSync(file).mode & 0o777, 0o664);
  });

  test('line endings of every kind and the BOM are kept byte for byte around the fixed text', () => {
    const dir = tempDir();
    const cases = {
      'lf.md': ORIGINAL,
      'crlf.md': ORIGINAL.replace(/\n/g, '\r\n'),
      'cr.md': ORIGINAL.replace(/\n/g, '\r'),
      'bom-lf.md': '\ufeff' + ORIGINAL,
    };
    for (const [name, text] of Object.entries(cases)) write(dir, name, text);
    const r = muharrir(['check', '--fix', '--now', NOW], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /fixed 4 files/);
    for (const [name, text] of Object.entries(cases)) {
      assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text.replace('status: Published', 'status: published'), name);
    }
  });
});
