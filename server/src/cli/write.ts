import * as fs from 'node:fs';
import * as path from 'node:path';

export type WriteResult = { ok: true } | { ok: false; reason: string };

/**
 * Replaces `file` with `text` only if it still holds `expected` (the bytes the fixes were computed
 * from), through a temporary file in the same folder and a rename, so an editor or a second run
 * never sees half an article and a concurrent edit is not overwritten.
 */
export function writeIfUnchanged(target: string, expected: Buffer, text: string): WriteResult {
  let file: string;
  try {
    // Renaming onto a symlink would replace the link, not the article it points to.
    file = fs.realpathSync(target);
  } catch (err) {
    return { ok: false, reason: `cannot read it again: ${errorText(err)}` };
  }
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.muharrir-${process.pid}-${Date.now().toString(36)}.tmp`);
  let mode: number | undefined;
  try {
    const stat = fs.statSync(file);
    mode = stat.mode & 0o7777;
  } catch (err) {
    return { ok: false, reason: `cannot read it again: ${errorText(err)}` };
  }
  try {
    fs.writeFileSync(tmp, text, { encoding: 'utf8', mode, flag: 'wx' });
    // Checked as late as possible: the window between this read and the rename is the only race left.
    const current = fs.readFileSync(file);
    if (!current.equals(expected)) {
      fs.rmSync(tmp, { force: true });
      return { ok: false, reason: 'it changed while it was being checked' };
    }
    fs.renameSync(tmp, file);
    return { ok: true };
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing more to clean
    }
    return { ok: false, reason: errorText(err) };
  }
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
