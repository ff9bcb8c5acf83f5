import { Opaque } from '../../../lib/checks/model/opaque';
import { TemplateModel } from '../../../lib/checks/model/template-model';
import { booleanValue, numberValue, listValue, property, recordValue, stringValue } from '../../../lib/checks/model/values';

const model = new TemplateModel({
  Resources: {
    Role: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'r' } },
    Policy: { Type: 'AWS::IAM::Policy', Properties: { Roles: [{ Ref: 'Role' }], PolicyDocument: { Statement: [{ Resource: { 'Fn::Sub': '${Role.Arn}/x' } }] } } },
    Task: { Type: 'AWS::ECS::TaskDefinition', Condition: 'C', Properties: { TaskRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, ExecutionRoleArn: { 'Fn::Join': ['', ['arn:aws:iam::1:role/', { Ref: 'Role' }]] } } },
    Broken: 'not an object',
  },
} as never, { file: 'f.json', constructPaths: new Map([['Role', 'Stack/Service/TaskRole/Resource']]) });

describe('TemplateModel', () => {
  test('indexes resources by id and type, skipping malformed entries', () => {
    expect([...model.resources.keys()]).toEqual(['Role', 'Policy', 'Task']);
    expect(model.resourcesOfType('AWS::IAM::Role', 'AWS::IAM::Policy').map((r) => r.logicalId)).toEqual(['Role', 'Policy']);
    expect(model.resource('Task')?.condition).toBe('C');
  });

  test('follows references to resources, including a composite ARN naming one resource', () => {
    const task = model.properties(model.resource('Task')!);
    expect(model.referencedResource(task.TaskRoleArn)?.logicalId).toBe('Role');
    expect(model.referencedResource(task.ExecutionRoleArn)).toBeUndefined();
    expect(model.resourceIdentifiedBy(task.ExecutionRoleArn)?.logicalId).toBe('Role');
  });

  test('reverse index lists every place that refers to a resource, with the path', () => {
    const refs = model.referencesTo('Role').map((r) => [r.from.logicalId, r.path, r.attribute]);
    expect(refs).toEqual([
      ['Policy', 'Roles.0', undefined],
      ['Policy', 'PolicyDocument.Statement.0.Resource', 'Arn'],
      ['Task', 'TaskRoleArn', 'Arn'],
      ['Task', 'ExecutionRoleArn.Fn::Join.1.1', undefined],
    ]);
  });

  test('display names prefer construct paths', () => {
    expect(model.displayName(model.resource('Role')!)).toBe('Stack/Service/TaskRole/Resource');
    expect(model.displayName(model.resource('Task')!)).toBe('Task');
  });

  test('without a known construct path, the aws:cdk:path metadata CDK wrote names the resource', () => {
    const template = {
      Resources: {
        Written: { Type: 'AWS::SNS::Topic', Metadata: { 'aws:cdk:path': 'App/Topic/Resource' } },
        Both: { Type: 'AWS::SNS::Topic', Metadata: { 'aws:cdk:path': 'From/Template' } },
        Empty: { Type: 'AWS::SNS::Topic', Metadata: { 'aws:cdk:path': '' } },
        NotText: { Type: 'AWS::SNS::Topic', Metadata: { 'aws:cdk:path': { Ref: 'X' } } },
      },
    };
    const m = new TemplateModel(template, { constructPaths: new Map([['Both', 'From/Assembly']]) });
    const names = ['Written', 'Both', 'Empty', 'NotText'].map((id) => m.displayName(m.resource(id)!));
    expect(names).toEqual(['App/Topic/Resource', 'From/Assembly', 'Empty', 'NotText']);
  });
});

describe('value readers', () => {
  test('accept CloudFormation string forms of booleans and numbers', () => {
    expect([booleanValue('TRUE'), booleanValue(false), booleanValue(undefined)]).toEqual([true, false, undefined]);
    expect([numberValue('512'), numberValue(7), stringValue(3)]).toEqual([512, 7, '3']);
  });

  test('report wrong types and intrinsics as opaque rather than guessing', () => {
    for (const value of [booleanValue('yes'), numberValue('lots'), listValue('x'), recordValue([1]), stringValue({ a: 1 })]) {
      expect(value).toBeInstanceOf(Opaque);
    }
    const ref = new Opaque('ref', '<X>');
    expect(booleanValue(ref)).toBe(ref);
  });

  test('property lookup tolerates hand-written casing', () => {
    expect(property({ ReadOnlyRootFilesystem: true }, 'ReadonlyRootFilesystem')).toBe(true);
    expect(property({}, 'User')).toBeUndefined();
  });
});

describe('TemplateModel edge cases', () => {
  const nested = (depth: number, leaf: unknown): unknown => (depth === 0 ? leaf : { a: nested(depth - 1, leaf) });
  const nestedList = (depth: number, leaf: unknown): unknown => (depth === 0 ? leaf : [nestedList(depth - 1, leaf)]);
  // Built inside the tests as well as once here: a model built while the file loads is not attributed to a test.
  const buildEdgeModel = () => new TemplateModel({
    Parameters: { Param: { Type: 'String' } },
    Resources: {
      Role: { Type: 'AWS::IAM::Role' },
      Other: { Type: 'AWS::IAM::Role' },
      Odd: { Type: 5, Condition: ['not', 'a', 'name'], Properties: 'oops', Metadata: ['x'] },
      StringGetAtt: { Type: 'T', Properties: { A: { 'Fn::GetAtt': 'Role.Arn' }, B: { 'Fn::GetAtt': 'RoleWithoutAttribute' }, C: { 'Fn::GetAtt': 'Roles' } } },
      SubForms: { Type: 'T', Properties: { A: { 'Fn::Sub': ['${Role}/${Other.Arn}', {}] }, B: { 'Fn::Sub': '${ Other }' }, C: { 'Fn::Sub': [5] } } },
      ToParameter: { Type: 'T', Properties: { P: { Ref: 'Param' }, N: null } },
      Missing: null,
      Text: 'not an object',
      Deep: { Type: 'T', Properties: { AtLimit: nested(63, { Ref: 'Role' }), BeyondLimit: nested(64, { Ref: 'Other' }), BeyondInLists: nestedList(64, { Ref: 'Other' }) } },
    },
  } as never);
  const edgeModel = buildEdgeModel();

  test('non-string types and conditions and non-object properties and metadata are normalised; non-objects are skipped', () => {
    const built = buildEdgeModel();
    expect(built.resource('Missing')).toBeUndefined();
    expect(built.resource('Text')).toBeUndefined();
    expect(built.resource('Role')?.type).toBe('AWS::IAM::Role');
    const odd = built.resource('Odd')!;
    expect(odd.type).toBe('(unknown type)');
    expect(odd.condition).toBeUndefined();
    expect(odd.rawProperties).toEqual({});
    expect(odd.metadata).toEqual({});
  });

  test('variants are computed once per resource', () => {
    const role = edgeModel.resource('Role')!;
    expect(edgeModel.variants(role)).toBe(edgeModel.variants(role));
  });

  test('string-form Fn::GetAtt and both Fn::Sub forms are indexed; parameters and dotless GetAtt are not', () => {
    const refs = (id: string) => edgeModel.referencesTo(id).map((r) => [r.from.logicalId, r.path, r.attribute]);
    expect(refs('Role')).toEqual([
      ['StringGetAtt', 'A', 'Arn'],
      ['SubForms', 'A', undefined],
      ['Deep', 'AtLimit' + '.a'.repeat(63), undefined],
    ]);
    expect(refs('Other')).toEqual([['SubForms', 'A', 'Arn'], ['SubForms', 'B', undefined]]);
    expect(refs('Param')).toEqual([]);
    expect(refs('RoleWithoutAttribute')).toEqual([]);
    expect(edgeModel.referencesTo('Role')).toBe(edgeModel.referencesTo('Role'));
  });

  test('references follow only Ref and GetAtt opaque values that point into the template', () => {
    expect(edgeModel.referencedResource('Role')).toBeUndefined();
    expect(edgeModel.referencedResource({ kind: 'ref', details: { target: 'Role' } })).toBeUndefined();
    expect(edgeModel.referencedResource(new Opaque('parameter', '<Role>', { target: 'Role' }))).toBeUndefined();
    expect(edgeModel.referencedResource(new Opaque('ref', '<Missing>', { target: 'Missing' }))).toBeUndefined();
    expect(edgeModel.referencedResource(new Opaque('getatt', '<Role.Arn>', { target: 'Role', attribute: 'Arn' }))?.logicalId).toBe('Role');
  });

  test('a composite naming two resources identifies neither', () => {
    const two = new Opaque('composite', '<Role>/<Other>', {
      parts: [new Opaque('ref', '<Role>', { target: 'Role' }), '/', new Opaque('ref', '<Other>', { target: 'Other' })],
    });
    expect(edgeModel.resourceIdentifiedBy(two)).toBeUndefined();
    expect(edgeModel.resourceIdentifiedBy('arn:aws:iam::1:role/x')).toBeUndefined();
    const withPseudo = new Opaque('composite', 'arn:<AWS::Partition>:<Role>', {
      parts: ['arn:', new Opaque('pseudo', '<AWS::Partition>'), ':', new Opaque('ref', '<Role>', { target: 'Role' })],
    });
    expect(edgeModel.resourceIdentifiedBy(withPseudo)?.logicalId).toBe('Role');
  });

  test('arbitrary values resolve under the default assignment', () => {
    expect(edgeModel.resolve({ 'Fn::Join': ['-', ['a', 'b']] })).toBe('a-b');
    expect(edgeModel.resolve({ Ref: 'Role' })).toBeInstanceOf(Opaque);
  });
});
