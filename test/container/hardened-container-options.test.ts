import { WritablePathStorage } from '../../lib/container/hardened-container-options';

describe('WritablePathStorage', () => {
  test('the storage kinds keep their public string values', () => {
    expect(WritablePathStorage.TMPFS).toBe('TMPFS');
    expect(WritablePathStorage.EPHEMERAL_VOLUME).toBe('EPHEMERAL_VOLUME');
  });
});
