// Runs the cfn-guard 3.1.1 binary bundled in @cdklabs/cdk-validator-cfnguard with its AWS Control Tower
// rules, as an independent oracle for our templates. Template files are always passed one by one: handing
// cfn-guard a cdk.out directory makes it parse manifests and tree.json too and is orders of magnitude slower.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** One Control Tower guard file and the single primary rule it declares. */
export interface GuardRuleFile {
  /** e.g. `CT.ECS.PR.2` */
  readonly controlId: string;
  /** the guard rule name, e.g. `ecs_container_insights_enabled_check` */
  readonly ruleName: string;
  readonly path: string;
}

/** One place where a control found a template not compliant. */
export interface GuardViolation {
  /** Logical id of the offending resource (`/Resources/<id>/...`), or `''` when the path names none. */
  readonly resource: string;
  /** JSON pointer of the value cfn-guard looked at. */
  readonly path: string;
  /** The value found, when cfn-guard resolved one (absent when the property was missing). */
  readonly actual?: unknown;
  /** The value the rule compared against, when it names one. */
  readonly expected?: unknown;
  readonly message: string;
}

export type GuardStatus = 'pass' | 'fail' | 'skip';

/** The outcome of one control on one template. */
export interface GuardOutcome {
  readonly template: string;
  readonly controlId: string;
  readonly status: GuardStatus;
  /** Offending resources, sorted and unique (empty unless status is `fail`). */
  readonly resources: string[];
  readonly violations: GuardViolation[];
}

/** CT.ECS.PR.1 to CT.ECS.PR.12. */
export const ECS_CONTROLS: readonly string[] = Array.from({ length: 12 }, (_, i) => `CT.ECS.PR.${i + 1}`);
/** The IAM controls that apply to roles and policies (PR.4 is about IAM users, which ECS never creates). */
export const IAM_CONTROLS: readonly string[] = ['CT.IAM.PR.1', 'CT.IAM.PR.2', 'CT.IAM.PR.3', 'CT.IAM.PR.5'];

const EXIT_PASS = 0;
const EXIT_NON_COMPLIANT = 19;

/** Folder of the validator package, resolved like any dependency. */
export function cfnGuardPackageDir(): string {
  return dirname(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json'));
}

/** The bundled binary for this machine (Linux/macOS, x86_64/aarch64). */
export function cfnGuardBinary(): string {
  const os = process.platform === 'darwin' ? 'macos' : process.platform === 'linux' ? 'ubuntu' : undefined;
  const arch = process.arch === 'x64' ? 'x86_64' : process.arch === 'arm64' ? 'aarch64' : undefined;
  if (!os || !arch) {
    throw new Error(`cfn-guard is bundled only for Linux and macOS on x86_64/aarch64, not ${process.platform}/${process.arch}`);
  }
  const binary = join(cfnGuardPackageDir(), 'bin', os, arch, 'cfn-guard');
  if (!existsSync(binary)) throw new Error(`cfn-guard binary not found at ${binary}`);
  return binary;
}

const FOLDER_BY_SERVICE: Record<string, string> = {
  ECS: 'ecs',
  IAM: 'identityandaccessmanagement',
};

/** The guard files of the given Control Tower controls (e.g. `CT.ECS.PR.2`), checked to declare what we expect. */
export function controlTowerRuleFiles(controlIds: readonly string[]): GuardRuleFile[] {
  const rulesDir = join(cfnGuardPackageDir(), 'rules', 'control-tower', 'cfn-guard');
  return controlIds.map((controlId) => {
    const match = /^CT\.([A-Z]+)\.PR\.(\d+)$/.exec(controlId);
    const folder = match ? FOLDER_BY_SERVICE[match[1]] : undefined;
    if (!match || !folder) throw new Error(`unsupported Control Tower control id: ${controlId}`);
    const path = join(rulesDir, folder, `ct-${match[1].toLowerCase()}-pr-${match[2]}.guard`);
    const text = readFileSync(path, 'utf8');
    // The JSON output names rules, not files: each CT file declares one primary rule (twice: template and hook).
    const ruleNames = new Set([...text.matchAll(/^rule\s+(\w+)\s+when\b/gm)].map((m) => m[1]));
    if (ruleNames.size !== 1) throw new Error(`${path}: expected one primary rule, found ${[...ruleNames].join(', ') || 'none'}`);
    if (!text.includes(`[${controlId}]`)) throw new Error(`${path} does not carry the message tag [${controlId}]`);
    return { controlId, ruleName: [...ruleNames][0], path };
  });
}

/**
 * Runs cfn-guard once over all templates with all rule files and returns one outcome per (template, control),
 * in the order of `templates` then `rules`. Throws with cfn-guard's own stderr on any exit code other than
 * pass (0) or non-compliant (19).
 */
export function runCfnGuard(templates: readonly string[], rules: readonly GuardRuleFile[]): GuardOutcome[] {
  if (templates.length === 0) throw new Error('runCfnGuard: no template files given');
  const absolute = templates.map((t) => resolve(t));
  const args = ['validate', '--structured', '--output-format', 'json', '--show-summary', 'none'];
  for (const rule of rules) args.push('--rules', rule.path);
  for (const template of absolute) args.push('--data', template);
  const run = spawnSync(cfnGuardBinary(), args, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status !== EXIT_PASS && run.status !== EXIT_NON_COMPLIANT) {
    throw new Error(`cfn-guard exited with ${run.status}: ${run.stderr.trim() || run.stdout.slice(0, 2000)}`);
  }
  return parseCfnGuardJson(run.stdout, absolute, rules);
}

interface RawRuleResult { readonly Rule?: { readonly name?: string } }
interface RawFileReport {
  readonly name: string;
  readonly status: string;
  readonly not_compliant: readonly RawRuleResult[];
  readonly compliant: readonly string[];
}

/**
 * Parses `cfn-guard validate --structured -o json` output. cfn-guard lists every rule under `not_applicable`
 * whatever happened, so a rule is `fail` when it is in `not_compliant`, `pass` when only in `compliant`, and
 * `skip` otherwise.
 */
export function parseCfnGuardJson(stdout: string, templates: readonly string[], rules: readonly GuardRuleFile[]): GuardOutcome[] {
  let reports: RawFileReport[];
  try {
    reports = JSON.parse(stdout);
  } catch (e) {
    throw new Error(`cfn-guard output is not JSON (${(e as Error).message}): ${stdout.slice(0, 500)}`);
  }
  if (!Array.isArray(reports)) throw new Error('cfn-guard --structured output is not a JSON array');
  const byName = new Map(reports.map((r) => [r.name, r]));
  const outcomes: GuardOutcome[] = [];
  for (const template of templates) {
    const report = byName.get(template);
    if (!report) throw new Error(`cfn-guard reported nothing for ${template} (reported: ${[...byName.keys()].join(', ')})`);
    for (const rule of rules) {
      const failures = report.not_compliant.filter((r) => r.Rule?.name === rule.ruleName);
      const status: GuardStatus = failures.length > 0 ? 'fail' : report.compliant.includes(rule.ruleName) ? 'pass' : 'skip';
      const violations = failures.flatMap((f) => collectViolations(f));
      const resources = [...new Set(violations.map((v) => v.resource).filter((r) => r !== ''))].sort();
      outcomes.push({ template, controlId: rule.controlId, status, resources, violations });
    }
  }
  return outcomes;
}

const RESOURCE_PATH = /^\/Resources\/([^/]+)/;

/** Walks cfn-guard's clause tree and keeps the leaves that carry a data path: the places that failed. */
function collectViolations(node: unknown): GuardViolation[] {
  const found: GuardViolation[] = [];
  const visit = (value: unknown, message: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v) => visit(v, message));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const obj = value as Record<string, any>;
    const ownMessage = obj.messages?.error_message || message;
    // Comparisons (`Resolved`, `InResolved`) carry the value found in `from` and the expectation in `to`.
    if (typeof obj.from?.path === 'string') {
      const to = obj.to;
      const expected = Array.isArray(to) ? to.map((t) => t?.value) : to?.value;
      found.push(violation(obj.from.path, ownMessage, obj.from.value, expected));
      return;
    }
    // Missing properties carry the last path cfn-guard could reach in `traversed_to`.
    if (typeof obj.traversed_to?.path === 'string') {
      found.push(violation(obj.traversed_to.path, ownMessage));
      return;
    }
    for (const [key, child] of Object.entries(obj)) {
      if (key !== 'messages') visit(child, ownMessage);
    }
  };
  visit(node, '');
  return found;
}

function violation(path: string, message: string, actual?: unknown, expected?: unknown): GuardViolation {
  const resource = RESOURCE_PATH.exec(path)?.[1] ?? '';
  return {
    resource,
    path,
    message,
    ...(actual !== undefined ? { actual } : {}),
    ...(expected !== undefined ? { expected } : {}),
  };
}

/** `controlId` of every failing outcome, unique and in control order (PR.2 before PR.10). */
export function failedControls(outcomes: readonly GuardOutcome[]): string[] {
  const failed = new Set(outcomes.filter((o) => o.status === 'fail').map((o) => o.controlId));
  return [...failed].sort(compareControlIds);
}

/** Orders `CT.ECS.PR.2` before `CT.ECS.PR.10`. */
export function compareControlIds(a: string, b: string): number {
  const key = (id: string): [string, number] => {
    const m = /^(.*\.)(\d+)$/.exec(id);
    return m ? [m[1], Number(m[2])] : [id, 0];
  };
  const [pa, na] = key(a);
  const [pb, nb] = key(b);
  return pa === pb ? na - nb : pa < pb ? -1 : 1;
}
