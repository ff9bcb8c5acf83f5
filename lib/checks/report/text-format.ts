import { FindingState, Report, ReportedFinding, ReportSummary } from './report';
import { Severity } from '../rule';

/** ANSI styles; identity functions when colour is off, so layout never depends on it. */
interface Palette {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly cyan: (s: string) => string;
  readonly green: (s: string) => string;
}

function palette(colour: boolean): Palette {
  const style = (open: number, close: number) => (s: string) => (colour ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { bold: style(1, 22), dim: style(2, 22), red: style(31, 39), yellow: style(33, 39), cyan: style(36, 39), green: style(32, 39) };
}

const STATE_LABEL: Record<FindingState, string> = { fail: 'FAIL', unverified: 'UNVERIFIED', acknowledged: 'ACKNOWLEDGED' };

/**
 * Human-readable report: findings grouped by file, then resource, then rule, each rule with
 * its fix once, and a summary line. Colour only when asked (the CLI asks on a TTY without NO_COLOR).
 */
export function formatText(report: Report, options: { colour: boolean }): string {
  const p = palette(options.colour);
  const lines: string[] = [];
  for (const [file, inFile] of groupBy(report.findings, (f) => f.finding.source.file ?? '(template)')) {
    const stack = inFile[0].finding.source.stack;
    lines.push(p.bold(file) + (stack ? p.dim(`  (${stack})`) : ''));
    for (const [, inResource] of groupBy(inFile, (f) => `${f.finding.source.stack ?? ''}\u0000${f.finding.resource.logicalId}`)) {
      const first = inResource[0];
      const path = first.constructPath ? p.dim(`  ${first.constructPath}`) : '';
      const stackNote = inFile.some((f) => f.finding.source.stack !== stack) && first.finding.source.stack ? p.dim(`  [${first.finding.source.stack}]`) : '';
      lines.push(`  ${p.cyan(first.finding.resource.logicalId)}  ${p.dim(first.finding.resource.type)}${path}${stackNote}`);
      for (const [, inRule] of groupBy(inResource, (f) => f.finding.ruleId)) {
        const rule = inRule[0].finding;
        lines.push(`    ${p.bold(rule.ruleId)} ${severityLabel(rule.severity, p)}  ${rule.title}`);
        for (const f of inRule) lines.push(`      ${findingLine(f, p)}`);
        lines.push(`      ${p.dim(`Fix: ${rule.fix}`)}`);
      }
    }
    lines.push('');
  }
  lines.push(summaryLine(report, p));
  return `${lines.join('\n')}\n`;
}

function findingLine(f: ReportedFinding, p: Palette): string {
  const colourOf = f.state === 'fail' ? p.red : f.state === 'unverified' ? p.yellow : p.dim;
  const label = colourOf(STATE_LABEL[f.state] + (f.state !== 'acknowledged' && !f.blocking ? ' (below threshold)' : ''));
  const key = f.finding.key ? `${f.finding.key}: ` : '';
  const condition = f.finding.condition ? p.dim(` (only when condition ${f.finding.condition})`) : '';
  const reason = f.state === 'acknowledged' ? p.dim(` Reason: ${f.finding.acknowledged?.reason}`) : '';
  return `${label} ${key}${f.finding.message}${condition}${reason}`;
}

function severityLabel(severity: Severity, p: Palette): string {
  const colourOf = severity === 'critical' || severity === 'high' ? p.red : severity === 'medium' ? p.yellow : p.dim;
  return colourOf(`[${severity}]`);
}

function summaryLine(report: Report, p: Palette): string {
  const s: ReportSummary = report.summary;
  const scope = `${plural(s.templates, 'template')}, ${plural(s.resources, 'resource')} checked by ${plural(s.rules, 'rule')}`;
  if (s.failed + s.unverified + s.acknowledged === 0) return `${p.green('No findings.')} ${scope}.`;
  const counts = [
    `${s.failed} failed`,
    `${s.unverified} unverified`,
    `${s.acknowledged} acknowledged`,
  ].join(', ');
  const verdict = s.blocking > 0
    ? p.red(`${s.blocking} at or above --fail-on ${report.failOn}${report.failOnUnverified ? ' (unverified included)' : ''}`)
    : p.green(`none at or above --fail-on ${report.failOn}`);
  return `${p.bold('Summary:')} ${counts}; ${verdict}. ${scope}.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Groups in first-seen order (findings arrive sorted by file, stack, resource, rule). */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
