import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
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
});
