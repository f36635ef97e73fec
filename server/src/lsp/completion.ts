import {
  CompletionItemKind,
  type CompletionItem,
  type CompletionParams,
  type Connection,
  type Range,
} from 'vscode-languageserver';
import { DATE_FIELDS, SOURCE_KEYS, SOURCE_TYPES, formatInstant, offsetFor, type Bilingual, type Locale, type TimeZoneChoice } from '../engine';
import { yamlScalar } from '../engine/text';
import type { Analysis, ArticleStore } from './articles';
import { frontmatterSpot, listedSourceNames, type FrontmatterSpot } from './frontmatterContext';
import { SOURCE_KEY_DOCS, SOURCE_TYPE_LABELS, STATUS_LABELS, bilingualDoc } from './fieldDocs';
import { guard } from './guard';
import type { SourceIndex } from './sourceIndex';
import { uriToPath, type Workspace } from './workspace';
import type { LintResult } from '../engine';

export const TRIGGER_CHARACTERS = [':', ' ', '-'];

type Linted = Analysis & { result: LintResult };

const LANGUAGES: [string, string][] = [
  ['ar', 'العربية'],
  ['en', 'English'],
  ['fr', 'Français'],
  ['ar-EG', 'العربية (مصر)'],
  ['ar-SA', 'العربية (السعودية)'],
  ['ar-AE', 'العربية (الإمارات)'],
  ['ar-MA', 'العربية (المغرب)'],
  ['ar-DZ', 'العربية (الجزائر)'],
  ['ar-TN', 'العربية (تونس)'],
  ['ar-LY', 'العربية (ليبيا)'],
  ['ar-LB', 'العربية (لبنان)'],
  ['ar-JO', 'العربية (الأردن)'],
  ['ar-IQ', 'العربية (العراق)'],
  ['ar-SY', 'العربية (سوريا)'],
  ['ar-PS', 'العربية (فلسطين)'],
  ['ar-QA', 'العربية (قطر)'],
  ['ar-KW', 'العربية (الكويت)'],
  ['en-GB', 'English (UK)'],
  ['en-US', 'English (US)'],
  ['fr-FR', 'Français (France)'],
  ['es', 'Español'],
  ['de', 'Deutsch'],
  ['tr', 'Türkçe'],
  ['fa', 'فارسی'],
  ['ur', 'اردو'],
];

export function registerCompletionSupport(
  connection: Connection,
  workspace: Workspace,
  articles: ArticleStore,
  sources: SourceIndex,
): void {
  connection.onCompletion(
    guard(connection.console, 'textDocument/completion', [] as CompletionItem[], async (params: CompletionParams) => {
      const document = workspace.documents.get(params.textDocument.uri);
      if (!document) return [];
      const a = await articles.linted(document);
      if (!a) return [];
      const doc = a.result.document;
      const offset = doc.lines.offsetAt(params.position);
      const spot = frontmatterSpot(doc, offset);
      if (!spot) return [];
      const range: Range = doc.lines.rangeOf(spot.start, offset);
      return complete(a, spot, range, workspace, sources);
    }),
  );
}

async function complete(
  a: Linted,
  spot: FrontmatterSpot,
  range: Range,
  workspace: Workspace,
  sources: SourceIndex,
): Promise<CompletionItem[]> {
  const { locale } = a;
  const profile = a.config.profile;
  const md = workspace.flags.completionMarkdown;
  switch (spot.kind) {
    case 'key':
      return Object.entries(profile)
        .filter(([key]) => !spot.present.has(key))
        .map(([key, spec], i) => ({
          label: key,
          kind: CompletionItemKind.Property,
          detail: spec.required ? `${spec.type} · ${locale === 'ar' ? 'مطلوب' : 'required'}` : spec.type,
          documentation: bilingualDoc(spec.description, locale, md),
          filterText: key,
          // Required fields first, then the profile's own order.
          sortText: `${spec.required ? 0 : 1}${String(i).padStart(3, '0')}`,
          textEdit: { range, newText: `${key}: ` },
        }));
    case 'value': {
      const spec = profile[spot.key];
      if (spec?.enum) {
        return spec.enum.map((v, i) => value(v, range, i, spot.key === 'status' ? STATUS_LABELS[v]?.[locale] : undefined));
      }
      if (spot.key === 'language' || spec?.type === 'language') {
        return LANGUAGES.map(([tag, name], i) => value(tag, range, i, name));
      }
      if ((DATE_FIELDS as readonly string[]).includes(spot.key) || spec?.type === 'datetime') return [nowItem(a.result.timeZone, locale, range, a.config.timezone)];
      if (spot.key === 'author' && a.settings.author) return [value(yamlScalar(a.settings.author), range, 0, 'muharrir.author')];
      return [];
    }
    case 'source-value':
      if (spot.key === 'type') return SOURCE_TYPES.map((t, i) => value(t, range, i, SOURCE_TYPE_LABELS[t]?.[locale]));
      if (spot.key === 'accessed') return [nowItem(a.result.timeZone, locale, range, a.config.timezone)];
      if (spot.key === 'name') return sourceNames(a, range, workspace, sources);
      return [];
    case 'source-item':
      return sourceNames(a, range, workspace, sources);
    case 'source-key':
      return SOURCE_KEYS.filter((k) => !spot.present.has(k)).map((k, i) => ({
        label: k,
        kind: CompletionItemKind.Property,
        documentation: bilingualDoc(SOURCE_KEY_DOCS[k], locale, md),
        sortText: String(i).padStart(3, '0'),
        textEdit: { range, newText: `${k}: ` },
      }));
  }
}

function value(v: string, range: Range, i: number, detail?: string): CompletionItem {
  return {
    label: v,
    kind: CompletionItemKind.EnumMember,
    detail,
    sortText: String(i).padStart(3, '0'),
    textEdit: { range, newText: v },
  };
}

function nowItem(tz: TimeZoneChoice, locale: Locale, range: Range, configZone: string | null): CompletionItem {
  const now = Date.now();
  const offset = offsetFor(tz, now);
  const iso = formatInstant(now, offset);
  const utc = `UTC${iso.slice(-6)}`;
  const origin: Bilingual =
    tz.origin === 'config'
      ? { en: `${utc}, the newsroom's time zone ${configZone} (.muharrir.yaml)`, ar: `${utc}، المنطقة الزمنية لغرفة الأخبار ${configZone} \u200F(\u200E.muharrir.yaml)` }
      : tz.origin === 'article'
        ? { en: `${utc}, the offset of this article's date`, ar: `${utc}، فارق توقيت تاريخ هذا الخبر` }
        : { en: `${utc}, this computer's time zone ${tz.zone ?? ''}`.trim(), ar: `${utc}، المنطقة الزمنية لهذا الجهاز ${tz.zone ?? ''}`.trim() };
  return {
    label: iso,
    kind: CompletionItemKind.Value,
    detail: `${locale === 'ar' ? 'الآن' : 'Now'} · ${origin[locale]}`,
    sortText: '000',
    // Digits, dashes and colons are not word characters: the range, not the word, is replaced.
    filterText: iso,
    textEdit: { range, newText: iso },
  };
}

async function sourceNames(a: Linted, range: Range, workspace: Workspace, index: SourceIndex): Promise<CompletionItem[]> {
  const listed = new Set(listedSourceNames(a.result.document.frontmatter?.root));
  const items = new Map<string, CompletionItem>();
  a.config.registry.forEach((src, i) => {
    if (listed.has(src.name) || items.has(src.name)) return;
    const about: Bilingual = { en: 'Newsroom registry', ar: 'سجل مصادر غرفة الأخبار' };
    items.set(src.name, {
      label: src.name,
      kind: CompletionItemKind.Reference,
      detail: [about[a.locale], src.type].filter(Boolean).join(' · '),
      documentation: [src.aliases.length ? src.aliases.join('، ') : '', src.url ?? ''].filter(Boolean).join('\n') || undefined,
      filterText: [src.name, ...src.aliases].join(' '),
      sortText: `0${String(i).padStart(4, '0')}`,
      textEdit: { range, newText: yamlScalar(src.name) },
    });
  });
  const file = uriToPath(a.uri);
  const counts = await index.names(file ? workspace.folderForPath(file) : workspace.folders[0], file);
  const ranked = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  ranked.forEach(([name, n], i) => {
    if (listed.has(name) || items.has(name)) return;
    items.set(name, {
      label: name,
      kind: CompletionItemKind.Reference,
      detail: a.locale === 'ar' ? `مذكور في ${n} من الأخبار` : `cited in ${n} article${n === 1 ? '' : 's'}`,
      sortText: `1${String(i).padStart(4, '0')}`,
      textEdit: { range, newText: yamlScalar(name) },
    });
  });
  return [...items.values()];
}
