import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { container, stringParameter, template } from './fixtures';
import { secretsValidAndGranted } from '../../../../../lib/checks/rules/ecs/task-definition/secrets-valid-and-granted';
import { describeRule, outcomesOf } from '../../harness';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/db-AbCdEf';
const PARTIAL_ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/db';
const EXEC = { ExecutionRoleArn: { 'Fn::GetAtt': ['ExecRole', 'Arn'] } };
const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

const secrets = (...entries: Array<[string, unknown]>) => ({ Secrets: entries.map(([Name, ValueFrom]) => ({ Name, ValueFrom })) });
const role = (extra: object = {}) => ({ Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, ...extra } });
const grant = (action: string | string[], resource: unknown) => ({
  ExecRole: role(),
  ExecPolicy: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'exec', Roles: [{ Ref: 'ExecRole' }], PolicyDocument: { Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] } } },
});
const SECRET = { Secret: { Type: 'AWS::SecretsManager::Secret', Properties: {} } };
const SSM_PARAMETER_ARN = 'arn:aws:ssm:eu-west-1:111111111111:parameter/app/log-api-key';
const KEY_ARN = 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
/** A customer managed key whose key policy grants only the account root (so the role's own policy decides). */
const CMK = { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } }, Action: 'kms:*', Resource: '*' }] } } } };
/** An in-template secret encrypted with `kmsKeyId`, and an execution role policy with the given statements. */
const encryptedSecret = (kmsKeyId: unknown, statements: object[]) => ({
  Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { KmsKeyId: kmsKeyId } },
  ExecRole: role(),
  ExecPolicy: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'exec', Roles: [{ Ref: 'ExecRole' }], PolicyDocument: { Statement: statements } } },
});
const readSecret = { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { Ref: 'Secret' } };
const decrypt = (resource: unknown) => ({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: resource });
/** A value a custom resource computes at deploy time. */
const fromCustomResource = (attribute: string) => ({ 'Fn::GetAtt': ['Cfg', attribute] });
const CUSTOM = { Cfg: { Type: 'Custom::TaskConfig' } };

describeRule(secretsValidAndGranted, {
  passing: [
    { name: 'Ref to an in-template secret, granted on the Ref', template: template([container('web', secrets(['DB', { Ref: 'Secret' }]))], EXEC, {}, { ...SECRET, ...grant('secretsmanager:GetSecretValue', { Ref: 'Secret' }) }), key: 'Secret::DB' },
    { name: 'JSON key of an in-template secret (Fn::Join), granted', template: template([container('web', secrets(['DB_PASSWORD', { 'Fn::Join': ['', [{ Ref: 'Secret' }, ':password::']] }]))], EXEC, {}, { ...SECRET, ...grant(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], { Ref: 'Secret' }) }) },
    { name: 'complete literal ARN with a JSON key, granted on name-??????', template: template([container('web', secrets(['DB', `${SECRET_ARN}:password::`]))], EXEC, {}, grant('secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/db-??????')) },
    {
      name: 'SSM parameter by name, granted on a Sub-built ARN',
      template: template([container('web', secrets(['URL', '/app/config/url']))], EXEC, {}, grant('ssm:GetParameters', { 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/config/url' })),
    },
    {
      name: 'inline role policy granting a literal SSM ARN',
      template: template([container('web', secrets(['URL', 'arn:aws:ssm:eu-west-1:111111111111:parameter/app/url']))], EXEC, {}, {
        ExecRole: role({ Policies: [{ PolicyName: 'secrets', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'ssm:GetParameters', Resource: 'arn:aws:ssm:eu-west-1:111111111111:parameter/app/*' }] } }] }),
      }),
    },
    { name: 'no secrets at all', template: template([container('web')]) },
    {
      name: 'registry credentials in Secrets Manager, granted',
      template: template([container('web', { RepositoryCredentials: { CredentialsParameter: SECRET_ARN } })], EXEC, {}, grant('secretsmanager:GetSecretValue', SECRET_ARN)),
      key: 'Secret::web/RepositoryCredentials',
    },
    {
      name: 'log-driver SecretOptions from an SSM parameter, granted',
      template: template([container('web', { LogConfiguration: { LogDriver: 'awsfirelens', SecretOptions: [{ Name: 'apikey', ValueFrom: SSM_PARAMETER_ARN }] } })], EXEC, {}, grant('ssm:GetParameters', SSM_PARAMETER_ARN)),
      key: 'Secret::web/log:apikey',
    },
    {
      name: 'secret with an in-template CMK (by key id), decrypt granted on the key ARN',
      template: template([container('web', secrets(['DB', { Ref: 'Secret' }]))], EXEC, {}, { ...CMK, ...encryptedSecret({ Ref: 'Key' }, [readSecret, decrypt({ 'Fn::GetAtt': ['Key', 'Arn'] })]) }),
      key: 'Secret::DB',
    },
    {
      name: 'secret with an in-template CMK whose key policy lets the execution role decrypt',
      template: template([container('web', secrets(['DB', { Ref: 'Secret' }]))], EXEC, {}, {
        ...encryptedSecret({ 'Fn::GetAtt': ['Key', 'Arn'] }, [readSecret]),
        Key: {
          Type: 'AWS::KMS::Key',
          Properties: {
            KeyPolicy: {
              Statement: [
                { Effect: 'Allow', Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } }, Action: 'kms:*', Resource: '*' },
                { Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': ['ExecRole', 'Arn'] } }, Action: 'kms:Decrypt', Resource: '*' },
              ],
            },
          },
        },
      }),
      key: 'Secret::DB',
    },
    {
      name: 'secret with a CMK from another stack (literal ARN), decrypt granted on it',
      template: template([container('web', secrets(['DB', { Ref: 'Secret' }]))], EXEC, {}, encryptedSecret(KEY_ARN, [readSecret, decrypt(KEY_ARN)])),
      key: 'Secret::DB',
    },
    {
      name: 'secret with the AWS managed key as an ARN built with Fn::Sub needs no decrypt grant',
      template: template([container('web', secrets(['DB', { Ref: 'Secret' }]))], EXEC, {},
        encryptedSecret({ 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/aws/secretsmanager' }, [readSecret])),
    },
    {
      name: 'secret with the AWS managed key (alias/aws/secretsmanager) needs no decrypt grant',
      template: template([container('web', secrets(['DB', { Ref: 'Secret' }]))], EXEC, {}, encryptedSecret('alias/aws/secretsmanager', [readSecret])),
      key: 'Secret::DB',
    },
    { name: 'cdk: fromSecretsManager on an owned secret', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), secrets: { DB: ecs.Secret.fromSecretsManager(new secretsmanager.Secret(stack, 'Db'), 'password') } }) },
    {
      name: 'cdk: owned secret with a customer managed key (key-policy grant)',
      cdk: (stack) => {
        const secret = new secretsmanager.Secret(stack, 'Db', { encryptionKey: new kms.Key(stack, 'Key') });
        new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), secrets: { DB: ecs.Secret.fromSecretsManager(secret) } });
      },
      key: 'Secret::DB',
    },
  ],
  failing: [
    { name: 'peer bug 38: partial ARN in ValueFrom with a -?????? grant', template: template([container('web', secrets(['DB', PARTIAL_ARN]))], EXEC, {}, grant('secretsmanager:GetSecretValue', `${PARTIAL_ARN}-??????`)), key: 'Secret::DB' },
    {
      name: 'peer bug 38: partial ARN built with Fn::Join (fromSecretNameV2 shape)',
      template: template([container('web', secrets(['DB', { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':secretsmanager:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':secret:app/db']] }]))], EXEC, {}, grant('secretsmanager:GetSecretValue', '*')),
      key: 'Secret::DB',
    },
    {
      name: 'only AmazonECSTaskExecutionRolePolicy (grants nothing for secrets): ResourceInitializationError',
      template: template([container('web', secrets(['DB', { Ref: 'Secret' }]))], EXEC, {}, { ...SECRET, ExecRole: role({ ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }] }) }),
      key: 'Secret::DB',
    },
    { name: 'granted on another secret', template: template([container('web', secrets(['DB', SECRET_ARN]))], EXEC, {}, grant('secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:other-XyZ123')), key: 'Secret::DB' },
    { name: 'no execution role', template: template([container('web', secrets(['DB', SECRET_ARN]))]), key: 'Secret::DB' },
    { name: 'registry credentials without a CredentialsParameter', template: template([container('web', { RepositoryCredentials: {} })], EXEC, {}, grant('secretsmanager:GetSecretValue', '*')), key: 'Secret::web/RepositoryCredentials' },
    { name: 'registry credentials in SSM', template: template([container('web', { RepositoryCredentials: { CredentialsParameter: 'arn:aws:ssm:eu-west-1:111111111111:parameter/creds' } })], EXEC, {}, grant('ssm:GetParameters', '*')), key: 'Secret::web/RepositoryCredentials' },
    { name: 'not a secret reference', template: template([container('web', secrets(['DB', 'arn:aws:s3:::bucket/db.txt']))], EXEC, {}, grant('*', '*')), key: 'Secret::DB' },
    {
      name: 'secret with an in-template CMK and no decrypt grant',
      template: template([container('web', secrets(['DB', { Ref: 'Secret' }]))], EXEC, {}, {
        Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } }, Action: 'kms:*', Resource: '*' }] } } },
        Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } } },
        ...grant('secretsmanager:GetSecretValue', { Ref: 'Secret' }),
      }),
      key: 'Secret::DB',
    },
    {
      name: 'peer bug 38: cdk fromSecretNameV2 (partial ARN)',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), secrets: { DB: ecs.Secret.fromSecretsManager(secretsmanager.Secret.fromSecretNameV2(stack, 'Db', 'app/db-creds')) } }),
      key: 'Secret::DB',
    },
    {
      name: 'read allowed on everything but denied on the secret',
      template: template([container('web', secrets(['DB', SECRET_ARN]))], EXEC, {}, {
        ExecRole: role({
          Policies: [{ PolicyName: 'secrets', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }, { Sid: 'NoDb', Effect: 'Deny', Action: 'secretsmanager:*', Resource: SECRET_ARN }] } }],
        }),
      }),
      key: 'Secret::DB',
    },
    {
      name: 'Secrets and SecretOptions entries with neither Name nor ValueFrom',
      template: template([container('web', { Secrets: [{}], LogConfiguration: { LogDriver: 'awsfirelens', SecretOptions: [{}] } })], EXEC, {}, grant('*', '*')),
      key: 'Secret::(unnamed)',
    },
    {
      name: 'log-driver SecretOptions not granted',
      template: template([container('web', { LogConfiguration: { LogDriver: 'awsfirelens', SecretOptions: [{ Name: 'apikey', ValueFrom: SECRET_ARN }] } })], EXEC, {}, grant('logs:PutLogEvents', '*')),
      key: 'Secret::web/log:apikey',
    },
  ],
  unresolvable: [
    { name: 'ValueFrom from an import', template: template([container('web', secrets(['DB', { 'Fn::ImportValue': 'db-secret-arn' }]))], EXEC, {}, grant('secretsmanager:GetSecretValue', '*')), key: 'Secret::DB' },
    { name: 'execution role from outside the template', template: template([container('web', secrets(['DB', SECRET_ARN]))], { ExecutionRoleArn: { 'Fn::ImportValue': 'exec-role' } }), key: 'Secret::DB' },
    { name: 'secret name from a parameter without default', template: template([container('web', secrets(['DB', { 'Fn::Sub': 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:${Name}' }]))], EXEC, { Name: stringParameter() }, grant('secretsmanager:GetSecretValue', '*')), key: 'Secret::DB' },
    {
      name: 'secret with a CMK from another stack (Fn::ImportValue), decrypt granted on a literal key ARN',
      template: template([container('web', secrets(['DB', { Ref: 'Secret' }]))], EXEC, {}, encryptedSecret({ 'Fn::ImportValue': 'shared-key-arn' }, [readSecret, decrypt(KEY_ARN)])),
      key: 'Secret::DB',
    },
    { name: 'Secrets from a custom resource attribute', template: template([container('web', { Secrets: fromCustomResource('Secrets') })], EXEC, {}, CUSTOM), key: 'Container::web' },
    { name: 'a Secrets item that is a plain string, not a {Name, ValueFrom} object', template: template([container('web', { Secrets: ['DB_PASSWORD'] })], EXEC), key: 'Container::web' },
    { name: 'an empty Secrets item (a YAML dash with nothing after it)', template: template([container('web', { Secrets: [null] })], EXEC), key: 'Container::web' },
    { name: 'RepositoryCredentials from a custom resource attribute', template: template([container('web', { RepositoryCredentials: fromCustomResource('Credentials') })], EXEC, {}, CUSTOM), key: 'Container::web' },
    { name: 'LogConfiguration from a custom resource attribute', template: template([container('web', { LogConfiguration: fromCustomResource('Logging') })], EXEC, {}, CUSTOM), key: 'Container::web' },
    {
      name: 'SecretOptions from a custom resource attribute',
      template: template([container('web', { LogConfiguration: { LogDriver: 'awsfirelens', SecretOptions: fromCustomResource('SecretOptions') } })], EXEC, {}, CUSTOM),
      key: 'Container::web',
    },
    { name: 'an empty SecretOptions item', template: template([container('web', { LogConfiguration: { LogDriver: 'awsfirelens', SecretOptions: [null] } })], EXEC), key: 'Container::web' },
    { name: 'an external customer managed policy on the execution role', template: template([container('web', secrets(['DB', SECRET_ARN]))], EXEC, {}, { ExecRole: role({ ManagedPolicyArns: ['arn:aws:iam::111111111111:policy/secrets-read'] }) }), key: 'Secret::DB' },
  ],
});

test('TD-27 names the cause of the start failure', () => {
  const outcomes = outcomesOf(secretsValidAndGranted, { name: 'managed only', template: template([container('web', secrets(['DB', SECRET_ARN]))], EXEC, {}, { ExecRole: role({ ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'] }) }) });
  expect(outcomes.map((o) => o.status)).toEqual(['fail']);
  expect(outcomes[0].message).toMatch(/secretsmanager:GetSecretValue.*ResourceInitializationError/);
});
