import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig, defaultConfig, RULE_IDS, type ConfigHost, type ConfigProblem, type ResolvedConfig } from '../engine';

export const CONFIG_FILE = '.muharrir.yaml';

/**
 * Reads files for the engine's config loader. With a `root` (the folder of an untrusted
 * workspace), nothing outside it is read: not an `extends` or a pack folder that points out by
 * `..`, an absolute path or a symlink, nor a config file that is itself a link out. Without one
 * (the CLI, a trusted workspace) the user's own file system is theirs to point at.
 */
export function fileConfigHost(root?: string, overlay?: (file: string) => string | undefined): ConfigHost {
  return {
    readFile(file) {
      if (root && !isReallyInside(root, file)) return null;
      const open = overlay?.(file);
      if (open !== undefined) return open;
      try {
        const st = fs.statSync(file);
        if (!st.isFile() || st.size > 1024 * 1024) return undefined;
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    resolve(fromFile, target) {
      const resolved = path.resolve(path.dirname(fromFile), target);
      if (root && !isReallyInside(root, resolved)) return null;
      return resolved;
    },
  };
}

export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * `isInside` after following symlinks, for both sides: a link inside the folder may point out of
 * it. A path that does not exist (yet) is judged by its nearest existing ancestor.
 */
export function isReallyInside(root: string, file: string): boolean {
  if (!isInside(root, file)) return false;
  const realRoot = realOrSelf(root);
  let p = path.resolve(file);
  let rest = '';
  for (;;) {
    try {
      return isInside(realRoot, path.join(fs.realpathSync(p), rest));
    } catch {
      const parent = path.dirname(p);
      if (parent === p) return true;
      rest = path.join(path.basename(p), rest);
      p = parent;
    }
  }
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** The nearest `.muharrir.yaml` from `dir` upwards, stopping at `stop` (inclusive) when given. */
export function findConfigFile(dir: string, stop?: string, exists: (f: string) => boolean = fileExists): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE);
    if (exists(candidate)) return candidate;
    if (stop && path.resolve(stop) === current) return undefined;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function fileExists(f: string): boolean {
  try {
    return fs.statSync(f).isFile();
  } catch {
    return false;
  }
}

export interface LoadedConfig {
  config: ResolvedConfig;
  problems: ConfigProblem[];
  file?: string;
}

export function loadConfigFile(file: string | undefined, host: ConfigHost): LoadedConfig {
  if (!file) return { config: defaultConfig(), problems: [] };
  const { config, problems } = loadConfig(file, host, RULE_IDS);
  return { config, problems, file };
}

/**
 * Text of a file as the engine sees it, plus what a writer must get back unchanged. The BOM is
 * taken off, as VS Code does, so the CLI reports the same columns as the editor; a writer of the
 * file puts it back.
 */
export function decodeArticle(bytes: Buffer): { text: string; bom: boolean; binary: boolean } {
  const binary = bytes.subarray(0, 8000).includes(0);
  // Buffer decoding replaces malformed UTF-8 exactly as TextDecoder does (U+FFFD per maximal
  // subpart; test/cli/read.test.ts compares them) without a decoder object per file.
  const raw = bytes.toString('utf8');
  const bom = raw.charCodeAt(0) === 0xfeff;
  return { text: bom ? raw.slice(1) : raw, bom, binary };
}
