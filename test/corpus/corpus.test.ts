// The checker over every real-world file in ../shared/corpus: it must load every valid input, never crash, and
// report exactly the committed findings, so a change on real-world input is seen and explained in review.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import {
  CORPUS_DIR,
  CorpusFileResult,
  corpusFiles,
  EXPECTATIONS_FILE,
  expectationsOf,
  REGENERATE_COMMAND,
  renderResultsDoc,
  RESULTS_DOC,
  runCorpus,
} from '../../scripts/corpus-report';

// Fails the suite loudly, naming the path, when the corpus is missing: never a silent skip.
const files = corpusFiles();
let results: CorpusFileResult[];

beforeAll(async () => {
  results = await runCorpus();
}, 300_000);

/** Whether the file parses in its own syntax, judged by parsers independent of the CLI's. */
function parsesInItsOwnSyntax(file: string): boolean {
  const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
  if (file.endsWith('.json')) {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  }
  // CloudFormation short-form tags (!Ref, !Sub...) are unknown to a plain YAML parser: a warning, not an error.
  return parseDocument(text).errors.length === 0;
}

test('the corpus holds the files SOURCES.md describes', () => {
  expect(files.length).toBeGreaterThanOrEqual(50);
  expect(results.map((r) => r.file)).toEqual(files);
});

test('no valid template or task definition is rejected as bad input (exit 2)', () => {
  const rejectedValid = results.filter((r) => r.exitCode === 2 && parsesInItsOwnSyntax(r.file)).map((r) => `${r.file}: ${r.stderr.trim()}`);
  expect(rejectedValid).toEqual([]);
});

test('files that are not valid JSON/YAML (templating placeholders) are rejected with the file and the reason, never a stack trace', () => {
  for (const r of results.filter((x) => x.exitCode === 2)) {
    expect(r.stderr).toMatch(new RegExp(`^hardened-ecs: ${r.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not JSON or YAML: .+\n$`));
  }
});

test('no crash: every file ends with exit 0, 1 or 2 and nothing is reported as an internal error', () => {
  for (const r of results) {
    expect({ file: r.file, exitCode: [0, 1, 2].includes(r.exitCode), internal: r.stderr.includes('internal error') }).toEqual({
      file: r.file,
      exitCode: true,
      internal: false,
    });
  }
});

test('findings equal the committed expectations (test/corpus/expectations.json)', () => {
  const expected: Record<string, string[]> = JSON.parse(readFileSync(EXPECTATIONS_FILE, 'utf8'));
  const actual = expectationsOf(results);
  const diff: string[] = [];
  for (const file of [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()) {
    const before = new Set(expected[file] ?? []);
    const after = new Set(actual[file] ?? []);
    const removed = [...before].filter((line) => !after.has(line));
    const added = [...after].filter((line) => !before.has(line));
    if (!(file in expected)) diff.push(`${file}: new corpus file`);
    if (!(file in actual)) diff.push(`${file}: no longer in the corpus`);
    if (removed.length + added.length > 0) diff.push(`${file}:`, ...removed.map((l) => `  - ${l}`), ...added.map((l) => `  + ${l}`));
  }
  if (diff.length > 0) {
    throw new Error(
      `Findings on the real-world corpus changed (- expected, + now; ruleId|status|resource|key):\n${diff.join('\n')}\n\n` +
        `Review each change; if it is intended, run \`${REGENERATE_COMMAND}\` and commit test/corpus/expectations.json and docs/corpus-results.md.`,
    );
  }
});

test('docs/corpus-results.md is in sync with the run', () => {
  const committed = readFileSync(RESULTS_DOC, 'utf8');
  if (committed !== renderResultsDoc(results)) {
    throw new Error(`docs/corpus-results.md is out of date: review and run \`${REGENERATE_COMMAND}\`.`);
  }
});
