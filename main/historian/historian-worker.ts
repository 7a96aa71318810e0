// The historian's worker threads (one writer, one reader), bundled on their
// own as historian-worker.js: the Historian starts them with workerData
// saying which role to play.
import { parentPort, workerData } from 'node:worker_threads';
import { runReader } from './reader-thread.js';
import type { WorkerSettings } from './worker-protocol.js';
import { runWriter } from './writer-thread.js';

const settings = workerData as WorkerSettings;
if (!parentPort) throw new Error('historian-worker.js runs as a worker thread of the Historian');
if (settings.role === 'writer') runWriter(parentPort, settings);
else runReader(parentPort, settings);
