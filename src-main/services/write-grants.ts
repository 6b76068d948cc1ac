import { resolve } from 'node:path';
import { StudioError } from '../../src-shared/util/result.js';

/**
 * Where the UI may make the services write when the host has native dialogs (Electron): only paths
 * the user chose in a save dialog of this session, as imports are limited to files picked in an
 * open dialog. Hosts without dialogs (the web host) grant by the token instead (README, "What a
 * token holder may write").
 */
export class WriteGrants {
  private readonly granted = new Set<string>();

  constructor(private readonly required: boolean) {}

  /** Records a path the user chose in a save dialog (a project also under its `.aniproj` name). */
  grant(path: string | null, extension = ''): string | null {
    if (path !== null) {
      this.granted.add(resolve(path));
      if (extension !== '' && !path.endsWith(extension)) this.granted.add(resolve(`${path}${extension}`));
    }
    return path;
  }

  /** Refuses a write to `path` that no save dialog granted; `what` and `how` name it for the user. */
  check(path: string, what: string, how: string): void {
    if (this.required && !this.granted.has(resolve(path))) {
      throw new StudioError('forbidden', `${what} "${path}" was not chosen in a save dialog: the desktop studio writes only where you chose. ${how}`);
    }
  }
}
