#!/usr/bin/env bash
# A release build: sets VERSION (default: this version without -SNAPSHOT) in pom.xml, runs the whole
# build with -P release, and tags the container image with the version when podman or docker is
# here. What a release publishes ends up in target/release/: the standalone jar, the library jar
# with its sources and javadoc, the WireMock extension, a CycloneDX SBOM, and a .sha256 for each.
#   scripts/release.sh [VERSION]
# Publishing (Maven Central, a registry, GitHub Releases) is .github/workflows/release.yml's job.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then
  mvn -B -q versions:set -DnewVersion="$1" -DgenerateBackupPoms=false
else
  mvn -B -q versions:set -DremoveSnapshot -DgenerateBackupPoms=false
fi
VERSION=$(mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout)
mvn -B -P release verify ${RELEASE_MAVEN_ARGS:-}
if command -v podman > /dev/null || command -v docker > /dev/null; then
  engine=$(command -v podman > /dev/null && echo podman || echo docker)
  [ "$engine" = podman ] && export CONTAINERS_CONF=${CONTAINERS_CONF:-$PWD/docker/containers.conf}
  "$engine" build ${BASE_IMAGE:+--build-arg BASE_IMAGE=$BASE_IMAGE} --build-arg VERSION="$VERSION" \
    $( [ "$engine" = podman ] && echo --format docker ) -t "revoke-earn:$VERSION" .
fi
echo "release $VERSION:"
ls -l target/release
