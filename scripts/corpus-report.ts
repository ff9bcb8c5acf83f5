// Runs `hardened-ecs check` (in-process, through the CLI's own loaders) over every file of the real-world corpus
// in ../shared/corpus and writes what it found:
//   docs/corpus-results.md             the summary table (findings per rule, per file)
//   test/corpus/expectations.json      per file, the sorted findings `ruleId|status|resource|key`
// test/corpus/corpus.test.ts re-runs the same thing and fails on any difference, so a change in findings on
// real-world input is seen in review. After reviewing a difference, regenerate with:
//   npx tsx scripts/corpus-report.ts
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ALL_RULES } from '../lib/checks/catalogue';
import { main } from '../lib/checks/cli/main';
import { loadInput } from '../lib/checks/input/load-input';

export const REPO_ROOT = resolve(__dirname, '..');
/** CI clones the repository beside the shared folder; so does the development workspace. */
export const CORPUS_DIR = resolve(REPO_ROOT, '..', 'shared', 'corpus');
export const RESULTS_DOC = join(REPO_ROOT, 'docs', 'corpus-results.md');
export const EXPECTATIONS_FILE = join(REPO_ROOT, 'test', 'corpus', 'expectations.json');
export const REGENERATE_COMMAND = 'npx tsx scripts/corpus-report.ts';

/** The outcome of checking one corpus file. */
export interface CorpusFileResult {
  /** Path relative to the corpus folder, `/`-separated. */
  readonly file: string;
  readonly exitCode: number;
  /** What the CLI printed on stderr (empty unless something went wrong). */
  readonly stderr: string;
  readonly kind: string;
  readonly ecsResources: number;
  readonly resourcesChecked: number;
  /** Sorted `ruleId|status|resource|key` lines. */
  readonly findings: string[];
}

interface JsonFinding {
  readonly ruleId: string;
  readonly status: string;
  readonly resource: string;
  readonly key: string;
}

/** Every corpus file except SOURCES.md, sorted; throws naming the folder when it is missing. */
export function corpusFiles(corpusDir = CORPUS_DIR): string[] {
  if (!existsSync(corpusDir)) {
    throw new Error(`corpus folder not found: ${corpusDir} (expected ../shared/corpus beside the repository clone)`);
  }
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
  return walk(corpusDir)
    .map((file) => relative(corpusDir, file).split(sep).join('/'))
    .filter((file) => file !== 'SOURCES.md')
    .sort();
}

/** Checks one file exactly as `hardened-ecs check <file> --format json` would, run from the corpus folder. */
export async function checkCorpusFile(file: string, corpusDir = CORPUS_DIR): Promise<CorpusFileResult> {
  let stdout = '';
  let stderr = '';
  const exitCode = await main(['check', file, '--format', 'json'], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    isTTY: false,
    env: {},
    cwd: corpusDir,
  });
  if (exitCode === 2) {
    return { file, exitCode, stderr, kind: 'unreadable', ecsResources: 0, resourcesChecked: 0, findings: [] };
  }
  const report = JSON.parse(stdout) as { summary: { resources: number }; findings: JsonFinding[] };
  const loaded = await loadInput(file, corpusDir);
  const resourceTypes = loaded.flatMap((t) => Object.values(t.template.Resources ?? {}).map((r) => String((r as { Type?: unknown }).Type)));
  return {
    file,
    exitCode,
    stderr,
    kind: [...new Set(loaded.map((t) => t.kind))].join(', '),
    ecsResources: resourceTypes.filter((type) => type.startsWith('AWS::ECS::')).length,
    resourcesChecked: report.summary.resources,
    findings: report.findings.map((f) => [f.ruleId, f.status, f.resource, f.key].join('|')).sort(),
  };
}

export async function runCorpus(corpusDir = CORPUS_DIR): Promise<CorpusFileResult[]> {
  const results: CorpusFileResult[] = [];
  for (const file of corpusFiles(corpusDir)) results.push(await checkCorpusFile(file, corpusDir));
  return results;
}

/** The committed expectations: per file, its sorted findings. */
export function expectationsOf(results: readonly CorpusFileResult[]): Record<string, string[]> {
  return Object.fromEntries(results.map((r) => [r.file, r.findings]));
}

export function renderExpectations(results: readonly CorpusFileResult[]): string {
  return `${JSON.stringify(expectationsOf(results), null, 2)}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** docs/corpus-results.md, deterministic: no dates, no timings, nothing machine-specific. */
export function renderResultsDoc(results: readonly CorpusFileResult[]): string {
  const parsed = results.map((r) => ({ ...r, rows: r.findings.map((line) => line.split('|')) }));
  const count = (status: string) => parsed.reduce((n, r) => n + r.rows.filter((row) => row[1] === status).length, 0);
  const titles = new Map(ALL_RULES.map((rule) => [rule.id, rule]));

  const perRule = new Map<string, { fail: number; unverified: number; other: number; files: Set<string> }>();
  for (const r of parsed) {
    for (const [ruleId, status] of r.rows) {
      const entry = perRule.get(ruleId) ?? { fail: 0, unverified: 0, other: 0, files: new Set<string>() };
      if (status === 'fail') entry.fail++;
      else if (status === 'unverified') entry.unverified++;
      else entry.other++;
      entry.files.add(r.file);
      perRule.set(ruleId, entry);
    }
  }
  const ruleRows = [...perRule.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([id, e]) => `| ${id} | ${cell(titles.get(id)?.title ?? '')} | ${titles.get(id)?.severity ?? ''} | ${e.fail} | ${e.unverified} | ${e.files.size} |`);

  const fileRows = parsed.map((r) => {
    const fail = r.rows.filter((row) => row[1] === 'fail').length;
    const unverified = r.rows.filter((row) => row[1] === 'unverified').length;
    return `| \`${r.file}\` | ${r.kind} | ${r.ecsResources} | ${r.resourcesChecked} | ${fail} | ${unverified} | ${r.exitCode} |`;
  });
  const notEcs = parsed.filter((r) => r.exitCode !== 2 && r.ecsResources === 0);
  const unreadable = parsed.filter((r) => r.exitCode === 2);

  return [
    '# Corpus results',
    '',
    '<!-- Generated by `npx tsx scripts/corpus-report.ts`; test/corpus/corpus.test.ts keeps it in sync. Do not edit by hand. -->',
    '',
    'What `hardened-ecs check` (default rules, `--format json`) reports on every file of the real-world corpus',
    '(`../shared/corpus/`: public CloudFormation templates and ECS task definitions, sources and licences in its',
    '`SOURCES.md`). Each file is checked on its own, as a pipeline would. The per-file findings are committed in',
    '`test/corpus/expectations.json`; a change in them fails the test suite until it is reviewed and regenerated.',
    '',
    '## Summary',
    '',
    '| Files | Unreadable (exit 2) | Without ECS resources | Resources checked | Fail | Unverified |',
    '|---|---|---|---|---|---|',
    `| ${parsed.length} | ${unreadable.length} | ${notEcs.length} | ${parsed.reduce((n, r) => n + r.resourcesChecked, 0)} | ${count('fail')} | ${count('unverified')} |`,
    '',
    '"Resources checked" counts resources that at least one rule evaluated. "Unverified" findings are values the',
    'checker could not resolve (parameters without defaults, imports, dynamic references): reported, never passed.',
    '',
    '## Findings per rule',
    '',
    '| Rule | Title | Severity | Fail | Unverified | Files |',
    '|---|---|---|---|---|---|',
    ...ruleRows,
    '',
    '## Files',
    '',
    '| File | Kind | ECS resources | Resources checked | Fail | Unverified | Exit |',
    '|---|---|---|---|---|---|---|',
    ...fileRows,
    '',
    '## Files that are not ECS inputs',
    '',
    ...(notEcs.length === 0
      ? ['None: every file defines at least one ECS resource.']
      : [
        'Valid inputs without any `AWS::ECS::*` resource (VPC or IAM stacks that accompany a service); only the',
        'IAM, KMS, log and ECR rules can apply to them.',
        '',
        ...notEcs.map((r) => `- \`${r.file}\``),
      ]),
    ...(unreadable.length === 0
      ? []
      : [
        '',
        '## Unreadable files',
        '',
        'Rejected with exit code 2. They are not valid in their own syntax (the corpus test checks that with an',
        'independent parser): templates for a templating tool, with placeholders such as `$NAME` or `{{command}}`.',
        '',
        ...unreadable.map((r) => `- \`${r.file}\`: ${cell(r.stderr.trim().replace(/^hardened-ecs: [^:]+: /, ''))}`),
      ]),
    '',
  ].join('\n');
}

async function writeReport(): Promise<void> {
  const results = await runCorpus();
  writeFileSync(RESULTS_DOC, renderResultsDoc(results));
  writeFileSync(EXPECTATIONS_FILE, renderExpectations(results));
  const findings = results.reduce((n, r) => n + r.findings.length, 0);
  console.log(`corpus: ${results.length} files, ${findings} findings; wrote ${relative(process.cwd(), RESULTS_DOC)} and ${relative(process.cwd(), EXPECTATIONS_FILE)}`);
  // Listed, not fatal: the test decides whether a rejected file was really invalid.
  for (const r of results.filter((x) => x.exitCode === 2)) console.log(`corpus: rejected as bad input: ${r.stderr.trim()}`);
}

if (require.main === module) {
  writeReport().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
