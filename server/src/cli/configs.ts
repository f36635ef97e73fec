import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigProblem, ResolvedConfig } from '../engine';
import { fileConfigHost, findConfigFile, loadConfigFile } from '../node/configFiles';
import { UsageError } from './args';

export interface ArticleConfig {
  config: ResolvedConfig;
  /** The config file in force, if any: where its problems are reported. */
  file?: string;
}

/**
 * Finds and loads the config for each article's folder. Each folder is looked up once and each
 * config file read once, so a 5,000-article archive costs one lookup per folder, not per file.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly byFile = new Map<string | undefined, ArticleConfig>();
  private readonly reported = new Set<string>();
  /** Problems from every config read so far, each once, with the config they were read for (its locale). */
  readonly problems: { problem: ConfigProblem; config: ResolvedConfig }[] = [];
  private readonly fixed?: ArticleConfig;

  constructor(explicit: string | undefined, cwd: string) {
    if (explicit !== undefined) {
      const file = path.resolve(cwd, explicit);
      // An unreadable --config is a usage error; a readable one with mistakes is reported like any config.
      let readable = false;
      try {
        readable = fs.statSync(file).isFile();
        if (readable) fs.accessSync(file, fs.constants.R_OK);
      } catch {
        readable = false;
      }
      if (!readable) throw new UsageError(`cannot read config file ${explicit}`);
      this.fixed = this.load(file);
    }
  }

  forArticle(abs: string): ArticleConfig {
    if (this.fixed) return this.fixed;
    const dir = path.dirname(abs);
    let file: string | undefined;
    if (this.byDir.has(dir)) file = this.byDir.get(dir);
    else {
      file = findConfigFile(dir);
      this.byDir.set(dir, file);
    }
    return this.load(file);
  }

  private load(file: string | undefined): ArticleConfig {
    const cached = this.byFile.get(file);
    if (cached) return cached;
    const loaded = loadConfigFile(file, fileConfigHost());
    for (const p of loaded.problems) {
      const key = `${p.file}\0${p.start}\0${p.end}\0${p.message.en}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      this.problems.push({ problem: p, config: loaded.config });
    }
    const result: ArticleConfig = { config: loaded.config, file };
    this.byFile.set(file, result);
    return result;
  }
}
