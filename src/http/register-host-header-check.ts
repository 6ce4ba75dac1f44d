import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/app-error.ts';

/**
 * An HTTP/1.1 request without a Host header is a 400 (RFC 9112 §3.2), as Node's own check would
 * answer, but in the `{"detail": …}` shape and with the security headers: the app turns Node's
 * check off (`http.requireHostHeader: false`) and this hook takes its place. Register it after
 * the security headers and before authentication.
 */
export function registerHostHeaderCheck(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const raw = request.raw;
    const needsHost =
      raw.httpVersionMajor > 1 || (raw.httpVersionMajor === 1 && raw.httpVersionMinor >= 1);
    if (needsHost && raw.headers.host === undefined) {
      done(new AppError('BAD_REQUEST', 'An HTTP/1.1 request must carry a Host header.'));
      return;
    }
    done();
  });
}
