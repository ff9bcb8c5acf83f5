import { evaluateLinuxParameters } from '../../../model/ecs-containers';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { listValue, property, recordValue, stringValue } from '../../../model/values';
import { Outcome, Rule, fail, pass } from '../../../rule';

/** TD-22: containers get no host devices. */
export const noHostDevices: Rule = {
  id: 'TD-22',
  name: 'no-host-devices',
  title: 'Containers map no host devices',
  severity: 'high',
  rationale:
    '`LinuxParameters.Devices` exposes host device nodes (disks, /dev/mem, TTYs) inside the container; write access to a ' +
    'block device is root on the host. GPUs are requested through `ResourceRequirements`, which is fine. Linux only.',
  fix:
    'Remove `LinuxParameters.Devices`; request GPUs with `ResourceRequirements: [{ Type: GPU, Value }]`; in aws-cdk-lib ' +
    'do not call `linuxParameters.addDevices` and use `gpuCount`.',
  applicability: { os: ['linux'], launchTypes: ['EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {},
  enabledByDefault: true,

  evaluate(properties) {
    return evaluateLinuxParameters(properties, (container, linux): Outcome[] => {
      const { key, name } = container;
      const devices = linux ? listValue(property(linux, 'Devices')) : undefined;
      if (isOpaque(devices)) return [unresolvedOutcome(key, `Devices of container ${name}`, devices, name)];
      if (!devices || devices.length === 0) return [pass(key, `Container ${name} maps no host devices.`, name)];
      const paths = devices.map((device) => {
        const record = recordValue(device);
        const hostPath = record && !isOpaque(record) ? stringValue(property(record, 'HostPath')) : record;
        return isOpaque(hostPath) ? hostPath.display : hostPath ?? '(no HostPath)';
      });
      return [fail(key, `Container ${name} maps host devices: ${paths.join(', ')}.`, name)];
    });
  },
};
