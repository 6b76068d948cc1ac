import { writeFileSync } from 'node:fs';

/** A 16-bit PCM mono WAV of `samples` (-1..1), written by hand so tests need no tool. */
export function wavBytes(samples: Float32Array, sampleRateHz: number): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, samples[i])) * 32767), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRateHz, 24);
  header.writeUInt32LE(sampleRateHz * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** `seconds` of a tone burst pattern: 0.5 s of 220 Hz, 0.5 s of silence, repeated. */
export function toneBursts(seconds: number, sampleRateHz: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRateHz));
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRateHz;
    out[i] = t % 1 < 0.5 ? 0.6 * Math.sin(2 * Math.PI * 220 * t) : 0;
  }
  return out;
}

export function writeWav(path: string, samples: Float32Array, sampleRateHz: number): void {
  writeFileSync(path, wavBytes(samples, sampleRateHz));
}
