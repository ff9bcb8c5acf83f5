import { CfnResource, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';

/**
 * The CloudFormation rendering (PascalCase, tokens resolved to intrinsics) of one container, as
 * it will appear in the template, including escape-hatch overrides on the task definition.
 * Only valid during synthesis (validation), when every lazy value can be produced.
 */
export function renderedContainerDefinition(container: ecs.ContainerDefinition): Record<string, unknown> {
  const cfnTaskDefinition = container.taskDefinition.node.defaultChild as ecs.CfnTaskDefinition;
  const stack = Stack.of(container);
  const definitions = (hasNoOverrides(cfnTaskDefinition)
    ? renderedContainerDefinitions(cfnTaskDefinition, stack)
    : renderedResourceProperties(cfnTaskDefinition, stack).ContainerDefinitions ?? []) as Array<Record<string, unknown>>;
  const definition = definitions.find((d) => d.Name === container.containerName);
  if (!definition) {
    throw new Error(`${container.node.path}: container '${container.containerName}' is missing from the rendered task definition.`);
  }
  return definition;
}

/**
 * The whole resource as synthesis renders it: `_toCloudFormation` is the only rendering that
 * applies escape-hatch overrides (addPropertyOverride, addPropertyDeletionOverride).
 */
function renderedResourceProperties(cfnTaskDefinition: CfnResource, stack: Stack): { ContainerDefinitions?: unknown[] } {
  const rendered = stack.resolve(cfnTaskDefinition._toCloudFormation()) as Record<string, Record<string, unknown>>;
  const resource = Object.values(rendered.Resources ?? {})[0] as { Properties?: { ContainerDefinitions?: unknown[] } } | undefined;
  return resource?.Properties ?? {};
}

/**
 * Only the `ContainerDefinitions` property, rendered the way synthesis renders every property
 * (resolve, then the resource's own camelCase-to-CloudFormation conversion): the same result as
 * the whole resource when nothing overrides it, for a fraction of the resolution work.
 */
function renderedContainerDefinitions(cfnTaskDefinition: ecs.CfnTaskDefinition, stack: Stack): unknown[] {
  const resolved = stack.resolve({ containerDefinitions: cfnTaskDefinition.containerDefinitions }) as Record<string, unknown>;
  const rendered = (cfnTaskDefinition as unknown as PropertyRenderer).renderProperties(resolved);
  return (rendered.ContainerDefinitions ?? []) as unknown[];
}

/** `CfnResource.renderProperties`: protected API for resource subclasses, which synthesis calls on resolved properties. */
interface PropertyRenderer {
  renderProperties(props: Record<string, unknown>): Record<string, unknown>;
}

/**
 * True only when the task definition certainly carries no escape-hatch override. aws-cdk-lib keeps
 * overrides in a private field: if that field is not where it is expected (a future version), the
 * answer is false and the caller takes the full rendering, which is always correct.
 */
function hasNoOverrides(cfnTaskDefinition: CfnResource): boolean {
  const overrides = (cfnTaskDefinition as unknown as { rawOverrides?: unknown }).rawOverrides;
  return overrides !== null && typeof overrides === 'object' && Object.keys(overrides).length === 0;
}
