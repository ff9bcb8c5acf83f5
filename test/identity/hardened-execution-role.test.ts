import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { ExecutionRoleTrust } from '../../lib/identity/execution-role-trust';
import { HardenedExecutionRole } from '../../lib/identity/hardened-execution-role';
import { ContainerSecret } from '../../lib/secrets/container-secret';

const ENV = { account: '111111111111', region: 'eu-west-1' };

function stack(): Stack {
  return new Stack(new App(), 'Svc', { env: ENV });
}

function envAgnosticStack(): Stack {
  return new Stack(new App(), 'Svc');
}

/** All statements of all AWS::IAM::Policy resources in the template. */
function allStatements(template: Template): any[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
}

function allActions(template: Template): string[] {
  return allStatements(template).flatMap(s => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

describe('HardenedExecutionRole trust', () => {
  test('defaults to the documented trust: ecs-tasks without conditions', () => {
    const s = stack();
    new HardenedExecutionRole(s, 'Exec');
    Template.fromStack(s).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Condition: Match.absent() }],
      },
      ManagedPolicyArns: Match.absent(),
    });
  });

  test('SOURCE_ACCOUNT_AND_ARN adds both confused-deputy conditions with the stack account and region', () => {
    const s = stack();
    new HardenedExecutionRole(s, 'Exec', { trustConditions: ExecutionRoleTrust.SOURCE_ACCOUNT_AND_ARN });
    Template.fromStack(s).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Principal: { Service: 'ecs-tasks.amazonaws.com' },
          Condition: {
            StringEquals: { 'aws:SourceAccount': '111111111111' },
            ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecs:eu-west-1:111111111111:*']] } },
          },
        }],
      },
    });
  });

  test('SOURCE_ACCOUNT adds only aws:SourceAccount', () => {
    const s = stack();
    new HardenedExecutionRole(s, 'Exec', { trustConditions: ExecutionRoleTrust.SOURCE_ACCOUNT });
    Template.fromStack(s).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{ Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' }, ArnLike: Match.absent() } }],
      },
    });
  });

  test('environment-agnostic stacks use pseudo parameters', () => {
    const s = envAgnosticStack();
    new HardenedExecutionRole(s, 'Exec', { trustConditions: ExecutionRoleTrust.SOURCE_ACCOUNT_AND_ARN });
    Template.fromStack(s).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Condition: {
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            ArnLike: {
              'aws:SourceArn': {
                'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':*']],
              },
            },
          },
        }],
      },
    });
  });
});

describe('HardenedExecutionRole grants', () => {
  test('image pull: pull actions on the repository only, GetAuthorizationToken is the single *', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    role.grantImagePull(ecr.Repository.fromRepositoryName(s, 'Repo', 'payments'));
    role.grantImagePull(ecr.Repository.fromRepositoryName(s, 'Repo2', 'sidecar'));
    const t = Template.fromStack(s);
    const statements = allStatements(t);
    expect(statements.filter(st => st.Resource === '*')).toEqual([
      { Sid: 'EcrGetAuthorizationTokenHasNoResourceScope', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
    ]);
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecr:eu-west-1:111111111111:repository/payments']] },
        })]),
      },
    });
  });

  test('log delivery: CreateLogStream/PutLogEvents on the log group only', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    role.grantLogDelivery(new logs.LogGroup(s, 'Logs'));
    const statements = allStatements(Template.fromStack(s));
    expect(statements).toEqual([{
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/^Logs/), 'Arn'] },
    }]);
  });

  test('attaching AmazonECSTaskExecutionRolePolicy fails synth with the fix', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    role.role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonECSTaskExecutionRolePolicy'));
    expect(() => Template.fromStack(s)).toThrow(
      /\[Svc\/Exec\] managed policy .*AmazonECSTaskExecutionRolePolicy.* is attached to the execution role; its statements cannot be checked at synth\. Fix: use the grant\* methods of HardenedExecutionRole/,
    );
  });

  test('a statement added directly to the execution role is checked with the shared rules', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    role.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['logs:*'], resources: ['*'] }));
    expect(() => Template.fromStack(s)).toThrow(
      /\[Svc\/Exec\] statement #0 of Svc\/Exec\/Resource\/DefaultPolicy\/Resource \(Allow Action \["logs:\*"\] on Resource \["\*"\]\) is not allowed on an execution role\..*\[IAM-05\].*remove this statement from Svc\/Exec/s,
    );
  });

  test('an execution role cannot be claimed by two consumers', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    const a = new ecs.FargateTaskDefinition(s, 'A');
    const b = new ecs.FargateTaskDefinition(s, 'B');
    expect(role._claimFor(a)).toBe(role._claimFor(a));
    expect(() => role._claimFor(b)).toThrow(/Svc\/Exec: this execution role is already used by Svc\/A .*Svc\/B.*Fix: create one HardenedExecutionRole per service/s);
  });

  test('GuardDuty agent pull is opt-in, scoped to the GuardDuty repository name and recorded as an exemption', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    role.grantGuardDutyAgentPull({ reason: 'GuardDuty Runtime Monitoring is mandatory in this org (SEC-42)' });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecr:eu-west-1:*:repository/aws-guardduty-agent-fargate']] },
        })]),
      },
    });
    t.hasResource('AWS::IAM::Role', {
      Metadata: Match.objectLike({
        'cdk-hardened-ecs:exemptions': [{ option: 'grantGuardDutyAgentPull', rule: 'IAM-13', reason: 'GuardDuty Runtime Monitoring is mandatory in this org (SEC-42)' }],
      }),
    });
  });

  test('GuardDuty agent pull without a real reason fails with the fix', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    expect(() => role.grantGuardDutyAgentPull({ reason: 'x' })).toThrow(/Svc\/Exec\/Resource\/Resource: the exemption 'grantGuardDutyAgentPull' needs a reason/);
  });
});

describe('HardenedExecutionRole with aws-cdk-lib task definitions', () => {
  /** A task definition wired the stock aws-cdk-lib way: every grant goes through ecs.Secret / LogDrivers / ContainerImage. */
  function stockWiredTask(s: Stack, role: HardenedExecutionRole) {
    const td = new ecs.FargateTaskDefinition(s, 'Task', { executionRole: role._claimFor(s) });
    const key = new kms.Key(s, 'Key');
    const secret = new secretsmanager.Secret(s, 'Db', { encryptionKey: key });
    const param = ssm.StringParameter.fromSecureStringParameterAttributes(s, 'Param', { parameterName: '/app/token', encryptionKey: key });
    const repo = ecr.Repository.fromRepositoryName(s, 'Repo', 'payments');
    const logGroup = new logs.LogGroup(s, 'Logs');
    td.addContainer('web', {
      image: ecs.ContainerImage.fromEcrRepository(repo),
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web', logGroup }),
      secrets: {
        DB: ecs.Secret.fromSecretsManager(secret, 'password'),
        TOKEN: ecs.Secret.fromSsmParameter(param),
      },
    });
    return { secret, param, repo, logGroup };
  }

  test('the immutable view drops aws-cdk-lib identity grants, but stock ecs.Secret still edits a same-stack key policy', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    stockWiredTask(s, role);
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::IAM::Policy', 0);
    // This is why containers must use ContainerSecret._bind rather than ecs.Secret (see next test):
    // the KMS grant goes through a ViaServicePrincipal into the key policy, which the immutable view cannot stop.
    t.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { AWS: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Exec'), 'Arn'] } } })]) },
    });
  });

  test('ContainerSecret._bind leaves the key policy alone and grants with one identity statement per key', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    const td = new ecs.FargateTaskDefinition(s, 'Task', { executionRole: role._claimFor(s) });
    const key = new kms.Key(s, 'Key');
    const secret = new secretsmanager.Secret(s, 'Db', { encryptionKey: key });
    td.addContainer('web', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
      secrets: { DB: ContainerSecret.fromSecretsManager(secret, { field: 'password' })._bind(role) },
    });
    const t = Template.fromStack(s);
    expect(JSON.stringify(t.findResources('AWS::KMS::Key'))).not.toContain('Exec');
    expect(allStatements(t)).toEqual([
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { Ref: expect.stringMatching(/^Db/) } },
      {
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^Key/), 'Arn'] },
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
      },
    ]);
  });

  test('with the hardened grants: no DescribeSecret, only ssm:GetParameters, nothing on * but GetAuthorizationToken', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    const { secret, param, repo, logGroup } = stockWiredTask(s, role);
    role.grantImagePull(repo);
    role.grantLogDelivery(logGroup);
    role.grantSecretRead(ContainerSecret.fromSecretsManager(secret, { field: 'password' }));
    role.grantSecretRead(ContainerSecret.fromSsmParameter(param));
    const t = Template.fromStack(s);
    const actions = allActions(t);
    expect(actions).not.toContain('secretsmanager:DescribeSecret');
    expect(actions.filter(a => a.startsWith('ssm:'))).toEqual(['ssm:GetParameters']);
    expect(actions.filter(a => a.startsWith('secretsmanager:'))).toEqual(['secretsmanager:GetSecretValue']);
    expect(actions).toEqual(expect.arrayContaining(['kms:Decrypt', 'logs:CreateLogStream', 'logs:PutLogEvents', 'ecr:BatchGetImage']));
    expect(allStatements(t).filter(st => JSON.stringify(st.Resource).includes('"*"') || st.Resource === '*').map(st => st.Action))
      .toEqual(['ecr:GetAuthorizationToken']);
  });

  test('ContainerSecret._bind grants through the role and renders the ValueFrom ECS needs', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    const td = new ecs.FargateTaskDefinition(s, 'Task', { executionRole: role._claimFor(s) });
    const secret = secretsmanager.Secret.fromSecretCompleteArn(s, 'Api', 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/api-key-AbCdEf');
    td.addContainer('web', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
      secrets: { API_KEY: ContainerSecret.fromSecretsManager(secret, { field: 'key', versionStage: 'AWSPREVIOUS' })._bind(role) },
    });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({
        Secrets: [{ Name: 'API_KEY', ValueFrom: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/api-key-AbCdEf:key:AWSPREVIOUS:' }],
      })],
    });
    expect(allStatements(t)).toEqual([{
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      Resource: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/api-key-AbCdEf',
    }]);
  });
});
