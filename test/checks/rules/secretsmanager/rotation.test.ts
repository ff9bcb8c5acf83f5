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
    { name: 'cdk: secretsmanager.Secret defaults', cdk: (stack) => new secretsmanager.Secret(stack, 'Secret') },
  ],
  unresolvable: [
    {
      name: 'the only schedule targets an imported secret id',
      template: secretWith({ SecretId: { 'Fn::ImportValue': 'SecretArn' }, RotationLambdaARN: 'arn:aws:lambda:eu-west-1:111111111111:function:rotate', RotationRules: { AutomaticallyAfterDays: 30 } }),
    },
    {
      name: 'rotation interval from Fn::Sub over a parameter without a default',
      template: secretWith({ SecretId: { Ref: 'Secret' }, RotationLambdaARN: { 'Fn::GetAtt': ['Rotator', 'Arn'] }, RotationRules: { ScheduleExpression: { 'Fn::Sub': '${NoDefault}' } } }),
    },
  ],
});
