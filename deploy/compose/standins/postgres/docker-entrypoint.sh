#!/usr/bin/env bash
# The part of the official postgres image's entrypoint that docker-compose.yml relies on; see README.md.
set -euo pipefail

if [ "${1:-}" != postgres ]; then
	exec "$@"
fi
if [ "$(id -u)" = 0 ]; then
	mkdir -p "$PGDATA" /var/run/postgresql
	chown -R postgres:postgres "$PGDATA" /var/run/postgresql
	chmod 700 "$PGDATA"
	exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
	: "${POSTGRES_PASSWORD:?is required, as by the official image}"
	user=${POSTGRES_USER:-postgres}
	initdb --username="$user" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") --encoding=UTF8 --locale=C.UTF-8 -D "$PGDATA"
	printf '\nhost all all all scram-sha-256\n' >> "$PGDATA/pg_hba.conf"
	# The socket where Debian's psql and the official image look for it (these binaries default to /tmp).
	printf "\nlisten_addresses = '*'\nunix_socket_directories = '/var/run/postgresql'\n" >> "$PGDATA/postgresql.conf"
	# The init scripts run against a server that listens on its socket only, so nobody connects before they are done.
	pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
	for script in /docker-entrypoint-initdb.d/*; do
		case "$script" in
			*.sql) echo "running $script"; psql -v ON_ERROR_STOP=1 --username "$user" --no-password --dbname postgres -f "$script" ;;
			*.sh) echo "running $script"; . "$script" ;;
			*) [ -e "$script" ] && echo "ignoring $script" ;;
		esac
	done
	pg_ctl -D "$PGDATA" -m fast -w stop
fi
exec "$@"
