import * as path from 'path';
import { findBuildCredentials } from '../../lib/container/dockerfile-credentials';

const FIXTURES = path.join(__dirname, 'fixtures');
const CREDENTIAL_DOCKERFILE = path.join(FIXTURES, 'credential-dockerfile', 'Dockerfile');
const ARG_DOCKERFILE = path.join(FIXTURES, 'arg-credential-dockerfile', 'ci.Dockerfile');

describe('findBuildCredentials', () => {
  test('names the Dockerfile, the line where the instruction starts, the instruction and the variable, never the value', () => {
    expect(findBuildCredentials(CREDENTIAL_DOCKERFILE, undefined, [])).toEqual([{
      where: `${CREDENTIAL_DOCKERFILE} line 3: ENV DB_PASSWORD`,
      name: 'DB_PASSWORD',
      reason: 'the name contains PASSWORD and the value is not a setting or a reference',
    }]);
  });

  test('reports ARG lines without a default by name, then credential-looking build arguments, and skips settings', () => {
    const findings = findBuildCredentials(ARG_DOCKERFILE, { NPM_TOKEN: 'npm_Abcdefghijklmnopqrstuvwxyz0123456789', LOG_LEVEL: 'debug' }, []);
    expect(findings).toEqual([
      { where: `${ARG_DOCKERFILE} line 2: ARG NPM_TOKEN`, name: 'NPM_TOKEN', reason: 'the name contains TOKEN' },
      {
        where: `${ARG_DOCKERFILE} line 4: ENV API_KEY`,
        name: 'API_KEY',
        reason: 'the name contains API_KEY and the value is not a setting or a reference',
      },
      {
        where: 'build argument NPM_TOKEN',
        name: 'NPM_TOKEN',
        reason: 'the name contains TOKEN and the value is not a setting or a reference',
      },
    ]);
    expect(JSON.stringify(findings)).not.toMatch(/npm_Abc|Abc123/);
  });

  test('an allowed name is exempted both in the Dockerfile and in the build arguments', () => {
    const findings = findBuildCredentials(ARG_DOCKERFILE, { NPM_TOKEN: 'npm_Abcdefghijklmnopqrstuvwxyz0123456789' }, ['NPM_TOKEN']);
    expect(findings.map((f) => f.where)).toEqual([`${ARG_DOCKERFILE} line 4: ENV API_KEY`]);
  });

  test('a clean Dockerfile without build arguments has no findings', () => {
    expect(findBuildCredentials(path.join(FIXTURES, 'clean-dockerfile', 'Dockerfile'), undefined, [])).toEqual([]);
  });
});
