// A deterministic synthetic archive of Arabic news articles for the benchmark: the same seed gives
// the same bytes on every machine, so two runs (or two branches) measure the same work.
// Articles are ~5 KB of Markdown with the default profile's frontmatter, and bodies that mix
// attributions, «quotes», numbers, Gregorian and Hijri dates, weekdays, relative dates and the
// defects real copy has, each at a rate a desk would recognise (see DEFECT_RATES).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as V from './vocabulary';

/** mulberry32: tiny, fast, and good enough to pick words; never Math.random (not seedable). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const chance = (rng: Rng, p: number): boolean => rng() < p;

/** Per-article probabilities of each defect; most articles are clean or nearly so. */
export const DEFECT_RATES = {
  latinComma: 0.25,
  doubleSpace: 0.2,
  hamza: 0.15,
  missingSpace: 0.1,
  unlistedSource: 0.1,
  anonymousNoReason: 0.05,
  weekdayMismatch: 0.05,
  tatweel: 0.05,
  boilerplate: 0.04,
  hijriMismatch: 0.03,
  duplicateHeadline: 0.03,
  mixedDigits: 0.03,
  noOffset: 0.03,
  noSources: 0.03,
  noAuthor: 0.02,
  updatedBeforeDate: 0.02,
  bidiControl: 0.02,
  mojibake: 0.02,
  impossibleDate: 0.01,
  crlf: 0.02,
};

interface Day {
  y: number;
  m: number; // 1-12
  d: number;
}

const DAY_MS = 86_400_000;
const EPOCH_START = Date.UTC(2024, 0, 1);
const hijriFormat = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' });

function dayAt(ms: number): Day {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
const msOf = (day: Day): number => Date.UTC(day.y, day.m - 1, day.d);
const weekdayOf = (day: Day): string => V.WEEKDAYS[new Date(msOf(day)).getUTCDay()]!;
const pad = (n: number): string => String(n).padStart(2, '0');

function hijriOf(day: Day): { d: number; m: number; y: number } {
  const parts = Object.fromEntries(hijriFormat.formatToParts(new Date(msOf(day))).map((p) => [p.type, p.value]));
  return { d: Number(parts.day), m: Number(parts.month), y: Number.parseInt(String(parts.year), 10) };
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const toArabicIndic = (s: string): string => s.replace(/[0-9]/g, (c) => ARABIC_INDIC[Number(c)]!);

/** Which defects this article carries, drawn once so the frontmatter and the body agree. */
type Defects = Record<keyof typeof DEFECT_RATES, boolean>;

function drawDefects(rng: Rng): Defects {
  const out = {} as Defects;
  for (const [k, p] of Object.entries(DEFECT_RATES)) out[k as keyof Defects] = chance(rng, p);
  return out;
}

interface Plan {
  rng: Rng;
  defects: Defects;
  title: string;
  day: Day;
  listed: typeof V.SOURCES;
  city: string;
}

function gregorian(rng: Rng, day: Day, withWeekday: boolean, wrongWeekday = false): string {
  const months = chance(rng, 0.2) ? V.LEVANT_MONTHS : V.GREGORIAN_MONTHS;
  let weekday = '';
  if (withWeekday) {
    const right = new Date(msOf(day)).getUTCDay();
    weekday = `${V.WEEKDAYS[wrongWeekday ? (right + int(rng, 1, 6)) % 7 : right]} `;
  }
  return `${weekday}${day.d} ${months[day.m - 1]} ${day.y}`;
}

function hijriPair(rng: Rng, day: Day, wrong: boolean): string {
  const h = hijriOf(day);
  const hd = wrong ? ((h.d + int(rng, 3, 9) - 1) % 29) + 1 : h.d;
  return `${hd} ${V.HIJRI_MONTHS[h.m - 1]} ${h.y}هـ الموافق ${day.d} ${V.GREGORIAN_MONTHS[day.m - 1]} ${day.y}م`;
}

function number(rng: Rng): string {
  return chance(rng, 0.4) ? `${int(rng, 1, 999)}.${int(rng, 1, 9)}` : String(int(rng, 2, 25000));
}

/** One paragraph of 2–4 sentences; kinds rotate so every article has attributions, quotes and dates. */
function paragraph(p: Plan, index: number): string {
  const { rng } = p;
  const sentences: string[] = [];
  const kind = index % 5;
  if (kind === 0) {
    const src = pick(rng, p.listed.length ? p.listed : V.SOURCES).name;
    sentences.push(`${pick(rng, V.ACCORDING_TO)} ${src}، بلغ الإجمالي ${number(rng)} ${pick(rng, V.UNITS)} خلال الفترة الماضية`);
  } else if (kind === 1) {
    sentences.push(`و${pick(rng, V.SAID)} ${pick(rng, V.PEOPLE)} في تصريح صحفي أن «${pick(rng, V.QUOTES)}»`);
  } else if (kind === 2) {
    const other = dayAt(msOf(p.day) + int(rng, -20, 20) * DAY_MS);
    sentences.push(`ومن المقرر أن تبدأ المرحلة التالية ${gregorian(rng, other, chance(rng, 0.5))}، على أن تنتهي بحلول ${number(rng)} يوماً من انطلاقها`);
  } else if (kind === 3) {
    sentences.push(`وأشارت البيانات إلى ارتفاع المؤشر بنسبة ${number(rng)} في المئة ${pick(rng, V.RELATIVE)} مقارنة بالفترة نفسها من العام الماضي`);
  } else {
    sentences.push(pick(rng, V.FILLER));
  }
  for (let i = int(rng, 1, 3); i > 0; i--) sentences.push(pick(rng, V.FILLER));
  return `${sentences.join('، ')}.`;
}

function frontmatter(p: Plan): string {
  const { rng, defects } = p;
  const offset = pick(rng, ['+03:00', '+02:00', '+04:00', '+01:00']);
  const hh = int(rng, 6, 22);
  const day = defects.impossibleDate ? { ...p.day, m: 2, d: 30 } : p.day;
  const stamp = `${day.y}-${pad(day.m)}-${pad(day.d)}T${pad(hh)}:${pad(int(rng, 0, 59))}:00${defects.noOffset ? '' : offset}`;
  const lines = ['---', `title: ${p.title}`];
  if (chance(rng, 0.5)) lines.push(`summary: ${pick(rng, V.FILLER)}.`);
  lines.push(`date: ${stamp}`);
  if (defects.updatedBeforeDate) {
    const before = dayAt(msOf(p.day) - DAY_MS);
    lines.push(`updated: ${before.y}-${pad(before.m)}-${pad(before.d)}T10:00:00${offset}`);
  } else if (chance(rng, 0.15)) {
    lines.push(`updated: ${p.day.y}-${pad(p.day.m)}-${pad(p.day.d)}T${pad(Math.min(hh + 1, 23))}:30:00${offset}`);
  }
  if (!defects.noAuthor) {
    if (chance(rng, 0.2)) lines.push('author:', `  - ${pick(rng, V.AUTHORS)}`, `  - ${pick(rng, V.AUTHORS)}`);
    else lines.push(`author: ${pick(rng, V.AUTHORS)}`);
  }
  lines.push(`section: ${pick(rng, V.SECTIONS)}`);
  lines.push(`status: ${pick(rng, ['published', 'published', 'published', 'draft', 'review', 'approved'])}`);
  lines.push(`tags: [${pick(rng, V.TAGS)}, ${pick(rng, V.TAGS)}]`);
  if (chance(rng, 0.6)) lines.push(`dateline: ${p.city}`);
  if (!defects.noSources) {
    lines.push('sources:');
    for (const s of p.listed) {
      if (chance(rng, 0.3)) {
        lines.push(`  - ${s.name}`);
      } else {
        lines.push(`  - name: ${s.name}`, `    type: ${s.type}`);
        if (s.url) lines.push(`    url: ${s.url}`);
      }
    }
  }
  lines.push('---', '');
  return lines.join('\n');
}

/** Inserts the article's body defects into clean paragraphs. */
function damage(p: Plan, paragraphs: string[]): string[] {
  const { rng, defects } = p;
  const at = () => int(rng, 0, paragraphs.length - 1);
  const edit = (f: (s: string) => string) => {
    const i = at();
    paragraphs[i] = f(paragraphs[i]!);
  };
  if (defects.latinComma) for (let n = int(rng, 1, 4); n > 0; n--) edit((s) => s.replace('، ', ', '));
  if (defects.doubleSpace) edit((s) => s.replace(' ', '  '));
  if (defects.hamza) {
    const [wrong] = pick(rng, V.HAMZA_ERRORS);
    edit((s) => `${s} وجرى ${wrong} في موعده.`);
  }
  if (defects.missingSpace) edit((s) => `${s} وتستمر الفعاليات حتى ${int(rng, 1, 28)}${pick(rng, V.GREGORIAN_MONTHS)}.`);
  if (defects.unlistedSource) edit((s) => `${s} وذكرت ${pick(rng, V.UNLISTED_SOURCES)} أن المفاوضات مستمرة.`);
  if (defects.anonymousNoReason) edit((s) => `${s} وقالت ${pick(rng, V.ANONYMOUS)} إن القرار بات وشيكاً.`);
  if (defects.weekdayMismatch) edit((s) => `${s} وعُقد الاجتماع ${gregorian(rng, p.day, true, true)}.`);
  if (defects.tatweel) edit((s) => s.replace('الفعالية', 'الفعاليــة').replace('المشروعات', 'المشـروعات'));
  if (defects.hijriMismatch) edit((s) => `${s} ويوافق ذلك ${hijriPair(rng, p.day, true)}.`);
  else if (chance(rng, 0.3)) edit((s) => `${s} ويوافق ذلك ${hijriPair(rng, p.day, false)}.`);
  if (defects.mixedDigits) edit((s) => `${s} وبلغ عدد الزوار ${toArabicIndic(String(int(rng, 100, 9000)))} زائر.`);
  if (defects.bidiControl) edit((s) => s.replace(' ', ' \u202b'));
  if (defects.mojibake) edit((s) => `???? ${s}`);
  if (defects.boilerplate) paragraphs.push(pick(rng, V.BOILERPLATE), pick(rng, V.BOILERPLATE));
  if (defects.duplicateHeadline) paragraphs.unshift(p.title);
  return paragraphs;
}

/** One article of about `bytes` UTF-8 bytes (or `words` words of body, for the editor benchmark). */
export function article(seed: number, size: { bytes?: number; words?: number } = {}): string {
  const rng = prng(seed);
  const defects = drawDefects(rng);
  const day = dayAt(EPOCH_START + int(rng, 0, 640) * DAY_MS);
  const listed: typeof V.SOURCES = [];
  for (let n = int(rng, 1, 3); n > 0; n--) {
    const s = pick(rng, V.SOURCES);
    if (!listed.includes(s)) listed.push(s);
  }
  const city = pick(rng, V.CITIES);
  const title = `${pick(rng, V.TITLE_TOPICS)} في ${city}`;
  const plan: Plan = { rng, defects, title, day, listed, city };
  if (defects.anonymousNoReason && chance(rng, 0.5)) listed.push({ name: 'مصدر مطلع', type: 'anonymous' });

  const head = frontmatter(plan);
  const lead = `${city} – ${weekdayOf(day)} ${day.d} ${V.GREGORIAN_MONTHS[day.m - 1]} ${day.y}: ${pick(rng, V.FILLER)}، ${pick(rng, V.FILLER)}.`;
  const paragraphs = [lead];
  const targetBytes = size.bytes ?? 5000 + int(rng, -700, 700);
  const bodyBudget = () =>
    size.words !== undefined
      ? paragraphs.join(' ').split(/\s+/).length < size.words
      : Buffer.byteLength(head) + Buffer.byteLength(paragraphs.join('\n\n')) < targetBytes;
  for (let i = 0; bodyBudget(); i++) paragraphs.push(paragraph(plan, i));
  if (size.words === undefined) damage(plan, paragraphs);
  let text = `${head}\n${paragraphs.join('\n\n')}\n`;
  if (defects.crlf) text = text.replace(/\n/g, '\r\n');
  return text;
}

export interface ArchiveInfo {
  dir: string;
  files: string[];
  bytes: number;
}

/**
 * Writes `count` articles to `dir` in folders of 500 (as a CMS export would), reusing the
 * directory when a stamp says it already holds exactly this archive.
 */
export function writeArchive(dir: string, count: number, seed = 20251201): ArchiveInfo {
  const stamp = path.join(dir, '.archive.json');
  const wanted = JSON.stringify({ count, seed, generator: 1 });
  const files: string[] = [];
  for (let i = 0; i < count; i++) files.push(path.join(dir, `batch-${String(Math.floor(i / 500)).padStart(3, '0')}`, `article-${String(i).padStart(5, '0')}.md`));
  let fresh = false;
  try {
    fresh = fs.readFileSync(stamp, 'utf8') === wanted;
  } catch {
    // No stamp: write the archive.
  }
  let bytes = 0;
  if (!fresh) {
    fs.rmSync(dir, { recursive: true, force: true });
    for (let i = 0; i < count; i++) {
      const text = article(seed + i);
      fs.mkdirSync(path.dirname(files[i]!), { recursive: true });
      fs.writeFileSync(files[i]!, text);
    }
    fs.writeFileSync(stamp, wanted);
  }
  for (const f of files) bytes += fs.statSync(f).size;
  return { dir, files, bytes };
}
