#!/bin/sh
# Installs Debian's chromium for the HTML report test (test/report/html-report.test.ts), when missing.
# The browser comes from the distribution, never downloaded by a library at test time.
set -e
[ -x /usr/bin/chromium ] && exit 0
SUDO=''
[ "$(id -u)" -ne 0 ] && SUDO='sudo'
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
