import { evaluateContainers } from '../../../model/ecs-containers';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { booleanValue, property } from '../../../model/values';
import { Rule, fail, pass } from '../../../rule';
import { frameworksOf } from '../control-tower-ecs-mappings';

/** TD-01: no container runs privileged. */
export const noPrivileged: Rule = {
  id: 'TD-01',
  name: 'no-privileged',
  title: 'Containers do not run privileged',
  severity: 'high',
  rationale:
    'A privileged container gets every capability and access to all host devices: a compromise of the application is a ' +
    'compromise of the host and of every other task on it. Fargate and Windows reject the flag, but a template that sets ' +
    'it is still reported, because the same definition may be registered for EC2. The string "false" is accepted, as ' +
    'CloudFormation accepts it (Control Tower CT.ECS.PR.11 wrongly fails it).',
  fix:
    'Remove `Privileged` from the container definition or set `Privileged: false`; in aws-cdk-lib leave ' +
    '`privileged` unset on `addContainer`. Grant specific capabilities through `LinuxParameters.Capabilities` instead.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {
    securityHub: ['ECS.4'],
    controlTower: ['CT.ECS.PR.11'],
    configRules: ['ecs-containers-nonprivileged'],
    ...frameworksOf('CT.ECS.PR.11'),
    related: ['Prowler ecs_task_definitions_containers_privileged', 'CKV_AWS_334 (Terraform)'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    return evaluateContainers(properties, (container) => {
      const privileged = booleanValue(property(container.definition, 'Privileged'));
      if (isOpaque(privileged)) {
        return [unresolvedOutcome(container.key, `Privileged of container ${container.name}`, privileged, container.name)];
      }
      if (privileged === true) return [fail(container.key, `Container ${container.name} runs privileged.`, container.name)];
      return [pass(container.key, `Container ${container.name} is not privileged.`, container.name)];
    });
  },
};
