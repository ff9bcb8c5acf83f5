import { PolicyValue } from './iam-policy';
import { Opaque, isOpaque } from './opaque';
import { ModelResource, TemplateModel } from './template-model';

/**
 * What a container's `Secrets[].ValueFrom` (or `RepositoryCredentials.CredentialsParameter`,
 * `SecretOptions[].ValueFrom`) points at, and the resource ARN the execution role must be
 * granted on. Secrets Manager references may carry `:<json-key>:<version-stage>:<version-id>`,
 * which IAM ignores (grants cover the whole secret), so {@link SecretReference.grantResource} drops it.
 */
export interface SecretReference {
  readonly store: 'secretsmanager' | 'ssm';
  /** The ARN (or composite ARN) to ask IAM about. */
  readonly grantResource: PolicyValue;
  /** The in-template `AWS::SecretsManager::Secret` or `AWS::SSM::Parameter`, when the reference names one. */
  readonly resource?: ModelResource;
}

/** A reference that cannot work: the reason, safe to print (it never contains a secret value). */
export interface InvalidSecretReference {
  readonly invalid: string;
}

const SECRET_SUFFIX = /-[A-Za-z0-9]{6}$/;
const PSEUDO = (name: string) => new Opaque('pseudo', `<${name}>`, { target: name, reason: `${name} is known only at deploy time` });

/** Reads a resolved reference; an {@link Opaque} result means it cannot be judged (import, parameter without default…). */
export function readSecretReference(model: TemplateModel, value: unknown): SecretReference | InvalidSecretReference | Opaque {
  if (typeof value === 'string') return literalReference(value);
  if (!isOpaque(value)) return { invalid: 'it is not a string' };
  const target = model.resourceIdentifiedBy(value);
  const parts = value.kind === 'composite' ? value.details.parts ?? [] : [value];
  if (target?.type === 'AWS::SecretsManager::Secret' && isOpaque(parts[0]) && model.referencedResource(parts[0]) === target) {
    // `Ref Secret` is the complete ARN; anything after it is `:<json-key>:<stage>:<version>`.
    return { store: 'secretsmanager', grantResource: parts[0], resource: target };
  }
  if (target?.type === 'AWS::SSM::Parameter' && parts.length === 1) {
    return { store: 'ssm', grantResource: ssmArnForName(model, value), resource: target };
  }
  return compositeReference(value, parts);
}

function literalReference(text: string): SecretReference | InvalidSecretReference {
  const secretsManager = /^(arn:[^:]+:secretsmanager:[^:]*:[^:]*:secret:)([^:]+)((?::[^:]*){0,3})$/.exec(text);
  if (secretsManager) {
    if (!SECRET_SUFFIX.test(secretsManager[2])) return { invalid: partialArnReason() };
    return { store: 'secretsmanager', grantResource: secretsManager[1] + secretsManager[2] };
  }
  if (/^arn:[^:]+:ssm:[^:]*:[^:]*:parameter[/].+/.test(text)) return { store: 'ssm', grantResource: text };
  if (text.startsWith('arn:')) return { invalid: 'it is neither a Secrets Manager secret ARN nor an SSM parameter ARN' };
  if (/^[A-Za-z0-9_.\-/]+$/.test(text)) return { store: 'ssm', grantResource: ssmArn(text) };
  return { invalid: 'it is not a valid Secrets Manager ARN or SSM parameter name' };
}

function compositeReference(value: Opaque, parts: ReadonlyArray<string | Opaque>): SecretReference | InvalidSecretReference | Opaque {
  const literal = parts.map((p) => (typeof p === 'string' ? p : '\u0001')).join('');
  const secretAt = literal.indexOf(':secret:');
  if (/^arn:[^:]*:secretsmanager:/.test(literal) && secretAt >= 0) {
    const afterSecret = literal.slice(secretAt + ':secret:'.length);
    const name = afterSecret.split(':')[0];
    if (name.includes('\u0001')) return value;
    if (!SECRET_SUFFIX.test(name)) return { invalid: partialArnReason() };
    return { store: 'secretsmanager', grantResource: truncateAfter(value, parts, secretAt + ':secret:'.length + name.length) };
  }
  if (/^arn:[^:]*:ssm:/.test(literal) && literal.includes(':parameter/')) return { store: 'ssm', grantResource: value };
  return value;
}

function partialArnReason(): string {
  return 'it is a partial Secrets Manager ARN (no 6-character suffix); ECS cannot match it against the grant and the task fails with AccessDeniedException';
}

/** The composite cut at a position of its literal text (dropping a literal `:<json-key>:…` tail). */
function truncateAfter(value: Opaque, parts: ReadonlyArray<string | Opaque>, length: number): PolicyValue {
  const kept: Array<string | Opaque> = [];
  let position = 0;
  for (const part of parts) {
    if (position >= length) break;
    const size = typeof part === 'string' ? part.length : 1;
    kept.push(typeof part === 'string' && position + size > length ? part.slice(0, length - position) : part);
    position += size;
  }
  if (kept.length === parts.length && kept.every((p, i) => p === parts[i])) return value;
  const display = kept.map((p) => (typeof p === 'string' ? p : p.display)).join('');
  return new Opaque('composite', display, { parts: kept, reason: value.details.reason });
}

/** The ARN of an SSM parameter in the deploying account and region: `parameter/<name>`, without a double slash. */
function ssmArn(name: string): PolicyValue {
  const path = name.startsWith('/') ? name : `/${name}`;
  const parts = ['arn:', PSEUDO('AWS::Partition'), ':ssm:', PSEUDO('AWS::Region'), ':', PSEUDO('AWS::AccountId'), `:parameter${path}`];
  return new Opaque('composite', parts.map((p) => (typeof p === 'string' ? p : p.display)).join(''), { parts, reason: 'SSM parameter ARN in the deploying account and region' });
}

/** The ARN of an in-template parameter from its `Ref` (its name), the way aws-cdk-lib builds it for grants. */
function ssmArnForName(_model: TemplateModel, nameRef: Opaque): PolicyValue {
  const parts = ['arn:', PSEUDO('AWS::Partition'), ':ssm:', PSEUDO('AWS::Region'), ':', PSEUDO('AWS::AccountId'), ':parameter/', nameRef];
  return new Opaque('composite', parts.map((p) => (typeof p === 'string' ? p : p.display)).join(''), { parts, reason: 'SSM parameter ARN in the deploying account and region' });
}
