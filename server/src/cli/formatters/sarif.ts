import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocsUrl, type Range, type Rule, type Severity } from '../../engine';
import { HOMEPAGE, VERSION } from '../about';
import type { FileReport, Report } from '../report';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

/** Not an engine rule: problems in `.muharrir.yaml` itself, listed so every result has a descriptor. */
const CONFIG_RULE = {
  id: 'config',
  description: { en: 'A problem in a .muharrir.yaml configuration file.' },
  why: 'A mistake in the configuration changes which rules run and how, so it is reported like any other problem.',
  defaultSeverity: 'error' as Severity,
};

export interface SarifContext {
  cwd: string;
  /** False when an internal failure made the run incomplete. */
  executionSuccessful: boolean;
}

/** SARIF 2.1.0, one run, positions in UTF-16 code units like the engine's (and the LSP's). */
export function formatSarif(report: Report, ctx: SarifContext): string {
  const descriptors = [
    ...RULES.map((r) => ({
      id: r.id,
      name: pascal(r.id),
      shortDescription: { text: r.description.en },
      fullDescription: { text: r.docs?.why?.en ?? r.description.en },
      helpUri: ruleDocsUrl(r.id),
      // GitHub code scanning shows `help` beside each alert (its docs list help.text as required).
      help: ruleHelp(r),
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
      properties: { tags: unique([r.category, ...r.tags]) },
    })),
    {
      id: CONFIG_RULE.id,
      name: pascal(CONFIG_RULE.id),
      shortDescription: { text: CONFIG_RULE.description.en },
      fullDescription: { text: CONFIG_RULE.why },
      help: { text: CONFIG_RULE.why, markdown: CONFIG_RULE.why },
      defaultConfiguration: { level: LEVEL[CONFIG_RULE.defaultSeverity] },
    },
  ];
  const ruleIndex = new Map(descriptors.map((d, i) => [d.id, i]));

  const results = [];
  for (const f of report.files) {
    const artifactLocation = artifactFor(f, ctx.cwd);
    for (const d of f.diagnostics) {
      const result: Record<string, unknown> = {
        ruleId: d.rule,
        ...(ruleIndex.has(d.rule) ? { ruleIndex: ruleIndex.get(d.rule) } : {}),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(d.range) } }],
      };
      if (d.fix && d.fix.edits.length > 0) {
        result.fixes = [
          {
            description: { text: d.fix.title },
            artifactChanges: [
              {
                artifactLocation,
                replacements: d.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
              },
            ],
          },
        ];
      }
      results.push(result);
    }
  }

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'muharrir', version: VERSION, semanticVersion: VERSION, informationUri: HOMEPAGE, rules: descriptors } },
        invocations: [{ executionSuccessful: ctx.executionSuccessful }],
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(ctx.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** The rule's page in short: why it matters (both languages), the flagged and the corrected example, the link. */
function ruleHelp(r: Rule): { text: string; markdown: string } {
  const why = r.docs?.why;
  const text = [why?.en ?? r.description.en, why?.ar ?? r.description.ar, `Docs: ${ruleDocsUrl(r.id)}`].join('\n\n');
  const markdown = [
    why?.en ?? r.description.en,
    why?.ar ?? r.description.ar,
    ...(r.docs?.bad ? ['Flagged:', fenced(r.docs.bad)] : []),
    ...(r.docs?.good ? ['Correct:', fenced(r.docs.good)] : []),
    `[${r.id}](${ruleDocsUrl(r.id)})`,
  ].join('\n\n');
  return { text, markdown };
}

/** A Markdown code block whose fence is longer than any run of backticks inside it. */
function fenced(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}markdown\n${code}\n${fence}`;
}

/** SARIF regions are 1-based; the end column is the one after the region, as the LSP's end character is. */
function region(r: Range) {
  return {
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  };
}

/** Relative to %SRCROOT% (the working folder) when the file is inside it, as code scanning wants; else an absolute file URI. */
function artifactFor(f: FileReport, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, f.abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(f.abs).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : href + '/';
}

function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
