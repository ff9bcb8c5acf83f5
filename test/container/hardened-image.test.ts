import * as path from 'path';
import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { HardenedImage } from '../../lib/container/hardened-image';

const FIXTURES = path.join(__dirname, 'fixtures');
const DIGEST = 'sha256:' + 'a'.repeat(64);

const newStack = () => new Stack(new App(), 'ImageStack', { env: { account: '111111111111', region: 'eu-west-1' } });

describe('HardenedImage.fromEcrRepository', () => {
  test('a digest pins the image; the bound image keeps the repository for the pull grant', () => {
    const stack = newStack();
    const repository = ecr.Repository.fromRepositoryName(stack, 'Repo', 'payments');
    const bound = HardenedImage.fromEcrRepository(repository, DIGEST)._bind(stack, 'WebImage');
    expect(bound.pinned).toBe(true);
    expect(bound.repository).toBe(repository);
    expect(bound.reference).toBe(`ImageStack/Repo at ${DIGEST}`);
    expect(bound.dockerfilePath).toBeUndefined();
  });

  test.each([
    ['a tag', 'v1.2.3'],
    ['a digest one character short', 'sha256:' + 'a'.repeat(63)],
    ['a digest one character long', 'sha256:' + 'a'.repeat(65)],
    ['a digest in upper case', 'sha256:' + 'A'.repeat(64)],
    ['a tag that ends like a digest', 'v1-sha256:' + 'a'.repeat(64)],
  ])('%s on an imported repository is not pinned', (_name, tag) => {
    const stack = newStack();
    const bound = HardenedImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Repo', 'payments'), tag)._bind(stack, 'WebImage');
    expect(bound.pinned).toBe(false);
    expect(bound.reference).toBe(`ImageStack/Repo at ${tag}`);
  });

  test('a tag only known at deploy time is not pinned, and the reference says so', () => {
    const stack = newStack();
    const tag = new CfnParameter(stack, 'Tag').valueAsString;
    const bound = HardenedImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Repo', 'payments'), tag)._bind(stack, 'WebImage');
    expect(bound.pinned).toBe(false);
    expect(bound.reference).toBe('ImageStack/Repo at (a token)');
  });

  test('a tag is pinned only on a repository of this app with immutable tags', () => {
    const stack = newStack();
    const immutable = new ecr.Repository(stack, 'Immutable', { imageTagMutability: ecr.TagMutability.IMMUTABLE });
    const mutable = new ecr.Repository(stack, 'Mutable');
    expect(HardenedImage.fromEcrRepository(immutable, 'v1')._bind(stack, 'A').pinned).toBe(true);
    expect(HardenedImage.fromEcrRepository(mutable, 'v1')._bind(stack, 'B').pinned).toBe(false);
  });
});

describe('HardenedImage.fromRegistry', () => {
  test.each([
    ['pinned by digest', `public.ecr.aws/nginx/nginx@${DIGEST}`, true],
    ['a tag', 'public.ecr.aws/nginx/nginx:1.27', false],
    ['a digest one character short', 'nginx@sha256:' + 'a'.repeat(63), false],
    ['a digest one character long', 'nginx@sha256:' + 'a'.repeat(65), false],
  ])('an image %s: pinned %s', (_name, name, pinned) => {
    const stack = newStack();
    const bound = HardenedImage.fromRegistry(name as string)._bind(stack, 'WebImage');
    expect(bound.pinned).toBe(pinned);
    expect(bound.reference).toBe(name);
    expect(bound.repository).toBeUndefined();
  });
});

describe('HardenedImage.fromAsset', () => {
  test('is pinned by its content hash and keeps the Dockerfile, the build arguments and the asset repository', () => {
    const stack = newStack();
    const directory = path.join(FIXTURES, 'clean-dockerfile');
    const bound = HardenedImage.fromAsset(directory, { buildArgs: { NODE_VERSION: '22' } })._bind(stack, 'WebImage');
    expect(bound.pinned).toBe(true);
    expect(bound.dockerfilePath).toBe(path.join(directory, 'Dockerfile'));
    expect(bound.buildArgs).toEqual({ NODE_VERSION: '22' });
    expect(bound.reference).toBe(directory);
    expect(bound.repository).toBeDefined();
    expect(stack.node.findChild('WebImage')).toBeDefined();
  });

  test('a custom Dockerfile name is resolved inside the build context', () => {
    const stack = newStack();
    const directory = path.join(FIXTURES, 'arg-credential-dockerfile');
    const bound = HardenedImage.fromAsset(directory, { file: 'ci.Dockerfile' })._bind(stack, 'WebImage');
    expect(bound.dockerfilePath).toBe(path.join(directory, 'ci.Dockerfile'));
    expect(bound.buildArgs).toBeUndefined();
  });
});
