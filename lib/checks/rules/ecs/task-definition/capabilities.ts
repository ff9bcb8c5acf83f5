import { evaluateLinuxParameters } from '../../../model/ecs-containers';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { listValue, property, recordValue, stringValue } from '../../../model/values';
import { Outcome, Rule, fail, pass } from '../../../rule';

/** Capabilities that amount to host or network control, or defeat file permission checks. */
const DANGEROUS = new Set([
  'ALL', 'SYS_ADMIN', 'NET_ADMIN', 'NET_RAW', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'SYS_BOOT',
  'DAC_READ_SEARCH', 'MAC_ADMIN', 'MAC_OVERRIDE', 'SYS_TIME', 'SETFCAP',
]);

/** TD-20: containers add no dangerous Linux capabilities. */
export const capabilities: Rule = {
  id: 'TD-20',
  name: 'capabilities',
  title: 'Containers add no dangerous Linux capabilities',
  severity: 'high',
  rationale:
    'Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE or SYS_MODULE give a container most of what `Privileged` ' +
    'gives: mounting file systems, reconfiguring or sniffing the network, tracing other processes, loading kernel ' +
    'modules. Control Tower CT.ECS.PR.11 checks only `Privileged` and passes them. Dropping ALL and adding back only what ' +
    'is needed is recommended. Linux only.',
  fix:
    'Remove these names from `LinuxParameters.Capabilities.Add` and set `Capabilities: { Drop: ["ALL"] }`; in aws-cdk-lib ' +
    'use `linuxParameters.dropCapabilities(ecs.Capability.ALL)` and do not call `addCapabilities` with them ' +
    '(HardenedContainer drops ALL).',
  applicability: { os: ['linux'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {},
  enabledByDefault: true,

  evaluate(properties) {
    return evaluateLinuxParameters(properties, (container, linux): Outcome[] => {
      const { key, name } = container;
      const caps = linux ? recordValue(property(linux, 'Capabilities')) : undefined;
      if (isOpaque(caps)) return [unresolvedOutcome(key, `Capabilities of container ${name}`, caps, name)];
      const added = caps ? listValue(property(caps, 'Add')) : undefined;
      if (isOpaque(added)) return [unresolvedOutcome(key, `Capabilities.Add of container ${name}`, added, name)];
      const dangerous: string[] = [];
      for (const item of added ?? []) {
        const capability = stringValue(item);
        if (isOpaque(capability)) return [unresolvedOutcome(key, `A capability added to container ${name}`, capability, name)];
        const normalised = (capability ?? '').trim().toUpperCase().replace(/^CAP_/, '');
        if (DANGEROUS.has(normalised)) dangerous.push(normalised);
      }
      if (dangerous.length > 0) return [fail(key, `Container ${name} adds ${dangerous.join(', ')}.`, name)];
      const dropped = caps ? listValue(property(caps, 'Drop')) : undefined;
      const dropsAll = Array.isArray(dropped) && dropped.some((d) => typeof d === 'string' && d.toUpperCase().replace(/^CAP_/, '') === 'ALL');
      return [pass(key, `Container ${name} adds no dangerous capabilities.${dropsAll ? '' : ' Consider Capabilities.Drop ["ALL"].'}`, name)];
    });
  },
};
