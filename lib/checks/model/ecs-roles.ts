import {
  PolicyStatement,
  PolicyValue,
  Tristate,
  coversAction,
  coversResource,
  flatten,
  hasNarrowingCondition,
  isOpaqueDocument,
  parseStatements,
} from './iam-policy';
import { ResourceMemo } from './model-memo';
import { Opaque } from './opaque';
import { ModelResource, TemplateModel } from './template-model';
import { property } from './values';

/**
 * Where the ECS roles of a template are, and which policies apply to them.
 *
 * A role is an ECS role when an `AWS::ECS::TaskDefinition` names it in `TaskRoleArn` (the
 * application's role) or `ExecutionRoleArn` (the agent's role: image pull, logs, secrets), by
 * `Ref`, `Fn::GetAtt [Role, Arn]`, a composite ARN containing the role, or a literal ARN whose
 * name matches the role's literal `RoleName`.
 */

/** How a task definition uses a role. */
export type EcsRoleKind = 'task' | 'execution';

/** One use of a role by a task definition. */
export interface EcsRoleUse {
  readonly taskDefinition: ModelResource;
  /** The task definition's `Family`, or its logical id when the family is not a literal. */
  readonly family: string;
  readonly kind: EcsRoleKind;
}

const TASK_ROLE_PROPERTY: Record<EcsRoleKind, string> = { task: 'TaskRoleArn', execution: 'ExecutionRoleArn' };

interface RoleIndex {
  readonly uses: Map<string, EcsRoleUse[]>;
}

const indexes = new WeakMap<TemplateModel, RoleIndex>();

function roleIndex(model: TemplateModel): RoleIndex {
  let index = indexes.get(model);
  if (!index) {
    const uses = new Map<string, EcsRoleUse[]>();
    for (const taskDefinition of model.resourcesOfType('AWS::ECS::TaskDefinition')) {
      const properties = model.properties(taskDefinition);
      const familyValue = property(properties, 'Family');
      const family = typeof familyValue === 'string' && familyValue ? familyValue : taskDefinition.logicalId;
      for (const kind of ['task', 'execution'] as const) {
        const role = roleIdentifiedBy(model, property(properties, TASK_ROLE_PROPERTY[kind]));
        if (!role) continue;
        const list = uses.get(role.logicalId) ?? [];
        list.push({ taskDefinition, family, kind });
        uses.set(role.logicalId, list);
      }
    }
    index = { uses };
    indexes.set(model, index);
  }
  return index;
}

/**
 * The `AWS::IAM::Role` of this template that a role reference (an ARN or a role name, as a
 * `Ref`, `Fn::GetAtt`, composite or literal) identifies, if any.
 */
export function roleIdentifiedBy(model: TemplateModel, value: unknown): ModelResource | undefined {
  const referenced = model.resourceIdentifiedBy(value);
  if (referenced) return referenced.type === 'AWS::IAM::Role' ? referenced : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  const name = value.startsWith('arn:') ? value.slice(value.lastIndexOf('/') + 1) : value;
  return model.resourcesOfType('AWS::IAM::Role').find((role) => property(model.properties(role), 'RoleName') === name);
}

/** Every task definition use of a role (empty when no task definition of the template uses it). */
export function ecsRoleUses(model: TemplateModel, role: ModelResource): EcsRoleUse[] {
  return roleIndex(model).uses.get(role.logicalId) ?? [];
}

/** The kinds of use of a role: `task`, `execution`, both, or none. */
export function ecsRoleKinds(model: TemplateModel, role: ModelResource): Set<EcsRoleKind> {
  return new Set(ecsRoleUses(model, role).map((u) => u.kind));
}

/** The role a task definition names as its task or execution role, when it is in this template. */
export function taskDefinitionRole(model: TemplateModel, taskDefinition: ModelResource, kind: EcsRoleKind): ModelResource | undefined {
  return roleIdentifiedBy(model, property(model.properties(taskDefinition), TASK_ROLE_PROPERTY[kind]));
}

/** Where a policy that applies to a role comes from. */
export type RolePolicySource = 'inline' | 'policy' | 'managed-policy' | 'aws-managed' | 'external-managed' | 'key-policy';

/** A policy that applies to a role. */
export interface RolePolicy {
  readonly source: RolePolicySource;
  /** The resource that holds the document: the role (inline, managed ARNs), the `AWS::IAM::Policy`/`ManagedPolicy`, or the `AWS::KMS::Key`. */
  readonly holder: ModelResource;
  /** Policy name, managed policy name (`service-role/AmazonECSTaskExecutionRolePolicy`) or flattened ARN. */
  readonly name: string;
  /**
   * The statements. For a KMS key policy: only the statements whose principal is the role
   * (their `Resource: "*"` means the key itself). Incomplete when `unknown` is set: empty, or a placeholder for an
   * unresolvable `Statement` that grants no action.
   */
  readonly statements: readonly PolicyStatement[];
  /** Set when the document's content is not visible to the checker (customer managed ARN from outside, opaque document). */
  readonly unknown?: Opaque;
}

/**
 * Every policy that applies to a role: inline `Policies`, `AWS::IAM::Policy` and
 * `AWS::IAM::ManagedPolicy` resources attached through `Roles`, `ManagedPolicyArns` (AWS managed
 * policies with known content are expanded), and the statements of in-template KMS key policies
 * that name the role as principal.
 */
export function policiesOfRole(model: TemplateModel, role: ModelResource): readonly RolePolicy[] {
  return rolePolicies.get(model, role, role, () => collectPoliciesOfRole(model, role));
}

const rolePolicies = new ResourceMemo<readonly RolePolicy[]>();

function collectPoliciesOfRole(model: TemplateModel, role: ModelResource): RolePolicy[] {
  const result: RolePolicy[] = [];
  const properties = model.properties(role);
  result.push(...inlinePolicies(role, properties));

  for (const arn of asList(property(properties, 'ManagedPolicyArns'))) result.push(managedPolicyByArn(model, role, arn));

  const seen = new Set<string>();
  for (const reference of model.referencesTo(role.logicalId)) {
    const holder = reference.from;
    if (seen.has(holder.logicalId)) continue;
    if ((holder.type === 'AWS::IAM::Policy' || holder.type === 'AWS::IAM::ManagedPolicy') && /^Roles(\.|$)/.test(reference.path)) {
      seen.add(holder.logicalId);
      result.push(documentPolicy(model, holder));
    } else if (holder.type === 'AWS::KMS::Key' && /^KeyPolicy(\.|$)/.test(reference.path)) {
      seen.add(holder.logicalId);
      const statements = parseStatements(property(model.properties(holder), 'KeyPolicy')).filter((s) =>
        (s.principals ?? []).some((p) => p.type === 'AWS' && roleIdentifiedBy(model, p.value) === role),
      );
      result.push({ source: 'key-policy', holder, name: holder.logicalId, statements });
    }
  }
  // Policies that name the role by its literal RoleName.
  const roleName = property(properties, 'RoleName');
  if (typeof roleName === 'string') {
    for (const holder of model.resourcesOfType('AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy')) {
      if (seen.has(holder.logicalId)) continue;
      if (asList(property(model.properties(holder), 'Roles')).includes(roleName)) result.push(documentPolicy(model, holder));
    }
  }
  return result;
}

/** The roles an `AWS::IAM::Policy` or `AWS::IAM::ManagedPolicy` is attached to (via `Roles`, or a role's `ManagedPolicyArns`). */
export function rolesOfPolicy(model: TemplateModel, policy: ModelResource): ModelResource[] {
  const roles = new Map<string, ModelResource>();
  for (const value of asList(property(model.properties(policy), 'Roles'))) {
    const role = roleIdentifiedBy(model, value);
    if (role) roles.set(role.logicalId, role);
  }
  for (const reference of model.referencesTo(policy.logicalId)) {
    if (reference.from.type === 'AWS::IAM::Role' && /^ManagedPolicyArns(\.|$)/.test(reference.path)) roles.set(reference.from.logicalId, reference.from);
  }
  return [...roles.values()];
}

/** Statements of a role's inline `Policies` (each keyed with its policy name). */
export function inlinePolicies(role: ModelResource, roleProperties: Record<string, unknown>): RolePolicy[] {
  return asList(property(roleProperties, 'Policies')).map((entry, index) => {
    const record = entry && typeof entry === 'object' && !(entry instanceof Opaque) ? (entry as Record<string, unknown>) : {};
    const nameValue = property(record, 'PolicyName');
    const name = typeof nameValue === 'string' ? nameValue : nameValue instanceof Opaque ? nameValue.display : `Policies.${index}`;
    const document = entry instanceof Opaque ? entry : property(record, 'PolicyDocument');
    const unknown = isOpaqueDocument(document);
    return { source: 'inline' as const, holder: role, name, statements: parseStatements(document, { policyName: name }), unknown };
  });
}

function documentPolicy(model: TemplateModel, holder: ModelResource): RolePolicy {
  const properties = model.properties(holder);
  const nameValue = property(properties, holder.type === 'AWS::IAM::Policy' ? 'PolicyName' : 'ManagedPolicyName');
  const document = property(properties, 'PolicyDocument');
  return {
    source: holder.type === 'AWS::IAM::Policy' ? 'policy' : 'managed-policy',
    holder,
    name: typeof nameValue === 'string' ? nameValue : holder.logicalId,
    statements: parseStatements(document),
    unknown: isOpaqueDocument(document),
  };
}

function managedPolicyByArn(model: TemplateModel, role: ModelResource, arn: unknown): RolePolicy {
  const inTemplate = model.resourceIdentifiedBy(arn);
  if (inTemplate?.type === 'AWS::IAM::ManagedPolicy') return documentPolicy(model, inTemplate);
  const awsName = awsManagedPolicyName(arn);
  const name = awsName ?? flatten(arn instanceof Opaque || typeof arn === 'string' ? arn : String(arn));
  if (awsName !== undefined) {
    const known = AWS_MANAGED_POLICY_STATEMENTS[awsName.toLowerCase()];
    if (known) return { source: 'aws-managed', holder: role, name: awsName, statements: parseStatements(known, { policyName: awsName }) };
    return { source: 'aws-managed', holder: role, name: awsName, statements: [], unknown: new Opaque('unsupported', awsName, { reason: `content of AWS managed policy ${awsName} is not known to the checker` }) };
  }
  const opaque = arn instanceof Opaque ? arn : new Opaque('unsupported', name, { reason: `managed policy ${name} is defined outside this template` });
  return { source: 'external-managed', holder: role, name, statements: [], unknown: opaque };
}

/**
 * The name (with path) of an AWS managed policy ARN, e.g. `service-role/AmazonECSTaskExecutionRolePolicy`
 * for `arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy`.
 * `undefined` when the value is not an AWS managed policy ARN.
 */
export function awsManagedPolicyName(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value : value instanceof Opaque ? value.display : undefined;
  const match = text ? /^arn:(?:<[^>]*>|[^:]*):iam::aws:policy\/(.+)$/.exec(text) : null;
  return match ? match[1] : undefined;
}

/** The last path segment of a managed policy name (`AmazonECSTaskExecutionRolePolicy`). */
export function managedPolicyBaseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/**
 * Known content of AWS managed policies that matter for ECS roles. Others are reported as
 * unknown content, never assumed harmless.
 */
const AWS_MANAGED_POLICY_STATEMENTS: Record<string, unknown[]> = {
  'service-role/amazonecstaskexecutionrolepolicy': [
    {
      Effect: 'Allow',
      Action: ['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: '*',
    },
  ],
  'administratoraccess': [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  'poweruseraccess': [
    { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
    { Effect: 'Allow', Action: ['iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeOrganization', 'account:ListRegions', 'account:GetAccountInformation'], Resource: '*' },
  ],
  'iamfullaccess': [{ Effect: 'Allow', Action: ['iam:*', 'organizations:DescribeAccount', 'organizations:DescribeOrganization', 'organizations:DescribeOrganizationalUnit', 'organizations:DescribePolicy', 'organizations:ListChildren', 'organizations:ListParents', 'organizations:ListPoliciesForTarget', 'organizations:ListRoots', 'organizations:ListPolicies', 'organizations:ListTargetsForPolicy'], Resource: '*' }],
};

/** The answer to "does this role allow `action` on `resource`?". */
export interface GrantAnswer {
  /** `true`, `false`, or the opaque value (unknown policy content, intrinsic resource) that prevents deciding. */
  readonly granted: Tristate;
  /** The Allow statements that cover the action and resource. */
  readonly allowedBy: readonly PolicyStatement[];
  /** True when every covering Allow statement carries a narrowing condition (granted only in some requests). */
  readonly conditional: boolean;
  /** A Deny statement without condition that covers the action and resource (it wins over any Allow). */
  readonly deniedBy?: PolicyStatement;
}

/**
 * Whether the policies applying to a role allow an action on a resource (e.g. the execution role
 * and `secretsmanager:GetSecretValue` on a secret referenced by `ValueFrom`). An explicit
 * unconditional Deny wins. Key-policy statements count with their `Resource: "*"` read as "this
 * key", so pass the key's ARN or `Ref` as `resource` to ask about a key.
 */
export function roleGrants(model: TemplateModel, role: ModelResource, action: string, resource: PolicyValue): GrantAnswer {
  const allowedBy: PolicyStatement[] = [];
  let undecided: Opaque | undefined;
  let deniedBy: PolicyStatement | undefined;
  for (const policy of policiesOfRole(model, role)) {
    if (policy.unknown) undecided ??= policy.unknown;
    for (const statement of policy.statements) {
      if (statement.invalid) continue;
      const byAction = coversAction(statement, action);
      const byResource = policy.source === 'key-policy' ? keyCovers(model, policy.holder, resource) : coversResource(statement, resource);
      if (byAction === false || byResource === false) continue;
      if (byAction instanceof Opaque || byResource instanceof Opaque || statement.effect instanceof Opaque) {
        undecided ??= [byAction, byResource, statement.effect].find((v): v is Opaque => v instanceof Opaque);
        continue;
      }
      if (statement.effect === 'Allow') allowedBy.push(statement);
      else if (statement.effect === 'Deny' && !hasNarrowingCondition(statement)) deniedBy ??= statement;
    }
  }
  const granted: Tristate = deniedBy ? false : allowedBy.length ? true : undecided ?? false;
  return { granted, allowedBy, conditional: allowedBy.length > 0 && allowedBy.every(hasNarrowingCondition), deniedBy };
}

/** A key policy statement covers only its own key: compare the asked resource with the key's Ref/Arn. */
function keyCovers(model: TemplateModel, key: ModelResource, resource: PolicyValue): Tristate {
  if (typeof resource === 'string' && /^\*+$/.test(resource)) return true;
  const target = model.resourceIdentifiedBy(resource);
  if (target) return target.logicalId === key.logicalId;
  return resource instanceof Opaque ? resource : new Opaque('unsupported', resource, { reason: `cannot tell whether ${resource} is key ${key.logicalId}` });
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
