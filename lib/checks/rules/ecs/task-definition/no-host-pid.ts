import { outcomeUnlessOs, taskPlatform } from '../../../model/ecs-platform';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { property, stringValue } from '../../../model/values';
import { Rule, fail, pass } from '../../../rule';
import { frameworksOf } from '../control-tower-ecs-mappings';

/** TD-08: containers do not share the host's process namespace. */
export const noHostPid: Rule = {
  id: 'TD-08',
  name: 'no-host-pid',
  title: 'Task definition does not share the host PID namespace',
  severity: 'high',
  rationale:
    'With `PidMode: host` containers see every process on the instance, can read their environment and command lines ' +
    '(credentials included) through /proc, and with enough capabilities can signal or trace them. `task` (shared between ' +
    'the task\'s own containers) is fine. Windows does not support PidMode, so the rule does not apply there.',
  fix:
    'Remove `PidMode` or set `PidMode: task` on the AWS::ECS::TaskDefinition; in aws-cdk-lib leave `pidMode` unset or use ' +
    '`ecs.PidMode.TASK`.',
  applicability: { os: ['linux'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {
    securityHub: ['ECS.3'],
    controlTower: ['CT.ECS.PR.10'],
    configRules: ['ecs-task-definition-pid-mode-check'],
    ...frameworksOf('CT.ECS.PR.10'),
    related: ['Prowler ecs_task_definitions_host_pid_mode', 'CKV_AWS_335 (Terraform)'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    const notLinux = outcomeUnlessOs(taskPlatform(properties), 'linux');
    if (notLinux) return [notLinux];
    const mode = stringValue(property(properties, 'PidMode'));
    if (isOpaque(mode)) return [unresolvedOutcome('', 'PidMode', mode)];
    if (mode?.toLowerCase() === 'host') return [fail('', 'PidMode is host: containers see and can inspect every process on the instance.')];
    return [pass('', `PidMode is ${mode ?? 'not set (a private namespace per container)'}.`)];
  },
};
