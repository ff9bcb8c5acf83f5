import * as ecs from 'aws-cdk-lib/aws-ecs';
import { container, stringParameter, template } from './fixtures';
import { noAwsCredentialEnvNames } from '../../../../../lib/checks/rules/ecs/task-definition/no-aws-credential-env-names';
import { describeRule } from '../../harness';

const env = (...vars: Array<[unknown, unknown]>) => ({ Environment: vars.map(([Name, Value]) => ({ Name, Value })) });
const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describeRule(noAwsCredentialEnvNames, {
  passing: [
    { name: 'ordinary names', template: template([container('web', env(['LOG_LEVEL', 'info'], ['AWS_REGION', { Ref: 'AWS::Region' }]))]) },
    { name: 'no Environment', template: template([container('web')]) },
    { name: 'a similar but different name', template: template([container('web', env(['AWS_ACCESS_KEY_ID_PARAM', { 'Fn::Sub': '/app/${Stage}/key' }]))], {}, { Stage: stringParameter('prod') }) },
    { name: 'cdk: environment with a region token', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), environment: { LOG_LEVEL: 'info' } }) },
  ],
  failing: [
    { name: 'AWS_ACCESS_KEY_ID', template: template([container('web', env(['AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE']))]), key: 'Secret::AWS_ACCESS_KEY_ID' },
    { name: 'peer bug 11: aws_secret_access_key in lower case (CT ECS.PR.12 passes it)', template: template([container('web', env(['aws_secret_access_key', 'x']))]), key: 'Secret::aws_secret_access_key' },
    { name: 'ECS_ENGINE_AUTH_DATA with a deploy-time value', template: template([container('web', env(['ECS_ENGINE_AUTH_DATA', { 'Fn::GetAtt': ['Auth', 'Data'] }]))], {}, {}, { Auth: { Type: 'Custom::Auth' } }), key: 'Secret::ECS_ENGINE_AUTH_DATA' },
    { name: 'a configured extra name, case-insensitive', template: template([container('web', env(['dd_api_key', { 'Fn::Join': ['', ['a', 'b']] }]))]), options: { extraCredentialNames: ['DD_API_KEY'] }, key: 'Secret::dd_api_key' },
    { name: 'in a sidecar', template: template([container('app'), container('agent', env(['AWS_SESSION_TOKEN', 'x']))]), key: 'Secret::AWS_SESSION_TOKEN' },
    { name: 'cdk: environment AWS_SECRET_ACCESS_KEY', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), environment: { AWS_SECRET_ACCESS_KEY: 'x' } }), key: 'Secret::AWS_SECRET_ACCESS_KEY' },
  ],
  unresolvable: [
    { name: 'a variable name from an import', template: template([container('web', env([{ 'Fn::ImportValue': 'var-name' }, 'x']))]), key: 'Container::web' },
    { name: 'Environment from a resource attribute', template: template([container('web', { Environment: { 'Fn::GetAtt': ['Cfg', 'Env'] } })], {}, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Container::web' },
  ],
});
