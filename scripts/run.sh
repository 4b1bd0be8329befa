#!/usr/bin/env bash
# The embedded profile: the action server (127.0.0.1:5055), the chat page (:8080) and Rasa
# (:5005, REST + Zalo + Telegram; with the runtime adjustments of bot/runtime/), each restarted within seconds when it dies
# (deploy/supervisor.py, back-off 1 s doubling to 30 s). Ctrl-C stops them all.
# Ports: RASA_PORT, ACTION_PORT, WEB_PORT; pid files in $RUN_DIR/pids (build/run).
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD"
# Files created from here on (conversations, feedback, logs, pid files) are the owner's only.
umask 077
RASA_PORT="${RASA_PORT:-5005}"
ACTION_PORT="${ACTION_PORT:-5055}"
WEB_PORT="${WEB_PORT:-8080}"
RUN_DIR="${RUN_DIR:-build/run}"
export ACTION_ENDPOINT_URL="${ACTION_ENDPOINT_URL:-http://127.0.0.1:$ACTION_PORT/webhook}"
export TRACKER_DB_PATH="${TRACKER_DB_PATH:-build/tracker.db}"
# The action server's shared secret (sent by Rasa from endpoints.yml): a new one per start.
export ACTION_SERVER_TOKEN="${ACTION_SERVER_TOKEN:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')}"
# A missing or corrupt knowledge database stops here with the command that rebuilds it.
.venv/bin/python -m knowledge stats > /dev/null
# Stored questions older than FEEDBACK_RETENTION_DAYS (90) are deleted at every start.
.venv/bin/python -m knowledge purge-feedback > /dev/null || echo "run: warning: could not purge old feedback" >&2
# The page is served same-origin (bot/web.py proxies the REST webhook): no CORS unless
# RASA_CORS_ORIGINS names the origins of another page that must call :5005 itself.
cors=()
[[ -n "${RASA_CORS_ORIGINS:-}" ]] && read -r -a cors <<< "--cors $RASA_CORS_ORIGINS"
q() { printf '%q ' "$@"; }
echo "Chat page: http://localhost:$WEB_PORT/  REST: http://localhost:$RASA_PORT/webhooks/rest/webhook"
exec .venv/bin/python -m deploy.supervisor --run-dir "$RUN_DIR" \
  "actions=$(q .venv/bin/python -m bot.action_server --host 127.0.0.1 --port "$ACTION_PORT")" \
  "web=$(q .venv/bin/python -m bot.web --port "$WEB_PORT" --rasa-url "http://127.0.0.1:$RASA_PORT/webhooks/rest/webhook")" \
  "rasa=$(q .venv/bin/python -m bot.runtime run --model models/hp-assistant.tar.gz --port "$RASA_PORT" "${cors[@]}" \
    --credentials credentials.yml --endpoints endpoints.yml)"
