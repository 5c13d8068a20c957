/** The terminal while a request runs: a spinner with the stage, streamed chat text, and no answer printed twice. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LiveAnswer } from '../../../src/bot/local/live.ts';
import type { LocalProgress } from '../../../src/bot/local/session.ts';
import { generateLane } from '../../helpers/lanes.ts';

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

const event = (progress: Omit<LocalProgress, 'lane'>): LocalProgress => ({ lane: generateLane, ...progress });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LiveAnswer', () => {
  it('GIVEN a running request THEN the spinner shows "waiting…", then the stage, and is erased for the answer', async () => {
    const out = sink();
    const live = new LiveAnswer(out.stream, 'en');
    live.start();
    expect(out.text()).toContain('⠋ waiting…');
    live.progress(event({ stage: 'transcribing 2/5' }));
    await wait(250);
    expect(out.text()).toMatch(/[⠙⠹⠸] transcribing 2\/5/u);
    expect(live.finish('the transcript')).toBe('the transcript');
    expect(out.text().endsWith('\r\u001b[K')).toBe(true);
    const length = out.text().length;
    await wait(250);
    expect(out.text().length).toBe(length); // the spinner stopped
  });

  it('GIVEN streamed chat text THEN it is printed as it arrives and the answer adds only what was not streamed', () => {
    const out = sink();
    const live = new LiveAnswer(out.stream, 'ja');
    live.start();
    expect(out.text()).toContain('待機中…');
    live.progress(event({ stage: 'writing…', delta: 'Hello' }));
    live.progress(event({ stage: 'writing…', delta: ', world' }));
    expect(out.text().endsWith('\r\u001b[KHello, world')).toBe(true);
    expect(live.finish('Hello, world\n(cut at the length limit)')).toBe('\n(cut at the length limit)');
  });

  it('GIVEN an answer that does not continue the streamed text THEN it is printed whole on a new line', () => {
    const out = sink();
    const live = new LiveAnswer(out.stream, 'en');
    live.start();
    live.progress(event({ stage: 'writing…', delta: 'partial' }));
    expect(live.finish('⚠️ The chat model server broke off its answer.')).toBe('\n⚠️ The chat model server broke off its answer.');
  });
});
