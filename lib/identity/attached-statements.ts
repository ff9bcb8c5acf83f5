import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

/** One IAM statement attached to a role, CloudFormation-shaped, with where it lives. */
export interface AttachedStatement {
  /** The policy resource holding the statement (where exemptions are recorded). */
  readonly policy: CfnResource;
  /** Position of the statement in its policy document. */
  readonly index: number;
  /** The statement with CDK tokens resolved to CloudFormation intrinsics. */
  readonly statement: Record<string, unknown>;
}

/** What is attached to a role, resolved for checking. */
export interface AttachedPolicies {
  readonly statements: AttachedStatement[];
  /** Managed policy ARNs whose statements are not in this stack (AWS managed or imported). */
  readonly opaqueManagedPolicies: unknown[];
}

/**
 * The IAM policies of one stack with their `Roles` resolved: built once and shared by every role
 * checked in the same validation pass, so checking R roles against P policies resolves P lists,
 * not R x P (aws-cdk-lib writes an L2 policy's roles as one lazy list that only resolution reads).
 */
export class StackPolicyIndex {
  /** Every inline and customer managed policy of the stack, in tree order. */
  public readonly policies: CfnResource[];
  /** Name and logical-id tokens of every L2 role in the stack. */
  public readonly roleTokens: ReadonlySet<string>;
  private readonly resolvedRoles = new Map<CfnResource, unknown[]>();

  constructor(public readonly stack: Stack) {
    const constructs = stack.node.findAll();
    this.policies = constructs.filter(CfnResource.isCfnResource)
      .filter((r) => r.cfnResourceType === 'AWS::IAM::Policy' || r.cfnResourceType === 'AWS::IAM::ManagedPolicy');
    this.roleTokens = new Set(constructs.filter((c): c is iam.Role => c instanceof iam.Role)
      .flatMap((r) => [r.roleName, (r.node.defaultChild as iam.CfnRole).ref]));
  }

  /** The policy's `Roles` as CloudFormation values (resolved on first use). */
  public rolesOf(policy: CfnResource): unknown[] {
    let resolved = this.resolvedRoles.get(policy);
    if (resolved === undefined) {
      resolved = (this.stack.resolve((policy as iam.CfnPolicy | iam.CfnManagedPolicy).roles) as unknown[] | undefined) ?? [];
      this.resolvedRoles.set(policy, resolved);
    }
    return resolved;
  }
}

/**
 * Every statement attached to `role` within its stack: inline policies (`AWS::IAM::Policy`,
 * including the role's DefaultPolicy that grants write to) and customer managed policies
 * defined in the stack, whether attached from the policy side (`Roles`) or the role side
 * (`ManagedPolicyArns`). Call it at validation time, when all grants have been made; pass an
 * index only within one validation pass (a new grant after it was built would not be in it).
 */
export function attachedPolicies(role: iam.Role, index: StackPolicyIndex = new StackPolicyIndex(Stack.of(role))): AttachedPolicies {
  const stack = index.stack;
  const cfnRole = role.node.defaultChild as iam.CfnRole;
  const roleRef = JSON.stringify(stack.resolve(cfnRole.ref));
  const statements: AttachedStatement[] = [];
  const seen = new Set<CfnResource>();
  const collect = (policy: CfnResource) => {
    if (seen.has(policy)) return;
    seen.add(policy);
    const doc = stack.resolve((policy as iam.CfnPolicy | iam.CfnManagedPolicy).policyDocument) as { Statement?: unknown[] } | undefined;
    (doc?.Statement ?? []).forEach((statement, position) =>
      statements.push({ policy, index: position, statement: statement as Record<string, unknown> }));
  };
  // A policy that lists the role's own name token is ours without resolving; one that lists only
  // other roles' tokens is not. Anything else (a lazy list, a literal name) is compared resolved.
  const ownTokens = new Set([role.roleName, cfnRole.ref]);
  const literalName = cfnRole.roleName && !Token.isUnresolved(cfnRole.roleName) ? cfnRole.roleName : undefined;
  for (const policy of index.policies) {
    const rawRoles = (policy as iam.CfnPolicy | iam.CfnManagedPolicy).roles ?? [];
    if (rawRoles.some((r) => ownTokens.has(r))) {
      collect(policy);
      continue;
    }
    if (!rawRoles.some((r) => !Token.isUnresolved(r) || !index.roleTokens.has(r))) continue;
    if (index.rolesOf(policy).some((r) => (literalName !== undefined && r === literalName) || JSON.stringify(r) === roleRef)) collect(policy);
  }
  const opaqueManagedPolicies: unknown[] = [];
  const managedArns = (stack.resolve(cfnRole.managedPolicyArns) as unknown[] | undefined) ?? [];
  for (const arn of managedArns) {
    const local = index.policies.find(p => p.cfnResourceType === 'AWS::IAM::ManagedPolicy' &&
      JSON.stringify(stack.resolve(p.ref)) === JSON.stringify(arn));
    if (local) collect(local); else opaqueManagedPolicies.push(arn);
  }
  return { statements, opaqueManagedPolicies };
}

/** A short human label for a statement: Sid or position, plus its actions and resources. */
export function describeStatement(attached: AttachedStatement): string {
  const s = attached.statement;
  const where = typeof s.Sid === 'string' && s.Sid ? `Sid '${s.Sid}'` : `#${attached.index} of ${attached.policy.node.path}`;
  const list = (v: unknown) => JSON.stringify(v === undefined ? undefined : Array.isArray(v) ? v : [v]);
  const action = s.Action !== undefined ? `Action ${list(s.Action)}` : `NotAction ${list(s.NotAction)}`;
  const resource = s.Resource !== undefined ? `Resource ${list(s.Resource)}` : `NotResource ${list(s.NotResource)}`;
  return `statement ${where} (${s.Effect} ${action} on ${resource})`;
}

/** The actions a statement names (Action or NotAction), as strings. */
export function statementActions(statement: Record<string, unknown>): string[] {
  const raw = statement.Action ?? statement.NotAction;
  return (Array.isArray(raw) ? raw : [raw]).filter((a): a is string => typeof a === 'string');
}
