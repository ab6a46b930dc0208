#!/bin/sh
# locale.sh - runs tests/locale_test under a comma locale (de_DE.UTF-8).
# The locale is generated when missing (as root with apt-get: the locales
# package and locale-gen, as .ci/run's fresh machine needs); where that is
# impossible the test is skipped, and the skip printed and counted.
# usage: sh tests/locale.sh BUILD/locale_test SITE.ini
set -u
bin=$1
site=$2
want=de_DE.UTF-8
have() { locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; }
if ! have && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "locale: generating $want" >&2
    if ! command -v locale-gen >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends locales >&2
    fi
    if [ -f /etc/locale.gen ]; then
        sed -i 's/^# *\(de_DE.UTF-8 UTF-8\)/\1/' /etc/locale.gen
        grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen || echo 'de_DE.UTF-8 UTF-8' >>/etc/locale.gen
    fi
    locale-gen >/dev/null 2>&1 || localedef -i de_DE -f UTF-8 de_DE.UTF-8 >&2
fi
tmp=$(mktemp -d /tmp/k3a-locale.XXXXXX)
"$bin" "$site" "$tmp" "$want"
rc=$?
rm -rf "$tmp"
if [ "$rc" -eq 77 ]; then
    echo "locale: 1 skipped ($want is not installed and cannot be generated here)"
    exit 0
fi
[ "$rc" -eq 0 ] && echo "locale: 1 passed, 0 failed" || echo "locale: 0 passed, 1 failed"
exit "$rc"
