import { Opaque, displayValue, isOpaque } from '../../../lib/checks/model/opaque';

describe('Opaque', () => {
  const a = new Opaque('ref', '<A>', { target: 'A' });
  const b = new Opaque('getatt', '<B.Arn>', { target: 'B', attribute: 'Arn' });

  test('renders as its display form in strings and JSON', () => {
    expect(`${a}`).toBe('<A>');
    expect(JSON.stringify({ v: b })).toBe('{"v":"<B.Arn>"}');
  });

  test('leaves are the opaque parts of a composite, recursively; a plain opaque is its own leaf', () => {
    const inner = new Opaque('composite', 'x<B.Arn>', { parts: ['x', b] });
    const outer = new Opaque('composite', '<A>-x<B.Arn>', { parts: [a, '-', inner] });
    expect(outer.leaves()).toEqual([a, b]);
    expect(a.leaves()).toEqual([a]);
    expect(new Opaque('composite', '').leaves()).toEqual([]);
  });

  test('isOpaque recognises only Opaque instances', () => {
    expect(isOpaque(a)).toBe(true);
    expect(isOpaque({ kind: 'ref', display: '<A>' })).toBe(false);
    expect(isOpaque(undefined)).toBe(false);
  });
});

describe('displayValue', () => {
  test('renders literals, opaque values and absence', () => {
    expect(displayValue(new Opaque('pseudo', '<AWS::Region>'))).toBe('<AWS::Region>');
    expect(displayValue('text')).toBe('text');
    expect(displayValue('')).toBe('');
    expect(displayValue(undefined)).toBe('(absent)');
    expect(displayValue(5)).toBe('5');
    expect(displayValue({ a: [1] })).toBe('{"a":[1]}');
  });
});
