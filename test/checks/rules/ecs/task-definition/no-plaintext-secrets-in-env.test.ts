import { Aws, CfnParameter, SecretValue } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { container, stringParameter, template } from './fixtures';
import { noPlaintextSecretsInEnv } from '../../../../../lib/checks/rules/ecs/task-definition/no-plaintext-secrets-in-env';
import { describeRule, outcomesOf } from '../../harness';

const env = (...vars: Array<[unknown, unknown]>) => ({ Environment: vars.map(([Name, Value]) => ({ Name, Value })) });
const nginx = () => ecs.ContainerImage.fromRegistry('nginx');
const NO_ECHO = { Type: 'String', NoEcho: true };

describeRule(noPlaintextSecretsInEnv, {
  passing: [
    {
      name: 'settings about credentials',
      template: template([container('web', env(['LOG_LEVEL', 'debug'], ['TOKEN_TTL_SECONDS', '300'], ['MAX_PASSWORD_LENGTH', 64], ['PASSWORD_MIN_LENGTH', '12'], ['TOKEN_TYPE', 'Bearer'], ['DB_PASSWORD_FILE', '/run/secrets/db'], ['OAUTH_TOKEN_URL', 'https://auth.example.com/token']))]),
      key: 'Container::web',
    },
    { name: 'SECRET_ARN from a Ref (a locator, not the secret)', template: template([container('web', env(['SECRET_ARN', { Ref: 'DbSecret' }]))], {}, {}, { DbSecret: { Type: 'AWS::SecretsManager::Secret' } }) },
    { name: 'CDK AWS_REGION and a non-credential name with an opaque value', template: template([container('web', env(['AWS_REGION', { Ref: 'AWS::Region' }], ['QUEUE_URL', { 'Fn::GetAtt': ['Queue', 'QueueUrl'] }]))], {}, {}, { Queue: { Type: 'AWS::SQS::Queue' } }) },
    { name: 'an imported non-credential value', template: template([container('web', env(['TABLE_NAME', { 'Fn::ImportValue': 'orders-table' }]))]) },
    { name: 'a Sub-built ARN under a locator name', template: template([container('web', env(['SECRET_ARN', { 'Fn::Sub': 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:app/db-AbCdEf' }]))]) },
    { name: 'image digest, UUID and hex hash values', template: template([container('web', env(['BUILD_DIGEST', 'sha256:' + 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'], ['REQUEST_ID', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'], ['COMMIT', 'da39a3ee5e6b4b0d3255bfef95601890afd80709']))]) },
    { name: 'a credential name without a Value (nothing is stored)', template: template([container('web', { Environment: [{ Name: 'DB_PASSWORD' }] })]), key: 'Container::web' },
    { name: 'URL joined from parts without a password', template: template([container('web', env(['API_URL', { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['Lb', 'DNSName'] }, '/v1']] }]))], {}, {}, { Lb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer' } }) },
    {
      name: 'cdk: region token and a queue URL',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), environment: { AWS_REGION: Aws.REGION, QUEUE_URL: new sqs.Queue(stack, 'Q').queueUrl, LOG_LEVEL: 'info' } }),
    },
  ],
  failing: [
    { name: 'DB_PASSWORD=hunter2', template: template([container('web', env(['DB_PASSWORD', 'hunter2']))]), key: 'Secret::DB_PASSWORD' },
    { name: 'API_KEY=abc123', template: template([container('web', env(['API_KEY', 'abc123']))]), key: 'Secret::API_KEY' },
    { name: 'peer bug 12: an AKIA key under a harmless name (SH, CT and Config check names only)', template: template([container('web', env(['ACCOUNT_HINT', 'AKIAIOSFODNN7EXAMPLE']))]), key: 'Secret::ACCOUNT_HINT' },
    { name: 'a PEM block', template: template([container('web', env(['TLS', '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----']))]), key: 'Secret::TLS' },
    { name: 'postgres://u:p@h/db', template: template([container('web', env(['DATABASE_URL', 'postgres://u:p@h/db']))]), key: 'Secret::DATABASE_URL' },
    { name: 'a {{resolve:secretsmanager}} dynamic reference', template: template([container('web', env(['DB', '{{resolve:secretsmanager:app/db:SecretString:password}}']))]), key: 'Secret::DB' },
    { name: 'a dynamic reference built with Fn::Join', template: template([container('web', env(['DB', { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: 'DbSecret' }, ':SecretString:password::}}']] }]))], {}, {}, { DbSecret: { Type: 'AWS::SecretsManager::Secret' } }), key: 'Secret::DB' },
    { name: 'a NoEcho parameter under a harmless name', template: template([container('web', env(['LICENSE', { Ref: 'License' }]))], {}, { License: NO_ECHO }), key: 'Secret::LICENSE' },
    { name: 'a NoEcho parameter inside Fn::Sub', template: template([container('web', env(['CONN', { 'Fn::Sub': 'Server=db;Pwd=${DbPw}' }]))], {}, { DbPw: NO_ECHO }), key: 'Secret::CONN' },
    { name: 'a password joined into a URL', template: template([container('web', env(['DATABASE_URL', { 'Fn::Sub': 'postgres://app:${Pw}@${Db.Endpoint.Address}/app' }]))], {}, { Pw: stringParameter() }, { Db: { Type: 'AWS::RDS::DBInstance' } }), key: 'Secret::DATABASE_URL' },
    { name: 'a credential name with a deploy-time value (GetAtt)', template: template([container('web', env(['DB_PASSWORD', { 'Fn::GetAtt': ['Gen', 'Password'] }]))], {}, {}, { Gen: { Type: 'Custom::Password' } }), key: 'Secret::DB_PASSWORD' },
    { name: 'a credential name with an imported value', template: template([container('web', env(['API_TOKEN', { 'Fn::ImportValue': 'api-token' }]))]), key: 'Secret::API_TOKEN' },
    {
      name: 'a variable name from an import with an AWS access key id as its value',
      template: template([container('web', env([{ 'Fn::ImportValue': 'var-name' }, 'AKIAIOSFODNN7EXAMPLE']))]),
      key: 'Container::web',
    },
    {
      name: 'a variable name from an import with a password joined into a URL',
      template: template([container('web', env([{ 'Fn::ImportValue': 'var-name' }, { 'Fn::Join': ['', ['postgres://app:', { Ref: 'DbPassword' }, '@db.internal/app']] }]))], {}, { DbPassword: stringParameter() }),
      key: 'Container::web',
    },
    { name: 'a configured extra name', template: template([container('web', env(['NEW_RELIC_LICENSE', 'abc']))]), options: { extraCredentialNames: ['NEW_RELIC_LICENSE'] }, key: 'Secret::NEW_RELIC_LICENSE' },
    {
      name: 'cdk: a secret value unwrapped into the environment',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', {
        image: nginx(),
        environment: { DB: new secretsmanager.Secret(stack, 'Db').secretValueFromJson('password').unsafeUnwrap() },
      }),
      key: 'Secret::DB',
    },
    {
      name: 'cdk: a NoEcho CfnParameter',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), environment: { LICENSE: new CfnParameter(stack, 'License', { noEcho: true }).valueAsString } }),
      key: 'Secret::LICENSE',
    },
    {
      name: 'cdk: a plain-text SecretValue',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), environment: { API_KEY: SecretValue.unsafePlainText('abc123').unsafeUnwrap() } }),
      key: 'Secret::API_KEY',
    },
  ],
  unresolvable: [
    { name: 'a variable name from an import with a plain value', template: template([container('web', env([{ 'Fn::ImportValue': 'var-name' }, 'x']))]), key: 'Container::web' },
    { name: 'Environment from a resource attribute', template: template([container('web', { Environment: { 'Fn::GetAtt': ['Cfg', 'Env'] } })], {}, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Container::web' },
  ],
});

describe('TD-15 messages never contain the value', () => {
  const secrets: Array<[string, unknown, string]> = [
    ['DB_PASSWORD', 'hunter2', 'hunter2'],
    ['ACCOUNT_HINT', 'AKIAIOSFODNN7EXAMPLE', 'IOSFODNN7'],
    ['DATABASE_URL', 'postgres://admin:s3cr3t@db/app', 's3cr3t'],
    ['DB', '{{resolve:secretsmanager:prod/db:SecretString:password}}', 'prod/db'],
  ];
  test.each(secrets)('%s', (name, value, fragment) => {
    const outcomes = outcomesOf(noPlaintextSecretsInEnv, { name, template: template([container('web', env([name, value]))]) });
    expect(outcomes.map((o) => o.status)).toEqual(['fail']);
    expect(outcomes[0].message).toContain(name);
    expect(outcomes[0].message).not.toContain(fragment);
  });
});
