/**
 * The longest prompt a run sends, in characters (Unicode code points, as JSON Schema's
 * `maxLength` counts them): the cap on `rendered_prompt` and on a prompt the server renders.
 */
export const MAX_PROMPT_LENGTH = 200_000;
