import { App, CfnOutput, Stack, Validations } from 'aws-cdk-lib';
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
    expect(() => role._claimFor(b)).toThrow(
      'Svc/Exec: this execution role is already used by Svc/A and cannot also be used by Svc/B. Fix: create one HardenedExecutionRole '
      + 'per service, so each role holds only its own image, log group and secrets.',
    );
  });

  test('GuardDuty agent pull is opt-in, scoped to the GuardDuty repository name and recorded as an exemption', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    role.grantGuardDutyAgentPull({ reason: 'GuardDuty Runtime Monitoring is mandatory in this org (SEC-42)' });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Sid: 'GuardDutyRuntimeMonitoringAgentPull',
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

describe('HardenedExecutionRole properties', () => {
  const cfnRole = (role: HardenedExecutionRole) => role.role.node.defaultChild as iam.CfnRole;

  test('describes itself by construct path unless given a description; roleName and roleArn are the role\'s', () => {
    const s = stack();
    const generated = new HardenedExecutionRole(s, 'Exec');
    const named = new HardenedExecutionRole(s, 'Named', { roleName: 'reporting-execution', description: 'Execution role of reporting' });
    expect(cfnRole(generated).description).toBe('ECS task execution role of Svc/Exec (cdk-hardened-ecs)');
    expect(s.resolve(cfnRole(generated).roleName)).toBeUndefined();
    expect(cfnRole(named).description).toBe('Execution role of reporting');
    expect(cfnRole(named).roleName).toBe('reporting-execution');
    expect(s.resolve(generated.roleArn)).toEqual({ 'Fn::GetAtt': [s.getLogicalId(cfnRole(generated)), 'Arn'] });
  });

  test('the library\'s own wildcard statements (GetAuthorizationToken, GuardDuty agent) draw no warning and one AwsSolutions acknowledgment', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    role.grantImagePull(ecr.Repository.fromRepositoryName(s, 'Repo', 'payments'));
    role.grantImagePull(ecr.Repository.fromRepositoryName(s, 'Repo2', 'sidecar'));
    role.grantGuardDutyAgentPull({ reason: 'GuardDuty Runtime Monitoring is mandatory in this org (SEC-42)' });
    expect(role.node.validate()).toEqual([]);
    expect(role.node.metadata.filter(m => m.type === 'aws:cdk:warning')).toEqual([]);
    // The AwsSolutions wildcard finding is acknowledged once on the role, not once per grant.
    expect(role.node.metadata.filter(m => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map(m => Object.keys(m.data)))
      .toEqual([['Annotation::AwsSolutions-IAM5[Resource::*]']]);
  });
});

describe('HardenedExecutionRole cross-account secrets', () => {
  const SECRET_ARNS = ['arn:aws:secretsmanager:eu-west-1:222222222222:secret:shared/db-Xy12Zw', 'arn:aws:secretsmanager:eu-west-1:222222222222:secret:shared/api-Ab34Cd'];
  const KEY_ARN = 'arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab';

  function sharedSecret(s: Stack, id: string, arn: string, crossAccount = true): ContainerSecret {
    const secret = secretsmanager.Secret.fromSecretAttributes(s, id, {
      secretCompleteArn: arn,
      encryptionKey: kms.Key.fromKeyArn(s, `${id}Key`, KEY_ARN),
    });
    return ContainerSecret.fromSecretsManager(secret, crossAccount ? { crossAccount: { ownerAccount: '222222222222' } } : {});
  }

  const warningsOf = (role: HardenedExecutionRole) => role.node.metadata.filter(m => m.type === 'aws:cdk:warning').map(m => m.data);

  test('each secret gets one numbered pair of outputs for the owner account, however often it is granted', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    const db = sharedSecret(s, 'Db', SECRET_ARNS[0]);
    role.grantSecretRead(db);
    role.grantSecretRead(db);
    role.grantSecretRead(sharedSecret(s, 'Api', SECRET_ARNS[1]));
    const outputs = role.node.children.filter((c): c is CfnOutput => c instanceof CfnOutput);
    expect(outputs.map(o => [o.node.id, o.description])).toEqual([
      ['CrossAccountSecret1ResourcePolicyStatement', `Add this statement to the resource policy of secret ${SECRET_ARNS[0]} in account 222222222222`],
      ['CrossAccountSecret1KeyPolicyStatement',
        `Add this statement to the key policy of the KMS key that encrypts secret ${SECRET_ARNS[0]} in account 222222222222`],
      ['CrossAccountSecret2ResourcePolicyStatement', `Add this statement to the resource policy of secret ${SECRET_ARNS[1]} in account 222222222222`],
      ['CrossAccountSecret2KeyPolicyStatement',
        `Add this statement to the key policy of the KMS key that encrypts secret ${SECRET_ARNS[1]} in account 222222222222`],
    ]);
    const values = outputs.map(o => JSON.stringify(s.resolve(o.value)));
    expect(values[0]).toContain('\\"Sid\\":\\"AllowEcsExecutionRoleToReadSecret\\"');
    expect(values[1]).toContain('\\"Sid\\":\\"AllowEcsExecutionRoleToDecryptSecret\\"');
    // A generated name is only known after deployment: the outputs carry the role's ARN attribute.
    for (const v of values) expect(v).toContain(`{"Fn::GetAtt":["${s.getLogicalId(role.role.node.defaultChild as iam.CfnRole)}","Arn"]}`);
    expect(warningsOf(role)).toEqual([
      'The secret owner account must name this execution role in its policies, but the role name is generated, so its ARN is only '
        + 'known after the first deployment (and changes if the role is replaced). Set roleName on the HardenedExecutionRole so the owner '
        + 'account can add the statements before the first deployment. [ack: cdk-hardened-ecs:cross-account-role-name]',
    ]);
  });

  test('with a fixed roleName, the outputs name the role by its predictable ARN and nothing is warned', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec', { roleName: 'reporting-execution' });
    role.grantSecretRead(sharedSecret(s, 'Db', SECRET_ARNS[0]));
    const output = role.node.findChild('CrossAccountSecret1ResourcePolicyStatement') as CfnOutput;
    expect(JSON.stringify(s.resolve(output.value))).toContain('"arn:",{"Ref":"AWS::Partition"},":iam::111111111111:role/reporting-execution\\"');
    expect(warningsOf(role)).toEqual([]);
  });

  test('a secret whose account cannot be compared at synth is granted with a warning of its own id', () => {
    const s = envAgnosticStack();
    const role = new HardenedExecutionRole(s, 'Exec');
    role.grantSecretRead(sharedSecret(s, 'Db', SECRET_ARNS[0], false));
    expect(warningsOf(role)).toEqual([expect.stringMatching(/^The secret Svc\/Db is in account 222222222222, .*\[ack: cdk-hardened-ecs:secret-account-unverified\]$/)]);
    expect(role.node.children.filter(c => c instanceof CfnOutput)).toEqual([]);
  });
});
