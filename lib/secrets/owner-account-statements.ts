import { viaServiceName } from './kms-decrypt';

/**
 * The statements the account that owns a cross-account secret must add, rendered as plain
 * policy JSON (values may be CDK tokens, e.g. the execution role ARN).
 */
export interface OwnerAccountStatements {
  /** Goes into the secret's resource policy (`aws secretsmanager put-resource-policy`). */
  readonly secretResourcePolicy: Record<string, unknown>;
  /** Goes into the key policy of the customer managed key that encrypts the secret. */
  readonly keyPolicy: Record<string, unknown>;
}

/**
 * In a resource policy `Resource: "*"` means "this secret" / "this key", which is how AWS
 * documents both statements. Only `GetSecretValue` is granted (ECS needs nothing else), and the
 * key may only be used through Secrets Manager in the secret's region.
 */
export function ownerAccountStatements(executionRoleArn: string, secretRegion: string): OwnerAccountStatements {
  const principal = { AWS: executionRoleArn };
  return {
    secretResourcePolicy: {
      Sid: 'AllowEcsExecutionRoleToReadSecret',
      Effect: 'Allow',
      Principal: principal,
      Action: 'secretsmanager:GetSecretValue',
      Resource: '*',
    },
    keyPolicy: {
      Sid: 'AllowEcsExecutionRoleToDecryptSecret',
      Effect: 'Allow',
      Principal: principal,
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': viaServiceName('secretsmanager', secretRegion) } },
    },
  };
}
