import { readFileSync } from 'fs';
import * as path from 'path';
import { taskDefinitionBody, taskDefinitionLabel, taskDefinitionProblem, taskDefinitionTemplate } from '../../../lib/checks/input/ecs-task-definition';

const describeOutput = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'describe-task-definition.json'), 'utf8'));

function onlyResource(value: unknown): { logicalId: string; type: unknown; properties: any } {
  const resources = taskDefinitionTemplate(value).Resources!;
  const [logicalId] = Object.keys(resources);
  expect(Object.keys(resources)).toHaveLength(1);
  return { logicalId, type: resources[logicalId].Type, properties: resources[logicalId].Properties };
}

describe('ECS task definition JSON to CloudFormation', () => {
  test('describe-task-definition output becomes one AWS::ECS::TaskDefinition named by its family', () => {
    const { logicalId, type } = onlyResource(describeOutput);
    expect(logicalId).toBe('web-app');
    expect(type).toBe('AWS::ECS::TaskDefinition');
    expect(taskDefinitionLabel(taskDefinitionBody(describeOutput)!)).toBe('web-app:7');
  });

  test('keys are PascalCase, API-only fields are dropped, roles stay literal ARNs', () => {
    const { properties } = onlyResource(describeOutput);
    expect(properties).toMatchObject({
      Family: 'web-app',
      TaskRoleArn: 'arn:aws:iam::123456789012:role/web-app-task',
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/web-app-execution',
      NetworkMode: 'awsvpc',
      RequiresCompatibilities: ['FARGATE'],
      Cpu: '512',
      RuntimePlatform: { OperatingSystemFamily: 'LINUX', CpuArchitecture: 'ARM64' },
    });
    for (const apiOnly of ['TaskDefinitionArn', 'Revision', 'Status', 'Compatibilities', 'RequiresAttributes', 'RegisteredAt', 'RegisteredBy']) {
      expect(properties).not.toHaveProperty(apiOnly);
    }
  });

  test('container fields map per the catalogue, free-form maps keep their keys', () => {
    const container = onlyResource(describeOutput).properties.ContainerDefinitions[0];
    expect(container).toMatchObject({
      Name: 'web',
      User: '1000:1000',
      ReadonlyRootFilesystem: true,
      Privileged: false,
      Memory: 512,
      Environment: [{ Name: 'LOG_LEVEL', Value: 'info' }],
      Secrets: [{ Name: 'DB_PASSWORD', ValueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf' }],
      LinuxParameters: { Capabilities: { Add: [], Drop: ['ALL'] }, InitProcessEnabled: true },
      MountPoints: [{ SourceVolume: 'data', ContainerPath: '/data', ReadOnly: true }],
      DockerLabels: { 'com.example.team': 'payments', 'camelCase': 'kept' },
    });
    expect(container.LogConfiguration).toEqual({
      LogDriver: 'awslogs',
      Options: { 'awslogs-group': '/ecs/web-app', 'awslogs-region': 'eu-west-1', 'mode': 'non-blocking' },
      SecretOptions: [{ Name: 'apiKey', ValueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/key' }],
    });
  });

  test('volume and proxy exceptions: EFSVolumeConfiguration, IAM, FSxWindowsFileServerVolumeConfiguration, ProxyConfigurationProperties', () => {
    const { properties } = onlyResource(describeOutput);
    expect(properties.Volumes[0]).toEqual({
      Name: 'data',
      EFSVolumeConfiguration: { FileSystemId: 'fs-12345678', TransitEncryption: 'ENABLED', AuthorizationConfig: { AccessPointId: 'fsap-1234', IAM: 'ENABLED' } },
    });
    expect(properties.Volumes[1].FSxWindowsFileServerVolumeConfiguration).toEqual({
      FileSystemId: 'fs-0123',
      RootDirectory: 'share',
      AuthorizationConfig: { CredentialsParameter: 'arn:aws:ssm:x', Domain: 'corp' },
    });
    expect(properties.ProxyConfiguration).toEqual({ Type: 'APPMESH', ContainerName: 'envoy', ProxyConfigurationProperties: [{ Name: 'AppPorts', Value: '8080' }] });
  });

  test('tags from the describe output land on the resource', () => {
    expect(onlyResource(describeOutput).properties.Tags).toEqual([{ Key: 'team', Value: 'payments' }]);
  });

  test('the bare object and the register-task-definition shape give the same properties', () => {
    const bare = describeOutput.taskDefinition;
    const register = { ...bare, tags: describeOutput.tags };
    delete register.taskDefinitionArn;
    delete register.revision;
    expect(onlyResource(register).properties).toEqual(onlyResource(describeOutput).properties);
    expect(onlyResource(bare).properties).toEqual({ ...onlyResource(describeOutput).properties, Tags: undefined });
    expect(taskDefinitionLabel(register)).toBe('web-app');
  });

  test('without a family the label falls back to the ARN, then to TaskDefinition', () => {
    expect(taskDefinitionLabel({ taskDefinitionArn: 'arn:aws:ecs:r:1:task-definition/api:3', containerDefinitions: [] })).toBe('api:3');
    expect(taskDefinitionLabel({ containerDefinitions: [] })).toBe('TaskDefinition');
  });

  test('shapes that are not task definitions, and broken containerDefinitions', () => {
    expect(taskDefinitionBody({ Resources: {} })).toBeUndefined();
    expect(taskDefinitionBody([1])).toBeUndefined();
    expect(taskDefinitionProblem({ containerDefinitions: 'x' })).toBe(
      'ECS task definition whose containerDefinitions is a string; expected a list of container definitions',
    );
    expect(taskDefinitionProblem({ containerDefinitions: [{}, 3] })).toBe('ECS task definition whose containerDefinitions[1] is a number; expected an object');
    expect(taskDefinitionProblem({ containerDefinitions: [] })).toBeUndefined();
  });

  test.each([
    ['null', null],
    ['a string', 'containerDefinitions'],
    ['a number', 7],
  ])('%s is not a task definition', (_, value) => {
    expect(taskDefinitionBody(value)).toBeUndefined();
  });

  test('the body is the taskDefinition member when it has containerDefinitions, else the value itself', () => {
    const inner = { family: 'inner', containerDefinitions: [] };
    expect(taskDefinitionBody({ taskDefinition: inner, tags: [] })).toBe(inner);
    const outer = { taskDefinition: { family: 'no-containers' }, containerDefinitions: [] };
    expect(taskDefinitionBody(outer)).toBe(outer);
    expect(taskDefinitionBody({ taskDefinition: { family: 'no-containers' } })).toBeUndefined();
    expect(taskDefinitionBody({ taskDefinition: 'x', family: 'web' })).toBeUndefined();
  });

  test.each([
    ['null', null, 'null'],
    ['an object', {}, 'an object'],
    ['a number', 5, 'a number'],
    ['a boolean', true, 'a boolean'],
  ])('containerDefinitions as %s names that type', (_, containers, described) => {
    expect(taskDefinitionProblem({ containerDefinitions: containers })).toBe(
      `ECS task definition whose containerDefinitions is ${described}; expected a list of container definitions`,
    );
  });

  test.each([
    ['null', null, 'null'],
    ['a list', [], 'a list'],
    ['a string', 'web', 'a string'],
  ])('the first container that is %s is named by its index, including index 0', (_, container, described) => {
    expect(taskDefinitionProblem({ containerDefinitions: [container, {}] })).toBe(
      `ECS task definition whose containerDefinitions[0] is ${described}; expected an object`,
    );
  });

  test('the label: family and a numeric or string revision; other revisions and empty or non-string families are not used', () => {
    expect(taskDefinitionLabel({ family: 'web', revision: 7 })).toBe('web:7');
    expect(taskDefinitionLabel({ family: 'web', revision: '8' })).toBe('web:8');
    expect(taskDefinitionLabel({ family: 'web', revision: true })).toBe('web');
    expect(taskDefinitionLabel({ family: 'web' })).toBe('web');
    expect(taskDefinitionLabel({ family: '', revision: 3, taskDefinitionArn: 'arn:aws:ecs:eu-west-1:1:task-definition/api:3' })).toBe('api:3');
    expect(taskDefinitionLabel({ family: 5, revision: 3 })).toBe('TaskDefinition');
  });

  test('an ARN that is not a string, or names no task definition, gives the TaskDefinition label', () => {
    expect(taskDefinitionLabel({ taskDefinitionArn: ['arn:aws:ecs:eu-west-1:1:task-definition/api:3'] })).toBe('TaskDefinition');
    expect(taskDefinitionLabel({ taskDefinitionArn: 'arn:aws:ecs:eu-west-1:1:cluster/main' })).toBe('TaskDefinition');
  });

  test('the logical id is the label without its :revision', () => {
    const resources = taskDefinitionTemplate({ taskDefinitionArn: 'arn:aws:ecs:eu-west-1:1:task-definition/api:12', containerDefinitions: [] }).Resources!;
    expect(Object.keys(resources)).toEqual(['api']);
  });

  test('a value that is not a task definition cannot become a template', () => {
    expect(() => taskDefinitionTemplate({ family: 'web' })).toThrow(new Error('not an ECS task definition'));
  });

  test('top-level tags are used only when they are a non-empty list and the task definition has no tags of its own', () => {
    const body = { family: 'web', containerDefinitions: [] };
    expect(onlyResource({ taskDefinition: body, tags: [] }).properties).not.toHaveProperty('Tags');
    expect(onlyResource({ taskDefinition: body, tags: 'team=payments' }).properties).not.toHaveProperty('Tags');
    expect(onlyResource({ taskDefinition: body }).properties).not.toHaveProperty('Tags');
    expect(onlyResource(body).properties).not.toHaveProperty('Tags');
    const tagged = { ...body, tags: [{ key: 'owner', value: 'inner' }] };
    expect(onlyResource({ taskDefinition: tagged, tags: [{ key: 'owner', value: 'outer' }] }).properties.Tags).toEqual([{ Key: 'owner', Value: 'inner' }]);
  });

  test('null fields and null container fields stay null', () => {
    const { properties } = onlyResource({ family: 'web', cpu: null, containerDefinitions: [{ name: 'app', memory: null, dockerLabels: null }] });
    expect(properties).toEqual({ Family: 'web', Cpu: null, ContainerDefinitions: [{ Name: 'app', Memory: null, DockerLabels: null }] });
  });
});
