/**
 * How many extraction workers a machine can run: no more than its cores, and no more than
 * its free memory holds (each worker may grow to its heap limit plus the loaded pipeline).
 */
import { availableParallelism, freemem } from "node:os";

/** Resident memory of an idle worker with the pipeline and its tables loaded (MB, measured). */
export const WORKER_BASE_MB = 200;

/** What the machine offers (defaults: this machine now). */
export interface Machine {
  cores: number;
  freeMb: number;
}

/** The current machine: its available parallelism and free memory. */
export function thisMachine(): Machine {
  return { cores: availableParallelism(), freeMb: Math.floor(freemem() / 2 ** 20) };
}

/**
 * The number of workers to run for a request of `requested`: at most the cores, at most what
 * 80% of the free memory holds at `heapMb` + `WORKER_BASE_MB` each, at least 1 (0 stays 0:
 * extraction in the main thread). `reason` says why a request was lowered.
 */
export function capJobs(
  requested: number,
  heapMb: number,
  machine: Machine = thisMachine(),
): { jobs: number; reason: string | null } {
  if (requested <= 0) return { jobs: 0, reason: null };
  const byMemory = Math.floor((0.8 * machine.freeMb) / (heapMb + WORKER_BASE_MB));
  const jobs = Math.max(1, Math.min(requested, machine.cores, byMemory));
  if (jobs === requested) return { jobs, reason: null };
  const free = `${(machine.freeMb / 1024).toFixed(1)} GB free`;
  return {
    jobs,
    reason: `--jobs ${requested} lowered to ${jobs} (${machine.cores} cores, ${free}, up to ${heapMb + WORKER_BASE_MB} MB per worker)`,
  };
}
