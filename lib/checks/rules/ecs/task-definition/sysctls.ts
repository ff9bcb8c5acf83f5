import { evaluateContainers } from '../../../model/ecs-containers';
import { outcomeUnlessOs, taskPlatform } from '../../../model/ecs-platform';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { listValue, property, recordValue, stringValue } from '../../../model/values';
import { Outcome, Rule, fail, pass } from '../../../rule';

/** TD-24: containers set no kernel sysctls, and no network sysctls while sharing the host network. */
export const sysctls: Rule = {
  id: 'TD-24',
  name: 'sysctls',
  title: 'Containers set no host-affecting kernel parameters',
  severity: 'medium',
  rationale:
    '`SystemControls` with a `kernel.*` namespace change kernel-wide (or IPC-namespace) behaviour, and `net.*` ' +
    'parameters change the host\'s own network stack when the task uses host networking. Both let one task weaken the ' +
    'instance for every other task. Linux only.',
  fix:
    'Remove `kernel.*` entries from `SystemControls`, and `net.*` entries unless the task uses awsvpc or bridge ' +
    'networking; in aws-cdk-lib remove them from `systemControls`.',
  applicability: { os: ['linux'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {},
  enabledByDefault: true,

  evaluate(properties) {
    const notLinux = outcomeUnlessOs(taskPlatform(properties), 'linux');
    if (notLinux) return [notLinux];
    const networkMode = stringValue(property(properties, 'NetworkMode'));
    return evaluateContainers(properties, (container): Outcome[] => {
      const { key, name } = container;
      const controls = listValue(property(container.definition, 'SystemControls'));
      if (isOpaque(controls)) return [unresolvedOutcome(key, `SystemControls of container ${name}`, controls, name)];
      const problems: string[] = [];
      for (const entry of controls ?? []) {
        const record = recordValue(entry);
        const namespace = record && !isOpaque(record) ? stringValue(property(record, 'Namespace')) : record;
        if (isOpaque(namespace)) return [unresolvedOutcome(key, `A sysctl namespace of container ${name}`, namespace, name)];
        const lower = (namespace ?? '').trim().toLowerCase();
        if (lower.startsWith('kernel.')) {problems.push(`${namespace} (kernel)`);} else if (lower.startsWith('net.')) {
          if (isOpaque(networkMode)) return [unresolvedOutcome(key, 'NetworkMode', networkMode, name)];
          if (networkMode?.toLowerCase() === 'host') problems.push(`${namespace} (host network)`);
        }
      }
      if (problems.length > 0) return [fail(key, `Container ${name} sets host-affecting sysctls: ${problems.join(', ')}.`, name)];
      return [pass(key, `Container ${name} sets no host-affecting sysctls.`, name)];
    });
  },
};
