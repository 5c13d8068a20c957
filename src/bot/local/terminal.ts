/**
 * The terminal front end of a local session. Interactive on a TTY (prompt, one request at a time, a spinner while it
 * runs, chat text streamed as it is written);
 * scriptable otherwise: one request per input line, answers printed in input order, and the promise
 * resolves once input has ended and every answer is printed.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { LiveAnswer } from './live.ts';
import type { LocalSession } from './session.ts';

export interface TerminalOptions {
  readonly input: Readable;
  readonly output: Writable;
  readonly interactive: boolean;
  /** Where the summary of failed requests goes (standard error by default). */
  readonly errors?: Writable;
}

export async function runTerminal(session: LocalSession, options: TerminalOptions): Promise<void> {
  const { input, output, interactive } = options;
  const rl = createInterface({ input, ...(interactive ? { output, prompt: 'you> ' } : {}), terminal: interactive });
  const write = (text: string) => new Promise<void>((resolve) => output.write(`${text}\n`, () => resolve()));
  // Ctrl-C: the first cancels the running request, a second (or one with nothing running) quits.
  let cancelling = false;
  if (interactive)
    rl.on('SIGINT', () => {
      if (session.busy && !cancelling) {
        cancelling = true;
        void session.cancelAll();
        return;
      }
      void session.cancelAll({ force: true });
      rl.close();
    });
  if (interactive) {
    await write(`kotodama local chat (session ${session.id}). Type /help for commands, Ctrl+D to quit.`);
    rl.prompt();
  }
  // Answers are computed concurrently (lanes run in parallel) but printed strictly in input order.
  let printed: Promise<void> = Promise.resolve();
  let requests = 0;
  for await (const line of rl) {
    if (!line.trim()) {
      if (interactive) rl.prompt();
      continue;
    }
    requests += 1;
    // On a terminal, one request at a time: a spinner with its stage, then chat text as it streams in.
    const live = interactive ? new LiveAnswer(output, session.locale) : undefined;
    live?.start();
    const answer = session.answer(line, live ? (progress) => live.progress(progress) : undefined);
    printed = printed.then(async () => {
      const text = await answer;
      await write(live ? live.finish(text) : text);
      cancelling = false;
      if (interactive) rl.prompt();
    });
    if (interactive) await printed;
  }
  await printed;
  // Scripted use: say how many requests failed (the exit code is non-zero then).
  if (!interactive && session.failures > 0)
    (options.errors ?? process.stderr).write(`kotodama: ${session.failures} of ${requests} requests failed\n`);
}
