import { promises as fsPromises, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { InputError } from '../../../lib/checks/input/input-error';
import { displayPath, loadInput } from '../../../lib/checks/input/load-input';

const fixtures = path.join(__dirname, 'fixtures');
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'hardened-ecs-input-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function inputError(p: string, cwd = work): Promise<InputError> {
  try {
    await loadInput(p, cwd);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`expected ${p} to be refused`);
}

describe('loadInput', () => {
  test('a cloud assembly yields every stack, nested Stage assemblies and NestedStacks included, with construct paths', async () => {
    const loaded = await loadInput('cdk.out', fixtures);
    const byStack = new Map(loaded.map((t) => [t.source.stack, t]));
    expect([...byStack.keys()].sort()).toEqual(['Prod-Inner', 'TopStack', 'TopStack/TopStackJobs02F64A23']);

    const top = byStack.get('TopStack')!;
    expect(top.kind).toBe('cloudformation');
    expect(top.source.file).toBe('cdk.out/TopStack.template.json');
    const taskDefinitionId = Object.keys(top.template.Resources!).find((id) => top.template.Resources![id].Type === 'AWS::ECS::TaskDefinition')!;
    expect(top.source.constructPaths?.get(taskDefinitionId)).toBe('TopStack/TaskDef/Resource');

    const inner = byStack.get('Prod-Inner')!;
    expect(inner.source.file).toMatch(/^cdk\.out\/assembly-Prod\/.+\.template\.json$/);
    expect([...inner.source.constructPaths!.values()]).toContain('Prod/Inner/InnerTaskDef/Resource');

    const nested = byStack.get('TopStack/TopStackJobs02F64A23')!;
    expect(nested.source.file).toBe('cdk.out/TopStackJobs02F64A23.nested.template.json');
    const jobTaskDefinition = Object.keys(nested.template.Resources!).find((id) => nested.template.Resources![id].Type === 'AWS::ECS::TaskDefinition')!;
    expect(nested.source.constructPaths?.get(jobTaskDefinition)).toBe('TopStack/Jobs/JobTaskDef/Resource');
  });

  test('construct paths also come from metadata inline in the manifest (older CDK versions)', async () => {
    const inline = path.join(work, 'inline.out');
    mkdirSync(inline, { recursive: true });
    writeFileSync(path.join(inline, 'Old.template.json'), JSON.stringify({ Resources: { Bucket83908E77: { Type: 'AWS::S3::Bucket' } } }));
    writeFileSync(path.join(inline, 'manifest.json'), JSON.stringify({
      version: '21.0.0',
      artifacts: {
        Old: {
          type: 'aws:cloudformation:stack',
          properties: { templateFile: 'Old.template.json', stackName: 'old-stack' },
          metadata: { '/Old/Bucket/Resource': [{ type: 'aws:cdk:logicalId', data: 'Bucket83908E77' }] },
        },
      },
    }));
    const [loaded] = await loadInput('inline.out', work);
    expect(loaded.source.stack).toBe('old-stack');
    expect(loaded.source.constructPaths?.get('Bucket83908E77')).toBe('Old/Bucket/Resource');
  });

  test('the manifest.json of an assembly stands for its directory', async () => {
    const viaManifest = await loadInput('cdk.out/manifest.json', fixtures);
    expect(viaManifest.map((t) => t.source.file).sort()).toEqual((await loadInput('cdk.out', fixtures)).map((t) => t.source.file).sort());
  });

  test('resource lines point at each logical id in the file', async () => {
    const [top] = (await loadInput('cdk.out', fixtures)).filter((t) => t.source.stack === 'TopStack');
    const lines = readFileSync(path.join(fixtures, 'cdk.out', 'TopStack.template.json'), 'utf8').split('\n');
    for (const [logicalId, line] of top.resourceLines) expect(lines[line - 1]).toContain(`"${logicalId}": {`);
  });

  test('YAML templates are recognised by content, whatever the extension', async () => {
    const copy = path.join(work, 'template.txt');
    writeFileSync(copy, readFileSync(path.join(fixtures, 'short-form.yaml')));
    const [loaded] = await loadInput('template.txt', work);
    expect(loaded.kind).toBe('cloudformation');
    expect(loaded.template).toEqual(JSON.parse(readFileSync(path.join(fixtures, 'long-form.json'), 'utf8')));
    expect(loaded.resourceLines.get('TaskDefinition')).toBe(24);
  });

  test('a task definition file is labelled family:revision', async () => {
    const [loaded] = await loadInput(path.join(fixtures, 'describe-task-definition.json'), fixtures);
    expect(loaded.kind).toBe('task-definition');
    expect(loaded.source).toEqual({ file: 'describe-task-definition.json', stack: 'web-app:7' });
  });

  test('a directory without manifest.json', async () => {
    mkdirSync(path.join(work, 'empty-dir'), { recursive: true });
    expect((await inputError('empty-dir')).message).toBe(
      'empty-dir: directory without manifest.json (expected a cloud assembly such as cdk.out, or a template file)',
    );
  });

  test('a manifest that lists a missing template names the template and the manifest', async () => {
    const broken = path.join(work, 'broken.out');
    mkdirSync(broken, { recursive: true });
    writeFileSync(path.join(broken, 'manifest.json'), JSON.stringify({
      version: '55.0.0',
      artifacts: { Gone: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Gone.template.json' } } },
    }));
    const error = await inputError('broken.out');
    expect(error.file).toBe('broken.out/Gone.template.json');
    expect(error.reason).toBe("missing: broken.out/manifest.json lists it as the template of stack 'Gone'");
  });

  test('a path that does not exist', async () => {
    expect((await inputError('nope.json')).message).toBe('nope.json: no such file or directory');
  });

  test('JSON that is neither a template nor a task definition', async () => {
    writeFileSync(path.join(work, 'other.json'), '{"name": "package"}');
    expect((await inputError('other.json')).reason).toBe(
      'JSON but neither a CloudFormation template (no Resources) nor an ECS task definition (no containerDefinitions)',
    );
  });

  test('a path that is neither a regular file nor a directory is named as given', async () => {
    expect((await inputError('/dev/null')).message).toBe('/dev/null: not a regular file or directory');
  });

  test('a path through a regular file is unreadable, with the system error code', async () => {
    writeFileSync(path.join(work, 'plain-file.json'), '{}');
    expect((await inputError('plain-file.json/inside.yaml')).message).toBe('plain-file.json/inside.yaml: unreadable: ENOTDIR');
  });

  test('content that cannot be parsed is an InputError naming the file', async () => {
    writeFileSync(path.join(work, 'empty.json'), '');
    const error = await inputError('empty.json');
    expect(error.file).toBe('empty.json');
    expect(error.reason).toBe('empty file');
  });

  test('a template with a problem is refused with that problem', async () => {
    writeFileSync(path.join(work, 'no-type.json'), '{"Resources": {"Task": {"Properties": {}}}}');
    expect((await inputError('no-type.json')).message).toBe("no-type.json: resource 'Task' has no Type");
  });

  test.each([
    ['only a version', 'version-only.json', '{"version": "55.0.0"}'],
    ['only artifacts', 'artifacts-only.json', '{"artifacts": {}}'],
  ])('JSON with %s is not taken for an assembly manifest', async (_, file, content) => {
    writeFileSync(path.join(work, file), content);
    expect((await inputError(file)).message).toBe(
      `${file}: JSON but neither a CloudFormation template (no Resources) nor an ECS task definition (no containerDefinitions)`,
    );
  });

  test('the directory the command runs in is shown as "."', async () => {
    const empty = path.join(work, 'empty-cwd');
    mkdirSync(empty, { recursive: true });
    expect((await inputError('.', empty)).message).toBe('.: directory without manifest.json (expected a cloud assembly such as cdk.out, or a template file)');
  });
});

describe('loadInput: templates of a cloud assembly', () => {
  /** A cloud assembly directory in the work area holding one stack whose template is `template`. */
  function assemblyWith(name: string, template: string | undefined, manifest?: string): string {
    const directory = path.join(work, name);
    mkdirSync(directory, { recursive: true });
    writeFileSync(path.join(directory, 'manifest.json'), manifest ?? JSON.stringify({
      version: '55.0.0',
      artifacts: { App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'App.template.json' } } },
    }));
    if (template !== undefined) writeFileSync(path.join(directory, 'App.template.json'), template);
    return name;
  }

  test.each([
    ['JSON', '{"Outputs": {}}'],
    ['YAML', 'Outputs: {}\n'],
  ])('a %s template without Resources is refused', async (syntax, template) => {
    const name = assemblyWith(`no-resources-${syntax}.out`, template);
    expect((await inputError(name)).message).toBe(`${name}/App.template.json: ${syntax} but not a CloudFormation template (no Resources)`);
  });

  test('a template with a problem is refused with that problem', async () => {
    const name = assemblyWith('resources-null.out', 'Resources: null\n');
    expect((await inputError(name)).message).toBe(
      `${name}/App.template.json: CloudFormation template whose Resources is null; expected a mapping of logical ids to resources`,
    );
  });

  test('a template that cannot be parsed is refused with the parse problem', async () => {
    const name = assemblyWith('truncated.out', '{"Resources": {');
    expect((await inputError(name)).message).toBe(`${name}/App.template.json: not JSON or YAML: Expected property name or '}' at 1:16 (the file ends early: truncated?)`);
  });

  test('a template path that is a directory', async () => {
    const name = assemblyWith('directory-template.out', undefined);
    mkdirSync(path.join(work, name, 'App.template.json'));
    expect((await inputError(name)).message).toBe(`${name}/App.template.json: is a directory`);
  });

  test('a manifest written in YAML is refused: manifests are JSON', async () => {
    const name = assemblyWith('yaml-manifest.out', '{"Resources": {}}', 'version: 55.0.0\nartifacts: {}\n');
    expect((await inputError(name)).message).toBe(`${name}/manifest.json: not JSON`);
  });

  test('a stack in a good assembly is loaded with its file, stack and resource lines', async () => {
    const name = assemblyWith('good.out', '{\n  "Resources": {\n    "Topic": {"Type": "AWS::SNS::Topic"}\n  }\n}\n');
    const [loaded] = await loadInput(name, work);
    expect(loaded.source).toEqual({ file: `${name}/App.template.json`, stack: 'App', constructPaths: new Map() });
    expect(loaded.kind).toBe('cloudformation');
    expect(loaded.resourceLines).toEqual(new Map([['Topic', 3]]));
  });
});

describe('loadInput: files the system cannot read', () => {
  /** Simulated: the tests may run as root, which reads any file whatever its mode. */
  async function reasonWhenReadFails(failure: unknown): Promise<string> {
    writeFileSync(path.join(work, 'readable.yaml'), 'Resources: {}\n');
    const readFile = jest.spyOn(fsPromises, 'readFile').mockRejectedValueOnce(failure);
    try {
      const error = await inputError('readable.yaml');
      expect(error.file).toBe('readable.yaml');
      return error.reason;
    } finally {
      readFile.mockRestore();
    }
  }

  const systemError = (code: string) => Object.assign(new Error(`${code}: something happened, open 'readable.yaml'`), { code });

  test.each([
    ['EACCES', systemError('EACCES'), 'unreadable: EACCES (permission denied)'],
    ['EPERM', systemError('EPERM'), 'unreadable: EPERM (permission denied)'],
    ['EISDIR', systemError('EISDIR'), 'is a directory'],
    ['ENOENT', systemError('ENOENT'), 'no such file or directory'],
    ['another code', systemError('EIO'), 'unreadable: EIO'],
    ['an error without a code', new Error('disk on fire'), 'unreadable: disk on fire'],
    ['a thrown string', 'gone', 'unreadable: gone'],
    ['a thrown null', null, 'unreadable: null'],
  ])('%s', async (_, failure, reason) => {
    expect(await reasonWhenReadFails(failure)).toBe(reason);
  });
});

describe('displayPath', () => {
  test('relative to the working directory with / separators; the directory itself is "."', () => {
    const cwd = path.resolve('/project');
    expect(displayPath(path.join(cwd, 'cdk.out', 'App.template.json'), cwd)).toBe('cdk.out/App.template.json');
    expect(displayPath(cwd, cwd)).toBe('.');
    expect(displayPath(path.resolve('/other', 'x.json'), cwd)).toBe('../other/x.json');
  });
});
