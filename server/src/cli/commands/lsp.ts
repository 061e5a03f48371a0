/** `paper-digest lsp --stdio`: the language server takes over stdin/stdout and never returns while connected. */
export async function lspCommand(): Promise<number> {
  const { startServer } = await import('../../server');
  startServer();
  return new Promise<number>(() => undefined);
}
