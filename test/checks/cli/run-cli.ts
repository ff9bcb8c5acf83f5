import * as path from 'path';
import { main } from '../../../lib/checks/cli/main';
import { Rule } from '../../../lib/checks/rule';
import { FAKE_CATALOGUE } from '../fake-rules';

export const CLI_FIXTURES = path.join(__dirname, 'fixtures');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly isTTY?: boolean;
  readonly env?: Record<string, string | undefined>;
  /** Defaults to the fake catalogue; pass `null` for the real one. */
  readonly catalogue?: readonly Rule[] | null;
}

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(argv: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? CLI_FIXTURES,
    catalogue: options.catalogue === null ? undefined : options.catalogue ?? FAKE_CATALOGUE,
  });
  return { code, stdout, stderr };
}
