import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnResource, NestedStack, Stack } from 'aws-cdk-lib';
import { StackModels } from '../../../lib/checks/nag/stack-models';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-models-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeTemplate(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

function topic(scope: Stack, id: string): CfnResource {
  return new CfnResource(scope, id, { type: 'AWS::SNS::Topic' });
}

/** A parent stack and a nested stack that both hold a resource with logical id `Topic`. */
function parentAndNested(): { app: App; parent: Stack; nested: NestedStack; sibling: Stack } {
  const app = new App();
  const parent = new Stack(app, 'Parent');
  topic(parent, 'Topic');
  const nested = new NestedStack(parent, 'Nested');
  topic(nested, 'Topic');
  const sibling = new Stack(app, 'Sibling');
  return { app, parent, nested, sibling };
}

describe('StackModels', () => {
  test('without template files (validateScope) every stack is in scope and is rendered in memory', () => {
    const { parent, nested, sibling } = parentAndNested();
    const models = new StackModels();
    expect([parent, nested, sibling].map((s) => models.inScope(s))).toEqual([true, true, true]);
    const { model, error } = models.modelOf(parent);
    expect(error).toBeUndefined();
    expect(model!.source).toEqual({ file: undefined, stack: 'Parent' });
    expect([...model!.resources.keys()]).toEqual(['Topic', 'NestedNestedStackNestedNestedStackResourceDEFDAA4D']);
    const nestedModel = models.modelOf(nested).model!;
    expect(nestedModel.source.stack).toBe('Parent/Nested');
    expect([...nestedModel.resources.keys()]).toEqual(['Topic']);
  });

  test('display names are the construct paths CDK writes into the template when path metadata is on, else logical ids', () => {
    const withPaths = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
    const stack = new Stack(withPaths, 'Parent');
    topic(stack, 'Topic');
    const model = new StackModels().modelOf(stack).model!;
    expect(model.displayName(model.resource('Topic')!)).toBe('Parent/Topic');
    const { parent } = parentAndNested();
    const plain = new StackModels().modelOf(parent).model!;
    expect(plain.displayName(plain.resource('Topic')!)).toBe('Topic');
  });

  test('a model is built once per stack and run', () => {
    const { parent } = parentAndNested();
    const models = new StackModels();
    expect(models.modelOf(parent)).toBe(models.modelOf(parent));
  });

  test('with template files, listed stacks (and stacks nested in them) are in scope; listed templates are read from disk', () => {
    const { parent, nested, sibling } = parentAndNested();
    const file = writeTemplate('parent.json', JSON.stringify({ Resources: { OnlyOnDisk: { Type: 'AWS::SQS::Queue' } } }));
    const models = new StackModels(new Map([['Parent', file]]));
    expect([parent, nested, sibling].map((s) => models.inScope(s))).toEqual([true, true, false]);
    const model = models.modelOf(parent).model!;
    expect(model.source).toMatchObject({ file, stack: 'Parent' });
    expect([...model.resources.keys()]).toEqual(['OnlyOnDisk']);
    // Nested templates are assets, not listed: they are rendered.
    expect([...models.modelOf(nested).model!.resources.keys()]).toEqual(['Topic']);
  });

  test('a template file that cannot be read or parsed gives an error naming the file and the stack', () => {
    const { parent } = parentAndNested();
    const missing = path.join(dir, 'missing.json');
    expect(new StackModels(new Map([['Parent', missing]])).modelOf(parent)).toEqual({
      error: `could not read ${missing} to check stack Parent: ENOENT: no such file or directory, open '${missing}'`,
    });
    const broken = writeTemplate('broken.json', '{ "Resources": ');
    const { error } = new StackModels(new Map([['Parent', broken]])).modelOf(parent);
    expect(error).toMatch(new RegExp(`^could not read ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} to check stack Parent: .*JSON`));
  });

  test('a stack that cannot render its template gives an error saying so', () => {
    const { parent, sibling } = parentAndNested();
    // As with an aws-cdk-lib version that has no in-memory renderer.
    (parent as unknown as { _toCloudFormation?: unknown })._toCloudFormation = undefined;
    expect(new StackModels().modelOf(parent)).toEqual({
      error: 'could not render it to check stack Parent: this aws-cdk-lib version cannot render a stack template in memory',
    });
    (sibling as unknown as { _toCloudFormation: () => never })._toCloudFormation = () => {
      throw 'renderer gave up'; // eslint-disable-line no-throw-literal
    };
    expect(new StackModels().modelOf(sibling)).toEqual({ error: 'could not render it to check stack Sibling: renderer gave up' });
  });
});
