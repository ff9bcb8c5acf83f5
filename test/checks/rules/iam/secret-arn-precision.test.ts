import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { secretArnPrecision } from '../../../../lib/checks/rules/iam/secret-arn-precision';
import { describeRule } from '../harness';
import { ecsIamTemplate, joinArn, lambdaRoleWithPolicy, subArn } from './iam-fixtures';

const get = (resource: unknown) => ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: resource }] });

const ssmArn = (resource: string) => `arn:aws:ssm:eu-west-1:111111111111:${resource}`;

describeRule(secretArnPrecision, {
  passing: [
    { name: 'peer bug #28: secret:app/db-?????? (Fn::Sub)', template: get(subArn('secretsmanager', 'secret:app/db-??????')), logicalId: 'ExecRolePolicy' },
    { name: 'complete ARN with suffix (Fn::Join) and a Ref', template: get([joinArn('secretsmanager', 'secret:app/db-AbCdEf'), { Ref: 'AWS::NoValue' }]), logicalId: 'ExecRolePolicy' },
    { name: 'SSM parameter with one slash', template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: 'ssm:GetParameters', Resource: { 'Fn::GetAtt': ['Param', 'Arn'] } }, { Effect: 'Allow', Action: 'ssm:GetParameters', Resource: 'arn:aws:ssm:eu-west-1:111111111111:parameter/app/url' }] }), logicalId: 'ExecRolePolicy' },
    {
      name: 'complete secret ARN with a JSON-key suffix, next to a statement that reads no secret',
      template: ecsIamTemplate({
        executionStatements: [
          { Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: { 'Fn::GetAtt': ['Repo', 'Arn'] } },
          { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/db-AbCdEf:password::' },
        ],
      }),
      logicalId: 'ExecRolePolicy',
    },
    {
      name: 'secret name from a parameter without default, with suffix and JSON key (Fn::Sub)',
      template: ecsIamTemplate({
        parameters: { Env: { Type: 'String' } },
        executionStatements: [{
          Effect: 'Allow',
          Action: 'secretsmanager:GetSecretValue',
          Resource: subArn('secretsmanager', 'secret:${Env}/db-AbCdEf:password::'),
        }],
      }),
      logicalId: 'ExecRolePolicy',
    },
    {
      name: "the Ref of the template's secret is its complete ARN",
      template: ecsIamTemplate({
        executionStatements: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { Ref: 'DbSecret' } }],
        extraResources: { DbSecret: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'app/db' } } },
      }),
      logicalId: 'ExecRolePolicy',
    },
    {
      name: 'cdk: owned secret (Ref is the complete ARN)',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Td').addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx'), secrets: { DB: ecs.Secret.fromSecretsManager(new secretsmanager.Secret(stack, 'S')) } }),
    },
  ],
  failing: [
    { name: 'every secret of the account: a * resource field', template: get('arn:aws:secretsmanager:eu-west-1:111111111111:*') },
    { name: 'every secret of every account and region: arn:aws:secretsmanager:*:*:*', template: get('arn:aws:secretsmanager:*:*:*') },
    { name: 'every secret: secret* without the colon', template: get('arn:aws:secretsmanager:eu-west-1:111111111111:secret*') },
    { name: 'peer bug #28: secret:app/db-*', template: get(subArn('secretsmanager', 'secret:app/db-*')), key: 'Statement::0' },
    { name: 'secret:*', template: get('arn:aws:secretsmanager:eu-west-1:111111111111:secret:*'), key: 'Statement::0' },
    { name: 'no suffix matches nothing', template: get(joinArn('secretsmanager', 'secret:app/db')), key: 'Statement::0' },
    { name: 'Resource * for GetSecretValue', template: get('*'), key: 'Statement::0' },
    { name: 'hyphenated name without suffix (app/db-password) matches no secret', template: get(joinArn('secretsmanager', 'secret:app/db-password')), key: 'Statement::0' },
    { name: 'seven ? instead of the six-character suffix', template: get(subArn('secretsmanager', 'secret:app/db-???????')), key: 'Statement::0' },
    {
      name: 'NotResource grants every other secret',
      template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', NotResource: joinArn('secretsmanager', 'secret:admin-AbCdEf') }] }),
      key: 'Statement::0',
    },
    {
      name: 'every parameter: parameter/*, parameter* and parameter/**',
      template: ecsIamTemplate({
        executionStatements: [{ Effect: 'Allow', Action: ['ssm:GetParameters', 'ssm:GetParameter'], Resource: [ssmArn('parameter/*'), ssmArn('parameter*'), ssmArn('parameter/**')] }],
      }),
      key: 'Statement::0',
    },
    { name: 'SSM double slash', template: ecsIamTemplate({ executionStatements: [{ Effect: 'Allow', Action: 'ssm:GetParameters', Resource: 'arn:aws:ssm:eu-west-1:1:parameter//app/url' }] }), key: 'Statement::0' },
    {
      name: 'cdk: fromSecretNameV2 partial ARN grant is fine, a prefix grant is not',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        secretsmanager.Secret.fromSecretPartialArn(stack, 'P', 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/db').grantRead(td.obtainExecutionRole());
        td.obtainExecutionRole().addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: ['arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/*'] }));
      },
    },
  ],
  unresolvable: [
    { name: 'secret ARN from Fn::ImportValue', template: get({ 'Fn::ImportValue': 'SecretArn' }), key: 'Statement::0' },
    {
      name: 'secret name is a parameter without default (Fn::Sub), so its suffix is unknown',
      template: ecsIamTemplate({
        parameters: { SecretName: { Type: 'String' } },
        executionStatements: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: subArn('secretsmanager', 'secret:${SecretName}') }],
      }),
      logicalId: 'ExecRolePolicy',
      key: 'Statement::0',
    },
  ],
  notApplicable: [
    {
      name: 'policy of a role no task definition uses',
      template: ecsIamTemplate({ extraResources: lambdaRoleWithPolicy([{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }]) }),
      logicalId: 'LambdaRolePolicy',
    },
  ],
});
