import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { PACK_NAME } from '../pack-name';

/** One `Validations.of(scope).acknowledge({ id, reason })` that names a HardenedECS rule. */
export interface PackAcknowledgment {
  /** The rule id as our pack reports it, without namespace: `HardenedECS-TD-02[Container::web]`. */
  readonly ruleId: string;
  /** The id exactly as recorded in the construct metadata (`Annotation::…` or `HardenedECS::…`). */
  readonly recordedId: string;
  readonly reason: string;
  /** Path of the construct the acknowledgment was made on. */
  readonly constructPath: string;
}

/**
 * CDK records acknowledgments under a namespace: `Annotation::<id>` for bare ids (`annotation::` before
 * 2.262.1), and `<Plugin>::<id>` when the user copies the id from CDK's console output, which prints
 * `HardenedECS::HardenedECS-TD-02`. Both mean the same finding to CDK's report filter, so both count here.
 */
const NAMESPACE = new RegExp(`^(annotation|${PACK_NAME})::`, 'i');

/** The pack rule id an acknowledged id refers to, or undefined when it is another plugin's. */
export function packRuleIdOf(recordedId: string): string | undefined {
  const id = recordedId.replace(NAMESPACE, '');
  return id.startsWith(`${PACK_NAME}-`) ? id : undefined;
}

/** The HardenedECS acknowledgments recorded directly on one construct. */
export function acknowledgmentsOn(construct: IConstruct): PackAcknowledgment[] {
  const result: PackAcknowledgment[] = [];
  for (const entry of construct.node.metadata) {
    if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data || typeof entry.data !== 'object') continue;
    for (const [recordedId, reason] of Object.entries(entry.data as Record<string, unknown>)) {
      const ruleId = packRuleIdOf(recordedId);
      if (ruleId) result.push({ ruleId, recordedId, reason: typeof reason === 'string' ? reason : '', constructPath: construct.node.path });
    }
  }
  return result;
}

/**
 * True when `ruleId` is acknowledged on `construct` or one of its ancestors, as CDK's report filter
 * would see it. cdk-nag's own check misses the `HardenedECS::` form, so `validateScope` (tests) and the
 * synthesized report would otherwise disagree.
 */
export function isAcknowledged(construct: IConstruct, ruleId: string): boolean {
  for (let current: IConstruct | undefined = construct; current; current = current.node.scope) {
    if (acknowledgmentsOn(current).some((ack) => ack.ruleId === ruleId)) return true;
  }
  return false;
}

/**
 * Acknowledgments of HardenedECS ids whose reason is empty or blank, on `scope`, its descendants, and its
 * ancestors (an acknowledgment on the App applies to a stack validated on its own).
 */
export function unreasonedAcknowledgments(scope: IConstruct): PackAcknowledgment[] {
  const constructs = [...scope.node.findAll(), ...ancestorsOf(scope)];
  return constructs.flatMap(acknowledgmentsOn).filter((ack) => ack.reason.trim() === '');
}

function ancestorsOf(construct: IConstruct): IConstruct[] {
  const result: IConstruct[] = [];
  for (let current = construct.node.scope; current; current = current.node.scope) result.push(current);
  return result;
}
