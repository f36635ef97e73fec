import * as fs from 'node:fs';
import * as path from 'node:path';
import { globToRegExp } from '../engine';
import { UsageError } from './args';

/** One article to check: `display` is what the user sees and what the reports carry. */
export interface Target {
  display: string;
  abs: string;
}

const GLOB_CHARS = /[*?{]/;
const SKIPPED_FOLDERS = new Set(['node_modules']);

export function isGlob(arg: string): boolean {
  return GLOB_CHARS.test(arg);
}

/**
 * Expands the command-line paths into the files to check, each once, sorted by what is displayed
 * so reports and exit codes do not depend on the order the file system lists folders in.
 */
export function collectTargets(args: readonly string[], cwd: string): Target[] {
  const found = new Map<string, Target>();
  const add = (display: string) => {
    const abs = path.resolve(cwd, display);
    if (!found.has(abs)) found.set(abs, { display, abs });
  };
  const inputs = args.length > 0 ? args : ['.'];
  for (const arg of inputs) {
    if (isGlob(arg)) {
      const matches = expandGlob(arg, cwd);
      if (matches.length === 0) throw new UsageError(`no files match ${JSON.stringify(arg)}`);
      matches.forEach(add);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path.resolve(cwd, arg));
    } catch {
      throw new UsageError(`no such file or folder: ${arg}`);
    }
    if (stat.isDirectory()) {
      const prefix = folderPrefix(arg);
      walk(path.resolve(cwd, arg), (rel) => {
        if (rel.endsWith('.md')) add(prefix + rel);
      });
    } else {
      // A file named on the command line is an article whatever its extension: the user chose it.
      add(arg);
    }
  }
  return [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

/** `news/` and `news` both give `news/a.md`; `.` (and no argument) gives plain `a.md`. */
function folderPrefix(arg: string): string {
  const trimmed = arg.replace(/[\\/]+$/, '');
  if (trimmed === '' && arg !== '') return '/';
  if (trimmed === '.' || trimmed === '') return '';
  return toSlashes(trimmed) + '/';
}

function toSlashes(p: string): string {
  return path.sep === '\\' ? p.replace(/\\/g, '/') : p;
}

/**
 * Visits every file under `root` (paths relative to it, with `/`), skipping node_modules and dot-folders
 * such as .git. Symlinked folders are not entered: they can loop, and they usually point outside the archive.
 */
function walk(root: string, visit: (rel: string) => void): void {
  const stack: string[] = [''];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(rel ? path.join(root, rel) : root, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing we can check in it
    }
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) stack.push(childRel);
      } else if (entry.isFile()) {
        visit(childRel);
      } else if (entry.isSymbolicLink()) {
        try {
          if (fs.statSync(path.join(root, childRel)).isFile()) visit(childRel);
        } catch {
          // dangling link
        }
      }
    }
  }
}

/** Walks from the glob's static prefix (the folders before the first wildcard) and keeps what the whole glob matches. */
export function expandGlob(glob: string, cwd: string): string[] {
  const pattern = toSlashes(glob);
  const segments = pattern.split('/');
  const firstWild = segments.findIndex((s) => GLOB_CHARS.test(s));
  const staticSegments = segments.slice(0, firstWild);
  const base = staticSegments.join('/');
  const prefix = staticSegments.length === 0 ? '' : base === '' ? '/' : base + '/';
  const root = path.resolve(cwd, base === '' && staticSegments.length > 0 ? '/' : base || '.');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return [];
  const re = globToRegExp(pattern);
  const out: string[] = [];
  walk(root, (rel) => {
    const candidate = prefix + rel;
    if (re.test(candidate)) out.push(candidate);
  });
  return out;
}
