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
    { name: 'cdk: fromRegistry without a tag', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx') }), key: 'Container::web' },
  ],
  unresolvable: [
    { name: 'image from an import', template: template([image({ 'Fn::ImportValue': 'image' })]), key: 'Container::web' },
    { name: 'a parameter tag in a mutable repository', template: template([image({ 'Fn::Sub': '${Repo.RepositoryUri}:${Tag}' })], {}, { Tag: stringParameter() }, repo()), key: 'Container::web' },
    { name: 'image from a parameter without default', template: template([image({ Ref: 'Img' })], {}, { Img: stringParameter() }), key: 'Container::web' },
    { name: 'a version tag in an ECR repository defined elsewhere', template: template([image('123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments:v1')]), key: 'Container::web' },
    {
      name: 'cdk: fromEcrRepository on an imported repository with a tag',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Repo', 'payments'), 'v1') }),
      key: 'Container::web',
    },
  ],
});
