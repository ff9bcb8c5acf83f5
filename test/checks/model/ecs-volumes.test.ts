import { evaluateVolumes, VolumeView } from '../../../lib/checks/model/ecs-volumes';
import { Opaque } from '../../../lib/checks/model/opaque';
import { Outcome, pass } from '../../../lib/checks/rule';

/** A judge that records what it saw and passes every volume under its key. */
function recorder(): { seen: VolumeView[]; judge: (volume: VolumeView) => Outcome[] } {
  const seen: VolumeView[] = [];
  return { seen, judge: (volume) => { seen.push(volume); return [pass(volume.key, `saw ${volume.name}`)]; } };
}

describe('evaluateVolumes', () => {
  test('no Volumes property yields no outcome and never calls the judge', () => {
    const { seen, judge } = recorder();
    expect(evaluateVolumes({}, judge)).toEqual([]);
    expect(evaluateVolumes({ Volumes: null }, judge)).toEqual([]);
    expect(evaluateVolumes({ Volumes: [] }, judge)).toEqual([]);
    expect(seen).toEqual([]);
  });

  test('an opaque Volumes list is one resource-level unverified outcome with its reason', () => {
    const { seen, judge } = recorder();
    const list = new Opaque('import', '<ImportValue:vols>', { reason: 'imported from another stack (export vols)' });
    expect(evaluateVolumes({ Volumes: list }, judge)).toEqual([
      { status: 'unverified', key: '', message: 'Volumes is <ImportValue:vols>, which cannot be resolved: imported from another stack (export vols).' },
    ]);
    expect(seen).toEqual([]);
  });

  test('an opaque Volumes list without a reason says "unknown value"', () => {
    const { judge } = recorder();
    expect(evaluateVolumes({ Volumes: new Opaque('unsupported', '<X>') }, judge)).toEqual([
      { status: 'unverified', key: '', message: 'Volumes is <X>, which cannot be resolved: unknown value.' },
    ]);
  });

  test('a scalar where the list belongs is malformed and unverified', () => {
    const { judge } = recorder();
    expect(evaluateVolumes({ Volumes: 'data' }, judge)).toEqual([
      { status: 'unverified', key: '', message: 'Volumes is "data", which cannot be resolved: expected a list, found "data".' },
    ]);
  });

  test('the property name is read case-insensitively', () => {
    const { seen, judge } = recorder();
    expect(evaluateVolumes({ volumes: [{ Name: 'data' }] }, judge)).toEqual([{ status: 'pass', key: 'Volume::data', message: 'saw data' }]);
    expect(seen).toEqual([{ name: 'data', key: 'Volume::data', definition: { Name: 'data' } }]);
  });

  test('an opaque entry is unverified under its position and is not judged', () => {
    const { seen, judge } = recorder();
    const entry = new Opaque('unsupported', '<If:UseEfs>', { reason: 'depends on condition UseEfs' });
    expect(evaluateVolumes({ Volumes: [{ Name: 'a' }, entry] }, judge)).toEqual([
      { status: 'pass', key: 'Volume::a', message: 'saw a' },
      { status: 'unverified', key: 'Volume::#2', message: 'Volume #2 is <If:UseEfs>, which cannot be resolved.' },
    ]);
    expect(seen.map((v) => v.name)).toEqual(['a']);
  });

  test('a null entry is unverified (absent is not a volume definition)', () => {
    const { seen, judge } = recorder();
    expect(evaluateVolumes({ Volumes: [null] }, judge)).toEqual([
      { status: 'unverified', key: 'Volume::#1', message: 'Volume #1 is null, which cannot be resolved.' },
    ]);
    expect(seen).toEqual([]);
  });

  test('a scalar or list entry is unverified, shown as written', () => {
    const { seen, judge } = recorder();
    expect(evaluateVolumes({ Volumes: ['data', ['x']] }, judge)).toEqual([
      { status: 'unverified', key: 'Volume::#1', message: 'Volume #1 is data, which cannot be resolved.' },
      { status: 'unverified', key: 'Volume::#2', message: 'Volume #2 is ["x"], which cannot be resolved.' },
    ]);
    expect(seen).toEqual([]);
  });

  test('a volume without a usable name is named by its 1-based position', () => {
    const { seen, judge } = recorder();
    evaluateVolumes({ Volumes: [{ Name: 'first' }, {}, { Name: '' }, { Name: null }] }, judge);
    expect(seen).toEqual([
      { name: 'first', key: 'Volume::first', definition: { Name: 'first' } },
      { name: '#2', key: 'Volume::#2', definition: {} },
      { name: '#3', key: 'Volume::#3', definition: { Name: '' } },
      { name: '#4', key: 'Volume::#4', definition: { Name: null } },
    ]);
  });

  test('an opaque name is shown by its display form; a number by its text', () => {
    const { seen, judge } = recorder();
    const name = new Opaque('parameter', '<VolumeName>', { target: 'VolumeName' });
    const definition = { Name: name, Host: {} };
    evaluateVolumes({ Volumes: [definition, { name: 7 }] }, judge);
    expect(seen).toEqual([
      { name: '<VolumeName>', key: 'Volume::<VolumeName>', definition },
      { name: '7', key: 'Volume::7', definition: { name: 7 } },
    ]);
  });

  test('a name that is an object is malformed and shown by its rendering', () => {
    const { seen, judge } = recorder();
    evaluateVolumes({ Volumes: [{ Name: { a: 1 } }] }, judge);
    expect(seen.map((v) => v.key)).toEqual(['Volume::{"a":1}']);
  });

  test('every outcome the judge returns is kept, in order', () => {
    const judge = (volume: VolumeView): Outcome[] => [pass(volume.key, 'one'), pass(volume.key, 'two')];
    expect(evaluateVolumes({ Volumes: [{ Name: 'a' }, { Name: 'b' }] }, judge).map((o) => `${o.key} ${o.message}`)).toEqual([
      'Volume::a one',
      'Volume::a two',
      'Volume::b one',
      'Volume::b two',
    ]);
    expect(evaluateVolumes({ Volumes: [{ Name: 'a' }] }, () => [])).toEqual([]);
  });
});
