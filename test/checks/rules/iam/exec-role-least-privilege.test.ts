import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { execRoleLeastPrivilege } from '../../../../lib/checks/rules/iam/exec-role-least-privilege';
import { describeRule } from '../harness';
import { ecsIamTemplate, joinArn, lambdaRoleWithPolicy, subArn } from './iam-fixtures';

const minimal = [
  { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
  { Effect: 'Allow', Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], Resource: { 'Fn::GetAtt': ['Repo', 'Arn'] } },
  { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: subArn('logs', 'log-group:app:*') },
  { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: joinArn('secretsmanager', 'secret:app/db-AbCdEf') },
];

/** One role used as both the task role and the execution role of the task definition. */
const sharedRole = (statements: object[]) => ecsIamTemplate({ executionStatements: statements, sharedRole: true });


const exec = (statement: object) => ecsIamTemplate({ executionStatements: [statement] });

describeRule(execRoleLeastPrivilege, {
  passing: [
    { name: 'minimal execution role', template: ecsIamTemplate({ executionStatements: minimal }), logicalId: 'ExecRolePolicy' },
    {
      name: 'customer managed policies (Ref, Fn::GetAtt) are judged on their own resource, not as AWS managed policies',
      template: ecsIamTemplate({
        executionRoleProperties: { ManagedPolicyArns: [{ Ref: 'PullPolicy' }, { 'Fn::GetAtt': ['LogsPolicy', 'PolicyArn'] }, 'arn:aws:iam::111111111111:policy/app-secrets'] },
      }),
      logicalId: 'ExecRole',
    },
    {
      name: 'parameter read with a literal parameter/ ARN, KMS decrypt on a key ARN',
      template: ecsIamTemplate({
        executionStatements: [
          { Effect: 'Allow', Action: 'ssm:GetParameters', Resource: 'arn:aws:ssm:eu-west-1:111111111111:parameter/app/db-url' },
          { Effect: 'Allow', Action: 'kms:Decrypt', Resource: joinArn('kms', 'key/1234abcd-12ab-34cd-56ef-1234567890ab') },
        ],
      }),
      logicalId: 'ExecRolePolicy',
    },
    {
      name: "secret read on the Ref of the template's secret (its complete ARN)",
      template: ecsIamTemplate({
        executionStatements: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { Ref: 'DbSecret' } }],
        extraResources: { DbSecret: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'app/db' } } },
      }),
      logicalId: 'ExecRolePolicy',
    },
    {
      name: 'cdk: execution role for awslogs on an owned log group',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Td').addContainer('app', {
        image: ecs.ContainerImage.fromRegistry('nginx'),
        logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'app', logGroup: new logs.LogGroup(stack, 'Logs') }),
      }),
    },
  ],
  failing: [
    {
      name: 'AmazonECSTaskExecutionRolePolicy attached (Fn::Join partition)',
      template: ecsIamTemplate({ executionRoleProperties: { ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy']] }] } }),
      logicalId: 'ExecRole',
      key: 'ManagedPolicy::service-role/AmazonECSTaskExecutionRolePolicy',
    },
    { name: 'logs on *', template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }] }), key: 'Statement::0' },
    { name: 'Allow + NotAction', template: exec({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), key: 'Statement::0' },
    { name: 'log actions with NotResource', template: exec({ Effect: 'Allow', Action: 'logs:PutLogEvents', NotResource: subArn('logs', 'log-group:audit:*') }), key: 'Statement::0' },
    {
      name: 'secret read on an SSM parameter ARN (wrong resource type, no wildcard)',
      template: exec({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: subArn('ssm', 'parameter/app/db') }),
      key: 'Statement::0',
    },
    {
      name: 'parameter* (every parameter, no slash) and key/* (every key)',
      template: ecsIamTemplate({
        executionStatements: [
          { Effect: 'Allow', Action: 'ssm:GetParameters', Resource: 'arn:aws:ssm:eu-west-1:111111111111:parameter*' },
          { Effect: 'Allow', Action: 'kms:Decrypt', Resource: joinArn('kms', 'key/*') },
        ],
      }),
      key: 'Statement::0',
    },
    { name: 'application permission s3:GetObject', template: ecsIamTemplate({ executionStatements: [...minimal, { Effect: 'Allow', Action: 's3:GetObject', Resource: subArn('s3', 'b/*') }] }), key: 'Statement::4' },
    {
      name: 'cdk: AmazonECSTaskExecutionRolePolicy added with addManagedPolicy',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.obtainExecutionRole().addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonECSTaskExecutionRolePolicy'));
      },
    },
  ],
  unresolvable: [
    { name: 'imported action', template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: { 'Fn::ImportValue': 'A' }, Resource: subArn('s3', 'x') }] }), key: 'Statement::0' },
    {
      name: 'image pull on a repository ARN imported from another stack',
      template: exec({ Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: { 'Fn::ImportValue': 'RepoArn' } }),
      key: 'Statement::0',
    },
    {
      name: 'managed policy ARN imported from another stack',
      template: ecsIamTemplate({ executionRoleProperties: { ManagedPolicyArns: [{ 'Fn::ImportValue': 'SharedPolicyArn' }] } }),
      logicalId: 'ExecRole',
      key: 'ManagedPolicy::<ImportValue:SharedPolicyArn>',
    },
    {
      name: 'ManagedPolicyArns from a CommaDelimitedList parameter without default',
      template: ecsIamTemplate({ parameters: { PolicyArns: { Type: 'CommaDelimitedList' } }, executionRoleProperties: { ManagedPolicyArns: { Ref: 'PolicyArns' } } }),
      logicalId: 'ExecRole',
      key: 'ManagedPolicy::<PolicyArns>',
    },
  ],
  notApplicable: [
    { name: 'task role policy', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }), logicalId: 'TaskRolePolicy' },
    {
      name: 'one role is both the task role and the execution role (TD-18 and IAM-16 judge it)',
      template: sharedRole([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
      logicalId: 'ExecRolePolicy',
    },
    {
      name: 'policy of a role no task definition uses',
      template: ecsIamTemplate({ extraResources: lambdaRoleWithPolicy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]) }),
      logicalId: 'LambdaRolePolicy',
    },
  ],
});
