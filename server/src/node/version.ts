// esbuild inlines the JSON, so a bundle reports the version it was built from
// without looking for a package.json next to itself at run time.
const pkg = require('../../../package.json') as { version: string; homepage?: string };

export const VERSION: string = pkg.version;
export const HOMEPAGE: string = pkg.homepage ?? 'https://github.com/muharrir/muharrir';
