import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { errorResponse } from '../http/errorHandler.ts';

// 取込の進み具合 (issue #12 Scale: "a progress bar on the page (rows parsed, validated, written)").
// The import itself answers with its progress as it goes: asked with `progress=1`, the response
// is NDJSON — a `{"progress":…}` line when the file is read, every 500 rows checked and every
// 500-row batch written — and, last, `{"status":…,"body":…}`, the response the same request
// gives without `progress` (the report, the 422 refusal, or the error body). Not a job polled by
// id: on the embedded database one transaction holds the only connection, so a second request
// (even its session check) would wait until the import ended; a stream needs no second request,
// no store and no clean-up, and the import stays one request and one transaction (docs/import.md 11.).

export type ImportPhase = 'reading' | 'validating' | 'writing';

export type ImportProgress = {
  phase: ImportPhase;
  /** Rows of the file (known once the file is read; null before). */
  total: number | null;
  /** Rows read from the file, checked, and written (written stays 0 on a dry run). */
  parsed: number;
  validated: number;
  written: number;
};

/** Hears the progress of one import; every call is cheap. */
export type ProgressReporter = {
  parsed: (rows: number) => void;
  validated: (rows: number) => void;
  written: (rows: number) => void;
};

/** A reporter that reports to nobody (an import asked without `progress`). */
export const noProgress: ProgressReporter = { parsed: () => {}, validated: () => {}, written: () => {} };

/** One line of the progress stream. */
export type ProgressLine = { progress: ImportProgress } | { status: number; body: unknown };

/** Rows checked between two progress reports (and between two turns of the event loop). */
export const PROGRESS_EVERY_ROWS = 500;

/**
 * The longest the check of the rows (a register's `plan`) runs before it lets the event loop turn:
 * a large dry run keeps the server answering (issue 11 #3: /healthz within 500 ms).
 */
export const PLAN_YIELD_EVERY_MS = 20;

/** Lets the event loop turn (the progress lines leave, other requests run) inside a long loop. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Answers with the import's progress as NDJSON (200), then its outcome as the last line: `run`
 * returns the status and body it would have answered with; an error it throws becomes the error
 * body the error handler would have sent, with its status.
 */
export function streamImportProgress(reply: FastifyReply, run: (progress: ProgressReporter) => Promise<{ status: number; body: unknown }>): FastifyReply {
  const stream = new PassThrough();
  const state: ImportProgress = { phase: 'reading', total: null, parsed: 0, validated: 0, written: 0 };
  const send = (line: ProgressLine) => stream.write(`${JSON.stringify(line)}\n`);
  send({ progress: { ...state } });
  const reporter: ProgressReporter = {
    parsed: (rows) => {
      Object.assign(state, { phase: 'validating', total: rows, parsed: rows });
      send({ progress: { ...state } });
    },
    validated: (rows) => {
      state.validated = rows;
      send({ progress: { ...state } });
    },
    written: (rows) => {
      Object.assign(state, { phase: 'writing', written: rows });
      send({ progress: { ...state } });
    },
  };
  run(reporter)
    .then(
      (outcome) => send(outcome),
      (error: unknown) => {
        const { status, body } = errorResponse(error);
        if (status >= 500) reply.log.error({ err: error }, 'unhandled error in a streamed import');
        send({ status, body });
      },
    )
    .finally(() => stream.end());
  return reply.header('content-type', 'application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').header('x-accel-buffering', 'no').send(stream);
}
