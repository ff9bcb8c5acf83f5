import { cell } from './markdown-format';
import { levelOf } from '../levels';
import { Applicability, ComplianceMappings, Rule, osName } from '../rule';

/** `hardened-ecs rules`: one line per rule. */
export function formatRulesText(rules: readonly Rule[]): string {
  const idWidth = Math.max(2, ...rules.map((r) => r.id.length));
  const lines = rules.map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(8)}  ${r.enabledByDefault ? 'on ' : 'off'}  ${r.title}`);
  return `${[`${'ID'.padEnd(idWidth)}  ${'SEVERITY'.padEnd(8)}  DEF  TITLE`, ...lines].join('\n')}\n${rules.length} rules. Off-by-default rules run with --include or --rules.\n`;
}

/** `hardened-ecs rules --format json`: the catalogue's metadata (everything except the evaluate function). */
export function formatRulesJson(rules: readonly Rule[]): string {
  const entries = rules.map((r) => ({
    id: r.id,
    name: r.name,
    title: r.title,
    severity: r.severity,
    level: levelOf(r.severity),
    enabledByDefault: r.enabledByDefault,
    resourceTypes: r.resourceTypes,
    applicability: r.applicability,
    rationale: r.rationale,
    fix: r.fix,
    compliance: r.compliance,
  }));
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/** docs/RULES.md and `hardened-ecs rules --format markdown`: an index table, then one section per rule. */
export function formatRulesMarkdown(rules: readonly Rule[]): string {
  const lines: string[] = [
    '# hardened-ecs rules',
    '',
    '<!-- Generated from the rule catalogue by `npx projen rules:docs`. Do not edit by hand. -->',
    '',
    `${rules.length} rules. Severity \`critical\`, \`high\` and \`medium\` is level *error*; \`low\` and \`info\` is level *warning*. ` +
      'The CLI fails on level *error* by default (`--fail-on`); in the cdk-nag v3 pack every reported finding fails synth, whatever its level. ' +
      'Off-by-default rules run when selected with `--include` / `--rules` (CLI) or the pack options.',
    '',
    '| Rule | Title | Severity | Default | Resource types |',
    '|---|---|---|---|---|',
    ...rules.map((r) => `| [${r.id}](#${anchor(r.id)}) | ${cell(r.title)} | ${r.severity} | ${r.enabledByDefault ? 'on' : 'off'} | ${r.resourceTypes.map((t) => `\`${t}\``).join(', ')} |`),
    '',
  ];
  for (const r of rules) {
    lines.push(
      `<a id="${anchor(r.id)}"></a>`,
      `## ${r.id} ${r.name}`,
      '',
      `**${escapeInline(r.title)}**`,
      '',
      `- Severity: ${r.severity} (level ${levelOf(r.severity)})`,
      `- Enabled by default: ${r.enabledByDefault ? 'yes' : 'no'}`,
      `- Applies to: ${applicabilityText(r.applicability)}`,
      `- Resource types: ${r.resourceTypes.map((t) => `\`${t}\``).join(', ')}`,
      ...complianceLines(r.compliance),
      '',
      escapeInline(r.rationale),
      '',
      `**Fix:** ${escapeInline(r.fix)}`,
      '',
    );
  }
  return lines.join('\n');
}

function complianceLines(c: ComplianceMappings): string[] {
  const entries: Array<[string, readonly string[] | undefined]> = [
    ['AWS Security Hub', c.securityHub],
    ['AWS Control Tower', c.controlTower],
    ['AWS Config', c.configRules],
    ['NIST SP 800-53 r5', c.nist80053],
    ['PCI DSS v3.2.1', c.pciDss],
    ['Related checks', c.related],
  ];
  return entries.filter(([, ids]) => ids && ids.length > 0).map(([label, ids]) => `- ${label}: ${ids!.map((id) => `\`${id}\``).join(', ')}`);
}

function applicabilityText(a: Applicability): string {
  const os = a.os.map(osName).join(', ');
  return `${os || 'no OS'}; ${a.launchTypes.join(', ') || 'no launch type'}`;
}

function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

/** Prose may mention intrinsic displays like `<Role.Arn>` outside code spans; keep them visible. */
function escapeInline(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}
