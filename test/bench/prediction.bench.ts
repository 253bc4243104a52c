import { linearModel, twoLayerModel } from '../support/prediction/linear-model.js';
import { reportResult, round } from './bench-result.js';
import { profiled } from './inspector-profile.js';
import { closedLoop, medianRun, warmUp, type HttpCall, type LoadFigures } from './http-load.js';
import { BareFastifyRoute, SessionRunLoop, type SessionFigures } from './prediction-peers.js';
import { PredictionPlatform, type Serving } from './prediction-platform.js';

/**
 * `npm run bench -- prediction`, three ratios each measured in the same run, issue 13's goals:
 * - a cached `POST /v2/models/{m}/infer` (answered from Redis) against a bare Fastify route in the
 *   same process answering the same JSON, CLIENTS callers each (goal >= 0.7x requests/s);
 * - an uncached in-process ONNX infer, one caller, against `session.run` awaited in a loop with
 *   the same input (goal: added p50 <= 1 ms, added p99 <= 3 ms);
 * - micro-batching on against off, 64 callers (goal >= 2x requests/s at no worse p95), both sides
 *   with the same wide model y = (x·W1)·W2 + b (W1 FEATURES x HIDDEN, W2 HIDDEN x FEATURES) and
 *   the same inputs: batching saves the weights' cost per call, which the small model has too
 *   little of to show (its figure is reported beside, as `tinyModelBatching`).
 * The first two use y = x·W + b with W of FEATURES x FEATURES, one row per request. Each pair runs
 * ROUNDS times, alternating which side goes first, and the median round of each side is kept, so
 * drift in a shared host's load does not all land on one side of a ratio.
 */
const FEATURES = Number(process.env.BENCH_PREDICTION_FEATURES ?? 64);
const HIDDEN = Number(process.env.BENCH_PREDICTION_HIDDEN ?? 16384);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLIENTS = 16;
const BATCH_CLIENTS = 64;
// Where CPU profiles of this process under the last cached and batched rounds go (`cached`, `batched`); empty: none.
const CPU_PROF_DIR = (process.env.BENCH_CPU_PROF_DIR ?? '') === '' ? undefined : process.env.BENCH_CPU_PROF_DIR;
const GOALS = { cachedRatioAtLeast: 0.7, addedP50MsAtMost: 1, addedP99MsAtMost: 3, batchingRatioAtLeast: 2 };

const OFF: Serving = {
  cache: { enabled: false, ttlSeconds: 300 },
  batching: { enabled: false, maxSize: 64, maxWaitMs: 2 },
};
const CACHED: Serving = { ...OFF, cache: { enabled: true, ttlSeconds: 3600 } };
const BATCHED: Serving = { ...OFF, batching: { enabled: true, maxSize: BATCH_CLIENTS, maxWaitMs: 2 } };

// Any weights do; these are fixed so every run computes the same answers.
const WEIGHTS = Array.from({ length: FEATURES }, (_, row) =>
  Array.from({ length: FEATURES }, (_, column) => (((row * 7 + column * 3) % 11) - 5) / 10),
);
const BIAS = Array.from({ length: FEATURES }, (_, column) => column / FEATURES);
const WIDE_IN = Array.from({ length: FEATURES }, (_, row) =>
  Array.from({ length: HIDDEN }, (_, column) => (((row * 5 + column * 7) % 13) - 6) / 100),
);
const WIDE_OUT = Array.from({ length: HIDDEN }, (_, row) =>
  Array.from({ length: FEATURES }, (_, column) => (((row * 3 + column * 11) % 17) - 8) / 100),
);
const ROW = Array.from({ length: FEATURES }, (_, column) => (column % 5) / 4);
const SIGNATURE = {
  inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, FEATURES] }],
  outputs: [{ name: 'y', datatype: 'FP32', shape: [-1, FEATURES] }],
};
const BODY = { inputs: [{ name: 'x', shape: [1, FEATURES], datatype: 'FP32', data: [ROW] }] };

/** Each side of a pair once per round, the first side alternating; the median round of each. */
async function alternate<A, B>(first: () => Promise<A>, second: () => Promise<B>): Promise<{ a: A[]; b: B[] }> {
  const runs = { a: [] as A[], b: [] as B[] };
  for (let turn = 0; turn < ROUNDS; turn += 1) {
    if (turn % 2 === 0) {
      runs.a.push(await first());
      runs.b.push(await second());
    } else {
      runs.b.push(await second());
      runs.a.push(await first());
    }
  }
  return runs;
}

const times = (row: readonly number[], weights: readonly (readonly number[])[]): number[] =>
  weights[0].map((_, column) => row.reduce((sum, x, index) => sum + x * weights[index][column], 0));

/** The answer must be what the model computes for the row sent, or the bench would time a wrong computation. */
function checkAnswer(answer: unknown, expected: readonly number[], model: string): void {
  const data = (answer as { outputs?: { data?: number[] }[] }).outputs?.[0]?.data ?? [];
  // float32 sums over HIDDEN terms drift from the float64 reference: a relative tolerance.
  const off = (value: number, index: number) =>
    Math.abs(value - expected[index]) > 1e-4 * Math.max(1, Math.abs(expected[index]));
  if (data.length !== expected.length || data.some(off))
    throw new Error(`the model answered ${JSON.stringify(data)}, not ${model} = ${JSON.stringify(expected)}`);
}

const medianSession = (runs: SessionFigures[]): SessionFigures =>
  [...runs].sort((a, b) => a.callsPerSecond - b.callsPerSecond)[Math.floor(runs.length / 2)];

const perSecond = (run: LoadFigures): number => run.requestsPerSecond;

const failuresOf = (runs: LoadFigures[]): number => runs.reduce((sum, run) => sum + run.failures, 0);

async function main(): Promise<void> {
  const artifact = linearModel(WEIGHTS, BIAS);
  const platform = await PredictionPlatform.start(artifact, SIGNATURE);
  const wideVersion = await platform.register(twoLayerModel(WIDE_IN, WIDE_OUT, BIAS), SIGNATURE);
  const session = await SessionRunLoop.load(artifact);
  let bare: BareFastifyRoute | undefined;
  try {
    await platform.deploy('cached', CACHED);
    await platform.deploy('plain', OFF);
    await platform.deploy('batched', BATCHED);
    await platform.deploy('wide-plain', OFF, wideVersion);
    await platform.deploy('wide-batched', BATCHED, wideVersion);
    const cachedCall = platform.inferCall('cached', BODY);
    const answer = await platform.answer('cached', BODY);
    const bias = (values: number[]) => values.map((value, column) => value + BIAS[column]);
    checkAnswer(answer, bias(times(ROW, WEIGHTS)), 'x·W + b');
    for (const name of ['wide-plain', 'wide-batched'])
      checkAnswer(await platform.answer(name, BODY), bias(times(times(ROW, WIDE_IN), WIDE_OUT)), '(x·W1)·W2 + b');
    bare = await BareFastifyRoute.start(answer);
    const bareCall: HttpCall = { url: bare.url, method: 'POST', body: JSON.stringify(BODY) };

    const [plain, batched] = [platform.inferCall('plain', BODY), platform.inferCall('batched', BODY)];
    const [widePlain, wideBatched] = [platform.inferCall('wide-plain', BODY), platform.inferCall('wide-batched', BODY)];
    for (const call of [cachedCall, bareCall, plain, batched, widePlain, wideBatched]) await warmUp(call, CLIENTS);
    const cached = await alternate(
      () => profiled(CPU_PROF_DIR, 'cached', () => closedLoop(cachedCall, CLIENTS, SECONDS)),
      () => closedLoop(bareCall, CLIENTS, SECONDS),
    );
    const uncached = await alternate(
      () => closedLoop(plain, 1, SECONDS),
      () => session.measure(ROW, SECONDS),
    );
    const batchedBefore = await platform.batchCalls();
    const batching = await alternate(
      () => profiled(CPU_PROF_DIR, 'batched', () => closedLoop(wideBatched, BATCH_CLIENTS, SECONDS)),
      () => closedLoop(widePlain, BATCH_CLIENTS, SECONDS),
    );
    const batchedAfter = await platform.batchCalls();
    const tinyBatching = await alternate(
      () => closedLoop(batched, BATCH_CLIENTS, SECONDS),
      () => closedLoop(plain, BATCH_CLIENTS, SECONDS),
    );

    // A cache that never hit would make the "cached" figures uncached ones under another name.
    if ((await platform.cacheHits()) < cached.a.reduce((sum, run) => sum + run.requests, 0))
      throw new Error('the cached deployment answered from its cache less often than it was called');
    const [ours, bareFigures] = [medianRun(cached.a), medianRun(cached.b)];
    const [infer, loop] = [medianRun(uncached.a), medianSession(uncached.b)];
    const [on, off] = [medianRun(batching.a), medianRun(batching.b)];
    const [tinyOn, tinyOff] = [medianRun(tinyBatching.a), medianRun(tinyBatching.b)];
    const cachedRatio = round(ours.requestsPerSecond / bareFigures.requestsPerSecond, 3);
    const added = { p50Ms: round(infer.p50Ms - loop.p50Ms, 3), p99Ms: round(infer.p99Ms - loop.p99Ms, 3) };
    const batchingRatio = round(on.requestsPerSecond / off.requestsPerSecond, 3);
    reportResult({
      name: 'prediction',
      ours: ours.requestsPerSecond,
      peer: bareFigures.requestsPerSecond,
      unit: `requests/s, cached /infer vs a bare Fastify route with the same JSON, ${CLIENTS} clients (median rounds)`,
      ratio: cachedRatio,
      peers: {
        bareFastify: bareFigures.requestsPerSecond,
        sessionRunLoop: loop.callsPerSecond,
        batchingOff: off.requestsPerSecond,
      },
      ratios: {
        cachedToBareFastify: cachedRatio,
        uncachedToSessionRun: round(infer.requestsPerSecond / loop.callsPerSecond, 3),
        batchingOnToOff: batchingRatio,
      },
      cached: { clients: CLIENTS, ours, peer: bareFigures },
      uncached: {
        unit: 'ms, one caller',
        ours: infer,
        peer: loop,
        added,
      },
      batching: {
        clients: BATCH_CLIENTS,
        settings: BATCHED.batching,
        on,
        off,
        ratio: batchingRatio,
        p95NoWorse: on.p95Ms <= off.p95Ms,
        // Requests per session call while batching was on: 1 would mean no batch ever formed.
        requestsPerCall: round(
          (batchedAfter.requests - batchedBefore.requests) / Math.max(1, batchedAfter.calls - batchedBefore.calls),
          2,
        ),
        model: `y = (x·W1)·W2 + b, W1 ${FEATURES}x${HIDDEN}, W2 ${HIDDEN}x${FEATURES}, one row per request`,
      },
      tinyModelBatching: {
        clients: BATCH_CLIENTS,
        on: tinyOn,
        off: tinyOff,
        ratio: round(tinyOn.requestsPerSecond / tinyOff.requestsPerSecond, 3),
        model: `y = x·W + b, W ${FEATURES}x${FEATURES}: too little work per call for batching to save`,
      },
      runs: {
        cached: cached.a.map(perSecond),
        bareFastify: cached.b.map(perSecond),
        uncached: uncached.a.map(perSecond),
        sessionRunLoop: uncached.b.map((run) => run.callsPerSecond),
        batchingOn: batching.a.map(perSecond),
        batchingOff: batching.b.map(perSecond),
        tinyBatchingOn: tinyBatching.a.map(perSecond),
        tinyBatchingOff: tinyBatching.b.map(perSecond),
      },
      failedRequests: failuresOf([
        ...cached.a,
        ...uncached.a,
        ...batching.a,
        ...batching.b,
        ...tinyBatching.a,
        ...tinyBatching.b,
      ]),
      rounds: ROUNDS,
      seconds: SECONDS,
      model: `cached and uncached: y = x·W + b, W ${FEATURES}x${FEATURES}, one row per request`,
      goals: GOALS,
      goalsMet: {
        cached: cachedRatio >= GOALS.cachedRatioAtLeast,
        uncached: added.p50Ms <= GOALS.addedP50MsAtMost && added.p99Ms <= GOALS.addedP99MsAtMost,
        batching: batchingRatio >= GOALS.batchingRatioAtLeast && on.p95Ms <= off.p95Ms,
      },
    });
  } finally {
    await bare?.stop();
    await session.release();
    await platform.stop();
  }
}

await main();
