import { App, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { aliasKeyProblem, kmsDecryptStatement, viaServiceName } from '../../lib/secrets/kms-decrypt';

test('kms:ViaService names the service endpoint in the region', () => {
  expect(viaServiceName('ssm', 'eu-west-1')).toBe('ssm.eu-west-1.amazonaws.com');
});

test('the decrypt statement is kms:Decrypt only, on the key ARN, via the service', () => {
  const s = new Stack(new App(), 'S');
  const key = kms.Key.fromKeyArn(s, 'K', 'arn:aws:kms:eu-west-1:111111111111:key/k');
  expect(kmsDecryptStatement(key, 'secretsmanager', 'eu-west-1').toStatementJson()).toEqual({
    Effect: 'Allow',
    Action: 'kms:Decrypt',
    Resource: 'arn:aws:kms:eu-west-1:111111111111:key/k',
    Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
  });
});

test('an alias is reported, a key is not', () => {
  const s = new Stack(new App(), 'S');
  expect(aliasKeyProblem(kms.Alias.fromAliasName(s, 'A', 'alias/app'))).toMatch(/referenced by an alias/);
  expect(aliasKeyProblem(kms.Key.fromKeyArn(s, 'K', 'arn:aws:kms:eu-west-1:111111111111:key/k'))).toBeUndefined();
  expect(aliasKeyProblem(new kms.Key(s, 'Owned'))).toBeUndefined();
});
