import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { container, stringParameter, template } from './fixtures';
import { imagePinned } from '../../../../../lib/checks/rules/ecs/task-definition/image-pinned';
import { describeRule } from '../../harness';

const DIGEST = 'sha256:' + 'b'.repeat(64);
const image = (value: unknown) => container('web', { Image: value });
const repo = (mutability?: string, filters?: object[]) => ({ Repo: { Type: 'AWS::ECR::Repository', Properties: { ImageTagMutability: mutability, ImageTagMutabilityExclusionFilters: filters } } });
const exclusion = (value: unknown) => ({ ImageTagMutabilityExclusionFilterType: 'WILDCARD', ImageTagMutabilityExclusionFilterValue: value });
const HASH = 'c'.repeat(64);
const uriWithTag = (tag: unknown) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Repo', 'RepositoryUri'] }, ':', tag]] });

function dockerContext(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td25-'));
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
  return dir;
}

describeRule(imagePinned, {
  passing: [
    { name: 'pinned by digest', template: template([image(`nginx@${DIGEST}`)]) },
    { name: 'tag and digest', template: template([image(`public.ecr.aws/nginx/nginx:1.27@${DIGEST}`)]) },
    { name: 'a tag in an in-template IMMUTABLE repository', template: template([image(uriWithTag('v1'))], {}, {}, repo('IMMUTABLE')), key: 'Container::web' },
    { name: 'a parameter tag in an IMMUTABLE repository (Fn::Sub)', template: template([image({ 'Fn::Sub': '${Repo.RepositoryUri}:${Tag}' })], {}, { Tag: stringParameter() }, repo('IMMUTABLE')) },
    { name: 'IMMUTABLE_WITH_EXCLUSION, tag outside the exclusions', template: template([image(uriWithTag('v1.2.3'))], {}, {}, repo('IMMUTABLE_WITH_EXCLUSION', [{ ImageTagMutabilityExclusionFilterType: 'WILDCARD', ImageTagMutabilityExclusionFilterValue: 'dev-*' }])) },
    { name: 'IMMUTABLE_WITH_EXCLUSION without exclusion filters', template: template([image(uriWithTag('v1'))], {}, {}, repo('IMMUTABLE_WITH_EXCLUSION')), key: 'Container::web' },
    {
      name: 'a CDK asset image written out with Fn::Sub (content-hash tag in the bootstrap repository)',
      template: template([image({ 'Fn::Sub': `\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.\${AWS::URLSuffix}/cdk-hnb659fds-container-assets-\${AWS::AccountId}-\${AWS::Region}:${HASH}` })]),
      key: 'Container::web',
    },
    { name: 'digest from a parameter default', template: template([image({ Ref: 'Img' })], {}, { Img: stringParameter(`nginx@${DIGEST}`) }) },
    { name: 'cdk: fromEcrRepository on an immutable repository', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: ecs.ContainerImage.fromEcrRepository(new ecr.Repository(stack, 'Repo', { imageTagMutability: ecr.TagMutability.IMMUTABLE }), 'v1') }) },
    { name: 'cdk: asset image (content-hash tag)', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: ecs.ContainerImage.fromAsset(dockerContext()) }) },
  ],
  failing: [
    { name: 'no tag', template: template([image('nginx')]), key: 'Container::web' },
    { name: ':latest', template: template([image('123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:latest')]), key: 'Container::web' },
    { name: 'a version tag on Docker Hub', template: template([image('nginx:1.27')]), key: 'Container::web' },
    { name: 'a version tag on ECR Public', template: template([image('public.ecr.aws/nginx/nginx:1.27')]), key: 'Container::web' },
    { name: 'a registry with a port and no tag', template: template([image('registry.example.com:5000/team/app')]), key: 'Container::web' },
    { name: 'a tag in a MUTABLE in-template repository', template: template([image(uriWithTag('v1'))], {}, {}, repo('MUTABLE')), key: 'Container::web' },
    { name: 'IMMUTABLE_WITH_EXCLUSION, tag matches an exclusion', template: template([image(uriWithTag('dev-42'))], {}, {}, repo('IMMUTABLE_WITH_EXCLUSION', [{ ImageTagMutabilityExclusionFilterType: 'WILDCARD', ImageTagMutabilityExclusionFilterValue: 'dev-*' }])), key: 'Container::web' },
    { name: 'a container without Image', template: template([container('web', { Image: undefined })]), key: 'Container::web' },
    { name: 'an empty Image', template: template([image('')]), key: 'Container::web' },
    { name: 'a 64-hex tag outside the CDK asset repository', template: template([image(`team/app:${HASH}`)]), key: 'Container::web' },
    {
      name: 'no tag (latest) in IMMUTABLE_WITH_EXCLUSION that excludes latest',
      template: template([image({ 'Fn::Sub': '${Repo.RepositoryUri}' })], {}, {}, repo('IMMUTABLE_WITH_EXCLUSION', [exclusion('latest')])),
      key: 'Container::web',
    },
    { name: 'cdk: fromRegistry without a tag', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx') }), key: 'Container::web' },
  ],
  unresolvable: [
    { name: 'image from an import', template: template([image({ 'Fn::ImportValue': 'image' })]), key: 'Container::web' },
    {
      name: 'image from an SSM-typed parameter (its Default is the SSM parameter name, not an image)',
      template: template([image({ Ref: 'Image' })], {}, { Image: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/app/image-uri' } }),
      key: 'Container::web',
    },
    { name: 'a parameter tag in a mutable repository', template: template([image({ 'Fn::Sub': '${Repo.RepositoryUri}:${Tag}' })], {}, { Tag: stringParameter() }, repo()), key: 'Container::web' },
    { name: 'repository mutability from a parameter without a default', template: template([image(uriWithTag('v1'))], {}, { Mutability: stringParameter() }, { Repo: { Type: 'AWS::ECR::Repository', Properties: { ImageTagMutability: { Ref: 'Mutability' } } } }), key: 'Container::web' },
    {
      name: 'exclusion filters from a custom resource',
      template: template([image(uriWithTag('v1'))], {}, {}, {
        Repo: { Type: 'AWS::ECR::Repository', Properties: { ImageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', ImageTagMutabilityExclusionFilters: { 'Fn::GetAtt': ['Filters', 'List'] } } },
        Filters: { Type: 'Custom::Filters' },
      }),
      key: 'Container::web',
    },
    { name: 'an exclusion filter value from a parameter without a default', template: template([image(uriWithTag('v1'))], {}, { Pattern: stringParameter() }, repo('IMMUTABLE_WITH_EXCLUSION', [exclusion({ Ref: 'Pattern' })])), key: 'Container::web' },
    { name: 'an exclusion filter without a value', template: template([image(uriWithTag('v1'))], {}, {}, repo('IMMUTABLE_WITH_EXCLUSION', [{ ImageTagMutabilityExclusionFilterType: 'WILDCARD' }])), key: 'Container::web' },
    {
      name: 'a parameter tag in an IMMUTABLE_WITH_EXCLUSION repository',
      template: template([image({ 'Fn::Sub': '${Repo.RepositoryUri}:${Tag}' })], {}, { Tag: stringParameter() }, repo('IMMUTABLE_WITH_EXCLUSION', [exclusion('dev-*')])),
      key: 'Container::web',
    },
    { name: 'a version tag in the deploy account\'s ECR registry (Fn::Sub)', template: template([image({ 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:v1' })]), key: 'Container::web' },
    {
      name: 'a version tag in an ECR repository named by a custom resource',
      template: template([image({ 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/${Pipeline.RepositoryName}:v1' })], {}, {}, { Pipeline: { Type: 'Custom::Pipeline' } }),
      key: 'Container::web',
    },
    { name: 'image from a parameter without default', template: template([image({ Ref: 'Img' })], {}, { Img: stringParameter() }), key: 'Container::web' },
    { name: 'a version tag in an ECR repository defined elsewhere', template: template([image('123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments:v1')]), key: 'Container::web' },
    {
      name: 'cdk: fromEcrRepository on an imported repository with a tag',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Repo', 'payments'), 'v1') }),
      key: 'Container::web',
    },
  ],
});
