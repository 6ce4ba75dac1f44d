type JsonNode = Record<string, unknown>;

const COMPONENT_PREFIX = '#/components/schemas/';

/**
 * Moves every schema that has a `title` (`Template`, `Error`, …) out of the operations into
 * `components.schemas` under that title, leaving a `$ref` behind, so the document names its
 * shapes once and client generators name their types after them. Two different schemas with one
 * title are a programming error and throw when the document is built.
 */
export function hoistNamedSchemas<Document extends { components?: unknown; paths?: unknown }>(
  document: Document,
): Document {
  const components = (document.components ??= {}) as JsonNode;
  const schemas = (components['schemas'] ??= {}) as JsonNode;
  const texts = new Map<string, string>(
    Object.entries(schemas).map(([name, schema]) => [name, JSON.stringify(schema)]),
  );

  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== 'object' || node === null) return node;
    const copy: JsonNode = {};
    for (const [key, value] of Object.entries(node)) {
      // `properties` maps names to schemas: a property called "title" is not a schema's title.
      copy[key] = visit(value);
    }
    const title = copy['title'];
    if (typeof title !== 'string' || !isSchema(copy)) return copy;
    const text = JSON.stringify(copy);
    const known = texts.get(title);
    if (known !== undefined && known !== text) {
      throw new Error(`Two different schemas are titled "${title}"; give each its own title.`);
    }
    texts.set(title, text);
    schemas[title] = copy;
    return { $ref: `${COMPONENT_PREFIX}${title}` };
  };

  document.paths = visit(document.paths);
  return document;
}

function isSchema(node: JsonNode): boolean {
  return 'type' in node || 'anyOf' in node || 'oneOf' in node || 'allOf' in node;
}
