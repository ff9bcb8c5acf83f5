import { readFileSync } from 'fs';
import * as path from 'path';
import { parseCloudFormationYaml } from '../../../lib/checks/input/cloudformation-yaml';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

function parsed(text: string): unknown {
  const result = parseCloudFormationYaml(text);
  if (!result.ok) throw new Error(`unexpected parse failure: ${result.problem.message}`);
  return result.value;
}

describe('CloudFormation YAML short forms', () => {
  test('a template written with every short form equals its JSON long form', () => {
    expect(parsed(fixture('short-form.yaml'))).toEqual(JSON.parse(fixture('long-form.json')));
  });

  test.each([
    ['!Ref Bucket', { Ref: 'Bucket' }],
    ['!Condition IsProd', { Condition: 'IsProd' }],
    ['!GetAtt Role.Arn', { 'Fn::GetAtt': ['Role', 'Arn'] }],
    ['!GetAtt Db.Endpoint.Address', { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] }],
    ['!GetAtt [Role, Arn]', { 'Fn::GetAtt': ['Role', 'Arn'] }],
    ['!GetAtt Role', { 'Fn::GetAtt': 'Role' }],
    ['!GetAtt {Fn::Sub: Role.Arn}', { 'Fn::GetAtt': { 'Fn::Sub': 'Role.Arn' } }],
    ['!Sub "${AWS::StackName}.example.com"', { 'Fn::Sub': '${AWS::StackName}.example.com' }],
    ['!ImportValue shared.vpc', { 'Fn::ImportValue': 'shared.vpc' }],
    ['!Sub "arn:${AWS::Partition}:s3:::b"', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::b' }],
    ['!Sub ["${A}", {A: !Ref B}]', { 'Fn::Sub': ['${A}', { A: { Ref: 'B' } }] }],
    ['!Join ["", [a, !Ref B]]', { 'Fn::Join': ['', ['a', { Ref: 'B' }]] }],
    ['!If [C, 1, !Ref AWS::NoValue]', { 'Fn::If': ['C', 1, { Ref: 'AWS::NoValue' }] }],
    ['!Select [1, !Split [",", "a,b"]]', { 'Fn::Select': [1, { 'Fn::Split': [',', 'a,b'] }] }],
    ['!FindInMap [M, K, V]', { 'Fn::FindInMap': ['M', 'K', 'V'] }],
    ['!Base64 text', { 'Fn::Base64': 'text' }],
    ['!Cidr [10.0.0.0/16, 6, 5]', { 'Fn::Cidr': ['10.0.0.0/16', 6, 5] }],
    ['!ImportValue shared', { 'Fn::ImportValue': 'shared' }],
    ['!ImportValue {"Fn::Sub": "${Env}-vpc"}', { 'Fn::ImportValue': { 'Fn::Sub': '${Env}-vpc' } }],
    ["!GetAZs ''", { 'Fn::GetAZs': '' }],
    ['!Equals [a, b]', { 'Fn::Equals': ['a', 'b'] }],
    ['!And [!Condition A, !Condition B]', { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Or [!Condition A, !Condition B]', { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Not [!Condition A]', { 'Fn::Not': [{ Condition: 'A' }] }],
    ['!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}', { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } }],
  ])('%s', (yaml, expected) => {
    expect(parsed(`Value: ${yaml}\n`)).toEqual({ Value: expected });
  });

  test('block sequence and block mapping forms', () => {
    expect(parsed('V: !Join\n  - "-"\n  - - a\n    - !Ref B\nW: !Base64\n  Fn::Sub: x\n')).toEqual({
      V: { 'Fn::Join': ['-', ['a', { Ref: 'B' }]] },
      W: { 'Fn::Base64': { 'Fn::Sub': 'x' } },
    });
  });

  test('an unknown tag is an error with its position', () => {
    expect(parseCloudFormationYaml('A: 1\nB: !Reff X\n')).toEqual({ ok: false, problem: { message: 'Unresolved tag: !Reff', line: 2, column: 4 } });
  });

  test('a syntax error names line and column and does not quote the input', () => {
    const result = parseCloudFormationYaml('Secret: {AKIAIOSFODNN7EXAMPLE\n');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.line).toBeGreaterThan(0);
      expect(result.problem.message).not.toContain('AKIA');
    }
  });

  test('alias bombs are refused instead of expanded', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => {
      const prev = i === 0 ? 'a' : `b${i - 1}`;
      return `b${i}: &b${i} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`;
    })].join('\n');
    expect(parseCloudFormationYaml(bomb)).toEqual({ ok: false, problem: { message: 'Excessive alias count indicates a resource exhaustion attack' } });
  });

  test('a problem found while building the value has a message but no position', () => {
    expect(parseCloudFormationYaml('Resources: *missing\n')).toEqual({
      ok: false,
      problem: { message: 'Unresolved alias (the anchor must be set before the alias): missing' },
    });
  });

  test('warnings other than an unresolved tag do not stop the parse', () => {
    expect(parseCloudFormationYaml('%FUTURE directive\n---\nResources: {}\n')).toEqual({ ok: true, value: { Resources: {} } });
  });

  test('a duplicate key keeps the last value, like JSON.parse', () => {
    expect(parsed('A: 1\nA: 2\n')).toEqual(JSON.parse('{"A": 1, "A": 2}'));
  });
});
