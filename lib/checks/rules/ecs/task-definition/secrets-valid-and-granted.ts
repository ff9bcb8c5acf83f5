import { ContainerView, evaluateContainers } from '../../../model/ecs-containers';
import { roleGrants, roleIdentifiedBy } from '../../../model/ecs-roles';
import { PolicyValue, flatten } from '../../../model/iam-policy';
import { Opaque, isOpaque } from '../../../model/opaque';
import { readSecretReference } from '../../../model/secret-reference';
import { ModelResource, TemplateModel } from '../../../model/template-model';
import { listValue, property, recordValue, stringValue } from '../../../model/values';
import { Outcome, Rule, fail, pass, unverified } from '../../../rule';

const READ_ACTION = { secretsmanager: 'secretsmanager:GetSecretValue', ssm: 'ssm:GetParameters' } as const;

/** One place a container references a secret. */
interface SecretUse {
  readonly key: string;
  /** What the reference is, for messages: `secret DB_PASSWORD`, `registry credentials secret`, `log option apiKey`. */
  readonly label: string;
  /** The property that holds the reference: `ValueFrom`, or `CredentialsParameter` for registry credentials. */
  readonly field: string;
  readonly valueFrom: unknown;
  /** Registry credentials must be Secrets Manager. */
  readonly secretsManagerOnly: boolean;
}

/** TD-27: every secret reference is complete and readable by the execution role. */
export const secretsValidAndGranted: Rule = {
  id: 'TD-27',
  name: 'secrets-valid-and-granted',
  title: 'Secret references are complete ARNs granted to the execution role',
  severity: 'high',
  rationale:
    'ECS fetches `Secrets`, registry credentials and log-driver `SecretOptions` with the execution role before the ' +
    'container starts. A partial Secrets Manager ARN (no 6-character suffix, as `fromSecretNameV2` produces) is matched ' +
    'literally, so even a `-??????` grant does not cover it, and a missing `secretsmanager:GetSecretValue` / ' +
    '`ssm:GetParameters` grant (the managed AmazonECSTaskExecutionRolePolicy grants neither) or a missing `kms:Decrypt` ' +
    'on the secret\'s customer managed key all end in `ResourceInitializationError` at task start. Nobody else checks this.',
  fix:
    'Reference secrets by their complete ARN (`arn:…:secret:<name>-AbCdEf`, optionally `:<json-key>::`) or SSM ' +
    'parameter ARN/name, and grant the execution role `secretsmanager:GetSecretValue` (or `ssm:GetParameters`) on ' +
    'exactly those ARNs plus `kms:Decrypt` on the key with `kms:ViaService`; in aws-cdk-lib use `ecs.Secret.' +
    'fromSecretsManager(Secret.fromSecretCompleteArn(...))` (ContainerSecret in cdk-hardened-ecs), which grants it.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {},
  enabledByDefault: true,

  evaluate(properties, { model }) {
    const executionRoleValue = property(properties, 'ExecutionRoleArn');
    const executionRole = roleIdentifiedBy(model, executionRoleValue);
    return evaluateContainers(properties, (container): Outcome[] => {
      const uses = secretUses(container);
      if (isOpaque(uses)) return [unverified(container.key, `The secrets of container ${container.name} cannot be resolved: ${uses.display}.`, container.name)];
      if (uses.length === 0) return [pass(container.key, `Container ${container.name} references no secrets.`, container.name)];
      return uses.map((use) => judgeUse(model, container, use, executionRoleValue, executionRole));
    });
  },
};

function secretUses(container: ContainerView): SecretUse[] | Opaque {
  const uses: SecretUse[] = [];
  const secrets = listValue(property(container.definition, 'Secrets'));
  if (isOpaque(secrets)) return secrets;
  for (const entry of secrets ?? []) {
    const record = recordValue(entry);
    if (!record || isOpaque(record)) return isOpaque(record) ? record : new Opaque('unsupported', 'a malformed Secrets entry');
    const name = stringValue(property(record, 'Name'));
    const shownName = isOpaque(name) ? name.display : name ?? '(unnamed)';
    uses.push({ key: `Secret::${shownName}`, label: `secret ${shownName}`, field: 'ValueFrom', valueFrom: property(record, 'ValueFrom'), secretsManagerOnly: false });
  }
  const credentials = recordValue(property(container.definition, 'RepositoryCredentials'));
  if (isOpaque(credentials)) return credentials;
  if (credentials) {
    uses.push({ key: `Secret::${container.name}/RepositoryCredentials`, label: 'registry credentials secret', field: 'CredentialsParameter', valueFrom: property(credentials, 'CredentialsParameter'), secretsManagerOnly: true });
  }
  const logging = recordValue(property(container.definition, 'LogConfiguration'));
  if (isOpaque(logging)) return logging;
  const secretOptions = logging ? listValue(property(logging, 'SecretOptions')) : undefined;
  if (isOpaque(secretOptions)) return secretOptions;
  for (const entry of secretOptions ?? []) {
    const record = recordValue(entry);
    if (!record || isOpaque(record)) return isOpaque(record) ? record : new Opaque('unsupported', 'a malformed SecretOptions entry');
    const name = stringValue(property(record, 'Name'));
    const shownName = isOpaque(name) ? name.display : name ?? '(unnamed)';
    uses.push({ key: `Secret::${container.name}/log:${shownName}`, label: `log option ${shownName}`, field: 'ValueFrom', valueFrom: property(record, 'ValueFrom'), secretsManagerOnly: false });
  }
  return uses;
}

function judgeUse(
  model: TemplateModel,
  container: ContainerView,
  use: SecretUse,
  executionRoleValue: unknown,
  executionRole: ModelResource | undefined,
): Outcome {
  const where = `The ${use.label} of container ${container.name}`;
  if (use.valueFrom === undefined) return fail(use.key, `${where} has no ${use.field}.`, container.name);
  const reference = readSecretReference(model, use.valueFrom);
  if (isOpaque(reference)) return unverified(use.key, `${where} comes from ${reference.display}, which cannot be resolved: ${reference.details.reason ?? 'unknown value'}.`, container.name);
  if ('invalid' in reference) return fail(use.key, `${where} cannot be read: ${reference.invalid}.`, container.name);
  if (use.secretsManagerOnly && reference.store !== 'secretsmanager') return fail(use.key, `${where} must be in Secrets Manager.`, container.name);

  if (executionRoleValue === undefined) return fail(use.key, `${where} needs an execution role, and the task definition has none.`, container.name);
  if (!executionRole) {
    const shown = isOpaque(executionRoleValue) ? executionRoleValue.display : String(executionRoleValue);
    return unverified(use.key, `${where} is read by the execution role ${shown}, which is defined outside this template, so its grants cannot be verified.`, container.name);
  }
  const action = READ_ACTION[reference.store];
  const shownResource = flatten(reference.grantResource);
  const read = roleGrants(model, executionRole, action, reference.grantResource);
  if (isOpaque(read.granted)) {
    return unverified(use.key, `Whether execution role ${executionRole.logicalId} allows ${action} on ${shownResource} cannot be verified (${read.granted.display}).`, container.name);
  }
  if (!read.granted) {
    const denied = read.deniedBy ? ` (denied by ${read.deniedBy.key})` : '';
    return fail(use.key, `Execution role ${executionRole.logicalId} does not allow ${action} on ${shownResource}${denied}: the task fails to start with ResourceInitializationError.`, container.name);
  }
  const keyVerdict = decryptVerdict(model, executionRole, reference.resource);
  if (keyVerdict === true) return pass(use.key, `${where} is granted (${action} and kms:Decrypt).`, container.name);
  if (keyVerdict) return outcomeFor(keyVerdict, use.key, container.name);
  return pass(use.key, `${where} is a complete reference granted to execution role ${executionRole.logicalId}.`, container.name);
}

/** For an in-template secret encrypted with a customer managed key: whether the execution role may decrypt with it. */
function decryptVerdict(model: TemplateModel, role: ModelResource, secret: ModelResource | undefined): true | Outcome | undefined {
  if (!secret || secret.type !== 'AWS::SecretsManager::Secret') return undefined;
  const keyValue = property(model.properties(secret), 'KmsKeyId');
  if (keyValue === undefined) return undefined;
  // The AWS managed key, literal or built with Fn::Sub/Join (`arn:${AWS::Partition}:kms:...:alias/aws/secretsmanager`).
  const parts = isOpaque(keyValue) && keyValue.kind === 'composite' ? keyValue.details.parts ?? [] : [];
  const keyTail = typeof keyValue === 'string' ? keyValue : parts[parts.length - 1];
  if (typeof keyTail === 'string' && /alias\/aws\/secretsmanager$/.test(keyTail)) return undefined;
  const key = model.resourceIdentifiedBy(keyValue);
  const asked: PolicyValue = key?.type === 'AWS::KMS::Key'
    ? new Opaque('getatt', `<${key.logicalId}.Arn>`, { target: key.logicalId, attribute: 'Arn' })
    : isOpaque(keyValue) ? keyValue : String(keyValue);
  const answer = roleGrants(model, role, 'kms:Decrypt', asked);
  if (answer.granted === true) return true;
  const shown = flatten(asked);
  if (isOpaque(answer.granted)) return unverified('', `Whether execution role ${role.logicalId} may use kms:Decrypt on ${shown} (the key of secret ${secret.logicalId}) cannot be verified.`);
  return fail('', `Execution role ${role.logicalId} may not use kms:Decrypt on ${shown}, the customer managed key of secret ${secret.logicalId}: the task fails to start.`);
}

function outcomeFor(verdict: Outcome, key: string, container: string): Outcome {
  return { ...verdict, key, container };
}
