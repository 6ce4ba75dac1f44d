import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { AppError } from '../core/app-error.ts';
import { errorBody } from './error-handler.ts';

/** A parse error of Node's HTTP server: llhttp's `HPE_*` code and its reason. */
interface ClientError extends Error {
  readonly code?: string;
  readonly reason?: string;
}

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser refuses before Fastify sees them
 * (headers or URL past the size limit, Content-Length beside Transfer-Encoding, a duplicate
 * Content-Length, bytes that are not HTTP) get the one `{"detail": …}` shape too, written raw on
 * the socket, which is then closed: after a framing error nothing more on it can be trusted.
 */
export function answerClientError(error: ClientError, socket: Socket): void {
  // A reset connection, or one already answered, has nobody left to tell.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && inFlight?.headersSent !== true) {
    const appError = clientErrorAsAppError(error);
    const body = JSON.stringify(errorBody(appError));
    socket.write(
      `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status] ?? 'Error'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy();
}

export function clientErrorAsAppError(error: ClientError): AppError {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new AppError(
        'HEADERS_TOO_LARGE',
        'The request line and headers are larger than the server accepts: shorten the URL or the headers.',
      );
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new AppError('REQUEST_TIMEOUT', 'The whole request was not received in time.');
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return new AppError(
        'BAD_REQUEST',
        'Content-Length and Transfer-Encoding must not both be sent (RFC 9112 §6.1).',
      );
    case 'HPE_INVALID_CONTENT_LENGTH':
      return new AppError(
        'BAD_REQUEST',
        'Content-Length must be one decimal number, sent once (RFC 9110 §8.6).',
      );
    default:
      return new AppError(
        'BAD_REQUEST',
        `The request is not valid HTTP/1.1${error.reason === undefined ? '' : `: ${error.reason}`}${error.code === undefined ? '' : ` (${error.code})`}.`,
      );
  }
}
