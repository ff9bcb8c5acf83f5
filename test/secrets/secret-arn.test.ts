import { Aws } from 'aws-cdk-lib';
import { isPartialSecretArn, secretsManagerValueFrom } from '../../lib/secrets/secret-arn';

describe('isPartialSecretArn', () => {
  test.each([
    ['arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/api-key-AbCdEf', false],
    ['arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/api-key', true],
    ['arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-creds', true],
    ['arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdE', true],
    [`arn:aws:secretsmanager:eu-west-1:${Aws.ACCOUNT_ID}:secret:db`, false],
  ])('%s -> %s', (arn, partial) => {
    expect(isPartialSecretArn(arn)).toBe(partial);
  });
});

describe('secretsManagerValueFrom', () => {
  const arn = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:a-AbCdEf';
  test('whole secret is the bare ARN', () => expect(secretsManagerValueFrom(arn, {})).toBe(arn));
  test('all parts', () => expect(secretsManagerValueFrom(arn, { field: 'f', versionStage: 's', versionId: 'i' })).toBe(`${arn}:f:s:i`));
});
