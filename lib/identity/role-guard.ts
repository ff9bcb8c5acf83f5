import { Annotations, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { attachedPolicies, StackPolicyIndex } from './attached-statements';
import { guardStatements, StatementAcceptance } from './statement-guard';
import { recordExemption } from '../audit/exemption';
import { checkEachPolicyStatement } from '../checks/construct-validation';

/** An acceptance plus the construct option it came from, for the audit record. */
interface RegisteredAcceptance extends StatementAcceptance {
  readonly option: string;
  /** Added by the library for a documented need: not reported when the rules do not flag it. */
  readonly internal: boolean;
}

/**
 * The policy index of one validation pass over a stack. Every guard validates once per pass, so a
 * guard that meets an index it has already used knows a new pass began (grants may have changed
 * since) and rebuilds it; creating a guard discards the index too. No index outlives its pass.
 */
interface ValidationPass {
  readonly index: StackPolicyIndex;
  readonly used: Set<RoleGuard>;
}

const passes = new WeakMap<Stack, ValidationPass>();

/**
 * Synth-time guard of one ECS role: checks every statement attached to it with the shared rule
 * functions (the same ones the cdk-nag pack and the CLI run), fails synth for rejected statements,
 * and records accepted ones as exemptions on the policy that holds them.
 */
export class RoleGuard {
  private readonly acceptances: RegisteredAcceptance[] = [];
  private readonly recorded = new Set<string>();

  constructor(private readonly owner: Construct, private readonly role: iam.Role, private readonly roleKind: 'task' | 'execution') {
    owner.node.addValidation({ validate: () => this.validate() });
    passes.delete(Stack.of(role));
  }

  /** Accepts statements matching `acceptance`; `option` names the construct API for the audit record. */
  public accept(acceptance: StatementAcceptance, option: string, internal = false): void {
    this.acceptances.push({ ...acceptance, option, internal });
  }

  private policyIndex(): StackPolicyIndex {
    const stack = Stack.of(this.role);
    let pass = passes.get(stack);
    if (pass === undefined || pass.used.has(this)) {
      pass = { index: new StackPolicyIndex(stack), used: new Set() };
      passes.set(stack, pass);
    }
    pass.used.add(this);
    return pass.index;
  }

  private validate(): string[] {
    const attached = attachedPolicies(this.role, this.policyIndex());
    const result = guardStatements(this.owner.node.path, attached.statements, this.acceptances, this.roleKind, checkEachPolicyStatement);
    for (const { attached: where, violation, acceptance } of result.accepted) {
      const key = `${where.policy.node.path}|${violation.ruleId}|${violation.key}`;
      if (this.recorded.has(key)) continue;
      this.recorded.add(key);
      recordExemption(where.policy,
        { option: (acceptance as RegisteredAcceptance).option, ruleId: violation.ruleId, findingKey: violation.key || undefined },
        { reason: acceptance.reason });
    }
    for (const unused of result.unusedAcceptances as RegisteredAcceptance[]) {
      if (unused.internal) continue;
      Annotations.of(this.owner).addWarningV2('cdk-hardened-ecs:unused-acknowledgment',
        `acknowledgeStatement(${JSON.stringify({ sid: unused.sid, action: unused.action, ruleId: unused.ruleId })}) matches no ` +
        'rejected statement; remove it so it cannot silently accept a future statement.');
    }
    for (const warning of result.warnings) {
      Annotations.of(this.owner).addWarningV2('cdk-hardened-ecs:statement-unverified', warning);
    }
    const errors = [...result.errors];
    for (const arn of attached.opaqueManagedPolicies) {
      errors.push(
        `managed policy ${JSON.stringify(arn)} is attached to the ${this.roleKind} role; its statements cannot be checked at synth. ` +
          `Fix: ${this.roleKind === 'task'
            ? 'grant specific actions on specific ARNs with grants or taskRole.addToPrincipalPolicy'
            : 'use the grant* methods of HardenedExecutionRole, which add exact statements'} instead of a managed policy.`,
      );
    }
    return errors;
  }
}
