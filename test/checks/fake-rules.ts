import { isOpaque } from '../../lib/checks/model/opaque';
import { booleanValue, listValue, property, recordValue, stringValue } from '../../lib/checks/model/values';
import { fail, Outcome, pass, Rule, Severity, unverified } from '../../lib/checks/rule';

/**
 * Small stand-in rules with known behaviour, so CLI and report tests do not depend on which
 * catalogue rules have landed or on their exact wording.
 */

function containers(properties: Record<string, unknown>): Array<{ name: string; record: Record<string, unknown> }> {
  const list = listValue(property(properties, 'ContainerDefinitions'));
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index) => {
    const record = recordValue(entry);
    if (!record || isOpaque(record)) return [];
    const name = stringValue(property(record, 'Name'));
    return [{ name: typeof name === 'string' ? name : `#${index}`, record }];
  });
}

function fakeRule(id: string, severity: Severity, evaluate: Rule['evaluate'], enabledByDefault = true): Rule {
  return {
    id,
    name: `fake-${id.toLowerCase()}`,
    title: `Fake rule ${id}`,
    severity,
    rationale: `Rationale of ${id} with an intrinsic display <Role.Arn> and a | pipe.`,
    fix: `Set \`ReadonlyRootFilesystem: true\` (fix for ${id}).`,
    applicability: { os: ['linux'], launchTypes: ['FARGATE', 'EC2'] },
    resourceTypes: ['AWS::ECS::TaskDefinition'],
    compliance: { securityHub: ['ECS.5'], controlTower: ['CT.ECS.PR.6'], configRules: ['ecs-containers-readonly-access'], nist80053: ['AC-6'], pciDss: ['2.2'] },
    enabledByDefault,
    evaluate,
  };
}

/** FAKE-RO (high): every container sets ReadonlyRootFilesystem true; unverified when it is an intrinsic. */
export const readOnlyRule = fakeRule('FAKE-RO', 'high', (properties) =>
  containers(properties).map(({ name, record }): Outcome => {
    const value = booleanValue(property(record, 'ReadonlyRootFilesystem'));
    const key = `Container::${name}`;
    if (isOpaque(value)) return unverified(key, `ReadonlyRootFilesystem is ${value.display}.`, name);
    return value === true ? pass(key, 'read-only', name) : fail(key, `Container ${name} has a writable root file system.`, name);
  }),
);

/** FAKE-USER (low): every container sets User. Below the default --fail-on error. */
export const userRule = fakeRule('FAKE-USER', 'low', (properties) =>
  containers(properties).map(({ name, record }) =>
    property(record, 'User') ? pass(`Container::${name}`, 'user set', name) : fail(`Container::${name}`, `Container ${name} sets no User.`, name),
  ),
);

/** FAKE-OFF: off by default; fails everything. */
export const offByDefaultRule = fakeRule('FAKE-OFF', 'critical', () => [fail('', 'Always fails.')], false);

/**
 * FAKE-LEAK: a deliberately bad rule that copies environment values into its messages, to
 * prove the report layer redacts credentials whatever a rule does.
 */
export const leakyRule = fakeRule('FAKE-LEAK', 'medium', (properties) =>
  containers(properties).flatMap(({ name, record }) => {
    const environment = listValue(property(record, 'Environment'));
    if (!Array.isArray(environment)) return [];
    return environment.map((entry) => {
      const variable = recordValue(entry) as Record<string, unknown>;
      const variableName = String(property(variable, 'Name'));
      return fail(`Container::${name}`, `Leaks ${variableName}=${String(property(variable, 'Value'))} and ${String(property(variable, 'Value'))}`, name);
    });
  }),
);

export const FAKE_CATALOGUE: readonly Rule[] = [readOnlyRule, userRule, offByDefaultRule, leakyRule];
