import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { wildcardEvidence } from '../../../../lib/checks/rules/iam/wildcard-evidence';
import { describeRule } from '../harness';
import { ecsIamTemplate, joinArn, lambdaRoleWithPolicy, subArn } from './iam-fixtures';

const onTask = (statement: object) => ({ template: ecsIamTemplate({ taskStatements: [statement] }), logicalId: 'TaskRolePolicy' });

describeRule(wildcardEvidence, {
  passing: [
    {
      name: 'exact ARNs, GetAuthorizationToken on *, a log group stream suffix, a -?????? secret',
      template: ecsIamTemplate({
        executionStatements: [
          { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
          { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: subArn('logs', 'log-group:app:*') },
          { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: joinArn('secretsmanager', 'secret:app/db-??????') },
          { Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: { 'Fn::GetAtt': ['Repo', 'Arn'] } },
        ],
      }),
      logicalId: 'ExecRolePolicy',
    },
    {
      name: 'a queue named by Ref, X-Ray on * (an action IAM authorises only on *)',
      template: ecsIamTemplate({
        taskStatements: [
          { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { Ref: 'Queue' } },
          { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
        ],
      }),
      logicalId: 'TaskRolePolicy',
    },
    { name: 'cfn-signal on the stack itself (Ref AWS::StackId)', ...onTask({ Effect: 'Allow', Action: 'cloudformation:SignalResource', Resource: { Ref: 'AWS::StackId' } }) },
    {
      name: 'cdk: execution role for awslogs with a log group',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx'), logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'app', logGroup: new logs.LogGroup(stack, 'Logs') }) });
      },
    },
  ],
  failing: [
    { name: 'Resource * for a resource-level action', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }), key: 'Resource::*' },
    { name: 'wildcard action', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 's3:Get*', Resource: subArn('s3', 'b/k') }] }), key: 'Action::s3:Get*' },
    { name: 'flattened composite resource', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: joinArn('s3', 'b/*') }] }), key: 'Resource::arn:<AWS::Partition>:s3:<AWS::Region>:<AWS::AccountId>:b/*' },
    { name: 'NotAction is a finding, not a crash', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: subArn('s3', 'b') }] }), key: 'Action::NotAction:iam:*' },
    { name: 'NotResource is read', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::private/k' }] }), key: 'Resource::NotResource:arn:aws:s3:::private/k' },
    { name: 'NotAction on Resource * reports both', ...onTask({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), key: 'Resource::*' },
    {
      name: 'GetAuthorizationToken with a resource-level action on * (the exception needs every action to be *-only)',
      ...onTask({ Effect: 'Allow', Action: ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage'], Resource: '*' }),
      key: 'Resource::*',
    },
    {
      name: 'GetAuthorizationToken with an imported action on *',
      ...onTask({ Effect: 'Allow', Action: ['ecr:GetAuthorizationToken', { 'Fn::ImportValue': 'ExtraAction' }], Resource: '*' }),
      key: 'Resource::*',
    },
    {
      name: 'GetAuthorizationToken on repository/* (only a bare * is the documented exception)',
      ...onTask({ Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: 'arn:aws:ecr:eu-west-1:111111111111:repository/*' }),
      key: 'Resource::arn:aws:ecr:eu-west-1:111111111111:repository/*',
    },
    {
      name: 'seven ? after the secret name is not the -?????? suffix pattern',
      template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: subArn('secretsmanager', 'secret:app/db-???????') }] }),
      logicalId: 'ExecRolePolicy',
    },
    { name: 'peer bug #28: secret:app/db-*', template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: subArn('secretsmanager', 'secret:app/db-*') }] }), logicalId: 'ExecRolePolicy' },
    {
      name: 'cdk: ECS Exec adds nothing, a task-role grant on * does',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
      },
      key: 'Resource::*',
    },
  ],
  unresolvable: [
    { name: 'resource from Fn::ImportValue', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::ImportValue': 'BucketArn' } }] }), key: 'Resource::<ImportValue:BucketArn>' },
  ],
  notApplicable: [
    {
      name: 'policy of a role no task definition uses',
      template: ecsIamTemplate({ extraResources: lambdaRoleWithPolicy([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]) }),
      logicalId: 'LambdaRolePolicy',
    },
  ],
});
