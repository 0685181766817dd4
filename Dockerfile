# syntax=docker/dockerfile:1
#
# profilelint from source: docker build --build-arg VERSION=v0.1.0 -t profilelint .
# The release image is built by GoReleaser from release.Dockerfile, with
# the binary it built; both end in the same image.

ARG GO_VERSION=1.25
ARG ALPINE_VERSION=3.22

FROM golang:${GO_VERSION}-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
# Static (no cgo), no paths of this machine in the binary.
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" \
      -o /out/profilelint ./cmd/profilelint

# Not scratch: GitLab CI and Jenkins run their job scripts with the
# image's shell, and profilelint asks git which files are ignored and
# reads earlier revisions (--new-from-rev) with it.
FROM alpine:${ALPINE_VERSION}
ARG VERSION=dev
LABEL org.opencontainers.image.title="profilelint" \
      org.opencontainers.image.description="Validates and lints career-profile YAML and JSON files" \
      org.opencontainers.image.source="https://github.com/profilelint/profilelint" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}"
# A checkout mounted into the container belongs to another user, which
# git refuses to read ("dubious ownership") unless told it is safe.
RUN apk add --no-cache git \
 && git config --system --add safe.directory '*' \
 && adduser -D -H -u 10001 profilelint
COPY --from=build /out/profilelint /usr/local/bin/profilelint
USER 10001:10001
# The result cache goes to a folder the user can write; a CI job may
# point XDG_CACHE_HOME into its workspace to keep it between jobs.
ENV XDG_CACHE_HOME=/tmp/cache
WORKDIR /work
ENTRYPOINT ["profilelint"]
CMD ["lint", "."]
