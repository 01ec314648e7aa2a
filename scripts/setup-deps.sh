#!/usr/bin/env bash
# Installs everything Evakin needs to build and test, from Debian 12 packages.
#
#   sudo scripts/setup-deps.sh     # install what is missing, create user `evakin`
#   scripts/setup-deps.sh          # (not root) only check and report what is missing
#
# Idempotent: when every package is installed and the user exists, it touches
# nothing (no apt-get at all), so re-runs take well under a second.
#
# The non-root user `evakin` runs soffice and unopkg in the integration tests:
# both refuse to run as root with a per-user installation.
set -euo pipefail

PACKAGES=(
  build-essential cmake g++ clang libclang-rt-14-dev
  libreoffice-dev libreoffice-calc libreoffice-writer python3-uno
  libreoffice-gtk3 xvfb xdotool imagemagick x11-utils libreoffice-l10n-id openbox
  fonts-liberation2 fonts-liberation fonts-dejavu-core fontconfig
  libpoco-dev libpugixml-dev catch2
  jing xsltproc zip unzip poppler-utils patchelf time
  postgresql python3-aiosmtpd dovecot-core dovecot-pop3d
)
TEST_USER=evakin

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  if [ "$status" != "install ok installed" ]; then
    missing+=("$pkg")
  fi
done

have_user=yes
id -u "$TEST_USER" >/dev/null 2>&1 || have_user=no

if [ "$(id -u)" -ne 0 ]; then
  rc=0
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup-deps: missing packages: ${missing[*]}" >&2
    rc=1
  fi
  if [ "$have_user" = no ]; then
    echo "setup-deps: missing user '$TEST_USER' (only needed when the tests run as root)" >&2
  fi
  if [ $rc -ne 0 ]; then
    echo "setup-deps: run as root to install: sudo $0" >&2
  else
    echo "setup-deps: all packages installed"
  fi
  exit $rc
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-deps: installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "setup-deps: all packages installed"
fi

if [ "$have_user" = no ]; then
  echo "setup-deps: creating user '$TEST_USER'"
  useradd --create-home --user-group --shell /bin/bash "$TEST_USER"
fi
