import * as path from 'path';
import { Token } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecrAssets from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';

/**
 * What a hardened container needs to know about its image once it is bound.
 *
 * @internal
 */
export interface BoundImage {
  readonly image: ecs.ContainerImage;
  /** The ECR repository to grant the execution role pull access on, when the image lives in ECR. */
  readonly repository?: ecr.IRepository;
  /** Absolute path of the Dockerfile, for images built from an asset. */
  readonly dockerfilePath?: string;
  /** Build arguments passed to the Docker build (they end up in the image history). */
  readonly buildArgs?: Record<string, string>;
  /**
   * Whether the reference always names the same content: a digest, an asset (content hash tag), or a
   * repository of this app with immutable tags. A mutable tag can be re-pointed after review.
   */
  readonly pinned: boolean;
  /** The reference as written, for error messages. */
  readonly reference: string;
}

/**
 * The image of a hardened container.
 *
 * Unlike `ecs.ContainerImage`, it keeps what the hardening needs to know: the exact ECR
 * repository (so the execution role can pull from that repository only) and, for images
 * built from a local directory, the Dockerfile (so credential-looking `ENV`/`ARG` lines
 * fail synth).
 */
export class HardenedImage {
  /**
   * An image in an ECR repository. The execution role gets pull access on this repository only.
   *
   * @param repository the repository
   * @param tagOrDigest an image tag, or a digest (`sha256:…`), which pins the exact image
   */
  public static fromEcrRepository(repository: ecr.IRepository, tagOrDigest: string): HardenedImage {
    return new HardenedImage(() => ({
      image: ecs.ContainerImage.fromEcrRepository(repository, tagOrDigest),
      repository,
      pinned: isDigest(tagOrDigest) || hasImmutableTags(repository),
      reference: `${repository.node.path} at ${Token.isUnresolved(tagOrDigest) ? '(a token)' : tagOrDigest}`,
    }));
  }

  /**
   * An image built from a local directory and published as a CDK asset.
   * Its Dockerfile and build arguments are scanned for credentials at synth.
   *
   * @param directory the build context
   * @param options build options (Dockerfile name, build arguments, platform, ...)
   */
  public static fromAsset(directory: string, options: ecrAssets.DockerImageAssetOptions = {}): HardenedImage {
    return new HardenedImage((scope, id) => {
      const asset = new ecrAssets.DockerImageAsset(scope, id, { directory, ...options });
      return {
        image: ecs.ContainerImage.fromDockerImageAsset(asset),
        repository: asset.repository,
        dockerfilePath: path.resolve(directory, options.file ?? 'Dockerfile'),
        buildArgs: options.buildArgs,
        pinned: true, // assets are tagged with their content hash
        reference: directory,
      };
    });
  }

  /**
   * An image from a public registry, such as Docker Hub or Amazon ECR Public
   * (`public.ecr.aws/...`). The execution role gets no ECR permissions for it.
   *
   * @param name the image name, ideally pinned by digest (`name@sha256:…`)
   */
  public static fromRegistry(name: string): HardenedImage {
    return new HardenedImage(() => ({
      image: ecs.ContainerImage.fromRegistry(name),
      pinned: !Token.isUnresolved(name) && /@sha256:[0-9a-f]{64}$/.test(name),
      reference: name,
    }));
  }

  private constructor(private readonly binder: (scope: Construct, id: string) => BoundImage) {}

  /**
   * Creates what the image needs (an asset, for example) under `scope`.
   *
   * @internal
   */
  public _bind(scope: Construct, id: string): BoundImage {
    return this.binder(scope, id);
  }
}

function isDigest(tagOrDigest: string): boolean {
  return !Token.isUnresolved(tagOrDigest) && /^sha256:[0-9a-f]{64}$/.test(tagOrDigest);
}

/** An ECR repository defined in this app whose tags cannot be overwritten. */
function hasImmutableTags(repository: ecr.IRepository): boolean {
  const cfn = repository.node.defaultChild;
  return cfn instanceof ecr.CfnRepository && cfn.imageTagMutability === 'IMMUTABLE';
}
