import { describeLaunchTypes, runsOn, taskPlatform } from '../../../model/ecs-platform';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { property, stringValue } from '../../../model/values';
import { Rule, fail, pass } from '../../../rule';

/** TD-06: the task does not share the host's network namespace. */
export const noHostNetwork: Rule = {
  id: 'TD-06',
  name: 'no-host-network',
  title: 'Task definition does not use host network mode',
  severity: 'high',
  rationale:
    'With `NetworkMode: host` every container shares the instance\'s network stack: it can bind any host port, reach ' +
    'services listening on localhost (including the ECS agent introspection API) and sniff traffic where capabilities ' +
    'allow, and security groups cannot tell tasks apart. EXTERNAL (ECS Anywhere) workloads sometimes need host ' +
    'networking; acknowledge those findings with a reason rather than turning the rule off.',
  fix:
    'Set `NetworkMode: awsvpc` on the AWS::ECS::TaskDefinition (or `bridge` on EC2 when awsvpc is impossible); in ' +
    'aws-cdk-lib use `networkMode: ecs.NetworkMode.AWS_VPC` (FargateTaskDefinition always does).',
  applicability: { os: ['linux', 'windows'], launchTypes: ['EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {
    securityHub: ['ECS.17'],
    configRules: ['ecs-task-definition-network-mode-not-host'],
    related: ['Prowler ecs_task_definitions_host_networking_mode_users'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    const mode = stringValue(property(properties, 'NetworkMode'));
    if (isOpaque(mode)) return [unresolvedOutcome('', 'NetworkMode', mode)];
    if (mode?.toLowerCase() === 'host') {
      const platform = taskPlatform(properties);
      const external = runsOn(platform, 'EXTERNAL') ? ' If this ECS Anywhere workload needs it, acknowledge the finding with a reason.' : '';
      return [fail('', `NetworkMode is host (${describeLaunchTypes(platform)}): containers share the instance network stack.${external}`)];
    }
    return [pass('', `NetworkMode is ${mode ?? 'not set (bridge on Linux EC2, NAT on Windows)'}.`)];
  },
};
