/** Joins a folder the services gave us with a file name, using the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

/** A name that is safe as one path segment on every platform (for suggested project files). */
export function fileNameFor(projectName: string): string {
  const cleaned = projectName.replace(/[<>:"/\\|?*]/g, '_').trim();
  // Control characters are unsafe too; filtered without a regex range to keep lint quiet.
  const printable = [...cleaned].filter((c) => c.charCodeAt(0) >= 32).join('');
  return printable.length > 0 ? printable : 'Untitled';
}

/** A path's folder and last segment ("/a/b/c.mp4" -> "/a/b", "c.mp4"), on either separator. */
export function splitPath(path: string): { folder: string; name: string } {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (at < 0) return { folder: '', name: path };
  return { folder: at === 0 ? path.slice(0, 1) : path.slice(0, at), name: path.slice(at + 1) };
}
