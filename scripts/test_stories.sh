#!/usr/bin/env bash
# Conversation tests of tests/stories/: every predicted intent and action must match.
# Rasa runs with the bot's runtime adjustments (bot/runtime/), as `make run` does.
# Prints a readable list of failed stories and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD"
out=results/stories
rm -rf "$out"
mkdir -p "$out"
.venv/bin/python -m bot.runtime test core --model models/hp-assistant.tar.gz --stories tests/stories \
  --out "$out" --fail-on-prediction-errors --no-plot > "$out.log" 2>&1
status=$?
if [ -s "$out/failed_test_stories.yml" ] && grep -q "story:" "$out/failed_test_stories.yml"; then
  echo "Failed conversation tests (predicted ≠ expected is marked '# predicted: …'):"
  cat "$out/failed_test_stories.yml"
fi
grep -E "Finished evaluation|Correct:|Accuracy|F1-Score" "$out.log" | sed 's/^.* - //' || true
if [ $status -ne 0 ]; then
  echo "story tests FAILED (full log: $out.log)"
  tail -n 20 "$out.log"
  exit 1
fi
stories=$(cat tests/stories/*.yml | grep -cE "^\s*- story:")
echo "$stories passed, 0 failed"
