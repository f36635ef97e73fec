/** Small text utilities shared by rules; Arabic character classes live here, as escapes. */

/** Harakat, Quranic marks and superscript alef: not counted as letters. */
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;

/** Length in letters as a reader counts a headline: no diacritics, no tatweel, by code point. */
export function letterLength(s: string): number {
  let n = 0;
  for (const _ of s.replace(DIACRITICS, '').replace(TATWEEL, '')) n++;
  return n;
}

export function levenshtein(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The single closest candidate within a typo's reach, or undefined when none or a tie. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const max = w.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestD = max + 1;
  let tie = false;
  for (const c of candidates) {
    const d = levenshtein(w, c.toLowerCase(), max);
    if (d < bestD) {
      best = c;
      bestD = d;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  return best !== undefined && bestD <= max && !tie ? best : undefined;
}

/** A YAML scalar for a value a fix writes: plain when unambiguous, else double-quoted. */
export function yamlScalar(s: string): string {
  if (s !== '' && /^[^\s\-?:,[\]{}#&*!|>'"%@`]/.test(s) && !/[:#]|\s$/.test(s) && !/^(true|false|null|~|yes|no|on|off|[-+.\d])/i.test(s)) {
    return s;
  }
  return JSON.stringify(s);
}
