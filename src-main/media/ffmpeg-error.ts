/** ffmpeg's last stderr line says what went wrong; the lines before it are its banner and settings. */
export function lastLine(message: string): string {
  const lines = message.trim().split('\n');
  return lines[lines.length - 1] ?? message;
}
