import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as kms from 'aws-cdk-lib/aws-kms';
import { cmk } from '../../../../lib/checks/rules/ecr/cmk';
import { describeRule } from '../harness';
import { repositoryTemplate } from './fixtures';

const kmsWith = (key: unknown, type = 'KMS') => repositoryTemplate({ EncryptionConfiguration: { EncryptionType: type, ...(key === undefined ? {} : { KmsKey: key }) } });

describeRule(cmk, {
  passing: [
    { name: 'KMS with an in-template key by GetAtt', template: kmsWith({ 'Fn::GetAtt': ['Key', 'Arn'] }) },
    { name: 'KMS_DSSE with an in-template key by Ref', template: kmsWith({ Ref: 'Key' }, 'KMS_DSSE') },
    { name: 'literal customer key ARN', template: kmsWith('arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab') },
    { name: 'cdk: ecr.Repository with encryptionKey', cdk: (stack) => new ecr.Repository(stack, 'Repo', { encryptionKey: new kms.Key(stack, 'Key') }) },
  ],
  failing: [
    { name: 'no encryption configuration (AES256)', template: repositoryTemplate({}) },
    { name: 'KMS without a key uses aws/ecr', template: kmsWith(undefined) },
    { name: 'aws/ecr alias ARN built with Fn::Sub', template: kmsWith({ 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/aws/ecr' }) },
    { name: 'aws/ecr alias via Fn::Join', template: kmsWith({ 'Fn::Join': ['/', ['alias', 'aws', 'ecr']] }) },
    { name: 'cdk: ecr.Repository encryption KMS without a key', cdk: (stack) => new ecr.Repository(stack, 'Repo', { encryption: ecr.RepositoryEncryption.KMS }) },
    { name: 'cdk: ecr.Repository defaults', cdk: (stack) => new ecr.Repository(stack, 'Repo') },
  ],
  unresolvable: [
    { name: 'key imported from another stack', template: kmsWith({ 'Fn::ImportValue': 'RegistryKeyArn' }) },
    { name: 'encryption type from a parameter without a default', template: repositoryTemplate({ EncryptionConfiguration: { EncryptionType: { Ref: 'NoDefault' } } }) },
  ],
});
