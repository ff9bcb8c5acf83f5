import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { roleSeparation } from '../../../../lib/checks/rules/iam/role-separation';
import { describeRule } from '../harness';
import { ecsIamTemplate, joinArn, subArn } from './iam-fixtures';

/** ecsIamTemplate whose container logs through `logConfiguration`, with the log groups AppLogs and ExecLogs. */
function withContainerLogs(taskStatements: object[], logConfiguration: object): object {
  const t: any = ecsIamTemplate({ taskStatements, extraResources: { ExecLogs: { Type: 'AWS::Logs::LogGroup' }, AppLogs: { Type: 'AWS::Logs::LogGroup' } } });
  t.Resources.TaskDefinition.Properties.ContainerDefinitions[0].LogConfiguration = logConfiguration;
  return t;
}

const AWSLOGS_TO_APP_LOGS = { LogDriver: 'awslogs', Options: { 'awslogs-group': { Ref: 'AppLogs' }, 'awslogs-stream-prefix': 'app' } };

describeRule(roleSeparation, {
  passing: [
    {
      name: 'application grants on the task role, agent grants on the execution role',
      template: ecsIamTemplate({
        taskStatements: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: subArn('s3', 'b/*') }],
        executionStatements: [{ Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: { 'Fn::GetAtt': ['Repo', 'Arn'] } }, { Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: joinArn('logs', 'log-group:app:*') }],
      }),
    },
    {
      name: 'ECS Exec session logs: task role writes the exec log group, not the container group',
      template: ecsIamTemplate({
        taskStatements: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': ['ExecLogs', 'Arn'] } }],
        extraResources: { ExecLogs: { Type: 'AWS::Logs::LogGroup' }, AppLogs: { Type: 'AWS::Logs::LogGroup' } },
      }),
      logicalId: 'TaskRolePolicy',
    },
    {
      name: 'task role writes only the exec log group (GetAtt and a literal ARN) while the container logs to AppLogs',
      template: withContainerLogs(
        [{ Effect: 'Allow', Action: 'logs:CreateLogStream', Resource: [{ 'Fn::GetAtt': ['ExecLogs', 'Arn'] }, 'arn:aws:logs:eu-west-1:111111111111:log-group:/ecs/exec:*'] }],
        AWSLOGS_TO_APP_LOGS,
      ),
      logicalId: 'TaskRolePolicy',
    },
    {
      name: 'container logs through FireLens (no awslogs Options): task role writes the exec log group',
      template: withContainerLogs([{ Effect: 'Allow', Action: 'logs:CreateLogStream', Resource: { 'Fn::GetAtt': ['ExecLogs', 'Arn'] } }], { LogDriver: 'awsfirelens' }),
      logicalId: 'TaskRolePolicy',
    },
    {
      name: 'a Deny statement on the task role is a guardrail, not a grant',
      template: ecsIamTemplate({ taskStatements: [{ Effect: 'Deny', Action: 'ecr:*', Resource: '*' }] }),
      logicalId: 'TaskRolePolicy',
    },
    {
      name: 'a statement without Effect is invalid and left to IAM-04',
      template: ecsIamTemplate({ taskStatements: [{ Action: 'ecr:BatchGetImage', Resource: '*' }] }),
      logicalId: 'TaskRolePolicy',
    },
    {
      name: 'Effect from a parameter without a default: a statement that fits the role passes either way',
      template: ecsIamTemplate({
        parameters: { StatementEffect: { Type: 'String' } },
        taskStatements: [{ Effect: { Ref: 'StatementEffect' }, Action: 's3:GetObject', Resource: subArn('s3', 'b/*') }],
      }),
      logicalId: 'TaskRolePolicy',
    },
    {
      name: 'cdk: grants on the task role',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:eu-west-1:111111111111:q'] }));
      },
    },
  ],
  failing: [
    { name: 'task role can pull images', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'ecr:*', Resource: subArn('ecr', 'repository/app') }] }), key: 'Statement::0' },
    {
      name: 'task role writes the container awslogs group',
      template: (() => {
        const t: any = ecsIamTemplate({
          taskStatements: [{ Effect: 'Allow', Action: 'logs:CreateLogStream', Resource: { 'Fn::GetAtt': ['AppLogs', 'Arn'] } }],
          extraResources: { AppLogs: { Type: 'AWS::Logs::LogGroup' } },
        });
        t.Resources.TaskDefinition.Properties.ContainerDefinitions[0].LogConfiguration = { LogDriver: 'awslogs', Options: { 'awslogs-group': { Ref: 'AppLogs' } } };
        return t;
      })(),
      logicalId: 'TaskRolePolicy',
      key: 'Statement::0',
    },
    {
      name: 'inline Policies of the task role are judged too',
      template: ecsIamTemplate({
        taskRoleProperties: { Policies: [{ PolicyName: 'pull', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'ecr:GetDownloadUrlForLayer', Resource: '*' }] } }] },
      }),
      logicalId: 'TaskRole',
    },
    {
      name: 'task role writes the literal awslogs group of a container',
      template: (() => {
        const t: any = ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'logs:CreateLogStream', Resource: 'arn:aws:logs:eu-west-1:111111111111:log-group:/ecs/app:*' }] });
        t.Resources.TaskDefinition.Properties.ContainerDefinitions[0].LogConfiguration = { LogDriver: 'awslogs', Options: { 'awslogs-group': '/ecs/app' } };
        return t;
      })(),
      logicalId: 'TaskRolePolicy',
      key: 'Statement::0',
    },
    {
      name: 'one statement writes the exec log group and the container group (Fn::Sub over ${AppLogs})',
      template: withContainerLogs(
        [{
          Effect: 'Allow',
          Action: 'logs:CreateLogStream',
          Resource: [{ 'Fn::GetAtt': ['ExecLogs', 'Arn'] }, { 'Fn::Sub': 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${AppLogs}:*' }],
        }],
        AWSLOGS_TO_APP_LOGS,
      ),
      logicalId: 'TaskRolePolicy',
      key: 'Statement::0',
    },
    {
      name: 'task role creates log streams in every log group (Fn::Join)',
      template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: joinArn('logs', 'log-group:*') }] }),
      logicalId: 'TaskRolePolicy',
      key: 'Statement::0',
    },
    {
      name: 'task role creates log streams everywhere but one group (NotResource)',
      template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'logs:CreateLogStream', NotResource: subArn('logs', 'log-group:audit:*') }] }),
      logicalId: 'TaskRolePolicy',
      key: 'Statement::0',
    },
    {
      name: 'one task role shared by two task families can pull images: both families are named',
      template: (() => {
        const t: any = ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: '*' }] });
        t.Resources.WorkerTaskDefinition = { ...t.Resources.TaskDefinition, Properties: { ...t.Resources.TaskDefinition.Properties, Family: 'worker' } };
        return t;
      })(),
      logicalId: 'TaskRolePolicy',
      key: 'Statement::0',
    },
    {
      name: 'execution role with Allow + NotAction',
      template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }),
      logicalId: 'ExecRolePolicy',
      key: 'Statement::0',
    },
    { name: 'execution role reads application data', template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: joinArn('dynamodb', 'table/t') }] }), logicalId: 'ExecRolePolicy' },
    {
      name: 'cdk: application grant on obtainExecutionRole()',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.obtainExecutionRole().addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::b/*'] }));
      },
    },
  ],
  unresolvable: [
    { name: 'imported action on the execution role', template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: { 'Fn::ImportValue': 'A' }, Resource: subArn('s3', 'b') }] }), key: 'Statement::0' },
    {
      name: 'task role pulls images if its Effect (a parameter without a default) resolves to Allow',
      template: ecsIamTemplate({
        parameters: { StatementEffect: { Type: 'String' } },
        taskStatements: [{ Effect: { Ref: 'StatementEffect' }, Action: 'ecr:BatchGetImage', Resource: '*' }],
      }),
      logicalId: 'TaskRolePolicy',
      key: 'Statement::0',
    },
    {
      name: 'execution role policy document imported',
      template: (() => {
        const t: any = ecsIamTemplate({ executionStatements: [] });
        t.Resources.ExecRolePolicy.Properties.PolicyDocument = { 'Fn::ImportValue': 'ExecPolicyDocument' };
        return t;
      })(),
      logicalId: 'ExecRolePolicy',
    },
    {
      name: 'task role inline policy document from a custom resource',
      template: ecsIamTemplate({
        taskRoleProperties: { Policies: [{ PolicyName: 'app', PolicyDocument: { 'Fn::GetAtt': ['PolicyLookup', 'Document'] } }] },
        extraResources: { PolicyLookup: { Type: 'Custom::PolicyLookup', Properties: {} } },
      }),
      logicalId: 'TaskRole',
    },
    {
      name: 'task role action from a parameter without a default',
      template: ecsIamTemplate({ parameters: { TaskAction: { Type: 'String' } }, taskStatements: [{ Effect: 'Allow', Action: { Ref: 'TaskAction' }, Resource: '*' }] }),
      logicalId: 'TaskRolePolicy',
      key: 'Statement::0',
    },
  ],
  notApplicable: [
    {
      name: 'policies of a role no task definition uses, and of a role outside the template',
      template: {
        Resources: {
          FunctionRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } } },
          FunctionPolicy: {
            Type: 'AWS::IAM::Policy',
            Properties: { PolicyName: 'f', Roles: [{ Ref: 'FunctionRole' }], PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }] } },
          },
          ExternalPolicy: {
            Type: 'AWS::IAM::ManagedPolicy',
            Properties: { Roles: ['existing-role'], PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: '*' }] } },
          },
        },
      },
    },
  ],
});
