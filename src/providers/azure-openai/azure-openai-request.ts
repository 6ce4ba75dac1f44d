import type { LiveRequestInput } from '../create-live-model-provider.ts';
import { toOpenAiChatRequest, type OpenAiChatRequest } from '../openai/openai-request.ts';

/**
 * Azure OpenAI serves the OpenAI Chat Completions API, so the body is OpenAI's
 * (https://learn.microsoft.com/azure/ai-services/openai/reference#chat-completions). The
 * deployment in the URL picks the model and Azure ignores `model` in the body; it stays there
 * because it is what the template asked for, and because the SDK builds the deployment path from it
 * when `AZURE_OPENAI_DEPLOYMENT` is unset.
 */
export function toAzureOpenAiChatRequest(input: LiveRequestInput): OpenAiChatRequest {
  return toOpenAiChatRequest(input);
}
