import { Annotations, Arn, ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * Adds the key-policy statement CloudWatch Logs needs to encrypt and decrypt with a CMK,
 * scoped by the `aws:logs:arn` encryption context that CloudWatch Logs always sends.
 * Warns when the key policy cannot be edited (imported key).
 */
export function allowCloudWatchLogsToUseKey(scope: Construct, key: kms.IKey, logGroupName?: string): void {
  const stack = Stack.of(scope);
  const logGroupArnPattern = Arn.format({
    service: 'logs',
    resource: 'log-group',
    // The exact name when known; otherwise every log group of this account and region.
    resourceName: logGroupName ?? '*',
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  }, stack);
  const statement = new iam.PolicyStatement({
    sid: 'AllowCloudWatchLogsUseOfTheKey',
    principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
    actions: [
      'kms:Encrypt',
      'kms:Decrypt',
      'kms:ReEncryptFrom',
      'kms:ReEncryptTo',
      'kms:GenerateDataKey',
      'kms:GenerateDataKeyWithoutPlaintext',
      'kms:DescribeKey',
    ],
    // In a key policy, `*` means "this key".
    resources: ['*'],
    conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': logGroupArnPattern } },
  });
  const { statementAdded } = key.addToResourcePolicy(statement, /* allowNoOp */ true);
  if (!statementAdded) {
    Annotations.of(scope).addWarningV2(
      'cdk-hardened-ecs:imported-log-key',
      `The log encryption key ${key.node.path} is imported, so its key policy ` +
        `cannot be edited here. Its owner must allow principal logs.<region>.amazonaws.com the actions ${statement.actions.join(', ')} ` +
        `with ArnLike kms:EncryptionContext:aws:logs:arn = arn:<partition>:logs:<region>:<account>:log-group:${logGroupName ?? '*'}, ` +
        'or the log group deployment fails.',
    );
  }
}
