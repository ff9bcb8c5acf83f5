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
