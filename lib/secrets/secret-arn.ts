import { Arn, ArnFormat, Token } from 'aws-cdk-lib';

/** A Secrets Manager ARN ends with `-` and 6 random characters that Secrets Manager appends to the name. */
const SECRET_SUFFIX = /-[A-Za-z0-9]{6}$/;

/**
 * Whether a literal Secrets Manager ARN lacks the 6-character suffix (a partial ARN).
 * Tokens cannot be inspected and are assumed complete (they come from `Ref`/`Fn::GetAtt` of a
 * secret, which is always the complete ARN, or from a value the user declared complete).
 */
export function isPartialSecretArn(arn: string): boolean {
  if (Token.isUnresolved(arn)) return false;
  const name = Arn.split(arn, ArnFormat.COLON_RESOURCE_NAME).resourceName ?? '';
  return !SECRET_SUFFIX.test(name);
}

/** The parts ECS appends to a secret ARN to select a JSON key and a version. */
export interface SecretSelector {
  readonly field?: string;
  readonly versionStage?: string;
  readonly versionId?: string;
}

/**
 * ECS `ValueFrom` for a Secrets Manager secret: the bare ARN for the whole current secret,
 * otherwise `<fullArn>:<json-key>:<version-stage>:<version-id>` with empty parts left empty.
 */
export function secretsManagerValueFrom(fullArn: string, selector: SecretSelector): string {
  const { field, versionStage, versionId } = selector;
  if (field === undefined && versionStage === undefined && versionId === undefined) {
    return fullArn;
  }
  return `${fullArn}:${field ?? ''}:${versionStage ?? ''}:${versionId ?? ''}`;
}
