-- One server, one database per service: each owns its schema through its own Flyway migrations.
CREATE DATABASE ghost_command;
CREATE DATABASE ghost_query;
