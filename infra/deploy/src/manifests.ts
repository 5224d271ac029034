import { SUBGRAPH_NAMES } from '@nuage/contracts';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { IService } from 'kubernetes-models/v1/Service';

/**
 * The Kubernetes base, as data: the gateway and the five subgraphs as Deployments (probes,
 * resources, spread over nodes), Services, HorizontalPodAutoscalers, PodDisruptionBudgets, the
 * NetworkPolicies; the shared settings are a ConfigMap generated from `settings.env`. `npm run deploy:manifests` writes it as YAML under
 * `infra/deploy/kubernetes/base/`; a test keeps the files equal to it and checks it against the
 * Kubernetes schemas and the services' settings.
 */

/** A manifest of the base, typed by the Kubernetes API's own definitions (an unknown field does not compile). */
export type Manifest = IDeployment | IService | IHorizontalPodAutoscaler | IPodDisruptionBudget | INetworkPolicy;

/** The image every service runs (the service chosen by its first argument); an overlay sets its registry and tag. */
export const IMAGE = 'nuage-public';
/** Every service listens on this port in its pod (HTTP: GraphQL, /health, /ready, /metrics). */
export const PORT = 4000;
/** The Secret an operator creates with the three kinds of keys (README, "Deploying"). */
export const KEYS_SECRET = 'nuage-keys';
/** The Secret CloudNativePG writes for the application user (its `uri` names the server). */
export const DATABASE_SECRET = 'nuage-postgres-app';
/** Optional credentials (SMTP, S3), in a Secret of their own. */
export const INTEGRATIONS_SECRET = 'nuage-integrations';
export const SETTINGS_CONFIG_MAP = 'nuage-settings';

export type ServiceName = 'gateway' | (typeof SUBGRAPH_NAMES)[number];
export const SERVICES: ServiceName[] = ['gateway', ...SUBGRAPH_NAMES];

const labelsOf = (service: ServiceName) => ({
  'app.kubernetes.io/name': `nuage-${service}`,
  'app.kubernetes.io/part-of': 'nuage-public',
  'app.kubernetes.io/component': service === 'gateway' ? 'gateway' : 'subgraph',
});
const selectorOf = (service: ServiceName) => ({ 'app.kubernetes.io/name': `nuage-${service}` });

/** What each service asks of a node, from the benchmark's figures (README, "Capacity"). */
export const RESOURCES: Record<ServiceName, { cpu: string; memory: string; cpuLimit: string; memoryLimit: string }> = {
  gateway: { cpu: '500m', memory: '256Mi', cpuLimit: '2', memoryLimit: '512Mi' },
  catalogue: { cpu: '250m', memory: '256Mi', cpuLimit: '1', memoryLimit: '512Mi' },
  requests: { cpu: '500m', memory: '320Mi', cpuLimit: '2', memoryLimit: '768Mi' },
  ordering: { cpu: '500m', memory: '320Mi', cpuLimit: '2', memoryLimit: '768Mi' },
  incidents: { cpu: '250m', memory: '256Mi', cpuLimit: '1', memoryLimit: '512Mi' },
  consumption: { cpu: '500m', memory: '320Mi', cpuLimit: '2', memoryLimit: '768Mi' },
};

const fromSecret = (name: string, secret: string, key: string, optional = false): IEnvVar => ({
  name,
  valueFrom: { secretKeyRef: { name: secret, key, ...(optional ? { optional: true } : {}) } },
});

/** The variables each service takes from Secrets (the rest comes from the shared ConfigMap). */
export function secretEnvironment(service: ServiceName): IEnvVar[] {
  const keys = [
    fromSecret('IDENTITY_SIGNING_KEYS', KEYS_SECRET, 'identity-signing-keys'),
    fromSecret('METRICS_TOKENS', KEYS_SECRET, 'metrics-tokens'),
  ];
  if (service === 'gateway') return keys;
  return [
    ...keys,
    fromSecret('EVENT_SIGNING_KEYS', KEYS_SECRET, 'event-signing-keys'),
    fromSecret('DATABASE_URL', DATABASE_SECRET, 'uri'),
    ...(service === 'requests' ? [fromSecret('SMTP_URL', INTEGRATIONS_SECRET, 'smtp-url', true)] : []),
    ...(service === 'requests' || service === 'ordering' || service === 'incidents'
      ? [
          fromSecret('S3_ACCESS_KEY_ID', INTEGRATIONS_SECRET, 's3-access-key-id', true),
          fromSecret('S3_SECRET_ACCESS_KEY', INTEGRATIONS_SECRET, 's3-secret-access-key', true),
        ]
      : []),
  ];
}

/** The settings every pod reads from the shared ConfigMap (each service ignores those it does not know). */
export const SHARED_SETTINGS: Record<string, string> = {
  NUAGE_ENV: 'production',
  HOST: '0.0.0.0',
  PORT: String(PORT),
  LOG_LEVEL: 'info',
  DATABASE_PREFIX: 'nuage',
  FILE_STORE: 'postgres',
  // The only writable place in a pod (an emptyDir): emails land here only if no SMTP server is set.
  DATA_DIR: '/tmp/nuage',
  AUTH_ISSUER: 'https://identite.example.gouv.fr',
  AUTH_AUDIENCE: 'nuage-public-api',
  AUTH_JWKS_URL: 'https://identite.example.gouv.fr/.well-known/jwks.json',
  GATEWAY_PUBLIC_URL: 'https://api.nuage-public.example.gouv.fr',
  ...Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [`SUBGRAPH_URL_${name.toUpperCase()}`, `http://nuage-${name}:${PORT}/graphql`]),
  ),
};

const probe = (path: string, periodSeconds: number, failureThreshold: number): IProbe => ({
  httpGet: { path, port: 'http' },
  periodSeconds,
  timeoutSeconds: 2,
  failureThreshold,
});

const SECURITY: IContainer['securityContext'] = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

function deployment(service: ServiceName): IDeployment {
  const resources = RESOURCES[service];
  const subgraph = service !== 'gateway';
  const container = (name: string, args: string[]): IContainer => ({
    name,
    image: IMAGE,
    args,
    envFrom: [{ configMapRef: { name: SETTINGS_CONFIG_MAP } }],
    env: [
      ...secretEnvironment(service),
      // Migrations and seed run in the init container, once per rollout (under a lock), not at each start.
      ...(subgraph && name === service ? [{ name: 'DATABASE_MIGRATE_ON_START', value: 'off' }] : []),
      { name: 'OTEL_SERVICE_NAME', value: `nuage-${service}` },
    ],
    resources: {
      requests: { cpu: resources.cpu, memory: resources.memory },
      limits: { cpu: resources.cpuLimit, memory: resources.memoryLimit },
    },
    securityContext: SECURITY,
    volumeMounts: [{ name: 'scratch', mountPath: '/tmp' }],
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `nuage-${service}`, labels: labelsOf(service) },
    spec: {
      replicas: 2,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorOf(service) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: labelsOf(service) },
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
          // A stop lets in-flight requests finish (the services close their server on SIGTERM).
          terminationGracePeriodSeconds: 30,
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: selectorOf(service) },
            },
          ],
          ...(subgraph ? { initContainers: [{ ...container('migrate', [service, 'migrate']) }] } : {}),
          containers: [
            {
              ...container(service, [service]),
              ports: [{ name: 'http', containerPort: PORT, protocol: 'TCP' }],
              startupProbe: probe('/health', 2, 60),
              livenessProbe: probe('/health', 10, 3),
              readinessProbe: probe('/ready', 5, 2),
            },
          ],
          volumes: [{ name: 'scratch', emptyDir: { sizeLimit: '256Mi' } }],
        },
      },
    },
  };
}

function service(name: ServiceName): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `nuage-${name}`, labels: labelsOf(name) },
    spec: {
      type: 'ClusterIP',
      selector: selectorOf(name),
      ports: [{ name: 'http', port: PORT, targetPort: 'http', protocol: 'TCP' }],
    },
  };
}

function autoscaler(name: ServiceName): IHorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: `nuage-${name}`, labels: labelsOf(name) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: `nuage-${name}` },
      minReplicas: 2,
      maxReplicas: name === 'gateway' ? 12 : 8,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
      ],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    },
  };
}

function disruptionBudget(name: ServiceName): IPodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: `nuage-${name}`, labels: labelsOf(name) },
    spec: { minAvailable: 1, selector: { matchLabels: selectorOf(name) } },
  };
}

/**
 * Who may reach whom: nothing by default; the gateway from anywhere (the ingress); a subgraph from
 * the gateway only (the event engine is PostgreSQL, which the subgraphs call, never the reverse),
 * and from the monitoring namespace for `/metrics` (which still needs its token).
 */
function networkPolicies(): INetworkPolicy[] {
  const port = [{ protocol: 'TCP' as const, port: PORT }];
  const monitoring = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } };
  return [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'nuage-default-deny-ingress' },
      spec: { podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'nuage-public' } }, policyTypes: ['Ingress'] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'nuage-gateway-ingress' },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/component': 'gateway' } },
        policyTypes: ['Ingress'],
        ingress: [{ ports: port }],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'nuage-subgraphs-from-gateway' },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/component': 'subgraph' } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/component': 'gateway' } } }, monitoring],
            ports: port,
          },
        ],
      },
    },
  ];
}

/** The base's files and what each holds. */
export function baseFiles(): Record<string, Manifest[]> {
  return {
    'network-policies.yaml': networkPolicies(),
    ...Object.fromEntries(
      SERVICES.map((name) => [
        `${name}.yaml`,
        [deployment(name), service(name), autoscaler(name), disruptionBudget(name)],
      ]),
    ),
  };
}
