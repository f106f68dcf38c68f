# The standalone mock as a container: java -jar revoke-earn-mock.jar on a Java 17 JRE, as a non-root
# user, with an AppCDS archive trained at build time (start-up in about half the time).
#   mvn -B -q package -DskipTests && docker build -t revoke-earn .
#   docker run --rm -p 8080:8080 revoke-earn
# BASE_IMAGE: any image with a Java 17 runtime on the PATH and bash (for the health check). Offline,
# docker/base-image.sh makes one from Debian packages: --build-arg BASE_IMAGE=localhost/revoke-earn-base:17
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}

ARG VERSION=dev
LABEL org.opencontainers.image.title="revoke-earn" \
      org.opencontainers.image.description="Stateful mock of Capillary's Badges API revokeEarn, with its conformance check" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="Apache-2.0"

# uid 10001. A minimal Debian base has no useradd (package passwd): then /etc/passwd takes a line.
RUN set -eu; \
    if command -v useradd >/dev/null 2>&1; then \
      useradd --system --uid 10001 --user-group --home-dir /opt/revoke-earn --no-create-home \
        --shell /usr/sbin/nologin revoke-earn; \
    else \
      echo 'revoke-earn:x:10001:' >> /etc/group; \
      echo 'revoke-earn:x:10001:10001:revoke-earn:/opt/revoke-earn:/usr/sbin/nologin' >> /etc/passwd; \
    fi; \
    mkdir -p /opt/revoke-earn/root/mappings /opt/revoke-earn/root/__files /data /certs; \
    chown 10001:10001 /data /certs

COPY target/revoke-earn-mock.jar /opt/revoke-earn/revoke-earn-mock.jar
COPY docker/cds-train.sh /opt/revoke-earn/cds-train.sh
# The training run: the classes a start and the first requests load go into the archive.
RUN bash /opt/revoke-earn/cds-train.sh && rm /opt/revoke-earn/cds-train.sh

USER 10001:10001
# check writes its reports under the working directory (conformance-report/ by default).
WORKDIR /data
# Every flag of the jar works as container arguments; these are the defaults the image changes.
# The admin API answers only inside the container unless both REVOKE_EARN_ADMIN_REMOTE=true and
# REVOKE_EARN_ADMIN_TOKEN are set (then with "Authorization: Bearer <token>" only).
ENV REVOKE_EARN_BIND=0.0.0.0 \
    REVOKE_EARN_PORT=8080 \
    REVOKE_EARN_ROOT_DIR=/opt/revoke-earn/root
EXPOSE 8080 8443
VOLUME ["/data"]

# No curl in the image: bash's /dev/tcp asks for the health page.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${REVOKE_EARN_PORT:-8080} && printf 'GET /__admin/health HTTP/1.0\\r\\n\\r\\n' >&3 && read -r -t 2 proto code rest <&3 && [ \"$code\" = 200 ]"]

# -XX:-UsePerfData: nothing written to /tmp, so a read-only root file system needs no tmpfs (but
# for HTTPS with a certificate made at start, which keytool writes to /tmp).
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/opt/revoke-earn/app.jsa", "-Xshare:auto", "-XX:-UsePerfData", \
            "-XX:MaxRAMPercentage=75", "-jar", "/opt/revoke-earn/revoke-earn-mock.jar"]
