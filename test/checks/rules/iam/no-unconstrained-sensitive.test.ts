import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { noUnconstrainedSensitive } from '../../../../lib/checks/rules/iam/no-unconstrained-sensitive';
import { describeRule } from '../harness';
import { ecsIamTemplate, joinArn, subArn } from './iam-fixtures';

describeRule(noUnconstrainedSensitive, {
  passing: [
    {
      name: 'writes on Fn::Sub/Fn::Join ARNs, read-only and wildcard-only actions on *',
      template: ecsIamTemplate({
        taskStatements: [
          { Effect: 'Allow', Action: 's3:PutObject', Resource: subArn('s3', 'b/*') },
          { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: joinArn('sqs', 'q') },
          { Effect: 'Allow', Action: ['ec2:DescribeInstances', 'ecr:GetAuthorizationToken', 'ssmmessages:CreateControlChannel'], Resource: '*' },
        ],
      }),
      logicalId: 'TaskRolePolicy',
    },
    {
      name: 'write on * narrowed by a tag condition',
      template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/app': 'x' } } }] }),
      logicalId: 'TaskRolePolicy',
    },
    {
      name: 'cdk: ECS Exec task role',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['ssmmessages:CreateControlChannel', 'ssmmessages:OpenDataChannel'], resources: ['*'] }));
      },
    },
  ],
  failing: [
    { name: 'sts:AssumeRole on *', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] }), key: 'Statement::0' },
    { name: 's3:Get* on * (exfiltration via wildcard)', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }] }), key: 'Statement::0' },
    { name: 'logs:CreateLogStream on * on the execution role', template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }] }), logicalId: 'ExecRolePolicy' },
    {
      name: 'cdk: secretsmanager:GetSecretValue on *',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: ['*'] }));
      },
    },
  ],
  unresolvable: [
    { name: 'imported action on *', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: { 'Fn::ImportValue': 'A' }, Resource: '*' }] }), key: 'Statement::0' },
  ],
});
