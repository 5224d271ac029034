import { stringify } from 'yaml';
import { baseFiles, SETTINGS_CONFIG_MAP, SHARED_SETTINGS, type Manifest } from './manifests.js';

const HEADER = '# Written by `npm run deploy:manifests` from infra/deploy/src/manifests.ts: edit that, not this.\n';

/** A file of several manifests, as `kubectl` reads them. */
export const yamlOf = (manifests: Manifest[]) =>
  HEADER + manifests.map((manifest) => stringify(manifest, { lineWidth: 0 })).join('---\n');

/** The base's files, with its kustomization, as text by file name. */
export function baseYamlFiles(): Record<string, string> {
  const files = baseFiles();
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    labels: [{ pairs: { 'app.kubernetes.io/part-of': 'nuage-public' } }],
    resources: Object.keys(files),
    // A generated ConfigMap (its name carries a hash of its content): a change of settings rolls the pods.
    configMapGenerator: [{ name: SETTINGS_CONFIG_MAP, envs: ['settings.env'] }],
  };
  return {
    ...Object.fromEntries(Object.entries(files).map(([name, manifests]) => [name, yamlOf(manifests)])),
    'kustomization.yaml': HEADER + stringify(kustomization),
    'settings.env':
      HEADER +
      Object.entries(SHARED_SETTINGS)
        .map(([name, value]) => `${name}=${value}\n`)
        .join(''),
  };
}
