import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import { CheckCommand, parseArguments, RulesCommand, UsageError } from './arguments';
import { USAGE } from './usage';
import { ALL_RULES, selectRules, UnknownRuleError } from '../catalogue';
import { CheckOptions } from '../check-options';
import { checkModel, Finding } from '../engine';
import { InputError } from '../input/input-error';
import { LoadedTemplate, loadInput } from '../input/load-input';
import { TemplateModel } from '../model/template-model';
import { formatReport } from '../report/format-report';
import { redactText } from '../report/redaction';
import { buildReport } from '../report/report';
import { formatRulesJson, formatRulesMarkdown, formatRulesText } from '../report/rules-format';
import { Rule } from '../rule';

/** Everything the CLI touches outside itself, so tests run it in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Whether stdout is a terminal (colour is used only then, and only without NO_COLOR). */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The rule catalogue to draw from; defaults to every rule. Tests pass small fakes. */
  readonly catalogue?: readonly Rule[];
}

/** Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 bad usage or unreadable input. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE_OR_INPUT = 2;

/**
 * `hardened-ecs` entry point. Never throws and never prints a stack trace: every error
 * becomes `hardened-ecs: <file>: <reason>` on stderr and exit code 2.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseArguments(argv);
    switch (command.command) {
      case 'help':
        io.stdout.write(USAGE);
        return EXIT_OK;
      case 'version':
        io.stdout.write(`${toolVersion()}\n`);
        return EXIT_OK;
      case 'rules':
        return await rules(command, io);
      case 'check':
        return await check(command, io);
    }
  } catch (error) {
    return reportError(error, io);
  }
}

async function rules(command: RulesCommand, io: CliIo): Promise<number> {
  const catalogue = io.catalogue ?? ALL_RULES;
  const text = command.format === 'json' ? formatRulesJson(catalogue) : command.format === 'markdown' ? formatRulesMarkdown(catalogue) : formatRulesText(catalogue);
  await emit(text, command.output, io);
  return EXIT_OK;
}

async function check(command: CheckCommand, io: CliIo): Promise<number> {
  const selected = selectRules(
    { ruleIds: command.ruleIds, includeRuleIds: command.includeRuleIds, excludeRuleIds: command.excludeRuleIds, minSeverity: command.minSeverity },
    io.catalogue ?? ALL_RULES,
  );
  const templates = await loadAll(command.paths, io);
  if (!templates) return EXIT_USAGE_OR_INPUT;

  const options: Partial<CheckOptions> = {
    minLogRetentionDays: command.minLogRetentionDays,
    requireExecutionRoleTrustConditions: command.requireExecutionRoleTrustConditions || undefined,
    allowedRegistries: command.allowedRegistries,
    extraCredentialNames: command.extraCredentialNames,
    requiredTags: command.requiredTags,
    fargateTaskMemoryCountsAsLimit: command.fargateTaskMemoryCountsAsLimit || undefined,
  };
  const findings: Finding[] = [];
  let resources = 0;
  for (const loaded of templates) {
    try {
      const result = checkModel(new TemplateModel(loaded.template, loaded.source), selected, options);
      findings.push(...result.findings);
      resources += result.resourcesChecked;
    } catch (error) {
      throw new InputError(loaded.source.file ?? '(template)', `could not be checked: ${messageOf(error)}`);
    }
  }

  const lines = new Map(templates.map((t) => [t.source.file, t.resourceLines]));
  const report = buildReport({
    findings,
    rules: selected,
    templates: templates.length,
    resources,
    failOn: command.failOn,
    failOnUnverified: command.failOnUnverified,
    honourAcknowledgments: command.acknowledgments,
    lineOf: (file, logicalId) => lines.get(file)?.get(logicalId),
    toolVersion: toolVersion(),
  });
  const colour = command.format === 'text' && !command.output && io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
  await emit(formatReport(report, command.format, { colour }), command.output, io);
  if (command.output) {
    const s = report.summary;
    io.stderr.write(`hardened-ecs: wrote ${command.format} report to ${command.output}: ${s.failed} failed, ${s.unverified} unverified, ${s.acknowledged} acknowledged; ${s.blocking} at or above --fail-on ${command.failOn}\n`);
  }
  return report.summary.blocking > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Loads every path; on any unreadable input, prints each problem and returns undefined (nothing is checked). */
async function loadAll(paths: readonly string[], io: CliIo): Promise<LoadedTemplate[] | undefined> {
  const templates: LoadedTemplate[] = [];
  const seen = new Set<string>();
  let failed = false;
  for (const inputPath of paths) {
    try {
      for (const loaded of await loadInput(inputPath, io.cwd)) {
        const identity = `${loaded.source.file}\u0000${loaded.source.stack ?? ''}`;
        if (seen.has(identity)) continue; // the same file named twice (or inside a named cdk.out)
        seen.add(identity);
        templates.push(loaded);
      }
    } catch (error) {
      failed = true;
      reportError(error instanceof InputError ? error : new InputError(inputPath, messageOf(error)), io);
    }
  }
  return failed ? undefined : templates;
}

async function emit(text: string, output: string | undefined, io: CliIo): Promise<void> {
  if (!output) {
    io.stdout.write(text);
    return;
  }
  const target = path.resolve(io.cwd, output);
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, text);
  } catch (error) {
    throw new InputError(output, `cannot write the report: ${(error as NodeJS.ErrnoException)?.code ?? messageOf(error)}`);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr.write(`hardened-ecs: ${redactText(error.message)}\nRun 'hardened-ecs --help' for usage.\n`);
  } else if (error instanceof UnknownRuleError) {
    io.stderr.write(`hardened-ecs: ${redactText(error.message)}\nRun 'hardened-ecs rules' to list them.\n`);
  } else if (error instanceof InputError) {
    io.stderr.write(`hardened-ecs: ${redactText(error.file)}: ${redactText(error.reason)}\n`);
  } else {
    io.stderr.write(`hardened-ecs: internal error: ${redactText(messageOf(error))}\n`);
  }
  return EXIT_USAGE_OR_INPUT;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

let cachedVersion: string | undefined;
/** The package version; lib/checks/cli and out/checks/cli both sit three levels below package.json. */
export function toolVersion(): string {
  if (cachedVersion === undefined) {
    try {
      cachedVersion = String(JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')).version ?? '0.0.0');
    } catch {
      cachedVersion = '0.0.0';
    }
  }
  return cachedVersion;
}

/** Runs `main` with the real process; used by the bin shim and when this file is run as a script. */
export async function runAsProcess(): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error; // `hardened-ecs ... | head` closes the pipe early; that is fine
  });
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  });
}

if (require.main === module) {
  void runAsProcess();
}
