import { asTemplate, looksLikeTemplate, templateProblem } from '../../../lib/checks/input/cloudformation-template';

describe('looksLikeTemplate', () => {
  test('a mapping with a Resources key claims to be a template, whatever Resources holds', () => {
    expect(looksLikeTemplate({ Resources: {} })).toBe(true);
    expect(looksLikeTemplate({ Resources: null })).toBe(true);
  });

  test.each([
    ['null', null],
    ['a string', 'Resources'],
    ['a list', [{ Resources: {} }]],
    ['a mapping without Resources', { AWSTemplateFormatVersion: '2010-09-09' }],
  ])('%s does not', (_, value) => {
    expect(looksLikeTemplate(value)).toBe(false);
  });
});

describe('templateProblem', () => {
  test.each([
    ['Resources: null', null, 'CloudFormation template whose Resources is null; expected a mapping of logical ids to resources'],
    ['Resources as a list', [{ Type: 'AWS::S3::Bucket' }], 'CloudFormation template whose Resources is a list; expected a mapping of logical ids to resources'],
    ['Resources as a string', 'Bucket', 'CloudFormation template whose Resources is a string; expected a mapping of logical ids to resources'],
    ['Resources as a number', 3, 'CloudFormation template whose Resources is a number; expected a mapping of logical ids to resources'],
    ['a null resource', { Ok: { Type: 'AWS::S3::Bucket' }, Task: null }, "resource 'Task' is not a mapping"],
    ['a resource that is a list', { Task: [{ Type: 'AWS::ECS::TaskDefinition' }] }, "resource 'Task' is not a mapping"],
    ['a resource that is a string', { Task: 'AWS::ECS::TaskDefinition' }, "resource 'Task' is not a mapping"],
    ['a resource without Type', { Task: { Properties: {} } }, "resource 'Task' has no Type"],
    ['an empty Type', { Task: { Type: '' } }, "resource 'Task' has no Type"],
    ['a Type that is not a string', { Task: { Type: { Ref: 'TypeName' } } }, "resource 'Task' has no Type"],
    ['Properties as a list', { Task: { Type: 'AWS::ECS::TaskDefinition', Properties: [] } }, "resource 'Task' has Properties that are not a mapping"],
    ['Properties as a string', { Task: { Type: 'AWS::ECS::TaskDefinition', Properties: 'none' } }, "resource 'Task' has Properties that are not a mapping"],
  ])('%s is a problem', (_, resources, expected) => {
    expect(templateProblem({ Resources: resources })).toBe(expected);
  });

  test('resources with a Type and mapping, null or absent Properties can be checked', () => {
    expect(templateProblem({
      Resources: {
        WithProperties: { Type: 'AWS::ECS::TaskDefinition', Properties: { Family: 'web' } },
        NullProperties: { Type: 'AWS::S3::Bucket', Properties: null },
        NoProperties: { Type: 'AWS::SNS::Topic' },
      },
    })).toBeUndefined();
    expect(templateProblem({ Resources: {} })).toBeUndefined();
  });
});

test('asTemplate keeps the parsed value as it is', () => {
  const value = { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } };
  expect(asTemplate(value)).toBe(value);
});
