import { describeLaunchTypes, runsOnlyOn, taskPlatform } from '../../../model/ecs-platform';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { property, stringValue } from '../../../model/values';
import { Rule, fail, notApplicable, pass } from '../../../rule';
import { frameworksOf } from '../control-tower-ecs-mappings';

/** TD-07: tasks get their own network interface (awsvpc), so security groups apply per task. */
export const awsvpc: Rule = {
  id: 'TD-07',
  name: 'awsvpc',
  title: 'Task definition uses awsvpc network mode',
  severity: 'medium',
  rationale:
    'Only `awsvpc` gives each task its own elastic network interface, security groups and VPC flow logs. `bridge` and ' +
    'Windows `default` (NAT) put every task on the instance\'s interface, so one security group covers all of them and ' +
    'containers can reach each other through the Docker bridge. A missing `NetworkMode` means bridge (Linux EC2) or ' +
    'NAT (Windows EC2) and fails. EXTERNAL-only task definitions cannot use awsvpc, so the rule does not apply to them.',
  fix:
    'Set `NetworkMode: awsvpc` on the AWS::ECS::TaskDefinition and give the service an `AwsvpcConfiguration`; in ' +
    'aws-cdk-lib use `networkMode: ecs.NetworkMode.AWS_VPC` on Ec2TaskDefinition (FargateTaskDefinition always uses it).',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {
    controlTower: ['CT.ECS.PR.4'],
    configRules: ['ecs-awsvpc-networking-enabled'],
    ...frameworksOf('CT.ECS.PR.4'),
    related: ['KICS 027a4b7a'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    const platform = taskPlatform(properties);
    if (runsOnlyOn(platform, 'EXTERNAL')) return [notApplicable('', 'EXTERNAL (ECS Anywhere) task definitions cannot use awsvpc.')];
    const mode = stringValue(property(properties, 'NetworkMode'));
    if (isOpaque(mode)) return [unresolvedOutcome('', 'NetworkMode', mode)];
    if (mode?.toLowerCase() === 'awsvpc') return [pass('', 'NetworkMode is awsvpc.')];
    if (isOpaque(platform.launchTypes)) return [unresolvedOutcome('', 'RequiresCompatibilities', platform.launchTypes)];
    const shown = mode ?? 'not set, which means bridge on Linux EC2 and NAT on Windows EC2';
    return [fail('', `NetworkMode is ${shown} (${describeLaunchTypes(platform)}); tasks share the instance's network interface and security groups.`)];
  },
};
