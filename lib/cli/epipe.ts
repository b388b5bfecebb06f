/**
 * `… | head`: when the reader of stdout goes away, stop quietly (exit 0), without a stack
 * trace and without checking lines nobody will read. Imported for its effect by every CLI.
 */
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
export {};
