import { Option } from 'commander';

/** `--server URL` of every data command: the Prompter API to talk to (wins over PROMPTER_URL). */
export function serverOption(): Option {
  return new Option(
    '--server <url>',
    'the Prompter API to use, e.g. http://127.0.0.1:8000 (default: PROMPTER_URL; unset: the local database)',
  );
}
