import { AttachedStatement, describeStatement, statementActions } from './attached-statements';
import { ConstructViolation } from '../checks/construct-validation';

/**
 * The rule functions shared with the cdk-nag pack and the CLI, as the guard calls them: judges
 * each statement on its own and returns its findings at the statement's position.
 */
export type StatementChecker = (statements: readonly unknown[], options: { roleKind: 'task' | 'execution' }) => ConstructViolation[][];

/** An explicit, reasoned acceptance of a statement that the checks reject. */
export interface StatementAcceptance {
  readonly sid?: string;
  readonly action?: string;
  readonly ruleId?: string;
  readonly reason: string;
}

/** A violation that was accepted, to be recorded as an exemption on the policy resource. */
export interface AcceptedViolation {
  readonly attached: AttachedStatement;
  readonly violation: ConstructViolation;
  readonly acceptance: StatementAcceptance;
}

/** The outcome of guarding a role's statements. */
export interface GuardResult {
  /** One error message per rejected statement, naming the statement and the fixes. */
  readonly errors: string[];
  /**
   * Findings the rules could not decide (e.g. a resource imported from another stack): reported,
   * not fatal, since the value is only known at deployment.
   */
  readonly warnings: string[];
  readonly accepted: AcceptedViolation[];
  /** Acceptances that matched no violating statement (likely stale or mistyped). */
  readonly unusedAcceptances: StatementAcceptance[];
}

/**
 * Checks each statement on its own (so every finding is tied to one statement) and splits the
 * findings into rejected and explicitly accepted ones.
 */
export function guardStatements(
  constructPath: string,
  statements: readonly AttachedStatement[],
  acceptances: readonly StatementAcceptance[],
  roleKind: 'task' | 'execution',
  check: StatementChecker,
): GuardResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const accepted: AcceptedViolation[] = [];
  const used = new Set<StatementAcceptance>();
  const findings = check(statements.map(s => s.statement), { roleKind });
  if (findings.length !== statements.length) {
    throw new Error(`${constructPath}: the statement checker judged ${findings.length} of ${statements.length} statements.`);
  }
  statements.forEach((attached, position) => {
    const violations = findings[position].map(v => withPolicyPosition(v, attached));
    const rejected: ConstructViolation[] = [];
    for (const violation of violations) {
      const acceptance = acceptances.find(a => matches(a, attached, violation));
      if (acceptance) {
        used.add(acceptance);
        accepted.push({ attached, violation, acceptance });
      } else {
        rejected.push(violation);
      }
    }
    const failed = rejected.filter(v => v.status === 'fail');
    const undecided = rejected.filter(v => v.status !== 'fail');
    if (failed.length > 0) {
      errors.push(rejectionMessage(constructPath, attached, failed, roleKind));
    }
    if (undecided.length > 0) {
      warnings.push(`${describeStatement(attached)} cannot be fully checked at synth:\n` + findingLines(undecided));
    }
  });
  return { errors, warnings, accepted, unusedAcceptances: acceptances.filter(a => !used.has(a)) };
}

/**
 * The rules key a statement without Sid by its index, and the guard checks statements one at a
 * time (index 0): restore the statement's real index so the key matches the pack's finding.
 */
function withPolicyPosition(violation: ConstructViolation, attached: AttachedStatement): ConstructViolation {
  return violation.key === 'Statement::0' ? { ...violation, key: `Statement::${attached.index}` } : violation;
}

function matches(acceptance: StatementAcceptance, attached: AttachedStatement, violation: ConstructViolation): boolean {
  if (acceptance.ruleId !== undefined && acceptance.ruleId !== violation.ruleId) return false;
  if (acceptance.sid !== undefined) return attached.statement.Sid === acceptance.sid;
  if (acceptance.action !== undefined) return statementActions(attached.statement).includes(acceptance.action);
  return false;
}

function findingLines(violations: ConstructViolation[]): string {
  return violations.map(v => `  - [${v.ruleId}] ${v.title}${v.key ? ` (${v.key})` : ''}: ${v.message}\n    Fix: ${v.fix}`).join('\n');
}

function rejectionMessage(constructPath: string, attached: AttachedStatement, violations: ConstructViolation[], roleKind: 'task' | 'execution'): string {
  const sid = typeof attached.statement.Sid === 'string' && attached.statement.Sid ? attached.statement.Sid : undefined;
  const selector = sid ? `sid: '${sid}'` : `action: '${statementActions(attached.statement)[0] ?? '<action>'}'`;
  return (
    `${describeStatement(attached)} is not allowed on ${roleKind === 'task' ? 'a task' : 'an execution'} role.\n` +
    findingLines(violations) +
    '\n  Grant specific actions on specific ARNs instead. ' +
    (roleKind === 'task'
      ? `If this statement is really intended, acknowledge it on ${constructPath}: ` +
        `taskRole.acknowledgeStatement({ ${selector}, reason: '<why, who approved, until when>' }).`
      : `The execution role only needs what HardenedExecutionRole's grant* methods add; remove this statement from ${constructPath}.`)
  );
}
