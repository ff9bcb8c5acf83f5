import { describeLaunchTypes, runsOn, taskPlatform } from '../../../model/ecs-platform';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { property } from '../../../model/values';
import { Rule, fail, pass } from '../../../rule';

/** TD-19: EC2 and EXTERNAL tasks have their own task role instead of falling back to the instance role. */
export const taskRoleOnEc2: Rule = {
  id: 'TD-19',
  name: 'task-role-on-ec2',
  title: 'EC2 and EXTERNAL task definitions set a task role',
  severity: 'medium',
  rationale:
    'On EC2 and ECS Anywhere, a task without `TaskRoleArn` gets no task credentials, so AWS SDKs in the container fall ' +
    'back to the instance profile through the metadata service: every task on the host then acts with the instance ' +
    'role. Fargate (and Managed Instances) tasks have no instance role to fall back to, so a missing task role passes there.',
  fix:
    'Set `TaskRoleArn` to a role for this application (least privilege) and block container access to instance metadata ' +
    '(`ECS_AWSVPC_BLOCK_IMDS` / hop limit 1); in aws-cdk-lib pass `taskRole` (CDK creates one by default).',
  applicability: { os: ['linux', 'windows'], launchTypes: ['EC2', 'EXTERNAL'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: { related: ['KICS 7f384a5f'] },
  enabledByDefault: true,

  evaluate(properties) {
    if (property(properties, 'TaskRoleArn') !== undefined) return [pass('', 'The task definition sets a task role.')];
    const platform = taskPlatform(properties);
    if (isOpaque(platform.launchTypes)) return [unresolvedOutcome('', 'RequiresCompatibilities', platform.launchTypes)];
    if (!runsOn(platform, 'EC2') && !runsOn(platform, 'EXTERNAL')) {
      return [pass('', `No task role, but the task runs only on ${describeLaunchTypes(platform)}, where there is no instance role to fall back to.`)];
    }
    return [fail('', `No TaskRoleArn on a task that can run on ${describeLaunchTypes(platform)}: containers fall back to the instance role.`)];
  },
};
