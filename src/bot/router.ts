/**
 * Turns what a person typed into a lane request. Shared by the local chat and the Discord adapter's
 * text triggers; slash commands map onto the same requests.
 */
import { UserError } from '../core/errors.ts';
import type { LaneInput, LaneName } from '../lanes/registry.ts';
import { findLanguage, supportedLanguageList } from '../lanes/translate/languages.ts';

export type Route =
  | { readonly kind: 'lane'; readonly lane: 'faq'; readonly input: LaneInput<'faq'> }
  | { readonly kind: 'lane'; readonly lane: 'translate'; readonly input: LaneInput<'translate'> }
  | { readonly kind: 'lane'; readonly lane: 'generate'; readonly input: LaneInput<'generate'> }
  | { readonly kind: 'audio'; readonly lane: 'transcribe'; readonly path: string; readonly language?: string }
  | { readonly kind: 'help' };

export const COMMANDS: readonly { readonly usage: string; readonly lane: LaneName | null; readonly does: string }[] = [
  { usage: '/ask <question>', lane: 'faq', does: "answers from this server's FAQ" },
  { usage: '/translate <language> <text>', lane: 'translate', does: 'translates text (e.g. /translate ja good morning)' },
  { usage: '/chat <message>', lane: 'generate', does: 'talks with the language model (plain text does too)' },
  { usage: '/transcribe <audio file> [language]', lane: 'transcribe', does: 'turns speech into text (ogg, opus, mp3, wav, flac, m4a)' },
  { usage: '/help', lane: null, does: 'shows this list' },
];

export function route(line: string, maxChars: number): Route {
  const text = line.trim();
  if (!text) throw new UserError('bad_request', 'Type a message, or /help for the commands.');
  if (text.length > maxChars) throw new UserError('too_long', `That is ${text.length} characters; the limit is ${maxChars}.`);
  if (!text.startsWith('/')) return chat(text);
  const [command = '', ...rest] = text.split(/\s+/u);
  const args = text.slice(command.length).trim();
  switch (command.toLowerCase()) {
    case '/help':
      return { kind: 'help' };
    case '/ask':
      if (!args) throw usage('/ask <question>', 'Ask a question, e.g. /ask how do I use this bot?');
      return { kind: 'lane', lane: 'faq', input: { question: args } };
    case '/chat':
      if (!args) throw usage('/chat <message>', 'Write something to talk about.');
      return chat(args);
    case '/translate': {
      const [target = ''] = rest;
      const body = args.slice(target.length).trim();
      if (!target || !body) throw usage('/translate <language> <text>', 'e.g. /translate ja good morning');
      const language = findLanguage(target);
      if (!language)
        throw new UserError('unsupported_language', `"${target}" is not a language I know. Try one of: ${supportedLanguageList()}.`);
      return { kind: 'lane', lane: 'translate', input: { text: body, to: language.code } };
    }
    case '/transcribe': {
      const [path = '', language] = rest;
      if (!path) throw usage('/transcribe <audio file> [language]', 'Give the path of an audio file.');
      if (language && !findLanguage(language)) throw new UserError('unsupported_language', `"${language}" is not a language I know.`);
      return { kind: 'audio', lane: 'transcribe', path, ...(language ? { language: findLanguage(language)?.code ?? language } : {}) };
    }
    default:
      throw new UserError('bad_request', `Unknown command ${command}. Commands: ${COMMANDS.map((c) => c.usage.split(' ')[0]).join(', ')}.`);
  }
}

function chat(text: string): Route {
  return { kind: 'lane', lane: 'generate', input: { messages: [{ role: 'user', content: text }] } };
}

function usage(form: string, hint: string): UserError {
  return new UserError('bad_request', `Usage: ${form}. ${hint}`);
}
