import { promises as fsPromises, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { runCli } from './run-cli';
import { readOnlyRule } from '../fake-rules';

/**
 * Every unreadable or malformed input exits 2 with `hardened-ecs: <file>: <reason>` on stderr,
 * nothing on stdout, and never a stack trace.
 */
let work: string;

const MALFORMED: Record<string, string | Uint8Array> = {
  'empty.json': '',
  'binary.bin': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  'truncated.json': '{\n  "Resources": {\n    "Task": {\n      "Type": "AWS::ECS::TaskDefinition",\n',
  'unknown-tag.yaml': 'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: !Reference Name\n',
  'resources-null.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources: null\n',
  'no-type.json': '{"Resources": {"Task": {"Properties": {}}}}',
  'containers-string.json': '{"family": "web", "containerDefinitions": "x"}',
  'package.json': '{"name": "not-a-template", "version": "1.0.0"}',
  'plain.txt': 'hello, this is not a template',
  'good.yaml': 'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions: [{Name: w, Image: x}]\n',
};

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'hardened-ecs-malformed-'));
  for (const [name, content] of Object.entries(MALFORMED)) writeFileSync(path.join(work, name), content);
  mkdirSync(path.join(work, 'no-manifest'));
  mkdirSync(path.join(work, 'missing-template.out'));
  writeFileSync(path.join(work, 'missing-template.out', 'manifest.json'), JSON.stringify({
    version: '55.0.0',
    artifacts: { App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'App.template.json' } } },
  }));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

test.each([
  ['empty file', 'empty.json', 'hardened-ecs: empty.json: empty file'],
  ['binary content', 'binary.bin', 'hardened-ecs: binary.bin: not JSON or YAML: binary content (NUL byte at offset 8)'],
  ['truncated JSON', 'truncated.json', 'hardened-ecs: truncated.json: not JSON or YAML: Expected double-quoted property name at 5:1 (the file ends early: truncated?)'],
  ['YAML with an unknown tag', 'unknown-tag.yaml', 'hardened-ecs: unknown-tag.yaml: not JSON or YAML: Unresolved tag: !Reference at 5:15'],
  ['Resources: null', 'resources-null.yaml', 'hardened-ecs: resources-null.yaml: CloudFormation template whose Resources is null; expected a mapping of logical ids to resources'],
  ['a resource without Type', 'no-type.json', "hardened-ecs: no-type.json: resource 'Task' has no Type"],
  ['containerDefinitions: "x"', 'containers-string.json', 'hardened-ecs: containers-string.json: ECS task definition whose containerDefinitions is a string; expected a list of container definitions'],
  ['JSON of another kind', 'package.json', 'hardened-ecs: package.json: JSON but neither a CloudFormation template (no Resources) nor an ECS task definition (no containerDefinitions)'],
  ['plain text', 'plain.txt', 'hardened-ecs: plain.txt: not JSON or YAML: plain text without a mapping at the top level'],
  ['a directory without manifest.json', 'no-manifest', 'hardened-ecs: no-manifest: directory without manifest.json (expected a cloud assembly such as cdk.out, or a template file)'],
  ['a manifest pointing to a missing template', 'missing-template.out', "hardened-ecs: missing-template.out/App.template.json: missing: missing-template.out/manifest.json lists it as the template of stack 'App'"],
  ['a path that does not exist', 'nowhere.yaml', 'hardened-ecs: nowhere.yaml: no such file or directory'],
])('%s: exit 2 naming the file and the reason', async (_, file, expected) => {
  const run = await runCli(['check', file], { cwd: work });
  expect(run).toEqual({ code: 2, stdout: '', stderr: `${expected}\n` });
});

test('an unreadable file: EACCES', async () => {
  // Simulated: the tests may run as root, which reads any file whatever its mode.
  const denied = Object.assign(new Error("EACCES: permission denied, open 'good.yaml'"), { code: 'EACCES' });
  const readFile = jest.spyOn(fsPromises, 'readFile').mockRejectedValueOnce(denied);
  try {
    expect(await runCli(['check', 'good.yaml'], { cwd: work })).toEqual({ code: 2, stdout: '', stderr: 'hardened-ecs: good.yaml: unreadable: EACCES (permission denied)\n' });
  } finally {
    readFile.mockRestore();
  }
});

test('every bad input is reported, and nothing is checked when one is bad', async () => {
  const run = await runCli(['check', 'good.yaml', 'empty.json', 'no-type.json'], { cwd: work });
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe("hardened-ecs: empty.json: empty file\nhardened-ecs: no-type.json: resource 'Task' has no Type\n");
});

test('a rule that throws does not crash the run: the engine reports it as unverified', async () => {
  const throwing = { ...readOnlyRule, id: 'THROWS', evaluate: () => { throw new Error('boom'); } };
  const run = await runCli(['check', 'good.yaml', '--format', 'json'], { cwd: work, catalogue: [throwing] });
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout).findings[0]).toMatchObject({ ruleId: 'THROWS', status: 'unverified' });
});

test('an output file that cannot be written: exit 2 naming it', async () => {
  const run = await runCli(['check', 'good.yaml', '--output', 'empty.json/report.txt'], { cwd: work });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/^hardened-ecs: empty\.json\/report\.txt: cannot write the report: E[A-Z]+\n$/);
});
