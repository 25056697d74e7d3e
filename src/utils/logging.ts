/**
 * A minimal structured logger (pywebtransport get_logger / setup_logging). The library itself
 * never logs: applications pass a Logger to the pieces that accept one, and can plug in pino,
 * winston or console through this four-method interface.
 */
export const LogLevel = Object.freeze({ DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40, CRITICAL: 50, SILENT: 100 } as const);
export type LogLevelName = keyof typeof LogLevel;

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** One formatted record, as handed to a ConsoleLoggerOptions.sink. */
export interface LogRecord {
  readonly level: LogLevelName;
  readonly name: string;
  readonly message: string;
  readonly fields: LogFields | undefined;
  /** Epoch milliseconds. */
  readonly time: number;
}

export interface ConsoleLoggerOptions {
  /** Logger name, printed as the record's prefix (default 'tswebtransport'). */
  readonly name?: string;
  /** Minimum level written; any case, 'WARN' accepted for 'WARNING' (default 'INFO'). */
  readonly level?: string;
  /** Where records go; default: console.debug/info/warn/error with one text line. */
  readonly sink?: (record: LogRecord) => void;
  /** Clock for timestamps, for tests (default Date.now). */
  readonly now?: () => number;
}

/** Parses a level name (any case, WARN = WARNING); RangeError for unknown names. */
export function parseLogLevel(level: string): LogLevelName {
  const upper = level.toUpperCase();
  const name = upper === 'WARN' ? 'WARNING' : upper;
  if (!Object.hasOwn(LogLevel, name)) throw new RangeError(`unknown log level ${JSON.stringify(level)}`);
  return name as LogLevelName;
}

/** Renders a record as one line: time, level, name, message, then JSON fields. */
export function formatLogRecord(record: LogRecord): string {
  const fields = record.fields === undefined || Object.keys(record.fields).length === 0 ? '' : ` ${safeJson(record.fields)}`;
  return `${new Date(record.time).toISOString()} ${record.level} [${record.name}] ${record.message}${fields}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'bigint') return v.toString();
      if (v instanceof Error) return { name: v.name, message: v.message };
      return v;
    });
  } catch {
    return '"[unserialisable fields]"';
  }
}

function consoleSink(record: LogRecord): void {
  const line = formatLogRecord(record);
  if (record.level === 'DEBUG') console.debug(line);
  else if (record.level === 'INFO') console.info(line);
  else if (record.level === 'WARNING') console.warn(line);
  else console.error(line);
}

/** A Logger writing records at or above `level`; records below it cost one comparison. */
export function createConsoleLogger(options: ConsoleLoggerOptions = {}): Logger & { readonly level: LogLevelName; readonly name: string } {
  const name = options.name ?? 'tswebtransport';
  const level = parseLogLevel(options.level ?? 'INFO');
  const threshold = LogLevel[level];
  const sink = options.sink ?? consoleSink;
  const now = options.now ?? Date.now;
  const write = (recordLevel: LogLevelName, message: string, fields: LogFields | undefined): void => {
    if (LogLevel[recordLevel] < threshold) return;
    sink({ level: recordLevel, name, message, fields, time: now() });
  };
  return Object.freeze({
    level,
    name,
    debug: (message: string, fields?: LogFields) => write('DEBUG', message, fields),
    info: (message: string, fields?: LogFields) => write('INFO', message, fields),
    warn: (message: string, fields?: LogFields) => write('WARNING', message, fields),
    error: (message: string, fields?: LogFields) => write('ERROR', message, fields),
  });
}

/** A Logger that drops everything (the default wherever a logger is optional). */
export const noopLogger: Logger = Object.freeze({ debug() {}, info() {}, warn() {}, error() {} });

/** A Logger that adds `bindings` (e.g. a session id) to every record it passes to `parent`. */
export function childLogger(parent: Logger, bindings: LogFields): Logger {
  const merge = (fields: LogFields | undefined): LogFields => (fields === undefined ? bindings : { ...bindings, ...fields });
  return Object.freeze({
    debug: (message: string, fields?: LogFields) => parent.debug(message, merge(fields)),
    info: (message: string, fields?: LogFields) => parent.info(message, merge(fields)),
    warn: (message: string, fields?: LogFields) => parent.warn(message, merge(fields)),
    error: (message: string, fields?: LogFields) => parent.error(message, merge(fields)),
  });
}
