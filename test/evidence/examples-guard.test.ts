// Every example app, synthesized as `cdk synth` runs it, must pass AWS Control Tower's ECS and IAM guard rules,
// except for one documented deviation where the rule itself is wrong: CT.ECS.PR.2 accepts only
// `containerInsights = enabled` and rejects the valid, stronger `enhanced` (Container Insights with enhanced
// observability). We keep `enhanced` and assert that this, and nothing else, is what cfn-guard objects to.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { assemblyTemplateFiles } from '../support/assembly-templates';
import { controlTowerRuleFiles, ECS_CONTROLS, GuardOutcome, IAM_CONTROLS, runCfnGuard } from '../support/cfn-guard';
import { controlIdsInTable, docSection } from '../support/doc-section';
import { exampleNames, inBatches, synthesizeExample } from '../support/example-apps';

const EVIDENCE_DOC = join(__dirname, '..', '..', 'docs', 'evidence.md');
const DEVIATION = 'CT.ECS.PR.2';

const examples = exampleNames();
const rules = controlTowerRuleFiles([...ECS_CONTROLS, ...IAM_CONTROLS]);
let workdir: string;
const templatesByExample = new Map<string, string[]>();
let outcomes: GuardOutcome[];

beforeAll(async () => {
  workdir = mkdtempSync(join(tmpdir(), 'examples-guard-'));
  await inBatches(examples, 2, async (name) => {
    const outdir = join(workdir, name);
    await synthesizeExample(name, outdir);
    templatesByExample.set(name, assemblyTemplateFiles(outdir));
  });
  outcomes = runCfnGuard([...templatesByExample.values()].flat(), rules);
}, 600_000);

afterAll(() => rmSync(workdir, { recursive: true, force: true }));

const label = (template: string) => relative(workdir, template);
const readTemplate = (file: string): Record<string, any> => JSON.parse(readFileSync(file, 'utf8'));

test('there are example apps, and each one synthesizes at least one template', () => {
  expect(examples.length).toBeGreaterThan(0);
  for (const name of examples) expect(templatesByExample.get(name)!.length).toBeGreaterThan(0);
});

test(`every example template passes CT.ECS.PR.1-12 and CT.IAM.PR.1/2/3/5, except ${DEVIATION}`, () => {
  const unexpected = outcomes.filter((o) => o.status === 'fail' && o.controlId !== DEVIATION).map((o) => `${label(o.template)}: ${o.controlId} on ${o.resources.join(', ')}`);
  expect(unexpected).toEqual([]);
});

test('the controls really ran: the task definition, service and IAM controls pass (not skip) on every service template', () => {
  const serviceTemplates = [...templatesByExample.values()].flat().filter((t) => Object.values(readTemplate(t).Resources ?? {}).some((r: any) => r.Type === 'AWS::ECS::TaskDefinition'));
  expect(serviceTemplates.length).toBeGreaterThan(0);
  for (const template of serviceTemplates) {
    const status = (id: string) => outcomes.find((o) => o.template === template && o.controlId === id)!.status;
    for (const id of ['CT.ECS.PR.3', 'CT.ECS.PR.4', 'CT.ECS.PR.5', 'CT.ECS.PR.6', 'CT.ECS.PR.7', 'CT.ECS.PR.10', 'CT.ECS.PR.11', 'CT.IAM.PR.1', 'CT.IAM.PR.5']) {
      expect({ template: label(template), control: id, status: status(id) }).toEqual({ template: label(template), control: id, status: 'pass' });
    }
  }
});

test(`${DEVIATION} fails only on clusters, only on the containerInsights value, and only because it is "enhanced"`, () => {
  const pr2Failures = outcomes.filter((o) => o.controlId === DEVIATION && o.status === 'fail');
  expect(pr2Failures.length).toBeGreaterThan(0);
  for (const failure of pr2Failures) {
    const resources = readTemplate(failure.template).Resources;
    expect(failure.violations.length).toBeGreaterThan(0);
    for (const v of failure.violations) {
      expect(resources[v.resource]?.Type).toBe('AWS::ECS::Cluster');
      expect(v.path).toMatch(new RegExp(`^/Resources/${v.resource}/Properties/ClusterSettings/\\d+/Value$`));
      expect({ actual: v.actual, expected: v.expected }).toEqual({ actual: 'enhanced', expected: 'enabled' });
    }
  }
});

test(`with "enhanced" replaced by "enabled", the same templates pass ${DEVIATION}: the value is the only cause`, () => {
  const failing = [...new Set(outcomes.filter((o) => o.controlId === DEVIATION && o.status === 'fail').map((o) => o.template))];
  const patchedDir = join(workdir, 'patched');
  mkdirSync(patchedDir, { recursive: true });
  const patched = failing.map((template, i) => {
    const body = readTemplate(template);
    for (const resource of Object.values(body.Resources) as any[]) {
      if (resource.Type !== 'AWS::ECS::Cluster') continue;
      for (const setting of resource.Properties?.ClusterSettings ?? []) {
        if (setting.Name === 'containerInsights' && setting.Value === 'enhanced') setting.Value = 'enabled';
      }
    }
    const file = join(patchedDir, `${i}-${basename(template)}`);
    writeFileSync(file, JSON.stringify(body));
    return file;
  });
  const rerun = runCfnGuard(patched, controlTowerRuleFiles([DEVIATION]));
  expect(rerun.map((o) => o.status)).toEqual(patched.map(() => 'pass'));
});

test('docs/evidence.md documents exactly this deviation and names every example', () => {
  const section = docSection(EVIDENCE_DOC, 'examples-guard');
  const failing = [...new Set(outcomes.filter((o) => o.status === 'fail').map((o) => o.controlId))];
  expect(controlIdsInTable(section)).toEqual(failing);
  const documentedExamples = /^Examples checked: (.*)$/m.exec(section)?.[1].match(/`[^`]+`/g)?.map((s) => s.slice(1, -1));
  expect(documentedExamples).toEqual(examples);
});
