-- One PostgreSQL server, one database per service (each owns its schema through Flyway).
CREATE DATABASE sitrep_incident;
CREATE DATABASE sitrep_notification;
CREATE DATABASE sitrep_timeline;
CREATE DATABASE sitrep_console;
