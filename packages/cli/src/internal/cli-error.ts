import { EXIT } from "./exit-codes.js";

/** An error of the CLI itself (bad usage, missing token, damaged config): its message is shown as is. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = "UsageError";
  }
}

/** Ctrl-C while waiting for input or approval. */
export class CancelledError extends CliError {
  constructor() {
    super("Cancelled: nothing was stored.", EXIT.cancelled);
    this.name = "CancelledError";
  }
}
