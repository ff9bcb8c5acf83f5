import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ecsTasksPrincipal } from './ecs-tasks-principal';
import { RoleGuard } from './role-guard';

/** Properties of a {@link HardenedTaskRole}. */
export interface HardenedTaskRoleProps {
  /**
   * A description for the IAM role.
   *
   * @default - a description naming the construct path
   */
  readonly description?: string;
}

/**
 * Explicit acceptance of a task role statement that the hardening checks reject (a `*` in
 * Action or Resource, an Allow with NotAction/NotResource, a privilege-escalation action).
 * Identify the statement by `sid` (preferred) or by one of its actions.
 */
export interface StatementAcknowledgment {
  /**
   * The Sid of the statement to accept.
   *
   * @default - match by `action`
   */
  readonly sid?: string;

  /**
   * One action of the statement to accept, exactly as written (e.g. `ssmmessages:OpenDataChannel`).
   *
   * @default - match by `sid`
   */
  readonly action?: string;

  /**
   * Accept only findings of this rule (e.g. `IAM-07`); other findings on the statement still fail.
   *
   * @default - every finding on the matched statement
   */
  readonly ruleId?: string;

  /**
   * Why the statement is needed, who approved it and until when. Recorded in the template
   * metadata (`cdk-hardened-ecs:exemptions`) of the policy holding the statement.
   */
  readonly reason: string;
}

/**
 * The task role of one service: the identity the application code runs as.
 *
 * It starts without any permission, trusts only `ecs-tasks.amazonaws.com` from the stack's own
 * account (`aws:SourceAccount`, `aws:SourceArn` conditions) and is an `iam.IGrantable`, so
 * aws-cdk-lib grants such as `bucket.grantRead(taskRole)` work. At synth, every statement attached
 * to it is checked with the same rules as the cdk-nag pack: a `*` in Action or Resource,
 * Allow + NotAction/NotResource or a privilege-escalation action fails synth with the statement
 * and the fix, unless accepted with {@link HardenedTaskRole.acknowledgeStatement}.
 */
export class HardenedTaskRole extends Construct implements iam.IGrantable {
  /** The IAM role. */
  public readonly role: iam.IRole;

  /** The principal to grant permissions to: the role. */
  public readonly grantPrincipal: iam.IPrincipal;

  private readonly mutableRole: iam.Role;
  private readonly guard: RoleGuard;

  constructor(scope: Construct, id: string, props: HardenedTaskRoleProps = {}) {
    super(scope, id);
    this.mutableRole = new iam.Role(this, 'Resource', {
      assumedBy: ecsTasksPrincipal(this, 'sourceAccountAndArn'),
      description: props.description ?? `ECS task role of ${this.node.path} (cdk-hardened-ecs)`,
    });
    this.role = this.mutableRole;
    this.grantPrincipal = this.mutableRole;
    this.guard = new RoleGuard(this, this.mutableRole, 'task');
  }

  /** The ARN of the role. */
  public get roleArn(): string {
    return this.mutableRole.roleArn;
  }

  /** Adds a statement to the role's default policy (checked at synth like every other statement). */
  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    return this.mutableRole.addToPrincipalPolicy(statement);
  }

  /**
   * Accepts a statement the hardening checks reject, with a reason recorded in the template
   * metadata of the policy that holds it (and acknowledged in the cdk-nag pack).
   */
  public acknowledgeStatement(acknowledgment: StatementAcknowledgment): void {
    if (acknowledgment.sid === undefined && acknowledgment.action === undefined) {
      throw new Error(
        `${this.node.path}: acknowledgeStatement needs the statement's sid or one of its actions. ` +
          "Fix: pass { sid: 'MyStatementSid', reason } (give the statement a Sid) or { action: 'service:Action', reason }.",
      );
    }
    if ((acknowledgment.reason ?? '').trim().length < 10) {
      throw new Error(
        `${this.node.path}: acknowledgeStatement needs a reason of at least 10 characters (it is recorded in the template ` +
          "for auditors). Fix: e.g. { sid: 'EcsExec', reason: 'ssmmessages channels have no resource scope (AWS docs)' }.",
      );
    }
    this.guard.accept(acknowledgment, 'acknowledgeStatement');
  }

  /**
   * Accepts a statement that the library itself adds for a documented need (e.g. the ECS Exec
   * channel actions on `*`). Recorded like a user acknowledgment, but not reported as unused when
   * the rules do not flag the statement.
   *
   * @internal
   */
  public _acknowledgeLibraryStatement(acknowledgment: StatementAcknowledgment, option: string): void {
    this.guard.accept(acknowledgment, option, true);
  }
}
