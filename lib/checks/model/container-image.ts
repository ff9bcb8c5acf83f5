import { Opaque, isOpaque } from './opaque';

/** Stands in for a deploy-time part of an image reference while it is parsed. */
const UNKNOWN = '\u0001';

/**
 * The parts of a container image reference (`registry/repository:tag@digest`). Parts that
 * depend on deploy-time values keep the marker {@link UNKNOWN}; use {@link isKnown} before
 * comparing them and {@link shown} to print them.
 */
export interface ImageReference {
  /** Registry host; Docker Hub (`docker.io`) when the reference names none. */
  readonly registry: string;
  readonly repository: string;
  /** The tag, or undefined when the reference has none (which means `latest`). */
  readonly tag?: string;
  /** `sha256:<64 hex>` when the reference is pinned by digest. */
  readonly digest?: string;
}

/** Parses a resolved `Image` value: a literal string or a composite string from `Fn::Join`/`Fn::Sub`. Undefined for anything else. */
export function parseImage(value: unknown): ImageReference | undefined {
  const text = typeof value === 'string' ? value.trim() : isOpaque(value) && value.kind === 'composite' ? compositeText(value) : undefined;
  if (text === undefined || text === '') return undefined;
  const at = text.indexOf('@');
  const digestPart = at >= 0 ? text.slice(at + 1) : undefined;
  const nameAndTag = at >= 0 ? text.slice(0, at) : text;
  const lastSlash = nameAndTag.lastIndexOf('/');
  const colon = nameAndTag.indexOf(':', lastSlash + 1);
  const name = colon >= 0 ? nameAndTag.slice(0, colon) : nameAndTag;
  const tag = colon >= 0 ? nameAndTag.slice(colon + 1) : undefined;
  const firstSlash = name.indexOf('/');
  const first = firstSlash >= 0 ? name.slice(0, firstSlash) : undefined;
  const hasRegistry = first !== undefined && (/[.:]/.test(first) || first === 'localhost' || first.includes(UNKNOWN));
  // `${RepositoryUri}:v1` or `${ImageParam}:v1`: the deploy-time part may hold a registry host and a path, so a name
  // without a known slash is not Docker Hub unless it is fully known.
  const registry = hasRegistry ? first! : first === undefined && !isKnown(name) ? UNKNOWN : 'docker.io';
  return {
    registry,
    repository: hasRegistry ? name.slice(firstSlash + 1) : name,
    tag,
    digest: digestPart !== undefined && /^sha256:[0-9a-f]{64}$/.test(digestPart) ? digestPart : undefined,
  };
}

/** True when the part contains no deploy-time value. */
export function isKnown(part: string): boolean {
  return !part.includes(UNKNOWN);
}

/** A part for messages: deploy-time values as `<…>`. */
export function shown(part: string): string {
  return part.split(UNKNOWN).join('<…>');
}

/** `registry/repository` for messages; only the repository part when the registry is deploy-time (it is inside it). */
export function imageName(image: ImageReference): string {
  return isKnown(image.registry) ? `${image.registry}/${shown(image.repository)}` : shown(image.repository);
}

/** True for Amazon ECR hosts (private, including the deploy account's `<account>.dkr.ecr.<region>…`, and ECR Public). */
export function isEcrRegistry(registry: string): boolean {
  return /\.dkr\.ecr(-fips)?\./.test(registry) || registry === 'public.ecr.aws';
}

function compositeText(value: Opaque): string {
  return (value.details.parts ?? []).map((part) => (typeof part === 'string' ? part : UNKNOWN)).join('');
}
