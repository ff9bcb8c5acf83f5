import { evaluateLinuxParameters } from '../../../model/ecs-containers';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { booleanValue, property } from '../../../model/values';
import { Outcome, Rule, fail, pass } from '../../../rule';

/** TD-30: containers run an init process that reaps zombies and forwards signals. */
export const initProcess: Rule = {
  id: 'TD-30',
  name: 'init-process',
  title: 'Containers run with an init process',
  severity: 'info',
  rationale:
    'Without an init process the application runs as PID 1: it may ignore SIGTERM (so ECS kills it after the stop ' +
    'timeout, mid-request) and never reaps zombie processes, which ECS Exec sessions leave behind. ' +
    '`InitProcessEnabled` runs a minimal init in front of it. Linux only.',
  fix:
    'Set `LinuxParameters: { InitProcessEnabled: true }` on each container; in aws-cdk-lib pass `linuxParameters: new ' +
    'ecs.LinuxParameters(this, "Linux", { initProcessEnabled: true })` (HardenedContainer does this).',
  applicability: { os: ['linux'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {},
  enabledByDefault: true,

  evaluate(properties) {
    return evaluateLinuxParameters(properties, (container, linux): Outcome[] => {
      const { key, name } = container;
      const enabled = linux ? booleanValue(property(linux, 'InitProcessEnabled')) : undefined;
      if (isOpaque(enabled)) return [unresolvedOutcome(key, `InitProcessEnabled of container ${name}`, enabled, name)];
      if (enabled === true) return [pass(key, `Container ${name} runs with an init process.`, name)];
      return [fail(key, `Container ${name} does not enable the init process, so the application runs as PID 1.`, name)];
    });
  },
};
