import * as ecr from 'aws-cdk-lib/aws-ecr';
import { lifecycle } from '../../../../lib/checks/rules/ecr/lifecycle';
import { describeRule } from '../harness';
import { repositoryTemplate } from './fixtures';

const POLICY = JSON.stringify({
  rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 }, action: { type: 'expire' } }],
});

describeRule(lifecycle, {
  passing: [
    { name: 'literal policy with a rule', template: repositoryTemplate({ LifecyclePolicy: { LifecyclePolicyText: POLICY } }) },
    {
      name: 'policy built with Fn::Sub (CT ECR.PR.1 fails it)',
      template: repositoryTemplate({ LifecyclePolicy: { LifecyclePolicyText: { 'Fn::Sub': '{"rules":[{"rulePriority":1,"description":"${AWS::StackName}","selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":50},"action":{"type":"expire"}}]}' } } }),
    },
    { name: 'cdk: ecr.Repository lifecycleRules', cdk: (stack) => new ecr.Repository(stack, 'Repo', { lifecycleRules: [{ maxImageCount: 50 }] }) },
  ],
  failing: [
    { name: 'no lifecycle policy', template: repositoryTemplate({}) },
    { name: 'empty rules', template: repositoryTemplate({ LifecyclePolicy: { LifecyclePolicyText: '{"rules":[]}' } }) },
    { name: 'invalid JSON joined from literals', template: repositoryTemplate({ LifecyclePolicy: { LifecyclePolicyText: { 'Fn::Join': ['', ['{"rules":', '[']] } } }) },
    { name: 'cdk: ecr.Repository defaults', cdk: (stack) => new ecr.Repository(stack, 'Repo') },
  ],
  unresolvable: [
    { name: 'policy text imported', template: repositoryTemplate({ LifecyclePolicy: { LifecyclePolicyText: { 'Fn::ImportValue': 'StandardLifecyclePolicy' } } }) },
    { name: 'policy text from a parameter without a default', template: repositoryTemplate({ LifecyclePolicy: { LifecyclePolicyText: { Ref: 'NoDefault' } } }) },
    { name: 'policy from a custom resource', template: repositoryTemplate({ LifecyclePolicy: { 'Fn::GetAtt': ['Settings', 'Policy'] } }) },
  ],
});
