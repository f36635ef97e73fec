import { TATWEEL, convertDigits, isArabicMark } from '../arabic/chars';

export interface SlugOptions {
  /** Longest slug, in characters; cut at the last word that fits. Default 60. */
  maxLength?: number;
  /** What an empty slug becomes (a headline of punctuation or emoji only). Default `article`. */
  fallback?: string;
}

/** Device names Windows refuses as a file name, whatever the extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/** Joiners, direction marks and the BOM: they join or orient letters, never separate words. */
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

/** Apostrophes inside a word join it (don't → dont, l'état → letat) rather than split it. */
const APOSTROPHES = /(?<=\p{L})['\u2019\u02BC](?=\p{L})/gu;

/**
 * A headline as a file and URL name: Arabic letters kept as written (hamza seats, ة and ى too),
 * diacritics, tatweel, punctuation and invisible marks dropped, Latin lower-cased and stripped of
 * accents, Arabic-Indic digits made Latin, words joined by `-`. Deterministic, so the same
 * headline always lands at the same path.
 */
export function slugify(title: string, options: SlugOptions = {}): string {
  const maxLength = Math.max(1, options.maxLength ?? 60);
  const fallback = options.fallback ?? 'article';
  // NFKC folds Arabic presentation forms and ligatures (ﻻ) back to letters; NFD then exposes the
  // accents of Latin letters, and NFC puts hamza seats (أ = ا + U+0654) back together.
  let s = title.normalize('NFKC').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  s = convertDigits(s, 'latin').replace(APOSTROPHES, '');
  let out = '';
  let pendingDash = false;
  for (const ch of s) {
    if (ch === TATWEEL || isArabicMark(ch) || INVISIBLE.test(ch)) continue;
    if (/[\p{L}0-9]/u.test(ch)) {
      if (pendingDash && out) out += '-';
      pendingDash = false;
      out += ch;
    } else {
      pendingDash = true;
    }
  }
  const cut = cutAtWord(out, maxLength);
  const slug = WINDOWS_RESERVED.test(cut) ? `${cut}-1` : cut;
  return slug || fallback;
}

function cutAtWord(slug: string, max: number): string {
  const chars = Array.from(slug);
  if (chars.length <= max) return slug;
  const head = chars.slice(0, max + 1).join('');
  // The next character is a dash: the cut falls on a word boundary already.
  if (head.endsWith('-')) return head.slice(0, -1);
  const dash = head.lastIndexOf('-');
  // A single word longer than the limit is cut inside it rather than dropped.
  return dash > 0 ? head.slice(0, dash) : chars.slice(0, max).join('');
}
