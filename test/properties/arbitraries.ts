import * as fc from 'fast-check';

/**
 * Generators of CloudFormation shapes for property-based tests: task definitions, roles and
 * policies with literals, intrinsics, missing properties, odd casing and garbage types.
 */

const PSEUDO = ['AWS::AccountId', 'AWS::Region', 'AWS::Partition', 'AWS::NoValue', 'AWS::StackName'];
const RESOURCE_IDS = ['TaskRole', 'ExecutionRole', 'LogGroup', 'Secret', 'Key', 'Missing'];

/** Any CloudFormation intrinsic, including references to things the template does not define. */
export const intrinsic: fc.Arbitrary<object> = fc.oneof(
  fc.constantFrom(...PSEUDO, ...RESOURCE_IDS, 'Param', 'NoEchoParam', 'ChoiceParam').map((id) => ({ Ref: id })),
  fc.tuple(fc.constantFrom(...RESOURCE_IDS), fc.constantFrom('Arn', 'Name', 'Value')).map(([r, a]) => ({ 'Fn::GetAtt': [r, a] })),
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constant({ Ref: 'AWS::Region' })), { maxLength: 4 })
    .map((parts) => ({ 'Fn::Join': ['', parts] })),
  fc.string({ maxLength: 12 }).map((s) => ({ 'Fn::Sub': `${s}\${AWS::AccountId}:\${Param}` })),
  fc.string({ minLength: 1, maxLength: 10 }).map((s) => ({ 'Fn::ImportValue': s })),
  fc.tuple(fc.constantFrom('IsProd', 'Other'), fc.boolean(), fc.boolean()).map(([c, a, b]) => ({ 'Fn::If': [c, a, b] })),
  fc.constant({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }),
  fc.constant({ 'Fn::Bogus': 1 }),
);

/** Values of the wrong type, to prove rules never crash on malformed templates. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null), fc.integer(), fc.string({ maxLength: 6 }), fc.constant([]), fc.constant({}), fc.constant([{ a: 1 }]),
);

/** A value that is usually well-typed, sometimes an intrinsic, rarely garbage. */
export function value<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: good }, { weight: 2, arbitrary: intrinsic }, { weight: 1, arbitrary: garbage });
}

const envName = fc.constantFrom('LOG_LEVEL', 'DB_PASSWORD', 'aws_secret_access_key', 'TOKEN_TTL_SECONDS', 'API_KEY', 'PORT', 'ECS_ENGINE_AUTH_DATA');
const envValue = fc.constantFrom('debug', 'hunter2', '300', 'AKIAABCDEFGHIJKLMNOP', 'https://example.com', '', '-----BEGIN PRIVATE KEY-----');

export const container: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    Name: fc.oneof(fc.constantFrom('web', 'sidecar', 'log-router'), intrinsic),
    Image: value(fc.constantFrom('nginx', 'nginx:latest', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@sha256:' + 'a'.repeat(64), 'mcr.microsoft.com/windows/servercore:ltsc2022')),
    User: value(fc.constantFrom('1000', '1000:1000', 'root', '0', '0:0', 'ROOT', 'app', 'ContainerAdministrator', 'ContainerUser')),
    Privileged: value(fc.constantFrom(true, false, 'true', 'false')),
    ReadonlyRootFilesystem: value(fc.constantFrom(true, false, 'true', 'false')),
    Memory: value(fc.constantFrom(512, '256', 2)),
    Essential: value(fc.boolean()),
    Environment: value(fc.array(fc.record({ Name: value(envName), Value: value(envValue) }, { requiredKeys: [] }), { maxLength: 3 })),
    Secrets: value(fc.array(fc.record({ Name: envName, ValueFrom: value(fc.constantFrom('arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf', 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:db', '/app/token')) }), { maxLength: 2 })),
    LogConfiguration: value(fc.record({ LogDriver: value(fc.constantFrom('awslogs', 'none', 'awsfirelens', 'splunk')), Options: value(fc.record({ 'awslogs-group': value(fc.constant('g')), 'mode': fc.constantFrom('blocking', 'non-blocking') }, { requiredKeys: [] })) }, { requiredKeys: [] })),
    LinuxParameters: value(fc.record({
      Capabilities: value(fc.record({ Add: value(fc.array(fc.constantFrom('SYS_ADMIN', 'NET_BIND_SERVICE', 'ALL', 'SYS_PTRACE'), { maxLength: 2 })), Drop: value(fc.constantFrom(['ALL'], [])) }, { requiredKeys: [] })),
      InitProcessEnabled: value(fc.boolean()),
      Devices: value(fc.array(fc.record({ HostPath: fc.constant('/dev/fuse') }), { maxLength: 1 })),
    }, { requiredKeys: [] })),
    DockerSecurityOptions: value(fc.array(fc.constantFrom('seccomp:unconfined', 'no-new-privileges'), { maxLength: 2 })),
    MountPoints: value(fc.array(fc.record({ SourceVolume: fc.constantFrom('data', 'host'), ContainerPath: fc.constant('/data'), ReadOnly: fc.boolean() }), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);

export const taskDefinition: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    Family: value(fc.constantFrom('app', 'worker')),
    RequiresCompatibilities: value(fc.subarray(['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'])),
    NetworkMode: value(fc.constantFrom('awsvpc', 'bridge', 'host', 'none')),
    PidMode: value(fc.constantFrom('task', 'host')),
    IpcMode: value(fc.constantFrom('task', 'host', 'none')),
    RuntimePlatform: value(fc.record({ OperatingSystemFamily: value(fc.constantFrom('LINUX', 'WINDOWS_SERVER_2022_CORE')) }, { requiredKeys: [] })),
    TaskRoleArn: value(fc.constantFrom({ 'Fn::GetAtt': ['TaskRole', 'Arn'] }, 'arn:aws:iam::111111111111:role/app')),
    ExecutionRoleArn: value(fc.constantFrom({ 'Fn::GetAtt': ['ExecutionRole', 'Arn'] }, { 'Fn::GetAtt': ['TaskRole', 'Arn'] })),
    Cpu: value(fc.constantFrom('256', '1024')),
    Memory: value(fc.constantFrom('512', '2048')),
    ContainerDefinitions: value(fc.array(container, { maxLength: 3 })),
    Volumes: value(fc.array(fc.record({
      Name: fc.constantFrom('data', 'host'),
      Host: value(fc.record({ SourcePath: value(fc.constantFrom('/', '/var/run/docker.sock', '/tmp/app')) }, { requiredKeys: [] })),
      EFSVolumeConfiguration: value(fc.record({ FilesystemId: fc.constant('fs-1'), TransitEncryption: value(fc.constantFrom('ENABLED', 'DISABLED')) }, { requiredKeys: [] })),
    }, { requiredKeys: ['Name'] }), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);

const action = fc.constantFrom('*', 's3:GetObject', 's3:*', 'iam:PassRole', 'iam:CreatePolicyVersion', 'kms:Decrypt', 'secretsmanager:GetSecretValue', 'ecs:RunTask', 'ecr-public:*', 'IAM:passrole');
const resource = fc.oneof(fc.constantFrom('*', 'arn:aws:s3:::bucket/*', 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/db-*'), intrinsic);

export const statement: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    Sid: fc.constantFrom('One', 'Two'),
    Effect: value(fc.constantFrom('Allow', 'Deny')),
    Action: value(fc.oneof(action, fc.array(action, { maxLength: 3 }))),
    NotAction: value(fc.oneof(action, fc.array(action, { maxLength: 2 }))),
    Resource: value(fc.oneof(resource, fc.array(resource, { maxLength: 3 }))),
    NotResource: value(resource),
    Principal: value(fc.oneof(fc.constant('*'), fc.constant({ Service: 'ecs-tasks.amazonaws.com' }), fc.constant({ AWS: '*' }), fc.constant({ AWS: 'arn:aws:iam::222222222222:root' }))),
    Condition: value(fc.oneof(
      fc.constant({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }),
      fc.constant({ StringEquals: { 'kms:ViaService': 'secretsmanager.*.amazonaws.com' } }),
      fc.constant({ ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:eu-west-1:111111111111:*' } }),
    )),
  },
  { requiredKeys: [] },
);

export const policyDocument: fc.Arbitrary<unknown> = value(fc.record({ Version: fc.constant('2012-10-17'), Statement: value(fc.oneof(statement, fc.array(statement, { maxLength: 3 }))) }, { requiredKeys: [] }));

/** A template holding a task definition, its roles, a policy, a log group, a key, a service and a cluster. */
export const template: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    task: taskDefinition,
    trust: policyDocument,
    policy: policyDocument,
    managed: value(fc.array(fc.constantFrom('arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy', 'arn:aws:iam::aws:policy/AdministratorAccess'), { maxLength: 2 })),
    retention: value(fc.constantFrom(1, 365, 3653)),
    publicIp: value(fc.constantFrom('ENABLED', 'DISABLED')),
    insights: value(fc.constantFrom('enabled', 'enhanced', 'disabled')),
    exec: value(fc.boolean()),
  })
  .map(({ task, trust, policy, managed, retention, publicIp, insights, exec }) => ({
    Parameters: {
      Param: { Type: 'String', Default: 'x' },
      NoEchoParam: { Type: 'String', NoEcho: true },
      ChoiceParam: { Type: 'String', AllowedValues: ['a', 'b'], Default: 'a' },
    },
    Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Param' }, 'prod'] }, Other: { 'Fn::Equals': ['a', 'b'] } },
    Resources: {
      TaskDefinition: { Type: 'AWS::ECS::TaskDefinition', Properties: task },
      TaskRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trust, ManagedPolicyArns: managed } },
      ExecutionRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trust } },
      Policy: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', PolicyDocument: policy, Roles: [{ Ref: 'TaskRole' }, { Ref: 'ExecutionRole' }] } },
      LogGroup: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: retention, KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } } },
      Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: policy, EnableKeyRotation: exec } },
      Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterSettings: [{ Name: 'containerInsights', Value: insights }] } },
      Service: {
        Type: 'AWS::ECS::Service',
        Properties: {
          Cluster: { Ref: 'Cluster' },
          TaskDefinition: { Ref: 'TaskDefinition' },
          EnableExecuteCommand: exec,
          LaunchType: 'FARGATE',
          NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: publicIp, Subnets: ['subnet-1'] } },
        },
      },
    },
  }));

/** Recursively reorders object keys with a seed-driven permutation (arrays keep their order: it is meaningful). */
export function shuffleKeys(input: unknown, seed: number): unknown {
  if (Array.isArray(input)) return input.map((v, i) => shuffleKeys(v, seed + i + 1));
  if (input === null || typeof input !== 'object') return input;
  const entries = Object.entries(input as Record<string, unknown>);
  let state = seed || 1;
  // A small linear congruential generator: reproducible for a given seed, no dependency.
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j], entries[i]];
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, seed + k.length)]));
}
