/** Where the core writes diagnostics. Row contents never go here: counts, codes and line numbers only. */
export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const ID_CARD = /(?<!\d)\d{17}[\dXx](?!\d)/g;

/** Last line of defence if personal data slips into a message: mobile and ID-card numbers are masked. */
export const redact = (text: string): string => text.replace(ID_CARD, '[ID]').replace(PHONE, (m) => `${m.slice(0, 3)}****${m.slice(7)}`);

export function createStderrLogger(prefix = 'shopdesk'): Logger {
  const write = (level: string, message: string, data?: Record<string, unknown>) => {
    const extra = data ? ` ${redact(JSON.stringify(data))}` : '';
    process.stderr.write(`[${prefix}] ${level} ${redact(message)}${extra}\n`);
  };
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** Every line goes to each of the loggers (stderr for a developer, the data folder's file for the user). */
export const teeLogger = (...loggers: readonly Logger[]): Logger => ({
  info: (m, d) => loggers.forEach((l) => l.info(m, d)),
  warn: (m, d) => loggers.forEach((l) => l.warn(m, d)),
  error: (m, d) => loggers.forEach((l) => l.error(m, d)),
});
