// Constructs, by concern.
export * from './audit/exemption';
export * from './identity/execution-role-trust';
export * from './identity/hardened-execution-role';
export * from './identity/hardened-task-role';
export * from './secrets/container-secret';
export * from './container/hardened-container-options';
export * from './container/hardened-container';
export * from './container/hardened-image';
export * from './container/encrypted-log-group';
export * from './cluster/hardened-cluster';
export * from './service/load-balancer-options';
export * from './service/hardened-fargate-service';

// Checks: the cdk-nag v3 pack (the CLI is the `hardened-ecs` bin).
export * from './checks/nag/hardened-ecs-checks';
