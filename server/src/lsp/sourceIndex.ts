import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFrontmatter } from '../engine';
import type { ArticleStore } from './articles';
import { listedSourceNames } from './frontmatterContext';
import { describeError, type Logger } from './guard';
import { uriToPath, type Folder, type Workspace } from './workspace';

export const MAX_SCANNED_FILES = 5000;
const MAX_FILE_BYTES = 1024 * 1024;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const READ_BATCH = 32;

function namesInText(text: string): string[] {
  const fm = parseFrontmatter(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  return listedSourceNames(fm?.root);
}

/**
 * Source names other articles of the folder already cite, for completion: the newsroom's de facto
 * registry. Scanned once per folder on first use; open buffers override what the scan read.
 */
export class SourceIndex {
  private readonly scans = new Map<string, Promise<Map<string, string[]>>>();
  private readonly open = new Map<string, string[]>();

  constructor(
    private readonly workspace: Workspace,
    articles: ArticleStore,
    private readonly log: Logger,
  ) {
    articles.onDidAnalyze((a) => {
      const file = uriToPath(a.uri);
      if (!file) return;
      if (a.article && a.result) this.open.set(file, listedSourceNames(a.result.document.frontmatter?.root));
      else this.open.delete(file);
    });
    workspace.documents.onDidClose(({ document }) => {
      const file = uriToPath(document.uri);
      if (!file || !this.open.delete(file)) return;
      // What the buffer held may not have been saved: the disk is the truth again.
      const folder = this.workspace.folderForPath(file);
      const scan = folder && this.scans.get(folder.path);
      if (scan) void scan.then((index) => readNames(file).then((names) => (names ? index.set(file, names) : index.delete(file))));
    });
  }

  /** Name → how many articles cite it, excluding `exceptFile` (the article being edited). */
  async names(folder: Folder | undefined, exceptFile: string | undefined): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const add = (file: string, names: string[]) => {
      if (file === exceptFile) return;
      for (const n of new Set(names)) counts.set(n, (counts.get(n) ?? 0) + 1);
    };
    const fromDisk = folder ? await this.scan(folder) : new Map<string, string[]>();
    for (const [file, names] of fromDisk) if (!this.open.has(file)) add(file, names);
    for (const [file, names] of this.open) {
      if (!folder || this.workspace.folderForPath(file) === folder) add(file, names);
    }
    return counts;
  }

  private scan(folder: Folder): Promise<Map<string, string[]>> {
    let p = this.scans.get(folder.path);
    if (!p) {
      p = scanFolder(folder.path).catch((err) => {
        this.log.error(`[muharrir] scanning ${folder.path} for sources failed: ${describeError(err)}`);
        return new Map<string, string[]>();
      });
      this.scans.set(folder.path, p);
    }
    return p;
  }
}

async function readNames(file: string): Promise<string[] | undefined> {
  try {
    const st = await fs.promises.stat(file);
    if (!st.isFile() || st.size > MAX_FILE_BYTES) return undefined;
    return namesInText(await fs.promises.readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function scanFolder(root: string): Promise<Map<string, string[]>> {
  const files: string[] = [];
  const dirs = [root];
  while (dirs.length && files.length < MAX_SCANNED_FILES) {
    const dir = dirs.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      // Symlinks are not followed: a link to `/` or to the folder itself would never end.
      if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) dirs.push(path.join(dir, e.name));
      else if (e.isFile() && /\.md$/i.test(e.name) && files.length < MAX_SCANNED_FILES) files.push(path.join(dir, e.name));
    }
  }
  const index = new Map<string, string[]>();
  for (let i = 0; i < files.length; i += READ_BATCH) {
    const batch = files.slice(i, i + READ_BATCH);
    const names = await Promise.all(batch.map(readNames));
    batch.forEach((f, j) => {
      const n = names[j];
      if (n?.length) index.set(f, n);
    });
  }
  return index;
}
