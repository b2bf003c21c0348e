#!/bin/sh
# storage-setup Job: one MinIO user and policy per service (policies/*.json), idempotent (run again after a key
# rotation: the user's secret key is set anew). Root credentials from the tenant's configuration (config.env).
set -eu
. /config/config.env
export MC_CONFIG_DIR=/tmp/mc
until mc alias set calls "$STORAGE_URL" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null; do
  echo "waiting for the tenant at $STORAGE_URL"; sleep 5
done
for svc in submission-service review-service publication-service; do
  access="$(cat "/users/$svc/access-key")"
  secret="$(cat "/users/$svc/secret-key")"
  mc admin policy create calls "$svc" "/policies/$svc.json"
  mc admin user add calls "$access" "$secret"
  mc admin policy attach calls "$svc" --user "$access" 2>/dev/null || true   # already attached: fine
  echo "user of $svc: policy $svc"
done
