import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { execRoleLeastPrivilege } from '../../../../lib/checks/rules/iam/exec-role-least-privilege';
import { describeRule } from '../harness';
import { ecsIamTemplate, joinArn, subArn } from './iam-fixtures';

const minimal = [
  { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
  { Effect: 'Allow', Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], Resource: { 'Fn::GetAtt': ['Repo', 'Arn'] } },
  { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: subArn('logs', 'log-group:app:*') },
  { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: joinArn('secretsmanager', 'secret:app/db-AbCdEf') },
];

describeRule(execRoleLeastPrivilege, {
  passing: [
    { name: 'minimal execution role', template: ecsIamTemplate({ executionStatements: minimal }), logicalId: 'ExecRolePolicy' },
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
  unresolvable: [{ name: 'imported action', template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: { 'Fn::ImportValue': 'A' }, Resource: subArn('s3', 'x') }] }), key: 'Statement::0' }],
  notApplicable: [{ name: 'task role policy', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }), logicalId: 'TaskRolePolicy' }],
});
