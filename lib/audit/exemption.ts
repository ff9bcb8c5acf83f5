import { CfnResource, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { PACK_NAME } from '../checks/pack-name';

/**
 * An explicit, reasoned relaxation of one hardening default.
 *
 * Every hardening default of this library can only be relaxed through a named
 * option that takes an `Exemption`. The reason is written into the template
 * metadata of the affected resource (key `cdk-hardened-ecs:exemptions`), so an
 * auditor reading the synthesized template sees every exception and why it was made.
 */
export interface Exemption {
  /**
   * Why the default is relaxed: the business need, who approved it, and until when.
   * Must be a real sentence (at least 10 characters); it is copied into the template.
   */
  readonly reason: string;
}

/** Template metadata key under which exemptions are recorded. */
export const EXEMPTIONS_METADATA_KEY = 'cdk-hardened-ecs:exemptions';

/** What an exemption relaxes, for the audit record and for acknowledging the matching check. */
export interface ExemptionRecord {
  /** The construct option that was used, e.g. `allowWritableRootFilesystem`. */
  readonly option: string;
  /** The check rule it relaxes, e.g. `TD-02`. */
  readonly ruleId: string;
  /** The granular finding key the rule reports, e.g. `Container::web`. Omit for a resource-level rule. */
  readonly findingKey?: string;
}

const MIN_REASON_LENGTH = 10;

/**
 * Records an exemption on a CloudFormation resource and acknowledges the matching
 * finding of the HardenedECS cdk-nag pack on that resource, with the same reason.
 *
 * @throws if the reason is missing or too short to be meaningful.
 */
export function recordExemption(resource: CfnResource, record: ExemptionRecord, exemption: Exemption): void {
  const reason = (exemption?.reason ?? '').trim();
  if (reason.length < MIN_REASON_LENGTH) {
    throw new Error(
      `${resource.node.path}: the exemption '${record.option}' needs a reason of at least ${MIN_REASON_LENGTH} characters ` +
        '(it is recorded in the template for auditors), e.g. { reason: \'Legacy image writes to /app/cache; ticket SEC-123, until 2027-01\' }.',
    );
  }
  const existing = (resource.getMetadata(EXEMPTIONS_METADATA_KEY) as unknown[] | undefined) ?? [];
  const entry = { option: record.option, rule: record.ruleId, ...(record.findingKey ? { finding: record.findingKey } : {}), reason };
  resource.addMetadata(EXEMPTIONS_METADATA_KEY, [...existing, entry]);
  Validations.of(resource).acknowledge({ id: packRuleId(record.ruleId, record.findingKey), reason });
}

/** The cdk-nag rule id our pack reports for a rule and optional granular finding key. */
export function packRuleId(ruleId: string, findingKey?: string): string {
  const base = `${PACK_NAME}-${ruleId}`;
  return findingKey ? `${base}[${findingKey}]` : base;
}

/** Reads the exemptions recorded on a construct's default CloudFormation resource, if any. */
export function exemptionsOf(scope: IConstruct): ReadonlyArray<Record<string, string>> {
  const child = CfnResource.isCfnResource(scope) ? scope : scope.node.defaultChild;
  if (!child || !CfnResource.isCfnResource(child)) return [];
  return ((child.getMetadata(EXEMPTIONS_METADATA_KEY) as Array<Record<string, string>> | undefined) ?? []);
}
