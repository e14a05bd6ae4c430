-- One server, one database per service: each owns its schema through its own Flyway migrations.
CREATE DATABASE ghost_command;
CREATE DATABASE ghost_query;
-- The seekers' keys, apart from the events (back it up on its own schedule). The command service owns the table;
-- the query service reads it through a role that may only SELECT.
CREATE DATABASE ghost_keys;
CREATE ROLE ghost_keys_reader LOGIN PASSWORD 'ghost_keys_reader';
\c ghost_keys
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT SELECT ON TABLES TO ghost_keys_reader;
