import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { container, stringParameter, template } from './fixtures';
import { registryAllowlist } from '../../../../../lib/checks/rules/ecs/task-definition/registry-allowlist';
import { describeRule } from '../../harness';

const ALLOW = { allowedRegistries: ['*.dkr.ecr.eu-west-1.amazonaws.com', 'public.ecr.aws'] };
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:registry/creds-AbCdEf';
const privateImage = (credentials?: unknown) => container('web', { Image: 'registry.example.com/team/app:1.0', RepositoryCredentials: credentials === undefined ? undefined : { CredentialsParameter: credentials } });

describeRule(registryAllowlist, {
  passing: [
    { name: 'ECR image with an allow-list', template: template([container('web')]), options: ALLOW },
    { name: 'ECR Public with an allow-list', template: template([container('web', { Image: 'public.ecr.aws/nginx/nginx:1.27' })]), options: ALLOW },
    { name: 'private registry with a Secrets Manager ARN, no allow-list', template: template([privateImage(SECRET_ARN)]) },
    { name: 'private registry with an in-template secret (Ref)', template: template([privateImage({ Ref: 'RegistrySecret' })], {}, {}, { RegistrySecret: { Type: 'AWS::SecretsManager::Secret' } }) },
    { name: 'credentials ARN built with Fn::Sub', template: template([privateImage({ 'Fn::Sub': 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:registry-AbCdEf' })]) },
    { name: 'image from a parameter default on an allowed host', template: template([container('web', { Image: { Ref: 'Img' } })], {}, { Img: stringParameter('public.ecr.aws/nginx/nginx:1.27') }), options: ALLOW },
    { name: 'allow-list entries are trimmed and case-insensitive', template: template([container('web', { Image: 'public.ecr.aws/nginx/nginx:1.27' })]), options: { allowedRegistries: [' Public.ECR.aws '] } },
    { name: 'a blank allow-list entry is no allow-list', template: template([container('web', { Image: 'nginx:1.27' })]), options: { allowedRegistries: [' '] } },
    { name: 'private registry with a GovCloud Secrets Manager ARN', template: template([privateImage('arn:aws-us-gov:secretsmanager:us-gov-west-1:111111111111:secret:registry/creds-AbCdEf')]) },
    {
      name: 'cdk: fromRegistry with Secrets Manager credentials',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: ecs.ContainerImage.fromRegistry('registry.example.com/team/app:1.0', { credentials: new secretsmanager.Secret(stack, 'Creds') }) }),
    },
  ],
  failing: [
    { name: 'Docker Hub image with an allow-list', template: template([container('web', { Image: 'nginx:1.27' })]), options: ALLOW, key: 'Container::web' },
    { name: 'registry credentials in SSM', template: template([privateImage('arn:aws:ssm:eu-west-1:111111111111:parameter/registry')]), key: 'Container::web' },
    { name: 'registry credentials as an SSM ARN built with Fn::Join', template: template([privateImage({ 'Fn::Join': ['', ['arn:aws:ssm:eu-west-1:', { Ref: 'AWS::AccountId' }, ':parameter/registry']] })]), key: 'Container::web' },
    { name: 'registry credentials from a non-secret resource', template: template([privateImage({ 'Fn::GetAtt': ['Param', 'Arn'] })], {}, {}, { Param: { Type: 'AWS::SSM::Parameter' } }), key: 'Container::web' },
    { name: 'ECR in a region the allow-list does not name', template: template([container('web', { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0' })]), options: ALLOW, key: 'Container::web' },
    { name: 'an empty Image', template: template([container('web', { Image: '' })]), key: 'Container::web' },
    { name: 'RepositoryCredentials without CredentialsParameter', template: template([container('web', { Image: 'registry.example.com/team/app:1.0', RepositoryCredentials: {} })]), key: 'Container::web' },
    { name: 'cdk: Docker Hub image with an allow-list', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx') }), options: ALLOW, key: 'Container::web' },
  ],
  unresolvable: [
    { name: 'credentials from an import', template: template([privateImage({ 'Fn::ImportValue': 'registry-creds' })]), key: 'Container::web' },
    { name: 'image from an import', template: template([container('web', { Image: { 'Fn::ImportValue': 'app-image' } })]), options: ALLOW, key: 'Container::web' },
    {
      name: 'RepositoryCredentials from a custom resource',
      template: template([container('web', { Image: 'registry.example.com/team/app:1.0', RepositoryCredentials: { 'Fn::GetAtt': ['Creds', 'Config'] } })], {}, {}, { Creds: { Type: 'Custom::Creds' } }),
      key: 'Container::web',
    },
    {
      name: 'a tag appended to an imported repository URI, with Docker Hub allowed (no slash, so no known registry)',
      template: template([container('web', { Image: { 'Fn::Join': ['', [{ 'Fn::ImportValue': 'repo-uri' }, ':1.0']] } })]),
      options: { allowedRegistries: ['docker.io'] },
      key: 'Container::web',
    },
    {
      name: 'an image parameter without a default plus a tag (Fn::Sub)',
      template: template([container('web', { Image: { 'Fn::Sub': '${Img}:1.0' } })], {}, { Img: stringParameter() }),
      options: ALLOW,
      key: 'Container::web',
    },
    { name: 'a deploy-time registry host with an allow-list', template: template([container('web', { Image: { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:v1' } })]), options: { allowedRegistries: ['111111111111.dkr.ecr.eu-west-1.amazonaws.com'] }, key: 'Container::web' },
  ],
});
