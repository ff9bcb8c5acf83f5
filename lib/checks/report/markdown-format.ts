import { Report, ReportedFinding } from './report';
import { groupBy } from './text-format';
import { SEVERITIES } from '../rule';

/** Pull-request comment: a verdict, a summary table, then the details per file in a collapsible section. */
export function formatMarkdown(report: Report): string {
  const s = report.summary;
  const lines: string[] = [];
  const verdict = s.blocking > 0
    ? `:x: **${s.blocking} finding${s.blocking === 1 ? '' : 's'} at or above \`--fail-on ${report.failOn}\`**`
    : `:white_check_mark: **Nothing at or above \`--fail-on ${report.failOn}\`**`;
  lines.push('## hardened-ecs', '', verdict, '');
  lines.push('| | Failed | Unverified | Acknowledged |', '|---|---:|---:|---:|');
  for (const severity of SEVERITIES) {
    const of = (state: ReportedFinding['state']) => report.findings.filter((f) => f.state === state && f.finding.severity === severity).length;
    const row = [of('fail'), of('unverified'), of('acknowledged')];
    if (row.some((n) => n > 0)) lines.push(`| ${severity} | ${row.join(' | ')} |`);
  }
  lines.push(`| **total** | **${s.failed}** | **${s.unverified}** | **${s.acknowledged}** |`, '');
  lines.push(`${s.templates} template${s.templates === 1 ? '' : 's'}, ${s.resources} resource${s.resources === 1 ? '' : 's'}, ${s.rules} rule${s.rules === 1 ? '' : 's'}.`, '');

  if (report.findings.length > 0) {
    lines.push('<details><summary>Details</summary>', '');
    for (const [file, inFile] of groupBy(report.findings, (f) => f.finding.source.file ?? '(template)')) {
      lines.push(`### \`${code(file)}\``, '');
      lines.push('| Status | Rule | Severity | Resource | Finding | Fix |', '|---|---|---|---|---|---|');
      for (const f of inFile) {
        const { finding } = f;
        const resource = `\`${code(finding.resource.logicalId)}\`${f.constructPath ? `<br>${cell(f.constructPath)}` : ''}`;
        const status = f.state === 'acknowledged' ? `acknowledged: ${cell(finding.acknowledged?.reason ?? '')}` : f.state;
        const what = `${finding.key ? `\`${code(finding.key)}\` ` : ''}${cell(finding.message)}`;
        lines.push(`| ${status} | **${finding.ruleId}** ${cell(finding.title)} | ${finding.severity} | ${resource} | ${what} | ${cell(finding.fix)} |`);
      }
      lines.push('');
    }
    lines.push('</details>', '');
  }
  return `${lines.join('\n')}`;
}

/** Table-cell text: no line breaks, no pipes, and no raw `<...>` (intrinsic displays like `<Role.Arn>` would vanish as HTML). */
export function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** Text inside backticks: only pipes and backticks need care. */
function code(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/`/g, "'");
}
