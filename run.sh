#!/usr/bin/env bash
# Builds Ghost Résumé and starts the whole system on this machine: embedded PostgreSQL 17, an in-process
# Kafka broker and both services. Data stays in ./.local between runs. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -DskipTests package
jar=$(ls local-stack/target/local-stack-*-exec.jar | head -n 1)
exec java -Daxoniq.update-checker.disabled=true -Dghost.root="$PWD" -jar "$jar"
