import { isFullWildcardAction } from '../../model/iam-actions';
import { PolicyStatement, PolicyValue, flatten } from '../../model/iam-policy';
import { Opaque } from '../../model/opaque';

/**
 * Readings of a statement shared by the IAM permission rules. Each answers a question about the
 * statement's text (not about what the role can do overall).
 */

/** True when a `Resource` value means every resource: `*`, `arn:*`, `arn:${AWS::Partition}:*`, `arn:aws:*:*:*:*`. */
export function isAllResourcesPattern(value: PolicyValue): boolean {
  const text = flatten(value);
  return /^\*+$/.test(text) || /^arn:(\*+|aws[a-z-]*|<AWS::Partition>)(:\*+)+$/.test(text) || text === 'arn:*';
}

/** True when the statement applies to every resource: an all-resources pattern, or any `NotResource`. */
export function appliesToAllResources(statement: PolicyStatement): boolean {
  if (statement.notResources) return true;
  return (statement.resources ?? []).some(isAllResourcesPattern);
}

/** The opaque `Action` values of a statement (they may be anything). */
export function opaqueActions(statement: PolicyStatement): Opaque[] {
  return (statement.actions ?? []).filter((a): a is Opaque => a instanceof Opaque);
}

/** The literal `Action` patterns of a statement. */
export function literalActions(statement: PolicyStatement): string[] {
  return (statement.actions ?? []).filter((a): a is string => typeof a === 'string');
}

/** True when some literal action is `*`/`*:*`. */
export function grantsEveryAction(statement: PolicyStatement): boolean {
  return literalActions(statement).some(isFullWildcardAction);
}

/** The opaque `Resource` values of a statement. */
export function opaqueResources(statement: PolicyStatement): Opaque[] {
  return (statement.resources ?? []).filter((r): r is Opaque => r instanceof Opaque && r.kind !== 'ref' && r.kind !== 'getatt' && r.kind !== 'composite');
}
