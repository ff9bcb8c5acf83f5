import * as fc from 'fast-check';
import { shuffleKeys } from './arbitraries';
import { ALL_RULES, findRule } from '../../lib/checks/catalogue';
import { checkModel } from '../../lib/checks/engine';
import { TemplateModel } from '../../lib/checks/model/template-model';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);
const DIGEST = 'sha256:' + 'c'.repeat(64);

/** A hardened task definition: every enabled task-definition rule passes on it. */
function hardenedTemplate(names: string[], uid: number, env: Array<{ Name: string; Value: string }>): Record<string, any> {
  return {
    Resources: {
      LogKey: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, KeyPolicy: { Statement: [] } } },
      LogGroup: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': ['LogKey', 'Arn'] } } },
      TaskRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] } } },
      ExecutionRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] } } },
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Family: 'app',
          RequiresCompatibilities: ['FARGATE'],
          NetworkMode: 'awsvpc',
          RuntimePlatform: { OperatingSystemFamily: 'LINUX' },
          Cpu: '256',
          Memory: '512',
          TaskRoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] },
          ExecutionRoleArn: { 'Fn::GetAtt': ['ExecutionRole', 'Arn'] },
          ContainerDefinitions: names.map((name) => ({
            Name: name,
            Image: `111111111111.dkr.ecr.eu-west-1.amazonaws.com/${name}@${DIGEST}`,
            Essential: true,
            User: `${uid}:${uid}`,
            Privileged: false,
            ReadonlyRootFilesystem: true,
            Memory: 256,
            Environment: env,
            HealthCheck: { Command: ['CMD', '/bin/healthcheck'] },
            LinuxParameters: { Capabilities: { Drop: ['ALL'] }, InitProcessEnabled: true },
            LogConfiguration: {
              LogDriver: 'awslogs',
              Options: { 'awslogs-group': { Ref: 'LogGroup' }, 'awslogs-region': { Ref: 'AWS::Region' }, 'awslogs-stream-prefix': name, 'mode': 'non-blocking' },
            },
          })),
        },
      },
    },
  };
}

type Mutation = { rule: string; describe: string; apply: (task: Record<string, any>, container: Record<string, any>) => void };

/** One security-relevant change each, and the rule that must catch it. */
const MUTATIONS: Mutation[] = [
  { rule: 'TD-01', describe: 'privileged', apply: (_t, c) => { c.Privileged = true; } },
  { rule: 'TD-01', describe: 'privileged as a string', apply: (_t, c) => { c.Privileged = 'true'; } },
  { rule: 'TD-02', describe: 'writable root filesystem', apply: (_t, c) => { c.ReadonlyRootFilesystem = false; } },
  { rule: 'TD-02', describe: 'read-only flag removed', apply: (_t, c) => { delete c.ReadonlyRootFilesystem; } },
  { rule: 'TD-03', describe: 'root user', apply: (_t, c) => { c.User = 'root'; } },
  { rule: 'TD-03', describe: 'uid 0', apply: (_t, c) => { c.User = '0:0'; } },
  { rule: 'TD-03', describe: 'user removed', apply: (_t, c) => { delete c.User; } },
  { rule: 'TD-06', describe: 'host network', apply: (t) => { t.NetworkMode = 'host'; } },
  { rule: 'TD-08', describe: 'host pid', apply: (t) => { t.PidMode = 'host'; } },
  { rule: 'TD-09', describe: 'host ipc', apply: (t) => { t.IpcMode = 'host'; } },
  { rule: 'TD-10', describe: 'logging off', apply: (_t, c) => { c.LogConfiguration = { LogDriver: 'none' }; } },
  { rule: 'TD-10', describe: 'logging removed', apply: (_t, c) => { delete c.LogConfiguration; } },
  { rule: 'TD-14', describe: 'AWS secret key name', apply: (_t, c) => { c.Environment = [...c.Environment, { Name: 'aws_secret_access_key', Value: 'x' }]; } },
  { rule: 'TD-15', describe: 'access key value under a harmless name', apply: (_t, c) => { c.Environment = [...c.Environment, { Name: 'CONFIG', Value: 'AKIAIOSFODNN7EXAMPLE' }]; } },
  { rule: 'TD-15', describe: 'password value', apply: (_t, c) => { c.Environment = [...c.Environment, { Name: 'DB_PASSWORD', Value: 'hunter2' }]; } },
  { rule: 'TD-17', describe: 'EFS without transit encryption', apply: (t) => { t.Volumes = [{ Name: 'data', EFSVolumeConfiguration: { FilesystemId: 'fs-1' } }]; } },
  { rule: 'TD-18', describe: 'one role for both jobs', apply: (t) => { t.ExecutionRoleArn = t.TaskRoleArn; } },
  { rule: 'TD-20', describe: 'SYS_ADMIN added', apply: (_t, c) => { c.LinuxParameters.Capabilities.Add = ['SYS_ADMIN']; } },
  { rule: 'TD-22', describe: 'host device', apply: (_t, c) => { c.LinuxParameters.Devices = [{ HostPath: '/dev/mem' }]; } },
  { rule: 'TD-23', describe: 'seccomp unconfined', apply: (_t, c) => { c.DockerSecurityOptions = ['seccomp:unconfined']; } },
  { rule: 'TD-25', describe: 'latest tag', apply: (_t, c) => { c.Image = 'nginx:latest'; } },
];

const benignEnv = fc.array(
  fc.record({ Name: fc.constantFrom('LOG_LEVEL', 'PORT', 'TOKEN_TTL_SECONDS', 'MAX_PASSWORD_LENGTH', 'REGION'), Value: fc.constantFrom('debug', '8080', '300', '64', 'eu-west-1') }),
  { maxLength: 3 },
);
const containerNames = fc.uniqueArray(fc.constantFrom('web', 'api', 'worker', 'proxy', 'agent'), { minLength: 1, maxLength: 3 });

function taskDefinitionFindings(template: object) {
  const rules = ALL_RULES.filter((r) => r.enabledByDefault && r.resourceTypes.includes('AWS::ECS::TaskDefinition'));
  return checkModel(new TemplateModel(template), rules).findings.filter((f) => f.resource.logicalId === 'TaskDefinition');
}

describe('a hardened task definition mutated in one security-relevant property (fast-check)', () => {
  test('every responsible rule exists in the catalogue', () => {
    expect(MUTATIONS.map((m) => m.rule).filter((id) => !findRule(id))).toEqual([]);
  });

  test('the hardened base passes every enabled task-definition rule', () => {
    fc.assert(
      fc.property(containerNames, fc.integer({ min: 1, max: 65534 }), benignEnv, (names, uid, env) => {
        expect(taskDefinitionFindings(hardenedTemplate(names, uid, env)).map((f) => `${f.ruleId} ${f.key}: ${f.message}`)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  test('each mutation is caught by the rule responsible for it, on the mutated container', () => {
    fc.assert(
      fc.property(
        containerNames, fc.integer({ min: 1, max: 65534 }), benignEnv, fc.constantFrom(...MUTATIONS), fc.nat(), fc.integer({ min: 1, max: 10_000 }),
        (names, uid, env, mutation, pick, seed) => {
          const template = hardenedTemplate(names, uid, env);
          const task = template.Resources.TaskDefinition.Properties;
          const container = task.ContainerDefinitions[pick % names.length];
          mutation.apply(task, container);
          const failed = taskDefinitionFindings(shuffleKeys(template, seed) as object).filter((f) => f.status === 'fail' && f.ruleId === mutation.rule);
          expect({ mutation: mutation.describe, caught: failed.length > 0 }).toEqual({ mutation: mutation.describe, caught: true });
          const keyed = failed.filter((f) => f.key.startsWith('Container::'));
          if (keyed.length > 0) expect(keyed.map((f) => f.key)).toContain(`Container::${container.Name}`);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});
