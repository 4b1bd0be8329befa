#!/usr/bin/env bash
# The production profile on one machine (docs/DEPLOY.md):
#   PostgreSQL  knowledge DB + conversation trackers + feedback   (started if down)
#   Redis       Rasa's lock store                                 (started if down)
#   M action servers, N Rasa replicas (no HTTP API), nginx on 127.0.0.1:$PROD_PORT
#   exposing only the chat page and /webhooks/.
# Every setting comes from the environment (defaults below). Ctrl-C stops every
# process this script started; PostgreSQL and Redis are shared services and stay up.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

RASA_REPLICAS="${RASA_REPLICAS:-2}"
ACTION_REPLICAS="${ACTION_REPLICAS:-2}"
PROD_LISTEN="${PROD_LISTEN:-127.0.0.1}"
PROD_PORT="${PROD_PORT:-8088}"
ACTION_PROXY_PORT="${ACTION_PROXY_PORT:-8089}"
RASA_BASE_PORT="${RASA_BASE_PORT:-5105}"
ACTION_BASE_PORT="${ACTION_BASE_PORT:-5155}"
RUN_DIR="${PROD_RUN_DIR:-$ROOT/build/prod}"
MODEL="${MODEL:-$ROOT/models/hp-assistant.tar.gz}"
WEB_DIR="${WEB_DIR:-$ROOT/web}"
NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
# Requests per second per client address on the REST webhook, and the burst allowed.
RATE_PER_IP="${NGINX_RATE_PER_IP:-20r/s}"
BURST_PER_IP="${NGINX_BURST_PER_IP:-40}"
# Open connections at once: per client address on the webhooks, and in all (what reaches Rasa).
CONN_PER_IP="${NGINX_CONN_PER_IP:-10}"
MAX_CONN="${NGINX_MAX_CONN:-64}"
# nginx answers for a silent action server after ACTION_PROXY_TIMEOUT s; Rasa's own
# deadline (ACTION_TIMEOUT_SECONDS, read by the REST channel) is a little longer.
ACTION_PROXY_TIMEOUT="${ACTION_PROXY_TIMEOUT:-4}"
export ACTION_TIMEOUT_SECONDS="${ACTION_TIMEOUT_SECONDS:-6}"

PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
export TRACKER_DB_HOST="${TRACKER_DB_HOST:-$PG_HOST}"
export TRACKER_DB_PORT="${TRACKER_DB_PORT:-$PG_PORT}"
export TRACKER_DB_NAME="${TRACKER_DB_NAME:-hp_tracker}"
export TRACKER_DB_USER="${TRACKER_DB_USER:-postgres}"
export TRACKER_DB_PASSWORD="${TRACKER_DB_PASSWORD:-}"
export KNOWLEDGE_DB_URL="${KNOWLEDGE_DB_URL:-postgresql+psycopg2://postgres@$PG_HOST:$PG_PORT/hp_knowledge}"
export FEEDBACK_DB_URL="${FEEDBACK_DB_URL:-postgresql+psycopg2://postgres@$PG_HOST:$PG_PORT/hp_feedback}"
export REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
export REDIS_PORT="${REDIS_PORT:-6379}"
export REDIS_DB="${REDIS_DB:-1}"
export REDIS_PASSWORD="${REDIS_PASSWORD:-}"
export REDIS_KEY_PREFIX="${REDIS_KEY_PREFIX:-hp}"
# Zalo/Telegram delivery ids, numbered choices and button payloads, shared by the
# replicas: the next webhook call of a user may reach another one (bot/channels/memory.py)
export CHANNEL_MEMORY_REDIS_URL="${CHANNEL_MEMORY_REDIS_URL:-redis://${REDIS_PASSWORD:+:$REDIS_PASSWORD@}$REDIS_HOST:$REDIS_PORT/$REDIS_DB}"
# The replicas share Zalo's single-use refresh token through this file (docs/CHANNELS.md)
if [[ -n "${ZALO_OA_SECRET_KEY:-}" ]]; then
  export ZALO_TOKEN_FILE="${ZALO_TOKEN_FILE:-$RUN_DIR/zalo-tokens.json}"
fi
# A ticket outlives the longest turn (action deadline included); a replica killed
# mid-turn holds up that one conversation for at most this long.
export TICKET_LOCK_LIFETIME="${TICKET_LOCK_LIFETIME:-20}"
export ACTION_ENDPOINT_URL="http://127.0.0.1:$ACTION_PROXY_PORT/webhook"
# The action servers' shared secret, sent by Rasa (deploy/endpoints.prod.yml) through nginx:
# a process that reaches their loopback ports without it runs nothing.
export ACTION_SERVER_TOKEN="${ACTION_SERVER_TOKEN:-$("$ROOT/.venv/bin/python" -c 'import secrets; print(secrets.token_urlsafe(32))')}"

export PYTHONPATH="$ROOT" PYTHONDONTWRITEBYTECODE=1 TF_CPP_MIN_LOG_LEVEL=3
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1
PY="$ROOT/.venv/bin/python"
# Rasa with this bot's runtime adjustments (bot/runtime/)
RASA=("$PY" -m bot.runtime)

say() { echo "run-prod: $*" >&2; }
die() { say "error: $*"; exit 1; }

# Hashed sender ids are only as private as their salt: the public default is refused here.
[[ -n "${FEEDBACK_SALT:-}" && "$FEEDBACK_SALT" != "hp-assistant" ]] \
  || die "FEEDBACK_SALT must be set to a secret (e.g. export FEEDBACK_SALT=\$(openssl rand -hex 32)); the default is public"
[[ -x "$NGINX" ]] || die "nginx is not installed; install it with: apt-get install -y nginx (or: make setup-prod)"
[[ -f "$MODEL" ]] || die "$MODEL is missing; train it with: make train"
[[ "$RASA_REPLICAS" =~ ^[1-9][0-9]?$ && "$ACTION_REPLICAS" =~ ^[1-9][0-9]?$ ]] \
  || die "RASA_REPLICAS and ACTION_REPLICAS must be numbers from 1 to 99"

# --- shared services: start them if they are down ---------------------------------
if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
  if [[ "$PG_HOST" == 127.0.0.1 || "$PG_HOST" == localhost ]]; then
    say "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  fi
  for _ in $(seq 60); do pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break; sleep 0.5; done
  pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || die "PostgreSQL is not reachable at $PG_HOST:$PG_PORT"
fi
redis_ping() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ${REDIS_PASSWORD:+--no-auth-warning -a "$REDIS_PASSWORD"} ping 2>/dev/null | grep -q PONG; }
if ! redis_ping; then
  if [[ "$REDIS_HOST" == 127.0.0.1 || "$REDIS_HOST" == localhost ]]; then
    say "starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no > /dev/null
  fi
  for _ in $(seq 40); do redis_ping && break; sleep 0.25; done
  redis_ping || die "Redis is not reachable at $REDIS_HOST:$REDIS_PORT"
fi

# --- settings, databases and the knowledge base --------------------------------------
# Checks every setting the Python processes will read (deploy/settings.py, bot/settings.py,
# knowledge/settings.py): a bad one stops here, naming it, before anything is created or
# started. Creates the databases that are missing, builds the knowledge base when it is
# new, forced (KNOWLEDGE_REBUILD=1) or older than the fact files; a database that exists
# but is unusable stops here, naming it and the command that rebuilds it.
"$PY" - <<'EOF'
import os
import re
import sys

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from bot.settings import current_settings as bot_settings
from deploy.settings import ProductionSettings
from knowledge import KnowledgeBase, KnowledgeUnavailable
from knowledge.build import build, facts_checksum

try:
    settings = ProductionSettings.from_env(os.environ)
    bot_settings()
except ValueError as exc:  # SettingsError, naming the variable
    sys.exit(f"run-prod: error: {exc}")
knowledge_url = make_url(settings.knowledge.database_url)
wanted = [("knowledge", knowledge_url), ("feedback", make_url(settings.knowledge.feedback_url))]
tracker = knowledge_url.set(
    drivername="postgresql+psycopg2", host=settings.tracker.host, port=settings.tracker.port,
    username=settings.tracker.user, password=settings.tracker.password, database=settings.tracker.name,
)
wanted.append(("tracker", tracker))
created = set()
for role, url in wanted:
    if url.get_backend_name() != "postgresql":
        continue
    if not re.fullmatch(r"[A-Za-z0-9_]+", url.database or ""):
        sys.exit(f"run-prod: error: the {role} database name {url.database!r} must be letters, digits and _")
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT", future=True)
    try:
        with admin.connect() as conn:
            if not conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": url.database}).scalar():
                conn.execute(sa.text(f'CREATE DATABASE "{url.database}"'))
                created.add(role)
                print(f"run-prod: created the {role} database {url.database}", file=sys.stderr)
    finally:
        admin.dispose()

url_text = knowledge_url.render_as_string(hide_password=False)
reason = "it is new" if "knowledge" in created else "KNOWLEDGE_REBUILD=1" if settings.knowledge_rebuild else None
if reason is None:
    kb = KnowledgeBase(url_text)
    try:
        stored = kb.check().get("facts_checksum")
    except KnowledgeUnavailable as exc:
        print(f"run-prod: error: {exc}", file=sys.stderr)
        print("run-prod: to rebuild it: KNOWLEDGE_REBUILD=1 make run-prod", file=sys.stderr)
        sys.exit(2)
    finally:
        kb.close()
    if stored != facts_checksum():
        reason = "the fact files changed"
if reason:
    print(f"run-prod: building the knowledge base in {knowledge_url.render_as_string()} ({reason})", file=sys.stderr)
    build(url_text)
EOF
# The same start-up check as scripts/run.sh: a broken knowledge DB stops here.
"$PY" -m knowledge stats > /dev/null

# --- processes -----------------------------------------------------------------------
# Every process runs under deploy/supervisor.py: one that dies is started again within
# seconds (back-off 1 s doubling to 30 s) while nginx sends its traffic to the others.
mkdir -p "$RUN_DIR/logs" "$RUN_DIR/nginx-temp" "$RUN_DIR/pids"
rm -f "$RUN_DIR"/pids/*.pid
# Files created from here on (logs, pid files, the Zalo token file) are the owner's only.
umask 077
# Stored questions older than FEEDBACK_RETENTION_DAYS (90) are deleted at every start.
"$PY" -m knowledge purge-feedback > /dev/null || say "warning: could not purge old feedback"
specs=()
q() { printf '%q ' "$@"; }
supervisor_pid=""
stopping=0
stop_all() {
  stopping=1
  trap - INT TERM EXIT
  if [[ -n "$supervisor_pid" ]]; then
    say "stopping every process"
    kill -TERM "$supervisor_pid" 2>/dev/null || true
    wait "$supervisor_pid" 2>/dev/null || true
  fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

wait_http() {  # wait_http URL NAME SECONDS
  local url="$1" name="$2" deadline=$((SECONDS + $3))
  while ((SECONDS < deadline)); do
    kill -0 "$supervisor_pid" 2>/dev/null || die "the supervisor exited during start-up; see $RUN_DIR/logs/"
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    sleep 0.5
  done
  die "$name did not answer $url within $3 s; see $RUN_DIR/logs/$name.log"
}

action_servers=""
for ((i = 0; i < ACTION_REPLICAS; i++)); do
  port=$((ACTION_BASE_PORT + i))
  specs+=("actions-$port=$(q "$PY" -m bot.action_server --host 127.0.0.1 --port "$port")")
  action_servers+="server 127.0.0.1:$port max_fails=1 fail_timeout=5s; "
done

# Rasa without --enable-api: only the channels' routes exist. With RASA_ENABLE_API=1 the
# API is served on the replicas' own loopback ports only, and only with a token.
api_args=()
if [[ "${RASA_ENABLE_API:-0}" == 1 ]]; then
  [[ -n "${RASA_AUTH_TOKEN:-}" ]] || die "RASA_ENABLE_API=1 needs RASA_AUTH_TOKEN (a long random secret)"
  api_args=(--enable-api --auth-token "$RASA_AUTH_TOKEN")
fi
rasa_servers=""
for ((i = 0; i < RASA_REPLICAS; i++)); do
  port=$((RASA_BASE_PORT + i))
  specs+=("rasa-$port=$(q "${RASA[@]}" run --model "$MODEL" -i 127.0.0.1 --port "$port" \
    --credentials "$ROOT/credentials.yml" --endpoints "$ROOT/deploy/endpoints.prod.yml" "${api_args[@]}")")
  rasa_servers+="server 127.0.0.1:$port max_fails=1 fail_timeout=5s; "
done

sed -e "s#@RUN_DIR@#$RUN_DIR#g" -e "s#@WEB_DIR@#$WEB_DIR#g" -e "s#@LISTEN@#$PROD_LISTEN#g" \
    -e "s#@PORT@#$PROD_PORT#g" -e "s#@ACTION_PROXY_PORT@#$ACTION_PROXY_PORT#g" \
    -e "s#@RASA_SERVERS@#$rasa_servers#g" -e "s#@ACTION_SERVERS@#$action_servers#g" \
    -e "s#@RATE_PER_IP@#$RATE_PER_IP#g" -e "s#@BURST_PER_IP@#$BURST_PER_IP#g" \
    -e "s#@CONN_PER_IP@#$CONN_PER_IP#g" -e "s#@MAX_CONN@#$MAX_CONN#g" \
    -e "s#@ACTION_PROXY_TIMEOUT@#$ACTION_PROXY_TIMEOUT#g" \
    "$ROOT/deploy/nginx.conf.template" > "$RUN_DIR/nginx.conf"
"$NGINX" -t -q -e "$RUN_DIR/logs/nginx-error.log" -c "$RUN_DIR/nginx.conf" \
  || die "the rendered $RUN_DIR/nginx.conf is invalid"
specs+=("nginx=$(q "$NGINX" -e "$RUN_DIR/logs/nginx-error.log" -c "$RUN_DIR/nginx.conf" -g "daemon off;")")

"$PY" -m deploy.supervisor --run-dir "$RUN_DIR" --log-dir "$RUN_DIR/logs" --grace 25 "${specs[@]}" &
supervisor_pid=$!
echo "$supervisor_pid" > "$RUN_DIR/supervisor.pid"

for ((i = 0; i < ACTION_REPLICAS; i++)); do
  port=$((ACTION_BASE_PORT + i))
  wait_http "http://127.0.0.1:$port/health" "actions-$port" 120
done
for ((i = 0; i < RASA_REPLICAS; i++)); do
  port=$((RASA_BASE_PORT + i))
  wait_http "http://127.0.0.1:$port/webhooks/rest/" "rasa-$port" 300
done
wait_http "http://$PROD_LISTEN:$PROD_PORT/webhooks/rest/" nginx 20
say "ready: http://$PROD_LISTEN:$PROD_PORT/ ($RASA_REPLICAS Rasa, $ACTION_REPLICAS action servers, each restarted if it dies; logs in $RUN_DIR/logs)"

# Serve until stopped (Ctrl-C, SIGTERM) or until the supervisor itself dies.
set +e
wait "$supervisor_pid"
status=$?
set -e
((stopping)) || say "the supervisor exited with status $status"
