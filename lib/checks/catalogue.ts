import { Rule, SEVERITIES, Severity } from './rule';
import { ECR_RULES } from './rules/ecr';
import { CLUSTER_RULES } from './rules/ecs/cluster';
import { SERVICE_RULES } from './rules/ecs/service';
import { TASK_DEFINITION_RULES } from './rules/ecs/task-definition';
import { IAM_RULES } from './rules/iam';
import { KMS_RULES } from './rules/kms';
import { LOGS_RULES } from './rules/logs';
import { SECRETS_MANAGER_RULES } from './rules/secretsmanager';

/** Every rule, in catalogue order. The one list that the cdk-nag pack, the CLI and the constructs draw from. */
export const ALL_RULES: readonly Rule[] = [
  ...TASK_DEFINITION_RULES,
  ...SERVICE_RULES,
  ...CLUSTER_RULES,
  ...IAM_RULES,
  ...LOGS_RULES,
  ...ECR_RULES,
  ...KMS_RULES,
  ...SECRETS_MANAGER_RULES,
];

/** Which rules to run. With no fields set: every rule that is enabled by default. */
export interface RuleSelection {
  /** Run exactly these rule ids (on or off by default). */
  readonly ruleIds?: readonly string[];
  /** Additionally run these off-by-default rules. */
  readonly includeRuleIds?: readonly string[];
  /** Skip these rule ids. */
  readonly excludeRuleIds?: readonly string[];
  /** Only rules at least this severe. */
  readonly minSeverity?: Severity;
}

/** Thrown when a selection names a rule id or severity that does not exist. */
export class UnknownRuleError extends Error {}

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id.toUpperCase());
}

export function selectRules(selection: RuleSelection = {}, catalogue: readonly Rule[] = ALL_RULES): Rule[] {
  const known = new Set(catalogue.map((r) => r.id));
  for (const id of [...(selection.ruleIds ?? []), ...(selection.includeRuleIds ?? []), ...(selection.excludeRuleIds ?? [])]) {
    if (!known.has(id.toUpperCase())) {
      throw new UnknownRuleError(`Unknown rule id '${id}'. Known ids: ${[...known].join(', ')}.`);
    }
  }
  if (selection.minSeverity && !SEVERITIES.includes(selection.minSeverity)) {
    throw new UnknownRuleError(`Unknown severity '${selection.minSeverity}'. Use one of: ${SEVERITIES.join(', ')}.`);
  }
  const upper = (ids?: readonly string[]) => new Set((ids ?? []).map((id) => id.toUpperCase()));
  const only = selection.ruleIds ? upper(selection.ruleIds) : undefined;
  const include = upper(selection.includeRuleIds);
  const exclude = upper(selection.excludeRuleIds);
  return catalogue.filter((rule) => {
    if (exclude.has(rule.id)) return false;
    if (only) return only.has(rule.id);
    if (!rule.enabledByDefault && !include.has(rule.id)) return false;
    return !selection.minSeverity || SEVERITIES.indexOf(rule.severity) <= SEVERITIES.indexOf(selection.minSeverity);
  });
}
