import { ExecutionRoleTrust } from '../../lib/identity/execution-role-trust';

// The values are read from configuration (e.g. `ExecutionRoleTrust[context]` or a jsii
// language binding), so each value must stay equal to its member name.
test('each trust option has its name as value', () => {
  expect(Object.entries(ExecutionRoleTrust)).toEqual([
    ['SERVICE_PRINCIPAL_ONLY', 'SERVICE_PRINCIPAL_ONLY'],
    ['SOURCE_ACCOUNT', 'SOURCE_ACCOUNT'],
    ['SOURCE_ACCOUNT_AND_ARN', 'SOURCE_ACCOUNT_AND_ARN'],
  ]);
});
