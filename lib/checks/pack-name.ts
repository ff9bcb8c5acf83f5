/** Prefix of every rule id reported by the cdk-nag pack: `HardenedECS-TD-02[Container::web]`. */
export const PACK_NAME = 'HardenedECS';
