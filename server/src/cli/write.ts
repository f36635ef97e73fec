import * as fs from 'node:fs';
import * as path from 'node:path';

export type WriteResult = { ok: true } | { ok: false; reason: string };

/** What a file looked like at one moment: a change by anyone else moves at least one of these. */
export interface FileStamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  mode: number;
}

/**
 * The file-system calls the writer makes, so a test can run another writer's edit at an exact
 * point between them (a real race, without timing) and production code carries no test hooks.
 */
export interface WriterFs {
  realpath(file: string): string;
  stat(file: string): FileStamp;
  read(file: string): Buffer;
  /** Creates `file`, failing if it exists, with exactly these bytes and permission bits. */
  create(file: string, text: string, mode: number): void;
  rename(from: string, to: string): void;
  remove(file: string): void;
}

export const nodeWriterFs: WriterFs = {
  realpath: (file) => fs.realpathSync(file),
  stat: (file) => fs.statSync(file),
  read: (file) => fs.readFileSync(file),
  create(file, text, mode) {
    const fd = fs.openSync(file, 'wx', 0o600);
    let written = false;
    try {
      fs.writeFileSync(fd, text, 'utf8');
      // open() applies the umask: a group-writable article in a shared newsroom folder would
      // otherwise lose its group write bit on every fix.
      fs.fchmodSync(fd, mode);
      fs.fsyncSync(fd);
      written = true;
    } finally {
      fs.closeSync(fd);
      if (!written) fs.rmSync(file, { force: true });
    }
  },
  rename: (from, to) => fs.renameSync(from, to),
  remove: (file) => fs.rmSync(file, { force: true }),
};

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

const CHANGED = 'it changed on disk after it was read; nothing was written (run --fix again)';

/**
 * Replaces `target` with `text` only if it still holds `expected` (the bytes the fixes were
 * computed from), through a temporary file in the same folder and a rename, so an editor or a
 * second run never sees half an article and a concurrent edit is not overwritten.
 *
 * The content is compared after the new text is safely on disk, and the file's identity, size and
 * times are compared again just before the rename: what is left is the gap between that last stat
 * and the rename, which no portable file API closes.
 */
export function writeIfUnchanged(target: string, expected: Buffer, text: string, io: WriterFs = nodeWriterFs): WriteResult {
  let file: string;
  let mode: number;
  try {
    // Renaming onto a symlink would replace the link, not the article it points to.
    file = io.realpath(target);
    mode = io.stat(file).mode & 0o7777;
  } catch (err) {
    return { ok: false, reason: `cannot read it again: ${errorText(err)}` };
  }
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.muharrir-${process.pid}-${Date.now().toString(36)}.tmp`);
  try {
    io.create(tmp, text, mode);
  } catch (err) {
    // A half-written temporary file is ours to remove; one that already existed is not.
    const theirs = (err as NodeJS.ErrnoException | undefined)?.code === 'EEXIST';
    return refuse(io, theirs ? undefined : tmp, errorText(err));
  }
  try {
    const before = io.stat(file);
    const current = io.read(file);
    if (!current.equals(expected)) return refuse(io, tmp, CHANGED);
    if (!sameStamp(before, io.stat(file))) return refuse(io, tmp, CHANGED);
    io.rename(tmp, file);
    return { ok: true };
  } catch (err) {
    return refuse(io, tmp, errorText(err));
  }
}

function refuse(io: WriterFs, tmp: string | undefined, reason: string): WriteResult {
  if (tmp !== undefined) {
    try {
      io.remove(tmp);
    } catch {
      // nothing more to clean
    }
  }
  return { ok: false, reason };
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
