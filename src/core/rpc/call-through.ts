import { AppError } from '../../shared/errors';
import type { RpcRequest, RpcResponse } from '../../shared/rpc/envelope';
import type { Method, ParamsOf, Results } from '../../shared/rpc/contract';

/**
 * `Core.call` over a core's `handle`: numbers the requests and turns an error answer back into the
 * AppError it was (the core and the desktop's core-while-locked share it).
 */
export function callThrough(handle: (request: RpcRequest) => Promise<RpcResponse>): <M extends Method>(method: M, params: ParamsOf<M>) => Promise<Results[M]> {
  let nextId = 1;
  return async <M extends Method>(method: M, params: ParamsOf<M>): Promise<Results[M]> => {
    const response = await handle({ kind: 'request', id: nextId++, method, params });
    if (response.ok) return response.value as Results[M];
    throw new AppError(response.error.code, response.error.message, response.error.details);
  };
}
