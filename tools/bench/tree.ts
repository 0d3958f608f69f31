// Generates an environment repository tree for benchmarks: `files` YAML files in folders of 100,
// of which `referencing` use the target image; the rest are other workloads, services and config.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TARGET_IMAGE = 'ghcr.io/acme/target';

function workload(name: string, image: string): string {
  return `# ${name}: generated for the benchmark
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: ${name}
          image: ${image}
          ports:
            - containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info
`;
}

function service(name: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
    - port: 80
      targetPort: 8080
`;
}

/** Writes the tree and returns the paths (relative) of the files that reference the target image. */
export function generateTree(root: string, files: number, referencing: number, tag: string): string[] {
  const every = Math.floor(files / referencing);
  const referencingPaths: string[] = [];
  for (let index = 0; index < files; index++) {
    const dir = join(root, `apps/group-${String(Math.floor(index / 100)).padStart(3, '0')}`);
    if (index % 100 === 0) mkdirSync(dir, { recursive: true });
    const name = `svc-${index}`;
    const path = join(dir, `${name}.yaml`);
    let text: string;
    if (index % every === 0 && referencingPaths.length < referencing) {
      text = workload(name, `${TARGET_IMAGE}:${tag}`);
      referencingPaths.push(path.slice(root.length + 1));
    } else if (index % 3 === 0) {
      text = service(name);
    } else {
      text = workload(name, `ghcr.io/acme/other-${index % 50}:1.0.${index % 7}`);
    }
    writeFileSync(path, text);
  }
  return referencingPaths;
}
