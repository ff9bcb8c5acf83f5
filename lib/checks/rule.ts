import { CheckOptions } from './check-options';
import { ModelResource, TemplateModel } from './model/template-model';

/** How bad a failed rule is. Ordered from worst to mildest in {@link SEVERITIES}. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/**
 * The result of evaluating one item (a container, a statement, a volume, the resource itself).
 * - `pass` / `fail`: decided.
 * - `unverified`: the value could not be resolved (an intrinsic, an import, a parameter); never a silent pass.
 * - `not-applicable`: the rule does not apply (e.g. a Linux-only rule on a Windows task definition).
 */
export type Status = 'pass' | 'fail' | 'unverified' | 'not-applicable';

export type OperatingSystem = 'linux' | 'windows';

/** The OS as messages and documents name it: `Linux`, `Windows`. */
export function osName(os: OperatingSystem): string {
  return os === 'linux' ? 'Linux' : 'Windows';
}
export type LaunchType = 'FARGATE' | 'EC2' | 'EXTERNAL' | 'MANAGED_INSTANCES';

/** Control ids this rule maps to, in the frameworks auditors use. */
export interface ComplianceMappings {
  /** AWS Security Hub control ids, e.g. `ECS.5`. */
  readonly securityHub?: readonly string[];
  /** AWS Control Tower proactive control ids, e.g. `CT.ECS.PR.6`. */
  readonly controlTower?: readonly string[];
  /** AWS Config managed rule names, e.g. `ecs-containers-readonly-access`. */
  readonly configRules?: readonly string[];
  /** NIST SP 800-53 rev. 5 controls. */
  readonly nist80053?: readonly string[];
  /** PCI DSS 3.2.1 requirements. */
  readonly pciDss?: readonly string[];
  /** Other checkers' equivalents (Checkov, KICS, Prowler, cdk-nag), for cross-reference only. */
  readonly related?: readonly string[];
}

/** Where a rule applies; used for documentation and for N/A results. */
export interface Applicability {
  readonly os: readonly OperatingSystem[];
  readonly launchTypes: readonly LaunchType[];
}

/** One evaluated item. `key` is stable (container name, statement Sid or index, secret name), never a generated logical id. */
export interface Outcome {
  readonly status: Status;
  /** Granular key, e.g. `Container::web`, `Statement::AllowS3`, `Volume::data`. Empty string for a resource-level result. */
  readonly key: string;
  /** What was found, in one sentence. Must never contain a credential value. */
  readonly message: string;
  /** The container concerned, when there is one. */
  readonly container?: string;
}

/** What a rule can see while it evaluates one resource. */
export interface RuleContext {
  readonly model: TemplateModel;
  readonly options: CheckOptions;
  /** The logical resource being evaluated. */
  readonly resource: ModelResource;
}

/**
 * A check. One rule per file; a rule is a pure function of one resource (and what the
 * resource references in the same template).
 */
export interface Rule {
  /** Stable id, e.g. `TD-02`. Never reused. */
  readonly id: string;
  /** Short kebab-case name, e.g. `readonly-root-filesystem`. */
  readonly name: string;
  readonly title: string;
  readonly severity: Severity;
  /** Why the rule exists (the risk). */
  readonly rationale: string;
  /** How to fix a failure, concretely (CloudFormation property and CDK option). */
  readonly fix: string;
  readonly applicability: Applicability;
  /** CloudFormation resource types this rule evaluates. */
  readonly resourceTypes: readonly string[];
  readonly compliance: ComplianceMappings;
  /** Off-by-default rules are noisy or opinionated; users opt in by id. */
  readonly enabledByDefault: boolean;
  /**
   * Evaluates one resolved variant of a resource's properties. Must not throw on any input;
   * the engine still guards against it and reports a throw as `unverified`.
   */
  evaluate(properties: Record<string, unknown>, context: RuleContext): Outcome[];
}

export function pass(key: string, message: string, container?: string): Outcome {
  return { status: 'pass', key, message, container };
}

export function fail(key: string, message: string, container?: string): Outcome {
  return { status: 'fail', key, message, container };
}

export function unverified(key: string, message: string, container?: string): Outcome {
  return { status: 'unverified', key, message, container };
}

export function notApplicable(key: string, message: string, container?: string): Outcome {
  return { status: 'not-applicable', key, message, container };
}
