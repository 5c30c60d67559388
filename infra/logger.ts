// The process logger of the API and the worker: one JSON object per line, and the Temporal SDK's
// log calls routed into it.
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Logger as TemporalLogger, LogLevel as TemporalLogLevel, LogMetadata } from '@temporalio/common';

export type { Logger };
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

/** One JSON object per line on stdout (or `destination`); `silent` for tests. */
export function createLogger(level: LogLevel, service = 'greenlane-api', destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Belt and braces: nothing below logs headers, but a future `log.info({ req })` must not leak a token.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'],
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Routes the Temporal SDK's (worker's) log calls into the same JSON log stream. */
export function temporalLogger(logger: Logger): TemporalLogger {
  const levels: Record<TemporalLogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };
  const log = (level: TemporalLogLevel, message: string, meta?: LogMetadata) => logger[levels[level]]({ ...meta }, message);
  return {
    log,
    trace: (m, meta) => log('TRACE', m, meta),
    debug: (m, meta) => log('DEBUG', m, meta),
    info: (m, meta) => log('INFO', m, meta),
    warn: (m, meta) => log('WARN', m, meta),
    error: (m, meta) => log('ERROR', m, meta),
  };
}
