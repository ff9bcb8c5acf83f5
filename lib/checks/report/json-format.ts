import { Report, ReportedFinding } from './report';

/**
 * Machine-readable report. Field names are a public contract for pipelines: add fields,
 * never rename them. `resource` is the logical id (or the task definition family).
 */
export function formatJson(report: Report): string {
  const document = {
    tool: { name: 'hardened-ecs', version: report.toolVersion },
    failOn: report.failOn,
    failOnUnverified: report.failOnUnverified,
    summary: report.summary,
    findings: report.findings.map(jsonFinding),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function jsonFinding(f: ReportedFinding) {
  const { finding } = f;
  return {
    ruleId: finding.ruleId,
    ruleName: finding.ruleName,
    title: finding.title,
    severity: finding.severity,
    level: f.level,
    status: f.state,
    blocking: f.blocking,
    file: finding.source.file,
    stack: finding.source.stack,
    resource: finding.resource.logicalId,
    resourceType: finding.resource.type,
    constructPath: f.constructPath,
    line: f.line,
    container: finding.container,
    key: finding.key,
    message: finding.message,
    fix: finding.fix,
    condition: finding.condition,
    controls: {
      securityHub: finding.controls.securityHub ?? [],
      controlTower: finding.controls.controlTower ?? [],
      configRules: finding.controls.configRules ?? [],
      nist80053: finding.controls.nist80053 ?? [],
      pciDss: finding.controls.pciDss ?? [],
    },
    acknowledged: finding.acknowledged ? { reason: finding.acknowledged.reason } : undefined,
  };
}
