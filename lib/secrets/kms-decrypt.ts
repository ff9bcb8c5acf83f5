import { Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';

/** The services through which ECS reads secrets on the task's behalf. */
export type SecretService = 'secretsmanager' | 'ssm';

/** `secretsmanager.<region>.amazonaws.com` / `ssm.<region>.amazonaws.com`: the kms:ViaService value. */
export function viaServiceName(service: SecretService, region: string): string {
  return `${service}.${region}.amazonaws.com`;
}

/**
 * One identity statement allowing `kms:Decrypt` on exactly this key, and only when the call is
 * made by the secret's service in the secret's region.
 *
 * An identity statement (rather than a key-policy statement, which aws-cdk-lib adds for keys in
 * the same stack) keeps the reference one-way: the role's stack refers to the key's ARN, never
 * the other way round, so a key owned by another stack cannot create a dependency cycle, and an
 * imported key (whose policy we cannot edit) still gets the permission.
 */
export function kmsDecryptStatement(key: kms.IKey, service: SecretService, region: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: ['kms:Decrypt'],
    resources: [key.keyArn],
    conditions: { StringEquals: { 'kms:ViaService': viaServiceName(service, region) } },
  });
}

/**
 * A key referenced through an alias has an alias ARN, which IAM does not match against the key:
 * the grant would silently not apply. Returns a reason when the key ARN is an alias ARN.
 */
export function aliasKeyProblem(key: kms.IKey): string | undefined {
  const arn = key.keyArn;
  if (typeof arn === 'string' && arn.includes(':alias/')) {
    return `the encryption key is referenced by an alias (${Token.isUnresolved(arn) ? 'alias ARN' : arn}); ` +
      'IAM permissions on an alias ARN do not apply to the key. Import the key itself with kms.Key.fromKeyArn(scope, id, keyArn)';
  }
  return undefined;
}
