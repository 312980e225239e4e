import { AppError, isAppError } from '../../shared/errors';
import { isMethod, methodSchemas, type Method, type ParsedParamsOf, type Results } from '../../shared/rpc/contract';
import type { RpcRequest, RpcResponse } from '../../shared/rpc/envelope';
import { checkParams } from '../../shared/validation/issues';
import { mapSqliteError } from '../db/sqlite-errors';
import type { Logger } from '../log';

/** One handler per contract method; checked with `satisfies Handlers` so a gap is a compile error. */
export type Handlers = { [M in Method]: (params: ParsedParamsOf<M>) => Results[M] | Promise<Results[M]> };

const toErrorData = (error: unknown, log: Logger, method: string) => {
  const mapped = mapSqliteError(error);
  if (isAppError(mapped)) return mapped.toData();
  // Unknown failures are logged once here, with the stack, and cross as INTERNAL without it.
  log.error(`unexpected error in ${method}`, { stack: (mapped as Error)?.stack ?? String(mapped) });
  return { code: 'INTERNAL' as const, message: 'internal error' };
};

/**
 * Validates and runs one request. Never throws: every outcome is a response envelope.
 */
export function createDispatcher(handlers: Handlers, log: Logger) {
  return async (request: RpcRequest): Promise<RpcResponse> => {
    const { id, method } = request;
    if (!isMethod(method)) {
      return { kind: 'response', id, ok: false, error: { code: 'UNKNOWN_METHOD', message: `unknown method ${method}` } };
    }
    // The same check a form runs before sending (checkParams): each refused field comes back with
    // its catalogue key and problem, so every host words it the same way.
    const parsed = checkParams(methodSchemas[method], request.params ?? {});
    if (!parsed.ok) {
      return { kind: 'response', id, ok: false, error: { code: 'VALIDATION', message: `invalid params for ${method}`, details: { issues: parsed.issues } } };
    }
    try {
      const handler = handlers[method] as (p: unknown) => unknown;
      const value = await handler(parsed.value);
      return { kind: 'response', id, ok: true, value };
    } catch (error) {
      return { kind: 'response', id, ok: false, error: toErrorData(error, log, method) };
    }
  };
}

export const forbidden = (what: string): never => {
  throw new AppError('FORBIDDEN', `${what} is not available here`);
};
