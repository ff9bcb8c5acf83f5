import { Opaque } from '../../../lib/checks/model/opaque';
import { unresolvedOutcome } from '../../../lib/checks/model/unresolved-outcome';

describe('unresolvedOutcome', () => {
  test('is unverified and names the property, the value display and the reason', () => {
    const value = new Opaque('getatt', '<Role.Arn>', { reason: 'attribute Arn of Role is known only at deploy time' });
    expect(unresolvedOutcome('Container::web', 'User of container web', value, 'web')).toEqual({
      status: 'unverified',
      key: 'Container::web',
      message: 'User of container web is <Role.Arn>, which cannot be resolved: attribute Arn of Role is known only at deploy time.',
      container: 'web',
    });
  });

  test('falls back to a generic reason when the value has none', () => {
    expect(unresolvedOutcome('', 'Image', new Opaque('unsupported', '<X>'))).toEqual({
      status: 'unverified',
      key: '',
      message: 'Image is <X>, which cannot be resolved: unknown value.',
      container: undefined,
    });
  });
});
