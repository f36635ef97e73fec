// Times the extension's activation outside VS Code: loads dist/client.js against a stub `vscode`
// module and calls activate() with a stub context, in a fresh process so nothing is cached.
// The stub answers every API with a harmless callable object; with no article open, activate()
// must not start the server, so what is timed is module load + registration, as VS Code pays it.
// Prints one JSON line: { loadMs, activateMs, totalMs }.
'use strict';
const Module = require('node:module');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const root = process.argv[2] || path.join(__dirname, '..');

/** A callable, constructible object whose every property is another such object. */
function stub(name) {
  const fn = function () {};
  return new Proxy(fn, {
    get(_t, prop) {
      if (prop === 'then' || prop === Symbol.iterator || prop === Symbol.asyncIterator) return undefined;
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === 'textDocuments' || prop === 'workspaceFolders' || prop === 'visibleTextEditors') return [];
      if (prop === 'dispose') return () => {};
      return stub(`${name}.${String(prop)}`);
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`),
  });
}

/** Every top-level name the real API exports (from @types/vscode), each a stub. */
function vscodeStub() {
  const dts = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts', { paths: [root] }), 'utf8');
  const api = {};
  for (const m of dts.matchAll(/^\s+export (?:declare )?(?:class|enum|namespace|const|let|function) (\w+)/gm)) api[m[1]] ??= stub(m[1]);
  return api;
}
const vscode = vscodeStub();
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode') return 'vscode';
  return resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };

const context = {
  subscriptions: [],
  extensionPath: root,
  extensionUri: vscode.Uri.file(root),
  asAbsolutePath: (p) => path.join(root, p),
  globalState: stub('globalState'),
  workspaceState: stub('workspaceState'),
  storageUri: undefined,
  globalStorageUri: vscode.Uri.file(path.join(root, '.tmp')),
  logUri: vscode.Uri.file(path.join(root, '.tmp')),
  extensionMode: 1,
  environmentVariableCollection: vscode.environmentVariableCollection,
  secrets: vscode.secrets,
};

const t0 = performance.now();
const extension = require(path.join(root, 'dist', 'client.js'));
const t1 = performance.now();
Promise.resolve(extension.activate(context)).then(
  () => {
    const t2 = performance.now();
    process.stdout.write(JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0 }) + '\n');
    process.exit(0);
  },
  (err) => {
    process.stderr.write(`activate() failed: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  },
);
