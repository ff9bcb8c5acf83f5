import { CfnTemplate } from '../model/template-model';

/**
 * Turns an ECS task definition as the API spells it (`aws ecs describe-task-definition`
 * output, the bare task definition, or `register-task-definition --cli-input-json`) into a
 * one-resource CloudFormation template, so the same rules judge it. Mapping: rule-catalogue §6.
 */

/** Fields the API returns about a registered revision; CloudFormation has no such properties. */
const API_ONLY_FIELDS = new Set([
  'taskDefinitionArn',
  'revision',
  'status',
  'compatibilities',
  'requiresAttributes',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
]);

/** API keys whose CloudFormation spelling is not just the first letter upper-cased. */
const IRREGULAR_KEYS: Readonly<Record<string, string>> = {
  efsVolumeConfiguration: 'EFSVolumeConfiguration',
  fsxWindowsFileServerVolumeConfiguration: 'FSxWindowsFileServerVolumeConfiguration',
  iam: 'IAM',
};

/** Keys renamed only under one parent (`proxyConfiguration.properties` is `ProxyConfigurationProperties`). */
const IRREGULAR_NESTED_KEYS: Readonly<Record<string, string>> = {
  'proxyConfiguration.properties': 'ProxyConfigurationProperties',
};

/** Objects whose keys are user data (log driver options, Docker labels), not API field names. */
const FREE_FORM_MAPS = new Set(['options', 'dockerLabels', 'driverOpts', 'labels']);

/** The task definition object inside any accepted shape, or undefined when the value is none of them. */
export function taskDefinitionBody(value: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) return undefined;
  if (isPlainObject(value.taskDefinition) && 'containerDefinitions' in value.taskDefinition) return value.taskDefinition;
  if ('containerDefinitions' in value) return value;
  return undefined;
}

/** Why a task definition body cannot be checked, or undefined when it can. */
export function taskDefinitionProblem(body: Record<string, unknown>): string | undefined {
  const containers = body.containerDefinitions;
  if (!Array.isArray(containers)) {
    return `ECS task definition whose containerDefinitions is ${describeType(containers)}; expected a list of container definitions`;
  }
  const bad = containers.findIndex((c) => !isPlainObject(c));
  if (bad >= 0) return `ECS task definition whose containerDefinitions[${bad}] is ${describeType(containers[bad])}; expected an object`;
  return undefined;
}

/** The label findings use for a task definition: `family:revision`, or what is known of it. */
export function taskDefinitionLabel(body: Record<string, unknown>): string {
  const family = typeof body.family === 'string' && body.family !== '' ? body.family : undefined;
  const revision = typeof body.revision === 'number' || typeof body.revision === 'string' ? String(body.revision) : undefined;
  if (family) return revision ? `${family}:${revision}` : family;
  const arn = typeof body.taskDefinitionArn === 'string' ? /task-definition\/(.+)$/.exec(body.taskDefinitionArn)?.[1] : undefined;
  return arn ?? 'TaskDefinition';
}

/**
 * Builds the template. The resource's logical id is the family (findings name it), and
 * `tags` from the describe output's top level are merged into the resource's `Tags`.
 */
export function taskDefinitionTemplate(value: unknown): CfnTemplate {
  const body = taskDefinitionBody(value);
  if (!body) throw new Error('not an ECS task definition');
  const properties: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(body)) {
    if (API_ONLY_FIELDS.has(key)) continue;
    properties[cloudFormationKey(key)] = toCloudFormation(field, key);
  }
  const outerTags = isPlainObject(value) && body !== value ? value.tags : undefined;
  if (Array.isArray(outerTags) && outerTags.length > 0 && properties.Tags === undefined) {
    properties.Tags = toCloudFormation(outerTags, 'tags');
  }
  const label = taskDefinitionLabel(body);
  const logicalId = label.replace(/:\d+$/, '');
  return { Resources: { [logicalId]: { Type: 'AWS::ECS::TaskDefinition', Properties: properties } } };
}

function toCloudFormation(value: unknown, parentKey: string): unknown {
  if (Array.isArray(value)) return value.map((item) => toCloudFormation(item, parentKey));
  if (!isPlainObject(value)) return value;
  if (FREE_FORM_MAPS.has(parentKey)) return { ...value };
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) result[cloudFormationKey(key, parentKey)] = toCloudFormation(field, key);
  return result;
}

function cloudFormationKey(key: string, parentKey?: string): string {
  return IRREGULAR_NESTED_KEYS[`${parentKey}.${key}`] ?? IRREGULAR_KEYS[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
