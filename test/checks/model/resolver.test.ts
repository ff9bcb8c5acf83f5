import { Opaque } from '../../../lib/checks/model/opaque';
import { MAX_VARIANTS, Resolver, containsOpaque } from '../../../lib/checks/model/resolver';

const template = {
  Parameters: {
    Env: { Type: 'String', Default: 'prod' },
    Mode: { Type: 'String', Default: 'awsvpc', AllowedValues: ['awsvpc', 'host'] },
    Subnets: { Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-1, subnet-2' },
    Password: { Type: 'String', NoEcho: true, Default: 'not-printed' },
    NoDefault: { Type: 'String' },
    Count: { Type: 'Number', Default: 3 },
  },
  Mappings: { Regions: { 'eu-west-1': { Ami: 'ami-123' } } },
  Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
  Resources: { Role: { Type: 'AWS::IAM::Role' }, Bucket: { Type: 'AWS::S3::Bucket' } },
};
const resolver = new Resolver(template);

describe('Resolver.resolve', () => {
  test('literals pass through unchanged', () => {
    expect(resolver.resolve({ a: [1, 'x', true, null] })).toEqual({ a: [1, 'x', true, null] });
  });

  test('parameters resolve to their default; numbers become strings as CloudFormation passes them', () => {
    expect(resolver.resolve({ Ref: 'Env' })).toBe('prod');
    expect(resolver.resolve({ Ref: 'Count' })).toBe('3');
    expect(resolver.resolve({ Ref: 'Subnets' })).toEqual(['subnet-1', 'subnet-2']);
  });

  test('NoEcho parameters stay opaque and sensitive, never their default', () => {
    const value = resolver.resolve({ Ref: 'Password' }) as Opaque;
    expect(value).toBeInstanceOf(Opaque);
    expect(value.details.sensitive).toBe(true);
    expect(JSON.stringify(value)).not.toContain('not-printed');
  });

  test('a parameter without default is opaque with a reason', () => {
    const value = resolver.resolve({ Ref: 'NoDefault' }) as Opaque;
    expect(value.kind).toBe('parameter');
    expect(value.details.reason).toContain('no default');
  });

  test('resources, attributes and pseudo parameters are opaque references', () => {
    expect(resolver.resolve({ Ref: 'Role' })).toMatchObject({ kind: 'ref', display: '<Role>', details: { target: 'Role' } });
    expect(resolver.resolve({ 'Fn::GetAtt': ['Role', 'Arn'] })).toMatchObject({ kind: 'getatt', display: '<Role.Arn>' });
    expect(resolver.resolve({ 'Fn::GetAtt': 'Role.Arn' })).toMatchObject({ kind: 'getatt', details: { target: 'Role', attribute: 'Arn' } });
    expect(resolver.resolve({ Ref: 'AWS::Region' })).toMatchObject({ kind: 'pseudo', display: '<AWS::Region>' });
  });

  test('AWS::NoValue removes the property and the list element', () => {
    expect(resolver.resolve({ a: { Ref: 'AWS::NoValue' }, b: [1, { Ref: 'AWS::NoValue' }, 2] })).toEqual({ b: [1, 2] });
  });

  test('Fn::Join over literals is a string; with references it is a composite keeping its parts', () => {
    expect(resolver.resolve({ 'Fn::Join': ['-', ['a', { Ref: 'Env' }]] })).toBe('a-prod');
    const arn = resolver.resolve({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecs:', { Ref: 'AWS::Region' }, ':1:*']] }) as Opaque;
    expect(arn.kind).toBe('composite');
    expect(arn.display).toBe('arn:<AWS::Partition>:ecs:<AWS::Region>:1:*');
    expect(arn.details.parts?.map(String)).toEqual(['arn:', '<AWS::Partition>', ':ecs:', '<AWS::Region>', ':1:*']);
  });

  test('Fn::Sub resolves parameters, variables, attributes and escapes', () => {
    expect(resolver.resolve({ 'Fn::Sub': 'app-${Env}' })).toBe('app-prod');
    expect(resolver.resolve({ 'Fn::Sub': ['${X}-${!Literal}', { X: 'y' }] })).toBe('y-${Literal}');
    expect((resolver.resolve({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/*' }) as Opaque).display).toBe('arn:<AWS::Partition>:s3:::<Bucket>/*');
    expect((resolver.resolve({ 'Fn::Sub': '${Role.Arn}' }) as Opaque).display).toBe('<Role.Arn>');
  });

  test('Fn::Select, Fn::Split and Fn::FindInMap evaluate over literals', () => {
    expect(resolver.resolve({ 'Fn::Select': [1, { 'Fn::Split': [',', 'a,b,c'] }] })).toBe('b');
    expect(resolver.resolve({ 'Fn::Select': ['0', { Ref: 'Subnets' }] })).toBe('subnet-1');
    expect(resolver.resolve({ 'Fn::FindInMap': ['Regions', 'eu-west-1', 'Ami'] })).toBe('ami-123');
    expect(resolver.resolve({ 'Fn::FindInMap': ['Regions', { Ref: 'AWS::Region' }, 'Ami'] })).toBeInstanceOf(Opaque);
  });

  test('Fn::ImportValue is opaque and names the export', () => {
    const value = resolver.resolve({ 'Fn::ImportValue': { 'Fn::Sub': '${Env}-RoleArn' } }) as Opaque;
    expect(value.kind).toBe('import');
    expect(value.display).toBe('<ImportValue:prod-RoleArn>');
  });

  test('malformed intrinsics become opaque values with a reason, never a throw', () => {
    for (const bad of [{ Ref: 3 }, { 'Fn::GetAtt': 'NoDot' }, { 'Fn::Join': 'x' }, { 'Fn::Sub': 5 }, { 'Fn::If': ['C'] }, { 'Fn::Select': [9, ['a']] }]) {
      const value = resolver.resolve(bad) as Opaque;
      expect(value).toBeInstanceOf(Opaque);
      expect(value.details.reason).toMatch(/malformed|out of range/);
    }
  });

  test('unevaluated intrinsics are opaque', () => {
    expect(resolver.resolve({ 'Fn::GetAZs': '' })).toMatchObject({ kind: 'unsupported' });
    expect(containsOpaque(resolver.resolve({ a: [{ b: { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] } }] }))).toBe(true);
  });

  test('deep nesting is bounded', () => {
    let value: unknown = 'leaf';
    for (let i = 0; i < 200; i++) value = [value];
    expect(containsOpaque(resolver.resolve(value))).toBe(true);
  });
});

describe('Resolver.variants', () => {
  test('Fn::If is evaluated both ways, consistently per condition', () => {
    const value = { a: { 'Fn::If': ['IsProd', 'x', 'y'] }, b: { 'Fn::If': ['IsProd', 1, 2] } };
    expect(resolver.variants(value)).toEqual([{ a: 'x', b: 1 }, { a: 'y', b: 2 }]);
  });

  test('a parameter with AllowedValues takes each value', () => {
    expect(resolver.variants({ NetworkMode: { Ref: 'Mode' } })).toEqual([{ NetworkMode: 'awsvpc' }, { NetworkMode: 'host' }]);
    expect(resolver.variants({ x: { 'Fn::Sub': '${Mode}-net' } })).toEqual([{ x: 'awsvpc-net' }, { x: 'host-net' }]);
  });

  test('a value without choices has exactly one variant', () => {
    expect(resolver.variants({ a: 1 })).toEqual([{ a: 1 }]);
  });

  test('combinations are capped; choices beyond the cap stay opaque', () => {
    const value = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`p${i}`, { 'Fn::If': [`C${i}`, 'a', 'b'] }]));
    const variants = resolver.variants(value);
    expect(variants.length).toBeLessThanOrEqual(MAX_VARIANTS);
    expect(variants.some((v) => containsOpaque(v))).toBe(true);
  });
});
