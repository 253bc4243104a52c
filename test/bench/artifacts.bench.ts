import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AdapterPeer, BareHttpPeer } from './artifacts-peers.js';
import { ArtifactApi } from './artifacts-platform.js';
import { reportResult, round } from './bench-result.js';

/**
 * `npm run bench -- artifacts`: a 1 GB model artifact uploaded (PUT) and downloaded (GET), streamed
 * through the whole platform (HTTP, access guard, the registry's use case, the filesystem object
 * store with its SHA-256 and fsync), against writing and reading the same bytes through the storage
 * adapter directly, in the same run; bare node:http over the same adapter is measured beside them
 * as the transport's ceiling, and its GET again from memory (no file read) as loopback's. Rounds
 * alternate them all so load drift on a shared host spreads over all; medians are reported. Goals: API/adapter >= 0.8 both ways, app RSS growth < 50 MB.
 */
const SIZE = Number(process.env.BENCH_ARTIFACT_MB ?? 1024) * 1024 * 1024;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MB = 1_000_000;

type Measure =
  'apiUpload' | 'apiDownload' | 'adapterWrite' | 'adapterRead' | 'bareUpload' | 'bareDownload' | 'loopbackDownload';

async function main(): Promise<void> {
  const directories = await Promise.all(
    ['app', 'adapter', 'bare'].map((name) => mkdtemp(join(tmpdir(), `bench-artifacts-${name}-`))),
  );
  const [appDirectory, adapterDirectory, bareDirectory] = directories;
  const api = await ArtifactApi.start(appDirectory, ROUNDS);
  const bare = await BareHttpPeer.start(bareDirectory);
  const adapter = new AdapterPeer(adapterDirectory);
  const rates: Record<Measure, number[]> = {
    apiUpload: [],
    apiDownload: [],
    adapterWrite: [],
    adapterRead: [],
    bareUpload: [],
    bareDownload: [],
    loopbackDownload: [],
  };
  const growth = { upload: 0, download: 0 };
  const measure = async (name: Measure, work: () => Promise<unknown>): Promise<void> => {
    const started = performance.now();
    await work();
    rates[name].push(SIZE / MB / ((performance.now() - started) / 1000));
  };
  const uploads = (turn: number): (() => Promise<void>)[] => [
    () => measure('adapterWrite', () => adapter.write(SIZE)),
    async () => {
      const rise = await api.rssGrowthWhile(() => measure('apiUpload', () => api.upload(turn, SIZE)));
      growth.upload = Math.max(growth.upload, rise);
    },
    () => measure('bareUpload', () => bare.write(SIZE)),
  ];
  const downloads = (turn: number): (() => Promise<void>)[] => [
    () => measure('adapterRead', () => adapter.read(SIZE)),
    async () => {
      const rise = await api.rssGrowthWhile(() => measure('apiDownload', () => api.download(turn, SIZE)));
      growth.download = Math.max(growth.download, rise);
    },
    () => measure('bareDownload', () => bare.read(SIZE)),
    () => measure('loopbackDownload', () => bare.readFromMemory(SIZE)),
  ];
  try {
    for (let turn = 0; turn < ROUNDS; turn += 1) {
      // Each round starts at the next one: a host that writes slower after a burst (or reads faster
      // once warm) must not always favour whoever goes first.
      for (const step of rotated(uploads(turn), turn)) await step();
      for (const step of rotated(downloads(turn), turn)) await step();
    }
  } finally {
    await bare.stop();
    await api.stop();
    await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
  }
  const median = (name: Measure) => round([...rates[name]].sort((a, b) => a - b)[Math.floor(rates[name].length / 2)]);
  const uploadRatio = median('apiUpload') / median('adapterWrite');
  const downloadRatio = median('apiDownload') / median('adapterRead');
  reportResult({
    name: 'artifacts',
    ours: median('apiUpload'),
    peer: median('adapterWrite'),
    unit: 'MB/s, upload through the API vs put through the storage adapter (medians)',
    ratio: round(uploadRatio, 3),
    download: {
      ours: median('apiDownload'),
      peer: median('adapterRead'),
      unit: 'MB/s, download through the API vs get through the storage adapter (medians)',
      ratio: round(downloadRatio, 3),
    },
    bareHttpCeiling: {
      upload: median('bareUpload'),
      download: median('bareDownload'),
      apiShareOfUpload: round(median('apiUpload') / median('bareUpload'), 3),
      apiShareOfDownload: round(median('apiDownload') / median('bareDownload'), 3),
      // The same GET sent from memory: what any download over loopback HTTP could reach here.
      downloadFromMemory: median('loopbackDownload'),
    },
    rounds: Object.fromEntries(
      Object.entries(rates).map(([name, values]) => [name, values.map((value) => round(value))]),
    ),
    bytes: SIZE,
    appRssGrowthMB: { upload: round(growth.upload / MB, 1), download: round(growth.download / MB, 1) },
    goals: { ratioAtLeast: 0.8, rssGrowthBelowMB: 50 },
    goalsMet: Math.min(uploadRatio, downloadRatio) >= 0.8 && Math.max(growth.upload, growth.download) / MB < 50,
  });
}

function rotated<T>(items: readonly T[], by: number): T[] {
  const start = by % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

await main();
