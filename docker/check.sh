#!/usr/bin/env bash
# `make docker-check`: build the image for real, clean the seed page through it as the service
# (POST /v1/clean) and as the batch command (a bind-mounted folder, run as the caller), check that an
# output folder the image's user may not write gets one line and exit 2, and stop what it started.
# Each answer must equal the local command's. Needs a Docker daemon; not part of CI. When no image
# registry answers, the base image is made locally from Debian's packages (docker/local-base.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

image=${IMAGE:-article-cleaner:check}
base=$(awk 'toupper($1) == "FROM" {print $2; exit}' Dockerfile)
seed=../shared/seed/sofrep-lavrov-kuleba.txt
[ -f "$seed" ] || seed=fixtures/sofrep-lavrov-kuleba.txt
work=$(mktemp -d /tmp/article-cleaner-docker-check.XXXXXX)
container=
cleanup() {
    if [ -n "$container" ]; then docker rm -f "$container" >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }

step "base image $base"
if ! docker image inspect "$base" >/dev/null 2>&1 && ! docker pull "$base"; then
    echo "no registry answers: making $base from Debian's packages"
    bash docker/local-base.sh "$base"
fi

step "docker build -t $image ."
# The host's network for the build: a daemon started without iptables gives containers no route out.
time docker build --network host -t "$image" .

.venv/bin/article-cleaner clean "$seed" >"$work/expected.txt"

step "the service: POST the seed page to /v1/clean"
port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
container=$(docker run -d --rm -p "127.0.0.1:$port:8000" "$image")
for _ in $(seq 120); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/healthz"
echo
curl -fsS "http://127.0.0.1:$port/v1/clean" -H 'Content-Type: text/plain' -H 'Accept: text/plain' \
    --data-binary @"$seed" >"$work/service.txt"
echo >>"$work/service.txt"  # the answer has no final newline; the command's output has one
diff -u "$work/expected.txt" "$work/service.txt"
echo "the service's clean text equals the local command's ($(wc -c <"$work/service.txt") bytes)"
docker exec "$container" python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
echo "the HEALTHCHECK command passes inside the container"
docker exec "$container" python -c "import cleaner, pathlib; assert (pathlib.Path(cleaner.__file__).parent / 'py.typed').is_file(); print('installed from the wheel: article-cleaner', cleaner.__version__, 'with py.typed')"
docker stop "$container" >/dev/null
container=

step "the batch command: a bind-mounted folder, run as the caller (--user)"
mkdir -p "$work/in"
cp "$seed" "$work/in/"
docker run --rm --user "$(id -u):$(id -g)" -v "$work/in:/in:ro" -v "$work/out:/out" "$image" \
    article-cleaner clean /in -o /out --jobs 2
name=$(basename "$seed")
diff -u "$work/expected.txt" "$work/out/$name"
grep -q '"status": "ok"' "$work/out/report.jsonl"
echo "the batch output equals the local command's"

step "an output folder the image's user may not write: one line, exit 2"
mkdir -m 755 "$work/root-out"
chown 0:0 "$work/root-out" 2>/dev/null || true
set +e
docker run --rm --user 10001:10001 -v "$work/in:/in:ro" -v "$work/root-out:/out" "$image" \
    article-cleaner clean /in -o /out 2>"$work/refused.txt"
code=$?
set -e
cat "$work/refused.txt"
[ "$code" -eq 2 ] && [ "$(wc -l <"$work/refused.txt")" -eq 1 ] && grep -q "^article-cleaner: cannot write to /out" "$work/refused.txt"

step "docker-check passed"
