import { describe, expect, it } from 'vitest';
import { sniffAudio, type AudioFormat } from '../../src/audio/index.ts';
import { fixture } from './helpers.ts';

const bytes = (...values: (number | string)[]): Uint8Array =>
  Uint8Array.from(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe('format sniffing by magic bytes', () => {
  const expected: Record<string, AudioFormat> = {
    'voice-en.ogg': 'ogg-opus',
    'voice-ja.ogg': 'ogg-opus',
    'silence.ogg': 'ogg-opus',
    'long-2min.ogg': 'ogg-opus',
    'truncated.ogg': 'ogg-opus',
    'speech-en.mp3': 'mp3',
    'speech-en.wav': 'wav',
    'tone-440-stereo-44k.wav': 'wav',
    'speech-en.flac': 'flac',
    'speech-en.m4a': 'mp4',
    'not-audio.ogg': 'text',
  };
  for (const [name, format] of Object.entries(expected)) {
    it(`GIVEN the fixture ${name} THEN it is detected as ${format}, whatever its extension says`, () => {
      expect(sniffAudio(fixture(name))).toBe(format);
    });
  }

  it('GIVEN containers only ffmpeg reads THEN they are named by their own signatures', () => {
    expect(sniffAudio(bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81))).toBe('webm');
    expect(sniffAudio(bytes(0, 0, 0, 0x20, 'ftypM4A ', 0, 0, 0, 0))).toBe('mp4');
    expect(sniffAudio(bytes(0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc))).toBe('aac-adts');
  });

  it('GIVEN an Ogg Vorbis first page THEN it is ogg-vorbis', () => {
    const page = new Uint8Array(64);
    page.set(bytes('OggS', 0, 2), 0);
    page[26] = 1; // one segment
    page[27] = 30;
    page.set(bytes(1, 'vorbis'), 28);
    expect(sniffAudio(page)).toBe('ogg-vorbis');
  });

  it('GIVEN an ID3 tag in front of FLAC or MP3 data THEN the payload after the tag decides', () => {
    const id3 = bytes('ID3', 4, 0, 0, 0, 0, 0, 2, 0, 0);
    expect(sniffAudio(Uint8Array.from([...id3, ...bytes('fLaC', 0, 0, 0, 34)]))).toBe('flac');
    expect(sniffAudio(Uint8Array.from([...id3, ...fixture('speech-en.mp3')]))).toBe('mp3');
  });

  it('GIVEN text in any script THEN it is reported as text, not as an unknown binary', () => {
    expect(sniffAudio(new TextEncoder().encode('こんにちは、これは音声ではありません。\n'.repeat(20)))).toBe('text');
    expect(sniffAudio(new TextEncoder().encode('{"hello": "world"}'))).toBe('text');
  });

  it('GIVEN random binary or nothing THEN it is unknown', () => {
    const noise = Uint8Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 251);
    expect(sniffAudio(noise)).toBe('unknown');
    expect(sniffAudio(new Uint8Array(0))).toBe('unknown');
    expect(sniffAudio(bytes(0xff, 0xfb))).toBe('unknown'); // a lone sync word is not an MP3
  });
});
