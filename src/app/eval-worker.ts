import { parentPort, workerData } from 'node:worker_threads';
import { playEvalJob, type EvalJob } from './eval-job.js';

// A studio eval run on its own thread: loading the shop and playing the scenarios never stalls the server's.
parentPort!.postMessage(await playEvalJob(workerData as EvalJob));
