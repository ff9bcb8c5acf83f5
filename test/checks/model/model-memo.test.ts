import { ResourceMemo } from '../../../lib/checks/model/model-memo';
import { TemplateModel } from '../../../lib/checks/model/template-model';

const template = () => ({
  Resources: {
    A: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'a' } },
    B: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'b' } },
  },
});

test('computes once per model, resource and variant', () => {
  const memo = new ResourceMemo<string>();
  const model = new TemplateModel(template());
  const [a, b] = [model.resource('A')!, model.resource('B')!];
  const [variantA] = model.variants(a);
  let computed = 0;
  const value = (label: string) => () => `${label}${++computed}`;
  expect(memo.get(model, a, variantA, value('a'))).toBe('a1');
  expect(memo.get(model, a, variantA, value('a'))).toBe('a1');
  expect(memo.get(model, b, model.variants(b)[0], value('b'))).toBe('b2');
  // Another variant of the same resource is another value.
  expect(memo.get(model, a, { RoleName: 'other' }, value('a'))).toBe('a3');
  expect(computed).toBe(3);
});

test('a new model of the same template starts empty: nothing carries over between templates', () => {
  const memo = new ResourceMemo<number>();
  const first = new TemplateModel(template());
  const second = new TemplateModel(template());
  expect(memo.get(first, first.resource('A')!, first.resource('A')!, () => 1)).toBe(1);
  expect(memo.get(second, second.resource('A')!, second.resource('A')!, () => 2)).toBe(2);
  expect(memo.get(first, first.resource('A')!, first.resource('A')!, () => 3)).toBe(1);
});

test('two resources that share one properties object keep separate values', () => {
  const shared = { RoleName: 'same' };
  const model = new TemplateModel({ Resources: { A: { Type: 'AWS::IAM::Role', Properties: shared }, B: { Type: 'AWS::IAM::Role', Properties: shared } } });
  const memo = new ResourceMemo<string>();
  const [a, b] = [model.resource('A')!, model.resource('B')!];
  expect(memo.get(model, a, model.variants(a)[0], () => 'A')).toBe('A');
  expect(memo.get(model, b, model.variants(b)[0], () => 'B')).toBe('B');
});

test('an undefined value is remembered too', () => {
  const memo = new ResourceMemo<string | undefined>();
  const model = new TemplateModel(template());
  const a = model.resource('A')!;
  let computed = 0;
  memo.get(model, a, a, () => { computed++; return undefined; });
  memo.get(model, a, a, () => { computed++; return undefined; });
  expect(computed).toBe(1);
});
