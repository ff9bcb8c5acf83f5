import { levelOf } from '../../lib/checks/levels';
import { SEVERITIES } from '../../lib/checks/rule';

describe('levelOf', () => {
  test('critical, high and medium are errors; low and info are warnings', () => {
    expect(Object.fromEntries(SEVERITIES.map((s) => [s, levelOf(s)]))).toEqual({
      critical: 'error',
      high: 'error',
      medium: 'error',
      low: 'warning',
      info: 'warning',
    });
  });
});
