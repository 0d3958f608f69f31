// API versions Kubernetes stopped serving, with the minor release that removed them (from the
// Kubernetes deprecated API migration guide). kubernetes-models keeps their schemas for old clusters,
// so whether an apiVersion is served at the chosen Kubernetes version is decided here.

/** `group/version` or `group/version Kind` -> the 1.x minor that removed it. */
const REMOVED: Record<string, number> = {
  'extensions/v1beta1': 16,
  'extensions/v1beta1 Ingress': 22,
  'apps/v1beta1': 16,
  'apps/v1beta2': 16,
  'networking.k8s.io/v1beta1': 22,
  'rbac.authorization.k8s.io/v1beta1': 22,
  'admissionregistration.k8s.io/v1beta1': 22,
  'apiextensions.k8s.io/v1beta1': 22,
  'apiregistration.k8s.io/v1beta1': 22,
  'authentication.k8s.io/v1beta1': 22,
  'authorization.k8s.io/v1beta1': 22,
  'certificates.k8s.io/v1beta1': 22,
  'coordination.k8s.io/v1beta1': 22,
  'scheduling.k8s.io/v1beta1': 22,
  'storage.k8s.io/v1beta1': 22,
  'storage.k8s.io/v1beta1 CSIStorageCapacity': 27,
  'batch/v1beta1': 25,
  'policy/v1beta1': 25,
  'autoscaling/v2beta1': 25,
  'autoscaling/v2beta2': 26,
  'discovery.k8s.io/v1beta1': 25,
  'events.k8s.io/v1beta1': 25,
  'node.k8s.io/v1beta1': 25,
  'flowcontrol.apiserver.k8s.io/v1beta1': 26,
  'flowcontrol.apiserver.k8s.io/v1beta2': 29,
  'flowcontrol.apiserver.k8s.io/v1beta3': 32,
};

/** The minor version that removed this apiVersion/kind, or undefined when it is still served. */
export function removedIn(apiVersion: string, kind: string): number | undefined {
  return REMOVED[`${apiVersion} ${kind}`] ?? REMOVED[apiVersion];
}

/** Parses `1.34`, `v1.34.0` into the minor number 34; undefined when it is not a 1.x version. */
export function kubernetesMinor(version: string): number | undefined {
  const match = /^v?1\.(\d{1,3})(?:\.\d+)?$/.exec(version.trim());
  return match ? Number(match[1]) : undefined;
}
