import { evaluateContainers } from '../../../model/ecs-containers';
import { outcomeUnlessOs, taskPlatform } from '../../../model/ecs-platform';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { booleanValue, property } from '../../../model/values';
import { Rule, fail, pass } from '../../../rule';
import { frameworksOf } from '../control-tower-ecs-mappings';

/** TD-02: every container, sidecars included, has a read-only root file system. */
export const readonlyRootFs: Rule = {
  id: 'TD-02',
  name: 'readonly-root-fs',
  title: 'Containers have a read-only root file system',
  severity: 'high',
  rationale:
    'A writable root file system lets an attacker who gets code execution drop tools, modify binaries and persist across ' +
    'process restarts. ECS defaults to writable when `ReadonlyRootFilesystem` is absent, so absent fails. Sidecars count: ' +
    'a log router or proxy is as exploitable as the application. The string "true" is accepted (CloudFormation accepts ' +
    'it; Control Tower CT.ECS.PR.6 wrongly fails it). Windows containers do not support the setting, so the rule does ' +
    'not apply to them. ECS Exec needs writable mounts for its agent paths.',
  fix:
    'Set `ReadonlyRootFilesystem: true` on every container definition and mount writable paths (temp, cache) as volumes ' +
    'or tmpfs; in aws-cdk-lib set `readonlyRootFilesystem: true` on `addContainer` (HardenedFargateService does this and ' +
    'adds a tmp volume). The template is what is judged, so `addPropertyOverride` fixes count.',
  applicability: { os: ['linux'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {
    securityHub: ['ECS.5'],
    controlTower: ['CT.ECS.PR.6'],
    configRules: ['ecs-containers-readonly-access'],
    ...frameworksOf('CT.ECS.PR.6'),
    related: ['Prowler ecs_task_definitions_containers_readonly_access', 'CKV_AWS_336 (Terraform)'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    const notLinux = outcomeUnlessOs(taskPlatform(properties), 'linux');
    if (notLinux) return [notLinux];
    return evaluateContainers(properties, (container) => {
      const readonly = booleanValue(property(container.definition, 'ReadonlyRootFilesystem'));
      if (isOpaque(readonly)) return [unresolvedOutcome(container.key, `ReadonlyRootFilesystem of container ${container.name}`, readonly, container.name)];
      if (readonly === true) return [pass(container.key, `Container ${container.name} has a read-only root file system.`, container.name)];
      const why = readonly === undefined ? 'does not set ReadonlyRootFilesystem, so its root file system is writable' : 'sets ReadonlyRootFilesystem to false';
      return [fail(container.key, `Container ${container.name} ${why}.`, container.name)];
    });
  },
};
