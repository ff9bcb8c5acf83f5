import { displayValue, isOpaque } from './opaque';
import { listValue, property, recordValue, stringValue } from './values';
import { Outcome, unverified } from '../rule';

/** One task-level volume of a resolved task definition, with its stable finding key. */
export interface VolumeView {
  /** The volume name, or its position (`#2`) when missing or unresolvable. */
  readonly name: string;
  /** `Volume::<name>`. */
  readonly key: string;
  readonly definition: Record<string, unknown>;
}

/**
 * Runs `judge` on every entry of `Volumes`. An unresolvable list or entry yields an `unverified`
 * outcome, so no volume passes unseen. Returns `[]` when the task has no volumes.
 */
export function evaluateVolumes(properties: Record<string, unknown>, judge: (volume: VolumeView) => Outcome[]): Outcome[] {
  const list = listValue(property(properties, 'Volumes'));
  if (isOpaque(list)) return [unverified('', `Volumes is ${list.display}, which cannot be resolved: ${list.details.reason ?? 'unknown value'}.`)];
  const outcomes: Outcome[] = [];
  (list ?? []).forEach((entry, index) => {
    const definition = recordValue(entry);
    if (!definition || isOpaque(definition)) {
      outcomes.push(unverified(`Volume::#${index + 1}`, `Volume #${index + 1} is ${displayValue(entry)}, which cannot be resolved.`));
      return;
    }
    const rawName = stringValue(property(definition, 'Name'));
    const name = typeof rawName === 'string' && rawName !== '' ? rawName : isOpaque(rawName) ? rawName.display : `#${index + 1}`;
    outcomes.push(...judge({ name, key: `Volume::${name}`, definition }));
  });
  return outcomes;
}
