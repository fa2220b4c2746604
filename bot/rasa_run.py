"""`rasa run`, with Rasa's HTTP API only when a token is set in the environment.

The API (/model, /conversations/…) can read every tracker, replace the model and write
events, so it is off unless $INCASSO_RASA_API_TOKEN holds a token of 16+ characters; then
it is on with that token (`?token=…` on every call). The token goes from the environment
into Rasa's arguments inside this process, so it never shows in `ps` or /proc/*/cmdline.
bot.servers starts Rasa through this module: `python -m bot.rasa_run <rasa run options>`,
with bot.rasa_speedups applied.
"""
from __future__ import annotations

import os
import sys

API_TOKEN_ENV = "INCASSO_RASA_API_TOKEN"
MIN_TOKEN_LENGTH = 16


def api_token(env: dict[str, str] | os._Environ = os.environ) -> str | None:
    """The API token, None when the API stays off; ValueError (Dutch) when too short."""
    token = env.get(API_TOKEN_ENV, "").strip()
    if not token:
        return None
    if len(token) < MIN_TOKEN_LENGTH:
        raise ValueError(f"{API_TOKEN_ENV} is te kort: gebruik minstens {MIN_TOKEN_LENGTH} "
                         "tekens, bijvoorbeeld uit `python -c 'import secrets; "
                         "print(secrets.token_urlsafe(32))'`.")
    return token


def rasa_arguments(options: list[str], env: dict[str, str] | os._Environ = os.environ) -> list[str]:
    """`run` plus the options, and `--enable-api --auth-token` only with a token."""
    token = api_token(env)
    return ["run", *options, *(["--enable-api", "--auth-token", token] if token else [])]


if __name__ == "__main__":
    from rasa.__main__ import main

    from bot import rasa_speedups

    rasa_speedups.apply()
    sys.argv = [sys.argv[0], *rasa_arguments(sys.argv[1:])]
    main()
