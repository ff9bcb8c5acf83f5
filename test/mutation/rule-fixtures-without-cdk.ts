// Jest setup file of the Stryker configurations only (see docs/mutation.md): the rule harness then runs
// the template fixtures and leaves out the CDK-synthesized ones, which cost about a second per mutant.
process.env.HARDENED_ECS_RULE_FIXTURES = 'templates-only';
