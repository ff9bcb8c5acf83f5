import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { secretCmk } from '../../../../lib/checks/rules/secretsmanager/secret-cmk';
import { describeRule } from '../harness';

function secret(keyId: unknown): object {
  return {
    Parameters: { KeyParam: { Type: 'String' } },
    Resources: {
      Key: { Type: 'AWS::KMS::Key', Properties: {} },
      Alias: { Type: 'AWS::KMS::Alias', Properties: { AliasName: 'alias/app', TargetKeyId: { Ref: 'Key' } } },
      Secret: { Type: 'AWS::SecretsManager::Secret', Properties: keyId === undefined ? {} : { KmsKeyId: keyId } },
    },
  };
}

describeRule(secretCmk, {
  passing: [
    { name: 'in-template key by GetAtt', template: secret({ 'Fn::GetAtt': ['Key', 'Arn'] }) },
    { name: 'in-template key by Ref', template: secret({ Ref: 'Key' }) },
    { name: 'in-template customer alias', template: secret({ Ref: 'Alias' }) },
    { name: 'key ARN built with Fn::Sub', template: secret({ 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab' }) },
    { name: 'cdk: secretsmanager.Secret with encryptionKey', cdk: (stack) => new secretsmanager.Secret(stack, 'Secret', { encryptionKey: new kms.Key(stack, 'Key') }) },
  ],
  failing: [
    { name: 'KmsKeyId absent', template: secret(undefined) },
    { name: 'alias/aws/secretsmanager', template: secret('alias/aws/secretsmanager') },
    {
      name: 'AWS managed alias ARN built with Fn::Join',
      template: secret({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':kms:eu-west-1:111111111111:alias/aws/secretsmanager']] }),
    },
    { name: 'cdk: secretsmanager.Secret defaults', cdk: (stack) => new secretsmanager.Secret(stack, 'Secret') },
  ],
  unresolvable: [
    { name: 'key imported from another stack', template: secret({ 'Fn::ImportValue': 'SecretsKeyArn' }) },
    { name: 'key from a parameter without a default', template: secret({ Ref: 'KeyParam' }) },
  ],
});
