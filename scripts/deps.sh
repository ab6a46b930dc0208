#!/bin/sh
# deps.sh - make sure the build's libraries are installed.
#
# Checks GSL, libxlsxwriter, inih, Check, cairo, pango, libqrencode, SQLite
# and libpq with pkg-config, and the DejaVu fonts the PDF report embeds.  When any is
# missing: as root, installs Debian's packages with apt-get; otherwise
# prints the exact command and fails.  Called by `make` before building.
#
# `sh scripts/deps.sh fuzz` (make fuzz) checks clang and its libFuzzer
# runtime instead, and installs clang and libclang-rt-dev the same way.
set -u
if [ "${1:-}" = fuzz ]; then
    if command -v clang >/dev/null 2>&1 &&
        ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1; then
        exit 0
    fi
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "k3audit: make fuzz needs clang and libFuzzer:" >&2
        echo "    sudo apt-get update && sudo apt-get install -y clang libclang-rt-dev" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 &&
        apt-get install -y -qq --no-install-recommends clang libclang-rt-dev >&2
    exit $?
fi
PKGS="libgsl-dev libxlsxwriter-dev libinih-dev check pkg-config zlib1g-dev libcairo2-dev libpango1.0-dev libqrencode-dev fonts-dejavu-core libsqlite3-dev libpq-dev"
need_install=0
if ! command -v pkg-config >/dev/null 2>&1; then
    need_install=1
else
    for m in gsl xlsxwriter inih check cairo pangocairo libqrencode sqlite3 libpq; do
        pkg-config --exists "$m" || need_install=1
    done
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_install=1
fi
[ "$need_install" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "k3audit: missing build libraries. Install them with:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y $PKGS" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "k3audit: missing build libraries and no apt-get here; install: $PKGS" >&2
    exit 1
fi
echo "k3audit: installing build libraries: $PKGS" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2 || exit 1
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $PKGS >&2 || exit 1
