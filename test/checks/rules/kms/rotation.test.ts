import * as kms from 'aws-cdk-lib/aws-kms';
import { rotation } from '../../../../lib/checks/rules/kms/rotation';
import { describeRule } from '../harness';

function key(properties: object, parameters: object = {}): object {
  return {
    Parameters: { Rotate: { Type: 'String', Default: 'true' }, NoDefault: { Type: 'String' }, ...parameters },
    Resources: { Settings: { Type: 'Custom::Settings', Properties: {} }, Key: { Type: 'AWS::KMS::Key', Properties: properties } },
  };
}

describeRule(rotation, {
  passing: [
    { name: 'rotation on', template: key({ EnableKeyRotation: true }) },
    { name: 'rotation from a Ref default', template: key({ EnableKeyRotation: { Ref: 'Rotate' } }) },
    { name: 'explicit SYMMETRIC_DEFAULT via Fn::Join', template: key({ KeySpec: { 'Fn::Join': ['_', ['SYMMETRIC', 'DEFAULT']] }, EnableKeyRotation: 'true' }) },
    { name: 'cdk: kms.Key enableKeyRotation', cdk: (stack) => new kms.Key(stack, 'Key', { enableKeyRotation: true }) },
  ],
  failing: [
    { name: 'rotation absent', template: key({}) },
    { name: 'rotation false', template: key({ EnableKeyRotation: false }) },
    { name: 'cdk: kms.Key defaults', cdk: (stack) => new kms.Key(stack, 'Key') },
  ],
  unresolvable: [
    { name: 'rotation imported', template: key({ EnableKeyRotation: { 'Fn::ImportValue': 'RotateKeys' } }) },
    { name: 'rotation from Fn::Sub over a parameter without a default', template: key({ EnableKeyRotation: { 'Fn::Sub': '${NoDefault}' } }) },
    { name: 'key spec from a custom resource', template: key({ KeySpec: { 'Fn::GetAtt': ['Settings', 'Spec'] } }) },
  ],
  notApplicable: [
    { name: 'asymmetric RSA key', template: key({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }) },
    { name: 'HMAC key', template: key({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }) },
    { name: 'imported key material', template: key({ Origin: 'EXTERNAL' }) },
    { name: 'cdk: asymmetric kms.Key', cdk: (stack) => new kms.Key(stack, 'Key', { keySpec: kms.KeySpec.ECC_NIST_P256, keyUsage: kms.KeyUsage.SIGN_VERIFY }) },
  ],
});
