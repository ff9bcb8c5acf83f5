import { clusterOf } from './ecs-cluster-reference';
import { Opaque, displayValue, isOpaque } from './opaque';
import { ModelResource, TemplateModel } from './template-model';
import { listValue, property, recordValue, stringValue } from './values';
import { LaunchType } from '../rule';

/**
 * The launch types a service or task set can place tasks on, and how that was decided
 * (catalogue §1.1): the first of `LaunchType`, `CapacityProviderStrategy`, or the cluster's
 * default capacity provider strategy (AWS::ECS::ClusterCapacityProviderAssociations or the
 * cluster's own `DefaultCapacityProviderStrategy`). With none of them, ECS uses EC2.
 * Several launch types are possible with a mixed strategy; rules evaluate the strictest.
 */
export interface ServiceLaunch {
  /** Launch types the tasks may run on; empty when `unknown` is set. */
  readonly launchTypes: readonly LaunchType[];
  /** How the launch types were decided, for messages. */
  readonly basis: string;
  /** Set when the template does not determine the launch type. */
  readonly unknown?: string;
}

const FARGATE_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'];
const LAUNCH_TYPES: readonly LaunchType[] = ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'];

export function serviceLaunch(model: TemplateModel, properties: Record<string, unknown>): ServiceLaunch {
  const launchType = stringValue(property(properties, 'LaunchType'));
  if (isOpaque(launchType)) return unknown(`LaunchType is ${launchType.display}`, launchType);
  if (launchType !== undefined) {
    const upper = launchType.toUpperCase() as LaunchType;
    return LAUNCH_TYPES.includes(upper)
      ? { launchTypes: [upper], basis: `LaunchType is ${launchType}` }
      : unknown(`LaunchType '${launchType}' is not a known launch type`);
  }

  const strategy = property(properties, 'CapacityProviderStrategy');
  if (strategy !== undefined && !(Array.isArray(strategy) && strategy.length === 0)) {
    return fromStrategy(model, strategy, 'CapacityProviderStrategy');
  }

  const cluster = clusterOf(model, properties);
  if (!cluster.resource) return unknown(`no LaunchType or CapacityProviderStrategy, and the cluster default cannot be seen: ${cluster.description}`);
  const clusterDefault = defaultStrategyOf(model, cluster.resource);
  if (clusterDefault === undefined) {
    return { launchTypes: ['EC2'], basis: `no LaunchType, CapacityProviderStrategy or default strategy on ${cluster.description}, so ECS uses EC2` };
  }
  return fromStrategy(model, clusterDefault.strategy, `the default capacity provider strategy of ${cluster.description} (${clusterDefault.where})`);
}

/** The cluster's default strategy: from a ClusterCapacityProviderAssociations resource, else the cluster's own property. */
function defaultStrategyOf(model: TemplateModel, cluster: ModelResource): { strategy: unknown; where: string } | undefined {
  const clusterName = stringValue(property(model.properties(cluster), 'ClusterName'));
  const associations = model.resourcesOfType('AWS::ECS::ClusterCapacityProviderAssociations').filter((association) => {
    const target = property(model.properties(association), 'Cluster');
    if (model.resourceIdentifiedBy(target)?.logicalId === cluster.logicalId) return true;
    return typeof clusterName === 'string' && stringValue(target) === clusterName;
  });
  for (const association of associations) {
    const strategy = property(model.properties(association), 'DefaultCapacityProviderStrategy');
    if (strategy !== undefined && !(Array.isArray(strategy) && strategy.length === 0)) return { strategy, where: association.logicalId };
  }
  const own = property(model.properties(cluster), 'DefaultCapacityProviderStrategy');
  if (own !== undefined && !(Array.isArray(own) && own.length === 0)) return { strategy: own, where: 'DefaultCapacityProviderStrategy' };
  return undefined;
}

function fromStrategy(model: TemplateModel, strategy: unknown, where: string): ServiceLaunch {
  const items = listValue(strategy);
  if (isOpaque(items)) return unknown(`${where} is ${items.display}`, items);
  const launchTypes: LaunchType[] = [];
  const names: string[] = [];
  for (const item of items ?? []) {
    const record = recordValue(item);
    if (!record || isOpaque(record)) return unknown(`${where} has an entry ${displayValue(item)}`);
    const provider = property(record, 'CapacityProvider');
    const type = providerLaunchType(model, provider);
    if (isOpaque(type)) return unknown(`${where} names capacity provider ${type.display}`, type);
    names.push(displayValue(provider));
    if (!launchTypes.includes(type)) launchTypes.push(type);
  }
  if (launchTypes.length === 0) return unknown(`${where} is empty`);
  return { launchTypes, basis: `${where} uses ${names.join(', ')}` };
}

/** FARGATE/FARGATE_SPOT are Fargate; an in-template provider is Managed Instances or EC2 (Auto Scaling group); other names are EC2 providers of another stack. */
function providerLaunchType(model: TemplateModel, provider: unknown): LaunchType | Opaque {
  const resource = model.resourceIdentifiedBy(provider);
  if (resource?.type === 'AWS::ECS::CapacityProvider') {
    return property(model.properties(resource), 'ManagedInstancesProvider') !== undefined ? 'MANAGED_INSTANCES' : 'EC2';
  }
  const name = stringValue(provider);
  if (isOpaque(name)) return name;
  if (name === undefined) return new Opaque('unsupported', '(absent)', { reason: 'a strategy entry without CapacityProvider' });
  return FARGATE_PROVIDERS.includes(name.toUpperCase()) ? 'FARGATE' : 'EC2';
}

function unknown(what: string, value?: Opaque): ServiceLaunch {
  const reason = value?.details.reason ? ` (${value.details.reason})` : '';
  return { launchTypes: [], basis: what, unknown: `${what}${reason}` };
}
