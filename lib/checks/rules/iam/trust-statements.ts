import { PolicyStatement, isOpaqueDocument, parseStatements } from '../../model/iam-policy';
import { property } from '../../model/values';
import { Outcome, unverified } from '../../rule';

/**
 * The Allow statements of a role's trust policy (`AssumeRolePolicyDocument`), or the outcome to
 * report when the document cannot be read. Invalid statements are skipped here: IAM rejects them.
 */
export function trustStatements(properties: Record<string, unknown>): PolicyStatement[] | Outcome {
  const document = property(properties, 'AssumeRolePolicyDocument');
  const opaque = isOpaqueDocument(document);
  if (opaque) {
    return unverified('', `AssumeRolePolicyDocument is ${opaque.display}, which cannot be resolved: ${opaque.details.reason ?? 'unknown value'}.`);
  }
  return parseStatements(document).filter((s) => !s.invalid && s.effect !== 'Deny');
}
