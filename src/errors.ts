/** A problem with what the user gave us: reported as one line, never as a stack trace. */
export class InputError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'InputError';
  }
}
