/**
 * The two things the preview takes from the newsroom's `.muharrir.yaml`: its `locale` (the
 * writer's language when `muharrir.locale` is `auto`) and its `timezone` (the zone the dates are
 * printed in). Read as data with the engine's loader, the nearest file from the article's folder
 * up to its workspace folder, `extends` followed only inside that folder, as the server does.
 * Cached per folder until a `.muharrir.yaml` changes.
 */
import * as path from 'node:path';
import { findConfigFile, fileConfigHost, isInside, loadConfigFile } from '../../../server/src/node/configFiles';

export interface NewsroomSettings {
  locale?: 'ar' | 'en';
  timeZone?: string;
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
    if (root && !isInside(root, path.resolve(dir))) return {};
    const found = findConfigFile(dir, root);
    if (!found) return {};
    try {
      // The server's own reader: `extends` never leaves the workspace folder.
      const { config } = loadConfigFile(found, fileConfigHost(root));
      return {
        ...(config.locale !== 'auto' ? { locale: config.locale } : {}),
        ...(config.timezone ? { timeZone: config.timezone } : {}),
      };
    } catch {
      return {}; // the server reports what is wrong with the file; the preview renders without it
    }
  }
}
