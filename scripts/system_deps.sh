#!/usr/bin/env bash
# Debian packages the tests and the production profile use: Chromium for the browser
# test (never a browser download), nginx for the production profile, Node's npm for
# the chat component. Installs only what is missing; needs root, as on these machines.
set -euo pipefail
missing=()
command -v chromium > /dev/null || missing+=(chromium fonts-noto-color-emoji)
command -v nginx > /dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v npm > /dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi
