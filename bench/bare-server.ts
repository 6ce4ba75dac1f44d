import Fastify from 'fastify';

/**
 * The baseline: a bare Fastify 5 app that parses a JSON body with Fastify's default parser and
 * answers a small JSON object. Listens on 127.0.0.1 and env `PORT`; `GET /ready` is its probe.
 */
const port = Number(process.env['PORT']);
if (!Number.isInteger(port) || port <= 0) {
  throw new Error(`bare-server: PORT must be a port number, got "${process.env['PORT']}"`);
}

const app = Fastify({ logger: false });

app.get('/ready', (_request, reply) => reply.send({ status: 'ok' }));
app.post<{ Body: Record<string, unknown> }>('/bare', (request, reply) =>
  reply.send({
    exact_match: false,
    template_id: null,
    field_count: Object.keys(request.body).length,
  }),
);

const close = () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', close);
process.once('SIGINT', close);

await app.listen({ host: '127.0.0.1', port });
