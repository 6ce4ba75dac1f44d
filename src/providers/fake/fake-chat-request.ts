import type { ModelCallRequest } from '../provider-contract.ts';

/**
 * The chat-completions body a real call would send: model, messages (a system message only when
 * there are system instructions), then the inference params, then the template's `tools` and
 * `response_format` when it has them. Params named `model` or `messages` are left out so a
 * template cannot overwrite what identifies the request.
 */
export function fakeChatRequest(request: ModelCallRequest): Record<string, unknown> {
  const messages: { role: 'system' | 'user'; content: string }[] = [];
  if (request.systemInstructions !== null && request.systemInstructions !== '') {
    messages.push({ role: 'system', content: request.systemInstructions });
  }
  messages.push({ role: 'user', content: request.prompt });
  const params = Object.entries(request.inferenceParams).filter(
    ([name]) => name !== 'model' && name !== 'messages',
  );
  return {
    model: request.model,
    messages,
    ...Object.fromEntries(params),
    ...(request.toolsSpec.length > 0 ? { tools: request.toolsSpec } : {}),
    ...(request.responseFormat === null ? {} : { response_format: request.responseFormat }),
  };
}
