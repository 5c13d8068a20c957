/**
 * The speak lane: text -> what is read aloud -> sentences -> speech (one utterance per sentence, short
 * pauses between) -> a Discord voice message (48 kHz mono OGG/Opus with duration and waveform).
 * Progress is reported per sentence; a cancel or timeout stops between sentences (or model steps) and
 * returns the sentences done so far.
 */
import { encodeVoiceMessage } from '../../audio/encode/index.ts';
import { UserError } from '../../core/errors.ts';
import { languageText } from '../../text/language-text.ts';
import { speakMessages as m } from './messages.ts';
import { abortReason, type ProcessContext } from '../process-context.ts';
import type { SpeakSettings } from './config.ts';
import type { SpeechEngines } from './engine/index.ts';
import { speakingLanguage } from './language.ts';
import type { SpeakInput, SpeakResult } from './schema.ts';
import { splitSentences } from './sentences.ts';
import { spokenText } from './spoken.ts';

export interface SpeakDeps {
  readonly settings: SpeakSettings;
  readonly engines: SpeechEngines;
  /** The model of engines that name none (`lanes.speak.model`). */
  readonly laneModel?: string;
  /** The clock for relative timestamps (tests pin it). */
  readonly now?: () => Date;
}

export type SpeakProcessor = (input: SpeakInput, ctx: ProcessContext) => Promise<SpeakResult>;

const MIB = 1024 * 1024;
const size = (bytes: number): string => (bytes >= MIB ? `${Number((bytes / MIB).toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`);

export function createSpeakProcessor(deps: SpeakDeps): SpeakProcessor {
  const speak = speaker(deps);
  return async (input, ctx) => {
    if (input.show !== 'text') return speak(input, ctx);
    try {
      return await speak(input, ctx);
    } catch (error) {
      // The answer this reading was to show would be lost with the refusal: the member reads it with the reason.
      if (!(error instanceof UserError) || error.code === 'cancelled') throw error;
      const shown = new UserError(error.code, m.answerNotRead(input.text, error.text));
      shown.cause = error;
      throw shown;
    }
  };
}

function speaker({ settings, engines, laneModel = '', now = () => new Date() }: SpeakDeps): SpeakProcessor {
  return async (input, { signal, report, logger }) => {
    const names = input.names ?? {};
    const read = (language: string) =>
      spokenText(input.text, {
        language,
        resolve: (_kind, id) => names[id],
        now: now(),
        ...(input.timeZone ? { timeZone: input.timeZone } : {}),
      });
    // The language is judged on what will be read, not on hidden reasoning or code.
    const language = speakingLanguage(settings, read(input.language ?? 'en'), input.language);
    const text = read(language);
    if (!text) throw new UserError('bad_request', m.nothingToRead);
    const length = [...text].length;
    if (length > settings.maxChars) {
      throw new UserError('too_long', m.tooLong(length, settings.maxChars));
    }
    const { engine: engineName, voice: defaultVoice } = settings.languages[language]!;
    const setup = settings.engines[engineName]!;
    const voice = input.voice ?? defaultVoice;
    if (!setup.voices.includes(voice)) {
      throw new UserError('bad_request', m.noVoice(voice, languageText(language), setup.voices.join(', ')));
    }
    const sentences = splitSentences(text, language, settings.sentenceChars[language] ?? settings.sentenceChars.default ?? 300);
    if (sentences.length === 0) throw new UserError('bad_request', m.nothingToRead);

    report({ stage: m.loadingModel });
    const engine = await engines.get({ ...setup, model: setup.model ?? laneModel });
    const pause = new Float32Array(Math.round((settings.pauseMs / 1000) * engine.sampleRate));
    const pieces: Float32Array[] = [];
    let done = 0;
    report({ stage: m.sentence(1, sentences.length), percent: 0 });
    try {
      for (const sentence of sentences) {
        signal.throwIfAborted();
        const audio = await engine.synthesize({ text: sentence, language, voice, signal });
        if (pieces.length) pieces.push(pause);
        pieces.push(audio);
        done++;
        report({
          stage: m.sentence(Math.min(done + 1, sentences.length), sentences.length),
          percent: Math.round((done / sentences.length) * 100),
        });
      }
    } catch (error) {
      if (!signal.aborted) throw error;
      const reason = abortReason(signal);
      if (reason === 'shutdown' || reason === 'other') throw error; // the worker hands the job back untouched
      if (done === 0) {
        throw reason === 'timeout' ? new UserError('too_long', m.tookTooLong) : new UserError('cancelled', m.cancelled);
      }
      logger.info({ done, sentences: sentences.length, reason }, 'speech stopped early');
    }

    const voiceMessage = encodeVoiceMessage(concat(pieces), engine.sampleRate, { bitrate: settings.bitrate });
    if (voiceMessage.ogg.length > settings.maxUploadBytes) {
      throw new UserError('too_long', m.overUploadLimit(size(voiceMessage.ogg.length), size(settings.maxUploadBytes)));
    }
    const stopped = done < sentences.length ? abortReason(signal) : undefined;
    return {
      audio: {
        base64: Buffer.from(voiceMessage.ogg).toString('base64'),
        bytes: voiceMessage.ogg.length,
        contentType: 'audio/ogg',
        filename: 'voice-message.ogg',
      },
      durationSecs: voiceMessage.durationSecs,
      waveform: voiceMessage.waveform,
      samples: voiceMessage.samples,
      text: sentences.slice(0, done).join(language === 'ja' || language === 'zh' ? '' : ' '),
      language,
      voice,
      model: engine.model,
      sentences: sentences.length,
      sentencesDone: done,
      ...(input.show ? { show: input.show } : {}),
      ...(input.show === 'text' ? { display: input.text } : {}),
      ...(input.out ? { out: input.out } : {}),
      ...(stopped === 'cancelled' || stopped === 'timeout' ? { stopped } : {}),
    };
  };
}

function concat(pieces: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
