import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { NetworkPolicy, type INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { SUBGRAPH_NAMES } from '@nuage/contracts';
import { GATEWAY_SETTINGS } from '@nuage/gateway';
import { readSettings, SUBGRAPH_SETTINGS, type SettingsSpec } from '@nuage/platform';
import { loadDefinition } from '@nuage/stack';
import { IMAGE, SERVICES, type ServiceName } from '../src/manifests.js';
import { settingsReference } from '../src/settings-reference.js';
import { baseYamlFiles } from '../src/yaml-files.js';

const folder = (path: string) => fileURLToPath(new URL(`../kubernetes/${path}`, import.meta.url));
const read = (path: string) => readFileSync(folder(path), 'utf8');
type Document = { apiVersion: string; kind: string; metadata: { name: string } } & Record<string, unknown>;
const documentsOf = (path: string): Document[] =>
  parseAllDocuments(read(path)).map((document) => document.toJS() as Document);
const envFile = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

const kustomization = (path: string) => documentsOf(`${path}/kustomization.yaml`)[0] as Record<string, any>;
const base = kustomization('base');
const production = kustomization('overlays/production');
const baseDocuments = (base.resources as string[]).flatMap((file) => documentsOf(`base/${file}`));
const overlayDocuments = (production.resources as string[])
  .filter((resource) => !resource.startsWith('..'))
  .flatMap((file) => documentsOf(`overlays/production/${file}`));
const all = [...baseDocuments, ...overlayDocuments];
const deployments = baseDocuments.filter((d) => d.kind === 'Deployment') as unknown as IDeployment[];
const deploymentOf = (service: ServiceName) => deployments.find((d) => d.metadata!.name === `nuage-${service}`)!;

/** The Kubernetes API's schemas, through kubernetes-models (types, required fields, enums). */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'v1/Namespace': Namespace,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

/** No schema of CloudNativePG ships in any package here: the fields this product relies on, checked by hand. */
const CNPG: Record<string, z.ZodType> = {
  'postgresql.cnpg.io/v1/Cluster': z.object({
    spec: z.object({
      instances: z.number().int().min(1),
      imageName: z.string().regex(/postgresql:\d+/),
      storage: z.object({ size: z.string().regex(/^\d+(Gi|Ti)$/) }),
      bootstrap: z.object({ initdb: z.object({ database: z.string(), owner: z.string() }) }),
    }),
  }),
  'postgresql.cnpg.io/v1/Database': z.object({
    spec: z.object({ cluster: z.object({ name: z.string() }), name: z.string(), owner: z.string() }),
  }),
};

/** Values of the right shape for what pods read from Secrets (keys: any 43 characters). */
const SECRET_STAND_INS: Record<string, string> = {
  DATABASE_URL: 'postgres://nuage:secret@nuage-postgres-rw:5432/nuage_catalogue',
  SMTP_URL: 'smtp://nuage:secret@smtp.example.gouv.fr:587',
};

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The settings a service's process reads, from its own module. */
async function settingsOf(service: ServiceName): Promise<SettingsSpec> {
  if (service === 'gateway') return GATEWAY_SETTINGS;
  return { ...SUBGRAPH_SETTINGS, ...(await loadDefinition(service)).settings };
}

describe('the Kubernetes manifests', () => {
  it('are the files `npm run deploy:manifests` writes from infra/deploy/src/manifests.ts', () => {
    const expected = baseYamlFiles();
    expect(readdirSync(folder('base')).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, text] of Object.entries(expected)) expect(read(`base/${name}`), name).toBe(text);
  });

  it('each validate against the Kubernetes API schemas (or, for CloudNativePG, the fields relied on)', () => {
    for (const document of all) {
      const type = `${document.apiVersion}/${document.kind}`;
      const label = `${type} ${document.metadata.name}`;
      expect(document.metadata.name, label).toMatch(DNS_LABEL);
      if (CNPG[type]) expect(CNPG[type]!.safeParse(document).error, label).toBeUndefined();
      else {
        expect(MODELS[type], `${label} has a schema`).toBeDefined();
        expect(() => new MODELS[type]!(document as never).validate(), label).not.toThrow();
      }
    }
  });

  it('run every service: a Deployment with probes, resources, a non-root read-only container, a Service, an autoscaler and a disruption budget', () => {
    for (const service of SERVICES) {
      const name = `nuage-${service}`;
      const deployment = deploymentOf(service);
      const pod = deployment.spec!.template.spec!;
      const [container] = pod.containers;
      expect(container!.args?.[0]).toBe(service);
      expect(container!.image).toBe(IMAGE);
      expect(container!.readinessProbe?.httpGet?.path).toBe('/ready');
      expect(container!.livenessProbe?.httpGet?.path).toBe('/health');
      expect(container!.resources?.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container!.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      });
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      // Probes name the container's port; the Service targets it and selects this Deployment's pods.
      expect(container!.ports!.map((port) => port.name)).toContain(container!.readinessProbe!.httpGet!.port);
      const selector = deployment.spec!.selector.matchLabels!;
      expect(deployment.spec!.template.metadata!.labels).toMatchObject(selector);
      const byKind = (kind: string) => baseDocuments.find((d) => d.kind === kind && d.metadata.name === name) as any;
      expect(byKind('Service').spec.selector).toEqual(selector);
      expect(container!.ports!.map((port) => port.name)).toContain(byKind('Service').spec.ports[0].targetPort);
      expect(byKind('HorizontalPodAutoscaler').spec.scaleTargetRef).toEqual({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name,
      });
      expect(byKind('PodDisruptionBudget').spec.selector.matchLabels).toEqual(selector);
    }
  });

  it('migrate each subgraph once per rollout, in an init container, and start its service without migrating', () => {
    for (const name of SUBGRAPH_NAMES) {
      const pod = deploymentOf(name).spec!.template.spec!;
      expect(pod.initContainers?.map((c) => c.args)).toEqual([[name, 'migrate']]);
      expect(pod.containers[0]!.env).toContainEqual({ name: 'DATABASE_MIGRATE_ON_START', value: 'off' });
    }
    expect(deploymentOf('gateway').spec!.template.spec!.initContainers).toBeUndefined();
  });

  it('let subgraphs be reached from the gateway (and the monitoring namespace) only', () => {
    const policies = baseDocuments.filter((d) => d.kind === 'NetworkPolicy') as unknown as INetworkPolicy[];
    const subgraphs = policies.filter(
      (p) => p.spec!.podSelector!.matchLabels?.['app.kubernetes.io/component'] === 'subgraph',
    );
    expect(subgraphs).toHaveLength(1);
    expect(subgraphs[0]!.spec!.ingress!.flatMap((rule) => rule.from)).toEqual([
      { podSelector: { matchLabels: { 'app.kubernetes.io/component': 'gateway' } } },
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } },
    ]);
    const denyAll = policies.find((p) => p.metadata!.name === 'nuage-default-deny-ingress')!;
    expect(denyAll.spec!.ingress).toBeUndefined();
    expect(denyAll.spec!.policyTypes).toEqual(['Ingress']);
  });

  it('give every service each setting it requires, only settings it knows, and values it accepts', async () => {
    const shared = envFile(read('base/settings.env'));
    const overlay = envFile(
      (production.configMapGenerator as { literals: string[] }[]).flatMap((g) => g.literals).join('\n'),
    );
    const known = new Set<string>();
    for (const service of SERVICES) {
      const spec = await settingsOf(service);
      for (const name of Object.keys(spec)) known.add(name);
      const container = deploymentOf(service).spec!.template.spec!.containers[0]!;
      const fromPod = Object.fromEntries(
        (container.env ?? []).map((variable) => [
          variable.name,
          // A value from a Secret: any value of the right shape stands for it here.
          variable.value ?? SECRET_STAND_INS[variable.name] ?? 'k'.repeat(43),
        ]),
      );
      for (const name of Object.keys(fromPod)) expect(spec, `${service} reads ${name}`).toHaveProperty(name);
      // The service would start with these: every required setting present, every value valid.
      expect(() => readSettings(service, spec, { ...shared, ...overlay, ...fromPod })).not.toThrow();
    }
    for (const name of [...Object.keys(shared), ...Object.keys(overlay)]) expect(known, name).toContain(name);
  });

  it('are deployed by the production overlay: namespace, image, replicas of Deployments that exist, the PostgreSQL cluster and a database per subgraph and for events', () => {
    expect(production.resources).toContain('../../base');
    expect(production.namespace).toBe('nuage-public');
    expect(production.images.map((image: { name: string }) => image.name)).toEqual([IMAGE]);
    for (const { name } of production.replicas as { name: string }[])
      expect(deployments.map((d) => d.metadata!.name)).toContain(name);
    const cluster = overlayDocuments.find((d) => d.kind === 'Cluster') as any;
    const databases = [
      cluster.spec.bootstrap.initdb.database,
      ...overlayDocuments.filter((d) => d.kind === 'Database').map((d: any) => d.spec.name),
    ];
    expect(databases.sort()).toEqual([...SUBGRAPH_NAMES, 'events'].map((name) => `nuage_${name}`).sort());
    for (const database of overlayDocuments.filter((d) => d.kind === 'Database') as any[])
      expect(database.spec.cluster.name).toBe(cluster.metadata.name);
  });
});

describe('the container image', () => {
  const dockerfile = readFileSync(fileURLToPath(new URL('../Dockerfile', import.meta.url)), 'utf8');
  const entrypoint = readFileSync(fileURLToPath(new URL('../service.sh', import.meta.url)), 'utf8');

  it('runs every service by name, as a non-root user, with a health check', () => {
    for (const service of SERVICES) expect(entrypoint).toMatch(new RegExp(`\\b${service}\\b.*\\) exec node`));
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/health/m);
    // Production dependencies only, and the build of every workspace a service loads.
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    for (const service of SERVICES) {
      const workspace = service === 'gateway' ? 'gateway' : `subgraphs/${service}`;
      expect(dockerfile).toContain(`COPY --from=build /app/${workspace}/dist ${workspace}/dist`);
    }
  });
});

describe("the README's configuration reference", () => {
  it('is the table of every setting the services read, as their settings modules declare them', async () => {
    const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
    const reference = await settingsReference();
    expect(readme.includes(reference), 'run `npm run deploy:manifests`').toBe(true);
    for (const name of Object.keys(GATEWAY_SETTINGS)) expect(reference).toContain(`| \`${name}\` |`);
  });
});
