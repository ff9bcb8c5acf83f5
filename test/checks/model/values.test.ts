import { Opaque } from '../../../lib/checks/model/opaque';
import { booleanValue, listValue, numberValue, property, recordValue, stringValue } from '../../../lib/checks/model/values';

const ref = new Opaque('ref', '<X>', { target: 'X' });
const reasonOf = (value: unknown) => (value instanceof Opaque ? value.details.reason : `not opaque: ${String(value)}`);

describe.each([
  ['booleanValue', booleanValue],
  ['stringValue', stringValue],
  ['numberValue', numberValue],
  ['listValue', listValue],
  ['recordValue', recordValue],
])('%s', (_name, reader) => {
  test('absent and null read as absent', () => {
    expect(reader(undefined)).toBeUndefined();
    expect(reader(null)).toBeUndefined();
  });

  test('an opaque value is passed through unchanged', () => {
    expect(reader(ref)).toBe(ref);
  });

  test('a value of the wrong type becomes an unsupported opaque value', () => {
    const wrong = reader(Symbol.for('wrong') as never);
    expect(wrong).toBeInstanceOf(Opaque);
    expect((wrong as Opaque).kind).toBe('unsupported');
  });
});

describe('booleanValue', () => {
  test('accepts booleans and the CloudFormation string forms, trimmed and in any case', () => {
    expect([booleanValue(true), booleanValue(false), booleanValue(' True '), booleanValue('FALSE')]).toEqual([true, false, true, false]);
  });

  test('rejects near-misses with a reason naming the value', () => {
    for (const text of ['yes', 'truex', 'xtrue', 'falsely', '1']) expect(booleanValue(text)).toBeInstanceOf(Opaque);
    expect(reasonOf(booleanValue('yes'))).toBe('expected a boolean, found "yes"');
    expect((booleanValue(1) as Opaque).display).toBe('1');
    expect((booleanValue(1) as Opaque).kind).toBe('unsupported');
  });
});

describe('stringValue', () => {
  test('returns strings as they are and renders numbers and booleans', () => {
    expect([stringValue('abc'), stringValue(''), stringValue(5), stringValue(false)]).toEqual(['abc', '', '5', 'false']);
  });

  test('rejects objects and lists with a reason', () => {
    expect(reasonOf(stringValue({ a: 1 }))).toBe('expected a string, found {"a":1}');
    expect(stringValue(['a'])).toBeInstanceOf(Opaque);
  });
});

describe('numberValue', () => {
  test('accepts finite numbers and numeric strings with surrounding spaces', () => {
    expect([numberValue(0), numberValue(512), numberValue(' -12.5 '), numberValue('1.25'), numberValue('7')]).toEqual([0, 512, -12.5, 1.25, 7]);
  });

  test('rejects non-finite numbers and strings that are not plain numbers', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, '', 'x1', '1x', '1.', '1.x', '1 2', true, [5], ['7']]) {
      expect(numberValue(value)).toBeInstanceOf(Opaque);
    }
    expect(reasonOf(numberValue('lots'))).toBe('expected a number, found "lots"');
  });
});

describe('listValue', () => {
  test('returns the list itself and rejects scalars with a reason', () => {
    const list = [1, 2];
    expect(listValue(list)).toBe(list);
    expect(listValue([])).toEqual([]);
    expect(reasonOf(listValue('x'))).toBe('expected a list, found "x"');
    expect(listValue({ a: 1 })).toBeInstanceOf(Opaque);
  });
});

describe('recordValue', () => {
  test('returns the object itself and rejects lists and scalars with a reason', () => {
    const record = { a: 1 };
    expect(recordValue(record)).toBe(record);
    expect(reasonOf(recordValue([1]))).toBe('expected an object, found [1]');
    for (const value of ['x', 5, true]) expect(recordValue(value)).toBeInstanceOf(Opaque);
  });
});

describe('property', () => {
  test('an exact key wins over a differently cased one', () => {
    expect(property({ User: 'exact-case-miss', user: 'exact' }, 'user')).toBe('exact');
    expect(property({ USER: 'loose' }, 'User')).toBe('loose');
  });

  test('a missing key is absent, even when a key is literally named "undefined"', () => {
    expect(property({ undefined: 'trap' }, 'User')).toBeUndefined();
  });
});
