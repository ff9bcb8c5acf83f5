import { awscdk, javascript } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

const AWS_CDK_LIB_DEV = '2.276.0';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-hardened-ecs',
  description:
    'Hardened-by-default Amazon ECS constructs for AWS CDK, plus one rule engine served as a cdk-nag v3 pack, a CLI and construct-time validation.',
  author: 'Seed 82832caa maintainers',
  authorAddress: 'maintainers@users.noreply.b-seed-82832caa.example',
  repositoryUrl: 'https://github.com/maintainers/cdk-hardened-ecs.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  keywords: ['cdk', 'ecs', 'fargate', 'security', 'cdk-nag', 'iam', 'hardening'],

  // Sources live in lib/ (CDK style) and compile to a separate folder so that
  // jest, tsx and the tarball never meet stale .js next to the .ts sources.
  srcdir: 'lib',
  libdir: 'out',
  entrypoint: 'out/index.js',

  // The floor is cdk-nag v3's plugin-mode floor; development happens on a current release.
  cdkVersion: '2.258.0',
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0.0',
  peerDeps: ['cdk-nag@^3.0.2'],
  // Peers would otherwise be pinned to their floor for development; develop on current releases instead.
  peerDependencyOptions: { pinnedDevDependency: false },
  bundledDeps: ['yaml@^2.9.1'],
  devDeps: [
    `aws-cdk-lib@${AWS_CDK_LIB_DEV}`,
    'cdk-nag@3.0.2',
    '@types/node@^20',
    'aws-cdk@^2.1148.1',
    'tsx@^4.23.15',
    'fast-check@^4.10.2',
    'ajv@^8.20.0',
    '@microsoft/jest-sarif@1.0.0-beta.0',
    '@types/sarif@^2.1.7',
    '@cdklabs/cdk-validator-cfnguard@0.0.62',
    '@stryker-mutator/core@9.6.1',
    '@stryker-mutator/jest-runner@9.6.1',
    '@stryker-mutator/typescript-checker@9.6.1',
  ],
  bin: { 'hardened-ecs': 'bin/hardened-ecs' },

  licensed: false,
  github: false,
  release: false,
  depsUpgrade: false,
  sampleCode: false,
  npmignoreEnabled: true,
  typecheckTests: true,

  jestOptions: {
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testTimeout: 120_000,
      // Synthesizing CDK apps is CPU bound; two workers match the machine.
      maxWorkers: 2,
    },
  },

  gitignore: ['examples/cdk.out/', '/cdk.context.json', '.stryker-tmp/', 'reports/', '/bench-out/', '.consumer/', '*.tgz'],
});

for (const pattern of ['/examples/', '/bench/', '/scripts/', '/docs/', '/.ci/', '/stryker/', '/test/', '/.consumer/', '/bench-out/']) {
  project.npmignore?.exclude(pattern);
}

// The CDK dependency helper drops a constructs devDependency given in the options.
project.addDevDeps('constructs@10.8.1');

const env = { JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' };
for (const name of ['compile', 'docgen', 'test', 'package:js']) {
  project.tasks.tryFind(name)?.env('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', env.JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION);
}

// Examples are type-checked on their own (they import 'cdk-hardened-ecs' through a path mapping).
// Examples, scripts and benchmarks each have a tsconfig of their own (examples map 'cdk-hardened-ecs' to lib/).
const typecheckExamples = project.addTask('typecheck:examples', {
  description: 'Type-check the example apps, scripts and benchmarks',
});
for (const dir of ['examples', 'scripts', 'bench']) typecheckExamples.exec(`tsc --noEmit -p ${dir}/tsconfig.json`);

project.addTask('synth:examples', {
  description: 'Synthesize every example app with the real cdk CLI into examples/cdk.out/<name>/ and run the checks',
  exec: 'node scripts/synth-examples.mjs',
});

project.addTask('check', {
  description: 'Run the hardened-ecs checker from the sources (same as the installed bin)',
  exec: 'tsx lib/checks/cli/main.ts',
  receiveArgs: true,
});

project.addTask('rules:docs', {
  description: 'Regenerate docs/RULES.md from the rule catalogue',
  exec: 'tsx scripts/write-rules-doc.ts',
});

project.addTask('bench', {
  description: 'Benchmarks: checker vs cfn-guard, synthesis cost of adoption (prints tables)',
  exec: 'tsx bench/run.ts',
  receiveArgs: true,
});

project.addTask('mutation', {
  description: 'Mutation testing with Stryker, in partitions, with the combined score (checks by default; pass constructs)',
  exec: 'node scripts/mutation.mjs',
  receiveArgs: true,
});

const consumerProof = project.addTask('consumer:proof', {
  description: 'Pack the library, install the tarball into a fresh app outside the repo, synth with the cdk CLI and check it with the installed bin',
  exec: 'bash scripts/consumer-proof.sh',
});

const testTask = project.tasks.tryFind('test')!;
testTask.reset();
testTask.spawn(typecheckExamples);
testTask.exec('jest --ci --passWithNoTests=false');
testTask.spawn(project.tasks.tryFind('eslint')!);
testTask.spawn(consumerProof);

// projen ignores every folder named `logs`; the LOG-* rules and their tests live in such folders.
project.gitignore.include('/lib/checks/rules/logs/', '/test/checks/rules/logs/');
project.npmignore?.include('/lib/checks/rules/logs/');

// Let the import resolver see the examples' path mapping of 'cdk-hardened-ecs'.
project.tryFindObjectFile('.eslintrc.json')?.addOverride('settings.import/resolver.typescript.project', [
  './tsconfig.json',
  './examples/tsconfig.json',
]);
project.eslint?.addLintPattern('examples');
project.eslint?.addLintPattern('bench');
project.eslint?.addLintPattern('scripts');

project.synth();
