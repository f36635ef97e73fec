// Bundles the entry points with esbuild: the VS Code client, its language client and the preview
// (each loaded by the client the first time it is needed: the server, a preview), the language
// server, the CLI, and the preview page's own script (media/preview.js, for the browser). Copies
// the preview's font — Noto Naskh Arabic, Arabic and Latin subsets, regular and bold, with its OFL
// licence — into media/fonts/.
// `--production` minifies and drops source maps (what `npm run package` ships); `--watch` rebuilds.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = new URL('..', import.meta.url).pathname;

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // Required by client.js when the server is first needed, so activation does not load it.
  { entryPoints: ['client/src/languageClient.ts'], outfile: 'dist/languageClient.js', external: ['vscode'] },
  { entryPoints: ['client/src/preview/manager.ts'], outfile: 'dist/preview.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  {
    entryPoints: ['client/src/preview/webview/main.ts'],
    outfile: 'media/preview.js',
    platform: 'browser',
    format: 'iife',
    // VS Code 1.93's Electron is Chromium 124.
    target: 'chrome124',
    sourcemap: false,
  },
];

/** The four faces the preview's stylesheet names, as media/fonts/<subset>-<weight>.woff2. */
function copyFonts() {
  const pkg = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-naskh-arabic/package.json'));
  const out = join(root, 'media', 'fonts');
  mkdirSync(out, { recursive: true });
  for (const subset of ['arabic', 'latin']) {
    for (const weight of [400, 700]) {
      copyFileSync(join(pkg, 'files', `noto-naskh-arabic-${subset}-${weight}-normal.woff2`), join(out, `${subset}-${weight}.woff2`));
    }
  }
  copyFileSync(join(pkg, 'LICENSE'), join(out, 'LICENSE'));
}

copyFonts();
for (const b of bundles) {
  const options = { ...common, ...b };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  } else {
    await esbuild.build(options);
    if (b.banner) chmodSync(b.outfile, 0o755);
  }
}
if (!watch) console.log(`built ${bundles.length} bundles and the preview's fonts${production ? ' (production)' : ''}`);
