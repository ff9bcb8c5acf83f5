import { publicIpOutcome } from './public-ip-outcome';
import { Rule } from '../../../rule';

/** SVC-02: a task set (external / CodeDeploy deployments) does not give its tasks public IP addresses. */
export const tasksetNoPublicIp: Rule = {
  id: 'SVC-02',
  name: 'taskset-no-public-ip',
  title: 'Task set does not assign public IP addresses to tasks',
  severity: 'high',
  rationale:
    'Task sets carry their own network configuration (blue/green and external deployments), so a service that passes ' +
    'SVC-01 can still launch publicly addressable tasks through a task set. CloudFormation spells the key ' +
    '`AwsVpcConfiguration` (capital V) on task sets; Control Tower CT.ECS.PR.9 does not cover task sets at all.',
  fix:
    'Set `NetworkConfiguration.AwsVpcConfiguration.AssignPublicIp: DISABLED` (or omit it) on the AWS::ECS::TaskSet and use ' +
    'private subnets; aws-cdk-lib has no L2 for task sets, so set it on ecs.CfnTaskSet.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskSet'],
  compliance: {
    securityHub: ['ECS.16'],
    configRules: ['ecs-taskset-assign-public-ip-disabled'],
    related: ['Prowler ecs_task_set_no_assign_public_ip'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    return [publicIpOutcome(properties, 'task set')];
  },
};
