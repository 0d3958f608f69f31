// npm run local-cluster: builds the binaries if they are not cached, starts the local cluster, prints
// `KUBECONFIG=<path>` as the first line of stdout once it is ready, and runs until Ctrl-C or SIGTERM,
// then stops every process it started and removes its folder. Progress goes to stderr.
import { ensureBinaries } from './build.js';
import { startCluster } from './cluster.js';

const log = (line: string) => process.stderr.write(`local-cluster: ${line}\n`);

async function main(): Promise<number> {
  const abort = new AbortController();
  const stopSignal = new Promise<NodeJS.Signals>((resolve) => {
    for (const name of ['SIGINT', 'SIGTERM'] as const) {
      process.once(name, () => {
        abort.abort();
        resolve(name);
      });
    }
  });
  const { binDir, built } = ensureBinaries();
  if (built) log(`built the binaries into ${binDir}`);
  const cluster = await startCluster({ binDir, log, signal: abort.signal });
  log(`ready in ${(cluster.readyAfterMs / 1000).toFixed(1)} s: ${cluster.server}; Ctrl-C stops it`);
  process.stdout.write(`KUBECONFIG=${cluster.kubeconfig}\n`);
  const outcome = await Promise.race([stopSignal, cluster.failed]);
  if (outcome instanceof Error) {
    await cluster.stop();
    log('stopped the other components and removed the folder');
    return 1;
  }
  log(`${outcome}: stopping`);
  await cluster.stop();
  log('stopped, folder removed');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    log(error.message);
    process.exit(1);
  },
);
