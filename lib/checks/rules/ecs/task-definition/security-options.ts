import { evaluateContainers } from '../../../model/ecs-containers';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { listValue, property, stringValue } from '../../../model/values';
import { Outcome, Rule, fail, pass } from '../../../rule';

/** Options that switch off a kernel confinement layer; Docker accepts `:` or `=` as separator. */
const DISABLING_OPTIONS = ['apparmor:unconfined', 'seccomp:unconfined', 'label:disable', 'label:type:spc_t', 'systempaths:unconfined'];

/** TD-23: containers keep seccomp, AppArmor and SELinux confinement. */
export const securityOptions: Rule = {
  id: 'TD-23',
  name: 'security-options',
  title: 'Containers do not disable seccomp, AppArmor or SELinux',
  severity: 'medium',
  rationale:
    '`DockerSecurityOptions` such as `seccomp:unconfined`, `apparmor:unconfined` and `label:disable` (or the SELinux ' +
    'super-privileged type `spc_t`) remove kernel-level confinement that blocks most container escapes. They are only ' +
    'honoured on EC2 and EXTERNAL, but a template that sets them is reported wherever it runs.',
  fix:
    'Remove these entries from `DockerSecurityOptions` (keep `no-new-privileges` and credential specs); in aws-cdk-lib ' +
    'remove them from `dockerSecurityOptions`.',
  applicability: { os: ['linux'], launchTypes: ['EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {},
  enabledByDefault: true,

  evaluate(properties) {
    return evaluateContainers(properties, (container): Outcome[] => {
      const { key, name } = container;
      const options = listValue(property(container.definition, 'DockerSecurityOptions'));
      if (isOpaque(options)) return [unresolvedOutcome(key, `DockerSecurityOptions of container ${name}`, options, name)];
      const disabling: string[] = [];
      for (const item of options ?? []) {
        const option = stringValue(item);
        if (isOpaque(option)) return [unresolvedOutcome(key, `A security option of container ${name}`, option, name)];
        const normalised = (option ?? '').trim().toLowerCase().replace(/=/g, ':');
        if (DISABLING_OPTIONS.includes(normalised)) disabling.push(option!);
      }
      if (disabling.length > 0) return [fail(key, `Container ${name} disables confinement with ${disabling.join(', ')}.`, name)];
      return [pass(key, `Container ${name} keeps its kernel confinement.`, name)];
    });
  },
};
