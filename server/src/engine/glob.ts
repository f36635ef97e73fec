/** Glob patterns as VS Code settings use them: `**`, `*`, `?`, `{a,b}`, matched on `/` paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inBraces++;
      re += '(?:';
    } else if (c === '}' && inBraces) {
      inBraces--;
      re += ')';
    } else if (c === ',' && inBraces) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'u');
}

/** Patterns compiled once: the CLI asks about every file it reads, the server on every keystroke. */
const compiled = new Map<string, RegExp>();
/** Patterns come from settings and configs, a handful each; the bound only guards a long-lived server. */
const MAX_COMPILED = 256;

function compiledGlob(glob: string): RegExp {
  let re = compiled.get(glob);
  if (!re) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    re = globToRegExp(glob.replace(/^\.\//, ''));
    compiled.set(glob, re);
  }
  return re;
}

export function matchesAny(path: string, globs: readonly string[]): boolean {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return globs.some((g) => compiledGlob(g).test(p));
}
