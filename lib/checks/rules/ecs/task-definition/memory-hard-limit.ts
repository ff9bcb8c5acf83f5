import { evaluateContainers } from '../../../model/ecs-containers';
import { runsOnlyOn, taskPlatform } from '../../../model/ecs-platform';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { numberValue, property } from '../../../model/values';
import { Rule, fail, pass } from '../../../rule';
import { frameworksOf } from '../control-tower-ecs-mappings';

/** Docker's minimum container memory limit, in MiB. */
const MIN_MEMORY_MIB = 6;

/** TD-13 (off by default): every container has a hard memory limit. */
export const memoryHardLimit: Rule = {
  id: 'TD-13',
  name: 'memory-hard-limit',
  title: 'Containers have a hard memory limit',
  severity: 'low',
  rationale:
    'A container without a hard `Memory` limit can consume all memory available to the task or instance and starve its ' +
    'neighbours. `MemoryReservation` is a soft limit and does not count. The limit must be an integer of at least 6 MiB ' +
    '(Docker\'s minimum; Control Tower uses 4). On Fargate the task-level `Memory` is enforced for the whole task; ' +
    'setting the `fargateTaskMemoryCountsAsLimit` option accepts it (Control Tower CT.ECS.PR.7 does not). Off by default.',
  fix:
    'Set `Memory` (MiB) on every container definition; in aws-cdk-lib pass `memoryLimitMiB` to `addContainer`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {
    controlTower: ['CT.ECS.PR.7'],
    configRules: ['ecs-task-definition-memory-hard-limit'],
    ...frameworksOf('CT.ECS.PR.7'),
  },
  enabledByDefault: false,

  evaluate(properties, { options }) {
    const platform = taskPlatform(properties);
    const taskMemory = numberValue(property(properties, 'Memory'));
    const taskLimitCounts = options.fargateTaskMemoryCountsAsLimit && runsOnlyOn(platform, 'FARGATE') && taskMemory !== undefined;
    return evaluateContainers(properties, (container) => {
      const { key, name } = container;
      const memory = numberValue(property(container.definition, 'Memory'));
      if (isOpaque(memory)) return [unresolvedOutcome(key, `Memory of container ${name}`, memory, name)];
      if (memory === undefined) {
        if (taskLimitCounts) {
          if (isOpaque(taskMemory)) return [unresolvedOutcome(key, 'Task-level Memory', taskMemory, name)];
          return [pass(key, `Container ${name} has no own limit; the Fargate task-level Memory (${taskMemory}) applies.`, name)];
        }
        const soft = property(container.definition, 'MemoryReservation') !== undefined ? ' (MemoryReservation is a soft limit)' : '';
        return [fail(key, `Container ${name} has no hard memory limit${soft}.`, name)];
      }
      if (!Number.isInteger(memory) || memory < MIN_MEMORY_MIB) {
        return [fail(key, `Container ${name} has Memory ${memory}, which is not an integer of at least ${MIN_MEMORY_MIB} MiB.`, name)];
      }
      return [pass(key, `Container ${name} has a hard memory limit of ${memory} MiB.`, name)];
    });
  },
};
