import { Duration } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { rotation } from '../../../../lib/checks/rules/secretsmanager/rotation';
import { describeRule } from '../harness';

function secretWith(schedule?: object, extra: object = {}): object {
  return {
    Parameters: { Days: { Type: 'Number', Default: 30 }, NoDefault: { Type: 'String' } },
    Resources: {
      Secret: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
      Rotator: { Type: 'AWS::Lambda::Function', Properties: {} },
      ...(schedule ? { Schedule: { Type: 'AWS::SecretsManager::RotationSchedule', Properties: schedule } } : {}),
      ...extra,
    },
  };
}

describeRule(rotation, {
  passing: [
    {
      name: 'Lambda rotation every 30 days (Ref default)',
      template: secretWith({ SecretId: { Ref: 'Secret' }, RotationLambdaARN: { 'Fn::GetAtt': ['Rotator', 'Arn'] }, RotationRules: { AutomaticallyAfterDays: { Ref: 'Days' } } }),
    },
    {
      name: 'hosted rotation with a schedule expression',
      template: secretWith({ SecretId: { Ref: 'Secret' }, HostedRotationLambda: { RotationType: 'PostgreSQLSingleUser' }, RotationRules: { ScheduleExpression: 'rate(7 days)' } }),
    },
    {
      name: 'one working schedule is enough: a broken schedule before and after it',
      template: secretWith(
        { SecretId: { Ref: 'Secret' }, RotationLambdaARN: { 'Fn::GetAtt': ['Rotator', 'Arn'] } },
        {
          Working: {
            Type: 'AWS::SecretsManager::RotationSchedule',
            Properties: { SecretId: { Ref: 'Secret' }, RotationLambdaARN: { 'Fn::GetAtt': ['Rotator', 'Arn'] }, RotationRules: { AutomaticallyAfterDays: 30 } },
          },
          NoFunction: { Type: 'AWS::SecretsManager::RotationSchedule', Properties: { SecretId: { Ref: 'Secret' }, RotationRules: { AutomaticallyAfterDays: 30 } } },
        },
      ),
    },
    {
      name: 'cdk: secret.addRotationSchedule with hosted rotation',
      cdk: (stack) => new secretsmanager.Secret(stack, 'Secret').addRotationSchedule('Rotation', {
        hostedRotation: secretsmanager.HostedRotation.mysqlSingleUser(),
        automaticallyAfter: Duration.days(30),
      }),
    },
  ],
  failing: [
    { name: 'no rotation schedule', template: secretWith() },
    { name: 'schedule without a rotation function', template: secretWith({ SecretId: { Ref: 'Secret' }, RotationRules: { AutomaticallyAfterDays: 30 } }) },
    {
      name: 'schedule without rules',
      template: secretWith({ SecretId: { 'Fn::Join': ['', [{ Ref: 'Secret' }]] }, RotationLambdaARN: { 'Fn::GetAtt': ['Rotator', 'Arn'] } }),
    },
    {
      name: 'RotationRules with only a Duration',
      template: secretWith({ SecretId: { Ref: 'Secret' }, RotationLambdaARN: { 'Fn::GetAtt': ['Rotator', 'Arn'] }, RotationRules: { Duration: '2h' } }),
    },
    {
      name: 'the master secret of a multi-user hosted rotation is not rotated by the user secret schedule',
      template: secretWith(undefined, {
        UserSecret: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
        UserRotation: {
          Type: 'AWS::SecretsManager::RotationSchedule',
          Properties: {
            SecretId: { Ref: 'UserSecret' },
            HostedRotationLambda: { RotationType: 'PostgreSQLMultiUser', MasterSecretArn: { Ref: 'Secret' } },
            RotationRules: { AutomaticallyAfterDays: 30 },
          },
        },
      }),
      logicalId: 'Secret',
    },
    {
      name: 'a resource policy references the secret, no schedule does',
      template: secretWith(undefined, {
        Policy: { Type: 'AWS::SecretsManager::ResourcePolicy', Properties: { SecretId: { Ref: 'Secret' }, ResourcePolicy: { Statement: [] } } },
      }),
    },
    {
      name: 'a schedule for a secret of another stack given by a literal ARN does not count',
      template: secretWith({
        SecretId: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:other-AbCdEf',
        RotationLambdaARN: { 'Fn::GetAtt': ['Rotator', 'Arn'] },
        RotationRules: { AutomaticallyAfterDays: 30 },
      }),
    },
    { name: 'cdk: secretsmanager.Secret defaults', cdk: (stack) => new secretsmanager.Secret(stack, 'Secret') },
  ],
  unresolvable: [
    {
      name: 'the only schedule targets an imported secret id',
      template: secretWith({ SecretId: { 'Fn::ImportValue': 'SecretArn' }, RotationLambdaARN: 'arn:aws:lambda:eu-west-1:111111111111:function:rotate', RotationRules: { AutomaticallyAfterDays: 30 } }),
    },
    {
      name: 'two schedules target imported secret ids',
      template: secretWith(
        { SecretId: { 'Fn::ImportValue': 'SecretArn' }, RotationLambdaARN: { 'Fn::GetAtt': ['Rotator', 'Arn'] }, RotationRules: { AutomaticallyAfterDays: 30 } },
        {
          Other: {
            Type: 'AWS::SecretsManager::RotationSchedule',
            Properties: { SecretId: { Ref: 'NoDefault' }, RotationLambdaARN: { 'Fn::GetAtt': ['Rotator', 'Arn'] }, RotationRules: { AutomaticallyAfterDays: 30 } },
          },
        },
      ),
    },
    {
      name: 'RotationRules imported',
      template: secretWith({ SecretId: { Ref: 'Secret' }, RotationLambdaARN: { 'Fn::GetAtt': ['Rotator', 'Arn'] }, RotationRules: { 'Fn::ImportValue': 'RotationRules' } }),
    },
    {
      name: 'rotation interval from Fn::Sub over a parameter without a default',
      template: secretWith({ SecretId: { Ref: 'Secret' }, RotationLambdaARN: { 'Fn::GetAtt': ['Rotator', 'Arn'] }, RotationRules: { ScheduleExpression: { 'Fn::Sub': '${NoDefault}' } } }),
    },
  ],
});
