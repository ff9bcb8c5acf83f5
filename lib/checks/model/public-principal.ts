import { PolicyStatement, PrincipalEntry, conditionClauses, flatten, hasPublicPrincipal, isAllow, isOpaqueDocument, isWildcardOperator, parseStatements } from './iam-policy';
import { Opaque } from './opaque';
import { Outcome, fail, pass, unverified } from '../rule';

/**
 * Shared judgment for resource policies (KMS key policies, ECR repository policies): an Allow
 * statement whose Principal is public (`"*"`, `{"AWS": "*"}`) passes only with a restrictive
 * condition on one of `conditionKeys` (e.g. `kms:CallerAccount`, `aws:PrincipalOrgID`). One
 * outcome per public or undecidable statement, keyed `Statement::<Sid|index>`; one resource-level
 * pass when nothing is public. Deny statements with public principals are guardrails and pass.
 */
export function judgePublicPrincipals(document: unknown, conditionKeys: readonly string[], policyName: string): Outcome[] {
  const opaque = isOpaqueDocument(document);
  if (opaque) return [unverified('', `${policyName} is ${opaque.display}, which cannot be resolved: ${opaque.details.reason ?? 'unknown value'}.`)];
  const outcomes: Outcome[] = [];
  for (const statement of parseStatements(document)) {
    const outcome = judgeStatement(statement, conditionKeys);
    if (outcome) outcomes.push(outcome);
  }
  return outcomes.length > 0 ? outcomes : [pass('', `No statement of the ${policyName} allows a public principal.`)];
}

function judgeStatement(statement: PolicyStatement, conditionKeys: readonly string[]): Outcome | undefined {
  if (statement.effect === 'Deny') return undefined;
  const undecidedPrincipal = (statement.principals ?? []).find(mayBePublic);
  const isPublic = hasPublicPrincipal(statement);
  if (!isPublic && !undecidedPrincipal) return undefined;
  if (statement.effect instanceof Opaque) {
    return unverified(statement.key, `The Effect (${flatten(statement.effect)}) of a statement with a public principal cannot be resolved.`);
  }
  if (!isAllow(statement)) {
    return fail(statement.key, 'A statement with a public principal has no valid Effect, so the policy document is invalid.');
  }
  const restriction = restrictiveCondition(statement, conditionKeys);
  if (restriction) return pass(statement.key, `The public principal is limited by ${restriction}.`);
  if (statement.opaqueCondition) {
    return unverified(statement.key, `The Condition (${statement.opaqueCondition.display}) of a statement with a public principal cannot be resolved.`);
  }
  const needed = conditionKeys.join(' or ');
  if (!isPublic && undecidedPrincipal) {
    return unverified(statement.key, `Principal ${flatten(undecidedPrincipal.value)} cannot be resolved and may be "*"; without a ${needed} condition that would be public.`);
  }
  return fail(statement.key, `Allows Principal "*" without a ${needed} condition, so any AWS account can use it.`);
}

/** A principal value the template does not determine (an import or parameter), which could be `*`. */
function mayBePublic(principal: PrincipalEntry): boolean {
  if (typeof principal.value === 'string') return false;
  if (principal.type !== '*' && principal.type !== 'AWS') return false;
  return principal.value.kind === 'import' || principal.value.kind === 'parameter' || principal.value.kind === 'unsupported';
}

/** The first clause on one of the keys that narrows the caller: a positive operator whose values are not all wildcards. */
function restrictiveCondition(statement: PolicyStatement, conditionKeys: readonly string[]): string | undefined {
  for (const key of conditionKeys) {
    for (const clause of conditionClauses(statement, key)) {
      if (/Not/i.test(clause.baseOperator) || /^Null$/i.test(clause.baseOperator) || clause.ifExists) continue;
      const wildcard = clause.values.some((v) => typeof v === 'string' && (v === '' || (isWildcardOperator(clause.baseOperator) && /^[*?]+$/.test(v))));
      if (clause.values.length > 0 && !wildcard) return `${clause.operator} ${clause.key} = ${clause.values.map(flatten).join(', ')}`;
    }
  }
  return undefined;
}
