import type { Severity } from '../../engine';
import type { Report } from '../report';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  underline(s: string): string;
  bold(s: string): string;
}

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const COLORS: Paint = { red: ansi(31, 39), yellow: ansi(33, 39), dim: ansi(2, 22), underline: ansi(4, 24), bold: ansi(1, 22) };
const PLAIN: Paint = { red: (s) => s, yellow: (s) => s, dim: (s) => s, underline: (s) => s, bold: (s) => s };

/** ESLint's "stylish" layout, which people already know how to read: file, then `line:col  severity  message  rule`. */
export function formatStylish(report: Report, color: boolean): string {
  const paint = color ? COLORS : PLAIN;
  let out = '';
  let shown = 0;
  for (const f of report.files) {
    if (f.diagnostics.length === 0) continue;
    const rows = f.diagnostics.map((d) => ({
      pos: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
      severity: LABEL[d.severity],
      raw: d.severity,
      // A message is one row: a newline inside it would break the columns.
      message: d.message.replace(/\s*[\r\n]+\s*/g, ' '),
      rule: d.rule,
    }));
    const posWidth = Math.max(...rows.map((r) => r.pos.length));
    const sevWidth = Math.max(...rows.map((r) => r.severity.length));
    out += `${paint.underline(f.path)}\n`;
    for (const r of rows) {
      const sev = r.severity.padEnd(sevWidth);
      const coloured = r.raw === 'error' ? paint.red(sev) : r.raw === 'warning' ? paint.yellow(sev) : paint.dim(sev);
      out += `  ${paint.dim(r.pos.padEnd(posWidth))}  ${coloured}  ${r.message}  ${paint.dim(r.rule)}\n`;
      shown++;
    }
    out += '\n';
  }
  if (shown === 0) return '';
  const s = report.summary;
  const parts = [`${s.errors} ${plural(s.errors, 'error')}`, `${s.warnings} ${plural(s.warnings, 'warning')}`];
  if (s.infos > 0) parts.push(`${s.infos} ${plural(s.infos, 'note')}`);
  const line = `\u2716 ${shown} ${plural(shown, 'problem')} (${parts.join(', ')})`;
  out += (s.errors > 0 ? paint.red(paint.bold(line)) : s.warnings > 0 ? paint.yellow(paint.bold(line)) : paint.bold(line)) + '\n';
  if (s.fixable.errors + s.fixable.warnings > 0) {
    const fixable = `  ${s.fixable.errors} ${plural(s.fixable.errors, 'error')} and ${s.fixable.warnings} ${plural(s.fixable.warnings, 'warning')} potentially fixable with the \`--fix\` option.`;
    out += (s.errors > 0 ? paint.red(paint.bold(fixable)) : paint.yellow(paint.bold(fixable))) + '\n';
  }
  return out;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
