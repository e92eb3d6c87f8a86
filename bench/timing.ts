// Repetition plans and timing shared by the Node runs; bench/numpy_bench.py follows the same
// plan for numpy.

/** How often a case runs at one size. */
export interface Plan {
  /** Untimed runs first, so that V8 has compiled the code (0 at sizes the smaller ones warmed). */
  warmup: number;
  /** At most this many timed runs. */
  maxReps: number;
  /** No further timed run starts once the runs so far plus one more would exceed it (s). */
  budget: number;
}

/** Plan per size: more repetitions on small data, where one run is short and noisier. */
export function planFor(rows: number): Plan {
  if (rows <= 10_000) return {warmup: 2, maxReps: 9, budget: 3};
  if (rows <= 100_000) return {warmup: 1, maxReps: 5, budget: 5};
  return {warmup: 0, maxReps: 3, budget: 8};
}

/**
 * Runs `run` by the plan and returns the wall and CPU times of the timed runs in ms and the
 * last result. CPU time counts every thread of the process (the garbage collector's too) and
 * leaves out time spent waiting for a core, so it varies less when other processes are busy.
 */
export function timed<T>(plan: Plan, run: () => T, warmup: () => unknown = run): {
  times: number[];
  cpuTimes: number[];
  result: T;
} {
  for (let k = 0; k < plan.warmup; k++) warmup();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let result: T;
  let total = 0;
  do {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    result = run();
    const elapsed = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    times.push(elapsed);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    total += elapsed;
  } while (times.length < plan.maxReps && total + times[times.length - 1] <= plan.budget * 1000);
  return {times, cpuTimes, result};
}
