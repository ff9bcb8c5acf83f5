import { createHash } from 'crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { controlIds, Report, ReportedFinding } from './report';
import { levelOf } from '../levels';
import { Rule, Severity } from '../rule';

/** GitHub code scanning ranks security results by this 0–10 score (critical ≥ 9, high ≥ 7, medium ≥ 4). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/maintainers/cdk-hardened-ecs';
/** Version of our fingerprint recipe; bump it if the recipe ever changes so old alerts are not matched wrongly. */
const FINGERPRINT_KEY = 'hardenedEcsFinding/v1';

/**
 * SARIF 2.1.0 for code-scanning upload. Every rule that ran is listed in `tool.driver.rules`
 * (so a fixed alert closes), results point at the template file and the resource line, and a
 * fingerprint from rule, file, resource and finding key keeps alerts stable across runs.
 * Acknowledged findings are reported as suppressed, unverified ones at level `note`.
 */
export function formatSarif(report: Report): string {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'hardened-ecs',
            version: report.toolVersion,
            semanticVersion: /^\d+\.\d+\.\d+/.test(report.toolVersion) ? report.toolVersion : undefined,
            informationUri: INFORMATION_URI,
            rules: report.rules.map(sarifRule),
          },
        },
        results: report.findings.map((f) => sarifResult(f, ruleIndex.get(f.finding.ruleId))),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRule(rule: Rule): ReportingDescriptor {
  const controls = controlIds(rule.compliance);
  const helpText = `${rule.rationale}\n\nFix: ${rule.fix}${controls.length ? `\n\nControls: ${controls.join(', ')}` : ''}`;
  return {
    id: rule.id,
    name: pascalCase(rule.name),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: {
      text: helpText,
      markdown: `**${rule.title}**\n\n${rule.rationale}\n\n**Fix:** ${rule.fix}${controls.length ? `\n\n**Controls:** ${controls.map((c) => `\`${c}\``).join(', ')}` : ''}`,
    },
    defaultConfiguration: { level: levelOf(rule.severity), enabled: rule.enabledByDefault },
    properties: {
      'tags': ['security', ...controls],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      'precision': 'high',
      'problem.severity': levelOf(rule.severity) === 'error' ? 'error' : 'warning',
    },
  };
}

function sarifResult(f: ReportedFinding, ruleIndex: number | undefined): Result {
  const { finding } = f;
  const file = finding.source.file ?? 'template';
  const logicalName = finding.source.stack ? `${finding.source.stack}/${finding.resource.logicalId}` : finding.resource.logicalId;
  const result: Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: f.state === 'unverified' ? 'note' : f.level,
    kind: 'fail',
    message: {
      text: `${finding.key ? `${finding.key}: ` : ''}${finding.message}${f.state === 'unverified' ? ' (could not be verified)' : ''}`,
    },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: encodeUri(file) }, region: { startLine: f.line } },
        logicalLocations: [
          { name: finding.resource.logicalId, fullyQualifiedName: f.constructPath ?? logicalName, kind: 'resource' },
        ],
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding.ruleId, file, finding.resource.logicalId, finding.key) },
    properties: {
      status: f.state,
      severity: finding.severity,
      resourceType: finding.resource.type,
      ...(finding.source.stack ? { stack: finding.source.stack } : {}),
      ...(finding.container ? { container: finding.container } : {}),
      ...(f.constructPath ? { constructPath: f.constructPath } : {}),
    },
  };
  if (f.state === 'acknowledged') {
    result.suppressions = [{ kind: 'inSource', status: 'accepted', justification: finding.acknowledged?.reason }];
  }
  return result;
}

/** Stable across runs and machines: no line numbers, no absolute paths, no generated text. */
export function fingerprint(ruleId: string, file: string, resource: string, key: string): string {
  return createHash('sha256').update([ruleId, file, resource, key].join('\u0000')).digest('hex');
}

/** File paths are relative with `/` separators; percent-encode what a URI cannot hold (spaces, `#`, `?`). */
function encodeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function pascalCase(kebab: string): string {
  return kebab.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}
