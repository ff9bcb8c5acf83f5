import { readFileSync } from 'fs';
import * as path from 'path';
import { checkModel, Finding } from '../../../lib/checks/engine';
import { parseCloudFormationYaml } from '../../../lib/checks/input/cloudformation-yaml';
import { TemplateModel } from '../../../lib/checks/model/template-model';
import { buildReport, Report, ReportInput } from '../../../lib/checks/report/report';
import { Rule } from '../../../lib/checks/rule';
import { FAKE_CATALOGUE, leakyRule, offByDefaultRule } from '../fake-rules';

const cliFixtures = path.join(__dirname, '..', 'cli', 'fixtures');

/** The templates behind {@link sampleReport}: a failure, an unverified value, an acknowledgment. */
const SAMPLE_FILES = ['task-definition-template.json', 'unverified-template.yaml', 'acknowledged-template.json'];

function templateOf(file: string): object {
  const text = readFileSync(path.join(cliFixtures, file), 'utf8');
  if (file.endsWith('.json')) return JSON.parse(text);
  const parsed = parseCloudFormationYaml(text);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.problem.message}`);
  return parsed.value as object;
}

const SAMPLE_RULES = FAKE_CATALOGUE.filter((r) => r !== leakyRule && r !== offByDefaultRule);

/** Runs the fake rules over fixture templates and builds a report, as the CLI would. */
export function sampleReport(overrides: Partial<ReportInput> = {}, files = SAMPLE_FILES, rules: readonly Rule[] = SAMPLE_RULES): Report {
  const findings: Finding[] = [];
  for (const file of files) {
    const model = new TemplateModel(templateOf(file), {
      file: `templates/${file}`,
      stack: file.startsWith('task') ? 'AppStack' : undefined,
      constructPaths: new Map([['AppTask', 'AppStack/Task/Resource']]),
    });
    findings.push(...checkModel(model, rules).findings);
  }
  return buildReport({
    findings,
    rules,
    templates: files.length,
    resources: files.length,
    failOn: 'error',
    failOnUnverified: false,
    honourAcknowledgments: true,
    lineOf: () => 4,
    toolVersion: '1.2.3',
    ...overrides,
  });
}

/**
 * A hand-built finding for cases the fixture templates do not produce (no file, a stack without a
 * construct path, missing control frameworks, a template condition).
 */
export function sampleFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'FAKE-RO',
    ruleName: 'fake-fake-ro',
    title: 'Fake rule FAKE-RO',
    severity: 'high',
    status: 'fail',
    key: 'Container::web',
    message: 'Container web has a writable root file system.',
    fix: 'Set `ReadonlyRootFilesystem: true`.',
    container: 'web',
    resource: { logicalId: 'WebTask', type: 'AWS::ECS::TaskDefinition', name: 'WebTask' },
    source: { file: 'web.json' },
    controls: {},
    ...overrides,
  };
}
