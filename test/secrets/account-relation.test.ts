import { App, Aws, Stack } from 'aws-cdk-lib';
import { accountRelation } from '../../lib/secrets/account-relation';

test.each([
  ['111111111111', '111111111111', 'same'],
  ['222222222222', '111111111111', 'different'],
  ['222222222222', Aws.ACCOUNT_ID, 'unknown'],
  [Aws.ACCOUNT_ID, Aws.ACCOUNT_ID, 'same'],
])('%s vs %s -> %s', (resource, stack, expected) => {
  expect(accountRelation(resource, stack)).toBe(expected);
});

test('an owned resource of an environment-agnostic stack is in the same account', () => {
  const s = new Stack(new App(), 'S');
  expect(accountRelation(s.account, Stack.of(s).account)).toBe('same');
});
