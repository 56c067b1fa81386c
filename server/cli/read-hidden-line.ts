import { createInterface } from 'node:readline';

/**
 * Asks for a line on the terminal without echoing it (a password). Needs a terminal: with piped
 * input it refuses rather than read a secret that a shell history or process list may hold.
 */
export async function readHiddenLine(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('no terminal to ask on');
  const terminal = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: true,
  });
  let muted = false;
  // readline echoes through _writeToOutput; while muted it writes nothing of what is typed.
  const echo = terminal as unknown as { _writeToOutput: (text: string) => void };
  const write = echo._writeToOutput.bind(terminal);
  echo._writeToOutput = (text: string) => {
    if (!muted || text.includes('\n')) write(muted ? '\n' : text);
  };
  try {
    return await new Promise<string>((resolve) => {
      terminal.question(question, resolve);
      muted = true;
    });
  } finally {
    terminal.close();
  }
}
