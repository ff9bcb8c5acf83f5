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

  test('an SSM-typed parameter is read at deploy time: its Default names the SSM parameter, it is not the value', () => {
    const ssm = new Resolver({
      Parameters: {
        Image: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/app/image-uri' },
        Unnamed: { Type: 'AWS::SSM::Parameter::Value<String>' },
      },
      Resources: {},
    });
    expect(ssm.resolve({ Ref: 'Image' })).toEqual(new Opaque('parameter', '<Image>', {
      target: 'Image',
      reason: 'parameter Image is read from SSM parameter /app/image-uri at deploy time',
    }));
    expect((ssm.resolve({ Ref: 'Unnamed' }) as Opaque).details.reason).toBe('parameter Unnamed is read from an SSM parameter at deploy time');
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

/** Expected opaque values are spelled out in full so that every kind, display and reason text is pinned. */
const opaque = (kind: Opaque['kind'], display: string, details: Opaque['details']) => new Opaque(kind, display, details);
const malformedOf = (intrinsic: string, expectation: string) =>
  opaque('unsupported', `<malformed ${intrinsic}>`, { reason: `malformed ${intrinsic}: ${expectation}` });
const region = () => opaque('pseudo', '<AWS::Region>', { target: 'AWS::Region', reason: 'AWS::Region is known only at deploy time' });
const tooDeep = () => opaque('unsupported', '<too deeply nested>', { reason: 'value nested more than 64 levels' });
const withCondition = (name: string, branch: boolean) => ({ conditions: new Map([[name, branch]]), parameters: new Map() });

/** Wraps a leaf `times` times; the resolver must cut every path at the same depth bound. */
function nest(times: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let i = 0; i < times; i++) value = wrap(value);
  return value;
}

/** The innermost element of nested single-element arrays. */
function innermost(value: unknown): unknown {
  let current = value;
  while (Array.isArray(current)) current = current[0];
  return current;
}

describe('Resolver references and parameters', () => {
  const detailed = new Resolver({
    Parameters: {
      Flag: { Type: 'String', Default: true },
      Items: { Type: 'CommaDelimitedList', Default: ['a', 'b'] },
      Numbers: { Type: 'List<Number>', Default: 5 },
      Spaced: { Type: 'String', Default: 'a, b' },
      Secret: { Type: 'String', NoEcho: 'true', Default: 'hidden' },
      Shown: { Type: 'String', NoEcho: 'false', Default: 'visible' },
      Open: { Type: 'String' },
    },
    Resources: { Role: {} },
  });

  test('Ref to a resource, to an unknown name and to a pseudo parameter give opaque values with their reason', () => {
    expect(detailed.resolve({ Ref: 'Role' })).toEqual(opaque('ref', '<Role>', { target: 'Role', reason: 'reference to resource Role' }));
    expect(detailed.resolve({ Ref: 'Nope' })).toEqual(
      opaque('ref', '<Nope>', { target: 'Nope', reason: 'reference to Nope, which is not defined in this template' }),
    );
    expect(detailed.resolve({ Ref: 'AWS::Region' })).toEqual(region());
  });

  test('Ref in a template without resources or parameters is an undefined reference', () => {
    expect(new Resolver({}).resolve({ Ref: 'Role' })).toEqual(
      opaque('ref', '<Role>', { target: 'Role', reason: 'reference to Role, which is not defined in this template' }),
    );
  });

  test('a malformed Ref names what it expects', () => {
    expect(detailed.resolve({ Ref: 3 })).toEqual(malformedOf('Ref', 'expects a logical id string'));
  });

  test('NoEcho given as the string "true" hides the value; "false" does not', () => {
    expect(detailed.resolve({ Ref: 'Secret' })).toEqual(
      opaque('parameter', '<Secret>', { target: 'Secret', sensitive: true, reason: 'NoEcho parameter Secret' }),
    );
    expect(detailed.resolve({ Ref: 'Shown' })).toBe('visible');
  });

  test('a parameter without default is opaque and names the parameter', () => {
    expect(detailed.resolve({ Ref: 'Open' })).toEqual(opaque('parameter', '<Open>', { target: 'Open', reason: 'parameter Open has no default' }));
  });

  test('boolean defaults become strings; only list-typed string values are split', () => {
    expect(detailed.resolve({ Ref: 'Flag' })).toBe('true');
    expect(detailed.resolve({ Ref: 'Items' })).toEqual(['a', 'b']);
    expect(detailed.resolve({ Ref: 'Numbers' })).toBe('5');
    expect(detailed.resolve({ Ref: 'Spaced' })).toBe('a, b');
  });

  test('AWS::NoValue at the top level resolves to undefined', () => {
    expect(detailed.resolve({ Ref: 'AWS::NoValue' })).toBeUndefined();
  });
});

describe('Resolver intrinsics in detail', () => {
  const r = new Resolver({
    Parameters: { Env: { Type: 'String', Default: 'prod' } },
    Mappings: { Regions: { 'eu-west-1': { Ami: 'ami-123' } }, Loop: { a: { b: { 'Fn::FindInMap': ['Loop', 'a', 'b'] } } } },
    Resources: { Role: {} },
  });

  test('only a single-key object whose key is an evaluated intrinsic is treated as one', () => {
    expect(r.resolve({ Ref: 'Env', Extra: 1 })).toEqual({ Ref: 'Env', Extra: 1 });
    expect(r.resolve({ Custom: 'x' })).toEqual({ Custom: 'x' });
    expect(r.resolve({ Condition: 'IsProd' })).toEqual({ Condition: 'IsProd' });
  });

  test('unevaluated intrinsics name themselves in the display and the reason', () => {
    expect(r.resolve({ 'Fn::GetAZs': '' })).toEqual(opaque('unsupported', '<Fn::GetAZs>', { reason: 'Fn::GetAZs is not evaluated by the checker' }));
  });

  test('Fn::ImportValue shows the export name, also when it is not a literal', () => {
    expect(r.resolve({ 'Fn::ImportValue': 'Shared-Arn' })).toEqual(
      opaque('import', '<ImportValue:Shared-Arn>', { reason: 'imported from another stack (export Shared-Arn)' }),
    );
    expect((r.resolve({ 'Fn::ImportValue': { Ref: 'AWS::Region' } }) as Opaque).display).toBe('<ImportValue:<AWS::Region>>');
  });

  test('Fn::Base64 resolves to the text it encodes', () => {
    expect(r.resolve({ 'Fn::Base64': { 'Fn::Sub': 'env=${Env}' } })).toBe('env=prod');
  });

  test('Fn::ToJsonString renders resolved JSON, and is opaque when a part is unresolved', () => {
    expect(r.resolve({ 'Fn::ToJsonString': { a: 'b', env: { Ref: 'Env' } } })).toBe('{"a":"b","env":"prod"}');
    expect(r.resolve({ 'Fn::ToJsonString': { a: { Ref: 'AWS::Region' } } })).toEqual(
      opaque('unsupported', '<Fn::ToJsonString>', { reason: 'JSON string with unresolved parts' }),
    );
  });

  test('Fn::GetAtt: the attribute and reason are pinned; malformed forms are rejected', () => {
    expect(r.resolve({ 'Fn::GetAtt': ['Role', 'Arn'] })).toEqual(
      opaque('getatt', '<Role.Arn>', { target: 'Role', attribute: 'Arn', reason: 'attribute Arn of Role is known only at deploy time' }),
    );
    expect(r.resolve({ 'Fn::GetAtt': ['Role', { Ref: 'Env' }] })).toMatchObject({ display: '<Role.?>', details: { attribute: '?' } });
    for (const bad of ['.Arn', 'NoDot', ['Role'], ['Role', 'Arn', 'X'], [1, 'Arn'], 5]) {
      expect(r.resolve({ 'Fn::GetAtt': bad })).toEqual(malformedOf('Fn::GetAtt', 'expects [LogicalId, Attribute]'));
    }
  });

  test('Fn::Join merges adjacent literals around opaque parts and renders scalars as text', () => {
    const joined = r.resolve({ 'Fn::Join': ['-', ['a', 'b', { Ref: 'AWS::Region' }]] }) as Opaque;
    expect(joined.details.parts).toEqual(['a-b-', region()]);
    expect(joined.details.reason).toBe('string built from values known only at deploy time (a-b-<AWS::Region>)');
    expect(r.resolve({ 'Fn::Join': ['-', [1, true, null, { a: 1 }, NaN, undefined]] })).toBe('1-true-null-{"a":1}-NaN-');
    expect(r.resolve({ 'Fn::Join': ['', ['a', 'b']] })).toBe('ab');
  });

  test('Fn::Join over a value that is not a list', () => {
    expect(r.resolve({ 'Fn::Join': ['-', 'abc'] })).toBe('abc');
    expect(r.resolve({ 'Fn::Join': [',', { Ref: 'Role' }] })).toEqual(
      opaque('composite', '<Role>', {
        parts: [opaque('ref', '<Role>', { target: 'Role', reason: 'reference to resource Role' })],
        reason: 'Fn::Join over a list known only at deploy time',
      }),
    );
  });

  test('a malformed Fn::Join names what it expects', () => {
    for (const bad of ['x', ['-'], ['-', [], 'extra'], [1, ['a']]]) {
      expect(r.resolve({ 'Fn::Join': bad })).toEqual(malformedOf('Fn::Join', 'expects [delimiter, list]'));
    }
  });

  test('Fn::Sub trims names, keeps attributes as attributes and drops empty literal parts', () => {
    expect(r.resolve({ 'Fn::Sub': 'app-${ Env }' })).toBe('app-prod');
    expect((r.resolve({ 'Fn::Sub': '${AWS::Region}' }) as Opaque).details.parts).toEqual([region()]);
    expect((r.resolve({ 'Fn::Sub': '${Role.Arn}' }) as Opaque).details.parts).toEqual([
      opaque('getatt', '<Role.Arn>', { target: 'Role', attribute: 'Arn', reason: 'attribute Arn of Role is known only at deploy time' }),
    ]);
    expect(r.resolve({ 'Fn::Sub': ['x${V}y', { V: undefined }] })).toBe('xy');
    expect(r.resolve({ 'Fn::Sub': ['${V}', { V: 7 }] })).toBe('7');
  });

  test('Fn::Sub flattens a composite variable into its own parts', () => {
    const value = r.resolve({ 'Fn::Sub': ['a-${X}', { X: { 'Fn::Join': ['', ['b', { Ref: 'AWS::Region' }]] } }] }) as Opaque;
    expect(value.details.parts).toEqual(['a-b', region()]);
    expect(value.display).toBe('a-b<AWS::Region>');
  });

  test('a malformed Fn::Sub names what it expects', () => {
    for (const bad of [5, ['${X}', { X: '1' }, 'extra'], [5, {}], ['x', 'not variables'], ['x']]) {
      expect(r.resolve({ 'Fn::Sub': bad })).toEqual(malformedOf('Fn::Sub', 'expects a string or [string, variables]'));
    }
  });

  test('Fn::If takes the assigned branch, is opaque without one, and rejects malformed forms', () => {
    expect(r.resolve({ 'Fn::If': ['C', 'yes', 'no'] }, withCondition('C', true))).toBe('yes');
    expect(r.resolve({ 'Fn::If': ['C', 'yes', 'no'] }, withCondition('C', false))).toBe('no');
    expect(r.resolve({ 'Fn::If': ['C', 'yes', 'no'] })).toEqual(
      opaque('unsupported', '<If:C>', { reason: 'depends on condition C (too many combinations to evaluate)' }),
    );
    for (const bad of [['C'], [1, 'a', 'b'], 'C']) {
      expect(r.resolve({ 'Fn::If': bad })).toEqual(malformedOf('Fn::If', 'expects [condition, whenTrue, whenFalse]'));
    }
  });

  test('Fn::Select accepts numeric indexes only, over a known list, within range', () => {
    const letters = 'abcdefghijkl'.split('');
    expect(r.resolve({ 'Fn::Select': ['10', letters] })).toBe('k');
    expect(r.resolve({ 'Fn::Select': [10, letters] })).toBe('k');
    const unknown = opaque('unsupported', '<Fn::Select>', { reason: 'Fn::Select over values known only at deploy time' });
    for (const index of ['abc', 'a1', '1a', { Ref: 'AWS::Region' }]) expect(r.resolve({ 'Fn::Select': [index, letters] })).toEqual(unknown);
    expect(r.resolve({ 'Fn::Select': [0, { Ref: 'Role' }] })).toEqual(unknown);
    expect(r.resolve({ 'Fn::Select': [1, ['a']] })).toEqual(malformedOf('Fn::Select', 'index 1 is out of range'));
    for (const bad of ['x', [0], [0, ['a'], 'extra']]) {
      expect(r.resolve({ 'Fn::Select': bad })).toEqual(malformedOf('Fn::Select', 'expects [index, list]'));
    }
  });

  test('Fn::Split splits literals, is opaque over unresolved text and rejects malformed forms', () => {
    expect(r.resolve({ 'Fn::Split': ['|', 'a|b'] })).toEqual(['a', 'b']);
    expect(r.resolve({ 'Fn::Split': [',', { Ref: 'AWS::Region' }] })).toEqual(
      opaque('unsupported', '<Fn::Split>', { reason: 'Fn::Split of a value known only at deploy time' }),
    );
    for (const bad of ['x', [','], [',', 'a', 'b'], [1, 'a']]) {
      expect(r.resolve({ 'Fn::Split': bad })).toEqual(malformedOf('Fn::Split', 'expects [delimiter, string]'));
    }
  });

  test('Fn::FindInMap looks up literal keys, falls back to DefaultValue, else is opaque', () => {
    const unknownIn = (map: string) => opaque('unsupported', `<FindInMap:${map}>`, { reason: 'Fn::FindInMap with keys known only at deploy time' });
    expect(r.resolve({ 'Fn::FindInMap': ['Regions', 'eu-west-1', 'Ami', { DefaultValue: 'd' }] })).toBe('ami-123');
    expect(r.resolve({ 'Fn::FindInMap': ['Missing', 'a', 'b', { DefaultValue: 'd' }] })).toBe('d');
    expect(r.resolve({ 'Fn::FindInMap': ['Regions', 'eu-west-1', 'Nope'] })).toEqual(unknownIn('Regions'));
    expect(r.resolve({ 'Fn::FindInMap': ['Regions', 'us-east-1', 'Ami'] })).toEqual(unknownIn('Regions'));
    expect(r.resolve({ 'Fn::FindInMap': ['Missing', 'a', 'b'] })).toEqual(unknownIn('Missing'));
    expect(new Resolver({}).resolve({ 'Fn::FindInMap': ['Regions', 'a', 'b'] })).toEqual(unknownIn('Regions'));
    // An unknown key could name an entry of the map, so the default would be a guess.
    expect(r.resolve({ 'Fn::FindInMap': ['Regions', { Ref: 'AWS::Region' }, 'Ami', { DefaultValue: 'd' }] })).toEqual(unknownIn('Regions'));
    expect(r.resolve({ 'Fn::FindInMap': ['Regions', 'eu-west-1', { Ref: 'AWS::Region' }, { DefaultValue: 'd' }] })).toEqual(unknownIn('Regions'));
  });

  test('Fn::FindInMap keys that are lists never look up the map, even when their text matches', () => {
    const split = (text: string) => ({ 'Fn::Split': [',', text] });
    expect(r.resolve({ 'Fn::FindInMap': [split('Regions'), 'eu-west-1', 'Ami'] })).toBeInstanceOf(Opaque);
    expect(r.resolve({ 'Fn::FindInMap': ['Regions', split('eu-west-1'), 'Ami'] })).toBeInstanceOf(Opaque);
    expect(r.resolve({ 'Fn::FindInMap': ['Regions', 'eu-west-1', split('Ami')] })).toBeInstanceOf(Opaque);
  });

  test('a malformed Fn::FindInMap names what it expects', () => {
    for (const bad of ['x', ['Regions', 'eu-west-1']]) {
      expect(r.resolve({ 'Fn::FindInMap': bad })).toEqual(malformedOf('Fn::FindInMap', 'expects [map, topKey, secondKey]'));
    }
  });

  test('a mapping that refers to itself stops at the depth bound', () => {
    expect((r.resolve({ 'Fn::FindInMap': ['Loop', 'a', 'b'] }) as Opaque).display).toBe('<FindInMap:<too deeply nested>>');
  });
});

describe('Resolver depth bound', () => {
  const r = new Resolver({ Mappings: { M: { a: { b: 'M' } } } });
  const cut = (value: unknown) => JSON.stringify(value).includes('<too deeply nested>');

  test('values nested exactly 64 levels resolve; one more level is cut', () => {
    expect(innermost(r.resolve(nest(64, 'leaf', (v) => [v])))).toBe('leaf');
    expect(innermost(r.resolve(nest(65, 'leaf', (v) => [v])))).toEqual(tooDeep());
    expect(cut(r.resolve(nest(70, 'leaf', (v) => ({ a: v }))))).toBe(true);
  });

  test('every intrinsic counts towards the depth bound', () => {
    const deep = (wrap: (inner: unknown) => unknown, leaf: unknown = 'leaf') => r.resolve(nest(70, leaf, wrap), withCondition('C', true));
    expect((deep((v) => ({ 'Fn::ImportValue': v })) as Opaque).display).toContain('<too deeply nested>');
    expect(deep((v) => ({ 'Fn::Base64': v }))).toEqual(tooDeep());
    expect(deep((v) => ({ 'Fn::ToJsonString': v }))).toBeInstanceOf(Opaque);
    expect(containsOpaque(deep((v) => ({ 'Fn::Join': ['', [v]] })))).toBe(true);
    expect(containsOpaque(deep((v) => ({ 'Fn::Sub': ['${X}', { X: v }] })))).toBe(true);
    expect(deep((v) => ({ 'Fn::If': ['C', v, 'other'] }))).toEqual(tooDeep());
    expect(deep((v) => ({ 'Fn::Select': [0, [v]] }))).toMatchObject({ display: '<Fn::Select>' });
    expect(deep((v) => ({ 'Fn::Select': [v, [0]] }), 0)).toBeInstanceOf(Opaque);
    expect(deep((v) => ({ 'Fn::Split': [',', { 'Fn::Select': [0, v] }] }), ['leaf'])).toBeInstanceOf(Opaque);
    expect(deep((v) => ({ 'Fn::FindInMap': [v, 'a', 'b'] }), 'M')).toBeInstanceOf(Opaque);
    expect(deep((v) => ({ 'Fn::FindInMap': ['Missing', 'a', 'b', { DefaultValue: v }] }))).toBeInstanceOf(Opaque);
  });
});

describe('Resolver.assignments and variants in detail', () => {
  const r = new Resolver({
    Parameters: {
      Alpha: { Type: 'String', AllowedValues: ['a1', 'a2'] },
      Beta: { Type: 'String', AllowedValues: ['b1', 'b2'] },
      Single: { Type: 'String', AllowedValues: ['only'] },
      Env: { Type: 'String', Default: 'prod' },
      Many: { Type: 'String', Default: 'v0', AllowedValues: Array.from({ length: MAX_VARIANTS + 1 }, (_, i) => `v${i}`) },
    },
  });

  test('a value without choices has the single empty assignment', () => {
    expect(r.assignments({ a: 1, b: null })).toEqual([{ conditions: new Map(), parameters: new Map() }]);
    expect(r.variants({ a: null })).toEqual([{ a: null }]);
  });

  test('conditions are combined in name order, whatever their order in the value', () => {
    const value = { first: { 'Fn::If': ['B', 'b1', 'b2'] }, second: { 'Fn::If': ['A', 'a1', 'a2'] } };
    expect(r.variants(value)).toEqual([
      { first: 'b1', second: 'a1' },
      { first: 'b2', second: 'a1' },
      { first: 'b1', second: 'a2' },
      { first: 'b2', second: 'a2' },
    ]);
  });

  test('parameters are combined in name order, whatever their order in the value', () => {
    expect(r.variants([{ Ref: 'Beta' }, { Ref: 'Alpha' }])).toEqual([
      ['b1', 'a1'],
      ['b2', 'a1'],
      ['b1', 'a2'],
      ['b2', 'a2'],
    ]);
  });

  test('exactly MAX_VARIANTS combinations are all evaluated', () => {
    const value = Array.from({ length: 5 }, (_, i) => ({ 'Fn::If': [`C${i}`, 't', 'f'] }));
    const variants = r.variants(value);
    expect(variants).toHaveLength(32);
    expect(variants.some(containsOpaque)).toBe(false);
  });

  test('a parameter with more allowed values than the cap keeps its default in the single variant', () => {
    expect(r.variants({ Ref: 'Many' })).toEqual(['v0']);
  });

  test('only parameters with several allowed values are choices', () => {
    expect(r.variants({ Ref: 'Env' })).toEqual(['prod']);
    expect(r.variants({ Ref: 'Single' })).toEqual([opaque('parameter', '<Single>', { target: 'Single', reason: 'parameter Single has no default' })]);
  });

  test('parameters used in Fn::Sub are choices in both forms, with spaces, but not when escaped', () => {
    expect(r.variants({ 'Fn::Sub': ['${Alpha}-${V}', { V: 'v' }] })).toEqual(['a1-v', 'a2-v']);
    expect(r.variants({ 'Fn::Sub': '${ Alpha }' })).toEqual(['a1', 'a2']);
    expect(r.variants({ 'Fn::Sub': '${!Alpha}' })).toEqual(['${Alpha}']);
  });

  test('choices are collected down to the depth bound and no further', () => {
    const at = (levels: number) => nest(levels, { 'Fn::If': ['C', 'yes', 'no'] }, (v) => [v]);
    expect(r.variants(at(63)).map(innermost)).toEqual(['yes', 'no']);
    expect(r.variants(at(64))).toHaveLength(2);
    expect(r.variants(at(65))).toHaveLength(1);
    expect(r.variants(nest(66, { 'Fn::If': ['C', 'yes', 'no'] }, (v) => ({ a: v })))).toHaveLength(1);
  });
});

describe('containsOpaque', () => {
  test('finds opaque leaves in lists and records, and nothing in literals', () => {
    expect(containsOpaque('x')).toBe(false);
    expect(containsOpaque(1)).toBe(false);
    expect(containsOpaque([1, { a: 'b' }])).toBe(false);
    expect(containsOpaque([1, region()])).toBe(true);
    expect(containsOpaque({ a: 1, b: { c: region() } })).toBe(true);
    expect(containsOpaque(region())).toBe(true);
  });
});
