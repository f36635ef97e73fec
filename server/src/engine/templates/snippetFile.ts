import type { Bilingual } from '../types';
import type { Template, TemplatePack } from './types';

/** Something wrong with one entry of a snippet file (or with the file as a whole). */
export interface SnippetFileProblem {
  /** The snippet's name in the file; absent for the file itself. */
  snippet?: string;
  message: Bilingual;
}

export interface SnippetFileOptions {
  pack?: TemplatePack;
  /** The template's id; by default its name, after `pack/` for a pack. */
  id?: (name: string, prefixes: string[]) => string;
}

/**
 * The templates of a VS Code snippet file (already parsed JSON): `{ name: { prefix, body,
 * description } }`, where prefix and body may be a string or a list of strings (body lines).
 * An entry that is not a snippet is skipped and reported; nothing here throws.
 */
export function templatesFromSnippets(file: unknown, options: SnippetFileOptions = {}): { templates: Template[]; problems: SnippetFileProblem[] } {
  const templates: Template[] = [];
  const problems: SnippetFileProblem[] = [];
  if (!isObject(file)) {
    problems.push({ message: M.notAnObject });
    return { templates, problems };
  }
  for (const [name, entry] of Object.entries(file)) {
    if (!isObject(entry)) {
      problems.push({ snippet: name, message: M.entry(name) });
      continue;
    }
    const body = lines(entry.body);
    if (body === undefined) {
      problems.push({ snippet: name, message: M.body(name) });
      continue;
    }
    const prefixes = entry.prefix === undefined ? [] : lines(entry.prefix);
    if (prefixes === undefined) {
      problems.push({ snippet: name, message: M.prefix(name) });
      continue;
    }
    const description = entry.description === undefined ? [] : lines(entry.description);
    if (description === undefined) problems.push({ snippet: name, message: M.description(name) });
    const cleanPrefixes = prefixes.map((p) => p.trim()).filter(Boolean);
    templates.push({
      id: options.id ? options.id(name, cleanPrefixes) : options.pack ? `${options.pack.name}/${name}` : name,
      name,
      description: (description ?? []).join(' '),
      prefixes: cleanPrefixes,
      body: body.join('\n'),
      ...(options.pack ? { pack: { ...options.pack } } : {}),
    });
  }
  return { templates, problems };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string, or a list of strings; undefined for anything else. */
function lines(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  return undefined;
}

const M = {
  notAnObject: {
    en: 'A snippet file is a JSON object whose keys are snippet names.',
    ar: 'ملف المقتطفات كائن JSON مفاتيحه أسماء المقتطفات.',
  },
  entry: (name: string): Bilingual => ({
    en: `"${name}" is not a snippet: it must be an object with "prefix" and "body".`,
    ar: `"${name}" ليس مقتطفًا: يجب أن يكون كائنًا فيه "prefix" و"body".`,
  }),
  body: (name: string): Bilingual => ({
    en: `Snippet "${name}" needs a "body": a string, or a list of strings (one per line).`,
    ar: `يحتاج المقتطف "${name}" إلى "body": نص، أو قائمة نصوص (سطر لكل عنصر).`,
  }),
  prefix: (name: string): Bilingual => ({
    en: `The "prefix" of snippet "${name}" must be a string or a list of strings.`,
    ar: `يجب أن تكون البادئة "prefix" للمقتطف "${name}" نصًّا أو قائمة نصوص.`,
  }),
  description: (name: string): Bilingual => ({
    en: `The "description" of snippet "${name}" must be a string.`,
    ar: `يجب أن يكون الوصف "description" للمقتطف "${name}" نصًّا.`,
  }),
};
