import { InputError } from '../../../lib/checks/input/input-error';

test('an InputError carries the file and the reason, and reads "<file>: <reason>"', () => {
  const error = new InputError('cdk.out/App.template.json', 'empty file');
  expect(error).toBeInstanceOf(Error);
  expect(error.name).toBe('InputError');
  expect(error.file).toBe('cdk.out/App.template.json');
  expect(error.reason).toBe('empty file');
  expect(error.message).toBe('cdk.out/App.template.json: empty file');
  expect(String(error)).toBe('InputError: cdk.out/App.template.json: empty file');
});
