import type { LiveAnswer } from '../create-live-model-provider.ts';
import { parseOpenAiResponse } from '../openai/openai-response.ts';

/**
 * Azure answers with OpenAI's `chat.completion`, plus its content-filter verdicts
 * (`prompt_filter_results`, and `content_filter_results` per choice), which stay in the stored
 * body. A choice stopped by the filter has `finish_reason: "content_filter"` and may have no
 * content: it reads as empty text, not as a failure
 * (https://learn.microsoft.com/azure/ai-services/openai/concepts/content-filter).
 */
export function parseAzureOpenAiResponse(text: string): Omit<LiveAnswer, 'requestSent'> {
  return parseOpenAiResponse(text, 'azure-openai');
}
