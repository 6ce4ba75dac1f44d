type JsonNode = Record<string, unknown>;

/**
 * @fastify/swagger marks every request body required, but Prompter reads a missing body as `{}`
 * (`json-body-parser.ts`): a body is required only where its schema has required fields. Without
 * this, ensure-version and run document a body the server does not need.
 */
export function markOptionalRequestBodies<Document extends { paths?: unknown }>(
  document: Document,
): Document {
  for (const pathItem of Object.values((document.paths ?? {}) as JsonNode)) {
    for (const operation of Object.values(pathItem as JsonNode)) {
      const requestBody = (operation as JsonNode)['requestBody'] as JsonNode | undefined;
      if (requestBody === undefined) continue;
      const media = Object.values((requestBody['content'] ?? {}) as JsonNode) as JsonNode[];
      const required = media.some((entry) => {
        const fields = (entry['schema'] as JsonNode | undefined)?.['required'];
        return Array.isArray(fields) && fields.length > 0;
      });
      requestBody['required'] = required;
    }
  }
  return document;
}
