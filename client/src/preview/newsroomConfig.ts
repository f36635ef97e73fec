/**
 * The two things the preview takes from the newsroom's `.muharrir.yaml`: its `locale` (the
 * writer's language when `muharrir.locale` is `auto`) and its `timezone` (the zone the dates are
 * printed in). Read as data with the engine's loader, the nearest file from the article's folder
 * up to its workspace folder, `extends` followed only inside that folder, as the server does.
 * Cached per folder until a `.muharrir.yaml` changes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig, type ConfigHost } from '../../../server/src/engine/config';

const CONFIG_FILE = '.muharrir.yaml';
const MAX_BYTES = 1024 * 1024;

export interface NewsroomSettings {
  locale?: 'ar' | 'en';
  timeZone?: string;
}

function inside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function readSmallFile(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    return st.isFile() && st.size <= MAX_BYTES ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export class NewsroomConfigs {
  private readonly cache = new Map<string, NewsroomSettings>();

  /** For an article at `file` (a file-system path) in the workspace folder `root` (if any). */
  forFile(file: string, root: string | undefined): NewsroomSettings {
    const dir = path.dirname(file);
    const key = `${root ?? ''}\u0000${dir}`;
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.read(dir, root);
      this.cache.set(key, settings);
    }
    return settings;
  }

  clear(): void {
    this.cache.clear();
  }

  private read(dir: string, root: string | undefined): NewsroomSettings {
    const found = this.find(dir, root);
    if (!found) return {};
    const realRoot = root ? real(root) : undefined;
    const host: ConfigHost = {
      readFile: (f) => (realRoot && !inside(realRoot, real(f)) ? undefined : readSmallFile(f)),
      resolve: (from, target) => {
        const resolved = path.resolve(path.dirname(from), target);
        return root && !inside(root, resolved) ? null : resolved;
      },
    };
    try {
      const { config } = loadConfig(found, host, []);
      return {
        ...(config.locale !== 'auto' ? { locale: config.locale } : {}),
        ...(config.timezone ? { timeZone: config.timezone } : {}),
      };
    } catch {
      return {}; // the server reports what is wrong with the file; the preview renders without it
    }
  }

  private find(dir: string, root: string | undefined): string | undefined {
    let current = path.resolve(dir);
    for (;;) {
      if (root && !inside(root, current)) return undefined;
      const candidate = path.join(current, CONFIG_FILE);
      if (isFile(candidate)) return candidate;
      if (root && path.resolve(root) === current) return undefined;
      const parent = path.dirname(current);
      if (parent === current) return undefined;
      current = parent;
    }
  }
}
