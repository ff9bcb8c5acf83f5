import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { renderedContainerDefinition } from '../../lib/container/rendered-container';

function taskWithTwoContainers() {
  const stack = new Stack(new App(), 'RenderStack');
  const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
  const web = taskDefinition.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx'), user: '101' });
  const proxy = taskDefinition.addContainer('proxy', { image: ecs.ContainerImage.fromRegistry('envoy'), memoryLimitMiB: 128 });
  return { taskDefinition, web, proxy };
}

describe('renderedContainerDefinition', () => {
  test('returns the CloudFormation rendering of the named container, escape-hatch overrides included', () => {
    const { taskDefinition, web, proxy } = taskWithTwoContainers();
    (taskDefinition.node.defaultChild as ecs.CfnTaskDefinition).addPropertyOverride('ContainerDefinitions.1.Privileged', true);
    expect(renderedContainerDefinition(web)).toEqual(expect.objectContaining({ Name: 'web', Image: 'nginx', User: '101', Essential: true }));
    expect(renderedContainerDefinition(web).Privileged).toBeUndefined();
    expect(renderedContainerDefinition(proxy)).toEqual(expect.objectContaining({ Name: 'proxy', Image: 'envoy', Memory: 128, Privileged: true }));
  });

  test.each([
    ['renamed', (cfn: ecs.CfnTaskDefinition) => cfn.addPropertyOverride('ContainerDefinitions.0.Name', 'renamed')],
    ['removed with all the others', (cfn: ecs.CfnTaskDefinition) => cfn.addPropertyDeletionOverride('ContainerDefinitions')],
  ])('a container %s by an escape hatch is reported with its path', (_how, escapeHatch) => {
    const { taskDefinition, web } = taskWithTwoContainers();
    escapeHatch(taskDefinition.node.defaultChild as ecs.CfnTaskDefinition);
    expect(() => renderedContainerDefinition(web))
      .toThrow("RenderStack/Task/web: container 'web' is missing from the rendered task definition.");
  });

  test('without overrides, equals the synthesized template\'s container definition, key order included', () => {
    const stack = new Stack(new App(), 'RichStack');
    const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
    const secret = new secretsmanager.Secret(stack, 'Secret');
    const linuxParameters = new ecs.LinuxParameters(stack, 'Linux', { initProcessEnabled: true });
    linuxParameters.dropCapabilities(ecs.Capability.ALL);
    linuxParameters.addTmpfs({ containerPath: '/tmp', size: 64 });
    const web = taskDefinition.addContainer('web', {
      image: ecs.ContainerImage.fromRegistry('nginx'),
      user: '101:101',
      readonlyRootFilesystem: true,
      environment: { MODE: 'prod', REGION: stack.region },
      secrets: { DB: ecs.Secret.fromSecretsManager(secret, 'password'), TOKEN: ecs.Secret.fromSecretsManager(secret) },
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web', mode: ecs.AwsLogDriverMode.NON_BLOCKING }),
      portMappings: [{ containerPort: 8080 }],
      healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1'], interval: Duration.seconds(30) },
      dockerLabels: { team: 'payments' },
      linuxParameters,
      stopTimeout: Duration.seconds(20),
    });
    web.addUlimits({ name: ecs.UlimitName.NOFILE, softLimit: 1024, hardLimit: 2048 });
    taskDefinition.addVolume({ name: 'scratch' });
    web.addMountPoints({ containerPath: '/scratch', sourceVolume: 'scratch', readOnly: false });
    const rendered = renderedContainerDefinition(web);
    const synthesized = Template.fromStack(stack).findResources('AWS::ECS::TaskDefinition');
    const [definition] = (Object.values(synthesized)[0] as { Properties: { ContainerDefinitions: unknown[] } }).Properties.ContainerDefinitions;
    expect(JSON.stringify(rendered)).toBe(JSON.stringify(definition));
  });

  test('a value assigned directly to the L1 property is what gets rendered', () => {
    const { taskDefinition, web } = taskWithTwoContainers();
    const cfn = taskDefinition.node.defaultChild as ecs.CfnTaskDefinition;
    cfn.containerDefinitions = [{ name: 'web', image: 'busybox', privileged: true }];
    expect(renderedContainerDefinition(web)).toEqual({ Name: 'web', Image: 'busybox', Privileged: true });
  });

  test('renders the whole resource only when it may carry overrides, or when aws-cdk-lib keeps them elsewhere', () => {
    const { taskDefinition, proxy } = taskWithTwoContainers();
    const cfn = taskDefinition.node.defaultChild as ecs.CfnTaskDefinition;
    const whole = jest.spyOn(cfn, '_toCloudFormation');
    renderedContainerDefinition(proxy);
    expect(whole).not.toHaveBeenCalled();

    cfn.addPropertyOverride('ContainerDefinitions.1.Privileged', true);
    expect(renderedContainerDefinition(proxy).Privileged).toBe(true);
    expect(whole).toHaveBeenCalledTimes(1);

    // A future aws-cdk-lib that renamed its private field: the unknown case takes the whole rendering.
    Object.defineProperty(cfn, 'rawOverrides', { value: undefined });
    whole.mockReturnValue({ Resources: { Task: { Properties: { ContainerDefinitions: [{ Name: 'proxy', Privileged: true }] } } } });
    expect(renderedContainerDefinition(proxy)).toEqual({ Name: 'proxy', Privileged: true });
    expect(whole).toHaveBeenCalledTimes(2);
    Object.defineProperty(cfn, 'rawOverrides', { value: null });
    expect(renderedContainerDefinition(proxy)).toEqual({ Name: 'proxy', Privileged: true });
    expect(whole).toHaveBeenCalledTimes(3);
  });
});
