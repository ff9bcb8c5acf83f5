import { REPORT_FORMATS, ReportFormat } from '../report/format-report';
import { FAIL_THRESHOLDS, FailThreshold } from '../report/report';
import { SEVERITIES, Severity } from '../rule';

/** Wrong command line; the CLI prints the message and a pointer to `--help`, and exits 2. */
export class UsageError extends Error {}

export interface CheckCommand {
  readonly command: 'check';
  readonly paths: readonly string[];
  readonly format: ReportFormat;
  readonly output?: string;
  readonly failOn: FailThreshold;
  readonly failOnUnverified: boolean;
  readonly ruleIds?: readonly string[];
  readonly includeRuleIds?: readonly string[];
  readonly excludeRuleIds?: readonly string[];
  readonly minSeverity?: Severity;
  readonly minLogRetentionDays?: number;
  readonly requireExecutionRoleTrustConditions: boolean;
  readonly allowedRegistries?: readonly string[];
  readonly extraCredentialNames?: readonly string[];
  readonly requiredTags?: readonly string[];
  readonly fargateTaskMemoryCountsAsLimit: boolean;
  readonly acknowledgments: boolean;
}

export interface RulesCommand {
  readonly command: 'rules';
  readonly format: 'text' | 'json' | 'markdown';
  readonly output?: string;
}

export type Command = CheckCommand | RulesCommand | { readonly command: 'help' } | { readonly command: 'version' };

type Flag = 'boolean' | 'value';
const CHECK_FLAGS: Record<string, Flag> = {
  '--format': 'value',
  '--output': 'value',
  '--fail-on': 'value',
  '--fail-on-unverified': 'boolean',
  '--rules': 'value',
  '--include': 'value',
  '--exclude': 'value',
  '--min-severity': 'value',
  '--min-log-retention-days': 'value',
  '--require-execution-role-trust-conditions': 'boolean',
  '--allowed-registries': 'value',
  '--credential-names': 'value',
  '--required-tags': 'value',
  '--fargate-task-memory-counts-as-limit': 'boolean',
  '--no-acknowledgments': 'boolean',
};
const RULES_FLAGS: Record<string, Flag> = { '--format': 'value', '--output': 'value' };
const RULES_FORMATS = ['text', 'json', 'markdown'] as const;

/** Hand-rolled on purpose: the CLI ships with no dependency beyond `yaml`. Accepts `--flag value` and `--flag=value`. */
export function parseArguments(argv: readonly string[]): Command {
  if (argv.length === 0) throw new UsageError("no command; use 'check <path>...' or 'rules'");
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { command: 'help' };
  if (argv.includes('--version') || argv[0] === 'version') return { command: 'version' };
  const [command, ...rest] = argv;
  if (command === 'check') return checkCommand(parseFlags(rest, CHECK_FLAGS, command));
  if (command === 'rules') return rulesCommand(parseFlags(rest, RULES_FLAGS, command));
  throw new UsageError(`unknown command '${command}'; use 'check' or 'rules'`);
}

interface ParsedFlags {
  readonly values: Map<string, string>;
  readonly switches: Set<string>;
  readonly positional: string[];
}

function parseFlags(args: readonly string[], known: Record<string, Flag>, command: string): ParsedFlags {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  const positional: string[] = [];
  let onlyPositional = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyPositional || !arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositional = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    const kind = known[name];
    if (!kind) throw new UsageError(`unknown option '${name}' for '${command}'`);
    if (kind === 'boolean') {
      if (equals > 0) throw new UsageError(`option '${name}' takes no value`);
      switches.add(name);
      continue;
    }
    const value = equals > 0 ? arg.slice(equals + 1) : args[++i];
    if (value === undefined || value === '' || (equals < 0 && value.startsWith('--'))) throw new UsageError(`option '${name}' needs a value`);
    if (values.has(name)) throw new UsageError(`option '${name}' given twice`);
    values.set(name, value);
  }
  return { values, switches, positional };
}

function checkCommand(flags: ParsedFlags): CheckCommand {
  if (flags.positional.length === 0) throw new UsageError("'check' needs at least one path (a cdk.out directory, a template or a task definition file)");
  return {
    command: 'check',
    paths: flags.positional,
    format: oneOf(flags.values.get('--format') ?? 'text', REPORT_FORMATS, '--format'),
    output: flags.values.get('--output'),
    failOn: oneOf(flags.values.get('--fail-on') ?? 'error', FAIL_THRESHOLDS, '--fail-on'),
    failOnUnverified: flags.switches.has('--fail-on-unverified'),
    ruleIds: idList(flags.values.get('--rules'), '--rules'),
    includeRuleIds: idList(flags.values.get('--include'), '--include'),
    excludeRuleIds: idList(flags.values.get('--exclude'), '--exclude'),
    minSeverity: flags.values.has('--min-severity') ? oneOf(flags.values.get('--min-severity')!, SEVERITIES, '--min-severity') : undefined,
    minLogRetentionDays: positiveInteger(flags.values.get('--min-log-retention-days'), '--min-log-retention-days'),
    requireExecutionRoleTrustConditions: flags.switches.has('--require-execution-role-trust-conditions'),
    allowedRegistries: nameList(flags.values.get('--allowed-registries'), '--allowed-registries', 'registry hosts'),
    extraCredentialNames: nameList(flags.values.get('--credential-names'), '--credential-names', 'environment variable names'),
    requiredTags: nameList(flags.values.get('--required-tags'), '--required-tags', 'tag keys'),
    fargateTaskMemoryCountsAsLimit: flags.switches.has('--fargate-task-memory-counts-as-limit'),
    acknowledgments: !flags.switches.has('--no-acknowledgments'),
  };
}

function rulesCommand(flags: ParsedFlags): RulesCommand {
  if (flags.positional.length > 0) throw new UsageError(`'rules' takes no paths (got '${flags.positional[0]}')`);
  return { command: 'rules', format: oneOf(flags.values.get('--format') ?? 'text', RULES_FORMATS, '--format'), output: flags.values.get('--output') };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  const match = allowed.find((a) => a === value.toLowerCase());
  if (!match) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got '${value}')`);
  return match;
}

function idList(value: string | undefined, flag: string): string[] | undefined {
  return nameList(value, flag, 'rule ids');
}

function nameList(value: string | undefined, flag: string, what: string): string[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`${flag} needs a comma-separated list of ${what}`);
  return names;
}

function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${flag} must be a whole number of days, at least 1 (got '${value}')`);
  return Number(value);
}
