import { CfnResource, IPolicyValidationContext, PolicyValidationPluginReport, PolicyViolation, Stack } from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, NagPackProps, NagRuleCompliance } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { isAcknowledged, unreasonedAcknowledgments } from './acknowledgments';
import { StackModels } from './stack-models';
import { unverifiedKey } from './unverified-key';
import { packRuleId } from '../../audit/exemption';
import { ALL_RULES, UnknownRuleError, selectRules } from '../catalogue';
import { CheckOptions, withDefaults } from '../check-options';
import { evaluateResource } from '../engine';
import { levelOf } from '../levels';
import { PACK_NAME } from '../pack-name';
import { Outcome, Rule, Severity } from '../rule';

/**
 * Severity of a HardenedECS rule, from worst to mildest.
 *
 * Critical, high and medium rules are reported at cdk-nag level ERROR; low and info rules at WARN.
 * In cdk-nag v3 both levels fail synthesis: the level says how urgent a finding is, not whether it blocks.
 */
export enum CheckSeverity {
  /** Directly exploitable: e.g. a trust policy open to any principal. */
  CRITICAL = 'critical',
  /** A container or role that breaks a core isolation boundary: privileged, writable root, root user. */
  HIGH = 'high',
  /** Weakens defence in depth or auditability. */
  MEDIUM = 'medium',
  /** Best practice with a small direct risk. */
  LOW = 'low',
  /** Informational; usually off by default. */
  INFO = 'info',
}

/** Options of the HardenedECS cdk-nag pack. With none set, every rule that is on by default runs. */
export interface HardenedEcsChecksProps extends NagPackProps {
  /**
   * Run exactly these rules (ids such as `TD-02`, `IAM-11`), whether on or off by default.
   *
   * @default - every rule that is enabled by default, plus `includeRuleIds`
   */
  readonly ruleIds?: string[];

  /**
   * Also run these off-by-default rules.
   *
   * @default - none
   */
  readonly includeRuleIds?: string[];

  /**
   * Never run these rules. Prefer acknowledging individual findings with a reason; excluding a rule
   * removes it for every resource of the app.
   *
   * @default - none
   */
  readonly excludeRuleIds?: string[];

  /**
   * Run only rules at least this severe. Ignored for rules listed in `ruleIds`.
   *
   * @default - every severity
   */
  readonly minSeverity?: CheckSeverity;

  /**
   * Report outcomes the pack cannot verify (a value behind `Fn::ImportValue`, a parameter, a dynamic
   * reference…) as violations with the key `Unverified::<key>`. Turning this off makes such values pass
   * silently: only do it when another control checks them.
   *
   * @default true
   */
  readonly reportUnverified?: boolean;

  /**
   * LOG-01: the minimum CloudWatch Logs retention, in days.
   *
   * @default 365 (Security Hub CloudWatch.16)
   */
  readonly minLogRetentionDays?: number;

  /**
   * IAM-01: also require `aws:SourceAccount` / `aws:SourceArn` conditions in the trust policy of task
   * execution roles (AWS documents them for task roles).
   *
   * @default false
   */
  readonly requireExecutionRoleTrustConditions?: boolean;

  /**
   * TD-26: the image registries containers may pull from, as host names with `*` wildcards
   * (`*.dkr.ecr.eu-west-1.amazonaws.com`, `public.ecr.aws`). A registry resolved at deploy time is reported unverified.
   *
   * @default - any registry (TD-26 then only requires private-registry credentials to be a Secrets Manager secret)
   */
  readonly allowedRegistries?: string[];

  /**
   * TD-14 / TD-15: more environment variable names that must never hold a plain value (compared case-insensitively),
   * for your organisation's own credential variables.
   *
   * @default - only the built-in names and credential-like name and value patterns
   */
  readonly extraCredentialNames?: string[];

  /**
   * TAG-01 (off by default: add it with `includeRuleIds: ['TAG-01']`): tag keys every ECS service, cluster and task
   * definition must carry, compared case-sensitively as AWS compares tag keys.
   *
   * @default - none, so TAG-01 does not apply
   */
  readonly requiredTags?: string[];

  /**
   * TD-13: on Fargate, accept the task-level memory as the hard limit of containers without their own `Memory`
   * (Fargate enforces it for the whole task; Control Tower CT.ECS.PR.7 does not accept it).
   *
   * @default false
   */
  readonly fargateTaskMemoryCountsAsLimit?: boolean;
}

/**
 * The HardenedECS rule pack for cdk-nag v3: checks ECS task definitions, services, clusters, the IAM roles
 * and policies they use, log groups, ECR repositories, KMS keys and secrets.
 *
 * Register it as a policy-validation plugin:
 *
 * ```ts
 * Validations.of(app).addPlugins(new HardenedEcsChecks(app));
 * ```
 *
 * Rules read the synthesized CloudFormation template, so escape-hatch overrides (`addPropertyOverride`)
 * are taken into account. Findings are reported as `HardenedECS-<rule>[<key>]` where the key is a stable
 * name (`Container::web`, `Statement::AllowS3`), or as `HardenedECS-<rule>` for a resource-level finding.
 * A value the pack cannot verify is reported as `HardenedECS-<rule>[Unverified::<key>]` (or
 * `[Unverified]`), never passed silently.
 *
 * Acknowledge a finding with its exact id and a reason:
 * `Validations.of(construct).acknowledge({ id: 'HardenedECS-TD-02[Container::web]', reason: '…' })`.
 * An acknowledgment without a reason is itself reported, as `HardenedECS-ACK`.
 *
 * In cdk-nag v3 every reported violation fails synthesis, warnings included.
 */
export class HardenedEcsChecks extends NagPack {
  /** Plugin name shown in CDK's validation report. */
  public readonly name: string = PACK_NAME;
  /** Ids of the rules this instance runs (reported to CDK for analytics). */
  public readonly ruleIds?: string[];

  private readonly rulesByType = new Map<string, Rule[]>();
  private readonly options: CheckOptions;
  private readonly reportUnverified: boolean;
  /** Templates CDK wrote for the run in progress, by stack path; set only while `validate` runs. */
  private pendingTemplateFiles?: ReadonlyMap<string, string>;
  /** State of the run in progress; replaced by every `validateScope`. */
  private run?: { readonly models: StackModels; readonly rulesByViolation: Map<string, Rule> };

  /**
   * @param scope the App (or Stage) the pack is registered on; used only for `writeSuppressionsToCloudFormation`.
   * @throws if an option names an unknown rule id (the message lists the known ids) or an invalid retention.
   */
  constructor(scope?: IConstruct, props: HardenedEcsChecksProps = {}) {
    super(scope, props);
    this.packName = PACK_NAME;
    let rules: Rule[];
    try {
      rules = selectRules(
        {
          ruleIds: props.ruleIds,
          includeRuleIds: props.includeRuleIds,
          excludeRuleIds: props.excludeRuleIds,
          minSeverity: props.minSeverity as Severity | undefined,
        },
        this._catalogue(),
      );
    } catch (error) {
      if (error instanceof UnknownRuleError) throw new Error(`HardenedEcsChecks: ${error.message} Check ruleIds, includeRuleIds, excludeRuleIds and minSeverity.`);
      throw error;
    }
    if (props.minLogRetentionDays !== undefined && !(Number.isInteger(props.minLogRetentionDays) && props.minLogRetentionDays > 0)) {
      throw new Error(`HardenedEcsChecks: minLogRetentionDays must be a positive whole number of days, got ${props.minLogRetentionDays}.`);
    }
    for (const rule of rules) {
      for (const type of rule.resourceTypes) this.rulesByType.set(type, [...(this.rulesByType.get(type) ?? []), rule]);
    }
    this.ruleIds = rules.map((rule) => rule.id);
    this.options = withDefaults({
      minLogRetentionDays: props.minLogRetentionDays,
      requireExecutionRoleTrustConditions: props.requireExecutionRoleTrustConditions,
      allowedRegistries: nameList(props.allowedRegistries, 'allowedRegistries'),
      extraCredentialNames: nameList(props.extraCredentialNames, 'extraCredentialNames'),
      requiredTags: nameList(props.requiredTags, 'requiredTags'),
      fargateTaskMemoryCountsAsLimit: props.fargateTaskMemoryCountsAsLimit,
    });
    this.reportUnverified = props.reportUnverified ?? true;
  }

  /**
   * Called by CDK after the templates are written: the rules read those files, exactly what will be deployed.
   */
  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    this.pendingTemplateFiles = templateFilesOf(context);
    try {
      return super.validate(context);
    } finally {
      this.pendingTemplateFiles = undefined;
    }
  }

  /**
   * Checks every resource under `scope` without synthesizing to disk (each stack renders its template in
   * memory). Use it in unit tests: `new HardenedEcsChecks().validateScope(stack).violations`.
   */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    this.run = { models: new StackModels(this.pendingTemplateFiles), rulesByViolation: new Map() };
    try {
      const report = super.validateScope(scope);
      const violations = [...report.violations.map((v) => this.withRuleDetails(v)), ...acknowledgmentViolations(scope)];
      return { success: violations.length === 0, violations };
    } finally {
      this.run = undefined;
    }
  }

  /**
   * The rules to select from. Tests substitute a small catalogue of their own.
   * @internal
   */
  protected _catalogue(): readonly Rule[] {
    return ALL_RULES;
  }

  protected checkResource(node: CfnResource): void {
    const rules = this.rulesByType.get(node.cfnResourceType);
    const run = this.run;
    if (!rules || !run) return;
    const stack = Stack.of(node);
    if (!run.models.inScope(stack)) return;
    const { model, error } = run.models.modelOf(stack);
    const resource = model?.resource(stack.resolve(node.logicalId));
    if (model && !resource) return; // removed from the template (e.g. by an override of the stack template)
    for (const rule of rules) {
      const outcomes: Outcome[] = model && resource
        ? evaluateResource(rule, resource, model, this.options)
        : [{ status: 'unverified', key: '', message: error ?? 'the stack template is unavailable' }];
      this.report(node, rule, outcomes, run.rulesByViolation);
    }
  }

  private report(node: CfnResource, rule: Rule, outcomes: Outcome[], rulesByViolation: Map<string, Rule>): void {
    const explanation = `${rule.rationale} Fix: ${rule.fix}`;
    for (const outcome of outcomes) {
      let findingKey: string;
      let info: string;
      let level: NagMessageLevel;
      if (outcome.status === 'fail') {
        findingKey = outcome.key;
        info = `${rule.title}: ${outcome.message}`;
        level = levelOf(rule.severity) === 'error' ? NagMessageLevel.ERROR : NagMessageLevel.WARN;
      } else if (outcome.status === 'unverified' && this.reportUnverified) {
        findingKey = unverifiedKey(outcome.key);
        info = `${rule.title}: cannot verify: ${outcome.message}`;
        level = NagMessageLevel.WARN;
      } else {
        continue;
      }
      const violationId = packRuleId(rule.id, findingKey || undefined);
      if (isAcknowledged(node, violationId)) continue;
      rulesByViolation.set(violationId, rule);
      this.applyRule({
        ruleSuffixOverride: rule.id,
        info,
        explanation,
        level,
        node,
        rule: () => (findingKey ? [findingKey] : NagRuleCompliance.NON_COMPLIANT),
      });
    }
  }

  /** Adds the rule's fix and control ids, which cdk-nag's violations do not carry. */
  private withRuleDetails(violation: PolicyViolation): PolicyViolation {
    const rule = this.run?.rulesByViolation.get(violation.ruleName);
    if (!rule) return violation;
    const controls = rule.compliance;
    const metadata: Record<string, string> = { severity: rule.severity };
    if (controls.securityHub?.length) metadata.securityHub = controls.securityHub.join(', ');
    if (controls.controlTower?.length) metadata.controlTower = controls.controlTower.join(', ');
    if (controls.nist80053?.length) metadata.nist80053 = controls.nist80053.join(', ');
    if (controls.pciDss?.length) metadata.pciDss = controls.pciDss.join(', ');
    return { ...violation, fix: rule.fix, ruleMetadata: { ...violation.ruleMetadata, ...metadata } };
  }
}

/** A list option as the rules take it; a blank entry is a mistake worth stopping for, not a value to ignore. */
function nameList(names: string[] | undefined, option: string): string[] | undefined {
  if (names === undefined) return undefined;
  const blank = names.findIndex((name) => typeof name !== 'string' || name.trim() === '');
  if (blank >= 0) throw new Error(`HardenedEcsChecks: ${option}[${blank}] is blank; give each entry a value or leave the entry out.`);
  return names.map((name) => name.trim());
}

/** Rule id of the violation reported for an acknowledgment of a HardenedECS id without a reason. */
const ACKNOWLEDGMENT_RULE_ID = `${PACK_NAME}-ACK`;

/** An acknowledgment without a reason would suppress a finding with no record of why; report it instead. */
function acknowledgmentViolations(scope: IConstruct): PolicyViolation[] {
  const unreasoned = unreasonedAcknowledgments(scope);
  if (unreasoned.length === 0) return [];
  const listed = unreasoned.map((ack) => `'${ack.ruleId}' on ${ack.constructPath || '(app)'}`).join('; ');
  return [{
    ruleName: ACKNOWLEDGMENT_RULE_ID,
    description: `Acknowledgments of HardenedECS findings need a reason; these have none: ${listed}.`,
    fix: "Give each acknowledgment a reason an auditor can check: why the finding is accepted, who approved it, until when: Validations.of(construct).acknowledge({ id: 'HardenedECS-TD-02[Container::web]', reason: 'Legacy image writes to /app/cache; SEC-123, until 2027-01' }).",
    severity: 'error',
    violatingResources: [...new Set(unreasoned.map((ack) => ack.constructPath))].map((constructPath) => ({ constructPath, locations: ['Metadata'] })),
  }];
}

/** Stack construct path -> template file, when this CDK version tells plugins which template is which. */
function templateFilesOf(context: IPolicyValidationContext): ReadonlyMap<string, string> | undefined {
  const stacks = (context as { stackTemplates?: IPolicyValidationContext['stackTemplates'] }).stackTemplates;
  if (!Array.isArray(stacks)) return undefined;
  return new Map(stacks.map((s) => [s.stackConstructPath, s.templatePath]));
}
