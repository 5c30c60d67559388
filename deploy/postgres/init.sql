-- First-boot initialisation for the `postgresql` service in docker-compose.yml.
--
-- The postgres image runs this file once, as the superuser, and only when the
-- data volume is empty. Changing a password in .env afterwards does NOT update
-- the role: run `ALTER ROLE ... PASSWORD ...` by hand (or recreate the volume).
--
-- Passwords come from the container environment (see docker-compose.yml), read
-- with psql's \getenv (psql 15+), so no secret is written in this file.
\set ON_ERROR_STOP on
\getenv temporal_password TEMPORAL_DB_PASSWORD
\getenv greenlane_password GREENLANE_DB_PASSWORD
\getenv keycloak_password KEYCLOAK_DB_PASSWORD

-- Temporal: one role owning its two databases. The `temporal-schema` service
-- creates the tables with temporal-sql-tool; this only provides the databases
-- so that role needs no CREATEDB privilege.
SELECT format('CREATE ROLE temporal LOGIN PASSWORD %L', :'temporal_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'temporal') \gexec

SELECT 'CREATE DATABASE temporal OWNER temporal'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'temporal') \gexec

SELECT 'CREATE DATABASE temporal_visibility OWNER temporal'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'temporal_visibility') \gexec

-- Greenlane: its own role and database; `greenlane-migrate` creates the tables.
SELECT format('CREATE ROLE greenlane LOGIN PASSWORD %L', :'greenlane_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'greenlane') \gexec

SELECT 'CREATE DATABASE greenlane OWNER greenlane'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'greenlane') \gexec

-- Keycloak: its own role and database; Keycloak creates its tables on first start.
SELECT format('CREATE ROLE keycloak LOGIN PASSWORD %L', :'keycloak_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'keycloak') \gexec

SELECT 'CREATE DATABASE keycloak OWNER keycloak'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'keycloak') \gexec

-- No application role may connect to another's databases.
REVOKE CONNECT ON DATABASE temporal, temporal_visibility, greenlane, keycloak FROM PUBLIC;
GRANT CONNECT ON DATABASE temporal, temporal_visibility TO temporal;
GRANT CONNECT ON DATABASE greenlane TO greenlane;
GRANT CONNECT ON DATABASE keycloak TO keycloak;
