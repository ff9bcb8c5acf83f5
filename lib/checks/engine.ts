import { CheckOptions, withDefaults } from './check-options';
import { EXEMPTIONS_METADATA_KEY, packRuleId } from '../audit/exemption';
import { ModelResource, TemplateModel, isRecord } from './model/template-model';
import { ComplianceMappings, Outcome, Rule, SEVERITIES, Severity, Status } from './rule';

/** A failed or unverifiable check, ready for any output format. */
export interface Finding {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly title: string;
  readonly severity: Severity;
  readonly status: 'fail' | 'unverified';
  /** Granular key (`Container::web`); empty for resource-level findings. */
  readonly key: string;
  readonly message: string;
  readonly fix: string;
  readonly container?: string;
  readonly resource: { readonly logicalId: string; readonly type: string; readonly name: string };
  readonly source: { readonly file?: string; readonly stack?: string };
  readonly controls: ComplianceMappings;
  /** The resource is created only under this template condition. */
  readonly condition?: string;
  /** Set when the template records an exemption or acknowledgment for exactly this finding. */
  readonly acknowledged?: { readonly reason: string };
}

export interface CheckResult {
  readonly findings: Finding[];
  /** Resources that at least one selected rule evaluated. */
  readonly resourcesChecked: number;
  /** Rule-by-resource evaluations, including passes. */
  readonly evaluations: number;
  /** Per rule: how many items passed, failed, could not be verified, or did not apply. */
  readonly tally: Record<string, Record<Status, number>>;
}

const STATUS_RANK: Record<Status, number> = { 'fail': 3, 'unverified': 2, 'pass': 1, 'not-applicable': 0 };

/**
 * Runs rules over one template model. Read-only and linear in the number of resources times
 * the rules that apply to their types. Never throws: a rule that throws yields an `unverified` finding.
 * With `only`, just the resources with those logical ids are evaluated; the others remain context
 * that rules follow references into.
 */
export function checkModel(
  model: TemplateModel,
  rules: readonly Rule[],
  options: Partial<CheckOptions> = {},
  only?: ReadonlySet<string>,
): CheckResult {
  const resolvedOptions = withDefaults(options);
  const byType = new Map<string, Rule[]>();
  for (const rule of rules) {
    for (const type of rule.resourceTypes) byType.set(type, [...(byType.get(type) ?? []), rule]);
  }

  const findings: Finding[] = [];
  const tally: CheckResult['tally'] = {};
  let resourcesChecked = 0;
  let evaluations = 0;
  for (const resource of model.resources.values()) {
    const applicable = byType.get(resource.type);
    if (!applicable || (only && !only.has(resource.logicalId))) continue;
    resourcesChecked++;
    const acknowledgments = acknowledgmentsOf(resource);
    for (const rule of applicable) {
      evaluations++;
      const outcomes = evaluateResource(rule, resource, model, resolvedOptions);
      const counts = (tally[rule.id] ??= { 'pass': 0, 'fail': 0, 'unverified': 0, 'not-applicable': 0 });
      for (const outcome of outcomes) {
        counts[outcome.status]++;
        if (outcome.status !== 'fail' && outcome.status !== 'unverified') continue;
        const reason = acknowledgments.get(packRuleId(rule.id, outcome.key || undefined));
        findings.push(toFinding(rule, resource, model, outcome, reason));
      }
    }
  }
  findings.sort(compareFindings);
  return { findings, resourcesChecked, evaluations, tally };
}

/** Evaluates one rule on every deployment variant of a resource; per key, the worst status wins. */
export function evaluateResource(rule: Rule, resource: ModelResource, model: TemplateModel, options: CheckOptions): Outcome[] {
  const merged = new Map<string, Outcome>();
  for (const properties of model.variants(resource)) {
    let outcomes: Outcome[];
    try {
      outcomes = rule.evaluate(properties, { model, options, resource });
    } catch (error) {
      outcomes = [{ status: 'unverified', key: '', message: `The rule could not evaluate this resource: ${(error as Error)?.message ?? String(error)}` }];
    }
    for (const outcome of outcomes) {
      const previous = merged.get(outcome.key);
      if (!previous || STATUS_RANK[outcome.status] > STATUS_RANK[previous.status]) merged.set(outcome.key, outcome);
    }
  }
  return [...merged.values()];
}

/** Rule ids acknowledged on a resource: our exemption metadata and cdk-nag's `rules_to_suppress`. */
function acknowledgmentsOf(resource: ModelResource): Map<string, string> {
  const result = new Map<string, string>();
  const exemptions = resource.metadata[EXEMPTIONS_METADATA_KEY];
  if (Array.isArray(exemptions)) {
    for (const entry of exemptions) {
      if (isRecord(entry) && typeof entry.rule === 'string' && typeof entry.reason === 'string') {
        result.set(packRuleId(entry.rule, typeof entry.finding === 'string' ? entry.finding : undefined), entry.reason);
      }
    }
  }
  const nag = resource.metadata.cdk_nag;
  if (isRecord(nag) && Array.isArray(nag.rules_to_suppress)) {
    for (const entry of nag.rules_to_suppress) {
      if (isRecord(entry) && typeof entry.id === 'string' && typeof entry.reason === 'string') {
        result.set(entry.id.replace(/^[A-Za-z-]+::/, ''), entry.reason);
      }
    }
  }
  return result;
}

function toFinding(rule: Rule, resource: ModelResource, model: TemplateModel, outcome: Outcome, reason: string | undefined): Finding {
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    title: rule.title,
    severity: rule.severity,
    status: outcome.status as 'fail' | 'unverified',
    key: outcome.key,
    message: outcome.message,
    fix: rule.fix,
    container: outcome.container,
    resource: { logicalId: resource.logicalId, type: resource.type, name: model.displayName(resource) },
    source: { file: model.source.file, stack: model.source.stack },
    controls: rule.compliance,
    condition: resource.condition,
    acknowledged: reason !== undefined ? { reason } : undefined,
  };
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.source.file ?? '', b.source.file ?? '') ||
    cmp(a.source.stack ?? '', b.source.stack ?? '') ||
    cmp(a.resource.logicalId, b.resource.logicalId) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.key, b.key) ||
    cmp(a.status, b.status)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `severity` is at least as bad as `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}
