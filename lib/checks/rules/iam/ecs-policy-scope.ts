import { EcsRoleKind, EcsRoleUse, ecsRoleUses, inlinePolicies, rolesOfPolicy } from '../../model/ecs-roles';
import { PolicyStatement, isOpaqueDocument, parseStatements } from '../../model/iam-policy';
import { ResourceMemo } from '../../model/model-memo';
import { Opaque } from '../../model/opaque';
import { ModelResource } from '../../model/template-model';
import { property } from '../../model/values';
import { Outcome, RuleContext, notApplicable, unverified } from '../../rule';

/** Resource types whose permission statements the IAM rules judge. */
export const PERMISSION_RESOURCE_TYPES: readonly string[] = ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'];

/** The permission statements of one resource, with the ECS roles they apply to. */
export interface EcsPermissions {
  /** ECS roles the statements apply to (the role itself, or the roles a policy is attached to). */
  readonly roles: readonly ModelResource[];
  readonly uses: readonly EcsRoleUse[];
  readonly kinds: ReadonlySet<EcsRoleKind>;
  readonly statements: readonly PolicyStatement[];
  /** Outcomes for documents that cannot be read (an opaque `PolicyDocument`). */
  readonly unreadable: readonly Outcome[];
}

/**
 * The permission statements of a role (inline `Policies`), an `AWS::IAM::Policy` or an
 * `AWS::IAM::ManagedPolicy`, scoped to ECS roles. Returns a `not-applicable` outcome when the
 * resource applies to no role that an ECS task definition of the template uses: these rules
 * judge ECS permissions, not every policy of an account.
 */
export function ecsPermissions(properties: Record<string, unknown>, context: RuleContext): EcsPermissions | Outcome {
  return permissionsMemo.get(context.model, context.resource, properties, () => readEcsPermissions(properties, context));
}

// Every IAM rule starts from this view of the same resource.
const permissionsMemo = new ResourceMemo<EcsPermissions | Outcome>();

function readEcsPermissions(properties: Record<string, unknown>, context: RuleContext): EcsPermissions | Outcome {
  const { model, resource } = context;
  const roles = resource.type === 'AWS::IAM::Role' ? [resource] : rolesOfPolicy(model, resource);
  const ecsRoles = roles.filter((role) => ecsRoleUses(model, role).length > 0);
  if (ecsRoles.length === 0) {
    return notApplicable('', roles.length
      ? `${describe(resource)} applies to no role used by an ECS task definition in this template.`
      : `${describe(resource)} is attached to no role in this template.`);
  }
  const uses = ecsRoles.flatMap((role) => ecsRoleUses(model, role));
  const unreadable: Outcome[] = [];
  let statements: PolicyStatement[];
  if (resource.type === 'AWS::IAM::Role') {
    const inline = inlinePolicies(resource, properties);
    statements = inline.flatMap((p) => p.statements);
    for (const p of inline) if (p.unknown) unreadable.push(unreadableOutcome(`inline policy ${p.name}`, p.unknown));
  } else {
    const document = property(properties, 'PolicyDocument');
    statements = parseStatements(document);
    const opaque = isOpaqueDocument(document);
    if (opaque) unreadable.push(unreadableOutcome('PolicyDocument', opaque));
  }
  return { roles: ecsRoles, uses, kinds: new Set(uses.map((u) => u.kind)), statements, unreadable };
}

function unreadableOutcome(what: string, value: Opaque): Outcome {
  return unverified('', `${what} is ${value.display}, which cannot be resolved: ${value.details.reason ?? 'unknown value'}.`);
}

function describe(resource: ModelResource): string {
  return resource.type === 'AWS::IAM::Role' ? `Role ${resource.logicalId}` : `Policy ${resource.logicalId}`;
}

/** Names of the task families a set of role uses covers, for messages. */
export function familiesOf(uses: readonly EcsRoleUse[]): string {
  return [...new Set(uses.map((u) => u.family))].join(', ');
}

/**
 * Judges every valid Allow statement. A statement whose `Effect` is an intrinsic is judged as if
 * it allowed, and a failure becomes `unverified` (it fails only if the intrinsic resolves to
 * Allow). Deny statements and invalid ones are left to the rules that report them (IAM-04).
 * Returns a `pass` on `''` when no statement produced an outcome.
 */
export function judgeAllowStatements(
  permissions: EcsPermissions,
  judge: (statement: PolicyStatement) => Outcome[],
  noneMessage = 'No Allow statement to judge.',
): Outcome[] {
  const outcomes: Outcome[] = [...permissions.unreadable];
  for (const statement of permissions.statements) {
    if (statement.invalid || statement.effect === 'Deny' || statement.effect === undefined) continue;
    const results = judge(statement);
    if (statement.effect instanceof Opaque) {
      const effect = statement.effect;
      outcomes.push(...results.map((o) => (o.status === 'fail'
        ? unverified(o.key, `${o.message.replace(/\.$/, '')} (if its Effect ${effect.display} resolves to Allow).`, o.container)
        : o)));
    } else {
      outcomes.push(...results);
    }
  }
  if (!outcomes.length) outcomes.push({ status: 'pass', key: '', message: noneMessage });
  return outcomes;
}
