#!/usr/bin/env bash
# A Java 17 JRE base image made offline from Debian packages (no registry needed), for podman:
#   docker/base-image.sh [IMAGE]        default IMAGE: localhost/revoke-earn-base:17
# Uses mmdebstrap (Debian bookworm, openjdk-17-jre-headless), about 270 MB unpacked. The root file
# system is cached as a zstd tarball in ${REVOKE_EARN_CACHE:-~/.cache/revoke-earn}, so a second run
# (or a machine that keeps that directory) only imports it. Needs root, podman, mmdebstrap, zstd.
set -euo pipefail
IMAGE=${1:-localhost/revoke-earn-base:17}
CACHE=${REVOKE_EARN_CACHE:-$HOME/.cache/revoke-earn}
TARBALL=$CACHE/base-bookworm-openjdk17.tar.zst
export CONTAINERS_CONF=${CONTAINERS_CONF:-$(cd "$(dirname "$0")" && pwd)/containers.conf}

if podman image exists "$IMAGE"; then
  echo "$IMAGE exists"
  exit 0
fi
mkdir -p "$CACHE"
if [ ! -s "$TARBALL" ]; then
  echo "making a Debian bookworm root with openjdk-17-jre-headless (about 2 minutes)..."
  JDK=/usr/lib/jvm/java-17-openjdk-amd64
  mmdebstrap --quiet --variant=essential --include=openjdk-17-jre-headless,ca-certificates \
    --aptopt='Acquire::Languages "none"' \
    --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-include=/usr/share/locale/locale.alias' \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/info/*' --dpkgopt='path-exclude=/usr/share/lintian/*' \
    --setup-hook='mkdir -p "$1"/usr/share/man/man1' \
    --customize-hook="rm -rf \"\$1\"/var/lib/apt/lists/* \"\$1\"/var/cache/apt/* \"\$1\"/var/log/* \"\$1\"$JDK/lib/ct.sym \"\$1\"/var/cache/debconf/*-old \"\$1\"/var/lib/dpkg/*-old" \
    bookworm "$CACHE/base.tar.partial"
  zstd -q -T0 -3 --rm -f "$CACHE/base.tar.partial" -o "$TARBALL.partial"
  mv "$TARBALL.partial" "$TARBALL"
fi
# Decompressed here: podman would record the compressed file's digest as the layer's, and no
# build on top would ever hit its cache.
zstd -dc "$TARBALL" | podman import -q \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$IMAGE" > /dev/null
echo "$IMAGE made"
