import { StudioError } from '../../src-shared/util/result.js';

/** No real project.json comes near this (media live in assets/; a long project with many keyframes is well under 1 MiB). */
export const MAX_PROJECT_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Parses a project file's text. A UTF-8 byte-order mark is skipped. A file cut off anywhere
 * (interrupted copy, full disk) is 'truncated-project'; anything else unparsable is
 * 'malformed-project', located by line and column. Messages never quote the file's content: it
 * may be a link to a file the user did not mean to show.
 */
export function parseProjectJson(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim().length === 0) {
    throw new StudioError('truncated-project', `The project file "${file}" is empty. Restore it from a backup or its autosave.`);
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN);
    if (/end of (JSON )?input/i.test(message) || position >= body.trimEnd().length) {
      throw new StudioError('truncated-project', `The project file "${file}" is cut off (truncated). Restore it from a backup or its autosave.`);
    }
    const at = Number.isFinite(position) ? position : firstBadOffset(body);
    const before = body.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new StudioError('malformed-project', `The project file "${file}" is not valid JSON (at line ${line}, column ${column}). Restore it from a backup or its autosave.`);
  }
}

/** V8 names no position for an unexpected first token ("Unexpected token 'r', ..."): the first non-blank character. */
function firstBadOffset(text: string): number {
  return text.length - text.trimStart().length;
}
