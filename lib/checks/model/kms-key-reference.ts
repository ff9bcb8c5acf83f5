import { Opaque } from './opaque';
import { ModelResource, TemplateModel } from './template-model';
import { property } from './values';

/**
 * What a `KmsKeyId` / `KmsKey` property points at.
 * - `absent`: not set (the service's default encryption applies);
 * - `aws-managed`: an `alias/aws/...` key, which key policies cannot govern or share;
 * - `template-key`: an AWS::KMS::Key of this template (directly or through an AWS::KMS::Alias);
 * - `customer-literal`: a literal key id, key ARN or customer alias from elsewhere;
 * - `unresolved`: an import, a parameter or another value the template does not determine.
 */
export type KmsKeyReference =
  | { readonly kind: 'absent' }
  | { readonly kind: 'aws-managed'; readonly shown: string }
  | { readonly kind: 'template-key'; readonly key: ModelResource; readonly shown: string }
  | { readonly kind: 'customer-literal'; readonly shown: string }
  | { readonly kind: 'unresolved'; readonly value: Opaque };

const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//i;

export function kmsKeyReference(model: TemplateModel, value: unknown): KmsKeyReference {
  if (value === undefined || value === null || value === '') return { kind: 'absent' };
  if (typeof value === 'string') {
    return AWS_MANAGED_ALIAS.test(value) ? { kind: 'aws-managed', shown: value } : { kind: 'customer-literal', shown: value };
  }
  if (!(value instanceof Opaque)) return { kind: 'unresolved', value: new Opaque('unsupported', JSON.stringify(value), { reason: 'not a key id' }) };

  const literalText = value.kind === 'composite' ? (value.details.parts ?? []).filter((p) => typeof p === 'string').join('') : '';
  if (AWS_MANAGED_ALIAS.test(literalText)) return { kind: 'aws-managed', shown: value.display };

  const resource = model.resourceIdentifiedBy(value);
  if (resource?.type === 'AWS::KMS::Key') return { kind: 'template-key', key: resource, shown: value.display };
  if (resource?.type === 'AWS::KMS::Alias') {
    const aliasName = property(model.properties(resource), 'AliasName');
    if (typeof aliasName === 'string' && AWS_MANAGED_ALIAS.test(aliasName)) return { kind: 'aws-managed', shown: aliasName };
    const target = model.resourceIdentifiedBy(property(model.properties(resource), 'TargetKeyId'));
    if (target?.type === 'AWS::KMS::Key') return { kind: 'template-key', key: target, shown: value.display };
  }
  // A composite whose literal parts already show a key or a customer alias (e.g. `arn:${AWS::Partition}:kms:...:key/1234`).
  if (value.kind === 'composite' && /:(key|alias)\/[^/]/.test(literalText)) return { kind: 'customer-literal', shown: value.display };
  return { kind: 'unresolved', value };
}
