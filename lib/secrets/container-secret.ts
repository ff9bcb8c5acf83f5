import { Arn, ArnFormat, Stack, Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { IConstruct } from 'constructs';
import { accountRelation } from './account-relation';
import { aliasKeyProblem, kmsDecryptStatement, SecretService } from './kms-decrypt';
import { ownerAccountStatements } from './owner-account-statements';
import { isPartialSecretArn, secretsManagerValueFrom } from './secret-arn';
import { SecretGrant } from './secret-grant';

/**
 * Explicit opt-in for reading a Secrets Manager secret that lives in another AWS account.
 *
 * Cross-account reads need three statements: the identity statements on the execution role
 * (added by this library) and, in the owner account, a statement in the secret's resource policy
 * and one in the key policy of its customer managed key. The library cannot edit the other
 * account, so it emits those two statements as stack outputs for the owner account to add.
 */
export interface CrossAccountSecretAccess {
  /**
   * The 12-digit id of the account that owns the secret. Must match the account in the secret's ARN.
   */
  readonly ownerAccount: string;
}

/** How to read a Secrets Manager secret into a container. */
export interface SecretsManagerSecretOptions {
  /**
   * A top-level key of the secret's JSON value to inject instead of the whole value.
   * IAM cannot scope to a key: the execution role can still read the whole secret.
   *
   * @default - the whole secret value
   */
  readonly field?: string;

  /**
   * The version stage to read, e.g. `AWSPREVIOUS`. Mutually exclusive with `versionId`.
   *
   * @default - `AWSCURRENT`
   */
  readonly versionStage?: string;

  /**
   * The version id to read. Mutually exclusive with `versionStage`.
   *
   * @default - the current version
   */
  readonly versionId?: string;

  /**
   * The customer managed key that encrypts the secret, when the secret object does not carry it
   * (an imported secret). The execution role gets `kms:Decrypt` on it through Secrets Manager only.
   *
   * @default - `secret.encryptionKey`; none when the secret uses the AWS managed key
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * Opt-in for a secret owned by another account. Required when the secret's account differs
   * from the stack's account; the statements the owner account must add are emitted as outputs.
   *
   * @default - the secret must be in the stack's account
   */
  readonly crossAccount?: CrossAccountSecretAccess;
}

/** How to read an SSM parameter into a container. */
export interface SsmParameterSecretOptions {
  /**
   * The customer managed key that encrypts a SecureString parameter. The execution role gets
   * `kms:Decrypt` on it through Systems Manager only.
   *
   * @default - the key the parameter object carries, if any; none for String parameters and
   * SecureString parameters using the AWS managed `aws/ssm` key
   */
  readonly encryptionKey?: kms.IKey;
}

/** What one secret reference needs, resolved once by its factory. */
interface SecretReference {
  readonly source: IConstruct;
  readonly service: SecretService;
  readonly valueFrom: string;
  readonly hasField: boolean;
  readonly readAction: string;
  readonly resourceArn: string;
  readonly resourceAccount: string;
  readonly resourceRegion: string;
  readonly encryptionKey?: kms.IKey;
  readonly crossAccount?: CrossAccountSecretAccess;
}

const FIX_PARTIAL_ARN =
  'import the secret with its complete ARN (including the 6-character suffix Secrets Manager appends to the name): ' +
  "secretsmanager.Secret.fromSecretCompleteArn(scope, id, 'arn:aws:secretsmanager:<region>:<account>:secret:<name>-AbCdEf') " +
  'or secretsmanager.Secret.fromSecretAttributes(scope, id, { secretCompleteArn, encryptionKey })';

/**
 * A value injected into a container from Secrets Manager or SSM Parameter Store, read by the
 * task execution role with exactly the permissions ECS needs and nothing more.
 *
 * Unlike `ecs.Secret`, it grants only `secretsmanager:GetSecretValue` / `ssm:GetParameters` on
 * the exact ARN, adds `kms:Decrypt` for the customer managed key (conditioned on
 * `kms:ViaService`) in every case, rejects partial secret ARNs at synth, and requires an explicit
 * opt-in for secrets in another account.
 */
export class ContainerSecret {
  /**
   * A Secrets Manager secret: the whole value, one JSON field, or a version stage or id.
   *
   * The secret must be known by its complete ARN: a secret created in the app, or imported with
   * `Secret.fromSecretCompleteArn` / `fromSecretAttributes({ secretCompleteArn })`. A secret
   * imported by name or partial ARN is rejected, because ECS would receive the partial ARN and
   * fail at task start with AccessDenied.
   */
  public static fromSecretsManager(secret: secretsmanager.ISecret, options: SecretsManagerSecretOptions = {}): ContainerSecret {
    const path = secret.node.path;
    const fullArn = secret.secretFullArn;
    if (fullArn === undefined || isPartialSecretArn(fullArn)) {
      throw new Error(
        `${path}: this secret is known only by its name or a partial ARN (without the 6-character suffix), ` +
          `so ECS would fail at task start with AccessDeniedException. Fix: ${FIX_PARTIAL_ARN}.`,
      );
    }
    validateSelector(path, options);
    const encryptionKey = options.encryptionKey ?? secret.encryptionKey;
    validateKey(path, encryptionKey);
    const resourceAccount = secret.env.account;
    if (options.crossAccount) {
      validateCrossAccount(path, options.crossAccount, resourceAccount, encryptionKey);
    }
    return new ContainerSecret({
      source: secret,
      service: 'secretsmanager',
      valueFrom: secretsManagerValueFrom(fullArn, options),
      hasField: options.field !== undefined,
      readAction: 'secretsmanager:GetSecretValue',
      resourceArn: fullArn,
      resourceAccount,
      resourceRegion: secret.env.region,
      encryptionKey,
      crossAccount: options.crossAccount,
    });
  }

  /**
   * An SSM Parameter Store parameter, String or SecureString.
   *
   * For a SecureString encrypted with a customer managed key, pass the key (or import the
   * parameter with `StringParameter.fromSecureStringParameterAttributes({ encryptionKey })`) so
   * the execution role can decrypt it.
   */
  public static fromSsmParameter(parameter: ssm.IParameter, options: SsmParameterSecretOptions = {}): ContainerSecret {
    const path = parameter.node.path;
    const encryptionKey = options.encryptionKey ?? keyCarriedBy(parameter);
    validateKey(path, encryptionKey);
    return new ContainerSecret({
      source: parameter,
      service: 'ssm',
      valueFrom: parameter.parameterArn,
      hasField: false,
      readAction: 'ssm:GetParameters',
      resourceArn: parameter.parameterArn,
      ...parameterLocation(parameter),
      encryptionKey,
    });
  }

  /**
   * The `ValueFrom` ECS receives: the complete secret ARN (with `:<field>:<stage>:<id>` when a
   * field or version is selected) or the parameter ARN.
   */
  public readonly valueFrom: string;

  /** Whether a JSON field of the secret is selected (requires Fargate platform 1.4.0 or later). */
  public readonly hasField: boolean;

  private readonly ref: SecretReference;

  private constructor(ref: SecretReference) {
    this.ref = ref;
    this.valueFrom = ref.valueFrom;
    this.hasField = ref.hasField;
  }

  /**
   * The exact statements an execution role in `roleScope`'s stack needs to read this secret,
   * after checking the account relation. Throws with the fix when the secret is in another
   * account without the opt-in.
   *
   * @internal
   */
  public _grantFor(roleScope: IConstruct, roleArn: string): SecretGrant {
    const ref = this.ref;
    const statements = [new iam.PolicyStatement({ actions: [ref.readAction], resources: [ref.resourceArn] })];
    if (ref.encryptionKey) {
      statements.push(kmsDecryptStatement(ref.encryptionKey, ref.service, ref.resourceRegion));
    }
    const stackAccount = Stack.of(roleScope).account;
    const relation = accountRelation(ref.resourceAccount, stackAccount);
    const warnings: string[] = [];
    if (ref.service === 'ssm') {
      if (relation === 'different') {
        throw new Error(
          `${roleScope.node.path}: the SSM parameter ${ref.source.node.path} is in account ${ref.resourceAccount}, ` +
            `not in the stack's account ${stackAccount}. Cross-account parameters are not supported by this library; ` +
            'copy the value into a Secrets Manager secret and use ContainerSecret.fromSecretsManager with crossAccount.',
        );
      }
      return { statements, warnings };
    }
    if (!ref.crossAccount) {
      if (relation === 'different') {
        throw new Error(
          `${roleScope.node.path}: the secret ${ref.source.node.path} is in account ${ref.resourceAccount}, ` +
            `but the stack deploys to account ${stackAccount}. Reading a secret from another account needs an explicit opt-in ` +
            'and statements in the owner account. Fix: pass ' +
            `{ crossAccount: { ownerAccount: '${ref.resourceAccount}' }, encryptionKey } to ContainerSecret.fromSecretsManager ` +
            'and add the statements from the stack outputs to the secret resource policy and key policy in the owner account.',
        );
      }
      if (relation === 'unknown') {
        warnings.push(
          `The secret ${ref.source.node.path} is in account ${ref.resourceAccount}, which cannot be compared with the ` +
            'account of this environment-agnostic stack at synth. If it is another account, pass crossAccount to ' +
            'ContainerSecret.fromSecretsManager, or the task will fail at start with AccessDenied.',
        );
      }
      return { statements, warnings };
    }
    if (relation === 'same') {
      throw new Error(
        `${roleScope.node.path}: the secret ${ref.source.node.path} is in the stack's own account, but crossAccount is set. ` +
          'Fix: remove the crossAccount option (same-account secrets need no resource policy).',
      );
    }
    return {
      statements,
      warnings,
      ownerAccount: {
        account: ref.crossAccount.ownerAccount,
        secretArn: ref.resourceArn,
        statements: ownerAccountStatements(roleArn, ref.resourceRegion),
      },
    };
  }

  /**
   * The `ecs.Secret` to hand to an `ecs.ContainerDefinition`, after granting the exact read
   * permissions on `executionRole`. Its own `grantRead` deliberately grants nothing: the broad
   * grants of `ecs.Secret` (DescribeSecret, GetParameterHistory, key-policy edits) are replaced by
   * the statements `HardenedExecutionRole.grantSecretRead` adds.
   *
   * @internal
   */
  public _bind(executionRole: ISecretReader): ecs.Secret {
    executionRole.grantSecretRead(this);
    const valueFrom = this.valueFrom;
    const hasField = this.hasField;
    return {
      arn: valueFrom,
      hasField,
      grantRead: (grantee: iam.IGrantable) =>
        iam.Grant.drop(grantee, 'read access is granted with exact ARNs by HardenedExecutionRole.grantSecretRead'),
    };
  }
}

/**
 * Anything that can be granted read access to a `ContainerSecret` (a `HardenedExecutionRole`).
 */
export interface ISecretReader {
  /** Grants exactly what ECS needs to inject `secret` into a container. */
  grantSecretRead(secret: ContainerSecret): void;
}

function validateSelector(path: string, options: SecretsManagerSecretOptions): void {
  if (options.versionStage !== undefined && options.versionId !== undefined) {
    throw new Error(
      `${path}: versionStage and versionId are both set. Fix: select the version by one of them only ` +
        "(e.g. { versionStage: 'AWSPREVIOUS' } or { versionId: '<uuid>' }).",
    );
  }
  for (const [name, value] of Object.entries({ field: options.field, versionStage: options.versionStage, versionId: options.versionId })) {
    if (value === undefined || Token.isUnresolved(value)) continue;
    if (value === '' || value.includes(':')) {
      throw new Error(
        `${path}: ${name} '${value}' is ${value === '' ? 'empty' : "contains ':'"}, which breaks the ECS ValueFrom format ` +
          '<arn>:<json-key>:<version-stage>:<version-id>. Fix: omit the option or give a plain, non-empty value.',
      );
    }
  }
}

function validateKey(path: string, key: kms.IKey | undefined): void {
  const problem = key ? aliasKeyProblem(key) : undefined;
  if (problem) {
    throw new Error(`${path}: ${problem}.`);
  }
}

function validateCrossAccount(path: string, access: CrossAccountSecretAccess, secretAccount: string, key: kms.IKey | undefined): void {
  if (!Token.isUnresolved(access.ownerAccount) && !/^\d{12}$/.test(access.ownerAccount)) {
    throw new Error(`${path}: crossAccount.ownerAccount '${access.ownerAccount}' is not a 12-digit account id. Fix: pass the owner's account id.`);
  }
  if (!Token.isUnresolved(secretAccount) && !Token.isUnresolved(access.ownerAccount) && secretAccount !== access.ownerAccount) {
    throw new Error(
      `${path}: crossAccount.ownerAccount is ${access.ownerAccount} but the secret's ARN is in account ${secretAccount}. ` +
        `Fix: set ownerAccount to '${secretAccount}' or import the right secret ARN.`,
    );
  }
  if (!key) {
    throw new Error(
      `${path}: a secret read from another account must be encrypted with a customer managed key (the AWS managed ` +
        'aws/secretsmanager key cannot be shared across accounts). Fix: pass encryptionKey: kms.Key.fromKeyArn(scope, id, ' +
        "'<key ARN in the owner account>'), or import the secret with fromSecretAttributes({ secretCompleteArn, encryptionKey }).",
    );
  }
}

/**
 * Account and region of a parameter. `fromStringParameterArn` keeps the stack's environment on
 * the imported object, so a literal ARN is the better source.
 */
function parameterLocation(parameter: ssm.IParameter): { resourceAccount: string; resourceRegion: string } {
  const arn = parameter.parameterArn;
  if (Token.isUnresolved(arn)) {
    return { resourceAccount: parameter.env.account, resourceRegion: parameter.env.region };
  }
  const parts = Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME);
  return { resourceAccount: parts.account ?? parameter.env.account, resourceRegion: parts.region ?? parameter.env.region };
}

/** `StringParameter.fromSecureStringParameterAttributes({ encryptionKey })` keeps the key on the object. */
function keyCarriedBy(parameter: ssm.IParameter): kms.IKey | undefined {
  return (parameter as { encryptionKey?: kms.IKey }).encryptionKey;
}
