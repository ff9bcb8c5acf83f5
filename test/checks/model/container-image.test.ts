import { ImageReference, imageName, isEcrRegistry, isKnown, parseImage, shown } from '../../../lib/checks/model/container-image';
import { Opaque } from '../../../lib/checks/model/opaque';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

function composite(...parts: Array<string | Opaque>): Opaque {
  return new Opaque('composite', parts.map((p) => (typeof p === 'string' ? p : p.display)).join(''), { parts });
}

/** The parsed image with deploy-time parts printed as `<…>`, so expectations do not depend on the marker. */
function shownImage(value: unknown): Record<string, string | undefined> | undefined {
  const image = parseImage(value);
  if (!image) return undefined;
  return {
    registry: shown(image.registry),
    repository: shown(image.repository),
    tag: image.tag === undefined ? undefined : shown(image.tag),
    digest: image.digest,
  };
}

describe('parseImage: literal references', () => {
  test('a bare name is a Docker Hub image without tag', () => {
    expect(parseImage('nginx')).toEqual({ registry: 'docker.io', repository: 'nginx', tag: undefined, digest: undefined });
  });

  test('surrounding blanks are ignored; a tag follows the last colon after the name', () => {
    expect(parseImage('  nginx:1.25  ')).toEqual({ registry: 'docker.io', repository: 'nginx', tag: '1.25', digest: undefined });
  });

  test('a first path segment without dot, colon or localhost is a Docker Hub namespace', () => {
    expect(parseImage('library/nginx:1')).toEqual({ registry: 'docker.io', repository: 'library/nginx', tag: '1', digest: undefined });
    expect(parseImage('localhostx/app')).toEqual({ registry: 'docker.io', repository: 'localhostx/app', tag: undefined, digest: undefined });
  });

  test('a first segment with a dot, a port or named localhost is the registry', () => {
    expect(parseImage('ghcr.io/org/app:v2')).toEqual({ registry: 'ghcr.io', repository: 'org/app', tag: 'v2', digest: undefined });
    expect(parseImage('localhost/app')).toEqual({ registry: 'localhost', repository: 'app', tag: undefined, digest: undefined });
    expect(parseImage('registry:5000/team/app:3')).toEqual({ registry: 'registry:5000', repository: 'team/app', tag: '3', digest: undefined });
  });

  test('a port colon in the registry is not a tag', () => {
    expect(parseImage('localhost:5000/app')).toEqual({ registry: 'localhost:5000', repository: 'app', tag: undefined, digest: undefined });
  });

  test('an empty tag is kept as empty', () => {
    expect(parseImage('nginx:')).toEqual({ registry: 'docker.io', repository: 'nginx', tag: '', digest: undefined });
  });

  test('a sha256 digest with 64 lower-case hex digits pins the image, with or without tag', () => {
    expect(parseImage(`123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:v1@${DIGEST}`)).toEqual({
      registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      repository: 'team/app',
      tag: 'v1',
      digest: DIGEST,
    });
    expect(parseImage(`nginx@${DIGEST}`)).toEqual({ registry: 'docker.io', repository: 'nginx', tag: undefined, digest: DIGEST });
  });

  test.each([
    ['too short', 'sha256:abc'],
    ['upper-case hex', DIGEST.toUpperCase().replace('SHA256', 'sha256')],
    ['a suffix', `${DIGEST}0`],
    ['a prefix', `x${DIGEST}`],
    ['another algorithm', `sha512:${'0123456789abcdef'.repeat(4)}`],
    ['nothing', ''],
  ])('a digest with %s is not a pin', (_label, digest) => {
    expect(parseImage(`nginx:1@${digest}`)).toEqual({ registry: 'docker.io', repository: 'nginx', tag: '1', digest: undefined });
  });

  test('empty, blank and non-string values are not images', () => {
    expect(parseImage('')).toBeUndefined();
    expect(parseImage('   ')).toBeUndefined();
    expect(parseImage(undefined)).toBeUndefined();
    expect(parseImage(42)).toBeUndefined();
    expect(parseImage({ Ref: 'Image' })).toBeUndefined();
  });
});

describe('parseImage: deploy-time references', () => {
  test('a reference that is not a composite string is not parsed', () => {
    expect(parseImage(new Opaque('parameter', '<Image>', { target: 'Image' }))).toBeUndefined();
    expect(parseImage(new Opaque('import', '<ImportValue:image>'))).toBeUndefined();
    expect(parseImage(new Opaque('composite', '<X>'))).toBeUndefined();
  });

  test('a deploy-time name without a slash may hold a registry: the registry is unknown', () => {
    const image = parseImage(composite(new Opaque('getatt', '<Repo.RepositoryUri>'), ':v1'))!;
    expect(isKnown(image.registry)).toBe(false);
    expect(isKnown(image.repository)).toBe(false);
    expect(image.tag).toBe('v1');
    expect(shownImage(composite(new Opaque('getatt', '<Repo.RepositoryUri>'), ':v1'))).toEqual({ registry: '<…>', repository: '<…>', tag: 'v1', digest: undefined });
  });

  test('a fully literal composite without a slash is Docker Hub', () => {
    expect(parseImage(composite('nginx', ':', '1'))).toEqual({ registry: 'docker.io', repository: 'nginx', tag: '1', digest: undefined });
  });

  test('a deploy-time first segment is the registry', () => {
    expect(shownImage(composite(new Opaque('parameter', '<Registry>'), '/app:1'))).toEqual({ registry: '<…>', repository: 'app', tag: '1', digest: undefined });
    expect(shownImage(composite(new Opaque('pseudo', '<AWS::AccountId>'), '.dkr.ecr.', new Opaque('pseudo', '<AWS::Region>'), '.amazonaws.com/app:', new Opaque('parameter', '<Tag>'))))
      .toEqual({ registry: '<…>.dkr.ecr.<…>.amazonaws.com', repository: 'app', tag: '<…>', digest: undefined });
  });

  test('a deploy-time part after a Docker Hub namespace stays in the repository', () => {
    expect(shownImage(composite('myorg/', new Opaque('parameter', '<Name>'), ':1'))).toEqual({ registry: 'docker.io', repository: 'myorg/<…>', tag: '1', digest: undefined });
  });
});

describe('isKnown, shown and imageName', () => {
  test('shown prints every deploy-time part as <…>; isKnown tells whether there is one', () => {
    const image = parseImage(composite('a', new Opaque('ref', '<X>'), 'b/', new Opaque('ref', '<Y>')))!;
    expect(isKnown('plain')).toBe(true);
    expect(isKnown(image.registry)).toBe(false);
    expect(shown(image.registry)).toBe('a<…>b');
    expect(shown(image.repository)).toBe('<…>');
    expect(shown('plain')).toBe('plain');
  });

  test('imageName is registry/repository when the registry is known', () => {
    expect(imageName(parseImage('nginx:1')!)).toBe('docker.io/nginx');
    expect(imageName(parseImage('ghcr.io/org/app')!)).toBe('ghcr.io/org/app');
    expect(imageName(parseImage(composite('ghcr.io/org/', new Opaque('parameter', '<App>')))!)).toBe('ghcr.io/org/<…>');
  });

  test('imageName is only the repository when the registry is deploy-time', () => {
    expect(imageName(parseImage(composite(new Opaque('parameter', '<Registry>'), '/team/app:1'))!)).toBe('team/app');
    expect(imageName(parseImage(composite(new Opaque('getatt', '<Repo.RepositoryUri>'), ':v1'))!)).toBe('<…>');
  });

  test('imageName accepts a hand-built reference', () => {
    const image: ImageReference = { registry: 'public.ecr.aws', repository: 'nginx/nginx' };
    expect(imageName(image)).toBe('public.ecr.aws/nginx/nginx');
  });
});

describe('isEcrRegistry', () => {
  test.each([
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com'],
    ['123456789012.dkr.ecr-fips.us-east-1.amazonaws.com'],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn'],
    ['public.ecr.aws'],
  ])('%s is ECR', (registry) => {
    expect(isEcrRegistry(registry)).toBe(true);
  });

  test('a private ECR host with deploy-time account and region is ECR', () => {
    expect(isEcrRegistry(parseImage(composite(new Opaque('pseudo', '<AWS::AccountId>'), '.dkr.ecr.', new Opaque('pseudo', '<AWS::Region>'), '.amazonaws.com/app'))!.registry))
      .toBe(true);
  });

  test.each([
    ['docker.io'],
    ['ghcr.io'],
    ['dkr.ecr.example.com'],
    ['123.dkr.ecrx.eu-west-1.amazonaws.com'],
    ['123.dkr.ecr-fipsx.us-east-1.amazonaws.com'],
    ['123.dkr.ecr'],
    ['123xdkr.ecr.eu-west-1.amazonaws.com'],
    ['xpublic.ecr.aws'],
    ['public.ecr.aws.example.com'],
    ['Public.ecr.aws'],
  ])('%s is not ECR', (registry) => {
    expect(isEcrRegistry(registry)).toBe(false);
  });
});
