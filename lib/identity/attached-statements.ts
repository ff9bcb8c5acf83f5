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
 * The IAM policies of one stack, indexed by the roles they list: built once and shared by every
 * role checked in the same validation pass, so checking R roles against P policies resolves P
 * lists and looks up R times, not R x P (aws-cdk-lib writes an L2 policy's roles as one lazy list
 * that only resolution reads).
 */
export class StackPolicyIndex {
  /** Every inline and customer managed policy of the stack, in tree order. */
  public readonly policies: CfnResource[];
  /** Name and logical-id tokens of every L2 role in the stack. */
  public readonly roleTokens: ReadonlySet<string>;
  private readonly resolvedRoles = new Map<CfnResource, unknown[]>();
  private byRole?: Map<string, Set<CfnResource>>;

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

  /** The policies whose `Roles` list `role` (by its name or logical-id token, its reference or its literal name), in tree order. */
  public policiesListing(role: iam.Role): CfnResource[] {
    const byRole = this.byRole ??= this.indexByRole();
    const cfnRole = role.node.defaultChild as iam.CfnRole;
    // `{ Ref: <logical id> }` is what the role's reference resolves to in its own stack; resolving
    // only the logical id (overrides included) costs less than resolving the reference.
    const keys = [tokenKey(role.roleName), tokenKey(cfnRole.ref), resolvedKey({ Ref: this.stack.resolve(cfnRole.logicalId) })];
    if (cfnRole.roleName && !Token.isUnresolved(cfnRole.roleName)) keys.push(resolvedKey(cfnRole.roleName));
    const listing = new Set(keys.flatMap((key) => [...(byRole.get(key) ?? [])]));
    return this.policies.filter((policy) => listing.has(policy));
  }

  /**
   * A policy that lists roles by their L2 tokens is indexed under those tokens without resolving.
   * Anything else in its `Roles` (a lazy list, a literal name, another token) makes it indexed
   * under each resolved entry.
   */
  private indexByRole(): Map<string, Set<CfnResource>> {
    const byRole = new Map<string, Set<CfnResource>>();
    const add = (key: string, policy: CfnResource) => {
      let policies = byRole.get(key);
      if (policies === undefined) byRole.set(key, policies = new Set());
      policies.add(policy);
    };
    for (const policy of this.policies) {
      const rawRoles = (policy as iam.CfnPolicy | iam.CfnManagedPolicy).roles ?? [];
      for (const raw of rawRoles) if (this.roleTokens.has(raw)) add(tokenKey(raw), policy);
      if (rawRoles.every((raw) => Token.isUnresolved(raw) && this.roleTokens.has(raw))) continue;
      for (const resolved of this.rolesOf(policy)) add(resolvedKey(resolved), policy);
    }
    return byRole;
  }
}

const tokenKey = (token: string) => `token:${token}`;
const resolvedKey = (value: unknown) => `resolved:${JSON.stringify(value)}`;

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
  const statements: AttachedStatement[] = [];
  const seen = new Set<CfnResource>();
  const collect = (policy: CfnResource) => {
    if (seen.has(policy)) return;
    seen.add(policy);
    const doc = stack.resolve((policy as iam.CfnPolicy | iam.CfnManagedPolicy).policyDocument) as { Statement?: unknown[] } | undefined;
    (doc?.Statement ?? []).forEach((statement, position) =>
      statements.push({ policy, index: position, statement: statement as Record<string, unknown> }));
  };
  index.policiesListing(role).forEach(collect);
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
