import { displayValue, isOpaque } from './opaque';
import { listValue, property, recordValue, stringValue } from './values';
import { Outcome, unverified } from '../rule';

/** One container definition of a resolved task definition, with its stable finding key. */
export interface ContainerView {
  /** The container name, or its position (`#2`) when the name is missing or unresolvable. */
  readonly name: string;
  /** `Container::<name>`. */
  readonly key: string;
  readonly definition: Record<string, unknown>;
}

/**
 * Runs `judge` on every container definition and collects the outcomes. A `ContainerDefinitions`
 * list or entry that cannot be resolved yields an `unverified` outcome instead of being skipped,
 * so no container passes unseen.
 */
export function evaluateContainers(properties: Record<string, unknown>, judge: (container: ContainerView) => Outcome[]): Outcome[] {
  const list = listValue(property(properties, 'ContainerDefinitions'));
  if (isOpaque(list)) {
    return [unverified('', `ContainerDefinitions is ${list.display}, which cannot be resolved: ${list.details.reason ?? 'unknown value'}.`)];
  }
  const outcomes: Outcome[] = [];
  (list ?? []).forEach((entry, index) => {
    const definition = recordValue(entry);
    if (!definition || isOpaque(definition)) {
      const key = `Container::#${index + 1}`;
      outcomes.push(unverified(key, `Container definition #${index + 1} is ${displayValue(entry)}, which cannot be resolved.`));
      return;
    }
    const rawName = stringValue(property(definition, 'Name'));
    const name = typeof rawName === 'string' && rawName !== '' ? rawName : isOpaque(rawName) ? rawName.display : `#${index + 1}`;
    outcomes.push(...judge({ name, key: `Container::${name}`, definition }));
  });
  return outcomes;
}

/** The `LinuxParameters` of a container as a record, `undefined` when absent, or the opaque value. */
export function linuxParametersOf(container: ContainerView): ReturnType<typeof recordValue> {
  return recordValue(property(container.definition, 'LinuxParameters'));
}
