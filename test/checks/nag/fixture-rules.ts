import { Opaque } from '../../../lib/checks/model/opaque';
import { booleanValue, listValue, property, recordValue, stringValue } from '../../../lib/checks/model/values';
import { Outcome, Rule, fail, pass, unverified } from '../../../lib/checks/rule';

/**
 * A small catalogue for the pack's own tests, so they do not depend on which real rules have landed.
 * One rule per reporting path: keyed ERROR, resource-level WARN, off-by-default critical, a rule that throws.
 */

const base = {
  applicability: { os: ['linux' as const], launchTypes: ['FARGATE' as const] },
  compliance: { securityHub: ['ECS.5'], controlTower: ['CT.ECS.PR.6'] },
  enabledByDefault: true,
};

/** High: every container has a read-only root file system. Keyed by container name. */
export const readOnlyRoot: Rule = {
  ...base,
  id: 'TX-01',
  name: 'test-readonly-root',
  title: 'Containers have a read-only root file system',
  severity: 'high',
  rationale: 'A writable root lets an attacker persist tools.',
  fix: 'Set ReadonlyRootFilesystem: true.',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  evaluate: (properties) => {
    const containers = listValue(properties.ContainerDefinitions);
    if (containers instanceof Opaque) return [unverified('', `ContainerDefinitions is ${containers.display}`)];
    return (containers ?? []).map((raw, index): Outcome => {
      const container = recordValue(raw);
      if (!container || container instanceof Opaque) return unverified(`Container::${index}`, 'container definition is not an object');
      const name = stringValue(property(container, 'Name'));
      const key = `Container::${typeof name === 'string' ? name : index}`;
      const value = booleanValue(property(container, 'ReadonlyRootFilesystem'));
      if (value instanceof Opaque) return unverified(key, `ReadonlyRootFilesystem is ${value.display}`, String(name));
      return value === true ? pass(key, 'read-only') : fail(key, `container ${String(name)} has a writable root file system`, String(name));
    });
  },
};

/** Low: the task uses awsvpc networking. Resource-level. */
export const awsvpcOnly: Rule = {
  ...base,
  id: 'TX-02',
  name: 'test-awsvpc',
  title: 'Tasks use awsvpc networking',
  severity: 'low',
  rationale: 'Per-task network interfaces allow per-task security groups.',
  fix: 'Set NetworkMode: awsvpc.',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  evaluate: (properties) => {
    const mode = stringValue(properties.NetworkMode);
    if (mode instanceof Opaque) return [unverified('', `NetworkMode is ${mode.display}`)];
    return [mode === 'awsvpc' ? pass('', 'awsvpc') : fail('', `NetworkMode is ${mode ?? '(absent)'}`)];
  },
};

/** Critical, off by default: no Allow statement with Action "*" in an inline role policy. Keyed by Sid. */
export const noStarAction: Rule = {
  ...base,
  id: 'TX-03',
  name: 'test-no-star-action',
  title: 'Role policies do not allow every action',
  severity: 'critical',
  rationale: 'Action "*" grants administrator access.',
  fix: 'List the actions the task needs.',
  resourceTypes: ['AWS::IAM::Policy'],
  enabledByDefault: false,
  evaluate: (properties) => {
    const document = recordValue(properties.PolicyDocument);
    const statements = document && !(document instanceof Opaque) ? listValue(document.Statement) : undefined;
    if (!Array.isArray(statements)) return [];
    return statements.map((raw, index) => {
      const statement = raw as Record<string, unknown>;
      const key = `Statement::${typeof statement.Sid === 'string' ? statement.Sid : index}`;
      const actions = ([] as unknown[]).concat(statement.Action ?? []);
      return statement.Effect === 'Allow' && actions.includes('*') ? fail(key, 'allows Action "*"') : pass(key, 'scoped');
    });
  },
};

/** Info: always throws, to show a rule bug surfaces as "cannot verify", never as a pass. */
export const throwing: Rule = {
  ...base,
  id: 'TX-04',
  name: 'test-throws',
  title: 'A rule with a bug',
  severity: 'info',
  rationale: 'Exercises the engine guard.',
  fix: 'Fix the rule.',
  resourceTypes: ['AWS::ECS::Cluster'],
  evaluate: () => {
    throw new Error('boom');
  },
};

export const FIXTURE_RULES: readonly Rule[] = [readOnlyRoot, awsvpcOnly, noStarAction, throwing];
