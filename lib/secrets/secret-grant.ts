import * as iam from 'aws-cdk-lib/aws-iam';
import { OwnerAccountStatements } from './owner-account-statements';

/** What an execution role must add to read one secret (internal: not part of the public API). */
export interface SecretGrant {
  readonly statements: iam.PolicyStatement[];
  /** Present for an opted-in cross-account secret: what the owner account must add. */
  readonly ownerAccount?: { readonly account: string; readonly secretArn: string; readonly statements: OwnerAccountStatements };
  /** Non-fatal findings to surface as synth warnings. */
  readonly warnings: string[];
}
