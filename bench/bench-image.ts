// The image both benchmark variants run, pinned by digest: the hardened constructs reject mutable tags (TD-25),
// and the stock variant uses the same reference so that both templates differ only in how they are built.
export const BENCH_IMAGE = `public.ecr.aws/nginx/nginx@sha256:${'0123456789abcdef'.repeat(4)}`;
