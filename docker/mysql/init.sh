#!/bin/bash
# Run once by the mysql image on an empty data volume (/docker-entrypoint-initdb.d): one database
# and one user per service, each user granted its own database only. A shell script rather than
# plain SQL so that the passwords come from the environment (docker-compose.yml passes them, with
# defaults). The defaults are for local use only: set AEROALPES_DB_PASSWORD, CLIENTE_DB_PASSWORD,
# PAGOS_DB_PASSWORD, INTEGRACION_GDS_DB_PASSWORD and NOTIFICACIONES_DB_PASSWORD (URL-safe
# characters, they go into DATABASE_URL) before the first `up` anywhere else. Changing them later
# needs a new volume (docker compose down -v) or ALTER USER by hand.
# Not executable on purpose: the image's entrypoint then sources it, and docker_process_sql (its
# own helper, which knows the socket and root password of the init-time server) is at hand.
set -eo pipefail

# A quoted SQL string literal: backslashes and single quotes escaped.
sql_string() {
  local value="${1//\\/\\\\}"
  printf "'%s'" "${value//\'/\'\'}"
}

statements=""
for service in aeroalpes cliente pagos integracion_gds notificaciones; do
  variable="${service^^}_DB_PASSWORD"
  password="${!variable:-${service//_/-}-local}"
  statements+="CREATE DATABASE IF NOT EXISTS \`${service}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS '${service}'@'%' IDENTIFIED BY $(sql_string "$password");
GRANT ALL PRIVILEGES ON \`${service}\`.* TO '${service}'@'%';
"
done

run_sql() {
  if declare -F docker_process_sql >/dev/null; then
    docker_process_sql
  else
    mysql --protocol=socket --user=root --password="${MYSQL_ROOT_PASSWORD}" ${SOCKET:+--socket="$SOCKET"}
  fi
}

run_sql <<SQL
${statements}
FLUSH PRIVILEGES;
SQL
echo "init.sh: databases and users created for aeroalpes, cliente, pagos, integracion_gds, notificaciones"
