import { Token } from 'aws-cdk-lib';

/** How a resource's account relates to the account a stack deploys to, as far as synth can tell. */
export type AccountRelation = 'same' | 'different' | 'unknown';

/**
 * Compares two account ids that may be tokens. Identical strings are the same account (this
 * covers `AWS::AccountId` against itself); two literals can be compared; anything else
 * (a literal against the pseudo parameter of an environment-agnostic stack, two different
 * tokens) cannot be decided before deployment.
 */
export function accountRelation(resourceAccount: string, stackAccount: string): AccountRelation {
  if (resourceAccount === stackAccount) return 'same';
  if (Token.isUnresolved(resourceAccount) || Token.isUnresolved(stackAccount)) return 'unknown';
  return 'different';
}
