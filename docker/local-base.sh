#!/usr/bin/env bash
# Build the Dockerfile's base image locally, for machines that reach Debian's package mirror but no
# image registry (make docker-check calls this only when `docker pull` fails). The image stands in
# for python:3.11-slim: Debian bookworm (minbase, via debootstrap) with its Python 3.11, pip and
# venv, `python` and `pip` on PATH, and pip allowed to install into the system Python as in the
# official image. Needs root, debootstrap and a running Docker daemon.
#   usage: docker/local-base.sh [TAG]      (default: python:3.11-slim)
set -euo pipefail
tag=${1:-python:3.11-slim}
root=$(mktemp -d /tmp/article-cleaner-base.XXXXXX)
trap 'rm -rf "$root"' EXIT
chmod 755 "$root"  # it becomes the image's /, which every user must be able to enter

# DEBIAN_MIRROR overrides debootstrap's default mirror.
debootstrap --variant=minbase \
    --include=python3,python3-pip,python3-venv,python-is-python3,ca-certificates \
    bookworm "$root" ${DEBIAN_MIRROR:+"$DEBIAN_MIRROR"}
# The official image's pip installs into the system Python; Debian's refuses by default (PEP 668).
rm -f "$root"/usr/lib/python3*/EXTERNALLY-MANAGED
ln -sf pip3 "$root/usr/bin/pip"
# This machine's own extra certificate authorities (a proxy that inspects TLS, say), so that pip in
# the image reaches the package index as pip on this machine does.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
    chroot "$root" update-ca-certificates >/dev/null
fi
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/*

tar -C "$root" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["python3"]' \
    - "$tag"
echo "built $tag from Debian bookworm (debootstrap)"
