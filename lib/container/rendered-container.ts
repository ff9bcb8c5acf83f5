import { CfnResource, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';

/**
 * The CloudFormation rendering (PascalCase, tokens resolved to intrinsics) of one container, as
 * it will appear in the template, including escape-hatch overrides on the task definition.
 * Only valid during synthesis (validation), when every lazy value can be produced.
 */
export function renderedContainerDefinition(container: ecs.ContainerDefinition): Record<string, unknown> {
  const cfnTaskDefinition = container.taskDefinition.node.defaultChild as CfnResource;
  // `_toCloudFormation` is the only rendering that applies property overrides (addPropertyOverride).
  const rendered = Stack.of(container).resolve(cfnTaskDefinition._toCloudFormation()) as Record<string, Record<string, unknown>>;
  const resource = Object.values(rendered.Resources ?? {})[0] as { Properties?: { ContainerDefinitions?: unknown[] } } | undefined;
  const definitions = (resource?.Properties?.ContainerDefinitions ?? []) as Array<Record<string, unknown>>;
  const definition = definitions.find((d) => d.Name === container.containerName);
  if (!definition) {
    throw new Error(`${container.node.path}: container '${container.containerName}' is missing from the rendered task definition.`);
  }
  return definition;
}
