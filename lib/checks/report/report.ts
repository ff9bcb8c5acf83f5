import { redactFinding } from './redaction';
import { atLeast, Finding } from '../engine';
import { Level, levelOf } from '../levels';
import { ComplianceMappings, Rule, SEVERITIES, Severity } from '../rule';

/** `--fail-on`: a level (`error` = critical/high/medium, `warning` = everything) or a minimum severity. */
export type FailThreshold = Level | Severity;
export const FAIL_THRESHOLDS: readonly FailThreshold[] = ['error', 'warning', ...SEVERITIES];

/** How a finding is shown: a failure, a value that could not be verified, or an acknowledged finding. */
export type FindingState = 'fail' | 'unverified' | 'acknowledged';

/** One finding as every output format sees it: redacted, with its state and whether it fails the run. */
export interface ReportedFinding {
  readonly finding: Finding;
  readonly state: FindingState;
  readonly level: Level;
  /** True when this finding makes the command exit 1. */
  readonly blocking: boolean;
  /** The construct path, when the template came from a CDK app. */
  readonly constructPath?: string;
  /** 1-based line of the resource in its file. */
  readonly line: number;
}

export interface ReportSummary {
  readonly failed: number;
  readonly unverified: number;
  readonly acknowledged: number;
  /** Findings at or above the fail threshold (what decides the exit code). */
  readonly blocking: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly templates: number;
  readonly resources: number;
  readonly rules: number;
}

export interface Report {
  readonly findings: readonly ReportedFinding[];
  /** The rules that ran, in catalogue order. */
  readonly rules: readonly Rule[];
  readonly summary: ReportSummary;
  readonly failOn: FailThreshold;
  readonly failOnUnverified: boolean;
  readonly toolVersion: string;
}

export interface ReportInput {
  readonly findings: readonly Finding[];
  readonly rules: readonly Rule[];
  readonly templates: number;
  readonly resources: number;
  readonly failOn: FailThreshold;
  readonly failOnUnverified: boolean;
  /** When false, acknowledgments recorded in templates are ignored (`--no-acknowledgments`). */
  readonly honourAcknowledgments: boolean;
  /** Line of a resource in its file: (file, logical id) → line. */
  readonly lineOf?: (file: string | undefined, logicalId: string) => number | undefined;
  readonly toolVersion: string;
}

export function meetsThreshold(severity: Severity, threshold: FailThreshold): boolean {
  if (threshold === 'error') return levelOf(severity) === 'error';
  if (threshold === 'warning') return true;
  return atLeast(severity, threshold);
}

/** Builds the format-independent report. Every string a finding carries is redacted here, once. */
export function buildReport(input: ReportInput): Report {
  const findings = input.findings.map((raw): ReportedFinding => {
    const finding = redactFinding(input.honourAcknowledgments ? raw : { ...raw, acknowledged: undefined });
    const state: FindingState = finding.acknowledged ? 'acknowledged' : finding.status;
    const countsTowardExit = state === 'fail' || (state === 'unverified' && input.failOnUnverified);
    return {
      finding,
      state,
      level: levelOf(finding.severity),
      blocking: countsTowardExit && meetsThreshold(finding.severity, input.failOn),
      constructPath: finding.resource.name !== finding.resource.logicalId ? finding.resource.name : undefined,
      line: input.lineOf?.(raw.source.file, raw.resource.logicalId) ?? 1,
    };
  });
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) if (f.state === 'fail') bySeverity[f.finding.severity]++;
  return {
    findings,
    rules: input.rules,
    failOn: input.failOn,
    failOnUnverified: input.failOnUnverified,
    toolVersion: input.toolVersion,
    summary: {
      failed: findings.filter((f) => f.state === 'fail').length,
      unverified: findings.filter((f) => f.state === 'unverified').length,
      acknowledged: findings.filter((f) => f.state === 'acknowledged').length,
      blocking: findings.filter((f) => f.blocking).length,
      bySeverity,
      templates: input.templates,
      resources: input.resources,
      rules: input.rules.length,
    },
  };
}

/** A rule's control ids, flattened and prefixed by framework where the bare id would be ambiguous. */
export function controlIds(controls: ComplianceMappings): string[] {
  return [
    ...(controls.securityHub ?? []).map((id) => `SecurityHub:${id}`),
    ...(controls.controlTower ?? []),
    ...(controls.configRules ?? []).map((id) => `AWSConfig:${id}`),
    ...(controls.nist80053 ?? []).map((id) => `NIST.800-53.r5:${id}`),
    ...(controls.pciDss ?? []).map((id) => `PCI-DSS.v3.2.1:${id}`),
  ];
}

