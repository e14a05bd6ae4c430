#!/usr/bin/env bash
# The community report: replays the whole seeker-events topic from its beginning in its own consumer group
# (ghost-insights), touching no read model, and writes report.md, report.json, a CSV and a PNG chart per question
# to a folder (insights/<time> unless --out= says otherwise); it also stores the result in the query database for
# GET /api/insights (--store=false: the folder only). Defaults fit the system ./run.sh starts; the query
# service's environment (KAFKA_BOOTSTRAP_SERVERS, KAFKA_TOPIC, POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD) or
# --bootstrap=, --topic=, --postgres-url=, --postgres-user=, --postgres-password= point it elsewhere;
# --privacy-threshold= (5) is the fewest distinct seekers a figure may cover.
set -euo pipefail
cd "$(dirname "$0")"
jar=query-service/target/query-service-0.1.0-SNAPSHOT-exec.jar
if [ ! -f "$jar" ]; then
  ./mvnw -q -B -DskipTests package -pl query-service -am
fi
exec java -cp "$jar" -Dloader.main=app.ghostresume.query.insights.InsightsCommand \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
