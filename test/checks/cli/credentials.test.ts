import { runCli } from './run-cli';
import { ALL_RULES } from '../../../lib/checks/catalogue';
import { leakyRule } from '../fake-rules';

/**
 * The fixture's environment holds an AWS access key id and a PEM private key. Real rules name
 * the variable and the pattern; FAKE-LEAK deliberately copies the values into its messages.
 * No output format may repeat either value.
 */
const ACCESS_KEY_ID = 'AKIAZ7QXW2M4T9VB3KLP';
const PEM_BODY = 'MIIEowIBAAKCAQEAx9fLq2Zb8Tn4wPaVr3kY7cH1uE5sD0mJ6gQ2tW8yN3oB4vKe';

describe.each(['text', 'json', 'sarif', 'markdown'])('%s output never repeats a credential', (format) => {
  test('real catalogue plus a rule that leaks values', async () => {
    const run = await runCli(['check', 'credentials-template.json', '--format', format, '--fail-on', 'warning'], { catalogue: [...ALL_RULES, leakyRule] });
    expect(run.code).toBe(1);
    const output = run.stdout + run.stderr;
    expect(output).toContain('FAKE-LEAK');
    expect(output).toContain('[REDACTED');
    expect(output).not.toContain(ACCESS_KEY_ID);
    expect(output).not.toContain(PEM_BODY);
    expect(output).not.toContain('BEGIN RSA PRIVATE KEY');
  });
});
