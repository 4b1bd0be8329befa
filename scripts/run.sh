#!/usr/bin/env bash
# Start the action server (:5055), the chat page (:8080) and Rasa (:5005, REST channel).
# Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD"
export ACTION_ENDPOINT_URL="${ACTION_ENDPOINT_URL:-http://127.0.0.1:5055/webhook}"
export TRACKER_DB_PATH="${TRACKER_DB_PATH:-build/tracker.db}"
# The action server's shared secret (sent by Rasa from endpoints.yml): a new one per start.
export ACTION_SERVER_TOKEN="${ACTION_SERVER_TOKEN:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')}"
# A missing or corrupt knowledge database stops here with the command that rebuilds it.
.venv/bin/python -m knowledge stats > /dev/null
.venv/bin/python -m bot.action_server --host 127.0.0.1 --port 5055 &
actions_pid=$!
.venv/bin/python -m bot.web --port 8080 &
web_pid=$!
trap 'kill "$actions_pid" "$web_pid" 2>/dev/null || true' EXIT INT TERM
echo "Chat page: http://localhost:8080/  REST: http://localhost:5005/webhooks/rest/webhook"
.venv/bin/rasa run --model models/hp-assistant.tar.gz --port 5005 --cors "*" \
  --credentials credentials.yml --endpoints endpoints.yml
