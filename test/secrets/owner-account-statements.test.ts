import { ownerAccountStatements } from '../../lib/secrets/owner-account-statements';

test('the owner account grants the execution role GetSecretValue on the secret and Decrypt only through Secrets Manager', () => {
  const roleArn = 'arn:aws:iam::111111111111:role/reporting-execution';
  expect(ownerAccountStatements(roleArn, 'eu-west-1')).toEqual({
    secretResourcePolicy: {
      Sid: 'AllowEcsExecutionRoleToReadSecret',
      Effect: 'Allow',
      Principal: { AWS: roleArn },
      Action: 'secretsmanager:GetSecretValue',
      Resource: '*',
    },
    keyPolicy: {
      Sid: 'AllowEcsExecutionRoleToDecryptSecret',
      Effect: 'Allow',
      Principal: { AWS: roleArn },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
    },
  });
});
