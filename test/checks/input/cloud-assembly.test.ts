import * as path from 'path';
import { AssemblyFiles, AssemblyStack, assemblyStacks } from '../../../lib/checks/input/cloud-assembly';
import { InputError } from '../../../lib/checks/input/input-error';

/**
 * The assembly reader is tested against an in-memory file system: each case states the
 * manifest, asset manifests and metadata files exactly, and nothing else exists.
 */
const ROOT = path.resolve('/assembly');
type Tree = Record<string, unknown>;

function memoryFiles(tree: Tree): AssemblyFiles {
  const display = (absolute: string) => path.relative(ROOT, absolute) || '.';
  return {
    display,
    exists: async (absolute) => display(absolute) in tree,
    readJson: async (absolute) => {
      if (!(display(absolute) in tree)) throw new InputError(display(absolute), 'no such file or directory');
      return tree[display(absolute)];
    },
  };
}

const stacksOf = (tree: Tree, depth?: number) => assemblyStacks(ROOT, memoryFiles(tree), depth);

/** What a caller sees of a stack: its name, its template relative to the assembly, and its construct paths. */
async function summaryOf(tree: Tree): Promise<Array<{ stackName: string; template: string; constructPaths: Record<string, string> }>> {
  return (await stacksOf(tree)).map((s: AssemblyStack) => ({
    stackName: s.stackName,
    template: path.relative(ROOT, s.templateFile),
    constructPaths: Object.fromEntries(s.constructPaths),
  }));
}

async function refusal(tree: Tree, depth?: number): Promise<InputError> {
  try {
    await stacksOf(tree, depth);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected the assembly to be refused');
}

const TEMPLATE = { Resources: {} };
const stackArtifact = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'aws:cloudformation:stack', properties, ...extra });
const assetManifestArtifact = (properties?: Record<string, unknown>) => ({ type: 'cdk:asset-manifest', ...(properties ? { properties } : {}) });
const nestedTemplateAsset = (file: string) => ({ source: { path: file, packaging: 'file' } });

describe('assemblyStacks: the manifest', () => {
  test('a manifest without artifacts is an empty assembly', async () => {
    expect(await stacksOf({ 'manifest.json': { version: '55.0.0' } })).toEqual([]);
  });

  test.each([
    ['a null manifest', null],
    ['a string manifest', 'manifest'],
    ['a list manifest', [{ artifacts: {} }]],
    ['artifacts as a list', { version: '55.0.0', artifacts: [] }],
    ['artifacts as a string', { version: '55.0.0', artifacts: 'App' }],
  ])('%s is refused, naming the manifest', async (_, manifest) => {
    const error = await refusal({ 'manifest.json': manifest });
    expect(error.file).toBe('manifest.json');
    expect(error.reason).toBe('not a cloud assembly manifest (no artifacts mapping)');
  });

  test('artifacts that are not mappings, and artifacts other than stacks and nested assemblies, are skipped', async () => {
    expect(await summaryOf({
      'manifest.json': {
        version: '55.0.0',
        artifacts: {
          Broken: null,
          Text: 'App',
          Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
          App: stackArtifact({ templateFile: 'App.template.json' }),
        },
      },
      'App.template.json': TEMPLATE,
      'tree.json': {},
    })).toEqual([{ stackName: 'App', template: 'App.template.json', constructPaths: {} }]);
  });
});

describe('assemblyStacks: stacks', () => {
  test('a stack is named by its stackName, else by its artifact id', async () => {
    expect(await summaryOf({
      'manifest.json': {
        version: '55.0.0',
        artifacts: {
          Named: stackArtifact({ templateFile: 'Named.template.json', stackName: 'prod-named' }),
          Unnamed: stackArtifact({ templateFile: 'sub/Unnamed.template.json', stackName: 7 }),
        },
      },
      'Named.template.json': TEMPLATE,
      'sub/Unnamed.template.json': TEMPLATE,
    })).toEqual([
      { stackName: 'prod-named', template: 'Named.template.json', constructPaths: {} },
      { stackName: 'Unnamed', template: 'sub/Unnamed.template.json', constructPaths: {} },
    ]);
  });

  test.each([
    ['no templateFile', { stackName: 'prod-app' }],
    ['a templateFile that is not a string', { stackName: 'prod-app', templateFile: ['App.template.json'] }],
  ])('a stack with %s is refused, naming the manifest and the stack', async (_, properties) => {
    const error = await refusal({ 'manifest.json': { version: '55.0.0', artifacts: { App: stackArtifact(properties) } } });
    expect(error.message).toBe("manifest.json: stack 'prod-app' has no templateFile");
  });

  test('a stack whose template is missing is refused, naming the template and the manifest', async () => {
    const error = await refusal({ 'manifest.json': { version: '55.0.0', artifacts: { App: stackArtifact({ templateFile: 'App.template.json' }) } } });
    expect(error.file).toBe('App.template.json');
    expect(error.reason).toBe("missing: manifest.json lists it as the template of stack 'App'");
  });
});

describe('assemblyStacks: nested assemblies (Stages)', () => {
  test('a nested assembly is read from its directoryName, else from the directory named by its artifact id', async () => {
    const innerManifest = (id: string) => ({ version: '55.0.0', artifacts: { [id]: stackArtifact({ templateFile: `${id}.template.json` }) } });
    expect(await summaryOf({
      'manifest.json': {
        version: '55.0.0',
        artifacts: {
          'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'prod-stage' } },
          'assembly-Dev': { type: 'cdk:cloud-assembly', properties: { directoryName: 3 } },
        },
      },
      'prod-stage/manifest.json': innerManifest('ProdApp'),
      'prod-stage/ProdApp.template.json': TEMPLATE,
      'assembly-Dev/manifest.json': innerManifest('DevApp'),
      'assembly-Dev/DevApp.template.json': TEMPLATE,
    })).toEqual([
      { stackName: 'ProdApp', template: 'prod-stage/ProdApp.template.json', constructPaths: {} },
      { stackName: 'DevApp', template: 'assembly-Dev/DevApp.template.json', constructPaths: {} },
    ]);
  });

  /** `levels` nested assemblies, each in directory `n` of the one above; the innermost holds one stack. */
  function chainOf(levels: number): Tree {
    const tree: Tree = {};
    for (let level = 0; level < levels; level++) {
      tree[`${'n/'.repeat(level)}manifest.json`] = { version: '55.0.0', artifacts: { n: { type: 'cdk:cloud-assembly', properties: { directoryName: 'n' } } } };
    }
    const innermost = 'n/'.repeat(levels);
    tree[`${innermost}manifest.json`] = { version: '55.0.0', artifacts: { Deep: stackArtifact({ templateFile: 'Deep.template.json' }) } };
    tree[`${innermost}Deep.template.json`] = TEMPLATE;
    return tree;
  }

  test('assemblies nested 16 levels deep are read', async () => {
    expect((await summaryOf(chainOf(16))).map((s) => s.template)).toEqual([`${'n/'.repeat(16)}Deep.template.json`]);
  });

  test('one level deeper is refused, naming the innermost manifest', async () => {
    expect((await refusal(chainOf(17))).message).toBe(`${'n/'.repeat(17)}manifest.json: nested cloud assemblies deeper than 16 levels`);
  });

  test('a manifest that lists its own directory as a nested assembly is cut off instead of looping', async () => {
    const error = await refusal({ 'manifest.json': { version: '55.0.0', artifacts: { Self: { type: 'cdk:cloud-assembly', properties: { directoryName: '.' } } } } });
    expect(error.message).toBe('manifest.json: nested cloud assemblies deeper than 16 levels');
  });

  test('the depth budget counts from the depth given by the caller', async () => {
    expect(await stacksOf({ 'manifest.json': { version: '55.0.0' } }, 16)).toEqual([]);
    expect((await refusal({ 'manifest.json': { version: '55.0.0' } }, 17)).reason).toBe('nested cloud assemblies deeper than 16 levels');
  });
});

describe('assemblyStacks: construct paths from aws:cdk:logicalId metadata', () => {
  test('inline metadata and the additional metadata file both count; the first mapping of a logical id wins', async () => {
    const [app] = await summaryOf({
      'manifest.json': {
        version: '55.0.0',
        artifacts: {
          App: stackArtifact({ templateFile: 'App.template.json' }, {
            metadata: {
              '/App/Bucket/Resource': [{ type: 'aws:cdk:logicalId', data: 'Bucket83908E77' }],
            },
            additionalMetadataFile: 'App.metadata.json',
          }),
        },
      },
      'App.template.json': TEMPLATE,
      'App.metadata.json': {
        '/App/Elsewhere': [{ type: 'aws:cdk:logicalId', data: 'Bucket83908E77' }],
        '/App/Queue/Resource': [{ type: 'aws:cdk:logicalId', data: 'Queue4A7E3555' }],
      },
    });
    expect(app.constructPaths).toEqual({ Bucket83908E77: 'App/Bucket/Resource', Queue4A7E3555: 'App/Queue/Resource' });
  });

  test('entries that are not logical id records are ignored; only a leading slash is dropped', async () => {
    const [app] = await summaryOf({
      'manifest.json': {
        version: '55.0.0',
        artifacts: {
          App: stackArtifact({ templateFile: 'App.template.json' }, {
            metadata: {
              '/App/Mixed': [
                null,
                'aws:cdk:logicalId',
                { type: 'aws:cdk:warning', data: 'WarningText' },
                { type: 'aws:cdk:logicalId', data: { 'Fn::Join': ['', ['A']] } },
                { type: 'aws:cdk:logicalId', data: 'MixedA1B2C3' },
              ],
              '/App/NotAList': { type: 'aws:cdk:logicalId', data: 'NotAList123' },
              '/App/Count': 3,
              'Relative/Path/Resource': [{ type: 'aws:cdk:logicalId', data: 'RelativeD4E5' }],
            },
          }),
        },
      },
      'App.template.json': TEMPLATE,
    });
    expect(app.constructPaths).toEqual({ MixedA1B2C3: 'App/Mixed', RelativeD4E5: 'Relative/Path/Resource' });
  });

  test('an additional metadata file that is missing, or not named by a string, is skipped', async () => {
    const tree: Tree = {
      'manifest.json': {
        version: '55.0.0',
        artifacts: {
          Gone: stackArtifact({ templateFile: 'Gone.template.json' }, { additionalMetadataFile: 'Gone.metadata.json' }),
          Odd: stackArtifact({ templateFile: 'Odd.template.json' }, { additionalMetadataFile: ['Odd.metadata.json'] }),
        },
      },
      'Gone.template.json': TEMPLATE,
      'Odd.template.json': TEMPLATE,
    };
    expect((await summaryOf(tree)).map((s) => [s.stackName, s.constructPaths])).toEqual([['Gone', {}], ['Odd', {}]]);
  });
});

describe('assemblyStacks: NestedStacks', () => {
  const PARENT_METADATA = { '/App/Jobs/Task/Resource': [{ type: 'aws:cdk:logicalId', data: 'JobsTask12AB' }] };

  /** A parent stack depending on the given artifacts, plus the files every case shares. */
  function parentWith(dependencies: unknown[], artifacts: Record<string, unknown>, files: Tree): Tree {
    return {
      'manifest.json': {
        version: '55.0.0',
        artifacts: {
          ...artifacts,
          App: stackArtifact({ templateFile: 'App.template.json', stackName: 'app-stack' }, { dependencies, metadata: PARENT_METADATA }),
        },
      },
      'App.template.json': TEMPLATE,
      ...files,
    };
  }

  test('nested templates listed in the asset manifest the parent depends on become stacks named <parent>/<id>', async () => {
    const stacks = await stacksOf(parentWith(['App.assets'], { 'App.assets': assetManifestArtifact({ file: 'App.assets.json' }) }, {
      'App.assets.json': {
        version: '55.0.0',
        files: {
          nested: nestedTemplateAsset('AppJobs1A2B3C4D.nested.template.json'),
          parent: nestedTemplateAsset('App.template.json'),
          nothing: null,
          noSource: { displayName: 'x' },
          sourceText: { source: 'AppOther.nested.template.json' },
          pathNumber: { source: { path: 5 } },
        },
      },
      'AppJobs1A2B3C4D.nested.template.json': TEMPLATE,
      'AppOther.nested.template.json': TEMPLATE,
    }));
    expect(stacks.map((s) => [s.stackName, path.relative(ROOT, s.templateFile)])).toEqual([
      ['app-stack', 'App.template.json'],
      ['app-stack/AppJobs1A2B3C4D', 'AppJobs1A2B3C4D.nested.template.json'],
    ]);
    expect(stacks[1].constructPaths).toBe(stacks[0].constructPaths);
    expect(Object.fromEntries(stacks[1].constructPaths)).toEqual({ JobsTask12AB: 'App/Jobs/Task/Resource' });
  });

  test('dependencies that are not usable asset manifests are skipped', async () => {
    const listsNested = (file: string) => ({ version: '55.0.0', files: { a: nestedTemplateAsset(file) } });
    const tree = parentWith(
      [42, 'NoSuchArtifact', 'Tree', 'Bare.assets', 'Text.assets', 'NoFile.assets', 'Missing.assets', 'Empty.assets', 'List.assets', 'FilesList.assets'],
      {
        '42': assetManifestArtifact({ file: 'ByNumber.assets.json' }),
        'Tree': { type: 'cdk:tree', properties: { file: 'Tree.assets.json' } },
        'Bare.assets': assetManifestArtifact(),
        'Text.assets': { type: 'cdk:asset-manifest', properties: 'Text.assets.json' },
        'NoFile.assets': assetManifestArtifact({}),
        'Missing.assets': assetManifestArtifact({ file: 'Missing.assets.json' }),
        'Empty.assets': assetManifestArtifact({ file: 'Empty.assets.json' }),
        'List.assets': assetManifestArtifact({ file: 'List.assets.json' }),
        'FilesList.assets': assetManifestArtifact({ file: 'FilesList.assets.json' }),
      },
      {
        'ByNumber.assets.json': listsNested('ByNumber.nested.template.json'),
        'ByNumber.nested.template.json': TEMPLATE,
        'Tree.assets.json': listsNested('Tree.nested.template.json'),
        'Tree.nested.template.json': TEMPLATE,
        'Empty.assets.json': {},
        'List.assets.json': [nestedTemplateAsset('List.nested.template.json')],
        'FilesList.assets.json': { files: [nestedTemplateAsset('List.nested.template.json')] },
        'List.nested.template.json': TEMPLATE,
      },
    );
    expect((await stacksOf(tree)).map((s) => s.stackName)).toEqual(['app-stack']);
  });

  test('a nested template the asset manifest lists but that is missing is refused, naming both and the parent', async () => {
    const error = await refusal(parentWith(['App.assets'], { 'App.assets': assetManifestArtifact({ file: 'App.assets.json' }) }, {
      'App.assets.json': { files: { nested: nestedTemplateAsset('AppJobs1A2B3C4D.nested.template.json') } },
    }));
    expect(error.file).toBe('AppJobs1A2B3C4D.nested.template.json');
    expect(error.reason).toBe("missing: App.assets.json lists it as a nested stack template of 'app-stack'");
  });
});
