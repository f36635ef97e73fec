import type { Severity } from '../../engine';
import type { Report } from '../report';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request's diff. */
export function formatGithub(report: Report): string {
  let out = '';
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      const line = d.range.start.line + 1;
      const col = d.range.start.character + 1;
      const endLine = d.range.end.line + 1;
      // GitHub's end column is inclusive (1-based), which is the LSP's exclusive 0-based end.
      const endColumn = endLine === line ? Math.max(col, d.range.end.character) : Math.max(1, d.range.end.character);
      const props = [
        `file=${escapeProperty(f.path)}`,
        `line=${line}`,
        `col=${col}`,
        `endLine=${endLine}`,
        `endColumn=${endColumn}`,
        `title=${escapeProperty(`muharrir(${d.rule})`)}`,
      ].join(',');
      out += `::${COMMAND[d.severity]} ${props}::${escapeData(d.message)}\n`;
    }
  }
  return out;
}

/** As @actions/core escapes command data: `%` first, so the escapes themselves survive. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
