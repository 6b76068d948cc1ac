/**
 * A NumPy .npy file (format 1.0, little-endian float64, C order) of `rows`, each of one length:
 * what `np.save` writes for a float array of shape (rows.length, rows[0].length).
 */
export function npyFloat64(rows: readonly (readonly number[])[]): Buffer {
  const columns = rows[0]?.length ?? 0;
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${rows.length}, ${columns}), }`;
  // Magic (6) + version (2) + header length (2) + header, padded with spaces and a newline to a multiple of 64.
  header = header.padEnd(Math.ceil((10 + header.length + 1) / 64) * 64 - 10 - 1, ' ') + '\n';
  const out = Buffer.alloc(10 + header.length + rows.length * columns * 8);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  out.writeUInt16LE(header.length, 8);
  out.write(header, 10, 'latin1');
  rows.flat().forEach((value, i) => out.writeDoubleLE(value, 10 + header.length + i * 8));
  return out;
}
