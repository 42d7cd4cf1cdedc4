/**
 * How a process's timer slots (`runtime.timerConcurrency`) are split over BullMQ workers of at most
 * `runtime.timerWorkerSlots` slots each. A BullMQ worker that finds its queue empty and then wakes to due jobs
 * fetches them one round trip at a time, up to its concurrency, before it starts the first; on a busy worker
 * process each round trip waits for the event loop, so one worker of 64 slots started a burst of firings
 * ~100 ms late. Several small workers fetch side by side and start their jobs sooner, for the same slots
 * (docs/benchmarks.md, "Timer slots over several BullMQ workers").
 */

/** The concurrency of each timer worker: `total` slots in workers of at most `perWorker`; pure. */
export function timerWorkerSizes(total: number, perWorker: number): number[] {
  if (!Number.isInteger(total) || total < 1 || !Number.isInteger(perWorker) || perWorker < 1) {
    throw new RangeError(`timer slots must be positive integers (got ${total} in workers of ${perWorker})`);
  }
  const sizes: number[] = [];
  for (let left = total; left > 0; left -= perWorker) sizes.push(Math.min(perWorker, left));
  return sizes;
}
