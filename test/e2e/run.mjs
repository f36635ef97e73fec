// `npm run test:e2e`: the end-to-end suite in real VS Code (code-server + Chromium), after
// `npm run package` has built the .vsix. Runs every test/e2e/*.e2e.ts with Node's test runner
// (TypeScript through tsx), one file at a time, and prints the runner's summary.
// `node test/e2e/run.mjs hover` runs only the scenarios whose name contains "hover".
// MUHARRIR_E2E_CODE_SERVER=4.93.1 runs them on another code-server (see scripts/setup-e2e.sh).
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('../..', import.meta.url).pathname;
const version = process.env.MUHARRIR_E2E_CODE_SERVER || '4.139.1';
if (!existsSync(join(root, '.e2e', `code-server-${version}`, '.installed'))) {
  console.error(`code-server ${version} is not installed: run \`bash scripts/setup-e2e.sh${version === '4.139.1' ? '' : ' ' + version}\` first`);
  process.exit(2);
}
const dir = join(root, 'test', 'e2e');
const files = readdirSync(dir).filter((f) => f.endsWith('.e2e.ts')).sort().map((f) => relative(root, join(dir, f)));
const names = process.argv.slice(2).flatMap((n) => ['--test-name-pattern', n]);
console.log(`e2e: code-server ${version}, ${files.length} spec file(s)`);
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...names, ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, MUHARRIR_ROOT: root } },
);
process.exit(r.status ?? 1);
