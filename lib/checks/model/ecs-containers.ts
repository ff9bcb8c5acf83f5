import { outcomeUnlessOs, taskPlatform } from './ecs-platform';
import { Opaque, displayValue, isOpaque } from './opaque';
import { unresolvedOutcome } from './unresolved-outcome';
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

/**
 * Runs `judge` on the `LinuxParameters` of every container of a Linux task definition (`undefined`
 * when a container has none). A Windows task definition yields the not-applicable outcome, and
 * `LinuxParameters` that cannot be resolved yield `unverified` for that container.
 */
export function evaluateLinuxParameters(
  properties: Record<string, unknown>,
  judge: (container: ContainerView, linuxParameters: Record<string, unknown> | undefined) => Outcome[],
): Outcome[] {
  const notLinux = outcomeUnlessOs(taskPlatform(properties), 'linux');
  if (notLinux) return [notLinux];
  return evaluateContainers(properties, (container) => {
    const linux = recordValue(property(container.definition, 'LinuxParameters'));
    if (isOpaque(linux)) return [unresolvedOutcome(container.key, `LinuxParameters of container ${container.name}`, linux, container.name)];
    return judge(container, linux);
  });
}

/** One `Environment` entry. `name` is opaque when it cannot be resolved; `value` is the resolved value (possibly opaque). */
export interface EnvironmentVariable {
  readonly name: string | Opaque;
  readonly value: unknown;
}

/** The container's `Environment` entries, `[]` when absent, or the opaque list. */
export function environmentOf(container: ContainerView): EnvironmentVariable[] | Opaque {
  const list = listValue(property(container.definition, 'Environment'));
  if (isOpaque(list)) return list;
  return (list ?? []).map((entry) => {
    const record = recordValue(entry);
    if (!record || isOpaque(record)) {
      return { name: isOpaque(record) ? record : new Opaque('unsupported', displayValue(entry), { reason: 'malformed Environment entry' }), value: undefined };
    }
    const name = stringValue(property(record, 'Name'));
    return {
      name: name ?? new Opaque('unsupported', '(no name)', { reason: 'Environment entry without Name' }),
      value: property(record, 'Value'),
    };
  });
}
