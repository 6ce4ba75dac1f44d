#!/usr/bin/env python3
"""The config hash of docs/api-contract.md §2, written the way the Python original computes it.

The TypeScript implementation (src/core/canonical/) must produce byte-identical output; the parity
test (src/core/canonical/canonical-parity.test.ts) feeds this script generated request bodies.

Input: one JSON request body per line on stdin (UTF-8; lines split on LF only).
Output: one line per body, `{"canonical": ..., "config_hash": ...}` or `{"error": reason}` where
reason is `syntax`, `too_deep`, `lone_surrogate` or `non_finite_number`. Python 3.11+ also refuses
integers over 4300 digits (a `syntax` answer here); Prompter accepts them, as docs/api-contract.md §2 says.
"""

import hashlib
import json
import re
import sys

_SPACE_OR_TAB_RUN = re.compile(r"[ \t]+")


def normalize_text(value):
    if value is None:
        value = ""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _SPACE_OR_TAB_RUN.sub(" ", value).strip()


def normalize_country_set(countries):
    normalized = set()
    for country in countries or []:
        code = country.strip().upper()
        if code in ("UK", "UKK"):
            code = "GB"
        if code:
            normalized.add(code)
    return sorted(normalized)


def round_floats(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {key: round_floats(item) for key, item in value.items()}
    if isinstance(value, list):
        return [round_floats(item) for item in value]
    return value


def deep_sort(value):
    if isinstance(value, dict):
        return {key: deep_sort(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [deep_sort(item) for item in value]
    return value


def canonical_config(body):
    config = {
        "system_instructions": normalize_text(body.get("system_instructions")),
        "user_prompt_template": normalize_text(body.get("user_prompt_template")),
        "country_set": normalize_country_set(body.get("country_set")),
        "model_id": body.get("model_id"),
        "inference_params": deep_sort(round_floats(body.get("inference_params") or {})),
        "tools_spec": [deep_sort(tool or {}) for tool in body.get("tools_spec") or []],
        "response_format": deep_sort(body.get("response_format") or {}),
        "grounding_profile_id": body.get("grounding_profile_id"),
        "grounding_snapshot_id": body.get("grounding_snapshot_id"),
        "retrieval_params": deep_sort(body.get("retrieval_params") or {}),
        "preprocess_pipeline_id": body.get("preprocess_pipeline_id"),
        "postprocess_pipeline_id": body.get("postprocess_pipeline_id"),
    }
    # allow_nan=False: infinity (from 1e400) has no JSON form, so it cannot be hashed.
    return json.dumps(config, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def answer(line):
    try:
        body = json.loads(line.decode("utf-8"))
    except ValueError:
        return {"error": "syntax"}
    except RecursionError:
        return {"error": "too_deep"}
    try:
        canonical = canonical_config(body)
    except ValueError:
        return {"error": "non_finite_number"}
    try:
        encoded = canonical.encode("utf-8")
    except UnicodeEncodeError:
        return {"error": "lone_surrogate"}
    return {"canonical": canonical, "config_hash": hashlib.sha256(encoded).hexdigest()}


def main():
    data = sys.stdin.buffer.read()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    out = sys.stdout
    for line in lines:
        out.write(json.dumps(answer(line)))
        out.write("\n")


if __name__ == "__main__":
    main()
