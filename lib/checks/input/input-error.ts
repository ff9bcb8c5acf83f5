/**
 * An input the checker cannot read or does not understand. The CLI prints it as
 * `hardened-ecs: <file>: <reason>` and exits 2, so the reason must stand on its own.
 */
export class InputError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'InputError';
  }
}
