import { Duration } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Exemption } from '../audit/exemption';

/**
 * An Application Load Balancer in front of a `HardenedFargateService`.
 *
 * HTTPS with a certificate by default; invalid HTTP header fields are dropped; the service's
 * security group admits traffic from this load balancer's security group only, on the container
 * port; the load balancer's security group sends traffic to the service only.
 */
export interface LoadBalancerOptions {
  /**
   * The certificate of the HTTPS listener. Required unless `allowPlainHttp` is given.
   *
   * @default none
   */
  readonly certificate?: acm.ICertificate;

  /**
   * Serve plain HTTP on port 80 instead of HTTPS: traffic, cookies and tokens travel unencrypted.
   * Recorded as an exemption in the template. Ignored when a certificate is given.
   *
   * @default HTTPS only
   */
  readonly allowPlainHttp?: Exemption;

  /**
   * Whether the load balancer has a public address. Internal load balancers are reachable from
   * the VPC (and peered networks) only.
   *
   * @default false
   */
  readonly internetFacing?: boolean;

  /**
   * Client networks allowed to reach the listener.
   *
   * @default ['0.0.0.0/0'] when internet-facing, otherwise the VPC's CIDR block
   */
  readonly allowedClientCidrs?: string[];

  /**
   * TLS policy of the HTTPS listener.
   *
   * @default elbv2.SslPolicy.RECOMMENDED_TLS (TLS 1.2 and 1.3 with forward secrecy)
   */
  readonly sslPolicy?: elbv2.SslPolicy;

  /**
   * The container port traffic is sent to.
   *
   * @default the first port mapping of the main container
   */
  readonly containerPort?: number;

  /**
   * The target group health check.
   *
   * @default the Elastic Load Balancing default (HTTP GET / on the traffic port)
   */
  readonly healthCheck?: elbv2.HealthCheck;

  /**
   * How long ECS ignores failing load balancer health checks after a task starts.
   *
   * @default Duration.seconds(60)
   */
  readonly healthCheckGracePeriod?: Duration;

  /**
   * The bucket that receives the load balancer's access logs (SSE-S3 encrypted: ELB log delivery
   * does not support KMS keys). The bucket policy statement for log delivery is added when the
   * bucket is defined in the app.
   *
   * @default no access logs
   */
  readonly accessLogsBucket?: s3.IBucket;

  /**
   * Key prefix of the access logs in `accessLogsBucket`.
   *
   * @default no prefix
   */
  readonly accessLogsPrefix?: string;

  /**
   * Protect the load balancer against deletion.
   *
   * @default false
   */
  readonly deletionProtection?: boolean;
}
