# syntax=docker/dockerfile:1
#
# The release image: GoReleaser (.goreleaser.yaml, dockers_v2) builds it
# with the static binary of each platform in the build context, under
# linux/amd64/ and linux/arm64/. It is the final stage of Dockerfile,
# which builds the binary from source instead.

ARG ALPINE_VERSION=3.22

FROM alpine:${ALPINE_VERSION}
ARG VERSION=dev
LABEL org.opencontainers.image.title="profilelint" \
      org.opencontainers.image.description="Validates and lints career-profile YAML and JSON files" \
      org.opencontainers.image.source="https://github.com/profilelint/profilelint" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}"
RUN apk add --no-cache git \
 && git config --system --add safe.directory '*' \
 && adduser -D -H -u 10001 profilelint
ARG TARGETPLATFORM
COPY ${TARGETPLATFORM}/profilelint /usr/local/bin/profilelint
USER 10001:10001
ENV XDG_CACHE_HOME=/tmp/cache
WORKDIR /work
ENTRYPOINT ["profilelint"]
CMD ["lint", "."]
