import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/**
 * The real Resonate server behind `/resonate`, when the user has one: `resonate dev` (in memory, like the embedded
 * model) started on a free loopback port, answered through the app's proxy, stopped when the app stops.
 * - RESONATE_BIN=/path/to/resonate: that binary.
 * - RESONATE_EMBEDDED=real: `resonate` from the PATH.
 * - RESONATE_EMBEDDED=model (or nothing): the embedded model.
 */

export type RealServerChoice = { binary: string; reason: 'RESONATE_BIN' | 'PATH' };

export type RealServer = {
  /** http://127.0.0.1:<port> */
  url: string;
  binary: string;
  /** "0.9.5", from `resonate --version`; null when it did not say. */
  version: string | null;
  /** Stops the server (SIGTERM, then SIGKILL after a grace period); resolves when it has exited. */
  stop(): Promise<void>;
};

const isExecutable = (path: string): boolean => {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** `resonate` on the PATH, or null. */
export function findOnPath(name: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** Which binary the environment asks for, or null for the embedded model. Throws when the ask cannot be met. */
export function chooseRealServer(env: Record<string, string | undefined>): RealServerChoice | null {
  const bin = env.RESONATE_BIN?.trim();
  const mode = env.RESONATE_EMBEDDED?.trim().toLowerCase();
  if (mode !== undefined && mode !== '' && mode !== 'real' && mode !== 'model') {
    throw new Error(`RESONATE_EMBEDDED must be "real" or "model", not "${env.RESONATE_EMBEDDED ?? ''}"`);
  }
  if (mode === 'model') return null;
  if (bin) {
    if (!isExecutable(bin)) throw new Error(`RESONATE_BIN=${bin} is not an executable file`);
    return { binary: bin, reason: 'RESONATE_BIN' };
  }
  if (mode === 'real') {
    const found = findOnPath('resonate', env.PATH ?? process.env.PATH ?? '');
    if (!found) throw new Error('RESONATE_EMBEDDED=real, but there is no `resonate` on the PATH (or set RESONATE_BIN to its path)');
    return { binary: found, reason: 'PATH' };
  }
  return null;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** "0.9.5" out of `resonate --version` ("resonate 0.9.5"), or null. */
export function readVersion(binary: string): string | null {
  try {
    const out = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 5000 });
    const m = /(\d+\.\d+\.\d+(?:[-+][\w.]+)?)/.exec(`${out.stdout ?? ''} ${out.stderr ?? ''}`);
    return m?.[1] ?? null;
  } catch {
    return null;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

export type StartOptions = { port?: number; readyTimeoutMs?: number; onLog?: (line: string) => void };

/** The arguments of `resonate dev` on a loopback port, metrics off. */
export const devArgs = (port: number): string[] => ['dev', '--server-bind', '127.0.0.1', '--server-host', '127.0.0.1', '--server-port', String(port), '--observability-metrics-port', '0'];

/** Starts `<binary> dev` and waits until it answers GET /health. */
export async function startResonateDev(binary: string, options: StartOptions = {}): Promise<RealServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const version = readVersion(binary);
  const env = { ...process.env };
  delete env.RESONATE_BIN;
  delete env.RESONATE_EMBEDDED;
  const child: ChildProcess = spawn(binary, devArgs(port), { stdio: ['ignore', 'pipe', 'pipe'], env });
  let exited: string | null = null;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = signal ? `signal ${signal}` : `exit code ${String(code)}`;
      resolve();
    });
    child.once('error', (e) => {
      exited = e.message;
      resolve();
    });
  });
  const log = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') options.onLog?.(line);
  };
  child.stdout?.on('data', log);
  child.stderr?.on('data', log);

  // The app going away takes `resonate dev` with it: on exit, and on the signals that end it.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    child.kill('SIGTERM');
    unhook();
    // Nobody else handles it: end the app as the signal would have.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const unhook = (): void => {
    process.removeListener('exit', killOnExit);
    for (const s of signals) process.removeListener(s, onSignal);
  };
  process.once('exit', killOnExit);
  for (const s of signals) process.once(s, onSignal);

  const stop = async (): Promise<void> => {
    unhook();
    if (exited === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exit;
      clearTimeout(timer);
    }
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
  while (!(await healthy(url))) {
    if (exited !== null) throw new Error(`${binary} dev stopped before it answered (${String(exited)})`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${binary} dev did not answer ${url}/health in time`);
    }
    await sleep(100);
  }
  return { url, binary, version, stop };
}

/** "resonate dev 0.9.5 on this machine" */
export const describeRealServer = (s: Pick<RealServer, 'version'>): string => `resonate dev${s.version ? ` ${s.version}` : ''} on this machine`;
