import { Opaque, displayValue } from './opaque';
import { ModelResource, TemplateModel } from './template-model';
import { property, stringValue } from './values';

const CLUSTER_TYPE = 'AWS::ECS::Cluster';

/**
 * The cluster a service or task set runs in, as far as the template shows it.
 * - `resource`: an AWS::ECS::Cluster of this template (by `Ref`, `Fn::GetAtt` or its literal `ClusterName`);
 * - otherwise `description` says why it cannot be followed (imported, literal name of another stack, default cluster).
 */
export interface ClusterReference {
  readonly resource?: ModelResource;
  readonly description: string;
}

/** Follows the `Cluster` property of an AWS::ECS::Service or AWS::ECS::TaskSet. */
export function clusterOf(model: TemplateModel, properties: Record<string, unknown>): ClusterReference {
  const value = property(properties, 'Cluster');
  if (value === undefined) {
    return { description: "no Cluster is set, so the account's 'default' cluster is used, which is not in this template" };
  }
  const referenced = value instanceof Opaque ? model.resourceIdentifiedBy(value) : undefined;
  if (referenced?.type === CLUSTER_TYPE) return { resource: referenced, description: `cluster ${referenced.logicalId}` };
  if (referenced) return { description: `Cluster points at ${referenced.logicalId}, which is a ${referenced.type}, not an AWS::ECS::Cluster` };
  const name = stringValue(value);
  if (typeof name === 'string') {
    const byName = clusterNamed(model, name);
    if (byName) return { resource: byName, description: `cluster ${byName.logicalId}` };
    return { description: `cluster '${name}' is not defined in this template` };
  }
  const reason = name instanceof Opaque ? name.details.reason : undefined;
  return { description: `cluster ${displayValue(value)} is not defined in this template${reason ? ` (${reason})` : ''}` };
}

/** The in-template cluster whose literal name (or ARN ending in that name) is `name`. */
function clusterNamed(model: TemplateModel, name: string): ModelResource | undefined {
  const shortName = name.includes(':cluster/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  return model.resourcesOfType(CLUSTER_TYPE).find((cluster) => {
    const clusterName = stringValue(property(model.properties(cluster), 'ClusterName'));
    return typeof clusterName === 'string' && clusterName === shortName;
  });
}

/** Resources of `type` whose `propertyName` refers to the cluster (by reference or by its literal name). */
export function resourcesInCluster(model: TemplateModel, cluster: ModelResource, type: string, propertyName = 'Cluster'): ModelResource[] {
  const byReference = model
    .referencesTo(cluster.logicalId)
    .filter((ref) => ref.from.type === type && isUnder(ref.path, propertyName))
    .map((ref) => ref.from);
  const clusterName = stringValue(property(model.properties(cluster), 'ClusterName'));
  const byName =
    typeof clusterName === 'string'
      ? model.resourcesOfType(type).filter((r) => stringValue(property(model.properties(r), propertyName)) === clusterName)
      : [];
  return [...new Set([...byReference, ...byName])];
}

function isUnder(path: string, propertyName: string): boolean {
  const lower = path.toLowerCase();
  const name = propertyName.toLowerCase();
  return lower === name || lower.startsWith(`${name}.`);
}
