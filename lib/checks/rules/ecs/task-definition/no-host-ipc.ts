import { outcomeUnlessOs, runsOnlyOn, taskPlatform } from '../../../model/ecs-platform';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { property, stringValue } from '../../../model/values';
import { Rule, fail, notApplicable, pass } from '../../../rule';

/** TD-09: containers do not share the host's IPC namespace. */
export const noHostIpc: Rule = {
  id: 'TD-09',
  name: 'no-host-ipc',
  title: 'Task definition does not share the host IPC namespace',
  severity: 'high',
  rationale:
    'With `IpcMode: host` containers share System V IPC objects and POSIX shared memory with the instance and with every ' +
    'other host-IPC container, so they can read or corrupt other workloads\' shared memory. No source control checks it. ' +
    'IpcMode exists only on Linux EC2 and EXTERNAL; on Windows, and on Fargate when the property is absent, the rule does ' +
    'not apply.',
  fix:
    'Remove `IpcMode` or set `IpcMode: task` (or `none`) on the AWS::ECS::TaskDefinition; in aws-cdk-lib leave `ipcMode` ' +
    'unset or use `ecs.IpcMode.TASK`.',
  applicability: { os: ['linux'], launchTypes: ['EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {},
  enabledByDefault: true,

  evaluate(properties) {
    const platform = taskPlatform(properties);
    const notLinux = outcomeUnlessOs(platform, 'linux');
    if (notLinux) return [notLinux];
    const raw = property(properties, 'IpcMode');
    if (raw === undefined && runsOnlyOn(platform, 'FARGATE')) return [notApplicable('', 'Fargate does not support IpcMode.')];
    const mode = stringValue(raw);
    if (isOpaque(mode)) return [unresolvedOutcome('', 'IpcMode', mode)];
    if (mode?.toLowerCase() === 'host') return [fail('', 'IpcMode is host: containers share IPC objects and shared memory with the instance.')];
    return [pass('', `IpcMode is ${mode ?? 'not set (the Docker daemon default, private)'}.`)];
  },
};
