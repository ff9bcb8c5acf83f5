#!/usr/bin/env node
// `npm run mutation` (projen task `mutation`): runs Stryker over one target in partitions and prints the
// combined mutation score. A partition mutates one area and runs only the tests of that area (so a mutant
// of a rule does not load every suite that reaches the rule through the whole catalogue); its score is a
// lower bound of what the whole suite would kill. See docs/mutation.md.
//
//   node scripts/mutation.mjs [checks|constructs] [--only <partition>] [--sample <fraction>] [--report-only]
//
// --sample 0.25 mutates a seeded random quarter of the code lines only (for partitions whose tests synthesize
//   whole services, where one mutant costs tens of seconds); the table says so. Same seed, same lines.
// --report-only combines the JSON reports already in reports/mutation/ without running Stryker.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each target: its partitions (a Stryker config each) and the score it must reach. */
const TARGETS = {
  checks: { threshold: 85, partitions: ['checks-engine', 'checks-model', 'checks-rules', 'checks-io'] },
  constructs: { threshold: 75, partitions: ['constructs-identity', 'constructs-secrets', 'constructs-container', 'constructs-service', 'constructs-nag'] },
};

// Stryker's own definition: detected (killed, timeout) over valid mutants (detected, survived, no coverage).
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function usage(message) {
  console.error(`${message}\nusage: node scripts/mutation.mjs [${Object.keys(TARGETS).join('|')}] [--only <partition>] [--sample <fraction>] [--report-only]`);
  process.exit(2);
}

function parse(argv) {
  const args = [...argv];
  const options = { target: 'checks', only: undefined, reportOnly: false, sample: undefined };
  while (args.length > 0) {
    const arg = args.shift();
    if (arg === '--only') options.only = args.shift() ?? usage('--only needs a partition name');
    else if (arg === '--sample') {
      options.sample = Number(args.shift());
      if (!(options.sample > 0 && options.sample <= 1)) usage('--sample takes a fraction in (0, 1]');
    }
    else if (arg === '--report-only') options.reportOnly = true;
    else if (arg in TARGETS) options.target = arg;
    else usage(`unknown argument '${arg}'`);
  }
  const target = TARGETS[options.target];
  if (options.only !== undefined && !target.partitions.includes(options.only)) {
    usage(`'${options.only}' is not a partition of ${options.target}: ${target.partitions.join(', ')}`);
  }
  return { ...options, ...target };
}

function configFile(partition) {
  return join(ROOT, 'stryker', `${partition}.json`);
}

function reportFile(partition) {
  const config = JSON.parse(readFileSync(configFile(partition), 'utf8'));
  return join(ROOT, config.jsonReporter.fileName);
}

/** mulberry32: a small seeded generator, so a sample is the same lines on every run. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The .ts files of a `dir/**\/*.ts` pattern (with `{a,b}` alternatives), or the file itself. */
function expand(pattern) {
  const braces = /^(.*?)\{([^}]+)\}(.*)$/.exec(pattern);
  if (braces) return braces[2].split(',').flatMap((alternative) => expand(`${braces[1]}${alternative}${braces[3]}`));
  const match = /^(.*)\/\*\*\/\*\.ts$/.exec(pattern);
  if (!match) return [pattern];
  const walk = (dir) => readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [join(dir, entry.name)] : []);
  return walk(match[1]);
}

const CODE_LINE = (line) => {
  const text = line.trim();
  return text !== '' && !/^(\/\/|\/\*|\*|import |export \* )/.test(text);
};

/** A copy of the partition's config that mutates a seeded sample of its code lines (`file:line-line`). */
function sampledConfig(partition, fraction) {
  const config = JSON.parse(readFileSync(configFile(partition), 'utf8'));
  const include = config.mutate.filter((p) => !p.startsWith('!'));
  const exclude = new Set(config.mutate.filter((p) => p.startsWith('!')).map((p) => p.slice(1)));
  const random = seeded(20261122);
  const ranges = include.flatMap(expand).filter((file) => !exclude.has(file)).sort().flatMap((file) =>
    readFileSync(join(ROOT, file), 'utf8').split('\n').flatMap((line, i) =>
      CODE_LINE(line) && random() < fraction ? [`${file}:${i + 1}-${i + 1}`] : []));
  const dir = join(ROOT, 'reports', 'mutation');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${partition}.sample.json`);
  writeFileSync(file, JSON.stringify({ ...config, mutate: ranges }, null, 2));
  writeFileSync(metaFile(partition), JSON.stringify({ sample: fraction, lines: ranges.length }));
  return relative(ROOT, file);
}

/** Says whether the partition's last report came from a sample. */
function metaFile(partition) {
  return join(ROOT, 'reports', 'mutation', `${partition}.meta.json`);
}

/** Counts the statuses of a Stryker JSON report (mutation-testing-report-schema). */
function tally(partition) {
  const file = reportFile(partition);
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const counts = { files: 0, detected: 0, survived: 0, noCoverage: 0, timeout: 0, ignored: 0, errors: 0 };
  for (const { mutants } of Object.values(report.files)) {
    counts.files++;
    for (const { status } of mutants) {
      if (status === 'Timeout') counts.timeout++;
      if (DETECTED.has(status)) counts.detected++;
      else if (status === 'Survived') counts.survived++;
      else if (status === 'NoCoverage') counts.noCoverage++;
      else if (status === 'Ignored') counts.ignored++;
      else counts.errors++;
    }
  }
  return counts;
}

const score = (c) => {
  const valid = c.detected + c.survived + c.noCoverage;
  return valid === 0 ? 100 : (100 * c.detected) / valid;
};

function main() {
  const options = parse(process.argv.slice(2));
  const partitions = options.only ? [options.only] : options.partitions;
  const started = Date.now();
  if (!options.reportOnly) {
    for (const partition of partitions) {
      rmSync(metaFile(partition), { force: true });
      const config = options.sample ? sampledConfig(partition, options.sample) : `stryker/${partition}.json`;
      console.log(`\n=== mutation: ${partition} (${config}${options.sample ? `, ${options.sample * 100} % of the code lines` : ''})`);
      const run = spawnSync('npx', ['stryker', 'run', config], { cwd: ROOT, stdio: 'inherit' });
      // Stryker exits non-zero when a partition is under its own break threshold; the combined score decides.
      if (run.error) throw run.error;
    }
  }
  const rows = [];
  const missing = [];
  const total = { files: 0, detected: 0, survived: 0, noCoverage: 0, timeout: 0, ignored: 0, errors: 0 };
  for (const partition of partitions) {
    const counts = tally(partition);
    if (!counts) {
      rows.push(`| ${partition} | no report (run it first) | | | | | | |`);
      missing.push(partition);
      continue;
    }
    const meta = existsSync(metaFile(partition)) ? JSON.parse(readFileSync(metaFile(partition), 'utf8')) : undefined;
    const label = meta ? `${partition} (sample: ${meta.sample * 100} % of code lines, ${meta.lines} lines)` : partition;
    for (const key of Object.keys(total)) total[key] += counts[key];
    rows.push(`| ${label} | ${counts.files} | ${counts.detected + counts.survived + counts.noCoverage} | ${counts.detected} | ` +
      `${counts.survived} | ${counts.noCoverage} | ${counts.ignored} | ${score(counts).toFixed(2)} % |`);
  }
  const valid = total.detected + total.survived + total.noCoverage;
  console.log(`\nMutation score, ${options.target}${options.only ? ` (${options.only} only)` : ''}:\n`);
  console.log('| partition | files | mutants scored | detected | survived | no coverage | ignored (static) | score |');
  console.log('|---|---|---|---|---|---|---|---|');
  console.log(rows.join('\n'));
  console.log(`| **total** | ${total.files} | ${valid} | ${total.detected} | ${total.survived} | ${total.noCoverage} | ${total.ignored} | ` +
    `**${score(total).toFixed(2)} %** |`);
  if (!options.reportOnly) console.log(`\nRun time: ${Math.round((Date.now() - started) / 1000)} s`);
  if (missing.length > 0) {
    console.error(`\n${options.target}: no score without ${missing.join(', ')}.`);
    process.exit(1);
  }
  if (score(total) < options.threshold) {
    console.error(`\n${options.target}: ${score(total).toFixed(2)} % is under the ${options.threshold} % target.`);
    process.exit(1);
  }
}

main();
